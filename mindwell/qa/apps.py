from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "mindwell.qa"
    label = "qa"

    def ready(self) -> None:
        from datetime import timedelta

        from mindwell.core import housekeeping
        from mindwell.core.pagecache import HIT_HANDLERS, register_kind
        from mindwell.qa import actions, guest_links, policy
        from mindwell.qa.personal import ANSWER_REFUSAL, VOTE, capability
        from mindwell.qa.view_counts import count_view

        # A question page served from the page cache still counts as a view.
        HIT_HANDLERS["question_view"] = count_view
        # {% personal vote post.pk %}: the member's own vote on a post.
        register_kind("vote", VOTE)
        # {% personal answer_refusal question %}: why this member gets no answer form, if so.
        register_kind("answer_refusal", ANSWER_REFUSAL)
        # {% personal can_edit post %}...{% if allowed %}: what the policy lets this member do.
        for name in (
            "can_edit",
            "can_delete",
            "kept_from_author",
            "can_accept",
            "can_restore",
            "can_redact",
        ):
            register_kind(name, capability(getattr(policy, name)))
        housekeeping.register(
            "form submissions",
            lambda: actions.forget_submissions(older_than=timedelta(days=actions.SUBMISSION_DAYS)),
        )
        housekeeping.register("expired guest links", guest_links.forget_expired_links)
