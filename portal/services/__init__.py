"""Business rules. Services flush but never commit: the view or command commits once."""


class DomainError(Exception):
    """A rule of the domain was broken; the message is safe to show."""
