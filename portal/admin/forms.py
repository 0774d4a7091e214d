from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from portal.forms import MAX_ROW_ID, OPTIONAL, int_or_none, options, required
from portal.services.accounts.partners import EVERYWHERE, TEXT_FIELDS
from portal.services.audit import AuditFilters
from portal.vocab import PartnerKind

TOO_LONG = _l("Please write at most %(max)d characters.")


def _text(label, name, description=None, required_message=None):
    validators = [InputRequired(message=required_message)] if required_message else [Optional()]
    return StringField(label, description=description,
                       validators=validators + [Length(max=TEXT_FIELDS[name], message=TOO_LONG)],
                       render_kw={"maxlength": TEXT_FIELDS[name]})


class PartnerForm(FlaskForm):
    name = _text(_l("Name"), "name", required_message=_l("Enter the name of the organisation."))
    kind = SelectField(_l("Kind"), validators=required(_l("Choose a kind of organisation.")), validate_choice=False)
    municipality = SelectField(
        _l("Municipality"),
        description=_l("Choose \"Every municipality\" for national services such as an equality body."),
        validators=required(_l("Choose a municipality.")),
        validate_choice=False,
    )
    description = TextAreaField(
        _l("What they do"),
        description=_l("One or two short sentences, in plain words. Residents read this."),
        validators=[Optional(), Length(max=TEXT_FIELDS["description"], message=TOO_LONG)],
        render_kw={"maxlength": TEXT_FIELDS["description"], "rows": 3},
    )
    phone = _text(_l("Phone"), "phone")
    email = _text(_l("E-mail"), "email")
    website = _text(_l("Website"), "website", description=_l("For example https://example.org"))
    address = _text(_l("Address"), "address", description=_l("Where residents can go. Leave empty if it must stay private."))
    opening_hours = _text(_l("Opening hours"), "opening_hours")
    languages = _text(_l("Languages spoken"), "languages", description=_l("For example: Romani, Spanish"))

    def set_choices(self, municipalities) -> None:
        self.kind.choices = options([("", _l("Choose"))] + PartnerKind.choices())
        self.municipality.choices = options(
            [("", _l("Choose")), (EVERYWHERE, _l("Every municipality"))] + [(m.slug, m.name) for m in municipalities]
        )

    def values(self) -> dict:
        names = ["name", "kind", "municipality", "description", "phone", "email", "website", "address",
                 "opening_hours", "languages"]
        return {name: self[name].data or "" for name in names}

    def fill_from(self, partner) -> None:
        for name in TEXT_FIELDS:
            self[name].data = getattr(partner, name)
        self.kind.data = partner.kind.value
        self.municipality.data = partner.municipality.slug if partner.municipality else EVERYWHERE



class AuditFilterForm(FlaskForm):
    """The audit browser's filters, read from the query string (a GET form: no CSRF token needed)."""

    class Meta:
        csrf = False

    actor = SelectField(_l("Who"), coerce=int_or_none, validators=OPTIONAL, validate_choice=False)
    kind = SelectField(_l("What kind of action"), validators=OPTIONAL, validate_choice=False)
    object_type = SelectField(_l("Kind of record"), validators=OPTIONAL, validate_choice=False)
    object_id = IntegerField(_l("Record number"), validators=[Optional(), NumberRange(1, MAX_ROW_ID)],
                             render_kw={"inputmode": "numeric"})
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("To"), validators=[Optional()])

    def __init__(self, formdata, *, people, kinds, object_types):
        super().__init__(formdata=formdata)
        everything = ("", _l("All"))
        self.actor.choices = options([everything] + [(p.id, p.email) for p in people])
        areas = sorted({kind.split(".")[0] for kind in kinds})
        self.kind.choices = options([everything] + [(a, a) for a in areas] + [(k, k) for k in kinds if "." in k])
        self.object_type.choices = options([everything] + [(t, t) for t in object_types if t])

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("This date is before the first one."))

    def to_filters(self) -> AuditFilters:
        def ok(field):
            return field.data if not field.errors else None

        return AuditFilters(actor_id=ok(self.actor), kind=ok(self.kind) or "", object_type=ok(self.object_type) or "",
                            object_id=ok(self.object_id), date_from=ok(self.date_from), date_to=ok(self.date_to))
