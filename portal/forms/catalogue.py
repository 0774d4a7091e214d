"""What residents' and mediators' forms offer from the database (feedback categories, active
municipalities and their areas), read once per process and catalogue version instead of on every
request.

The version is `catalogue_version.stamp`, which database triggers move whenever one of those rows
(or a partner organisation) changes (`portal.models.serving`); reading it is one primary-key look-up,
so every process of every instance sees a change at its next request. The version is read before
the rows, so rows read after a concurrent change can only be newer than the version they are kept
under, never older.

Labels stay lazy (`category_label`, `_l`): the same plain rows serve every language.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import event, text

from portal.extensions import db
from portal.services import places
from portal.services.feedback import intake
from portal.vocab import LabelledCategory


@dataclass(frozen=True)
class Category(LabelledCategory):
    id: int
    slug: str


@dataclass(frozen=True)
class Area:
    id: int
    name: str


@dataclass(frozen=True)
class Place:
    id: int
    slug: str
    name: str
    areas: tuple[Area, ...]


@dataclass(frozen=True)
class Catalogue:
    stamp: int | None
    categories: tuple[Category, ...]
    municipalities: tuple[Place, ...]

    def place(self, municipality_id: int) -> Place | None:
        return next((p for p in self.municipalities if p.id == municipality_id), None)


_lock = threading.Lock()
_local = threading.local()
STAMP_SQL = "SELECT stamp FROM catalogue_version WHERE id = 1"


class _Held:
    """This thread's own connection for reading the stamp, closed when the thread ends (its
    thread-local storage goes) or when it is let go: never left for the garbage collector to find
    open."""

    def __init__(self, engine):
        self.engine, self.pid = engine, os.getpid()
        self.connection = _own_connection(engine)

    def close(self) -> None:
        if self.connection is not None and self.pid == os.getpid():  # never a forked parent's
            with contextlib.suppress(Exception):
                self.connection.close()
        self.connection = None

    __del__ = close


def stamp() -> int | None:
    """The catalogue's current version (None before anything was ever written).

    Read on every request that gets a kept page, so it is read on a database connection of its own
    (one per process and thread, in autocommit: every read sees the latest commit), without the
    session, transaction and pool checkout a request's queries go through; that cost more than the
    page itself. Any error drops that connection and reads through the session instead."""
    engine = db.engine
    try:
        held = getattr(_local, "held", None)
        if held is None or held.engine is not engine or held.pid != os.getpid():
            _let_go()
            held = _local.held = _Held(engine)
        cursor = held.connection.cursor()
        try:
            cursor.execute(STAMP_SQL)
            row = cursor.fetchone()
        finally:
            cursor.close()
        return row[0] if row else None
    except Exception:  # noqa: BLE001 (a dropped connection: read it the ordinary way, connect anew next time)
        _let_go()
        return db.session.execute(text(STAMP_SQL)).scalar()


def _let_go() -> None:
    """Close this thread's connection (another engine's, a forked parent's, or a broken one)."""
    held, _local.held = getattr(_local, "held", None), None
    if held is not None:
        held.close()


def _own_connection(engine):
    """A DBAPI connection outside the pool, with the engine's own connect-time settings (SQLite
    pragmas and file mode), in autocommit."""
    if not getattr(engine, "_portal_stamp_hook", False):
        event.listen(engine, "engine_disposed", lambda _engine: _let_go())
        engine._portal_stamp_hook = True
    fairy = engine.raw_connection()
    connection = fairy.dbapi_connection
    fairy.detach()  # ours until the thread ends; the pool keeps its own connections
    connection.rollback()
    if engine.dialect.name == "postgresql":
        connection.autocommit = True
    else:
        connection.isolation_level = None
    return connection


def current() -> Catalogue:
    """The catalogue as the forms offer it, read from the database only when its version moved."""
    version = stamp()
    kept = current_app.extensions.get("portal_catalogue")
    if kept is not None and kept.stamp == version:
        return kept
    fresh = Catalogue(
        stamp=version,
        categories=tuple(Category(c.id, c.slug) for c in intake.active_categories()),
        municipalities=tuple(
            Place(m.id, m.slug, m.name, tuple(Area(a.id, a.name) for a in m.areas))
            for m in places.active_municipalities()
        ),
    )
    with _lock:
        current_app.extensions["portal_catalogue"] = fresh
    return fresh
