"""Email leaves through a real SMTP server (aiosmtpd on loopback), configured by EMAIL_URL."""

import pytest
from django.urls import reverse

from mindwell.core.env import EnvError, env_email


@pytest.mark.django_db
def test_a_confirmation_email_reaches_a_real_smtp_server(
    smtp_inbox, client, django_capture_on_commit_callbacks
):
    inbox = smtp_inbox
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:signup"),
            {
                "username": "river",
                "email": "river@example.org",
                "password": "a long Test passphrase 42",
                "password_again": "a long Test passphrase 42",
                "agree": "on",
            },
        )
    assert response.status_code == 302
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == "river@example.org"
    assert "/accounts/signup/complete/" in message.get_payload(decode=True).decode()


def test_email_urls_set_the_smtp_settings(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtp+tls://ann%40mail:p%3Ass@smtp.example.net:587")
    config = env_email("EMAIL_URL", "console:")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"]) == ("smtp.example.net", 587)
    assert (config["EMAIL_HOST_USER"], config["EMAIL_HOST_PASSWORD"]) == ("ann@mail", "p:ss")
    assert config["EMAIL_USE_TLS"] and not config["EMAIL_USE_SSL"]


def test_the_default_writes_files_and_console_prints(monkeypatch):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    assert env_email("EMAIL_URL", "file:///tmp/mail")["EMAIL_FILE_PATH"] == "/tmp/mail"
    monkeypatch.setenv("EMAIL_URL", "console:")
    assert env_email("EMAIL_URL", "file:///x")["EMAIL_BACKEND"].endswith("console.EmailBackend")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("smtp.example.net", "is not an email URL"),
        ("pigeon://loft", "is not an email URL"),
        ("smtp://host:notaport", "port that is not a number"),
        ("file://", "names no folder"),
    ],
)
def test_bad_email_urls_stop_start_up_with_a_clear_message(monkeypatch, value, message):
    monkeypatch.setenv("EMAIL_URL", value)
    with pytest.raises(EnvError, match=message):
        env_email("EMAIL_URL", "console:")
