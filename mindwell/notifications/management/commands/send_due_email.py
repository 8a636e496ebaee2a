from typing import Any

from django.core.management.base import BaseCommand

from mindwell.notifications import delivery


class Command(BaseCommand):
    help = (
        "Send every notification email that is due now: retries whose time came, and those "
        "a killed worker had claimed once their lease ended. The worker does this on its own "
        "(after each batch, and with the housekeeping); this does it at once, in this process."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = delivery.send_due()
        counts = ", ".join(f"{name} {count}" for name, count in outcome.counts().items())
        self.stdout.write(
            counts + (" (the mail server is not answering)" if outcome.server_down else "")
        )
