"""Admins' changes to the catalogue: creating a practice, changing its facts, sources and tags, and
writing its texts in any language. Every change is written to the audit log in the same
transaction, old → new (long texts shortened), so the catalogue's history can be followed.

Saving the English text also sets `GoodPractice.title` and `summary` (the English copy other areas
list practices by).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from portal.extensions import db
from portal.i18n import PUBLIC_CODES
from portal.models import EvidenceStrength, GoodPractice, GoodPracticeText, PracticeSource
from portal.models.practice import ENGLISH, TEXT_FIELDS
from portal.services import DomainError
from portal.services.audit import record

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LIMITS = {"slug": 80, "source_organisation": 200, "country": 80, "title": 200, "tag": 48, "source_title": 300,
          "source_url": 500, "text": 4000}
MIN_YEAR, MAX_YEAR = 1900, 2100
SHORT = 60


class PracticeError(DomainError):
    """A rule about catalogue entries was broken."""


@dataclass
class PracticeInput:
    slug: str
    source_organisation: str
    country: str = ""
    year: int | None = None
    tags: list[str] = field(default_factory=list)
    evidence_strength: EvidenceStrength = EvidenceStrength.NOT_ASSESSED
    is_published: bool = True
    sources: list[tuple[str, str]] = field(default_factory=list)  # (title, url)


def parse_sources(text: str) -> list[tuple[str, str]]:
    """One source a line: "Title | https://address" (the address is optional)."""
    out = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        title, _bar, url = line.partition("|")
        out.append((" ".join(title.split()), url.strip()))
    return out


def format_sources(sources) -> str:
    return "\n".join(f"{s.title} | {s.url}" if s.url else s.title for s in sources)


def parse_tags(text: str) -> list[str]:
    return sorted({t.strip().lower() for t in re.split(r"[,\n]", text or "") if t.strip()})


def _short(value) -> str:
    text = " ".join(str(value if value is not None else "").split()) or "—"
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _check(data: PracticeInput, practice: GoodPractice | None) -> None:
    slug = (data.slug or "").strip()
    if not slug:
        raise PracticeError(_l("This is needed."), "slug")
    if len(slug) > LIMITS["slug"] or not SLUG.match(slug):
        raise PracticeError(_l("Use small letters, digits and single hyphens, for example anti-rumours-strategy."), "slug")
    taken = db.session.scalar(select(GoodPractice.id).where(GoodPractice.slug == slug))
    if taken is not None and (practice is None or taken != practice.id):
        raise PracticeError(_l("Another practice already has this short name."), "slug")
    if not (data.source_organisation or "").strip():
        raise PracticeError(_l("This is needed."), "source_organisation")
    for name in ("source_organisation", "country"):
        if len(getattr(data, name) or "") > LIMITS[name]:
            raise PracticeError(_l("This is too long."), name)
    if data.year is not None and not MIN_YEAR <= data.year <= MAX_YEAR:
        raise PracticeError(_l("Give a year between %(first)d and %(last)d.", first=MIN_YEAR, last=MAX_YEAR), "year")
    for tag in data.tags:
        if len(tag) > LIMITS["tag"] or not TAG.match(tag):
            raise PracticeError(_l("Tags use small letters, digits and hyphens, separated by commas."), "tags")
    for title, url in data.sources:
        if not title or len(title) > LIMITS["source_title"]:
            raise PracticeError(_l("Each source needs a title of at most 300 characters."), "sources")
        if url and (len(url) > LIMITS["source_url"] or not re.match(r"^https?://[^\s/$.?#][^\s]*$", url)):
            raise PracticeError(_l("A source's address must start with https:// or http://."), "sources")


def _facts(practice: GoodPractice) -> dict:
    return {
        "slug": practice.slug, "source_organisation": practice.source_organisation, "country": practice.country,
        "year": practice.year, "tags": ", ".join(practice.tags), "evidence_strength": practice.evidence_strength.value,
        "is_published": practice.is_published,
        "sources": "; ".join(f"{s.title} <{s.url}>" if s.url else s.title for s in practice.sources),
    }


def _apply(practice: GoodPractice, data: PracticeInput) -> None:
    practice.slug = data.slug.strip()
    practice.source_organisation = data.source_organisation.strip()
    practice.country = (data.country or "").strip()
    practice.year = data.year
    practice.set_tags(data.tags)
    practice.evidence_strength = data.evidence_strength
    practice.is_published = data.is_published
    wanted = [(title, url) for title, url in data.sources]
    if [(s.title, s.url) for s in practice.sources] != wanted:
        practice.sources = [PracticeSource(position=n, title=title, url=url) for n, (title, url) in enumerate(wanted)]


def _changes(before: dict, after: dict) -> list[str]:
    return [f"{name}: {_short(before[name])} → {_short(after[name])}" for name in before if before[name] != after[name]]


def _clean_texts(values: dict) -> dict:
    clean = {name: "\n".join(line.rstrip() for line in (values.get(name) or "").strip().splitlines()) for name in TEXT_FIELDS}
    if not clean["title"]:
        raise PracticeError(_l("This is needed."), "title")
    if not clean["summary"]:
        raise PracticeError(_l("This is needed."), "summary")
    if len(clean["title"]) > LIMITS["title"]:
        raise PracticeError(_l("This is too long."), "title")
    for name in TEXT_FIELDS:
        if len(clean[name]) > LIMITS["text"]:
            raise PracticeError(_l("This is too long."), name)
    return clean


def create_practice(actor, data: PracticeInput, english: dict) -> GoodPractice:
    """A new practice with its English text (the text every other language falls back to)."""
    _check(data, None)
    texts = _clean_texts(english)
    practice = GoodPractice(title=texts["title"], summary=texts["summary"])
    _apply(practice, data)
    practice.texts.append(GoodPracticeText(language=ENGLISH, **texts))
    db.session.add(practice)
    db.session.flush()
    record(actor, "practice.create", practice, f"{practice.slug}: {_short(practice.title)}")
    return practice


def update_practice(actor, practice: GoodPractice, data: PracticeInput) -> list[str]:
    """Save the facts, tags and sources; returns the audit lines (empty: nothing changed)."""
    _check(data, practice)
    before = _facts(practice)
    _apply(practice, data)
    db.session.flush()
    changes = _changes(before, _facts(practice))
    if changes:
        record(actor, "practice.update", practice, "; ".join(changes))
    return changes


def save_text(actor, practice: GoodPractice, language: str, values: dict) -> list[str]:
    """Write the practice's text in one language (new or changed); returns the audit lines."""
    if language not in PUBLIC_CODES:
        raise PracticeError(_l("This language is not offered on the site."))
    texts = _clean_texts(values)
    row = practice.text_in(language)
    before = {name: getattr(row, name) if row else "" for name in TEXT_FIELDS}
    if row is None:
        row = GoodPracticeText(language=language, **texts)
        practice.texts.append(row)
    else:
        for name, value in texts.items():
            setattr(row, name, value)
    if language == ENGLISH:
        practice.title, practice.summary = texts["title"], texts["summary"]
    db.session.flush()
    changes = _changes(before, texts)
    if changes:
        record(actor, "practice.text", practice, f"{language}: " + "; ".join(changes))
    return changes
