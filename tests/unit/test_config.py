import os
import stat

import pytest

from portal import create_app
from portal.config import env_overrides, instance_defaults
from portal.extensions import db


def test_secret_key_is_generated_once_with_mode_0600(tmp_path):
    first = instance_defaults(str(tmp_path))
    second = instance_defaults(str(tmp_path))
    key_file = tmp_path / "secret_key"
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert len(first["SECRET_KEY"]) >= 64
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert first["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'portal.sqlite3'}"


def test_environment_overrides():
    env = {
        "PORTAL_DATABASE_URL": "postgresql+psycopg://u@h/db",
        "PORTAL_SECRET_KEY": "12345",
        "PORTAL_RATELIMIT_STORAGE_URL": "redis://127.0.0.1:6379/0",
        "PORTAL_SESSION_COOKIE_SECURE": "true",
        "PORTAL_RETENTION_MONTHS": "12",
        "PORTAL_TEST_DATABASE_URL": "ignored",
        "HOME": "/root",
    }
    assert env_overrides(env) == {
        "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://u@h/db",
        "SECRET_KEY": "12345",
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
        "SESSION_COOKIE_SECURE": True,
        "RETENTION_MONTHS": 12,
    }


def test_factory_without_config_uses_environment_and_instance(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite3'}")
    monkeypatch.delenv("PORTAL_SECRET_KEY", raising=False)
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("x.sqlite3")
    assert (tmp_path / "instance" / "secret_key").exists()
    assert app.config["SECRET_KEY"] == (tmp_path / "instance" / "secret_key").read_text().strip()


def test_sqlite_connections_use_wal_a_busy_timeout_and_secure_delete(app, backend):
    if backend != "sqlite":
        pytest.skip("SQLite connection settings; PostgreSQL has none of these")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # Purged residents' words are overwritten on disk, not left in free pages.
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
