"""Fixed vocabularies of the domain, with translatable labels.

Slugs are stored; labels are looked up here at render time so every language gets its own words.
Order is the order shown to people.
"""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Labelled(StrEnum):
    """A StrEnum whose members carry a translatable label (and an optional hint)."""

    @property
    def label(self):
        return LABELS[type(self).__name__][self.value][0]

    @property
    def hint(self):
        entry = LABELS[type(self).__name__][self.value]
        return entry[1] if len(entry) > 1 else None

    @classmethod
    def choices(cls):
        return [(m.value, m.label) for m in cls]


class Role(Labelled):
    MEDIATOR = "mediator"
    OFFICER = "officer"
    MODERATOR = "moderator"
    ADMIN = "admin"


class PoliceBody(Labelled):
    MUNICIPAL = "municipal"
    NATIONAL = "national"
    OTHER = "other"
    UNKNOWN = "unknown"


class PartOfDay(Labelled):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"


class Treatment(Labelled):
    """How the person felt treated: 1 (very badly) to 5 (very well)."""

    VERY_BAD = "1"
    BAD = "2"
    NEUTRAL = "3"
    GOOD = "4"
    VERY_GOOD = "5"


class YesNoUnsure(Labelled):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Gender(Labelled):
    WOMAN = "woman"
    MAN = "man"
    OTHER = "other"


class AgeBand(Labelled):
    UNDER_18 = "under-18"
    FROM_18 = "18-29"
    FROM_30 = "30-44"
    FROM_45 = "45-64"
    FROM_65 = "65-plus"


class Channel(Labelled):
    """How feedback reached the portal."""

    WEB = "web"
    IN_PERSON = "in-person"
    PHONE = "phone"
    PAPER = "paper"
    OUTREACH = "outreach"


class FeedbackStatus(Labelled):
    RECEIVED = "received"
    IN_REVIEW = "in-review"
    ANSWERED = "answered"
    CLOSED = "closed"
    REJECTED = "rejected"


class RejectionReason(Labelled):
    """Why moderators did not accept an item. A rejected item is never shown outside moderation."""

    SPAM = "spam"
    ABUSIVE = "abusive"
    DUPLICATE = "duplicate"
    NOT_POLICING = "not-policing"


class RumourStatus(Labelled):
    """Where a rumour stands in the Anti-Rumours work."""

    CIRCULATING = "circulating"
    BEING_COUNTERED = "being-countered"
    COUNTERED = "countered"


class RumourTarget(Labelled):
    ROMA = "roma"
    MIGRANTS = "migrants"
    POLICE = "police"
    OTHER_MINORITY = "other-minority"
    OTHER = "other"


class RumourSpread(Labelled):
    NEIGHBOURHOOD = "neighbourhood"
    SCHOOL = "school"
    SOCIAL_MEDIA = "social-media"
    MEDIA = "media"
    POLICE = "police"
    SERVICES = "services"
    OTHER = "other"


class ActivityType(Labelled):
    PARTNERSHIP_MEETING = "partnership-meeting"
    SAFETY_AUDIT = "safety-audit"
    PATROL = "patrol"
    LIAISON_VISIT = "liaison-visit"
    SAFETY_COMMITTEE = "safety-committee"
    MEDIATION = "mediation"
    JOINT_TRAINING = "joint-training"
    POLICE_TRAINING = "police-training"
    ANTI_RUMOUR = "anti-rumour"
    RIGHTS_DAY = "rights-day"
    LEGAL_CLINIC = "legal-clinic"
    ONLINE_EVENT = "online-event"
    SCHOOL_YOUTH = "school-youth"
    RECRUITMENT = "recruitment"
    STOP_DATA_REVIEW = "stop-data-review"
    DIALOGUE_CAFE = "dialogue-cafe"
    HATE_INCIDENT_FOLLOW_UP = "hate-incident-follow-up"
    OTHER = "other"


class ActivityFormat(Labelled):
    IN_PERSON = "in-person"
    ONLINE = "online"
    HYBRID = "hybrid"


class FollowUpStatus(Labelled):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    CANCELLED = "cancelled"


class PartnerKind(Labelled):
    LEGAL_CLINIC = "legal-clinic"
    MEDIATOR = "mediator"
    EQUALITY_BODY = "equality-body"
    NGO = "ngo"
    VICTIM_SUPPORT = "victim-support"
    OTHER = "other"


LABELS: dict[str, dict[str, tuple]] = {
    "Role": {
        "mediator": (_l("Mediator"),),
        "officer": (_l("Municipal officer"),),
        "moderator": (_l("Moderator"),),
        "admin": (_l("Administrator"),),
    },
    "PoliceBody": {
        "municipal": (_l("Municipal or local police"),),
        "national": (_l("National police"),),
        "other": (_l("Other police"),),
        "unknown": (_l("I don't know"),),
    },
    "PartOfDay": {
        "morning": (_l("Morning"),),
        "afternoon": (_l("Afternoon"),),
        "evening": (_l("Evening"),),
        "night": (_l("Night"),),
    },
    "Treatment": {
        "1": (_l("Very badly"),),
        "2": (_l("Badly"),),
        "3": (_l("Neither well nor badly"),),
        "4": (_l("Well"),),
        "5": (_l("Very well"),),
    },
    "YesNoUnsure": {
        "yes": (_l("Yes"),),
        "no": (_l("No"),),
        "unsure": (_l("Not sure"),),
    },
    "Gender": {
        "woman": (_l("Woman"),),
        "man": (_l("Man"),),
        "other": (_l("I describe myself another way"),),
    },
    "AgeBand": {
        "under-18": (_l("Under 18"),),
        "18-29": (_l("18 to 29"),),
        "30-44": (_l("30 to 44"),),
        "45-64": (_l("45 to 64"),),
        "65-plus": (_l("65 or older"),),
    },
    "Channel": {
        "web": (_l("Online form"),),
        "in-person": (_l("In person"),),
        "phone": (_l("By phone"),),
        "paper": (_l("Paper form"),),
        "outreach": (_l("Community visit or outreach session"),),
    },
    "FeedbackStatus": {
        "received": (_l("Received"),),
        "in-review": (_l("Being reviewed"),),
        "answered": (_l("Answered"),),
        "closed": (_l("Closed"),),
        "rejected": (_l("Not accepted"),),
    },
    "RejectionReason": {
        "spam": (_l("Spam or advertising"),),
        "abusive": (_l("Abusive or threatening"),),
        "duplicate": (_l("Duplicate of another item"),),
        "not-policing": (_l("Not about policing"),),
    },
    "RumourStatus": {
        "circulating": (_l("Circulating"),),
        "being-countered": (_l("Being countered"),),
        "countered": (_l("Countered"),),
    },
    "RumourTarget": {
        "roma": (_l("Roma people"),),
        "migrants": (_l("Migrants or refugees"),),
        "police": (_l("The police"),),
        "other-minority": (_l("Another minority"),),
        "other": (_l("Someone else"),),
    },
    "RumourSpread": {
        "neighbourhood": (_l("In the neighbourhood"),),
        "school": (_l("At school"),),
        "social-media": (_l("On social media"),),
        "media": (_l("In newspapers, radio or TV"),),
        "police": (_l("Among police officers"),),
        "services": (_l("In public services"),),
        "other": (_l("Somewhere else"),),
    },
    "ActivityType": {
        "partnership-meeting": (_l("Partnership or community meeting"),),
        "safety-audit": (_l("Local safety audit workshop"),),
        "patrol": (_l("Foot or proximity patrol"),),
        "liaison-visit": (_l("Liaison visit to an association or neighbourhood"),),
        "safety-committee": (_l("Intercultural safety committee"),),
        "mediation": (_l("Mediation session"),),
        "joint-training": (_l("Joint police and community training"),),
        "police-training": (_l("Police training on Roma rights and hate crime"),),
        "anti-rumour": (_l("Anti-rumour training or campaign action"),),
        "rights-day": (_l("Rights information day"),),
        "legal-clinic": (_l("Legal clinic session"),),
        "online-event": (_l("Webinar or online event"),),
        "school-youth": (_l("School or youth activity"),),
        "recruitment": (_l("Recruiting police officers from the community"),),
        "stop-data-review": (_l("Review of police stop records"),),
        "dialogue-cafe": (_l("Dialogue café"),),
        "hate-incident-follow-up": (_l("Follow-up of a hate incident report"),),
        "other": (_l("Other activity"),),
    },
    "ActivityFormat": {
        "in-person": (_l("In person"),),
        "online": (_l("Online"),),
        "hybrid": (_l("Hybrid"),),
    },
    "FollowUpStatus": {
        "open": (_l("To do"),),
        "in-progress": (_l("In progress"),),
        "done": (_l("Done"),),
        "cancelled": (_l("Cancelled"),),
    },
    "PartnerKind": {
        "legal-clinic": (_l("Legal clinic"),),
        "mediator": (_l("Roma mediator"),),
        "equality-body": (_l("Equality body"),),
        "ngo": (_l("Community organisation"),),
        "victim-support": (_l("Victim support"),),
        "other": (_l("Other help"),),
    },
}


# Feedback categories (also the topic taxonomy of activities). Stored as rows so moderators can
# retire one; their words live here so that every language translates them.
CATEGORIES: dict[str, tuple] = {
    "positive": (_l("Positive interaction or thanks"), _l("An officer helped you or treated you well.")),
    "respect": (_l("Respect and courtesy"), _l("How politely you were spoken to and treated.")),
    "listening": (_l("Listening and response"), _l("Whether the police listened and acted on what you said.")),
    "stop-search": (_l("Identity check or stop and search"), _l("You were stopped, checked or searched. Was the reason explained? Did you get a form or a leaflet on your rights?")),
    "discrimination": (_l("Unfair treatment or anti-Roma insults"), _l("You were treated worse, or insulted, because you are Roma.")),
    "profiling": (_l("Stopped because of how you look"), _l("You think you were picked out because of your skin, clothes or origin.")),
    "hate-crime": (_l("Hate crime or racist incident"), _l("Someone attacked, threatened or insulted you out of hatred. Was it recorded? Were you supported?")),
    "no-response": (_l("No help when it was needed"), _l("You asked the police for help and nobody came or nothing was done.")),
    "over-policing": (_l("Too much policing"), _l("Too many checks, patrols or fines in your area.")),
    "force": (_l("Use of force"), _l("The police used physical force, handcuffs or weapons.")),
    "home-entry": (_l("Home entry, search or damage"), _l("The police came into your home, searched it or damaged things.")),
    "eviction": (_l("Eviction"), _l("You or your neighbours were removed from your homes.")),
    "domestic-violence": (_l("Response to domestic or gender-based violence"), _l("How the police responded to violence at home, or to violence against someone because of their gender.")),
    "language": (_l("Language barriers"), _l("You could not understand or be understood. Was an interpreter offered?")),
    "rumours": (_l("Rumours and stereotypes"), _l("Stories or prejudice that you heard about Roma people or others.")),
    "rights-information": (_l("Information on rights and complaints"), _l("Whether you were told your rights and how to complain.")),
    "neighbour-mediation": (_l("Mediation between neighbours"), _l("Help to settle a conflict between neighbours.")),
    "children-youth": (_l("Children and young people"), _l("How the police treated children or young people.")),
    "promises": (_l("Promises made at meetings"), _l("Whether what was promised at a meeting was done.")),
    "fear-of-reporting": (_l("Fear of reporting"), _l("You are afraid to report something to the police.")),
    "other": (_l("Something else"), _l("Anything that does not fit above.")),
}


def category_label(slug: str):
    entry = CATEGORIES.get(slug)
    return entry[0] if entry else slug


def category_hint(slug: str):
    entry = CATEGORIES.get(slug)
    return entry[1] if entry else None


class LabelledCategory:
    """The label and hint of a feedback category, for anything that has its `slug` (the model, and
    the plain copy the residents' forms keep)."""

    @property
    def label(self):
        return category_label(self.slug)

    @property
    def hint(self):
        return category_hint(self.slug)
