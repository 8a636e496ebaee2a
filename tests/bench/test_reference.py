"""The benchmark's references stay fair: the plain Django views render the same page as
the real ones, byte for byte apart from the CSRF tokens, the form stamps, the view count and
the address a Follow button comes back to (the reference's own), from the same rows."""

import re

import pytest
from django.test import override_settings

from mindwell.qa import actions
from tests.conftest import client_for, make_member

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="(?:csrfmiddlewaretoken|submission|form_stamp|next)" value="[^"]+"')
VIEWS = re.compile(r"Viewed \d+ times?")  # the real page counts its own view


def comparable(response):
    assert response.status_code == 200
    return VIEWS.sub("Viewed N", TOKEN.sub("TOKEN", response.content.decode()))


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_plain_views_render_the_same_pages_as_the_real_ones(maya, dr_okafor, ask, answer):
    question = ask(maya)
    reply = answer(question, dr_okafor)
    actions.add_comment(post=reply, author=maya, body="Thank you, that helps a lot.")
    viewer = make_member("viewer", display_name="Viewer")
    actions.cast_vote(user=viewer, post=reply, value=1)
    client = client_for(viewer)
    ours = comparable(client.get(question.get_absolute_url()))
    reference = comparable(client.get(f"/reference/q/{question.pk}/"))
    assert ours == reference
    assert 'aria-pressed="true"' in reference  # the member's own vote, in both
    home = comparable(client.get("/"))
    reference_home = comparable(client.get("/reference/"))
    assert home == reference_home


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_plain_tag_list_renders_the_same_page_as_the_real_one(maya, dr_okafor, ask):
    for n in range(3):
        ask(maya, title=f"How do I tell my partner about therapy, part {n + 1}?")
    client = client_for(dr_okafor)
    ours = comparable(client.get("/tag/attachment/"))
    reference = comparable(client.get("/reference/tag/attachment/"))
    assert "part 3" in ours
    assert ours == reference
