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
# Moderators and admins must log in with a second factor: factory accounts of those roles get this
# TOTP secret and these recovery codes (tests.conftest.login completes the second step with them).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
RECOVERY_CODES = [f"testcode{n:04d}" for n in range(10)]  # 12 characters, like real ones
_seq = itertools.count(1)


@lru_cache(maxsize=4)
def _hash(password: str) -> str:
    return hash_password(password)  # argon2id is slow on purpose: hash once per password per run


@lru_cache(maxsize=16)
def _recovery_hash(code: str) -> str:
    from portal.services.accounts.second_factor import _recovery_hasher

    return _recovery_hasher.hash(code)


def enrol_second_factor(account: User) -> User:
    """One-time codes from TOTP_SECRET and the ten RECOVERY_CODES, as if the owner had set them up."""
    from portal.models.user import RecoveryCode
    from portal.services.accounts.second_factor import _seal

    account.totp_secret = _seal(TOTP_SECRET)
    account.recovery_codes = [RecoveryCode(code_hash=_recovery_hash(code)) for code in RECOVERY_CODES]
    db.session.flush()
    return account


def municipality(slug: str = "fuenlabrada") -> Municipality:
    return db.session.scalar(db.select(Municipality).filter_by(slug=slug))


def category(slug: str = "respect") -> FeedbackCategory:
    return db.session.scalar(db.select(FeedbackCategory).filter_by(slug=slug))


def user(role: Role | str = Role.MODERATOR, *, email: str | None = None, municipality_slug: str | None = "fuenlabrada",
         password: str = PASSWORD, active: bool = True, organisation: str = "",
         second_factor: bool | None = None) -> User:
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
    if second_factor if second_factor is not None else account.needs_second_factor:
        enrol_second_factor(account)
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


# --- public transparency (catalogue, published feedback) ------------------------------------------

def practice(slug: str = "anti-rumours-strategy"):
    from portal.models import GoodPractice

    return db.session.scalar(db.select(GoodPractice).filter_by(slug=slug))


def published_feedback(municipality_slug: str = "fuenlabrada", category_slug: str = "respect", *, public_text: str,
                       answer: str = "Thank you, we discussed it with the unit.", published_on: date = date(2026, 11, 20),
                       **fields) -> Feedback:
    """Feedback a moderator reviewed and published: `public_text` is its public version; `text` (the
    resident's own words) defaults to something else, so tests can tell them apart."""
    fields.setdefault("text", f"PRIVATE words behind: {public_text}")
    fields.setdefault("status", FeedbackStatus.ANSWERED)
    return feedback(municipality_slug, category_slug, redacted_text=public_text, public_answer=answer,
                    is_published=True, published_on=published_on, **fields)
