"""/feedback/published (public versions with answers, filters, pages) and /rumours (published
rumours with their counter-evidence and the public activities that answered them)."""

from __future__ import annotations

import re
from datetime import date

from portal.extensions import db
from portal.vocab import ActivityType, RumourStatus
from tests import factories


def _texts(html: str) -> list[str]:
    return re.findall(r'<blockquote class="resident-text"><p>([^<]+)</p>', html)


def test_published_feedback_shows_the_public_version_and_the_answer(client):
    factories.published_feedback(public_text="They explained why they stopped me.", answer="Thank you for telling us.",
                                 category_slug="stop-search")
    db.session.commit()
    html = client.get("/feedback/published").get_data(as_text=True)
    assert _texts(html) == ["They explained why they stopped me."]
    assert "Thank you for telling us." in html and "Fuenlabrada" in html
    assert "PRIVATE words behind" not in html
    assert "published in November 2026" in html


def test_filters_by_town_topic_and_month(client):
    factories.published_feedback(public_text="Fuenlabrada in October", published_on=date(2026, 10, 3))
    factories.published_feedback("lisboa", public_text="Lisboa in November", published_on=date(2026, 11, 3))
    factories.published_feedback("lisboa", "hate-crime", public_text="Lisboa hate crime in December", published_on=date(2026, 12, 3))
    db.session.commit()

    def shown(**args):
        response = client.get("/feedback/published", query_string=args)
        assert response.status_code == 200, response.get_data(as_text=True)
        return sorted(_texts(response.get_data(as_text=True)))

    assert shown(municipality="lisboa") == ["Lisboa hate crime in December", "Lisboa in November"]
    assert shown(category="hate-crime") == ["Lisboa hate crime in December"]
    assert shown(month_from="2026-11") == ["Lisboa hate crime in December", "Lisboa in November"]
    assert shown(month_from="2026-10", month_to="2026-11") == ["Fuenlabrada in October", "Lisboa in November"]
    assert shown(municipality="lisboa", month_to="2026-11") == ["Lisboa in November"]


def test_a_bad_month_or_town_is_explained_and_answered_with_400(client):
    factories.published_feedback(public_text="Still listed")
    db.session.commit()
    response = client.get("/feedback/published", query_string={"month_from": "2026-13", "municipality": "atlantis"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Write a month as year and month, for example 2026-03." in html
    assert "Choose one of the options in the list." in html
    assert _texts(html) == ["Still listed"]
    response = client.get("/feedback/published", query_string={"month_from": "2026-11", "month_to": "2026-10"})
    assert response.status_code == 400 and "This month is before the first one." in response.get_data(as_text=True)


def test_published_feedback_comes_in_pages(client):
    for n in range(23):
        factories.published_feedback(public_text=f"Item number {n:02d}", published_on=date(2026, 1 + n % 12, 1))
    db.session.commit()
    first = client.get("/feedback/published").get_data(as_text=True)
    second = client.get("/feedback/published", query_string={"page": 2}).get_data(as_text=True)
    assert len(_texts(first)) == 20 and len(_texts(second)) == 3
    assert not set(_texts(first)) & set(_texts(second))
    assert "Page 1 of 2" in first and 'rel="next"' in first


def test_a_practice_filter_links_from_the_practice_page(client):
    anti = factories.practice()
    linked = factories.published_feedback(public_text="About the anti-rumour work")
    linked.practices = [anti]
    factories.published_feedback(public_text="About something else")
    db.session.commit()
    html = client.get("/feedback/published", query_string={"practice": anti.slug}).get_data(as_text=True)
    assert _texts(html) == ["About the anti-rumour work"]


def test_countered_rumours_show_their_counter_evidence_and_public_activities(client):
    answered_by = factories.activity("fuenlabrada", title="Anti-rumour street stand", is_public=True,
                                     type=ActivityType.ANTI_RUMOUR)
    closed = factories.activity("fuenlabrada", title="Closed planning meeting", is_public=False)
    rumour = factories.rumour("Roma families get more benefits", counter_data="Benefits follow the same rules.",
                              counter_sources="Social services report 2025", emotional_argument="Would you like to be judged so?",
                              status=RumourStatus.COUNTERED, is_published=True, published_on=date(2026, 11, 1))
    rumour.municipalities = [factories.municipality("fuenlabrada")]
    rumour.activities = [answered_by, closed]
    report = factories.rumour_report(heard_text="REPORT-WORDS my neighbour said it", rumour=rumour)
    factories.rumour("Unpublished rumour title", counter_data="Draft", is_published=False)
    db.session.commit()
    html = client.get("/rumours").get_data(as_text=True)
    for shown in ("Roma families get more benefits", "Benefits follow the same rules.", "Social services report 2025",
                  "Would you like to be judged so?", "Countered", "Fuenlabrada", "Anti-rumour street stand"):
        assert shown in html, shown
    for hidden in ("Closed planning meeting", "Unpublished rumour title", "REPORT-WORDS", report.heard_text):
        assert hidden not in html, hidden
    assert client.get("/rumours", query_string={"status": "circulating"}).get_data(as_text=True).count("<article") == 0
    assert client.get("/rumours", query_string={"status": "nonsense"}).status_code == 400
    assert client.get("/rumours/new").status_code == 200  # the residents' report form is still there
