"""Small typed readers for environment variables, with clear errors for bad values."""

import os
from typing import Any
from urllib.parse import unquote, urlsplit


class EnvError(ValueError):
    pass


def env_str(name: str, default: str) -> str:
    # Empty means unset, as for the other readers: DATABASE_URL= must not become "".
    return os.environ.get(name) or default


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise EnvError(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise EnvError(f"{name}={raw!r} is not a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


_EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}


def env_email(name: str, default: str) -> dict[str, Any]:
    """Django's EMAIL_* settings from one URL: smtp://user:password@host:port (smtp+tls:// for
    STARTTLS, smtps:// for TLS from the start), file:///folder, console: or locmem:."""
    raw = os.environ.get(name) or default
    url = urlsplit(raw)
    if url.scheme not in _EMAIL_BACKENDS:
        raise EnvError(
            f"{name}={raw!r} is not an email URL; use one of "
            + ", ".join(f"{scheme}:" for scheme in _EMAIL_BACKENDS)
        )
    config: dict[str, Any] = {"EMAIL_BACKEND": _EMAIL_BACKENDS[url.scheme]}
    if url.scheme == "file":
        if not url.path:
            raise EnvError(f"{name}={raw!r} names no folder; write file:///path/to/folder")
        config["EMAIL_FILE_PATH"] = unquote(url.path)
    elif url.scheme.startswith("smtp"):
        try:
            port = url.port
        except ValueError:
            raise EnvError(f"{name}={raw!r} has a port that is not a number") from None
        config.update(
            EMAIL_HOST=url.hostname or "127.0.0.1",
            EMAIL_PORT=port or (465 if url.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(url.username or ""),
            EMAIL_HOST_PASSWORD=unquote(url.password or ""),
            EMAIL_USE_TLS=url.scheme == "smtp+tls",
            EMAIL_USE_SSL=url.scheme == "smtps",
        )
    return config
