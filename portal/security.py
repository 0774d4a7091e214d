"""Response headers every page gets, logs that keep client details out, the hosts the portal
answers for, and the refusal pages that keep what was typed (see `portal/refusals.py`)."""

from __future__ import annotations

import logging

from flask import Flask, current_app, render_template, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.exceptions import SecurityError

# Without PUBLIC_URL the portal builds absolute links (posters, QR codes, calendar feeds) from the
# request's Host header, so it then answers only for these names unless TRUSTED_HOSTS says more.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")

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


# Set unless the view set its own.
DEFAULT_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
HSTS = ("Strict-Transport-Security", "max-age=31536000")


def set_security_headers(response):
    headers = response.headers
    # One pass over the headers the view set, then only additions: werkzeug looks through every
    # header for each one set by name, which made these lines a tenth of a kept page's cost.
    present = {name.lower() for name, _value in headers.items()}
    added = [(name, value) for name, value in DEFAULT_HEADERS if name.lower() not in present]
    if request.is_secure and "strict-transport-security" not in present:
        added.append(HSTS)
    # Residents' pages must not tell the next site where they came from, nor be kept in a shared
    # phone's cache; staff pages are no different.
    replaced = [("Referrer-Policy", "no-referrer")]
    if request.endpoint != "static":
        replaced.append(("Cache-Control", "no-store"))
        if "expires" in present:
            del headers["Expires"]
    for name, value in replaced:
        if name.lower() in present:
            headers[name] = value
        else:
            added.append((name, value))
    headers.extend(added)
    return response


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the signing serializer built once per set of keys:
    Flask builds it anew when it opens and when it saves each session, although it depends on the
    keys alone (a twentieth of a resident's page went there)."""

    _kept: tuple | None = None

    def get_signing_serializer(self, app: Flask):
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        kept = self._kept
        if kept is None or kept[0] != keys:
            kept = self._kept = (keys, super().get_signing_serializer(app))
        return kept[1]


def quiet_werkzeug_logs() -> None:
    """The development server logs each request with the client's address; residents' addresses
    must never reach a log, so that logger only reports errors. Flask-Limiter and Flask-WTF note
    each refused request (with its time, and the limiter with a client key): not at all."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    logging.getLogger("flask-limiter").setLevel(logging.ERROR)
    logging.getLogger("flask_wtf.csrf").setLevel(logging.ERROR)


def trusted_hosts(config) -> list[str] | None:
    """TRUSTED_HOSTS as configured (a list, or names separated by commas); otherwise, when no
    PUBLIC_URL is set, only the loopback names; with PUBLIC_URL, any Host (links never use it)."""
    hosts = config.get("TRUSTED_HOSTS")
    if isinstance(hosts, str):
        hosts = [name.strip() for name in hosts.split(",") if name.strip()]
    if hosts:
        return list(hosts)
    if config.get("PUBLIC_URL"):
        return None
    return list(LOOPBACK_HOSTS)


def init_app(app: Flask) -> None:
    """Hosts, refusal pages that keep the input, and the database's privacy hooks."""
    from portal import refusals
    from portal.db import install_random_ids, pay_owed_checkpoint
    from portal.extensions import db

    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config)
    app.session_interface = SessionInterface()
    install_random_ids()

    @app.errorhandler(SecurityError)
    def bad_host(_error):
        # No template: without a trusted host Flask cannot build the page's links.
        response = current_app.response_class(
            "Bad request: this server does not answer for that host name.\n", 400, mimetype="text/plain")
        return set_security_headers(response)

    def refused(status: int, reason):
        def handler(error):
            response = refusals.answer_again(status, reason)
            if response is None:
                return render_template(f"errors/{status}.html", error=error), status
            return response

        return handler

    app.register_error_handler(413, refused(413, refusals.TOO_LARGE))
    app.register_error_handler(refusals.NulCharacterError, refused(400, refusals.NUL_CHARACTER))
    app.before_request(refusals.refuse_nul_characters)
    app.register_error_handler(429, refused(429, refusals.TOO_OFTEN))

    @app.teardown_request
    def _owed_checkpoint(_error=None):
        pay_owed_checkpoint(db.engine)



def keeps_input_on_csrf_error(view):
    """Mark a form view: when its CSRF token is missing or stale, the view itself answers (its
    FlaskForm fails the same CSRF check), so the page comes back with everything the person typed
    and a plain message, instead of a bare error page."""
    view.keeps_input_on_csrf_error = True
    return view
