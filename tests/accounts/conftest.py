"""Helpers for account tests: reading the links out of the emails we send."""

import re

from django.conf import settings
from django.core import mail

_LINK = re.compile(r"https?://\S+")


def only_email_to(address: str) -> mail.EmailMessage:
    """The one email sent so far, after checking it went to `address`."""
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [address]
    return message


def link_in(message: mail.EmailMessage) -> str:
    """The path of the one absolute site link in a plain-text email."""
    links = _LINK.findall(str(message.body))
    assert len(links) == 1, links
    assert links[0].startswith(settings.SITE_URL + "/"), links[0]
    return links[0].removeprefix(settings.SITE_URL)
