"""Receipt codes: how a resident comes back for an answer without the portal knowing who they are.

The code
    20 random decimal digits (10**20 is about 2**66.4, so more than 64 bits), shown in five groups of
    four like a phone number: ``4821 0937 5512 8043 1175``. Digits can be read aloud, written on
    paper and typed on any phone keypad in any language. Typing is forgiving: spaces, dashes and
    dots are ignored, and digits from other scripts (Arabic-Indic, Devanagari...) count as digits.

What is stored
    Never the code. ``receipt_hash`` holds a keyed, slow, deterministic hash of it::

        key    = HMAC-SHA256(SECRET_KEY, "portal/receipt-code/v1")     # derived; never stored
        salt   = HMAC-SHA256(key, digits)                               # keyed: needs the secret
        digest = scrypt(digits, salt=salt, n=2**14, r=8, p=1, dklen=32)  # ~40 ms and 16 MiB a try
        receipt_hash = "s1$" + hex(digest)

    * Keyed: without the app's secret key, someone holding a copy of the database cannot test a
      single guess offline.
    * Slow: with the database *and* the secret key, each guess still costs one scrypt run; finding
      any code among a million stored rows would take about 2**46 of them.
    * Deterministic (the salt comes from the code itself, through the key), so a lookup is one
      indexed equality query on the unique ``receipt_hash`` column, never a scan that verifies
      every row.

    Online guessing is throttled by the rate limiter on the status page, and every wrong, expired
    or purged code gets the same answer.

    Changing SECRET_KEY makes existing codes stop working (residents can still send new feedback);
    the ``s1$`` prefix lets a later scheme live beside this one.

Codes of forms sent with a one-time token
    A form's code is not drawn at random but derived from its one-time token (see
    ``submissions.py``): ``HMAC-SHA256(key', kind:nonce:variant)`` read as a number modulo 10**20,
    under another key derived from SECRET_KEY. The same form sent twice then shows the same code
    without the code ever being stored; without the secret the code cannot be told from random.
    ``variant`` is 0 unless that code's hash were already taken (one chance in 10**20 a row).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

from flask import current_app

from portal.extensions import db
from portal.models import Feedback, RumourReport

DIGITS = 20
GROUP = 4
PREFIX = "s1$"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
_SEPARATORS = frozenset(" \t\u00a0\u2009\u202f-\u2010\u2011\u2012\u2013\u2014./_")


def new_code() -> str:
    """A fresh code as plain digits (no separators)."""
    return f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"


def format_code(digits: str) -> str:
    """'48210937551280431175' -> '4821 0937 5512 8043 1175'."""
    return " ".join(digits[i : i + GROUP] for i in range(0, len(digits), GROUP))


def normalise_code(typed: str | None) -> str | None:
    """What a person typed, as 20 ASCII digits; None when it cannot be a code."""
    if not typed:
        return None
    out = []
    for char in typed.strip():
        if char in _SEPARATORS:
            continue
        if not char.isdecimal():
            return None
        out.append(str(unicodedata.decimal(char)))
    digits = "".join(out)
    return digits if len(digits) == DIGITS else None


def _derived_key() -> bytes:
    secret = current_app.config["SECRET_KEY"]
    if isinstance(secret, str):
        secret = secret.encode()
    return hmac.new(secret, b"portal/receipt-code/v1", hashlib.sha256).digest()


def hash_code(digits: str) -> str:
    """The stored form of a normalised code."""
    code = digits.encode("ascii")
    salt = hmac.new(_derived_key(), code, hashlib.sha256).digest()
    return PREFIX + hashlib.scrypt(code, salt=salt, **_SCRYPT).hex()


def issue_receipt() -> tuple[str, str]:
    """A new code and its hash. The hash is unique across feedback and rumour reports (a clash
    among 10**20 codes is practically impossible, but it costs one indexed query to be sure)."""
    while True:
        digits = new_code()
        digest = hash_code(digits)
        if find_receipt(digits, digest=digest) is None:
            return digits, digest


def derived_code(seed: str, variant: int) -> str:
    """The code of a form's one-time token (`seed`: its kind and nonce), as plain digits."""
    key = hmac.new(_derived_key(), b"portal/receipt-from-token/v1", hashlib.sha256).digest()
    mac = hmac.new(key, f"{seed}:{variant}".encode(), hashlib.sha256).digest()
    return f"{int.from_bytes(mac, 'big') % 10**DIGITS:0{DIGITS}d}"


def issue_derived_receipt(seed: str) -> tuple[int, str, str]:
    """(variant, code, hash) for a form's token: the first derived code whose hash is free."""
    variant = 0
    while True:
        digits = derived_code(seed, variant)
        digest = hash_code(digits)
        if find_receipt(digits, digest=digest) is None:
            return variant, digits, digest
        variant += 1


def find_receipt(digits: str | None, *, digest: str | None = None):
    """The feedback or rumour report behind a code, or None. One indexed equality query per table."""
    if digest is None:
        if not digits:
            return None
        digest = hash_code(digits)
    for model in (Feedback, RumourReport):
        found = db.session.scalar(db.select(model).where(model.receipt_hash == digest))
        if found is not None:
            return found
    return None
