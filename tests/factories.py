"""Small factories for test rows. Each returns a flushed object; the test (or fixture) commits."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from functools import lru_cache

from portal.extensions import db
from portal.models import Activity, Feedback, FeedbackCategory, Municipality, Rumour, RumourReport, User
from portal.services.accounts.users import hash_password
from portal.services.activities.codes import new_activity_code
from portal.vocab import ActivityFormat, ActivityType, FeedbackStatus, PoliceBody, Role, RumourSpread, RumourTarget

PASSWORD = "correct horse battery staple"
_seq = itertools.count(1)


@lru_cache(maxsize=4)
def _hash(password: str) -> str:
    return hash_password(password)  # argon2id is slow on purpose: hash once per password per run


def municipality(slug: str = "fuenlabrada") -> Municipality:
    return db.session.scalar(db.select(Municipality).filter_by(slug=slug))


def category(slug: str = "respect") -> FeedbackCategory:
    return db.session.scalar(db.select(FeedbackCategory).filter_by(slug=slug))


def user(role: Role | str = Role.MODERATOR, *, email: str | None = None, municipality_slug: str | None = "fuenlabrada",
         password: str = PASSWORD, active: bool = True, organisation: str = "") -> User:
    import secrets

    role = Role(role)
    n = next(_seq)
    place = municipality(municipality_slug) if municipality_slug and role in (Role.OFFICER, Role.MEDIATOR) else None
    account = User(
        email=email or f"{role.value}{n}@example.org", role=role, password_hash=_hash(password),
        municipality=place, organisation=organisation or ("Roma mediators' network" if role == Role.MEDIATOR else ""),
        active=active, session_token=secrets.token_hex(32),
    )
    db.session.add(account)
    db.session.flush()
    return account


def activity(municipality_slug: str = "fuenlabrada", **fields) -> Activity:
    place = municipality(municipality_slug)
    start = fields.pop("starts_at", datetime(2026, 10, 5, 17, 0))
    row = Activity(
        municipality=place, type=fields.pop("type", ActivityType.PARTNERSHIP_MEETING),
        title=fields.pop("title", f"Partnership meeting {next(_seq)}"), starts_at=start,
        ends_at=fields.pop("ends_at", start + timedelta(hours=2)), format=fields.pop("format", ActivityFormat.IN_PERSON),
        feedback_code=fields.pop("feedback_code", new_activity_code()), **fields,
    )
    db.session.add(row)
    db.session.flush()
    return row


def feedback(municipality_slug: str = "fuenlabrada", category_slug: str = "respect", **fields) -> Feedback:
    row = Feedback(
        municipality=municipality(municipality_slug), category=category(category_slug),
        police_body=fields.pop("police_body", PoliceBody.MUNICIPAL),
        occurred_month=fields.pop("occurred_month", date(2026, 10, 1)), treatment=fields.pop("treatment", 3),
        language=fields.pop("language", "en"), received_on=fields.pop("received_on", date(2026, 11, 2)),
        status=fields.pop("status", FeedbackStatus.RECEIVED), **fields,
    )
    db.session.add(row)
    db.session.flush()
    return row


def rumour_report(municipality_slug: str = "fuenlabrada", **fields) -> RumourReport:
    row = RumourReport(
        municipality=municipality(municipality_slug), heard_text=fields.pop("heard_text", "They say the market thefts are Roma children."),
        about=fields.pop("about", RumourTarget.ROMA), where=fields.pop("where", RumourSpread.NEIGHBOURHOOD),
        language=fields.pop("language", "en"), received_on=fields.pop("received_on", date(2026, 11, 2)),
        status=fields.pop("status", FeedbackStatus.RECEIVED), **fields,
    )
    db.session.add(row)
    db.session.flush()
    return row


def rumour(title: str = "Roma families get more benefits", **fields) -> Rumour:
    row = Rumour(title=title, **fields)
    db.session.add(row)
    db.session.flush()
    return row
