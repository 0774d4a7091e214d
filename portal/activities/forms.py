"""Forms of the activity log. Only type, title and start are required: the rest has defaults or may
stay empty, so logging an activity takes a minute or two."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SearchField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from portal.forms import MultiCheckboxField, OptionalChoice, int_or_none, options
from portal.services.activities.log import (
    SENSITIVE_TYPES,
    SORTS,
    ActivityFilters,
    ActivityInput,
    FollowUpInput,
    private_type_message,
    year_in_range,
    year_message,
)
from portal.vocab import ActivityFormat, ActivityType, FollowUpStatus

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
COUNT = {"min": 0, "inputmode": "numeric"}


def year_in_range_check(form, field):
    """Dates far in the past or future are typing mistakes (and some cannot be computed with)."""
    if not year_in_range(field.data):
        raise ValidationError(year_message())


@dataclass
class Options:
    """What the choice fields offer, loaded by the view for the current account."""

    municipalities: list  # [] for officers: their municipality is fixed
    areas: list  # Area rows in scope
    practices: list  # published GoodPractice rows (plus any already linked)
    topics: list  # active FeedbackCategory rows (plus any already linked)


def area_choices(choices: Options, empty_label) -> list[SelectChoice]:
    """One flat list for an officer; grouped by municipality for moderators and admins."""
    out = [SelectChoice(value="", label=empty_label)]
    grouped = bool(choices.municipalities)
    for area in choices.areas:
        out.append(SelectChoice(value=str(area.id), label=area.name,
                                optgroup=area.municipality.name if grouped else None))
    return out


class ActivityLogForm(FlaskForm):
    municipality = SelectField(_l("Municipality"), coerce=int_or_none,
                               validators=[InputRequired(message=_l("Choose a municipality."))])
    type = SelectField(_l("Type of activity"), validators=[InputRequired(message=_l("Choose the type of activity."))])
    title = StringField(_l("Title"), validators=[InputRequired(message=_l("Give a short title.")), Length(max=200)],
                        description=_l("For example: Monthly meeting with the Roma association."))
    starts_at = DateTimeLocalField(_l("Start"), format=DATETIME_FORMATS,
                                   validators=[InputRequired(message=_l("Give the date and time it started.")),
                                               year_in_range_check])
    ends_at = DateTimeLocalField(_l("End"), format=DATETIME_FORMATS, validators=[Optional(), year_in_range_check],
                                 description=_l("Leave empty if it lasted one hour."))
    format = RadioField(_l("Format"), choices=options(ActivityFormat.choices()), default=ActivityFormat.IN_PERSON.value)
    area = SelectField(_l("Area"), coerce=int_or_none, validators=[OptionalChoice()],
                       description=_l("The neighbourhood. Never a street or a house."))
    topics = MultiCheckboxField(_l("Topics discussed"), coerce=int)

    organising_unit = StringField(_l("Organising unit"), validators=[Optional(), Length(max=160)])
    partner_organisations = TextAreaField(_l("Partner organisations"), validators=[Optional(), Length(max=2000)],
                                          description=_l("One per line."), render_kw={"rows": 2})
    officers_count = IntegerField(_l("Number of officers"), default=1, render_kw=COUNT,
                                  validators=[InputRequired(message=_l("Give a number.")), NumberRange(0, 1000)],
                                  description=_l("A number only. No names."))
    participants_count = IntegerField(_l("Number of participants (estimate)"), validators=[Optional(), NumberRange(0, 100000)],
                                      render_kw=COUNT)
    women_count = IntegerField(_l("How many of them were women (estimate)"), validators=[Optional(), NumberRange(0, 100000)],
                               render_kw=COUNT)
    roma_count = IntegerField(_l("How many of them were Roma (estimate)"),
                              validators=[Optional(), NumberRange(0, 100000)], render_kw=COUNT)
    languages = StringField(_l("Languages used"), validators=[Optional(), Length(max=200)],
                            description=_l("For example: Romani, Spanish."))
    interpretation_provided = BooleanField(_l("Interpretation was provided"))
    mediator_present = BooleanField(_l("A Roma mediator was there"))

    practices = MultiCheckboxField(_l("Good practices applied"), coerce=int)

    objectives = TextAreaField(_l("Objectives"), validators=[Optional(), Length(max=5000)], render_kw={"rows": 3})
    outcomes = TextAreaField(_l("Outcomes"), validators=[Optional(), Length(max=5000)], render_kw={"rows": 3})

    public_summary = TextAreaField(_l("Summary for the public"), validators=[Optional(), Length(max=2000)],
                                   description=_l("Residents can read this. Do not name anyone."), render_kw={"rows": 3})
    is_public = BooleanField(_l("Show this activity in the public calendar"))

    # Only on the first log: the action agreed at the activity, if any (more on the activity page).
    follow_up_description = TextAreaField(_l("What was agreed"), validators=[Length(max=2000)],
                                          render_kw={"rows": 2})
    follow_up_responsible = StringField(_l("Who will do it"), validators=[Optional(), Length(max=160)],
                                        description=_l("A unit or a role. No names of residents."))
    follow_up_due_on = DateField(_l("By when"), validators=[Optional(), year_in_range_check])

    def __init__(self, *args, choices: Options, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.type.choices = options([("", _l("Choose a type"))] + ActivityType.choices())
        if choices.municipalities:
            self.municipality.choices = options(
                [("", _l("Choose a municipality"))] + [(m.id, m.name) for m in choices.municipalities])
        else:
            del self.municipality
        self.area.choices = area_choices(choices, _l("No specific area, or the whole town"))
        self.topics.choices = options((t.id, t.label) for t in choices.topics)
        self.practices.choices = options((p.id, p.title) for p in choices.practices)
        if not creating:
            del self.follow_up_description, self.follow_up_responsible, self.follow_up_due_on

    def validate_is_public(self, field):
        if field.data and self.type.data in {kind.value for kind in SENSITIVE_TYPES}:
            raise ValidationError(private_type_message())

    def validate_ends_at(self, field):
        if field.data and self.starts_at.data and field.data <= self.starts_at.data:
            raise ValidationError(_l("The end must be after the start."))

    def _estimate(self, field):
        if field.data is None:
            return
        if self.participants_count.data is None:
            raise ValidationError(_l("Give the number of participants first."))
        if field.data > self.participants_count.data:
            raise ValidationError(_l("This cannot be more than the number of participants."))

    validate_women_count = _estimate
    validate_roma_count = _estimate

    def validate_follow_up_description(self, field):
        if not (field.data or "").strip() and (
                (self.follow_up_responsible.data or "").strip() or self.follow_up_due_on.data):
            raise ValidationError(_l("Say what was agreed."))

    def to_input(self, municipality_id: int) -> ActivityInput:
        return ActivityInput(
            municipality_id=municipality_id, type=ActivityType(self.type.data), title=self.title.data,
            starts_at=self.starts_at.data, ends_at=self.ends_at.data, format=ActivityFormat(self.format.data),
            area_id=self.area.data, organising_unit=self.organising_unit.data or "",
            partner_organisations=self.partner_organisations.data or "", officers_count=self.officers_count.data,
            participants_count=self.participants_count.data, women_count=self.women_count.data,
            roma_count=self.roma_count.data, languages=self.languages.data or "",
            interpretation_provided=self.interpretation_provided.data, mediator_present=self.mediator_present.data,
            topic_ids=list(self.topics.data or []), practice_ids=list(self.practices.data or []),
            objectives=self.objectives.data or "", outcomes=self.outcomes.data or "",
            public_summary=self.public_summary.data or "", is_public=self.is_public.data,
        )

    def follow_ups(self) -> list[FollowUpInput]:
        if "follow_up_description" not in self or not (self.follow_up_description.data or "").strip():
            return []
        return [FollowUpInput(description=self.follow_up_description.data,
                              responsible=self.follow_up_responsible.data or "", due_on=self.follow_up_due_on.data)]


class FollowUpForm(FlaskForm):
    description = TextAreaField(_l("What was agreed"), render_kw={"rows": 2},
                                validators=[InputRequired(message=_l("Say what was agreed.")), Length(max=2000)])
    responsible = StringField(_l("Who will do it"), validators=[Optional(), Length(max=160)],
                              description=_l("A unit or a role. No names of residents."))
    due_on = DateField(_l("By when"), validators=[Optional(), year_in_range_check])
    status = SelectField(_l("Status"), choices=options(FollowUpStatus.choices()), default=FollowUpStatus.OPEN.value)

    def to_input(self) -> FollowUpInput:
        return FollowUpInput(description=self.description.data, responsible=self.responsible.data or "",
                             due_on=self.due_on.data, status=FollowUpStatus(self.status.data))


SORT_LABELS = {"newest": _l("Newest first"), "oldest": _l("Oldest first"), "title": _l("Title"),
               "updated": _l("Last changed")}


class ActivityFilterForm(FlaskForm):
    """The list's filters, read from the query string (a GET form: no CSRF token needed)."""

    class Meta:
        csrf = False

    text = SearchField(_l("Title contains"), validators=[Optional(), Length(max=100)])
    municipality = SelectField(_l("Municipality"), coerce=int_or_none, validators=[OptionalChoice()])
    date_from = DateField(_l("From"), validators=[Optional(), year_in_range_check])
    date_to = DateField(_l("To"), validators=[Optional(), year_in_range_check])
    type = SelectField(_l("Type"), validators=[OptionalChoice()])
    area = SelectField(_l("Area"), coerce=int_or_none, validators=[OptionalChoice()])
    practice = SelectField(_l("Good practice"), coerce=int_or_none, validators=[OptionalChoice()])
    open_follow_ups = BooleanField(_l("Only with open follow-ups"))
    sort = SelectField(_l("Sort"), choices=options((k, v) for k, v in SORT_LABELS.items() if k in SORTS), default="newest",
                       validators=[OptionalChoice()])

    def __init__(self, formdata, *, choices: Options):
        super().__init__(formdata=formdata)
        if choices.municipalities:
            self.municipality.choices = options(
                [("", _l("All municipalities"))] + [(m.id, m.name) for m in choices.municipalities])
        else:
            del self.municipality
        self.type.choices = options([("", _l("All types"))] + ActivityType.choices())
        self.area.choices = area_choices(choices, _l("All areas"))
        self.practice.choices = options([("", _l("All good practices"))] + [(p.id, p.title) for p in choices.practices])

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("This date is before the first one."))

    def to_filters(self) -> ActivityFilters:
        """The filters that passed validation; a field with an error is left out."""

        def ok(field):
            return field.data if not field.errors else None

        return ActivityFilters(
            municipality_id=ok(self.municipality) if "municipality" in self else None,
            date_from=ok(self.date_from), date_to=ok(self.date_to),
            type=ActivityType(self.type.data) if ok(self.type) else None,
            area_id=ok(self.area), practice_id=ok(self.practice), open_follow_ups=bool(self.open_follow_ups.data),
            text=(ok(self.text) or "").strip(), sort=ok(self.sort) or "newest",
        )
