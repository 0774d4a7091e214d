"""Shared bits of the activity tests: a complete, valid activity form and small page readers."""

from __future__ import annotations

import re

from portal.extensions import db
from portal.models import GoodPractice
from tests import factories
from tests.conftest import get_csrf


def practice_ids(n: int = 2) -> list[int]:
    return list(db.session.scalars(db.select(GoodPractice.id).order_by(GoodPractice.title).limit(n)))


def area_id(municipality_slug: str = "fuenlabrada", index: int = 0) -> int:
    return factories.municipality(municipality_slug).areas[index].id


def activity_form(client, url: str = "/activities/new", **overrides) -> dict:
    """Every field of the activity form, filled in as an officer would; `overrides` replace fields
    (None drops one, as an unticked checkbox)."""
    data = {
        "csrf_token": get_csrf(client, url),
        "type": "partnership-meeting",
        "title": "Monthly meeting with the Roma association",
        "starts_at": "2026-11-03T17:00",
        "ends_at": "2026-11-03T19:00",
        "format": "in-person",
        "area": str(area_id()),
        "topics": [str(factories.category("respect").id), str(factories.category("language").id)],
        "organising_unit": "Community policing unit",
        "partner_organisations": "Roma association\nLegal clinic",
        "officers_count": "3",
        "participants_count": "25",
        "women_count": "12",
        "roma_count": "18",
        "languages": "Romani, Spanish",
        "interpretation_provided": "y",
        "mediator_present": "y",
        "practices": [str(i) for i in practice_ids(2)],
        "objectives": "Hear the month's concerns.",
        "outcomes": "Street lights near the bus stop were the main worry.",
        "public_summary": "Monthly meeting on safety in the neighbourhood.",
        "is_public": "y",
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def section(html: str, element_id: str) -> str:
    """The HTML of the <section id=...> (up to its closing tag; sections are not nested here)."""
    start = html.index(f'id="{element_id}"')
    return html[start:html.index("</section>", start)]


def shown_counts(html: str) -> list[int]:
    """Every number shown as a count in a statistics table."""
    return [int(n.replace(",", "").replace("\u00a0", "")) for n in re.findall(r'<span class="num">([\d,\u00a0]+)</span>', html)]
