"""The information services' URLs. The public ones keep the old site's addresses (`/notice_board`,
`/alliance_news`, `/metabus_trends_reports`, `/newsletter`) so that old links keep working."""

app_name = "info"
urlpatterns: list = []
