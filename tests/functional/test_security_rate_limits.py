"""Issue 11, point 5: rate limits hold as configured in the default `make run` set-up (gunicorn
with the Makefile's SERVE_ARGS and the in-memory store), and across several instances, each with
several workers, sharing Redis. Real gunicorn processes, real HTTP, real forms with CSRF tokens."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import csrf_from

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
REDIS_URL = "redis://127.0.0.1:6379/14"


def make_run_serve_args() -> list[str]:
    match = re.search(r"^SERVE_ARGS\s*:?=\s*(.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert match, "the Makefile names the gunicorn arguments of `make run` in SERVE_ARGS"
    return match.group(1).split()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving the portal on a copy of the seeded test database."""

    def __init__(self, tmp_path: Path, database: Path, args: list[str], **env):
        self.port = _free_port()
        self.pidfile = tmp_path / f"gunicorn-{self.port}.pid"
        self.env = {**os.environ, "PORTAL_DATABASE_URL": f"sqlite:///{database}", "PORTAL_SECRET_KEY": "s" * 64,
                    "PORTAL_INSTANCE_PATH": str(tmp_path / "instance"), **env}
        self.process = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "--bind", f"127.0.0.1:{self.port}", *args, "--pid", str(self.pidfile),
             "--log-level", "error", "portal:create_app()"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as response:
                    response.read()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise
                time.sleep(0.2)

    def failed_login(self, email: str) -> int:
        """A fresh browser (new connection, new cookies) tries a wrong password."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        base = f"http://127.0.0.1:{self.port}"
        with opener.open(f"{base}/login", timeout=10) as page:  # noqa: S310 (http://127.0.0.1: the server this test started)
            token = csrf_from(page.read().decode())
        body = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": "not the password!!"}).encode()
        try:
            with opener.open(urllib.request.Request(f"{base}/login", data=body), timeout=10) as response:  # noqa: S310 (same)
                return response.status
        except urllib.error.HTTPError as error:
            error.close()
            return error.code

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def database(tmp_path, sqlite_template):
    def copy(name="portal.sqlite3") -> Path:
        path = tmp_path / name
        shutil.copy(sqlite_template, path)
        return path

    return copy


def test_make_run_serves_one_process_so_every_limit_holds_as_configured(tmp_path, database):
    server = Server(tmp_path, database(), make_run_serve_args(), PORTAL_LOGIN_RATE_LIMIT="4 per 15 minutes")
    try:
        statuses = [server.failed_login("someone@example.org") for _ in range(6)]
    finally:
        server.stop()
    assert statuses == [400, 400, 400, 400, 429, 429]  # exactly 4, not 4 per worker


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.skipif(not _redis_up() and os.environ.get("CI") != "true", reason="no Redis on 127.0.0.1:6379")
def test_several_instances_with_several_workers_share_their_limits_through_redis(tmp_path, database):
    import redis

    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    shared = database()
    settings = {"PORTAL_RATELIMIT_STORAGE_URL": REDIS_URL, "PORTAL_LOGIN_RATE_LIMIT": "4 per 15 minutes"}
    servers = [Server(tmp_path, shared, ["--workers", "2", "--threads", "2"], **settings) for _ in range(2)]
    try:
        statuses = [servers[n % 2].failed_login("someone@example.org") for n in range(6)]
    finally:
        for server in servers:
            server.stop()
        store.flushdb()
    assert statuses == [400, 400, 400, 400, 429, 429]  # 4 in all, over two instances and four workers
