"""The query language read on its own: what each operator becomes, and the sentences for
what cannot be read."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from mindwell.search import analysis
from mindwell.search.index import Expression, Phrase
from mindwell.search.query import MAX_LENGTH, parse

pytestmark = pytest.mark.django_db

GUEST = AnonymousUser()


PAIR = analysis.MARK + "p"


def terms_of(parsed, part="all_of"):
    """The phrases looked for, without the pairs a phrase also asks for (tested below)."""
    phrases = getattr(parsed.expression, part)
    return [phrase.terms for phrase in phrases if not phrase.terms[0].startswith(PAIR)]


def pairs_of(parsed):
    return [p.terms[0] for p in parsed.expression.all_of if p.terms[0].startswith(PAIR)]


def test_loose_words_are_stemmed_and_stop_words_dropped():
    parsed = parse("Feeling attached to my THERAPIST", user=GUEST)
    assert terms_of(parsed) == [("feel",), ("attach",), ("therapist",)]
    assert parsed.highlight == {"feel", "attach", "therapist"}


def test_a_search_of_only_stop_words_keeps_them():
    assert terms_of(parse("to be or not", user=GUEST)) == [("to",), ("be",), ("or",), ("not",)]


def test_a_phrase_keeps_its_words_in_order_stop_words_too():
    assert terms_of(parse('"afraid of the dark"', user=GUEST)) == [("afraid", "of", "the", "dark")]


def test_a_phrase_also_asks_for_its_pairs_of_terms_and_an_exclusion_does_not():
    parsed = parse(
        '"afraid of the dark" "feel better now" self-harm -"social media" grief', user=GUEST
    )
    # Not the pairs with a stop word in them: documents do not hold those.
    assert pairs_of(parsed) == [
        analysis.pair_term("feel", "better"),
        analysis.pair_term("better", "now"),
        analysis.pair_term("self", "harm"),
    ]
    assert parsed.highlight == {
        "afraid", "of", "the", "dark", "feel", "better", "now", "self", "harm", "grief",
    }  # fmt: skip
    assert pairs_of(parse("grief [jobs]", user=GUEST)) == []


def test_exclusions_of_words_phrases_and_tags():
    parsed = parse('grief -work -"social media" -[jobs]', user=GUEST)
    assert terms_of(parsed) == [("grief",)]
    assert terms_of(parsed, "none_of") == [
        ("work",),
        ("social", "media"),
        (analysis.tag_term("jobs"),),
    ]


def test_tags_categories_authors_and_threads_become_marker_terms(category, maya):
    parsed = parse(
        f"[Grief] category:{category.slug} user:{maya.pk} inquestion:7 is:answer", user=GUEST
    )
    assert terms_of(parsed) == [
        (analysis.tag_term("grief"),),
        (analysis.category_term(category.pk),),
        (analysis.author_term(maya.pk),),
        (analysis.question_term(7),),
        (analysis.kind_term("a"),),
    ]
    assert parsed.highlight == frozenset()
    assert parse("user:MAYA", user=GUEST).expression == Expression(
        all_of=(Phrase(terms=(analysis.author_term(maya.pk),)),)
    )


def test_user_me_is_the_member_s_own_rows_and_asks_a_guest_to_sign_in(maya):
    assert parse("user:me", user=maya).filters == Q(author_id=maya.pk)
    assert parse("user:me", user=GUEST).problems == (
        "user:me finds your own posts once you are signed in.",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("score:3", Q(score__gte=3) & Q(score__lte=3)),
        ("score:3..10", Q(score__gte=3) & Q(score__lte=10)),
        ("score:3..", Q(score__gte=3)),
        ("score:..-1", Q(score__lte=-1)),
        ("answers:0", Q(kind="q") & (Q(answer_count__gte=0) & Q(answer_count__lte=0))),
        ("isaccepted:yes", Q(kind="a", is_accepted=True)),
        ("hasaccepted:NO", Q(kind="q", has_accepted_answer=False)),
        ("closed:yes", Q(kind="q", closed_at__isnull=False)),
        ("-closed:yes", ~Q(kind="q", closed_at__isnull=False)),
    ],
)
def test_numbers_and_states_become_row_filters(text, expected):
    parsed = parse(text, user=GUEST)
    assert parsed.problems == ()
    assert parsed.expression is None
    assert parsed.filters == Q() & expected


def test_dates_cover_whole_periods():
    def span(text):
        return parse(text, user=GUEST).filters

    march = datetime(2026, 3, 1, tzinfo=UTC)
    assert span("created:2026-03") == Q(created_at__gte=march) & Q(
        created_at__lt=datetime(2026, 4, 1, tzinfo=UTC)
    )
    assert span("created:2026-01..2026-06") == Q(
        created_at__gte=datetime(2026, 1, 1, tzinfo=UTC)
    ) & Q(created_at__lt=datetime(2026, 7, 1, tzinfo=UTC))
    assert span("created:..2025") == Q(created_at__lt=datetime(2026, 1, 1, tzinfo=UTC))
    assert span("created:2024-02-29") == Q(created_at__gte=datetime(2024, 2, 29, tzinfo=UTC)) & Q(
        created_at__lt=datetime(2024, 3, 1, tzinfo=UTC)
    )


def test_syntax_characters_and_sql_are_only_words():
    assert set(terms_of(parse('panic* NEAR(attack) ^work 10:30 : "a:b"', user=GUEST))) == {
        ("panic",),
        ("near", "attack"),
        ("work",),
        ("10", "30"),
        ("a", "b"),
    }
    assert set(terms_of(parse("'; DROP TABLE qa_post; --", user=GUEST))) == {
        ("drop",),
        ("tabl",),
        ("qa", "post"),
    }


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('"panic attack', "A quote is opened but never closed"),
        ("[grief", "A bracket is opened but never closed"),
        ('""', "has no words in it"),
        ("[]", "empty tag"),
        ("score:10..3", "can match nothing"),
        ("score:lots", "is not a number or a range"),
        ("score:99999999999999999999", "beyond any score"),
        ("answers:-1", "counts from 0"),
        ("created:2026-13", "is not a date on the calendar"),
        ("created:2026-02-30", "is not a date on the calendar"),
        ("created:yesterday", "is not a date"),
        ("created:2026-06..2026-01", "put the earlier date first"),
        ("is:comment", "use is:question or is:answer"),
        ("closed:maybe", "use closed:yes or closed:no"),
        ("category:nowhere", "There is no category “nowhere”"),
        ("user:nobody-here", "There is no member “nobody-here”"),
        ("inquestion:abc", "needs a question's number"),
        ("tag:grief", "“tag:” is not something search knows"),
        ("-anxiety", "add a word to look for"),
        ("* ^ :", "nothing to look for"),
        ("x" * 10_000, f"keep it under {MAX_LENGTH}"),
    ],
)
def test_what_cannot_be_read_gets_a_sentence(text, says):
    parsed = parse(text, user=GUEST)
    assert parsed.expression is None
    assert any(says in problem for problem in parsed.problems), parsed.problems


def test_operators_alone_are_a_search_by_filters():
    parsed = parse("[anxiety] score:3", user=GUEST)
    assert parsed.problems == ()
    assert terms_of(parsed) == [(analysis.tag_term("anxiety"),)]


def test_filters_with_only_exclusions_match_every_kind_of_post():
    parsed = parse("score:3.. -anxiety", user=GUEST)
    assert parsed.problems == ()
    assert parsed.expression is not None
    assert [p.terms for p in parsed.expression.any_of] == [
        (analysis.kind_term("q"),),
        (analysis.kind_term("a"),),
    ]
    assert terms_of(parsed, "none_of") == [("anxieti",)]


def test_an_empty_search_is_empty_not_a_problem():
    parsed = parse("   ", user=GUEST)
    assert parsed.empty and parsed.problems == ()
