"""Reads the demo community from its content folder and checks every field.

The folder holds `members.toml` and `questions/*.md`, one question thread a file; its
README.md describes the format for writers. `read_content` touches no database: it returns
plain data for `load_demo` to write through the real actions, or raises `DemoContentError`
naming the file, the block and the field at fault.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypedDict

CONTENT_FOLDER = Path(__file__).resolve().parent / "content"
FENCE = "+++"
BLOCK_KINDS = ("question", "answer", "comment")


class DemoContentError(Exception):
    """A content file is malformed. The message names the file, the block and the field."""

    def __init__(self, path: Path, problem: str, *, place: str = "", field: str = "") -> None:
        self.path = path
        self.field = field
        where = [shown_path(path), place, f"field {field!r}" if field else ""]
        super().__init__(f"{', '.join(part for part in where if part)}: {problem}")


def shown_path(path: Path) -> str:
    """The path as a person finds it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True, kw_only=True)
class Licence:
    """A demo professional's licence, verified by the demo's moderator (an administrator)."""

    profession: str
    licence_number: str
    jurisdiction: str
    regulator: str
    verified_days_ago: float
    expires_in_days: int  # from the day the demo is loaded


@dataclass(frozen=True, kw_only=True)
class Member:
    username: str
    display_name: str
    about: str  # Markdown
    licence: Licence | None = None  # a verified professional's


@dataclass(frozen=True, kw_only=True)
class Writing:
    """What questions, answers and comments share: where it is written, who wrote it, and
    its Markdown."""

    path: Path
    line: int  # of the +++ that opens its front matter
    author: str | None  # a member's username; None for a guest
    guest_name: str  # the name a guest gave, or ""
    anonymous: bool  # a member who hid their name
    body: str

    @property
    def place(self) -> str:
        return f"the {type(self).__name__.lower()} at line {self.line}"


@dataclass(frozen=True, kw_only=True)
class Comment(Writing):
    hours_after_question: float


@dataclass(frozen=True, kw_only=True)
class Answer(Writing):
    hours_after_question: float
    up: tuple[str, ...]  # the usernames of the members who vote it up
    down: tuple[str, ...]
    accepted: bool
    comments: tuple[Comment, ...]


@dataclass(frozen=True, kw_only=True)
class Question(Writing):
    title: str
    category: str  # a category's slug
    tags: tuple[str, ...]
    days_ago: float
    views: int
    up: tuple[str, ...]
    down: tuple[str, ...]
    comments: tuple[Comment, ...]
    answers: tuple[Answer, ...]
    # The file name (without .md) of the question this one repeats: the demo's moderator
    # closes it as a duplicate of that one.
    duplicate_of: str = ""


@dataclass(frozen=True)
class DemoContent:
    members: tuple[Member, ...]
    questions: tuple[Question, ...]  # in the order of their file names


def read_content(folder: Path = CONTENT_FOLDER) -> DemoContent:
    members = _read_members(folder / "members.toml")
    usernames = {member.username for member in members}
    paths = sorted((folder / "questions").glob("*.md"))
    if not paths:
        raise DemoContentError(folder / "questions", "no question files (*.md) in this folder")
    questions = tuple(_read_question(path, usernames) for path in paths)
    _check_duplicates(questions)
    return DemoContent(members, questions)


def _check_duplicates(questions: tuple[Question, ...]) -> None:
    """A duplicate names another question's file, which is not a duplicate itself."""
    by_name = {question.path.stem: question for question in questions}
    for question in questions:
        if not question.duplicate_of:
            continue
        original = by_name.get(question.duplicate_of)
        where = {"place": question.place, "field": "duplicate_of"}
        if original is None:
            problem = f"no question file is named {question.duplicate_of}.md"
            raise DemoContentError(question.path, problem, **where)
        if original is question or original.duplicate_of:
            problem = "must name an original question: not itself, nor another duplicate"
            raise DemoContentError(question.path, problem, **where)


class _Fields:
    """One table of front matter, read field by field. Each reader takes its field out, so
    that `finish` can report a field left over: most likely a misspelt name."""

    def __init__(self, table: dict[str, Any], *, path: Path, place: str) -> None:
        self.table = dict(table)
        self.path = path
        self.place = place
        self.names: list[str] = []

    def error(self, field: str, problem: str) -> DemoContentError:
        return DemoContentError(self.path, problem, place=self.place, field=field)

    def _take(self, name: str, kinds: tuple[type, ...], wanted: str) -> Any:
        self.names.append(name)
        if name not in self.table:
            return None
        value = self.table.pop(name)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise self.error(name, f"must be {wanted}, not {value!r}")
        return value

    def text(self, name: str, *, default: str | None = None) -> str:
        """A string; without a default the field is required."""
        value = self.optional_text(name)
        if value is None:
            if default is None:
                raise self.error(name, "missing; it is required")
            return default
        return value

    def optional_text(self, name: str) -> str | None:
        value: str | None = self._take(name, (str,), 'text in quotes ("...")')
        return value

    def number(self, name: str) -> float:
        """A required number of zero or more, whole or with a decimal point."""
        value = self._take(name, (int, float), "a number such as 3 or 2.5")
        if value is None:
            raise self.error(name, "missing; it is required")
        if value < 0:
            raise self.error(name, f"must be zero or more, not {value!r}")
        return float(value)

    def whole_number(self, name: str) -> int:
        value = self.number(name)
        if not value.is_integer():
            raise self.error(name, f"must be a whole number, not {value!r}")
        return int(value)

    def flag(self, name: str) -> bool:
        """true or false; false when left out."""
        return bool(self._take(name, (bool,), "true or false"))

    def text_list(self, name: str) -> tuple[str, ...]:
        """A list of strings; empty when left out."""
        wanted = 'a list of texts in quotes (["...", "..."])'
        values = self._take(name, (list,), wanted) or []
        if not all(isinstance(value, str) for value in values):
            raise self.error(name, f"must be {wanted}, not {values!r}")
        return tuple(values)

    def tables(self, name: str) -> list[dict[str, Any]]:
        """An array of tables ([[name]] in TOML); empty when left out."""
        wanted = f"a list of [[{name}]] tables"
        values = self._take(name, (list,), wanted) or []
        if not all(isinstance(value, dict) for value in values):
            raise self.error(name, f"must be {wanted}")
        return list(values)

    def optional_table(self, name: str) -> dict[str, Any] | None:
        """A table ([parent.name] in TOML); None when left out."""
        value: dict[str, Any] | None = self._take(name, (dict,), f"a [{name}] table")
        return value

    def finish(self) -> None:
        if self.table:
            raise self.error(
                next(iter(self.table)),
                f"unknown field; the fields here are: {', '.join(sorted(self.names))}",
            )


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DemoContentError(path, "the file is missing") from None
    except UnicodeDecodeError as exc:
        raise DemoContentError(path, f"not UTF-8 text ({exc.reason})") from None


def _parse_toml(text: str, *, path: Path, first_line: int = 1, place: str = "") -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib counts lines from the start of `text`; say where they are in the file.
        message = re.sub(
            r"\bline (\d+)", lambda found: f"line {first_line - 1 + int(found[1])}", str(exc)
        )
        raise DemoContentError(path, f"not valid TOML: {message}", place=place) from None


def _read_members(path: Path) -> tuple[Member, ...]:
    fields = _Fields(_parse_toml(_read_text(path), path=path), path=path, place="")
    tables = fields.tables("member")
    fields.finish()
    members: list[Member] = []
    seen: set[str] = set()
    for number, table in enumerate(tables, 1):
        place = f"[[member]] number {number}"
        fields = _Fields(table, path=path, place=place)
        member = Member(
            username=fields.text("username"),
            display_name=fields.text("display_name", default=""),
            about=fields.text("about", default=""),
            licence=_read_licence(fields.optional_table("licence"), path, place),
        )
        fields.finish()
        if member.username in seen:
            raise fields.error("username", f"{member.username!r} is already a member above")
        seen.add(member.username)
        members.append(member)
    if not members:
        raise DemoContentError(path, "no [[member]] tables")
    return tuple(members)


def _read_licence(table: dict[str, Any] | None, path: Path, place: str) -> Licence | None:
    if table is None:
        return None
    fields = _Fields(table, path=path, place=f"{place}, its [member.licence]")
    licence = Licence(
        profession=fields.text("profession"),
        licence_number=fields.text("licence_number"),
        jurisdiction=fields.text("jurisdiction"),
        regulator=fields.text("regulator"),
        verified_days_ago=fields.number("verified_days_ago"),
        expires_in_days=fields.whole_number("expires_in_days"),
    )
    fields.finish()
    if licence.expires_in_days < 1:
        raise fields.error("expires_in_days", "must be 1 or more: an expired licence is not shown")
    return licence


@dataclass
class _Block:
    """One +++ fenced front matter and the Markdown under it."""

    kind: str
    line: int
    fields: _Fields
    body: str


def _is_fence(line: str) -> bool:
    return line.rstrip() == FENCE


def _split_blocks(path: Path) -> list[_Block]:
    lines = _read_text(path).splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines) or not _is_fence(lines[start]):
        raise DemoContentError(path, f"the file must begin with a {FENCE} line")
    blocks: list[_Block] = []
    while start < len(lines):
        place = f"the front matter at line {start + 1}"
        fences = (n for n in range(start + 1, len(lines)) if _is_fence(lines[n]))
        end = next(fences, None)
        if end is None:
            raise DemoContentError(path, f"no {FENCE} line closes it", place=place)
        following = next(fences, len(lines))
        front_matter = "\n".join(lines[start + 1 : end])
        table = _parse_toml(front_matter, path=path, first_line=start + 2, place=place)
        blocks.append(_block(path, start + 1, table, "\n".join(lines[end + 1 : following])))
        start = following
    return blocks


def _block(path: Path, line: int, table: dict[str, Any], body: str) -> _Block:
    kinds = ", ".join(f"[{kind}]" for kind in BLOCK_KINDS)
    place = f"the front matter at line {line}"
    if len(table) != 1 or not isinstance(fields := next(iter(table.values())), dict):
        raise DemoContentError(
            path, f"must begin with one of {kinds}, and hold only that", place=place
        )
    kind = next(iter(table))
    if kind not in BLOCK_KINDS:
        raise DemoContentError(path, f"[{kind}] is none of {kinds}", place=place)
    place = f"the {kind} at line {line}"
    if not body.strip():
        raise DemoContentError(path, f"no text under its {FENCE}", place=place)
    return _Block(kind, line, _Fields(fields, path=path, place=place), body.strip())


class _Writing(TypedDict):
    path: Path
    line: int
    author: str | None
    guest_name: str
    anonymous: bool
    body: str


def _writing(block: _Block, members: set[str]) -> _Writing:
    """The fields every block has: who wrote it, and its text."""
    fields = block.fields
    author = fields.optional_text("author")
    guest_name = fields.optional_text("guest_name")
    anonymous = fields.flag("anonymous")
    if (author is None) == (guest_name is None):
        raise fields.error(
            "author",
            "give either author (a member's username) or guest_name (for a guest; "
            '"" if they gave no name), ' + ("not both" if author is not None else "one of the two"),
        )
    if author is not None and author not in members:
        raise fields.error("author", f"{author!r} is not a member in members.toml")
    if anonymous and author is None:
        raise fields.error("anonymous", "only a member's post can be anonymous, not a guest's")
    return _Writing(
        path=fields.path,
        line=block.line,
        author=author,
        guest_name=guest_name or "",
        anonymous=anonymous,
        body=block.body,
    )


class _Votes(TypedDict):
    up: tuple[str, ...]
    down: tuple[str, ...]


def _votes(fields: _Fields, members: set[str]) -> _Votes:
    votes = _Votes(up=fields.text_list("up"), down=fields.text_list("down"))
    seen: set[str] = set()
    for field in ("up", "down"):
        for username in votes[field]:
            if username not in members:
                raise fields.error(field, f"{username!r} is not a member in members.toml")
            if username in seen:
                raise fields.error(field, f"{username!r} votes twice; a member votes once")
            seen.add(username)
    return votes


def _read_question(path: Path, members: set[str]) -> Question:
    first, *rest = _split_blocks(path)
    if first.kind != "question":
        raise DemoContentError(path, f"the first block must be [question], not [{first.kind}]")
    question = _question(first, members)
    question_comments: list[Comment] = []
    answers: list[Answer] = []
    answer_comments: list[list[Comment]] = []
    for block in rest:
        if block.kind == "question":
            raise DemoContentError(
                path, "a file holds one question; put this one in a file of its own",
                place=f"the question at line {block.line}",
            )  # fmt: skip
        if block.kind == "answer":
            answers.append(_answer(block, members))
            answer_comments.append([])
        else:
            # A comment belongs to the answer above it, or to the question before any answer.
            (answer_comments[-1] if answers else question_comments).append(_comment(block, members))
    question = replace(
        question,
        comments=tuple(question_comments),
        answers=tuple(
            replace(answer, comments=tuple(comments))
            for answer, comments in zip(answers, answer_comments, strict=True)
        ),
    )
    _check_accepted(question)
    return question


def _question(block: _Block, members: set[str]) -> Question:
    """The question, without its comments and answers: they follow it in the file."""
    fields = block.fields
    question = Question(
        **_writing(block, members),
        title=fields.text("title"),
        category=fields.text("category"),
        tags=fields.text_list("tags"),
        days_ago=fields.number("days_ago"),
        views=fields.whole_number("views"),
        **_votes(fields, members),
        comments=(),
        answers=(),
        duplicate_of=fields.text("duplicate_of", default=""),
    )
    fields.finish()
    return question


def _answer(block: _Block, members: set[str]) -> Answer:
    """The answer, without its comments: they follow it in the file."""
    fields = block.fields
    answer = Answer(
        **_writing(block, members),
        hours_after_question=fields.number("hours_after_question"),
        accepted=fields.flag("accepted"),
        **_votes(fields, members),
        comments=(),
    )
    fields.finish()
    return answer


def _comment(block: _Block, members: set[str]) -> Comment:
    comment = Comment(
        **_writing(block, members),
        hours_after_question=block.fields.number("hours_after_question"),
    )
    block.fields.finish()
    return comment


def _check_accepted(question: Question) -> None:
    """The asker accepts one answer at most, so a guest's question accepts none."""
    accepted = [answer for answer in question.answers if answer.accepted]
    if accepted and question.author is None:
        answer, problem = accepted[0], "a guest's question cannot have an accepted answer"
    elif len(accepted) > 1:
        answer = accepted[1]
        problem = f"{accepted[0].place} is accepted already; a question accepts one answer"
    else:
        return
    raise DemoContentError(question.path, problem, place=answer.place, field="accepted")
