"""Languages: which one a page is shown in, and how Romani gets by without Babel locale data.

Two things are chosen per request:

* the *language* (`g.language`, e.g. "rom", "sr_Latn"): which message catalogue is used and what
  `<html lang>` says;
* the *formatting locale* handed to Flask-Babel for dates and numbers. For every language but
  Romani it is the language itself. Babel ships no Romani locale data, so Romani pages format with
  ROMANI_FORMAT_LOCALE while their words come from the Romani catalogue (plural rules come from the
  catalogue's own Plural-Forms header).

`PortalDomain` loads catalogues by language rather than by Babel locale; it only overrides the
public `Domain.get_translations` hook, so a Babel or Flask-Babel upgrade does not break it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from babel import Locale, support
from flask import current_app, g, has_app_context, has_request_context, request
from flask_babel import Babel, Domain
from flask_babel import lazy_gettext as _l

from portal.config import PACKAGE_DIR


@dataclass(frozen=True)
class Language:
    code: str  # catalogue directory and ?lang= value
    tag: str  # BCP 47, for <html lang> and hreflang
    endonym: str  # the language's name in itself
    staff: bool = False  # staff pages are translated too


LANGUAGES: tuple[Language, ...] = (
    Language("en", "en", "English", staff=True),
    Language("rom", "rom", "Romani čhib"),
    Language("ro", "ro", "Română", staff=True),
    Language("bg", "bg", "Български", staff=True),
    Language("hu", "hu", "Magyar", staff=True),
    Language("sk", "sk", "Slovenčina", staff=True),
    Language("cs", "cs", "Čeština", staff=True),
    Language("es", "es", "Español", staff=True),
    Language("pt", "pt", "Português", staff=True),
    Language("sr_Latn", "sr-Latn", "Srpski"),
    Language("mk", "mk", "Македонски"),
    Language("el", "el", "Ελληνικά"),
    Language("tr", "tr", "Türkçe"),
    Language("it", "it", "Italiano"),
    Language("fr", "fr", "Français"),
    Language("de", "de", "Deutsch"),
)
BY_CODE = {lang.code: lang for lang in LANGUAGES}
PUBLIC_CODES = tuple(lang.code for lang in LANGUAGES)
STAFF_CODES = tuple(lang.code for lang in LANGUAGES if lang.staff)
DEFAULT = "en"

# Accept-Language tags that mean one of our catalogues. Romani varieties all read the Romani one.
ALIASES = {
    "rom": "rom", "rmy": "rom", "rmn": "rom", "rmc": "rom", "rmo": "rom", "rml": "rom", "rmf": "rom",
    "sr": "sr_Latn", "sr-latn": "sr_Latn", "sr_latn": "sr_Latn", "sh": "sr_Latn", "hr": "sr_Latn", "bs": "sr_Latn",
}
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}  # ready for a future catalogue
# Languages whose words come from our catalogue but whose formatting Babel cannot supply: their month
# names are translated like any other message.
NO_LOCALE_DATA = {"rom"}
MONTH_NAMES = (
    _l("January"), _l("February"), _l("March"), _l("April"), _l("May"), _l("June"),
    _l("July"), _l("August"), _l("September"), _l("October"), _l("November"), _l("December"),
)


def normalise(value: str | None) -> str | None:
    """A ?lang= value or Accept-Language tag to one of our codes, or None."""
    if not value:
        return None
    value = value.strip()
    if value in BY_CODE:
        return value
    low = value.lower().replace("_", "-")
    if low in ALIASES:
        return ALIASES[low]
    base = low.split("-")[0]
    if low.startswith("sr-cyrl"):
        return None
    if base in ALIASES:
        return ALIASES[base]
    return base if base in BY_CODE else None


def _from_accept_language() -> str | None:
    for tag, _quality in request.accept_languages:
        code = normalise(tag)
        if code:
            return code
    return None


def select_language() -> str:
    """?lang= (remembered in a cookie holding only the code), then that cookie, then Accept-Language."""
    if not has_request_context():
        return DEFAULT
    cached = g.get("language")
    if cached:
        return cached
    cookie_name = current_app.config["LANGUAGE_COOKIE"]
    asked = normalise(request.args.get("lang"))
    if asked:
        g.remember_language = asked
    code = asked or normalise(request.cookies.get(cookie_name)) or _from_accept_language() or DEFAULT
    g.language = code
    return code


def select_locale() -> str:
    """The formatting locale for Flask-Babel."""
    code = select_language()
    if code == "rom":
        return current_app.config["ROMANI_FORMAT_LOCALE"]
    return code


def text_direction(code: str) -> str:
    if code in RTL_LANGUAGES:
        return "rtl"
    try:
        return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
    except Exception:  # Romani and other codes without Babel data are left to right
        return "ltr"


def remember_language(response):
    """after_request: store an explicit ?lang= choice. The cookie holds the code and nothing else."""
    code = g.get("remember_language")
    if code:
        # A browser-session cookie: a phone seized later does not keep a lasting trace of which
        # language (Romani, say) its owner read the portal in.
        response.set_cookie(
            current_app.config["LANGUAGE_COOKIE"], code,
            samesite="Lax", httponly=True, secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


class PortalDomain(Domain):
    """Message catalogues chosen by language code, so Romani ('rom') loads though Babel cannot parse it."""

    def get_translations(self):
        if not has_app_context():
            return support.NullTranslations()
        code = select_language()
        key = (code, self.domain[0])
        try:
            return self.cache[key]
        except KeyError:
            pass
        translations = support.Translations()
        for dirname in self.translation_directories:
            catalog = support.Translations.load(dirname, [code], self.domain[0])
            translations.merge(catalog)
            if hasattr(catalog, "plural"):
                translations.plural = catalog.plural
        self.cache[key] = translations
        return translations


class PortalBabel(Babel):
    @cached_property
    def domain_instance(self):
        return PortalDomain(domain=self.domain)


TRANSLATIONS_DIR = str(PACKAGE_DIR / "translations")


def template_context() -> dict:
    code = select_language()
    lang = BY_CODE.get(code, BY_CODE[DEFAULT])
    return {
        "current_language": lang,
        "languages": LANGUAGES,
        "html_lang": lang.tag,
        "html_dir": text_direction(code),
    }
