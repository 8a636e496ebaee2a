"""The typed environment readers used by the settings module."""

import pytest

from mindwell.core.env import EnvError, env_bool, env_int, env_list, env_str

NAME = "MINDWELL_TEST_SETTING"


@pytest.fixture(autouse=True)
def unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NAME, raising=False)


@pytest.mark.parametrize("raw", ["1", "true", "True", "YES", "on", " on "])
def test_env_bool_reads_true(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv(NAME, raw)

    assert env_bool(NAME, False) is True


@pytest.mark.parametrize("raw", ["0", "false", "FALSE", "no", "off"])
def test_env_bool_reads_false(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv(NAME, raw)

    assert env_bool(NAME, True) is False


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_uses_the_default_when_unset_or_empty(
    monkeypatch: pytest.MonkeyPatch, default: bool
) -> None:
    assert env_bool(NAME, default) is default
    monkeypatch.setenv(NAME, "")
    assert env_bool(NAME, default) is default


@pytest.mark.parametrize("raw", ["maybe", "2", "tru", "enabled", "-1"])
def test_env_bool_names_the_variable_and_the_bad_value(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv(NAME, raw)

    with pytest.raises(EnvError) as caught:
        env_bool(NAME, False)

    assert str(caught.value) == (
        f"{NAME}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off"
    )


@pytest.mark.parametrize(("raw", "value"), [("42", 42), ("0", 0), ("-3", -3), (" 7 ", 7)])
def test_env_int_reads_whole_numbers(monkeypatch: pytest.MonkeyPatch, raw: str, value: int) -> None:
    monkeypatch.setenv(NAME, raw)

    assert env_int(NAME, 5) == value


def test_env_int_uses_the_default_when_unset_or_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    assert env_int(NAME, 60) == 60
    monkeypatch.setenv(NAME, "")
    assert env_int(NAME, 60) == 60


@pytest.mark.parametrize("raw", ["ten", "4.5", "1e3", "0x10", "20s"])
def test_env_int_names_the_variable_and_the_bad_value(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv(NAME, raw)

    with pytest.raises(EnvError) as caught:
        env_int(NAME, 5)

    assert str(caught.value) == f"{NAME}={raw!r} is not a whole number"
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_env_error_is_a_value_error() -> None:
    assert issubclass(EnvError, ValueError)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, " a.example , b.example,, ")

    assert env_list(NAME, ["default"]) == ["a.example", "b.example"]


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_env_list_uses_the_default_when_unset_or_blank(
    monkeypatch: pytest.MonkeyPatch, raw: str | None
) -> None:
    if raw is not None:
        monkeypatch.setenv(NAME, raw)

    assert env_list(NAME, ["x"]) == ["x"]


def test_env_str_reads_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "postgres://db.example/mindwell")

    assert env_str(NAME, "sqlite:///x") == "postgres://db.example/mindwell"


def test_env_str_treats_an_empty_value_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    assert env_str(NAME, "Mindwell") == "Mindwell"
    monkeypatch.setenv(NAME, "")
    assert env_str(NAME, "Mindwell") == "Mindwell"
