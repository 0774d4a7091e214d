"""/rumours/new: what was heard, about whom, where it circulates, in which town."""

from __future__ import annotations

import time

import pytest

from portal.extensions import db
from portal.models import RumourReport
from portal.public.antispam import issue_started
from portal.services import dates
from portal.services.feedback.receipts import find_receipt, normalise_code
from portal.vocab import Channel, FeedbackStatus, RumourSpread, RumourTarget
from tests.functional.test_feedback_views import area_id, count, post_form, receipt_from


def rumour_data(**overrides) -> dict:
    data = {
        "heard_text": "They say the thefts at the market are always done by Roma children.",
        "about": "roma",
        "where": "neighbourhood",
        "municipality": "lisboa",
        "area": "",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def send(client, data, **kwargs):
    return post_form(client, "/rumours/new", data, form_name="rumour", **kwargs)


def test_the_form_has_labelled_fields_and_plain_words(client):
    response = client.get("/rumours/new")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store" and response.headers["Referrer-Policy"] == "no-referrer"
    html = response.get_data(as_text=True)
    assert html.count("<h1>") == 1
    for field in ("heard_text", "municipality", "area", "wants_answer", "website"):
        assert f'<label for="{field}">' in html
    assert "<legend>Who is the rumour about?" in html and "<legend>Where did you hear it?" in html
    assert "On social media" in html and "Please do not write names" in html
    assert 'href="/help"' in html


def test_a_rumour_report_is_stored_with_the_day_only(client):
    marvila = area_id("lisboa", "Marvila")
    response = send(client, rumour_data(area=marvila, where="school"))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Thank you. We received your rumour report." in html and 'id="receipt-code"' not in html
    report = db.session.scalar(db.select(RumourReport))
    assert report.municipality.slug == "lisboa" and report.area.name == "Marvila"
    assert report.about == RumourTarget.ROMA and report.where == RumourSpread.SCHOOL
    assert report.received_on == dates.today() and report.channel == Channel.WEB and report.language == "en"
    assert report.status == FeedbackStatus.RECEIVED and report.receipt_hash is None


def test_a_rumour_report_can_get_a_receipt_code(client):
    html = send(client, rumour_data(wants_answer="y")).get_data(as_text=True)
    code = receipt_from(html)
    report = db.session.scalar(db.select(RumourReport))
    assert find_receipt(normalise_code(code)).id == report.id


def test_missing_answers_are_explained_and_nothing_is_stored(client):
    response = send(client, rumour_data(heard_text="", about=None, where=None, municipality=""))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    for message in ("Write what you heard.", "Choose who it is about.", "Choose where you heard it.", "Choose the town."):
        assert message in html
    assert count(RumourReport) == 0


def test_too_long_is_refused_and_kept(client):
    text = "b" * 1001
    response = send(client, rumour_data(heard_text=text))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Please write at most 1000 characters. You wrote 1001." in html and text + "</textarea>" in html
    assert count(RumourReport) == 0


@pytest.mark.parametrize("field,value", [("about", "aliens"), ("where", "tv-show"), ("municipality", "atlantis"), ("area", "abc")])
def test_wrong_choices_are_refused(client, field, value):
    response = send(client, rumour_data(**{field: value}))
    assert response.status_code == 400
    assert "Choose one of the options in the list." in response.get_data(as_text=True)
    assert count(RumourReport) == 0


def test_an_area_of_another_town_is_refused(client):
    response = send(client, rumour_data(municipality="lisboa", area=area_id("fuenlabrada", "Loranca")))
    assert response.status_code == 400
    assert "This neighbourhood is not in the town you chose." in response.get_data(as_text=True)
    assert count(RumourReport) == 0


def test_missing_csrf_token_keeps_the_words(client):
    response = send(client, rumour_data(heard_text="Keep what I heard"), csrf=False)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This form was open for too long" in html and "Keep what I heard</textarea>" in html
    assert count(RumourReport) == 0


def test_honeypot_and_speed_checks_store_nothing(client):
    assert send(client, rumour_data(website="x")).status_code == 400
    fast = rumour_data()
    fast["started"] = issue_started("rumour", now=time.time() - 1)
    response = send(client, fast)
    assert response.status_code == 400
    assert "That was very quick." in response.get_data(as_text=True)
    assert count(RumourReport) == 0


def test_rumour_reports_are_rate_limited(app_factory):
    app = app_factory(PUBLIC_FORM_RATE_LIMIT="1 per hour")
    with app.app_context():
        client = app.test_client()
        assert [send(client, rumour_data()).status_code for _ in range(2)] == [200, 429]
        assert count(RumourReport) == 1
