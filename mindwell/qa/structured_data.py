"""What a question page tells search engines: schema.org's QAPage, as JSON-LD.

Writers are named exactly as the page shows them to everyone (the writer presenter's
`name`): "Anonymous" for an anonymous post, whoever may see more, and a guest's own name.
Votes are the net score the page shows, as search engines ask for a site with up and down
votes. Deleted posts are left out, even on a moderator's page.
"""

from __future__ import annotations

from typing import Any

from mindwell.qa.models import Post
from mindwell.qa.presenters import writer


def _author(post: Post, viewer: Any) -> dict[str, str]:
    return {"@type": "Person", "name": writer(post, viewer).name}


def _answer(answer: Post, viewer: Any, address: str) -> dict[str, Any]:
    return {
        "@type": "Answer",
        "text": answer.body,
        "upvoteCount": answer.score,
        "dateCreated": answer.created_at.isoformat(),
        "author": _author(answer, viewer),
        "url": f"{address}#a{answer.pk}",
    }


def qa_page(question: Post, answers: list[Post], *, viewer: Any, address: str) -> dict | None:
    """The QAPage of `question` with the `answers` shown on its page (authors loaded);
    `address` is the question's absolute URL. None for a deleted question."""
    if question.is_deleted:
        return None
    shown = [answer for answer in answers if not answer.is_deleted]
    entity: dict[str, Any] = {
        "@type": "Question",
        "name": question.title,
        "text": question.body,
        "answerCount": len(shown),
        "upvoteCount": question.score,
        "dateCreated": question.created_at.isoformat(),
        "author": _author(question, viewer),
        "url": address,
    }
    accepted = [answer for answer in shown if answer.is_accepted]
    if accepted:
        entity["acceptedAnswer"] = _answer(accepted[0], viewer, address)
    suggested = [_answer(answer, viewer, address) for answer in shown if not answer.is_accepted]
    if suggested:
        entity["suggestedAnswer"] = suggested
    return {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": entity}
