"""Residents' pages rendered once per language and process, then filled in per request.

Why: every resident gets the same /feedback/new (or /rumours/new, /a/<code>, /help, /) in their
language, except for two values that must be new for each of them: the CSRF token and the form's
stamp (which is also its one-time submission token). Rendering that page took
about 15 ms, three quarters of it in Jinja and WTForms drawing the same widgets again (a profile is
in README, Performance). So the page is rendered once with a placeholder ("hole") where each of
those values goes, kept, and each request only fills the holes with fresh values. The HTML a
resident receives is byte for byte what the template renders for them
(tests/unit/test_page_cache.py compares both in every language).

The key says everything the page depends on:
  * the endpoint, the path and the query string (the language menu links back to this very
    address), the script root;
  * the language of the page (?lang=, the language cookie or Accept-Language);
  * the catalogue version: a stamp that database triggers move whenever a feedback category, a
    municipality, an area or a partner organisation changes (`portal.models.serving`), read on
    every request (one primary-key look-up), so every process of every instance sees a change at
    its next request;
  * the current month (the month list starts with it);
  * what the view adds: for /a/<code>, the activity's own fields that the page shows.

The confirmation page after a stored form is kept the same way, with a hole for the receipt code.

Only what every resident would get the same is kept: GET and HEAD requests, no staff login, no
message waiting to be shown once, no query parameter other than those the page knows (so a
crafted address cannot fill the cache or leave text where a hole would be filled). Anything else
is rendered as before. Pages are kept in a bounded least-recently-used map per process
(PAGE_CACHE_SIZE, default 256 pages, a few megabytes); PAGE_CACHE=false turns it off.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable

from flask import current_app, request, session

from portal.forms import catalogue
from portal.i18n import select_language
from portal.services import dates

MAX_QUERY = 200


@functools.cache
def _holes(names: tuple[str, ...]) -> re.Pattern:
    return re.compile("!hole:(" + "|".join(re.escape(name) for name in names) + ")!")


def hole(name: str) -> str:
    """The placeholder rendered where a per-request value goes. '!' and ':' are never escaped and
    never appear in a value the template renders from a cached request (see `serves`)."""
    return f"!hole:{name}!"


class _Pages:
    """A thread-safe, bounded, least-recently-used map."""

    def __init__(self, size: int):
        self.size = size
        self._pages: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key, page: list[str]) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)


def _pages() -> _Pages:
    pages = current_app.extensions.get("portal_page_cache")
    if pages is None:
        pages = current_app.extensions.setdefault(
            "portal_page_cache", _Pages(int(current_app.config.get("PAGE_CACHE_SIZE") or 256)))
    return pages


def serves(params: Iterable[str] = (), *, answer: bool = False) -> bool:
    """Whether this request may get a kept page: a GET (or HEAD) that every resident would get
    the same, with no query parameter but `lang` and those in `params`. `answer`: the page that
    answers a stored form (the same for every resident but for the receipt code), after a POST."""
    methods = ("POST",) if answer else ("GET", "HEAD")
    if not current_app.config.get("PAGE_CACHE", True) or request.method not in methods:
        return False
    if len(request.query_string) > MAX_QUERY or "!" in request.path:
        return False
    allowed = {"lang", *params}
    for name, values in request.args.lists():
        if name not in allowed or any("!" in value for value in values):
            return False
    # Staff who are logged in have their id in the session (checked without loading the user: a
    # resident's session never holds one, and one that is no longer valid only skips the cache).
    return "_flashes" not in session and "_user_id" not in session


def page(name: str, render: Callable[[], str], *, holes: dict[str, Callable[[], str]] | None = None,
         extra: tuple = ()) -> str:
    """The page `name` for this request: kept, or rendered by `render()` (with `hole(...)` where
    each of `holes` goes) and kept; then every hole filled with its function's fresh value."""
    key = (name, request.method == "POST", request.script_root, request.path, request.query_string, select_language(), catalogue.stamp(),
           dates.first_of_month(dates.today()), extra)
    pages = _pages()
    parts = pages.get(key)
    if parts is None:
        # Kept cut at its holes: filling them is then one join, not a search of the page per hole.
        # Only the holes asked for: the same marks in a place's name, say, stay text.
        parts = _holes(tuple(holes)).split(render()) if holes else [render()]
        pages.put(key, parts)
    if len(parts) == 1:
        return parts[0]
    values = {name: fill() for name, fill in holes.items()}
    parts = parts.copy()
    parts[1::2] = [values[name] for name in parts[1::2]]
    return "".join(parts)
