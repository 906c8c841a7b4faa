"""The newsletter's subscribers, the consent they gave and withdrew, and the bounces of their addresses.

- `Subscriber`: one address. Its state says whether editions go to it (active), and separately whether
  editions carrying advertising may (`advertising`, re-confirmed every two years under 정보통신망법 §50).
  Its personal link (core/links.py: only the token's hash is stored) confirms a double opt-in, unsubscribes
  in one click and renews the consent to advertising; it stays valid for as long as the address is known.
- `Consent`: append-only history, one row each time consent was given, renewed, withdrawn or lapsed: when,
  how (form, member profile, import, staff, e-mail link), and the exact wording shown (its version and text).
  No IP address is kept.
- `Bounce`: a delivery status report (DSN mailbox or provider webhook) about an address; N hard ones suspend it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.links import personal_token

__all__ = ["Bounce", "Consent", "Subscriber"]


class Subscriber(models.Model):
    LINK_PURPOSE = "alliance.info.newsletter.subscriber"

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        ACTIVE = "active", pgettext_lazy("newsletter", "Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        SUSPENDED = "suspended", _("Suspended after bounces")

    email = models.EmailField(_("e-mail"), unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    language = models.CharField(max_length=10, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    # A member's own account or organisation when the address belongs to one (opt-in from My page).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subscribed_at = models.DateTimeField(_("subscribed at"), null=True, blank=True)
    # What the public form showed when the address was entered; recorded as consent once it is confirmed.
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    requested_advertising = models.BooleanField(default=False)
    requested_wording = models.CharField(max_length=40, blank=True)
    # Consent to advertising (광고성 정보): current, when last confirmed, renewal asked, suspended for want of it.
    advertising = models.BooleanField(_("advertising consent"), default=False)
    advertising_confirmed_at = models.DateTimeField(_("advertising consent confirmed at"), null=True, blank=True)
    renewal_requested_at = models.DateTimeField(_("renewal requested at"), null=True, blank=True)
    advertising_suspended_at = models.DateTimeField(_("advertising suspended at"), null=True, blank=True)
    hard_bounces = models.PositiveSmallIntegerField(_("hard bounces"), default=0)
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    # The personal link: token = HMAC(secret, purpose, id, link_issued_at); only its hash is stored.
    token_hash = models.CharField(max_length=64, unique=True)
    link_issued_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["email"]
        indexes = [models.Index(fields=["state", "advertising"], name="subscriber_state")]
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")

    def __str__(self):
        return self.email

    def link_token(self) -> str:
        return personal_token(purpose=self.LINK_PURPOSE, pk=self.pk, sent_at=self.link_issued_at)

    @property
    def is_member(self) -> bool:
        return self.user_id is not None or self.organisation_id is not None

    @property
    def receives_advertising(self) -> bool:
        return self.state == self.State.ACTIVE and self.advertising and self.advertising_suspended_at is None


class Consent(models.Model):
    class Purpose(models.TextChoices):
        NEWSLETTER = "newsletter", _("Newsletter")
        ADVERTISING = "advertising", _("Advertising information")

    class Action(models.TextChoices):
        GIVEN = "given", _("Given")
        RENEWED = "renewed", _("Renewed")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        LAPSED = "lapsed", _("Lapsed (not renewed)")

    class Source(models.TextChoices):
        FORM = "form", _("Subscription form (double opt-in)")
        MEMBER_PROFILE = "member_profile", _("Member's own page")
        IMPORT = "import", _("Imported list")
        STAFF = "staff", _("Recorded by staff")
        EMAIL_LINK = "email_link", _("Link in an e-mail")
        RENEWAL = "renewal", _("Two-yearly renewal")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    source = models.CharField(_("how"), max_length=20, choices=Source.choices)
    at = models.DateTimeField(_("when"))
    wording_version = models.CharField(_("wording version"), max_length=40, blank=True)
    wording = models.TextField(_("wording shown"), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # The edition whose link withdrew the consent (its "unsubscribed" count).
    edition_id = models.PositiveBigIntegerField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.subscriber} {self.purpose} {self.action}"


class Bounce(models.Model):
    class Kind(models.TextChoices):
        HARD = "hard", _("Hard (permanent)")
        SOFT = "soft", _("Soft (temporary)")

    class Source(models.TextChoices):
        MAILBOX = "mailbox", _("Bounce mailbox")
        WEBHOOK = "webhook", _("Mail provider")

    email = models.EmailField(_("e-mail"), db_index=True)
    subscriber = models.ForeignKey(Subscriber, on_delete=models.SET_NULL, null=True, blank=True, related_name="bounces")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, blank=True)
    diagnostic = models.CharField(_("diagnostic"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    edition_id = models.PositiveBigIntegerField(null=True, blank=True)
    received_at = models.DateTimeField(_("received at"))

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")

    def __str__(self):
        return f"{self.email} {self.kind}"
