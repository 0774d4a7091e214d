"""The dashboard's filters, read from the query string (a GET form: no CSRF token needed)."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.validators import ValidationError

from portal.forms import OPTIONAL, int_or_none, options
from portal.services import dates
from portal.services.statistics.figures import Filters
from portal.templating import month_label
from portal.vocab import PoliceBody

MONTHS_OFFERED = 36
CHANNELS = {"web": _l("Online form"), "mediator": _l("Entered by a mediator")}


class DashboardFilterForm(FlaskForm):
    class Meta:
        csrf = False

    municipality = SelectField(_l("Municipality"), validators=OPTIONAL, validate_choice=False)
    area = SelectField(_l("Area"), coerce=int_or_none, validators=OPTIONAL, validate_choice=False)
    first_month = SelectField(_l("From"), validators=OPTIONAL, validate_choice=False)
    last_month = SelectField(_l("To"), validators=OPTIONAL, validate_choice=False)
    category = SelectField(_l("Category"), validators=OPTIONAL, validate_choice=False)
    police_body = SelectField(_l("Police"), validators=OPTIONAL, validate_choice=False)
    channel = SelectField(_l("Channel"), validators=OPTIONAL, validate_choice=False)
    practice = SelectField(_l("Good practice"), validators=OPTIONAL, validate_choice=False)

    def __init__(self, formdata, *, municipalities, categories, practices, today: date, fixed_municipality=None):
        super().__init__(formdata=formdata)
        everything = ("", _l("All"))
        months = dates.recent_months(today, MONTHS_OFFERED)
        self._default = (months[11], months[0])
        if fixed_municipality is not None:
            del self.municipality
        towns = [fixed_municipality] if fixed_municipality is not None else municipalities
        if "municipality" in self:
            self.municipality.choices = options([everything] + [(m.slug, m.name) for m in municipalities])
        self.area.choices = options([everything])
        for town in towns:
            self.area.choices += options(((a.id, a.name) for a in town.areas), optgroup=None if fixed_municipality else town.name)
        self._area_town = {a.id: town for town in towns for a in town.areas}
        month_choices = [(m.strftime("%Y-%m"), month_label(m)) for m in months]
        self.first_month.choices = options([("", month_label(self._default[0]))] + month_choices)
        self.last_month.choices = options([("", month_label(self._default[1]))] + month_choices)
        self.category.choices = options([everything] + [(c.slug, c.label) for c in categories])
        self.police_body.choices = options([everything] + PoliceBody.choices())
        self.channel.choices = options([everything] + list(CHANNELS.items()))
        self.practice.choices = options([everything] + [(p.slug, p.title) for p in practices])
        self.municipalities, self.categories = list(municipalities), list(categories)  # the figures name them too
        self._municipalities = {m.slug: m for m in municipalities}
        self._categories = {c.slug: c for c in categories}
        self._practices = {p.slug: p for p in practices}
        self._fixed = fixed_municipality

    def validate_area(self, field):
        town = self._area_town.get(field.data)
        chosen = self._municipalities.get(self.municipality.data) if "municipality" in self else None
        if field.data and chosen is not None and town is not chosen:
            raise ValidationError(_l("This area is not in the municipality you chose."))

    def validate_last_month(self, field):
        first, last = dates.parse_month(self.first_month.data), dates.parse_month(field.data)
        if first and last and last < first:
            raise ValidationError(_l("This month is before the first one."))

    def to_filters(self) -> Filters:
        def ok(field):
            return field.data if field.data and not field.errors else None

        first = dates.parse_month(ok(self.first_month)) or self._default[0]
        last = dates.parse_month(ok(self.last_month)) or self._default[1]
        if last < first:
            first, last = self._default
        municipality = self._fixed or (self._municipalities.get(ok(self.municipality)) if "municipality" in self else None)
        category = self._categories.get(ok(self.category))
        return Filters(first_month=first, last_month=last, municipality_id=municipality.id if municipality else None,
                       area_id=ok(self.area), category_id=category.id if category else None,
                       police_body=ok(self.police_body), channel=ok(self.channel) if ok(self.channel) in CHANNELS else None)

    def chosen_practice(self):
        return self._practices.get(self.practice.data) if self.practice.data and not self.practice.errors else None
