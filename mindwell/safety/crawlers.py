"""What crawlers may read, as data: the pages kept out of search engines, the crawlers that
gather text for AI models, and the paths no crawler needs. People write here about their
hardest moments; search engines may lead others to the questions, nothing more.

Served as /robots.txt (crawler_views.robots_txt) and applied to pages by core.robots
(`keep_out`, registered in apps.py). Change the lists here; tests/safety/test_crawlers.py
reads robots.txt back with urllib.robotparser.
"""

from __future__ import annotations

# Views whose pages send noindex (core.robots): "app:view" for one view, "app:*" for every
# view of a namespace. Question pages, the lists' first pages, categories, tags and the
# site's own pages (help, about, privacy, terms) stay indexable.
NOINDEX_VIEWS = (
    # Everything of moderation: review queues and items, flags, messages, the audit log,
    # members' records, closing, rules.
    "moderation:*",
    # Sign-up, log-in, settings, password change and reset, email confirmation.
    "accounts:*",
    "reader_settings",  # an account page too, though safety keeps it (reader controls)
    "admin:*",
    # A member's profile gathers what they wrote: findable by their name, it would tie
    # their posts together for anyone who searches for them.
    "qa:profile",
    "qa:profile_tab",
    # Forms and pages about one post: asking, editing, the revision history (it can hold
    # text the author has since changed), comment confirmations, a guest's private link.
    "qa:ask",
    "qa:edit",
    "qa:revisions",
    "qa:comment_delete",
    "qa:comment_restore",
    "qa:guest_link",
    "qa:guest_link_posted",
    "qa:guest_link_edit",
    # Safety's own pages: the support page after posting, the "may need support" list,
    # replies and redactions. ("Need help now?" is at the root, and indexable.)
    "safety:*",
)

# Crawlers that gather text to train or feed AI models, by the user agent their operators
# publish; each is refused the whole site. Search engines' own crawlers (Googlebot, Bingbot,
# Applebot, DuckDuckBot) are not here: they read what `PRIVATE_PATHS` leaves them.
AI_CRAWLERS = (
    # OpenAI: training, ChatGPT's fetches for its users, and its search index.
    "GPTBot",
    "ChatGPT-User",
    "OAI-SearchBot",
    # Common Crawl: its archive is the base of most training sets.
    "CCBot",
    # Anthropic.
    "ClaudeBot",
    "Claude-Web",
    "Claude-User",
    "Claude-SearchBot",
    "anthropic-ai",
    # Google's and Apple's tokens for using what their search crawlers read in AI models.
    "Google-Extended",
    "Applebot-Extended",
    # Google's crawler for research and products other than search.
    "GoogleOther",
    # Perplexity.
    "PerplexityBot",
    "Perplexity-User",
    # ByteDance.
    "Bytespider",
    # Amazon.
    "Amazonbot",
    # Meta: training, and fetches for its assistants.
    "meta-externalagent",
    "meta-externalfetcher",
    "FacebookBot",
    # Cohere.
    "cohere-ai",
    "cohere-training-data-crawler",
    # Mistral's fetches for its assistant.
    "MistralAI-User",
    # Allen Institute for AI.
    "AI2Bot",
    "Ai2Bot-Dolma",
    # DuckDuckGo's AI answers (its search crawler, DuckDuckBot, may read as others do).
    "DuckAssistBot",
    # Data sellers and dataset builders.
    "Diffbot",
    "ImagesiftBot",
    "Omgilibot",
    "Omgili",
    "Webzio-Extended",
    "Timpibot",
    "img2dataset",
    "YouBot",
    "PanguBot",
)

# Paths no crawler needs, refused to every user agent: forms, pages behind a log-in, and
# private links. Profiles and later list pages are not here: crawlers must read their
# noindex to drop them, which a disallowed page cannot tell them.
PRIVATE_PATHS = (
    "/accounts/",
    "/moderation/",
    "/admin/",
    "/ask/",
    "/preview/",
    "/post/",  # editing, revisions, votes, deleting
    "/comment/",
    "/guest/",  # a guest's private link to edit what they posted
    "/tags/autocomplete/",
    "/support/",  # support after posting, the "may need support" list, replies, redaction
)


def robots_txt(*, sitemap_url: str) -> str:
    """The text of /robots.txt: the AI crawlers refused everything, everyone else refused
    the private paths, and where the sitemap is."""
    lines = [
        "# Mindwell: a peer community for relationships and mental health.",
        "# Search engines may index the questions. Nothing here may be used to train or",
        "# feed AI models: people wrote it for each other, not for them.",
        "",
        *(f"User-agent: {agent}" for agent in AI_CRAWLERS),
        "Disallow: /",
        "",
        "User-agent: *",
        *(f"Disallow: {path}" for path in PRIVATE_PATHS),
        "",
        f"Sitemap: {sitemap_url}",
    ]
    return "\n".join(lines) + "\n"
