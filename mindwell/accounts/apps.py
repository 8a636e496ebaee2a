from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mindwell.accounts"
    label = "accounts"

    def ready(self) -> None:
        from mindwell.accounts import actions, policy
        from mindwell.core import housekeeping
        from mindwell.core.pagecache import always_rendered_for

        # Moderators see more than members: they never get a shared member page.
        always_rendered_for(policy.sees_more_than_members)
        housekeeping.register("expired sign-ups", actions.forget_expired_signups)
        # A professional's badge lapses with their licence (pages hide it by its date too).
        housekeeping.register("expired credentials", actions.lapse_expired_credentials)
