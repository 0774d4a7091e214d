"""The API's endpoints: good practices, published feedback, countered rumours, public activities.

Each one reads through the same services as the public pages (which return public fields only)
and answers with a documented schema; `@bp.arguments` checks the query string against its schema
and `@bp.response` dumps the answer through its schema, and both are what the OpenAPI document is
generated from.

Adding an endpoint: write its argument and document schemas in schemas.py, a function here (or in a
new module imported by `portal.api.init_app`) decorated with `@bp.route`, `@bp.arguments`,
`@bp.response` and `@errors(...)`. It then appears in /api/v1/openapi.json and on /api/v1/docs by
itself.
"""

from __future__ import annotations

from flask import abort, url_for

from portal.api import schemas
from portal.api.blueprint import bp
from portal.extensions import db
from portal.models import Activity, FeedbackCategory, GoodPractice, Municipality
from portal.services import dates
from portal.services.activities.calendar import PublicActivity, count_public_activities, public_activity_rows
from portal.services.catalogue import practices as catalogue
from portal.services.feedback import countered_rumours, published
from portal.services.statistics import public as public_statistics
from portal.vocab import ActivityType, RumourStatus

ERROR_TEXT = {400: "A parameter is not valid.", 404: "Nothing is published at this address.",
              429: "Too many requests from you; wait a little."}


def errors(*codes):
    """Document the error answers an endpoint can give (all of them are the Error document)."""
    def decorate(view):
        for code in codes:
            view = bp.alt_response(code, schema=schemas.ErrorSchema, description=ERROR_TEXT[code])(view)
        return view
    return decorate


def _meta(page) -> dict:
    return {"page": page.page, "per_page": page.per_page, "total": page.total or 0, "pages": page.pages}


# A filter naming something that does not exist (a municipality, category or practice slug) is
# well-formed, so it is not refused: it matches nothing, like a search without results. Only a
# malformed value (a month that is not YYYY-MM, a page out of range...) is a 400.
NO_MATCH = -1


def _municipality_id(slug: str | None) -> int | None:
    if not slug:
        return None
    found = db.session.scalar(db.select(Municipality.id).filter_by(slug=slug, is_active=True))
    return NO_MATCH if found is None else found


def _practice_id(slug: str | None) -> int | None:
    if not slug:
        return None
    practice = catalogue.practice_by_slug(slug)
    return NO_MATCH if practice is None else practice.id


# --- good practices ------------------------------------------------------------------------------

def _practice_summary(practice: GoodPractice, language: str) -> dict:
    text = catalogue.shown_text(practice, language)
    return {
        "slug": practice.slug, "language": text.main_language, "fallback": text.fallback,
        "title": text.title.value, "summary": text.summary.value, "source_organisation": practice.source_organisation,
        "country": practice.country, "year": practice.year, "tags": practice.tags,
        "evidence_strength": practice.evidence_strength.value,
        "url": url_for("public.practice", slug=practice.slug, _external=True),
    }


@bp.route("/practices")
@bp.arguments(schemas.PracticeListArgs, location="query")
@bp.response(200, schemas.PracticeListSchema)
@errors(429)
def practices(args):
    """Good practices

    Published good practices, by title. Texts in the language asked for, or English.
    """
    filters = catalogue.CatalogueFilters(q=args.get("q", ""), tag=args.get("tag", ""), country=args.get("country", ""))
    page = catalogue.browse(filters, page=args["page"], per_page=args["per_page"])
    return {"meta": _meta(page), "items": [_practice_summary(p, args["lang"]) for p in page.items]}


@bp.route("/practices/<slug>")
@bp.arguments(schemas.LanguageArgs, location="query")
@bp.response(200, schemas.PracticeSchema)
@errors(404, 429)
def practice(args, slug):
    """One good practice

    Everything its public page shows: texts, sources, evidence, where it was applied.
    """
    view = catalogue.practice_page(slug, args["lang"])
    if view is None:
        abort(404)
    text = view.text
    document = _practice_summary(view.practice, args["lang"])
    document.update(
        texts={name: (part.lines if name == "how_to_start" else part.value) for name, part in text.parts.items()},
        languages=sorted(row.language for row in view.practice.texts),
        sources=[{"title": s.title, "url": s.url} for s in view.sources],
        applied_in=[{"slug": m.slug, "name": m.name} for m in view.municipalities],
        activities=[_activity(a) for a in view.activities],
        published_feedback=view.residents_say_total,
        residents_evidence=_evidence(view.evidence),
    )
    db.session.commit()  # the quarter's public figures, stored the first time anyone asks
    return document


def _evidence(found) -> dict:
    return {"quarter": public_statistics.quarter_id(found.quarter), "first_month": found.first_month.strftime("%Y-%m"),
            "last_month": found.last_month.strftime("%Y-%m"),
            **{name: getattr(found, name) for name in ("with_practice", "without_practice", "difference", "before", "after", "change")}}


# --- published feedback --------------------------------------------------------------------------

@bp.route("/feedback")
@bp.arguments(schemas.FeedbackListArgs, location="query")
@bp.response(200, schemas.PublishedFeedbackListSchema)
@errors(429)
def feedback(args):
    """Published feedback

    Residents' feedback as moderators reviewed it for publication, with their public answers;
    newest publication first. Never the resident's own words, nothing rejected or unpublished.
    """
    category_id = None
    if args.get("category"):
        category_id = db.session.scalar(db.select(FeedbackCategory.id).filter_by(slug=args["category"])) or NO_MATCH
    month_from, month_to = dates.parse_month(args.get("month_from")), dates.parse_month(args.get("month_to"))
    filters = published.PublishedFilters(
        municipality_id=_municipality_id(args.get("municipality")), category_id=category_id,
        month_from=month_from, month_to=month_to, practice_id=_practice_id(args.get("practice")))
    page = published.browse(filters, page=args["page"], per_page=args["per_page"])
    return {"meta": _meta(page), "items": [{
        "municipality": {"slug": item.municipality_slug, "name": item.municipality_name},
        "category": item.category.slug, "published_month": item.published_month.strftime("%Y-%m"),
        "text": item.text, "answer": item.answer, "practices": [slug for slug, _title in item.practices],
    } for item in page.items]}


# --- countered rumours ---------------------------------------------------------------------------

@bp.route("/rumours")
@bp.arguments(schemas.RumourListArgs, location="query")
@bp.response(200, schemas.RumourListSchema)
@errors(429)
def rumours(args):
    """Countered rumours

    Rumours moderators published with their counter-evidence, and the public activities that
    answered them. Never the residents' reports.
    """
    status = RumourStatus(args["status"]) if args.get("status") else None
    page = countered_rumours.browse(
        countered_rumours.RumourFilters(municipality_id=_municipality_id(args.get("municipality")), status=status),
        page=args["page"], per_page=args["per_page"])
    return {"meta": _meta(page), "items": [{
        "id": r.id, "title": r.title, "summary": r.summary, "about": r.about.value if r.about else None,
        "spread": r.spread.value if r.spread else None, "status": r.status.value, "published_on": r.published_on,
        "counter_data": r.counter_data, "counter_sources": r.counter_sources, "emotional_argument": r.emotional_argument,
        "municipalities": [{"slug": slug, "name": name} for slug, name in r.municipalities],
        "activities": [_activity(a) for a in r.activities], "practices": [slug for slug, _title in r.practices],
    } for r in page.items]}


# --- public activities ---------------------------------------------------------------------------

def _activity(activity: PublicActivity) -> dict:
    zone = getattr(activity.starts_at.tzinfo, "key", None) or "UTC"
    return {
        "id": activity.id, "municipality": {"slug": activity.municipality_slug, "name": activity.municipality_name},
        "area": activity.area, "type": activity.type.value, "format": activity.format.value, "title": activity.title,
        "starts_at": activity.starts_at.isoformat(), "ends_at": activity.ends_at.isoformat(), "timezone": zone,
        "public_summary": activity.public_summary, "practices": list(activity.practices),
    }


@bp.route("/activities")
@bp.arguments(schemas.ActivityListArgs, location="query")
@bp.response(200, schemas.ActivityListSchema)
@errors(429)
def activities(args):
    """Public activities

    Community policing activities their municipality made public, with their public fields only;
    newest first. Mediation, legal-clinic and hate-incident follow-up sessions are never listed.
    """
    from datetime import date, datetime, time, timedelta

    conditions = []
    municipality_id = _municipality_id(args.get("municipality"))
    if municipality_id:
        conditions.append(Activity.municipality_id == municipality_id)
    if args.get("type"):
        conditions.append(Activity.type == ActivityType(args["type"]))
    practice_id = _practice_id(args.get("practice"))
    if practice_id:
        conditions.append(Activity.practices.any(GoodPractice.id == practice_id))
    if args.get("date_from"):
        conditions.append(Activity.starts_at >= datetime.combine(args["date_from"], time.min))
    if args.get("date_to") and args["date_to"] < date.max:
        conditions.append(Activity.starts_at < datetime.combine(args["date_to"] + timedelta(days=1), time.min))
    page, per_page = args["page"], args["per_page"]
    total = count_public_activities(*conditions)
    rows = public_activity_rows(*conditions, newest_first=True, limit=per_page, offset=(page - 1) * per_page)
    pages = (total + per_page - 1) // per_page
    return {"meta": {"page": page, "per_page": per_page, "total": total, "pages": pages},
            "items": [_activity(PublicActivity.of(row)) for row in rows]}
