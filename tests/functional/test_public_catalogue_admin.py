"""Admins create and edit catalogue entries and their translations at /admin/practices, through
the real forms (CSRF on); every change is in the audit log, old → new."""

from __future__ import annotations

from portal.extensions import db
from portal.models import AuditEntry, GoodPractice
from tests import factories
from tests.conftest import get_csrf

NEW = {"slug": "youth-football-league", "source_organisation": "Košice youth services", "country": "Slovakia",
       "year": "2024", "tags": "youth, sport", "evidence_strength": "described", "is_published": "y",
       "sources": "Košice youth services | https://example.org/league", "title": "Youth football league with police",
       "summary": "Officers and young people play in one league.", "how_to_start": "Find a pitch.\nInvite two teams."}


def _entries(action: str) -> list[AuditEntry]:
    return list(db.session.scalars(db.select(AuditEntry).filter_by(action=action).order_by(AuditEntry.id)))


def test_an_admin_adds_a_practice_that_then_appears_publicly(app, staff_client):
    admin, _user = staff_client("admin")
    token = get_csrf(admin, "/admin/practices/new")
    response = admin.post("/admin/practices/new", data={"csrf_token": token, **NEW})
    assert response.status_code == 302, response.get_data(as_text=True)
    practice = db.session.scalar(db.select(GoodPractice).filter_by(slug="youth-football-league"))
    assert practice.title == NEW["title"] and practice.tags == ["sport", "youth"] and practice.year == 2024
    assert [(s.title, s.url) for s in practice.sources] == [("Košice youth services", "https://example.org/league")]
    [entry] = _entries("practice.create")
    assert entry.object_id == practice.id and "youth-football-league" in entry.summary
    public = admin.get("/practices/youth-football-league").get_data(as_text=True)
    assert "Youth football league with police" in public and "<li>Invite two teams.</li>" in public
    assert "Youth football league" in admin.get("/admin/practices").get_data(as_text=True)
    assert "added a good practice" in admin.get("/admin/audit").get_data(as_text=True)  # in plain words


def test_bad_input_is_refused_next_to_the_field_and_kept(app, staff_client):
    admin, _user = staff_client("admin")
    token = get_csrf(admin, "/admin/practices/new")
    response = admin.post("/admin/practices/new", data={"csrf_token": token, **NEW, "slug": "Not A Slug!"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Use small letters, digits and single hyphens" in html and "Youth football league with police" in html
    response = admin.post("/admin/practices/new", data={"csrf_token": token, **NEW, "slug": "anti-rumours-strategy"})
    assert response.status_code == 400 and "Another practice already has this short name." in response.get_data(as_text=True)
    response = admin.post("/admin/practices/new", data={"csrf_token": token, **NEW, "sources": "A title | javascript:alert(1)"})
    assert response.status_code == 400 and "must start with https://" in response.get_data(as_text=True)
    assert admin.post("/admin/practices/new", data={**NEW}).status_code == 400  # no CSRF token
    assert db.session.scalar(db.select(GoodPractice).filter_by(title=NEW["title"])) is None


def test_editing_facts_is_audited_old_to_new(app, staff_client):
    admin, _user = staff_client("admin")
    practice = factories.practice()
    url = f"/admin/practices/{practice.id}/edit"
    page = admin.get(url).get_data(as_text=True)
    assert 'value="anti-rumours-strategy"' in page
    token = get_csrf(admin, url)
    response = admin.post(url, data={"csrf_token": token, "slug": practice.slug, "source_organisation": practice.source_organisation,
                                     "country": "Spain", "year": "2011", "tags": "anti-rumours, communication",
                                     "evidence_strength": "measured", "is_published": "y",
                                     "sources": "Anti-rumours strategy | https://www.coe.int/en/web/interculturalcities/anti-rumours"})
    assert response.status_code == 302
    [entry] = _entries("practice.update")
    assert "year: 2010 → 2011" in entry.summary and "evidence_strength: described → measured" in entry.summary
    assert "tags: anti-rumours, communication, stereotypes → anti-rumours, communication" in entry.summary
    assert "year: 2010 → 2011" in admin.get(url).get_data(as_text=True)  # the page shows its history


def test_a_translation_is_added_and_the_english_text_keeps_the_title_in_step(app, staff_client, client):
    admin, _user = staff_client("admin")
    practice = factories.practice("romed-roma-mediators")
    url = f"/admin/practices/{practice.id}/texts/rom"
    assert "There is no text in this language yet." in admin.get(url).get_data(as_text=True)
    token = get_csrf(admin, url)
    response = admin.post(url, data={"csrf_token": token, "title": "Romane mediatora (ROMED)",
                                     "summary": "Mediatora save džanen le Romen thaj le institucien."})
    assert response.status_code == 302
    [entry] = _entries("practice.text")
    assert entry.summary.startswith("rom: title: — → Romane mediatora (ROMED)")
    html = client.get("/practices/romed-roma-mediators", query_string={"lang": "rom"}).get_data(as_text=True)
    assert '<h1 lang="rom">Romane mediatora (ROMED)</h1>' in html and "fallback-note" not in html
    # the parts not written in Romani yet come from English, marked as English
    assert 'lang="en">Mediators explain how institutions work' in html

    url = f"/admin/practices/{practice.id}/texts/en"
    token = get_csrf(admin, url)
    english = practice.text_in("en")
    response = admin.post(url, data={"csrf_token": token, "title": "Roma mediators", "summary": english.summary,
                                     "how_it_works": english.how_it_works})
    assert response.status_code == 302
    db.session.refresh(practice)
    assert practice.title == "Roma mediators"


def test_unknown_languages_and_practices_are_not_found(app, staff_client):
    admin, _user = staff_client("admin")
    practice = factories.practice()
    assert admin.get(f"/admin/practices/{practice.id}/texts/xx").status_code == 404
    assert admin.get("/admin/practices/999999/edit").status_code == 404
