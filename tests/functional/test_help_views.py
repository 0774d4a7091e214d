"""/help: organisations that help without the police, per town, with contact details."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import PartnerOrganisation
from portal.vocab import PartnerKind
from tests import factories
from tests.functional.test_feedback_views import feedback_data, post_form


@pytest.fixture
def directory(app):
    lisboa, fuenlabrada = factories.municipality("lisboa"), factories.municipality("fuenlabrada")
    rows = [
        PartnerOrganisation(municipality=lisboa, name="Clínica jurídica Marvila",
                            kind=PartnerKind.LEGAL_CLINIC, description="Free advice on complaints.",
                            phone="+351 21 000 0000", email="ajuda@example.org", website="https://clinic.example.org",
                            opening_hours="Tuesday 10:00 to 14:00", languages="Romani, Portuguese"),
        PartnerOrganisation(municipality=fuenlabrada, name="Mediadores Fuenlabrada",
                            kind=PartnerKind.MEDIATOR, phone="+34 600 000 000"),
        PartnerOrganisation(municipality=None, name="National equality body", kind=PartnerKind.EQUALITY_BODY,
                            email="equality@example.org"),
        PartnerOrganisation(municipality=lisboa, name="Closed office", kind=PartnerKind.NGO,
                            phone="1", is_active=False),
    ]
    db.session.add_all(rows)
    db.session.commit()
    return rows


def test_help_lists_active_partners_by_town_with_contact_details(client, directory):
    response = client.get("/help")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store" and response.headers["Referrer-Policy"] == "no-referrer"
    html = response.get_data(as_text=True)
    assert html.count("<h1>") == 1
    assert html.index("For everyone") < html.index("National equality body") < html.index('<h2 id="town-fuenlabrada">Fuenlabrada</h2>')
    assert "Clínica jurídica Marvila" in html and "Mediadores Fuenlabrada" in html
    assert 'href="tel:+351210000000"' in html and 'href="mailto:ajuda@example.org"' in html
    assert 'href="https://clinic.example.org" rel="noopener noreferrer"' in html
    assert "Tuesday 10:00 to 14:00" in html and "Romani, Portuguese" in html and "Legal clinic" in html
    assert "Closed office" not in html
    assert "call 112" in html
    assert '<label for="municipality">Your town</label>' in html


def test_a_resident_can_filter_by_town_with_a_plain_get_form(client, directory):
    html = client.get("/help?municipality=lisboa").get_data(as_text=True)
    assert 'method="get"' in html and '<option value="lisboa" selected>' in html
    assert "Clínica jurídica Marvila" in html and "National equality body" in html
    assert "Mediadores Fuenlabrada" not in html


def test_an_unknown_town_shows_everything_with_a_note(client, directory):
    html = client.get("/help?municipality=atlantis").get_data(as_text=True)
    assert "We do not know this town." in html
    assert "Mediadores Fuenlabrada" in html and "Clínica jurídica Marvila" in html


def test_an_empty_directory_says_so(client):
    assert "No organisations are listed here yet." in client.get("/help").get_data(as_text=True)


def test_help_is_linked_from_the_form_and_the_confirmation(client):
    assert 'href="/help"' in client.get("/feedback/new").get_data(as_text=True)
    assert 'href="/help"' in post_form(client, "/feedback/new", feedback_data()).get_data(as_text=True)
