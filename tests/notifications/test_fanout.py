"""Who hears of what: the notifications each event makes, through the real actions."""

from __future__ import annotations

from mindwell.notifications.models import Email, Follow, Notification
from mindwell.qa import actions
from tests.conftest import make_member


def inbox_of(user):
    return list(Notification.objects.filter(recipient=user).order_by("pk"))


def test_an_answer_tells_the_asker_once_and_never_the_answerer(
    maya, rosie, ask, answer, smtp_inbox, committed
):
    question = committed(ask, maya)
    reply = committed(answer, question, rosie)
    [notification] = inbox_of(maya)
    assert notification.kind == "answer" and notification.post_id == reply.pk
    assert inbox_of(rosie) == []
    maya.refresh_from_db()
    assert maya.unread_notifications == 1
    [message] = smtp_inbox.to("maya@example.org")
    assert message["Subject"] == "New answer to your question on Mindwell"
    assert "therapist" not in message.as_string().lower()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Email.objects.get().status == "sent"
    # Both follow the question now: the asker by asking, the answerer by answering.
    assert Follow.objects.filter(question=question, following=True).count() == 2


def test_a_comment_tells_the_post_author_and_earlier_commenters(
    maya, rosie, dr_okafor, ask, committed
):
    question = committed(ask, maya)
    committed(
        actions.add_comment,
        post=question,
        author=rosie,
        body="Thank you for asking this, I relate a lot.",
    )
    committed(
        actions.add_comment,
        post=question,
        author=dr_okafor,
        body="It is very common, and safe to raise it.",
    )
    kinds = {
        (n.recipient.username, n.kind) for n in Notification.objects.select_related("recipient")
    }
    assert kinds == {("maya", "comment"), ("rosie", "reply")}


def make(username, **fields):
    return make_member(username, **fields)


def kinds(**filters):
    return sorted(
        (n.recipient.username, n.kind, n.detail)
        for n in Notification.objects.filter(**filters).select_related("recipient")
    )


def follow(who, following=True, **target):
    from django.utils import timezone

    return Follow.objects.create(
        follower=who, following=following, created_at=timezone.now(), **target
    )


def test_the_best_answer_tells_its_writer_once_even_when_chosen_again(
    maya, rosie, ask, answer, committed
):
    question = committed(ask, maya)
    reply = committed(answer, question, rosie)
    committed(actions.accept_answer, question=question, answer=reply, by=maya)
    committed(actions.accept_answer, question=question, answer=None, by=maya)
    committed(actions.accept_answer, question=question, answer=reply, by=maya)
    assert kinds(kind="accepted") == [("rosie", "accepted", "")]


def test_mentions_tell_the_named_member_but_the_most_direct_kind_wins(
    maya, rosie, dr_okafor, ask, answer, committed
):
    question = committed(ask, maya)
    committed(
        answer,
        question,
        dr_okafor,
        body="@rosie wrote about this, and @maya asked well. Also @nobody_here and @dr_okafor.",
    )
    assert kinds() == [("maya", "answer", ""), ("rosie", "mention", "")]


def test_an_email_address_is_not_a_mention(maya, rosie, ask, answer, committed):
    question = committed(ask, maya)
    committed(
        answer, question, maya, body="You can write to the clinic at help@rosie.org for this."
    )
    assert kinds(kind="mention") == []


def test_followers_of_a_tag_a_category_and_its_parent_and_a_member_hear_of_a_new_question(
    maya, rosie, dr_okafor, ask, committed, category
):
    from mindwell.tags.models import Category, Tag

    parent = Category.objects.create(name="Relationships", slug="relationships-parent")
    category.parent = parent
    category.save()
    committed(ask, maya, tags="attachment")  # makes the tag
    lee, ben, jo = make("lee"), make("ben_t"), make("jo")
    follow(lee, tag=Tag.objects.get(name="attachment"))
    follow(ben, category=parent)
    follow(jo, member=maya)
    follow(rosie, following=False, category=category)  # she unfollowed it
    committed(ask, maya, title="How do I tell my partner I started therapy?", tags="attachment")
    assert kinds() == [
        ("ben_t", "followed", "category:relationships-parent"),
        ("jo", "followed", "member"),
        ("lee", "followed", "tag:attachment"),
    ]


def test_an_anonymous_question_is_not_news_for_the_askers_followers(maya, ask, committed):
    jo = make("jo")
    follow(jo, member=maya)
    committed(ask, maya, anonymous=True)
    assert kinds() == []


def test_question_followers_hear_of_answers_but_not_the_answerer(
    maya, rosie, dr_okafor, ask, answer, committed
):
    question = committed(ask, maya)
    follow(rosie, question=question)
    committed(answer, question, dr_okafor)
    committed(answer, question, rosie, body="Thank you, I had the same question and this helps me.")
    assert kinds() == [
        ("dr_okafor", "followed", "question"),  # follows since answering
        ("maya", "answer", ""),
        ("maya", "answer", ""),
        ("rosie", "followed", "question"),
    ]


def test_a_held_post_tells_nobody_until_a_moderator_releases_it(
    maya, rosie, ask, answer, committed, moderator
):
    from tests.safety.sentences import METHOD

    question = committed(ask, maya)
    held = committed(
        answer, question, rosie, body=f"{METHOD[0]}. That is what I do when it gets bad."
    )
    held.refresh_from_db()
    assert held.removal == "held"
    assert kinds() == []
    committed(actions.restore_post, post=held, by=moderator)
    assert kinds() == [("maya", "answer", ""), ("rosie", "moderation", "restored")]


def test_news_from_a_follow_skips_questions_the_readers_controls_hide(
    maya, rosie, ask, answer, committed
):
    from mindwell.safety.actions import save_reader_controls
    from mindwell.tags.models import Tag

    committed(ask, maya, tags="attachment")
    follow(rosie, tag=Tag.objects.get(name="attachment"))
    lee = make("lee")
    follow(lee, tag=Tag.objects.get(name="attachment"))
    save_reader_controls(user=rosie, phrases="breakup", tags="")
    committed(ask, maya, title="After the breakup I cannot stop crying", tags="attachment")
    assert kinds() == [("lee", "followed", "tag:attachment")]


def test_moderators_decisions_tell_the_author_and_the_flaggers(
    maya, rosie, dr_okafor, ask, answer, committed, moderator
):
    from mindwell.moderation.actions.closing import close_question
    from mindwell.moderation.actions.flags import flag_item
    from mindwell.moderation.actions.review import resolve_item
    from mindwell.moderation.models import ReviewItem

    question = committed(ask, maya)
    reply = committed(answer, question, dr_okafor)
    committed(flag_item, flagger=rosie, post=reply, reason="rude")
    item = ReviewItem.objects.get(post=reply, status="open")
    committed(resolve_item, item=item, by=moderator, decision="hide", reason="Unkind")
    committed(
        close_question, question=question, by=moderator, reason="other", note="Answered elsewhere"
    )
    moderation = kinds(kind="moderation")
    assert ("rosie", "moderation", "flag_helpful") in moderation
    assert ("dr_okafor", "moderation", "hidden") in moderation
    assert ("maya", "moderation", "closed") in moderation


def test_a_moderators_message_lands_in_the_inbox_and_is_emailed_once(
    maya, committed, moderator, mailoutbox
):
    from mindwell.moderation.actions.members import send_moderator_message

    committed(
        send_moderator_message, member=maya, by=moderator, body="Please keep names out of posts."
    )
    assert kinds() == [("maya", "message", "")]
    assert len([m for m in mailoutbox if m.to == ["maya@example.org"]]) == 1


def test_running_an_event_again_makes_nothing_twice(maya, rosie, ask, answer, committed):
    from mindwell.notifications import fanout

    question = committed(ask, maya)
    reply = committed(answer, question, rosie)
    assert fanout.post_created(reply.pk) == []
    assert Notification.objects.count() == 1 and Email.objects.count() == 1
    maya.refresh_from_db()
    assert maya.unread_notifications == 1


def test_no_email_to_an_unconfirmed_address_but_the_inbox_still_shows_it(
    ask, answer, committed, rosie
):
    unconfirmed = make("sam", email_confirmed=False)
    question = committed(ask, unconfirmed)
    committed(answer, question, rosie)
    [notification] = Notification.objects.filter(recipient=unconfirmed)
    assert notification.email == "never" and Email.objects.count() == 0


def test_a_deactivated_member_is_told_nothing(maya, rosie, ask, answer, committed):
    question = committed(ask, maya)
    maya.is_active = False
    maya.save()
    committed(answer, question, rosie)
    assert kinds() == []
