"""What SQL a page runs, and whether any of it scans the whole feedback table: shared by the
statement-count and query-plan tests of the officers' home, the dashboard and the public figures."""

from __future__ import annotations

import re

from sqlalchemy import event, text

from portal.extensions import db

FEEDBACK_TABLE = re.compile(r"\bFROM feedback\b(?!_)|\bJOIN feedback\b(?!_)")
FULL_SCAN = re.compile(r"\bSCAN feedback\b(?! USING)|Seq Scan on feedback ")


def statements(client, url: str, *, warm: bool = False) -> list[tuple[str, object]]:
    """(statement, parameters) of every query the page at `url` runs. `warm`: ask once before
    counting, so that what a page stores the first time it is asked for (a release) is stored."""
    if warm:
        client.get(url)
    seen = []

    def keep(_conn, _cursor, statement, parameters, *_args):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        assert client.get(url).status_code == 200, url
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    return seen


def feedback_reads(seen) -> list[tuple[str, object]]:
    """The SELECTs among `seen` that read the feedback table."""
    return [(s, p) for s, p in seen if FEEDBACK_TABLE.search(s) and s.lstrip().upper().startswith("SELECT")]


def assert_no_full_scan(reading, backend: str) -> None:
    """Every statement's plan reaches feedback rows through an index, on SQLite and on PostgreSQL
    (there with sequential scans made as costly as they go, so a plan that can avoid one does)."""
    with db.engine.connect() as conn:
        if backend == "postgresql":
            conn.execute(text("ANALYZE"))
            conn.execute(text("SET enable_seqscan = off"))
        for statement, params in reading:
            prefix = "EXPLAIN QUERY PLAN " if backend == "sqlite" else "EXPLAIN "
            plan = [str(row[-1] if backend == "sqlite" else row[0]) for row in conn.exec_driver_sql(prefix + statement, params)]
            assert not [line for line in plan if FULL_SCAN.search(line + " ")], (statement, plan)
