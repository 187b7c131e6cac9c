"""The exchange format between site and Ucanss: canonical JSON, keys, the chain of trust, packages and their check."""
