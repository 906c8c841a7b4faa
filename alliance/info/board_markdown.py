"""Rendering a board post's Markdown as safe HTML.

Rule: Markdown (CommonMark with tables and strikethrough, markdown-it-py) never passes raw HTML through, and
the HTML it makes is sanitised again with nh3 (an allow-list of tags and attributes; links only http, https
and mailto, each with rel="noopener noreferrer nofollow"; no script, style, event handler or image from the
post itself — a post's pictures are its attachments and a promotion's checked image).
"""

import html as html_lib

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)
TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> SafeString:
    """`text` (Markdown) as sanitised HTML. A heading `#` becomes h2: the page's h1 is the post's title."""
    html = _markdown.render(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised by nh3 just above)


def plain_summary(text: str, limit: int = 160) -> str:
    """The first words of the body as plain text (meta description, feeds, newsletter candidates)."""
    html = _markdown.render(text or "")
    plain = " ".join(html_lib.unescape(nh3.clean(html, tags=set())).split())
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"
