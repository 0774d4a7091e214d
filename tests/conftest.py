"""Fixtures: an app on a real database (a fresh SQLite file, and PostgreSQL when
PORTAL_TEST_DATABASE_URL is set), clients with real CSRF tokens, and logged-in staff of each role."""

from __future__ import annotations

import contextvars
import os
import re
import shutil
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from portal import create_app
from portal.config import TestConfig
from portal.extensions import db
from portal.models import Base
from portal.services.catalogue.seed import seed_all
from tests import factories

BASE_PG_URL = os.environ.get("PORTAL_TEST_DATABASE_URL")
# Under `pytest -n` (pytest-xdist) each worker gets its own database beside the one given, named
# after it and the worker (portal_ci_123_gw0), made at the start and dropped at the end of the run.
WORKER = os.environ.get("PYTEST_XDIST_WORKER")
PG_URL = f"{BASE_PG_URL}_{WORKER}" if BASE_PG_URL and WORKER else BASE_PG_URL
IN_CI = os.environ.get("CI") == "true"
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])

if IN_CI and not PG_URL:
    raise pytest.UsageError("CI must set PORTAL_TEST_DATABASE_URL: PostgreSQL tests may not be skipped")


def pytest_collection_modifyitems(config, items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec and callspec.params.get("backend") == "postgresql":
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated-by-models, seeded SQLite file, copied for each test (much faster than rebuilding)."""
    path = tmp_path_factory.mktemp("template") / "portal.sqlite3"
    app = create_app(_config(f"sqlite:///{path}"))
    with app.app_context():
        Base.metadata.create_all(db.engine)
        seed_all()
        db.session.commit()
        db.engine.dispose()
    return path


def _server_url(url: str) -> tuple[str, str]:
    """(the URL of the server's maintenance database, the database named in `url`)."""
    parts = urlsplit(url)
    return parts._replace(path="/postgres").geturl(), parts.path.lstrip("/")


@pytest.fixture(scope="session")
def pg_schema():
    """Create the schema once per run on the PostgreSQL test database (this worker's own)."""
    if WORKER:
        server, name = _server_url(PG_URL)
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    yield _make_schema()
    if WORKER:
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _make_schema() -> str:
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    Base.metadata.create_all(engine)
    engine.dispose()
    return PG_URL


def _config(url: str, **extra) -> dict:
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config["SQLALCHEMY_DATABASE_URI"] = url
    config.update(extra)
    return config


def _truncate_and_seed() -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    db.session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    seed_all()
    db.session.commit()


class IsolatedClient(FlaskClient):
    """Each request gets its own app context, as in production. Without this, Flask reuses the test's
    app context, and `g` (Flask-Login's user, the chosen language) would leak between requests and
    between clients."""

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def app_factory(backend, request, tmp_path):
    """Build apps on this test's database; extra config as keyword arguments."""
    made = []
    if backend == "sqlite":
        path = tmp_path / "portal.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("pg_schema")

    def make(**extra):
        app = create_app(_config(url, **extra))
        app.instance_path = str(tmp_path / "instance")
        app.test_client_class = IsolatedClient
        if backend == "postgresql" and not made:
            with app.app_context():
                _truncate_and_seed()
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(app_factory):
    app = app_factory()
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def csrf_from(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)


ONCE_RE = re.compile(r'name="submission_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="submission_token"')


def once_from(html: str) -> str:
    """The form's one-time submission token (the reply and mediators' forms), as a browser sends it."""
    match = ONCE_RE.search(html)
    assert match, "no submission token on the page"
    return match.group(1) or match.group(2)


def get_csrf(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return csrf_from(response.get_data(as_text=True))


def login(client, email: str, password: str = factories.PASSWORD):
    """Log in through the real form; when the account has a second factor (every moderator and
    admin made by the factories), complete that step too with the factories' TOTP secret."""
    token = get_csrf(client, "/login")
    response = client.post("/login", data={"csrf_token": token, "email": email, "password": password})
    if response.status_code == 302 and urlsplit(response.headers["Location"]).path == "/login/two-factor":
        return complete_second_factor(client, email)
    return response


_used_steps: set[tuple] = set()


def totp_codes(app, email: str):
    """Codes of factories.TOTP_SECRET the server still accepts for `email` (each is accepted once:
    the current step's, then the next and the previous one)."""
    import time

    import pyotp

    totp = pyotp.TOTP(factories.TOTP_SECRET)
    step = totp.timecode(time.time())
    for candidate in (step, step + 1, step - 1):
        key = (app if isinstance(app, str) else id(app), email, candidate)
        if key not in _used_steps:
            _used_steps.add(key)
            yield totp.generate_otp(candidate)


def complete_second_factor(client, email: str):
    """The second step with a one-time code, or a recovery code when three were used this minute."""
    token = get_csrf(client, "/login/two-factor")
    response = None
    for code in totp_codes(client.application, email):
        response = client.post("/login/two-factor", data={"csrf_token": token, "kind": "totp", "code": code})
        if response.status_code == 302:
            return response
    for code in factories.RECOVERY_CODES:
        key = (id(client.application), email, code)
        if key in _used_steps:
            continue
        _used_steps.add(key)
        response = client.post("/login/two-factor", data={"csrf_token": token, "kind": "recovery", "recovery_code": code})
        if response.status_code == 302:
            return response
    return response


@pytest.fixture
def make_user(app):
    def make(role="moderator", **kwargs):
        user = factories.user(role, **kwargs)
        db.session.commit()
        return user

    return make


@pytest.fixture
def staff_client(app, make_user):
    """staff_client("officer", municipality_slug="lisboa") -> (client, user), logged in through the real form."""

    def make(role="moderator", **kwargs):
        user = make_user(role, **kwargs)
        c = app.test_client()
        response = login(c, user.email)
        assert response.status_code == 302, response.get_data(as_text=True)
        return c, user

    return make
