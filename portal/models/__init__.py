"""All models, imported here so Alembic and the app see one complete metadata."""

from portal.models.activity import Activity, FollowUp, activity_practice, activity_topic
from portal.models.audit import AuditEntry
from portal.models.base import Base
from portal.models.feedback import (
    Feedback,
    FeedbackCategory,
    FeedbackMessage,
    FeedbackTag,
    RedactionKept,
    feedback_activity,
    feedback_practice,
)
from portal.models.geo import Area, Municipality, PartnerOrganisation
from portal.models.practice import EvidenceStrength, GoodPractice, GoodPracticeText, PracticeSource, PracticeTag
from portal.models.rollup import (
    ActivityRollup,
    FeedbackRollup,
    FeedbackRollupChannel,
    FeedbackRollupCoarse,
    FigureRelease,
    RumourRollup,
)
from portal.models.rumour import Rumour, RumourReport, rumour_activity, rumour_municipality, rumour_practice
from portal.models.serving import CatalogueVersion, UsedSubmission
from portal.models.user import User

__all__ = [
    "Activity", "Area", "AuditEntry", "Base", "Feedback", "FeedbackCategory", "FeedbackMessage", "FeedbackTag",
    "ActivityRollup", "EvidenceStrength", "FeedbackRollup", "FeedbackRollupChannel", "FeedbackRollupCoarse", "FigureRelease", "FollowUp", "GoodPractice", "GoodPracticeText", "Municipality", "PartnerOrganisation", "PracticeSource", "PracticeTag", "Rumour", "RumourReport",
    "RedactionKept", "RumourRollup", "User", "CatalogueVersion", "UsedSubmission", "activity_practice", "activity_topic", "feedback_activity", "feedback_practice", "rumour_activity",
    "rumour_municipality", "rumour_practice",
]
