"""Issue 11, points 7 and 8: the instance folder and every file in it are readable by the portal's
user alone; the SQLite write-ahead log never holds a resident's submission between staff writes,
and residents' rows carry ids that reveal nothing of their order."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from portal import create_app
from portal.db import RANDOM_ID_HIGH, RANDOM_ID_LOW
from portal.extensions import db
from portal.models import AuditEntry, Feedback, FeedbackMessage, RumourReport
from portal.services import audit
from tests import factories
from tests.conftest import _config
from tests.functional.test_feedback_views import feedback_data, post_form
from tests.functional.test_rumour_views import rumour_data

VENV_BIN = Path(sys.executable).parent


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_instance_folder_and_every_file_in_it_are_private(tmp_path):
    """As `make run` does it, with a permissive umask: db upgrade, seed, demo accounts, then writes."""
    instance = tmp_path / "instance"
    env = {**os.environ, "PORTAL_INSTANCE_PATH": str(instance)}
    for key in ("PORTAL_DATABASE_URL", "PORTAL_SECRET_KEY"):
        env.pop(key, None)
    for args in (["db", "upgrade"], ["seed", "--demo"], ["demo-accounts"]):
        result = subprocess.run([str(VENV_BIN / "flask"), "--app", "portal", *args], env=env, capture_output=True,
                                text=True, timeout=300, preexec_fn=lambda: os.umask(0o022))
        assert result.returncode == 0, result.stderr
    env_app = subprocess.run(
        [sys.executable, "-c", "from portal import create_app\nfrom portal.extensions import db\n"
         "from sqlalchemy import text\napp = create_app()\nwith app.app_context():\n"
         "    db.session.execute(text('CREATE TABLE IF NOT EXISTS probe (x)'))\n    db.session.commit()\n"
         "    c = db.engine.raw_connection()\n    c.execute('BEGIN IMMEDIATE'); c.execute('INSERT INTO probe VALUES (1)')\n"
         "    import os, sys\n    print(sorted(os.listdir(sys.argv[1])))\n    c.rollback()\n", str(instance)],
        env=env, capture_output=True, text=True, timeout=120, preexec_fn=lambda: os.umask(0o022))
    assert env_app.returncode == 0, env_app.stderr
    assert "portal.sqlite3-wal" in env_app.stdout  # the log existed while a transaction was open
    assert _mode(instance) == 0o700
    files = sorted(p.name for p in instance.iterdir())
    assert {"portal.sqlite3", "secret_key", "demo-credentials.txt"} <= set(files)
    assert {name: _mode(instance / name) for name in files} == dict.fromkeys(files, 384)


def test_an_existing_world_readable_database_is_made_private(app_factory, tmp_path):
    app = app_factory()
    path = Path(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")) if \
        app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite") else None
    if path is None:
        return  # PostgreSQL keeps its files itself
    os.chmod(path, 0o644)
    fresh = create_app(_config(app.config["SQLALCHEMY_DATABASE_URI"]))
    with fresh.app_context():
        db.session.execute(db.select(1))
        db.session.remove()
        db.engine.dispose()
    assert _mode(path) == 0o600
    assert all(_mode(p) == 0o600 for p in path.parent.glob(path.name + "-*"))


# --- point 8: the write-ahead log and the ids -------------------------------------------------------


def _staff_write(note: str) -> None:
    audit.record(None, "test.staff", None, note)
    db.session.commit()


def test_a_residents_submission_never_sits_in_the_log_between_staff_writes(app, client):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("sqlite"):
        return  # PostgreSQL's own log is the server's (see README, Security)
    wal = Path(url.removeprefix("sqlite:///") + "-wal")
    _staff_write("STAFF-BEFORE-4711")
    assert wal.exists() and wal.stat().st_size > 0  # staff writes stay in the log as usual
    marker = "RESIDENT-WORDS-8a1f"
    response = post_form(client, "/feedback/new", feedback_data(text=f"They stopped us. {marker}"))
    assert response.status_code == 200
    assert wal.stat().st_size == 0  # checkpointed into the database and truncated at once
    _staff_write("STAFF-AFTER-4712")
    assert marker.encode() not in wal.read_bytes()
    assert b"STAFF-AFTER-4712" in wal.read_bytes()
    post_form(client, "/rumours/new", rumour_data(heard_text=f"They say {marker}"), form_name="rumour")
    assert wal.stat().st_size == 0


def test_residents_rows_get_ids_that_do_not_follow_their_order(app, client):
    for n in range(12):
        assert post_form(client, "/feedback/new", feedback_data(text=f"Feedback number {n}")).status_code == 200
    db.session.expire_all()
    rows = db.session.execute(db.select(Feedback.id, Feedback.text)).all()
    by_order = [row.id for row in sorted(rows, key=lambda r: int(r.text.split()[-1]))]
    assert sorted(by_order) != by_order or len(set(by_order)) < 12  # 1 in 12! by chance
    assert all(RANDOM_ID_LOW <= i < RANDOM_ID_HIGH for i in by_order)
    for n in range(3):
        post_form(client, "/rumours/new", rumour_data(heard_text=f"They say number {n}"), form_name="rumour")
    assert all(RANDOM_ID_LOW <= i < RANDOM_ID_HIGH for i in db.session.scalars(db.select(RumourReport.id)))


def test_a_thread_keeps_its_order_but_threads_cannot_be_compared(app):
    first, second = factories.feedback(), factories.feedback()
    for n in range(4):
        for item in (first, second):
            db.session.add(FeedbackMessage(feedback=item, from_resident=n % 2 == 0, body=f"message {n}",
                                           created_on=item.received_on))
            db.session.flush()
    db.session.commit()
    db.session.expire_all()
    for item in (first, second):
        bodies = [m.body for m in db.session.get(Feedback, item.id).messages]
        assert bodies == [f"message {n}" for n in range(4)]  # ordered by id, as written
    ids = {m.feedback_id: [] for m in db.session.scalars(db.select(FeedbackMessage))}
    for m in db.session.scalars(db.select(FeedbackMessage).order_by(FeedbackMessage.id)):
        ids[m.feedback_id].append(m.id)
    a, b = ids[first.id], ids[second.id]
    assert not (max(a) < min(b) or max(b) < min(a)) or abs(a[0] - b[0]) > 1000  # no shared sequence


def test_staff_rows_keep_plain_ids(app):
    _staff_write("one")
    _staff_write("two")
    ids = list(db.session.scalars(db.select(AuditEntry.id).order_by(AuditEntry.id)))
    assert ids[-1] == ids[-2] + 1
