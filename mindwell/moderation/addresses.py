"""Network addresses in moderation: the ranges guests may not post from, and the keyed hash
that stands for the address a guest's or anonymous post came from (never the address)."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from mindwell.core.errors import ActionError
from mindwell.moderation.models import BlockedRange

# The widest ranges a moderator may block at once: a /16 of IPv4 is 65,536 addresses, a
# /48 of IPv6 one organisation's allocation. Anything wider would shut out whole providers.
WIDEST_PREFIX = {4: 16, 6: 48}

NO_NETWORK = "Give an address or a range, like 192.0.2.0/24."
NETWORK_PAUSED = (
    "Posting from your network is paused for now, because of abuse from addresses near "
    "yours. You can still read everything. If you have an account, log in to post; "
    "otherwise please try again later."
)


def clean_network(value: str) -> str:
    """An address or a CIDR range, written the one way (`192.0.2.0/24`, `2001:db8::/48`; an
    address alone is its own /32 or /128). Host bits after the prefix are dropped."""
    text = (value or "").strip()
    if not text:
        raise ActionError(NO_NETWORK, field="network")
    try:
        network = ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise ActionError(
            f"“{text[:60]}” is not an IP address or a CIDR range (like 192.0.2.0/24 or "
            "2001:db8::/48).",
            field="network",
        ) from None
    widest = WIDEST_PREFIX[network.version]
    if network.prefixlen < widest:
        raise ActionError(
            f"That range is too wide: {network} holds {network.num_addresses:,} addresses. "
            f"Block at most a /{widest} for IPv{network.version} at once.",
            field="network",
        )
    return str(network)


def active_ranges() -> list[BlockedRange]:
    return list(
        BlockedRange.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
    )


def is_blocked(address: str) -> bool:
    """Whether guests at this address may not post now (one query, over the few ranges)."""
    ip = ipaddress.ip_address(address)
    return any(
        ip in ipaddress.ip_network(blocked.network)
        for blocked in active_ranges()
        if ipaddress.ip_network(blocked.network).version == ip.version
    )


def address_hash(address: str) -> str:
    """A keyed hash of an address: the same address gives the same hash (so moderators can
    see that posts came from one place), and without the site's secret key it cannot be
    turned back into the address by trying all of them."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()
