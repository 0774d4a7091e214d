from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, staff_login


def test_moderator_logs_in_and_out(page, live_server, make_staff):
    email, password = make_staff("moderator")
    staff_login(page, live_server.url, email, password)
    expect(page.get_by_text("You are logged in.")).to_be_visible()
    expect(page.get_by_role("navigation", name="Staff")).to_contain_text(email)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are logged out.")).to_be_visible()
    expect(page.get_by_role("link", name="Staff login")).to_be_visible()


def test_wrong_password_shows_the_error_next_to_the_field(page, live_server, make_staff):
    email, _password = make_staff("officer")
    staff_login(page, live_server.url, email, "definitely not it")
    expect(page.locator(".field-error")).to_contain_text("not right")
    expect(page.get_by_label("E-mail address")).to_have_value(email)


def test_home_and_login_pass_axe(page, live_server):
    for path in ("/", "/login", "/?lang=rom", "/does-not-exist"):
        page.goto(live_server.url + path)
        assert_accessible(page, path)


def test_home_works_at_320px_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # Nothing wider than the screen: no sideways scrolling on a small phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # The language menu is a plain <details>: it opens without JavaScript.
    page.get_by_text("Language:").click()
    page.get_by_role("link", name="Български").click()
    expect(page.locator("html")).to_have_attribute("lang", "bg")
    context.close()
