"""The activity list as CSV, for reports: same filters and scope as the list on screen.

Every cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
return, or their full-width forms) gets a leading apostrophe, so a title like "=HYPERLINK(...)"
stays text.

Rows are read in batches by offset. Each batch runs on its own, so the response can be streamed
after the request has ended without holding a database cursor (or any context) open between
batches. Labels are resolved up front, in the language of the person exporting.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select
from sqlalchemy.orm import joinedload, selectinload

from portal.extensions import db
from portal.models import Activity, FeedbackCategory
from portal.services.activities.history import show
from portal.services.activities.log import ActivityFilters, activity_query, open_follow_up_count, scope_of
from portal.services.audit import record
from portal.vocab import ActivityFormat, ActivityType

# Spreadsheets run a cell that starts with one of these as a formula (full-width forms included).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

COLUMNS = (
    _l("Number"), _l("Municipality"), _l("Area"), _l("Type"), _l("Title"), _l("Start"), _l("End"), _l("Format"),
    _l("Organising unit"), _l("Partner organisations"), _l("Officers"), _l("Participants"), _l("Women among them"),
    _l("Roma among them"), _l("Languages"), _l("Interpretation"), _l("Mediator present"), _l("Topics"),
    _l("Good practices"), _l("Objectives"), _l("Outcomes"), _l("Public summary"), _l("Public"),
    _l("Feedback code"), _l("Open follow-ups"),
)
BATCH = 500


def neutralise_cell(value) -> str:
    """A cell as text that no spreadsheet runs as a formula: a leading apostrophe when needed."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class CsvExport:
    header: list[str]
    query: Select
    labels: dict


def export_activities(user, filters: ActivityFilters) -> CsvExport:
    """Prepare the export of `user`'s filtered list and write it to the audit log."""
    scope = scope_of(user)
    record(user, "activity.export", None, _summary(filters, scope), object_type="activity")
    labels = {
        "type": {kind: str(kind.label) for kind in ActivityType},
        "format": {kind: str(kind.label) for kind in ActivityFormat},
        "topic": {c.id: str(c.label) for c in db.session.scalars(db.select(FeedbackCategory))},
        "yes": str(_l("yes")), "no": str(_l("no")),
    }
    return CsvExport(header=[neutralise_cell(str(label)) for label in COLUMNS],
                     query=activity_query(user, filters), labels=labels)


def export_rows(export: CsvExport, offset: int, limit: int = BATCH) -> list[list[str]]:
    """One batch of rows, every cell neutralised (runs in whatever session is current)."""
    query = export.query.options(
        joinedload(Activity.area), joinedload(Activity.municipality), selectinload(Activity.practices),
        selectinload(Activity.topics), selectinload(Activity.follow_ups),
    ).offset(offset).limit(limit)
    return [[neutralise_cell(value) for value in _values(activity, export.labels)]
            for activity in db.session.scalars(query)]


def _summary(filters: ActivityFilters, scope: int | None) -> str:
    municipality = scope if scope is not None else filters.municipality_id
    parts = [f"municipality: {municipality if municipality is not None else 'all'}"]
    for name in ("date_from", "date_to", "type", "area_id", "practice_id", "open_follow_ups", "text"):
        value = getattr(filters, name)
        if value:
            parts.append(f"{name}: {show(value)}")
    return "CSV export; " + "; ".join(parts)


def _values(activity: Activity, labels: dict) -> list:
    def yes_no(value: bool) -> str:
        return labels["yes"] if value else labels["no"]

    return [
        activity.id, activity.municipality.name, activity.area.name if activity.area else "",
        labels["type"][activity.type], activity.title, activity.starts_at.strftime("%Y-%m-%d %H:%M"),
        activity.ends_at.strftime("%Y-%m-%d %H:%M"), labels["format"][activity.format], activity.organising_unit,
        activity.partner_organisations, activity.officers_count, activity.participants_count,
        activity.women_count, activity.roma_count, activity.languages, yes_no(activity.interpretation_provided),
        yes_no(activity.mediator_present), "; ".join(labels["topic"].get(t.id, t.slug) for t in activity.topics),
        "; ".join(p.title for p in activity.practices), activity.objectives, activity.outcomes,
        activity.public_summary, yes_no(activity.is_public), activity.feedback_code, open_follow_up_count(activity),
    ]
