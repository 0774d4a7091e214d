"""Every dashboard figure on a small fixed data set, against values worked out by hand."""

from datetime import date, datetime, timedelta

import pytest

from portal.extensions import db
from portal.models import FollowUp, GoodPractice
from portal.services.statistics import figures, practices
from portal.vocab import ActivityType, Channel, FeedbackStatus, FollowUpStatus, Gender, PoliceBody
from tests import factories

TODAY = date(2026, 11, 20)
SEP, OCT, NOV = date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)


def _feedback(day, treatment, category="respect", *, acknowledged_after=None, town="fuenlabrada", **fields):
    acknowledged = day + timedelta(days=acknowledged_after) if acknowledged_after is not None else None
    status = fields.pop("status", FeedbackStatus.IN_REVIEW if acknowledged else FeedbackStatus.RECEIVED)
    return factories.feedback(town, category, treatment=treatment, received_on=day, occurred_month=day.replace(day=1),
                              acknowledged_on=acknowledged, status=status, **fields)


@pytest.fixture
def data(app):
    for n, rating in enumerate([1, 1, 3, 3, 3, 3, 5, 5, 5, 5]):  # September: [2, 0, 4, 0, 4]
        _feedback(date(2026, 9, 3 + n), rating, acknowledged_after=1, gender=Gender.WOMAN if n < 5 else None)
    for n in range(12):  # October: twelve 4s, half about stop and search by the national police
        stop = n >= 6
        _feedback(date(2026, 10, 10 + n % 6), 4, "stop-search" if stop else "respect",
                  acknowledged_after=None if stop else 5, police_body=PoliceBody.NATIONAL if stop else PoliceBody.MUNICIPAL)
    for _ in range(3):  # November: three 2s, too few to say
        _feedback(date(2026, 11, 15), 2, "hate-crime")
    for _ in range(10):  # May: ten 2s, before the practice started
        _feedback(date(2026, 5, 5), 2, acknowledged_after=2)
    _feedback(date(2026, 10, 11), 1, status=FeedbackStatus.REJECTED)  # never counted
    _feedback(date(2026, 10, 11), 5, town="lisboa")  # another municipality
    rumour = factories.rumour()
    for day in (date(2026, 10, 2), date(2026, 10, 9)):
        factories.rumour_report(received_on=day, rumour=rumour)
    factories.rumour_report(received_on=date(2026, 11, 3))
    factories.rumour_report(received_on=date(2026, 11, 3), municipality_slug="lisboa")
    stop_forms = db.session.scalar(db.select(GoodPractice).filter_by(slug="stop-forms-and-rights-leaflet"))
    first = factories.activity(starts_at=datetime(2026, 9, 5, 17), participants_count=20, roma_count=10, mediator_present=True)
    first.practices = [stop_forms]
    second = factories.activity(starts_at=datetime(2026, 10, 12, 10), type=ActivityType.PATROL, interpretation_provided=True)
    db.session.add(FollowUp(activity=second, description="Send the minutes", due_on=date(2026, 11, 1), status=FollowUpStatus.OPEN))
    db.session.commit()
    return {"rumour": rumour, "practice": stop_forms}


def scope():
    return figures.Filters(first_month=SEP, last_month=NOV, municipality_id=factories.municipality("fuenlabrada").id)


def test_volume(data):
    volume = figures.volume(scope())
    assert volume.months == [SEP, OCT, NOV] and volume.per_month == [10, 12, 3]
    respect, stop, hate = (factories.category(slug).id for slug in ("respect", "stop-search", "hate-crime"))
    assert volume.by_category == {respect: [10, 6, 0], stop: [0, 6, 0], hate: [0, 0, 3]}
    assert volume.rumour_reports == [0, 2, 1]
    assert figures.volume(figures.Filters(first_month=SEP, last_month=NOV)).per_month == [10, 13, 3]


def test_treatment_index_per_month_and_by_group(data):
    together, each = figures.treatment_by_municipality(scope(), {})
    september, october, november = together.points
    assert (september.n, september.value) == (10, pytest.approx(60.0))  # mean 3.4
    assert (october.n, october.value, october.low, october.high) == (12, 75.0, 75.0, 75.0)
    assert november.n == 3 and november.value is None  # too few to say
    assert together.overall.n == 25 and len(each) == 1
    by_police = dict(figures.treatment_by(scope(), "police_body"))
    assert by_police[PoliceBody.NATIONAL.value].n == 6 and by_police[PoliceBody.NATIONAL.value].value is None
    assert by_police[PoliceBody.MUNICIPAL.value].n == 19
    by_gender = dict(figures.treatment_by(scope(), "gender"))
    assert by_gender[Gender.WOMAN.value].n == 5 and by_gender[""].n == 20
    only_stop = figures.Filters(first_month=SEP, last_month=NOV, category_id=factories.category("stop-search").id)
    assert figures.volume(only_stop).per_month == [0, 6, 0]


def test_answering_residents(data):
    answering = figures.answering(scope(), TODAY)
    assert answering.received == 25
    assert answering.acknowledged_by_range == [10, 0, 6, 0, 0, 0]
    assert answering.within_7_days == pytest.approx(16 / 25)
    assert answering.median_acknowledgement == (4, 7)  # the 13th of 25 items is in the third range
    # received: the six October stop-and-search items (35–40 days) and the three November ones (5 days);
    # in review, not answered: September's ten (62–71 days) and October's six others
    assert answering.open_by_status_and_age == {"received": [3, 0, 6, 0], "in-review": [0, 0, 16, 0]}
    assert answering.unread == 0


def test_activities(data):
    found = figures.activities(scope(), TODAY)
    assert found.total == 2 and found.per_month == [1, 1, 0]
    assert found.by_type == {ActivityType.PARTNERSHIP_MEETING: [1, 0, 0], ActivityType.PATROL: [0, 1, 0]}
    assert (found.participants, found.roma, found.roma_share) == (20, 10, 0.5)
    assert (found.with_mediator, found.with_interpretation) == (1, 1)
    assert (found.follow_ups_open, found.follow_ups_overdue) == (1, 1)


def test_the_practice_view_with_and_without_and_before_and_after(data):
    [evidence] = practices.practice_view(scope(), data["practice"].id)
    assert [(a.municipality.slug, a.activities, a.first) for a in evidence.applications] == [("fuenlabrada", 1, date(2026, 9, 5))]
    # with: October and November (an activity in the six months before); without: September
    assert evidence.with_practice.n == 15 and evidence.with_practice.value == pytest.approx(65.0)
    assert evidence.without_practice.n == 10 and evidence.without_practice.value == pytest.approx(60.0)
    assert evidence.with_without.value == pytest.approx(5.0)
    [row] = evidence.before_after  # one municipality: no "all together" row
    assert row.first_month == SEP and row.before.n == 10 and row.before.value == pytest.approx(25.0)  # May's ten 2s
    assert row.after.n == 15 and row.after.value == pytest.approx(65.0)
    assert row.change.value == pytest.approx(40.0)
    # after: variance 9.6/14 over 15 answers, before: none; Welch gives 14 degrees of freedom
    margin = 2.145 * (9.6 / 14 / 15) ** 0.5 * 25
    assert row.change.low == pytest.approx(40 - margin) and row.change.high == pytest.approx(40 + margin)


def test_rumours_per_month(data):
    found = figures.rumours(scope())
    assert [(r.title if r else None, counts) for r, counts in found.rows] == [(data["rumour"].title, [0, 2, 0]), (None, [0, 0, 1])]


def test_the_area_and_channel_filters_read_their_own_aggregates(data):
    """An area and a channel are counted from the aggregates keyed by them; open items and unread
    messages under those filters from the rows. Both agree with counts made by hand."""
    town = factories.municipality("fuenlabrada")
    area = town.areas[0]
    for rating in (1, 2, 5):  # October, through a mediator, in the area; one with a message unread
        _feedback(date(2026, 10, 20), rating, channel=Channel.IN_PERSON, area_id=area.id, has_unread=rating == 5)
    _feedback(date(2026, 11, 18), 3, channel=Channel.PHONE)  # November, through a mediator, no area
    db.session.commit()
    mediator = figures.Filters(first_month=SEP, last_month=NOV, channel="mediator")
    assert figures.volume(mediator).per_month == [0, 3, 1]
    assert figures.answering(mediator, TODAY).open_by_status_and_age == {"received": [1, 0, 3, 0], "in-review": [0, 0, 0, 0]}
    assert figures.answering(mediator, TODAY).unread == 1
    web = figures.Filters(first_month=SEP, last_month=NOV, channel="web")
    assert figures.volume(web).per_month == [10, 13, 3]  # the data set as before, Lisboa's item included
    in_area = figures.Filters(first_month=SEP, last_month=NOV, municipality_id=town.id, area_id=area.id)
    assert figures.volume(in_area).per_month == [0, 3, 0]
    [(_key, index)] = figures.treatment_by(in_area, "category_id")
    assert index.n == 3 and index.value is None  # too few to say
    assert figures.answering(in_area, TODAY).received == 3 and figures.answering(in_area, TODAY).unread == 1
    assert figures.volume(figures.Filters(first_month=SEP, last_month=NOV, channel="mediator", area_id=area.id)).per_month == [0, 3, 0]


def test_the_treatment_figure_reads_the_practice_views_cells_to_the_same_result(data):
    """The dashboard reads the ratings by municipality and month once, over the practice view's
    longer window (here from March, six months before the first activity), and the treatment figure
    keeps only the period's months: the same figure as read on its own."""
    for filters in (scope(), figures.Filters(first_month=SEP, last_month=NOV)):
        _evidence, cells = practices.practice_view_and_cells(filters)
        assert min(month for _town, month in cells) < SEP  # May's answers are in the window
        together, each = figures.treatment_by_municipality(filters, {}, cells)
        alone, each_alone = figures.treatment_by_municipality(filters, {})
        assert (together.points, together.overall, together.trend) == (alone.points, alone.overall, alone.trend)
        assert sorted((s.key, s.points) for s in each) == sorted((s.key, s.points) for s in each_alone)
