"""No page runs a query per row it shows (issue 12, point 9): every page, for the role that reads
it, costs the same number of SQL statements with a handful of rows as with many more rows on it
(lists, pages of the queue, partners, activities, published feedback, rumours). Residents' pages
are counted with the page cache off, so what is counted is the page's own rendering."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import event

from portal.extensions import db
from portal.models import FollowUp, PartnerOrganisation
from portal.services import dates
from portal.services.catalogue.demo import bulk_demo_data
from portal.vocab import FeedbackStatus, PartnerKind
from tests import factories
from tests.conftest import login
from tests.queries import assert_no_full_scan, feedback_reads, statements

TODAY = dates.today()

# (role, address): None is a resident. "{activity}", "{feedback}", "{report}" and "{rumour}" are ids
# of rows made below; the pages around them grow.
PAGES = [
    (None, "/"), (None, "/feedback/new"), (None, "/rumours/new"), (None, "/a/{code}"), (None, "/help"),
    (None, "/help?municipality=lisboa"), (None, "/feedback/status"), (None, "/calendar"), (None, "/calendar/lisboa"),
    (None, "/calendar/lisboa.ics"), (None, "/practices"), (None, "/practices/anti-rumours-strategy"),
    (None, "/feedback/published"), (None, "/rumours"), (None, "/stats"), (None, "/open-data"),
    (None, "/api/v1/practices"), (None, "/api/v1/feedback"), (None, "/api/v1/rumours"), (None, "/api/v1/activities"),
    (None, "/api/v1/stats"),
    ("officer", "/activities"), ("officer", "/activities/{activity}"), ("officer", "/activities/follow-ups"),
    ("moderator", "/activities"), ("moderator", "/dashboard"), ("moderator", "/moderation"),
    ("moderator", "/moderation?kind=rumours"), ("moderator", "/moderation/feedback/{feedback}"),
    ("moderator", "/moderation/rumours/{report}"),
    ("moderator", "/moderation/rumours"), ("moderator", "/moderation/rumours/tracker/{rumour}"),
    ("mediator", "/mediator/"), ("mediator", "/mediator/feedback/new"),
    ("admin", "/admin/"), ("admin", "/admin/partners"), ("admin", "/admin/practices"), ("admin", "/admin/audit"),
    ("admin", "/admin/accounts"),
]


def _rows(n: int, rumour) -> None:
    """n of everything a page lists, in Lisboa (the officer's town) and elsewhere."""
    month_ago = dates.add_months(dates.first_of_month(TODAY), -1)
    for i in range(n):
        activity = factories.activity("lisboa", is_public=True, starts_at=datetime.combine(TODAY + timedelta(days=1 + i % 20),
                                                                                             datetime.min.time()))
        activity.practices.append(factories.practice())
        db.session.add(FollowUp(activity=activity, description=f"Follow-up {i}", due_on=TODAY - timedelta(days=i % 3)))
        factories.published_feedback("lisboa", public_text=f"Public words {i}", published_on=month_ago,
                                     received_on=month_ago, occurred_month=month_ago)
        factories.feedback("lisboa", received_on=TODAY, occurred_month=dates.first_of_month(TODAY))
        factories.rumour_report("lisboa", rumour=rumour, received_on=TODAY)
        db.session.add(PartnerOrganisation(name=f"Legal clinic {i}", kind=PartnerKind.LEGAL_CLINIC,
                                           municipality_id=factories.municipality("lisboa").id))
    db.session.commit()


def _count(client, url: str) -> tuple[int, int]:
    seen = []

    def keep(_conn, _cursor, statement, *_args):
        seen.append(statement)

    client.get(url)  # anything stored the first time a page is asked for (a release) is stored now
    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        response = client.get(url)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    return response.status_code, len(seen)


@pytest.fixture
def clients(app_factory):
    app = app_factory(PAGE_CACHE=False, PUBLIC_FORM_RATE_LIMIT="10000 per hour", ACTIVITY_CODE_RATE_LIMIT="10000 per hour",
                      API_RATE_LIMIT="10000 per minute")
    with app.app_context():
        made = {None: app.test_client()}
        for role in ("officer", "moderator", "mediator", "admin"):
            user = factories.user(role, municipality_slug="lisboa")
            db.session.commit()
            made[role] = app.test_client()
            assert login(made[role], user.email).status_code == 302
        yield app, made


def _ids(rumour) -> dict:
    ids = {"code": factories.activity("lisboa", feedback_code="COUNT42").feedback_code,
           "activity": factories.activity("lisboa").id,
           "feedback": factories.feedback("lisboa", status=FeedbackStatus.IN_REVIEW).id,
           "report": factories.rumour_report("lisboa", rumour=rumour).id, "rumour": rumour.id,
           "ungrouped": factories.rumour_report("lisboa").id}  # the rumour list shows reports not grouped yet
    db.session.commit()
    return ids


def _grown(made, pages) -> dict:
    rumour = factories.rumour(published_on=TODAY - timedelta(days=3), summary="What we found.")
    _rows(2, rumour)
    ids = _ids(rumour)
    small = {(role, url): _count(made[role], url.format(**ids)) for role, url in pages}
    assert all(status == 200 for status, _n in small.values()), {k: v for k, v in small.items() if v[0] != 200}
    _rows(30, rumour)
    bulk_demo_data(feedback=500, activities=40, rng_seed=5)
    db.session.commit()
    large = {(role, url): _count(made[role], url.format(**ids)) for role, url in pages}
    return {f"{role or 'resident'} {url}": (small[(role, url)][1], n) for (role, url), (_s, n) in large.items()
            if n > small[(role, url)][1]}  # fewer is fine: a release read once is kept by the process


def test_every_page_costs_the_same_statements_with_many_more_rows(clients):
    _app, made = clients
    grew = _grown(made, PAGES)
    assert not grew, f"statements (few rows, many rows): {grew}"


@pytest.mark.parametrize("role", ["officer", "moderator"])
def test_no_query_of_the_officers_home_scans_the_feedback_table(clients, backend, role):
    """The officers' home reads feedback only through indexes (its figures come from the stored
    releases and the maintained aggregates), on SQLite and PostgreSQL, whatever the table holds."""
    _app, made = clients
    _rows(5, factories.rumour())
    bulk_demo_data(feedback=3_000, activities=50, rng_seed=4)
    db.session.commit()
    reading = feedback_reads(statements(made[role], "/activities", warm=True))
    assert reading, "the published items are read from the feedback table"
    assert_no_full_scan(reading, backend)
