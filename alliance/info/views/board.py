"""The public boards under the old site's addresses: `/notice_board` (공지사항) and `/alliance_news` (얼라이언스
소식): the list (pinned first, search by title, category filter, paging), a page per post at
`/<board>/<id>`, its attachments, and RSS and Atom feeds of each board.

A post's view is counted once per page load, with one UPDATE, unless the reader is staff or a crawler.
"""

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.downloads import file_response
from alliance.core.permissions import public
from alliance.info.board_markdown import plain_summary, render_markdown
from alliance.info.forms.board import BoardFilterForm
from alliance.info.models import Board, Post, PostAttachment, published_q
from alliance.info.queries.board import filtered_posts, listed_posts, public_posts
from alliance.info.services.analytics_recording import device_class
from alliance.info.services.board import count_view

PAGE_SIZE = 20
FEED_SIZE = 20
MANAGE = "info.manage_board"
LIST_URL = {Board.NOTICES: "info:notice_board", Board.NEWS: "info:alliance_news"}
FEED_URLS = {Board.NOTICES: ("info:notice_rss", "info:notice_atom"), Board.NEWS: ("info:news_rss", "info:news_atom")}


def _descriptions() -> dict[str, str]:
    return {
        Board.NOTICES: _("Notices of the Metaverse Alliance: calls, events and partner agencies' promotions."),
        Board.NEWS: _("News of the Metaverse Alliance and its member companies."),
    }


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _board_list(request, board: str):
    form = BoardFilterForm(request.GET, board=board)
    query, category = form.values()
    posts = listed_posts(filtered_posts(board, query=query, category=category))
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    rss, atom = FEED_URLS[board]
    context = {
        "board": board,
        "board_label": Board(board).label,
        "description": _descriptions()[board],
        "form": form,
        "page": page,
        "searching": bool(query or category),
        "query_string": _query_string(request),
        "rss_url": reverse(rss),
        "atom_url": reverse(atom),
        "list_url": reverse(LIST_URL[board]),
        "can_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "info/board/list.html", context)


def _counts(request) -> bool:
    """A reader whose view counts: not staff, not a crawler or script (the analytics' own test)."""
    if request.user.is_authenticated and request.user.has_perm(MANAGE):
        return False
    return device_class(request.META.get("HTTP_USER_AGENT", "")[:512]) is not None


def _post_page(request, board: str, pk: int):
    can_manage = request.user.has_perm(MANAGE)
    posts = Post.objects.filter(board=board)
    post = get_object_or_404(posts if can_manage else posts.filter(published_q()), pk=pk)
    if _counts(request):
        count_view(post_id=post.pk)
        post.view_count += 1
    rss, atom = FEED_URLS[board]
    context = {
        "post": post,
        "board_label": Board(board).label,
        "list_url": reverse(LIST_URL[board]),
        "body": render_markdown(post.body),
        "summary": plain_summary(post.body) or post.title,
        "attachments": list(post.attachments.all()),
        "rss_url": reverse(rss),
        "atom_url": reverse(atom),
        "can_manage": can_manage,
    }
    return render(request, "info/board/post.html", context)


@public
@require_GET
def notice_board(request):
    return _board_list(request, Board.NOTICES)


@public
@require_GET
def alliance_news(request):
    return _board_list(request, Board.NEWS)


@public
@require_GET
def notice(request, pk: int):
    return _post_page(request, Board.NOTICES, pk)


@public
@require_GET
def news(request, pk: int):
    return _post_page(request, Board.NEWS, pk)


@public
@require_GET
def attachment(request, pk: int):
    """A post's attachment under its own name; the attachment of a post not public only for staff."""
    found = get_object_or_404(PostAttachment.objects.select_related("post"), pk=pk)
    if not found.post.is_public and not request.user.has_perm(MANAGE):
        raise Http404
    try:
        stream = found.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return file_response(stream, filename=found.original_name, content_type=None)


# ---- feeds -------------------------------------------------------------------------------------------------------


class BoardFeed(Feed):
    """A board's newest published posts as RSS 2.0 (`BoardAtomFeed`: Atom 1.0)."""

    def __init__(self, board: str):
        super().__init__()
        self.board = board

    def title(self):
        return f"{Board(self.board).label} · {_('Metaverse Alliance')}"

    def link(self):
        return reverse(LIST_URL[self.board])

    def description(self):
        return _descriptions()[self.board]

    def items(self):
        return public_posts(self.board).order_by("-publish_at", "-id")[:FEED_SIZE]

    def item_title(self, item: Post):
        return item.title

    def item_description(self, item: Post):
        return render_markdown(item.body)

    def item_pubdate(self, item: Post):
        return item.publish_at

    def item_updateddate(self, item: Post):
        return item.updated_at

    def item_categories(self, item: Post):
        return [item.get_category_display()]


class BoardAtomFeed(BoardFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


@public
@require_GET
def notice_rss(request):
    return BoardFeed(Board.NOTICES)(request)


@public
@require_GET
def notice_atom(request):
    return BoardAtomFeed(Board.NOTICES)(request)


@public
@require_GET
def news_rss(request):
    return BoardFeed(Board.NEWS)(request)


@public
@require_GET
def news_atom(request):
    return BoardAtomFeed(Board.NEWS)(request)
