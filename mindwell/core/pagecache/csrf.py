"""CSRF tokens for stored pages: the way Django makes them, faster, and the placeholder a
stored page carries instead of a token.

Django draws each of a token's characters with secrets.choice, which costs more than the
rest of a cache hit together. These draw from os.urandom with rejection (bytes 248-255
are dropped so that byte % 62 is uniform), so the tokens are as random, and the masking
is Django's: cipher[i] = chars[(secret[i] + mask[i]) % 62], token = mask + cipher.
The sum is done for all characters at once: as one big integer of character indexes each
below 62, two of them add up byte by byte without a carry.
"""

from __future__ import annotations

import functools
import hashlib
import os

from django.conf import settings

# Django's alphabet, so our tokens are exactly what its CSRF middleware accepts (tests
# unmask them with Django's own function).
from django.middleware.csrf import CSRF_ALLOWED_CHARS

_N = len(CSRF_ALLOWED_CHARS)
_LIMIT = 256 - 256 % _N
_REJECT = bytes(range(_LIMIT, 256))
_TO_INDEX = bytes(b % _N for b in range(256))
_INDEX_TO_CHAR = bytes(ord(CSRF_ALLOWED_CHARS[b % _N]) for b in range(256))
_CHAR_TO_INDEX = bytes(
    CSRF_ALLOWED_CHARS.index(chr(b)) if chr(b) in CSRF_ALLOWED_CHARS else 0 for b in range(256)
)


def _random_indexes(length: int) -> bytes:
    out = b""
    while len(out) < length:
        out += os.urandom(length + 16).translate(_TO_INDEX, _REJECT)
    return out[:length]


def random_chars(length: int = 32) -> str:
    return _random_indexes(length).translate(_INDEX_TO_CHAR).decode()


def mask_secret(secret: str) -> str:
    """A masked token for a secret of CSRF_ALLOWED_CHARS, as Django's get_token makes it."""
    length = len(secret)
    mask = _random_indexes(length)
    sums = int.from_bytes(secret.encode().translate(_CHAR_TO_INDEX)) + int.from_bytes(mask)
    cipher = sums.to_bytes(length).translate(_INDEX_TO_CHAR)
    return (mask.translate(_INDEX_TO_CHAR) + cipher).decode()


@functools.cache
def _placeholder(secret_key: str) -> str:
    # 64 characters, the length of a masked token, so Content-Length does not change; made
    # from the secret key so that no one can write it into a post.
    return hashlib.sha256(f"mindwell-csrf-placeholder:{secret_key}".encode()).hexdigest()


def placeholder() -> str:
    return _placeholder(settings.SECRET_KEY)
