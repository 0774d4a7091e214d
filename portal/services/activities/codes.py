"""Short codes people read off a poster or a screen."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L: easy to read aloud and to type on a phone.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_activity_code(length: int = 6) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise_activity_code(code: str) -> str:
    return code.strip().upper()
