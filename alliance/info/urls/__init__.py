"""The information services' URLs, one module per area. The public ones keep the old site's addresses
(`/notice_board`, `/alliance_news`, `/metabus_trends_reports`, `/newsletter`) so that old links keep working."""

from alliance.info.urls import analytics, archive, board, newsletter
from alliance.info.urls import subscribers as subscribers_urls

app_name = "info"
urlpatterns = [*board.urlpatterns, *archive.urlpatterns, *newsletter.urlpatterns, *analytics.urlpatterns]
urlpatterns += subscribers_urls.urlpatterns
