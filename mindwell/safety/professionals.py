"""Verified professionals answer in public: what they post with a way to reach them outside
the site is held for a moderator.

A check on qa's Submitted event (inside the posting action's transaction): when the writer
holds a current professional badge (accounts.policy.is_verified_professional) and the text
has a phone number, an email address, a booking link or an invitation to get in touch
privately (safety.contact), the item is held (qa.actions.hide_post / hide_comment, removal
"held") with a note telling the author why and how to fix it, and put in the safety review
queue at normal priority. An edit is held only for what it brings in, so an approved post
(a moderator may allow a helpline's number) stays approved through later edits. Members
without a badge are never checked: a phone number is not a reason to hold their posts.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

from mindwell.accounts.models import User
from mindwell.accounts.policy import is_verified_professional
from mindwell.core import events
from mindwell.moderation import audit
from mindwell.moderation.models import Queue
from mindwell.moderation.queue import PRIORITY_NORMAL, enqueue
from mindwell.qa import actions as qa_actions
from mindwell.qa.events import Submitted
from mindwell.qa.models import Comment, Post, Removal, Revision
from mindwell.safety.contact import Finding, find_contact_details

QUEUE_REASON = "Contact details from a professional"


def register() -> None:
    """Call once, from SafetyConfig.ready()."""
    events.check(Submitted, hold_contact_details)


def hold_contact_details(event: Submitted) -> None:
    """Hold a verified professional's new or edited text that gives a way to reach them."""
    # Who writes first (one query by key): the text of the many who are not professionals
    # is then never searched, whatever its length.
    writer = User.objects.filter(pk=event.author_id).first() if event.author_id else None
    if writer is None or not is_verified_professional(writer):
        return
    found = _findings(f"{event.title}\n{event.body}")
    if not found:
        return
    item = _item(event)
    if event.what == "edit":
        before = {finding.key for finding in _findings(_before_edit(item))}
        found = [finding for finding in found if finding.key not in before]
        if not found:
            return
    hold(item=item, writer=writer, findings=found)


def _findings(text: str) -> list[Finding]:
    return find_contact_details(text, own_host=urlsplit(settings.SITE_URL).hostname or "")


def _item(event: Submitted) -> Post | Comment:
    if event.comment_id is not None:
        return Comment.objects.select_related("author").get(pk=event.comment_id)
    return Post.objects.select_related("author").get(pk=event.post_id)


def _before_edit(item: Post | Comment) -> str:
    """The text of the revision before the edit being checked (the edit wrote the last)."""
    if not isinstance(item, Post):
        return ""
    before = Revision.objects.filter(post=item, number__lt=item.revision_count).order_by("-number")
    revision = before.only("title", "body").first()
    return f"{revision.title}\n{revision.body}" if revision is not None else ""


def note_for(findings: list[Finding]) -> str:
    """What the author reads on the held item: what was found, why, and how to fix it."""
    kinds = list(dict.fromkeys(finding.kind for finding in findings))
    what = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return (
        f"Held for a moderator: it contains {what}. Professionals answer here in public, so "
        "that no reader is drawn into a private arrangement. Edit it to remove them (a "
        "helpline's number can stay); a moderator will then review it."
    )


def hold(*, item: Post | Comment, writer: User, findings: list[Finding]) -> None:
    """Hold `item` for review with the author's note, in the safety queue and the audit log
    (by nobody: the check did it). Call inside the posting action's transaction."""
    note = note_for(findings)
    detail = "; ".join(sorted({f"{finding.kind}: {finding.text}" for finding in findings}))
    reason = f"{QUEUE_REASON} ({detail})"
    if isinstance(item, Comment):
        qa_actions.hide_comment(comment=item, by=None, removal=Removal.HELD, note=note)
        enqueue(queue=Queue.SAFETY, reason=QUEUE_REASON, comment=item, priority=PRIORITY_NORMAL)
        audit.record(actor=None, action="contact_hold", comment=item, member=writer,
                     reason=reason)  # fmt: skip
    else:
        qa_actions.hide_post(post=item, by=None, removal=Removal.HELD, note=note)
        enqueue(queue=Queue.SAFETY, reason=QUEUE_REASON, post=item, priority=PRIORITY_NORMAL)
        audit.record(actor=None, action="contact_hold", post=item, member=writer,
                     reason=reason)  # fmt: skip
