"""Configuration: defaults here, overrides from PORTAL_* environment variables.

Nothing in this module touches the disk at import; `instance_defaults()` does, and only when the
factory is called for a real deployment (not with a test config).
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _asset_dir(name: str) -> str:
    """templates/ and static/ live beside the package in a checkout, under share/portal once installed."""
    beside = PACKAGE_DIR.parent / name
    if beside.is_dir():
        return str(beside)
    return str(Path(sys.prefix) / "share" / "portal" / name)


TEMPLATE_DIR = _asset_dir("templates")
STATIC_DIR = _asset_dir("static")


class Config:
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None
    # hide_parameters: a failed statement's values (a resident's own words) never reach a log.
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True, "hide_parameters": True}
    SQLALCHEMY_RECORD_QUERIES = False

    # Cookies: the session only carries the CSRF token and a staff login, never a resident id.
    SESSION_COOKIE_NAME = "portal_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Strict"
    SESSION_COOKIE_SECURE = False  # set PORTAL_SESSION_COOKIE_SECURE=true behind HTTPS
    REMEMBER_COOKIE_SAMESITE = "Strict"
    REMEMBER_COOKIE_HTTPONLY = True
    PERMANENT_SESSION_LIFETIME = 8 * 3600
    # Staff sessions end after this long without a request, and this long after the login.
    SESSION_IDLE_TIMEOUT = 30 * 60
    SESSION_ABSOLUTE_TIMEOUT = 8 * 3600

    WTF_CSRF_TIME_LIMIT = 4 * 3600  # a resident may take a while to write
    # Over HTTPS Flask-WTF would also demand a same-site Referer, but every page sends
    # Referrer-Policy: no-referrer (residents' privacy). The token and SameSite=Strict suffice.
    WTF_CSRF_SSL_STRICT = False
    # Forms only, no uploads. Every form filled to its limits in any script fits: 4 bytes of UTF-8
    # a character, sent percent-encoded (12 bytes). See tests/functional/test_security_refusals.py.
    MAX_CONTENT_LENGTH = 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 1024 * 1024

    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = False
    # Reverse proxies in front of portal. With 0, every visitor behind a proxy would share one rate
    # limit and posters would print the proxy's address; set it to the number of proxies that add
    # X-Forwarded-For/-Proto/-Host (usually 1). The address is only ever hashed, never stored.
    PROXY_COUNT = 0
    # The address residents reach portal at, e.g. https://portal.example.org: printed on posters
    # and QR codes and used in calendar feeds. Empty: taken from each request.
    PUBLIC_URL = ""
    # Host names the portal answers for (PORTAL_TRUSTED_HOSTS, separated by commas). Unset, without
    # PUBLIC_URL: only localhost and loopback addresses, since links would be built from the Host
    # header (see portal/security.py). Unset, with PUBLIC_URL: any (links never use the Host header).
    TRUSTED_HOSTS: list[str] | str | None = None
    RATELIMIT_STRATEGY = "fixed-window"
    LOGIN_RATE_LIMIT = "10 per 15 minutes"  # failed logins per client, per account and per known browser
    SECOND_FACTOR_RATE_LIMIT = "10 per 15 minutes"  # wrong second factors, counted the same way
    # Every limit of a request is checked and counted, even once one is exceeded (portal/refusals.py).
    RATELIMIT_FAIL_ON_FIRST_BREACH = False
    PUBLIC_FORM_RATE_LIMIT = "20 per hour"  # feedback and rumour submissions per client
    RECEIPT_GUESS_RATE_LIMIT = "10 per hour"  # wrong receipt codes per client
    FORM_MIN_SECONDS = 3  # a public form sent back faster than this was not filled in by a person
    ACTIVITY_CODE_RATE_LIMIT = "60 per hour"  # /a/<code> pages per client (codes must not be guessable)
    API_RATE_LIMIT = "120 per minute"  # requests to /api/v1/ per client

    # Residents' pages rendered once per language and process (portal/public/page_cache.py).
    PAGE_CACHE = True
    PAGE_CACHE_SIZE = 256  # pages kept per process (a few MiB)

    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    # Babel has no locale data for Romani: dates and numbers in Romani pages use this locale.
    ROMANI_FORMAT_LOCALE = "en_150"
    LANGUAGE_COOKIE = "lang"

    # Public statistics: counts below these thresholds are never shown.
    SUPPRESS_BELOW_OFFICERS = 5
    SUPPRESS_BELOW_PUBLIC = 10

    # The moderators' digest (`flask --app portal digest`): sent by SMTP when MAIL_SERVER is set,
    # printed otherwise. MAIL_USE_TLS is STARTTLS on MAIL_PORT; MAIL_USE_SSL is TLS from the start.
    MAIL_SERVER = ""
    MAIL_PORT = 25
    MAIL_USERNAME = ""
    MAIL_PASSWORD = ""
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_SENDER = "portal@localhost"

    # Months after which resident free text and rumour reports are purged (`retention purge`).
    RETENTION_MONTHS = 24

    # `make run` serves invented demo content; staff pages with figures then say so plainly.
    DEMO = False

    TESTING = False


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105 (tests only; deployments read PORTAL_SECRET_KEY or instance/secret_key)
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    RATELIMIT_STORAGE_URI = "memory://"
    # Tests keep CSRF on: real forms, real tokens.
    WTF_CSRF_ENABLED = True
    SERVER_NAME = None


def _coerce(value: str):
    low = value.lower()
    if low in {"true", "yes", "on", "1"}:
        return True
    if low in {"false", "no", "off", "0"}:
        return False
    try:
        return int(value)
    except ValueError:
        return value


def env_overrides(environ: os._Environ | dict | None = None) -> dict:
    """PORTAL_FOO=bar becomes FOO=bar; a few names map to the extension's own keys."""
    environ = os.environ if environ is None else environ
    renames = {
        "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
        "RATELIMIT_STORAGE_URL": "RATELIMIT_STORAGE_URI",
    }
    out = {}
    for key, value in environ.items():
        if not key.startswith("PORTAL_") or key in ("PORTAL_TEST_DATABASE_URL", "PORTAL_INSTANCE_PATH"):
            continue
        name = key.removeprefix("PORTAL_")
        out[renames.get(name, name)] = _coerce(value) if name not in renames and name != "SECRET_KEY" else value
    return out


def private_folder(path: Path) -> None:
    """instance/ is readable by the portal's user alone (0700), whatever the umask."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)


def instance_defaults(instance_path: str) -> dict:
    """Fill what a deployment left unset: the SQLite file and a secret key kept in instance/ (0700;
    the key 0600, the database files 0600 too, see portal/db.py)."""
    path = Path(instance_path)
    private_folder(path)
    out = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path / 'portal.sqlite3'}"}
    key_file = path / "secret_key"
    if not key_file.exists():
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    elif key_file.stat().st_mode & 0o077:
        os.chmod(key_file, 0o600)
    out["SECRET_KEY"] = key_file.read_text().strip()
    return out
