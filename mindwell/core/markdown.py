"""Markdown to safe HTML, done once when a post is written; pages show the stored result."""

import nh3
from markdown_it import MarkdownIt

# CommonMark with tables and strikethrough; raw HTML is escaped by the parser and anything
# that slips through is removed by nh3 below.
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)

_ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    # markdown-it writes a table column's alignment as style="text-align:..."; only that one
    # property is kept (see filter_style_properties below).
    "th": {"align", "style"},
    "td": {"align", "style"},
}
_SAFE_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    """Render user Markdown to sanitised HTML; the result is safe to show unescaped."""
    html = _parser.render(text)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_SAFE_SCHEMES,
        filter_style_properties={"text-align"},
        link_rel="nofollow ugc noopener noreferrer",
    )
