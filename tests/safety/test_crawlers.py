# mypy: disable-error-code="union-attr"
"""Privacy from crawlers: which pages ask search engines to leave them out (meta and header,
stored pages included), the asker's "keep out of search engines", robots.txt read back by
Python's own robots.txt parser, and the sitemap."""

import re
from urllib.robotparser import RobotFileParser

import pytest
from django.conf import settings
from django.test import Client

from mindwell.accounts.models import User
from mindwell.qa import actions
from mindwell.qa.models import Post, Revision
from mindwell.safety.crawlers import AI_CRAWLERS
from mindwell.tags.models import Category
from tests.conftest import client_for, make_member
from tests.pages.conftest import servers  # noqa: F401  (the fixture)

NOINDEX = '<meta name="robots" content="noindex">'


def kept_out(response) -> bool:
    """The page asks not to be indexed, in its head and in its header alike: the two never
    disagree."""
    html = response.content.decode()
    in_head = NOINDEX in html.split("</head>")[0]
    header = response.headers.get("X-Robots-Tag") == "noindex"
    assert in_head == header, (response.request["PATH_INFO"], in_head, header)
    return in_head


@pytest.mark.django_db
def test_question_pages_lists_and_site_pages_are_indexable(maya, ask):
    question = ask(maya)
    guest = Client()
    for url in [
        question.get_absolute_url(),
        "/",
        "/questions/hot/",
        "/categories/",
        f"/category/{question.category.slug}/",
        "/tags/",
        "/tag/attachment/",
        "/help-now/",
        "/about/",
        "/privacy/",
        "/terms/",
    ]:
        response = guest.get(url)
        assert response.status_code == 200, url
        assert not kept_out(response), url


@pytest.mark.django_db
def test_profiles_moderation_and_account_pages_send_noindex(maya, moderator, ask):
    question = ask(maya)
    guest, member, mod = Client(), client_for(maya), client_for(moderator)
    pages = [
        (guest, "/u/maya/"),
        (guest, "/u/maya/answers/"),
        (member, "/u/maya/"),
        (guest, "/accounts/login/"),
        (guest, "/accounts/signup/"),
        (guest, "/accounts/password-reset/"),
        (guest, "/ask/"),
        (member, "/accounts/settings/"),
        (member, "/accounts/settings/password/"),
        (member, "/moderation/flags/mine/"),
        (member, "/moderation/messages/"),
        (mod, f"/moderation/flag/post/{question.pk}/"),
        (member, f"/post/{question.pk}/edit/"),
        (guest, f"/post/{question.pk}/revisions/"),
        (mod, "/moderation/review/"),
        (mod, "/moderation/review/flags/"),
        (mod, "/moderation/audit/"),
        (mod, "/moderation/rules/"),
        (mod, f"/moderation/member/{maya.pk}/"),
        (mod, f"/support/redact/{question.pk}/"),
    ]
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert kept_out(response), url
    # The admin's pages are Django's own, not built on base.html: the header says it.
    admin = guest.get("/admin/login/")
    assert admin.status_code == 200 and admin["X-Robots-Tag"] == "noindex"


@pytest.mark.django_db
def test_list_pages_beyond_the_first_send_noindex(settings, maya, ask):
    settings.MINDWELL_PAGE_SIZE = 2
    for n in range(5):
        category = ask(maya, title=f"Question number {n} about sleeping badly").category
    guest = Client()
    for first in ["/", "/questions/votes/", "/tag/attachment/", f"/category/{category.slug}/"]:
        page_one = guest.get(first)
        assert not kept_out(page_one), first
        later = re.search(r'rel="next" href="([^"]+)"', page_one.content.decode()).group(1)
        page_two = guest.get(first + later.replace("&amp;", "&"))
        assert page_two.status_code == 200
        assert kept_out(page_two), later
        # Back to the first page: its plain address again, indexable.
        back = re.search(r'rel="prev" href="([^"]+)"', page_two.content.decode()).group(1)
        assert "after=" not in back and "before=" not in back


@pytest.mark.django_db
def test_an_asker_keeps_their_question_out_of_search_engines_from_the_ask_form(maya):
    category = Category.objects.get(slug="therapy-relationship")
    response = client_for(maya).post(
        "/ask/",
        {
            "title": "Is it normal to cry in every session?",
            "body": "I cry in every session and feel embarrassed about it afterwards.",
            "category": category.pk,
            "tags": "crying",
            "keep_out_of_search": "on",
        },
    )
    question = Post.objects.questions().get()
    assert response.status_code == 302 and question.keep_out_of_search
    page = Client().get(question.get_absolute_url())
    assert page.status_code == 200 and kept_out(page)
    # The other orders of its answers too.
    assert kept_out(Client().get(question.get_absolute_url() + "?answers=newest"))
    # The ask form offers it, with what it does and does not do.
    form = client_for(maya).get("/ask/").content.decode()
    assert 'name="keep_out_of_search"' in form and "Everyone here can still read it" in form


@pytest.mark.django_db
def test_the_edit_form_changes_the_choice_alone_without_a_new_revision(maya, moderator, ask):
    question = ask(maya)
    url = f"/post/{question.pk}/edit/"
    form = client_for(maya).get(url).content.decode()
    assert 'name="keep_out_of_search"' in form
    data = {
        "title": question.title,
        "body": question.body,
        "category": question.category_id,
        "tags": question.tag_names,
        "keep_out_of_search": "on",
    }
    assert client_for(maya).post(url, data).status_code == 302
    question.refresh_from_db()
    assert question.keep_out_of_search and question.revision_count == 1
    assert Revision.objects.filter(post=question).count() == 1
    assert kept_out(Client().get(question.get_absolute_url()))
    # Unticked again (by a moderator here): indexable again.
    del data["keep_out_of_search"]
    assert client_for(moderator).post(url, data).status_code == 302
    question.refresh_from_db()
    assert not question.keep_out_of_search
    assert not kept_out(Client().get(question.get_absolute_url()))
    # Sending the form with nothing changed at all is still refused.
    again = client_for(maya).post(url, data)
    assert again.status_code == 400 and "Nothing was changed" in again.content.decode()


@pytest.mark.django_db
def test_an_answer_edit_form_has_no_search_choice(maya, dr_okafor, ask, answer):
    reply = answer(ask(maya), dr_okafor)
    form = client_for(dr_okafor).get(f"/post/{reply.pk}/edit/").content.decode()
    assert 'name="keep_out_of_search"' not in form


def _robots(text: str) -> RobotFileParser:
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return parser


@pytest.mark.django_db
def test_robots_txt_refuses_ai_crawlers_everything_and_everyone_the_private_paths(maya, ask):
    question = ask(maya)
    response = Client().get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    robots = _robots(response.content.decode())
    public = [question.get_absolute_url(), "/", "/tag/attachment/", "/help-now/", "/u/maya/"]
    private = [
        "/accounts/login/",
        "/accounts/settings/",
        "/moderation/review/",
        "/moderation/flags/mine/",
        "/ask/",
        f"/post/{question.pk}/edit/",
        f"/post/{question.pk}/revisions/",
        "/guest/some-secret/",
        "/admin/",
        f"/support/redact/{question.pk}/",
    ]
    named = {
        "GPTBot", "ChatGPT-User", "OAI-SearchBot", "CCBot", "ClaudeBot", "Claude-Web",
        "anthropic-ai", "Google-Extended", "Applebot-Extended", "PerplexityBot", "Bytespider",
        "Amazonbot", "meta-externalagent", "FacebookBot", "cohere-ai", "Diffbot",
        "ImagesiftBot", "Omgilibot", "Timpibot",
    }  # fmt: skip
    assert named <= set(AI_CRAWLERS)
    for agent in AI_CRAWLERS:
        # As they announce themselves: "Mozilla/5.0 (compatible; GPTBot/1.2; ...)" is
        # matched by its product token, which is what robotparser is given.
        for url in public + private:
            assert not robots.can_fetch(f"{agent}/1.0", url), (agent, url)
    for agent in ["Googlebot", "Bingbot", "DuckDuckBot", "Applebot", "SomeNewBrowser"]:
        for url in public:
            assert robots.can_fetch(agent, url), (agent, url)
        for url in private:
            assert not robots.can_fetch(agent, url), (agent, url)
    assert robots.site_maps() == ["http://testserver/sitemap.xml"]


@pytest.mark.django_db
def test_the_sitemap_lists_live_questions_but_not_those_kept_out(maya, moderator, ask):
    listed = ask(maya, title="A question search engines may list")
    kept = ask(maya, title="A question kept out of search engines", keep_out_of_search=True)
    deleted = ask(maya, title="A question that was deleted since")
    actions.delete_post(post=deleted, by=moderator)
    guest = Client()
    index = guest.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"] == "application/xml"
    parts = re.findall(r"<loc>([^<]+)</loc>", index.content.decode())
    assert parts == ["http://testserver/sitemap/questions-0.xml"]
    part = guest.get("/sitemap/questions-0.xml").content.decode()
    urls = re.findall(r"<loc>([^<]+)</loc>", part)
    assert urls == [f"http://testserver{listed.get_absolute_url()}"]
    assert f"<lastmod>{listed.last_activity_at.date().isoformat()}</lastmod>" in part
    assert kept.get_absolute_url() not in part and deleted.get_absolute_url() not in part
    assert guest.get("/sitemap/questions-99.xml").status_code == 404


def _session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies[settings.SESSION_COOKIE_NAME].value}; csrftoken={'m' * 32}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stored_pages_keep_their_noindex_for_guests_and_members(
    servers,  # noqa: F811
    maya,
    ask,
):
    kept = ask(maya, keep_out_of_search=True)
    indexable = ask(maya, title="A question anyone may find through a search engine")
    readers = {"guest": "", "member": _session_cookie(make_member("reader"))}
    stored = {"guest": "X-Page-Cache", "member": "X-Member-Page"}
    server = servers[0]
    for reader, cookie in readers.items():
        for question, noindex in [(kept, True), (indexable, False)]:
            url = question.get_absolute_url()
            server.request("GET", url, cookie=cookie)
            response, html = server.request("GET", url, cookie=cookie)
            assert response.headers[stored[reader]] == "hit", reader
            assert (NOINDEX in html) is noindex, reader
            assert (response.headers.get("X-Robots-Tag") == "noindex") is noindex, reader
        # A profile, stored for guests too.
        server.request("GET", "/u/maya/", cookie=cookie)
        response, html = server.request("GET", "/u/maya/", cookie=cookie)
        assert NOINDEX in html and response.headers["X-Robots-Tag"] == "noindex"
