"""How activity changes read in the audit log: field names, and old → new for short values.

Long texts (objectives, outcomes...) are only named: the log is for accountability, not a copy of
every version.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from portal.models import Activity, FollowUp

SIMPLE_FIELDS = ("type", "title", "starts_at", "ends_at", "format", "organising_unit", "officers_count",
                 "participants_count", "women_count", "roma_count", "languages", "interpretation_provided",
                 "mediator_present", "is_public")
TEXT_FIELDS = ("partner_organisations", "objectives", "outcomes", "public_summary")


def snapshot(activity: Activity) -> dict:
    snap = {name: getattr(activity, name) for name in SIMPLE_FIELDS + TEXT_FIELDS}
    snap["municipality"] = activity.municipality.name if activity.municipality else None
    snap["area"] = activity.area.name if activity.area else None
    snap["practices"] = {p.title for p in activity.practices}
    snap["topics"] = {t.slug for t in activity.topics}
    return snap


def diff(before: dict, after: dict) -> list[str]:
    lines = []
    for name, old in before.items():
        new = after[name]
        if old == new:
            continue
        if name in TEXT_FIELDS:
            lines.append(f"{name}: changed")
        elif isinstance(old, set):
            parts = [f"+ {v}" for v in sorted(new - old)] + [f"− {v}" for v in sorted(old - new)]
            lines.append(f"{name}: " + ", ".join(parts))
        else:
            lines.append(f"{name}: {show(old)} → {show(new)}")
    return lines


def show(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "value"):
        return str(value.value)
    return f'"{value}"' if isinstance(value, str) else str(value)


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[:limit - 1]}…"'


def follow_up_line(item: FollowUp) -> str:
    parts = [short(item.description)]
    if item.responsible:
        parts.append(f"who: {item.responsible}")
    if item.due_on:
        parts.append(f"due: {item.due_on.isoformat()}")
    parts.append(f"status: {item.status.value}")
    return "; ".join(parts)
