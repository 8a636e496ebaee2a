"""The index follows the posts, and finds them the same way on both databases."""

import pytest
from django.contrib.auth.models import AnonymousUser

from mindwell.moderation.actions.audit import purge
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.search import analysis, index, rebuild
from mindwell.search.documents import documents
from mindwell.search.index import Expression, Phrase
from mindwell.search.visibility import findable_posts

pytestmark = pytest.mark.django_db


def found(text, *, posts=None, columns=()):
    phrases = tuple(Phrase(terms=(term,), columns=columns) for term in analysis.terms(text))
    result = index.find(
        expression=Expression(all_of=phrases), posts=Post.objects.all() if posts is None else posts
    )
    return result.post_ids


def test_a_question_is_found_by_the_stem_of_a_word_in_its_title(committed, ask, maya):
    question = committed(ask, maya, title="Feeling attached to my counsellor after a year")
    assert found("attachment") == [question.pk]
    assert found("counsellors") == [question.pk]
    assert found("dinosaurs") == []


def test_a_title_match_ranks_above_a_match_in_the_text(committed, ask, maya):
    in_text = committed(
        ask, maya, title="Ending therapy after a long time", body="I feel a lot of grief about it."
    )
    in_title = committed(
        ask,
        maya,
        title="Grief after my mother died last spring",
        body="It comes in waves, most days.",
    )
    assert found("grief") == [in_title.pk, in_text.pk]


def test_an_answer_and_a_comment_are_indexed_after_commit(committed, ask, answer, maya, dr_okafor):
    question = committed(ask, maya)
    reply = committed(answer, question, dr_okafor, body="Transference is worth naming aloud.")
    assert found("transference naming") == [reply.pk]
    committed(
        actions.add_comment, post=question, author=dr_okafor, body="Journaling between sessions."
    )
    assert found("journaling") == [question.pk]


def test_an_edit_replaces_the_document(committed, ask, maya):
    question = committed(ask, maya, body="Panic on the train every morning, for weeks now.")
    committed(
        actions.edit_post,
        post=question,
        editor=maya,
        title=question.title,
        body="Anxiety at work every morning, for weeks now.",
        tags=question.tag_names,
    )
    assert found("panic") == []
    assert found("anxiety") == [question.pk]


def test_a_purged_post_leaves_the_index(committed, ask, maya, moderator):
    question = committed(ask, maya, title="Purging this question about loneliness")
    moderator.is_superuser = True
    moderator.save()
    committed(purge, by=moderator, post=question, reason="spam")
    assert index.indexed_ids([question.pk]) == set()


def test_rebuild_indexes_every_post_again(committed, ask, answer, maya, dr_okafor):
    question = committed(ask, maya)
    reply = committed(answer, question, dr_okafor)
    index.clear()
    assert found("therapist") == []
    assert rebuild.rebuild() == 2
    assert set(index.indexed_ids([question.pk, reply.pk])) == {question.pk, reply.pk}
    assert found("therapist") == [question.pk]


def test_rebuild_with_worker_processes_writes_the_same_documents(
    committed, ask, answer, maya, dr_okafor
):
    questions = [
        committed(ask, maya, title=f"Café talks with my counsellor, week {n}") for n in range(3)
    ]
    reply = committed(answer, questions[0], dr_okafor, body="Attachment to a therapist is common.")
    committed(
        actions.add_comment, post=reply, author=maya, body="Thank you, that helps with jealousy."
    )
    ids = [*(q.pk for q in questions), reply.pk]
    assert rebuild.rebuild(batch=1, jobs=1) == 4
    alone = index.stored_terms(ids)
    assert rebuild.rebuild(batch=1, jobs=2) == 4
    assert index.stored_terms(ids) == alone
    assert found("jealousy") == [reply.pk]  # the comment, indexed with its post
    assert set(found("cafe")) == {q.pk for q in questions}


def test_query_text_is_never_read_as_syntax():
    with pytest.raises(ValueError):
        Phrase(terms=('a" OR "b',))
        Expression(all_of=(Phrase(terms=('a" OR "b',)),))


def test_hidden_posts_are_found_only_by_those_who_may_see_them(
    committed, ask, answer, maya, dr_okafor, moderator, newcomer
):
    question = committed(ask, maya, title="Jealousy when my partner texts an old friend")
    reply = committed(answer, question, dr_okafor, body="Jealousy often points at a fear.")
    committed(actions.delete_post, post=question, by=maya)

    def finds(user):
        return set(found("jealousy", posts=findable_posts(user)))

    assert finds(newcomer) == set()  # the question, and its answer with it
    assert finds(AnonymousUser()) == set()
    assert finds(moderator) == {question.pk, reply.pk}


def test_a_category_moderator_finds_hidden_posts_in_their_categories_only(
    committed, ask, maya, dr_okafor, category
):
    from mindwell.tags.actions import set_category_moderators

    question = committed(ask, maya, title="Jealousy when my partner texts an old friend")
    committed(actions.delete_post, post=question, by=maya)
    set_category_moderators(category=category, moderator_ids=[dr_okafor.pk])
    dr_okafor.refresh_from_db()
    assert found("jealousy", posts=findable_posts(dr_okafor)) == [question.pk]


def test_the_command_fills_an_empty_index_with_a_progress_bar(committed, ask, maya):
    from io import StringIO

    from django.core.management import call_command

    question = committed(ask, maya)
    out, err = StringIO(), StringIO()
    call_command("rebuild_search_index", "--if-empty", stdout=out, stderr=err)
    assert out.getvalue() == ""  # the index was not empty: nothing done
    index.clear()
    call_command("rebuild_search_index", "--if-empty", stdout=out, stderr=err)
    assert "Indexed 1 posts." in out.getvalue()
    assert "[" + "#" * rebuild.BAR_WIDTH + "] 1/1 posts" in err.getvalue()
    assert found("therapist") == [question.pk]


@pytest.mark.parametrize("option", ["--batch", "--jobs"])
@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_the_command_refuses_a_count_below_one_and_keeps_the_index(
    committed, ask, maya, option, value
):
    from django.core.management import CommandError, call_command

    question = committed(ask, maya)
    with pytest.raises(CommandError, match=option):
        call_command("rebuild_search_index", option, value)
    assert found("therapist") == [question.pk]


def test_a_query_matching_more_than_the_candidates_is_ranked_among_the_newest(committed, ask, maya):
    in_title = committed(
        ask, maya, title="Grief after my mother died", body="It comes in waves, most days."
    )
    in_text = [
        committed(ask, maya, title=f"Ending therapy, part {n}", body="I feel a grief about it.")
        for n in range(4)
    ]
    expression = Expression(all_of=(Phrase(terms=(analysis.stem("grief"),)),))
    everything = index.find(expression=expression, posts=Post.objects.all(), candidates=10)
    assert everything.post_ids[0] == in_title.pk
    assert (everything.total, everything.bounded) == (5, False)
    newest = index.find(expression=expression, posts=Post.objects.all(), candidates=3)
    assert newest.post_ids == [post.pk for post in reversed(in_text[1:])]
    assert (newest.total, newest.bounded) == (3, True)


@pytest.mark.parametrize("text", ["grief", "feel grief", '"feel grief"'])
def test_matches_found_window_by_window_are_those_found_at_once(
    committed, ask, maya, monkeypatch, text
):
    """PostgreSQL looks for the newest matches in windows of ids, naming their buckets (one
    window without buckets on a small site): buckets of two ids and windows of a few find
    the same posts in the same order."""
    monkeypatch.setattr(index, "BUCKET_IDS", 2)
    for n in range(6):
        committed(ask, maya, title=f"Ending therapy, part {n}", body="I feel grief about it.")
        committed(ask, maya, title=f"Sleeping badly, part {n}", body="I feel tired, and grief.")
    from mindwell.search import query

    expression = query.parse(text, user=AnonymousUser()).expression
    at_once = index.find(expression=expression, posts=Post.objects.all(), candidates=4)
    monkeypatch.setattr(index, "FIRST_WINDOW", 1)
    monkeypatch.setattr(index, "WINDOW_HEADROOM", 0.01)
    windowed = index.find(expression=expression, posts=Post.objects.all(), candidates=4)
    assert len(at_once.post_ids) == 4
    assert (windowed.post_ids, windowed.total) == (at_once.post_ids, at_once.total)


def test_a_window_names_the_buckets_of_its_ids_when_they_are_few():
    assert index.bucket(3_531_229) == "~b353"
    assert index._in_window("'sleep'", 3_510_000, 3_531_229) == (
        "('sleep') & ('~b351' | '~b352' | '~b353')"
    )
    assert index._in_window("'sleep'", 0, 3_531_229) == "'sleep'"


def test_a_document_holds_the_pairs_of_terms_side_by_side_in_each_column(committed, ask, maya):
    question = committed(
        ask, maya, title="Feeling better after therapy", body="Sleep came back slowly.",
        tags="sleep",
    )  # fmt: skip
    [document] = documents([question.pk])
    marks = set(document.marks.split())
    assert analysis.pair_term("feel", "better") in marks
    assert analysis.pair_term("sleep", "came") in marks
    assert analysis.pair_term("therapi", "sleep") not in marks  # title into body: no pair
    assert analysis.pair_term("better", "after") not in marks  # a stop word: no pair


def test_a_phrase_is_found_through_its_pairs_and_its_words_in_order(committed, ask, maya):
    from mindwell.search import query

    together = committed(
        ask, maya, title="How I started to feel better", body="Slowly, in the spring."
    )
    apart = committed(
        ask, maya, title="Better days will come, I feel", body="Or so my friends tell me.",
    )  # fmt: skip
    expression = query.parse('"feel better"', user=AnonymousUser()).expression
    assert index.find(expression=expression, posts=Post.objects.all()).post_ids == [together.pk]
    loose = query.parse("feel better", user=AnonymousUser()).expression
    found = index.find(expression=loose, posts=Post.objects.all()).post_ids
    assert sorted(found) == sorted([together.pk, apart.pk])
