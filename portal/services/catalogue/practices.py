"""The public catalogue of good practices: browsing and searching it, and one practice's page.

A practice is shown in the visitor's language when its text exists in that language, otherwise in
English with a note saying so; a part left empty in a translation is filled from English and marked
as English (so screen readers read it with the right voice). Only published practices are shown.

"Applied here" is built from public activities only (`shown_publicly`): naming a municipality
because of an activity nobody may see would reveal that the activity exists. "What residents say"
lists published feedback only, through `portal.services.feedback.published`, which never reads a
resident's own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale
from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.i18n import BY_CODE
from portal.models import Activity, GoodPractice, GoodPracticeText, Municipality, PracticeSource, PracticeTag
from portal.models.practice import ENGLISH, TEXT_FIELDS
from portal.services.activities.calendar import PublicActivity, public_activity_rows, shown_publicly_clause
from portal.services.feedback import published
from portal.services.statistics import public as public_statistics

PER_PAGE = 20
SEARCH_MAX = 100
APPLIED_LIMIT = 50
RESIDENTS_LIMIT = 10


# --- texts in a language, with English standing in ---------------------------------------------

@dataclass(frozen=True)
class Part:
    value: str
    language: str  # the language the value is in (a catalogue code, e.g. "en", "sr_Latn")

    @property
    def tag(self) -> str:
        """BCP 47, for a `lang` attribute."""
        lang = BY_CODE.get(self.language)
        return lang.tag if lang else self.language

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.value.splitlines() if line.strip()]


@dataclass(frozen=True)
class ShownText:
    """A practice's words for one visitor: `language` is the one asked for; `fallback` is True when
    no text exists in it and English stands in."""

    language: str
    fallback: bool
    parts: dict[str, Part]

    def __getattr__(self, name: str) -> Part:
        try:
            return self.parts[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def main_language(self) -> str:
        return ENGLISH if self.fallback else self.language

    @property
    def tag(self) -> str:
        return Part("", self.main_language).tag


def shown_text(practice: GoodPractice, language: str) -> ShownText:
    own = practice.text_in(language)
    english = practice.text_in(ENGLISH)
    base = own or english
    parts = {}
    for name in TEXT_FIELDS:
        value = getattr(base, name, "") if base else ""
        lang = base.language if base else ENGLISH
        if not value and english is not None and base is not english:
            value, lang = getattr(english, name), ENGLISH
        if not value and name == "title":
            value, lang = practice.title, ENGLISH
        if not value and name == "summary":
            value, lang = practice.summary, ENGLISH
        parts[name] = Part(value or "", lang)
    return ShownText(language=language, fallback=own is None and language != ENGLISH, parts=parts)


def country_name(country: str, locale: str) -> str:
    """A country stored by its English name ("Spain") in the visitor's locale; others as stored."""
    code = _english_territories().get(country.casefold())
    if not code:
        return country
    try:
        return Locale.parse(locale).territories.get(code, country)
    except (ValueError, TypeError):
        return country


def _english_territories() -> dict[str, str]:
    cached = getattr(_english_territories, "cache", None)
    if cached is None:
        cached = {name.casefold(): code for code, name in Locale("en").territories.items() if code.isalpha()}
        _english_territories.cache = cached
    return cached


# --- the list --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CatalogueFilters:
    q: str = ""
    tag: str = ""
    country: str = ""


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def catalogue_query(filters: CatalogueFilters):
    query = select(GoodPractice).where(GoodPractice.is_published.is_(True)).options(
        selectinload(GoodPractice.texts), selectinload(GoodPractice.tag_rows))
    words = " ".join(filters.q.split())[:SEARCH_MAX]
    if words:
        pattern = _like(words.casefold())
        in_texts = exists().where(
            GoodPracticeText.practice_id == GoodPractice.id,
            or_(func.lower(GoodPracticeText.title).like(pattern, escape="\\"),
                func.lower(GoodPracticeText.summary).like(pattern, escape="\\")))
        in_tags = GoodPractice.tag_rows.any(func.lower(PracticeTag.tag).like(pattern, escape="\\"))
        query = query.where(or_(in_texts, in_tags, func.lower(GoodPractice.title).like(pattern, escape="\\")))
    if filters.tag:
        query = query.where(GoodPractice.tag_rows.any(PracticeTag.tag == filters.tag))
    if filters.country:
        query = query.where(GoodPractice.country == filters.country)
    return query.order_by(GoodPractice.title, GoodPractice.id)


def browse(filters: CatalogueFilters, page: int = 1, per_page: int = PER_PAGE):
    """Published practices matching the filters, as a Flask-SQLAlchemy page of GoodPractice rows."""
    return db.paginate(catalogue_query(filters), page=page, per_page=per_page, error_out=False)


def all_tags() -> list[str]:
    return list(db.session.scalars(
        select(PracticeTag.tag).join(GoodPractice, GoodPractice.id == PracticeTag.practice_id)
        .where(GoodPractice.is_published.is_(True)).distinct().order_by(PracticeTag.tag)))


def all_countries() -> list[str]:
    return list(db.session.scalars(
        select(GoodPractice.country).where(GoodPractice.is_published.is_(True), GoodPractice.country != "")
        .distinct().order_by(GoodPractice.country)))


def published_practices() -> list[GoodPractice]:
    """Every published practice with its texts and sources (the open-data downloads)."""
    return list(db.session.scalars(
        select(GoodPractice).where(GoodPractice.is_published.is_(True))
        .options(selectinload(GoodPractice.texts), selectinload(GoodPractice.sources), selectinload(GoodPractice.tag_rows))
        .order_by(GoodPractice.slug)))


# --- one practice ----------------------------------------------------------------------------------

def practice_by_slug(slug: str) -> GoodPractice | None:
    if not slug or len(slug) > 80:
        return None
    return db.session.scalar(
        select(GoodPractice).where(GoodPractice.slug == slug, GoodPractice.is_published.is_(True))
        .options(selectinload(GoodPractice.texts), selectinload(GoodPractice.sources)))


def applied_activities(practice: GoodPractice, limit: int = APPLIED_LIMIT) -> list[PublicActivity]:
    """The public activities that applied the practice, newest first."""
    rows = public_activity_rows(Activity.practices.any(GoodPractice.id == practice.id), newest_first=True, limit=limit)
    return [PublicActivity.of(activity) for activity in rows]


def applied_municipalities(practice: GoodPractice) -> list[Municipality]:
    """Municipalities with at least one public activity that applied the practice."""
    applied = select(Activity.municipality_id).where(
        *shown_publicly_clause(), Activity.practices.any(GoodPractice.id == practice.id))
    return list(db.session.scalars(select(Municipality).where(Municipality.id.in_(applied)).order_by(Municipality.name)))


@dataclass
class PracticePage:
    """Everything a practice's page shows; the API's practice document is built from it too."""

    practice: GoodPractice
    text: ShownText
    sources: list[PracticeSource]
    municipalities: list[Municipality]
    activities: list[PublicActivity]
    residents_say: list[published.PublishedItem]
    residents_say_total: int
    # How people felt treated with and without it, before and after, from the latest public
    # statistics (indices only, no counts; see portal.services.statistics.public).
    evidence: public_statistics.PracticeEvidence | None = None
    tags: list[str] = field(default_factory=list)


def practice_page(slug: str, language: str) -> PracticePage | None:
    practice = practice_by_slug(slug)
    if practice is None:
        return None
    said = published.browse(published.PublishedFilters(practice_id=practice.id), page=1, per_page=RESIDENTS_LIMIT)
    return PracticePage(
        practice=practice, text=shown_text(practice, language), sources=list(practice.sources),
        municipalities=applied_municipalities(practice), activities=applied_activities(practice),
        residents_say=list(said.items), residents_say_total=said.total or 0, tags=practice.tags,
        evidence=public_statistics.practice_evidence(practice.slug),
    )
