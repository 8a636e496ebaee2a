"""Markdown is rendered to HTML that is safe to show as it is."""

from html.parser import HTMLParser
from importlib import import_module
from typing import Any

import pytest
from django.apps import apps

from mindwell.accounts.models import User
from mindwell.core.markdown import render_markdown
from mindwell.qa.models import Post

Element = tuple[str, dict[str, str]]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[Element]:
    """The elements a browser would build from `html`, with their attributes."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def tags(html: str) -> list[str]:
    return [tag for tag, _ in elements(html)]


def hrefs(html: str) -> list[str]:
    return [attrs[name] for _, attrs in elements(html) for name in ("href", "src") if name in attrs]


ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "<div style='position:fixed'>cover</div>",
    "<style>body{display:none}</style>",
    "<object data=x></object><embed src=x>",
    "<form action=https://evil.example><input name=p></form>",
    '<p onclick="alert(1)">para</p>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    '[x](https://ok.example "t" onmouseover=alert(1))',
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "```\n</code></pre><script>alert(1)</script>\n```",
    "<!-- <script>alert(1)</script> -->",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_nothing_active_survives(text: str) -> None:
    html = render_markdown(text)

    found = elements(html)
    assert {
        "script",
        "iframe",
        "svg",
        "style",
        "object",
        "embed",
        "form",
        "input",
        "div",
    }.isdisjoint(tag for tag, _ in found)
    for tag, attrs in found:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)  # the Content-Security-Policy refuses it
    for url in hrefs(html):
        assert url.startswith(("https:", "http:", "mailto:")), url


def test_a_script_tag_is_shown_as_text() -> None:
    html = render_markdown("<script>alert(1)</script>")

    assert "script" not in tags(html)
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"


def test_an_image_with_an_error_handler_is_shown_as_text() -> None:
    html = render_markdown("<img src=x onerror=alert(1)>")

    assert tags(html) == ["p"]
    assert "&lt;img" in html


def test_a_javascript_link_is_not_a_link() -> None:
    html = render_markdown("[x](javascript:alert(1))")

    assert "a" not in tags(html)
    assert hrefs(html) == []


@pytest.mark.parametrize(
    "text", ["<b>bold</b>", "<em>e</em>", '<a href="https://ok.example">x</a>', "<br>"]
)
def test_raw_html_is_escaped_not_rendered(text: str) -> None:
    html = render_markdown(text)

    assert tags(html) == ["p"]
    assert "&lt;" in html


def test_an_iframe_is_removed() -> None:
    html = render_markdown('<iframe src="https://evil.example"></iframe>\n\nAfter.')

    assert "iframe" not in tags(html)
    assert "<iframe" not in html


def test_links_are_marked_as_user_content_that_search_engines_should_not_follow() -> None:
    html = render_markdown("See [the guide](https://example.org/guide) and <https://example.org>.")

    links = [attrs for tag, attrs in elements(html) if tag == "a"]
    assert [link["href"] for link in links] == ["https://example.org/guide", "https://example.org"]
    for link in links:
        assert {"nofollow", "ugc"} <= set(link["rel"].split())


def test_emphasis_lists_quotes_and_headings_render() -> None:
    html = render_markdown(
        "# Title\n\n**bold** _em_ ~~gone~~\n\n> quoted\n\n1. one\n2. two\n\n- a\n- b\n\n---"
    )

    assert tags(html) == [
        "h1", "p", "strong", "em", "s", "blockquote", "p", "ol", "li", "li", "ul", "li", "li",
        "hr",
    ]  # fmt: skip


def test_tables_render_and_keep_their_alignment_as_classes_of_the_stylesheet() -> None:
    html = render_markdown("| Feeling | Days |\n|:--|--:|\n| calm | 3 |\n| anxious | 4 |")

    assert tags(html) == [
        "table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td", "tr", "td", "td",
    ]  # fmt: skip
    cells = [attrs for tag, attrs in elements(html) if tag in ("th", "td")]
    assert [cell.get("class") for cell in cells] == ["align-left", "align-right"] * 3
    assert all("style" not in cell for cell in cells)
    assert "<td>anxious</td>" not in html
    assert ">anxious</td>" in html


def test_code_blocks_render_with_their_text_escaped() -> None:
    fenced = render_markdown("```python\nif a < b and c > d:\n    print('<b>')\n```")
    indented = render_markdown("Text:\n\n    x = 1 < 2\n")
    inline = render_markdown("Use `<br>` for a break.")

    assert fenced == (
        "<pre><code>if a &lt; b and c &gt; d:\n    print('&lt;b&gt;')\n</code></pre>\n"
    )
    assert tags(indented) == ["p", "pre", "code"]
    assert "x = 1 &lt; 2" in indented
    assert inline == "<p>Use <code>&lt;br&gt;</code> for a break.</p>\n"


def test_images_become_links_so_no_other_site_learns_who_reads_a_post() -> None:
    html = render_markdown("![a calm lake](https://images.example/lake.png)")
    assert "<img" not in html
    assert 'href="https://images.example/lake.png"' in html and "a calm lake (image)" in html


@pytest.mark.django_db
def test_html_stored_before_has_its_alignment_moved_to_classes(maya: Any, ask: Any) -> None:
    old = '<table><tr><th style="text-align:right">Days</th><td style="text-align:center">3</td>'
    question = ask(maya)
    Post.objects.filter(pk=question.pk).update(body_html=old)
    User.objects.filter(pk=maya.pk).update(about_html=old)

    import_module("mindwell.qa.migrations.0005_table_alignment_as_classes").styles_to_classes(
        apps, None
    )
    import_module("mindwell.accounts.migrations.0005_table_alignment_as_classes").styles_to_classes(
        apps, None
    )

    new = '<table><tr><th class="align-right">Days</th><td class="align-center">3</td>'
    assert Post.objects.get(pk=question.pk).body_html == new
    assert User.objects.get(pk=maya.pk).about_html == new
