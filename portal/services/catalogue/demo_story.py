"""Two years of demo life for the demo municipalities, so that every dashboard figure means something
after `make run`: each municipality starts one good practice at its own moment, holds monthly
activities applying it from then on, and its residents' (synthetic) ratings rise after it, except in
one municipality, where nothing changes: not every practice shows an effect, and the dashboard must
be able to say so. Rumour reports arrive every month too.

All of it is invented, says so (activity titles and the dashboard's demo notice), and is written in
bulk, then the aggregates are rebuilt once. Deterministic for a seed.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select

from portal.extensions import db
from portal.models import Activity, Feedback, FeedbackCategory, GoodPractice, Municipality, RumourReport, activity_practice
from portal.services import dates
from portal.services.activities.codes import new_activity_code
from portal.vocab import (
    ActivityFormat,
    ActivityType,
    Channel,
    FeedbackStatus,
    Gender,
    PoliceBody,
    RumourSpread,
    RumourTarget,
)

MONTHS = 24
# municipality slug: (practice applied, months ago it started, activity type, rise of the average answer)
STORY = {
    "fuenlabrada": ("stop-forms-and-rights-leaflet", 14, ActivityType.STOP_DATA_REVIEW, 0.8),
    "lisboa": ("lisbon-participatory-community-policing", 18, ActivityType.PARTNERSHIP_MEETING, 0.6),
    "cluj-napoca": ("romed-roma-mediators", 10, ActivityType.LIAISON_VISIT, 0.7),
    "sofia": ("legal-clinics-roma-women", 8, ActivityType.RIGHTS_DAY, 0.5),
    "kosice": ("hate-incident-register", 12, ActivityType.HATE_INCIDENT_FOLLOW_UP, 0.6),
    "miskolc": ("anti-rumours-strategy", 9, ActivityType.ANTI_RUMOUR, 0.0),
}
CATEGORY_WEIGHTS = {"respect": 8, "stop-search": 7, "listening": 6, "discrimination": 5, "positive": 5, "profiling": 4,
                    "no-response": 4, "language": 3, "hate-crime": 3, "fear-of-reporting": 3, "promises": 2, "rumours": 2}
GENDERS = [(Gender.WOMAN, 40), (Gender.MAN, 35), (Gender.OTHER, 3), (None, 22)]
RUMOURS = [("People say Roma families get more benefits than everyone else.", RumourSpread.SOCIAL_MEDIA),
           ("They say the thefts at the market are always done by Roma children.", RumourSpread.NEIGHBOURHOOD)]


def _rating(rng: random.Random, mean: float) -> int:
    """An answer from 1 to 5 around `mean` (a rounded bell, so most answers sit near it)."""
    weights = [math.exp(-((r - mean) ** 2) / 2.4) for r in range(1, 6)]
    return rng.choices(range(1, 6), weights)[0]


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def tell(rng: random.Random, today: date) -> dict[str, int]:
    """Write the two years for every demo municipality that has no story yet."""
    practices = {p.slug: p for p in db.session.scalars(select(GoodPractice))}
    categories = {c.slug: c.id for c in db.session.scalars(select(FeedbackCategory))}
    told = {"story activities": 0, "story feedback": 0, "story rumour reports": 0}
    first = dates.add_months(dates.first_of_month(today), -(MONTHS - 1))
    for town in db.session.scalars(select(Municipality).where(Municipality.slug.in_(STORY)).order_by(Municipality.slug)):
        practice_slug, started_ago, kind, rise = STORY[town.slug]
        if practice_slug not in practices or db.session.scalar(
                select(Activity.id).where(Activity.municipality_id == town.id, Activity.title.like("Demo: %")).limit(1)):
            continue
        start = dates.add_months(dates.first_of_month(today), -started_ago)
        told["story activities"] += _activities(rng, town, practices[practice_slug], kind, start, today)
        base = 2.3 + rng.random() * 0.6
        rows = []
        for month in dates.months_from(first, today):
            months_in = (month.year - start.year) * 12 + month.month - start.month
            mean = base + rise * min(1.0, max(0.0, months_in / 4)) if months_in > 0 else base
            rows += [_feedback(rng, town, month, today, mean, categories) for _ in range(rng.randint(18, 30))]
        db.session.execute(insert(Feedback), rows)
        told["story feedback"] += len(rows)
        reports = [_report(rng, town, month, today) for month in dates.months_from(first, today) for _ in range(rng.randint(0, 3))]
        if reports:
            db.session.execute(insert(RumourReport), reports)
        told["story rumour reports"] += len(reports)
    db.session.flush()
    return told


def _activities(rng: random.Random, town: Municipality, practice: GoodPractice, kind: ActivityType, start: date,
                today: date) -> int:
    made = 0
    for month in dates.months_from(start, today):
        begins = datetime.combine(month + timedelta(days=rng.randint(2, 20)), time(17, 0))
        if begins.date() > today:
            break
        activity = Activity(
            municipality=town, type=kind, title=f"Demo: {practice.title}", starts_at=begins, ends_at=begins + timedelta(hours=2),
            format=ActivityFormat.IN_PERSON, organising_unit="Community policing unit (demo)", officers_count=rng.randint(2, 5),
            participants_count=(people := rng.randint(10, 35)), women_count=people // 2, roma_count=people * 3 // 5,
            languages="Romani, " + town.default_language, interpretation_provided=rng.random() < 0.5,
            mediator_present=rng.random() < 0.8, objectives="Demo activity.", feedback_code=new_activity_code(8),
        )
        db.session.add(activity)
        db.session.flush()
        db.session.execute(insert(activity_practice).values(activity_id=activity.id, practice_id=practice.id))
        made += 1
    return made


def _feedback(rng: random.Random, town: Municipality, month: date, today: date, mean: float, categories: dict) -> dict:
    last_day = min(today, dates.add_months(month, 1) - timedelta(days=1))
    received = month + timedelta(days=rng.randint(0, (last_day - month).days))
    age = (today - received).days
    waiting = age < 6 and rng.random() < 0.7
    acknowledged = None if waiting else min(today, received + timedelta(days=int(rng.expovariate(1 / 3))))
    answered = None if acknowledged is None or rng.random() < 0.25 else \
        min(today, acknowledged + timedelta(days=int(rng.expovariate(1 / 4))))
    status = FeedbackStatus.RECEIVED if acknowledged is None else (
        FeedbackStatus.IN_REVIEW if answered is None else rng.choice([FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED]))
    channel = Channel.WEB if rng.random() < 0.85 else rng.choice([Channel.IN_PERSON, Channel.PHONE, Channel.OUTREACH])
    return {
        "channel": channel, "municipality_id": town.id, "area_id": rng.choice([a.id for a in town.areas] + [None]),
        "category_id": categories[_weighted(rng, [(c, w) for c, w in CATEGORY_WEIGHTS.items() if c in categories])],
        "police_body": _weighted(rng, [(PoliceBody.MUNICIPAL, 5), (PoliceBody.NATIONAL, 3), (PoliceBody.OTHER, 1),
                                       (PoliceBody.UNKNOWN, 1)]),
        "occurred_month": month, "treatment": _rating(rng, mean), "text": "", "language": town.default_language,
        "gender": _weighted(rng, GENDERS), "wants_answer": False, "status": status, "received_on": received,
        "acknowledged_on": acknowledged, "answered_on": answered, "is_published": False, "has_unread": False,
        "organisation": "Demo mediators" if channel != Channel.WEB else "", "consent_confirmed": channel != Channel.WEB,
        "moderator_note": "",
    }


def _report(rng: random.Random, town: Municipality, month: date, today: date) -> dict:
    text, spread = rng.choice(RUMOURS)
    received = min(today, month + timedelta(days=rng.randint(0, 27)))
    return {"municipality_id": town.id, "area_id": None, "heard_text": text, "about": RumourTarget.ROMA, "where": spread,
            "language": town.default_language, "channel": Channel.WEB, "wants_answer": False,
            "status": FeedbackStatus.IN_REVIEW, "received_on": received, "acknowledged_on": received, "moderator_note": ""}
