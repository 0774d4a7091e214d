"""The treatment index: how residents felt treated, as a number from 0 to 100, with its uncertainty.

The question "How did the police treat you?" has five answers, from "very badly" (1) to "very well"
(5). The index is the average answer moved onto a 0–100 scale: 1 → 0, 3 → 50, 5 → 100, that is
(average − 1) × 25. It says how well people felt treated on average, not how many were satisfied.

Uncertainty. With few answers an average moves a lot by chance, so every index comes with a 95 %
confidence interval: the average plus or minus Student's t (for n − 1 degrees of freedom) times the
standard error (the answers' standard deviation divided by √n), on the same 0–100 scale and kept
inside it. Below MIN_ANSWERS answers no index is given at all ("too few to say"): an interval that
wide says nothing, and a number would still be read as one.

Comparing two groups (months with and without a practice, before and after a municipality started
it) gives the difference of their indices with a Welch interval (each group's own variance;
Welch–Satterthwaite degrees of freedom). A difference says the two groups differ; it does not say
why. Where practices are compared, the page says so in plain words: association, not proof of cause.

Pure functions, no Flask, no database.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_ANSWERS = 10
SCALE = 25.0  # index points per step of the 1..5 answer
# Two-sided 95 % quantiles of Student's t by degrees of freedom (beyond the table: linear in 1/df).
_T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
         11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086,
         21: 2.080, 22: 2.074, 23: 2.069, 24: 2.064, 25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042,
         40: 2.021, 60: 2.000, 120: 1.980}
_Z975 = 1.960


def t975(df: float) -> float:
    """The 97.5th percentile of Student's t with `df` degrees of freedom (exact to 3 decimals up to
    30, interpolated in 1/df beyond, where the error is below 0.002)."""
    if df < 1:
        raise ValueError("at least one degree of freedom")
    if df <= 30 and float(df).is_integer():
        return _T975[int(df)]
    known = sorted(_T975)
    lower = max((k for k in known if k <= df), default=1)
    upper = min((k for k in known if k >= df), default=None)
    if upper is None:  # towards the normal distribution
        return _Z975 + (_T975[120] - _Z975) * 120 / df
    if upper == lower:
        return _T975[lower]
    share = (1 / lower - 1 / df) / (1 / lower - 1 / upper)
    return _T975[lower] + (_T975[upper] - _T975[lower]) * share


@dataclass(frozen=True)
class Index:
    """The index of a group of answers. `value`, `low` and `high` are None below MIN_ANSWERS."""

    n: int
    value: float | None
    low: float | None
    high: float | None
    mean: float | None = None
    variance: float | None = None  # of the answers, on the 1..5 scale

    @property
    def enough(self) -> bool:
        return self.value is not None

    @property
    def standard_error(self) -> float | None:
        if self.variance is None or not self.n:
            return None
        return math.sqrt(self.variance / self.n) * SCALE


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))


def index_of(counts: Sequence[int], minimum: int = MIN_ANSWERS) -> Index:
    """`counts[k]` answers gave rating k + 1 (five counts)."""
    if len(counts) != 5 or any(c < 0 for c in counts):
        raise ValueError("five non-negative counts, for the answers 1 to 5")
    n = sum(counts)
    if n == 0:
        return Index(0, None, None, None)
    mean = sum((k + 1) * c for k, c in enumerate(counts)) / n
    variance = sum(c * ((k + 1) - mean) ** 2 for k, c in enumerate(counts)) / (n - 1) if n > 1 else 0.0
    if n < minimum:
        return Index(n, None, None, None, mean, variance)
    value = (mean - 1) * SCALE
    margin = t975(n - 1) * math.sqrt(variance / n) * SCALE
    return Index(n, value, _clamp(value - margin), _clamp(value + margin), mean, variance)


@dataclass(frozen=True)
class Difference:
    """`first` − `second`, in index points, with a 95 % Welch interval; None when either group has
    too few answers."""

    first: Index
    second: Index
    value: float | None
    low: float | None
    high: float | None

    @property
    def enough(self) -> bool:
        return self.value is not None

    @property
    def clear(self) -> bool:
        """The interval leaves out zero: the groups differ beyond what chance would give."""
        return self.enough and (self.low > 0 or self.high < 0)


def difference(first: Index, second: Index) -> Difference:
    if not (first.enough and second.enough):
        return Difference(first, second, None, None, None)
    v1, v2 = first.variance / first.n, second.variance / second.n
    value = first.value - second.value
    spread = v1 + v2
    if spread == 0:
        return Difference(first, second, value, value, value)
    df = spread ** 2 / ((v1 ** 2 / (first.n - 1) if v1 else 0) + (v2 ** 2 / (second.n - 1) if v2 else 0))
    margin = t975(max(1.0, df)) * math.sqrt(spread) * SCALE
    return Difference(first, second, value, value - margin, value + margin)


def add(*groups: Sequence[int]) -> list[int]:
    """The answers of several groups together."""
    return [sum(group[k] for group in groups) for k in range(5)]
