from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "mindwell.moderation"
    label = "moderation"

    def ready(self) -> None:
        from mindwell.core.pagecache import register_kind
        from mindwell.moderation import checks, policy
        from mindwell.qa.personal import capability

        checks.register()
        # {% personal can_see_member_record member %}: the link to a member's moderation
        # record on their (stored) profile, for moderators.
        register_kind("can_see_member_record", capability(policy.can_see_member_record))
