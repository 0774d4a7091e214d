"""Loading the catalogue, vocabularies and municipalities. Every function is idempotent: it adds
what is missing and leaves what staff have edited alone. Deterministic: the same data in the same
order, whatever the database held before.

For the catalogue "missing" means: a practice, a language's text row, an empty part of a text row
(a database migrated from before texts had parts has only the title and summary), the sources of a
practice that has none, and an evidence rating that was never assessed. Nothing anyone wrote is
overwritten."""

from __future__ import annotations

import re
import unicodedata

from portal.extensions import db
from portal.models import Area, EvidenceStrength, FeedbackCategory, GoodPractice, GoodPracticeText, Municipality, PracticeSource
from portal.models.practice import ENGLISH, TEXT_FIELDS
from portal.services.catalogue.data import MUNICIPALITIES, PRACTICES
from portal.services.catalogue.texts import TEXTS
from portal.vocab import CATEGORIES


def slugify(text: str) -> str:
    """Latin letters lose their accents; other scripts (Cyrillic, Greek) are kept as they are."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", "-", unicodedata.normalize("NFC", stripped)).strip("-_") or "area"


def seed_categories() -> int:
    existing = set(db.session.scalars(db.select(FeedbackCategory.slug)))
    added = 0
    for order, slug in enumerate(CATEGORIES):
        if slug not in existing:
            db.session.add(FeedbackCategory(slug=slug, sort_order=order, is_active=True))
            added += 1
    db.session.flush()
    return added


def seed_practices() -> int:
    existing = {p.slug: p for p in db.session.scalars(db.select(GoodPractice))}
    added = 0
    for entry in PRACTICES:
        practice = existing.get(entry["slug"])
        if practice is None:
            practice = GoodPractice(
                slug=entry["slug"],
                title=entry["title"],
                summary=entry["summary"],
                source_organisation=entry["source_organisation"],
                country=entry["country"],
                year=entry["year"],
                is_published=True,
            )
            practice.set_tags(entry["tags"])
            db.session.add(practice)
            added += 1
        _fill_practice(practice, entry)
    db.session.flush()
    return added


def seed_texts(language: str, slug: str) -> dict[str, str]:
    """The seed's words for one practice in one language (English title and summary from data.py)."""
    words = dict(TEXTS.get(language, {}).get(slug, {}))
    if language == ENGLISH:
        entry = next(e for e in PRACTICES if e["slug"] == slug)
        words.setdefault("title", entry["title"])
        words.setdefault("summary", entry["summary"])
    return words


def _fill_practice(practice: GoodPractice, entry: dict) -> None:
    if practice.evidence_strength in (None, EvidenceStrength.NOT_ASSESSED):
        practice.evidence_strength = EvidenceStrength(entry["evidence"])
    if not practice.sources:
        practice.sources = [PracticeSource(position=n, title=title, url=url)
                            for n, (title, url) in enumerate(entry["sources"])]
    have = {row.language: row for row in practice.texts}
    for language in sorted(TEXTS):
        words = seed_texts(language, entry["slug"])
        if not words.get("title"):
            continue
        row = have.get(language)
        if row is None:
            row = GoodPracticeText(language=language, title=words["title"], summary=words.get("summary", ""))
            practice.texts.append(row)
        for name in TEXT_FIELDS:
            if not getattr(row, name, None) and words.get(name):
                setattr(row, name, words[name])


def seed_municipalities() -> int:
    existing = {m.slug: m for m in db.session.scalars(db.select(Municipality))}
    added = 0
    for entry in MUNICIPALITIES:
        municipality = existing.get(entry["slug"])
        if municipality is None:
            municipality = Municipality(
                slug=entry["slug"], name=entry["name"], country=entry["country"],
                default_language=entry["default_language"], timezone=entry["timezone"], is_active=True,
            )
            db.session.add(municipality)
            added += 1
        have = {a.slug for a in municipality.areas}
        for name in entry["areas"]:
            slug = slugify(name)
            if slug not in have:
                municipality.areas.append(Area(slug=slug, name=name))
    db.session.flush()
    return added


def seed_all() -> dict[str, int]:
    return {
        "categories": seed_categories(),
        "practices": seed_practices(),
        "municipalities": seed_municipalities(),
    }
