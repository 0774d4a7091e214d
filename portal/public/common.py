"""Rate limits of the public views, read from config when a request asks for them, and the page
that confirms a stored form."""

from __future__ import annotations

import functools

from flask import current_app, render_template, request

from portal.public import page_cache
from portal.services.feedback.receipts import format_code


def setting(name: str):
    """PUBLIC_FORM_RATE_LIMIT, RECEIPT_GUESS_RATE_LIMIT, FORM_MIN_SECONDS (see portal/config.py)."""
    return current_app.config[name]


def public_form_limit() -> str:
    return setting("PUBLIC_FORM_RATE_LIMIT")


def receipt_guess_limit() -> str:
    return setting("RECEIPT_GUESS_RATE_LIMIT")


def on_posts(limit):
    """Apply a POST-only limit decorator to POSTs alone. Flask-Limiter's decorator looks up and
    weighs a view's limits on every request, and for the GET of an empty form (a kept page) found
    none that apply at an eighth of the request's cost (README, Performance). Only for a view's
    sole limit: stacked, Flask-Limiter checks every limit of the view in the innermost decorator."""
    def decorate(view):
        limited = limit(view)

        @functools.wraps(view)
        def dispatch(*args, **kwargs):
            return (limited if request.method == "POST" else view)(*args, **kwargs)

        return dispatch

    return decorate


def confirmation(kind: str, receipt_code: str | None) -> str:
    """The page that answers a stored (or resent) feedback or rumour form: the same for every
    resident in a language but for the receipt code, so it is kept (`page_cache`) with a hole
    where the code goes."""
    code = format_code(receipt_code) if receipt_code else None
    if not page_cache.serves(answer=True):
        return render_template("public/submitted.html", kind=kind, receipt_code=code)
    return page_cache.page(
        f"submitted-{kind}", lambda: render_template(
            "public/submitted.html", kind=kind, receipt_code=page_cache.hole("receipt") if code else None),
        extra=(code is not None,), holes={"receipt": lambda: code} if code else None)
