"""Statistics that never single anyone out."""
