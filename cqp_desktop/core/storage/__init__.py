"""The site's database: schema migrations, the store (its only door), integrity seals and anchor, backups, settings."""
