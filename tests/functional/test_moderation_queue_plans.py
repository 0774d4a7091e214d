"""The queue reads its first page from an index under any one filter, on SQLite and PostgreSQL: no
statement of the page scans the feedback or rumour-report table.

PostgreSQL picks a sequential scan for small tables even where an index serves, so there the plan
is asked for with sequential scans priced out (`enable_seqscan = off`): what is checked is that an
index path exists for every filter. The benchmark measures the same pages on a million rows."""

from datetime import date

import pytest
from sqlalchemy import text

from portal.extensions import db
from portal.services.catalogue.demo import bulk_demo_data
from portal.services.moderation import queue
from portal.vocab import FeedbackStatus, PoliceBody
from tests import factories

ONE_FILTER = [
    {}, {"status": FeedbackStatus.RECEIVED}, {"municipality": "lisboa"}, {"category": "respect"},
    {"assignee": "mine"}, {"assignee": "nobody"}, {"unread": True}, {"rating": 3}, {"channel": "mediator"},
    {"channel": "web"}, {"police_body": PoliceBody.NATIONAL}, {"area_id": 3}, {"text": "officer"},
    {"kind": "rumours"}, {"kind": "feedback"}, {"sort": "oldest"}, {"overdue": True}, {"month": date(2026, 10, 1)},
    {"sort": "rating-low"},
]
TABLES = ("feedback", "rumour_report")


@pytest.fixture
def filled(app, backend):
    bulk_demo_data(feedback=3_000, activities=0, rng_seed=7)
    db.session.commit()
    if backend == "postgresql":
        db.session.execute(text("ANALYZE"))
        db.session.execute(text("SET enable_seqscan = off"))
    return factories.user("moderator")


def _plan(statement) -> list[str]:
    sql = str(statement.compile(db.engine, compile_kwargs={"literal_binds": True}))
    if db.engine.dialect.name == "sqlite":
        return [row[3] for row in db.session.execute(text("EXPLAIN QUERY PLAN " + sql))]
    return [row[0] for row in db.session.execute(text("EXPLAIN " + sql))]


def _full_scans(plan: list[str]) -> list[str]:
    if db.engine.dialect.name == "sqlite":
        return [line for line in plan if any(line.strip() == f"SCAN {table}" for table in TABLES)]
    return [line for line in plan if any(f"Seq Scan on {table} " in line + " " for table in TABLES)]


def test_the_first_page_under_any_one_filter_uses_an_index(filled):
    for filters in ONE_FILTER:
        statement = queue.page_query(filled, queue.QueueFilters(**filters), page=1, today=date(2026, 11, 30))
        plan = _plan(statement)
        assert not _full_scans(plan), (filters, "\n".join(plan))
        assert any("ix_feedback_queue" in line or "ix_rumour_report_queue" in line or "_search" in line
                   or "trgm" in line for line in plan), (filters, "\n".join(plan))
