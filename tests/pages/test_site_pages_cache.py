"""About, privacy and terms are stored by the page cache like every other anonymous page;
the favicon is served by whitenoise, not rendered."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("path", ["/about/", "/privacy/", "/terms/"])
def test_the_site_pages_are_stored_for_anonymous_readers(servers, path):
    a, _ = servers
    first, _ = a.request("GET", path)
    second, html = a.request("GET", path)

    assert first.status == second.status == 200
    assert (first.headers["X-Page-Cache"], second.headers["X-Page-Cache"]) == ("miss", "hit")
    assert "<h1>" in html


def test_the_favicon_comes_from_whitenoise_with_a_cache_lifetime(servers):
    a, _ = servers
    response, _ = a.request("HEAD", "/favicon.ico")

    assert response.status == 200
    assert response.headers["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert "max-age" in response.headers["Cache-Control"]
    assert "X-Page-Cache" not in response.headers
