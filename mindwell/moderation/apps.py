from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "mindwell.moderation"
    label = "moderation"

    def ready(self) -> None:
        from mindwell.core.pagecache import register_kind
        from mindwell.moderation import checks, policy
        from mindwell.qa.personal import capability

        checks.register()
        # {% personal can_flag post %}...{% if allowed %}: the Flag link on the question page;
        # can_request_review: the author's "Ask for a review" in a hidden item's note.
        for name in ("can_flag", "can_request_review"):
            register_kind(name, capability(getattr(policy, name)))
