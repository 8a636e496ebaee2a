"""What the pages' heads tell search engines, link previews and feed readers: the description
and OpenGraph meta of question pages, the lists' descriptions, and the links to the feeds."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from mindwell.tags.models import Category, Tag
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The meta and link elements of a page's head, read by a real HTML parser (so a value
    that broke out of its attribute would show up as a wrong value or a stray attribute)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.alternates: list[dict[str, str]] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "body":
            self.in_head = False
        if not self.in_head:
            return
        self.elements.append((tag, values))
        if tag == "meta" and ("name" in values or "property" in values):
            self.meta[values.get("name") or values["property"]] = values["content"]
        if tag == "link" and values.get("rel") == "alternate":
            self.alternates.append(values)


def head_of(path: str) -> Head:
    response = client_for(None).get(path)
    assert response.status_code == 200, path
    head = Head()
    head.feed(response.content.decode())
    return head


def test_a_question_page_has_a_plain_text_description_and_opengraph_meta(maya, ask):
    body = (
        "I have been seeing my **therapist** for a year.\n\n"
        "- I think of her often\n- I dread the break\n\n"
        "Is   this    [normal](https://example.org)? " + "More words about it. " * 20
    )
    question = ask(maya, body=body)
    head = head_of(question.get_absolute_url())
    description = head.meta["description"]
    assert description.startswith(
        "I have been seeing my therapist for a year. I think of her often I dread the break "
        "Is this normal? More words"
    )
    assert len(description) <= 160 and description.endswith("…")
    assert "*" not in description and "<" not in description and "  " not in description
    canonical = f"http://testserver{question.get_absolute_url()}"
    assert head.meta["og:description"] == description
    assert head.meta["og:title"] == question.title
    assert head.meta["og:url"] == canonical
    assert head.meta["og:type"] == "article"
    assert head.meta["og:site_name"] == "Mindwell"
    assert ("link", {"rel": "canonical", "href": canonical}) in head.elements


def test_meta_values_stay_inside_their_attributes(maya, ask):
    title = 'Is "this" <b>normal</b> & okay? <script>alert(1)</script>'
    question = ask(
        maya, title=title, body='She said "no" & <em>left</em>; I typed <script>x</script>.'
    )
    html = client_for(None).get(question.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "<b>normal</b>" not in html
    head = Head()
    head.feed(html)
    assert head.meta["og:title"] == title
    assert (
        head.meta["description"]
        == head.meta["og:description"]
        == ('She said "no" & <em>left</em>; I typed <script>x</script>.')
    )
    alternate = head.alternates[0]
    assert alternate["title"] == f"Mindwell: answers to “{title}”"
    # Every meta element in the head has only the attributes it was written with.
    for tag, values in head.elements:
        if tag == "meta":
            assert set(values) <= {"name", "property", "content", "charset"}


def test_a_content_note_stands_in_for_the_text_in_previews(maya, ask):
    question = ask(
        maya, content_note="mentions self-harm",
        body="What I wrote here stays folded behind the note on the page.",
    )  # fmt: skip
    head = head_of(question.get_absolute_url())
    assert head.meta["description"] == "Content note: mentions self-harm"
    assert head.meta["og:description"] == "Content note: mentions self-harm"
    assert head.meta["og:title"] == question.title


@pytest.mark.parametrize(
    ("path", "feed", "title"),
    [
        ("/", "/feeds/questions/", "Mindwell: newest questions"),
        ("/questions/hot/", "/feeds/questions/", "Mindwell: newest questions"),
        (
            "/category/therapists/",
            "/feeds/category/therapists/",
            "Mindwell: questions in Therapists",
        ),
        ("/tag/sleep/", "/feeds/tag/sleep/", "Mindwell: questions tagged “sleep”"),
    ],
)
def test_list_pages_link_their_feed_in_the_head_and_on_the_page(path, feed, title, maya, ask):
    ask(maya, tags="sleep")
    head = head_of(path)
    assert head.alternates == [
        {"rel": "alternate", "type": "application/atom+xml", "title": title, "href": feed}
    ]
    html = client_for(None).get(path).content.decode()
    assert f'<a class="feed-link" href="{feed}" type="application/atom+xml">' in html
    assert client_for(None).get(feed).status_code == 200


def test_a_question_page_links_the_feed_of_its_answers(maya, ask):
    question = ask(maya)
    head = head_of(question.get_absolute_url())
    feed = f"/feeds/question/{question.pk}/"
    assert [alternate["href"] for alternate in head.alternates] == [feed]
    html = client_for(None).get(question.get_absolute_url()).content.decode()
    assert f'href="{feed}" type="application/atom+xml">' in html
    assert "Atom feed of answers</a>" in html


def test_list_pages_describe_themselves(db):
    assert head_of("/").meta["description"].startswith("Ask about relationships and mental health")
    category = Category.objects.get(slug="therapists")
    assert head_of("/category/therapists/").meta["description"] == category.description
    Tag.objects.create(name="sleep", description="Getting to sleep, and staying asleep.")
    assert head_of("/tag/sleep/").meta["description"] == "Getting to sleep, and staying asleep."
    Tag.objects.create(name="grief")
    assert head_of("/tag/grief/").meta["description"] == (
        "Questions and answers about grief, from people who have been there."
    )
