"""Open data: the downloads offered at /open-data, each with its licence and a data dictionary.

`DATASETS` lists every download the open-data page shows. A dataset names its fields (the data
dictionary, shown on the page and carried inside the JSON download) and the two functions that
build it as CSV and as JSON; /open-data/<key>.csv and /open-data/<key>.json serve every dataset
listed. To publish another one, append a `Dataset` to `DATASETS`.

The statistics dataset holds the public statistics of every quarter /stats offers, exactly as the
page shows them (see `portal.services.statistics.public`): hidden counts are empty in the CSV and
null in the JSON.

The catalogue dataset holds published practices only, in every language a text exists in: one CSV
row per practice and language, one JSON object per practice with its texts by language. Catalogue
texts are licensed CC BY 4.0; the sources they cite keep their own terms (only their titles and
links are in the data). Cells a spreadsheet would run as formulas are neutralised with a leading
apostrophe in the CSV (never in the JSON).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from portal.models import GoodPractice
from portal.models.practice import TEXT_FIELDS
from portal.services.activities.export import neutralise_cell
from portal.services.catalogue.practices import published_practices
from portal.services.statistics import public as public_statistics

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


KIND_LABELS = {"text": _l("text"), "integer": _l("whole number"), "number": _l("number"), "list of text": _l("list of texts"),
               "list": _l("list of title and web address")}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # a key of KIND_LABELS, as the JSON download states it
    meaning: object  # a lazy translated string

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Dataset:
    key: str  # the file name: /open-data/<key>.csv and .json
    title: object
    description: object
    licence_name: str
    licence_url: str
    fields: tuple[Field, ...]
    build_csv: Callable[[], str]  # the whole CSV file, header first
    build_json: Callable[[str], dict]  # the JSON document; gets the open-data page's address


PRACTICE_FIELDS = (
    Field("slug", "text", _l("Short name of the practice, the same in every language and in its web address.")),
    Field("language", "text", _l("Language of the texts in this row, as a code: en, es, pt, ro, rom (Romani) and so on.")),
    Field("title", "text", _l("Name of the practice.")),
    Field("summary", "text", _l("What it is, in a few sentences.")),
    Field("how_it_works", "text", _l("How it works.")),
    Field("where_it_worked", "text", _l("Where it has worked, and for whom.")),
    Field("how_to_start", "text", _l("How to start: the steps, one per line.")),
    Field("who_is_needed", "text", _l("Who is needed.")),
    Field("costs", "text", _l("What it costs in people and money.")),
    Field("evidence_note", "text", _l("Why the evidence has this strength.")),
    Field("evidence_strength", "text", _l(
        "Strength of the outside evidence: not-assessed, guidance, described, measured or compared "
        "(explained on every practice page).")),
    Field("source_organisation", "text", _l("Who developed or published the practice.")),
    Field("country", "text", _l("Country where it comes from, in English, or International.")),
    Field("year", "integer", _l("Year it started or was published; empty when not known.")),
    Field("tags", "list of text", _l("Topics. In the CSV file they are separated by a semicolon.")),
    Field("sources", "list", _l("Publications about the practice: title and web address. In the CSV file: title <address>, "
                                "separated by a semicolon.")),
)

CSV_COLUMNS = tuple(f.name for f in PRACTICE_FIELDS)


def _sources(practice: GoodPractice) -> list[dict]:
    return [{"title": s.title, "url": s.url} for s in practice.sources]


def practice_record(practice: GoodPractice) -> dict:
    """One practice as the JSON download (and the API's full practice document) shows it."""
    return {
        "slug": practice.slug,
        "evidence_strength": practice.evidence_strength.value,
        "source_organisation": practice.source_organisation,
        "country": practice.country,
        "year": practice.year,
        "tags": practice.tags,
        "sources": _sources(practice),
        "texts": {row.language: {name: getattr(row, name) for name in TEXT_FIELDS}
                  for row in sorted(practice.texts, key=lambda r: r.language)},
    }


def catalogue_json(url_of_page: str) -> dict:
    return {
        "dataset": "practices",
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "described_at": url_of_page,
        "fields": [{"name": f.name, "type": f.kind, "meaning": str(f.meaning)} for f in PRACTICE_FIELDS],
        "practices": [practice_record(p) for p in published_practices()],
    }


def catalogue_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for practice in published_practices():
        common = {
            "slug": practice.slug, "evidence_strength": practice.evidence_strength.value,
            "source_organisation": practice.source_organisation, "country": practice.country,
            "year": "" if practice.year is None else practice.year, "tags": "; ".join(practice.tags),
            "sources": "; ".join(f"{s.title} <{s.url}>" if s.url else s.title for s in practice.sources),
        }
        for row in sorted(practice.texts, key=lambda r: r.language):
            values = common | {"language": row.language} | {name: getattr(row, name) for name in TEXT_FIELDS}
            writer.writerow([neutralise_cell(values[name]) for name in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()  # the BOM makes spreadsheets read UTF-8


CATALOGUE = Dataset(
    key="practices",
    title=_l("Good-practice catalogue"),
    description=_l("Every published good practice, in every language it is written in."),
    licence_name=LICENCE_NAME, licence_url=LICENCE_URL,
    fields=PRACTICE_FIELDS, build_csv=catalogue_csv, build_json=catalogue_json,
)

STATISTICS_FIELDS = (
    Field("quarter", "text", _l("Quarter of the year, for example 2026-Q3 for July to September 2026.")),
    Field("municipality", "text", _l("Short name of the town, or all for every town together.")),
    Field("figure", "text", _l(
        "What is counted: messages (messages from residents received), answered_within_7_days, answered_later_or_not_yet, "
        "treatment_index (how people felt treated, 0 to 100) or activities (activities on the public calendar).")),
    Field("group", "text", _l("For messages: the topic, or all. For activities: the type of activity. Otherwise all.")),
    Field("value", "number", _l("The number. Empty when it is hidden to protect residents, or when there were too few "
                                 "answers for an index.")),
    Field("low", "number", _l("For treatment_index: the low end of its likely range (95 %).")),
    Field("high", "number", _l("For treatment_index: the high end of its likely range (95 %).")),
    Field("note", "text", _l("hidden when the number is hidden; too few answers when an index has fewer than 10; otherwise empty.")),
)


def statistics_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(public_statistics.CSV_COLUMNS)
    writer.writerows(public_statistics.csv_rows())  # slugs, numbers and fixed words: nothing a spreadsheet would run
    return "\ufeff" + buffer.getvalue()


def statistics_json(url_of_page: str) -> dict:
    return {
        "dataset": "statistics",
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "described_at": url_of_page,
        "fields": [{"name": f.name, "type": f.kind, "meaning": str(f.meaning)} for f in STATISTICS_FIELDS],
        "quarters": public_statistics.documents(),
    }


STATISTICS = Dataset(
    key="statistics",
    title=_l("Public statistics"),
    description=_l("Messages from residents by town, topic and quarter, how fast they were answered, how people felt "
                   "treated, and public activities by type: the numbers on the statistics page."),
    licence_name=LICENCE_NAME, licence_url=LICENCE_URL,
    fields=STATISTICS_FIELDS, build_csv=statistics_csv, build_json=statistics_json,
)

DATASETS: list[Dataset] = [STATISTICS, CATALOGUE]


def dataset(key: str) -> Dataset | None:
    return next((d for d in DATASETS if d.key == key), None)
