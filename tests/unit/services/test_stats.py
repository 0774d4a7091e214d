"""Small-count suppression: no shown count from 1 to threshold - 1, and no hidden entry can be
worked out from the totals, not even by adding and subtracting several rows and columns.

The checks here do not reuse the module's algebra: for every hidden entry they look for another
table of whole numbers that matches everything shown but differs in that entry. If one exists,
whoever reads the table cannot know the hidden value. The other table must respect what a reader
knows: zeros are always shown, so every hidden entry is at least 1 (not merely at least 0).
tests/unit/services/test_stats_brute_force.py lists every such table for small ones."""

from __future__ import annotations

import random

import pytest

from portal.services.statistics.suppression import (
    _TableSystem,
    exposed,
    suppress_breakdown,
    suppress_count,
    suppress_table,
    suppress_table_and_breakdown,
)

THRESHOLD = 5
LOW = 1  # what a reader knows about a hidden entry: zeros are shown, so it is at least 1


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
    grid = [list(row) + [total] for row, total in zip(table.cells, table.row_totals, strict=False)]
    grid.append(list(table.column_totals) + [table.total])
    return grid


def _another_table_differs_at(target, hidden, values, equations):
    """Is there another table, matching every shown entry and every sum, with every hidden entry
    still >= LOW, that differs at `target`? Searched as a reader would by hand: change the target by
    one, then repeatedly take a sum that no longer adds up and change one of its unfixed entries by
    one to mend it (or decide to leave that entry as it is), until every sum adds up again. Entries
    move by at most one: that is enough, since any other table can be reached by such steps."""
    # Each sum as its hidden entries with a sign: a part adds its move, a total takes it away.
    terms = [[(p, 1) for p in parts if p in hidden] + ([(total, -1)] if total in hidden else [])
             for parts, total in equations]
    sums_of = {k: [] for k in hidden}
    for n, t in enumerate(terms):
        for p, _sign in t:
            sums_of[p].append(n)
    can_go_down = {k for k in hidden if values[k] - 1 >= LOW}
    change = {}

    def state(n):
        """(how far sum n is off, its unfixed entries), or None if it can no longer add up."""
        off = low = high = 0
        free = []
        for p, sign in terms[n]:
            if p in change:
                off += sign * change[p]
            else:
                free.append((p, sign))
                down = p in can_go_down
                low -= down if sign > 0 else 1
                high += 1 if sign > 0 else down
        return (off, free) if off + low <= 0 <= off + high else None

    def search():
        # Only a sum with a moved entry can be off.
        moved = {n for k, step in change.items() if step for n in sums_of[k]}
        broken = []
        for n in sorted(moved):
            current = state(n)
            if current is None:
                return False
            if current[0]:
                broken.append((len(current[1]), n, current))
        if not broken:
            return True
        _size, _n, (off, free) = min(broken)
        decided = []
        for k, sign in free:
            step = -sign if off > 0 else sign  # the move of k that brings this sum back towards balance
            if step > 0 or k in can_go_down:
                change[k] = step
                if search():
                    return True
            change[k] = 0  # from now on, leave k as it is
            decided.append(k)
        for k in decided:
            del change[k]
        return False

    for first in (1, -1):
        if first < 0 and target not in can_go_down:
            continue
        change.clear()
        change[target] = first
        if search():
            return True
    return False


def _assert_protected(values, hidden, equations, threshold):
    for key, value in values.items():
        if key not in hidden:
            assert not 0 < value < threshold, f"{key}={value} is shown"
    for key in hidden:
        assert values[key] > 0, f"{key}: only non-zero counts are hidden (a reader relies on it)"
        assert _another_table_differs_at(key, hidden, values, equations), f"{key}={values[key]} can be worked out"


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


def _hidden_indices(system, cells_hidden=(), rows_hidden=(), columns_hidden=(), grand_hidden=False):
    hidden = {system.cell(r, c) for r, c in cells_hidden}
    hidden |= {system.row_total(r) for r in rows_hidden} | {system.column_total(c) for c in columns_hidden}
    return hidden | ({system.grand} if grand_hidden else set())


def test_two_hidden_cells_per_line_is_not_enough():
    """Each row and column of the small counts below holds two or more of them, so 'every line has
    two hidden cells' would seem safe. But row 1 + row 2 - column 2 - column 3 gives the cell in
    row 1, column 2 exactly: hiding only the small counts would give it away."""
    system = _TableSystem.of(_bridge_table())
    index = system.cell(1, 2)
    assert index in exposed(_hidden_indices(system, BRIDGE_SMALL), system.values, system.edges)


def test_hidden_counts_that_must_each_be_one_are_exposed():
    """The reviewer's example: [[–, –], [6, 6], [–, –]] with column totals 12 and 8. The two hidden
    counts of the second column add up to 2 and each is at least 1 (zeros are always shown), so
    both are 1. The first column's hidden counts add up to 6 and stay open."""
    system = _TableSystem.of([[3, 1], [6, 6], [3, 1]])
    hidden = _hidden_indices(system, [(0, 0), (0, 1), (2, 0), (2, 1)], rows_hidden=[0, 2])
    assert exposed(hidden, system.values, system.edges) == {system.cell(0, 1), system.cell(2, 1)}


def test_a_count_of_two_or_more_may_go_down_a_count_of_one_may_not():
    """[–, –, 9] with total 14: the hidden pair adds up to 5 and each can be 1..4: safe. [–, –, 9]
    with total 11: the pair adds up to 2: both are 1."""
    assert not exposed({0, 1}, [2, 3, 9, 14], [("p", "t")] * 3 + [("t", "p")])
    assert exposed({0, 1}, [1, 1, 9, 11], [("p", "t")] * 3 + [("t", "p")]) == {0, 1}


def test_the_reviewers_table_is_protected():
    table = _check_table([[3, 1], [6, 6], [3, 1]])
    assert table.column_totals == [12, 8] and table.total == 20


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
    """The size the officers' home shows: twelve months by five answers."""
    rng = random.Random(9000 + seed)
    _check_table([[_random_count(rng) for _ in range(5)] for _ in range(12)])


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


def _check_table_and_breakdown(cells, counts):
    table, breakdown = suppress_table_and_breakdown(cells, counts, THRESHOLD)
    n_rows, n_cols = len(cells), len(cells[0])
    grid, equations = _closed_table(cells)
    values, hidden = {}, set()
    shown = _shown_grid(table)
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            values[(r, c)] = value
            if shown[r][c] is None:
                hidden.add((r, c))
            else:
                assert shown[r][c] == value
    for g, count in counts:
        values[("group", g)] = count
        if breakdown.get(g) is None:
            hidden.add(("group", g))
        else:
            assert breakdown.get(g) == count
    assert breakdown.total == table.total
    equations.append(([("group", g) for g, _count in counts], (n_rows, n_cols)))
    _assert_protected(values, hidden, equations, THRESHOLD)


@pytest.mark.parametrize("seed", range(30))
def test_a_table_and_a_breakdown_of_the_same_people_are_protected_together(seed):
    """Answers by month and the same answers by category share their grand total: the check
    treats both as one system of sums."""
    rng = random.Random(7000 + seed)
    n_rows, n_cols, n_groups = rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 4)
    people = _people(rng, rng.choice([3, 8, 15, 30]), n_rows, n_cols, n_groups)
    cells = [[sum(1 for p in people if p[:2] == (r, c)) for c in range(n_cols)] for r in range(n_rows)]
    _check_table_and_breakdown(cells, [(g, sum(1 for p in people if p[2] == g)) for g in range(n_groups)])


def test_the_officers_home_shape_months_by_answers_with_topics():
    """The reviewer's test at the size of the officers' home: 300 years of twelve months by five
    answers, with the same feedback by 21 topics. The old audit left exact counts of 1 open in 74
    of them."""
    rng = random.Random("officers-home")
    for _ in range(300):
        people = _people(rng, rng.choice([10, 25, 40, 80, 150]), 12, 5, 21)
        cells = [[sum(1 for p in people if p[:2] == (r, c)) for c in range(5)] for r in range(12)]
        _check_table_and_breakdown(cells, [(g, sum(1 for p in people if p[2] == g)) for g in range(21)])


def test_a_table_and_a_breakdown_must_count_the_same_people():
    with pytest.raises(ValueError):
        suppress_table_and_breakdown([[3, 4]], [("a", 6)], THRESHOLD)
