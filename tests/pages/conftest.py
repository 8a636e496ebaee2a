"""The `servers` fixture: two granian processes serving the test database."""

import os

import pytest

from mindwell.core import pagecache
from tests.pages.servers import REDIS_URL, Server, database_url


@pytest.fixture(params=["file"])
def servers(request, tmp_path, settings):
    """Two single-worker granian processes; versions in a shared file, or in Redis."""
    versions_file = tmp_path / "page-versions.bin"
    settings.MINDWELL_PAGE_VERSIONS_FILE = str(versions_file)
    redis_url = REDIS_URL if request.param == "redis" else ""
    if redis_url:
        import redis

        try:
            redis.Redis.from_url(redis_url).flushdb()
        except redis.ConnectionError:
            pytest.skip(f"Redis is not running at {redis_url}")
    settings.REDIS_URL = redis_url
    pagecache.reset_stores()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "MINDWELL_PAGE_VERSIONS_FILE": str(versions_file),
        "MINDWELL_VIEW_FLUSH_SECONDS": "0",
        "MINDWELL_MIN_FILL_SECONDS": "0",  # the tests post forms the moment they get them
        "SECRET_KEY": settings.SECRET_KEY,  # so the sessions made here are valid there
        "REDIS_URL": redis_url,
    }
    pair = Server.pair(env)
    yield pair
    for server in pair:
        server.stop()
    pagecache.reset_stores()
