"""Players of the map: member organisations and non-member companies entered by staff.

Values carry their provenance: `sources` maps a field name to {"source": "registry"|"survey"|"staff",
"on": "YYYY-MM-DD"} (see ValueSource), written by the service that set the value and shown beside it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import EMPLOYEES_MAX, REVENUE_MILLION_MAX, bounded
from alliance.core.models import ReviewedSubmission
from alliance.core.regions import SidoChoices
from alliance.core.versions import version_field


class ValueSource(models.TextChoices):
    REGISTRY = "registry", _("Member registry")
    SURVEY = "survey", _("Map survey")
    STAFF = "staff", _("Secretariat")
    IMPORT = "import", _("Landscape file")


class Player(models.Model):
    name = models.CharField(_("name"), max_length=200)
    # services.players.player_name_key of the name: `가상 기업` and `가상기업` have one key. A key is one player
    # unless evidence says otherwise: two projects of other organisations named `kubectx` and `KubeCtx` (a
    # landscape file's items with different homepages and repositories) are two players, told apart by
    # `disambiguator` (empty for the first of a key, else the homepage's or repository's host/path; see
    # services/landscape_identity.py). Matching and search go by name_key; (name_key, disambiguator) is unique.
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    disambiguator = models.CharField(max_length=300, blank=True, default="", editable=False)
    # Set for members: their registry record is the source of name, region, size and description.
    organisation = models.OneToOneField(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ecosystem_player",
        verbose_name=_("member organisation"),
    )
    description = models.TextField(_("description"), blank=True)
    business_fields = models.CharField(_("business fields"), max_length=300, blank=True)
    homepage = models.URLField(_("homepage"), max_length=300, blank=True)
    ksic_code = models.CharField(_("KSIC code"), max_length=5, blank=True)
    region = models.CharField(_("province / metropolitan city"), max_length=4, choices=SidoChoices.choices, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True, validators=bounded(EMPLOYEES_MAX))
    revenue = models.BigIntegerField(
        _("revenue (KRW million)"), null=True, blank=True, validators=bounded(REVENUE_MILLION_MAX)
    )
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    # Non-members only (a member's contacts are the registry's): where the map survey is sent. Staff see it;
    # it is never shown on public pages nor put in exports, snapshots or the API (they list their keys).
    contact_email = models.EmailField(_("contact e-mail"), max_length=254, blank=True)
    # The approved logo only; submissions wait in LogoSubmission. Named by content hash.
    logo = models.FileField(_("logo"), upload_to="ecosystem/logos/", max_length=200, blank=True)
    sources = models.JSONField(_("value sources"), default=dict, blank=True)
    # Keys of a landscape.yml item we do not model (repo_url, twitter, crunchbase, ...), re-emitted on export.
    landscape_extra = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Moved on by every change of the staff form's values (update_player, the registry sync); the form
    # carries it so that a stale save is refused (core.versions).
    version = version_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("player")
        verbose_name_plural = _("players")
        indexes = [models.Index(fields=["region"])]
        constraints = [models.UniqueConstraint(fields=["name_key", "disambiguator"], name="player_name_key_once")]

    def __str__(self):
        return self.name

    @property
    def is_member(self) -> bool:
        return self.organisation_id is not None

    def source_of(self, field: str) -> dict | None:
        return self.sources.get(field)


class LogoSubmission(ReviewedSubmission):
    """A logo uploaded by staff or by the member itself, waiting for approval before it shows on the map.
    Status, reviewer, time and note from ReviewedSubmission (alliance/core/review.py); a staff upload is
    recorded as applied at once."""

    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="logo_submissions")
    file = models.FileField(_("file"), upload_to="ecosystem/logo-submissions/", max_length=200)
    content_hash = models.CharField(max_length=64, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(ReviewedSubmission.Meta):
        verbose_name = _("logo submission")
        verbose_name_plural = _("logo submissions")
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.player} ({self.get_status_display()})"
