"""Helpers shared by the public views: rate limits read from config, and domain errors put back
next to the field they belong to."""

from __future__ import annotations

from flask import current_app

def setting(name: str):
    """PUBLIC_FORM_RATE_LIMIT, RECEIPT_GUESS_RATE_LIMIT, FORM_MIN_SECONDS (see portal/config.py)."""
    return current_app.config[name]


def public_form_limit() -> str:
    return setting("PUBLIC_FORM_RATE_LIMIT")


def receipt_guess_limit() -> str:
    return setting("RECEIPT_GUESS_RATE_LIMIT")


def attach_error(form, error) -> None:
    """A FeedbackError/PartnerError from a service, shown next to its field (or above the form)."""
    name = getattr(error, "field", None)
    if name and name in form:
        form[name].errors = list(form[name].errors) + [error.message]
    else:
        form.form_errors.append(getattr(error, "message", None) or error.args[0])
