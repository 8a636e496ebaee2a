"""What the confidentiality prompt takes for a name (mindwell/safety/names.py): clear signs
only, so that being asked stays rare enough to be read."""

import json
from pathlib import Path

import pytest

from mindwell.safety.names import find_names

EVAL = Path(__file__).resolve().parents[2] / "mindwell" / "safety" / "eval" / "texts.jsonl"
DEMO = Path(__file__).resolve().parents[2] / "mindwell" / "demo" / "content" / "questions"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A title, then a surname.
        ("I saw Dr. Patel on Tuesday and she was lovely.", ["Dr. Patel"]),
        ("Dr Kim said it would pass.", ["Dr Kim"]),
        ("my therapist dr Okafor cancelled again", ["dr Okafor"]),
        ("Then Mrs Anna Whitfield called me in.", ["Mrs Anna Whitfield"]),
        ("I stopped seeing Dr. Patel's colleague.", ["Dr. Patel"]),
        # A carer's role, then a name.
        ("I told my therapist Anna about the dream.", ["Anna"]),
        ("My counsellor, Ben, thinks I should rest.", ["Ben"]),
        ("my psychiatrist's name is Layla Haddad and she is kind", ["Layla Haddad"]),
        ("My social worker called Ifeoma came round.", ["Ifeoma"]),
        ("our GP (Sam Ortiz) referred us", ["Sam Ortiz"]),
        ("My doctor, Dr Lee, agreed.", ["Dr Lee"]),
        # A common given name, then a surname, in the middle of a sentence or at its start.
        ("Yesterday I ran into Sarah Jones at the shop.", ["Sarah Jones"]),
        ("Michael Brennan is my manager and he knows.", ["Michael Brennan"]),
        # A place of care, named.
        ("We went to Riverside Counselling for a year.", ["Riverside Counselling"]),
        ("I was at Brightwater Wellness Centre.", ["Brightwater Wellness Centre"]),
        ("They took me to St Mary's Hospital.", ["St Mary's Hospital"]),
        ("The Priory Hospital was expensive.", ["Priory Hospital"]),
        ("I was admitted to Leeds General Infirmary.", ["Leeds General Infirmary"]),
        ("She works at Harbour Psychology now.", ["Harbour Psychology"]),
    ],
)
def test_it_finds_names_by_clear_signs(text, names):
    assert find_names("", text) == names


@pytest.mark.parametrize(
    "text",
    [
        # Sentence-initial capitals, "I", days, months, holidays, family words.
        "Last Tuesday I told my therapist everything. On Monday in March I felt better.",
        "I think Mum and Dad noticed at Christmas. New Year was hard.",
        # Kinds of therapy and of care are no place.
        "I started Cognitive Behavioural Therapy and then Couples Therapy.",
        "Is Dialectical Behaviour Therapy better than Talking Therapy?",
        "The Mental Health Centre and the Children's Hospital are both far.",
        "I go to General Practice appointments and Group Therapy.",
        # Roles with no name after them.
        "My therapist said I was doing well. My doctor is nice.",
        "my therapist is lovely, my counsellor I think is retiring",
        # Products, sites and acronyms.
        "I use Headspace and found it on Google. The NHS waiting list is long. CBT helped.",
        # Everything lower case: a name cannot be told from a word.
        "i saw sarah jones and my therapist anna at riverside counselling",
        # A given name that is also a word, at a sentence's start.
        "Grace Notes is a song I like.",
    ],
)
def test_it_leaves_ordinary_words_alone(text):
    assert find_names("", text) == []


def test_a_title_case_title_is_read_for_explicit_signs_only():
    assert (
        find_names("Should I Tell My Therapist About My Ex Partner Emma Stone", "")
        == [
            # "Emma Stone" is a name, but every word of the title has a capital: only a title
            # or a role before a name counts there.
        ]
    )
    assert find_names("Should I Tell My Therapist Dr Patel About It", "") == ["Dr Patel"]
    assert find_names("My therapist Dr Patel seemed bored", "") == ["Dr Patel"]


def test_each_name_comes_once_in_the_order_found_and_ignored_words_are_left_out():
    found = find_names(
        "Dr Patel seemed bored",
        "Dr Patel yawned. Riverside Counselling is where dr patel works. Dr Patel again.",
        ignore=["riverside counselling"],
    )
    assert found == ["Dr Patel"]


def test_the_evaluation_set_and_the_demo_questions_raise_no_prompt():
    """520 realistic posts and the 49 demo threads: none names anyone, and none is asked."""
    texts = [json.loads(line)["text"] for line in EVAL.read_text().splitlines() if line]
    texts += [path.read_text() for path in sorted(DEMO.glob("*.md"))]
    assert len(texts) > 500
    asked = [(text[:80], names) for text in texts if (names := find_names("", text))]
    assert asked == []


def test_odd_text_never_fails():
    for text in ["", " ", "\n\n", "Dr", "my therapist", "Dr.", "St", "x" * 100_000, "🙂 Dr 🙂"]:
        assert isinstance(find_names(text, text), list)
