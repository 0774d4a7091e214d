"""Redaction proposals: text in a resident's feedback that looks like personal data.

Before feedback is published, a moderator removes whatever could identify someone. This module reads
the text and proposes spans to remove: telephone numbers, e-mail and web addresses, social-media
user names, national identity numbers, bank account numbers (IBAN), vehicle number plates, street
addresses with a house number, and names written after a title or rank ("officer Popescu", "Herr
Müller", "Kovács úr"). Each proposal says in plain words why it was made.

It is only a proposal. Patterns miss things and catch harmless words, and only a person who reads the
whole text can tell a street from a saint or a surname from a village. The moderator accepts, edits
or rejects each proposal; `apply` then writes the accepted replacements. Nothing here changes a text
on its own.

How the kinds are found:
- telephone numbers with the phonenumbers library, against the numbering plans of the countries of
  the portal's sixteen languages (a number must be a valid number there, so dates and prices are
  not taken);
- identity numbers and IBANs only when their check digits are right (python-stdnum, plus the
  Hungarian TAJ and the Yugoslav JMBG/EMBG rules written here); a number written just after a word
  such as "CNP" or "DNI" is proposed even when its check digit is wrong, since it was likely mistyped;
- the rest with patterns and the word lists of redaction_words.py, tried in every language, because
  residents mix languages. The `language` argument only breaks ties (which country a number is from).

Missing a piece of personal data is worse than proposing a harmless word: a wrong proposal costs the
moderator one click, a missed one can expose a resident. So the patterns lean towards proposing.

Pure functions: no Flask app, no database, no request. Reasons are lazy translatable strings, so they
render later in the moderator's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import phonenumbers
from flask_babel import lazy_gettext as _l
from stdnum import iban as stdnum_iban
from stdnum.bg import egn
from stdnum.cz import rc
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.gr import amka
from stdnum.it import codicefiscale
from stdnum.pt import nif
from stdnum.ro import cnp
from stdnum.tr import tckimlik

from portal.services.moderation import redaction_words as words

KINDS: tuple[str, ...] = ("phone", "email", "web", "handle", "national-id", "iban", "plate",
                          "address", "name")

KIND_LABELS = {
    "phone": _l("Telephone number"),
    "email": _l("E-mail address"),
    "web": _l("Web address"),
    "handle": _l("Social-media user name"),
    "national-id": _l("National identity number"),
    "iban": _l("Bank account number (IBAN)"),
    "plate": _l("Vehicle registration plate"),
    "address": _l("Street address with house number"),
    "name": _l("Name of a person"),
}

REPLACEMENT = "[…]"


@dataclass(frozen=True)
class Proposal:
    """A span of the scanned text that looks like personal data: text[start:end] == span."""

    kind: str
    start: int
    end: int
    span: str
    reason: object


def propose(text: str, language: str | None = None) -> list[Proposal]:
    """Non-overlapping proposals sorted by start. `language` is only a hint for ties: every
    language's patterns are always tried."""
    if not text:
        return []
    found = [*_emails(text), *_web_addresses(text), *_handles(text), *_ibans(text),
             *_identity_numbers(text, language), *_phones(text, language), *_plates(text),
             *_addresses(text), *_names(text)]
    return _resolve(text, found)


def apply(text: str, accepted: list[tuple[Proposal, str | None]]) -> str:
    """Replace each accepted proposal's span with its replacement (None -> REPLACEMENT).

    Works from the end of the text so earlier offsets stay valid. A stale proposal (the text no
    longer has its span there) is skipped, and so is one that overlaps a proposal already applied
    (the one further right wins)."""
    ordered = sorted(accepted, key=lambda pair: (pair[0].start, pair[0].end), reverse=True)
    limit = len(text)
    for proposal, replacement in ordered:
        if proposal.end > limit or proposal.start < 0 or proposal.start >= proposal.end:
            continue
        if text[proposal.start:proposal.end] != proposal.span:
            continue
        new = REPLACEMENT if replacement is None else replacement
        text = text[:proposal.start] + new + text[proposal.end:]
        limit = proposal.start
    return text


# --- shared building blocks ---------------------------------------------------------------------

def _char_class(predicate) -> str:
    """A regex class of the Latin, Greek and Cyrillic letters for which predicate(char) holds."""
    blocks = [(0x41, 0x24F), (0x1E00, 0x1EFF), (0x370, 0x3FF), (0x1F00, 0x1FFF), (0x400, 0x52F)]
    points = [cp for lo, hi in blocks for cp in range(lo, hi + 1) if predicate(chr(cp))]
    ranges, first, last = [], points[0], points[0]
    for cp in points[1:]:
        if cp != last + 1:
            ranges.append((first, last))
            first = cp
        last = cp
    ranges.append((first, last))
    return "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]"


UP = _char_class(str.isupper)
# Lower-case letters, plus combining accents: a resident's phone may send "ă" as "a" + breve.
LOW = _char_class(str.islower)[:-1] + "\u0300-\u036f]"
# A capitalised word in any of the three scripts: "Popescu", "O'Brien", "Jean-Pierre", "Петров".
TOK = rf"{UP}(?:['’]{UP})?{LOW}+(?:{UP}{LOW}+)?(?:-{UP}{LOW}+)?"
INITIAL = rf"{UP}\."
SP = r"[ \t\u00a0]"


def _alternation(entries, exact_case: bool = False) -> str:
    """Entries as one regex group, longest first; words ending in a letter must end there."""
    parts = [re.escape(e) + (r"(?!\w)" if e[-1].isalnum() else "")
             for e in sorted(set(entries), key=len, reverse=True)]
    body = "|".join(parts)
    return f"(?:{body})" if exact_case else f"(?i:{body})"


def _flatten(by_language: dict[str, tuple[str, ...]]) -> list[str]:
    return [w for group in by_language.values() for w in group]


def _keyword_regex(entries) -> re.Pattern:
    # Short keywords ("tel", "cnp") must stand alone; longer ones may be the start of a word
    # ("ταυτότητ" for every case ending of "identity").
    parts = [re.escape(e) + (r"(?!\w)" if len(e) < 5 else "")
             for e in sorted(entries, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


_ID_KEYWORD = _keyword_regex(words.ID_KEYWORDS)
_PHONE_KEYWORD = _keyword_regex(words.PHONE_KEYWORDS)


def _nearest_keyword(text: str, pos: int, reach: int = 40) -> str | None:
    """'id' or 'phone': which kind of keyword stands closest before pos, if any does."""
    window = text[max(0, pos - reach):pos]
    best, best_end = None, -1
    for kind, pattern in (("id", _ID_KEYWORD), ("phone", _PHONE_KEYWORD)):
        for m in pattern.finditer(window):
            if m.end() > best_end:
                best, best_end = kind, m.end()
    return best


def _proposal(text: str, kind: str, start: int, end: int, reason) -> Proposal:
    return Proposal(kind, start, end, text[start:end], reason)


_TRAILING_PUNCTUATION = ".,;:!?)]}'\"»”’"


def _trim(start: int, end: int, text: str) -> int:
    """The end of a URL-like span without the sentence punctuation after it."""
    while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
        end -= 1
    return end


# --- telephone numbers --------------------------------------------------------------------------

# The countries of the portal's languages; GB and IE for English. The language hint goes first.
REGIONS = ("RO", "BG", "HU", "SK", "CZ", "ES", "PT", "RS", "MK", "GR", "TR", "IT", "FR", "DE", "GB",
           "IE")
LANGUAGE_REGIONS = {"ro": ("RO",), "bg": ("BG",), "hu": ("HU",), "sk": ("SK",), "cs": ("CZ",),
                    "es": ("ES",), "pt": ("PT",), "sr_Latn": ("RS",), "mk": ("MK",), "el": ("GR",),
                    "tr": ("TR",), "it": ("IT",), "fr": ("FR",), "de": ("DE",), "en": ("GB", "IE"),
                    "rom": ("RO",)}

# Runs of digits with the separators people write. Only these short windows go to phonenumbers,
# region by region: scanning the whole text sixteen times is far too slow.
_PHONE_WINDOW = re.compile(r"(?<![\w+])\+?\(?\d[\d \u00a0().\-/]{5,}\d")
_DIGIT_GROUP = re.compile(r"[+(]*\d+")
# The shortest personal numbers in these plans have 8 digits ("06 123456"); the longest, written
# with 00 and a country code, 17. A longer run holds several numbers.
_PHONE_DIGITS = (8, 17)


# "05.06.2023" is a valid number in some plans; written like that it is a date. So is a run that
# holds a date with a four-digit year ("05.06.2023 18.00"); "06.12.34.56.78" is French, not a date.
_DATE = re.compile(r"[0-9]{1,2}([./\-])[0-9]{1,2}\1[0-9]{2,4}|[0-9]{4}([./\-])[0-9]{1,2}\2[0-9]{1,2}")
_HOLDS_DATE = re.compile(r"(?<![0-9])(?:[0-3]?[0-9]([./\-])[01]?[0-9]\1(?:19|20)[0-9]{2}"
                         r"|(?:19|20)[0-9]{2}([./\-])[01]?[0-9]\2[0-3]?[0-9])(?![0-9])")
# Freephone numbers (0800 ...) are hotlines, not a person's. Premium and shared-cost ranges are not
# dropped: they collide with real mobiles elsewhere (0888 is a Bulgarian mobile, premium in France).
_TOLL_FREE = phonenumbers.PhoneNumberType.TOLL_FREE
_SERVICE = {_TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE, phonenumbers.PhoneNumberType.SHARED_COST}
_MOBILE = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def _phones(text: str, language: str | None) -> list[Proposal]:
    hint = LANGUAGE_REGIONS.get(language or "", ())
    regions = hint + tuple(r for r in REGIONS if r not in hint)
    readings: dict[tuple[int, int], list] = {}  # span -> [(country, number type), ...]
    for window in _PHONE_WINDOW.finditer(text):
        count = sum(c.isdigit() for c in window.group())
        if _DATE.fullmatch(window.group()):
            continue  # the commonest number in feedback; no need to ask sixteen plans
        if count > _PHONE_DIGITS[1]:
            for start, end, valid_in in _split_numbers(window, regions):
                _phones_in_window(start, text[start:end], valid_in, hint, readings)
        elif count >= _PHONE_DIGITS[0]:
            _phones_in_window(window.start(), window.group(), regions, hint, readings)
    found = []
    for (start, end), seen in readings.items():
        country = _country(seen, hint)
        if country:
            found.append(_proposal(text, "phone", start, end, _l(
                "Looks like a telephone number from %(country)s.", country=country)))
    return found


def _country(seen: list, hint: tuple[str, ...]) -> str | None:
    """The likeliest country of a number read in several plans: the language's own if it is a
    personal number there, else one where it is a mobile, else the first. None for a freephone
    number that is nobody's mobile."""
    types = {number_type for _, number_type in seen}
    if _TOLL_FREE in types and not types & _MOBILE:
        return None
    ranked = sorted(seen, key=lambda reading: not _is_personal(*reading, hint))
    return next((c for c, t in ranked if t in _MOBILE or c in hint), ranked[0][0])


def _is_personal(country: str, number_type, hint: tuple[str, ...]) -> bool:
    """A mobile anywhere, or any non-service number in the language's own plan."""
    return number_type in _MOBILE or (country in hint and number_type not in _SERVICE)


def _split_numbers(window: re.Match, regions: tuple[str, ...]):
    """Cut a run such as "0721 234 567 0722 345 678" into numbers, which phonenumbers cannot do:
    from each digit group, the shortest stretch of whole groups that is a valid number somewhere.
    Yields (start, end, the regions where it is valid)."""
    groups = [(window.start() + g.start(), window.start() + g.end())
              for g in _DIGIT_GROUP.finditer(window.group())]
    text, i = window.string, 0
    while i < len(groups):
        count, next_i = 0, i + 1
        for j in range(i, len(groups)):
            count += sum(c.isdigit() for c in text[groups[j][0]:groups[j][1]])
            if count > _PHONE_DIGITS[1]:
                break
            valid_in = count >= _PHONE_DIGITS[0] and _valid_in(text[groups[i][0]:groups[j][1]], regions)
            if valid_in:
                yield groups[i][0], groups[j][1], valid_in
                next_i = j + 1
                break
        i = next_i


def _plan(region: str) -> tuple[str, frozenset[int]]:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return metadata.national_prefix or "", frozenset(metadata.general_desc.possible_length)


# National prefix and possible lengths per region: a cheap test before the costly parse.
_PLANS = {region: _plan(region) for region in REGIONS}


def _valid_in(candidate: str, regions: tuple[str, ...]) -> tuple[str, ...]:
    digits = re.sub(r"\D", "", candidate)
    if candidate.lstrip("(").startswith("+") or digits.startswith("00"):
        regions = regions[:1]  # international: every one of these regions dials out with 00
    else:
        regions = tuple(r for r in regions if len(digits) in _PLANS[r][1] or (
            _PLANS[r][0] and digits.startswith(_PLANS[r][0])
            and len(digits) - len(_PLANS[r][0]) in _PLANS[r][1]))
    return tuple(r for r in regions if _is_valid(candidate, r))


def _is_valid(candidate: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate, region))
    except phonenumbers.NumberParseException:
        return False


def _phones_in_window(offset: int, window: str, regions: tuple[str, ...], hint: tuple[str, ...],
                      readings: dict) -> None:
    uncovered = {i for i, c in enumerate(window) if c.isdigit()}
    for region in regions:
        for match in phonenumbers.PhoneNumberMatcher(window, region,
                                                     leniency=phonenumbers.Leniency.VALID):
            if _DATE.fullmatch(match.raw_string) or _HOLDS_DATE.search(match.raw_string):
                continue
            number_type = phonenumbers.number_type(match.number)
            country = phonenumbers.region_code_for_number(match.number) or region
            readings.setdefault((offset + match.start, offset + match.end), []).append(
                (country, number_type))
            if _is_personal(country, number_type, hint):
                uncovered -= set(range(match.start, match.end))
        if not uncovered:
            return  # every digit is in the language's own plan or in a mobile: that is enough


# --- e-mail, web, social media ------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+\-])[\w!#$%&'*+/=?^`{|}~\-]+(?:\.[\w!#$%&'*+/=?^`{|}~\-]+)*"
                    r"@(?:[\w\-]+\.)+(?:xn--[a-z0-9\-]+|[^\W\d_]{2,})(?![\w\-])", re.IGNORECASE)


def _emails(text: str) -> list[Proposal]:
    return [_proposal(text, "email", m.start(), m.end(), _l("Looks like an e-mail address."))
            for m in _EMAIL.finditer(text)]


_URL = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"«»]+", re.IGNORECASE)
# A bare domain: "facebook.com/ion.pop", "primaria-sector5.ro". The top-level domain must be in
# lower case, so a missing space after a full stop ("rece.De asemenea") is not a domain.
_BARE_DOMAIN = re.compile(r"(?<![\w@./\-])(?:[\w\-]+\.)+(?P<tld>" + "|".join(words.TLDS)
                          + r")(?![\w\-])(?P<path>/[^\s<>\"«»]*)?")


def _web_addresses(text: str) -> list[Proposal]:
    reason = _l("Looks like a web address.")
    spans = [(m.start(), _trim(m.start(), m.end(), text)) for m in _URL.finditer(text)]
    for m in _BARE_DOMAIN.finditer(text):
        if m.group("tld") in words.TLDS_COMMON_WORDS and not m.group("path"):
            continue
        spans.append((m.start(), _trim(m.start(), m.end(), text)))
    return [_proposal(text, "web", s, e, reason) for s, e in spans if e - s > 3]


_AT_HANDLE = re.compile(r"(?<![\w@.])@\w(?:[\w.]*\w)?")
_PLATFORM_HANDLE = re.compile(
    r"(?<!\w)" + _alternation(words.SOCIAL_PLATFORMS)
    + r"\s*(?:[:=\-–]\s*|\s+(?i:is|e|este|es|é|est|ist|je|е|είναι|on|pe|na)\s+|\s+)@?"
    r"(?P<handle>\w(?:[\w.]*\w)?)")


def _handles(text: str) -> list[Proposal]:
    reason = _l("Looks like a social-media user name.")
    found = [(m.start(), m.end()) for m in _AT_HANDLE.finditer(text)
             if any(c.isalpha() for c in m.group())]
    for m in _PLATFORM_HANDLE.finditer(text):
        handle = m.group("handle")
        # Without "@", only a word with a digit, "_" or "." inside is taken ("maria_99", not "Maria").
        if len(handle) >= 3 and any(c.isdigit() or c in "_." for c in handle):
            found.append((m.start("handle"), m.end("handle")))
    return [_proposal(text, "handle", s, e, reason) for s, e in found]


# --- identity numbers and bank accounts ---------------------------------------------------------

def _is_taj(number: str) -> bool:
    """Hungarian TAJ: digits 1..8 weighted 3, 7, 3, 7, ...; the sum mod 10 is the 9th digit."""
    if len(number) != 9 or not number.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 == 0 else 7) for i, d in enumerate(number[:8]))
    return total % 10 == int(number[8])


def _is_jmbg(number: str) -> bool:
    """Serbian JMBG / North Macedonian EMBG (DDMMYYYRRBBBK): a birth date and the mod-11 rule."""
    if len(number) != 13 or not number.isdigit():
        return False
    d = [int(c) for c in number]
    year = int(number[4:7]) + (1000 if number[4] == "9" else 2000)
    try:
        date(year, d[2] * 10 + d[3], d[0] * 10 + d[1])
    except ValueError:
        return False
    m = 11 - sum(w * (d[i] + d[i + 6]) for i, w in enumerate((7, 6, 5, 4, 3, 2))) % 11
    return d[12] == (0 if m > 9 else m)


# key -> (number of digits, validator, reason, languages that make it the likelier reading)
ID_NUMBERS = {
    "hu.taj": (9, _is_taj, _l("Hungarian social security number (TAJ), check digit valid."), ("hu",)),
    "pt.nif": (9, nif.is_valid, _l("Portuguese tax number (NIF), check digit valid."), ("pt",)),
    "bg.egn": (10, egn.is_valid, _l("Bulgarian personal number (EGN), check digit valid."), ("bg",)),
    "cz.rc": (10, rc.is_valid, _l("Czech or Slovak birth number, check digit valid."), ("cs", "sk")),
    "gr.amka": (11, amka.is_valid, _l("Greek social security number (AMKA), check digit valid."),
                ("el",)),
    "tr.tckimlik": (11, tckimlik.is_valid,
                    _l("Turkish identity number (T.C. Kimlik No), check digits valid."), ("tr",)),
    "ro.cnp": (13, cnp.is_valid, _l("Romanian personal numeric code (CNP), check digit valid."),
               ("ro", "rom")),
    "yu.jmbg": (13, _is_jmbg,
                _l("Serbian or North Macedonian personal number (JMBG/EMBG), check digit valid."),
                ("sr_Latn", "mk")),
    "fr.nir": (15, nir.is_valid, _l("French social security number (NIR), check digits valid."),
               ("fr",)),
}
_ID_LENGTHS = {spec[0] for spec in ID_NUMBERS.values()}

# Groups of digits with the separators people use ("850101/1234", "1 85 05 78 006 084 36").
_DIGIT_RUN = re.compile(r"(?<![0-9+])[0-9]+(?:[ ./\-][0-9]+)*(?![0-9])")
_SEPARATOR = re.compile(r"[ ./\-]")

_LETTER_IDS = (
    (re.compile(r"(?<!\w)[0-9]{8}[ \-]?[A-Z](?!\w)", re.IGNORECASE), dni.is_valid,
     _l("Spanish identity number (DNI), check letter valid.")),
    (re.compile(r"(?<!\w)[XYZ][ \-]?[0-9]{7}[ \-]?[A-Z](?!\w)", re.IGNORECASE), nie.is_valid,
     _l("Spanish foreigner's identity number (NIE), check letter valid.")),
    (re.compile(r"(?<!\w)[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}"
                r"[A-Z](?!\w)", re.IGNORECASE), codicefiscale.is_valid,
     _l("Italian tax code (codice fiscale), check letter valid.")),
)


def _identity_numbers(text: str, language: str | None) -> list[Proposal]:
    found = []
    for pattern, is_valid, reason in _LETTER_IDS:
        found += [_proposal(text, "national-id", m.start(), m.end(), reason)
                  for m in pattern.finditer(text) if is_valid(m.group())]
    for run in _DIGIT_RUN.finditer(text):
        found += _ids_in_run(text, run, language)
    return found


def _ids_in_run(text: str, run: re.Match, language: str | None) -> list[Proposal]:
    """The stretches of whole digit groups in the run that are identity numbers, without overlaps:
    valid check digits first, then the longest ("1980315123456 2851210134564" holds two)."""
    groups = [(m.start(), m.end()) for m in re.finditer(r"[0-9]+", run.group())]
    base, candidates = run.start(), []
    for i in range(len(groups)):
        for j in range(i, min(len(groups), i + 8)):
            start, end = base + groups[i][0], base + groups[j][1]
            digits = re.sub(r"[^0-9]", "", text[start:end])
            if len(digits) > 15:
                break
            reason = _id_reason(text, start, end, digits, language) if len(digits) in _ID_LENGTHS else None
            if reason is not None:
                candidates.append((start, end, reason))
    chosen: list[tuple] = []
    for start, end, reason in sorted(candidates, key=lambda c: (c[2] is _MISTYPED_ID, c[0] - c[1])):
        if all(end <= s or e <= start for s, e, _ in chosen):
            chosen.append((start, end, reason))
    return [_proposal(text, "national-id", *c) for c in chosen]


def _id_reason(text: str, start: int, end: int, digits: str, language: str | None):
    separators = set(_SEPARATOR.findall(text[start:end]))
    keyword = _nearest_keyword(text, start)
    # Nine or ten digits in groups look like a telephone number unless a word such as "TAJ" or
    # "rodné číslo" says otherwise; the slash is the Czech and Slovak way of writing a birth number.
    if len(digits) <= 10 and separators - {"/"} and keyword != "id":
        return None
    specs = sorted(ID_NUMBERS.items(), key=lambda item: (language or "-") not in item[1][3])
    for key, (length, is_valid, reason, _languages) in specs:
        if length == len(digits) and is_valid(digits) and ("/" not in separators or key == "cz.rc"):
            return reason
    if separators <= {" "} and _nearest_keyword(text, start, reach=15) == "id":
        return _MISTYPED_ID
    return None


# Shared so that _resolve can tell these weaker proposals apart: a valid telephone number wins.
_MISTYPED_ID = _l("Number written just after an identity-document word; its check digit does not "
                  "match, so it may be mistyped.")


_IBAN = re.compile(r"(?<!\w)[A-Z]{2}[0-9]{2}(?:[ \-]?[A-Z0-9]){10,40}(?!\w)", re.IGNORECASE)


def _ibans(text: str) -> list[Proposal]:
    found = []
    for m in _IBAN.finditer(text):
        # The pattern may run into the next word; try the group boundaries from the longest.
        ends = [m.start() + g.end() for g in re.finditer(r"[A-Za-z0-9]+", m.group())]
        for end in reversed(ends):
            if stdnum_iban.is_valid(text[m.start():end]):
                found.append(_proposal(text, "iban", m.start(), end,
                                       _l("Bank account number (IBAN), check digits valid.")))
                break
    return found


# --- vehicle registration plates ----------------------------------------------------------------

_EDGE_L, _EDGE_R = r"(?<![\w\-])", r"(?![\w\-])"
PLATES = [(re.compile(_EDGE_L + "(?:" + pattern + ")" + _EDGE_R), countries, short_words)
          for pattern, countries, short_words in words.PLATE_SHAPES]


def _plates(text: str) -> list[Proposal]:
    found = []
    for pattern, countries, short_words in PLATES:
        for m in pattern.finditer(text):
            letters = set(re.findall(r"[^\W\d_]+", m.group()))
            if letters & words.NOT_PLATE_ACRONYMS or (short_words and letters & words.NOT_PLATE_WORDS):
                continue  # a currency, a bank or an all-caps word, not a plate
            found.append(_proposal(text, "plate", m.start(), m.end(), _l(
                "Looks like a vehicle registration plate (%(country)s).", country=countries)))
    return found


# --- street addresses ---------------------------------------------------------------------------

_PART = r"(?:de la|de l'|d'|l'|" + "|".join(words.NAME_PARTICLES) + r"|lui|dei|degli|of|the|am|an)"
# A street name: up to four capitalised words, with particles between ("Rua da Prata").
_STREET_WORD = rf"(?:{TOK}|{UP}{{2,5}}(?!\w))"  # "Nám. SNP 3": squares named by an acronym
_STREET_NAME = (rf"(?:{_PART}{SP}+)?[„“\"«]?{_STREET_WORD}(?:{SP}+(?:{_PART}{SP}+)*{_STREET_WORD}){{0,3}}"
                rf"[“”\"»]?")
_NUMBER_WORD = _alternation(words.HOUSE_NUMBER_WORDS)
_HOUSE = r"(?P<num>[0-9]{1,4}[A-Za-z]?(?:[/\-][0-9]{1,4}[A-Za-z]?)?)(?![0-9])(?![.,:][0-9])"
_BEFORE_NUMBER = rf"{SP}*,?{SP}*(?:{_NUMBER_WORD}{SP}*)?"
_STREET_BEFORE_WORD = _alternation(_flatten(words.STREET_BEFORE))

ADDRESSES = [re.compile(p) for p in (
    # "strada Florilor nr. 7", "ул. Васил Левски 15", "Rua da Prata, 25"
    rf"(?<![\w.]){_STREET_BEFORE_WORD}{SP}*{_STREET_NAME}{_BEFORE_NUMBER}{_HOUSE}",
    # "strada florilor nr. 7": lower-case names only with an explicit number word
    rf"(?<![\w.]){_STREET_BEFORE_WORD}{SP}+[^\W\d_]+(?:{SP}+[^\W\d_]+){{0,3}}{SP}*,?{SP}*"
    rf"{_NUMBER_WORD}{SP}*{_HOUSE}",
    # "Petőfi utca 12.", "Atatürk Caddesi No: 5", "Berliner Straße 5"
    rf"(?<!\w){_STREET_NAME}{SP}+{_alternation(words.STREET_AFTER)}{_BEFORE_NUMBER}{_HOUSE}",
    # "Hauptstraße 5", "Goethestr. 3"
    rf"(?<!\w){UP}{LOW}*{_alternation(words.STREET_COMPOUND_ENDINGS)}{_BEFORE_NUMBER}{_HOUSE}",
    # "Masarykova 7", "Hlavná 12"
    rf"(?<!\w){UP}{LOW}*{_alternation(words.STREET_ADJECTIVE_ENDINGS, True)}{SP}+{_HOUSE}",
    # "221B Baker Street", "12 rue de la Paix"
    rf"(?<![\w.,:/])(?P<num>[0-9]{{1,4}}[A-Za-z]?)(?:{SP}?(?:bis|ter))?,?{SP}+"
    rf"(?:{_STREET_NAME}{SP}+{_alternation(words.STREET_NUMBER_FIRST)}"
    rf"|{_alternation(words.STREET_BEFORE['fr'])}{SP}+{_STREET_NAME})",
)]

_NOT_HOUSE_NUMBER = re.compile(rf"{SP}*(?:%|€|\$|£|{_alternation(words.NOT_HOUSE_NUMBER_AFTER)})")


def _addresses(text: str) -> list[Proposal]:
    found = []
    for pattern in ADDRESSES:
        for m in pattern.finditer(text):
            # "strada principală 3 ore" or "Hlavná 12 rokov": an amount, an age or a time.
            if _NOT_HOUSE_NUMBER.match(text, m.end("num")):
                continue
            found.append(_proposal(text, "address", m.start(), m.end(),
                                   _l("A street name with a house number.")))
    return found


# --- names after titles -------------------------------------------------------------------------

_TITLE = re.compile(r"(?<![\w.\-])(?P<title>" + _alternation(_flatten(words.TITLES)) + "|"
                    + _alternation(words.TITLES_EXACT_CASE, exact_case=True) + ")")
_PARTICLE = "|".join(words.NAME_PARTICLES)
_NAME_AFTER = re.compile(rf"{SP}*(?P<name>(?:{INITIAL}{SP}?)?{TOK}"
                         rf"(?:{SP}+(?:(?:{_PARTICLE}){SP}+)?(?:{INITIAL}{SP}?)?{TOK}){{0,2}})")
_NAME_BEFORE = re.compile(rf"(?<!\w)(?P<name>(?:{TOK}{SP}+){{0,2}}{TOK}){SP}+"
                          rf"(?P<title>{_alternation(words.TITLES_AFTER_NAME)})")
_NAME_WORD = re.compile(rf"{TOK}|{INITIAL}|\S+")
_NOT_NAMES = (words.NOT_NAMES
              | {t.rstrip(".").lower() for t in _flatten(words.TITLES) + list(words.TITLES_EXACT_CASE)}
              | set(words.TITLES_AFTER_NAME))


def _names(text: str) -> list[Proposal]:
    found = []
    for title in _TITLE.finditer(text):
        m = _NAME_AFTER.match(text, title.end())
        if m:
            span = _name_span(m, keep_from_start=True)
            if span:
                found.append((*span, title.group("title")))
    for m in _NAME_BEFORE.finditer(text):
        span = _name_span(m, keep_from_start=False)
        if span:
            found.append((*span, m.group("title")))
    return [_proposal(text, "name", s, e, _l("A name next to the title “%(title)s”.", title=t))
            for s, e, t in found]


def _name_span(m: re.Match, keep_from_start: bool) -> tuple[int, int] | None:
    """The name's words without institutions and sentence words ("Policía", "The", "Tegnap").

    After a title the name ends at the first such word; before a title it starts after the last."""
    tokens = [(w.start(), w.end(), w.group()) for w in _NAME_WORD.finditer(m.string, *m.span("name"))]
    stop = [i for i, (_, _, w) in enumerate(tokens)
            if re.fullmatch(TOK, w) and w.lower() in _NOT_NAMES]
    if stop:
        tokens = tokens[:stop[0]] if keep_from_start else tokens[stop[-1] + 1:]
    # A name is capitalised words; particles and initials alone are not one.
    while tokens and not re.fullmatch(TOK, tokens[-1][2]):
        tokens.pop()
    while tokens and not re.fullmatch(TOK, tokens[0][2]) and not re.fullmatch(INITIAL, tokens[0][2]):
        tokens.pop(0)
    return (tokens[0][0], tokens[-1][1]) if tokens else None


# --- choosing among overlapping proposals -------------------------------------------------------

# The more specific kind wins an overlap: a check digit or an "@" says more than a digit pattern.
RANK = {kind: i for i, kind in enumerate(
    ("email", "iban", "national-id", "web", "phone", "handle", "plate", "address", "name"))}


def _resolve(text: str, found: list[Proposal]) -> list[Proposal]:
    found = [p for p in found if not _phone_beats_id(text, p, found)]
    chosen: list[Proposal] = []
    for p in sorted(found, key=lambda p: (RANK[p.kind], p.start - p.end, p.start)):
        if all(p.end <= q.start or q.end <= p.start for q in chosen):
            chosen.append(p)
    return sorted(chosen, key=lambda p: p.start)


def _phone_beats_id(text: str, p: Proposal, found: list[Proposal]) -> bool:
    """An identity number that is also a valid telephone number is read as a telephone number when
    a word such as "tel." stands closer before it than an identity word, when it starts with + or
    00, or when its check digit is wrong anyway."""
    if p.kind != "national-id":
        return False
    for q in found:
        if q.kind == "phone" and q.start < p.end and p.start < q.end:
            keyword = _nearest_keyword(text, min(p.start, q.start))
            international = q.span.lstrip("( ").startswith(("+", "00"))
            if p.reason is _MISTYPED_ID or keyword == "phone" or (keyword != "id" and international):
                return True
    return False
