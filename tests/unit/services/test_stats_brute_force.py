"""Small-count suppression checked by brute force, the way a determined reader would attack it.

For small random tables, every table of whole numbers that matches what is shown is listed: shown
entries fixed, hidden entries free. A reader knows more than "hidden entries are >= 0": zeros are
always shown, so every hidden entry is at least 1. The lists here use that bound (they are a subset
of the tables with hidden entries >= 0, so passing here means passing there too). Every hidden entry
must take at least two different values across those tables, and no shown entry may be 1..4.

The enumeration shares nothing with the module: it goes row by row and keeps, for each set of
column sums reached so far, how it got there."""

from __future__ import annotations

import random

import pytest

from portal.services.statistics.suppression import (
    _TableSystem,
    exposed,
    suppress_breakdown,
    suppress_table,
    suppress_table_and_breakdown,
)

THRESHOLD = 5
CAP = 12  # largest value tried for a hidden entry that no shown total bounds (true values are 0..7)
LOW = 1  # what a reader knows about a hidden entry


def _room(total, line):
    """The most a hidden entry of `line` can be when the line adds up to the shown `total`: the
    total minus the shown entries, minus at least LOW for each other hidden entry."""
    if total is None:
        return CAP
    return total - sum(v for v in line if v is not None) - LOW * (sum(v is None for v in line) - 1)


def _domain(table, r, c):
    if table.cells[r][c] is not None:
        return [table.cells[r][c]]
    top = min(CAP, _room(table.row_totals[r], table.cells[r]), _room(table.column_totals[c], [row[c] for row in table.cells]),
              _room(table.total, [v for row in table.cells for v in row]))
    return list(range(LOW, top + 1))


def _fits(shown, value):
    return value == shown if shown is not None else value >= LOW


def table_solutions(table, grand_values_allowed=None):
    """{entry: set of values it takes} over all tables matching `table` (None = hidden). Entries:
    ("cell", r, c), ("row", r), ("col", c), ("total",). `grand_values_allowed` narrows the grand
    total (a breakdown of the same people may pin it down). Cell by cell, row by row; a state is
    (column sums so far, sum of the current row so far)."""
    n_rows, n_cols = len(table.cells), len(table.cells[0])
    order = [(r, c) for r in range(n_rows) for c in range(n_cols)]
    least = [table.cells[r][c] if table.cells[r][c] is not None else LOW for r, c in order]
    # The least the cells after position k still add: to the whole table, to column c, to the row.
    rest_all = [sum(least[k + 1:]) for k in range(len(order))]
    rest_col = [sum(least[j] for j in range(k + 1, len(order)) if order[j][1] == order[k][1]) for k in range(len(order))]
    rest_row = [sum(least[j] for j in range(k + 1, len(order)) if order[j][0] == order[k][0]) for k in range(len(order))]

    def possible(limit, so_far, rest):
        return limit is None or so_far + rest <= limit

    layers = [{((0,) * n_cols, 0): []}]
    for k, (r, c) in enumerate(order):
        layer = {}
        for state in layers[-1]:
            columns, row_sum = state
            for v in _domain(table, r, c):
                new_columns = columns[:c] + (columns[c] + v,) + columns[c + 1:]
                new_row = row_sum + v
                if not (possible(table.column_totals[c], new_columns[c], rest_col[k])
                        and possible(table.row_totals[r], new_row, rest_row[k])
                        and possible(table.total, sum(new_columns), rest_all[k])):
                    continue
                row_total = None
                if c == n_cols - 1:
                    if not _fits(table.row_totals[r], new_row):
                        continue
                    row_total, new_row = new_row, 0
                layer.setdefault((new_columns, new_row), []).append((state, v, row_total))
        layers.append(layer)
    good = {s for s in layers[-1]
            if all(_fits(table.column_totals[c], s[0][c]) for c in range(n_cols)) and _fits(table.total, sum(s[0]))
            and (grand_values_allowed is None or sum(s[0]) in grand_values_allowed)}
    values: dict[tuple, set[int]] = {}
    for columns, _row in good:
        for c in range(n_cols):
            values.setdefault(("col", c), set()).add(columns[c])
        values.setdefault(("total",), set()).add(sum(columns))
    for k in range(len(order), 0, -1):
        r, c = order[k - 1]
        previous = set()
        for s in good:
            for state, v, row_total in layers[k][s]:
                previous.add(state)
                values.setdefault(("cell", r, c), set()).add(v)
                if row_total is not None:
                    values.setdefault(("row", r), set()).add(row_total)
        good = previous
    return values


def breakdown_totals(items, total_shown, candidates):
    """The totals among `candidates` that the breakdown allows, and {index: values} of its parts."""
    shown_sum = sum(v for v in items if v is not None)
    n_hidden = sum(v is None for v in items)
    allowed, parts = set(), {}
    for total in candidates:
        if not _fits(total_shown, total):
            continue
        rest = total - shown_sum
        if n_hidden == 0 and rest != 0 or n_hidden and rest < LOW * n_hidden:
            continue
        allowed.add(total)
        for i, v in enumerate(items):
            if v is None:
                # Each hidden part takes any value leaving at least LOW for each of the others.
                top = rest - LOW * (n_hidden - 1)
                parts.setdefault(i, set()).update(range(LOW, min(top, CAP) + 1))
    return allowed, parts


def _random_cells(rng, n_rows, n_cols):
    return [[rng.choice([0, rng.randint(0, 7), rng.randint(1, 4), rng.randint(4, 7)]) for _ in range(n_cols)]
            for _ in range(n_rows)]


def _assert_table_is_safe(cells, table, values):
    truth = {("cell", r, c): v for r, row in enumerate(cells) for c, v in enumerate(row)}
    truth |= {("row", r): sum(row) for r, row in enumerate(cells)}
    truth |= {("col", c): sum(col) for c, col in enumerate(zip(*cells, strict=False))}
    truth[("total",)] = sum(map(sum, cells))
    shown = {("cell", r, c): v for r, row in enumerate(table.cells) for c, v in enumerate(row)}
    shown |= {("row", r): v for r, v in enumerate(table.row_totals)}
    shown |= {("col", c): v for c, v in enumerate(table.column_totals)}
    shown[("total",)] = table.total
    for entry, value in shown.items():
        if value is None:
            assert truth[entry] > 0, f"{entry}: only non-zero counts are hidden (the reader relies on it)"
            assert len(values.get(entry, ())) >= 2, f"{entry}={truth[entry]} can be worked out: {values.get(entry)}"
        else:
            assert value == truth[entry]
            assert not 0 < value < THRESHOLD, f"{entry}={value} is shown"
    assert all(truth[entry] in values[entry] for entry in truth), "the true table must be among the solutions"


def test_the_reviewers_example_no_longer_gives_two_ones_away():
    """Shown [[–,–],[6,6],[–,–]] with column total 8 used to reveal both hidden cells of that column
    (they add up to 2 and each is at least 1)."""
    cells = [[3, 1], [6, 6], [3, 1]]
    table = suppress_table(cells, THRESHOLD)
    _assert_table_is_safe(cells, table, table_solutions(table))


def test_a_row_with_shown_zeros_no_longer_gives_ones_away():
    """This table used to show the middle row as [0, 0, –, 9, –] with total 11: two hidden counts
    adding up to 2, so both were 1."""
    cells = [[2, 1, 6, 2, 1], [0, 0, 1, 9, 1], [0, 6, 1, 5, 0]]
    table = suppress_table(cells, THRESHOLD)
    assert table.cells[1][:2] == [0, 0]
    _assert_table_is_safe(cells, table, table_solutions(table))


@pytest.mark.parametrize("shape", [(3, 3), (2, 4)])
def test_every_table_matching_what_is_shown_leaves_each_hidden_count_open(shape):
    rng = random.Random(f"brute-{shape}")
    for _ in range(150):
        cells = _random_cells(rng, *shape)
        table = suppress_table(cells, THRESHOLD)
        _assert_table_is_safe(cells, table, table_solutions(table))


def test_a_table_and_a_breakdown_of_the_same_people_by_brute_force():
    rng = random.Random("brute-breakdown")
    for _ in range(120):
        cells = _random_cells(rng, 2, 3)
        total = sum(map(sum, cells))
        groups = [0] * 3
        for _person in range(total):
            groups[rng.choice([0, 0, 1, 2])] += 1
        table, breakdown = suppress_table_and_breakdown(cells, list(enumerate(groups)), THRESHOLD)
        items = [v for _key, v in breakdown.items]
        assert breakdown.total == table.total
        everything = table_solutions(table)
        allowed, parts = breakdown_totals(items, breakdown.total, everything.get(("total",), set()))
        values = table_solutions(table, allowed)
        _assert_table_is_safe(cells, table, values)
        for i, v in enumerate(items):
            if v is None:
                assert groups[i] > 0 and len(parts.get(i, ())) >= 2, (groups, items, parts)
            else:
                assert v == groups[i] and not 0 < v < THRESHOLD


def test_breakdowns_by_brute_force():
    rng = random.Random("brute-one-way")
    for _ in range(300):
        counts = [rng.choice([0, rng.randint(1, 4), rng.randint(0, 9)]) for _ in range(rng.randint(1, 5))]
        result = suppress_breakdown(counts, THRESHOLD)
        items = [v for _key, v in result.items]
        candidates = range(0, CAP * len(counts) + 1)
        allowed, parts = breakdown_totals(items, result.total, candidates)
        assert sum(counts) in allowed
        if result.total is None:
            assert sum(counts) > 0 and len(allowed) >= 2
        for i, v in enumerate(items):
            if v is None:
                assert counts[i] > 0 and len(parts[i]) >= 2, (counts, items)
            else:
                assert v == counts[i] and not 0 < v < THRESHOLD


def test_the_audit_agrees_with_brute_force_on_any_pattern():
    """`exposed` (the module's audit) names exactly the hidden entries that take one value only
    across every table a reader could think of, for random patterns of hidden non-zero entries."""
    rng = random.Random("audit")
    for _ in range(200):
        n_rows, n_cols = rng.choice([(2, 3), (3, 2), (3, 3)])
        cells = _random_cells(rng, n_rows, n_cols)
        system = _TableSystem.of(cells)
        non_zero = [i for i, v in enumerate(system.values) if v > 0]
        hidden = set(rng.sample(non_zero, min(len(non_zero), rng.randint(0, 6))))
        table = system.table(hidden, THRESHOLD)
        values = table_solutions(table)
        names = {system.cell(r, c): ("cell", r, c) for r in range(n_rows) for c in range(n_cols)}
        names |= {system.row_total(r): ("row", r) for r in range(n_rows)}
        names |= {system.column_total(c): ("col", c) for c in range(n_cols)}
        names[system.grand] = ("total",)
        one_value = {i for i in hidden if len(values[names[i]]) == 1}
        assert exposed(hidden, system.values, system.edges) == one_value, (cells, table)
