"""The moderators' queue: feedback and rumour reports in one list, filtered, sorted and paged, and the
bulk actions on selected items.

Fast at any size. Each filter column leads an index that ends in the queue's order (see
`portal/models/feedback.py`), so the first page under one filter is read from an index, and a page
always costs the same few statements: the page of (kind, id) pairs, the feedback rows and the
rumour-report rows on it (with what the table shows), and two counts. Counts stop at COUNT_CAP
("more than 10,000"), so they never scan a million rows either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import SmallInteger, case, cast, func, literal, null, select, union_all
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.orm import joinedload

from portal.extensions import db
from portal.models import Area, Feedback, FeedbackCategory, Municipality, RumourReport, User
from portal.models.base import MAX_ROW_ID
from portal.models.feedback import TEXT_SEARCH
from portal.services import dates
from portal.services.audit import record
from portal.services.moderation import items as item_service
from portal.services.moderation import states
from portal.services.moderation.states import ACKNOWLEDGE_WITHIN_DAYS, StateError
from portal.vocab import Channel, FeedbackStatus, PoliceBody, RejectionReason

PER_PAGE = 25
COUNT_CAP = 10_000
KINDS = ("all", "feedback", "rumours")
SORTS = ("newest", "oldest", "status", "rating-low", "rating-high")
CHANNELS = ("web", "mediator")
STATUS_ORDER = [FeedbackStatus.RECEIVED, FeedbackStatus.IN_REVIEW, FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED,
                FeedbackStatus.REJECTED]


@dataclass
class QueueFilters:
    kind: str = "all"
    status: FeedbackStatus | None = None
    category: str | None = None  # slug; feedback only
    municipality: str | None = None  # slug
    area_id: int | None = None
    police_body: PoliceBody | None = None  # feedback only
    channel: str | None = None  # "web" or "mediator"
    month: date | None = None  # the month received
    assignee: str | None = None  # "mine", "nobody" or an account id
    unread: bool = False  # feedback only: a resident's message nobody has read
    rating: int | None = None  # feedback only
    overdue: bool = False  # received and not acknowledged within 7 days
    text: str = ""
    sort: str = "newest"

    @property
    def uses_feedback_only_filters(self) -> bool:
        """Rumour reports have no category, police, rating or thread of their own."""
        return bool(self.category or self.police_body or self.unread or self.rating or self.sort.startswith("rating"))

    @property
    def kinds(self) -> tuple[str, ...]:
        if self.kind == "rumours":
            return ("rumours",)  # the feedback-only filters are left aside (the page says so)
        if self.kind == "feedback" or self.uses_feedback_only_filters:
            return ("feedback",)
        return ("feedback", "rumours")


@dataclass(frozen=True)
class Row:
    kind: str  # "feedback" or "rumours"
    item: object
    days_waiting: int
    overdue: bool


@dataclass
class QueuePage:
    rows: list[Row]
    page: int
    has_next: bool
    total: int  # capped at COUNT_CAP
    overdue_total: int  # received and older than 7 days, in the whole queue (capped)
    feedback_filters_ignored: bool = False  # rumour reports were asked for with feedback-only filters

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def total_capped(self) -> bool:
        return self.total >= COUNT_CAP


def _text_match(model, words: str):
    """Rows whose words contain `words`, through the trigram index (models/feedback.py) when the
    words have three characters or more (the form asks for that)."""
    table = model.__tablename__
    column = TEXT_SEARCH[table]
    if db.session.get_bind().dialect.name == "sqlite" and "%" not in words and "_" not in words:
        search = sql_table(f"{table}_search", sql_column("rowid"), sql_column(column))
        # No ESCAPE clause: with one, FTS5 would not use its index.
        return model.id.in_(select(search.c.rowid).where(search.c[column].like(f"%{words}%")))
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return getattr(model, column).ilike(f"%{escaped}%", escape="\\")


def _common(model, filters: QueueFilters, actor: User, today: date):
    """Conditions both tables share."""
    conditions = []
    if filters.status:
        conditions.append(model.status == filters.status)
    if filters.municipality:
        conditions.append(model.municipality_id == select(Municipality.id).where(
            Municipality.slug == filters.municipality).scalar_subquery())
    if filters.area_id:
        conditions.append(model.area_id == filters.area_id)
    if filters.channel == "web":
        conditions.append(model.channel == Channel.WEB)
    elif filters.channel == "mediator":
        conditions.append(model.channel.in_([c for c in Channel if c != Channel.WEB]))  # an index can serve IN
    if filters.month:
        conditions += [model.received_on >= filters.month, model.received_on < dates.add_months(filters.month, 1)]
    if filters.assignee == "mine":
        conditions.append(model.assigned_to_id == actor.id)
    elif filters.assignee == "nobody":
        conditions.append(model.assigned_to_id.is_(None))
    elif filters.assignee and filters.assignee.isdigit():
        conditions.append(model.assigned_to_id == int(filters.assignee))
    if filters.overdue:
        conditions += [model.status == FeedbackStatus.RECEIVED,
                       model.received_on < today - timedelta(days=ACKNOWLEDGE_WITHIN_DAYS)]
    if filters.text.strip():
        conditions.append(_text_match(model, filters.text.strip()[:100]))
    return conditions


def _feedback_conditions(filters: QueueFilters, actor: User, today: date):
    conditions = _common(Feedback, filters, actor, today)
    if filters.category:
        conditions.append(Feedback.category_id == select(FeedbackCategory.id).where(
            FeedbackCategory.slug == filters.category).scalar_subquery())
    if filters.police_body:
        conditions.append(Feedback.police_body == filters.police_body)
    if filters.unread:
        conditions.append(Feedback.has_unread.is_(True))
    if filters.rating:
        conditions.append(Feedback.treatment == filters.rating)
    return conditions


def _status_rank(column):
    return case({status.value: rank for rank, status in enumerate(STATUS_ORDER)}, value=column)


def _order(columns, sort: str):
    kind, item_id, received_on, status, rating = columns
    if sort == "oldest":
        return [received_on.asc(), item_id.asc(), kind]
    if sort == "status":
        return [_status_rank(status), received_on.desc(), item_id.desc(), kind]
    if sort == "rating-low":  # the worst first, and among them the longest waiting (one index scan)
        return [rating.asc(), received_on.asc(), item_id.asc(), kind]
    if sort == "rating-high":
        return [rating.desc(), received_on.desc(), item_id.desc(), kind]
    return [received_on.desc(), item_id.desc(), kind]


def _selects(filters: QueueFilters, actor: User, today: date):
    parts = []
    if "feedback" in filters.kinds:
        parts.append(select(literal("feedback").label("kind"), Feedback.id.label("id"), Feedback.received_on.label("received_on"),
                            Feedback.status.label("status"), Feedback.treatment.label("rating"))
                     .where(*_feedback_conditions(filters, actor, today)))
    if "rumours" in filters.kinds:
        parts.append(select(literal("rumours").label("kind"), RumourReport.id.label("id"),
                            RumourReport.received_on.label("received_on"), RumourReport.status.label("status"),
                            cast(null(), SmallInteger).label("rating"))
                     .where(*_common(RumourReport, filters, actor, today)))
    return parts


def _count(selects) -> int:
    total = 0
    for part in selects:
        total += db.session.scalar(select(func.count()).select_from(part.limit(COUNT_CAP).subquery())) or 0
    return min(total, COUNT_CAP)


def page_query(actor: User, filters: QueueFilters, page: int = 1, per_page: int = PER_PAGE, today: date | None = None):
    """The statement that reads one page of (kind, id) pairs, one more than a page to know whether a
    next page exists; None when no kind of item matches the filters. With both kinds, each table is
    read in the queue's order and cut to what the page can need before the two are merged, so no
    step ever sorts a whole table."""
    parts = _selects(filters, actor, today or dates.today())
    if not parts:
        return None
    enough = page * per_page + 1
    ordered = [part.order_by(*_order([part.selected_columns[name] for name in ("kind", "id", "received_on", "status", "rating")],
                                     filters.sort)) for part in parts]
    if len(ordered) == 1:
        return ordered[0].limit(per_page + 1).offset((page - 1) * per_page)
    both = union_all(*(part.limit(enough).subquery().select() for part in ordered)).subquery()
    columns = [both.c.kind, both.c.id, both.c.received_on, both.c.status, both.c.rating]
    return (select(both.c.kind, both.c.id).order_by(*_order(columns, filters.sort))
            .limit(per_page + 1).offset((page - 1) * per_page))


def page_of(actor: User, filters: QueueFilters, page: int = 1, per_page: int = PER_PAGE,
            today: date | None = None) -> QueuePage:
    today = today or dates.today()
    page = min(max(page, 1), 100_000)
    query = page_query(actor, filters, page, per_page, today)
    pairs = [(row[0], row[1]) for row in db.session.execute(query)] if query is not None else []
    has_next = len(pairs) > per_page
    pairs = pairs[:per_page]
    items = _load(pairs)
    rows = [Row(kind, items[(kind, item_id)], (today - items[(kind, item_id)].received_on).days,
                states.waiting_too_long(items[(kind, item_id)], today)) for kind, item_id in pairs]
    return QueuePage(rows=rows, page=page, has_next=has_next, total=_count(_selects(filters, actor, today)),
                     overdue_total=_count(_selects(QueueFilters(overdue=True), actor, today)),
                     feedback_filters_ignored=filters.kind == "rumours" and filters.uses_feedback_only_filters)


def _load(pairs) -> dict:
    """The rows of one page, with what the table shows: two statements at most."""
    found = {}
    feedback_ids = [item_id for kind, item_id in pairs if kind == "feedback"]
    report_ids = [item_id for kind, item_id in pairs if kind == "rumours"]
    if feedback_ids:
        for row in db.session.scalars(select(Feedback).where(Feedback.id.in_(feedback_ids)).options(
                joinedload(Feedback.category), joinedload(Feedback.municipality), joinedload(Feedback.area),
                joinedload(Feedback.assigned_to))):
            found[("feedback", row.id)] = row
    if report_ids:
        for row in db.session.scalars(select(RumourReport).where(RumourReport.id.in_(report_ids)).options(
                joinedload(RumourReport.municipality), joinedload(RumourReport.area),
                joinedload(RumourReport.assigned_to))):
            found[("rumours", row.id)] = row
    return found


def areas_by_municipality() -> list[Area]:
    return list(db.session.scalars(select(Area).join(Area.municipality).options(joinedload(Area.municipality))
                                   .order_by(Municipality.name, Area.name)))


# --- bulk actions ------------------------------------------------------------------------------

BULK_ACTIONS = ("assign", "review", "spam")


@dataclass(frozen=True)
class BulkResult:
    done: int
    skipped: int  # items whose state did not allow the move


def selected_items(keys: list[str]) -> list[tuple[str, object]]:
    """'feedback-12' / 'rumours-7' keys to (kind, row) pairs (unknown ones are left out), in the
    order given."""
    wanted = []
    for key in keys[:PER_PAGE * 4]:
        kind, _, number = key.partition("-")
        if kind in ("feedback", "rumours") and number.isdigit() and 0 < int(number[:11]) <= MAX_ROW_ID:
            wanted.append((kind, int(number)))
    rows = _load(wanted)
    return [(key[0], rows[key]) for key in dict.fromkeys(wanted) if key in rows]


def apply_bulk(actor: User, action: str, items: list, *, assignee: User | None = None,
               today: date | None = None) -> BulkResult:
    """One action on every selected item, each audited as its own entry (marked as a bulk action)."""
    done = skipped = 0
    for item in items:
        try:
            if action == "assign":
                changed = item_service.assign(actor, item, assignee)
            elif action == "review":
                states.move(actor, item, FeedbackStatus.IN_REVIEW, today=today, note="(bulk)")
                changed = True
            elif action == "spam":
                states.move(actor, item, FeedbackStatus.REJECTED, reason=RejectionReason.SPAM, today=today, note="(bulk)")
                changed = True
            else:
                raise ValueError(action)
        except StateError:
            changed = False
        done += int(changed)
        skipped += int(not changed)
    record(actor, "moderation.bulk", None, f"{action}: {done} done, {skipped} skipped", object_type="queue")
    return BulkResult(done=done, skipped=skipped)
