from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "mindwell.moderation"
    label = "moderation"

    def ready(self) -> None:
        from datetime import timedelta

        from django.conf import settings

        from mindwell.core import housekeeping
        from mindwell.core.pagecache import register_kind
        from mindwell.moderation import checks, policy
        from mindwell.moderation.actions.members import forget_origins
        from mindwell.qa.personal import capability

        checks.register()
        # {% personal can_flag post %}...{% if allowed %}: the Flag link on the question page;
        # can_request_review: the author's "Ask for a review" in a hidden item's note.
        for name in ("can_flag", "can_request_review"):
            register_kind(name, capability(getattr(policy, name)))
        # {% personal can_purge post %}: the way to a purge, shown to administrators.
        register_kind("can_purge", capability(lambda user, item: policy.can_purge(user)))
        # {% personal can_close question %}...{% if allowed %}: moderation controls a member
        # sees on a shared page (moderators act at once, trusted members vote).
        for name in ("can_close", "offers_close_vote"):
            register_kind(name, capability(getattr(policy, name)))
        # {% personal can_see_member_record member %}: the link to a member's moderation
        # record on their (stored) profile, for moderators.
        register_kind("can_see_member_record", capability(policy.can_see_member_record))
        # The privacy page promises it: read at each run, so the setting is what holds.
        housekeeping.register(
            "post origins",
            lambda: forget_origins(older_than=timedelta(days=settings.MINDWELL_ORIGIN_DAYS)),
        )
