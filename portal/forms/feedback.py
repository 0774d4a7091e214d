"""The feedback questions residents answer, shared by the residents' form and the mediators' form:
what it was about, how they were treated, which police, where and when, and the optional ones."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from portal.forms import OPTIONAL, enum_or_none, options, required
from portal.i18n import select_language
from portal.services import dates
from portal.services.feedback.intake import TEXT_MAX
from portal.templating import month_label
from portal.vocab import AgeBand, Gender, PartOfDay, PoliceBody, Treatment, YesNoUnsure


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
        """`municipalities`: active ones with their areas. `fixed`: the one municipality of an activity.
        With the catalogue's plain rows (`portal.forms.catalogue`), the choices are built once per
        process and catalogue version, and every form gets its own copy of the lists."""
        if fixed is not None:
            towns, areas, self._area_town = _place_choices((), fixed)
        else:
            towns, areas, self._area_town = _place_choices(tuple(municipalities), None)
            self.municipality.choices = list(towns)
        self.area.choices = list(areas)

    def validate_area(self, field):
        if not field.data or "municipality" not in self:
            return
        town = self._area_town.get(str(field.data))
        if town is not None and self.municipality.data and town != self.municipality.data:
            raise ValidationError(_l("This neighbourhood is not in the town you chose."))

    def area_id(self) -> int | None:
        return int(self.area.data) if self.area.data else None


def _build_place_choices(municipalities, fixed):
    not_sure = options([("", _l("Not sure, or I prefer not to say"))])
    if fixed is not None:
        return (), tuple(not_sure + options((a.id, a.name) for a in fixed.areas)), {str(a.id): fixed.slug for a in fixed.areas}
    towns = options([("", _l("Choose a town"))] + [(m.slug, m.name) for m in municipalities])
    areas, area_town = list(not_sure), {}
    for place in municipalities:
        areas += options(((a.id, a.name) for a in place.areas), optgroup=place.name)
        area_town.update({str(a.id): place.slug for a in place.areas})
    return tuple(towns), tuple(areas), area_town


@lru_cache(maxsize=64)
def _kept_place_choices(municipalities, fixed):
    return _build_place_choices(municipalities, fixed)


def _place_choices(municipalities, fixed):
    """(town choices, area choices, area id -> town slug). Labels are lazy, so one set serves every
    language; kept when the places are the catalogue's plain (hashable) rows."""
    try:
        return _kept_place_choices(municipalities, fixed)
    except TypeError:  # ORM rows are not hashable by value: build them for this form only
        return _build_place_choices(municipalities, fixed)


@lru_cache(maxsize=64)
def _category_choices(categories) -> tuple:
    return tuple(options((c.slug, c.label) for c in categories)), {c.slug: c.hint for c in categories}


@lru_cache(maxsize=512)
def _month_choices(language: str, months: tuple) -> tuple:
    """The month list in one language (month names are formatted now, so the language is part of the key)."""
    return tuple(options([("", _l("Choose a month"))] + [(m.strftime("%Y-%m"), month_label(m)) for m in months]))


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
        categories = tuple(categories)
        try:
            kept, self.category_hints = _category_choices(categories)
            self.category.choices = list(kept)
        except TypeError:  # ORM rows: built for this form only
            self.category.choices = options((c.slug, c.label) for c in categories)
            self.category_hints = {c.slug: c.hint for c in categories}
        self.set_places(municipalities, fixed=fixed_municipality)
        # A required <select> starts with an empty option (HTML); this month stays preselected.
        self.occurred_month.choices = list(_month_choices(select_language(), tuple(months)))
        self.age_band.choices = options([("", _l("I prefer not to say"))] + AgeBand.choices())
        if not self.is_submitted() and not self.occurred_month.data:
            self.occurred_month.data = months[0].strftime("%Y-%m")

    def month(self) -> date | None:
        return dates.parse_month(self.occurred_month.data)

    def submission(self) -> dict:
        """Keyword arguments for services.feedback.submit_feedback."""
        return {
            "category": self.category.data,
            "police_body": PoliceBody(self.police_body.data),
            "municipality": self.municipality.data if "municipality" in self else None,
            "area_id": self.area_id(),
            "occurred_month": self.month(),
            "part_of_day": enum_or_none(PartOfDay, self.part_of_day.data),
            "treatment": int(self.treatment.data),
            "text": self.text.data or "",
            "reported_elsewhere": enum_or_none(YesNoUnsure, self.reported_elsewhere.data),
            "gender": enum_or_none(Gender, self.gender.data),
            "age_band": enum_or_none(AgeBand, self.age_band.data),
            "wants_answer": bool(self.wants_answer.data),
        }


