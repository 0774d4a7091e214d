"""Message catalogues: extract, update, compile and check, Romani included.

pybabel's `init` and `update` refuse the code `rom` (Babel has no Romani locale data), so this
module drives Babel's catalogue API directly: a Catalog accepts an unknown locale code and keeps the
plural rule written in its header. Run as `python -m portal.catalogs {extract,update,compile,check}`
(the Makefile does) or `flask --app portal translate …`.

"Public" messages are those that appear in the pages residents see; the public-only languages must
translate all of them, the staff languages every message.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from portal.i18n import LANGUAGES, PUBLIC_CODES, STAFF_CODES

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
POT = TRANSLATIONS / "messages.pot"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None,
            "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
METHOD_MAP = [("portal/**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {"templates/**.html": {"trimmed": "true", "extensions": "jinja2.ext.i18n"}}
# Where residents' pages take their words from.
PUBLIC_SOURCES = (
    "templates/base.html", "templates/public/", "templates/errors/", "templates/macros/",
    "templates/calendar/", "templates/partials/_flashes.html", "templates/partials/_pagination.html",
    "portal/public/", "portal/forms/", "portal/vocab.py", "portal/i18n.py",
    "portal/services/feedback/", "portal/services/accounts/partners.py", "portal/services/places.py",
    "portal/services/catalogue/open_data.py", "portal/models/practice.py", "templates/api/",
)
ROMANI_PLURALS = "nplurals=2; plural=(n != 1);"


def _extract() -> list[tuple[str | tuple, str | None, set[str]]]:
    found: dict = {}
    for filename, _lineno, message, _comments, context in extract_from_dir(
        str(ROOT), METHOD_MAP, OPTIONS, KEYWORDS, strip_comment_tags=True,
        directory_filter=lambda d: not Path(d).name.startswith(".") and "node_modules" not in d,
    ):
        key = (message, context)
        found.setdefault(key, set()).add(filename.replace("\\", "/"))
    return [(msg, ctx, files) for (msg, ctx), files in found.items()]


def message_sets() -> tuple[set[str], set[str]]:
    """(public msgids, all msgids); a plural message is known by its singular."""
    public, every = set(), set()
    for message, _context, files in _extract():
        key = message if isinstance(message, str) else message[0]
        every.add(key)
        if any(f.startswith(PUBLIC_SOURCES) for f in files):
            public.add(key)
    return public, every


def extract() -> Catalog:
    catalog = Catalog(project="portal", version="1", msgid_bugs_address="translations@portal.invalid",
                      creation_date=datetime.now(UTC), fuzzy=False)
    for message, context, _files in sorted(_extract(), key=lambda m: (str(m[0]), m[1] or "")):
        catalog.add(message, context=context)
    with POT.open("wb") as fh:
        write_po(fh, catalog, omit_header=False, sort_output=True, no_location=True, width=0)
    return catalog


def po_path(code: str) -> Path:
    return TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"


def _read(code: str) -> Catalog:
    with po_path(code).open("rb") as fh:
        return read_po(fh, locale=code)


def update() -> None:
    with POT.open("rb") as fh:
        template = read_po(fh)
    for lang in LANGUAGES:
        if lang.code == "en":
            continue  # English is the source language
        path = po_path(lang.code)
        if path.exists():
            catalog = _read(lang.code)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=lang.code, project="portal", version="1", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.language_team = f"{lang.endonym} <translations@portal.invalid>"
        catalog.obsolete.clear()
        buffer = BytesIO()
        write_po(buffer, catalog, sort_output=True, no_location=True, width=0, ignore_obsolete=True)
        text = buffer.getvalue().decode("utf-8")
        if catalog.locale is None and "Plural-Forms:" not in text:
            # Babel writes no plural rule for a locale it does not know; state Romani's (two forms,
            # as gettext assumes by default) so translators and tools see it.
            text = text.replace('"MIME-Version: 1.0\\n"', f'"Plural-Forms: {ROMANI_PLURALS}\\n"\n"MIME-Version: 1.0\\n"', 1)
        path.write_text(text, encoding="utf-8")


def compile_all() -> int:
    count = 0
    for lang in LANGUAGES:
        path = po_path(lang.code)
        if not path.exists():
            continue
        catalog = _read(lang.code)
        buffer = BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != buffer.getvalue():
            mo.write_bytes(buffer.getvalue())
        count += 1
    return count


def missing(code: str, wanted: set[str]) -> list[str]:
    """Messages of `wanted` that the catalogue of `code` lacks, leaves empty or marks fuzzy."""
    if not po_path(code).exists():
        return sorted(wanted)
    catalog = _read(code)
    gaps = []
    for msgid in sorted(wanted):
        entry = catalog.get(msgid)
        if entry is None:
            entry = next((m for m in catalog if isinstance(m.id, tuple) and m.id[0] == msgid), None)
        strings = entry.string if entry is not None and isinstance(entry.string, tuple) else (entry.string if entry else "",)
        if entry is None or entry.fuzzy or not all(strings):
            gaps.append(msgid)
    return gaps


def check(verbose: bool = False) -> int:
    public, every = message_sets()
    problems = 0
    for code in PUBLIC_CODES:
        if code == "en":
            continue
        wanted = every if code in STAFF_CODES else public
        gaps = missing(code, wanted)
        problems += len(gaps)
        print(f"{code:8} {len(wanted) - len(gaps):4}/{len(wanted)} translated")
        if verbose:
            for msgid in gaps:
                print(f"    missing: {msgid!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal.catalogs", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "update", "compile", "check"])
    parser.add_argument("-v", "--verbose", action="store_true", help="with check: list each missing message")
    args = parser.parse_args(argv)
    if args.command == "extract":
        print(f"{len(extract())} messages in {POT.relative_to(ROOT)}")
    elif args.command == "update":
        update()
    elif args.command == "compile":
        print(f"compiled {compile_all()} catalogues")
    else:
        return 1 if check(args.verbose) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
