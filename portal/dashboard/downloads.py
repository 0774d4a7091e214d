"""Every dashboard figure as a CSV table, with the page's filters. Column names are stable English
keys: a download is data for a spreadsheet or a report, read the same in every language. Cells that
a spreadsheet would run as a formula are neutralised; indices have one decimal, and are left empty
below the minimum number of answers (where the page says "too few to say")."""

from __future__ import annotations

import csv
import io

from portal.models.rollup import DAY_RANGES
from portal.services.activities.export import neutralise_cell
from portal.services.statistics.index import Index


def csv_text(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[neutralise_cell(cell) for cell in row] for row in rows])
    return "\ufeff" + buffer.getvalue()  # the BOM makes spreadsheets read UTF-8


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _index_cells(index: Index) -> list:
    return [index.n, _number(index.value), _number(index.low), _number(index.high)]


INDEX_HEADER = ["answers", "index (0-100)", "95% interval, low", "95% interval, high"]


def volume(data) -> list[list]:
    v = data["volume"]
    rows = [["month", "category", "feedback"]]
    for category_id, counts in sorted(v.by_category.items(), key=lambda kv: data["categories"][kv[0]].sort_order):
        rows += [[m.isoformat()[:7], data["categories"][category_id].slug, n] for m, n in zip(v.months, counts, strict=True)]
    rows += [[m.isoformat()[:7], "rumour reports", n] for m, n in zip(v.months, v.rumour_reports, strict=True)]
    return rows


def treatment(data) -> list[list]:
    rows = [["municipality", "month"] + INDEX_HEADER]
    for series in [data["together"], *data["each"]]:
        name = series.label or "All municipalities in the filter"
        rows += [[name, m.isoformat()[:7], *_index_cells(point)] for m, point in zip(series.months, series.points, strict=True)]
    return rows


def treatment_groups(data) -> list[list]:
    rows = [["group", "value"] + INDEX_HEADER]
    rows += [["category", c.slug, *_index_cells(i)] for c, i in data["by_category"]]
    rows += [["police body", p.value, *_index_cells(i)] for p, i in data["by_police"]]
    rows += [["gender", g.value if g else "not given", *_index_cells(i)] for g, i in data["by_gender"]]
    return rows


def answering(data) -> list[list]:
    a = data["answering"]
    rows = [["measure", "days", "items"], ["received", "", a.received]]
    for (low, high), acknowledged, answered in zip(DAY_RANGES, a.acknowledged_by_range, a.answered_by_range, strict=True):
        days = f"{low}-{high}" if high is not None else f"{low}+"
        rows += [["acknowledged", days, acknowledged], ["first answered", days, answered]]
    for status, by_age in a.open_by_status_and_age.items():
        rows += [[f"open: {status}", label, n] for label, n in zip(("0-7", "8-30", "31-90", "91+"), by_age, strict=True)]
    rows.append(["unread messages from residents", "", a.unread])
    return rows


def activities(data) -> list[list]:
    f = data["activities"]
    rows = [["month", "type", "activities"]]
    for kind, counts in f.by_type.items():
        rows += [[m.isoformat()[:7], kind.value, n] for m, n in zip(f.months, counts, strict=True)]
    rows += [["all", "participants (estimate)", f.participants], ["all", "of whom Roma (estimate)", f.roma],
             ["all", "with a Roma mediator", f.with_mediator], ["all", "with interpretation", f.with_interpretation],
             ["all", "follow-ups open", f.follow_ups_open], ["all", "follow-ups overdue", f.follow_ups_overdue]]
    return rows


def practices(data) -> list[list]:
    rows = [["rank", "good practice", "comparison", "municipality", "first activity",
             "answers, first group", "index, first group", "answers, second group", "index, second group",
             "difference", "95% interval, low", "95% interval, high"]]
    for rank, e in enumerate(data["evidence"], start=1):
        d = e.with_without
        rows.append([rank, e.practice.slug, "applied in the previous 6 months / not", "", "",
                     d.first.n, _number(d.first.value), d.second.n, _number(d.second.value), _number(d.value),
                     _number(d.low), _number(d.high)])
        for row in e.before_after:
            town = row.municipality.slug if row.municipality else "all"
            first = row.first_month.isoformat()[:7] if row.first_month else ""
            rows.append([rank, e.practice.slug, "6 months after / 6 months before", town, first,
                         row.after.n, _number(row.after.value), row.before.n, _number(row.before.value),
                         _number(row.change.value), _number(row.change.low), _number(row.change.high)])
    return rows


def rumours(data) -> list[list]:
    r = data["rumours"]
    rows = [["rumour", "status", "month", "reports"]]
    for rumour, counts in r.rows:
        title, status = (rumour.title, rumour.status.value) if rumour else ("not grouped yet", "")
        rows += [[title, status, m.isoformat()[:7], n] for m, n in zip(r.months, counts, strict=True)]
    return rows


FIGURES = {"volume": volume, "treatment": treatment, "treatment-groups": treatment_groups, "answering": answering,
           "activities": activities, "practices": practices, "rumours": rumours}
