"""What `make run` does, step by step, ending with gunicorn serving the home page."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

VENV_BIN = Path(sys.executable).parent


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _flask(env, *args):
    return subprocess.run([str(VENV_BIN / "flask"), "--app", "portal", *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not (VENV_BIN / "gunicorn").exists(), reason="gunicorn is not installed in this environment")
def test_upgrade_seed_accounts_twice_then_gunicorn_serves(tmp_path):
    env = {**os.environ, "PORTAL_INSTANCE_PATH": str(tmp_path / "instance")}
    for key in ("PORTAL_DATABASE_URL", "PORTAL_SECRET_KEY"):
        env.pop(key, None)
    for _ in range(2):
        for args in (["db", "upgrade"], ["seed", "--demo"], ["demo-accounts"]):
            result = _flask(env, *args)
            assert result.returncode == 0, result.stderr
    users = _flask(env, "users", "list").stdout.splitlines()
    assert len(users) == 4
    assert (tmp_path / "instance" / "portal.sqlite3").exists()

    port = _free_port()
    pidfile = tmp_path / "gunicorn.pid"
    server = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1", "--pid", str(pidfile), "portal:create_app()"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert "<h1>" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            assert response.status == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode()
    # gunicorn keeps no access log: no client address in its output
    assert "127.0.0.1 -" not in output and '"GET / HTTP' not in output
