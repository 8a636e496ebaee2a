"""Every change safety makes outside the posting checks. Reader controls: a member's muted
words and phrases and the tags whose questions they hide (what they mean for pages:
reader.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError
from mindwell.safety.models import ReaderRule
from mindwell.safety.reader import forget_cached
from mindwell.safety.topics import reader_controls_changed
from mindwell.tags.models import Tag

MAX_PHRASES = 50
PHRASE_MIN = 2
PHRASE_MAX = ReaderRule._meta.get_field("phrase").max_length or 40
MAX_HIDDEN_TAGS = 30


@dataclass(frozen=True)
class ReaderControls:
    phrases: list[str]
    tags: list[Tag]

    def __bool__(self) -> bool:
        return bool(self.phrases or self.tags)


def clean_phrases(raw: str | list[str]) -> list[str]:
    """Muted words and phrases, one a line as typed: trimmed, single spaces, lower case, in
    order, without repeats. Names the first one that is too short or too long."""
    lines = raw if isinstance(raw, list) else (raw or "").splitlines()
    phrases: list[str] = []
    for line in lines:
        phrase = " ".join(line.split()).lower()
        if not phrase or phrase in phrases:
            continue
        if len(phrase) > PHRASE_MAX:
            raise ActionError(
                f"“{phrase[:PHRASE_MAX]}…” is too long: a muted word or phrase has at most "
                f"{PHRASE_MAX} characters.",
                field="phrases",
            )
        if len(phrase) < PHRASE_MIN or not re.search(r"\w", phrase):
            raise ActionError(
                f"“{phrase}” is too short to mute: use a word of at least {PHRASE_MIN} "
                "letters or digits.",
                field="phrases",
            )
        phrases.append(phrase)
    if len(phrases) > MAX_PHRASES:
        raise ActionError(
            f"Mute at most {MAX_PHRASES} words or phrases; you gave {len(phrases)}.",
            field="phrases",
        )
    return phrases


def clean_hidden_tags(raw: str | list[str]) -> list[Tag]:
    """The tags named (separated by spaces or commas), which must exist."""
    words = raw if isinstance(raw, list) else re.split(r"[\s,]+", raw or "")
    names = list(dict.fromkeys(w.strip().lower().lstrip("#") for w in words if w.strip()))
    if len(names) > MAX_HIDDEN_TAGS:
        raise ActionError(
            f"Hide at most {MAX_HIDDEN_TAGS} tags; you gave {len(names)}.", field="tags"
        )
    found = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    unknown = [name for name in names if name not in found]
    if unknown:
        listed = ", ".join(f"“{name[:40]}”" for name in unknown[:5])
        raise ActionError(
            f"There is no tag {listed} here. Choose tags that exist: the tags page lists them."
            if len(unknown) == 1
            else f"There are no tags {listed} here. Choose tags that exist: the tags page "
            "lists them.",
            field="tags",
        )
    return [found[name] for name in names]


def current_controls(*, user: User) -> ReaderControls:
    """What the member mutes and hides now, in the order they gave."""
    rules = list(ReaderRule.objects.filter(user=user).select_related("tag").order_by("pk"))
    return ReaderControls(
        phrases=[rule.phrase for rule in rules if rule.tag is None],
        tags=[rule.tag for rule in rules if rule.tag is not None],
    )


def save_reader_controls(
    *, user: User, phrases: str | list[str], tags: str | list[str]
) -> ReaderControls:
    """Replace the member's muted phrases and hidden tags with these (none: no controls, and
    their pages are the shared member pages again)."""
    clean = ReaderControls(clean_phrases(phrases), clean_hidden_tags(tags))
    with transaction.atomic():
        # The member's row first: two saves at once are applied one after the other.
        User.objects.select_for_update().filter(pk=user.pk).values_list("pk").get()
        ReaderRule.objects.filter(user=user).delete()
        ReaderRule.objects.bulk_create(
            [ReaderRule(user=user, phrase=phrase) for phrase in clean.phrases]
            + [ReaderRule(user=user, tag=tag) for tag in clean.tags]
        )
        User.objects.filter(pk=user.pk).update(has_reader_controls=bool(clean))
        user.has_reader_controls = bool(clean)
        reader_controls_changed(user.pk)
    forget_cached(user)
    return clean
