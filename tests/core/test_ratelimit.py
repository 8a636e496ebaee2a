"""Rate limits counted in Django's cache (mindwell/core/ratelimit.py): per member and per
network address, in fixed windows, in local memory and in a real Redis."""

import os
import threading
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from mindwell.core import ratelimit
from mindwell.core.errors import RateLimited
from tests.conftest import make_member
from tests.pages.servers import REDIS_URL
from tests.support.clock import Clock, stop_clock


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return stop_clock(monkeypatch, ratelimit)


@pytest.fixture
def limits(settings):
    """Small limits for an action named "post", and no counts left from other tests."""
    settings.MINDWELL_RATE_LIMITS = {
        "post": {"member": [(3, 60)], "ip": [(5, 60)]},
        "reset": {"key": [(2, 3600)], "ip": [(4, 3600)]},
        "login": {"key+ip": [(2, 300)]},
    }
    settings.MINDWELL_TRUSTED_PROXIES = 0
    cache.clear()
    yield settings.MINDWELL_RATE_LIMITS
    cache.clear()


def request_from(address: str = "203.0.113.7", user=None, **meta):
    request = RequestFactory().post("/", REMOTE_ADDR=address, **meta)
    request.user = user or AnonymousUser()
    return request


def allowed(times: int, action: str, request, **kwargs) -> int:
    """How many of `times` hits pass."""
    passed = 0
    for _ in range(times):
        try:
            ratelimit.hit(action, request=request, **kwargs)
        except RateLimited:
            continue
        passed += 1
    return passed


def test_an_address_gets_its_limit_and_then_a_429_with_the_time_left_in_the_window(limits, clock):
    request = request_from()
    assert allowed(5, "post", request) == 5

    with pytest.raises(RateLimited) as refused:
        ratelimit.hit("post", request=request)

    assert refused.value.status == 429
    window_ends = (int(clock.now // 60) + 1) * 60
    assert refused.value.retry_after == pytest.approx(window_ends - clock.now, abs=1)
    assert 1 <= refused.value.retry_after <= 60
    assert "try again" in refused.value.message


def test_the_count_starts_again_when_the_window_passes(limits, clock):
    request = request_from()
    assert allowed(7, "post", request) == 5

    clock.advance(60)

    assert allowed(7, "post", request) == 5


@pytest.mark.django_db
def test_a_member_is_counted_alone_and_their_address_with_everyone_behind_it(limits, clock):
    maya, sam = make_member("maya"), make_member("sam")
    # Two members behind one home router: each has their own 3, the address 5 in all.
    assert allowed(4, "post", request_from(user=maya)) == 3
    assert allowed(4, "post", request_from(user=sam)) == 2
    # Elsewhere, Maya's own limit still holds.
    assert allowed(1, "post", request_from("198.51.100.20", user=maya)) == 0


def test_addresses_are_counted_apart_and_ipv6_by_its_64_network(limits, clock):
    assert allowed(6, "post", request_from("198.51.100.1")) == 5
    assert allowed(6, "post", request_from("198.51.100.2")) == 5
    # One machine holds a whole /64: changing the last bits does not give a new count.
    assert allowed(3, "post", request_from("2001:db8:1:2::10")) == 3
    assert allowed(3, "post", request_from("2001:db8:1:2::ffff")) == 2
    assert allowed(1, "post", request_from("2001:db8:1:3::10")) == 1


def test_behind_a_trusted_proxy_the_client_is_the_address_the_proxy_saw(limits, clock, settings):
    settings.MINDWELL_TRUSTED_PROXIES = 1
    # What the client claims (the left part) changes nothing; the proxy's entry counts.
    for claimed in ["10.0.0.1", "10.0.0.2", "10.0.0.3"]:
        allowed(2, "post", request_from("127.0.0.1", HTTP_X_FORWARDED_FOR=f"{claimed}, 192.0.2.9"))
    assert allowed(1, "post", request_from("127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.9")) == 0
    assert allowed(1, "post", request_from("127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10")) == 1
    assert ratelimit.client_address(request_from("127.0.0.1")) == "127.0.0.1"  # no header


def test_a_key_is_counted_whoever_asks_and_key_ip_only_from_one_address(limits, clock):
    # "reset": per address asked for, from anywhere.
    assert allowed(1, "reset", request_from("198.51.100.1"), key="maya@example.org") == 1
    assert allowed(2, "reset", request_from("198.51.100.2"), key="maya@example.org") == 1
    assert allowed(1, "reset", request_from("198.51.100.2"), key="sam@example.org") == 1
    # "login": per name from one address, so guessing from elsewhere locks no one out.
    assert allowed(3, "login", request_from("198.51.100.1"), key="maya") == 2
    assert allowed(1, "login", request_from("198.51.100.9"), key="maya") == 1


def test_check_reads_without_counting(limits, clock):
    request = request_from()
    for _ in range(10):
        ratelimit.check("login", request=request, key="maya")
    assert allowed(2, "login", request, key="maya") == 2

    with pytest.raises(RateLimited):
        ratelimit.check("login", request=request, key="maya")


def test_an_action_without_limits_is_a_mistake_in_the_settings(limits):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="no limits for 'unknown'"):
        ratelimit.hit("unknown", request=request_from())


def test_the_defaults_cover_every_action_the_issue_names_and_are_far_above_a_person():
    from config import settings as real

    defaults = real.MINDWELL_RATE_LIMITS
    wanted = {"ask", "answer", "comment", "vote", "flag", "signup", "login", "password_reset"}
    assert wanted <= set(defaults)
    hourly_for_a_member = {
        action: max(count for count, seconds in scopes.get("member", []) if seconds == 3600)
        for action, scopes in defaults.items()
        if "member" in scopes
    }
    assert hourly_for_a_member == {
        "ask": 10, "answer": 30, "comment": 60, "vote": 200, "flag": 50,
    }  # fmt: skip
    assert defaults["signup"] == {"ip": [(5, 3600)]}
    assert defaults["login"] == {"key+ip": [(10, 300)], "ip": [(50, 300)]}
    assert defaults["password_reset"] == {"key": [(3, 3600)], "ip": [(10, 3600)]}


# A real Redis, as CI has and as production uses with REDIS_URL ---------------------------


@pytest.fixture
def redis_cache(limits) -> Iterator[object]:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"Redis is not running at {REDIS_URL}: the rate limits are not tried on it")
    # Our own prefix, so that other test runs sharing this database are left alone.
    prefix = f"ratelimit-test-{os.getpid()}"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=caches):
        yield client
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


class TestOnRedis:
    def test_the_limits_hold_and_the_windows_expire_in_redis(self, redis_cache, clock):
        request = request_from("203.0.113.50")
        assert allowed(7, "post", request) == 5

        keys = [key.decode() for key in redis_cache.scan_iter(f"ratelimit-test-{os.getpid()}:*")]
        assert keys and all(0 < redis_cache.ttl(key) <= 61 for key in keys)
        clock.advance(60)
        assert allowed(7, "post", request) == 5

    def test_no_address_or_name_is_stored_in_the_clear(self, redis_cache, clock):
        allowed(1, "reset", request_from("203.0.113.77"), key="maya@example.org")
        allowed(1, "login", request_from("203.0.113.77"), key="maya")

        keys = " ".join(key.decode() for key in redis_cache.scan_iter("*"))
        assert "203.0.113.77" not in keys and "maya" not in keys

    def test_many_processes_hitting_at_once_get_exactly_the_limit(
        self, redis_cache, settings, clock
    ):
        settings.MINDWELL_RATE_LIMITS = {"post": {"ip": [(25, 3600)]}}
        passed: list[int] = []

        def client() -> None:
            passed.append(allowed(10, "post", request_from("203.0.113.99")))

        threads = [threading.Thread(target=client) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert sum(passed) == 25
