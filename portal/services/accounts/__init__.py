"""Staff accounts and the partner organisations residents are pointed to."""
