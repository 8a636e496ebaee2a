"""Question pages tell search engines what they hold: schema.org QAPage as JSON-LD, read
back from the page's HTML as a search engine would, and checked against the data."""

import json
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from mindwell.qa import actions
from mindwell.qa.models import Post
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script> <!-- a comment & an <b>ampersand</b> -->"


class DataBlocks(HTMLParser):
    """Every `<script type="application/ld+json">` of a page, split as a browser splits it."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._inside = dict(attrs).get("type") == "application/ld+json"
            if self._inside:
                self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def parse(html: str) -> tuple[list[Any], list[dict[str, str | None]]]:
    parser = DataBlocks()
    parser.feed(html)
    return [json.loads(block) for block in parser.blocks], parser.scripts


def qa_page(url: str, viewer=None) -> dict[str, Any]:
    blocks, _ = parse(client_for(viewer).get(url).content.decode())
    assert len(blocks) == 1
    return blocks[0]


def check_schema(page: dict[str, Any]) -> None:
    """The fields search engines require of a QAPage, with their types."""
    assert page["@context"] == "https://schema.org" and page["@type"] == "QAPage"
    question = page["mainEntity"]
    assert question["@type"] == "Question"
    for field, kind in [("name", str), ("text", str), ("answerCount", int),
                        ("upvoteCount", int), ("dateCreated", str), ("url", str)]:  # fmt: skip
        assert isinstance(question[field], kind), field
    answers = [*([question["acceptedAnswer"]] if "acceptedAnswer" in question else []),
               *question.get("suggestedAnswer", [])]  # fmt: skip
    assert question["answerCount"] == len(answers)
    for item in [question, *answers]:
        assert item["author"]["@type"] == "Person" and item["author"]["name"]
        assert datetime.fromisoformat(item["dateCreated"]).tzinfo is not None
        assert item["url"].startswith("http://testserver/q/")
    for answer in answers:
        assert answer["@type"] == "Answer"
        assert isinstance(answer["text"], str) and isinstance(answer["upvoteCount"], int)


@pytest.fixture
def thread(maya, dr_okafor, newcomer, ask, answer):
    question = ask(maya, title="When does a </script> end?", body="Asking for a friend. " + HOSTILE)
    best = answer(question, dr_okafor, body="It helped me to name the feeling out loud.")
    hidden = answer(question, newcomer, body="I felt the same, and wrote it down " + HOSTILE,
                    anonymous=True)  # fmt: skip
    guest = answer(question, None, body="As a guest: it passes, in time.", guest_name="Sam")
    nameless = answer(question, None, body="Another guest, with no name given.")
    gone = answer(question, dr_okafor, body="This one was deleted and is not shown.")
    actions.delete_post(post=gone, by=dr_okafor)
    for voter in (newcomer, make_member("voter")):
        actions.cast_vote(user=voter, post=best, value=1)
    actions.cast_vote(user=dr_okafor, post=question, value=1)
    actions.cast_vote(user=dr_okafor, post=hidden, value=-1)
    actions.accept_answer(question=question, answer=best, by=maya)
    return question, best, hidden, guest, nameless


def test_a_question_page_describes_the_question_and_its_answers_as_a_qa_page(thread):
    question, best, hidden, guest, nameless = thread
    url = question.get_absolute_url()
    page = qa_page(url)
    check_schema(page)
    entity = page["mainEntity"]
    question.refresh_from_db()
    address = f"http://testserver{url}"
    assert {k: entity[k] for k in ("name", "text", "answerCount", "upvoteCount", "url")} == {
        "name": question.title, "text": question.body, "answerCount": 4, "upvoteCount": 1,
        "url": address,
    }  # fmt: skip
    assert entity["author"]["name"] == "Maya"
    assert datetime.fromisoformat(entity["dateCreated"]) == question.created_at
    assert entity["acceptedAnswer"] == {
        "@type": "Answer", "text": best.body, "upvoteCount": 2,
        "dateCreated": best.created_at.isoformat(),
        "author": {"@type": "Person", "name": "Dr Okafor"}, "url": f"{address}#a{best.pk}",
    }  # fmt: skip
    suggested = {item["url"]: item for item in entity["suggestedAnswer"]}
    assert list(suggested) == [f"{address}#a{post.pk}" for post in (guest, nameless, hidden)]
    names = [item["author"]["name"] for item in suggested.values()]
    assert names == ["Sam", "Anonymous", "Anonymous"]
    assert suggested[f"{address}#a{hidden.pk}"]["upvoteCount"] == -1
    assert suggested[f"{address}#a{hidden.pk}"]["text"] == hidden.body
    assert "deleted" not in json.dumps(page)


def test_a_body_that_closes_the_script_stays_inside_it(thread):
    question, *_ = thread
    html = Client().get(question.get_absolute_url()).content.decode()
    blocks, scripts = parse(html)
    # Only our own script file and the one data block: nothing broke out of it.
    assert [script.get("type") for script in scripts] == [None, "application/ld+json"]
    assert HOSTILE in json.dumps(blocks[0], ensure_ascii=False)
    data = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "&" not in data


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_an_anonymous_writer_stays_anonymous_for_every_reader(thread, newcomer, moderator, role):
    question, *_ = thread
    viewer = moderator if role == "moderator" else make_member("reader")
    page = qa_page(question.get_absolute_url(), viewer)
    text = json.dumps(page)
    assert "newcomer" not in text
    # The moderator's page names the writer in its byline, never in the data for engines.
    html = client_for(moderator).get(question.get_absolute_url()).content.decode()
    assert "moderators see" in html
    # Deleted answers stay out even for a moderator, who sees them on the page.
    assert page["mainEntity"]["answerCount"] == 4


def test_every_order_of_answers_describes_the_same_answers_in_the_order_shown(thread):
    question, _, hidden, guest, nameless = thread
    url = question.get_absolute_url()
    pages = [qa_page(url + query) for query in ("", "?answers=oldest", "?answers=newest")]
    suggested = [page["mainEntity"].pop("suggestedAnswer") for page in pages]
    assert pages[0] == pages[1] == pages[2]
    assert [item["url"].rsplit("#a", 1)[1] for item in suggested[2]] == [
        str(post.pk) for post in (nameless, guest, hidden)
    ]
    assert sorted(map(str, suggested[0])) == sorted(map(str, suggested[2]))
    html = Client().get(url + "?answers=newest").content.decode()
    assert f'<link rel="canonical" href="http://testserver{url}">' in html


def test_a_deleted_question_has_no_structured_data(maya, moderator, ask):
    question = ask(maya)
    actions.delete_post(post=question, by=maya)
    response = client_for(moderator).get(question.get_absolute_url())
    assert response.status_code == 200
    assert parse(response.content.decode())[0] == []


def test_a_question_without_answers_says_so(maya, ask):
    question = ask(maya)
    entity = qa_page(question.get_absolute_url())["mainEntity"]
    check_schema({"@context": "https://schema.org", "@type": "QAPage", "mainEntity": entity})
    assert entity["answerCount"] == 0
    assert "acceptedAnswer" not in entity and "suggestedAnswer" not in entity
    assert Post.objects.count() == 1
