"""The network address of the client a request came from, for code far below the view.

`ClientAddress` (a middleware) sets it for the length of each request; `client_ip()` reads
it anywhere in that request (a check inside a posting action), and is None outside one
(commands, the demo loader, tests calling actions directly). The address is REMOTE_ADDR,
which granian sets, or behind MINDWELL_TRUSTED_PROXIES reverse proxies the address the
outermost one saw (X-Forwarded-For, counted from the right: anything further left is what
the client itself claimed). The rate limits (core.ratelimit) read it the same way.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_address: ContextVar[str | None] = ContextVar("client_address", default=None)


def client_ip() -> str | None:
    """The current request's client address, normalised (an IPv4 address mapped into IPv6
    is written as IPv4); None outside a request, or if the address is not an IP address."""
    return _address.get()


def raw_address_of(request: HttpRequest) -> str:
    """The client's address as the request gives it, not yet checked."""
    address: str = request.META.get("REMOTE_ADDR", "")
    proxies = settings.MINDWELL_TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        hops = [hop.strip() for hop in forwarded if hop.strip()]
        if len(hops) >= proxies:
            address = hops[-proxies]
    return address


def address_of(request: HttpRequest) -> str | None:
    raw = raw_address_of(request)
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


class ClientAddress:
    """Makes the request's client address known to `client_ip()` while the request runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _address.set(address_of(request))
        try:
            return self.get_response(request)
        finally:
            _address.reset(token)
