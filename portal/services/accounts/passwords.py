"""Staff passwords: how they are hashed and which ones are refused.

Hashing: argon2id with argon2-cffi's recommended profile (RFC 9106, 64 MiB, 3 passes, 4 lanes),
above OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane). When these parameters change, a
password is rehashed the next time its owner logs in (`needs_rehash`).

Policy (NIST SP 800-63B, OWASP ASVS 2.1): at least 12 characters and no composition rules (no
"one digit, one capital"), because length and unpredictability are what resist guessing. A
password is refused when it is common or looks like one that has been breached: zxcvbn (shipped
with its frequency lists of leaked passwords, names and words; nothing is fetched at run time)
must estimate at least 10^10 guesses. Its own words and the account's e-mail count as known.
"""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import lazy_gettext as _l

from portal.services import DomainError

HASHER = PasswordHasher()
# OWASP Password Storage Cheat Sheet: argon2id with m=19 MiB, t=2, p=1 at the least.
OWASP_MINIMUM = {"memory_cost": 19 * 1024, "time_cost": 2, "parallelism": 1}

MIN_LENGTH = 12
MAX_LENGTH = 256  # long passphrases are welcome; far longer input is not a password
MIN_GUESSES_LOG10 = 10
ZXCVBN_MAX = 72  # zxcvbn refuses longer input; the first 72 characters decide
SITE_WORDS = ["safety", "together", "portal", "police", "roma", "community", "policing", "password"]


class PasswordError(DomainError):
    """A new password that the policy refuses."""


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return HASHER.check_needs_rehash(password_hash)


def _known_words(email: str) -> list[str]:
    local, _, domain = email.lower().partition("@")
    return [email.lower(), local, *re.split(r"[^a-z0-9]+", local + " " + domain), *SITE_WORDS]


def check_new_password(password: str, *, email: str = "", field: str | None = "password") -> None:
    """Raise PasswordError (with a message for the form) when `password` may not be used."""
    if len(password) < MIN_LENGTH:
        raise PasswordError(_l("Use at least %(min)d characters. A few unrelated words are easy to remember.",
                               min=MIN_LENGTH), field)
    if len(password) > MAX_LENGTH:
        raise PasswordError(_l("Use at most %(max)d characters.", max=MAX_LENGTH), field)
    from zxcvbn import zxcvbn  # its word lists load on first use, not when the app starts

    words = [w for w in _known_words(email) if w]
    strength = zxcvbn(password[:ZXCVBN_MAX], user_inputs=words)
    if strength["guesses_log10"] < MIN_GUESSES_LOG10:
        raise PasswordError(_l("This password is too easy to guess: it is common, or close to one that is. "
                               "Try a few unrelated words."), field)
