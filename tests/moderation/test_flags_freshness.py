# mypy: disable-error-code="union-attr"
"""A hidden answer leaves every stored question page the moment the flag that hid it is
saved: two real granian processes store the page, for guests and for members, before."""

import pytest
from django.conf import settings
from django.test import Client

from mindwell.accounts.models import User
from mindwell.moderation.actions.flags import flag_item
from tests.conftest import make_member
from tests.pages.conftest import servers  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ANSWER = "Write down what you feel after each session and bring the notes along."


def _cookie_for(user: User) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies[settings.SESSION_COOKIE_NAME].value}; csrftoken={'m' * 32}"


@pytest.mark.parametrize("by", ["trusted members", "a moderator"])
def test_a_stored_question_page_drops_an_answer_as_soon_as_flags_hide_it(
    servers,  # noqa: F811
    maya, dr_okafor, moderator, ask, answer, by,
):  # fmt: skip
    question = ask(maya)
    answer(question, dr_okafor, body=ANSWER)
    url = question.get_absolute_url()
    readers = {"anonymous": "", "member": _cookie_for(make_member("reader"))}
    header = {"anonymous": "X-Page-Cache", "member": "X-Member-Page"}
    for server in servers:
        for reader, cookie in readers.items():
            server.request("GET", url, cookie=cookie)
            response, html = server.request("GET", url, cookie=cookie)
            assert response.headers[header[reader]] == "hit", reader
            assert ANSWER in html
    flaggers = [moderator] if by == "a moderator" else [
        make_member(f"trusted{i}", points=200) for i in range(settings.MINDWELL_FLAGS_TO_HIDE)
    ]  # fmt: skip
    reply = question.answer_set.get()
    for flagger in flaggers:
        flag_item(flagger=flagger, post=reply, reason="spam")
    for server in servers:
        for reader, cookie in readers.items():
            response, html = server.request("GET", url, cookie=cookie)
            assert response.status == 200
            assert ANSWER not in html, (reader, server.port)
            assert 'class="answers-head">0 answers' in html
