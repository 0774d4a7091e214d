"""Response headers every page gets, and a log filter that keeps client details out of logs."""

from __future__ import annotations

import logging

from flask import request

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


def set_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    # Residents' pages must not tell the next site where they came from, nor be kept in a shared
    # phone's cache; staff pages are no different.
    headers["Referrer-Policy"] = "no-referrer"
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.endpoint != "static":
        headers["Cache-Control"] = "no-store"
        headers.pop("Expires", None)
    return response


def quiet_werkzeug_logs() -> None:
    """The development server logs each request with the client's address; residents' addresses
    must never reach a log, so that logger only reports errors."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)


def keeps_input_on_csrf_error(view):
    """Mark a form view: when its CSRF token is missing or stale, the view itself answers (its
    FlaskForm fails the same CSRF check), so the page comes back with everything the person typed
    and a plain message, instead of a bare error page."""
    view.keeps_input_on_csrf_error = True
    return view
