"""Residents' journeys in a real Chromium, with and without JavaScript, at phone width; axe-core on
every page this area adds.

A browser fills a form far faster than a person, so these tests lower FORM_MIN_SECONDS to 0 on the
live server; the minimum time itself is tested in tests/functional/test_feedback_views.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from portal.extensions import db
from portal.models import FeedbackMessage, PartnerOrganisation
from portal.vocab import FeedbackStatus, PartnerKind
from tests import factories
from tests.browser.conftest import assert_accessible, staff_login

PHONE = {"width": 320, "height": 640}


@pytest.fixture
def resident_site(live_server):
    live_server.app.config["FORM_MIN_SECONDS"] = 0
    return live_server


def fits_the_screen(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def give_feedback(page, base: str, *, javascript: bool) -> str:
    page.goto(f"{base}/feedback/new")
    if javascript:
        assert_accessible(page, "feedback form")
    fits_the_screen(page)
    page.get_by_label("Identity check or stop and search").check()
    page.get_by_label("Badly", exact=True).check()
    page.get_by_label("National police").check()
    page.get_by_label("Town or city").select_option(label="Lisboa")
    if javascript:  # the neighbourhood list keeps only the chosen town's areas
        expect(page.locator('#area optgroup[label="Fuenlabrada"]')).to_have_attribute("disabled", "")
    page.get_by_label("Neighbourhood").select_option(label="Marvila")
    page.get_by_label("Evening").check()
    page.get_by_label("What happened?").fill("I was stopped and nobody told me why.")
    page.get_by_label("I want an answer").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you. We received your feedback.")
    code = page.locator("#receipt-code").inner_text().strip()
    assert re.fullmatch(r"\d{4}( \d{4}){4}", code), code
    expect(page.get_by_role("link", name="See who can help")).to_be_visible()
    if javascript:
        assert_accessible(page, "feedback confirmation")
    fits_the_screen(page)
    return code


def check_and_follow_up(page, base: str, code: str, *, javascript: bool) -> None:
    page.goto(f"{base}/feedback/status")
    if javascript:
        assert_accessible(page, "status form")
    page.get_by_label("Your receipt code").fill(code)
    page.get_by_role("button", name="Show the answer").click()
    expect(page.locator("#status")).to_have_text("Received")
    if javascript:
        assert_accessible(page, "feedback answer page")
    fits_the_screen(page)
    page.get_by_label("Add a message").fill("It happened again last night.")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_text("Your message was sent.")).to_be_visible()
    expect(page.locator("#thread")).to_contain_text("It happened again last night.")


def report_rumour(page, base: str, *, javascript: bool) -> str:
    page.goto(f"{base}/rumours/new")
    if javascript:
        assert_accessible(page, "rumour form")
    fits_the_screen(page)
    page.get_by_label("What did you hear?").fill("They say Roma families get more benefits than everyone else.")
    page.get_by_label("Roma people").check()
    page.get_by_label("On social media").check()
    page.get_by_label("Town or city").select_option(label="Fuenlabrada")
    page.get_by_label("I want an answer").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you. We received your rumour report.")
    if javascript:
        assert_accessible(page, "rumour confirmation")
    return page.locator("#receipt-code").inner_text().strip()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_residents_give_feedback_follow_up_and_report_a_rumour(browser, resident_site, javascript):
    base = resident_site.url
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    code = give_feedback(page, base, javascript=javascript)
    check_and_follow_up(page, base, code, javascript=javascript)

    # Another resident, on another phone, reports a rumour and later checks it.
    other = browser.new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    rumour_code = report_rumour(other, base, javascript=javascript)
    other.goto(f"{base}/feedback/status")
    other.get_by_label("Your receipt code").fill(rumour_code)
    other.get_by_role("button", name="Show the answer").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Your rumour report")
    expect(other.locator("#status")).to_have_text("Received")
    if javascript:
        assert_accessible(other, "rumour answer page")
    other.context.close()
    context.close()


def test_mistakes_are_shown_next_to_the_field_and_answers_kept(page, resident_site):
    page.set_viewport_size(PHONE)
    page.goto(f"{resident_site.url}/feedback/new")
    page.get_by_label("What happened?").fill("Words I do not want to lose")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator("#error-summary")).to_contain_text("Choose what it was about.")
    expect(page.locator("#category-error")).to_have_text("Choose what it was about.")
    expect(page.get_by_label("What happened?")).to_have_value("Words I do not want to lose")
    assert_accessible(page, "feedback form with errors")


def test_help_and_activity_pages_pass_axe(page, resident_site):
    with resident_site.app.app_context():
        db.session.add(PartnerOrganisation(municipality=factories.municipality("lisboa"), name="Legal clinic Marvila",
                                           kind=PartnerKind.LEGAL_CLINIC, phone="+351 21 000 0000",
                                           email="help@example.org", website="https://clinic.example.org"))
        db.session.add(PartnerOrganisation(name="Equality body", kind=PartnerKind.EQUALITY_BODY, phone="+00 000"))
        factories.activity("lisboa", feedback_code="QR2345")
        db.session.commit()
    base = resident_site.url
    page.goto(f"{base}/help")
    assert_accessible(page, "help")
    page.get_by_label("Your town").select_option(label="Lisboa")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="Lisboa")).to_be_visible()
    expect(page.get_by_text("Legal clinic Marvila")).to_be_visible()
    assert_accessible(page, "help filtered")
    page.goto(f"{base}/a/qr2345")
    expect(page.locator("#activity-summary")).to_contain_text("Lisboa")
    assert_accessible(page, "activity feedback form")
    page.goto(f"{base}/a/NOPE22")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_mediator_and_admin_pages_pass_axe(page, resident_site, make_staff):
    base = resident_site.url
    email, password = make_staff("mediator", municipality_slug="lisboa")
    staff_login(page, base, email, password)
    page.goto(f"{base}/mediator/feedback/new")
    assert_accessible(page, "mediator form")
    page.get_by_label("By phone").check()
    page.get_by_label("Respect and courtesy").check()
    page.get_by_label("Well", exact=True).check()
    page.get_by_label("Municipal or local police").check()
    page.get_by_label("The resident wants an answer").check()
    page.get_by_role("button", name="Save feedback").click()
    expect(page.get_by_text("Confirm that the resident agreed.").first).to_be_visible()
    assert_accessible(page, "mediator form with errors")
    page.get_by_label("The resident agreed that I send this for them.").check()
    page.get_by_role("button", name="Save feedback").click()
    expect(page.locator("#receipt-code")).to_be_visible()
    assert_accessible(page, "mediator receipt")
    page.get_by_role("link", name="Back to the feedback I entered").click()
    expect(page.get_by_role("cell", name="Respect and courtesy")).to_be_visible()
    assert_accessible(page, "mediator list")
    page.get_by_role("button", name="Log out").click()

    email, password = make_staff("admin")
    staff_login(page, base, email, password)
    page.goto(f"{base}/admin/")
    assert_accessible(page, "admin index")
    page.get_by_role("link", name="Partner organisations").click()
    page.get_by_role("link", name="Add an organisation").click()
    assert_accessible(page, "new partner form")
    page.get_by_label("Name").fill("Roma mediators of Lisboa")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#kind-error")).to_be_visible()
    assert_accessible(page, "partner form with errors")
    page.get_by_label("Kind").select_option(label="Roma mediator")
    page.get_by_label("Municipality").select_option(label="Lisboa")
    page.get_by_label("Phone").fill("+351 000 000")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Roma mediators of Lisboa was added.")).to_be_visible()
    assert_accessible(page, "partner list")
    page.get_by_role("link", name="Edit Roma mediators of Lisboa").click()
    assert_accessible(page, "edit partner form")
    page.get_by_label("Opening hours").fill("Monday to Friday")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Hide Roma mediators of Lisboa").click()
    expect(page.get_by_text("is no longer shown to residents")).to_be_visible()
    page.goto(f"{base}/admin/partners/1/edit")
    expect(page.get_by_text("partner.deactivate")).to_be_visible()


def test_a_moderator_answer_reaches_the_resident(page, resident_site):
    """The status page shows what moderation wrote (the moderation screens come in a later issue)."""
    base = resident_site.url
    page.goto(f"{base}/feedback/new")
    page.get_by_label("Something else").check()
    page.get_by_label("Very well", exact=True).check()
    page.get_by_label("I don't know").check()
    page.get_by_label("Town or city").select_option(label="Fuenlabrada")
    page.get_by_label("I want an answer").check()
    page.get_by_role("button", name="Send feedback").click()
    code = page.locator("#receipt-code").inner_text()
    with resident_site.app.app_context():
        from portal.models import Feedback

        row = db.session.scalar(db.select(Feedback))
        row.status = FeedbackStatus.ANSWERED
        row.messages.append(FeedbackMessage(from_resident=False, body="Thank you, we passed this on.",
                                            created_on=row.received_on))
        db.session.commit()
    page.goto(f"{base}/feedback/status")
    page.get_by_label("Your receipt code").fill(code)
    page.get_by_role("button", name="Show the answer").click()
    expect(page.locator("#status")).to_have_text("Answered")
    expect(page.locator("#thread")).to_contain_text("Thank you, we passed this on.")
