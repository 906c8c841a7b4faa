"""A body's meetings: the yearly plan, the agenda with its timetable and papers, replies, attendance and decisions.

A meeting exists from the yearly plan on (number, planned period, planned topics) and gets its date, place and
agenda when it is prepared. Attendance is recorded per seat on the day; decisions (의결) are taken at it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.models import RemindedPersonalLinkInvitation
from alliance.core.versions import version_field
from alliance.governance.models.bodies import Body, Person, Seat


class MeetingFormat(models.TextChoices):
    OFFLINE = "offline", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class Meeting(models.Model):
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="meetings")
    number = models.PositiveSmallIntegerField(_("number"))
    # The yearly plan (seed 000: 구분 / 주요 안건 / 세부 내용): "4~5월" and the topics foreseen.
    planned_period = models.CharField(_("planned period"), max_length=50, blank=True)
    planned_topics = models.TextField(_("planned topics"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("venue"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    format = models.CharField(_("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.OFFLINE)
    # Set when staff record the attendance of the day: a meeting is held when dated on or before a day and this
    # is set (governance_status).
    attendance_recorded_at = models.DateTimeField(_("attendance recorded at"), null=True, blank=True)
    # The meeting form's lost-update check (alliance/core/versions.py).
    version = version_field()
    # The iCalendar revision (RFC 5545 SEQUENCE): raised whenever the date, time, place, link or format change,
    # so calendars holding the invitation's event replace their copy (alliance/governance/calendar.py).
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)

    class Meta:
        verbose_name = pgettext_lazy("governance", "meeting")
        verbose_name_plural = pgettext_lazy("governance", "meetings")
        ordering = ("body", "number")
        constraints = (models.UniqueConstraint(fields=("body", "number"), name="governance_meeting_number"),)

    def __str__(self):
        return f"{self.body} {self.number}"


class AgendaItemKind(models.TextChoices):
    ITEM = "item", pgettext_lazy("agenda", "Agenda item")
    BREAK = "break", pgettext_lazy("agenda", "Break")
    OTHER = "other", pgettext_lazy("agenda", "Other (opening, greetings, closing)")


class AgendaItem(models.Model):
    """A line of the timetable: an agenda item (안건1 …), a break, or an opening or closing part."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=pgettext_lazy("governance", "meeting"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=10, choices=AgendaItemKind.choices, default=AgendaItemKind.ITEM)
    title = models.CharField(_("title"), max_length=300)
    details = models.TextField(_("details"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    presenter_name = models.CharField(_("presenter"), max_length=100, blank=True)
    presenter_affiliation = models.CharField(_("presenter's affiliation"), max_length=200, blank=True)
    presenter_title = models.CharField(_("presenter's title"), max_length=100, blank=True)
    note = models.CharField(pgettext_lazy("timetable", "Note"), max_length=200, blank=True)

    # The agenda item form's lost-update check (alliance/core/versions.py).
    version = version_field()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ("meeting", "order")
        constraints = (models.UniqueConstraint(fields=("meeting", "order"), name="governance_agenda_order"),)

    def __str__(self):
        return self.title


class AgendaPaper(models.Model):
    item = models.ForeignKey(AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="papers")
    file = models.FileField(_("file"), upload_to="governance/papers/%Y/")
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("paper")
        verbose_name_plural = _("papers")
        ordering = ("item", "pk")

    def __str__(self):
        return self.original_name


class ReplyAnswer(models.TextChoices):
    ATTENDING = "attending", pgettext_lazy("reply", "Attending")
    ABSENT = "absent", pgettext_lazy("reply", "Not attending")
    SUBSTITUTE = "substitute", pgettext_lazy("reply", "Sending a substitute")


class Reply(models.Model):
    """A seat holder's answer to the invitation (참석 / 불참 / 대리참석), by personal link or logged in."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=pgettext_lazy("governance", "meeting"), on_delete=models.CASCADE, related_name="replies"
    )
    seat = models.ForeignKey(Seat, verbose_name=_("seat"), on_delete=models.CASCADE, related_name="replies")
    answer = models.CharField(_("attendance reply"), max_length=20, choices=ReplyAnswer.choices)
    substitute_name = models.CharField(_("substitute's name"), max_length=100, blank=True)
    substitute_title = models.CharField(_("substitute's title"), max_length=100, blank=True)
    replied_at = models.DateTimeField(_("replied at"))

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        constraints = (models.UniqueConstraint(fields=("meeting", "seat"), name="governance_reply_one_per_seat"),)

    def __str__(self):
        return f"{self.meeting} · {self.seat.person.name}: {self.get_answer_display()}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", pgettext_lazy("attendance", "Present")
    ABSENT = "absent", pgettext_lazy("attendance", "Absent")
    SUBSTITUTE = "substitute", pgettext_lazy("attendance", "Represented by a substitute")


class Attendance(models.Model):
    """○ / × / 대참 per seat on the day."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=pgettext_lazy("governance", "meeting"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    seat = models.ForeignKey(Seat, verbose_name=_("seat"), on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus.choices)
    online = models.BooleanField(_("online"), default=False)
    substitute_name = models.CharField(_("substitute's name"), max_length=100, blank=True)
    substitute_title = models.CharField(_("substitute's title"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = (models.UniqueConstraint(fields=("meeting", "seat"), name="governance_attendance_one_per_seat"),)

    def __str__(self):
        return f"{self.meeting} · {self.seat.person.name}: {self.get_status_display()}"


class Guest(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=pgettext_lazy("governance", "meeting"), on_delete=models.CASCADE, related_name="guests"
    )
    name = models.CharField(_("name"), max_length=100)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    title = models.CharField(_("job title"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ("meeting", "pk")

    def __str__(self):
        return self.name


class DecisionMethod(models.TextChoices):
    CONSENSUS = "consensus", _("By consensus")
    VOTE = "vote", _("By vote")


class DecisionOutcome(models.TextChoices):
    ADOPTED = "adopted", pgettext_lazy("decision", "Adopted")
    REJECTED = "rejected", pgettext_lazy("decision", "Rejected")


class DecisionEffect(models.TextChoices):
    NONE = "none", _("No effect on records")
    EXTEND_TERMS = "extend_terms", _("Terms extended by one year")
    ESTABLISH_BODY = "establish_body", _("Body established")
    ABOLISH_BODY = "abolish_body", _("Body abolished")
    AMEND_RULES = "amend_rules", _("Operating rules amended")
    PROPOSAL = "proposal", _("Policy proposal decided")


class Decision(models.Model):
    """의결: the motion, how it was decided (찬성 / 반대 / 기권 counted over the seats present), and its effect."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=pgettext_lazy("governance", "meeting"), on_delete=models.CASCADE, related_name="decisions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    motion = models.TextField(_("motion"))
    method = models.CharField(_("method"), max_length=20, choices=DecisionMethod.choices)
    votes_for = models.PositiveSmallIntegerField(_("for"), default=0)
    votes_against = models.PositiveSmallIntegerField(_("against"), default=0)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), default=0)
    outcome = models.CharField(_("outcome"), max_length=20, choices=DecisionOutcome.choices)
    effect = models.CharField(_("effect"), max_length=20, choices=DecisionEffect.choices, default=DecisionEffect.NONE)
    # The seats whose terms an EXTEND_TERMS decision extended, and the bodies it established or abolished.
    seats = models.ManyToManyField(Seat, verbose_name=_("seats concerned"), blank=True, related_name="decisions")
    bodies = models.ManyToManyField(Body, verbose_name=_("bodies concerned"), blank=True, related_name="decisions")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL, null=True
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ("meeting", "pk")

    def __str__(self):
        return self.motion[:60]


class MeetingInvitation(RemindedPersonalLinkInvitation):
    """One seat's invitation to one meeting: its personal link answers 참석 / 불참 / 대리참석 without a login
    (alliance/core/links.py: only the token's hash is stored). Reminders revive the same link."""

    LINK_PURPOSE = "alliance.governance.meeting.reply"

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=pgettext_lazy("governance", "meeting"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    seat = models.ForeignKey(Seat, verbose_name=_("seat"), on_delete=models.CASCADE, related_name="invitations")

    class Meta:
        verbose_name = _("meeting invitation")
        verbose_name_plural = _("meeting invitations")
        ordering = ("meeting", "seat__order", "pk")
        constraints = (models.UniqueConstraint(fields=("meeting", "seat"), name="governance_invitation_one_per_seat"),)

    def __str__(self):
        return f"{self.meeting} · {self.seat.person.name}"


class CalendarFeed(models.Model):
    """A person's iCalendar feed of all their meetings: the URL carries an HMAC of this key (never stored);
    a new key makes the old URL stop working."""

    person = models.OneToOneField(
        Person, verbose_name=_("seat holder"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.person)
