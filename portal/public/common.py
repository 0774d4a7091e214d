"""Rate limits of the public views, read from config when a request asks for them."""

from __future__ import annotations

from flask import current_app


def setting(name: str):
    """PUBLIC_FORM_RATE_LIMIT, RECEIPT_GUESS_RATE_LIMIT, FORM_MIN_SECONDS (see portal/config.py)."""
    return current_app.config[name]


def public_form_limit() -> str:
    return setting("PUBLIC_FORM_RATE_LIMIT")


def receipt_guess_limit() -> str:
    return setting("RECEIPT_GUESS_RATE_LIMIT")
