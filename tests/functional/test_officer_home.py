"""The officers' home: this month's work and follow-ups; residents' published words only. (How residents
see policing, as released quarterly figures: tests/functional/test_officer_release.py.)"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from portal.extensions import db
from portal.services import dates
from portal.vocab import ActivityType
from tests import factories
from tests.functional.activity_helpers import practice_ids, section

THRESHOLD = 5


def _this_month(day: int = 1, hour: int = 10) -> datetime:
    return datetime.combine(dates.first_of_month(date.today()), datetime.min.time()).replace(day=day, hour=hour)


def _feedback(n, month_back=0, treatment=3, category="respect", municipality="fuenlabrada", **fields):
    """n answers about the month `month_back` months ago, received that month unless said otherwise."""
    fields.setdefault("received_on", dates.add_months(date.today(), -month_back))
    for _ in range(n):
        factories.feedback(municipality, category, treatment=treatment,
                           occurred_month=dates.add_months(date.today(), -month_back), **fields)


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
    assert "No feedback from residents in this quarter." in html


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
