"""Open data: the catalogue as CSV and JSON, with its licence and a data dictionary."""

from __future__ import annotations

import csv
import io

from portal.extensions import db
from portal.services.catalogue.open_data import PRACTICE_FIELDS
from tests import factories


def test_the_page_names_the_licence_and_explains_every_column(client):
    html = client.get("/open-data").get_data(as_text=True)
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html and "CC BY 4.0" in html
    for field in PRACTICE_FIELDS:
        assert f"<code>{field.name}</code>" in html
    assert 'href="/open-data/practices.csv"' in html and 'href="/open-data/practices.json"' in html


def test_the_csv_has_one_row_per_practice_and_language(client):
    response = client.get("/open-data/practices.csv")
    assert response.mimetype == "text/csv"
    assert 'rel="license"' in response.headers["Link"] and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert list(rows[0]) == [f.name for f in PRACTICE_FIELDS]
    assert len(rows) == 12 * 4
    rumours = {row["language"]: row for row in rows if row["slug"] == "anti-rumours-strategy"}
    assert rumours["es"]["title"] == "Estrategia Antirumores"
    assert rumours["en"]["evidence_strength"] == "described" and "anti-rumours" in rumours["en"]["tags"]
    assert "https://www.coe.int/en/web/interculturalcities/anti-rumours" in rumours["en"]["sources"]


def test_cells_a_spreadsheet_would_run_are_neutralised(client):
    factories.practice().text_in("en").summary = "=HYPERLINK(\"http://evil\")"
    db.session.commit()
    body = client.get("/open-data/practices.csv").get_data(as_text=True)
    assert "'=HYPERLINK" in body
    assert client.get("/open-data/practices.json").get_json()["practices"][0]  # the JSON keeps it as it is


def test_the_json_carries_licence_dictionary_and_every_language(client):
    factories.practice("local-safety-contracts").is_published = False
    db.session.commit()
    body = client.get("/open-data/practices.json").get_json()
    assert body["licence"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert [f["name"] for f in body["fields"]] == [f.name for f in PRACTICE_FIELDS]
    slugs = [p["slug"] for p in body["practices"]]
    assert len(slugs) == 11 and "local-safety-contracts" not in slugs
    romed = next(p for p in body["practices"] if p["slug"] == "romed-roma-mediators")
    assert sorted(romed["texts"]) == ["en", "es", "pt", "ro"]
    assert romed["texts"]["pt"]["title"] == "Mediadores ciganos (ROMED)"


def test_an_unknown_dataset_is_not_found(client):
    assert client.get("/open-data/nothing.csv").status_code == 404
    assert client.get("/open-data/nothing.json").status_code == 404
