"""similar_eval measures the similar questions on duplicate pairs."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mindwell.moderation.actions.closing import close_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def pairs(committed, ask, maya, moderator):
    """Three originals, and two duplicates closed as such: one easy, one that only
    synonyms find."""
    originals = [
        committed(ask, maya, title=title, body=body)
        for title, body in [
            ("Is it normal to feel attached to my therapist?", "I think about her all week."),
            ("How do I find a therapist I can actually afford?", "Sessions cost too much."),
            ("Waking at 4am with a racing mind", "Every night the worries start early."),
        ]
    ]
    duplicates = [
        committed(ask, maya, title=title, body=body)
        for title, body in [
            ("Waking up at 4am, my mind racing", "I can't get back to sleep, every night."),
            ("Counselling is too expensive for me", "I can't pay that much money each week."),
        ]
    ]
    for duplicate, original in zip(duplicates, [originals[2], originals[1]], strict=True):
        committed(
            close_question, question=duplicate, by=moderator, reason="duplicate",
            duplicate_of=original,
        )  # fmt: skip
    return list(zip([d.pk for d in duplicates], [originals[2].pk, originals[1].pk], strict=True))


def run(*args):
    out = StringIO()
    call_command("similar_eval", *args, stdout=out)
    return out.getvalue()


def figures(output, method):
    line = next(line for line in output.splitlines() if line.startswith(method + " "))
    _method, count, at_1, at_5, mrr = line.split()
    return int(count), float(at_1), float(at_5), float(mrr)


def test_it_prints_recall_and_mrr_for_the_closed_duplicates(pairs):
    output = run("--closed-duplicates")
    assert "recall@1" in output and "recall@5" in output and "MRR" in output
    assert figures(output, "full") == (2, 1.0, 1.0, 1.0)
    # Titles alone miss the one only a synonym finds.
    count, _at_1, at_5, _mrr = figures(output, "title-bm25")
    assert count == 2 and at_5 == 0.5


def test_it_reads_a_pairs_file_and_says_how_many_it_skipped(pairs, tmp_path):
    path = tmp_path / "pairs.tsv"
    lines = [f"{d}\t{o}" for d, o in pairs] + ["999999\t1", "# a comment", ""]
    path.write_text("\n".join(lines) + "\n")
    output = run(str(path), "--method", "full")
    assert "Skipped 1 pair(s)" in output
    assert figures(output, "full")[0] == 2
    assert "title-bm25" not in output


def test_it_writes_the_pairs_and_splits_them_in_halves(pairs, tmp_path):
    written = tmp_path / "out.tsv"
    run("--closed-duplicates", "--write", str(written))
    assert written.read_text() == "".join(f"{d}\t{o}\n" for d, o in pairs)
    tuning = figures(run("--closed-duplicates", "--half", "tuning"), "full")[0]
    held_out = figures(run("--closed-duplicates", "--half", "held-out"), "full")[0]
    assert tuning + held_out == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Give a PAIRS.tsv file or --closed-duplicates"),
        (("missing.tsv",), "Cannot read missing.tsv"),
    ],
)
def test_bad_arguments_are_explained(pairs, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_malformed_line_is_named(pairs, tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("12 34\n")
    with pytest.raises(CommandError, match="line 1: expected"):
        run(str(path))
