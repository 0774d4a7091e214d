"""Mediator-assisted submissions: the same questions, plus the channel and the resident's consent;
stored with the mediator's account and organisation; a mediator sees only what they entered."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import Feedback
from portal.services.feedback.receipts import find_receipt, normalise_code
from portal.vocab import Channel, FeedbackStatus
from tests import factories
from tests.conftest import csrf_from, once_from
from tests.functional.test_feedback_views import count, feedback_data, receipt_from

URL = "/mediator/feedback/new"


def assisted_data(**overrides) -> dict:
    data = feedback_data(channel="in-person", consent="y", website=None)
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def enter(client, data, csrf=True):
    page = client.get(URL)
    assert page.status_code == 200
    body = dict(data)
    if csrf:
        body["csrf_token"] = csrf_from(page.get_data(as_text=True))
    body.setdefault("submission_token", once_from(page.get_data(as_text=True)))
    return client.post(URL, data=body)


@pytest.fixture
def mediator(staff_client):
    return staff_client("mediator", municipality_slug="lisboa", organisation="Roma mediators of Lisboa")


def test_only_mediators_may_enter_feedback(client, staff_client):
    assert client.get(URL).status_code == 302 and "/login" in client.get(URL).headers["Location"]
    for role in ("officer", "moderator", "admin"):
        c, _user = staff_client(role)
        assert c.get(URL).status_code == 403
        assert c.get("/mediator/").status_code == 403


def test_a_visitor_posting_without_csrf_token_never_sees_the_form(client):
    response = client.post(URL, data=assisted_data())
    assert response.status_code in (302, 400, 403)
    assert 'name="consent"' not in response.get_data(as_text=True)
    assert count() == 0


def test_the_form_adds_channel_and_consent_and_suggests_the_mediators_town(mediator):
    c, _user = mediator
    html = c.get(URL).get_data(as_text=True)
    assert html.count("<h1>") == 1
    assert "<legend>How did the resident give this feedback?" in html
    for label in ("In person", "By phone", "Paper form", "outreach session"):
        assert label in html
    assert 'value="web"' not in html
    assert '<label for="consent">The resident agreed that I send this for them.</label>' in html
    assert '<option selected value="lisboa">Lisboa</option>' in html
    assert "<legend>What was it about?" in html and 'name="website"' not in html


def test_entered_feedback_carries_the_mediator_and_organisation_never_the_resident(mediator):
    c, user = mediator
    response = enter(c, assisted_data(channel="paper"))
    assert response.status_code == 302 and response.headers["Location"].endswith("/mediator/")
    row = db.session.scalar(db.select(Feedback))
    assert row.channel == Channel.PAPER and row.entered_by_id == user.id
    assert row.organisation == "Roma mediators of Lisboa" and row.consent_confirmed
    assert row.receipt_hash is None
    page = c.get("/mediator/").get_data(as_text=True)
    assert "The feedback was saved." in page


def test_consent_is_required(mediator):
    c, _user = mediator
    response = enter(c, assisted_data(consent=None, text="Said at the outreach session"))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Confirm that the resident agreed." in html and 'id="consent-error"' in html
    assert "Said at the outreach session</textarea>" in html
    assert count() == 0


@pytest.mark.parametrize("channel,message", [
    (None, "Choose how the resident gave this feedback."),
    ("web", "Choose one of the options in the list."),
    ("fax", "Choose one of the options in the list."),
])
def test_the_channel_must_be_one_of_the_assisted_ones(mediator, channel, message):
    c, _user = mediator
    response = enter(c, assisted_data(channel=channel))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert count() == 0


def test_the_same_checks_as_the_public_form_apply(mediator):
    c, _user = mediator
    response = enter(c, assisted_data(category=None, text="x" * 2001))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Choose what it was about." in html and "Please write at most 2000 characters." in html
    assert count() == 0


def test_missing_csrf_token_keeps_the_input(mediator):
    c, _user = mediator
    response = enter(c, assisted_data(text="Typed from a paper form"), csrf=False)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This form was open for too long" in html and "Typed from a paper form</textarea>" in html
    assert count() == 0


def test_a_resident_who_wants_an_answer_gets_a_code_through_the_mediator(mediator):
    c, _user = mediator
    response = enter(c, assisted_data(wants_answer="y"))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    code = receipt_from(html)
    assert "Give this code to the resident now." in html
    assert find_receipt(normalise_code(code)).entered_by_id is not None


def test_a_mediator_sees_only_what_they_entered_with_its_status(mediator, make_user):
    c, user = mediator
    other = make_user("mediator")
    factories.feedback(entered_by_id=user.id, channel=Channel.PHONE, category_slug="force", status=FeedbackStatus.IN_REVIEW,
                       text="Secret words of the resident")
    factories.feedback(entered_by_id=other.id, channel=Channel.PHONE, category_slug="eviction")
    factories.feedback(category_slug="language")  # a resident's own submission
    db.session.commit()
    html = c.get("/mediator/").get_data(as_text=True)
    assert html.count("<h1>") == 1
    assert "Use of force" in html and "Being reviewed" in html and "By phone" in html
    assert "Eviction" not in html and "Language barriers" not in html
    assert "Secret words of the resident" not in html
    assert "1 entry" in html


def test_the_list_is_paginated(mediator):
    c, user = mediator
    for _ in range(27):
        factories.feedback(entered_by_id=user.id, channel=Channel.PHONE)
    db.session.commit()
    first = c.get("/mediator/").get_data(as_text=True)
    assert "Page 1 of 2" in first and "27 entries" in first
    assert "Page 2 of 2" in c.get("/mediator/?page=2").get_data(as_text=True)
