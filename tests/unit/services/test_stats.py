"""Small-count suppression: no shown count from 1 to threshold - 1, and no hidden entry can be
worked out from the totals, not even by adding and subtracting several rows and columns.

The checks here do not reuse the module's algebra: for every hidden entry they look for another
table of non-negative whole numbers that matches everything shown but differs in that entry. If
one exists, whoever reads the table cannot know the hidden value."""

from __future__ import annotations

import random

import pytest

from portal.services.stats import (
    determined,
    suppress_breakdown,
    suppress_count,
    suppress_table,
    suppress_table_and_breakdown,
)

THRESHOLD = 5


# --- an independent checker -------------------------------------------------------------------

def _closed_table(cells):
    """The table with its totals as an (r+1) x (c+1) grid: last column row totals, last row
    column totals, corner the grand total. Returns the grid and its equations (parts, total)."""
    n_rows, n_cols = len(cells), len(cells[0])
    grid = [list(row) + [sum(row)] for row in cells]
    grid.append([sum(cells[r][c] for r in range(n_rows)) for c in range(n_cols)] + [sum(map(sum, cells))])
    equations = []
    for r in range(n_rows + 1):
        equations.append(([(r, c) for c in range(n_cols)], (r, n_cols)))
    for c in range(n_cols + 1):
        equations.append(([(r, c) for r in range(n_rows)], (n_rows, c)))
    return grid, equations


def _shown_grid(table):
    grid = [list(row) + [total] for row, total in zip(table.cells, table.row_totals)]
    grid.append(list(table.column_totals) + [table.total])
    return grid


def _another_table_differs_at(target, hidden, values, equations):
    """Is there an integer change v (each entry -1, 0 or 1, zero on shown entries) with v[target] = 1,
    every equation still balanced and every entry still >= 0? Depth-first search with pruning."""
    order = sorted(hidden, key=lambda k: (k != target, repr(k)))
    related = {k: [e for e in equations if k in e[0] or k == e[1]] for k in order}
    change = {}

    def balance(equation):
        parts, total = equation
        known = sum(change.get(p, 0) for p in parts) - change.get(total, 0)
        open_ = sum(1 for p in (*parts, total) if p in hidden and p not in change)
        return known, open_

    def search(i):
        if i == len(order):
            return True
        k = order[i]
        choices = (1,) if k == target else (0, 1, -1)
        for step in choices:
            if values[k] + step < 0:
                continue
            change[k] = step
            if all(abs(known) <= open_ for known, open_ in map(balance, related[k])) and search(i + 1):
                return True
            del change[k]
        return False

    return search(0)


def _assert_protected(values, hidden, equations, threshold):
    for key, value in values.items():
        if key not in hidden:
            assert not 0 < value < threshold, f"{key}={value} is shown"
    for key in hidden:
        assert _another_table_differs_at(key, hidden, values, equations), f"{key} can be worked out"


def _check_table(cells, threshold=THRESHOLD):
    table = suppress_table(cells, threshold)
    grid, equations = _closed_table(cells)
    shown = _shown_grid(table)
    values, hidden = {}, set()
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            values[(r, c)] = value
            if shown[r][c] is None:
                hidden.add((r, c))
            else:
                assert shown[r][c] == value, "a shown entry must be the true count"
    _assert_protected(values, hidden, equations, threshold)
    assert all(_on_a_cycle(entry, hidden) for entry in hidden)  # both checks agree
    return table


def _check_breakdown(counts, threshold=THRESHOLD):
    result = suppress_breakdown(counts, threshold)
    values = dict(enumerate(counts)) | {-1: sum(counts)}
    shown = dict(enumerate(v for _key, v in result.items)) | {-1: result.total}
    hidden = {k for k, v in shown.items() if v is None}
    for k, v in shown.items():
        assert v is None or v == values[k]
    _assert_protected(values, hidden, [(list(range(len(counts))), -1)], threshold)
    return result


def _on_a_cycle(entry, hidden):
    """Second, graph-based check for big tables. In the grid with its totals, each entry links its
    row to its column. Changing hidden entries by +1, -1, +1... around a closed loop of hidden
    entries keeps every sum right, so an entry on such a loop cannot be worked out; one that is on
    no loop (a bridge) can. Is `entry` on a loop of hidden entries?"""
    (r0, c0) = entry
    links = {}
    for r, c in hidden - {entry}:
        links.setdefault(("row", r), set()).add(("col", c))
        links.setdefault(("col", c), set()).add(("row", r))
    seen, todo = {("row", r0)}, [("row", r0)]
    while todo:
        node = todo.pop()
        for other in links.get(node, ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return ("col", c0) in seen


def _random_count(rng):
    return rng.choice([0, 0, rng.randint(1, 4), rng.randint(1, 4), rng.randint(5, 12), rng.randint(5, 60)])


# --- one-way breakdowns ---------------------------------------------------------------------

def test_small_counts_are_hidden_and_zeros_are_shown():
    result = _check_breakdown([0, 3, 40, 50])
    assert [v for _k, v in result.items] == [0, None, None, 50]
    assert result.total == 93
    assert result.has_hidden


def test_the_complement_is_the_smallest_non_zero_count_not_a_zero():
    result = _check_breakdown([0, 2, 9, 30, 0])
    assert [v for _k, v in result.items] == [0, None, None, 30, 0]


def test_two_small_counts_protect_each_other():
    result = _check_breakdown([2, 3, 40])
    assert [v for _k, v in result.items] == [None, None, 40]
    assert result.total == 45


def test_a_small_total_is_hidden_with_every_count_in_it():
    result = _check_breakdown([1, 2, 0])
    assert result.total is None
    assert [v for _k, v in result.items] == [None, None, 0]


def test_a_single_non_zero_count_equal_to_the_total_is_hidden_with_the_total():
    result = _check_breakdown([0, 3, 0])
    assert result.total is None and result.get(1) is None


def test_nothing_to_hide():
    result = _check_breakdown([5, 0, 12])
    assert not result.has_hidden
    assert result.total == 17


def test_breakdown_accepts_a_mapping_and_keeps_keys_in_order():
    result = suppress_breakdown({"respect": 7, "listening": 2, "positive": 9}, THRESHOLD)
    assert [k for k, _v in result.items] == ["respect", "listening", "positive"]
    assert result.get("listening") is None and result.get("respect") is None and result.get("positive") == 9


@pytest.mark.parametrize("seed", range(40))
def test_random_breakdowns_are_protected(seed):
    rng = random.Random(seed)
    counts = [_random_count(rng) for _ in range(rng.randint(1, 8))]
    _check_breakdown(counts)
    _check_breakdown(counts, threshold=10)


# --- two-way tables -------------------------------------------------------------------------

def test_table_hides_a_small_cell_and_enough_others_in_its_row_and_column():
    table = _check_table([[3, 20, 30], [40, 50, 60]])
    assert table.cells[0][0] is None
    assert sum(v is None for v in table.cells[0]) >= 2
    assert sum(table.cells[r][0] is None for r in range(2)) >= 2
    assert table.total == 203


BRIDGE_SMALL = {(0, 0): 1, (0, 1): 2, (1, 0): 3, (1, 1): 4, (1, 2): 2, (2, 2): 1, (2, 3): 3, (3, 2): 4, (3, 3): 2}


def _bridge_table():
    cells = [[50] * 4 for _ in range(4)]
    for (r, c), v in BRIDGE_SMALL.items():
        cells[r][c] = v
    return cells


def test_two_hidden_cells_per_line_is_not_enough():
    """Each row and column of the small counts below holds two or more of them, so 'every line has
    two hidden cells' would seem safe. But row 1 + row 2 - column 1 - column 2 gives the cell in
    row 2, column 3 exactly: hiding only the small counts would give it away."""
    index = {(r, c): r * 4 + c for r in range(4) for c in range(4)}
    rows = [{index[(r, c)]: 1 for c in range(4)} | {100 + r: -1} for r in range(4)]
    rows += [{index[(r, c)]: 1 for r in range(4)} | {200 + c: -1} for c in range(4)]
    assert determined({index[k] for k in BRIDGE_SMALL}, rows) == {index[(1, 2)]}


def test_a_cell_recoverable_across_several_rows_and_columns_gets_protected():
    table = _check_table(_bridge_table())
    assert all(table.cells[r][c] is None for r, c in BRIDGE_SMALL)
    hidden_big = [(r, c) for r in range(4) for c in range(4) if (r, c) not in BRIDGE_SMALL and table.cells[r][c] is None]
    assert hidden_big, "at least one more cell must be hidden"


def test_small_totals_are_hidden():
    table = _check_table([[1, 0], [2, 0], [30, 40]])
    assert table.row_totals[0] is None and table.row_totals[1] is None
    assert table.column_totals[1] == 40


def test_all_zero_table_shows_zeros():
    table = _check_table([[0, 0], [0, 0]])
    assert table.cells == [[0, 0], [0, 0]] and table.total == 0 and not table.has_hidden


def test_tiny_table_hides_everything_but_zeros():
    table = _check_table([[1, 0], [0, 2]])
    assert table.total is None
    assert table.cells == [[None, 0], [0, None]]


def test_one_row_table():
    table = _check_table([[3, 0, 20, 30]])
    assert table.cells[0][0] is None


@pytest.mark.parametrize("seed", range(60))
def test_random_tables_are_protected(seed):
    rng = random.Random(1000 + seed)
    n_rows, n_cols = rng.randint(1, 4), rng.randint(1, 4)
    cells = [[_random_count(rng) for _ in range(n_cols)] for _ in range(n_rows)]
    _check_table(cells)


@pytest.mark.parametrize("seed", range(25))
def test_a_year_by_five_answers_table_is_protected(seed):
    """The size the officers' home shows: twelve months by five answers, checked with the loop test."""
    rng = random.Random(9000 + seed)
    cells = [[_random_count(rng) for _ in range(5)] for _ in range(12)]
    table = suppress_table(cells, THRESHOLD)
    grid, _equations = _closed_table(cells)
    shown = _shown_grid(table)
    hidden = {(r, c) for r, row in enumerate(shown) for c, v in enumerate(row) if v is None}
    for r, row in enumerate(shown):
        for c, v in enumerate(row):
            assert v is None or (v == grid[r][c] and not 0 < v < THRESHOLD)
    for entry in hidden:
        assert grid[entry[0]][entry[1]] > 0, "only non-zero entries are hidden"
        assert _on_a_cycle(entry, hidden), f"{entry} can be worked out"


@pytest.mark.parametrize("seed", range(10))
def test_random_tables_at_the_public_threshold(seed):
    rng = random.Random(5000 + seed)
    cells = [[rng.choice([0, rng.randint(1, 9), rng.randint(10, 40)]) for _ in range(3)] for _ in range(3)]
    _check_table(cells, threshold=10)


def test_same_input_same_pattern():
    cells = [[3, 7, 0, 12], [1, 30, 8, 2], [9, 4, 40, 6]]
    assert suppress_table(cells, THRESHOLD) == suppress_table(cells, THRESHOLD)


def test_rejects_negative_counts_and_ragged_rows():
    with pytest.raises(ValueError):
        suppress_breakdown([3, -1], THRESHOLD)
    with pytest.raises(ValueError):
        suppress_table([[1, 2], [3]], THRESHOLD)


def test_single_count():
    assert suppress_count(0, THRESHOLD) == 0
    assert suppress_count(4, THRESHOLD) is None
    assert suppress_count(5, THRESHOLD) == 5


# --- a table and a breakdown of the same people ---------------------------------------------

def _people(rng, n, rows, cols, groups):
    return [(rng.randrange(rows), rng.randrange(cols), rng.randrange(groups)) for _ in range(n)]


@pytest.mark.parametrize("seed", range(30))
def test_a_table_and_a_breakdown_of_the_same_people_are_protected_together(seed):
    """Answers by month and the same answers by category share their grand total: the check
    treats both as one system of sums."""
    rng = random.Random(7000 + seed)
    n_rows, n_cols, n_groups = rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 4)
    people = _people(rng, rng.choice([3, 8, 15, 30]), n_rows, n_cols, n_groups)
    cells = [[sum(1 for p in people if p[:2] == (r, c)) for c in range(n_cols)] for r in range(n_rows)]
    counts = [(g, sum(1 for p in people if p[2] == g)) for g in range(n_groups)]
    table, breakdown = suppress_table_and_breakdown(cells, counts, THRESHOLD)

    grid, equations = _closed_table(cells)
    corner = (n_rows, n_cols)
    values, hidden = {}, set()
    shown = _shown_grid(table)
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            values[(r, c)] = value
            if shown[r][c] is None:
                hidden.add((r, c))
    for g, count in counts:
        values[("group", g)] = count
        if breakdown.get(g) is None:
            hidden.add(("group", g))
        else:
            assert breakdown.get(g) == count
    assert breakdown.total == table.total
    equations.append(([("group", g) for g, _count in counts], corner))
    _assert_protected(values, hidden, equations, THRESHOLD)


def test_a_table_and_a_breakdown_must_count_the_same_people():
    with pytest.raises(ValueError):
        suppress_table_and_breakdown([[3, 4]], [("a", 6)], THRESHOLD)
