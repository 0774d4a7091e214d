"""Demo content for `seed --demo` (a believable portal to click through) and synthetic bulk rows
for `demo-data` (benchmarks). Deterministic for a given seed."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert

from portal.extensions import db
from portal.models import (
    Activity,
    Feedback,
    FeedbackCategory,
    FeedbackMessage,
    FollowUp,
    GoodPractice,
    Municipality,
    PartnerOrganisation,
    Rumour,
    RumourReport,
)
from portal.services import dates
from portal.services.activities.codes import new_activity_code
from portal.services.activities.log import SENSITIVE_TYPES
from portal.services.catalogue import demo_story
from portal.services.statistics import rollup
from portal.vocab import (
    ActivityFormat,
    ActivityType,
    AgeBand,
    Channel,
    FeedbackStatus,
    FollowUpStatus,
    Gender,
    PartnerKind,
    PartOfDay,
    PoliceBody,
    RejectionReason,
    RumourSpread,
    RumourStatus,
    RumourTarget,
    YesNoUnsure,
)

ACTIVITY_TEMPLATES = [
    (ActivityType.PARTNERSHIP_MEETING, "Monthly safety partnership meeting", ["lisbon-participatory-community-policing", "romed-roma-mediators"],
     "Review the month's concerns with residents and associations.", "Residents raised lighting near the bus stop and late responses to calls.",
     [("Ask the council to repair the street lights", "Community policing unit")]),
    (ActivityType.SAFETY_AUDIT, "Local safety audit walk", ["lisbon-participatory-community-policing"],
     "Walk the neighbourhood with residents and note where people feel unsafe.", "Eleven places noted; three need urgent action.",
     [("Share the audit map with the partnership", "Community policing unit")]),
    (ActivityType.POLICE_TRAINING, "Training on Roma rights and hate crime", ["coe-toolkit-racially-motivated-crime", "police-and-roma-curriculum"],
     "Train officers to recognise bias indicators and record racist incidents.", "Officers practised recording incidents with a Roma mediator.",
     [("Add bias indicators to the incident form", "Training office")]),
    (ActivityType.ANTI_RUMOUR, "Anti-rumour workshop for youth workers", ["anti-rumours-strategy"],
     "Prepare anti-rumour agents among youth workers.", "Twelve new agents; rumours about benefits were the most common.",
     [("Print the counter-argument cards", "Youth department")]),
    (ActivityType.STOP_DATA_REVIEW, "Quarterly review of stop forms", ["stop-forms-and-rights-leaflet"],
     "Check stop records for disproportionate stops.", "Stops fell; the share with a result rose.",
     [("Publish the quarterly figures", "Police management")]),
    (ActivityType.RIGHTS_DAY, "Rights information day for Roma women", ["legal-clinics-roma-women", "romed-roma-mediators"],
     "Explain how to report violence and complain about police conduct.", "Women asked about protection orders and interpretation.",
     [("Arrange interpretation at the next session", "Legal clinic")]),
    (ActivityType.LIAISON_VISIT, "Visit to the Roma association", ["hate-incident-register", "fuenlabrada-intercultural-community-policing"],
     "Keep regular contact and hear about recent incidents.", "Two incidents reported that had not reached the police.",
     [("Follow up the two incidents", "Liaison officer")]),
    (ActivityType.PATROL, "Daily foot patrol with introductions", ["lisbon-participatory-community-policing"],
     "Meet shopkeepers and residents on foot.", "Residents asked for the patrol to come by in the evening too.", []),
]

FEEDBACK_TEXTS = {
    "positive": ["The officer explained everything calmly and helped my mother with the papers.",
                 "They came quickly when we called and stayed until the ambulance arrived."],
    "respect": ["The officer spoke to us politely and listened.", "They shouted at us in front of the children."],
    "stop-search": ["I was stopped on the way to work and nobody told me why.",
                    "They checked my papers and gave me a leaflet about my rights. That was new."],
    "discrimination": ["The officer called us by an insulting name for Roma.",
                       "At the station they served everyone else first."],
    "profiling": ["Only the Roma boys at the bus stop were asked for their papers."],
    "no-response": ["We called three times about the fight in the street and nobody came."],
    "hate-crime": ["Someone painted insults on our wall. The police wrote a report and called back a week later."],
    "language": ["Nobody could translate for my grandmother, so she did not understand what they wanted."],
    "fear-of-reporting": ["I do not report anything because I am afraid of problems afterwards."],
    "promises": ["At the meeting they promised street lights. Nothing has changed yet."],
}

PARTNERS = [
    ("Legal clinic for Roma women", PartnerKind.LEGAL_CLINIC, "Free advice on complaints, including complaints about the police.", "Tuesday and Thursday, 10:00 to 14:00"),
    ("Roma mediators' network", PartnerKind.MEDIATOR, "Mediators who can come with you and help you explain what happened.", "Monday to Friday"),
    ("Equality body advice line", PartnerKind.EQUALITY_BODY, "Confidential advice if you were treated unfairly.", "Monday to Friday, 9:00 to 17:00"),
]


def seed_demo(rng_seed: int = 2022) -> dict[str, int]:
    """Demo partners, activities, feedback and rumour reports, once per municipality."""
    rng = random.Random(rng_seed)
    today = dates.today()
    practices = {p.slug: p for p in db.session.scalars(db.select(GoodPractice))}
    categories = list(db.session.scalars(db.select(FeedbackCategory).order_by(FeedbackCategory.sort_order)))
    by_slug = {c.slug: c for c in categories}
    added = {"partners": 0, "activities": 0, "feedback": 0, "rumours": 0}
    for municipality in db.session.scalars(db.select(Municipality).order_by(Municipality.slug)):
        for name, kind, description, hours in PARTNERS:
            full_name = f"{name} ({municipality.name})"
            if db.session.scalar(db.select(PartnerOrganisation.id).filter_by(name=full_name)) is None:
                db.session.add(PartnerOrganisation(
                    municipality=municipality, name=full_name, kind=kind,
                    description=description + " (Demo entry: contact details are not real.)",
                    phone="+00 000 000 000", email=f"help-{municipality.slug}@example.org",
                    opening_hours=hours, languages="Romani, English",
                ))
                added["partners"] += 1
        if db.session.scalar(db.select(func.count(Activity.id)).filter_by(municipality_id=municipality.id)):
            continue  # this municipality has its demo content already (or real content)
        activities = []
        for i, (kind, title, slugs, objectives, outcomes, follow_ups) in enumerate(ACTIVITY_TEMPLATES):
            start = datetime.combine(today - timedelta(days=7 + i * 11), datetime.min.time()).replace(hour=17)
            area = rng.choice(municipality.areas) if municipality.areas else None
            participants = rng.randint(8, 40)
            activity = Activity(
                municipality=municipality, area=area, type=kind, title=title,
                starts_at=start, ends_at=start + timedelta(hours=2),
                format=ActivityFormat.IN_PERSON, organising_unit="Community policing unit",
                partner_organisations="Roma association; legal clinic", officers_count=rng.randint(2, 6),
                participants_count=participants, women_count=participants // 2, roma_count=participants * 2 // 3,
                languages="Romani, " + municipality.default_language, interpretation_provided=i % 2 == 0,
                mediator_present=True, objectives=objectives, outcomes=outcomes,
                public_summary=outcomes, is_public=i % 3 != 2, feedback_code=new_activity_code(),
            )
            activity.practices = [practices[s] for s in slugs if s in practices]
            activity.topics = [c for c in categories if c.slug in ("respect", "listening", "rumours")][: 1 + i % 3]
            for what, who in follow_ups:
                due = (start + timedelta(days=30)).date()
                activity.follow_ups.append(FollowUp(
                    description=what, responsible=who, due_on=due,
                    status=FollowUpStatus.DONE if due < today - timedelta(days=20) else FollowUpStatus.OPEN,
                ))
            db.session.add(activity)
            activities.append(activity)
            added["activities"] += 1
        db.session.flush()
        for _ in range(rng.randint(25, 45)):
            slug = rng.choice(list(FEEDBACK_TEXTS) + ["respect", "listening", "positive"])
            category = by_slug.get(slug) or rng.choice(categories)
            activity = rng.choice(activities + [None] * 4)
            treatment = rng.choice([4, 5, 5, 4, 3]) if slug == "positive" else rng.randint(1, 5)
            feedback = Feedback(
                channel=Channel.WEB, municipality=municipality, area=rng.choice(municipality.areas + [None]),
                activity=activity, category=category, police_body=rng.choice(list(PoliceBody)),
                occurred_month=dates.add_months(today, -rng.randint(0, 8)), part_of_day=rng.choice(list(PartOfDay) + [None]),
                treatment=treatment, text=rng.choice(FEEDBACK_TEXTS.get(slug, [""])),
                reported_elsewhere=rng.choice(list(YesNoUnsure) + [None]), gender=rng.choice(list(Gender) + [None, None]),
                age_band=rng.choice(list(AgeBand) + [None]), language=municipality.default_language,
                wants_answer=False, status=rng.choice([FeedbackStatus.RECEIVED, FeedbackStatus.IN_REVIEW, FeedbackStatus.CLOSED]),
                received_on=today - timedelta(days=rng.randint(0, 240)),
            )
            _demo_moderation(rng, feedback, today)
            db.session.add(feedback)
            added["feedback"] += 1
        for text, about, where in [
            ("People say Roma families get more benefits than everyone else.", RumourTarget.ROMA, RumourSpread.SOCIAL_MEDIA),
            ("They say the thefts at the market are always done by Roma children.", RumourTarget.ROMA, RumourSpread.NEIGHBOURHOOD),
        ]:
            db.session.add(RumourReport(
                municipality=municipality, heard_text=text, about=about, where=where,
                language=municipality.default_language, received_on=today - timedelta(days=rng.randint(0, 90)),
            ))
            added["rumours"] += 1
    db.session.flush()
    added |= demo_story.tell(rng, today)
    added["tracked rumours"] = _demo_rumours(today)
    rollup.rebuild()  # the story was written in bulk, past the ORM that keeps the aggregates
    return added


DEMO_ANSWER = "Thank you. We shared this with the community policing unit, which discussed it at its monthly meeting."


def _demo_moderation(rng: random.Random, feedback: Feedback, today: date) -> None:
    """What moderators would have done with older demo feedback: read it, answered it, published some."""
    if feedback.status == FeedbackStatus.RECEIVED:
        return
    feedback.acknowledged_on = min(today, feedback.received_on + timedelta(days=rng.randint(0, 9)))
    if feedback.status == FeedbackStatus.CLOSED:
        feedback.answered_on = min(today, feedback.acknowledged_on + timedelta(days=rng.randint(0, 5)))
        feedback.messages.append(FeedbackMessage(from_resident=False, body=DEMO_ANSWER, created_on=feedback.answered_on))
        if feedback.text and rng.random() < 0.4:  # the demo texts name nobody
            feedback.redacted_text, feedback.public_answer = feedback.text, DEMO_ANSWER
            feedback.is_published, feedback.published_on = True, feedback.answered_on


DEMO_RUMOURS = [
    ("Roma families get more benefits than everyone else", "benefits", RumourTarget.ROMA, RumourSpread.SOCIAL_MEDIA,
     RumourStatus.BEING_COUNTERED, "Benefits follow the same rules for every family; the municipality's social services "
     "publish the figures every year. (Demo entry.)", "Would you want your family judged by a story someone told?"),
    ("The thefts at the market are done by Roma children", "market", RumourTarget.ROMA, RumourSpread.NEIGHBOURHOOD,
     RumourStatus.CIRCULATING, "", ""),
]


def _demo_rumours(today: date) -> int:
    """Two tracked rumours with the demo reports grouped under them, the first one answered."""
    if db.session.scalar(db.select(func.count(Rumour.id))):
        return 0
    anti_rumours = db.session.scalar(db.select(GoodPractice).filter_by(slug="anti-rumours-strategy"))
    for title, word, about, spread, status, facts, argument in DEMO_RUMOURS:
        reports = list(db.session.scalars(db.select(RumourReport).where(RumourReport.heard_text.contains(word))))
        rumour = Rumour(title=title, about=about, spread=spread, status=status, counter_data=facts,
                        counter_sources="Municipal social services, annual report (demo)" if facts else "",
                        emotional_argument=argument, is_published=bool(facts), published_on=today if facts else None)
        rumour.municipalities = sorted({r.municipality for r in reports}, key=lambda m: m.name)
        rumour.practices = [anti_rumours] if anti_rumours else []
        rumour.activities = list(db.session.scalars(db.select(Activity).filter_by(type=ActivityType.ANTI_RUMOUR)))
        rumour.reports = reports
        db.session.add(rumour)
    db.session.flush()
    return len(DEMO_RUMOURS)


RUMOUR_TEXTS = [
    "People say Roma families get more benefits than everyone else.",
    "They say the thefts at the market are always done by Roma children.",
    "Someone said the police never come to our street on purpose.",
]


def _synthetic_status(rng: random.Random, age_days: int) -> FeedbackStatus:
    """Recent items wait in the queue; older ones were mostly answered or closed, as in a working portal."""
    if age_days < 10:
        return rng.choice([FeedbackStatus.RECEIVED] * 3 + [FeedbackStatus.IN_REVIEW])
    roll = rng.random()
    if roll < 0.02:
        return FeedbackStatus.REJECTED
    if age_days < 60 and roll < 0.15:
        return FeedbackStatus.IN_REVIEW
    if roll < 0.025:
        return FeedbackStatus.RECEIVED  # a few forgotten ones
    return FeedbackStatus.ANSWERED if roll < 0.4 else FeedbackStatus.CLOSED


def _synthetic_feedback(rng: random.Random, today: date, m: Municipality, areas, category_ids, texts) -> dict:
    received = today - timedelta(days=rng.randint(0, 720))
    age = (today - received).days
    status = _synthetic_status(rng, age)
    acknowledged = None if status == FeedbackStatus.RECEIVED else received + timedelta(days=min(age, rng.randint(0, 12)))
    answered = acknowledged + timedelta(days=rng.randint(0, 10)) if status in (
        FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED) and acknowledged else None
    channel = Channel.WEB if rng.random() < 0.9 else rng.choice([c for c in Channel if c != Channel.WEB])
    return {
        "channel": channel, "municipality_id": m.id, "area_id": rng.choice(areas[m.id]),
        "category_id": rng.choice(category_ids), "police_body": rng.choice(list(PoliceBody)),
        "occurred_month": dates.add_months(received, -rng.choice([0, 0, 0, 1, 1, 2])), "treatment": rng.randint(1, 5),
        "text": rng.choice(texts) if rng.random() < 0.3 else "", "language": "en", "wants_answer": False,
        "status": status, "received_on": received, "acknowledged_on": acknowledged,
        "answered_on": answered if answered is None or answered <= today else today,
        "rejection_reason": RejectionReason.SPAM if status == FeedbackStatus.REJECTED else None,
        "has_unread": status == FeedbackStatus.IN_REVIEW and rng.random() < 0.2,
        "is_published": False, "organisation": "Synthetic mediators" if channel != Channel.WEB else "",
        "consent_confirmed": channel != Channel.WEB, "moderator_note": "",
    }


def bulk_demo_data(feedback: int, activities: int, rng_seed: int = 1) -> dict[str, int]:
    """Synthetic rows in bulk (executemany in batches) for load tests: a million feedback rows in minutes."""
    rng = random.Random(rng_seed)
    today = dates.today()
    municipalities = list(db.session.scalars(db.select(Municipality)))
    if not municipalities:
        raise ValueError("run `seed` first: there is no municipality")
    areas = {m.id: [a.id for a in m.areas] + [None] for m in municipalities}
    category_ids = list(db.session.scalars(db.select(FeedbackCategory.id)))
    batch = 10_000
    codes = set(db.session.scalars(db.select(Activity.feedback_code)))
    for start in range(0, activities, batch):
        rows = []
        for _ in range(min(batch, activities - start)):
            m = rng.choice(municipalities)
            begins = datetime.combine(today - timedelta(days=rng.randint(0, 720)), datetime.min.time()).replace(hour=rng.randint(8, 19))
            kind = rng.choice(list(ActivityType))
            code = new_activity_code(8)
            while code in codes:
                code = new_activity_code(8)
            codes.add(code)
            rows.append({
                "municipality_id": m.id, "area_id": rng.choice(areas[m.id]), "type": kind,
                "title": "Synthetic activity", "starts_at": begins, "ends_at": begins + timedelta(hours=2),
                "format": ActivityFormat.IN_PERSON, "officers_count": rng.randint(1, 8),
                "is_public": rng.random() < 0.5 and kind not in SENSITIVE_TYPES,
                "feedback_code": code, "organising_unit": "", "partner_organisations": "", "languages": "",
                "objectives": "", "outcomes": "", "public_summary": "", "interpretation_provided": False,
                "mediator_present": False, "created_at": datetime.now(), "updated_at": datetime.now(),
            })
        db.session.execute(insert(Activity), rows)
    texts = [text for options in FEEDBACK_TEXTS.values() for text in options]
    for start in range(0, feedback, batch):
        rows = [_synthetic_feedback(rng, today, rng.choice(municipalities), areas, category_ids, texts)
                for _ in range(min(batch, feedback - start))]
        db.session.execute(insert(Feedback), rows)
    reports = feedback // 20
    for start in range(0, reports, batch):
        rows = []
        for _ in range(min(batch, reports - start)):
            m = rng.choice(municipalities)
            received = today - timedelta(days=rng.randint(0, 720))
            status = _synthetic_status(rng, (today - received).days)
            rows.append({
                "municipality_id": m.id, "area_id": rng.choice(areas[m.id]), "heard_text": rng.choice(RUMOUR_TEXTS),
                "about": rng.choice(list(RumourTarget)), "where": rng.choice(list(RumourSpread)), "language": "en",
                "channel": Channel.WEB, "wants_answer": False, "status": status, "received_on": received,
                "acknowledged_on": None if status == FeedbackStatus.RECEIVED else received + timedelta(days=rng.randint(0, 6)),
                "moderator_note": "",
            })
        db.session.execute(insert(RumourReport), rows)
    db.session.flush()
    rollup.rebuild()  # bulk rows bypass the ORM that keeps the aggregates in step
    return {"feedback": feedback, "activities": activities}
