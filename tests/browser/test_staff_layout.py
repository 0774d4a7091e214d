"""The staff pages hold up on a 320 px phone and on a desktop: every button's text is readable
(contrast at least 4.5:1 against what is behind it) and no link, button or field overlaps another."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from portal.extensions import db
from portal.models import FollowUp
from portal.services import dates
from tests import factories
from tests.browser.conftest import staff_login

# WCAG relative luminance and contrast, measured on the rendered page.
CHECKS = """() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const opaque = (c) => c.length < 4 || c[3] > 0;
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length && opaque(c) && !(c.length === 4 && c[3] === 0)) return c;
    }
    return [255, 255, 255];
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // checkVisibility: the content of a closed <details> keeps its boxes in Chromium (content-visibility).
  const visible = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}); };
  const name = (el) => (el.innerText || el.value || el.getAttribute("aria-label") || el.tagName).trim().slice(0, 40);
  const lowContrast = [];
  for (const el of document.querySelectorAll("button, .button, input[type=submit]")) {
    if (!visible(el)) continue;
    const value = ratio(rgb(getComputedStyle(el).color), background(el));
    if (value < 4.5) lowContrast.push(`${name(el)}: ${value.toFixed(2)}`);
  }
  const boxes = [...document.querySelectorAll("a, button, input, select, textarea, summary")]
    .filter((el) => visible(el) && el.type !== "hidden" && !el.classList.contains("skip-link"))
    .map((el) => [el, el.getBoundingClientRect()]);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, ra] = boxes[i], [b, rb] = boxes[j];
      if (a.contains(b) || b.contains(a)) continue;
      const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (x > 1 && y > 1) overlaps.push(`${name(a)} / ${name(b)}`);
    }
  }
  return {lowContrast, overlaps};
}"""


@pytest.fixture
def staff_pages(live_server, make_staff):
    with live_server.app.app_context():
        activity = factories.activity(title="Monthly partnership meeting with the Roma association and the school",
                                      starts_at=datetime.combine(dates.today() - timedelta(days=2), datetime.min.time()))
        db.session.add(FollowUp(activity=activity, description="Send the minutes to every partner organisation",
                                due_on=dates.today() - timedelta(days=1)))
        item = factories.feedback(text="Officer Popescu was rude at the identity check near the market.")
        report = factories.rumour_report()
        rumour = factories.rumour(counter_data="Facts.")
        from portal.models import PartnerOrganisation
        from portal.vocab import PartnerKind

        db.session.add(PartnerOrganisation(name="Legal clinic with a rather long name for a narrow screen", kind=PartnerKind.LEGAL_CLINIC,
                                           phone="+34 600 000 000"))
        db.session.commit()
        ids = {"activity": activity.id, "item": item.id, "report": report.id, "rumour": rumour.id}
    return {
        "officer": ["/activities", "/activities/new", f"/activities/{ids['activity']}", "/activities/follow-ups"],
        "mediator": ["/mediator/", "/mediator/feedback/new"],
        "moderator": ["/moderation", f"/moderation/feedback/{ids['item']}", f"/moderation/rumours/{ids['report']}",
                      "/moderation/rumours", f"/moderation/rumours/tracker/{ids['rumour']}"],
        "admin": ["/admin/", "/admin/partners", "/admin/partners/new", "/admin/audit"],
    }


@pytest.mark.parametrize("width", [320, 1280])
def test_buttons_are_readable_and_nothing_overlaps(browser, live_server, make_staff, staff_pages, width):
    problems = []
    for role, paths in staff_pages.items():
        page = browser.new_page(viewport={"width": width, "height": 800})
        email, password = make_staff(role)
        staff_login(page, live_server.url, email, password)
        for path in paths:
            page.goto(live_server.url + path)
            # Every folded panel open (filters, history), but not the language menu: it is a pop-up
            # that lies over the page by design while it is open.
            page.evaluate("document.querySelectorAll('main details').forEach((d) => d.open = true)")
            found = page.evaluate(CHECKS)
            problems += [f"{width}px {path}: low contrast {c}" for c in found["lowContrast"]]
            problems += [f"{width}px {path}: overlap {o}" for o in found["overlaps"]]
        page.close()
    assert not problems, "\n".join(problems)
