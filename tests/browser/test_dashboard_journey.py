"""The dashboard in a real Chromium: a moderator narrows it to one municipality and one practice, reads
the practice view and downloads it; axe-core finds nothing serious; it works on a 320 px phone."""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from portal.extensions import db
from portal.services.catalogue.demo import seed_demo
from tests.browser.conftest import assert_accessible, staff_login


@pytest.fixture
def demo_site(live_server):
    with live_server.app.app_context():
        seed_demo()
        db.session.commit()
    return live_server


def test_a_moderator_reads_and_downloads_the_practice_view(page, demo_site, make_staff):
    email, password = make_staff("moderator")
    staff_login(page, demo_site.url, email, password)
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.locator("#practice-ranking")).to_contain_text("Justified identity checks")
    assert_accessible(page, "dashboard")

    page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Municipality", exact=True).select_option("fuenlabrada")
    page.get_by_label("Good practice", exact=True).select_option("stop-forms-and-rights-leaflet")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"municipality=fuenlabrada.*practice=stop-forms-and-rights-leaflet"))
    expect(page.locator("#scope")).to_contain_text("Fuenlabrada")
    expect(page.locator("#practices")).to_contain_text("Association, not proof of cause.")
    before_after = page.locator("#before-after")
    expect(before_after).to_contain_text("Fuenlabrada")
    assert_accessible(page, "dashboard, one municipality and practice")

    with page.expect_download() as download_info:
        page.locator("#practices-csv").click()
    download = download_info.value
    assert download.suggested_filename.startswith("practices-")
    with open(download.path(), encoding="utf-8-sig") as fh:
        rows = list(csv.reader(io.StringIO(fh.read())))
    assert rows[0][:3] == ["rank", "good practice", "comparison"]
    assert {row[1] for row in rows[1:]} == {"stop-forms-and-rights-leaflet"}
    assert any(row[3] == "fuenlabrada" for row in rows[1:])

    page.set_viewport_size({"width": 320, "height": 700})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    expect(page.locator("#practice-detail")).to_be_visible()
