"""The public statistics through HTTP: /stats, the home page, the open-data files and /api/v1/stats
show one stored release per ended quarter, with small counts hidden everywhere alike, and it never
changes afterwards. Checked on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import FigureRelease
from portal.services import dates
from portal.services.catalogue.demo import bulk_demo_data
from portal.services.statistics import public
from portal.services.statistics.releases import closed_quarters, quarter_start
from portal.services.statistics.suppression import exposed
from portal.vocab import ActivityType, FeedbackStatus
from tests import factories
from tests.queries import FEEDBACK_TABLE, assert_no_full_scan, feedback_reads, statements

LAST = closed_quarters(dates.today())[0]
PREVIOUS = closed_quarters(dates.today())[1]
LAST_ID = public.quarter_id(LAST)


def _feedback(n, town="fuenlabrada", category="respect", day=LAST + timedelta(days=10), treatment=4, answered_after=None,
              **fields):
    for _ in range(n):
        answered = day + timedelta(days=answered_after) if answered_after is not None else None
        status = fields.get("status", FeedbackStatus.ANSWERED if answered else FeedbackStatus.RECEIVED)
        factories.feedback(town, category, treatment=treatment, received_on=day, occurred_month=dates.first_of_month(day),
                           answered_on=answered, **(fields | {"status": status}))


@pytest.fixture
def quarter(app):
    """Last quarter: Fuenlabrada 12 about respect (answered within 2 days) and 3 about language;
    Lisboa 15 about stop and search (answered after 20 days); 2 rejected (never counted); 2 public
    activities and 1 that is not public; one the quarter before; some feedback this quarter."""
    _feedback(12, treatment=5, answered_after=2)
    _feedback(3, category="language", treatment=2)
    _feedback(15, town="lisboa", category="stop-search", treatment=2, answered_after=20)
    _feedback(2, status=FeedbackStatus.REJECTED)
    _feedback(11, day=PREVIOUS + timedelta(days=3), treatment=3, answered_after=1)
    _feedback(4, day=dates.today())
    start = date(LAST.year, LAST.month, 15)
    factories.activity(is_public=True, type=ActivityType.PARTNERSHIP_MEETING, starts_at=_at(start))
    factories.activity("lisboa", is_public=True, type=ActivityType.PATROL, starts_at=_at(start))
    factories.activity(is_public=False, type=ActivityType.PARTNERSHIP_MEETING, starts_at=_at(start))
    factories.activity(is_public=True, type=ActivityType.MEDIATION, starts_at=_at(start))  # never shown publicly
    db.session.commit()


def _at(day):
    from datetime import datetime, time
    return datetime.combine(day, time(17))


def _town(document, slug):
    return next(m for m in document["municipalities"] if m["slug"] == slug)


def _counts(document) -> list[int | None]:
    out = []
    for place in [*document["municipalities"], document["all"]]:
        f = place["feedback"]
        out += [f["total"], f["answered_within_7_days"], f["answered_later_or_not_yet"], *f["by_category"]]
    return out


def test_the_last_quarter_is_shown_with_small_counts_hidden(client, quarter):
    document = client.get("/api/v1/stats").get_json()
    assert document["quarter"] == LAST_ID and document["threshold"] == 10
    fuenlabrada, lisboa = _town(document, "fuenlabrada"), _town(document, "lisboa")
    categories = document["categories"]
    assert fuenlabrada["feedback"]["by_category"][categories.index("language")] is None  # 3: hidden
    assert lisboa["feedback"]["total"] == 15 and lisboa["feedback"]["answered_within_7_days"] == 0
    assert lisboa["feedback"]["answered_later_or_not_yet"] == 15
    assert document["all"]["feedback"]["total"] == 30  # rejected ones are not counted, other quarters neither
    assert not [v for v in _counts(document) if v is not None and 0 < v < 10]
    assert lisboa["treatment_index"] == {"value": 25.0, "low": 25.0, "high": 25.0}
    assert fuenlabrada["activities"]["partnership-meeting"] == 1  # the one that is not public is not counted
    assert "mediation" not in fuenlabrada["activities"]  # a type the public calendar never shows
    assert document["all"]["activities"]["patrol"] == 1

    page = client.get("/stats").get_data(as_text=True)
    assert "Statistics" in page and re.search(r'id="stat-received">\s*<span class="num">30</span>', page)
    towns = page.split('id="stats-towns"', 1)[1].split("</table>", 1)[0]
    assert re.search(r"Lisboa</th><td><span class=\"num\">15</span></td><td><span class=\"num\">0</span>", towns)
    assert 'id="method"' in page


def test_every_place_shows_the_same_release(client, quarter):
    document = client.get(f"/api/v1/stats?quarter={LAST_ID}").get_json()
    downloaded = client.get("/open-data/statistics.json").get_json()
    assert downloaded["quarters"][0] == {k: v for k, v in document.items() if k != "quarters"}
    assert downloaded["licence"]["name"] == "CC BY 4.0"

    response = client.get("/open-data/statistics.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    mine = {(r["municipality"], r["figure"], r["group"]): r for r in rows if r["quarter"] == LAST_ID}
    for place, slug in [(m, m["slug"]) for m in document["municipalities"]] + [(document["all"], "all")]:
        f = place["feedback"]
        expected = {("messages", "all"): f["total"], ("answered_within_7_days", "all"): f["answered_within_7_days"],
                    ("answered_later_or_not_yet", "all"): f["answered_later_or_not_yet"],
                    **{("messages", c): v for c, v in zip(document["categories"], f["by_category"], strict=True)}}
        for (figure, group), value in expected.items():
            row = mine[(slug, figure, group)]
            assert row["value"] == ("" if value is None else str(value)) and row["note"] == ("hidden" if value is None else "")

    home = client.get("/").get_data(as_text=True)
    figures = home.split('id="home-figures"', 1)[1].split("</ul>", 1)[0]
    assert "30 messages received" in figures
    # Fuenlabrada's 3 answered later are hidden, so its 12 within 7 days too (its total is shown),
    # and so the 12 of all towns (Lisboa's 0 is shown): the home page leaves the figure out.
    assert document["all"]["feedback"]["answered_within_7_days"] is None and "within 7 days" not in figures
    assert "2 public activities held" in figures


def test_nothing_hidden_can_be_worked_out_and_published_items_count(app, client, quarter):
    # Two of the three messages about language are published: a reader can count them.
    for _ in range(2):
        factories.published_feedback(category_slug="language", public_text="The interpreter never came.",
                                     received_on=LAST + timedelta(days=11), published_on=dates.today())
    db.session.commit()
    client.get("/stats")
    release = db.session.get(FigureRelease, ("public", 0, LAST)).payload
    # The same system, rebuilt here from the rows the release was made from.
    towns = [m["slug"] for m in release["municipalities"]]
    cells = [[_count_of(slug, c) for c in release["categories"]] for slug in towns]
    within = [_count_of(slug, None, within=True) for slug in towns]
    floors = [[_count_of(slug, c, published=True) for c in release["categories"]] for slug in towns]
    assert floors[towns.index("fuenlabrada")][release["categories"].index("language")] == 2
    system = public._System.of(cells, within, floors)
    shown = {("row", i): m["feedback"]["total"] for i, m in enumerate(release["municipalities"])}
    shown |= {("within", i): m["feedback"]["answered_within_7_days"] for i, m in enumerate(release["municipalities"])}
    shown |= {("other", i): m["feedback"]["answered_later_or_not_yet"] for i, m in enumerate(release["municipalities"])}
    shown |= {("cell", i, j): v for i, m in enumerate(release["municipalities"]) for j, v in enumerate(m["feedback"]["by_category"])}
    shown |= {("col", j): v for j, v in enumerate(release["all"]["feedback"]["by_category"])}
    shown |= {("grand",): release["all"]["feedback"]["total"], ("all-within",): release["all"]["feedback"]["answered_within_7_days"],
              ("all-other",): release["all"]["feedback"]["answered_later_or_not_yet"]}
    hidden = {system.index[key] for key, value in shown.items() if value is None}
    for key, value in shown.items():
        assert value is None or value == system.values[system.index[key]], key
    assert hidden and not exposed(hidden, system.values, system.edges, system.minimum)


def _count_of(slug, category_slug, within=False, published=False):
    from portal.models import Feedback, FeedbackCategory, Municipality
    from portal.services.feedback.published import published_clause

    query = select(func.count()).select_from(Feedback).join(Municipality).where(
        Municipality.slug == slug, Feedback.received_on >= LAST, Feedback.received_on < dates.add_months(LAST, 3),
        Feedback.status != FeedbackStatus.REJECTED)
    if category_slug:
        query = query.join(FeedbackCategory).where(FeedbackCategory.slug == category_slug)
    if within:
        query = query.where(Feedback.answered_on.is_not(None), Feedback.answered_on <= Feedback.received_on + timedelta(days=7)) \
            if db.engine.dialect.name == "postgresql" else query.where(
                Feedback.answered_on.is_not(None), func.julianday(Feedback.answered_on) - func.julianday(Feedback.received_on) <= 7)
    if published:
        query = query.where(*published_clause())
    return db.session.scalar(query)


def test_a_release_never_changes(client, quarter):
    before = client.get("/api/v1/stats").get_json()
    page_before = client.get("/stats").get_data(as_text=True)
    _feedback(40, category="force", treatment=1)  # arrives late into the quarter's rows (a correction, say)
    db.session.commit()
    assert client.get("/api/v1/stats").get_json() == before
    assert client.get("/stats").get_data(as_text=True) == page_before
    assert db.session.scalar(select(func.count()).select_from(FigureRelease).where(FigureRelease.audience == "public")) == 1


def test_a_quarter_that_has_not_ended_is_never_shown(client, quarter):
    current = public.quarter_id(quarter_start(dates.today()))
    response = client.get(f"/stats?quarter={current}")
    assert response.status_code == 400 and "Not a valid choice" not in response.get_data(as_text=True)
    assert client.get(f"/api/v1/stats?quarter={current}").status_code == 404
    assert client.get("/api/v1/stats?quarter=2026-13").status_code == 400
    assert f'<option selected value="{LAST_ID}">' in client.get("/stats").get_data(as_text=True)


def test_a_bad_quarter_is_explained_in_the_visitors_language(client, quarter):
    response = client.get("/stats?quarter=yesterday&lang=es")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'lang="es"' in html and "error-summary" in html


def test_the_quarter_chosen_is_shown(client, quarter):
    html = client.get(f"/stats?quarter={public.quarter_id(PREVIOUS)}").get_data(as_text=True)
    assert re.search(r'id="stat-received">\s*<span class="num">11</span>', html)
    assert re.search(r'id="stat-answered">\s*<span class="num">11</span>', html)


def test_pages_read_the_stored_release_and_never_scan_feedback(client, quarter, backend):
    bulk_demo_data(feedback=3_000, activities=50, rng_seed=5)
    db.session.commit()
    building = statements(client, "/stats")  # the first visit makes the release
    assert_no_full_scan(feedback_reads(building), backend)
    for url in ("/stats", "/", "/api/v1/stats"):
        later = statements(client, url)
        assert not [s for s, _p in later if FEEDBACK_TABLE.search(s)], url
        assert len(later) <= 8, (url, [s for s, _p in later])
    # Read back once, a release is kept by the process: it never changes once stored.
    for url in ("/", "/stats", "/api/v1/stats"):
        assert not [s for s, _p in statements(client, url) if "figure_release" in s], url


def test_a_practice_page_shows_the_treatment_evidence_without_counts(client, app):
    slug = "anti-rumours-strategy"
    assert "Not enough answers yet to say." in client.get(f"/practices/{slug}").get_data(as_text=True)

    started = dates.add_months(LAST, -3)  # an activity applying it, three months before the last quarter
    factories.activity(is_public=True, starts_at=_at(started.replace(day=15)), practices=[factories.practice(slug)])
    _feedback(12, treatment=5, day=LAST + timedelta(days=10))  # in the six months after: with it
    _feedback(12, treatment=2, day=dates.add_months(started, -2))  # in the six months before
    _feedback(12, town="lisboa", treatment=3, day=dates.add_months(started, -2))  # never applied there
    db.session.commit()
    db.session.execute(db.delete(FigureRelease))  # the empty release made above: as if this data came first
    db.session.commit()
    app.extensions.pop("portal_releases", None)  # and this process never read it

    html = client.get(f"/practices/{slug}").get_data(as_text=True)
    section = html.split('id="numbers-title"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"months within six months after a town used it</th><td><span class=\"num\">100</span>", section)
    assert re.search(r"all other months</th><td><span class=\"num\">37.5</span>", section)
    assert re.search(r"Difference</th><td><span class=\"num\">\+75.0</span>", section)
    assert "Association, not proof of cause." in section
    evidence = client.get(f"/api/v1/practices/{slug}").get_json()["residents_evidence"]
    assert evidence["with_practice"]["value"] == 100.0 and evidence["without_practice"]["value"] == 37.5
    assert evidence["change"]["value"] == 75.0 and evidence["quarter"] == LAST_ID
    stats = client.get("/api/v1/stats").get_json()
    assert next(p for p in stats["practices"] if p["slug"] == slug)["difference"] == evidence["difference"]
    assert not re.search(r"\b(12|24|36)\b", section), "the practice evidence shows no counts"


def test_the_home_page_stores_the_release_it_makes_and_then_shows_it_without_the_database(client, quarter):
    assert db.session.scalar(select(func.count()).select_from(FigureRelease)) == 0
    first = statements(client, "/")
    assert [s for s, _p in first if s.lstrip().upper().startswith("INSERT") and "figure_release" in s]
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(FigureRelease).where(FigureRelease.audience == "public")) == 1
    statements(client, "/")  # read back once, then kept by the process
    assert statements(client, "/") == []


def test_a_process_keeps_a_few_releases_it_read_and_lets_them_go_when_full(app, monkeypatch):
    from portal.services.statistics import releases

    monkeypatch.setattr(releases, "KEPT_RELEASES", 2)
    quarters = closed_quarters(dates.today(), count=3)
    for q in quarters:
        releases.released("public", 0, q, lambda _m, q: {"quarter": q.isoformat()})
    db.session.commit()
    never = lambda *_args: pytest.fail("a stored release was built again")  # noqa: E731
    for q in quarters:
        assert releases.released("public", 0, q, never) == {"quarter": q.isoformat()}
    assert len(app.extensions["portal_releases"]) <= 2
    db.session.execute(db.delete(FigureRelease))
    db.session.commit()
    assert releases.released("public", 0, quarters[-1], never) == {"quarter": quarters[-1].isoformat()}  # kept


def test_a_release_built_in_a_transaction_that_rolls_back_is_never_kept(app):
    from portal.services.statistics import releases

    quarter = closed_quarters(dates.today(), count=1)[0]
    releases.released("public", 0, quarter, lambda _m, q: {"made": "first"})
    assert releases.released("public", 0, quarter, pytest.fail) == {"made": "first"}  # read in the same transaction
    db.session.rollback()
    assert not app.extensions.get("portal_releases")
    # What the process shows is what the database holds (pysqlite may have kept the savepoint's row).
    stored = db.session.get(FigureRelease, ("public", 0, quarter))
    expected = stored.payload if stored is not None else {"made": "again"}
    assert releases.released("public", 0, quarter, lambda _m, q: {"made": "again"}) == expected
