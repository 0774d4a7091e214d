"""Every state rule of an item: the allowed moves, acknowledgement, answers, rejection, reopening."""

from datetime import date, timedelta

import pytest

from portal.extensions import db
from portal.models import AuditEntry
from portal.services.feedback import thread
from portal.services.moderation import publishing, states
from portal.services.moderation.states import MOVES, StateError
from portal.vocab import FeedbackStatus as S
from portal.vocab import RejectionReason
from tests import factories

DAY = date(2026, 11, 20)


@pytest.fixture
def moderator(app):
    return factories.user("moderator")


def _entries(item, action):
    return list(db.session.scalars(db.select(AuditEntry).filter_by(object_id=item.id, action=action)))


@pytest.mark.parametrize("start", list(S))
def test_only_the_allowed_moves_are_possible(app, moderator, start):
    for target in S:
        item = factories.feedback(status=start, text="x")
        if target in MOVES[start]:
            states.move(moderator, item, target, reason=RejectionReason.SPAM if target == S.REJECTED else None, today=DAY)
            assert item.status == target
        else:
            with pytest.raises(StateError):
                states.move(moderator, item, target, reason=RejectionReason.SPAM, today=DAY)
            assert item.status == start


def test_answered_is_reached_only_by_answering(app, moderator):
    item = factories.feedback(status=S.IN_REVIEW)
    assert S.ANSWERED not in states.allowed_moves(item)
    with pytest.raises(StateError):
        states.move(moderator, item, S.ANSWERED, today=DAY)


def test_the_first_move_out_of_received_acknowledges_and_keeps_the_day(app, moderator):
    item = factories.feedback(received_on=DAY - timedelta(days=9))
    assert states.waiting_too_long(item, DAY)
    states.move(moderator, item, S.IN_REVIEW, today=DAY)
    assert item.acknowledged_on == DAY and not states.waiting_too_long(item, DAY)
    states.move(moderator, item, S.CLOSED, today=DAY + timedelta(days=3))
    assert item.acknowledged_on == DAY  # kept from the first move
    entry = _entries(item, "feedback.status")[0]
    assert entry.actor_id == moderator.id and "received → in-review" in entry.summary


def test_seven_days_is_the_acknowledgement_period(app):
    assert not states.waiting_too_long(factories.feedback(received_on=DAY - timedelta(days=7)), DAY)
    assert states.waiting_too_long(factories.feedback(received_on=DAY - timedelta(days=8)), DAY)


def test_a_rejection_needs_a_reason_and_a_duplicate_needs_the_original(app, moderator):
    item = factories.feedback()
    with pytest.raises(StateError) as caught:
        states.move(moderator, item, S.REJECTED, today=DAY)
    assert caught.value.field == "reason"
    with pytest.raises(StateError) as caught:
        states.move(moderator, item, S.REJECTED, reason=RejectionReason.DUPLICATE, today=DAY)
    assert caught.value.field == "duplicate_of"
    with pytest.raises(StateError):
        states.move(moderator, item, S.REJECTED, reason=RejectionReason.DUPLICATE, duplicate_of=item, today=DAY)
    original = factories.feedback()
    states.move(moderator, item, S.REJECTED, reason=RejectionReason.DUPLICATE, duplicate_of=original, today=DAY)
    assert item.rejection_reason == RejectionReason.DUPLICATE and item.duplicate_of is original
    assert f"(duplicate of #{original.id})" in _entries(item, "feedback.status")[0].summary


def test_a_rejected_item_is_unpublished_and_cannot_be_published(app, moderator):
    item = factories.feedback(status=S.IN_REVIEW, text="Good patrol.")
    publishing.publish(moderator, item, today=DAY)
    assert item.is_published
    states.move(moderator, item, S.REJECTED, reason=RejectionReason.ABUSIVE, today=DAY)
    assert not item.is_published
    with pytest.raises(publishing.PublishError):
        publishing.publish(moderator, item, today=DAY)


def test_reopening_a_rejected_item_clears_the_reason(app, moderator):
    item = factories.feedback()
    states.move(moderator, item, S.REJECTED, reason=RejectionReason.NOT_POLICING, today=DAY)
    states.move(moderator, item, S.IN_REVIEW, today=DAY)
    assert item.status == S.IN_REVIEW and item.rejection_reason is None


def test_an_answer_reaches_the_thread_acknowledges_and_clears_unread(app, moderator):
    item = factories.feedback(received_on=DAY - timedelta(days=2), wants_answer=True)
    thread.add_follow_up(item, "Anyone there?", today=DAY)
    assert item.has_unread
    states.answer(moderator, item, "  We read it and asked the police.  ", today=DAY)
    assert item.status == S.ANSWERED and not item.has_unread
    assert item.acknowledged_on == DAY and item.answered_on == DAY
    assert item.messages[-1].body == "We read it and asked the police." and not item.messages[-1].from_resident
    states.answer(moderator, item, "A second answer.", today=DAY + timedelta(days=4))
    assert item.answered_on == DAY  # the first answer's day
    assert "answer of 32 characters" in _entries(item, "feedback.answer")[0].summary


def test_a_resident_writing_back_reopens_the_review_and_is_unread(app, moderator):
    item = factories.feedback(wants_answer=True)
    states.answer(moderator, item, "Thank you.", today=DAY)
    thread.add_follow_up(item, "It happened again.", today=DAY)
    assert item.status == S.IN_REVIEW and item.has_unread
    assert states.mark_read(moderator, item) and not item.has_unread
    assert not states.mark_read(moderator, item)


@pytest.mark.parametrize("status", [S.CLOSED, S.REJECTED])
def test_closed_and_rejected_items_cannot_be_answered(app, moderator, status):
    item = factories.feedback(status=status)
    with pytest.raises(StateError):
        states.answer(moderator, item, "Hello", today=DAY)
    with pytest.raises(StateError):
        states.answer(moderator, factories.feedback(), "   ", today=DAY)


def test_a_rumour_report_is_answered_by_its_published_rumour(app, moderator):
    report = factories.rumour_report(status=S.IN_REVIEW)
    assert S.ANSWERED not in states.allowed_moves(report)
    rumour = factories.rumour(counter_data="Benefits follow the same rules for everyone.")
    report.rumour = rumour
    assert S.ANSWERED not in states.allowed_moves(report)
    rumour.is_published = True
    assert S.ANSWERED in states.allowed_moves(report)
    states.move(moderator, report, S.ANSWERED, today=DAY)
    assert report.status == S.ANSWERED and report.answered_on == DAY
    assert _entries(report, "rumour_report.status")
