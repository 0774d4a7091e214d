"""Small-count suppression for published statistics.

A count from 1 to threshold - 1 could point at a person, so it is hidden (primary suppression).
Hiding it is not enough when totals are shown: a hidden count could be worked out from the totals
and the shown counts, sometimes by combining several rows and columns. So more counts are hidden
(secondary suppression) until no hidden count can be worked out.

What a reader knows. Zeros are always shown (they point at nobody) and only non-zero counts are
ever hidden, so a reader knows every hidden count is at least 1. That bound matters: a column
[–, 6, –] with total 8 shows that both hidden counts are exactly 1. The audit here takes it into
account; checking linear equations only would miss it. A reader may know more: when published items
can be counted, a hidden count is at least that many (`minimum`), and the audit uses that floor.

How the audit works. A table with its totals is a flow that goes round in circles (a circulation):
the grand total flows to the row totals, each row total into the cells of its row, each cell into
its column total, and the column totals back into the grand total (a breakdown of the same people,
by category, is a second way round: grand total -> categories -> back). "Parts add up to their
total" is exactly "what flows into a point flows out of it". Every table of whole numbers that
matches what is shown is the true table plus a change that goes round closed loops through hidden
entries only: along the loop an entry goes up by one, or down by one if it stays at its floor. So a
hidden entry is safe exactly when such a loop passes through it; otherwise its value is known.
This test is exact, fast, and has no rounding.

Choosing more counts to hide: for a hidden entry that is not safe, the cheapest loop through it is
looked for (Dijkstra), where passing a shown count costs hiding it: inner cells before totals,
small counts before big ones. The shown counts on that loop are hidden. That is not an optimal
pattern (that is an integer programme), but it is always safe, and deterministic for the same input.
A loop always exists: the true table is itself a circulation, and every non-zero entry of a
circulation lies on a loop of non-zero entries.

Pure functions, no Flask, no database: the officers' home and the public statistics use them alike.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

# An entry as an arrow of the circulation: (from point, to point).
Edge = tuple[Hashable, Hashable]


def protect(values: Sequence[int], edges: Sequence[Edge], threshold: int,
            is_total: Sequence[bool] | None = None, minimum: Sequence[int] | None = None) -> set[int]:
    """The indices of `values` to hide. Entry i flows along `edges[i]`; what flows into each point
    flows out of it. `is_total[i]` marks totals: they are hidden as complements only when that is
    cheaper than hiding inner counts. `minimum[i]` is what a reader knows entry i to be at least
    (1 unless given, and never less: zeros are shown); published items a reader can count, say."""
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    if any(v < 0 for v in values):
        raise ValueError("counts cannot be negative")
    if len(edges) != len(values):
        raise ValueError("one edge per value")
    is_total = list(is_total) if is_total is not None else [False] * len(values)
    floor = _floor(values, minimum)
    hidden = {i for i, v in enumerate(values) if 0 < v < threshold}
    while True:
        unsafe = exposed(hidden, values, edges, minimum)
        if not unsafe:
            return hidden
        hidden |= _cheapest_loop(min(unsafe), hidden, values, edges, is_total, floor)


def _floor(values: Sequence[int], minimum: Sequence[int] | None) -> list[int]:
    if minimum is None:
        return [1] * len(values)
    if len(minimum) != len(values) or any(m > v for m, v in zip(minimum, values, strict=True)):
        raise ValueError("one minimum per value, never above it")
    return [max(1, m) for m in minimum]


def exposed(hidden: set[int], values: Sequence[int], edges: Sequence[Edge],
            minimum: Sequence[int] | None = None) -> set[int]:
    """Hidden entries whose value a reader can work out from the shown ones, knowing that every
    hidden entry is at least 1 (or its `minimum`): those on no loop of possible changes through
    hidden entries."""
    floor = _floor(values, minimum)
    arcs: dict[Hashable, list[tuple[Hashable, int]]] = {}
    for j in hidden:
        tail, head = edges[j]
        arcs.setdefault(tail, []).append((head, j))  # j can go up by one
        if values[j] > floor[j]:
            arcs.setdefault(head, []).append((tail, j))  # j can go down by one and stay at its floor
    out = set()
    for i in hidden:
        tail, head = edges[i]
        up = _reaches(arcs, head, tail, i)
        down = values[i] > floor[i] and _reaches(arcs, tail, head, i)
        if not (up or down):
            out.add(i)
    return out


def _reaches(arcs, start, goal, without: int) -> bool:
    seen, todo = {start}, [start]
    while todo:
        point = todo.pop()
        if point == goal:
            return True
        for nxt, j in arcs.get(point, ()):
            if j != without and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def _cheapest_loop(target: int, hidden: set[int], values: Sequence[int], edges: Sequence[Edge],
                   is_total: Sequence[bool], floor: Sequence[int]) -> set[int]:
    """The shown entries to hide so that a loop of possible changes passes through `target`: the
    cheaper of a loop raising it and (when it is above its floor) a loop lowering it."""
    tail, head = edges[target]
    options = [_cheapest_path(head, tail, target, hidden, values, edges, is_total, floor)]
    if values[target] > floor[target]:
        options.append(_cheapest_path(tail, head, target, hidden, values, edges, is_total, floor))
    found = [option for option in options if option is not None]
    if not found:
        raise AssertionError("a non-zero entry on no loop")  # unreachable, see the module docstring
    return min(found, key=lambda option: option[0])[1]


def _cheapest_path(start, goal, target: int, hidden: set[int], values: Sequence[int], edges: Sequence[Edge],
                   is_total: Sequence[bool], floor: Sequence[int]):
    """(cost, shown entries on it) of the cheapest path of possible changes from `start` to `goal`
    avoiding `target`, or None. Hidden entries cost nothing; a shown one costs (1 if it is a total,
    its value, 1), added up and compared in that order. Zeros cannot change (they stay shown)."""
    arcs: dict[Hashable, list[tuple[Hashable, int]]] = {}
    for j, (tail, head) in enumerate(edges):
        if j == target or values[j] == 0:
            continue
        arcs.setdefault(tail, []).append((head, j))
        if values[j] > floor[j]:
            arcs.setdefault(head, []).append((tail, j))
    points = {point: n for n, point in enumerate(dict.fromkeys(p for edge in edges for p in edge))}
    best = {start: (0, 0, 0)}
    came: dict[Hashable, tuple[Hashable, int]] = {}
    queue = [((0, 0, 0), points[start], start)]
    while queue:
        cost, _n, point = heapq.heappop(queue)
        if cost != best.get(point):
            continue
        if point == goal:
            path = set()
            while point != start:
                point, j = came[point]
                if j not in hidden:
                    path.add(j)
            return cost, path
        for nxt, j in arcs.get(point, ()):
            step = (0, 0, 0) if j in hidden else (int(is_total[j]), values[j], 1)
            new = (cost[0] + step[0], cost[1] + step[1], cost[2] + step[2])
            if nxt not in best or new < best[nxt]:
                best[nxt] = new
                came[nxt] = (point, j)
                heapq.heappush(queue, (new, points[nxt], nxt))
    return None


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
    """A table with totals as entries of a circulation: cells row by row, then row totals, column
    totals and the grand total. The grand total flows from "bottom" to "top", each row total from
    "top" into its row, each cell from its row into its column, each column total from its column
    to "bottom"."""

    n_rows: int
    n_cols: int
    values: list[int]
    edges: list[Edge]
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
        edges: list[Edge] = [(("row", r), ("col", c)) for r in range(n_rows) for c in range(n_cols)]
        edges += [("top", ("row", r)) for r in range(n_rows)]
        edges += [(("col", c), "bottom") for c in range(n_cols)]
        edges.append(("bottom", "top"))
        return cls(n_rows, n_cols, values, edges, [False] * (n_rows * n_cols) + [True] * (n_rows + n_cols + 1))

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
    return system.table(protect(system.values, system.edges, threshold, system.is_total), threshold)


def suppress_table_and_breakdown(cells: Sequence[Sequence[int]], counts: Sequence[tuple[Hashable, int]],
                                 threshold: int) -> tuple[Table, Breakdown]:
    """Protect a table and a breakdown of the same people together (answers by month, and the same
    answers by category): they share the grand total, so hiding must hold across both."""
    system = _TableSystem.of(cells)
    pairs = list(counts)
    if sum(v for _key, v in pairs) != system.values[system.grand]:
        raise ValueError("the breakdown must count the same people as the table")
    # The grand total now flows from "bottom" to "categories", and each category on to "top".
    system.edges[system.grand] = ("bottom", "categories")
    first = len(system.values)
    system.values += [v for _key, v in pairs]
    system.edges += [("categories", "top")] * len(pairs)
    system.is_total += [False] * len(pairs)
    hidden = protect(system.values, system.edges, threshold, system.is_total)
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
    """Protect counts shown with their total (categories, say): parts add up to the total.
    `counts` is a mapping, (key, count) pairs, or plain counts (keyed by position)."""
    if isinstance(counts, Mapping):
        pairs = list(counts.items())
    else:
        pairs = [item if isinstance(item, tuple) else (i, item) for i, item in enumerate(counts)]
    values = [v for _key, v in pairs] + [sum(v for _key, v in pairs)]
    total_index = len(pairs)
    edges: list[Edge] = [("parts", "total")] * total_index + [("total", "parts")]
    hidden = protect(values, edges, threshold, [False] * total_index + [True])
    return Breakdown(
        items=[(key, None if i in hidden else value) for i, (key, value) in enumerate(pairs)],
        total=None if total_index in hidden else values[total_index],
        threshold=threshold,
    )


def suppress_count(value: int, threshold: int) -> int | None:
    """A single count shown on its own: hidden when it is from 1 to threshold - 1."""
    return None if 0 < value < threshold else value


def suppress_table_with_breakdowns(cells: Sequence[Sequence[int]], breakdowns: Sequence[Sequence[tuple[Hashable, int]]],
                                   threshold: int) -> tuple[Table, list[Breakdown]]:
    """Protect a table and several breakdowns of the same people together (answers by month and
    category; the same answers by police body, by gender, by how fast they were acknowledged).

    Each breakdown adds up to the table's grand total, so each is one more way round the
    circulation: the grand total flows from "bottom" into the first breakdown's parts, they flow
    into the second breakdown's parts, and so on, the last ones on to "top". A hidden count is then
    safe against the table and every breakdown at once."""
    system = _TableSystem.of(cells)
    grand = system.values[system.grand]
    layers = [list(pairs) for pairs in breakdowns]
    for pairs in layers:
        if sum(v for _key, v in pairs) != grand:
            raise ValueError("every breakdown must count the same people as the table")
    points = ["bottom", *(f"layer-{n}" for n in range(len(layers))), "top"]
    system.edges[system.grand] = (points[0], points[1]) if layers else ("bottom", "top")
    firsts = []
    for n, pairs in enumerate(layers):
        firsts.append(len(system.values))
        system.values += [v for _key, v in pairs]
        system.edges += [(points[n + 1], points[n + 2])] * len(pairs)
        system.is_total += [False] * len(pairs)
    hidden = protect(system.values, system.edges, threshold, system.is_total)
    total = None if system.grand in hidden else grand
    shown = [Breakdown(items=[(key, None if first + i in hidden else value) for i, (key, value) in enumerate(pairs)],
                       total=total, threshold=threshold) for first, pairs in zip(firsts, layers, strict=True)]
    return system.table(hidden, threshold), shown
