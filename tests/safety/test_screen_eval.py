"""`manage.py screen_eval` measures screening on the labelled evaluation set, and the figures
on its held-out part are guarded here from now on."""

import json

import pytest
from django.core.management import call_command

from mindwell.safety.screening import evaluation as ev


@pytest.fixture(scope="module")
def parts():
    return ev.evaluate(ev.read())


def test_the_set_has_its_two_parts(parts):
    assert parts["tune"].total == 679
    assert parts["held_out"].total == 182
    assert parts["held_out"].long_crisis == 17


def test_the_held_out_targets_are_met(parts):
    assert all(target.met for target in ev.targets(parts["held_out"]))


def test_the_held_out_figures_do_not_fall(parts):
    """Today's held-out figures, as a floor: a change that lowers any of them fails."""
    held_out = parts["held_out"]
    assert held_out.recall("crisis") >= 47 / 49
    assert held_out.precision("crisis") >= 47 / 51
    assert held_out.long_crisis_as_none == 0
    assert held_out.recall("incitement") >= 17 / 21
    assert held_out.recall("method") >= 13 / 21
    assert held_out.precision("method") >= 0.92


def test_the_tuning_part_stays_right(parts):
    tune = parts["tune"]
    for outcome in ev.OUTCOMES:
        assert tune.precision(outcome) >= 0.98, outcome
        assert tune.recall(outcome) >= 0.98, outcome
    assert tune.long_crisis_as_none == 0


def test_the_command_prints_both_parts_and_the_targets(capsys):
    call_command("screen_eval")
    out = capsys.readouterr().out
    assert "tune: 679 texts" in out and "held_out: 182 texts" in out
    assert out.count("confusion (rows: label, columns: outcome)") == 2
    assert "long crisis as none: 0 of 17" in out
    for target in ("crisis recall", "crisis precision", "long crisis as none"):
        assert target in out.split("held-out targets")[1]


def test_errors_lists_tuning_texts_only(tmp_path, capsys):
    rows = [
        {"id": "a1", "split": "tune", "label": "crisis", "long": False, "text": "lovely day"},
        {"id": "b1", "split": "held_out", "label": "crisis", "long": False, "text": "sunny"},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    call_command("screen_eval", "--file", str(path), "--errors")
    out = capsys.readouterr().out
    assert "a1 (, short):" in out and "labelled crisis, screened none" in out
    assert "b1" not in out and "sunny" not in out
    with pytest.raises(ValueError, match="only the tuning part"):
        ev.render_errors(ev.Part("held_out"))


def test_check_exits_1_when_a_held_out_target_is_missed(tmp_path):
    def write(text):
        row = {"id": "h", "split": "held_out", "label": "crisis", "long": True, "text": text}
        path = tmp_path / "one.jsonl"
        path.write_text(json.dumps(row) + "\n")
        return str(path)

    call_command("screen_eval", "--file", write("I want to die. I mean it."), "--check")
    with pytest.raises(SystemExit) as exit:
        call_command("screen_eval", "--file", write("what a lovely walk"), "--check")
    assert exit.value.code == 1


def test_a_malformed_set_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "split": "tune"}\n')
    with pytest.raises(Exception, match=r"bad\.jsonl:1"):
        call_command("screen_eval", "--file", str(path))
