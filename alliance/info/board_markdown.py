"""Rendering a board post's Markdown as safe HTML.

Rule: Markdown (CommonMark with tables and strikethrough, markdown-it-py) never passes raw HTML through, and
the HTML it makes is sanitised again with nh3 (an allow-list of tags and attributes; links only http, https
and mailto, each with rel="noopener noreferrer nofollow"; no script, style, event handler or image from the
post itself — a post's pictures are its attachments and a promotion's checked image).

Rendering is a pure function of the text, so its result is kept in the cache under the text's hash (and
RENDERING, moved on when the rules above change): a post's page and the feeds render each body once, not on
every request, and an edited body is a new key (nothing to invalidate).
"""

import hashlib
import html as html_lib

import nh3
from django.core.cache import cache
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


RENDERING = 1  # moved on when the rendering rules change, so that no kept rendering of the old rules is served
KEPT_SECONDS = 7 * 24 * 3600


def _kept(kind: str, text: str, render) -> str:
    key = f"info.markdown.{RENDERING}.{kind}.{hashlib.sha256(text.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = render()
        cache.set(key, found, KEPT_SECONDS)
    return found


def render_markdown(text: str) -> SafeString:
    """`text` (Markdown) as sanitised HTML. A heading `#` becomes h2: the page's h1 is the post's title."""
    text = text or ""
    return mark_safe(_kept("html", text, lambda: str(_rendered(text))))  # noqa: S308 (sanitised by _rendered)


def _rendered(text: str) -> SafeString:
    html = _markdown.render(text)
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
    return _kept(f"plain{limit}", text or "", lambda: _plain(text or "", limit))


def _plain(text: str, limit: int) -> str:
    html = _markdown.render(text)
    plain = " ".join(html_lib.unescape(nh3.clean(html, tags=set())).split())
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"
