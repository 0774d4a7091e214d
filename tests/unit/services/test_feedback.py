"""The feedback service: the rules hold whatever a form or a script sends."""

from __future__ import annotations

from datetime import date

import pytest

from portal.extensions import db
from portal.models import Area, FeedbackMessage
from portal.services import DomainError, dates, places
from portal.services.feedback import intake as service
from portal.services.feedback import thread
from portal.services.feedback.receipts import find_receipt
from portal.services.feedback.thread import ThreadClosedError
from portal.vocab import Channel, FeedbackStatus, PoliceBody
from tests import factories

TODAY = date(2026, 11, 14)


def submit(**overrides):
    values = {
        "category": "respect", "police_body": PoliceBody.MUNICIPAL, "municipality": "fuenlabrada", "area_id": None,
        "occurred_month": date(2026, 10, 1), "part_of_day": None, "treatment": 2, "text": "  Words  ", "reported_elsewhere": None,
        "gender": None, "age_band": None, "wants_answer": False, "language": "ro", "today": TODAY,
    }
    values.update(overrides)
    return service.submit_feedback(**values)


def test_a_submission_is_flushed_with_the_day_it_arrived(app):
    result = submit()
    row = result.record
    assert row.id is not None and result.receipt_code is None
    assert row.received_on == TODAY and row.text == "Words" and row.language == "ro"
    assert row.channel == Channel.WEB and row.status == FeedbackStatus.RECEIVED


def test_an_answer_means_a_code_whose_hash_finds_the_row(app):
    result = submit(wants_answer=True)
    assert len(result.receipt_code) == 20
    assert find_receipt(result.receipt_code) is result.record


@pytest.mark.parametrize("overrides,field", [
    ({"municipality": "atlantis"}, "municipality"),
    ({"category": "nope"}, "category"),
    ({"treatment": 0}, "treatment"),
    ({"treatment": 6}, "treatment"),
    ({"text": "x" * 2001}, "text"),
    ({"occurred_month": date(2026, 12, 1)}, "occurred_month"),  # the future
    ({"occurred_month": date(2024, 10, 1)}, "occurred_month"),  # more than two years ago
    ({"occurred_month": date(2026, 10, 5)}, "occurred_month"),  # not a month
    ({"occurred_month": None}, "occurred_month"),
    ({"channel": Channel.PHONE}, "channel"),  # only mediators enter other channels
])
def test_broken_rules_name_their_field(app, overrides, field):
    with pytest.raises(DomainError) as caught:
        submit(**overrides)
    assert caught.value.field == field


def test_the_area_must_be_in_the_municipality(app):
    marvila = db.session.scalar(db.select(Area).filter_by(name="Marvila"))
    with pytest.raises(DomainError) as caught:
        submit(area_id=marvila.id)
    assert caught.value.field == "area"
    with pytest.raises(DomainError):
        submit(area_id=999999)
    assert submit(municipality="lisboa", area_id=marvila.id).record.area is marvila


def test_retired_categories_and_municipalities_are_refused(app):
    factories.category("eviction").is_active = False
    factories.municipality("sofia").is_active = False
    with pytest.raises(DomainError):
        submit(category="eviction")
    with pytest.raises(DomainError):
        submit(municipality="sofia")
    assert "eviction" not in [c.slug for c in service.active_categories()]
    assert "sofia" not in [m.slug for m in places.active_municipalities()]


def test_activity_feedback_takes_the_activity_town(app):
    activity = factories.activity("lisboa")
    row = submit(municipality="fuenlabrada", activity=activity).record
    assert row.activity is activity and row.municipality.slug == "lisboa"
    assert service.find_activity(activity.feedback_code.lower()) is activity
    assert service.find_activity("") is None and service.find_activity("Z" * 30) is None


def test_mediators_need_an_assisted_channel_and_consent(app):
    mediator = factories.user("mediator", organisation="Romani Bridge")
    with pytest.raises(DomainError) as caught:
        submit(entered_by=mediator, channel=Channel.IN_PERSON, consent_confirmed=False)
    assert caught.value.field == "consent"
    with pytest.raises(DomainError) as caught:
        submit(entered_by=mediator, channel=Channel.WEB, consent_confirmed=True)
    assert caught.value.field == "channel"
    row = submit(entered_by=mediator, channel=Channel.OUTREACH, consent_confirmed=True).record
    assert row.entered_by_id == mediator.id and row.organisation == "Romani Bridge" and row.consent_confirmed
    assert service.entered_by(mediator).items == [row]


def test_follow_ups(app):
    row = submit().record
    row.status = FeedbackStatus.ANSWERED
    row.messages.append(FeedbackMessage(from_resident=False, body="We looked into it.", created_on=TODAY))
    message = thread.add_follow_up(row, "  Thank you  ", today=TODAY)
    assert message.body == "Thank you" and message.created_on == TODAY and message.from_resident
    assert row.status == FeedbackStatus.IN_REVIEW
    assert thread.add_follow_up(row, "Thank you", today=TODAY) is None  # the same words twice
    with pytest.raises(DomainError):
        thread.add_follow_up(row, "   ")
    with pytest.raises(DomainError):
        thread.add_follow_up(row, "x" * 2001)
    row.status = FeedbackStatus.REJECTED
    with pytest.raises(ThreadClosedError):
        thread.add_follow_up(row, "Why?")
    assert not thread.can_reply(row)


def test_a_thread_has_a_limit_of_resident_messages(app):
    row = submit().record
    for n in range(thread.MAX_RESIDENT_MESSAGES):
        thread.add_follow_up(row, f"message {n}")
    assert not thread.can_reply(row)
    with pytest.raises(ThreadClosedError):
        thread.add_follow_up(row, "one too many")


def test_recent_months_cross_the_new_year():
    months = dates.recent_months(date(2026, 2, 28), count=3)
    assert months == [date(2026, 2, 1), date(2026, 1, 1), date(2025, 12, 1)]
