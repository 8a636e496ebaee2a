"""Confidentiality prompts: a question or answer that seems to name a therapist, a practice
or another real person is not posted until its writer has seen the names and chosen to take
them out or post as it is.

The check runs on qa's Submitted event, inside the posting action (apps.py registers it):
it raises core.errors.NeedsConfirmation, the action writes nothing, and the form comes
back with the names listed; "Post it as it is" sends the form again with the key of those
names confirmed. The key is made from the names, so a name added afterwards is asked about
again. Comments are not asked about: they are short replies, and a prompt in the middle of
a conversation costs more than it saves. Nothing asks when no person is there to answer
(the demo loader, commands: `confirmed` is None).
"""

from __future__ import annotations

import hashlib

from mindwell.core.errors import NeedsConfirmation
from mindwell.qa.events import Submitted
from mindwell.qa.models import Revision
from mindwell.safety.names import find_names
from mindwell.tags.models import Category, Tag

ASKED_ABOUT = frozenset({"question", "answer", "edit"})
KEY_PREFIX = "names-"

ASK = (
    "This may name a real person or place: {names}. Everything posted here is public, and "
    "a name can lead someone to them, or to you. You can take it out (“my therapist” or "
    "“a clinic near me” says as much), or post it as it is, for instance when it is a "
    "public figure or a book."
)


def confirmation_key(names: list[str]) -> str:
    """The key the writer confirms: the same names, in any order, give the same key."""
    text = "\n".join(sorted(" ".join(name.lower().split()) for name in names))
    return KEY_PREFIX + hashlib.sha256(text.encode()).hexdigest()[:16]


def _known_terms(names: list[str]) -> set[str]:
    """The site's own words among `names` (in lower case): categories and tags are no one."""
    wanted = {name.lower() for name in names}
    categories = {name.lower() for name in Category.objects.values_list("name", flat=True)}
    tags = Tag.objects.filter(name__in=[name.replace(" ", "-") for name in wanted])
    return wanted & (
        categories | {tag.replace("-", " ") for tag in tags.values_list("name", flat=True)}
    )


def _before_edit(event: Submitted) -> list[str]:
    """The names the post held before this edit (the edit wrote the last revision)."""
    before = (
        Revision.objects.filter(post_id=event.post_id)
        .order_by("-number")
        .only("title", "body")[1:2]
    )
    return [name for revision in before for name in find_names(revision.title, revision.body)]


def ask_about_names(event: Submitted) -> None:
    """Raise NeedsConfirmation when new text names someone and the writer has not yet said
    to post it as it is; an edit only for names it brings in."""
    if event.confirmed is None or event.what not in ASKED_ABOUT:
        return
    names = find_names(event.title, event.body)
    if names and event.what == "edit":
        earlier = {name.lower() for name in _before_edit(event)}
        names = [name for name in names if name.lower() not in earlier]
    if names:
        known = _known_terms(names)
        names = [name for name in names if name.lower() not in known]
    if not names:
        return
    key = confirmation_key(names)
    if key in event.confirmed:
        return
    raise NeedsConfirmation(
        ASK.format(names=", ".join(f"“{name}”" for name in names)),
        key=key,
        found=tuple(names),
        field="body",
    )
