"""Findings of the security review on the residents' side and in the admin and mediator pages:
activity codes that could be tried one after the other, details of non-public activities, receipt
codes guessed on two forms with two allowances, a partner website that broke the form, and numbers
too big for the database."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from portal.extensions import db
from portal.models import Area, Feedback, PartnerOrganisation
from portal.services.feedback.receipts import new_code
from portal.vocab import ActivityType
from tests import factories
from tests.conftest import get_csrf
from tests.functional.test_admin_partner_views import partner_data, save
from tests.functional.test_feedback_views import feedback_data, post_form
from tests.functional.test_receipt_status_views import look_up

HUGE = "99999999999999999999"
ONLY_THE_TOWN = "About this activity: <strong>Fuenlabrada</strong>"
SUMMARY_RE = re.compile(r'<p class="lead" id="activity-summary">(.*?)</p>', re.S)


def _summary(html: str) -> str:
    match = SUMMARY_RE.search(html)
    assert match, "no activity summary"
    return match.group(1)


# --- /a/<code> ------------------------------------------------------------------------------------


def test_a_non_public_activity_shows_only_its_town(client):
    naranjo = db.session.scalar(db.select(Area).filter_by(name="El Naranjo"))
    factories.activity(feedback_code="PRIV42", type=ActivityType.MEDIATION, title="Mediation between two families",
                       area=naranjo, starts_at=datetime(2026, 10, 5, 17), is_public=False)
    db.session.commit()
    response = client.get("/a/PRIV42")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert _summary(html) == ONLY_THE_TOWN
    assert "Mediation session" not in html and "Mediation between two families" not in html
    assert "2026" not in _summary(html)
    assert f'<option selected value="{naranjo.id}">' not in html  # not even its neighbourhood
    spanish = _summary(client.get("/a/PRIV42?lang=es").get_data(as_text=True))
    assert spanish == "Sobre esta actividad: <strong>Fuenlabrada</strong>"
    response = post_form(client, "/a/PRIV42", feedback_data(municipality=None))  # feedback still works
    assert response.status_code == 200
    assert db.session.scalar(db.select(Feedback)).activity.feedback_code == "PRIV42"


def test_a_public_activity_still_shows_type_date_and_town(client):
    factories.activity(feedback_code="OPEN42", starts_at=datetime(2026, 10, 5, 17), is_public=True)
    db.session.commit()
    summary = _summary(client.get("/a/OPEN42").get_data(as_text=True))
    assert "Partnership or community meeting" in summary and "2026" in summary and "Fuenlabrada" in summary


def test_an_old_public_row_of_a_sensitive_type_is_treated_as_not_public(client):
    factories.activity(feedback_code="OLD042", type=ActivityType.HATE_INCIDENT_FOLLOW_UP, is_public=True)
    db.session.commit()
    assert _summary(client.get("/a/OLD042").get_data(as_text=True)) == ONLY_THE_TOWN


def test_activity_codes_cannot_be_tried_one_after_the_other(app_factory):
    app = app_factory(ACTIVITY_CODE_RATE_LIMIT="3 per hour")
    with app.app_context():
        factories.activity(feedback_code="REAL42")
        db.session.commit()
        client = app.test_client()
        assert [client.get(f"/a/TRY00{n}").status_code for n in range(3)] == [404, 404, 404]
        blocked = client.get("/a/REAL42")
        assert blocked.status_code == 429
        assert "Too many tries" in blocked.get_data(as_text=True)
        token = get_csrf(client, "/feedback/new")
        assert client.post("/a/REAL42", data={"csrf_token": token}).status_code == 429


def test_the_default_allowance_lets_a_group_read_the_activity_form(client):
    factories.activity(feedback_code="MANY42")
    db.session.commit()
    assert {client.get("/a/MANY42").status_code for _ in range(30)} == {200}


# --- receipt codes: one allowance for both forms ---------------------------------------------------


def test_wrong_receipt_codes_share_one_allowance_across_both_forms(app_factory):
    app = app_factory(RECEIPT_GUESS_RATE_LIMIT="4 per hour")
    with app.app_context():
        client = app.test_client()
        assert [look_up(client, new_code()).status_code for _ in range(2)] == [400, 400]
        token = get_csrf(client, "/feedback/status")
        replies = [client.post("/feedback/status/reply", data={"csrf_token": token, "code": new_code(), "body": "Hi"})
                   for _ in range(3)]
        assert [r.status_code for r in replies] == [400, 400, 429]
        blocked = look_up(client, new_code())
        assert blocked.status_code == 429  # 2 + 2 wrong codes used the whole allowance
        assert "Too many tries" in blocked.get_data(as_text=True)


# --- partner website ------------------------------------------------------------------------------------


@pytest.mark.parametrize("website", ["http://[::1", "https://[zz]/", "http://[::1]:port/"])
def test_a_broken_web_address_is_a_field_error_with_the_input_kept(staff_client, website):
    c, _admin = staff_client("admin")
    response = save(c, "/admin/partners/new", partner_data(website=website))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Enter a web address like https://example.org." in html
    assert f'value="{website}"' in html and 'value="Legal clinic Loranca"' in html
    assert db.session.scalar(db.select(db.func.count()).select_from(PartnerOrganisation)) == 0


def test_the_web_address_message_speaks_the_admins_language(staff_client):
    c, _admin = staff_client("admin")
    assert c.get("/admin/partners/new?lang=es").status_code == 200
    response = save(c, "/admin/partners/new", partner_data(website="http://[::1"))
    assert response.status_code == 400
    assert "Escriba una dirección web como https://example.org." in response.get_data(as_text=True)


# --- admin and mediator pages: numbers too big -----------------------------------------------------


@pytest.mark.parametrize("page", [HUGE, "0", "-1", "x"])
def test_any_page_number_shows_a_page_to_admins_and_mediators(staff_client, page):
    admin, _user = staff_client("admin")
    mediator, _user = staff_client("mediator")
    assert admin.get(f"/admin/partners?page={page}").status_code == 200
    assert mediator.get(f"/mediator/?page={page}").status_code == 200


def test_a_partner_id_too_big_for_the_database_is_not_found(staff_client):
    c, _admin = staff_client("admin")
    token = get_csrf(c, "/admin/partners/new")
    for number in (HUGE, "2147483648"):
        assert c.get(f"/admin/partners/{number}/edit").status_code == 404
        for action in ("edit", "deactivate", "activate"):
            assert c.post(f"/admin/partners/{number}/{action}", data={"csrf_token": token}).status_code == 404
