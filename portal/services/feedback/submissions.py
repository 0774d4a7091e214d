"""One-time submission tokens: a form sent twice is stored once and answered the same way.

Every form that stores something a resident said carries a token issued with the page: the
residents' feedback form (/feedback/new and /a/<code>) and rumour form in their "shown at" stamp,
the follow-up message under a receipt code and the mediators' form in a hidden field. A token is
16 random bytes (the nonce) and the form's kind, signed with the server's secret and the time the
page was shown, so only tokens this server issued, for this kind of form, within
WTF_CSRF_TIME_LIMIT are taken.

Sending
    The first time a token comes back with a valid form, the submission is stored and, in the same
    transaction, a keyed hash of the token (`used_submission`). The second time (a reload of the
    confirmation page, a browser's retry after a dropped connection, a double click), the hash is
    found: nothing is stored, whatever the form now says, and the answer is the first one's. If two
    copies arrive together, the hash's primary key lets one in; the other is answered as a copy.

The same receipt code
    A receipt code is derived from the token with the secret (`receipts.derived_code`), so a copy
    shows the first sending's code although no code is ever stored, only its slow hash as before.
    The hash row says only whether a code was given (and which of the derived codes, practically
    always the first).

What is stored, and what it tells (the privacy choice)
    * `digest`: HMAC-SHA256 of kind and nonce under a key derived from SECRET_KEY. Someone holding
      a copy of the database and a token (from a phone's browser history, say) cannot compute it
      without the secret, so they cannot even tell whether that token was used, let alone which row
      it sent. No address, browser, session, cookie or time is stored or needed.
    * `day`: the day it was stored, which every submission's `received_on` holds anyway, only so
      that rows older than yesterday are deleted at the next submission (a token is never taken
      after WTF_CSRF_TIME_LIMIT, so an older row can never match again).
    * With SECRET_KEY as well, a token leads to its hash row while it exists, and on PostgreSQL the
      row's transaction id (xmin) is the submission's; they could as well derive the receipt code
      and look the submission up directly, which is what a receipt code is for. That link is
      unavoidable: whatever recognises a form's second sending must be able to tell it from the
      first, and a server holding its own secret can. It is kept as short as the token lives: the
      hash sits in its own table (not on the submission, which stays for years) and is deleted
      after a day.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import UsedSubmission
from portal.services import DomainError, dates
from portal.services.feedback import receipts

SALT = "portal.form-once"
KINDS = frozenset({"feedback", "rumour", "reply", "mediator"})
STALE_FORM = _l("This form was open for too long or came from another page. Check your answers and send it again.")


class AlreadySentError(DomainError):
    """Another copy of this form, sent at the same moment, was stored first."""


class StaleFormError(DomainError):
    """The form came back without a token this server issued in the last hours."""


@dataclass(frozen=True)
class Token:
    kind: str
    nonce: str

    @property
    def seed(self) -> str:
        return f"{self.kind}:{self.nonce}"

    @property
    def digest(self) -> str:
        return hmac.new(_key(b"portal/used-submission/v1"), self.seed.encode(), hashlib.sha256).hexdigest()


# What a form without a valid token passes on: the service checks its own rules first, then refuses
# with StaleFormError when it would store (so a closed thread still says that it is closed).
MISSING = Token("", "")


@dataclass(frozen=True)
class Sent:
    """The answer to a form: its receipt code (digits) if one was asked for; `again`: a copy."""

    receipt_code: str | None
    again: bool = False
    record: object | None = None


def _key(purpose: bytes) -> bytes:
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(secret, purpose, hashlib.sha256).digest()


class _Signer(TimestampSigner):
    def __init__(self, now: float | None = None):
        super().__init__(current_app.config["SECRET_KEY"], salt=SALT)
        self._now = now

    def get_timestamp(self) -> int:
        return int(self._now) if self._now is not None else super().get_timestamp()


def max_age() -> int:
    return int(current_app.config.get("WTF_CSRF_TIME_LIMIT") or 24 * 3600)


def issue(kind: str, now: float | None = None) -> str:
    """A fresh token for a form of `kind` shown now (or at `now`, for tests)."""
    return _Signer(now).sign(f"{kind}.{secrets.token_urlsafe(16)}").decode()


def read(value: str | None, kind: str) -> tuple[Token, float] | None:
    """The token in a sent form and when its page was shown (a Unix time), or None when it is
    missing, forged, expired or was issued for another kind of form."""
    if not value or len(value) > 200:
        return None
    try:
        payload, signed_at = _Signer().unsign(value, max_age=max_age(), return_timestamp=True)
    except (BadSignature, SignatureExpired):
        return None
    found_kind, _, nonce = payload.decode().partition(".")
    if found_kind != kind or not nonce:
        return None
    return Token(kind, nonce), signed_at.timestamp()


def previous(token: Token) -> Sent | None:
    """The answer this token got the first time, or None when it was never used."""
    if token is MISSING:
        return None
    row = db.session.execute(select(UsedSubmission.receipt).where(UsedSubmission.digest == token.digest)).first()
    if row is None:
        return None
    code = receipts.derived_code(token.seed, row.receipt) if row.receipt is not None else None
    return Sent(code, again=True)


def claim(token: Token, *, wants_receipt: bool, today: date | None = None) -> tuple[str | None, str | None]:
    """Mark the token used (added to the session: the caller's flush writes it with the submission)
    and give its receipt code and hash when one is asked for. The flush raises IntegrityError when
    another copy was stored first (`send_once` answers it); StaleFormError when the form had no
    valid token."""
    if token is MISSING:
        raise StaleFormError(STALE_FORM)
    today = today or dates.today()
    variant = code = digest = None
    if wants_receipt:
        variant, code, digest = receipts.issue_derived_receipt(token.seed)
    _forget_old(today)
    db.session.add(UsedSubmission(digest=token.digest, receipt=variant, day=today))
    return code, digest


def _forget_old(today: date) -> None:
    """Delete the rows of tokens that can no longer come back (older than yesterday), with each
    submission (an index range on `day`: nothing to do costs one look-up)."""
    db.session.execute(delete(UsedSubmission).where(UsedSubmission.day < today - timedelta(days=1)))


def send_once(token: Token, store: Callable[[], object]) -> Sent:
    """Run `store` (a service call that passes `token` on to `claim`) unless this token was used
    before; then answer as the first time. `store` returns a Submission or None."""
    earlier = previous(token)
    if earlier is not None:
        return earlier
    try:
        submission = store()
    except IntegrityError as error:
        raise AlreadySentError(STALE_FORM) from error  # the caller rolls back and asks `previous` again
    return Sent(getattr(submission, "receipt_code", None), record=getattr(submission, "record", submission))

