"""The demo content files are read into plain data, and a malformed one is reported with
its file, its block and its field."""

from pathlib import Path

import pytest

from mindwell.demo.loader import CONTENT_FOLDER, DemoContentError, Licence, Member, read_content

QUESTION_FILE = Path("questions/01-hard-conversation.md")


def test_it_reads_members_and_a_thread_with_comments_in_their_places(
    content_folder: Path,
) -> None:
    content = read_content(content_folder)

    asker, helper = content.members
    assert asker == Member(username="asker", display_name="", about="", licence=None)
    assert helper == Member(
        username="helper",
        display_name="Dr Helper",
        about="I *help*.",
        licence=Licence(
            profession="Registered psychotherapist",
            licence_number="RP-1",
            jurisdiction="Ontario",
            regulator="College of Registered Psychotherapists of Ontario",
            verified_days_ago=10,
            expires_in_days=100,
        ),
    )
    (question,) = content.questions
    assert question.path == content_folder / QUESTION_FILE
    assert question.title == "How do I start a hard conversation?"
    assert question.body == "The question, in Markdown."
    assert (question.author, question.category) == ("asker", "family")
    assert question.tags == ("boundaries",)
    assert (question.days_ago, question.views) == (2.0, 10)
    assert (question.up, question.down) == (("helper",), ())
    (guest_comment,) = question.comments
    assert (guest_comment.author, guest_comment.guest_name) == (None, "Kim")
    assert guest_comment.hours_after_question == 1.0
    (answer,) = question.answers
    assert (answer.author, answer.hours_after_question) == ("helper", 2.5)
    assert answer.accepted
    assert answer.up == ("asker",)
    (anonymous_comment,) = answer.comments
    assert (anonymous_comment.author, anonymous_comment.anonymous) == ("asker", True)
    assert anonymous_comment.body == "An anonymous comment on the answer."
    assert anonymous_comment.place == "the comment at line 32"


def test_the_shipped_content_reads_cleanly() -> None:
    content = read_content(CONTENT_FOLDER)

    assert len(content.members) > 10
    assert len(content.questions) > 40


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "views = 10", 'views = "ten"',
            ["the question at line 1", "field 'views'", "must be a number"],
            id="wrong-type",
        ),
        pytest.param(
            'up = ["asker"]', 'upp = ["asker"]',
            ["the answer at line 22", "field 'upp'", "unknown field", "hours_after_question, up"],
            id="misspelt-field",
        ),
        pytest.param(
            'up = ["helper"]', 'up = ["nobody"]',
            ["field 'up'", "'nobody' is not a member in members.toml"],
            id="unknown-voter",
        ),
        pytest.param(
            'up = ["helper"]', 'up = ["helper"]\ndown = ["helper"]',
            ["field 'down'", "'helper' votes twice"],
            id="voting-twice",
        ),
        pytest.param(
            'title = "How do I start a hard conversation?"\n', "",
            ["the question at line 1", "field 'title'", "missing"],
            id="missing-field",
        ),
        pytest.param(
            "days_ago = 2", "days_ago 2",
            ["the front matter at line 1", "not valid TOML", "(at line 7, column 10)"],
            id="toml-syntax",
        ),
        pytest.param(
            "[answer]", "[reply]",
            ["the front matter at line 22: [reply] is none of [question], [answer], [comment]"],
            id="unknown-block",
        ),
        pytest.param(
            'guest_name = "Kim"', 'guest_name = "Kim"\nauthor = "helper"',
            ["the comment at line 14", "field 'author'", "not both"],
            id="author-and-guest",
        ),
        pytest.param(
            'author = "asker"\ncategory', 'guest_name = "Sam"\ncategory',
            ["the answer at line 22", "field 'accepted'", "a guest's question"],
            id="accepted-on-a-guests-question",
        ),
        pytest.param(
            "hours_after_question = 3\n+++", "hours_after_question = 3\n",
            ["the front matter at line 32: no +++ line closes it"],
            id="unclosed-front-matter",
        ),
        pytest.param(
            "The answer, in Markdown too.", "",
            ["the answer at line 22", "no text"],
            id="empty-body",
        ),
    ],
)  # fmt: skip
def test_a_malformed_question_file_is_named_with_the_block_and_field(
    content_folder: Path, old: str, new: str, expected: list[str]
) -> None:
    path = content_folder / QUESTION_FILE
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1))

    with pytest.raises(DemoContentError) as error:
        read_content(content_folder)

    message = str(error.value)
    assert message.startswith(f"{path}, "), message
    for fragment in expected:
        assert fragment in message, message


def test_a_second_accepted_answer_is_refused(content_folder: Path) -> None:
    path = content_folder / QUESTION_FILE
    second = '+++\n[answer]\nauthor = "helper"\nhours_after_question = 5\naccepted = true\n'
    path.write_text(f"{path.read_text()}\n{second}+++\n\nA second answer.\n")

    with pytest.raises(DemoContentError, match="the answer at line 22 is accepted already"):
        read_content(content_folder)


def test_a_malformed_members_file_is_named_with_the_member_and_field(
    content_folder: Path,
) -> None:
    members = content_folder / "members.toml"
    members.write_text(members.read_text().replace('about = "I *help*."', "about = 1"))

    with pytest.raises(DemoContentError) as error:
        read_content(content_folder)

    assert str(error.value) == (
        f"{members}, [[member]] number 2, field 'about': must be text in quotes (\"...\"), not 1"
    )


def test_a_malformed_licence_is_named_with_its_member_and_field(content_folder: Path) -> None:
    members = content_folder / "members.toml"
    members.write_text(members.read_text().replace("expires_in_days = 100", "expires_in_days = 0"))

    with pytest.raises(DemoContentError) as error:
        read_content(content_folder)

    assert str(error.value) == (
        f"{members}, [[member]] number 2, its [member.licence], field 'expires_in_days': "
        "must be 1 or more: an expired licence is not shown"
    )


def test_a_duplicate_member_is_refused(content_folder: Path) -> None:
    members = content_folder / "members.toml"
    members.write_text(members.read_text() + '\n[[member]]\nusername = "asker"\n')

    with pytest.raises(DemoContentError, match="'asker' is already a member above"):
        read_content(content_folder)


def test_a_missing_members_file_is_named(content_folder: Path) -> None:
    (content_folder / "members.toml").unlink()

    with pytest.raises(DemoContentError, match=r"members\.toml: the file is missing"):
        read_content(content_folder)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("99-nowhere", "no question file is named 99-nowhere.md"),
        ("01-hard-conversation", "not itself, nor another duplicate"),
    ],
)
def test_a_duplicate_must_name_another_original_question(
    content_folder: Path, original: str, expected: str
) -> None:
    path = content_folder / QUESTION_FILE
    path.write_text(
        path.read_text().replace("[question]\n", f'[question]\nduplicate_of = "{original}"\n', 1)
    )

    with pytest.raises(DemoContentError) as error:
        read_content(content_folder)

    assert "field 'duplicate_of'" in str(error.value)
    assert expected in str(error.value)
