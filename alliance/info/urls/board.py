"""The board area's URLs (included by alliance/info/urls/__init__.py). The public boards keep the old site's
addresses, `/notice_board` (공지사항) and `/alliance_news` (얼라이언스 소식); a post is `/<board>/<id>`. Partner
agencies' promotions are submitted under `/promotions/` and reviewed under `/info/promotions/`."""

from django.urls import path

from alliance.info.views import board, board_staff, post_mailing, promotions

NOTICES = "notice_board"
NEWS = "alliance_news"
MANAGE = "info/board"
urlpatterns = [
    path(NOTICES, board.notice_board, name="notice_board"),
    path(f"{NOTICES}/<id:pk>", board.notice, name="notice"),
    path(f"{NOTICES}/rss.xml", board.notice_rss, name="notice_rss"),
    path(f"{NOTICES}/atom.xml", board.notice_atom, name="notice_atom"),
    path(NEWS, board.alliance_news, name="alliance_news"),
    path(f"{NEWS}/<id:pk>", board.news, name="news"),
    path(f"{NEWS}/rss.xml", board.news_rss, name="news_rss"),
    path(f"{NEWS}/atom.xml", board.news_atom, name="news_atom"),
    path("board/files/<id:pk>", board.attachment, name="board_attachment"),
    # The secretariat's pages.
    path(f"{MANAGE}/", board_staff.manage_posts, name="board_manage"),
    path(f"{MANAGE}/new/", board_staff.post_create, name="board_post_create"),
    path(f"{MANAGE}/<id:pk>/", board_staff.post_edit, name="board_post"),
    path(f"{MANAGE}/<id:pk>/publish/", board_staff.post_publish, name="board_post_publish"),
    path(f"{MANAGE}/<id:pk>/unpublish/", board_staff.post_unpublish, name="board_post_unpublish"),
    path(f"{MANAGE}/<id:pk>/delete/", board_staff.post_delete, name="board_post_delete"),
    path(f"{MANAGE}/<id:pk>/files/", board_staff.attachment_add, name="board_attachment_add"),
    path(f"{MANAGE}/files/<id:pk>/remove/", board_staff.attachment_remove, name="board_attachment_remove"),
    path(f"{MANAGE}/<id:pk>/mail/", post_mailing.post_mailing_send, name="post_mailing_send"),
    path(f"{MANAGE}/<id:pk>/mail/preview", post_mailing.post_mailing_preview, name="post_mailing_preview"),
    # Partner agencies' promotions: the liaison's pages, the staff's review, the image.
    path("promotions/mine/", promotions.my_promotions, name="my_promotions"),
    path("promotions/new/", promotions.promotion_create, name="promotion_create"),
    path("promotions/<id:pk>/", promotions.promotion, name="promotion"),
    path("promotions/<id:pk>/image", promotions.promotion_image, name="promotion_image"),
    path("info/promotions/<id:pk>/edit/", promotions.promotion_edit, name="promotion_edit"),
    path("info/promotions/", promotions.promotion_queue, name="promotion_queue"),
    path("info/promotions/<id:pk>/review/", promotions.promotion_review, name="promotion_review"),
]
