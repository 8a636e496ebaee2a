"""Personas and helpers shared by the whole suite.

The seed categories come from the migrations, so every test database has them.
"""

import socket
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message as MessageHandler
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from mindwell.accounts.actions import apply_as_professional, verify_credential
from mindwell.accounts.models import User
from mindwell.core.env import env_email
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.qa.view_counts import discard_pending_views
from mindwell.tags.models import Category

PASSWORD = "a long Test passphrase 42"


def make_member(username: str, **fields: Any) -> User:
    fields.setdefault("email", f"{username}@example.org")
    fields.setdefault("email_confirmed", True)
    return User.objects.create_user(username=username, password=PASSWORD, **fields)


REGISTRAR = "registrar"


def registrar() -> User:
    """The administrator who verifies the test professionals' licences."""
    found = User.objects.filter(username=REGISTRAR).first()
    return found or make_member(REGISTRAR, is_staff=True, is_superuser=True)


def verify_professional(
    member: User,
    *,
    profession: str = "Licensed clinical psychologist",
    jurisdiction: str = "Ontario",
    expires_on: date | None = None,
) -> User:
    """Make `member` a verified professional through the real actions: they apply, and the
    registrar verifies the licence, expiring in a year unless `expires_on` says otherwise."""
    credential = apply_as_professional(
        member=member,
        profession=profession,
        licence_number="CPO-4821",
        jurisdiction=jurisdiction,
        regulator="College of Psychologists of Ontario",
        expires_on=expires_on or timezone.localdate() + timedelta(days=365),
    )
    verify_credential(credential=credential, by=registrar(), expires_on=credential.expires_on)
    member.refresh_from_db()
    return member


@pytest.fixture
def category(db: None) -> Category:
    return Category.objects.get(slug="therapy-relationship")


@pytest.fixture
def maya(db: None) -> User:
    """A member who asks questions and owns content."""
    return make_member("maya", display_name="Maya")


@pytest.fixture
def dr_okafor(db: None) -> User:
    """A trusted member, a verified professional who answers."""
    return verify_professional(make_member("dr_okafor", display_name="Dr Okafor"))


@pytest.fixture
def newcomer(db: None) -> User:
    """A member who has just joined and has no display name."""
    return make_member("newcomer")


@pytest.fixture
def moderator(db: None) -> User:
    return make_member("mod_jo", display_name="Jo (moderator)", is_moderator=True)


@pytest.fixture
def ask(category: Category) -> Callable[..., Post]:
    """Ask a question through the action, with sensible defaults."""

    def _ask(author: User | None, **fields: Any) -> Post:
        fields.setdefault("title", "Is it normal to feel attached to my therapist?")
        fields.setdefault(
            "body", "I have been seeing my therapist for a year and think of her often."
        )
        fields.setdefault("category", category)
        fields.setdefault("tags", "transference attachment")
        return actions.ask_question(author=author, **fields)

    return _ask


@pytest.fixture
def answer() -> Callable[..., Post]:
    def _answer(question: Post, author: User | None, **fields: Any) -> Post:
        fields.setdefault("body", "Yes, it is common and worth bringing up in a session with them.")
        return actions.post_answer(question=question, author=author, **fields)

    return _answer


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run an action and what follows its commit: the handlers, and the tasks they queue
    (the test settings run tasks at once)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _no_views_carried_between_tests():
    yield
    discard_pending_views()


@pytest.fixture(autouse=True)
def _nothing_cached_between_tests():
    """Each test starts with an empty cache: keys name rows by id, and a test database
    (SQLite's rolled back) hands the same ids to the next test's rows."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _page_versions_of_this_process(tmp_path_factory):
    """Each test process keeps its own page versions: ids repeat across the workers' test
    databases, so another worker's change to a topic must not make this one's stale."""
    from django.conf import settings

    from mindwell.core.pagecache import reset_stores

    folder = tmp_path_factory.mktemp("page-versions")
    settings.MINDWELL_PAGE_VERSIONS_FILE = str(folder / "page-versions.bin")
    reset_stores()


class SmtpInbox(MessageHandler):
    """What a real SMTP server on loopback received."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[Message] = []

    def handle_message(self, message: Message) -> None:
        self.messages.append(message)

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Controller, SmtpInbox]]:
    inbox = SmtpInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_inbox(smtp_server, settings, monkeypatch) -> SmtpInbox:
    """Mail sent during the test goes through a real SMTP server into this inbox."""
    controller, inbox = smtp_server
    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{controller.port}")
    for key, value in env_email("EMAIL_URL", "console:").items():
        setattr(settings, key, value)
    return inbox
