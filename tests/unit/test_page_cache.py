"""Residents' pages kept per language and process (`portal.public.page_cache`): a kept page is byte
for byte the page rendered for that request, in every language, but for its fresh CSRF token and
stamp; and it changes as soon as anything it shows changes (categories, towns, areas, partners,
the month, the activity), in every process, because the key carries the database's catalogue
version."""

from __future__ import annotations

import re
from datetime import date

import pytest

from portal.extensions import db
from portal.i18n import PUBLIC_CODES
from portal.models import Area, FeedbackCategory, Municipality, PartnerOrganisation
from portal.services import dates
from portal.vocab import PartnerKind
from tests import factories
from tests.conftest import csrf_from, login

TOKENS = re.compile(r'(name="(?:csrf_token|started)" type="hidden" value=")[^"]+(")')
PAGES = ["/", "/feedback/new", "/rumours/new", "/a/KEPT42", "/help", "/help?municipality=lisboa"]


def plain(html: str) -> str:
    """The page without its two per-request values."""
    return TOKENS.sub(r"\1TOKEN\2", html)


@pytest.fixture
def apps(app_factory):
    """Two apps on one database: one keeps pages, one renders every request (as before)."""
    kept, fresh = app_factory(), app_factory(PAGE_CACHE=False)
    with kept.app_context():
        factories.activity(feedback_code="KEPT42", is_public=True)
        db.session.commit()
    return kept, fresh


def get(app, url, **kwargs) -> str:
    with app.app_context():
        response = app.test_client().get(url, **kwargs)
        assert response.status_code == 200, (url, response.status_code)
        return response.get_data(as_text=True)


def kept_pages(app) -> int:
    return len(app.extensions.get("portal_page_cache") or ())


@pytest.mark.parametrize("lang", PUBLIC_CODES)
def test_a_kept_page_is_the_page_itself_in_every_language(apps, lang):
    kept, fresh = apps
    for url in PAGES:
        address = f"{url}{'&' if '?' in url else '?'}lang={lang}"
        first, again = get(kept, address), get(kept, address)
        expected = get(fresh, address)
        assert plain(first) == plain(again) == plain(expected), (lang, url)
    assert kept_pages(kept) == len(PAGES) and kept_pages(fresh) == 0


def test_accept_language_and_the_language_cookie_choose_the_kept_page(apps):
    kept, fresh = apps
    headers = {"Accept-Language": "ro,en;q=0.5"}
    assert plain(get(kept, "/feedback/new", headers=headers)) == plain(get(fresh, "/feedback/new", headers=headers))
    assert '<html lang="ro"' in get(kept, "/feedback/new", headers=headers)
    assert '<html lang="en"' in get(kept, "/feedback/new")


def test_every_request_gets_its_own_tokens_and_a_working_form(apps):
    kept, _fresh = apps
    with kept.app_context():
        client = kept.test_client()
        pages = [client.get("/feedback/new").get_data(as_text=True) for _ in range(2)]
        stamps = [re.search(r'name="started" type="hidden" value="([^"]+)"', p).group(1) for p in pages]
        assert stamps[0] != stamps[1] and "!hole:" not in pages[0]
        # The CSRF token of a kept page is this visitor's own: the form it came with is taken.
        from tests.functional.test_feedback_views import feedback_data

        response = client.post("/feedback/new", data={**feedback_data(), "csrf_token": csrf_from(pages[1]),
                                                      "started": _aged(stamps[1])})
        assert response.status_code == 200 and "Thank you. We received your feedback." in response.get_data(as_text=True)


def _aged(_stamp: str) -> str:
    """A stamp like the page's, as if the page had been open for a minute (a person's pace)."""
    import time

    from portal.public.antispam import issue_started

    return issue_started("feedback", now=time.time() - 60)


def _change(app, change) -> None:
    with app.app_context():
        change()
        db.session.commit()


def test_a_change_to_what_the_pages_show_is_seen_at_the_next_request(apps):
    kept, _fresh = apps
    assert 'value="eviction"' in get(kept, "/feedback/new")
    _change(kept, lambda: setattr(db.session.scalar(db.select(FeedbackCategory).filter_by(slug="eviction")), "is_active", False))
    assert 'value="eviction"' not in get(kept, "/feedback/new")

    _change(kept, lambda: setattr(db.session.scalar(db.select(Municipality).filter_by(slug="lisboa")), "name", "Lisbon"))
    assert ">Lisbon</option>" in get(kept, "/rumours/new") and ">Lisboa</option>" not in get(kept, "/rumours/new")

    with kept.app_context():
        town = db.session.scalar(db.select(Municipality).filter_by(slug="lisboa"))
    _change(kept, lambda: db.session.add(Area(municipality_id=town.id, slug="alfama", name="Alfama")))
    assert ">Alfama</option>" in get(kept, "/feedback/new")

    _change(kept, lambda: db.session.add(PartnerOrganisation(name="Legal clinic Alfama", kind=PartnerKind.LEGAL_CLINIC,
                                                             municipality_id=town.id)))
    assert "Legal clinic Alfama" in get(kept, "/help") and "Legal clinic Alfama" in get(kept, "/help?municipality=lisboa")


def test_marks_like_a_hole_in_a_town_name_stay_text(apps):
    kept, fresh = apps
    _change(kept, lambda: setattr(db.session.scalar(db.select(Municipality).filter_by(slug="lisboa")), "name",
                                  "Lisboa !hole:zz! !hole:csrf"))
    for url in ("/feedback/new", "/rumours/new"):
        html = get(kept, url)
        assert ">Lisboa !hole:zz! !hole:csrf</option>" in html
        assert plain(html) == plain(get(fresh, url))


def test_another_process_sees_a_change_made_elsewhere(app_factory):
    """Two apps are two processes: a change committed through one (or by plain SQL) reaches the
    other's kept pages through the database's catalogue version, not through any message."""
    one, other = app_factory(), app_factory()
    assert 'value="eviction"' in get(one, "/feedback/new")
    with other.app_context():
        db.session.execute(db.text("UPDATE feedback_category SET is_active = false WHERE slug = 'eviction'"))
        db.session.commit()
    assert 'value="eviction"' not in get(one, "/feedback/new")


def test_a_new_month_gets_a_new_page(apps, monkeypatch):
    kept, _fresh = apps
    this_month = dates.recent_months()[0]
    assert f'<option selected value="{this_month:%Y-%m}">' in get(kept, "/feedback/new")
    later = dates.add_months(this_month, 1)
    monkeypatch.setattr(dates, "today", lambda: later + (date(2000, 1, 9) - date(2000, 1, 1)))
    html = get(kept, "/feedback/new")
    assert f'<option selected value="{later:%Y-%m}">' in html


def test_an_activity_made_private_shows_only_its_town_at_once(apps):
    kept, fresh = apps
    assert 'id="activity-summary"' in get(kept, "/a/KEPT42")
    with kept.app_context():
        from portal.models import Activity

        activity = db.session.scalar(db.select(Activity).filter_by(feedback_code="KEPT42"))
        public_summary = activity.type.label
        activity.is_public = False
        db.session.commit()
    html = get(kept, "/a/KEPT42")
    assert str(public_summary) not in html.split('id="activity-summary"')[1].split("</p>")[0]
    assert plain(html) == plain(get(fresh, "/a/KEPT42"))


def test_unknown_codes_and_parameters_and_staff_are_never_kept(apps):
    kept, _fresh = apps
    with kept.app_context():
        client = kept.test_client()
        assert client.get("/a/NOSUCH").status_code == 404
        html = client.get("/feedback/new?utm_source=x&lang=es").get_data(as_text=True)
        assert "utm_source=x" in html  # the language menu keeps the address as it was
        before = kept_pages(kept)
        client.get("/help?municipality=%21hole%3Acsrf%21")
        assert kept_pages(kept) == before
        staff = factories.user("officer")
        db.session.commit()
        assert login(client, staff.email).status_code == 302
        html = client.get("/feedback/new").get_data(as_text=True)
        assert "Staff login" not in html and kept_pages(kept) == before


@pytest.mark.parametrize("lang", ["en", "rom", "bg"])
def test_the_kept_confirmation_is_the_page_itself(apps, lang):
    import time

    from portal.public.antispam import issue_started
    from tests.functional.test_feedback_views import feedback_data, receipt_from

    pages = []
    for app in apps:
        with app.app_context():
            client = app.test_client()
            for wants in ("y", None):
                for _ in range(2):  # the second one is kept where pages are kept
                    csrf = csrf_from(client.get(f"/feedback/new?lang={lang}").get_data(as_text=True))
                    body = {**feedback_data(wants_answer=wants), "csrf_token": csrf,
                            "started": issue_started("feedback", now=time.time() - 60)}
                    html = client.post(f"/feedback/new?lang={lang}", data=body).get_data(as_text=True)
                    if wants:
                        code = receipt_from(html)
                        assert re.fullmatch(r"\d{4}( \d{4}){4}", code) and "!hole:" not in html
                        html = html.replace(code, "CODE")
                    pages.append(html)
    kept, fresh = pages[:4], pages[4:]
    assert kept == fresh and kept[0] == kept[1] and kept[2] == kept[3]
