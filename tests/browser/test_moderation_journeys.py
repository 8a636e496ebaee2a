"""Moderation journeys in a real browser, each as its people live it: flags hide an answer
and a moderator restores it from the queue, a spam wave removed in one step, and a
suspension seen by the suspended member. Every page a visitor reaches on the
way passes axe in the light and the dark theme, and nothing the Content-Security-Policy
blocks (the visitor fixture fails the test on any violation)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from mindwell.moderation.models import Flag, FlagReason, Queue
from mindwell.moderation.queue import enqueue
from mindwell.qa import actions
from mindwell.qa.models import Post
from mindwell.tags.models import Category
from tests.browser.support import axe_in_both_themes
from tests.conftest import make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SPAM = "Cheap followers and likes for your profile: visit my shop today for a discount"


class Axe:
    """Runs axe on each page the first time a journey reaches it; `assert_clean` at the end
    lists every serious or critical problem found."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.seen: set[str] = set()

    def check(self, page: Page, name: str) -> None:
        if name in self.seen:
            return
        self.seen.add(name)
        assert page.locator("h1").count() == 1, name
        self.failures.extend(axe_in_both_themes(page, name))

    def assert_clean(self) -> None:
        assert not self.failures, "\n\n".join(self.failures)


def _question(author: object, title: str) -> Post:
    return actions.ask_question(
        author=author,  # type: ignore[arg-type]
        title=title,
        body="I have been seeing my therapist for a year and think of her often.",
        category=Category.objects.get(slug="therapy-relationship"),
        tags="transference",
    )


def test_a_spam_wave_is_removed_in_one_step_and_guests_no_longer_see_it(
    visitor: Callable[..., Page],
) -> None:
    maya = make_member("maya", display_name="Maya")
    okafor = make_member("dr_okafor", display_name="Dr Okafor")
    spammer = make_member("spam_bot_7")
    flagger = make_member("flagger_ana")
    moderator = make_member("mod_jo", display_name="Jo (moderator)", is_moderator=True)
    question = _question(maya, "Is it normal to feel attached to my therapist?")
    actions.post_answer(
        question=question, author=okafor, body="Yes, it is common; bring it up in a session."
    )
    axe = Axe()

    # The spammer posts three answers through the page's form, one after another.
    bot = visitor(spammer)
    for n in range(3):
        bot.goto(question.get_absolute_url())
        axe.check(bot, "question-spammer")
        bot.get_by_role("textbox", name="Your answer").fill(f"{SPAM}, offer number {n + 1}.")
        bot.get_by_role("button", name="Post your answer").click()
        expect(bot.get_by_text(f"offer number {n + 1}.")).to_be_visible()
    spam = list(Post.objects.filter(author=spammer).order_by("pk"))
    assert len(spam) == 3

    guest = visitor()
    guest.goto(question.get_absolute_url())
    expect(guest.get_by_text(SPAM)).to_have_count(3)

    # One of them is flagged; the moderator goes from the queue to the author.
    Flag.objects.create(
        flagger=flagger, post=spam[0], reason=FlagReason.SPAM, note="An advert",
        created_at=timezone.now(),
    )  # fmt: skip
    enqueue(queue=Queue.FLAGS, reason="Flagged as spam", post=spam[0])
    mod = visitor(moderator)
    mod.goto("/")
    mod.get_by_role("link", name="Review (1)").click()
    axe.check(mod, "queues")
    mod.get_by_role("link", name="Flagged posts").click()
    axe.check(mod, "queue")
    mod.get_by_role("link", name="Review item").first.click()
    axe.check(mod, "item")
    mod.get_by_role("link", name="Remove this account and everything it posted").click()

    # The confirmation says what it will touch before anything happens.
    expect(mod.get_by_role("heading", level=1)).to_have_text(
        "Remove spam_bot_7 and everything they posted?"
    )
    expect(
        mod.get_by_text("This will delete 3 answers and deactivate the account.")
    ).to_be_visible()
    axe.check(mod, "remove-account")
    assert not any(Post.objects.get(pk=p.pk).is_deleted for p in spam)
    mod.get_by_label("Reason").fill("A spam wave")
    mod.get_by_role("button", name="Yes, remove the account and 3 answers").click()
    expect(mod.get_by_role("heading", level=1)).to_have_text("Removal of spam_bot_7")
    expect(mod.get_by_text("deleting 3 answers")).to_be_visible()
    axe.check(mod, "removal")

    # Readers no longer see any of it; the honest answer stays.
    guest.reload()
    expect(guest.get_by_text(SPAM)).to_have_count(0)
    expect(guest.get_by_text("Yes, it is common; bring it up in a session.")).to_be_visible()
    axe.check(guest, "question-guest")
    assert all(Post.objects.get(pk=p.pk).removal == "deleted" for p in spam)
    axe.assert_clean()


def test_a_suspended_member_sees_why_on_every_page_and_cannot_answer(
    visitor: Callable[..., Page],
) -> None:
    maya = make_member("maya", display_name="Maya")
    riley = make_member("riley", display_name="Riley")
    moderator = make_member("mod_jo", display_name="Jo (moderator)", is_moderator=True)
    question = _question(maya, "Is it normal to feel attached to my therapist?")
    axe = Axe()

    # Riley can answer before the suspension.
    member = visitor(riley)
    member.goto(question.get_absolute_url())
    expect(member.get_by_role("button", name="Post your answer")).to_be_visible()

    # The moderator suspends Riley from Riley's moderation record.
    mod = visitor(moderator)
    mod.goto("/u/riley/")
    axe.check(mod, "profile-moderator")
    mod.get_by_role("link", name="Moderation record").click()
    expect(mod.get_by_role("heading", level=1)).to_have_text("Moderation record of Riley")
    axe.check(mod, "member-record")
    mod.get_by_role("link", name="Suspend", exact=True).click()
    axe.check(mod, "suspend")
    mod.get_by_label("1 week").check()
    mod.get_by_label("Reason").fill("Repeated personal attacks in comments.")
    mod.get_by_role("button", name="Suspend").click()
    expect(mod.get_by_role("status")).to_contain_text("riley is suspended until")
    expect(mod.locator(".notice")).to_contain_text("Repeated personal attacks in comments.")
    axe.check(mod, "member-record-suspended")

    # Riley sees the banner, with the reason and the end date, on every page.
    ends = riley.__class__.objects.get(pk=riley.pk).suspended_until
    assert ends is not None and ends > timezone.now()
    end_date = timezone.localtime(ends).strftime("%-d %B %Y")
    for path, name in ((question.get_absolute_url(), "question-suspended"), ("/", "home")):
        member.goto(path)
        banner = member.get_by_role("status")
        expect(banner).to_contain_text("Your account is suspended until")
        expect(banner).to_contain_text(end_date)
        expect(banner).to_contain_text("Repeated personal attacks in comments.")
        axe.check(member, name)

    # No answer form on the question, and the page says why.
    member.goto(question.get_absolute_url())
    expect(member.get_by_role("button", name="Post your answer")).to_have_count(0)
    answers = member.locator("#answer-form")
    expect(answers).to_contain_text("Your account cannot answer now")
    expect(answers).not_to_contain_text("protected")
    # Posting anyway (an old tab's form) is refused with the reason, and nothing is posted.
    response = member.request.post(
        f"/q/{question.pk}/answer",
        form={"body": "An answer written before the suspension, sent after it."},
    )
    assert response.status == 403
    assert "Your account is suspended until" in response.text()
    assert Post.objects.filter(author=riley).count() == 0
    axe.assert_clean()


def test_flags_hide_an_answer_and_a_moderator_restores_it_from_the_queue(
    visitor: Callable[..., Page], settings: Any
) -> None:
    settings.MINDWELL_FLAGS_TO_HIDE = 3  # the default, said out loud
    maya = make_member("maya", display_name="Maya")
    robin = make_member("robin", display_name="Robin")
    flaggers = [make_member(name, points=150) for name in ("ana", "ben", "cleo")]
    moderator = make_member("mod_jo", display_name="Jo (moderator)", is_moderator=True)
    question = _question(maya, "Is it normal to feel attached to my therapist?")
    answer = actions.post_answer(
        question=question, author=robin, body="It is common, and worth bringing up in a session."
    )
    axe = Axe()
    guest = visitor()
    guest.goto(question.get_absolute_url())
    expect(guest.locator(f"#a{answer.pk}")).to_be_visible()
    axe.check(guest, "question-guest")

    # Three trusted members flag it, each from the question page.
    for n, flagger in enumerate(flaggers):
        page = visitor(flagger)
        page.goto(question.get_absolute_url())
        post = page.locator(f"#a{answer.pk}")
        post.get_by_role("link", name="Flag answer").click()
        axe.check(page, "question-flag-form")
        post.get_by_role("group", name="What is wrong with it?").get_by_label(
            "Rude or abusive"
        ).check()
        post.get_by_role("button", name="Send the flag").click()
        expect(page.get_by_text("Thank you for flagging this")).to_be_visible()
        assert Post.objects.get(pk=answer.pk).is_deleted == (n == 2)

    # Readers no longer see it; its author sees it marked, with the reason.
    guest.reload()
    expect(guest.locator(f"#a{answer.pk}")).to_have_count(0)
    author = visitor(robin)
    author.goto(question.get_absolute_url())
    note = author.locator(f"#a{answer.pk} .held-note")
    expect(note).to_contain_text("Not shown to readers")
    expect(note).to_contain_text("rude or abusive")
    expect(note.get_by_role("link", name="Ask for a review")).to_be_visible()
    axe.check(author, "question-author-held")

    # The moderator finds it in the queue, claims it and brings it back.
    mod = visitor(moderator)
    mod.goto("/moderation/review/flags/")
    axe.check(mod, "queue")
    mod.get_by_role("link", name="Review item").first.click()
    axe.check(mod, "item")
    mod.get_by_role("button", name="Claim it for 15 minutes").click()
    expect(mod.get_by_text("You claimed this item for 15 minutes.")).to_be_visible()
    axe.check(mod, "item-claimed")
    approve = mod.locator("form", has=mod.get_by_role("button", name="Approve: bring it back"))
    approve.get_by_label("Short reason").fill("Blunt, but not abusive")
    approve.get_by_role("button", name="Approve: bring it back").click()
    expect(mod.get_by_text("Approved: it stays up (or is back up)")).to_be_visible()
    assert not Post.objects.get(pk=answer.pk).is_deleted

    guest.reload()
    expect(guest.locator(f"#a{answer.pk}")).to_contain_text("worth bringing up in a session")

    # Each flagger reads the outcome, with the moderator's reason.
    mine = visitor(flaggers[0])
    mine.goto("/moderation/flags/mine/")
    row = mine.locator(".flag-list li").first
    expect(row).to_contain_text("Declined")
    expect(row).to_contain_text("Blunt, but not abusive")
    axe.check(mine, "my-flags")
    axe.assert_clean()
