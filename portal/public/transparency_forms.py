"""Filters of the public transparency pages (catalogue, published feedback, countered rumours,
statistics).

They are GET forms read from the query string: no CSRF token (nothing changes), and addresses that
can be bookmarked and shared. A value that is not one of the choices, or a month that does not
exist, is refused next to its field with a 400; the page still shows, without that filter.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SearchField, SelectField, StringField
from wtforms.validators import Length, Optional, StopValidation, ValidationError

from portal.forms import OPTIONAL, options
from portal.services import dates
from portal.services.catalogue.practices import SEARCH_MAX
from portal.vocab import RumourStatus

EVERYTHING = _l("All")


class _GetForm(FlaskForm):
    class Meta:
        csrf = False

    def ok(self, name: str):
        """The field's value when it passed its checks, else None (the filter is then left out)."""
        field = self[name]
        return field.data if not field.errors and field.data not in ("", None) else None


class CatalogueFilterForm(_GetForm):
    q = SearchField(_l("Search"), description=_l("A word from the title or the summary."),
                    validators=[Optional(), Length(max=SEARCH_MAX, message=_l("Please write at most %(max)d characters."))],
                    render_kw={"maxlength": SEARCH_MAX})
    tag = SelectField(_l("Topic"), validators=OPTIONAL, validate_choice=False)
    country = SelectField(_l("Country"), validators=OPTIONAL, validate_choice=False)

    def set_choices(self, tags: list[str], countries: list[tuple[str, str]]) -> None:
        self.tag.choices = options([("", EVERYTHING)] + [(t, t) for t in tags])
        self.country.choices = options([("", EVERYTHING)] + countries)


def _month(value):
    return value.strip() if isinstance(value, str) else value


class MonthField(StringField):
    """A month typed as YYYY-MM (browsers with a month picker send that too)."""

    def __init__(self, label, **kwargs):
        super().__init__(label, filters=[_month], render_kw={"type": "month", "placeholder": "2026-03"}, **kwargs)

    def pre_validate(self, form):
        if not self.data:
            self.data = None
            raise StopValidation()
        month = dates.parse_month(self.data)
        if month is None or not 2000 <= month.year <= 2100:
            raise StopValidation(_l("Write a month as year and month, for example 2026-03."))
        self.month = month


class PublishedFilterForm(_GetForm):
    municipality = SelectField(_l("Town"), validators=OPTIONAL, validate_choice=False)
    category = SelectField(_l("Topic"), validators=OPTIONAL, validate_choice=False)
    month_from = MonthField(_l("Published from"), description=_l("Year and month, for example 2026-03."))
    month_to = MonthField(_l("Published until"), description=_l("Year and month, for example 2026-03."))
    practice = SelectField(_l("Good practice"), validators=OPTIONAL, validate_choice=False)

    def set_choices(self, municipalities, categories, practices) -> None:
        self.municipality.choices = options([("", EVERYTHING)] + [(m.slug, m.name) for m in municipalities])
        self.category.choices = options([("", EVERYTHING)] + [(c.slug, c.label) for c in categories])
        self.practice.choices = options([("", EVERYTHING)] + [(p.slug, title) for p, title in practices])

    def validate_month_to(self, field):
        if field.data and not field.errors and self.month_from.data and not self.month_from.errors \
                and field.month < self.month_from.month:
            raise ValidationError(_l("This month is before the first one."))

    def month(self, name: str):
        field = self[name]
        return getattr(field, "month", None) if field.data and not field.errors else None


class RumourFilterForm(_GetForm):
    municipality = SelectField(_l("Town"), validators=OPTIONAL, validate_choice=False)
    status = SelectField(_l("Where it stands"), validators=OPTIONAL, validate_choice=False)

    def set_choices(self, municipalities) -> None:
        self.municipality.choices = options([("", EVERYTHING)] + [(m.slug, m.name) for m in municipalities])
        self.status.choices = options([("", EVERYTHING)] + RumourStatus.choices())


class StatsForm(_GetForm):
    quarter = SelectField(_l("Quarter"), validators=OPTIONAL, validate_choice=False)

    def set_choices(self, quarters: list[tuple[str, str]]) -> None:
        self.quarter.choices = options(quarters)
