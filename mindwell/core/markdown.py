"""Markdown to safe HTML, done once when a post is written; pages show the stored result."""

from html import escape
from typing import Any

import nh3
from markdown_it import MarkdownIt

# CommonMark with tables and strikethrough; raw HTML is escaped by the parser and anything
# that slips through is removed by nh3 below.
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)


def _image_as_link(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    # An image from another site would tell that site who is reading which post, so images
    # become plain links the reader may choose to follow.
    token = tokens[idx]
    alt = self.renderInline(token.children or [], options, env) or "image"
    return f'<a href="{escape(token.attrGet("src") or "")}">{alt} (image)</a>'


_parser.add_render_rule("image", _image_as_link)

# A table column's alignment as a class of site.css: the Content-Security-Policy refuses
# style attributes, which is how markdown-it writes it.
ALIGNMENT_CLASSES = {f"text-align:{side}": f"align-{side}" for side in ("left", "center", "right")}


def _alignment_as_class(state: Any) -> None:
    for token in state.tokens:
        if token.type in ("th_open", "td_open") and "style" in token.attrs:
            side = ALIGNMENT_CLASSES.get(str(token.attrs.pop("style")))
            if side:
                token.attrs["class"] = side


_parser.core.ruler.push("alignment_as_class", _alignment_as_class)

_ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_ALLOWED_CLASSES = {cell: set(ALIGNMENT_CLASSES.values()) for cell in ("th", "td")}
_SAFE_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    """Render user Markdown to sanitised HTML; the result is safe to show unescaped."""
    html = _parser.render(text)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_SAFE_SCHEMES,
        allowed_classes=_ALLOWED_CLASSES,
        link_rel="nofollow ugc noopener noreferrer",
    )
