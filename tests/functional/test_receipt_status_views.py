"""/feedback/status: a receipt code shows the status and the answers, and lets the resident write
back. Wrong codes get one neutral message and are rate-limited."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import Feedback, FeedbackMessage, Rumour, RumourReport
from portal.services import dates
from portal.services.feedback.receipts import hash_code, new_code
from portal.vocab import FeedbackStatus, RumourSpread, RumourTarget
from tests import factories
from tests.conftest import csrf_from, get_csrf, once_from

NOT_FOUND = "We found nothing for this code. Check that you typed all 20 digits and try again."


def with_code(row) -> str:
    digits = new_code()
    row.receipt_hash = hash_code(digits)
    row.wants_answer = True
    db.session.commit()
    return digits


@pytest.fixture
def answered(app, make_user):
    moderator = make_user("moderator")
    row = factories.feedback(status=FeedbackStatus.ANSWERED, text="They stopped me twice this week.")
    row.messages.append(FeedbackMessage(from_resident=False, author_id=moderator.id,
                                        body="Thank you.\nWe raised it with the police.", created_on=dates.today()))
    return row, with_code(row)


def look_up(client, typed: str):
    token = get_csrf(client, "/feedback/status")
    return client.post("/feedback/status", data={"csrf_token": token, "code": typed})


def reply(client, page_html: str, body: str, code: str | None = None):
    data = {"csrf_token": csrf_from(page_html), "body": body, "submission_token": once_from(page_html)}
    data["code"] = code if code is not None else _hidden_code(page_html)
    return client.post("/feedback/status/reply", data=data)


def _hidden_code(html: str) -> str:
    import re

    match = re.search(r'id="code" name="code" type="hidden" value="([^"]+)"', html)
    assert match, "no reply form"
    return match.group(1)


def test_the_code_page_is_a_plain_labelled_form(client):
    response = client.get("/feedback/status")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    html = response.get_data(as_text=True)
    assert '<label for="code">Your receipt code</label>' in html
    assert 'inputmode="numeric"' in html and 'autocomplete="off"' in html
    assert html.count("<h1>") == 1


def test_a_right_code_shows_status_answers_and_a_reply_form(client, answered):
    row, digits = answered
    typed = "-".join(digits[i:i + 4] for i in range(0, 20, 4))  # typed with dashes
    response = look_up(client, typed)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<strong id="status">Answered</strong>' in html
    assert "Answer from a moderator" in html
    assert "Thank you.<br>We raised it with the police." in html
    assert "They stopped me twice this week." not in html  # the original words are not shown back
    assert 'action="/feedback/status/reply"' in html and '<label for="body">Add a message</label>' in html
    assert digits not in response.headers.get("Set-Cookie", "")


def test_received_feedback_shows_received(client):
    row = factories.feedback()
    digits = with_code(row)
    html = look_up(client, " ".join(digits[i:i + 4] for i in range(0, 20, 4))).get_data(as_text=True)
    assert '<strong id="status">Received</strong>' in html
    assert "No answer yet." in html


def test_a_follow_up_is_added_dated_today_and_goes_back_to_review(client, answered):
    row, digits = answered
    page = look_up(client, digits).get_data(as_text=True)
    response = reply(client, page, "The same officer came back yesterday.")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Your message was sent." in html
    assert "The same officer came back yesterday." in html
    assert '<strong id="status">Being reviewed</strong>' in html
    db.session.expire_all()
    message = db.session.scalar(db.select(FeedbackMessage).filter_by(from_resident=True))
    assert message.feedback_id == row.id and message.created_on == dates.today() and message.author_id is None
    assert db.session.get(Feedback, row.id).status == FeedbackStatus.IN_REVIEW
    # Sending the same words again (a reloaded page) adds nothing.
    assert reply(client, html, "The same officer came back yesterday.").status_code == 200
    assert db.session.scalar(db.select(db.func.count()).select_from(FeedbackMessage).filter_by(from_resident=True)) == 1


@pytest.mark.parametrize("body,message", [
    ("", "Write your message."),
    ("x" * 2001, "Please write at most 2000 characters. You wrote 2001."),
])
def test_a_bad_follow_up_comes_back_with_the_thread_and_the_words(client, answered, body, message):
    _row, digits = answered
    page = look_up(client, digits).get_data(as_text=True)
    response = reply(client, page, body)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and 'id="body-error"' in html
    assert "We raised it with the police." in html
    if body:
        assert body + "</textarea>" in html
    assert db.session.scalar(db.select(db.func.count()).select_from(FeedbackMessage).filter_by(from_resident=True)) == 0


def test_a_follow_up_without_csrf_token_keeps_the_words(client, answered):
    _row, digits = answered
    page = look_up(client, digits).get_data(as_text=True)
    response = client.post("/feedback/status/reply", data={"code": _hidden_code(page), "body": "Please keep me"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This form was open for too long" in html and "Please keep me</textarea>" in html


def test_closed_feedback_can_be_read_but_not_answered(client):
    row = factories.feedback(status=FeedbackStatus.CLOSED)
    digits = with_code(row)
    html = look_up(client, digits).get_data(as_text=True)
    assert '<strong id="status">Closed</strong>' in html
    assert 'action="/feedback/status/reply"' not in html
    token = get_csrf(client, "/feedback/status")
    response = client.post("/feedback/status/reply", data={"csrf_token": token, "code": digits, "body": "Hello?"})
    assert response.status_code == 400
    assert "This feedback is closed." in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(FeedbackMessage)) == 0


@pytest.mark.parametrize("typed", ["1234 5678 9012 3456 7890", "12345", "not a code at all", "1" * 200])
def test_any_wrong_code_gets_the_same_neutral_message_and_is_kept(client, answered, typed):
    response = look_up(client, typed)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert NOT_FOUND in html and 'id="code-error"' in html
    if len(typed) <= 80:
        assert f'value="{typed}"' in html
    assert "Answered" not in html


def test_an_empty_code_is_asked_for(client):
    response = look_up(client, "")
    assert response.status_code == 400
    assert "Enter your receipt code." in response.get_data(as_text=True)


def test_a_reply_with_a_wrong_code_reveals_nothing_and_stores_nothing(client, answered):
    token = get_csrf(client, "/feedback/status")
    response = client.post("/feedback/status/reply", data={"csrf_token": token, "code": new_code(), "body": "Hi"})
    assert response.status_code == 400
    assert NOT_FOUND in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(FeedbackMessage).filter_by(from_resident=True)) == 0


def test_the_lookup_without_csrf_token_keeps_the_code(client):
    response = client.post("/feedback/status", data={"code": "1111 2222"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This form was open for too long" in html and 'value="1111 2222"' in html


def test_wrong_codes_are_rate_limited_but_right_ones_do_not_count(app_factory):
    app = app_factory(RECEIPT_GUESS_RATE_LIMIT="2 per hour")
    with app.app_context():
        row = factories.feedback()
        digits = with_code(row)
        client = app.test_client()
        assert [look_up(client, digits).status_code for _ in range(3)] == [200, 200, 200]
        assert [look_up(client, new_code()).status_code for _ in range(3)] == [400, 400, 429]
        blocked = look_up(client, digits)
        assert blocked.status_code == 429
        assert "Too many tries" in blocked.get_data(as_text=True)


def test_a_rumour_code_shows_the_report_and_the_published_answer(client):
    report = RumourReport(municipality=factories.municipality(), heard_text="They say...", about=RumourTarget.ROMA,
                          where=RumourSpread.SCHOOL, language="en", received_on=dates.today(),
                          status=FeedbackStatus.ANSWERED)
    report.rumour = Rumour(title="Roma families get more benefits", summary="Benefits follow the same rules for everyone.",
                           counter_data="Local figures show no difference.", is_published=True)
    db.session.add(report)
    digits = with_code(report)
    html = look_up(client, digits).get_data(as_text=True)
    assert "Your rumour report" in html and '<strong id="status">Answered</strong>' in html
    assert "What we found out" in html and "Benefits follow the same rules for everyone." in html
    assert 'action="/feedback/status/reply"' not in html
    report.rumour.is_published = False
    db.session.commit()
    html = look_up(client, digits).get_data(as_text=True)
    assert "What we found out" not in html and "No answer yet." in html
