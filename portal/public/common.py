"""Helpers shared by the public views: rate limits read from config, and domain errors put back
next to the field they belong to."""

from __future__ import annotations

from flask import current_app

# Defaults for the config keys the public forms read (override in Config or PORTAL_* variables).
DEFAULTS = {
    "PUBLIC_FORM_RATE_LIMIT": "20 per hour",  # POSTs of feedback, rumour and follow-up forms per client
    "RECEIPT_GUESS_RATE_LIMIT": "10 per hour",  # wrong receipt codes per client
    "FORM_MIN_SECONDS": 3,  # a form sent back faster than this was not filled in by a person
}


def setting(name: str):
    return current_app.config.get(name, DEFAULTS[name])


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
