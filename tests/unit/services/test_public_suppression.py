"""The public release's protection, attacked the way a determined reader would.

A release shows, for each town: its total, its counts by topic, and how many were answered within 7
days and not; and the same totals for all towns together. A reader also knows that every hidden
count is at least 1 (zeros are shown), and at least the number of published items in it (they can
be counted on /feedback/published).

For small random releases, every set of whole numbers that matches everything shown is listed, by
an enumeration that shares nothing with the module (town by town, keeping the column sums reached so
far, as in test_stats_brute_force). Every hidden count must take at least two values across them:
otherwise the reader knows it. No shown count may be from 1 to threshold - 1.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from portal.services.statistics.public import _System
from portal.services.statistics.suppression import exposed, protect

THRESHOLD = 4
CAP = 9  # largest value tried for a hidden count that no shown total bounds (true values are 0..5)


def _release(cells, within, floors, threshold=THRESHOLD):
    system = _System.of(cells, within, floors)
    hidden = protect(system.values, system.edges, threshold, system.is_total, system.minimum)

    def shown(key):
        return None if system.index[key] in hidden else system.values[system.index[key]]

    n_towns, n_cats = len(cells), len(cells[0])
    return system, hidden, {
        "cells": [[shown(("cell", i, j)) for j in range(n_cats)] for i in range(n_towns)],
        "rows": [shown(("row", i)) for i in range(n_towns)],
        "within": [shown(("within", i)) for i in range(n_towns)],
        "other": [shown(("other", i)) for i in range(n_towns)],
        "cols": [shown(("col", j)) for j in range(n_cats)],
        "grand": shown(("grand",)), "all_within": shown(("all-within",)), "all_other": shown(("all-other",)),
    }


def _town_options(page, floors, i):
    """Every (cells, within) of town i that agrees with what its row shows."""
    n_cats = len(page["cells"][i])
    ranges = []
    for j in range(n_cats):
        value = page["cells"][i][j]
        ranges.append([value] if value is not None else range(max(1, floors[i][j]), CAP + 1))
    out = []
    for cells in itertools.product(*ranges):
        total = sum(cells)
        if page["rows"][i] is not None and total != page["rows"][i]:
            continue
        if page["rows"][i] is None and total < 1:
            continue
        within_range = [page["within"][i]] if page["within"][i] is not None else range(1, total + 1)
        for within in within_range:
            other = total - within
            if other < 0 or (page["other"][i] is not None and other != page["other"][i]):
                continue
            if page["other"][i] is None and other < 1:
                continue
            out.append((cells, within))
    return out


def _consistent_values(page, floors):
    """For each entry, the values it takes across every release that matches the page."""
    n_towns = len(page["cells"])
    options = [_town_options(page, floors, i) for i in range(n_towns)]
    # Forward: reachable (column sums, within sum, other sum) after each town.
    layers = [{(tuple(0 for _ in page["cols"]), 0, 0)}]
    for i in range(n_towns):
        layers.append({(tuple(a + b for a, b in zip(cols, cells, strict=True)), w + within, o + sum(cells) - within)
                       for cols, w, o in layers[-1] for cells, within in options[i]})

    def final_ok(key):
        cols, w, o = key
        if any(shown is not None and shown != v for shown, v in zip(page["cols"], cols, strict=True)):
            return False
        if any(shown is None and v < 1 for shown, v in zip(page["cols"], cols, strict=True)):
            return False
        for shown, v in ((page["grand"], w + o), (page["all_within"], w), (page["all_other"], o)):
            if (shown is not None and shown != v) or (shown is None and v < 1):
                return False
        return True

    good = [set() for _ in range(n_towns + 1)]
    good[n_towns] = {key for key in layers[n_towns] if final_ok(key)}
    for i in range(n_towns - 1, -1, -1):
        for cols, w, o in layers[i]:
            for cells, within in options[i]:
                nxt = (tuple(a + b for a, b in zip(cols, cells, strict=True)), w + within, o + sum(cells) - within)
                if nxt in good[i + 1]:
                    good[i].add((cols, w, o))
                    break
    values: dict = {}
    for i in range(n_towns):
        for cols, w, o in good[i]:
            for cells, within in options[i]:
                nxt = (tuple(a + b for a, b in zip(cols, cells, strict=True)), w + within, o + sum(cells) - within)
                if nxt not in good[i + 1]:
                    continue
                for j, v in enumerate(cells):
                    values.setdefault(("cell", i, j), set()).add(v)
                values.setdefault(("row", i), set()).add(sum(cells))
                values.setdefault(("within", i), set()).add(within)
                values.setdefault(("other", i), set()).add(sum(cells) - within)
    for cols, w, o in good[n_towns]:
        for j, v in enumerate(cols):
            values.setdefault(("col", j), set()).add(v)
        values.setdefault(("grand",), set()).add(w + o)
        values.setdefault(("all-within",), set()).add(w)
        values.setdefault(("all-other",), set()).add(o)
    return values


@st.composite
def releases(draw):
    n_towns = draw(st.integers(1, 3))
    n_cats = draw(st.integers(1, 3 if n_towns < 3 else 2))
    cells = [[draw(st.integers(0, 5)) for _ in range(n_cats)] for _ in range(n_towns)]
    within = [draw(st.integers(0, sum(row))) for row in cells]
    floors = [[draw(st.integers(0, v)) if draw(st.booleans()) else 0 for v in row] for row in cells]
    return cells, within, floors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_no_hidden_count_can_be_worked_out_from_a_release(release):
    cells, within, floors = release
    system, hidden, page = _release(cells, within, floors)
    event(f"towns: {len(cells)}, counts hidden: {'none' if not hidden else 'some'}, floors: {any(map(any, floors))}")
    shown = [v for i, v in enumerate(system.values) if i not in hidden]
    assert not [v for v in shown if 0 < v < THRESHOLD], "a small count is shown"
    assert not exposed(hidden, system.values, system.edges, system.minimum)
    values = _consistent_values(page, floors)
    for key, i in system.index.items():
        assert system.values[i] in values[key], f"the true release does not match its own page at {key}"
        if i in hidden:
            assert len(values[key]) >= 2, f"{key} is hidden but a reader can work it out: {values[key]}"


def test_published_items_make_more_counts_hidden():
    """One town, 5 messages: 1 about one topic, 4 about another, all 5 answered within 7 days, and
    the 4 published. Both topic counts are small, so hidden, and the total of 5 is shown (it could be
    1 + 4 or 2 + 3 or...). But a reader who counts the 4 published items knows the second topic has
    at least 4, and the first at least 1: so exactly 1 and 4. The portal must hide more than that."""
    cells, within, floors = [[1, 4]], [5], [[0, 4]]
    unaware = _System.of(cells, within, [[0, 0]])
    hidden_unaware = protect(unaware.values, unaware.edges, 5, unaware.is_total, unaware.minimum)
    aware = _System.of(cells, within, floors)
    assert exposed(hidden_unaware, aware.values, aware.edges, aware.minimum), "the example no longer shows the risk"
    system, hidden, page = _release(cells, within, floors, threshold=5)
    assert hidden > hidden_unaware
    assert not exposed(hidden, system.values, system.edges, system.minimum)
    for key, values in _consistent_values(page, floors).items():
        if system.index[key] in hidden:
            assert len(values) >= 2, key


def test_zeros_are_shown_and_large_counts_are_shown_when_nothing_is_small():
    system, hidden, page = _release([[0, 15], [20, 11]], [0, 15], [[0, 0], [0, 0]], threshold=10)
    assert not hidden
    assert page["cells"] == [[0, 15], [20, 11]] and page["grand"] == 46
