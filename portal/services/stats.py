"""Small-count suppression for published statistics.

A count from 1 to threshold - 1 could point at a person, so it is hidden (primary suppression).
Hiding it is not enough when totals are shown: a hidden cell could be worked out by subtracting
the visible cells from the total, or by combining several rows and columns (add two row totals,
take away two column totals...). So more entries are hidden (secondary suppression) until no
hidden entry can be recovered from what is shown by any linear combination of the table's
equations.

The core works on a list of entries (cells and totals alike) and the equations linking them
("these entries add up to that one"). After protection:

* no shown entry is in 1..threshold-1 (zeros are shown: they point at nobody);
* every hidden entry is non-zero and none is determined by the shown values. Because the equations
  of a table with totals form a network matrix, this also means that for each hidden entry there is
  another table of non-negative whole numbers that matches everything shown and differs in that
  entry (moving one unit around a cycle of hidden entries).

Complementary entries are chosen greedily: the smallest non-zero inner cell first, totals last.
This is not an optimal suppression pattern (that is an integer programme), but it is safe, and
deterministic for the same input.

Pure functions, no Flask, no database: the officers' home and the public statistics use them alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Hashable, Mapping, Sequence

# An equation: (indices of the parts, index of their total).
Equation = tuple[tuple[int, ...], int]


def protect(values: Sequence[int], equations: Sequence[Equation], threshold: int,
            is_total: Sequence[bool] | None = None) -> set[int]:
    """The indices of `values` to hide. `is_total[i]` marks totals: they are hidden as complements
    only when no inner cell will do."""
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    if any(v < 0 for v in values):
        raise ValueError("counts cannot be negative")
    is_total = list(is_total) if is_total is not None else [False] * len(values)
    hidden = {i for i, v in enumerate(values) if 0 < v < threshold}
    rows = [_coefficients(parts, total) for parts, total in equations]
    while True:
        exposed = determined(hidden, rows)
        if not exposed:
            return hidden
        target = min(exposed)
        candidate = _complement(target, hidden, values, equations, is_total)
        hidden.add(candidate)


def _coefficients(parts: Sequence[int], total: int) -> dict[int, int]:
    row: dict[int, int] = {}
    for index in parts:
        row[index] = row.get(index, 0) + 1
    row[total] = row.get(total, 0) - 1
    return row


def _complement(target: int, hidden: set[int], values: Sequence[int], equations: Sequence[Equation],
                is_total: Sequence[bool]) -> int:
    """A shown, non-zero entry to hide alongside `target`: one sharing an equation with it if
    possible, else any. There is always one: if every non-zero entry were hidden, the true table
    itself would show that no hidden entry is determined."""

    def rank(i: int):
        return (is_total[i], values[i], i)

    near = {i for parts, total in equations if target in parts or target == total for i in (*parts, total)}
    for pool in (near, range(len(values))):
        shown = [i for i in pool if i not in hidden and values[i] > 0]
        if shown:
            return min(shown, key=rank)
    raise AssertionError("a determined entry with nothing left to hide")  # unreachable, see docstring


def determined(hidden: set[int], rows: Sequence[Mapping[int, int]]) -> set[int]:
    """Hidden entries whose value follows from the shown ones: those whose unit vector lies in the
    row space of the equations restricted to the hidden entries (exact arithmetic, Gauss-Jordan)."""
    order = sorted(hidden)
    if not order:
        return set()
    column = {index: n for n, index in enumerate(order)}
    matrix = []
    for row in rows:
        reduced = [Fraction(0)] * len(order)
        for index, coefficient in row.items():
            if index in column:
                reduced[column[index]] += coefficient
        if any(reduced):
            matrix.append(reduced)
    pivots: list[int] = []
    r = 0
    for c in range(len(order)):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][c] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        lead = matrix[r][c]
        matrix[r] = [x / lead for x in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][c] != 0:
                factor = matrix[i][c]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[r])]
        pivots.append(c)
        r += 1
        if r == len(matrix):
            break
    free = set(range(len(order))) - set(pivots)
    out = set()
    for row_index, c in enumerate(pivots):
        if all(matrix[row_index][f] == 0 for f in free):
            out.add(order[c])
    return out


@dataclass(frozen=True)
class Table:
    """A two-way table after suppression: None marks a hidden entry."""

    cells: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]
    total: int | None
    threshold: int

    @property
    def has_hidden(self) -> bool:
        entries = [*self.row_totals, *self.column_totals, self.total]
        return any(v is None for v in entries) or any(v is None for row in self.cells for v in row)


@dataclass
class _TableSystem:
    """A table with totals as entries and equations: cells row by row, then row totals, column
    totals and the grand total."""

    n_rows: int
    n_cols: int
    values: list[int]
    equations: list[Equation]
    is_total: list[bool]

    @classmethod
    def of(cls, cells: Sequence[Sequence[int]]) -> _TableSystem:
        n_rows = len(cells)
        n_cols = len(cells[0]) if n_rows else 0
        if any(len(row) != n_cols for row in cells):
            raise ValueError("every row needs the same number of cells")
        row_totals = [sum(row) for row in cells]
        column_totals = [sum(cells[r][c] for r in range(n_rows)) for c in range(n_cols)]
        values = [v for row in cells for v in row] + row_totals + column_totals + [sum(row_totals)]
        system = cls(n_rows, n_cols, values, [], [False] * (n_rows * n_cols) + [True] * (n_rows + n_cols + 1))
        for r in range(n_rows):
            system.equations.append((tuple(system.cell(r, c) for c in range(n_cols)), system.row_total(r)))
        for c in range(n_cols):
            system.equations.append((tuple(system.cell(r, c) for r in range(n_rows)), system.column_total(c)))
        system.equations.append((tuple(system.row_total(r) for r in range(n_rows)), system.grand))
        system.equations.append((tuple(system.column_total(c) for c in range(n_cols)), system.grand))
        return system

    def cell(self, r: int, c: int) -> int:
        return r * self.n_cols + c

    def row_total(self, r: int) -> int:
        return self.n_rows * self.n_cols + r

    def column_total(self, c: int) -> int:
        return self.n_rows * self.n_cols + self.n_rows + c

    @property
    def grand(self) -> int:
        return self.n_rows * self.n_cols + self.n_rows + self.n_cols

    def table(self, hidden: set[int], threshold: int) -> Table:
        def shown(i: int) -> int | None:
            return None if i in hidden else self.values[i]

        return Table(
            cells=[[shown(self.cell(r, c)) for c in range(self.n_cols)] for r in range(self.n_rows)],
            row_totals=[shown(self.row_total(r)) for r in range(self.n_rows)],
            column_totals=[shown(self.column_total(c)) for c in range(self.n_cols)],
            total=shown(self.grand),
            threshold=threshold,
        )


def suppress_table(cells: Sequence[Sequence[int]], threshold: int) -> Table:
    """Protect a rows x columns table of counts shown with its row totals, column totals and grand total."""
    system = _TableSystem.of(cells)
    return system.table(protect(system.values, system.equations, threshold, system.is_total), threshold)


def suppress_table_and_breakdown(cells: Sequence[Sequence[int]], counts: Sequence[tuple[Hashable, int]],
                                 threshold: int) -> tuple[Table, Breakdown]:
    """Protect a table and a breakdown of the same people together (answers by month, and the same
    answers by category): they share the grand total, so hiding must hold across both."""
    system = _TableSystem.of(cells)
    pairs = list(counts)
    if sum(v for _key, v in pairs) != system.values[system.grand]:
        raise ValueError("the breakdown must count the same people as the table")
    first = len(system.values)
    system.values += [v for _key, v in pairs]
    system.is_total += [False] * len(pairs)
    system.equations.append((tuple(range(first, first + len(pairs))), system.grand))
    hidden = protect(system.values, system.equations, threshold, system.is_total)
    breakdown = Breakdown(
        items=[(key, None if first + i in hidden else value) for i, (key, value) in enumerate(pairs)],
        total=None if system.grand in hidden else system.values[system.grand],
        threshold=threshold,
    )
    return system.table(hidden, threshold), breakdown


@dataclass(frozen=True)
class Breakdown:
    """A one-way breakdown after suppression, in the order given: (key, count or None) and the total."""

    items: list[tuple[Hashable, int | None]]
    total: int | None
    threshold: int

    @property
    def has_hidden(self) -> bool:
        return self.total is None or any(v is None for _key, v in self.items)

    def get(self, key: Hashable) -> int | None:
        return dict(self.items)[key]


def suppress_breakdown(counts: Mapping[Hashable, int] | Sequence[tuple[Hashable, int]] | Sequence[int],
                       threshold: int) -> Breakdown:
    """Protect counts shown with their total (categories, say): one equation, parts add up to the
    total. `counts` is a mapping, (key, count) pairs, or plain counts (keyed by position)."""
    if isinstance(counts, Mapping):
        pairs = list(counts.items())
    else:
        pairs = [item if isinstance(item, tuple) else (i, item) for i, item in enumerate(counts)]
    values = [v for _key, v in pairs] + [sum(v for _key, v in pairs)]
    total_index = len(pairs)
    hidden = protect(values, [(tuple(range(total_index)), total_index)], threshold,
                     [False] * total_index + [True])
    return Breakdown(
        items=[(key, None if i in hidden else value) for i, (key, value) in enumerate(pairs)],
        total=None if total_index in hidden else values[total_index],
        threshold=threshold,
    )


def suppress_count(value: int, threshold: int) -> int | None:
    """A single count shown on its own: hidden when it is from 1 to threshold - 1."""
    return None if 0 < value < threshold else value
