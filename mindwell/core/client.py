"""The network address of the client a request came from, for code far below the view.

`ClientAddress` (a middleware) sets it for the length of each request; `client_ip()` reads
it anywhere in that request (a check inside a posting action), and is None outside one
(commands, the demo loader, tests calling actions directly). The address is REMOTE_ADDR,
which granian sets, or behind a reverse proxy the header named by
MINDWELL_TRUSTED_PROXY_HEADER (its last address: the one the proxy itself added, since
anything before it is what the client claimed).
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


def address_of(request: HttpRequest) -> str | None:
    header = settings.MINDWELL_TRUSTED_PROXY_HEADER
    if header:
        raw = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        raw = raw.split(",")[-1].strip()
    else:
        raw = request.META.get("REMOTE_ADDR", "")
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
