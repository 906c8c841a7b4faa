"""Member organisations (회원사), their contacts and business fields, and the directory's search index."""

import datetime
import unicodedata

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import EMPLOYEES_MAX, REVENUE_MILLION_MAX, bounded
from alliance.core.regions import SidoChoices, seoul_zone
from alliance.core.versions import version_field


class MemberCategory(models.TextChoices):
    LARGE = "large", pgettext_lazy("member category", "Large enterprise")
    MEDIUM = "medium", pgettext_lazy("member category", "Medium enterprise")
    SMALL = "small", pgettext_lazy("member category", "Small enterprise")
    AGENCY = "agency", pgettext_lazy("member category", "Agency / association")
    NONPROFIT = "nonprofit", pgettext_lazy("member category", "Other (non-profit)")
    UNIVERSITY = "university", pgettext_lazy("member category", "University / industry-academic foundation")


# The Korean names the secretariat's spreadsheets, the quarterly table and `member_stats` use. They are
# an interface (imports, exports, JSON), so they do not follow the display language.
CATEGORY_KOREAN = {
    MemberCategory.LARGE: "대기업",
    MemberCategory.MEDIUM: "중기업",
    MemberCategory.SMALL: "소기업",
    MemberCategory.AGENCY: "기관·협단체",
    MemberCategory.NONPROFIT: "기타(비영리)",
    MemberCategory.UNIVERSITY: "대학/산학협력단",
}
COMPANY_CATEGORIES = (MemberCategory.LARGE, MemberCategory.MEDIUM, MemberCategory.SMALL)
INSTITUTION_CATEGORIES = (MemberCategory.AGENCY, MemberCategory.NONPROFIT)


def business_field_key(name: str) -> str:
    """The spelling-independent key of a business field: full-width forms folded (NFKC), case folded, every
    space removed; "디지털 트윈", "디지털트윈" and "ＸＲ 콘텐츠"/"xr콘텐츠" share a key."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


class BusinessField(models.Model):
    """A term of the business-field vocabulary that staff keep (`members/services/vocabulary.py`).

    Every write of an organisation's fields maps a typed name to its term: by the key (spacing, case and
    full-width forms do not matter), or by a spelling staff recorded as a variant."""

    name = models.CharField(_("business field"), max_length=60, unique=True)
    key = models.CharField(max_length=60, unique=True, editable=False)
    # Moved on by every rename; the rename form carries it (core.versions).
    version = version_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("business field")
        verbose_name_plural = _("business fields")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = business_field_key(self.name)
        super().save(*args, **kwargs)


class BusinessFieldVariant(models.Model):
    """Another name of a term whose key differs ("Digital twin" or "DT" of "디지털트윈"); every write maps it to
    the term. Its key is unique and never a term's key."""

    field = models.ForeignKey(
        BusinessField, verbose_name=_("business field"), on_delete=models.CASCADE, related_name="variants"
    )
    name = models.CharField(_("spelling"), max_length=60)
    key = models.CharField(max_length=60, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("business field spelling")
        verbose_name_plural = _("business field spellings")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = business_field_key(self.name)
        super().save(*args, **kwargs)


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    # `(주)젠` and `주식회사 젠` share this key: duplicates are refused and re-imports match on it.
    name_key = models.CharField(max_length=200, unique=True, editable=False)
    business_number = models.CharField(_("business registration number"), max_length=10, blank=True)
    category = models.CharField(_("member category"), max_length=20, choices=MemberCategory.choices)
    joined_on = models.DateField(_("joined on"))
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)
    sido = models.CharField(_("province / metropolitan city"), max_length=4, choices=SidoChoices.choices, blank=True)
    sigungu = models.CharField(_("city / county / district"), max_length=30, blank=True)
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True, validators=bounded(EMPLOYEES_MAX))
    revenue_million = models.BigIntegerField(
        _("revenue (KRW million)"), null=True, blank=True, validators=bounded(REVENUE_MILLION_MAX)
    )
    fields = models.ManyToManyField(BusinessField, verbose_name=_("business fields"), blank=True, related_name="+")
    description = models.TextField(_("description"), blank=True)
    homepage = models.URLField(_("homepage"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    last_confirmed_on = models.DateField(_("last confirmed on"), null=True, blank=True)
    # Compact text (see core.korean.compact) of names and fields that directory search matches against.
    search_text = models.TextField(editable=False, blank=True)
    # Moved on by every registry write; edit forms carry it so that a stale save is refused (core.versions).
    version = version_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["business_number"],
                condition=~Q(business_number=""),
                name="organisation_business_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("joined_on")),
                name="organisation_withdrawn_after_joined",
            ),
        ]
        indexes = [
            models.Index(fields=["category", "name"]),
            models.Index(fields=["sido", "name"]),
            # With the id, the not-yet-joined and the withdrawn are read from the index alone (the directory
            # excludes them from every search; PostgreSQL would otherwise visit each row).
            models.Index(fields=["joined_on", "id"], name="members_org_joined_id"),
            models.Index(fields=["withdrawn_on", "id"], name="members_org_withdrawn_id"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        """The public company page: by name; by name key when the name holds a slash."""
        return reverse("members:company", args=[self.company_segment])

    @property
    def company_segment(self) -> str:
        """The public company page's path segment: the name; the name key when the name holds a slash."""
        return self.name_key if "/" in self.name else self.name

    @property
    def seoul_zone(self) -> str | None:
        return seoul_zone(self.sigungu) if self.sido == "서울" else None

    @property
    def category_korean(self) -> str:
        return CATEGORY_KOREAN[MemberCategory(self.category)]

    def is_member_on(self, day: datetime.date) -> bool:
        """A member counts on `day` when it joined on or before it and had not withdrawn on or before it."""
        return self.joined_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)

    @property
    def is_current_member(self) -> bool:
        return self.is_member_on(timezone.localdate())


class Contact(models.Model):
    """A person at a member organisation. Never shown to the public."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=100)
    position = models.CharField(_("position"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)

    class Meta:
        ordering = ["-is_primary", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name


class SearchToken(models.Model):
    """One entry of the directory's inverted index: an organisation holds this token.

    Tokens are the two-character pieces of the organisation's search text (`트윈` in `디지털트윈`) and
    one token per facet it has (`search.ALL`, its category, its 시·도, each business field). The directory
    must answer within 50 ms among 100,000 organisations on SQLite and PostgreSQL alike, and neither
    indexes a two-character substring: so each query walks the rows of its rarest token in name order
    (the index on token, name_key, organisation) and probes the others, and a page costs a page, not a table.
    """

    # Derived rows, written millions at a time by an import, so as few indexes as will do: the primary key
    # (organisation, token) serves the probes and lookups by organisation, and there is no surrogate id and
    # no database constraint (PostgreSQL checks a deferred foreign key row by row at commit). Deleting an
    # organisation still deletes its tokens: Django cascades; and only search.reindex writes them, for
    # organisations it has just read.
    pk = models.CompositePrimaryKey("organisation", "token")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    token = models.CharField(max_length=24)
    # The organisation's name_key, copied so that one index yields a token's organisations in name order.
    name_key = models.CharField(max_length=200)

    class Meta:
        # Covering: a walk along one token reads the index alone, never the table (PostgreSQL's heap).
        indexes = [models.Index(fields=["token", "name_key", "organisation"], name="searchtoken_token_name")]

    def __str__(self):
        return self.token
