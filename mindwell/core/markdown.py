"""Markdown to safe HTML, done once when a post is written; pages show the stored result."""

from html import escape
from html.parser import HTMLParser
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


# Elements that end a run of words: their text is kept apart from the next element's.
_BREAKING_TAGS = _ALLOWED_TAGS - {"em", "strong", "del", "s", "code", "a"}


class _Text(HTMLParser):
    """The words of sanitised post HTML, with blocks and line breaks kept apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _BREAKING_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKING_TAGS:
            self.parts.append(" ")


def excerpt(html: str, *, limit: int = 160) -> str:
    """The beginning of a post as plain text, from its stored HTML (`body_html`): no
    Markdown, no tags, entities decoded, whitespace collapsed, cut at a word with "…" when
    longer than `limit` characters. For previews that show text as text (a description
    meta, a feed's summary): escape it where it goes into HTML."""
    parser = _Text()
    # Only the beginning is read: a long post's text is never parsed whole for a preview.
    # An element or entity cut short at the end is left out by the parser.
    parser.feed(html[: limit * 8 + 500])
    text = " ".join("".join(parser.parts).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"
