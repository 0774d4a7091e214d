"""The good-practice catalogue, vocabularies, municipalities, and demo content."""
