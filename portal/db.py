"""Engine tuning per dialect, and what keeps the database files from dating a resident.

SQLite files: created readable by the portal's user only (0600; SQLite gives its -wal and -shm
files the same mode), and an existing file is brought back to 0600 when the portal connects.

The write-ahead log: SQLite appends every committed page to the -wal file in commit order. A
resident's submission would sit there between staff writes that carry exact times (audit entries,
activities), so whoever copies the files would learn roughly when it was sent. After every commit
that holds a resident's words (anything written while serving the public or mediators' pages,
new feedback, rumour reports and resident messages anywhere) the log is checkpointed into the
database and truncated to zero bytes. If readers keep the checkpoint from finishing, it is
retried after each following request until it does.

Row ids: sequential ids would tell in which order residents wrote, and staff records (audit
entries with times, answers) refer to those ids. New feedback and rumour reports get random ids;
messages in a feedback thread get random ids that still increase within their own thread, so a
thread keeps its order but two threads cannot be compared.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading

from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.orm import Session

# Random ids stay in the 32-bit range every id column and route holds, with room above for the
# sequential ids bulk imports (`demo-data`) still use on SQLite (max(rowid) + 1).
RANDOM_ID_LOW = 1 << 24
RANDOM_ID_HIGH = (1 << 31) - (1 << 26)
THREAD_STEP = 1 << 16

PRIVATE_BLUEPRINTS = frozenset({"public", "mediators"})
_owed: set[str] = set()
_owed_lock = threading.Lock()


# --- file modes ----------------------------------------------------------------------------------

def sqlite_path(url) -> str | None:
    url = make_url(url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:") or url.database.startswith("file:"):
        return None
    return url.database


def make_private(path: str) -> None:
    """Create the database file 0600 before SQLite does (SQLite would follow the umask), or bring
    an existing one and its -wal, -shm and -journal files back to 0600."""
    if not os.path.exists(path):
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for name in (path, path + "-wal", path + "-shm", path + "-journal"):
        try:
            if os.stat(name).st_mode & 0o077:
                os.chmod(name, 0o600)
        except FileNotFoundError:
            continue


# --- engine --------------------------------------------------------------------------------------

def configure_engine_events(engine: Engine) -> None:
    """SQLite: WAL (readers do not block the writer), a busy timeout instead of instant 'database is
    locked', foreign keys enforced, deleted rows overwritten, private files; on every new connection."""
    if engine.dialect.name != "sqlite":
        return
    path = sqlite_path(engine.url)

    @event.listens_for(engine, "do_connect")
    def _private_file(_dialect, _record, _cargs, _cparams):
        if path:
            make_private(path)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Deleted or purged rows are overwritten on disk, not left in free pages.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


def checkpoint(engine: Engine) -> bool:
    """Copy the write-ahead log into the database and truncate it to zero bytes. False when a
    reader kept it from finishing (it is then retried later)."""
    with engine.connect() as connection:
        busy, _log, _done = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    return not busy


def _checkpoint_or_owe(engine: Engine) -> None:
    key = str(engine.url)
    if checkpoint(engine):
        with _owed_lock:
            _owed.discard(key)
    else:
        with _owed_lock:
            _owed.add(key)


def pay_owed_checkpoint(engine: Engine) -> None:
    """After a request: retry a checkpoint that readers kept from finishing."""
    if engine.dialect.name == "sqlite" and str(engine.url) in _owed:
        _checkpoint_or_owe(engine)


# --- the session: what counts as a resident's write ----------------------------------------------

def mark_private_write(session: Session | None = None) -> None:
    """This transaction holds something that must not be dated (see the module's docstring)."""
    from portal.extensions import db

    (session or db.session()).info["private_write"] = True


def _resident_kinds():
    from portal.models import Feedback, FeedbackMessage, RumourReport

    return Feedback, FeedbackMessage, RumourReport


def _in_private_request() -> bool:
    from flask import has_request_context, request

    return has_request_context() and request.blueprint in PRIVATE_BLUEPRINTS


@event.listens_for(Session, "before_flush")
def _note_private_writes(session, _context, _instances):
    if session.info.get("private_write"):
        return
    kinds = _resident_kinds()
    if _in_private_request() or any(isinstance(obj, kinds) for obj in session.new):
        session.info["private_write"] = True


@event.listens_for(Session, "after_commit")
def _truncate_log_after_private_write(session):
    if not session.info.pop("private_write", False):
        return
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    if engine.dialect.name == "sqlite" and sqlite_path(engine.url):
        _checkpoint_or_owe(engine)


@event.listens_for(Session, "after_rollback")
def _forget_private_write(session):
    session.info.pop("private_write", None)


# --- random ids ----------------------------------------------------------------------------------

def _free(connection, table, candidate: int) -> bool:
    return connection.scalar(select(table.c.id).where(table.c.id == candidate)) is None


def _random_id(connection, table) -> int:
    while True:
        candidate = RANDOM_ID_LOW + secrets.randbelow(RANDOM_ID_HIGH - RANDOM_ID_LOW)
        if _free(connection, table, candidate):
            return candidate


def _thread_id(connection, table, feedback_id) -> int:
    last = connection.scalar(select(func.max(table.c.id)).where(table.c.feedback_id == feedback_id)) if feedback_id else None
    if not last:
        return _random_id(connection, table)
    while True:
        candidate = last + 1 + secrets.randbelow(THREAD_STEP)
        if candidate >= (1 << 31) - 1:  # a very long thread near the top: fall back to plain order
            candidate = last + 1
        if _free(connection, table, candidate):
            return candidate


def install_random_ids() -> None:
    """Give residents' rows ids that reveal nothing about their order (see the module docstring)."""
    from portal.models import Feedback, FeedbackMessage, RumourReport

    if getattr(install_random_ids, "done", False):
        return
    install_random_ids.done = True

    for model in (Feedback, RumourReport):
        @event.listens_for(model, "before_insert")
        def _random(_mapper, connection, target, _table=model.__table__):
            if target.id is None:
                target.id = _random_id(connection, _table)

    @event.listens_for(FeedbackMessage, "before_insert")
    def _in_thread(_mapper, connection, target):
        if target.id is None:
            feedback_id = target.feedback_id if target.feedback_id is not None else getattr(target.feedback, "id", None)
            target.id = _thread_id(connection, FeedbackMessage.__table__, feedback_id)
