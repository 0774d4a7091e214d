"""Business rules, grouped by area: `feedback` (residents' feedback and rumour reports, receipt
codes, retention), `activities` (the officers' log), `moderation`, `statistics`, `accounts` (staff
and partner organisations), `catalogue` (good practices, seed and demo data), plus `audit`, `dates`
and `places`, which every area uses.

The transaction rule, followed everywhere:

* A service takes plain arguments (never the request), checks its rules, changes rows, `flush()`es
  so that ids exist and constraints are checked, and writes its audit entries in the same session.
  It never commits and never rolls back.
* The caller commits once: a view after the service returned and *before* it renders the page that
  confirms the change (so nothing is ever confirmed that was not stored), a CLI command at its end.
* A service refuses with a `DomainError`; the view puts it on the form (`portal.forms.attach_error`,
  which also rolls back whatever the refused call had changed) and commits nothing. Anything left
  uncommitted is rolled back when the request's session is removed.
"""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken. `message` is safe to show (a translatable string);
    `field` names the form field it belongs next to, or None for the top of the form."""

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
