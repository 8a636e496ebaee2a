from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "mindwell.notifications"
    label = "notifications"

    def ready(self) -> None:
        from mindwell.core import events, housekeeping, robots
        from mindwell.core.pagecache import register_kind
        from mindwell.notifications import cleanup, digests, handlers, stalled, tasks
        from mindwell.notifications.personal import FOLLOWING

        for event_type, handler in handlers.SUBSCRIPTIONS:
            events.on_commit(event_type, handler)
        # {% personal following key %}: the Follow buttons of shared member pages.
        register_kind("following", FOLLOWING)
        # The inbox, settings and follows are a member's own; the links in emails are private.
        robots.keep_out("notifications:*")
        # The worker runs these with every housekeeping (MINDWELL_HOUSEKEEPING_SECONDS):
        # email that came due again (retries, a killed worker's), our tasks a dead worker
        # left running, the digests whose morning came, and what the site keeps no longer.
        housekeeping.register("notification email due", tasks.send_due_soon)
        housekeeping.register("stalled notification tasks", stalled.take_up_stalled)
        housekeeping.register("notification digests", digests.send_digests)
        housekeeping.register("old notifications", cleanup.forget_old)
