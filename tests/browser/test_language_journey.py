"""A resident gives feedback in Romani, another in Bulgarian: every word they read, the validation
error included, comes from their language's catalogue, and the receipt code works the same."""

import re

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from portal import catalogs
from tests.browser.conftest import assert_accessible

PHONE = {"width": 320, "height": 640}


def translate(code: str, msgid: str) -> str:
    with catalogs.po_path(code).open("rb") as fh:
        entry = read_po(fh, locale=code).get(msgid)
    assert entry is not None and entry.string, f"{code}: {msgid!r} is not translated"
    return entry.string


@pytest.mark.parametrize("code,town", [("rom", "Cluj-Napoca"), ("bg", "София (Sofia)")])
def test_feedback_end_to_end_in_the_residents_language(browser, live_server, code, town):
    live_server.app.config["FORM_MIN_SECONDS"] = 0  # Playwright types faster than any person
    t = lambda msgid: translate(code, msgid)  # noqa: E731
    context = browser.new_context(viewport=PHONE)  # axe runs inside the page, so JavaScript stays on here
    page = context.new_page()

    page.goto(f"{live_server.url}/?lang={code}")
    expect(page.locator("html")).to_have_attribute("lang", code)
    page.get_by_role("link", name=t("Give feedback about the police")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Give feedback about the police"))

    # A mistake first: nothing chosen. The message is in the resident's language, next to the field.
    expect(page.locator('label[for="text"]')).to_contain_text(t("What happened?"))
    page.locator("#text").fill("Te na bistrav so ramosardem")
    page.get_by_role("button", name=t("Send feedback")).click()
    expect(page.locator("#category-error")).to_have_text(t("Choose what it was about."))
    expect(page.locator("#error-summary")).to_contain_text(t("Please check the form"))
    expect(page.locator("#text")).to_have_value("Te na bistrav so ramosardem")
    assert_accessible(page, f"{code} form with errors")

    # Then a complete answer (choices picked by value: their labels are translated).
    page.locator('input[name="category"][value="respect"]').check()
    page.locator('input[name="treatment"][value="2"]').check()
    page.locator('input[name="police_body"][value="municipal"]').check()
    expect(page.locator('label[for="municipality"]')).to_contain_text(t("Town or city"))
    page.locator("select#municipality").select_option(label=town)
    expect(page.locator('label[for="wants_answer"]')).to_contain_text(t("I want an answer"))
    page.locator("#wants_answer").check()
    page.get_by_role("button", name=t("Send feedback")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Thank you. We received your feedback."))
    receipt = page.locator("#receipt-code").inner_text().strip()
    assert re.fullmatch(r"\d{4}( \d{4}){4}", receipt)
    assert_accessible(page, f"{code} confirmation")

    page.goto(f"{live_server.url}/feedback/status")
    expect(page.locator("form label").first).to_contain_text(t("Your receipt code"))
    page.locator("input[name=code]").fill(receipt)
    page.get_by_role("button", name=t("Show the answer")).click()
    expect(page.locator("#status")).to_have_text(t("Received"))
    context.close()
