"""Background work run by the django-tasks worker (`manage.py db_worker`)."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(*, to: str, subject: str, body: str) -> None:
    """Send one plain-text email from DEFAULT_FROM_EMAIL. Arguments must stay JSON-safe."""
    send_mail(subject, body, None, [to])
