from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mindwell.core"
    label = "core"

    def ready(self) -> None:
        from mindwell.core import housekeeping, tasks

        housekeeping.register("finished tasks", tasks.forget_finished_tasks)
