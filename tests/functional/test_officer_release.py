"""How residents see policing, as officers see it: released quarters, small counts hidden, nothing
recoverable, and nothing that moves once released (so no two releases can be subtracted)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from portal.extensions import db
from portal.models import FigureRelease
from portal.services import dates
from portal.services.activities.overview import perception
from portal.services.moderation import states
from portal.services.statistics import figures
from portal.services.statistics.releases import closed_quarters, officers_release, quarter_start, released
from portal.services.statistics.suppression import _TableSystem, exposed
from portal.vocab import FeedbackStatus, Gender, PoliceBody, RejectionReason
from tests import factories
from tests.functional.activity_helpers import section, shown_counts

THRESHOLD = 5
LAST_QUARTER = closed_quarters(dates.today())[0]


def _feedback(n, day, treatment=4, category="respect", town="fuenlabrada", **fields):
    for _ in range(n):
        factories.feedback(town, category, treatment=treatment, received_on=day, occurred_month=day.replace(day=1), **fields)


def _hidden_entries_are_safe(release: dict, truth_cells, breakdowns) -> None:
    system = _TableSystem.of(truth_cells)
    shown = release["volume"]
    entries = [v for row in shown["cells"] for v in row] + shown["row_totals"] + shown["column_totals"] + [shown["total"]]
    layers = []
    system.edges[system.grand] = ("bottom", "layer-0")
    for n, (truth, visible) in enumerate(breakdowns):
        system.values += truth
        system.edges += [(f"layer-{n}", f"layer-{n + 1}" if n + 1 < len(breakdowns) else "top")] * len(truth)
        system.is_total += [False] * len(truth)
        layers += visible
    entries += layers
    hidden = {i for i, v in enumerate(entries) if v is None}
    assert not exposed(hidden, system.values, system.edges)
    assert not [v for v in entries if v is not None and 0 < v < THRESHOLD]


@pytest.fixture
def quarter_data(app):
    rng = random.Random(7)
    for day in range(0, 88, 3):
        when = LAST_QUARTER + timedelta(days=day)
        factories.feedback("fuenlabrada", rng.choice(["respect", "stop-search", "hate-crime"]), treatment=rng.randint(1, 5),
                           received_on=when, occurred_month=when.replace(day=1), police_body=rng.choice(list(PoliceBody)),
                           gender=rng.choice([None, *Gender]))
    _feedback(3, LAST_QUARTER + timedelta(days=5), category="language")  # a small cell
    _feedback(12, LAST_QUARTER + timedelta(days=10), town="lisboa")  # another municipality
    _feedback(2, LAST_QUARTER + timedelta(days=20), status=FeedbackStatus.REJECTED)  # never counted
    _feedback(4, dates.today())  # this quarter: not released yet
    db.session.commit()


def test_a_release_hides_small_counts_and_nothing_hidden_can_be_worked_out(app, quarter_data):
    town = factories.municipality("fuenlabrada").id
    release = officers_release(town, LAST_QUARTER, THRESHOLD)
    assert release["volume"]["total"] == 30 + 3  # one every third day, and the three about language

    scope = figures.Filters(first_month=LAST_QUARTER, last_month=dates.add_months(LAST_QUARTER, 2), municipality_id=town)
    grouped = figures.grouped(scope, "month", "category_id")
    truth = [[sum(figures.ratings(grouped.get((m, c)))) for c in release["categories"]] for m in scope.months]
    police = [(k, sum(figures.ratings(figures.grouped(scope, "police_body").get((k,))))) for k in [p.value for p in PoliceBody]]
    gender = [(k, sum(figures.ratings(figures.grouped(scope, "gender").get((k,))))) for k in [g.value for g in Gender] + [""]]
    totals = figures.grouped(scope).get(())
    total = sum(totals[:5])
    within = sum(totals[5:8])
    ack = [within, sum(totals[5:11]) - within, total - sum(totals[5:11])]
    _hidden_entries_are_safe(release, truth, [
        ([v for _k, v in police], [row[1] for row in release["index"]["police"]]),
        ([v for _k, v in gender], [row[1] for row in release["index"]["gender"]]),
        (ack, release["acknowledged"]["counts"]),
    ])
    # an index only where its count is shown and there are at least ten answers
    for shown, index in zip(release["volume"]["row_totals"], release["index"]["months"], strict=True):
        assert index is None or (shown is not None and shown >= 10)


def test_officers_see_their_own_municipality_and_only_ended_quarters(staff_client, quarter_data):
    c, _officer = staff_client("officer")
    html = section(c.get("/activities").get_data(as_text=True), "perception")
    assert not [n for n in shown_counts(html) if 0 < n < THRESHOLD]
    assert f"{LAST_QUARTER:%B %Y}" in html
    assert 33 in shown_counts(html)  # the quarter's total: thirty answers and the three about language
    moderator, _m = staff_client("moderator")
    assert "Open the dashboard" in section(moderator.get("/activities").get_data(as_text=True), "perception")


def test_a_release_never_changes_once_shown(staff_client, quarter_data):
    c, officer = staff_client("officer")
    first = section(c.get("/activities").get_data(as_text=True), "perception")
    moderator = factories.user("moderator")
    late = factories.feedback(received_on=LAST_QUARTER + timedelta(days=2), treatment=1)  # arriving "late"
    db.session.flush()
    states.move(moderator, db.session.scalar(db.select(factories.Feedback).where(
        factories.Feedback.municipality_id == officer.municipality_id, factories.Feedback.received_on >= LAST_QUARTER)
        .limit(1)), FeedbackStatus.REJECTED, reason=RejectionReason.SPAM)
    db.session.commit()
    assert section(c.get("/activities").get_data(as_text=True), "perception") == first
    assert late.id and db.session.scalar(db.select(db.func.count()).select_from(FigureRelease)) == 1


def test_differencing_releases_recovers_nothing(app):
    """Days go by over three quarters: feedback arrives every day, moderators reject some, and an
    officer looks every week. Every look at a quarter shows the same release, each release is safe
    on its own, and the quarter in progress is never shown."""
    rng = random.Random(11)
    town = factories.municipality("fuenlabrada")
    moderator = factories.user("moderator")
    start = dates.add_months(LAST_QUARTER, -6)
    seen: dict[date, list[dict]] = {}
    day = start
    while day <= dates.today():
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            item = factories.feedback(category_slug=rng.choice(["respect", "stop-search"]), treatment=rng.randint(1, 5),
                                      received_on=day, occurred_month=day.replace(day=1))
            if rng.random() < 0.1:
                states.move(moderator, item, FeedbackStatus.REJECTED, reason=RejectionReason.SPAM, today=day)
        db.session.flush()
        if day.weekday() == 0:
            for quarter in closed_quarters(day, count=4):
                if quarter >= start:
                    release = released("officers", town.id, quarter, lambda m, q: officers_release(m, q, THRESHOLD))
                    seen.setdefault(quarter, []).append(release)
        day += timedelta(days=1)
    db.session.commit()
    assert len(seen) >= 2
    for quarter, looks in seen.items():
        assert quarter < quarter_start(dates.today())
        assert all(look == looks[0] for look in looks), quarter
        entries = [v for row in looks[0]["volume"]["cells"] for v in row] + looks[0]["volume"]["row_totals"]
        assert not [v for v in entries if v is not None and 0 < v < THRESHOLD]


def test_the_threshold_comes_from_the_configuration(app_factory):
    from tests.conftest import login

    app = app_factory(SUPPRESS_BELOW_OFFICERS=10)
    with app.app_context():
        officer = factories.user("officer")
        _feedback(7, LAST_QUARTER + timedelta(days=3))
        db.session.commit()
        c = app.test_client()
        login(c, officer.email)
        html = section(c.get("/activities").get_data(as_text=True), "perception")
    assert not [n for n in shown_counts(html) if 0 < n < 10]
    assert "numbers below 10 are not shown" in html


def test_a_quarter_can_be_chosen(staff_client, quarter_data):
    c, _officer = staff_client("officer")
    earlier = closed_quarters(dates.today())[1]
    html = section(c.get(f"/activities?quarter={earlier:%Y-%m}").get_data(as_text=True), "perception")
    assert "No feedback from residents in this quarter." in html
    assert c.get("/activities?quarter=1999-01").status_code == 200  # not offered: the last quarter instead
    assert perception(None, dates.today(), THRESHOLD).release is None
