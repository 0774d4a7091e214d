"""Choosing the language: ?lang= switches and is remembered, Accept-Language decides otherwise."""

import contextvars
import re
from datetime import date

import pytest
from flask_babel import format_date, format_decimal

from portal.i18n import LANGUAGES, normalise, text_direction


def html_lang(response):
    return re.search(r'<html lang="([^"]+)" dir="([^"]+)"', response.get_data(as_text=True)).groups()


def test_lang_parameter_switches_and_is_remembered_without_an_identifier(client):
    response = client.get("/?lang=bg")
    assert html_lang(response) == ("bg", "ltr")
    cookie = next(v for k, v in response.headers.items() if k == "Set-Cookie" and v.startswith("lang="))
    assert cookie.split(";")[0] == "lang=bg"  # the code and nothing else
    assert html_lang(client.get("/login")) == ("bg", "ltr")


def test_accept_language_decides_without_a_choice(client):
    assert html_lang(client.get("/", headers={"Accept-Language": "hu-HU,hu;q=0.9,en;q=0.5"})) == ("hu", "ltr")
    assert html_lang(client.get("/", headers={"Accept-Language": "rmy, ro;q=0.8"})) == ("rom", "ltr")
    assert html_lang(client.get("/", headers={"Accept-Language": "ja"})) == ("en", "ltr")


def test_an_explicit_choice_beats_accept_language(client):
    client.get("/?lang=sr_Latn")
    assert html_lang(client.get("/", headers={"Accept-Language": "de"})) == ("sr-Latn", "ltr")


def test_unknown_lang_values_are_ignored(client):
    response = client.get("/?lang=xx<script>")
    assert response.status_code == 200
    assert html_lang(response) == ("en", "ltr")
    assert not any(k == "Set-Cookie" and v.startswith("lang=") for k, v in response.headers.items())


def test_menu_names_every_language_in_itself(client):
    html = client.get("/").get_data(as_text=True)
    for lang in LANGUAGES:
        assert f'lang="{lang.tag}" hreflang="{lang.tag}"' in html
        assert lang.endonym in html
    assert "Romani čhib" in html and "Български" in html and "Srpski" in html


def test_romani_pages_say_mediators_review_the_texts(client):
    assert 'id="romani-note"' in client.get("/?lang=rom").get_data(as_text=True)
    assert 'id="romani-note"' not in client.get("/?lang=ro").get_data(as_text=True)


def formatted(app, lang):
    """Month and number as a page in `lang` shows them (a fresh context, as a real request has)."""

    def run():
        with app.test_request_context(f"/?lang={lang}"):
            return format_date(date(2026, 11, 23), "LLLL y"), format_decimal(12345.5)

    return contextvars.Context().run(run)


def test_romani_formats_dates_and_numbers_with_a_fallback_locale(app):
    assert formatted(app, "rom") == ("November 2026", "12,345.5")
    assert formatted(app, "de") == ("November 2026", "12.345,5")
    assert formatted(app, "bg")[0].startswith("ноември")
    assert formatted(app, "sr_Latn")[0].startswith("novembar")


@pytest.mark.parametrize("tag,code", [("rmn", "rom"), ("sr-Latn-RS", "sr_Latn"), ("sr", "sr_Latn"), ("pt-BR", "pt"),
                                      ("sr-Cyrl", None), ("rm", None), ("", None)])
def test_normalise(tag, code):
    assert normalise(tag) == code


def test_direction_follows_the_locale():
    assert text_direction("ar") == "rtl"
    assert text_direction("he") == "rtl"
    assert text_direction("rom") == "ltr"
    assert text_direction("el") == "ltr"


def test_month_labels_come_from_the_catalogue_for_romani(app):
    from portal.templating import month_label

    def run(lang):
        with app.test_request_context(f"/?lang={lang}"):
            return month_label(date(2026, 3, 1))

    assert contextvars.Context().run(run, "ro") == "martie 2026"
    assert contextvars.Context().run(run, "rom").endswith(" 2026")
