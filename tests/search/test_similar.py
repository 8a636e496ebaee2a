"""Similar questions for a draft: what the ask page and GET /questions/similar/ suggest."""

import pytest
from django.core.cache import cache
from django.test import Client

from mindwell.moderation.actions.closing import close_question
from mindwell.qa import actions
from mindwell.search import similar

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(committed, ask, maya):
    """A few questions on nearby topics, indexed after commit."""

    def q(title, body, tags="support"):
        return committed(ask, maya, title=title, body=body, tags=tags)

    return {
        "attached": q(
            "Is it normal to feel attached to my therapist?",
            "I have seen her weekly for a year and think about her between sessions.",
            "transference attachment",
        ),
        "cost": q(
            "How do I find a therapist I can actually afford?",
            "Private sessions near me cost far too much money every week.",
            "cost",
        ),
        "chores": q(
            "We keep having the same argument about chores",
            "My partner and I fight about the dishes every single evening.",
            "arguments partners",
        ),
        "sleep": q(
            "Waking at 4am with a racing mind every night",
            "I fall asleep fine and then wake up early full of worries.",
            "sleep insomnia",
        ),
    }


def hints(**params):
    response = Client().get("/questions/similar/", params)
    assert response.status_code == 200
    return response.json()["questions"]


def test_the_endpoint_answers_the_best_match_first_with_counts(site, committed, answer, dr_okafor):
    reply = committed(answer, site["attached"], dr_okafor)
    committed(
        actions.accept_answer, question=site["attached"], answer=reply, by=site["attached"].author
    )

    found = hints(title="Feeling really attached to my therapist", body="Is this normal?")

    assert found[0] == {
        "id": site["attached"].pk,
        "title": "Is it normal to feel attached to my therapist?",
        "url": site["attached"].get_absolute_url(),
        "answer_count": 1,
        "has_accepted_answer": True,
    }
    assert len(found) <= 5


def test_synonyms_and_stems_find_a_question_in_other_words(site):
    # counsellor ~ therapist, attachment ~ attached (one stem), boyfriend ~ partner.
    assert hints(title="Growing an attachment to my counsellor")[0]["id"] == site["attached"].pk
    assert hints(title="Is it weird I think about my psychologist so much")[0]["id"] == (
        site["attached"].pk
    )
    assert hints(title="Boyfriend and I fight about housework")[0]["id"] == site["chores"].pk
    assert hints(title="Counselling is too expensive for me")[0]["id"] == site["cost"].pk


def test_the_text_of_the_draft_helps_when_the_title_says_little(site):
    found = hints(title="I need some advice please", body="I wake up at 4am and my mind races.")
    assert found[0]["id"] == site["sleep"].pk


def test_deleted_hidden_and_duplicate_questions_are_not_suggested(
    site, committed, ask, maya, moderator
):
    duplicate = committed(
        ask,
        maya,
        title="Attached to my therapist, is that normal?",
        body="Every week I think of her.",
    )
    committed(
        close_question, question=duplicate, by=moderator, reason="duplicate",
        duplicate_of=site["attached"],
    )  # fmt: skip
    ids = [item["id"] for item in hints(title="attached to my therapist normal")]
    assert duplicate.pk not in ids and site["attached"].pk in ids

    committed(actions.delete_post, post=site["attached"], by=maya)
    committed(actions.hide_post, post=site["cost"], by=moderator)
    ids = [item["id"] for item in hints(title="attached to my therapist, can I afford a therapist")]
    assert site["attached"].pk not in ids and site["cost"].pk not in ids


def test_answers_are_never_suggested(site, committed, answer, dr_okafor):
    committed(answer, site["chores"], dr_okafor, body="Dishes rota, a chores chart, dishes again.")
    found = hints(title="Dishes and chores rota fights")
    assert [item["id"] for item in found] == [site["chores"].pk]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"title": ""},
        {"title": "   "},
        {"title": "the and of"},
        {"title": "x" * 10_000, "body": "y " * 5_000},
        {"title": 'NEAR("therapist" * ^ : ) OR -- DROP TABLE qa_post;'},
        {"title": "therapist", "body": "\u00e9\u00e8 \U0001f600 " * 2000},
    ],
)
def test_bad_input_gives_a_list_never_an_error(site, params):
    response = Client().get("/questions/similar/", params)
    assert response.status_code == 200
    assert isinstance(response.json()["questions"], list)
    assert "max-age=60" in response["Cache-Control"]


def test_empty_titles_suggest_nothing(site):
    assert hints() == [] and hints(title="  ") == []


def test_only_get_is_served(site):
    assert Client().post("/questions/similar/", {"title": "therapist"}).status_code == 405


def test_the_address_is_not_taken_for_a_list_order(site):
    assert Client().get("/questions/recent/").status_code == 200
    assert Client().get("/questions/similar/", {"title": "therapist"})["Content-Type"] == (
        "application/json"
    )


def test_the_ask_preview_lists_the_look_alikes_without_javascript(site, maya, category):
    client = Client()
    client.force_login(maya)
    response = client.post(
        "/ask/",
        {
            "title": "Getting attached to my counsellor",
            "body": "I keep thinking about her between our sessions every week.",
            "category": category.pk,
            "tags": "attachment",
            "preview": "1",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Already asked? These look alike" in html
    assert f'href="{site["attached"].get_absolute_url()}"' in html
    assert 'aria-live="polite"' in html


def test_the_ask_page_without_a_preview_names_where_to_ask(site):
    html = Client().get("/ask/").content.decode()
    assert 'data-similar-url="/questions/similar/"' in html
    assert "Already asked?" not in html


def test_the_plain_baseline_reads_titles_only(site):
    ids = similar.similar_ids(title="racing mind", method="title-bm25")
    assert ids == [site["sleep"].pk]
    assert similar.similar_ids(title="dishes evening", method="title-bm25") == []


def test_a_draft_of_common_words_only_is_ranked_among_their_newest_matches(site, monkeypatch):
    monkeypatch.setattr(similar, "COMMON", 1)  # every word is common now
    monkeypatch.setattr(similar, "COMMON_CANDIDATES", 2)
    found = hints(title="Attached to my therapist")
    assert found and found[0]["id"] == site["attached"].pk
    # The two newest matches only: "therapist" is in the older questions too.
    monkeypatch.setattr(similar, "COMMON_CANDIDATES", 1)
    cache.clear()
    assert [item["id"] for item in hints(title="therapist")] == [site["cost"].pk]
