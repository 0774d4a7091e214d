"""Activity rules: scope, validation, audit lines, feedback codes, follow-ups and the list filters."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from portal.extensions import db
from portal.models import Activity, AuditEntry, GoodPractice
from portal.services.activities import log as activities
from portal.services.activities.log import (
    ActivityError,
    ActivityFilters,
    ActivityInput,
    FollowUpInput,
    OutOfScopeError,
    activity_query,
    add_follow_up,
    log_activity,
    unique_feedback_code,
    update_activity,
    update_follow_up,
)
from portal.services.audit import history
from portal.vocab import ActivityFormat, ActivityType, FollowUpStatus
from tests import factories


def _input(municipality_slug="fuenlabrada", **fields) -> ActivityInput:
    place = factories.municipality(municipality_slug)
    data = {"municipality_id": place.id, "type": ActivityType.PARTNERSHIP_MEETING, "title": "Meeting with residents",
            "starts_at": datetime(2026, 11, 3, 17, 0)}
    return ActivityInput(**(data | fields))


def _practices(n=2) -> list[GoodPractice]:
    return list(db.session.scalars(db.select(GoodPractice).order_by(GoodPractice.title).limit(n)))


def test_log_activity_fills_defaults_gives_a_code_and_audits(app):
    officer = factories.user("officer")
    activity = log_activity(officer, _input(), [FollowUpInput("Ask for street lights", "Unit", date(2026, 12, 1))])
    assert activity.ends_at == datetime(2026, 11, 3, 18, 0)  # one hour when no end is given
    assert len(activity.feedback_code) == 6 and activity.created_by_id == officer.id
    assert [f.description for f in activity.follow_ups] == ["Ask for street lights"]
    actions = [e.action for e in history("activity", activity.id)]
    assert sorted(actions) == ["activity.create", "follow_up.create"]


def test_officers_log_only_in_their_own_municipality(app):
    officer = factories.user("officer", municipality_slug="fuenlabrada")
    with pytest.raises(OutOfScopeError):
        log_activity(officer, _input("lisboa"))
    assert db.session.scalar(db.select(db.func.count(Activity.id))) == 0


def test_moderators_log_anywhere_and_mediators_nowhere(app):
    moderator = factories.user("moderator")
    assert log_activity(moderator, _input("lisboa")).municipality.slug == "lisboa"
    mediator = factories.user("mediator")
    with pytest.raises(OutOfScopeError):
        log_activity(mediator, _input("fuenlabrada"))


def test_officers_cannot_edit_or_move_other_municipalities_activities(app):
    officer = factories.user("officer", municipality_slug="fuenlabrada")
    theirs = factories.activity("lisboa")
    with pytest.raises(OutOfScopeError):
        update_activity(officer, theirs, _input("lisboa", title="Changed"))
    mine = factories.activity("fuenlabrada")
    with pytest.raises(OutOfScopeError):
        update_activity(officer, mine, _input("lisboa"))
    with pytest.raises(OutOfScopeError):
        add_follow_up(officer, theirs, FollowUpInput("Something"))


@pytest.mark.parametrize(("fields", "field"), [
    ({"ends_at": datetime(2026, 11, 3, 16, 0)}, "ends_at"),
    ({"ends_at": datetime(2026, 11, 3, 17, 0)}, "ends_at"),
    ({"participants_count": 10, "women_count": 11}, "women_count"),
    ({"participants_count": 10, "roma_count": 12}, "roma_count"),
    ({"women_count": 3}, "women_count"),
    ({"officers_count": -1}, "officers_count"),
    ({"title": "   "}, "title"),
])
def test_broken_rules_name_their_field(app, fields, field):
    officer = factories.user("officer")
    with pytest.raises(ActivityError) as caught:
        log_activity(officer, _input(**fields))
    assert caught.value.field == field


def test_estimates_equal_to_participants_are_fine(app):
    officer = factories.user("officer")
    activity = log_activity(officer, _input(participants_count=10, women_count=10, roma_count=0))
    assert (activity.women_count, activity.roma_count) == (10, 0)


def test_area_must_belong_to_the_municipality(app):
    officer = factories.user("officer")
    lisbon_area = factories.municipality("lisboa").areas[0]
    with pytest.raises(ActivityError) as caught:
        log_activity(officer, _input(area_id=lisbon_area.id))
    assert caught.value.field == "area"


def test_only_published_practices_can_be_linked_but_linked_ones_survive_retirement(app):
    officer = factories.user("officer")
    first, second = _practices()
    second.is_published = False
    with pytest.raises(ActivityError) as caught:
        log_activity(officer, _input(practice_ids=[second.id]))
    assert caught.value.field == "practices"
    second.is_published = True
    activity = log_activity(officer, _input(practice_ids=[first.id, second.id]))
    second.is_published = False  # retired after it was linked
    update_activity(officer, activity, _input(title="Renamed", practice_ids=[first.id, second.id]))
    assert {p.id for p in activity.practices} == {first.id, second.id}


def test_update_audits_old_and_new_values_and_names_changed_texts(app):
    officer = factories.user("officer")
    first, second = _practices()
    activity = log_activity(officer, _input(officers_count=2, practice_ids=[first.id], objectives="Listen."))
    changes = update_activity(officer, activity, _input(
        title="Meeting at the school", officers_count=4, practice_ids=[second.id], objectives="Listen more.",
        format=ActivityFormat.HYBRID, mediator_present=True))
    summary = db.session.scalar(db.select(AuditEntry.summary).filter_by(action="activity.update"))
    assert 'title: "Meeting with residents" → "Meeting at the school"' in summary
    assert "officers_count: 2 → 4" in summary
    assert "format: in-person → hybrid" in summary
    assert "mediator_present: no → yes" in summary
    assert "objectives: changed" in summary and "Listen more" not in summary
    assert f"practices: + {second.title}, − {first.title}" in summary
    assert len(changes) == 6


def test_update_without_changes_writes_no_audit_entry(app):
    officer = factories.user("officer")
    activity = log_activity(officer, _input(officers_count=2))
    assert update_activity(officer, activity, _input(officers_count=2, ends_at=datetime(2026, 11, 3, 18, 0))) == []
    assert [e.action for e in history("activity", activity.id)] == ["activity.create"]


def test_feedback_code_is_drawn_again_on_a_collision(app):
    taken = factories.activity(feedback_code="AAAAAA")
    drawn = iter([taken.feedback_code, taken.feedback_code, "BBBBBB"])
    assert unique_feedback_code(generate=lambda: next(drawn)) == "BBBBBB"
    with pytest.raises(activities.CodeExhaustedError):
        unique_feedback_code(generate=lambda: taken.feedback_code, attempts=3)


def test_follow_up_status_done_sets_and_clears_the_completion_day(app):
    officer = factories.user("officer")
    activity = log_activity(officer, _input())
    item = add_follow_up(officer, activity, FollowUpInput("Repair the lights", "Council", date(2026, 12, 1)))
    changes = update_follow_up(officer, item, FollowUpInput("Repair the lights", "Council", date(2026, 12, 1),
                                                            FollowUpStatus.DONE), today=date(2026, 11, 20))
    assert item.completed_on == date(2026, 11, 20)
    assert changes == ["status: open → done"]
    update_follow_up(officer, item, FollowUpInput("Repair the lights", "Council", None, FollowUpStatus.IN_PROGRESS))
    assert item.completed_on is None
    summaries = [e.summary for e in history("activity", activity.id) if e.action == "follow_up.update"]
    assert any("due_on: 2026-12-01 → —" in s for s in summaries)


def test_follow_up_needs_a_description(app):
    officer = factories.user("officer")
    activity = log_activity(officer, _input())
    with pytest.raises(ActivityError) as caught:
        add_follow_up(officer, activity, FollowUpInput("  "))
    assert caught.value.field == "description"


def test_defaults_come_from_the_officers_last_activity(app):
    officer = factories.user("officer")
    assert activities.defaults_for(officer) == {}
    log_activity(officer, _input(organising_unit="Proximity unit", languages="Romani", format=ActivityFormat.ONLINE))
    assert activities.defaults_for(officer) == {"organising_unit": "Proximity unit", "languages": "Romani",
                                                "format": ActivityFormat.ONLINE}


# --- the list --------------------------------------------------------------------------------

def _titles(user, **filters) -> list[str]:
    return [a.title for a in db.session.scalars(activity_query(user, ActivityFilters(**filters)))]


def test_list_filters_and_scope(app):
    officer = factories.user("officer")
    moderator = factories.user("moderator")
    practice = _practices(1)[0]
    area = factories.municipality("fuenlabrada").areas[1]
    a = factories.activity(title="A patrol", type=ActivityType.PATROL, starts_at=datetime(2026, 10, 1, 9))
    b = factories.activity(title="B audit", type=ActivityType.SAFETY_AUDIT, starts_at=datetime(2026, 10, 15, 9), area=area)
    b.practices = [practice]
    c = factories.activity(title="C meeting", starts_at=datetime(2026, 10, 31, 23, 30))
    add_follow_up(moderator, c, FollowUpInput("Write to the school"))
    done = add_follow_up(moderator, a, FollowUpInput("Already done"))
    update_follow_up(moderator, done, FollowUpInput("Already done", status=FollowUpStatus.DONE))
    factories.activity("lisboa", title="D elsewhere", starts_at=datetime(2026, 10, 20, 9))
    db.session.flush()

    assert _titles(officer) == ["C meeting", "B audit", "A patrol"]  # newest first, own municipality only
    assert _titles(officer, municipality_id=factories.municipality("lisboa").id) == ["C meeting", "B audit", "A patrol"]
    assert _titles(moderator) == ["C meeting", "D elsewhere", "B audit", "A patrol"]
    assert _titles(moderator, municipality_id=factories.municipality("lisboa").id) == ["D elsewhere"]
    assert _titles(officer, date_from=date(2026, 10, 15), date_to=date(2026, 10, 31)) == ["C meeting", "B audit"]
    assert _titles(officer, type=ActivityType.PATROL) == ["A patrol"]
    assert _titles(officer, area_id=area.id) == ["B audit"]
    assert _titles(officer, practice_id=practice.id) == ["B audit"]
    assert _titles(officer, open_follow_ups=True) == ["C meeting"]
    assert _titles(officer, text="aUdI") == ["B audit"]
    assert _titles(officer, text="100%_") == []
    assert _titles(officer, sort="oldest") == ["A patrol", "B audit", "C meeting"]
    assert _titles(officer, sort="title") == ["A patrol", "B audit", "C meeting"]


def test_an_officer_without_a_municipality_sees_nothing(app):
    officer = factories.user("officer")
    officer.municipality_id = None
    factories.activity()
    assert _titles(officer) == []
