"""The boards (`/notice_board` 공지사항, `/alliance_news` 얼라이언스 소식): posts, their attachments, and the
partner agencies' promotions (유관기관 홍보) that become posts once staff accept them.

A post is public while it is published (`publish_at` set and reached) and not expired (`expires_at` empty or
not reached): a post with a future `publish_at` is scheduled, one without is a draft or was unpublished. The
category is a fixed list (공지, 사업공고, 행사, 유관기관 홍보, 소식): the boards' filter and the quarterly
briefing count by it, so it is not free text. The body is Markdown, rendered and sanitised when shown
(alliance/info/board_markdown.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.models import ReviewedSubmission, ReviewStatus
from alliance.core.versions import version_field

__all__ = ["Board", "Category", "Post", "PostAttachment", "Promotion", "published_q"]


class Board(models.TextChoices):
    NOTICES = "notices", _("Notices")
    NEWS = "news", _("Alliance news")


class Category(models.TextChoices):
    NOTICE = "notice", pgettext_lazy("board category", "Notice")
    CALL = "call", pgettext_lazy("board category", "Business call")
    EVENT = "event", pgettext_lazy("board category", "Event")
    PROMOTION = "promotion", pgettext_lazy("board category", "Partner agency promotion")
    NEWS = "news", pgettext_lazy("board category", "News")


def published_q(now=None) -> Q:
    """The posts the public sees at `now`: published, the time reached, not expired."""
    now = now or timezone.now()
    return Q(publish_at__lte=now) & (Q(expires_at__isnull=True) | Q(expires_at__gt=now))


class Post(models.Model):
    """One post of a board: title, Markdown body, category, pinned, scheduled publication, view count."""

    board = models.CharField(_("board"), max_length=10, choices=Board.choices)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices, default=Category.NOTICE)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), max_length=20000, blank=True, help_text=_("Markdown: **bold**, lists, links."))
    pinned = models.BooleanField(_("pinned to the top"), default=False)
    publish_at = models.DateTimeField(_("published at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("shown until"), null=True, blank=True)
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = version_field()

    class Meta:
        ordering = ["-pinned", "-publish_at", "-id"]
        verbose_name = _("board post")
        verbose_name_plural = _("board posts")
        indexes = [
            # One index per board in the list's order (pinned, newest, id), holding what the list filters and
            # counts by (expiry, category, title): the page is read in index order without a sort, and its
            # count, category filter and title search read this index alone (no row). A second index leading
            # with (board, publish_at) would look better to SQLite's planner without statistics and make it
            # read and sort every published row of the board instead (bench/board.py: 16 ms against 1 ms).
            models.Index(
                fields=["board", "-pinned", "-publish_at", "-id", "expires_at", "category", "title"],
                name="info_post_board_listing",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(expires_at__gt=models.F("publish_at")),
                name="info_post_expires_after_publish",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        name = "info:notice" if self.board == Board.NOTICES else "info:news"
        return reverse(name, args=[self.pk])

    @property
    def is_public(self) -> bool:
        now = timezone.now()
        return (
            self.publish_at is not None
            and self.publish_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )

    @property
    def has_been_published(self) -> bool:
        """Its publication time has come (it may have expired since); a draft or an unpublished post has none."""
        return self.publish_at is not None and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.publish_at is not None and self.publish_at > timezone.now()

    @property
    def state_label(self) -> str:
        if self.publish_at is None:
            return str(pgettext_lazy("board post", "Draft"))
        if self.is_scheduled:
            return str(pgettext_lazy("board post", "Scheduled"))
        if not self.is_public:
            return str(pgettext_lazy("board post", "Expired"))
        return str(pgettext_lazy("board post", "Published"))


class PostAttachment(models.Model):
    """A file attached to a post (PDF, HWP, HWPX, PPTX, DOCX, checked by name and content on upload)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="info/board/%Y/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["post", "uploaded_at", "id"]
        verbose_name = _("post attachment")
        verbose_name_plural = _("post attachments")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("info:board_attachment", args=[self.pk])


class Promotion(ReviewedSubmission):
    """A partner agency's promotion (유관기관 홍보), submitted by its liaison and reviewed by staff
    (alliance/core/review.py): pending → returned with a comment → pending again → accepted (applied).

    Accepting it writes its post on /alliance_news (category 유관기관 홍보, `post`), public from the first day of
    its period (or at once, when that has begun) to the end of its last day; it is then offered to the
    newsletter's 유관기관 홍보 section while its period runs.
    """

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="promotions")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), max_length=5000, help_text=_("Markdown: **bold**, lists, links."))
    image = models.CharField(_("image"), max_length=120, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"), max_length=200, blank=True, help_text=_("What the image shows, for screen readers.")
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resubmitted_at = models.DateTimeField(_("submitted again at"), null=True, blank=True)
    post = models.OneToOneField(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="promotion", editable=False
    )
    version = version_field()  # staff edit an accepted promotion's text (two staff may open it at once)

    class Meta(ReviewedSubmission.Meta):
        verbose_name = _("partner agency promotion")
        verbose_name_plural = _("partner agency promotions")
        constraints = [
            *ReviewedSubmission.Meta.constraints,
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="info_promotion_period_order"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("info:promotion", args=[self.pk])

    @property
    def editable(self) -> bool:
        """The liaison may change it: awaiting review, or returned with a comment."""
        return self.status in (ReviewStatus.PENDING, ReviewStatus.RETURNED)
