"""What plays both sides at once: the demo data, a local Ucanss authority for it, the installation self-test."""
