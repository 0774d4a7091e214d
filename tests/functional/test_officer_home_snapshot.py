"""Officers see residents' feedback as a monthly snapshot: counted by the month it was received,
finished months only. Nobody can watch one answer arrive, nor send a few fake answers and see the
moment a real resident's answer tips a count over the threshold."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from babel.dates import format_date

from portal.extensions import db
from portal.models import Feedback
from portal.services import dates
from portal.services.activities.overview import perception
from tests import factories
from tests.functional.activity_helpers import section, shown_counts
from tests.functional.test_feedback_views import feedback_data, post_form

THRESHOLD = 5


def _what_an_officer_sees(c, activity) -> tuple[str, str]:
    home = section(c.get("/activities").get_data(as_text=True), "perception")
    page = section(c.get(f"/activities/{activity.id}").get_data(as_text=True), "feedback")
    return home, page


def _received(activity) -> int:
    db.session.expire_all()
    return db.session.scalar(db.select(db.func.count(Feedback.id)).where(Feedback.activity_id == activity.id))


def _two_months_ago() -> datetime:
    return datetime.combine(dates.add_months(date.today(), -2), datetime.min.time()).replace(hour=17)


def test_four_fake_answers_then_a_real_one_today_change_nothing_an_officer_sees(client, staff_client):
    """The reviewer's attack: an officer sends four answers through /a/<code> (the page then says
    'Fewer than 5'), a resident sends one, and the count used to show 5."""
    c, _officer = staff_client("officer")
    activity = factories.activity(starts_at=_two_months_ago(), feedback_code="SNAP42")
    db.session.commit()
    before = _what_an_officer_sees(c, activity)
    assert "Fewer than 5 so far" in before[1]
    for _fake in range(4):
        assert post_form(client, "/a/SNAP42", feedback_data(municipality=None, treatment="1")).status_code == 200
    assert _what_an_officer_sees(c, activity) == before
    assert post_form(client, "/a/SNAP42", feedback_data(municipality=None, treatment="1")).status_code == 200
    assert _received(activity) == 5
    assert _what_an_officer_sees(c, activity) == before


def test_feedback_received_in_a_finished_month_shows_once_above_the_threshold(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity(starts_at=_two_months_ago())
    last_month = dates.add_months(date.today(), -1) + timedelta(days=3)
    for _ in range(4):
        factories.feedback(activity=activity, treatment=2, received_on=last_month, occurred_month=dates.first_of_month(last_month))
    db.session.commit()
    home, page = _what_an_officer_sees(c, activity)
    assert not [n for n in shown_counts(home) if 0 < n < THRESHOLD] and 'class="suppressed"' in home
    assert "Fewer than 5 so far" in page

    factories.feedback(activity=activity, treatment=2, received_on=last_month, occurred_month=dates.first_of_month(last_month))
    db.session.commit()
    home, page = _what_an_officer_sees(c, activity)
    assert 'class="suppressed"' not in home and 5 in shown_counts(home)
    assert re.search(r"<dt>Feedback received</dt>\s*<dd>5</dd>", page)


def test_the_pages_say_that_only_finished_months_count(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity(starts_at=_two_months_ago())
    db.session.commit()
    home, page = _what_an_officer_sees(c, activity)
    for html in (home, page):
        assert "Finished months only: new feedback is added when the month is over." in html
    last = format_date(dates.add_months(date.today(), -1), "LLLL y", locale="en")
    assert f"to {last}." in home


def test_a_young_activity_says_when_its_count_will_be_shown(staff_client):
    """Feedback on an activity is shown once a whole calendar month has passed after it, so the
    first count already covers a full month of answers."""
    c, _officer = staff_client("officer")
    activity = factories.activity(starts_at=datetime.combine(dates.add_months(date.today(), -1), datetime.min.time()))
    for _ in range(8):
        factories.feedback(activity=activity, received_on=dates.add_months(date.today(), -1))
    db.session.commit()
    page = section(c.get(f"/activities/{activity.id}").get_data(as_text=True), "feedback")
    shown_from = format_date(dates.add_months(date.today(), 1), "medium", locale="en")
    assert f"Shown from {shown_from}, when a full month has passed since the activity." in page
    assert "<dd>8</dd>" not in page


def test_a_clock_ahead_of_the_server_does_not_open_the_current_month(app):
    """`received_on` is the server's (UTC) day; a caller's 'today' in the next month cannot make
    this month's answers count early."""
    for _ in range(6):
        factories.feedback(treatment=5, received_on=dates.today())
    db.session.commit()
    ahead = dates.add_months(dates.today(), 1) + timedelta(days=2)
    seen = perception(None, ahead, THRESHOLD)
    assert seen.until == dates.first_of_month(dates.today()) and seen.by_month.total == 0
