"""The read-only API: documents, filters and pages, caching (ETag, 304, Cache-Control), JSON errors
(never HTML) and the rate limit, and the OpenAPI 3.1 document generated from the routes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from portal.extensions import db
from portal.vocab import ActivityType
from tests import factories


def test_practices_list_with_filters_language_and_pages(client):
    body = client.get("/api/v1/practices").get_json()
    assert body["meta"] == {"page": 1, "per_page": 20, "total": 12, "pages": 1}
    assert {item["slug"] for item in body["items"]} >= {"anti-rumours-strategy", "romed-roma-mediators"}
    page = client.get("/api/v1/practices", query_string={"per_page": 5, "page": 3}).get_json()
    assert page["meta"] == {"page": 3, "per_page": 5, "total": 12, "pages": 3} and len(page["items"]) == 2
    [found] = client.get("/api/v1/practices", query_string={"q": "rumour", "lang": "ro"}).get_json()["items"]
    assert found["title"] == "Strategia Anti-zvonuri" and found["language"] == "ro" and found["fallback"] is False
    assert found["url"].endswith("/practices/anti-rumours-strategy")
    german = client.get("/api/v1/practices", query_string={"q": "rumour", "lang": "de"}).get_json()["items"][0]
    assert german["language"] == "en" and german["fallback"] is True
    by_country = client.get("/api/v1/practices", query_string={"country": "Portugal"}).get_json()
    assert by_country["meta"]["total"] == 2


def test_one_practice_has_its_texts_sources_and_where_it_was_applied(client):
    activity = factories.activity("lisboa", title="Anti-rumour café", is_public=True, starts_at=datetime(2026, 7, 1, 18, 0))
    activity.practices = [factories.practice()]
    db.session.commit()
    body = client.get("/api/v1/practices/anti-rumours-strategy", query_string={"lang": "es"}).get_json()
    assert body["texts"]["title"] == "Estrategia Antirumores"
    assert len(body["texts"]["how_to_start"]) == 4
    assert body["languages"] == ["en", "es", "pt", "ro"]
    assert body["evidence_strength"] == "described"
    assert body["sources"][0]["url"].startswith("https://")
    assert body["applied_in"] == [{"slug": "lisboa", "name": "Lisboa"}]
    assert body["activities"][0]["starts_at"] == "2026-07-01T18:00:00+01:00"
    assert body["activities"][0]["timezone"] == "Europe/Lisbon"


def test_published_feedback_and_its_filters(client):
    factories.published_feedback(public_text="Published in October", published_on=date(2026, 10, 5))
    factories.published_feedback("lisboa", "hate-crime", public_text="Published in December", published_on=date(2026, 12, 5))
    db.session.commit()
    items = client.get("/api/v1/feedback").get_json()["items"]
    assert [i["text"] for i in items] == ["Published in December", "Published in October"]
    assert items[0] == {"municipality": {"slug": "lisboa", "name": "Lisboa"}, "category": "hate-crime",
                        "published_month": "2026-12", "text": "Published in December",
                        "answer": "Thank you, we discussed it with the unit.", "practices": []}
    assert client.get("/api/v1/feedback", query_string={"month_to": "2026-11"}).get_json()["meta"]["total"] == 1
    assert client.get("/api/v1/feedback", query_string={"municipality": "lisboa"}).get_json()["meta"]["total"] == 1


def test_activities_are_public_ones_with_public_fields_only(client):
    factories.activity(title="Open meeting", is_public=True, objectives="INTERNAL", officers_count=4321)
    factories.activity(title="Closed meeting", is_public=False)
    factories.activity(title="Mediation", is_public=True, type=ActivityType.MEDIATION)
    db.session.commit()
    items = client.get("/api/v1/activities").get_json()["items"]
    assert [i["title"] for i in items] == ["Open meeting"]
    assert set(items[0]) == {"id", "municipality", "area", "type", "format", "title", "starts_at", "ends_at", "timezone",
                             "public_summary", "practices"}
    assert client.get("/api/v1/activities", query_string={"type": "mediation"}).status_code == 400


@pytest.mark.parametrize("url", ["/api/v1/practices?page=0", "/api/v1/practices?per_page=1000", "/api/v1/practices?lang=xx",
                                 "/api/v1/practices?q=" + "x" * 101, "/api/v1/feedback?month_from=2026-13",
                                 "/api/v1/feedback?month_to=November", "/api/v1/rumours?status=gone",
                                 "/api/v1/activities?date_from=yesterday", "/api/v1/activities?type=mediation"])
def test_a_bad_filter_is_a_json_400_that_names_the_parameter(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["code"] == 400 and body["errors"], body
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/api/v1/feedback?municipality=atlantis", "/api/v1/feedback?category=nope",
                                 "/api/v1/feedback?practice=nope", "/api/v1/feedback?month_from=2026-11&month_to=2026-10",
                                 "/api/v1/rumours?municipality=atlantis", "/api/v1/activities?practice=nope",
                                 "/api/v1/activities?date_from=2026-11-02&date_to=2026-11-01",
                                 "/api/v1/activities?date_to=9999-12-31&date_from=0001-01-01&municipality=nowhere"])
def test_a_well_formed_filter_that_names_nothing_matches_nothing(client, url):
    factories.published_feedback(public_text="Listed without filters")
    factories.activity(is_public=True)
    db.session.commit()
    response = client.get(url)
    assert response.status_code == 200
    assert response.get_json()["items"] == [] and response.get_json()["meta"]["total"] == 0


@pytest.mark.parametrize("method, url, code", [("GET", "/api/v1/nothing-here", 404), ("GET", "/api/v1/practices/no-such", 404),
                                               ("POST", "/api/v1/practices", 405), ("DELETE", "/api/v1/feedback", 405),
                                               ("GET", "/api/v1", 404)])
def test_errors_are_json_never_html(client, method, url, code):
    response = client.open(url, method=method)
    assert response.status_code == code
    assert response.mimetype == "application/json"
    assert response.get_json()["code"] == code
    assert "<html" not in response.get_data(as_text=True)
    if code == 405:
        assert "GET" in response.headers["Allow"]


def test_an_unexpected_failure_is_a_json_500(app_factory, monkeypatch):
    from portal.services.catalogue import practices

    app = app_factory(PROPAGATE_EXCEPTIONS=False)

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(practices, "browse", broken)
    response = app.test_client().get("/api/v1/practices")
    assert response.status_code == 500
    assert response.get_json() == {"code": 500, "status": "Internal Server Error",
                                   "message": response.get_json()["message"]}
    assert "boom" not in response.get_data(as_text=True)


def test_the_rate_limit_answers_json_429(app_factory):
    app = app_factory(API_RATE_LIMIT="3 per minute")
    client = app.test_client()
    assert [client.get("/api/v1/practices").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/api/v1/rumours")
    assert response.status_code == 429
    assert response.mimetype == "application/json" and response.get_json()["code"] == 429


def test_etag_cache_control_and_304(client):
    first = client.get("/api/v1/practices")
    assert first.headers["Cache-Control"] == "public, max-age=300"
    etag = first.headers["ETag"]
    again = client.get("/api/v1/practices", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    factories.practice().text_in("en").summary = "Changed."
    db.session.commit()
    changed = client.get("/api/v1/practices", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_the_api_sets_no_cookie_even_when_a_language_is_asked_for(client):
    response = client.get("/api/v1/practices", query_string={"lang": "rom"})
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_the_openapi_document_is_3_1_and_lists_every_endpoint(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"] == "3.1.0"
    assert set(spec["paths"]) == {"/api/v1/practices", "/api/v1/practices/{slug}", "/api/v1/feedback", "/api/v1/rumours",
                                  "/api/v1/activities", "/api/v1/stats"}
    params = {p["name"] for p in spec["paths"]["/api/v1/feedback"]["get"]["parameters"]}
    assert params >= {"municipality", "category", "month_from", "month_to", "practice", "page", "per_page"}
    assert "404" in spec["paths"]["/api/v1/practices/{slug}"]["get"]["responses"]


def test_the_human_readable_page_is_built_from_the_document(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    for path in ("/api/v1/practices", "/api/v1/feedback", "/api/v1/rumours", "/api/v1/activities"):
        assert f"GET {path}</code>" in html
    assert "<script" not in html and "month_from" in html
