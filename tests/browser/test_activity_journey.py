"""An officer's day in a real Chromium: log an activity with two good practices and a follow-up,
find it in the filtered list, download the CSV, open the QR poster. An officer of another
municipality cannot open it. axe-core checks every page of the activity log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from playwright.sync_api import expect

from portal.extensions import db
from tests import factories
from tests.browser.conftest import assert_accessible, staff_login

TITLE = "Safety audit walk in El Naranjo"


def test_officer_logs_finds_exports_and_prints_an_activity(browser, live_server, make_staff):
    base = live_server.url
    email, password = make_staff("officer", municipality_slug="fuenlabrada")
    other_email, other_password = make_staff("officer", municipality_slug="lisboa")
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()

    staff_login(page, base, email, password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Activities")  # the officers' home
    assert_accessible(page, "officers' home")

    page.get_by_role("link", name="Log an activity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log an activity")
    assert_accessible(page, "new activity form")
    start = datetime.combine(date.today() - timedelta(days=1), datetime.min.time()).replace(hour=17)
    page.get_by_label("Type of activity").select_option(label="Local safety audit workshop")
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Start", exact=True).fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("End (optional)").fill((start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Area (optional)").select_option(label="El Naranjo")
    page.get_by_label("Number of participants (estimate)").fill("20")
    page.get_by_label("How many of them were women (estimate)").fill("11")
    page.get_by_label("A Roma mediator was there").check()
    page.get_by_label("Participatory community policing in Lisbon").check()
    page.get_by_label("Roma mediators (ROMED)").check()
    page.get_by_label("What was agreed").fill("Share the audit map with the partnership")
    page.get_by_label("Who will do it").fill("Community policing unit")
    page.get_by_label("By when").fill((date.today() + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Save the activity").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("The activity is saved.")).to_be_visible()
    expect(page.locator("#follow-ups")).to_contain_text("Share the audit map with the partnership")
    expect(page.locator("#history")).to_contain_text("logged the activity")
    assert_accessible(page, "activity page")
    activity_url = page.url
    code = page.locator("#feedback-code").inner_text().strip()
    expect(page.locator("#feedback-url")).to_have_text(f"{base}/a/{code}")

    page.get_by_role("link", name="All activities").first.click()
    page.get_by_text("Filter and sort").click()
    page.get_by_label("Good practice").select_option(label="Roma mediators (ROMED)")
    page.get_by_label("Only with open follow-ups").check()
    page.get_by_role("region", name="All activities").get_by_role("button", name="Show", exact=True).click()
    rows = page.locator("#activity-list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(TITLE)
    assert_accessible(page, "filtered list")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download this list (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("activities-") and download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig") as fh:
        exported = fh.read()
    assert TITLE in exported and "Roma mediators (ROMED)" in exported and code in exported

    page.goto(activity_url)
    page.get_by_role("link", name="Print the feedback poster").click()
    poster = page.locator("#poster")
    expect(poster).to_contain_text(code)
    expect(poster).to_contain_text(f"/a/{code}")
    qr = poster.get_by_role("img")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # the SVG really loaded
    assert_accessible(page, "poster")
    page.get_by_role("link", name="A6").click()
    expect(page.locator("#poster.poster-a6")).to_be_visible()
    context.close()

    other_context = browser.new_context()
    other = other_context.new_page()
    staff_login(other, base, other_email, other_password)
    for url in (activity_url, f"{activity_url}/edit", f"{activity_url}/poster"):
        response = other.goto(url)
        assert response.status in (403, 404), url
    other.goto(f"{base}/activities")
    expect(other.locator("#activity-list")).not_to_contain_text(TITLE)
    other_context.close()


def test_other_pages_pass_axe_and_fit_a_small_phone(page, live_server, make_staff):
    base = live_server.url
    email, password = make_staff("moderator")
    with live_server.app.app_context():
        activity = factories.activity(title="Open dialogue café", is_public=True, public_summary="All welcome.",
                                      starts_at=datetime.combine(date.today() + timedelta(days=3), datetime.min.time()))
        from portal.models import FollowUp

        db.session.add(FollowUp(activity=activity, description="Send the minutes", due_on=date.today() - timedelta(days=1)))
        db.session.commit()
        activity_id = activity.id
    page.set_viewport_size({"width": 320, "height": 640})
    staff_login(page, base, email, password)
    for path in ("/activities", "/activities/follow-ups", f"/activities/{activity_id}", f"/activities/{activity_id}/edit",
                 f"/activities/{activity_id}/poster?size=a6&language=rom"):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert_accessible(page, path)
    page.goto(base + "/activities")  # the Romani poster page speaks Romani, its Log out button too
    page.get_by_role("button", name="Log out").click()
    for path in ("/calendar", "/calendar/fuenlabrada"):
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert_accessible(page, path)
    expect(page.get_by_text("Open dialogue café")).to_be_visible()
