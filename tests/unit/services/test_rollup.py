"""The maintained aggregates always equal a rebuild from the rows, whatever happens in between:
random sequences of submissions, moderation changes, rejections, reopenings, answers, category
corrections, groupings of rumour reports, activities logged and edited, and retention purges
(hypothesis)."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.extensions import db
from portal.models import Area, FeedbackCategory
from portal.services.activities import log
from portal.services.activities.log import ActivityInput
from portal.services.feedback import intake, retention, rumour_reports
from portal.services.moderation import items, states
from portal.services.moderation import rumours as tracker
from portal.services.statistics import rollup
from portal.vocab import ActivityType, Channel, FeedbackStatus, Gender, PoliceBody, RejectionReason, RumourSpread, RumourTarget
from tests import factories

TODAY = date(2026, 11, 20)
TOWNS = ["fuenlabrada", "lisboa", "cluj-napoca"]

submit = st.fixed_dictionaries({
    "op": st.just("submit"), "town": st.sampled_from(TOWNS), "category": st.sampled_from(["respect", "stop-search", "hate-crime"]),
    "police": st.sampled_from(list(PoliceBody)), "treatment": st.integers(1, 5), "days_ago": st.integers(0, 70),
    "gender": st.sampled_from([None, *Gender]), "area": st.booleans(), "mediator": st.booleans(),
})
moderate = st.fixed_dictionaries({
    "op": st.sampled_from(["review", "reject", "reopen", "close", "answer", "category", "purge"]),
    "pick": st.integers(0, 1000), "later": st.integers(0, 40),
})
rumour_op = st.fixed_dictionaries({
    "op": st.sampled_from(["report", "group", "reject-report"]), "pick": st.integers(0, 1000), "town": st.sampled_from(TOWNS),
})
activity_op = st.fixed_dictionaries({
    "op": st.sampled_from(["log-activity", "edit-activity"]), "pick": st.integers(0, 1000), "town": st.sampled_from(TOWNS),
    "type": st.sampled_from(list(ActivityType)), "days_ago": st.integers(0, 70), "area": st.booleans(),
    "participants": st.one_of(st.none(), st.integers(0, 40)), "roma": st.integers(0, 40),
    "mediator": st.booleans(), "interpreted": st.booleans(),
})
operations = st.lists(st.one_of(submit, moderate, rumour_op, activity_op), min_size=1, max_size=25)


def _activity(op: dict, state: dict) -> None:
    """Log a new activity, or edit one already logged (its month, place, type and counts may all move)."""
    place = factories.municipality(op["town"])
    area = db.session.scalar(db.select(Area).filter_by(municipality_id=place.id)) if op["area"] else None
    participants = op["participants"]
    data = ActivityInput(
        municipality_id=place.id, area_id=area.id if area else None, type=op["type"], title="A meeting",
        starts_at=datetime.combine(TODAY - timedelta(days=op["days_ago"]), time(17)), participants_count=participants,
        roma_count=min(op["roma"], participants) if participants is not None else None,
        mediator_present=op["mediator"], interpretation_provided=op["interpreted"])
    if op["op"] == "log-activity" or not state["activities"]:
        state["activities"].append(log.log_activity(state["admin"], data))
    else:
        log.update_activity(state["admin"], state["activities"][op["pick"] % len(state["activities"])], data)


def _apply(op: dict, state: dict) -> None:
    moderator, feedback, reports = state["moderator"], state["feedback"], state["reports"]
    kind = op["op"]
    if kind in ("log-activity", "edit-activity"):
        _activity(op, state)
    elif kind == "submit":
        place = factories.municipality(op["town"])
        day = TODAY - timedelta(days=op["days_ago"])
        area = db.session.scalar(db.select(Area).filter_by(municipality_id=place.id)) if op["area"] else None
        made = intake.submit_feedback(
            category=op["category"], police_body=op["police"], municipality=op["town"], area_id=area.id if area else None,
            occurred_month=day.replace(day=1), part_of_day=None, treatment=op["treatment"], text="", reported_elsewhere=None,
            gender=op["gender"], age_band=None, wants_answer=False, language="en",
            channel=Channel.PHONE if op["mediator"] else Channel.WEB, entered_by=state["mediator"] if op["mediator"] else None,
            consent_confirmed=op["mediator"], today=day)
        feedback.append(made.record)
    elif kind == "report":
        made = rumour_reports.report_rumour(heard_text="heard", about=RumourTarget.ROMA, where=RumourSpread.SCHOOL,
                                            municipality=op["town"], area_id=None, wants_answer=False, language="en",
                                            today=TODAY - timedelta(days=op["pick"] % 60))
        reports.append(made.record)
    elif kind in ("group", "reject-report"):
        if not reports:
            return
        report = reports[op["pick"] % len(reports)]
        if kind == "group":
            tracker.group_report(moderator, report, state["rumour"] if report.rumour_id is None else None)
        elif FeedbackStatus.REJECTED in states.allowed_moves(report):
            states.move(moderator, report, FeedbackStatus.REJECTED, reason=RejectionReason.SPAM, today=TODAY)
    elif kind == "purge":
        retention.purge(1, today=TODAY)
    elif feedback and kind != "report":
        _moderate(op, feedback[op["pick"] % len(feedback)], moderator)
    db.session.flush()


def _moderate(op: dict, item, moderator) -> None:
    later = max(item.received_on, TODAY - timedelta(days=op["later"]))
    moves = states.allowed_moves(item)
    target = {"review": FeedbackStatus.IN_REVIEW, "reject": FeedbackStatus.REJECTED, "reopen": FeedbackStatus.IN_REVIEW,
              "close": FeedbackStatus.CLOSED}.get(op["op"])
    if target in moves:
        states.move(moderator, item, target, reason=RejectionReason.ABUSIVE, today=later)
    elif op["op"] == "answer" and states.can_answer(item):
        states.answer(moderator, item, "An answer.", today=later)
    elif op["op"] == "category":
        other = db.session.scalar(db.select(FeedbackCategory).where(FeedbackCategory.id != item.category_id)
                                  .order_by(FeedbackCategory.id).offset(op["pick"] % 5).limit(1))
        items.change_category(moderator, item, other.slug)


@pytest.fixture
def people(app):
    moderator = factories.user("moderator")
    mediator = factories.user("mediator")
    admin = factories.user("admin")
    rumour = factories.rumour()
    db.session.commit()
    return moderator, mediator, rumour, admin


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_maintained_aggregates_equal_a_rebuild(people, ops):
    moderator, mediator, rumour, admin = people
    state = {"moderator": moderator, "mediator": mediator, "rumour": rumour, "admin": admin, "feedback": [], "reports": [],
             "activities": []}
    try:
        for op in ops:
            _apply(op, state)
        maintained = rollup.snapshot()
        rollup.rebuild()
        assert rollup.snapshot() == maintained
    finally:
        db.session.rollback()


def test_a_rejected_item_leaves_the_figures_and_comes_back_when_reopened(people):
    moderator, _mediator, _rumour, _admin = people
    item = factories.feedback(treatment=2, received_on=TODAY)
    db.session.flush()
    counted = rollup.snapshot()["feedback_rollup"]
    assert sum(values[1] for values in counted.values()) == 1  # one answer at rating 2
    states.move(moderator, item, FeedbackStatus.REJECTED, reason=RejectionReason.SPAM, today=TODAY)
    db.session.flush()
    assert rollup.snapshot()["feedback_rollup"] == {}
    states.move(moderator, item, FeedbackStatus.IN_REVIEW, today=TODAY + timedelta(days=3))
    db.session.flush()
    [(key, values)] = rollup.snapshot()["feedback_rollup"].items()
    assert values[1] == 1 and values[5] == 1  # rating 2, acknowledged after 2–3 days
    db.session.rollback()


def test_the_day_ranges():
    assert [rollup.day_range(d) for d in (0, 1, 2, 3, 4, 7, 8, 14, 15, 30, 31, 400)] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
