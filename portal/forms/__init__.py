"""What every area's forms use: choices, checks on choices, numbers read from query strings, and
putting a service's refusal back on the form. Blueprints import from here, never from each other.

Choice fields turn WTForms' own choice check off (`validate_choice=False`) and use `required()` or
`OPTIONAL` instead, so every message is ours, plain and translated like the rest of the page.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, StopValidation
from wtforms.widgets import CheckboxInput, ListWidget

from portal.extensions import db
from portal.models.base import MAX_ROW_ID

WRONG_CHOICE = _l("Choose one of the options in the list.")


def options(pairs, optgroup=None) -> list[SelectChoice]:
    """(value, label) pairs, e.g. from a vocabulary's `.choices()`, as WTForms choices."""
    return [SelectChoice(value=str(value), label=label, optgroup=optgroup) for value, label in pairs]


class InList:
    """The value must be one of the field's choices (empty values are left to OptionalChoice or
    InputRequired)."""

    def __init__(self, message=WRONG_CHOICE):
        self.message = message

    def __call__(self, form, field):
        if field.data in (None, ""):
            return
        values = {str(choice.value) for choice in field.choices or []}
        if str(field.data) not in values:
            raise StopValidation(self.message)


class OptionalChoice:
    """An optional choice left empty is no choice, and so is one sent as only whitespace (spaces,
    tabs, line breaks, no-break spaces): its data becomes None, so nothing after the form ever
    sees a value that is neither empty nor one of the choices."""

    field_flags = {"optional": True}

    def __call__(self, form, field):
        raw = field.raw_data[0] if field.raw_data else field.data
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            field.data = None
            field.errors[:] = []
            raise StopValidation()


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes; `macros/forms.html` renders it as one fieldset with its legend."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def required(message):
    return [InputRequired(message=message), InList()]


OPTIONAL = [OptionalChoice(), InList()]


def enum_or_none(enum_cls, value):
    return enum_cls(value) if value else None


def int_or_none(value):
    """`coerce=` for a choice of row ids where the empty choice means none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return int(value)


# --- numbers in query strings -------------------------------------------------------------------

MAX_PAGE = 100_000


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


# --- a service's refusal ------------------------------------------------------------------------

def attach_error(form, error) -> None:
    """Show a DomainError next to the field it names (or above the form), and undo whatever the
    refused call had already changed in the session, so nothing of it can be committed later."""
    db.session.rollback()
    message = getattr(error, "message", None) or (error.args[0] if error.args else "")
    name = getattr(error, "field", None)
    if name and name in form:
        form[name].errors = [*form[name].errors, message]
    else:
        form.form_errors.append(message)
