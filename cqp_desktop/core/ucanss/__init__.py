"""The Ucanss side: its authority, the national base and import, the jury paritaire national and its documents."""
