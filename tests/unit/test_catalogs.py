"""Every public page in every public language, and every staff page in every staff language, is
fully translated: no message missing, none fuzzy, placeholders intact."""

import re

import pytest
from babel.messages.pofile import read_po

from portal import catalogs
from portal.i18n import PUBLIC_CODES, STAFF_CODES

PUBLIC, EVERY = catalogs.message_sets()
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.mark.parametrize("code", [c for c in PUBLIC_CODES if c != "en"])
def test_catalogue_is_complete(code):
    wanted = EVERY if code in STAFF_CODES else PUBLIC
    gaps = catalogs.missing(code, wanted)
    assert not gaps, f"{code}: {len(gaps)} of {len(wanted)} messages untranslated or fuzzy, e.g. {gaps[:5]}"


@pytest.mark.parametrize("code", [c for c in PUBLIC_CODES if c != "en"])
def test_translations_keep_their_placeholders(code):
    """A lost or misspelt %(name)s would raise at render time or drop a number from the page."""
    with catalogs.po_path(code).open("rb") as fh:
        catalog = read_po(fh, locale=code)
    broken = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple):  # plural forms may leave out the number ("one activity")
            allowed = set(PLACEHOLDER.findall(" ".join(message.id)))
            if any(set(PLACEHOLDER.findall(form)) - allowed for form in message.string if form):
                broken.append((message.id, message.string))
        elif set(PLACEHOLDER.findall(message.string)) != set(PLACEHOLDER.findall(message.id)):
            broken.append((message.id, message.string))
    assert not broken, broken[:5]


def test_the_public_set_covers_the_resident_pages():
    assert "Skip to content" in PUBLIC  # base layout
    assert "Page not found" in PUBLIC  # error pages
    assert "Very badly" in PUBLIC  # treatment scale (vocabulary)
    assert "Staff login" in PUBLIC
    assert PUBLIC < EVERY
