"""Forms of the moderators' area. Labels are short; every choice comes with its own plain message."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, SearchField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from portal.forms import OPTIONAL, MultiCheckboxField, OptionalChoice, int_or_none, options, required
from portal.services import dates
from portal.services.moderation.items import NOTE_MAX, TAG_MAX
from portal.services.moderation.publishing import PUBLIC_MAX
from portal.services.moderation.queue import CHANNELS, KINDS, SORTS, QueueFilters
from portal.services.moderation.rumours import TEXT_LIMITS, RumourInput
from portal.services.moderation.states import ANSWER_MAX
from portal.templating import month_label
from portal.vocab import FeedbackStatus, PoliceBody, RejectionReason, RumourSpread, RumourStatus, RumourTarget, Treatment

TOO_LONG = _l("Please write at most %(max)d characters.")

KIND_LABELS = {"all": _l("Feedback and rumour reports"), "feedback": _l("Feedback"), "rumours": _l("Rumour reports")}
SORT_LABELS = {"newest": _l("Newest first"), "oldest": _l("Oldest first"), "status": _l("By status"),
               "rating-low": _l("Worst treatment first, longest waiting first"), "rating-high": _l("Best treatment first")}
CHANNEL_LABELS = {"web": _l("Online form"), "mediator": _l("Entered by a mediator")}


class QueueFilterForm(FlaskForm):
    """The queue's filters, read from the query string (a GET form: no CSRF token needed)."""

    class Meta:
        csrf = False

    kind = SelectField(_l("Show"), choices=options(KIND_LABELS.items()), default="all", validators=OPTIONAL,
                       validate_choice=False)
    text = SearchField(_l("Words in the text"), description=_l("At least 3 characters."),
                       validators=[Optional(), Length(min=3, max=100, message=_l("Type between 3 and 100 characters."))])
    status = SelectField(_l("Status"), validators=OPTIONAL, validate_choice=False)
    category = SelectField(_l("Category"), validators=OPTIONAL, validate_choice=False)
    municipality = SelectField(_l("Municipality"), validators=OPTIONAL, validate_choice=False)
    area = SelectField(_l("Area"), coerce=int_or_none, validators=OPTIONAL, validate_choice=False)
    police_body = SelectField(_l("Police"), validators=OPTIONAL, validate_choice=False)
    channel = SelectField(_l("Channel"), validators=OPTIONAL, validate_choice=False)
    month = SelectField(_l("Month received"), validators=OPTIONAL, validate_choice=False)
    assignee = SelectField(_l("Assigned to"), validators=OPTIONAL, validate_choice=False)
    rating = SelectField(_l("How the person felt treated"), validators=OPTIONAL, validate_choice=False)
    unread = BooleanField(_l("Only with an unread message from the resident"))
    overdue = BooleanField(_l("Only those waiting longer than 7 days"))
    sort = SelectField(_l("Sort"), choices=options(SORT_LABELS.items()), default="newest", validators=OPTIONAL,
                       validate_choice=False)

    def __init__(self, formdata, *, categories, municipalities, areas, moderators, current_user_id: int):
        super().__init__(formdata=formdata)
        everything = ("", _l("All"))
        self.status.choices = options([everything] + FeedbackStatus.choices())
        self.category.choices = options([everything] + [(c.slug, c.label) for c in categories])
        self.municipality.choices = options([everything] + [(m.slug, m.name) for m in municipalities])
        self.area.choices = options([everything]) + [
            choice for m in municipalities for choice in options(((a.id, a.name) for a in areas if a.municipality_id == m.id),
                                                                 optgroup=m.name)]
        self.police_body.choices = options([everything] + PoliceBody.choices())
        self.channel.choices = options([everything] + list(CHANNEL_LABELS.items()))
        self.month.choices = options([everything] + [(m.strftime("%Y-%m"), month_label(m)) for m in dates.recent_months()])
        people = [(str(u.id), u.email) for u in moderators if u.id != current_user_id]
        self.assignee.choices = options([everything, ("mine", _l("Me")), ("nobody", _l("Nobody"))] + people)
        self.rating.choices = options([everything] + Treatment.choices())
        for field in (self.kind, self.status, self.category, self.municipality, self.area, self.police_body,
                      self.channel, self.month, self.assignee, self.rating, self.sort):
            field.validators = [OptionalChoice(), *[v for v in field.validators if not isinstance(v, OptionalChoice)]]

    def to_filters(self) -> QueueFilters:
        """The filters that passed validation; a field with an error is left out."""

        def ok(field):
            return field.data if not field.errors else None

        rating = ok(self.rating)
        return QueueFilters(
            kind=ok(self.kind) if ok(self.kind) in KINDS else "all",
            status=FeedbackStatus(ok(self.status)) if ok(self.status) else None,
            category=ok(self.category) or None, municipality=ok(self.municipality) or None,
            area_id=ok(self.area), police_body=PoliceBody(ok(self.police_body)) if ok(self.police_body) else None,
            channel=ok(self.channel) if ok(self.channel) in CHANNELS else None,
            month=dates.parse_month(ok(self.month)), assignee=ok(self.assignee) or None,
            unread=bool(self.unread.data), rating=int(rating) if rating else None, overdue=bool(self.overdue.data),
            text=(ok(self.text) or "").strip(), sort=ok(self.sort) if ok(self.sort) in SORTS else "newest",
        )


# --- bulk actions ----------------------------------------------------------------------------------

BULK_LABELS = {"assign": _l("Assign to"), "review": _l("Move to in review"), "spam": _l("Reject as spam")}


class BulkForm(FlaskForm):
    """Selected items (checkboxes named `item`) and what to do with them; confirmed on a second page."""

    action = SelectField(_l("With the selected items"), choices=options([("", _l("Choose an action"))] + list(BULK_LABELS.items())),
                         validators=required(_l("Choose what to do with the selected items.")), validate_choice=False)
    # Its own id: the queue's filter form on the same page has an "assignee" field too.
    assignee = SelectField(_l("Moderator"), validators=OPTIONAL, validate_choice=False, id="bulk-assignee")
    confirmed = HiddenField()

    def set_choices(self, moderators) -> None:
        self.assignee.choices = options([("", _l("Nobody"))] + [(str(u.id), u.email) for u in moderators])


# --- one item ------------------------------------------------------------------------------------

class StatusForm(FlaskForm):
    status = SelectField(_l("Move to"), validators=required(_l("Choose where to move it.")), validate_choice=False)
    reason = SelectField(_l("Reason, if not accepted"), validators=OPTIONAL, validate_choice=False)
    duplicate_of = IntegerField(_l("Number of the item it repeats"), validators=[Optional(), NumberRange(1, 2_147_483_647)],
                                description=_l("Only for duplicates."), render_kw={"inputmode": "numeric"})

    def set_choices(self, moves) -> None:
        self.status.choices = options([("", _l("Choose"))] + [(s.value, s.label) for s in moves])
        self.reason.choices = options([("", _l("Choose a reason"))] + RejectionReason.choices())

    def validate_reason(self, field):
        if self.status.data == FeedbackStatus.REJECTED.value and not field.data:
            raise ValidationError(_l("Choose why it is not accepted."))

    def validate_duplicate_of(self, field):
        if self.reason.data == RejectionReason.DUPLICATE.value and not field.data:
            raise ValidationError(_l("Give the number of the item it repeats."))


class AnswerForm(FlaskForm):
    body = TextAreaField(_l("Answer to the resident"),
                         description=_l("The resident reads this with their receipt code. Do not name anyone."),
                         validators=[InputRequired(message=_l("Write the answer.")), Length(max=ANSWER_MAX, message=TOO_LONG)],
                         render_kw={"rows": 5, "maxlength": ANSWER_MAX})


class EmptyForm(FlaskForm):
    """A button that only needs its CSRF token."""


class AssignForm(FlaskForm):
    assignee = SelectField(_l("Assigned to"), validators=OPTIONAL, validate_choice=False)

    def set_choices(self, moderators) -> None:
        self.assignee.choices = options([("", _l("Nobody"))] + [(str(u.id), u.email) for u in moderators])


class NoteForm(FlaskForm):
    note = TextAreaField(_l("Note for moderators"), description=_l("Only moderators see this. Never shown to the resident or the public."),
                         validators=[Optional(), Length(max=NOTE_MAX, message=TOO_LONG)], render_kw={"rows": 3, "maxlength": NOTE_MAX})


class CategoryForm(FlaskForm):
    category = SelectField(_l("Category"), validators=required(_l("Choose a category.")), validate_choice=False)

    def set_choices(self, categories) -> None:
        self.category.choices = options((c.slug, c.label) for c in categories)


class TagForm(FlaskForm):
    tag = StringField(_l("Add a tag"), validators=[InputRequired(message=_l("Write a tag.")), Length(max=TAG_MAX, message=TOO_LONG)],
                      render_kw={"list": "tags-in-use", "maxlength": TAG_MAX, "autocomplete": "off"})


class RemoveTagForm(FlaskForm):
    tag = HiddenField(validators=[InputRequired(), Length(max=TAG_MAX)])


class PracticeForm(FlaskForm):
    practice = SelectField(_l("Good practice"), validators=required(_l("Choose a good practice.")), validate_choice=False)

    def set_choices(self, practices) -> None:
        self.practice.choices = options([("", _l("Choose"))] + [(p.slug, p.title) for p in practices])


class HiddenPracticeForm(FlaskForm):
    practice = HiddenField(validators=[InputRequired(), Length(max=80)])


class ActivityLinkForm(FlaskForm):
    activity = SelectField(_l("Activity"), coerce=int_or_none, validators=required(_l("Choose an activity.")),
                           validate_choice=False)

    def set_choices(self, near, other, label) -> None:
        self.activity.choices = options([("", _l("Choose"))])
        self.activity.choices += options(((a.id, label(a)) for a in near), optgroup=_l("Around the month it happened"))
        self.activity.choices += options(((a.id, label(a)) for a in other), optgroup=_l("Earlier or later"))


class HiddenActivityForm(FlaskForm):
    activity = HiddenField(validators=[InputRequired(), Length(max=12)])


class PublicVersionForm(FlaskForm):
    public_text = TextAreaField(_l("Public text"), description=_l("The resident's words as anyone may read them: no names, numbers or places that point at a person."),
                                validators=[Optional(), Length(max=PUBLIC_MAX, message=TOO_LONG)], render_kw={"rows": 6, "maxlength": PUBLIC_MAX})
    public_answer = TextAreaField(_l("Public answer"), description=_l("The moderators' answer as anyone may read it."),
                                  validators=[Optional(), Length(max=PUBLIC_MAX, message=TOO_LONG)], render_kw={"rows": 4, "maxlength": PUBLIC_MAX})


class RedactionForm(FlaskForm):
    """One proposal: where it is (so a stale page is noticed) and what to do with it."""

    field = HiddenField(validators=[InputRequired(), Length(max=8)])
    start = HiddenField(validators=[InputRequired(), Length(max=6)])
    end = HiddenField(validators=[InputRequired(), Length(max=6)])
    span = HiddenField(validators=[InputRequired(), Length(max=PUBLIC_MAX)])
    decision = HiddenField(validators=[InputRequired(), Length(max=8)])

    def position(self) -> tuple[str, int, int, str] | None:
        try:
            return self.field.data, int(self.start.data), int(self.end.data), self.span.data
        except (TypeError, ValueError):
            return None


class PublishForm(FlaskForm):
    confirm = BooleanField(_l("I checked the marked words: they are not personal data."))


class GroupForm(FlaskForm):
    rumour = SelectField(_l("Rumour"), coerce=int_or_none, validators=OPTIONAL, validate_choice=False)
    new_title = StringField(_l("Or start a new rumour with this statement"), validators=[Optional(), Length(max=200, message=TOO_LONG)],
                            description=_l("Neutral words, for example: \"Roma families get more benefits\"."))

    def set_choices(self, rumours) -> None:
        self.rumour.choices = options([("", _l("No rumour"))] + [(r.id, r.title) for r in rumours])


# --- the rumour tracker ------------------------------------------------------------------------------

class RumourForm(FlaskForm):
    title = StringField(_l("The rumour"), description=_l("In a few neutral words, as people tell it."),
                        validators=[InputRequired(message=_l("Write the rumour in a few neutral words.")),
                                    Length(max=TEXT_LIMITS["title"], message=TOO_LONG)], render_kw={"maxlength": TEXT_LIMITS["title"]})
    summary = TextAreaField(_l("What is said"), validators=[Optional(), Length(max=TEXT_LIMITS["summary"], message=TOO_LONG)],
                            render_kw={"rows": 3})
    about = SelectField(_l("Who it targets"), validators=OPTIONAL, validate_choice=False)
    spread = SelectField(_l("Where it circulates"), validators=OPTIONAL, validate_choice=False)
    status = SelectField(_l("Status"), validators=required(_l("Choose the status.")), validate_choice=False)
    municipalities = MultiCheckboxField(_l("Municipalities where it circulates"), coerce=int)
    counter_data = TextAreaField(_l("Facts that answer it"), description=_l("Figures and facts, each with where it comes from."),
                                 validators=[Optional(), Length(max=TEXT_LIMITS["counter_data"], message=TOO_LONG)], render_kw={"rows": 5})
    counter_sources = TextAreaField(_l("Sources"), description=_l("One per line: a report, a web address, an office."),
                                    validators=[Optional(), Length(max=TEXT_LIMITS["counter_sources"], message=TOO_LONG)], render_kw={"rows": 3})
    emotional_argument = TextAreaField(_l("An argument for the heart"), description=_l("A short story or question that makes people think again."),
                                       validators=[Optional(), Length(max=TEXT_LIMITS["emotional_argument"], message=TOO_LONG)],
                                       render_kw={"rows": 3})
    activities = MultiCheckboxField(_l("Activities and campaigns that answered it"), coerce=int)
    practices = MultiCheckboxField(_l("Good practices used"), coerce=int)

    def set_choices(self, municipalities, activities, practices, activity_label) -> None:
        self.municipalities.choices = options((m.id, m.name) for m in municipalities)
        self.activities.choices = options((a.id, activity_label(a)) for a in activities)
        self.practices.choices = options((p.id, p.title) for p in practices)
        self.about.choices = options([("", _l("Not said"))] + RumourTarget.choices())
        self.spread.choices = options([("", _l("Not said"))] + RumourSpread.choices())
        self.status.choices = options(RumourStatus.choices())

    def to_input(self) -> RumourInput:
        return RumourInput(
            title=self.title.data or "", summary=self.summary.data or "",
            about=RumourTarget(self.about.data) if self.about.data else None,
            spread=RumourSpread(self.spread.data) if self.spread.data else None,
            status=RumourStatus(self.status.data), municipality_ids=list(self.municipalities.data or []), counter_data=self.counter_data.data or "",
            counter_sources=self.counter_sources.data or "", emotional_argument=self.emotional_argument.data or "",
            activity_ids=list(self.activities.data or []), practice_ids=list(self.practices.data or []))
