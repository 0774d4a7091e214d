"""Formula neutralisation: no cell of an export can run as a spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pytest

from portal.services.activities.export import FORMULA_STARTS, export_activities, export_rows, neutralise_cell
from portal.services.activities.log import ActivityFilters
from tests import factories


@pytest.mark.parametrize("value", [
    "=1+1", "+31 20 555", "-2+3", "@SUM(A1:A2)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"http://x\",\"click\")",
    "＝1+1", "＋1", "－1", "＠SUM(A1)",
])
def test_dangerous_starts_get_an_apostrophe(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize(("value", "expected"), [
    ("Meeting", "Meeting"), ("a=b", "a=b"), ("1-2", "1-2"), ("", ""), (None, ""), (12, "12"), (0, "0"),
    (" =not a formula start", " =not a formula start"), ("'already quoted", "'already quoted"),
])
def test_safe_values_are_kept(value, expected):
    assert neutralise_cell(value) == expected


def test_negative_numbers_are_text_too():
    assert neutralise_cell(-5) == "'-5"


def test_every_exported_cell_is_safe_after_a_csv_round_trip(app):
    moderator = factories.user("moderator")
    factories.activity(title="=cmd|' /C calc'!A0", organising_unit="+unit", languages="@lang",
                       objectives="-1", outcomes="\tTab", public_summary="\r\nCR", partner_organisations="=A1\n=A2")
    export = export_activities(moderator, ActivityFilters())
    text = io.StringIO()
    csv.writer(text).writerows([export.header, *export_rows(export, 0)])
    rows = list(csv.reader(io.StringIO(text.getvalue())))
    assert len(rows) == 2
    for cell in rows[1]:
        assert not cell.startswith(FORMULA_STARTS), cell
    assert "'=cmd|' /C calc'!A0" in rows[1]
    assert "'=A1\n=A2" in rows[1]
