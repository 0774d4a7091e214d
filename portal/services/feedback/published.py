"""Published feedback: what residents said, after moderators reviewed it, with their answers.

The privacy rule kept here: only the public version ever leaves this module. Queries load the
reviewed text (`redacted_text`), the public answer and the few facts shown beside them, never the
resident's own words (`text`), their thread, their receipt or anything about who they are; and they
return `PublishedItem`, which has no field for anything else. An item is published only while a
moderator keeps it published, it was never rejected, and its public text exists.

Each item is dated by the month it was published (a moderator's act), not by when the resident
wrote or when it happened, so the list cannot be lined up against anyone's movements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload, load_only, selectinload

from portal.extensions import db
from portal.models import Feedback, FeedbackCategory, GoodPractice, Municipality
from portal.services import dates
from portal.vocab import FeedbackStatus

PER_PAGE = 20


def published_clause() -> tuple:
    return (Feedback.is_published.is_(True), Feedback.status != FeedbackStatus.REJECTED,
            Feedback.redacted_text.is_not(None), Feedback.published_on.is_not(None))


@dataclass(frozen=True)
class PublishedItem:
    municipality_slug: str
    municipality_name: str
    category: FeedbackCategory
    published_month: date
    text: str  # the reviewed public text, never the resident's own words
    answer: str  # the moderators' public answer
    practices: tuple[tuple[str, str], ...]  # (slug, English title) of published practices linked to it


@dataclass(frozen=True)
class PublishedFilters:
    municipality_id: int | None = None
    category_id: int | None = None
    month_from: date | None = None
    month_to: date | None = None
    practice_id: int | None = None


def _query(filters: PublishedFilters):
    query = (select(Feedback)
             .options(load_only(Feedback.id, Feedback.municipality_id, Feedback.category_id, Feedback.published_on,
                                Feedback.redacted_text, Feedback.public_answer, raiseload=True),
                      joinedload(Feedback.municipality).load_only(Municipality.slug, Municipality.name),
                      joinedload(Feedback.category),
                      selectinload(Feedback.practices).load_only(GoodPractice.slug, GoodPractice.title,
                                                                 GoodPractice.is_published))
             .where(*published_clause()))
    if filters.municipality_id:
        query = query.where(Feedback.municipality_id == filters.municipality_id)
    if filters.category_id:
        query = query.where(Feedback.category_id == filters.category_id)
    if filters.month_from:
        query = query.where(Feedback.published_on >= dates.first_of_month(filters.month_from))
    if filters.month_to:
        query = query.where(Feedback.published_on < dates.add_months(filters.month_to, 1))
    if filters.practice_id:
        query = query.where(Feedback.practices.any(GoodPractice.id == filters.practice_id))
    return query.order_by(Feedback.published_on.desc(), Feedback.id.desc())


def _item(row: Feedback) -> PublishedItem:
    return PublishedItem(
        municipality_slug=row.municipality.slug, municipality_name=row.municipality.name, category=row.category,
        published_month=dates.first_of_month(row.published_on), text=row.redacted_text or "",
        answer=row.public_answer or "",
        practices=tuple((p.slug, p.title) for p in row.practices if p.is_published),
    )


def browse(filters: PublishedFilters, page: int = 1, per_page: int = PER_PAGE):
    """A Flask-SQLAlchemy page whose items are PublishedItem, newest publication first."""
    result = db.paginate(_query(filters), page=page, per_page=per_page, error_out=False)
    result.items = [_item(row) for row in result.items]
    return result


def categories_in_use() -> list[FeedbackCategory]:
    """Categories with at least one published item, in the form's usual order."""
    used = select(Feedback.category_id).where(*published_clause())
    return list(db.session.scalars(
        select(FeedbackCategory).where(FeedbackCategory.id.in_(used)).order_by(FeedbackCategory.sort_order)))
