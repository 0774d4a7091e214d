"""The public catalogue: /practices (search, topic and country) and /practices/<slug> (texts with
English standing in, evidence explained, sources, where it was applied, what residents say)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from portal.extensions import db
from portal.models import GoodPractice, GoodPracticeText
from portal.services.catalogue import practices
from portal.services.catalogue.data import PRACTICES
from portal.vocab import ActivityType, FeedbackStatus
from tests import factories


def _titles(html: str) -> list[str]:
    return re.findall(r'<h2><a href="/practices/[^"]+">([^<]+)</a></h2>', html)


def test_the_catalogue_lists_every_seeded_practice(client):
    html = client.get("/practices").get_data(as_text=True)
    assert len(_titles(html)) == len(PRACTICES) == 12
    assert "Anti-Rumours strategy" in html


def test_search_topic_and_country_filter_the_list(client):
    assert _titles(client.get("/practices", query_string={"q": "rumour"}).get_data(as_text=True)) == ["Anti-Rumours strategy"]
    by_tag = _titles(client.get("/practices", query_string={"tag": "training"}).get_data(as_text=True))
    assert sorted(by_tag) == sorted(p["title"] for p in PRACTICES if "training" in p["tags"])
    by_country = _titles(client.get("/practices", query_string={"country": "Portugal"}).get_data(as_text=True))
    assert sorted(by_country) == sorted(p["title"] for p in PRACTICES if p["country"] == "Portugal")
    # a search word in another language finds the practice through its translation
    assert _titles(client.get("/practices", query_string={"q": "antirrumores"}).get_data(as_text=True)) == ["Anti-Rumours strategy"]
    assert "No practice matches" in client.get("/practices", query_string={"q": "zzzz-nothing"}).get_data(as_text=True)


def test_a_search_with_like_wildcards_matches_them_literally(client):
    assert _titles(client.get("/practices", query_string={"q": "%"}).get_data(as_text=True)) == []


def test_a_filter_that_is_not_a_choice_is_refused_next_to_its_field(client):
    response = client.get("/practices", query_string={"tag": "no-such-tag", "country": "Atlantis"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert html.count("Choose one of the options in the list.") >= 2
    assert len(_titles(html)) == 12  # the list still shows, without the refused filters
    assert client.get("/practices", query_string={"q": "x" * 101}).status_code == 400


def test_a_practice_page_has_every_part_and_explains_the_evidence(client):
    html = client.get("/practices/stop-forms-and-rights-leaflet").get_data(as_text=True)
    for heading in ("How it works", "Where and for whom it has worked", "How to start", "Who is needed",
                    "What it costs in people and money", "How strong is the evidence?", "Sources", "Applied here",
                    "What residents say"):
        assert f">{heading}</h2>" in html, heading
    assert html.count("<li>", html.index('id="how-to-start"'), html.index('id="who-is-needed"')) == 4  # the steps
    assert re.search(r'id="evidence-strength">Measured before and after<', html)
    for level in ("Expert guidance", "Described where it was used", "Measured before and after", "Compared with places without it"):
        assert level in html  # the scale is explained on the page
    assert 'href="https://www.justiceinitiative.org"' in html
    assert "fallback-note" not in html


@pytest.mark.parametrize("code, title", [("es", "Estrategia Antirumores"), ("pt", "Estratégia Antirrumores"),
                                         ("ro", "Strategia Anti-zvonuri")])
def test_the_seed_languages_show_their_own_text(client, code, title):
    html = client.get("/practices/anti-rumours-strategy", query_string={"lang": code}).get_data(as_text=True)
    assert f'<h1 lang="{code}">{title}</h1>' in html
    assert "fallback-note" not in html


def test_another_language_falls_back_to_english_with_a_note(client):
    html = client.get("/practices/anti-rumours-strategy", query_string={"lang": "de"}).get_data(as_text=True)
    assert 'id="fallback-note"' in html
    assert '<h1 lang="en">Anti-Rumours strategy</h1>' in html
    assert '<html lang="de"' in html


def test_a_part_missing_in_a_translation_is_shown_in_english_and_marked_so(app, client):
    text = factories.practice().text_in("es")
    text.costs = ""
    db.session.commit()
    html = client.get("/practices/anti-rumours-strategy", query_string={"lang": "es"}).get_data(as_text=True)
    assert "fallback-note" not in html
    costs = html[html.index('id="costs"'):]
    assert costs.index('lang="en"') < costs.index("A part-time coordinator")


def test_unknown_or_hidden_practices_are_not_found(client):
    assert client.get("/practices/no-such-practice").status_code == 404
    factories.practice("local-safety-contracts").is_published = False
    db.session.commit()
    assert client.get("/practices/local-safety-contracts").status_code == 404
    assert "Local Safety Contracts" not in client.get("/practices").get_data(as_text=True)


def test_applied_here_shows_public_activities_and_their_towns_only(client):
    anti = factories.practice()
    shown = factories.activity("lisboa", title="Open anti-rumour workshop", is_public=True, public_summary="Everyone welcome.")
    hidden = factories.activity("sofia", title="Closed anti-rumour review", is_public=False)
    sensitive = factories.activity("kosice", title="Mediation marked public", is_public=True, type=ActivityType.MEDIATION)
    for activity in (shown, hidden, sensitive):
        activity.practices = [anti]
    db.session.commit()
    html = client.get("/practices/anti-rumours-strategy").get_data(as_text=True)
    applied = html[html.index('id="applied-title"'):html.index('id="residents-title"')]
    assert "Open anti-rumour workshop" in applied and "Everyone welcome." in applied and "Lisboa" in applied
    assert "Closed anti-rumour review" not in html and "Mediation marked public" not in html
    assert "София" not in applied and "Košice" not in applied


def test_what_residents_say_shows_published_public_versions_only(client):
    anti = factories.practice()
    shown = factories.published_feedback(public_text="The workshop changed how my neighbours talk.", answer="Glad to hear it.")
    rejected = factories.published_feedback(public_text="REJECTED-BUT-FLAGGED", status=FeedbackStatus.REJECTED)
    unpublished = factories.feedback(text="UNPUBLISHED-TEXT", redacted_text="UNPUBLISHED-PUBLIC-VERSION")
    for item in (shown, rejected, unpublished):
        item.practices = [anti]
    db.session.commit()
    html = client.get("/practices/anti-rumours-strategy").get_data(as_text=True)
    assert "The workshop changed how my neighbours talk." in html and "Glad to hear it." in html
    for secret in ("PRIVATE words behind", "REJECTED-BUT-FLAGGED", "UNPUBLISHED"):
        assert secret not in html


def test_without_answers_the_evidence_says_so_plainly(app, client):
    page = practices.practice_page("anti-rumours-strategy", "en")
    db.session.commit()  # the quarter's release it stored, as a request commits it (else the client waits on it)
    assert page.evidence is not None and not page.evidence.anything
    html = client.get("/practices/anti-rumours-strategy").get_data(as_text=True)
    section = html.split('id="numbers-title"', 1)[1].split("</section>", 1)[0]
    assert "Not enough answers yet to say." in section and "coming soon" not in html.lower()


def test_the_seed_is_idempotent_and_writes_four_languages(app):
    from portal.services.catalogue.seed import seed_all

    def snapshot():
        rows = db.session.scalars(db.select(GoodPracticeText).order_by(GoodPracticeText.practice_id, GoodPracticeText.language))
        return [(r.practice.slug, r.language, r.title, r.summary, r.how_it_works, r.how_to_start, r.costs) for r in rows]

    before = snapshot()
    assert seed_all()["practices"] == 0
    assert snapshot() == before
    for practice in db.session.scalars(db.select(GoodPractice)):
        languages = {row.language for row in practice.texts}
        assert {"en", "es", "pt", "ro"} <= languages, practice.slug
        assert all(row.title and row.summary and row.how_it_works and row.how_to_start and row.costs for row in practice.texts)
        assert practice.title == practice.text_in("en").title  # the English copy other areas list by
        assert practice.sources and practice.evidence_strength.value != "not-assessed"


def test_the_seed_fills_empty_parts_but_keeps_what_staff_wrote(app):
    from portal.services.catalogue.seed import seed_all

    text = factories.practice().text_in("pt")
    text.how_it_works, text.costs = "", "Escrito por um administrador."
    db.session.commit()
    seed_all()
    db.session.commit()
    assert text.how_it_works.startswith("A cidade descobre")
    assert text.costs == "Escrito por um administrador."


def test_public_activity_times_carry_their_town_zone(app):
    activity = factories.activity("cluj-napoca", is_public=True, starts_at=datetime(2026, 7, 1, 18, 0))
    activity.practices = [factories.practice()]
    db.session.commit()
    [shown] = practices.applied_activities(factories.practice())
    assert shown.starts_at.isoformat() == "2026-07-01T18:00:00+03:00"
