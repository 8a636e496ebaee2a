"""Moderators change the spam and pre-moderation rules: the switches, the link limit and
the watched words. Each change is audited in its own transaction and applies to the next
post, in every process (rules.current is read by each posting action)."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, NotFound
from mindwell.moderation import audit, policy
from mindwell.moderation.models import RULES_ID, Rules, WatchedWord
from mindwell.moderation.rules import normalise_phrase
from mindwell.qa.policy import require

PHRASE_MAX = WatchedWord._meta.get_field("phrase").max_length or 100
LINK_LIMIT_MAX = 1000
LINK_POINTS_MAX = 1_000_000
SWITCHES = ("premoderate_guests", "premoderate_first_posts", "premoderate_watched_words")
NUMBERS = {"link_limit": LINK_LIMIT_MAX, "link_limit_points": LINK_POINTS_MAX}


def _locked_rules() -> Rules:
    """The rules row, locked for a change; made with the defaults the first time."""
    Rules.objects.get_or_create(pk=RULES_ID)
    return Rules.objects.select_for_update().get(pk=RULES_ID)


def _require_moderator(by: User) -> None:
    require(policy.can_edit_watched_words(by), message="Only moderators can change the rules.")


def change_rules(
    *,
    by: User,
    premoderate_guests: bool,
    premoderate_first_posts: bool,
    premoderate_watched_words: bool,
    link_limit: int,
    link_limit_points: int,
) -> Rules:
    """Set the pre-moderation switches and the link limit; the audit entry lists what
    changed, from what to what. Saving the same values again changes and records nothing."""
    _require_moderator(by)
    new: dict[str, Any] = {
        "premoderate_guests": bool(premoderate_guests),
        "premoderate_first_posts": bool(premoderate_first_posts),
        "premoderate_watched_words": bool(premoderate_watched_words),
        "link_limit": link_limit,
        "link_limit_points": link_limit_points,
    }
    for field, maximum in NUMBERS.items():
        if not 0 <= new[field] <= maximum:
            raise ActionError(f"Give a whole number from 0 to {maximum:,}.", field=field)
    with transaction.atomic():
        rules = _locked_rules()
        changes = {
            field: [getattr(rules, field), value]
            for field, value in new.items()
            if getattr(rules, field) != value
        }
        if not changes:
            return rules
        for field, value in new.items():
            setattr(rules, field, value)
        rules.updated_at = timezone.now()
        rules.save()
        audit.record(actor=by, action="change_rules", details=changes)
    return rules


def add_watched_word(*, by: User, phrase: str) -> WatchedWord:
    """Watch a word or phrase: posts containing it (whole words, any letter case) wait for
    approval while that switch is on."""
    _require_moderator(by)
    phrase = normalise_phrase(phrase)
    if not phrase:
        raise ActionError("Write the word or phrase to watch.", field="phrase")
    if len(phrase) > PHRASE_MAX:
        raise ActionError(f"A watched phrase has at most {PHRASE_MAX} characters.", field="phrase")
    with transaction.atomic():
        rules = _locked_rules()
        if WatchedWord.objects.filter(phrase=phrase).exists():
            raise ActionError(f"“{phrase}” is watched already.", field="phrase")
        word = WatchedWord.objects.create(phrase=phrase, created_by=by, created_at=timezone.now())
        _words_changed(rules)
        audit.record(actor=by, action="add_watched_word", details={"phrase": phrase})
    return word


def remove_watched_word(*, by: User, word_id: int) -> None:
    """Stop watching a word or phrase; posts already waiting stay waiting."""
    _require_moderator(by)
    with transaction.atomic():
        rules = _locked_rules()
        word = WatchedWord.objects.filter(pk=word_id).first()
        if word is None:
            raise NotFound("That word is not watched.")
        word.delete()
        _words_changed(rules)
        audit.record(actor=by, action="remove_watched_word", details={"phrase": word.phrase})


def _words_changed(rules: Rules) -> None:
    rules.words_version = uuid.uuid4().hex
    rules.updated_at = timezone.now()
    rules.save(update_fields=["words_version", "updated_at"])
