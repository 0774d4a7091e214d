"""The residents' feedback form: /feedback/new and /a/<code>. Real forms, real CSRF tokens; the
"form shown at" stamp is issued as if the page had been open for a minute (a person's pace)."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest

from portal.extensions import db
from portal.models import Area, Feedback, FeedbackCategory
from portal.public.antispam import issue_started
from portal.services import dates
from portal.services.feedback.receipts import find_receipt, normalise_code
from portal.vocab import Channel, FeedbackStatus, PoliceBody
from tests import factories
from tests.conftest import ONCE_RE, csrf_from

RECEIPT_RE = re.compile(r'id="receipt-code">([^<]+)<')


def this_month() -> str:
    return dates.recent_months()[0].strftime("%Y-%m")


def feedback_data(**overrides) -> dict:
    data = {
        "category": "respect",
        "treatment": "2",
        "police_body": "municipal",
        "municipality": "fuenlabrada",
        "area": "",
        "occurred_month": this_month(),
        "part_of_day": "evening",
        "text": "They shouted at us in front of the children.",
        "reported_elsewhere": "no",
        "gender": "woman",
        "age_band": "30-44",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def post_form(client, url, data, *, form_name="feedback", started_ago=60, csrf=True, **kwargs):
    """GET the page (for its CSRF token), then POST the answers the way a browser would."""
    page = client.get(url, **{k: v for k, v in kwargs.items() if k in ("headers", "environ_overrides")})
    assert page.status_code == 200, page.status_code
    body = dict(data)
    if csrf:
        body["csrf_token"] = csrf_from(page.get_data(as_text=True))
    once = ONCE_RE.search(page.get_data(as_text=True))  # a form's one-time token, sent like every hidden field
    if once and "submission_token" not in body:
        body["submission_token"] = once.group(1) or once.group(2)
    if started_ago is not None and "started" not in body:
        body["started"] = issue_started(form_name, now=time.time() - started_ago)
    return client.post(url, data=body, **kwargs)


def receipt_from(html: str) -> str:
    match = RECEIPT_RE.search(html)
    assert match, "no receipt code on the page"
    return match.group(1).strip()


def count(model=Feedback) -> int:
    db.session.expire_all()
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def area_id(municipality_slug: str, name: str) -> str:
    area = db.session.scalar(db.select(Area).join(Area.municipality).where(Area.name == name))
    assert area.municipality.slug == municipality_slug
    return str(area.id)


# --- the page ------------------------------------------------------------------------------------


def test_form_is_one_page_with_labelled_fields_hints_and_faces(client):
    response = client.get("/feedback/new")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    html = response.get_data(as_text=True)
    assert html.count("<h1>") == 1
    for field in ("municipality", "area", "occurred_month", "text", "age_band", "wants_answer", "website"):
        assert f'<label for="{field}">' in html, field
    for legend in ("What was it about?", "How did the police treat you?", "Which police?", "Time of day"):
        assert f"<legend>{legend}" in html
    # Categories come with their plain hints, in the order of the list.
    assert "Identity check or stop and search" in html
    assert "Was the reason explained? Did you get a form or a leaflet on your rights?" in html
    assert html.index("Positive interaction or thanks") < html.index("Something else")
    # The scale: five faces, each with its words.
    for n, words in enumerate(["Very badly", "Badly", "Neither well nor badly", "Well", "Very well"], start=1):
        assert f'img/face-{n}.svg" alt="" width="28" height="28"> {words}</label>' in html
    # Areas grouped by town, so the form works without JavaScript.
    assert '<optgroup label="Fuenlabrada"><option value=' in html and ">El Naranjo</option>" in html
    # Months by name in the page's language, this month chosen.
    assert f'<option selected value="{this_month()}">' in html
    assert "Please do not write names" in html
    assert 'href="/help"' in html
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html and "Leave this empty" in html
    assert "style=" not in html and "<script>" not in html


def test_months_are_named_in_the_resident_language(client):
    html = client.get("/feedback/new?lang=es").get_data(as_text=True)
    month = dates.recent_months()[0]
    from babel.dates import format_date

    assert format_date(month, "LLLL y", locale="es") in html


def test_inactive_categories_are_not_offered(client, app):
    db.session.scalar(db.select(FeedbackCategory).filter_by(slug="eviction")).is_active = False
    db.session.commit()
    assert 'value="eviction"' not in client.get("/feedback/new").get_data(as_text=True)
    response = post_form(client, "/feedback/new", feedback_data(category="eviction"))
    assert response.status_code == 400
    assert "Choose one of the options in the list." in response.get_data(as_text=True)
    assert count() == 0


# --- a valid submission ---------------------------------------------------------------------------


def test_valid_feedback_is_stored_with_coarse_dates_only(client):
    naranjo = area_id("fuenlabrada", "El Naranjo")
    response = post_form(client, "/feedback/new", feedback_data(area=naranjo))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Thank you. We received your feedback." in html
    assert 'id="receipt-code"' not in html  # no answer asked for, no code
    assert 'href="/help"' in html
    assert count() == 1
    row = db.session.scalar(db.select(Feedback))
    assert row.category.slug == "respect" and row.treatment == 2 and row.police_body == PoliceBody.MUNICIPAL
    assert row.municipality.slug == "fuenlabrada" and row.area.name == "El Naranjo"
    assert row.occurred_month == dates.recent_months()[0] and row.occurred_month.day == 1
    assert row.received_on == dates.today()
    assert row.channel == Channel.WEB and row.entered_by_id is None and row.language == "en"
    assert row.status == FeedbackStatus.RECEIVED and row.receipt_hash is None and not row.wants_answer
    assert row.text == "They shouted at us in front of the children."


def test_optional_questions_can_be_skipped(client):
    data = feedback_data(area=None, part_of_day=None, text=None, reported_elsewhere=None, gender=None, age_band="")
    response = post_form(client, "/feedback/new", data)
    assert response.status_code == 200, response.get_data(as_text=True)
    row = db.session.scalar(db.select(Feedback))
    assert (row.area, row.part_of_day, row.text, row.reported_elsewhere, row.gender, row.age_band) == (None, None, "", None, None, None)


def test_asking_for_an_answer_shows_a_receipt_code_once(client):
    response = post_form(client, "/feedback/new", feedback_data(wants_answer="y"))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    code = receipt_from(html)
    assert re.fullmatch(r"\d{4}( \d{4}){4}", code)
    assert "Write it on paper, or take a photo of the screen." in html
    assert "Do not share it" in html
    assert 'href="/feedback/status"' in html and 'href="/help"' in html
    row = db.session.scalar(db.select(Feedback))
    assert row.wants_answer and row.receipt_hash.startswith("s1$")
    assert code.replace(" ", "") not in row.receipt_hash
    assert find_receipt(normalise_code(code)).id == row.id
    # Never in a cookie: the session holds the CSRF token and nothing else.
    assert code.replace(" ", "") not in str(response.headers)


def test_the_form_language_is_recorded(client):
    assert post_form(client, "/feedback/new?lang=es", feedback_data()).status_code == 200
    assert db.session.scalar(db.select(Feedback.language)) == "es"


# --- bad input: 400, the message next to the field, the answers kept, nothing stored --------------


def test_missing_answers_are_explained_next_to_each_field(client):
    data = feedback_data(category=None, treatment=None, police_body=None, municipality="", occurred_month="",
                         text="Keep these words")
    response = post_form(client, "/feedback/new", data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    for message in ("Choose what it was about.", "Choose how you were treated.", "Choose which police",
                    "Choose the town.", "Choose the month."):
        assert message in html, message
    assert 'id="category-error"' in html and 'aria-invalid="true"' in html
    assert "Keep these words</textarea>" in html
    assert '<input checked id="part_of_day-2" name="part_of_day" type="radio" value="evening">' in html
    assert count() == 0


def test_answers_are_kept_when_the_form_comes_back(client):
    data = feedback_data(municipality="", gender="woman", age_band="30-44", part_of_day="night", wants_answer="y")
    html = post_form(client, "/feedback/new", data).get_data(as_text=True)
    assert re.search(r'checked id="category-\d+" name="category" required type="radio" value="respect">', html)
    assert '<input checked id="treatment-1" name="treatment" required type="radio" value="2">' in html
    assert '<input checked id="gender-0" name="gender" type="radio" value="woman">' in html
    assert '<input checked id="part_of_day-3" name="part_of_day" type="radio" value="night">' in html
    assert '<option selected value="30-44">' in html
    assert 'checked id="wants_answer"' in html
    assert f'<option selected value="{this_month()}">' in html


def test_text_too_long_is_refused_and_kept(client):
    text = "a" * 2001
    response = post_form(client, "/feedback/new", feedback_data(text=text))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Please write at most 2000 characters. You wrote 2001." in html
    assert text + "</textarea>" in html
    assert count() == 0


@pytest.mark.parametrize("field,value", [
    ("category", "not-a-category"), ("treatment", "9"), ("police_body", "army"), ("municipality", "atlantis"),
    ("occurred_month", "1999-01"), ("occurred_month", "soon"), ("area", "99999"), ("part_of_day", "dawn"),
    ("reported_elsewhere", "maybe"), ("gender", "x"), ("age_band", "120"),
])
def test_values_that_are_not_in_the_lists_are_refused(client, field, value):
    response = post_form(client, "/feedback/new", feedback_data(**{field: value}))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html
    assert "Choose one of the options in the list." in html
    assert count() == 0


def test_an_area_of_another_town_is_refused(client):
    marvila = area_id("lisboa", "Marvila")
    response = post_form(client, "/feedback/new", feedback_data(municipality="fuenlabrada", area=marvila))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="area-error"' in html and "This neighbourhood is not in the town you chose." in html
    assert f'<option selected value="{marvila}">Marvila</option>' in html
    assert count() == 0


@pytest.mark.parametrize("token", [None, "not-a-real-token"])
def test_missing_or_wrong_csrf_token_comes_back_with_the_answers(client, token):
    data = feedback_data(text="My words stay here")
    if token:
        data["csrf_token"] = token
    response = post_form(client, "/feedback/new", data, csrf=False)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This form was open for too long or came from another page." in html
    assert "My words stay here</textarea>" in html
    assert count() == 0


def test_a_filled_honeypot_stores_nothing_and_says_what_to_do(client):
    response = post_form(client, "/feedback/new", feedback_data(website="http://spam.example", text="Still here"))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'empty the field "Leave this empty" and send again' in html.replace("&#34;", '"')
    assert "Still here</textarea>" in html
    assert count() == 0


@pytest.mark.parametrize("started", ["fresh", "missing", "forged", "other-form"])
def test_a_form_sent_too_fast_or_without_a_valid_stamp_stores_nothing(client, started):
    data = feedback_data(text="Typed by a person")
    if started == "fresh":
        data["started"] = issue_started("feedback")  # shown just now
    elif started == "missing":
        data["started"] = ""
    elif started == "forged":
        data["started"] = "feedback.AAAAAA.forged-signature"
    else:
        data["started"] = issue_started("rumour", now=time.time() - 60)
    response = post_form(client, "/feedback/new", data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "That was very quick. Please check your answers and send the form again." in html
    assert "Typed by a person</textarea>" in html
    assert count() == 0
    # The page comes back with a new stamp, so sending again at a person's pace works.
    assert re.search(r'name="started" type="hidden" value="feedback\.', html)


def test_the_minimum_time_is_configurable(app_factory):
    app = app_factory(FORM_MIN_SECONDS=0)
    with app.app_context():
        client = app.test_client()
        data = feedback_data()
        data["started"] = issue_started("feedback")
        assert post_form(client, "/feedback/new", data).status_code == 200


def test_posting_is_rate_limited(app_factory):
    app = app_factory(PUBLIC_FORM_RATE_LIMIT="2 per hour")
    with app.app_context():
        client = app.test_client()
        statuses = [post_form(client, "/feedback/new", feedback_data()).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        html = post_form(client, "/feedback/new", feedback_data()).get_data(as_text=True)
        assert "Too many tries" in html
        assert client.get("/feedback/new").status_code == 200  # reading the form is never limited
        assert count() == 2


def test_an_oversized_request_is_refused(client):
    response = post_form(client, "/feedback/new", feedback_data(text="a" * 1_100_000))  # over MAX_CONTENT_LENGTH
    assert response.status_code == 413
    assert count() == 0


# --- feedback on one activity: /a/<code> ------------------------------------------------------------


@pytest.fixture
def activity(app):
    naranjo = db.session.scalar(db.select(Area).filter_by(name="El Naranjo"))
    row = factories.activity("fuenlabrada", feedback_code="K7M3QX", area=naranjo, is_public=True,
                             starts_at=__import__("datetime").datetime(2026, 10, 5, 17))
    db.session.commit()
    return row


def test_activity_form_is_linked_to_the_activity_and_its_town(client, activity):
    response = client.get("/a/k7m3qx")  # typed in small letters
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Partnership or community meeting" in html and "Fuenlabrada" in html
    assert 'name="municipality"' not in html  # the town is the activity's
    assert "<optgroup" not in html and ">Marvila<" not in html  # only this town's areas
    assert f'<option selected value="{activity.area_id}">El Naranjo</option>' in html
    response = post_form(client, "/a/K7M3QX", feedback_data(municipality=None, area=str(activity.area_id)))
    assert response.status_code == 200
    row = db.session.scalar(db.select(Feedback))
    assert row.activity_id == activity.id and row.municipality.slug == "fuenlabrada"


def test_activity_form_refuses_an_area_of_another_town(client, activity):
    marvila = area_id("lisboa", "Marvila")
    response = post_form(client, "/a/K7M3QX", feedback_data(municipality="lisboa", area=marvila))
    assert response.status_code == 400
    assert "Choose one of the options in the list." in response.get_data(as_text=True)
    assert count() == 0


def test_unknown_activity_code_is_a_404_in_the_resident_language(client):
    response = client.get("/a/NOPE99?lang=es")
    assert response.status_code == 404
    assert "Página no encontrada" in response.get_data(as_text=True)
    assert client.get("/a/" + "X" * 40).status_code == 404


def test_months_offered_cover_two_years(client):
    months = dates.recent_months(date(2026, 1, 15))
    assert months[0] == date(2026, 1, 1) and months[1] == date(2025, 12, 1) and len(months) == 24
