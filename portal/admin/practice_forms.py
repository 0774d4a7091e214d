"""Forms of the catalogue's admin pages: a practice's facts, and its text in one language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from portal.forms import options, required
from portal.models import EvidenceStrength
from portal.models.practice import TEXT_FIELDS
from portal.services.catalogue.editing import LIMITS, MAX_YEAR, MIN_YEAR, PracticeInput, format_sources, parse_sources, parse_tags

TOO_LONG = _l("Please write at most %(max)d characters.")
TEXT_LABELS = {
    "title": (_l("Title"), None),
    "summary": (_l("What it is"), _l("A few plain sentences. Lists and the practice's page start with this.")),
    "how_it_works": (_l("How it works"), None),
    "where_it_worked": (_l("Where and for whom it has worked"), None),
    "how_to_start": (_l("How to start"), _l("One step a line.")),
    "who_is_needed": (_l("Who is needed"), None),
    "costs": (_l("What it costs in people and money"), None),
    "evidence_note": (_l("Why the evidence has this strength"), _l("One sentence about the studies or reports.")),
}


def _text_field(name: str, required_field: bool):
    label, hint = TEXT_LABELS[name]
    limit = LIMITS["title"] if name == "title" else LIMITS["text"]
    validators = [InputRequired(message=_l("This is needed."))] if required_field else [Optional()]
    field_class = StringField if name == "title" else TextAreaField
    render_kw = {"maxlength": limit} | ({} if name == "title" else {"rows": 4})
    return field_class(label, description=hint, validators=validators + [Length(max=limit, message=TOO_LONG)],
                       render_kw=render_kw)


class PracticeTextFields:
    """The parts of a practice's text; title and summary are needed."""

    title = _text_field("title", True)
    summary = _text_field("summary", True)
    how_it_works = _text_field("how_it_works", False)
    where_it_worked = _text_field("where_it_worked", False)
    how_to_start = _text_field("how_to_start", False)
    who_is_needed = _text_field("who_is_needed", False)
    costs = _text_field("costs", False)
    evidence_note = _text_field("evidence_note", False)

    def text_values(self) -> dict:
        return {name: self[name].data or "" for name in TEXT_FIELDS}

    def fill_text(self, row) -> None:
        for name in TEXT_FIELDS:
            self[name].data = getattr(row, name) if row else ""


class PracticeTextForm(PracticeTextFields, FlaskForm):
    pass


class PracticeForm(FlaskForm):
    slug = StringField(_l("Short name"), description=_l("Used in the page's address, for example anti-rumours-strategy."),
                       validators=[InputRequired(message=_l("This is needed.")), Length(max=LIMITS["slug"], message=TOO_LONG)],
                       render_kw={"maxlength": LIMITS["slug"]})
    source_organisation = StringField(
        _l("Comes from"), description=_l("Who developed or published it."),
        validators=[InputRequired(message=_l("This is needed.")), Length(max=LIMITS["source_organisation"], message=TOO_LONG)],
        render_kw={"maxlength": LIMITS["source_organisation"]})
    country = StringField(_l("Country"), description=_l("In English, for example Spain, or International."),
                          validators=[Optional(), Length(max=LIMITS["country"], message=TOO_LONG)],
                          render_kw={"maxlength": LIMITS["country"]})
    year = IntegerField(_l("Since (year)"), validators=[Optional(), NumberRange(MIN_YEAR, MAX_YEAR, message=_l(
        "Give a year between %(min)s and %(max)s."))], render_kw={"inputmode": "numeric"})
    tags = StringField(_l("Tags"), description=_l("Separated by commas, for example training, hate-crime."),
                       validators=[Optional(), Length(max=500, message=TOO_LONG)], render_kw={"maxlength": 500})
    evidence_strength = SelectField(_l("Strength of the outside evidence"),
                                    validators=required(_l("Choose a level.")), validate_choice=False)
    sources = TextAreaField(_l("Sources"), description=_l("One a line: title | https://address"),
                            validators=[Optional(), Length(max=5000, message=TOO_LONG)], render_kw={"rows": 4})
    is_published = BooleanField(_l("Show on the public site"), default=True)

    def set_choices(self) -> None:
        self.evidence_strength.choices = options(
            [(level.value, f"{level.label}: {level.explanation}") for level in EvidenceStrength])

    def values(self) -> PracticeInput:
        return PracticeInput(
            slug=(self.slug.data or "").strip(), source_organisation=self.source_organisation.data or "",
            country=self.country.data or "", year=self.year.data, tags=parse_tags(self.tags.data),
            evidence_strength=EvidenceStrength(self.evidence_strength.data), is_published=bool(self.is_published.data),
            sources=parse_sources(self.sources.data),
        )

    def fill_from(self, practice) -> None:
        self.slug.data, self.source_organisation.data = practice.slug, practice.source_organisation
        self.country.data, self.year.data = practice.country, practice.year
        self.tags.data = ", ".join(practice.tags)
        self.evidence_strength.data = practice.evidence_strength.value
        self.sources.data = format_sources(practice.sources)
        self.is_published.data = practice.is_published


class NewPracticeForm(PracticeTextFields, PracticeForm):
    """A new practice: its facts and its English text."""
