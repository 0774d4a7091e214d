"""Residents' forms: feedback (the shared questions in `portal.forms.feedback`, plus the abuse
checks), rumour reports and receipt codes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from portal.forms import options, required
from portal.forms.feedback import FeedbackFieldsForm, PlaceMixin, place_fields
from portal.forms.once import OnceMixin
from portal.public import antispam
from portal.services.feedback import submissions
from portal.services.feedback.rumour_reports import HEARD_MAX
from portal.services.feedback.thread import MESSAGE_MAX
from portal.vocab import RumourSpread, RumourTarget

# --- abuse checks -----------------------------------------------------------------------------------


class AntiSpamMixin:
    """A honeypot and a signed 'form shown at' stamp. Add to a FlaskForm; call `passes_antispam()`."""

    form_name = "form"
    website = StringField(
        _l("Leave this empty"),
        validators=[Length(max=200)],
        render_kw={"autocomplete": "off", "tabindex": "-1"},
    )
    started = HiddenField()

    def restamp(self) -> None:
        """A fresh stamp (and so a fresh one-time token) each time the form is shown."""
        self.started.data = antispam.issue_started(self.form_name)

    def once_token(self):
        """The one-time token in the stamp (`passes_antispam()` checked it is there)."""
        return antispam.read_stamp(self.started.data, self.form_name) or submissions.MISSING

    def passes_antispam(self) -> bool:
        if self.website.data:
            self.form_errors.append(
                _l('This form could not be sent. If you are a person, empty the field "Leave this empty" and send again.')
            )
            return False
        if not antispam.filled_by_a_person(self.started.data, self.form_name):
            self.form_errors.append(_l("That was very quick. Please check your answers and send the form again."))
            return False
        return True


class FeedbackForm(AntiSpamMixin, FeedbackFieldsForm):
    form_name = "feedback"


# --- rumours --------------------------------------------------------------------------------------------


class RumourForm(AntiSpamMixin, PlaceMixin, FlaskForm):
    form_name = "rumour"

    heard_text = TextAreaField(
        _l("What did you hear?"),
        description=_l("Write the story as people tell it. Please do not write names. Up to 1000 characters."),
        validators=[
            InputRequired(message=_l("Write what you heard.")),
            Length(max=HEARD_MAX, message=_l("Please write at most %(max)d characters. You wrote %(length)d.")),
        ],
        render_kw={"maxlength": HEARD_MAX, "rows": 5},
    )
    about = RadioField(
        _l("Who is the rumour about?"), choices=options(RumourTarget.choices()),
        validators=required(_l("Choose who it is about.")), validate_choice=False,
    )
    where = RadioField(
        _l("Where did you hear it?"), choices=options(RumourSpread.choices()),
        validators=required(_l("Choose where you heard it.")), validate_choice=False,
    )
    municipality, area = place_fields()
    wants_answer = BooleanField(
        _l("I want an answer"),
        description=_l("You will get a code to see what we found out. We never ask for your phone number or e-mail."),
    )

    def submission(self) -> dict:
        return {
            "heard_text": self.heard_text.data or "",
            "about": RumourTarget(self.about.data),
            "where": RumourSpread(self.where.data),
            "municipality": self.municipality.data,
            "area_id": self.area_id(),
            "wants_answer": bool(self.wants_answer.data),
        }


# --- receipt codes ----------------------------------------------------------------------------------------


WRONG_CODE = _l("We found nothing for this code. Check that you typed all 20 digits and try again.")
CODE_ATTRS = {"autocomplete": "off", "inputmode": "numeric", "autocapitalize": "off", "spellcheck": "false"}


class ReceiptForm(FlaskForm):
    code = StringField(
        _l("Your receipt code"),
        description=_l("The 20 digits you got when you sent it. Spaces do not matter."),
        validators=[InputRequired(message=_l("Enter your receipt code.")), Length(max=80, message=WRONG_CODE)],
        render_kw=CODE_ATTRS,
    )


class ReplyForm(OnceMixin, FlaskForm):
    submission_kind = "reply"
    code = HiddenField(validators=[InputRequired(), Length(max=80)])
    body = TextAreaField(
        _l("Add a message"),
        description=_l("Please do not write names, phone numbers or addresses. Up to 2000 characters."),
        validators=[
            InputRequired(message=_l("Write your message.")),
            Length(max=MESSAGE_MAX, message=_l("Please write at most %(max)d characters. You wrote %(length)d.")),
        ],
        render_kw={"maxlength": MESSAGE_MAX, "rows": 4},
    )
