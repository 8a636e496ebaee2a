"""Every change to questions, answers, comments and votes happens here.

Each action validates the rules of the domain, asks policy.py whether the person may act,
owns its transaction, keeps the denormalised counters and the points ledger exact, runs the
checks that may refuse or hold new text (events.Submitted), says which pages it changed
(topics.py), announces what happened to higher apps after commit (events.py), and returns
the changed object.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from mindwell.accounts.actions import clean_display_name
from mindwell.accounts.models import User
from mindwell.core.errors import ActionError, Forbidden, NotFound
from mindwell.core.events import announce, run_checks
from mindwell.core.markdown import render_markdown
from mindwell.qa import policy
from mindwell.qa.events import (
    AnswerAccepted,
    CommentAdded,
    CommentDeleted,
    CommentHidden,
    CommentPurged,
    CommentRestored,
    PostCreated,
    PostDeleted,
    PostEdited,
    PostHidden,
    PostPurged,
    PostRedacted,
    PostRestored,
    QuestionsRetagged,
    Submitted,
    VoteCast,
)
from mindwell.qa.models import (
    BODY_MAX,
    BODY_MIN,
    COMMENT_MAX,
    COMMENT_MIN,
    CONTENT_NOTE_MAX,
    EDIT_REASON_MAX,
    GUEST_NAME_MAX,
    REMOVAL_NOTE_MAX,
    TITLE_MAX,
    TITLE_MIN,
    Authored,
    Comment,
    Post,
    PostKind,
    Removal,
    Revision,
    Submission,
    Vote,
)
from mindwell.qa.policy import GuestLinkHolder
from mindwell.qa.ranking import hot_score
from mindwell.qa.topics import comment_changed, listed_posts_changed, post_changed
from mindwell.qa.view_counts import count_view
from mindwell.reputation.actions import points_for, set_points, vote_points
from mindwell.reputation.models import PointEvent, PointReason
from mindwell.tags.actions import (
    adjust_tag_counts,
    change_tag_counts,
    check_tag_name,
    parse_tag_names,
    tags_for_names,
)
from mindwell.tags.models import Category, Tag
from mindwell.tags.topics import tags_changed

if TYPE_CHECKING:
    from datetime import datetime, timedelta


def _clean_text(value: str, *, field: str, label: str, minimum: int, maximum: int) -> str:
    text = (value or "").strip()
    if len(text) < minimum:
        raise ActionError(
            f"{label} is too short: write at least {minimum} characters.", field=field
        )
    if len(text) > maximum:
        raise ActionError(
            f"{label} is too long: {len(text):,} characters, at most {maximum:,}.", field=field
        )
    return text


# The rules for each field of new text, also run by the forms (ActionForm.rules) so that a
# person sees every problem at once.


def clean_title(value: str) -> str:
    # Squeeze runs of spaces before measuring, so padding cannot stretch a short title.
    return _clean_text(
        " ".join((value or "").split()), field="title", label="The title", minimum=TITLE_MIN,
        maximum=TITLE_MAX,
    )  # fmt: skip


def clean_question_body(value: str) -> str:
    return _clean_text(
        value, field="body", label="The question", minimum=BODY_MIN, maximum=BODY_MAX
    )


def clean_answer_body(value: str) -> str:
    return _clean_text(value, field="body", label="The answer", minimum=BODY_MIN, maximum=BODY_MAX)


def clean_edited_body(value: str) -> str:
    return _clean_text(value, field="body", label="The text", minimum=BODY_MIN, maximum=BODY_MAX)


# What a content note may start with that the page says itself ("Content note: ...").
_NOTE_PREFIX = re.compile(
    r"^(?:content note|content warning|trigger warning|cn|cw|tw)\s*:\s*", re.I
)


def clean_content_note(value: str) -> str:
    """A question's optional content note: a few words on one line ("mentions self-harm")."""
    note = _NOTE_PREFIX.sub("", " ".join((value or "").split()))
    if len(note) > CONTENT_NOTE_MAX:
        raise ActionError(
            f"The content note is too long: {len(note):,} characters, at most "
            f"{CONTENT_NOTE_MAX}. A few words are enough, such as “mentions self-harm”.",
            field="content_note",
        )
    return note


def clean_comment_body(value: str) -> str:
    return _clean_text(
        value, field="body", label="The comment", minimum=COMMENT_MIN, maximum=COMMENT_MAX
    )


def clean_guest_name(value: str) -> str:
    return clean_display_name(value, field="guest_name", maximum=GUEST_NAME_MAX)


def clean_guest_email(value: str) -> str:
    email = (value or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ActionError(
                "Enter a valid email address, or leave it empty.", field="guest_email"
            ) from None
    return email


def clean_edit_reason(value: str) -> str:
    reason = (value or "").strip()
    if len(reason) > EDIT_REASON_MAX:
        raise ActionError(
            f"The edit summary is too long: at most {EDIT_REASON_MAX} characters.", field="reason"
        )
    return reason


def _clean_writer(
    *, author: User | None, anonymous: bool, guest_name: str, guest_email: str, notify: bool
) -> dict[str, Any]:
    """The authorship fields of a new post or comment. Members may hide their name; guests
    may give one, and a private email address, to which replies are sent if they `notify`
    (once they confirm it: the notifications app asks them)."""
    if not policy.can_post(author or AnonymousUser()):
        raise Forbidden(policy.why_not_post(author or AnonymousUser()))
    if author is not None:
        return {"author": author, "anonymous": anonymous, "guest_name": "", "guest_email": "",
                "notify": False}  # fmt: skip
    guest_email = clean_guest_email(guest_email)
    if notify and not guest_email:
        raise ActionError(
            "Give your email address to hear of replies, or untick the box.", field="guest_email"
        )
    return {"author": None, "anonymous": False, "guest_name": clean_guest_name(guest_name),
            "guest_email": guest_email, "notify": notify}  # fmt: skip


def _submission_key(
    submission: str | None, *, author: User | None, what: str, target: int | None, text: str
) -> str | None:
    """Who sent which form with what text. The text is part of it, so that a form sent again
    with other words (after going back, say) makes a new post and loses nothing."""
    if not submission:
        return None
    who = f"member {author.pk}" if author is not None else "guest"
    return hashlib.sha256(f"{who}\n{submission}\n{what}\n{target}\n{text}".encode()).hexdigest()


def _earlier_submission(key: str | None) -> Submission | None:
    """Claim `key` for the submission the caller is making, or, if it was made before, return
    what was recorded for it: the caller then returns that and writes nothing. Call first in
    the caller's transaction. On PostgreSQL a twin still in flight makes this wait until it
    commits (then it is found) or rolls back (then this one claims the key)."""
    if key is None:
        return None
    try:
        with transaction.atomic():
            Submission.objects.create(key=key, created_at=timezone.now())
    except IntegrityError:
        return Submission.objects.select_related("post", "comment").get(key=key)
    return None


def _record_submission(key: str | None, **made: Post | Comment) -> None:
    if key is not None:
        Submission.objects.filter(key=key).update(**made)


def _member(person: User | GuestLinkHolder) -> User | None:
    """The account behind an edit or deletion; None for a guest through their private link."""
    return None if isinstance(person, GuestLinkHolder) else person


def _kind(post: Post) -> Any:
    return "question" if post.is_question else "answer"


def _check(
    what: Any,
    post: Post,
    *,
    by: User | None,
    comment: Comment | None = None,
    confirmed: frozenset[str] | None = None,
) -> None:
    """Run the checks that may refuse, hold or ask about this text, inside the action's
    transaction; `confirmed` as for events.Submitted."""
    item: Post | Comment = comment or post
    run_checks(
        Submitted(
            what=what, post_id=post.pk, question_id=post.thread_id,
            comment_id=comment.pk if comment else None, author_id=by.pk if by else None,
            anonymous=item.anonymous, title=post.title if comment is None else "",
            body=item.body, confirmed=confirmed,
        )
    )  # fmt: skip
    # A check may have held the item (hide_post, hide_comment): the caller returns it as it is.
    item.refresh_from_db(fields=["deleted_at", "removal", "removal_note"])


def _refresh_hot_score(question: Post) -> None:
    question.refresh_from_db(fields=["view_count", "answer_count", "score"])
    question.hot_score = hot_score(
        created_at=question.created_at,
        views=question.view_count,
        answers=question.answer_count,
        score=question.score,
    )
    Post.objects.filter(pk=question.pk).update(hot_score=question.hot_score)


def _hold_points(post: Post, reason: PointReason, amount: int) -> None:
    """Make the author of `post` hold `amount` points for `reason` on it. Guests hold none,
    and neither do anonymous posts: a member's points show on their profile and beside their
    name, so any point an anonymous post earned or cost would tie it to its author (decision
    0010)."""
    if post.author_id is not None and not post.anonymous:
        set_points(user_id=post.author_id, reason=reason, post_id=post.pk, amount=amount)


def _visibly_own(question: Post, answer: Post) -> bool:
    """The asker chose an answer everyone can see is their own, which earns nothing. When
    either is anonymous it earns as anyone else's would: withholding the points would show
    that the two were written by the same member."""
    return (
        question.author_id is not None
        and question.author_id == answer.author_id
        and not question.anonymous
        and not answer.anonymous
    )


def _with_its_answers(post: Post) -> list[Post]:
    """A post, and a question's live answers: profiles list answers only under live questions."""
    if not post.is_question:
        return [post]
    answers = Post.objects.filter(question=post, deleted_at__isnull=True)
    return [post, *answers.only("author_id", "anonymous")]


def _lock(post_id: int) -> Post:
    return Post.objects.select_for_update().get(pk=post_id)


def _lock_members(*user_ids: int | None) -> None:
    """Lock the members whose point totals the caller will change, in id order, so that two
    actions that each change several totals never hold one another's member."""
    ids = sorted({user_id for user_id in user_ids if user_id is not None})
    if len(ids) > 1:
        locked = User.objects.select_for_update(no_key=True).filter(pk__in=ids).order_by("pk")
        list(locked.values_list("pk", flat=True))


def ask_question(
    *,
    author: User | None,
    title: str,
    body: str,
    category: Category,
    tags: str | list[str],
    content_note: str = "",
    anonymous: bool = False,
    guest_name: str = "",
    guest_email: str = "",
    notify: bool = False,
    keep_out_of_search: bool = False,
    submission: str | None = None,
    confirmed: frozenset[str] | None = None,
    now: datetime | None = None,
) -> Post:
    """Post a question. `submission` names the form it came from (core.submissions): sent
    again, it returns the question the first sending made. `content_note`, if any, is shown
    before its text, which pages fold under it. `keep_out_of_search`: its page asks search
    engines not to index it. `confirmed`: what the asker said "go ahead" to when a check
    asked (events.Submitted); None when no one can be asked."""
    title = clean_title(title)
    body = clean_question_body(body)
    content_note = clean_content_note(content_note)
    tag_names = parse_tag_names(tags)
    writer = _clean_writer(
        author=author, anonymous=anonymous, guest_name=guest_name, guest_email=guest_email,
        notify=notify,
    )  # fmt: skip
    key = _submission_key(
        submission, author=author, what="question", target=None, text=f"{title}\n{body}"
    )
    now = now or timezone.now()
    with transaction.atomic():
        if (earlier := _earlier_submission(key)) is not None:
            assert earlier.post is not None
            return earlier.post
        locked = Category.objects.select_for_update().filter(pk=category.pk).first()
        if locked is None:
            raise ActionError("Choose one of the listed categories.", field="category")
        category = locked
        question = Post.objects.create(
            kind=PostKind.QUESTION,
            **writer,
            title=title,
            slug=Post.slug_for(title),
            body=body,
            body_html=render_markdown(body),
            category=category,
            tag_names=" ".join(tag_names),
            content_note=content_note,
            created_at=now,
            last_activity_at=now,
            hot_score=hot_score(created_at=now, views=0, answers=0, score=0),
            keep_out_of_search=keep_out_of_search,
        )
        question.tags.set(tags_for_names(tag_names))
        adjust_tag_counts(tag_names, +1)
        Category.objects.filter(pk=category.pk).update(question_count=F("question_count") + 1)
        Revision.objects.create(
            post=question, number=1, title=title, body=body, tag_names=question.tag_names,
            content_note=content_note, editor=author, editor_anonymous=writer["anonymous"],
            created_at=now,
        )  # fmt: skip
        _hold_points(question, PointReason.ASKED, points_for("ask_question"))
        _check("question", question, by=author, confirmed=confirmed)
        _record_submission(key, post=question)
        post_changed(question_id=question.pk)
        listed_posts_changed(question)
        announce(PostCreated(question.pk, question.pk, "question", question.author_id))
    return question


def post_answer(
    *,
    question: Post,
    author: User | None,
    body: str,
    anonymous: bool = False,
    guest_name: str = "",
    guest_email: str = "",
    notify: bool = False,
    submission: str | None = None,
    confirmed: frozenset[str] | None = None,
    now: datetime | None = None,
) -> Post:
    """Answer a question; `submission` and `confirmed` as for ask_question."""
    body = clean_answer_body(body)
    writer = _clean_writer(
        author=author, anonymous=anonymous, guest_name=guest_name, guest_email=guest_email,
        notify=notify,
    )  # fmt: skip
    key = _submission_key(submission, author=author, what="answer", target=question.pk, text=body)
    now = now or timezone.now()
    with transaction.atomic():
        if (earlier := _earlier_submission(key)) is not None:
            assert earlier.post is not None
            return earlier.post
        question = _lock(question.pk)
        if question.is_deleted or question.kind != PostKind.QUESTION:
            raise NotFound("That question has been removed.")
        policy.require(
            policy.can_answer(author or AnonymousUser(), question),
            message=policy.why_not_answer(author or AnonymousUser(), question), hide=False,
        )  # fmt: skip
        answer = Post.objects.create(
            kind=PostKind.ANSWER,
            question=question,
            **writer,
            body=body,
            body_html=render_markdown(body),
            created_at=now,
            last_activity_at=now,
        )
        Revision.objects.create(
            post=answer, number=1, body=body, editor=author, editor_anonymous=writer["anonymous"],
            created_at=now,
        )  # fmt: skip
        Post.objects.filter(pk=question.pk).update(
            answer_count=F("answer_count") + 1, last_activity_at=now
        )
        _refresh_hot_score(question)
        _hold_points(answer, PointReason.ANSWERED, points_for("post_answer"))
        _check("answer", answer, by=author, confirmed=confirmed)
        _record_submission(key, post=answer)
        post_changed(question_id=question.pk)
        listed_posts_changed(answer)
        announce(PostCreated(answer.pk, question.pk, "answer", answer.author_id))
    return answer


def add_comment(
    *,
    post: Post,
    author: User | None,
    body: str,
    anonymous: bool = False,
    guest_name: str = "",
    guest_email: str = "",
    notify: bool = False,
    submission: str | None = None,
    now: datetime | None = None,
) -> Comment:
    """Comment on a question or answer; `submission` as for ask_question."""
    body = clean_comment_body(body)
    writer = _clean_writer(
        author=author, anonymous=anonymous, guest_name=guest_name, guest_email=guest_email,
        notify=notify,
    )  # fmt: skip
    key = _submission_key(submission, author=author, what="comment", target=post.pk, text=body)
    now = now or timezone.now()
    with transaction.atomic():
        if (earlier := _earlier_submission(key)) is not None:
            assert earlier.comment is not None
            return earlier.comment
        post = _lock(post.pk)
        if post.is_deleted:
            raise NotFound("That post has been removed.")
        if post.question_id is not None:
            post.question = _lock(post.question_id)
        policy.require(
            policy.can_comment(author or AnonymousUser(), post),
            message="This question is locked: it takes no new comments.", hide=False,
        )  # fmt: skip
        comment = Comment.objects.create(
            post=post,
            **writer,
            body=body,
            body_html=render_markdown(body),
            created_at=now,
        )
        Post.objects.filter(pk=post.pk).update(comment_count=F("comment_count") + 1)
        Post.objects.filter(pk=post.thread_id).update(last_activity_at=now)
        _check("comment", post, by=author, comment=comment)
        _record_submission(key, comment=comment)
        comment_changed(question_id=post.thread_id)
        announce(
            CommentAdded(
                comment.pk,
                post.pk,
                post.thread_id,
                author_id=author.pk if author else None,
            )
        )
    return comment


def edit_post(
    *,
    post: Post,
    editor: User | GuestLinkHolder,
    body: str,
    title: str | None = None,
    tags: str | list[str] | None = None,
    category: Category | None = None,
    content_note: str | None = None,
    keep_out_of_search: bool | None = None,
    reason: str = "",
    confirmed: frozenset[str] | None = None,
    now: datetime | None = None,
) -> Post:
    """Change a post's text and record the full new text as a revision; `editor` must be
    allowed to (policy.can_edit). A guest editing through their private link is recorded
    as no member, like the guest's original text (revision 1). The title, tags, category
    and content note are a question's; None leaves one as it is. `keep_out_of_search` (a
    question's; None leaves it) may change alone: that is no new revision. `confirmed` as
    for ask_question."""
    body = clean_edited_body(body)
    reason = clean_edit_reason(reason)
    if content_note is not None:
        content_note = clean_content_note(content_note)
    now = now or timezone.now()
    with transaction.atomic():
        post = _lock(post.pk)
        policy.require(
            policy.can_edit(editor, post), message=policy.why_not_edit(editor), hide=False
        )
        # A held post (waiting, hidden) stays editable by its author, out of every count.
        if post.is_deleted and not post.is_held:
            raise NotFound("That post has been removed.")
        counted = not post.is_deleted
        if not post.is_question:
            keep_out_of_search = None  # a question's choice: its answers follow its page
        old_tags = post.tag_list
        old_category_id = post.category_id
        before = (post.title, post.body, old_tags, old_category_id, post.content_note)
        new_tags = old_tags
        if post.is_question:
            if title is not None:
                post.title = clean_title(title)
                post.slug = Post.slug_for(post.title)
            if tags is not None:
                new_tags = parse_tag_names(tags)
            if category is not None:
                post.category = category
            if content_note is not None:
                post.content_note = content_note
        if (post.title, body, new_tags, post.category_id, post.content_note) == before:
            if keep_out_of_search is None or keep_out_of_search == post.keep_out_of_search:
                raise ActionError("Nothing was changed.", field="body")
            return _set_keep_out_of_search(post, keep_out_of_search)
        if keep_out_of_search is not None:
            post.keep_out_of_search = keep_out_of_search
        if counted and post.category_id != old_category_id:
            assert old_category_id is not None and post.category_id is not None
            # In id order, so two questions moved opposite ways at once never deadlock.
            for category_id, delta in sorted([(old_category_id, -1), (post.category_id, 1)]):
                Category.objects.filter(id=category_id).update(
                    question_count=F("question_count") + delta
                )
        post.body = body
        post.body_html = render_markdown(body)
        post.tag_names = " ".join(new_tags)
        post.revision_count = F("revision_count") + 1
        member = _member(editor)
        post.last_editor = member
        post.last_edited_at = now
        post.last_activity_at = now
        post.save()
        post.refresh_from_db(fields=["revision_count"])
        if new_tags != old_tags:
            post.tags.set(tags_for_names(new_tags))
            if counted:
                # One call, so the rows are changed in one order (see change_tag_counts).
                change_tag_counts(
                    {t: -1 for t in old_tags if t not in new_tags}
                    | {t: +1 for t in new_tags if t not in old_tags}
                )
        Revision.objects.create(
            post=post, number=post.revision_count, title=post.title, body=body,
            tag_names=post.tag_names, content_note=post.content_note, editor=member,
            editor_anonymous=post.anonymous and member is not None and post.author_id == member.pk,
            reason=reason, created_at=now,
        )  # fmt: skip
        if post.question_id:
            Post.objects.filter(pk=post.question_id).update(last_activity_at=now)
        _check("edit", post, by=member, confirmed=confirmed)
        post_changed(question_id=post.thread_id)
        announce(PostEdited(post.pk, post.thread_id, _kind(post), editor.pk, post.revision_count))
    return post


def _set_keep_out_of_search(post: Post, keep_out: bool) -> Post:
    """Only the asker's choice about search engines changed: the page's robots meta moves
    with it; the text and its history stay as they are."""
    post.keep_out_of_search = keep_out
    Post.objects.filter(pk=post.pk).update(keep_out_of_search=keep_out)
    post_changed(question_id=post.pk)
    return post


def rollback_post(*, post: Post, editor: User, number: int, now: datetime | None = None) -> Post:
    """Make revision `number`'s text the post's again, as a new revision that says so; the
    history keeps every revision. Validated as any edit (edit_post: `editor` must be allowed
    to edit). A question gets back that revision's title, content note and tags, leaving out
    tags an administrator has removed or renamed since; its category stays as it is."""
    with transaction.atomic():
        post = _lock(post.pk)
        revision = Revision.objects.filter(post=post, number=number).first()
        if revision is None:
            raise NotFound("That revision does not exist.")
        policy.require(
            policy.can_edit(editor, post), message=policy.why_not_edit(editor), hide=False
        )
        tags = None
        if post.is_question:
            names = revision.tag_names.split()
            kept = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
            tags = [name for name in names if name in kept]
            was = (revision.title, revision.body, tags, revision.content_note)
            if was == (post.title, post.body, post.tag_list, post.content_note):
                raise ActionError(f"The question already reads as revision {number}.")
        elif revision.body == post.body:
            raise ActionError(f"The answer already reads as revision {number}.")
        return edit_post(
            post=post, editor=editor, body=revision.body,
            title=revision.title if post.is_question else None, tags=tags,
            content_note=revision.content_note if post.is_question else None,
            reason=f"Rolled back to revision {number}", now=now,
        )  # fmt: skip


# What a redaction leaves in place of the passage; in a title, the short one when the long
# one would make it too long.
REDACTED = "[removed by a moderator]"
REDACTED_SHORT = "[removed]"
PASSAGE_MIN, PASSAGE_MAX = 2, 2000


def clean_passage(value: str) -> str:
    """The words to redact, with runs of spaces and line breaks made one space."""
    passage = " ".join((value or "").split())
    if len(passage) < PASSAGE_MIN:
        raise ActionError(
            f"Give the words to remove: at least {PASSAGE_MIN} characters.", field="passage"
        )
    if len(passage) > PASSAGE_MAX:
        raise ActionError(
            f"The passage is too long: at most {PASSAGE_MAX:,} characters.", field="passage"
        )
    return passage


@dataclass(frozen=True)
class Redaction:
    """What redact_post changed: the post, how many of its revisions held the passage, and
    whether its title did."""

    post: Post
    revisions: int
    in_title: bool


def _without(pattern: re.Pattern[str], text: str, *, maximum: int | None = None) -> str:
    redacted = pattern.sub(REDACTED, text)
    if maximum is not None and len(redacted) > maximum:
        redacted = pattern.sub(REDACTED_SHORT, text)[:maximum]
    return redacted


def redact_post(*, post: Post, by: User, passage: str) -> Redaction:
    """Replace `passage` (in any letter case, across line breaks) with REDACTED wherever it
    is in the post's text, title and content note and in every revision of it, edit
    summaries included.
    It is gone for good: no revision keeps it, so neither the history page nor a rollback
    brings it back. Not an edit (no revision is added, the post is not marked edited); a
    moderator of the post only (policy.can_redact). safety.redaction.redact calls it and
    writes the audit entry in the same transaction."""
    passage = clean_passage(passage)
    pattern = re.compile(r"\s+".join(map(re.escape, passage.split(" "))), re.IGNORECASE)
    with transaction.atomic():
        post = _lock(post.pk)
        policy.require(policy.can_redact(by, post))
        revisions = []
        texts = ["title", "body", "reason", "content_note"]
        for revision in post.revisions.all():
            before = [getattr(revision, name) for name in texts]
            revision.title = _without(pattern, revision.title, maximum=TITLE_MAX)
            revision.body = _without(pattern, revision.body)
            revision.reason = _without(pattern, revision.reason, maximum=EDIT_REASON_MAX)
            revision.content_note = _without(
                pattern, revision.content_note, maximum=CONTENT_NOTE_MAX
            )
            if [getattr(revision, name) for name in texts] != before:
                revisions.append(revision)
        Revision.objects.bulk_update(revisions, texts)
        title = _without(pattern, post.title, maximum=TITLE_MAX)
        body = _without(pattern, post.body)
        note = _without(pattern, post.content_note, maximum=CONTENT_NOTE_MAX)
        in_title = title != post.title
        unchanged = body == post.body and note == post.content_note
        if not revisions and not in_title and unchanged:
            raise ActionError(
                "That passage is not in this post or in any of its revisions: copy it from "
                "the text as it is written.",
                field="passage",
            )
        post.body, post.body_html = body, render_markdown(body)
        post.content_note = note
        if in_title:
            post.title, post.slug = title, Post.slug_for(title)
        post.save(update_fields=["body", "body_html", "title", "slug", "content_note"])
        post_changed(question_id=post.thread_id)
        announce(PostRedacted(post.pk, post.thread_id, _kind(post), by.pk))
    return Redaction(post=post, revisions=len(revisions), in_title=in_title)


def _set_removal(item: Post | Comment, removal: str, *, note: str, now: datetime) -> None:
    """Record why `item` is out of view (or, with "", that it is back), keeping its author's
    count of held items exact (accounts.User.posts_held: they see those, marked)."""
    was_held = item.is_held
    item.deleted_at = now if removal else None
    item.removal, item.removal_note = removal, note
    fields = ["deleted_at", "removal", "removal_note"]
    if isinstance(item, Comment) and removal != Removal.DELETED:
        item.deleted_by = None
        fields.append("deleted_by")
    item.save(update_fields=fields)
    if item.author_id is not None and item.is_held != was_held:
        User.objects.filter(pk=item.author_id).update(
            posts_held=F("posts_held") + (1 if item.is_held else -1)
        )


def _take_out_of_view(post: Post, question: Post | None) -> None:
    """Take a live post out of every count and give back the points it earned: deleting and
    hiding alike. Call with the question and the post locked, in that order."""
    if post.is_question:
        assert post.category_id is not None
        Category.objects.filter(pk=post.category_id).update(question_count=F("question_count") - 1)
        adjust_tag_counts(post.tag_list, -1)
        reasons = [PointReason.ASKED, PointReason.VOTES_RECEIVED, PointReason.SELECTED_ANSWER]
    else:
        assert question is not None
        if post.is_accepted:
            _lock_members(post.author_id, question.author_id)
            _clear_accepted(question=question, answer=post)
            post.is_accepted = False
        Post.objects.filter(pk=question.pk).update(answer_count=F("answer_count") - 1)
        _refresh_hot_score(question)
        reasons = [PointReason.ANSWERED, PointReason.VOTES_RECEIVED]
    for reason in reasons:
        _hold_points(post, reason, 0)


def _bring_into_view(post: Post, question: Post | None) -> None:
    """The reverse of _take_out_of_view: the counts and points the post had (an answer that
    was the best answer comes back as an ordinary one)."""
    earned = vote_points(
        is_question=post.is_question, upvotes=post.upvotes, downvotes=post.downvotes
    )
    if post.is_question:
        assert post.category_id is not None
        Category.objects.filter(pk=post.category_id).update(question_count=F("question_count") + 1)
        adjust_tag_counts(post.tag_list, +1)
        chosen = Post.objects.filter(question=post, is_accepted=True).first()
        lines = {
            PointReason.ASKED: points_for("ask_question"),
            PointReason.VOTES_RECEIVED: earned,
            PointReason.SELECTED_ANSWER: points_for("select_accepted_answer")
            if chosen and chosen.author_id is not None and not _visibly_own(post, chosen)
            else 0,
        }
    else:
        assert question is not None
        Post.objects.filter(pk=question.pk).update(answer_count=F("answer_count") + 1)
        _refresh_hot_score(question)
        lines = {
            PointReason.ANSWERED: points_for("post_answer"),
            PointReason.VOTES_RECEIVED: earned,
        }
    for reason, amount in lines.items():
        _hold_points(post, reason, amount)


def delete_post(*, post: Post, by: User | GuestLinkHolder, now: datetime | None = None) -> Post:
    """Remove a question or answer from view and take back the points it earned. A held
    post (hidden, waiting) that is deleted stays out of every count, now as deleted."""
    now = now or timezone.now()
    with transaction.atomic():
        # Lock the question before the answer, the order accept_answer takes them in, so
        # the two never wait on each other.
        question = _lock(post.question_id) if post.question_id else None
        post = _lock(post.pk)
        post.question = question
        policy.require(
            policy.can_delete(by, post), message=policy.why_not_delete(by, post), hide=False
        )
        if post.removal == Removal.DELETED:
            return post
        if not post.is_deleted:
            _take_out_of_view(post, question)
        _set_removal(post, Removal.DELETED, note="", now=now)
        post_changed(question_id=post.thread_id)
        listed_posts_changed(*_with_its_answers(post))
        announce(PostDeleted(post.pk, post.thread_id, _kind(post), by.pk))
    return post


def hide_post(
    *,
    post: Post,
    by: User | None,
    removal: str = Removal.HIDDEN,
    note: str = "",
    now: datetime | None = None,
) -> Post:
    """Take a post out of public view for review: hidden (by flags or a moderator), waiting
    (pre-moderation) or held (a check). Its author still sees it, marked with `note`; the
    counts and points go as on deleting, and come back with restore_post. Who may do this
    is decided by the caller (mindwell.moderation's actions and checks, which also write
    the audit log); `by` is None when no one person did (flags from several members, a
    check). A deleted post stays deleted; a held one takes the new removal and note."""
    assert removal in (Removal.HIDDEN, Removal.WAITING, Removal.HELD)
    now = now or timezone.now()
    with transaction.atomic():
        question = _lock(post.question_id) if post.question_id else None
        post = _lock(post.pk)
        if post.removal == Removal.DELETED or (post.removal, post.removal_note) == (removal, note):
            return post
        if not post.is_deleted:
            _take_out_of_view(post, question)
        _set_removal(post, removal, note=note[:REMOVAL_NOTE_MAX], now=now)
        post_changed(question_id=post.thread_id)
        listed_posts_changed(*_with_its_answers(post))
        announce(PostHidden(post.pk, post.thread_id, _kind(post), by.pk if by else None, removal))
    return post


def restore_post(*, post: Post, by: User) -> Post:
    """Bring back a deleted or held question or answer with the counts and points it had
    (an answer that was the best answer comes back as an ordinary one). Approving a post
    that waited for review is restoring it."""
    with transaction.atomic():
        question = _lock(post.question_id) if post.question_id else None
        post = _lock(post.pk)
        post.question = question
        policy.require(policy.can_restore(by, post), hide=False)
        if not post.is_deleted:
            return post
        if question is not None and question.is_deleted:
            raise ActionError("Restore the question first: this answer belongs to it.")
        _set_removal(post, "", note="", now=timezone.now())
        _bring_into_view(post, question)
        post_changed(question_id=post.thread_id)
        listed_posts_changed(*_with_its_answers(post))
        announce(PostRestored(post.pk, post.thread_id, _kind(post), by.pk))
    return post


def delete_comment(
    *, comment: Comment, by: User | GuestLinkHolder, now: datetime | None = None
) -> Comment:
    """Remove a comment from view, remembering which member did: they may undo it
    (restore_comment)."""
    now = now or timezone.now()
    with transaction.atomic():
        post = _lock(comment.post_id)  # posts before comments, as restore_comment
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        comment.post = post
        policy.require(
            policy.can_delete(by, comment), message="You cannot delete this comment.", hide=False
        )
        if comment.removal == Removal.DELETED:
            return comment
        if not comment.is_deleted:
            Post.objects.filter(pk=post.pk).update(comment_count=F("comment_count") - 1)
        _set_removal(comment, Removal.DELETED, note="", now=now)
        comment.deleted_by = by if isinstance(by, User) else None  # a guest has no account
        comment.save(update_fields=["deleted_by"])
        comment_changed(question_id=post.thread_id)
        announce(CommentDeleted(comment.pk, post.pk, post.thread_id, by.pk))
    return comment


def hide_comment(
    *,
    comment: Comment,
    by: User | None,
    removal: str = Removal.HIDDEN,
    note: str = "",
    now: datetime | None = None,
) -> Comment:
    """Take a comment out of public view for review, as hide_post does for posts (the
    caller decides who may)."""
    assert removal in (Removal.HIDDEN, Removal.WAITING, Removal.HELD)
    now = now or timezone.now()
    with transaction.atomic():
        post = _lock(comment.post_id)
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.removal == Removal.DELETED or (comment.removal, comment.removal_note) == (
            removal, note,
        ):  # fmt: skip
            return comment
        if not comment.is_deleted:
            Post.objects.filter(pk=post.pk).update(comment_count=F("comment_count") - 1)
        _set_removal(comment, removal, note=note[:REMOVAL_NOTE_MAX], now=now)
        comment_changed(question_id=post.thread_id)
        announce(CommentHidden(comment.pk, post.pk, post.thread_id, by.pk if by else None, removal))
    return comment


def restore_comment(*, comment: Comment, by: User) -> Comment:
    """Bring back a deleted or held comment: its author's undo, or a moderator's restore
    (approving a comment that waited for review)."""
    with transaction.atomic():
        post = _lock(comment.post_id)
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        comment.post = post
        policy.require(
            policy.can_restore(by, comment), message="You cannot restore this comment.",
            hide=False,
        )  # fmt: skip
        if not comment.is_deleted:
            return comment
        if post.is_deleted:
            raise ActionError("Restore the post first: this comment belongs to it.")
        _set_removal(comment, "", note="", now=timezone.now())
        Post.objects.filter(pk=post.pk).update(comment_count=F("comment_count") + 1)
        comment_changed(question_id=post.thread_id)
        announce(CommentRestored(comment.pk, post.pk, post.thread_id, by.pk))
    return comment


# Purging: removal for good, by an administrator. Everything else here is soft.


@dataclass(frozen=True)
class PurgeScope:
    """What a purge removes for good, as the page that asks to confirm it counts it."""

    questions: int = 0
    answers: int = 0
    comments: int = 0
    revisions: int = 0

    def describe(self) -> str:
        """Say it as "1 question, 4 answers, 9 comments, 12 revisions", leaving out noughts."""
        counted = (
            (self.questions, "question"), (self.answers, "answer"), (self.comments, "comment"),
            (self.revisions, "revision"),
        )  # fmt: skip
        return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counted if n)


def _purged_post_ids(post: Post) -> list[int]:
    """The post, and a question's answers (live or not): they go with it."""
    if not post.is_question:
        return [post.pk]
    answers = Post.objects.filter(question_id=post.pk).order_by("pk")
    return [post.pk, *answers.values_list("pk", flat=True)]


def purge_scope(*, post: Post | None = None, comment: Comment | None = None) -> PurgeScope:
    """What purge_post or purge_comment would remove now."""
    if comment is not None:
        return PurgeScope(comments=1)
    assert post is not None
    ids = _purged_post_ids(post)
    return PurgeScope(
        questions=1 if post.is_question else 0,
        answers=len(ids) - 1 if post.is_question else 1,
        comments=Comment.objects.filter(post_id__in=ids).count(),
        revisions=Revision.objects.filter(post_id__in=ids).count(),
    )


def _forget_points(post_ids: list[int]) -> None:
    """Zero every ledger line earned on these posts, moving their members' totals with them
    (a purged question's live answers still held theirs)."""
    lines = list(
        PointEvent.objects.filter(post_id__in=post_ids)
        .order_by("user_id", "pk")
        .values_list("user_id", "reason", "post_id")
    )
    _lock_members(*(user_id for user_id, _, _ in lines))
    for user_id, reason, post_id in lines:
        set_points(user_id=user_id, reason=PointReason(reason), post_id=post_id, amount=0)


def _forget_held(*items: Iterable[Authored]) -> None:
    """Keep authors' counts of held items exact for held items about to be removed."""
    held: Counter[int] = Counter()
    for group in items:
        held.update(item.author_id for item in group if item.is_held and item.author_id is not None)
    for author_id in sorted(held):
        User.objects.filter(pk=author_id).update(posts_held=F("posts_held") - held[author_id])


def purge_post(*, post: Post, by: User) -> PurgeScope:
    """Remove a question with its answers and every comment on them, or an answer with its
    comments, for good: their revisions, votes, private links, submissions and the records
    other apps keep of them go too (they cascade). A live post first leaves view as on
    deleting, so every count and total stays exact; then the points earned on what goes
    are taken back. It cannot be undone. Who may is decided by the caller (administrators:
    mindwell.moderation's purge, which also writes the audit log). Returns what went."""
    with transaction.atomic():
        question = _lock(post.question_id) if post.question_id else None
        found = Post.objects.select_for_update().filter(pk=post.pk).first()
        if found is None:
            raise NotFound("That post has already been removed for good.")
        post = found
        post.question = question
        if not post.is_deleted:
            _take_out_of_view(post, question)
        ids = _purged_post_ids(post)
        going = list(Post.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        comments = list(
            Comment.objects.filter(post_id__in=ids).only("author_id", "deleted_at", "removal")
        )
        scope = purge_scope(post=post)
        _forget_points(ids)
        _forget_held(going, comments)
        duplicates = list(
            Post.objects.filter(duplicate_of_id__in=ids)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        Post.objects.filter(pk__in=ids).delete()
        post_changed(question_id=post.thread_id)
        for duplicate_id in duplicates:  # their notice named the purged question
            post_changed(question_id=duplicate_id)
        listed_posts_changed(*going)
        announce(PostPurged(post.pk, post.thread_id, _kind(post), by.pk, tuple(ids)))
    return scope


def purge_comment(*, comment: Comment, by: User) -> PurgeScope:
    """Remove a comment for good (the caller decides who may, as for purge_post)."""
    with transaction.atomic():
        post = _lock(comment.post_id)
        found = Comment.objects.select_for_update().filter(pk=comment.pk).first()
        if found is None:
            raise NotFound("That comment has already been removed for good.")
        if not found.is_deleted:
            Post.objects.filter(pk=post.pk).update(comment_count=F("comment_count") - 1)
        _forget_held([found])
        comment_id = found.pk
        found.delete()
        comment_changed(question_id=post.thread_id)
        announce(CommentPurged(comment_id, post.pk, post.thread_id, by.pk))
    return PurgeScope(comments=1)


def cast_vote(*, user: User, post: Post, value: int) -> Post:
    """Set `user`'s vote on `post` to +1, -1, or 0 (no vote). Returns the post with its new
    counters. Concurrent votes stay exact: the post row is locked for the whole change."""
    if value not in (Vote.UP, Vote.DOWN, 0):
        raise ActionError("A vote is up, down or none.", field="value")
    with transaction.atomic():
        post = _lock(post.pk)
        if post.question_id is not None:
            post.question = Post.objects.get(pk=post.question_id)
        if not policy.can_vote(user, post):
            raise Forbidden(policy.why_not_vote(user, post))
        if post.is_deleted or (
            post.question_id is not None
            and Post.objects.filter(pk=post.question_id, deleted_at__isnull=False).exists()
        ):
            raise NotFound("That post has been removed.")
        current = Vote.objects.filter(user=user, post=post).first()
        old_value = current.value if current else 0
        if old_value == value:
            return post
        if current is not None and value == 0:
            current.delete()
        elif current is not None:
            current.value = value
            current.save(update_fields=["value"])
        else:
            try:
                with transaction.atomic():
                    Vote.objects.create(user=user, post=post, value=value)
            except IntegrityError:
                raise ActionError("Your vote was already counted.", status=409) from None
        up_delta = (value == Vote.UP) - (old_value == Vote.UP)
        down_delta = (value == Vote.DOWN) - (old_value == Vote.DOWN)
        Post.objects.filter(pk=post.pk).update(
            upvotes=F("upvotes") + up_delta,
            downvotes=F("downvotes") + down_delta,
            score=F("score") + up_delta - down_delta,
        )
        post.refresh_from_db(fields=["upvotes", "downvotes", "score"])
        if post.is_question:
            _refresh_hot_score(post)
        _hold_points(
            post,
            PointReason.VOTES_RECEIVED,
            vote_points(
                is_question=post.is_question, upvotes=post.upvotes, downvotes=post.downvotes
            ),
        )
        post_changed(question_id=post.thread_id)
        announce(VoteCast(post.pk, post.thread_id, user.pk, value, old_value))
    return post


def _clear_accepted(*, question: Post, answer: Post) -> None:
    Post.objects.filter(pk=answer.pk).update(is_accepted=False)
    Post.objects.filter(pk=question.pk).update(has_accepted_answer=False)
    _hold_points(answer, PointReason.ANSWER_ACCEPTED, 0)
    _hold_points(question, PointReason.SELECTED_ANSWER, 0)


def accept_answer(*, question: Post, answer: Post | None, by: User) -> Post:
    """Make `answer` the question's best answer, replacing any earlier choice; None clears it.
    `by` must be allowed to choose (policy.can_accept)."""
    with transaction.atomic():
        question = _lock(question.pk)
        policy.require(
            policy.can_accept(by, question), message="Only the asker can choose the best answer.",
            hide=False,
        )  # fmt: skip
        if question.is_deleted:
            raise NotFound("That question has been removed.")
        if answer is not None:
            answer = _lock(answer.pk)
            if answer.question_id != question.pk or answer.is_deleted:
                raise NotFound("That answer does not belong to this question.")
            if answer.is_accepted:
                return answer
        previous = Post.objects.filter(question=question, is_accepted=True).first()
        _lock_members(
            question.author_id,
            previous.author_id if previous else None,
            answer.author_id if answer else None,
        )
        post_changed(question_id=question.pk)
        announce(
            AnswerAccepted(question.pk, answer.pk if answer else None,
                           previous.pk if previous else None, by.pk)
        )  # fmt: skip
        if previous is not None:
            _clear_accepted(question=question, answer=previous)
        if answer is None:
            return question
        Post.objects.filter(pk=answer.pk).update(is_accepted=True)
        Post.objects.filter(pk=question.pk).update(has_accepted_answer=True)
        # Choosing your own answer earns nothing, as on Question2Answer.
        if answer.author_id is not None and not _visibly_own(question, answer):
            _hold_points(answer, PointReason.ANSWER_ACCEPTED, points_for("answer_accepted"))
            _hold_points(
                question, PointReason.SELECTED_ANSWER, points_for("select_accepted_answer")
            )
        answer.is_accepted = True
    return answer


# How long a form's sending is recognised (housekeeping forgets older ones).
SUBMISSION_DAYS = 7


def forget_submissions(*, older_than: timedelta, now: datetime | None = None) -> int:
    """Forget which form made the posts and comments older than `older_than`; a retry comes
    within minutes, so days later the records only take room. Returns how many went."""
    cutoff = (now or timezone.now()) - older_than
    deleted, _ = Submission.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def record_view(*, question: Post) -> None:
    """Count one view; it reaches the database with the next batch (see view_counts)."""
    count_view(question.pk)


# Tags, as site administrators change them: posts keep their copy of the names in step.


def _retag_questions(tag: Tag, replace: Callable[[list[str]], list[str]]) -> None:
    retagged = []
    for question in Post.objects.select_for_update().filter(tags=tag).order_by("pk"):
        names = replace(question.tag_list)
        Post.objects.filter(pk=question.pk).update(tag_names=" ".join(names))
        retagged.append(question.pk)
    if retagged:
        announce(QuestionsRetagged(tuple(retagged)))


def update_tag(*, tag: Tag, name: str, description: str) -> Tag:
    """Rename or describe a tag; every question tagged with it shows the new name."""
    name = check_tag_name((name or "").strip().lower(), field="name")
    description = (description or "").strip()
    if len(description) > Tag._meta.get_field("description").max_length:  # type: ignore[operator]
        raise ActionError("The description is too long.", field="description")
    with transaction.atomic():
        tag = Tag.objects.select_for_update().get(pk=tag.pk)
        old = tag.name
        if name != old and Tag.objects.filter(name=name).exists():
            raise ActionError(f"There is already a tag “{name}”.", field="name")
        tag.name, tag.description = name, description
        tag.save(update_fields=["name", "description"])
        if name != old:
            _retag_questions(tag, lambda names: [name if n == old else n for n in names])
        tags_changed()
    return tag


def delete_tag(*, tag: Tag) -> None:
    """Remove a tag from every question that has it, then the tag itself."""
    with transaction.atomic():
        tag = Tag.objects.select_for_update().get(pk=tag.pk)
        _retag_questions(tag, lambda names: [n for n in names if n != tag.name])
        tag.delete()
        tags_changed()
