"""The rule files: reviewable data that loads once, says where a mistake is, and changes the
screening's version whenever it changes."""

import re
import shutil

import pytest

from mindwell.safety.screening import VERSION
from mindwell.safety.screening.engine import Engine
from mindwell.safety.screening.model import MODEL_FILE
from mindwell.safety.screening.model import load as load_model
from mindwell.safety.screening.rules import RULES_DIR, RuleError, load


def words(text):
    return text.split()


@pytest.fixture
def rules_copy(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    return copy


def test_the_version_is_the_loaded_rules_version():
    assert load().version == VERSION
    assert VERSION.startswith("r-")


def test_any_change_to_a_rule_file_changes_the_version(rules_copy):
    assert load(rules_copy).version == VERSION
    with (rules_copy / "crisis.txt").open("a") as rules:
        rules.write("\n# a reviewer's note\n")
    assert load(rules_copy).version != VERSION


def test_a_new_phrase_takes_effect(rules_copy):
    text = "the purple elephant protocol begins tonight"
    assert Engine(load(rules_copy)).judge(text).outcome == "none"
    with (rules_copy / "crisis.txt").open("a") as rules:
        rules.write("\n@group test phrase; weight=3; tense=present\npurple elephant protocol\n")
    verdict = Engine(load(rules_copy)).judge(text)
    assert verdict.outcome == "crisis"
    assert verdict.reasons == ("test phrase: 'purple elephant protocol' (present)",)


def test_phrases_bound_to_a_clause_start_or_end_match_there_only(rules_copy):
    with (rules_copy / "crisis.txt").open("a") as rules:
        rules.write(
            "\n@group test start; weight=3; tense=present\n^ (the )?purple elephant\n"
            "@group test end; weight=3; tense=present\nelephant (protocol|plan)?$\n"
        )
    engine = Engine(load(rules_copy))
    starts = ["the purple elephant came", "we left. purple elephant came"]
    ends = ["it was the elephant plan", "it was the elephant, then we left"]
    for text in starts:
        assert engine.judge(text).reasons[0].startswith("test start:"), text
    for text in ends:
        assert engine.judge(text).reasons[0].startswith("test end:"), text
    for text in ["we saw the purple elephant came", "the elephant plan failed"]:
        assert engine.judge(text).outcome == "none", text


@pytest.mark.parametrize("labels", [("first", "second"), ("second", "first")])
def test_phrases_of_equal_weight_on_the_same_words_go_to_the_first_group(rules_copy, labels):
    with (rules_copy / "crisis.txt").open("a") as rules:
        for label in labels:
            rules.write(f"\n@group {label} group; weight=3; tense=present\npurple elephant\n")
    verdict = Engine(load(rules_copy)).judge("the purple elephant protocol begins tonight")
    assert verdict.reasons == (f"{labels[0]} group: 'purple elephant' (present)",)


@pytest.mark.parametrize(
    "line, problem",
    [
        ("(unclosed group", "missing )"),
        ("{no_such_macro} die", "unknown macro"),
        ("[optional only]", "plain word"),
        ("ok but @ odd", "cannot read"),
    ],
)
def test_a_broken_phrase_is_reported_with_its_file_and_line(rules_copy, line, problem):
    with (rules_copy / "method.txt").open("a") as rules:
        rules.write(f"\n{line}\n")
    lines = (rules_copy / "method.txt").read_text().splitlines()
    with pytest.raises(RuleError, match=rf"method\.txt:{len(lines)}: .*{re.escape(problem)}"):
        load(rules_copy)


def test_a_phrase_before_any_group_is_refused(rules_copy):
    (rules_copy / "incitement.txt").write_text("kill yourself\n")
    with pytest.raises(RuleError, match=r"incitement\.txt:1: a phrase before the first @group"):
        load(rules_copy)


def test_the_model_file_is_small_and_loads():
    assert MODEL_FILE.stat().st_size < 100_000
    model = load_model()
    assert model is not None
    assert 1000 <= len(model.weights) <= 3000
    calm, _ = model.judge(words("we went to the beach with the dog and had chips"))
    dark, strongest = model.judge(words("i dont want to be here anymore i want to die"))
    assert calm < 0.5 < dark
    assert strongest
