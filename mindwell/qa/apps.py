from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "mindwell.qa"
    label = "qa"

    def ready(self) -> None:
        from mindwell.core.memberpages import KINDS
        from mindwell.core.pagecache import HIT_HANDLERS
        from mindwell.qa.personal import VOTE
        from mindwell.qa.view_counts import count_view

        # A question page served from the page cache still counts as a view.
        HIT_HANDLERS["question_view"] = count_view
        # {% personal vote post.pk %}: the member's own vote on a post.
        KINDS["vote"] = VOTE
