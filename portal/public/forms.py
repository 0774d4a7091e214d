"""Residents' forms: feedback, rumour reports, receipt codes.

Choices come from the database (categories, municipalities, areas) or from the vocabularies, and
every check has its own plain message. WTForms' built-in choice check is turned off
(`validate_choice=False`) so the messages are ours and translated like the rest of the page.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, StopValidation, ValidationError

from portal.public import antispam
from portal.services.feedback import MESSAGE_MAX, TEXT_MAX
from portal.services.rumours import HEARD_MAX
from portal.templating import month_label
from portal.vocab import AgeBand, Gender, PartOfDay, PoliceBody, RumourSpread, RumourTarget, Treatment, YesNoUnsure

WRONG_CHOICE = _l("Choose one of the options in the list.")


def options(pairs, optgroup=None) -> list[SelectChoice]:
    """(value, label) pairs, e.g. from a vocabulary's `.choices()`, as WTForms choices."""
    return [SelectChoice(value=str(value), label=label, optgroup=optgroup) for value, label in pairs]


def _choice_values(choices) -> set[str]:
    return {str(c.value) for c in choices or []}


class InList:
    """The value must be one of the field's choices (empty values are left to Optional/InputRequired)."""

    def __init__(self, message=WRONG_CHOICE):
        self.message = message

    def __call__(self, form, field):
        if field.data in (None, ""):
            return
        if str(field.data) not in _choice_values(field.choices):
            raise StopValidation(self.message)


def required(message):
    return [InputRequired(message=message), InList()]


OPTIONAL = [Optional(), InList()]


def _enum_or_none(enum_cls, value):
    return enum_cls(value) if value else None


# --- numbers in query strings -------------------------------------------------------------------------

MAX_PAGE = 100_000
MAX_ROW_ID = 2_147_483_647  # the largest id the database columns hold


def _bounded(value, high: int) -> int:
    number = int(value)
    if not 1 <= number <= high:
        raise ValueError("out of range")
    return number


def page_number(value) -> int:
    """`type=` for `request.args.get("page", 1, ...)`: a page out of 1..MAX_PAGE falls back to the default."""
    return _bounded(value, MAX_PAGE)


def row_id(value) -> int:
    """`type=` for an id in a query string: one the database cannot hold is ignored (None)."""
    return _bounded(value, MAX_ROW_ID)


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
        """A fresh stamp each time the form is shown."""
        self.started.data = antispam.issue_started(self.form_name)

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


# --- shared place fields ------------------------------------------------------------------------------


def place_fields():
    """Town (required) and neighbourhood (optional), made where a form lists them so the error
    summary follows the order of the page."""
    municipality = SelectField(
        _l("Town or city"), validators=required(_l("Choose the town.")), validate_choice=False
    )
    area = SelectField(
        _l("Neighbourhood"),
        description=_l("Only the area, never a street or a house."),
        validators=OPTIONAL,
        validate_choice=False,
    )
    return municipality, area


class PlaceMixin:
    """Choices and checks for the place fields: the neighbourhood must be in the chosen town."""

    def set_places(self, municipalities, *, fixed=None) -> None:
        """`municipalities`: active ones with their areas. `fixed`: the one municipality of an activity."""
        self._area_town = {}
        not_sure = options([("", _l("Not sure, or I prefer not to say"))])
        if fixed is not None:
            self._area_town = {str(a.id): fixed.slug for a in fixed.areas}
            self.area.choices = not_sure + options((a.id, a.name) for a in fixed.areas)
            return
        self.municipality.choices = options([("", _l("Choose a town"))] + [(m.slug, m.name) for m in municipalities])
        self.area.choices = not_sure
        for place in municipalities:
            self.area.choices += options(((a.id, a.name) for a in place.areas), optgroup=place.name)
            self._area_town.update({str(a.id): place.slug for a in place.areas})

    def validate_area(self, field):
        if not field.data or "municipality" not in self:
            return
        town = self._area_town.get(str(field.data))
        if town is not None and self.municipality.data and town != self.municipality.data:
            raise ValidationError(_l("This neighbourhood is not in the town you chose."))

    def area_id(self) -> int | None:
        return int(self.area.data) if self.area.data else None


# --- feedback -----------------------------------------------------------------------------------------


class FeedbackFieldsForm(PlaceMixin, FlaskForm):
    """The feedback questions, shared by residents' and mediators' forms."""

    category = RadioField(_l("What was it about?"), validators=required(_l("Choose what it was about.")), validate_choice=False)
    treatment = RadioField(
        _l("How did the police treat you?"),
        choices=options(Treatment.choices()),
        validators=required(_l("Choose how you were treated.")),
        validate_choice=False,
    )
    police_body = RadioField(
        _l("Which police?"),
        choices=options(PoliceBody.choices()),
        validators=required(_l("Choose which police, or \"I don't know\".")),
        validate_choice=False,
    )
    municipality, area = place_fields()
    occurred_month = SelectField(_l("Month"), validators=required(_l("Choose the month.")), validate_choice=False)
    part_of_day = RadioField(_l("Time of day"), choices=options(PartOfDay.choices()), validators=OPTIONAL, validate_choice=False)
    text = TextAreaField(
        _l("What happened?"),
        description=_l("Please do not write names, phone numbers or addresses, yours or anyone else's. Up to 2000 characters."),
        validators=[Optional(), Length(max=TEXT_MAX, message=_l("Please write at most %(max)d characters. You wrote %(length)d."))],
        render_kw={"maxlength": TEXT_MAX, "rows": 6},
    )
    reported_elsewhere = RadioField(
        _l("Did you already tell someone else about this?"),
        description=_l("For example the police, a lawyer or an organisation."),
        choices=options(YesNoUnsure.choices()),
        validators=OPTIONAL,
        validate_choice=False,
    )
    gender = RadioField(_l("Your gender"), choices=options(Gender.choices()), validators=OPTIONAL, validate_choice=False)
    age_band = SelectField(_l("Your age"), validators=OPTIONAL, validate_choice=False)
    wants_answer = BooleanField(
        _l("I want an answer"),
        description=_l("You will get a code to read the answer on this site. We never ask for your phone number or e-mail."),
    )

    def set_choices(self, *, categories, municipalities, months: list[date], fixed_municipality=None) -> None:
        self.category.choices = options((c.slug, c.label) for c in categories)
        self.category_hints = {c.slug: c.hint for c in categories}
        self.set_places(municipalities, fixed=fixed_municipality)
        self.occurred_month.choices = options((m.strftime("%Y-%m"), month_label(m)) for m in months)
        self.age_band.choices = options([("", _l("I prefer not to say"))] + AgeBand.choices())
        if not self.is_submitted() and not self.occurred_month.data:
            self.occurred_month.data = months[0].strftime("%Y-%m")

    def month(self) -> date | None:
        try:
            year, month = (int(part) for part in (self.occurred_month.data or "").split("-"))
            return date(year, month, 1)
        except ValueError:
            return None

    def submission(self) -> dict:
        """Keyword arguments for services.feedback.submit_feedback."""
        return {
            "category": self.category.data,
            "police_body": PoliceBody(self.police_body.data),
            "municipality": self.municipality.data if "municipality" in self else None,
            "area_id": self.area_id(),
            "occurred_month": self.month(),
            "part_of_day": _enum_or_none(PartOfDay, self.part_of_day.data),
            "treatment": int(self.treatment.data),
            "text": self.text.data or "",
            "reported_elsewhere": _enum_or_none(YesNoUnsure, self.reported_elsewhere.data),
            "gender": _enum_or_none(Gender, self.gender.data),
            "age_band": _enum_or_none(AgeBand, self.age_band.data),
            "wants_answer": bool(self.wants_answer.data),
        }


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


class ReplyForm(FlaskForm):
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
