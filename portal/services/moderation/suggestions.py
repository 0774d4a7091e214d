"""Suggested good-practice links and possible duplicates for a moderator to accept or ignore.

Suggesting practices. Two kinds of evidence are added up for each practice in the catalogue:

* the category: a practice that addresses the feedback's category (practice_words.CATEGORY_PRACTICES)
  gets 0.6, less 0.05 for each practice named before it there, so the most direct answer leads;
* the words: the feedback's words are compared with the practice's stems in the feedback's language
  (practice_words.PRACTICE_WORDS). Each stem found counts once, however often it occurs. The first
  is worth 0.6, the second half as much, the third a quarter, and so on: a text that names three
  signs of a practice is stronger evidence than one that names one, but never unboundedly so.

Words are compared without case or accents, each stem as the start of a word ("legitima" finds
"legitimat"), so one stem covers the endings a word takes. Where two stems find the same words, only
the longer one counts. A practice an admin added later has no word list: its own title, tags and
summary give the stems (English endings cut off, common words left out); a word from the summary
alone counts half, as a summary says much that is not the heart of the practice.

A practice is suggested only if its score reaches 0.4: the category, or one clear word, is enough;
a single word from a summary is not. The best come first; equal scores are ordered by slug, so the
same feedback always gets the same suggestions. Each suggestion carries its reasons: the category,
and the words as the resident wrote them.

Possible duplicates. Two texts are compared by their three-letter pieces: each word, padded with
spaces, is cut into overlapping runs of three letters (after dropping case and accents), and the
similarity is the share of pieces the two texts have in common (shared pieces / all pieces). Word
order does not matter and a typo changes only a few pieces. It works in any script. The caller
chooses the candidates (same municipality, category and month).

Pure functions: no Flask app, no database, no request. Reasons are lazy strings rendered later in
the moderator's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from flask_babel import lazy_gettext as _l

from portal.services.moderation.practice_words import CATEGORY_PRACTICES, PRACTICE_WORDS
from portal.vocab import category_label

CATEGORY_PRIOR = 0.6
PRIOR_STEP = 0.05
WORD_WEIGHT = 0.6
SUMMARY_WORD = 0.5  # a fallback word found only in a practice's summary counts this much of a word
MIN_SCORE = 0.4
QUOTED_WORDS = 5  # a reason quotes at most this many words, so it stays readable

_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])+")
# Letters that carry no combining mark to strip but are commonly typed without their stroke or dot.
_FOLD = str.maketrans({"ı": "i", "đ": "dj"})

# Words a practice's own text shares with almost any feedback; shorter words are dropped anyway.
_STOP_WORDS = frozenset({
    "about", "after", "again", "also", "among", "around", "because", "been", "before", "being", "between",
    "both", "could", "does", "doing", "done", "down", "each", "every", "first", "from", "further", "have",
    "having", "here", "into", "itself", "just", "like", "made", "make", "many", "more", "most", "much", "must",
    "once", "only", "other", "over", "same", "should", "since", "some", "such", "than", "that", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "under", "until", "very", "were",
    "what", "when", "where", "which", "while", "whom", "will", "with", "within", "without", "would", "year",
    "years", "your", "police", "policing", "officer", "officers", "roma", "romani", "community", "communities",
    "local", "people", "person", "residents", "resident", "city", "cities", "town", "towns", "municipal",
    "council", "europe", "european", "programme", "practice", "practices", "including", "included", "part",
})
_ENGLISH_ENDINGS = ("ations", "ation", "ings", "ing", "ers", "ies", "ied", "es", "ed", "er", "ly", "s")


@dataclass(frozen=True)
class PracticeText:
    slug: str
    title: str
    summary: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    slug: str
    score: float
    reasons: tuple[object, ...]


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    norm: str


@dataclass(frozen=True)
class _Stem:
    words: tuple[str, ...]
    weight: float = 1.0


def fold(text: str) -> str:
    """Lower case without accents; Cyrillic and Greek letters stay (Έλεγχος -> ελεγχοσ)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLD)


def _tokens(text: str) -> tuple[str, list[_Token]]:
    """The text (composed, so positions match what is shown) and its words, folded."""
    text = unicodedata.normalize("NFC", text or "")
    tokens = [_Token(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    return text, [token for token in tokens if token.norm]  # a stray accent alone is no word


def _stem(phrase: str) -> _Stem:
    return _Stem(tuple(token.norm for token in _tokens(phrase)[1]))


@lru_cache(maxsize=256)
def _listed_stems(slug: str, language: str) -> tuple[_Stem, ...]:
    by_language = PRACTICE_WORDS[slug]
    return tuple(_stem(phrase) for phrase in by_language.get(language, by_language["en"]))


@lru_cache(maxsize=512)
def _own_stems(title: str, summary_text: str, tags: tuple[str, ...]) -> tuple[_Stem, ...]:
    """Stems from a practice's own text, for practices without a word list."""
    main = _english_stems(" ".join((title, *tags)))
    summary = _english_stems(summary_text) - main
    return tuple([_Stem((w,)) for w in sorted(main)] + [_Stem((w,), SUMMARY_WORD) for w in sorted(summary)])


def _english_stems(text: str) -> set[str]:
    stems = set()
    for token in _tokens(text)[1]:
        word = token.norm
        if len(word) < 4 or word in _STOP_WORDS or word.isdigit():
            continue
        for ending in _ENGLISH_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        stems.add(word)
    return stems


def _stems(practice: PracticeText, language: str) -> tuple[_Stem, ...]:
    if practice.slug in PRACTICE_WORDS:
        return _listed_stems(practice.slug, language)
    return _own_stems(practice.title, practice.summary, tuple(practice.tags))


def _find(tokens: list[_Token], stems: Iterable[_Stem]) -> list[tuple[_Stem, _Token, _Token]]:
    """Each stem found, with the first and last word of its first occurrence. Longer stems go first
    and claim their words, so "checked my papers" and "papers" do not count the same word twice."""
    claimed: set[int] = set()
    found = []
    for stem in sorted(stems, key=lambda s: (-len(s.words), -sum(map(len, s.words)), s.words)):
        size = len(stem.words)
        first = None
        for i in range(len(tokens) - size + 1):
            span = range(i, i + size)
            if claimed.issuperset(span):
                continue
            if all(tokens[i + k].norm.startswith(stem.words[k]) for k in range(size)):
                claimed.update(span)
                first = first or (tokens[i], tokens[i + size - 1])
        if first:
            found.append((stem, *first))
    return found


def _category_prior(slug: str, category_slug: str) -> float:
    addressing = CATEGORY_PRACTICES.get(category_slug, ())
    if slug not in addressing:
        return 0.0
    return CATEGORY_PRIOR - PRIOR_STEP * addressing.index(slug)


def _word_evidence(weights: Iterable[float]) -> float:
    return WORD_WEIGHT * sum(w * 0.5**i for i, w in enumerate(sorted(weights, reverse=True)))


def _quote(text: str, found: list[tuple[_Stem, _Token, _Token]]) -> str:
    """The matched words as the resident wrote them, in the order they appear, each once."""
    quoted, seen = [], set()
    for _, first, last in sorted(found, key=lambda f: f[1].start):
        words = text[first.start:last.end]
        if fold(words) not in seen:
            seen.add(fold(words))
            quoted.append(words)
    return ", ".join(quoted[:QUOTED_WORDS])


def _suggestion(practice: PracticeText, category_slug: str, text: str, tokens: list[_Token],
                language: str) -> Suggestion | None:
    prior = _category_prior(practice.slug, category_slug)
    found = _find(tokens, _stems(practice, language))
    score = round(prior + _word_evidence(stem.weight for stem, *_ in found), 6)
    if score < MIN_SCORE:
        return None
    reasons = []
    if prior:
        reasons.append(_l('The category "%(category)s" is one this practice addresses.',
                          category=category_label(category_slug)))
    if found:
        reasons.append(_l('The text mentions "%(words)s".', words=_quote(text, found)))
    return Suggestion(practice.slug, score, tuple(reasons))


def suggest_practices(category_slug: str, text: str, language: str, practices: Sequence[PracticeText],
                      *, exclude: Iterable[str] = (), limit: int = 3) -> list[Suggestion]:
    """Ranked, best first; practices in `exclude` (already linked) are left out; nothing below
    MIN_SCORE. An unknown language is read with the English words."""
    if limit <= 0:
        return []
    text, tokens = _tokens(text)
    skip = set(exclude)
    suggestions = []
    for practice in practices:
        if practice.slug in skip:
            continue
        skip.add(practice.slug)  # a practice listed twice is suggested once
        suggestion = _suggestion(practice, category_slug, text, tokens, language)
        if suggestion:
            suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.slug))
    return suggestions[:limit]


def _trigrams(text: str) -> frozenset[str]:
    grams = set()
    for token in _tokens(text)[1]:
        padded = f"  {token.norm} "
        grams.update(padded[i:i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: str, b: str) -> float:
    """0.0 .. 1.0, how alike two texts are: the share of three-letter pieces they have in common.
    Texts without letters or digits -> 0.0."""
    return _jaccard(_trigrams(a), _trigrams(b))


def likely_duplicates(text: str, candidates: Sequence[tuple[int, str]], *, threshold: float = 0.5,
                      limit: int = 5) -> list[tuple[int, float]]:
    """(id, similarity) of candidates at or above threshold, most similar first (equal ones by id)."""
    if limit <= 0:
        return []
    own = _trigrams(text)
    scored = [(item_id, _jaccard(own, _trigrams(other))) for item_id, other in candidates]
    alike = [(item_id, score) for item_id, score in scored if score >= threshold]
    alike.sort(key=lambda pair: (-pair[1], pair[0]))
    return alike[:limit]
