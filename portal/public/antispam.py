"""Stopping robots without watching people.

* A honeypot: a text field people never see (moved off screen, labelled "Leave this empty", out of
  the tab order). Robots that fill every field fill it too.
* A minimum time to fill: the form carries a signed stamp of when it was shown. It lives only in
  the page; nothing is stored. A form sent back faster than FORM_MIN_SECONDS (default 3) was not
  filled in by a person.
* The stamp is also the form's one-time submission token
  (`portal.services.feedback.submissions`): a form sent twice is stored once, so a stamp cannot
  be replayed to post again and again.

Rejected forms store nothing and come back with the typed answers and a plain message, so a person
who tripped a check by accident can simply send again.
"""

from __future__ import annotations

import time

from portal.public.common import setting
from portal.services.feedback import submissions


def min_seconds() -> float:
    return float(setting("FORM_MIN_SECONDS"))


def issue_started(form_name: str, now: float | None = None) -> str:
    """The hidden value for a form shown now (or at `now`, for tests): a fresh one-time token."""
    return submissions.issue(form_name, now)


def read_stamp(token: str | None, form_name: str):
    """The one-time token in a stamp (see `submissions.read`), or None."""
    found = submissions.read(token, form_name)
    return found[0] if found is not None else None


def filled_by_a_person(token: str | None, form_name: str, now: float | None = None) -> bool:
    """True when the stamp is ours, for this form, and old enough. Missing, forged, reused on
    another form or too fresh: False."""
    found = submissions.read(token, form_name)
    if found is None:
        return False
    elapsed = (time.time() if now is None else now) - found[1]
    return elapsed >= min_seconds()
