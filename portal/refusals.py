"""A form refused before its view could look at it keeps what was typed.

Two refusals happen before a view runs: a body larger than MAX_CONTENT_LENGTH (413) and a rate
limit (429). A bare error page would lose everything the person typed, perhaps a long account of
what happened to them. Instead, for every view marked `keeps_input_on_csrf_error` (the forms), the
view itself answers again with the typed input and the reason on top, and the status stays 413 or
429. (A stale CSRF token is answered the same way, in portal/__init__.py.)

While a refused request is answered, nothing can be stored: any flush raises `RequestRefusedError`
(a DomainError, so the views put its message on the form and roll back), whatever the view does.

For a body that is too large, only its first MAX_CONTENT_LENGTH bytes are read back (the fields the
browser sends first, the CSRF token among them); the field cut off by the limit is dropped. The view
runs with its rate limits, as any request does.

For a rate limit, the view runs again only when every limit that was exceeded is the flood limit of
residents' forms (PUBLIC_FORM_RATE_LIMIT). A limit against guessing (receipt codes, activity codes,
passwords) never lets the view run again: that would answer one more guess. The limiter checks every
limit of a request even after one is exceeded (RATELIMIT_FAIL_ON_FIRST_BREACH off), so the guessing
limits have counted this request before the view runs again. The login views answer a refusal
themselves and never check a password or code then.
"""

from __future__ import annotations

import inspect
from urllib.parse import parse_qsl

from flask import current_app, g, has_request_context, request
from flask.globals import request_ctx
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.orm import Session
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import BadRequest, HTTPException

from portal.services import DomainError

TOO_LARGE = _l("What you sent is too long, so nothing was saved. Your answers are below: shorten the longest "
               "one and send the form again.")
TOO_OFTEN = _l("Too many tries from here, so nothing was saved. Your answers are below: please wait a few "
               "minutes and send the form again.")
NUL_CHARACTER = _l("Something you sent contains a character that cannot be stored, so nothing was saved. It "
                   "was taken out: check your answers and send the form again.")
_FLAG = "portal_refusal"


class NulCharacterError(BadRequest):
    """A form value with a NUL character: no database can store it (PostgreSQL refuses it)."""


def refuse_nul_characters():
    """Before every POST: a NUL anywhere in the form is refused like the other refusals (the form
    comes back without it), before any view or service sees it."""
    if request.method != "POST" or request.mimetype not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return
    form = request.form
    if any("\x00" in key or any("\x00" in value for value in form.getlist(key)) for key in form):
        raise NulCharacterError()


def _without_nul() -> bool:
    cleaned = [(k.replace("\x00", ""), v.replace("\x00", "")) for k, v in request.form.items(multi=True)]
    request.__dict__["form"] = ImmutableMultiDict(cleaned)
    return True


class RequestRefusedError(DomainError):
    """Raised by any flush while a refused request is being answered."""


def refusal():
    return g.get(_FLAG) if has_request_context() else None


@event.listens_for(Session, "before_flush")
def _store_nothing(session, _context, _instances):
    reason = refusal()
    if reason is not None:
        request_ctx.flashes = []  # the form shows the reason itself: no second copy above it
        raise RequestRefusedError(reason)


def _read_prefix() -> bool:
    """Parse the first MAX_CONTENT_LENGTH bytes of an urlencoded body as the form."""
    if request.mimetype != "application/x-www-form-urlencoded" or "form" in request.__dict__:
        return False
    limit = int(current_app.config.get("MAX_CONTENT_LENGTH") or 0)
    stream = request.environ.get("wsgi.input")
    if not limit or stream is None:
        return False
    try:
        raw = stream.read(limit)
    except (OSError, ValueError):
        return False
    raw = raw[: raw.rfind(b"&")] if b"&" in raw else b""
    pairs = parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True, encoding="utf-8", errors="replace")
    request.__dict__["form"] = ImmutableMultiDict(pairs)
    request.__dict__["files"] = ImmutableMultiDict()
    return True


SELF_ANSWERING = frozenset({"auth.login", "auth.second_factor"})


def _only_flood_limits_exceeded() -> bool:
    from limits import parse

    from portal.extensions import limiter

    flood = parse(current_app.config["PUBLIC_FORM_RATE_LIMIT"])
    exceeded = [limit for limit in limiter.current_limits if limit.breached]
    return bool(exceeded) and all(limit.limit == flood and not limit.shared for limit in exceeded)


def answer_again(status: int, reason) -> object | None:
    """Run the refused form's view once more with its input and `reason`, storing nothing. None
    when this request is not a form that can be answered so."""
    view = current_app.view_functions.get(request.endpoint or "")
    if request.method != "POST" or not getattr(view, "keeps_input_on_csrf_error", False):
        return None
    if status == 413 and not _read_prefix():
        return None
    if status == 400 and not _without_nul():
        return None
    if status == 429 and request.endpoint not in SELF_ANSWERING and not _only_flood_limits_exceeded():
        return None
    # 429: past the limiter (it has counted this request). 413: through it, like any request.
    run = inspect.unwrap(view) if status == 429 else view
    request_ctx.flashes = [("error", str(reason))]
    setattr(g, _FLAG, reason)
    response = None
    try:
        for name in reversed(request.blueprints):  # the staff areas' guards, as in the CSRF handler
            for guard in current_app.before_request_funcs.get(name, ()):
                refused = guard()
                if refused is not None:
                    return refused
        response = current_app.make_response(run(**(request.view_args or {})))
    except (DomainError, HTTPException):
        response = None
    finally:
        setattr(g, _FLAG, None)
        from portal.extensions import db

        db.session.rollback()
    if response is None or response.status_code not in (200, 400) or response.mimetype != "text/html":
        request_ctx.flashes = None  # the plain error page follows, without this form's message
        return None
    response.status_code = status
    return response
