"""Jinja helpers shared by every area."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from flask import Flask, request
from flask_babel import format_date, format_decimal

from portal.i18n import MONTH_NAMES, NO_LOCALE_DATA, select_language


def url_with_lang(code: str) -> str:
    """The current page in another language (query string kept, ?lang= replaced)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return f"{request.path}?{urlencode(args, doseq=True)}"


def month_label(value) -> str:
    """A month in the active language, e.g. 'November 2026' (Romani month names from its catalogue)."""
    if not value:
        return ""
    if select_language() in NO_LOCALE_DATA:
        return f"{MONTH_NAMES[value.month - 1]} {value.year}"
    return format_date(value, "LLLL y")


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.globals["url_with_lang"] = url_with_lang
    app.jinja_env.filters["month"] = month_label
    app.jinja_env.filters["isodate"] = lambda value: date.fromisoformat(value) if value else None
    app.jinja_env.filters["number"] = format_decimal
    app.jinja_env.filters["day"] = lambda value: format_date(value, "medium") if value else ""
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
