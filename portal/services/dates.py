"""Days and months: one rule for "today" and the month arithmetic every area uses.

"Today" is the calendar day in UTC, everywhere: the day a submission is stamped with, the day a
follow-up is marked done, the month a statistic closes. The server's own time zone never decides
it, so two app servers in different zones agree, and a resident's row never carries anything finer
than the day. Activities keep their local wall time (`Activity.starts_at`); only "today" is UTC.

Months are represented by their first day (`date(2026, 11, 1)`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

RECENT_MONTHS = 24


def today() -> date:
    return datetime.now(UTC).date()


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s month (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def same_day_months_before(day: date, months: int) -> date:
    """The same day of the month, `months` earlier (the 28th at most, so every month has it)."""
    return add_months(day, -months).replace(day=min(day.day, 28))


def recent_months(day: date | None = None, count: int = RECENT_MONTHS) -> list[date]:
    """The first day of `day`'s month and of the `count - 1` months before it, newest first."""
    start = first_of_month(day or today())
    return [add_months(start, -back) for back in range(count)]


def months_from(first: date, last: date) -> list[date]:
    """Every month from `first`'s to `last`'s, oldest first (empty when `last` is earlier)."""
    start, end = first_of_month(first), first_of_month(last)
    out = []
    while start <= end:
        out.append(start)
        start = add_months(start, 1)
    return out


def parse_month(value: str | None) -> date | None:
    """'2026-11' to date(2026, 11, 1); None for anything else."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return None
