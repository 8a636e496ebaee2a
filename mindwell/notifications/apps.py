from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "mindwell.notifications"
    label = "notifications"

    def ready(self) -> None:
        from mindwell.core import events, housekeeping
        from mindwell.notifications import cleanup, digests, handlers, stalled, tasks

        for event_type, handler in handlers.SUBSCRIPTIONS:
            events.on_commit(event_type, handler)
        # The worker runs these with every housekeeping (MINDWELL_HOUSEKEEPING_SECONDS):
        # email that came due again (retries, a killed worker's), our tasks a dead worker
        # left running, the digests whose morning came, and what the site keeps no longer.
        housekeeping.register("notification email due", tasks.send_due_soon)
        housekeeping.register("stalled notification tasks", stalled.take_up_stalled)
        housekeeping.register("notification digests", digests.send_digests)
        housekeeping.register("old notifications", cleanup.forget_old)
