"""Rate limits: how many times one member, or one network address, may do an action in a
while, counted in Django's cache (Redis when REDIS_URL is set, so every process and machine
shares the counts; each process's memory otherwise).

A view parses its input, then calls `hit("answer", request=request)`, then acts. `hit`
counts one more in every window of the action and raises `RateLimited` (HTTP 429, with
`retry_after` seconds) when any of them is past its limit. `check` only reads: log-in asks
it before trying a password, and counts failed tries alone with `hit`.

The limits are `settings.MINDWELL_RATE_LIMITS`, `{action: {scope: [(count, seconds), ...]}}`,
each scope naming whom a window counts:

- "member": the signed-in member (guests have none);
- "ip": the client's network address, always (an IPv6 address by its /64 network, which
  one machine usually holds whole);
- "key": what the caller names, e.g. the address a password reset is asked for;
- "key+ip": that name from this network address, e.g. the account a log-in tries (so that
  guessing from elsewhere cannot lock a member out).

Counts are kept under keyed hashes (HMAC with SECRET_KEY) of addresses and names, never the
addresses themselves, and expire with their window. Windows are fixed (they start at whole
multiples of their length), so a burst across a boundary may reach twice a window's count;
the limits leave room for that.
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

from mindwell.core.client import raw_address_of
from mindwell.core.errors import ActionError, RateLimited

__all__ = ["RateLimited", "check", "client_address", "hit", "with_retry_after"]


@dataclass(frozen=True)
class _Counter:
    key: str
    limit: int
    seconds_left: int


def client_address(request: HttpRequest) -> str:
    """The client's network address as core.client reads it (REMOTE_ADDR, or what the
    trusted proxies saw), an IPv6 address as its /64 network: one household's devices."""
    address = raw_address_of(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def _hashed(text: str) -> str:
    return salted_hmac("mindwell.ratelimit", text).hexdigest()[:32]


def _subjects(request: HttpRequest, key: str | None) -> dict[str, str]:
    ip = _hashed(client_address(request))
    subjects = {"ip": ip}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        subjects["member"] = str(user.pk)
    if key is not None:
        subjects["key"] = _hashed(key)
        subjects["key+ip"] = _hashed(f"{key}\x00{ip}")
    return subjects


def _counters(action: str, request: HttpRequest, key: str | None) -> list[_Counter]:
    limits = settings.MINDWELL_RATE_LIMITS.get(action)
    if limits is None:
        raise ImproperlyConfigured(f"MINDWELL_RATE_LIMITS has no limits for {action!r}.")
    now = time.time()
    subjects = _subjects(request, key)
    counters = []
    for scope, windows in limits.items():
        subject = subjects.get(scope)
        if subject is None:
            continue
        for count, seconds in windows:
            window = int(now // seconds)
            left = max(1, math.ceil((window + 1) * seconds - now))
            key_name = f"rl:{action}:{scope}:{subject}:{seconds}:{window}"
            counters.append(_Counter(key_name, count, left))
    return counters


def _duration(seconds: int) -> str:
    if seconds < 60:
        return "a minute"
    if seconds < 3600:
        minutes = math.ceil(seconds / 60)
        return f"{minutes} minute{'s' if minutes > 1 else ''}"
    hours = math.ceil(seconds / 3600)
    return f"{hours} hour{'s' if hours > 1 else ''}"


def _refusal(over: list[_Counter]) -> RateLimited:
    wait = max(counter.seconds_left for counter in over)
    return RateLimited(
        "That has been tried too many times in a short while. "
        f"Please wait {_duration(wait)} and try again.",
        retry_after=wait,
    )


def hit(action: str, *, request: HttpRequest, key: str | None = None) -> None:
    """Count one `action` by this request's member and address (and `key`, for the scopes
    that name one); raise RateLimited when a window of the action is past its limit.

    A refused try counts nothing: a member at their own limit does not use up what their
    address (shared with others, maybe) may still do."""
    counters = _counters(action, request, key)
    over = []
    for counter in counters:
        # add + incr: atomic on Redis (INCR), under a lock in local memory, so however many
        # processes hit at once, no more than the limit pass.
        cache.add(counter.key, 0, timeout=counter.seconds_left + 1)
        try:
            count = cache.incr(counter.key)
        except ValueError:  # the window ended between the two calls
            cache.add(counter.key, 1, timeout=counter.seconds_left + 1)
            count = 1
        if count > counter.limit:
            over.append(counter)
    if over:
        for counter in counters:
            with contextlib.suppress(ValueError):  # gone with its window
                cache.decr(counter.key)
        raise _refusal(over)


def check(action: str, *, request: HttpRequest, key: str | None = None) -> None:
    """Raise RateLimited when a window of `action` is already full, counting nothing."""
    counters = _counters(action, request, key)
    counts = cache.get_many([counter.key for counter in counters])
    over = [counter for counter in counters if counts.get(counter.key, 0) >= counter.limit]
    if over:
        raise _refusal(over)


def with_retry_after(response: HttpResponse, error: ActionError | None) -> HttpResponse:
    """A page that shows a RateLimited refusal (a form sent back with it) says when to retry."""
    if isinstance(error, RateLimited):
        response["Retry-After"] = str(error.retry_after)
    return response
