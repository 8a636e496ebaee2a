"""Sending email from actions: queued as a task once the action's transaction commits."""

from functools import partial

from django.db import transaction

from mindwell.core.tasks import send_email


def send_email_after_commit(*, to: str, subject: str, body: str) -> None:
    """Queue a plain-text email to go out when the current transaction commits.

    Call it inside the action's transaction: if the transaction rolls back, no email is
    sent, and the email never describes a change that did not happen. Outside a
    transaction it is queued at once. A failure to queue is logged, never raised, so
    that a committed change is not reported to the member as an error.
    """
    transaction.on_commit(
        partial(send_email.enqueue, to=to, subject=subject, body=body), robust=True
    )
