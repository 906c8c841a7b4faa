"""Reads of the boards reused by several callers: the public lists (`/notice_board`, `/alliance_news`), the
newest posts (front page, newsletter candidates) and the counts the quarterly briefing takes.

"Published" is `alliance.info.models.published_q`: the publication time reached and not expired; a
scheduled post (a future time) and a draft are never public.
"""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from alliance.core.dates import period_moments
from alliance.info.models import Board, Category, Post, published_q

LIST_FIELDS = ("id", "board", "category", "title", "pinned", "publish_at", "expires_at", "view_count")


def public_posts(board: str) -> QuerySet[Post]:
    """A board's published posts as its list shows them: pinned first, then newest first."""
    return Post.objects.filter(published_q(), board=board).order_by("-pinned", "-publish_at", "-id")


def listed_posts(posts: QuerySet[Post]) -> QuerySet[Post]:
    """The posts without their bodies (a list sorts and pages them: the bodies would be sorted along)."""
    return posts.only(*LIST_FIELDS)


def latest_posts(board: str, limit: int = 5) -> list[Post]:
    """The newest published posts of a board (`Board.NOTICES` or `Board.NEWS`), newest first whatever is
    pinned (the front page), without their bodies."""
    return list(listed_posts(Post.objects.filter(published_q(), board=board).order_by("-publish_at", "-id"))[:limit])


def filtered_posts(board: str, *, query: str = "", category: str = "") -> QuerySet[Post]:
    """The public list with its search (words of the title, each must appear) and category filter."""
    posts = public_posts(board)
    for word in query.split()[:10]:
        posts = posts.filter(title__icontains=word)
    if category in Category.values:
        posts = posts.filter(category=category)
    return posts


def categories_in_use(board: str) -> list[tuple[str, str]]:
    """(value, label) of the categories the board's published posts carry, in the list's order."""
    published = Post.objects.filter(published_q(), board=board).order_by()
    used = set(published.values_list("category", flat=True).distinct())
    return [(value, label) for value, label in Category.choices if value in used]


def posts_published(year: int, quarter: int) -> dict[str, dict[str, int]]:
    """Posts published in a quarter (by their publication time, Korean time), board → category → count; every
    board and category present, zero when none (the quarterly briefing). A post that has expired since
    still counts, one unpublished since does not; a scheduled post counts in the quarter its time falls in,
    once that time has come."""
    start, end = period_moments(year, quarter)
    end = min(end, timezone.now())
    rows = (
        Post.objects.filter(publish_at__gte=start, publish_at__lt=end)
        .values("board", "category")
        .annotate(count=Count("id"))
    )
    counts = {board: dict.fromkeys(Category.values, 0) for board in Board.values}
    for row in rows:
        counts[row["board"]][row["category"]] = row["count"]
    return counts


def post_counts_for_staff() -> dict[str, int]:
    """Per board: every post (drafts and scheduled included) for the staff's list header."""
    return dict(Post.objects.values_list("board").annotate(count=Count("id")).values_list("board", "count"))


def staff_posts(board: str, *, query: str = "") -> QuerySet[Post]:
    """Every post of a board for staff (drafts, scheduled and expired too), newest first."""
    posts = Post.objects.filter(board=board).defer("body").annotate(attachment_count=Count("attachments"))
    if query:
        posts = posts.filter(Q(title__icontains=query) | Q(body__icontains=query))
    return posts.order_by("-created_at", "-id")
