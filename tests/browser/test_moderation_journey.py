"""The moderation journey in a real Chromium: a resident's feedback with personal details is found in
the queue, redacted, linked, answered and published; the resident reads the answer and writes back;
the moderator sees the unread message. axe-core on every moderators' page."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from portal.extensions import db
from portal.models import Feedback
from portal.services import dates
from tests import factories
from tests.browser.conftest import assert_accessible, staff_login

PHONE_NUMBER = "0722 123 456"
EMAIL = "ana.resident@example.org"
NAME = "Popescu"
STORY = (f"Officer {NAME} stopped me near the school and took my papers without a reason. "
         f"You can call me on {PHONE_NUMBER} or write to {EMAIL}.")


@pytest.fixture
def site(live_server):
    live_server.app.config["FORM_MIN_SECONDS"] = 0
    with live_server.app.app_context():
        factories.activity(title="Partnership meeting on identity checks",
                           starts_at=datetime.combine(dates.today() - timedelta(days=3), datetime.min.time()).replace(hour=17))
        db.session.commit()
    return live_server


def resident_sends_feedback(page, base: str) -> str:
    page.goto(f"{base}/feedback/new")
    page.get_by_label("Identity check or stop and search").check()
    page.get_by_label("Badly", exact=True).check()
    page.get_by_label("Municipal or local police").check()
    page.get_by_label("Town or city").select_option("fuenlabrada")
    page.get_by_label("What happened?").fill(STORY)
    page.get_by_label("I want an answer").check()
    page.get_by_role("button", name="Send feedback").click()
    code = page.locator("#receipt-code").inner_text()
    assert re.fullmatch(r"[\d ]{24}", code.strip()), code
    return code


def test_feedback_is_redacted_linked_answered_published_and_followed_up(browser, site, make_staff):
    base = site.url
    resident = browser.new_page()
    code = resident_sends_feedback(resident, base)

    email, password = make_staff("moderator")
    page = browser.new_page()
    staff_login(page, base, email, password)
    expect(page).to_have_url(re.compile(r"/moderation$"))
    assert_accessible(page, "queue")

    # find it by filter, and take it
    page.get_by_text("Filter and sort").click()
    page.get_by_label("Category").select_option("stop-search")
    page.get_by_label("Assigned to").select_option("nobody")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"category=stop-search"))
    page.get_by_role("link", name=re.compile(r"Feedback #\d+")).first.click()
    expect(page.locator("blockquote.resident-text")).to_contain_text(NAME)
    assert_accessible(page, "feedback item")
    page.get_by_role("button", name="Take it").click()
    expect(page.get_by_text(f"Assigned to: {email}")).to_be_visible()

    # accept the redaction proposals: telephone number, e-mail address and the officer's name
    for words in (PHONE_NUMBER, EMAIL, NAME):
        page.get_by_role("button", name=f"Remove {words}").click()
        expect(page.locator(".flash-success")).to_contain_text("Removed from the public version")
    expect(page.get_by_text("Nothing in the public version looks like personal data.")).to_be_visible()

    # link the suggested good practice and an activity of that month
    page.get_by_role("button", name=re.compile(r"^Link Justified identity checks")).click()
    expect(page.locator("#links")).to_contain_text("Justified identity checks: stop forms and a rights leaflet")
    option = page.locator("select#activity option", has_text="Partnership meeting on identity checks")
    page.get_by_label("Activity").select_option(option.get_attribute("value"))
    page.get_by_role("button", name="Link the activity").click()
    expect(page.locator("#links")).to_contain_text("Partnership meeting on identity checks")

    # answer, then publish
    page.get_by_label("Answer to the resident").fill("Thank you. We asked the police to explain this stop.")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator("#item-status")).to_have_text("Answered")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".flash-success")).to_contain_text("Published")
    assert_accessible(page, "published item")

    # the resident reads the answer with the code and writes back
    resident.goto(f"{base}/feedback/status")
    resident.get_by_label("Your receipt code").fill(code)
    resident.get_by_role("button", name="Show the answer").click()
    expect(resident.locator("#thread")).to_contain_text("We asked the police to explain this stop.")
    expect(resident.locator("#status")).to_have_text("Answered")
    resident.get_by_label("Add a message").fill("Thank you. It happened again last week.")
    resident.get_by_role("button", name="Send message").click()
    expect(resident.get_by_text("Your message was sent.")).to_be_visible()

    # the moderator sees the unread message in the queue
    page.goto(f"{base}/moderation?unread=y")
    expect(page.get_by_text("Unread message", exact=True)).to_be_visible()

    # the personal details appear nowhere outside the moderators' area
    with site.app.app_context():
        row = db.session.scalar(db.select(Feedback))
        assert row.is_published and row.linked_activities and row.practices
        for secret in (PHONE_NUMBER, EMAIL, NAME):
            assert secret not in (row.redacted_text or "") and secret not in (row.public_answer or "")
    officer_email, officer_password = make_staff("officer")
    officer = browser.new_page()
    staff_login(officer, base, officer_email, officer_password)
    outside = [officer.content()]
    for path in ("/", "/calendar/fuenlabrada", "/help"):
        officer.goto(base + path)
        outside.append(officer.content())
    outside.append(resident.content())
    for html in outside:
        for secret in (PHONE_NUMBER, EMAIL, NAME):
            assert secret not in html


def test_other_moderation_pages_pass_axe_and_fit_a_small_phone(page, site, make_staff):
    base = site.url
    with site.app.app_context():
        report = factories.rumour_report(heard_text="They say Roma families get more benefits.")
        rumour = factories.rumour(counter_data="Benefits follow the same rules for everyone.")
        db.session.commit()
        report_id, rumour_id = report.id, rumour.id
    email, password = make_staff("admin")
    page.set_viewport_size({"width": 320, "height": 640})
    staff_login(page, base, email, password)
    for path in ("/moderation", "/moderation?kind=rumours", f"/moderation/rumours/{report_id}", "/moderation/rumours",
                 "/moderation/rumours/tracker/new", f"/moderation/rumours/tracker/{rumour_id}",
                 f"/moderation/rumours/tracker/{rumour_id}/edit", "/admin/audit"):
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert_accessible(page, path)
