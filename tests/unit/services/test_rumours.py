"""The rumour service."""

from __future__ import annotations

from datetime import date

import pytest

from portal.extensions import db
from portal.models import Area, Rumour
from portal.services import DomainError
from portal.services.feedback import rumour_reports as rumours
from portal.services.feedback.receipts import find_receipt
from portal.vocab import Channel, FeedbackStatus, RumourSpread, RumourTarget


def report(**overrides):
    values = {"heard_text": " They say... ", "about": RumourTarget.ROMA, "where": RumourSpread.SOCIAL_MEDIA,
                  "municipality": "sofia", "area_id": None, "wants_answer": False, "language": "bg", "today": date(2026, 11, 3)}
    values.update(overrides)
    return rumours.report_rumour(**values)


def test_a_report_is_stored_with_the_day_only(app):
    row = report().record
    assert row.heard_text == "They say..." and row.received_on == date(2026, 11, 3)
    assert row.channel == Channel.WEB and row.status == FeedbackStatus.RECEIVED and row.receipt_hash is None


def test_a_report_can_have_a_receipt_code(app):
    result = report(wants_answer=True)
    assert find_receipt(result.receipt_code) is result.record


@pytest.mark.parametrize("overrides,field", [
    ({"heard_text": "  "}, "heard_text"),
    ({"heard_text": "x" * 1001}, "heard_text"),
    ({"municipality": "nowhere"}, "municipality"),
])
def test_broken_rules_name_their_field(app, overrides, field):
    with pytest.raises(DomainError) as caught:
        report(**overrides)
    assert caught.value.field == field


def test_the_area_must_be_in_the_town(app):
    marvila = db.session.scalar(db.select(Area).filter_by(name="Marvila"))
    with pytest.raises(DomainError) as caught:
        report(area_id=marvila.id)
    assert caught.value.field == "area"


def test_only_a_published_answer_is_shown(app):
    row = report().record
    assert rumours.published_answer(row) is None
    row.rumour = Rumour(title="Benefits", is_published=False)
    assert rumours.published_answer(row) is None
    row.rumour.is_published = True
    assert rumours.published_answer(row) is row.rumour
