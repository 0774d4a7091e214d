"""Admins keep the directory of partner organisations shown on /help; every change is audited."""

from __future__ import annotations

import re

import pytest

from portal.extensions import db
from portal.models import AuditEntry, PartnerOrganisation
from portal.vocab import PartnerKind
from tests import factories
from tests.conftest import csrf_from, get_csrf


def partner_data(**overrides) -> dict:
    data = {
        "name": "Legal clinic Loranca",
        "kind": "legal-clinic",
        "municipality": "fuenlabrada",
        "description": "Free advice, also on complaints about the police.",
        "phone": "+34 600 000 001",
        "email": "clinic@example.org",
        "website": "clinic.example.org",
        "address": "",
        "opening_hours": "Monday 9:00 to 13:00",
        "languages": "Romani, Spanish",
    }
    data.update(overrides)
    return data


def save(client, url, data, csrf=True):
    body = dict(data)
    if csrf:
        body["csrf_token"] = get_csrf(client, url)
    return client.post(url, data=body)


@pytest.fixture
def admin(staff_client):
    return staff_client("admin")


@pytest.fixture
def partner(app):
    row = PartnerOrganisation(municipality=factories.municipality("lisboa"), name="Mediadores Marvila",
                              kind=PartnerKind.MEDIATOR, phone="+351 000")
    db.session.add(row)
    db.session.commit()
    return row


def audits(action: str) -> list[AuditEntry]:
    db.session.expire_all()
    return list(db.session.scalars(db.select(AuditEntry).filter_by(action=action)))


def test_only_admins_get_in(client, staff_client):
    assert client.get("/admin/").status_code == 302
    for role in ("mediator", "officer", "moderator"):
        c, _user = staff_client(role)
        assert c.get("/admin/").status_code == 403
        assert c.get("/admin/partners").status_code == 403


def test_the_landing_page_links_only_to_what_exists(admin):
    c, _user = admin
    html = c.get("/admin/").get_data(as_text=True)
    assert html.count("<h1>") == 1
    assert 'href="/admin/partners"' in html
    main = html[html.index('<main'):html.index("</main>")]
    links = set(re.findall(r'href="(/admin/[^"]*)"', main))
    assert {"/admin/partners", "/admin/audit", "/admin/practices", "/admin/accounts"} <= links
    for link in links:
        assert c.get(link).status_code == 200, link


def test_an_admin_adds_a_partner_that_residents_then_see(admin, client):
    c, user = admin
    response = save(c, "/admin/partners/new", partner_data())
    assert response.status_code == 302
    row = db.session.scalar(db.select(PartnerOrganisation).filter_by(name="Legal clinic Loranca"))
    assert row.municipality.slug == "fuenlabrada" and row.kind == PartnerKind.LEGAL_CLINIC and row.is_active
    assert row.website == "https://clinic.example.org"
    entry = audits("partner.create")[0]
    assert entry.actor_id == user.id and entry.object_id == row.id
    assert "Legal clinic Loranca was added." in c.get("/admin/partners").get_data(as_text=True)
    assert "Legal clinic Loranca" in client.get("/help?municipality=fuenlabrada").get_data(as_text=True)


def test_a_partner_for_every_municipality(admin, client):
    c, _user = admin
    save(c, "/admin/partners/new", partner_data(name="Equality body", kind="equality-body", municipality="everywhere"))
    row = db.session.scalar(db.select(PartnerOrganisation).filter_by(name="Equality body"))
    assert row.municipality_id is None
    assert "Equality body" in client.get("/help?municipality=lisboa").get_data(as_text=True)


@pytest.mark.parametrize("field,value,message", [
    ("name", "", "Enter the name of the organisation."),
    ("name", "n" * 161, "Please write at most 160 characters."),
    ("kind", "", "Choose a kind of organisation."),
    ("kind", "bank", "Choose one of the options in the list."),
    ("municipality", "", "Choose a municipality."),
    ("municipality", "atlantis", "Choose one of the options in the list."),
    ("email", "not an address", "Enter an e-mail address like name@example.org."),
    ("website", "javascript:alert(1)", "Enter a web address like https://example.org."),
])
def test_bad_input_is_explained_next_to_the_field_and_kept(admin, field, value, message):
    c, _user = admin
    response = save(c, "/admin/partners/new", partner_data(**{field: value}, description="Keep me"))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and f'id="{field}-error"' in html
    assert "Keep me</textarea>" in html
    assert db.session.scalar(db.select(db.func.count()).select_from(PartnerOrganisation)) == 0
    assert audits("partner.create") == []


def test_a_partner_needs_a_way_to_reach_it(admin):
    c, _user = admin
    response = save(c, "/admin/partners/new", partner_data(phone="", email="", website="", address=""))
    assert response.status_code == 400
    assert "Give at least one way to reach them" in response.get_data(as_text=True)


def test_missing_csrf_token_keeps_the_input(admin):
    c, _user = admin
    response = save(c, "/admin/partners/new", partner_data(name="Typed name"), csrf=False)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This form was open for too long" in html and 'value="Typed name"' in html


def test_editing_saves_the_changes_and_audits_which_fields_changed(admin, partner):
    c, user = admin
    url = f"/admin/partners/{partner.id}/edit"
    page = c.get(url).get_data(as_text=True)
    assert 'value="Mediadores Marvila"' in page and '<option selected value="lisboa">' in page
    response = save(c, url, partner_data(name="Mediadores Marvila", kind="mediator", municipality="lisboa",
                                         phone="+351 111", email="", website="", opening_hours="", languages="",
                                         description=""))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(PartnerOrganisation, partner.id).phone == "+351 111"
    entry = audits("partner.update")[0]
    assert entry.summary == "changed phone" and entry.actor_id == user.id
    assert "partner.update" in c.get(url).get_data(as_text=True)  # the history is on the edit page


def test_saving_without_changes_audits_nothing(admin, partner):
    c, _user = admin
    data = partner_data(name="Mediadores Marvila", kind="mediator", municipality="lisboa", phone="+351 000", email="",
                        website="", opening_hours="", languages="", description="")
    save(c, f"/admin/partners/{partner.id}/edit", data)
    assert audits("partner.update") == []


def test_bad_edits_come_back_with_400(admin, partner):
    c, _user = admin
    response = save(c, f"/admin/partners/{partner.id}/edit", partner_data(name=""))
    assert response.status_code == 400
    assert "Enter the name of the organisation." in response.get_data(as_text=True)


def test_deactivating_hides_a_partner_from_residents_and_is_audited(admin, partner, client):
    c, user = admin
    token = get_csrf(c, "/admin/partners")
    assert c.post(f"/admin/partners/{partner.id}/deactivate", data={"csrf_token": token}).status_code == 302
    assert "Mediadores Marvila" not in client.get("/help").get_data(as_text=True)
    assert audits("partner.deactivate")[0].actor_id == user.id
    listing = c.get("/admin/partners").get_data(as_text=True)
    assert "Mediadores Marvila is no longer shown to residents." in listing and "Show again" in listing
    assert c.post(f"/admin/partners/{partner.id}/activate", data={"csrf_token": csrf_from(listing)}).status_code == 302
    assert "Mediadores Marvila" in client.get("/help").get_data(as_text=True)
    assert len(audits("partner.activate")) == 1


def test_deactivating_needs_post_with_csrf(admin, partner):
    c, _user = admin
    assert c.get(f"/admin/partners/{partner.id}/deactivate").status_code == 405
    assert c.post(f"/admin/partners/{partner.id}/deactivate").status_code == 400
    db.session.expire_all()
    assert db.session.get(PartnerOrganisation, partner.id).is_active


def test_the_list_filters_by_municipality(admin, partner):
    c, _user = admin
    save(c, "/admin/partners/new", partner_data(name="National line", municipality="everywhere"))
    assert "Mediadores Marvila" in c.get("/admin/partners?municipality=lisboa").get_data(as_text=True)
    only_national = c.get("/admin/partners?municipality=everywhere").get_data(as_text=True)
    assert "National line" in only_national and "Mediadores Marvila" not in only_national
    assert "No organisations here yet." in c.get("/admin/partners?municipality=sofia").get_data(as_text=True)


def test_unknown_partner_is_404(admin):
    c, _user = admin
    assert c.get("/admin/partners/999999/edit").status_code == 404
    token = get_csrf(c, "/admin/partners")
    assert c.post("/admin/partners/999999/deactivate", data={"csrf_token": token}).status_code == 404
