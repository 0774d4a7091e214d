"""Loading the catalogue, vocabularies and municipalities. Every function is idempotent: it adds
what is missing and leaves what staff have edited alone."""

from __future__ import annotations

import re
import unicodedata

from portal.extensions import db
from portal.models import Area, FeedbackCategory, GoodPractice, Municipality
from portal.services.catalogue.data import MUNICIPALITIES, PRACTICES
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
    existing = set(db.session.scalars(db.select(GoodPractice.slug)))
    added = 0
    for entry in PRACTICES:
        if entry["slug"] in existing:
            continue
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
    db.session.flush()
    return added


def seed_municipalities() -> int:
    existing = {m.slug: m for m in db.session.scalars(db.select(Municipality))}
    added = 0
    for entry in MUNICIPALITIES:
        municipality = existing.get(entry["slug"])
        if municipality is None:
            municipality = Municipality(
                slug=entry["slug"], name=entry["name"], country=entry["country"],
                default_language=entry["default_language"], is_active=True,
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
