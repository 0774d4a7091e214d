"""The API's query parameters and documents (marshmallow schemas). The OpenAPI document is generated
from these and from the routes that use them, so what is documented is what is checked and sent.

A response schema is also a whitelist: marshmallow dumps the fields named here and nothing else,
so a field added to a model never reaches the API by accident.
"""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from portal.forms import MAX_PAGE
from portal.i18n import PUBLIC_CODES
from portal.models import EvidenceStrength
from portal.models.practice import TEXT_FIELDS
from portal.services.activities.log import SENSITIVE_TYPES
from portal.vocab import ActivityFormat, ActivityType, RumourSpread, RumourStatus, RumourTarget

MAX_PER_PAGE = 100
SLUG = validate.Length(min=1, max=80)
MONTH = validate.Regexp(r"^\d{4}-(0[1-9]|1[0-2])$", error="Give a month as YYYY-MM.")
PUBLIC_TYPES = [t.value for t in ActivityType if t not in SENSITIVE_TYPES]


def _values(enum) -> list[str]:
    return [member.value for member in enum]


# --- query parameters ----------------------------------------------------------------------------

class PageArgs(ma.Schema):
    page = ma.fields.Integer(load_default=1, validate=validate.Range(1, MAX_PAGE), metadata={"description": "Page number, from 1."})
    per_page = ma.fields.Integer(load_default=20, validate=validate.Range(1, MAX_PER_PAGE),
                                 metadata={"description": f"Items per page, at most {MAX_PER_PAGE}."})


class LanguageArgs(ma.Schema):
    lang = ma.fields.String(load_default="en", validate=validate.OneOf(PUBLIC_CODES),
                            metadata={"description": "Language of the texts. A practice not written in it is given in English "
                                                     "(`fallback` is then true)."})


class PracticeListArgs(PageArgs, LanguageArgs):
    q = ma.fields.String(validate=validate.Length(max=100), metadata={"description": "Words in the title, summary or tags."})
    tag = ma.fields.String(validate=validate.Length(min=1, max=48), metadata={"description": "Only practices with this tag."})
    country = ma.fields.String(validate=validate.Length(min=1, max=80),
                               metadata={"description": "Only practices from this country (its English name), or International."})


class FeedbackListArgs(PageArgs):
    municipality = ma.fields.String(validate=SLUG, metadata={"description": "Slug of a municipality."})
    category = ma.fields.String(validate=validate.Length(min=1, max=48), metadata={"description": "Slug of a feedback category."})
    month_from = ma.fields.String(validate=MONTH, metadata={"description": "Published in this month (YYYY-MM) or later."})
    month_to = ma.fields.String(validate=MONTH, metadata={"description": "Published in this month (YYYY-MM) or earlier."})
    practice = ma.fields.String(validate=SLUG, metadata={"description": "Slug of a good practice the item is linked to."})


class RumourListArgs(PageArgs):
    municipality = ma.fields.String(validate=SLUG, metadata={"description": "Slug of a municipality."})
    status = ma.fields.String(validate=validate.OneOf(_values(RumourStatus)), metadata={"description": "Where the rumour stands."})


class ActivityListArgs(PageArgs):
    municipality = ma.fields.String(validate=SLUG, metadata={"description": "Slug of a municipality."})
    type = ma.fields.String(validate=validate.OneOf(PUBLIC_TYPES), metadata={"description": "Type of activity."})
    practice = ma.fields.String(validate=SLUG, metadata={"description": "Slug of a good practice the activity applied."})
    date_from = ma.fields.Date(metadata={"description": "Starting on this day (local time) or later."})
    date_to = ma.fields.Date(metadata={"description": "Starting on this day (local time) or earlier."})


# --- documents -----------------------------------------------------------------------------------

class ErrorSchema(ma.Schema):
    code = ma.fields.Integer(required=True, metadata={"description": "HTTP status code."})
    status = ma.fields.String(required=True, metadata={"description": "HTTP status name."})
    message = ma.fields.String(required=True)
    errors = ma.fields.Dict(metadata={"description": "For 400: the parameters that are not valid, with why."})


class PageMeta(ma.Schema):
    page = ma.fields.Integer(required=True)
    per_page = ma.fields.Integer(required=True)
    total = ma.fields.Integer(required=True)
    pages = ma.fields.Integer(required=True)


class PlaceSchema(ma.Schema):
    slug = ma.fields.String(required=True)
    name = ma.fields.String(required=True)


class SourceSchema(ma.Schema):
    title = ma.fields.String(required=True)
    url = ma.fields.String(required=True, metadata={"description": "Web address; empty when there is none."})


class PracticeSummarySchema(ma.Schema):
    slug = ma.fields.String(required=True)
    language = ma.fields.String(required=True, metadata={"description": "Language of the texts given."})
    fallback = ma.fields.Boolean(required=True, metadata={"description": "True when the practice is not written in the language "
                                                                          "asked for and English is given instead."})
    title = ma.fields.String(required=True)
    summary = ma.fields.String(required=True)
    source_organisation = ma.fields.String(required=True)
    country = ma.fields.String(required=True)
    year = ma.fields.Integer(required=True, allow_none=True)
    tags = ma.fields.List(ma.fields.String(), required=True)
    evidence_strength = ma.fields.String(required=True, validate=validate.OneOf(_values(EvidenceStrength)),
                                         metadata={"description": "Strength of the outside evidence, from guidance (weakest) "
                                                                  "to compared (strongest), or not-assessed."})
    url = ma.fields.String(required=True, metadata={"description": "The practice's public page."})


class PracticeListSchema(ma.Schema):
    meta = ma.fields.Nested(PageMeta, required=True)
    items = ma.fields.List(ma.fields.Nested(PracticeSummarySchema), required=True)


class ActivitySchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    municipality = ma.fields.Nested(PlaceSchema, required=True)
    area = ma.fields.String(required=True, metadata={"description": "Neighbourhood; empty when not given."})
    type = ma.fields.String(required=True, validate=validate.OneOf(PUBLIC_TYPES))
    format = ma.fields.String(required=True, validate=validate.OneOf(_values(ActivityFormat)))
    title = ma.fields.String(required=True)
    starts_at = ma.fields.String(required=True, metadata={"description": "Local time with its UTC offset (ISO 8601)."})
    ends_at = ma.fields.String(required=True, metadata={"description": "Local time with its UTC offset (ISO 8601)."})
    timezone = ma.fields.String(required=True, metadata={"description": "IANA time zone of the municipality."})
    public_summary = ma.fields.String(required=True)
    practices = ma.fields.List(ma.fields.String(), required=True, metadata={"description": "Slugs of good practices applied."})


class ActivityListSchema(ma.Schema):
    meta = ma.fields.Nested(PageMeta, required=True)
    items = ma.fields.List(ma.fields.Nested(ActivitySchema), required=True)


_TEXTS = {name: ma.fields.String(required=True) for name in TEXT_FIELDS if name != "how_to_start"}
PracticeTextsSchema = ma.Schema.from_dict(
    {**_TEXTS, "how_to_start": ma.fields.List(ma.fields.String(), required=True, metadata={"description": "The steps, in order."})},
    name="PracticeTexts")


class PracticeSchema(PracticeSummarySchema):
    texts = ma.fields.Nested(PracticeTextsSchema, required=True)
    languages = ma.fields.List(ma.fields.String(), required=True, metadata={"description": "Languages the practice is written in."})
    sources = ma.fields.List(ma.fields.Nested(SourceSchema), required=True)
    applied_in = ma.fields.List(ma.fields.Nested(PlaceSchema), required=True,
                                metadata={"description": "Municipalities that used it in a public activity."})
    activities = ma.fields.List(ma.fields.Nested(ActivitySchema), required=True,
                                metadata={"description": "The most recent public activities that used it."})
    published_feedback = ma.fields.Integer(required=True, metadata={"description": "Published feedback linked to it "
                                                                                    "(see /feedback?practice=)."})
    residents_evidence = ma.fields.Nested(lambda: PracticeEvidenceSchema(), required=True, metadata={
        "description": "How people felt treated with and without it, before and after, from the latest public statistics "
                       "(see /stats). An association, not proof of cause."})


class PublishedFeedbackSchema(ma.Schema):
    municipality = ma.fields.Nested(PlaceSchema, required=True)
    category = ma.fields.String(required=True)
    published_month = ma.fields.String(required=True, metadata={"description": "Month it was published (YYYY-MM)."})
    text = ma.fields.String(required=True, metadata={"description": "The resident's words as moderators reviewed them for "
                                                                    "publication."})
    answer = ma.fields.String(required=True, metadata={"description": "The moderators' public answer."})
    practices = ma.fields.List(ma.fields.String(), required=True)


class PublishedFeedbackListSchema(ma.Schema):
    meta = ma.fields.Nested(PageMeta, required=True)
    items = ma.fields.List(ma.fields.Nested(PublishedFeedbackSchema), required=True)


class RumourSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True, metadata={"description": "The rumour, in neutral words."})
    summary = ma.fields.String(required=True)
    about = ma.fields.String(required=True, allow_none=True, validate=validate.OneOf(_values(RumourTarget)))
    spread = ma.fields.String(required=True, allow_none=True, validate=validate.OneOf(_values(RumourSpread)))
    status = ma.fields.String(required=True, validate=validate.OneOf(_values(RumourStatus)))
    published_on = ma.fields.Date(required=True, allow_none=True)
    counter_data = ma.fields.String(required=True)
    counter_sources = ma.fields.String(required=True)
    emotional_argument = ma.fields.String(required=True)
    municipalities = ma.fields.List(ma.fields.Nested(PlaceSchema), required=True)
    activities = ma.fields.List(ma.fields.Nested(ActivitySchema), required=True)
    practices = ma.fields.List(ma.fields.String(), required=True)


class RumourListSchema(ma.Schema):
    meta = ma.fields.Nested(PageMeta, required=True)
    items = ma.fields.List(ma.fields.Nested(RumourSchema), required=True)


# --- public statistics ---------------------------------------------------------------------------

QUARTER = validate.Regexp(r"^\d{4}-Q[1-4]$", error="Give a quarter as YYYY-Qn, for example 2026-Q3.")
HIDDEN = " Null when it is hidden to protect residents."


class StatsArgs(ma.Schema):
    quarter = ma.fields.String(validate=QUARTER, metadata={
        "description": "A quarter that has ended, as YYYY-Qn (2026-Q3 is July to September 2026). Default: the latest."})


class IndexSchema(ma.Schema):
    value = ma.fields.Float(required=True, metadata={"description": "From 0 (very badly treated) to 100 (very well)."})
    low = ma.fields.Float(required=True, metadata={"description": "Low end of the 95 % interval."})
    high = ma.fields.Float(required=True, metadata={"description": "High end of the 95 % interval."})


def _count(description: str):
    return ma.fields.Integer(required=True, allow_none=True, metadata={"description": description + HIDDEN})


def _index(description: str):
    return ma.fields.Nested(IndexSchema, required=True, allow_none=True, metadata={
        "description": description + " Null with fewer than 10 answers, or when the count is hidden."})


class StatsFeedbackSchema(ma.Schema):
    total = _count("Messages from residents received in the quarter.")
    by_category = ma.fields.List(ma.fields.Integer(allow_none=True), required=True, metadata={
        "description": "Messages by topic, in the order of `categories`." + HIDDEN})
    answered_within_7_days = _count("Messages that got a first answer within 7 days.")
    answered_later_or_not_yet = _count("The other messages.")


_ACTIVITIES = ma.fields.Dict(keys=ma.fields.String(validate=validate.OneOf(PUBLIC_TYPES)), values=ma.fields.Integer(),
                             required=True, metadata={"description": "Activities on the public calendar, by type."})


class StatsPlaceSchema(ma.Schema):
    slug = ma.fields.String(required=True)
    name = ma.fields.String(required=True)
    feedback = ma.fields.Nested(StatsFeedbackSchema, required=True)
    treatment_index = _index("How people felt treated.")
    activities = _ACTIVITIES


class StatsAllSchema(ma.Schema):
    feedback = ma.fields.Nested(StatsFeedbackSchema, required=True)
    treatment_index = _index("How people felt treated, every town together.")
    treatment_index_by_category = ma.fields.List(ma.fields.Nested(IndexSchema, allow_none=True), required=True, metadata={
        "description": "How people felt treated, by topic, in the order of `categories`."})
    activities = _ACTIVITIES


class DifferenceSchema(ma.Schema):
    value = ma.fields.Float(required=True, metadata={"description": "In index points; above 0 means better treated."})
    low = ma.fields.Float(required=True, metadata={"description": "Low end of the 95 % interval."})
    high = ma.fields.Float(required=True, metadata={"description": "High end of the 95 % interval."})


def _difference(description: str):
    return ma.fields.Nested(DifferenceSchema, required=True, allow_none=True, metadata={
        "description": description + " Null when either side has fewer than 10 answers."})


class _PracticeIndices(ma.Schema):
    with_practice = _index("Months in which a town had applied the practice in the six months before.")
    without_practice = _index("All other months.")
    difference = _difference("with_practice minus without_practice.")
    before = _index("The six months before each town's first activity with the practice.")
    after = _index("The six months after it.")
    change = _difference("after minus before.")


class StatsPracticeSchema(_PracticeIndices):
    slug = ma.fields.String(required=True)
    from_ = ma.fields.String(required=True, data_key="from", attribute="from", metadata={"description": "First month (YYYY-MM-DD)."})
    to = ma.fields.String(required=True, metadata={"description": "Last month (YYYY-MM-DD)."})


class PracticeEvidenceSchema(_PracticeIndices):
    quarter = ma.fields.String(required=True, metadata={"description": "The public statistics it comes from (YYYY-Qn)."})
    first_month = ma.fields.String(required=True, metadata={"description": "YYYY-MM."})
    last_month = ma.fields.String(required=True, metadata={"description": "YYYY-MM."})


class StatsSchema(ma.Schema):
    quarter = ma.fields.String(required=True, metadata={"description": "YYYY-Qn."})
    first_month = ma.fields.String(required=True, metadata={"description": "YYYY-MM."})
    last_month = ma.fields.String(required=True, metadata={"description": "YYYY-MM."})
    threshold = ma.fields.Integer(required=True, metadata={"description": "Counts from 1 to threshold - 1 are hidden, and "
                                                                         "some others so that none can be worked out."})
    quarters = ma.fields.List(ma.fields.String(), required=True, metadata={"description": "Every quarter available, newest first."})
    categories = ma.fields.List(ma.fields.String(), required=True, metadata={"description": "Slugs of the topics."})
    activity_types = ma.fields.List(ma.fields.String(), required=True)
    municipalities = ma.fields.List(ma.fields.Nested(StatsPlaceSchema), required=True)
    all = ma.fields.Nested(StatsAllSchema, required=True)
    practices = ma.fields.List(ma.fields.Nested(StatsPracticeSchema), required=True, metadata={
        "description": "For each good practice, how people felt treated with and without it, before and after; the "
                       "year up to the end of the quarter. An association, not proof of cause."})

