"""A visitor reaches every transparency page from the home page, in English and in Romani, on a
320 px phone without JavaScript: the catalogue and a practice, published feedback, countered
rumours, the statistics, open data and the API's page. Each page passes axe-core (with JavaScript on, since axe
runs inside the page), and the filters work as plain forms."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from portal.extensions import db
from portal.services import dates
from portal.services.statistics.releases import closed_quarters
from portal.vocab import RumourStatus
from tests import factories
from tests.browser.conftest import assert_accessible

PHONE = {"width": 320, "height": 640}
PAGES = ["/practices", "/feedback/published", "/rumours", "/stats", "/open-data", "/api/v1/docs"]
LAST = closed_quarters(dates.today())[0]


@pytest.fixture
def published(live_server):
    with live_server.app.app_context():
        anti = factories.practice()
        item = factories.published_feedback(public_text="The anti-rumour talk at school helped my son.",
                                            answer="Thank you. The school wants another one.")
        item.practices = [anti]
        activity = factories.activity("cluj-napoca", title="Anti-rumour talk at school", is_public=True)
        activity.practices = [anti]
        rumour = factories.rumour("Roma children steal at the market", counter_data="Police figures show no such pattern.",
                                  is_published=True, status=RumourStatus.COUNTERED, published_on=date(2026, 11, 1))
        rumour.activities = [activity]
        rumour.municipalities = [factories.municipality("cluj-napoca")]
        for n in range(15):  # last quarter's statistics: one count shown, one hidden
            factories.feedback(category_slug="respect" if n < 12 else "language", treatment=4, received_on=LAST,
                               occurred_month=LAST)
        previous = closed_quarters(dates.today())[1]
        factories.feedback(received_on=previous, occurred_month=previous)  # so the quarter before can be chosen
        db.session.commit()
    return live_server


def _fits_the_phone(page):
    page.wait_for_load_state("load")  # the stylesheet applied: a slow machine can measure before it
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


@pytest.mark.parametrize("code", ["en", "rom"])
def test_every_transparency_page_is_reached_from_home_without_javascript(browser, published, code):
    base = published.url
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/?lang={code}")
    visited = []
    for path in PAGES:
        page.goto(f"{base}/")
        expect(page.locator("html")).to_have_attribute("lang", code)  # the language was remembered
        page.locator(f'.transparency-links a[href="{path}"]').click()
        expect(page).to_have_url(re.compile(re.escape(path) + r"$"))
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("html")).to_have_attribute("lang", code)
        _fits_the_phone(page)
        visited.append(page.url)

    # the pages link to each other, and to a practice
    page.goto(f"{base}/practices")
    page.locator('.card a[href="/practices/anti-rumours-strategy"]').click()
    expect(page.locator("#applied-title")).to_be_visible()
    expect(page.get_by_text("Anti-rumour talk at school").first).to_be_visible()
    expect(page.get_by_text("The anti-rumour talk at school helped my son.")).to_be_visible()
    _fits_the_phone(page)
    page.locator('.transparency-links a[href="/rumours"]').click()
    expect(page.get_by_text("Police figures show no such pattern.")).to_be_visible()

    # the statistics, from the home page's figures, and another quarter chosen without JavaScript
    page.goto(f"{base}/")
    expect(page.locator("#home-figures li").first).to_contain_text("15")
    page.locator('.listening a[href="/stats"]').click()
    expect(page.locator("#stats-topics tfoot")).to_contain_text("15")
    expect(page.locator("#stats-topics .suppressed").first).to_be_visible()
    _fits_the_phone(page)
    previous = closed_quarters(dates.today())[1]
    chosen = f"{previous.year}-Q{(previous.month - 1) // 3 + 1}"
    page.locator("#quarter").select_option(chosen)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(f"quarter={chosen}"))
    expect(page.locator("#quarter")).to_have_value(chosen)
    expect(page.locator("#stat-received .suppressed")).to_be_visible()  # one message: hidden

    # filters are plain GET forms: they work without JavaScript
    page.goto(f"{base}/practices")
    page.locator("#q").fill("rumour")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"q=rumour"))
    expect(page.locator(".card")).to_have_count(1)
    page.goto(f"{base}/feedback/published")
    page.locator("#month_from").fill("2099-01")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#published-count")).to_contain_text("0")
    context.close()


@pytest.mark.parametrize("code", ["en", "rom"])
def test_transparency_pages_pass_axe(browser, published, code):
    base = published.url
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base}/?lang={code}")
    assert_accessible(page, f"{code} home")
    for path in PAGES + ["/practices/anti-rumours-strategy", "/practices?tag=no-such-tag", "/feedback/published?month_from=x",
                         "/stats?quarter=x"]:
        page.goto(f"{base}{path}")
        assert_accessible(page, f"{code} {path}")
    context.close()
