import asyncio
import re
import threading
from datetime import timedelta
from email.message import Message
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from mindwell.core.env import env_email
from tests.conftest import SmtpInbox, free_port, make_member


@pytest.fixture
def rosie(db):
    return make_member("rosie")


class Postbox(SmtpInbox):
    """A real SMTP server on loopback (aiosmtpd) whose manners a test sets: addresses it
    refuses for good, a pause before it answers each recipient (a slow server), and the
    n-th message it holds without ever answering (`hold`), so that a sender waiting for
    its answer can be killed: that message is never accepted."""

    def __init__(self, port: int | None = None) -> None:
        super().__init__()
        self.port = port or free_port()
        self.refused: set[str] = set()  # 550: for good
        self.busy: set[str] = set()  # 450: try later
        self.pause = 0.0
        self.per_connection = 0  # messages it takes on one connection, then "421"
        self.hold = 0
        self.arrived = 0  # messages whose data came in, held or not
        self.holding = threading.Event()  # the held message came in
        self.released = threading.Event()
        self.controller: Controller | None = None

    def start(self) -> "Postbox":
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        self.released.set()
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.pause:
            await asyncio.sleep(self.pause)
        if address.lower() in self.refused:
            return "550 5.1.1 No such mailbox here"
        if address.lower() in self.busy:
            return "450 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        session.taken = getattr(session, "taken", 0) + 1
        if self.per_connection and session.taken > self.per_connection:
            return "421 4.7.0 Too many messages on one connection, come back"
        self.arrived += 1
        if self.arrived == self.hold:
            self.holding.set()
            while not self.released.is_set():  # the sender's death cancels this wait
                await asyncio.sleep(0.05)
            return "451 4.3.0 Not taken"
        return await super().handle_DATA(server, session, envelope)

    def received(self) -> list[str]:
        """The Message-ID of every message accepted, in order."""
        return [m["Message-ID"] for m in self.messages]


def use_smtp(settings, monkeypatch, port: int) -> None:
    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{port}")
    for key, value in env_email("EMAIL_URL", "console:").items():
        setattr(settings, key, value)


@pytest.fixture
def postbox(settings, monkeypatch):
    """Mail goes to a Postbox, started; the test may stop it and start it again."""
    box = Postbox().start()
    use_smtp(settings, monkeypatch, box.port)
    try:
        yield box
    finally:
        box.stop()


@pytest.fixture
def clock(monkeypatch):
    """Moves the site's clock (django.utils.timezone.now) forward, for back-off and expiry."""

    class Clock:
        offset = timedelta()
        real_now = staticmethod(timezone.now)

        def advance(self, **delta: float) -> None:
            self.offset += timedelta(**delta)

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: Clock.real_now() + clock.offset)
    return clock


# --- reading what arrived -------------------------------------------------------------------


def part(message: Message, content_type: str) -> str:
    for piece in message.walk():
        if piece.get_content_type() == content_type:
            payload = piece.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode()
    raise AssertionError(f"no {content_type} part")


def text_of(message: Message) -> str:
    return part(message, "text/plain")


def html_of(message: Message) -> str:
    return part(message, "text/html")


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"<>]+", text)


def path(url: str) -> str:
    return urlsplit(url).path


def header_link(message: Message) -> str:
    """The URL in the List-Unsubscribe header (a long one is folded: RFC 5322 unfolding)."""
    value = re.sub(r"\r?\n", "", message["List-Unsubscribe"]).strip()
    assert value.startswith("<") and value.endswith(">"), value
    return value[1:-1]
