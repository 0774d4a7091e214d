"""Render every public page in every public language (and staff pages in staff languages) and find
no English left: any public message whose translation differs from the English must not appear."""

import html
import re

import pytest
from babel.messages.pofile import read_po

from portal import catalogs
from portal.extensions import db
from portal.i18n import PUBLIC_CODES, STAFF_CODES
from portal.models import FeedbackMessage
from tests import factories

PUBLIC, EVERY = catalogs.message_sets()
TAG = re.compile(r"<[^>]+>")


def english_left(page_html: str, code: str, wanted: set[str]) -> list[str]:
    """Interface messages still in English. A message counts when it is a whole text node of the
    page (a label, a heading, an option), or, for long messages, anywhere in the text; database
    content such as good-practice titles is not interface text and is not matched by accident."""
    with catalogs.po_path(code).open("rb") as fh:
        catalog = read_po(fh, locale=code)
    body = page_html.split("<body", 1)[1]
    nodes = {" ".join(html.unescape(node).split()) for node in TAG.split(body)}
    text = " ".join(" ".join(html.unescape(node).split()) for node in TAG.split(body))
    left = []
    for msgid in wanted:
        if "%(" in msgid or len(msgid) < 12:
            continue  # short words ("Yes", "Online") may be the same in many languages
        entry = catalog.get(msgid)
        if entry is None or entry.string == msgid:
            continue
        if msgid in nodes or (len(msgid) >= 40 and msgid in text):
            left.append(msgid)
    return left


def public_urls(app):
    activity = factories.activity("fuenlabrada", is_public=True, feedback_code="BENCH2")
    db.session.commit()
    urls = ["/", "/login", "/does-not-exist"]
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.rpartition(".")[0]
        if blueprint in ("public", "calendar") and "GET" in rule.methods and not rule.arguments and "ics" not in rule.rule:
            urls.append(rule.rule)
    urls += [f"/a/{activity.feedback_code}", "/calendar/fuenlabrada"]
    return sorted({u for u in urls if u != "/healthz"})


@pytest.mark.parametrize("code", [c for c in PUBLIC_CODES if c != "en"])
def test_public_pages_have_no_english_left(app, client, code):
    for url in public_urls(app):
        response = client.get(url, query_string={"lang": code})
        assert response.status_code in (200, 404), (url, response.status_code)
        left = english_left(response.get_data(as_text=True), code, PUBLIC)
        assert not left, f"{code} {url}: {left[:5]}"


@pytest.mark.parametrize("code", [c for c in STAFF_CODES if c != "en"])
def test_staff_pages_have_no_english_left(app, staff_client, code):
    item = factories.feedback(text="Officer Popescu called 0722 123 456.", wants_answer=True, category_slug="stop-search",
                              has_unread=True)
    item.messages.append(FeedbackMessage(from_resident=True, body="Any news?", created_on=item.received_on))
    report = factories.rumour_report()
    rumour = factories.rumour(counter_data="Facts.")
    db.session.commit()
    pages = {"officer": ["/activities", "/activities/new", "/activities/follow-ups"], "mediator": ["/mediator/feedback/new", "/mediator/"],
             "admin": ["/admin/", "/admin/partners", "/admin/partners/new", "/admin/audit", "/account"],
             "moderator": ["/moderation", "/moderation?kind=rumours&category=respect", f"/moderation/feedback/{item.id}",
                           f"/moderation/rumours/{report.id}", "/moderation/rumours", "/moderation/rumours/tracker/new",
                           f"/moderation/rumours/tracker/{rumour.id}", "/dashboard",
                           "/dashboard?municipality=fuenlabrada&practice=stop-forms-and-rights-leaflet"]}
    for role, urls in pages.items():
        c, _user = staff_client(role)
        c.get("/account")  # shows (and so clears) the login message, given before a language was chosen
        for url in urls:
            response = c.get(f"{url}{'&' if '?' in url else '?'}lang={code}", follow_redirects=True)
            assert response.status_code == 200, (role, url, response.status_code)
            left = english_left(response.get_data(as_text=True), code, EVERY)
            assert not left, f"{code} {role} {url}: {left[:5]}"
