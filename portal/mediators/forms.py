from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField
from wtforms.validators import InputRequired

from portal.forms import options, required
from portal.forms.feedback import FeedbackFieldsForm
from portal.forms.once import OnceMixin
from portal.services.feedback.intake import ASSISTED_CHANNELS


class MediatorFeedbackForm(OnceMixin, FeedbackFieldsForm):
    """The residents' questions, plus how the feedback reached the mediator and the consent."""

    submission_kind = "mediator"

    channel = RadioField(
        _l("How did the resident give this feedback?"),
        choices=options((c.value, c.label) for c in ASSISTED_CHANNELS),
        validators=required(_l("Choose how the resident gave this feedback.")),
        validate_choice=False,
    )
    wants_answer = BooleanField(
        _l("The resident wants an answer"),
        description=_l("You will get a receipt code to give to the resident."),
    )
    consent = BooleanField(
        _l("The resident agreed that I send this for them."),
        description=_l("Do not write the resident's name or contact details anywhere in this form."),
        validators=[InputRequired(message=_l("Confirm that the resident agreed. Without it we cannot take this feedback."))],
    )
