"""Issue 11, point 10, in a real browser: a moderator's first login sets up a passkey with
Chromium's virtual authenticator (CDP WebAuthn domain), keeps the recovery codes, and the next login
uses the passkey; one-time codes are set up by scanning the key shown beside the server-made QR code.
Every page passes axe-core, works at 320 px, and runs under the strict CSP (no inline script)."""

from __future__ import annotations

import re

import pyotp
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

AUTHENTICATOR = {"protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
                 "isUserVerified": True, "automaticPresenceSimulation": True}


def _localhost(live_server) -> str:
    # WebAuthn needs a domain name (an IP address is never a relying party); localhost is trusted too.
    return live_server.url.replace("127.0.0.1", "localhost")


def _password(page, base, email, password):
    page.goto(f"{base}/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def _fits_320(page):
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url
    page.set_viewport_size({"width": 1280, "height": 800})


def test_a_moderator_sets_up_a_passkey_and_logs_in_with_it(page, live_server, make_staff):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})["authenticatorId"]
    base = _localhost(live_server)
    email, password = make_staff("moderator", second_factor=False)

    _password(page, base, email, password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up a second factor")
    assert_accessible(page, "set-up")
    _fits_320(page)
    page.get_by_label("Name of the passkey").fill("Test laptop")
    page.get_by_role("button", name="Add a passkey").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")
    codes = page.locator("#recovery-code-list code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", c) for c in codes)
    assert_accessible(page, "recovery codes")
    page.get_by_role("link", name="I have kept them").click()
    expect(page).to_have_url(re.compile(r"/moderation$"))
    assert len(cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]) == 1

    page.goto(f"{base}/account/two-factor")
    expect(page.locator("#passkey-list")).to_contain_text("Test laptop")
    assert_accessible(page, "second factor")
    page.get_by_role("button", name="Log out").click()

    _password(page, base, email, password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm it is you")
    assert_accessible(page, "second step")
    _fits_320(page)
    page.get_by_role("button", name="Use my passkey").click()
    expect(page).to_have_url(re.compile(r"/moderation$"))
    expect(page.get_by_text("You are logged in.")).to_be_visible()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_without_javascript_the_second_step_offers_codes_only(browser, live_server, make_staff):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    email, password = make_staff("admin")
    _password(page, live_server.url, email, password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm it is you")
    expect(page.get_by_role("button", name="Use my passkey")).to_have_count(0)  # no passkey set up yet
    page.get_by_text("I cannot use my second factor").click()
    page.get_by_label("Recovery code").fill("testcode0007")
    page.get_by_role("button", name="Use the recovery code").click()
    expect(page.get_by_text("Recovery codes left: 9")).to_be_visible()
    context.close()


def test_an_officer_sets_up_one_time_codes_from_the_account_page(page, live_server, make_staff):
    email, password = make_staff("officer")
    _password(page, live_server.url, email, password)
    page.goto(f"{live_server.url}/account")
    page.get_by_role("link", name="Second factor: passkeys, one-time codes, recovery codes").click()
    page.get_by_role("link", name="Set up one-time codes").click()
    expect(page.locator("figure svg")).to_be_visible()  # the QR code, drawn on the server
    assert_accessible(page, "one-time codes")
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_role("textbox", name="One-time code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on one-time codes").click()
    expect(page.locator("#recovery-code-list li")).to_have_count(10)
    page.get_by_role("link", name="I have kept them").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Second factor")
    expect(page.get_by_text("On.")).to_be_visible()
