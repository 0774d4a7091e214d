"""The officers' home: this month's work, follow-ups, and how residents see policing, as aggregates
with small counts hidden so no resident can be singled out."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from portal.extensions import db
from portal.services import dates
from portal.vocab import ActivityType, FeedbackStatus
from tests import factories
from tests.functional.activity_helpers import practice_ids, section, shown_counts

THRESHOLD = 5


def _this_month(day: int = 1, hour: int = 10) -> datetime:
    return datetime.combine(dates.first_of_month(date.today()), datetime.min.time()).replace(day=day, hour=hour)


def _feedback(n, month_back=0, treatment=3, category="respect", municipality="fuenlabrada", **fields):
    """n answers about the month `month_back` months ago, received that month unless said otherwise."""
    fields.setdefault("received_on", dates.add_months(date.today(), -month_back))
    for _ in range(n):
        factories.feedback(municipality, category, treatment=treatment,
                           occurred_month=dates.add_months(date.today(), -month_back), **fields)


def _table(html: str, caption: str) -> list[list[int | None]]:
    """The body and footer rows of the table with this caption: numbers, or None where hidden."""
    start = html.index(f"<caption>{caption}</caption>")
    table = html[start:html.index("</table>", start)]
    grid = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:  # skip the header row
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        grid.append([None if "suppressed" in cell else int(re.sub(r"\D", "", cell)) for cell in cells])
    return grid


def _assert_no_line_gives_a_hidden_count_away(grid):
    """In the table with its totals (last column and last row), each row and column has no hidden
    entry or at least two: one alone would be its total minus the others."""
    lines = grid + [list(column) for column in zip(*grid)]
    for line in lines:
        assert sum(v is None for v in line) != 1, line


def test_this_month_by_type_and_the_good_practices_applied(staff_client):
    c, _officer = staff_client("officer")
    first, second = practice_ids(2)
    a = factories.activity(type=ActivityType.PATROL, starts_at=_this_month(1), participants_count=10)
    b = factories.activity(type=ActivityType.PATROL, starts_at=_this_month(2), participants_count=5)
    m = factories.activity(type=ActivityType.PARTNERSHIP_MEETING, starts_at=_this_month(3))
    from portal.models import GoodPractice
    a.practices = [db.session.get(GoodPractice, first)]
    b.practices = [db.session.get(GoodPractice, first), db.session.get(GoodPractice, second)]
    m.practices = []
    factories.activity(type=ActivityType.SAFETY_AUDIT, starts_at=_this_month(1) - timedelta(days=3))  # last month
    factories.activity("lisboa", type=ActivityType.SAFETY_AUDIT, starts_at=_this_month(2))  # elsewhere
    db.session.commit()
    html = section(c.get("/activities").get_data(as_text=True), "this-month")
    assert "3 activities logged." in html and "About 15 participants." in html
    assert re.search(r"Foot or proximity patrol</th><td>2</td>", html)
    assert re.search(r"Partnership or community meeting</th><td>1</td>", html)
    assert "Local safety audit workshop" not in html
    first_title = db.session.get(GoodPractice, first).title
    second_title = db.session.get(GoodPractice, second).title
    assert f"{first_title}: 2 activities" in html and f"{second_title}: 1 activity" in html


def test_an_empty_month_says_so(staff_client):
    c, _officer = staff_client("officer")
    html = c.get("/activities").get_data(as_text=True)
    assert "No activities logged this month yet." in html and "No open follow-ups." in html
    assert "No feedback from residents in this time." in html


def test_no_count_from_1_to_4_is_shown_and_no_hidden_one_can_be_worked_out(staff_client):
    c, _officer = staff_client("officer")
    _feedback(7, 1, 4, "respect")
    _feedback(3, 1, 2, "listening")
    _feedback(6, 2, 5, "positive")
    _feedback(1, 3, 1, "force")
    _feedback(2, 0, 3, "language")
    _feedback(9, 4, 4, "respect")
    db.session.commit()
    html = section(c.get("/activities").get_data(as_text=True), "perception")
    counts = shown_counts(html)
    assert counts, "the tables show counts"
    assert not [n for n in counts if 0 < n < THRESHOLD]
    assert 'class="suppressed"' in html
    by_month = _table(html, "How people felt treated, by month")
    assert len(by_month) == 12 + 1 and len(by_month[0]) == 5 + 1
    _assert_no_line_gives_a_hidden_count_away(by_month)
    categories = _table(html, "What the feedback was about")
    assert sum(v is None for row in categories for v in row) != 1
    assert by_month[-1][-1] == categories[-1][0] == 26  # the same total in both; this month's 2 not yet
    assert "The average is not shown because some numbers are hidden." in html


def test_the_average_is_shown_when_nothing_is_hidden(staff_client):
    c, _officer = staff_client("officer")
    for level in range(1, 6):
        _feedback(5, 2, level, "respect")
    db.session.commit()
    html = section(c.get("/activities").get_data(as_text=True), "perception")
    assert "people felt treated 3 on a scale" in html
    assert 'class="suppressed"' not in html


def test_a_small_total_is_hidden_too(staff_client):
    c, _officer = staff_client("officer")
    _feedback(3, 1, 4, "respect")
    db.session.commit()
    html = section(c.get("/activities").get_data(as_text=True), "perception")
    assert not [n for n in shown_counts(html) if 0 < n < THRESHOLD]
    assert _table(html, "How people felt treated, by month")[-1][-1] is None


def test_only_this_municipality_the_last_twelve_finished_months_and_no_rejected_reports_count(staff_client):
    c, _officer = staff_client("officer")
    _feedback(6, 1, 4, "respect")
    _feedback(5, 12, 4, "respect")  # the oldest month shown
    _feedback(8, 1, 4, "respect", municipality="lisboa")
    _feedback(9, 13, 4, "respect")  # thirteen months ago
    _feedback(7, 1, 4, "respect", status=FeedbackStatus.REJECTED)
    db.session.commit()
    html = section(c.get("/activities").get_data(as_text=True), "perception")
    by_month = _table(html, "How people felt treated, by month")
    assert by_month[-1][-1] == 11
    assert by_month[0][-1] == 5 and by_month[-2][-1] == 6  # oldest month first, last month last


def test_feedback_counts_in_the_month_it_was_received_not_the_month_it_tells_of(staff_client):
    c, _officer = staff_client("officer")
    today = date.today()
    for _ in range(6):  # about three months ago, received last month
        factories.feedback(treatment=2, occurred_month=dates.add_months(today, -3), received_on=dates.add_months(today, -1))
    for _ in range(6):  # about last month, received today: not counted yet
        factories.feedback(treatment=2, occurred_month=dates.add_months(today, -1), received_on=today)
    db.session.commit()
    html = section(c.get("/activities").get_data(as_text=True), "perception")
    by_month = _table(html, "How people felt treated, by month")
    assert by_month[-2][1] == 6 and by_month[-2][-1] == 6  # last month's row, answer "badly"
    assert by_month[-1][-1] == 6


def test_officers_never_see_residents_own_words_only_published_redacted_ones(staff_client):
    c, _officer = staff_client("officer")
    factories.feedback(text="Officer Pérez insulted my son Marko at the market.")
    factories.feedback(text="They searched Ana's house on Calle Mayor 5.", is_published=True,
                       redacted_text="They searched a family's house.", published_on=date.today())
    factories.feedback("lisboa", text="Lisbon text", is_published=True, redacted_text="Lisbon redacted",
                       published_on=date.today())
    db.session.commit()
    html = c.get("/activities").get_data(as_text=True)
    assert "Marko" not in html and "Pérez" not in html and "Calle Mayor" not in html
    assert "They searched a family&#39;s house." in html
    assert "Lisbon redacted" not in html


def test_moderators_see_every_municipality_together_or_one(staff_client):
    c, _moderator = staff_client("moderator")
    _feedback(6, 1, 4, "respect")
    _feedback(8, 1, 4, "respect", municipality="lisboa")
    db.session.commit()
    html = section(c.get("/activities").get_data(as_text=True), "perception")
    assert _table(html, "How people felt treated, by month")[-1][-1] == 14
    lisbon = factories.municipality("lisboa")
    html = section(c.get(f"/activities?municipality={lisbon.id}").get_data(as_text=True), "perception")
    assert _table(html, "How people felt treated, by month")[-1][-1] == 8


def test_the_threshold_comes_from_the_configuration(app_factory, make_user):
    from tests.conftest import login

    app = app_factory(SUPPRESS_BELOW_OFFICERS=10)
    with app.app_context():
        officer = factories.user("officer")
        _feedback(7, 1, 4, "respect")
        db.session.commit()
        c = app.test_client()
        login(c, officer.email)
        html = section(c.get("/activities").get_data(as_text=True), "perception")
    assert not [n for n in shown_counts(html) if 0 < n < 10]
    assert "numbers below 10 are not shown" in html


def test_feedback_received_this_month_changes_nothing_an_officer_sees(staff_client):
    """Officers see a monthly snapshot: they cannot watch one answer arrive, nor pad a cell with
    fake answers and see a resident's land in it."""
    c, _officer = staff_client("officer")
    _feedback(4, 1, 4, "respect")
    db.session.commit()
    before = section(c.get("/activities").get_data(as_text=True), "perception")
    _feedback(3, 1, 4, "respect", received_on=date.today())  # about last month, arriving today
    _feedback(3, 0, 4, "respect")  # about this month
    db.session.commit()
    after = section(c.get("/activities").get_data(as_text=True), "perception")
    assert shown_counts(after) == shown_counts(before)
    assert "Finished months only" in after


def test_an_activity_shows_its_feedback_count_only_when_a_month_old(app, staff_client):
    from portal.services.activities.overview import activity_feedback_count

    old = factories.activity(starts_at=_this_month(1) - timedelta(days=45))
    new = factories.activity(starts_at=_this_month(1))
    for activity in (old, new):
        _feedback(6, 1, 4, "respect", activity=activity)
    _feedback(3, 0, 4, "respect", activity=old, received_on=date.today())
    db.session.commit()
    assert activity_feedback_count(old, THRESHOLD, date.today()).count == 6  # today's 3 are not counted yet
    young = activity_feedback_count(new, THRESHOLD, date.today())
    assert not young.ready and young.count is None and young.shown_from == dates.add_months(date.today(), 2)
