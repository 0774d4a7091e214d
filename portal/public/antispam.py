"""Stopping robots without watching people.

* A honeypot: a text field people never see (moved off screen, labelled "Leave this empty", out of
  the tab order). Robots that fill every field fill it too.
* A minimum time to fill: the form carries a signed stamp of when it was shown. It lives only in
  the page; nothing is stored. A form sent back faster than FORM_MIN_SECONDS (default 3) was not
  filled in by a person.

Rejected forms store nothing and come back with the typed answers and a plain message, so a person
who tripped a check by accident can simply send again.
"""

from __future__ import annotations

import time

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner

from portal.public.common import setting

SALT = "portal.public-form.started"


class _Signer(TimestampSigner):
    def __init__(self, secret, now: float | None = None):
        super().__init__(secret, salt=SALT)
        self._now = now

    def get_timestamp(self) -> int:
        return int(self._now) if self._now is not None else super().get_timestamp()


def _secret() -> str | bytes:
    return current_app.config["SECRET_KEY"]


def min_seconds() -> float:
    return float(setting("FORM_MIN_SECONDS"))


def issue_started(form_name: str, now: float | None = None) -> str:
    """The hidden value for a form shown now (or at `now`, for tests)."""
    return _Signer(_secret(), now).sign(form_name).decode()


def filled_by_a_person(token: str | None, form_name: str, now: float | None = None) -> bool:
    """True when the stamp is ours, for this form, and old enough. Missing, forged, reused on
    another form or too fresh: False."""
    if not token:
        return False
    max_age = int(current_app.config.get("WTF_CSRF_TIME_LIMIT") or 24 * 3600)
    try:
        value, signed_at = _Signer(_secret()).unsign(token, max_age=max_age, return_timestamp=True)
    except (BadSignature, SignatureExpired):
        return False
    if value.decode() != form_name:
        return False
    elapsed = (time.time() if now is None else now) - signed_at.timestamp()
    return elapsed >= min_seconds()
