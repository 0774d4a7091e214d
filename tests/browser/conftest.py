"""Real-browser fixtures: Debian's Chromium driven by Playwright, the app served from a thread on a
real SQLite file, and axe-core for accessibility."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from portal import create_app
from portal.extensions import db
from tests import factories
from tests.conftest import _config

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "tests/browser/" in str(item.fspath).replace(os.sep, "/")]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            raise pytest.UsageError(f"{CHROMIUM} is missing: in CI the browser tests may not be skipped")
        skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
        for item in browser_items:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def whole_bodies(app):
    """Each response read to its end before werkzeug's development server sends it. When a browser
    drops a connection mid-response (a favicon cut short by the next page), that server can leave a
    static file open, and the ResourceWarning fails the test. gunicorn, which serves production,
    closes it."""

    def serve(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return serve


class LiveServer:
    def __init__(self, app):
        self.app = app
        self._server = make_server("127.0.0.1", 0, whole_bodies(app), threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._thread.join(timeout=5)


@pytest.fixture
def live_server(tmp_path, sqlite_template):
    """The portal on a fresh seeded SQLite file, served on a free loopback port."""
    path = tmp_path / "portal.sqlite3"
    shutil.copy(sqlite_template, path)
    app = create_app(_config(f"sqlite:///{path}"))
    app.instance_path = str(tmp_path / "instance")
    server = LiveServer(app).start()
    yield server
    server.stop()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def make_staff(live_server):
    """Create a staff account in the live server's database; returns (email, password)."""

    def make(role="moderator", **kwargs):
        with live_server.app.app_context():
            user = factories.user(role, **kwargs)
            db.session.commit()
            return user.email, factories.PASSWORD

    return make


def assert_accessible(page, context: str = "") -> None:
    """axe-core inside the page: no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{context or page.url}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad
    )


def staff_login(page, base_url: str, email: str, password: str) -> None:
    """Log in through the form; a moderator's or admin's second step with a one-time code from the
    factories' TOTP secret."""
    page.goto(f"{base_url}/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    if page.url.split("?")[0].endswith("/login/two-factor") and page.get_by_role("textbox", name="One-time code").count():
        from tests.conftest import totp_codes

        code = next(totp_codes(base_url, email))
        page.get_by_role("textbox", name="One-time code").fill(code)
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_load_state()
