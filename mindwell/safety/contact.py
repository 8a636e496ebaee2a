"""Finding ways to reach a writer outside the site in what they wrote: phone numbers, email
addresses, booking links and invitations to get in touch privately.

Used for verified professionals' posts (safety.professionals), which must stay public
answers, not a way to find clients. Each finding is made hard to trigger by ordinary
writing about therapy: years and year ranges, dates, doses, statistics, free crisis lines,
"DM" as in diabetes or games, and people describing how others contact them are not
findings. Pure functions of the text, so they are tested on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

PHONE = "a phone number"
EMAIL = "an email address"
BOOKING = "a booking link"
INVITATION = "an offer to talk privately"


@dataclass(frozen=True)
class Finding:
    kind: str  # PHONE, EMAIL, BOOKING or INVITATION: how the writer is told
    text: str  # what was found, as written, for the moderators

    @property
    def key(self) -> tuple[str, str]:
        """The same finding however it is spaced or cased, to compare an edit with before."""
        return self.kind, re.sub(r"\W+", "", self.text.casefold())


# --- phone numbers -------------------------------------------------------------------------

# Digits with the separators phone numbers are written with; a leading + or (.
_PHONE = re.compile(
    r"(?<![\w$£€¥/#.,+-])(?:\+|00)?\(?\d[\d ().\-\u2010-\u2013]{5,24}\d(?!\w|%|[.,]\d)"
)
# Words before a long number that make it an identifier, not a phone number.
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:pmid|pmcid|doi|isbn|issn|id|ref|reference|case|licen[cs]e|registration|reg|"
    r"order|invoice|no|number|#)\W{0,3}$",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# Free-to-call numbers are how crisis and support lines are written (0800 58 58 58,
# 1-800-..., 1800 55 1800); a practice's own line is not free-phone. Giving a helpline is
# what we want professionals to do, so these are never a finding.
_FREEPHONE_PREFIXES = (
    "0800", "0808", "1800", "1300",  # UK, Ireland, Australia
    "44800", "44808", "611800", "611300", "3531800",  # the same with the country code
)  # fmt: skip
_NORTH_AMERICAN_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")


def _is_freephone(digits: str) -> bool:
    digits = digits.removeprefix("00")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10 and digits[:3] in _NORTH_AMERICAN_TOLL_FREE:
        return True
    return digits.startswith(_FREEPHONE_PREFIXES)


def _is_phone(candidate: str, before: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    groups = re.findall(r"\d+", candidate)
    if not 7 <= len(digits) <= 15:
        return False
    if _DATE.fullmatch(candidate) or _IPV4.fullmatch(candidate):
        return False
    if all(_YEAR.fullmatch(group) for group in groups):  # 2015-2019, "1998 2004"
        return False
    if max(len(group) for group in groups) < 3:  # 9.00-17.00, "10 20 30 40"
        return False
    if len(groups) == 1 and len(digits) < 8 and not candidate.startswith("+"):
        return False  # a bare run of seven digits is as often a count or a code
    if _IDENTIFIER_BEFORE.search(before):
        return False
    return not _is_freephone(digits)


def phone_numbers(text: str) -> list[Finding]:
    found = []
    for match in _PHONE.finditer(text):
        candidate = match.group().strip(" ().-")
        if match.group().startswith("+"):
            candidate = "+" + candidate.lstrip("+")
        if _is_phone(candidate, text[max(0, match.start() - 20) : match.start()]):
            found.append(Finding(PHONE, candidate))
    return found


# --- email addresses -----------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
# Addresses spelt out to slip past filters: "name [at] example [dot] com", "name at example
# dot org". The plain-word form needs a known ending, so "meet at home dot" is nothing.
_SPELT_EMAIL = re.compile(
    r"\b[\w.+-]+\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*[\w-]+"
    r"\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+|\.)\s*"
    r"(?:com|org|net|co|uk|ca|au|nz|ie|io|me|info|health|care|email|mail)\b",
    re.IGNORECASE,
)


def email_addresses(text: str) -> list[Finding]:
    found = (
        [Finding(EMAIL, match.group()) for match in _EMAIL.finditer(text)] if "@" in text else []
    )
    lower = text.lower()
    if not any(mark in lower for mark in ("dot", "[at]", "(at)", "{at}")):
        return found  # what the spelt-out form needs to be one (below)
    for match in _SPELT_EMAIL.finditer(text):
        if "@" not in match.group() and re.search(r"\[|\(|\{|\bdot\b", match.group()):
            found.append(Finding(EMAIL, match.group()))
    return found


# --- booking links -------------------------------------------------------------------------

# Scheduling, booking and private video services: a link to one is a way to become a
# client (or to meet one-to-one) away from the site.
BOOKING_HOSTS = (
    "calendly.com", "doxy.me", "simplepractice.com", "clientsecure.me", "janeapp.com",
    "acuityscheduling.com", "as.me", "zocdoc.com", "cal.com", "youcanbook.me", "setmore.com",
    "tidycal.com", "savvycal.com", "therapyportal.com", "therapynotes.com", "theranest.com",
    "practicebetter.io", "gethealthie.com", "meetings.hubspot.com", "zoom.us", "whereby.com",
    "meet.google.com", "square.site", "vagaro.com", "mindbodyonline.com", "bookwhen.com",
    "wa.me", "t.me", "signal.me",
)  # fmt: skip
# Public bodies: their pages about appointments and bookings are information, not a
# writer's own booking link.
PUBLIC_HOST_ENDINGS = (".gov", ".gov.uk", "nhs.uk", ".nhs.uk", ".gc.ca", ".gov.au", ".govt.nz",
                       ".gov.ie", ".europa.eu", "who.int", ".mil")  # fmt: skip
# Words in a link's address that make it a booking page. A lone "book" counts only next to
# one of _BOOK_PARTNERS ("/book-now", "/book-a-session"), so /book/show/123 (a book
# recommended on a book site), "facebook" and "notebook" are not bookings.
_BOOKING_WORDS = ("booking", "bookings", "booknow", "bookonline", "appointment", "appt")
_BOOKING_STEMS = ("appointment", "schedul")
_BOOK_PARTNERS = frozenset(
    {"now", "online", "appointment", "appointments", "session", "sessions", "consult",
     "consultation", "call", "a", "an", "me", "today", "here", "intake", "therapy", "time"}
)  # fmt: skip
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]+", re.IGNORECASE)
_BARE_BOOKING_HOST = re.compile(
    r"(?<![\w.@/-])(?:[\w-]+\.)*(?:"
    + "|".join(re.escape(host) for host in BOOKING_HOSTS)
    + r")(?:/[^\s<>()\[\]\"'`]*)?",
    re.IGNORECASE,
)


def _host(url: str) -> str:
    parts = urlsplit(url if "://" in url else f"https://{url}")
    return (parts.hostname or "").lower()


def _is_booking(url: str, *, own_host: str) -> bool:
    host = _host(url)
    if not host or host == own_host:
        return False
    if any(host == known or host.endswith("." + known) for known in BOOKING_HOSTS):
        return True
    if host.endswith(PUBLIC_HOST_ENDINGS):
        return False
    words = [word for word in re.split(r"[^a-z0-9]+", url.lower()) if word]
    for n, word in enumerate(words):
        if word in _BOOKING_WORDS or word.startswith(_BOOKING_STEMS):
            return True
        if word == "book" and _BOOK_PARTNERS.intersection(words[max(0, n - 1) : n + 2]):
            return True
    return False


def booking_links(text: str, *, own_host: str = "") -> list[Finding]:
    urls = [match.group().rstrip(".,;:!?") for match in _URL.finditer(text)]
    lower = text.lower()
    if any(host in lower for host in BOOKING_HOSTS):
        urls += [match.group().rstrip(".,;:!?") for match in _BARE_BOOKING_HOST.finditer(text)]
    found: dict[str, Finding] = {}
    for url in urls:
        if _is_booking(url, own_host=own_host.lower()):
            found.setdefault(_host(url) + urlsplit(url).path, Finding(BOOKING, url))
    return list(found.values())


# --- invitations to get in touch privately -------------------------------------------------

_ME_VERBS = (
    r"(?:dm|pm|inbox|message|e-?mail|text|whats-?app|contact|write\s+to|"
    r"reach\s+out\s+to|get\s+in\s+touch\s+with)"
)
_PRIVATELY = (
    r"(?:privately|directly|personally|in\s+private|off-?line|off[- ](?:site|list|here|the\s+site)|"
    r"outside\s+(?:of\s+)?(?:this|the)\s+(?:site|forum|platform|thread))"
)
_APPS = (
    r"(?:whats-?app|telegram|signal|instagram|insta|facebook|twitter|tiktok|linkedin|"
    r"snapchat|discord|skype)"
)
_INVITATIONS = [
    # Addressed to the reader: "Feel free to message me", "You can email me", "DM me."
    re.compile(
        r"(?:(?:^|[.!?:;\n]\s*)(?:so\s+|just\s+|please\s+)?|\b(?:please|feel\s+free\s+to|"
        r"you\s+(?:can|could|may)|(?:you're|you\s+are)\s+(?:very\s+)?welcome\s+to|"
        r"(?:don't|do\s+not)\s+hesitate\s+to|happy\s+for\s+you\s+to)\s+)" + _ME_VERBS + r"\s+me\b",
        re.IGNORECASE | re.MULTILINE,
    ),
    # "Message me privately", "contact me outside the site".
    re.compile(rf"\b{_ME_VERBS}\s+me\s+{_PRIVATELY}", re.IGNORECASE),
    # "reach me at my office", "call me on WhatsApp", "text me via Signal".
    re.compile(
        r"\b(?:reach|call|phone|ring|text|message|contact|find)\s+me\s+(?:at|on|via|through)\s+"
        rf"(?:{_APPS}|my\s+(?:number|mobile|cell|email|office|practice|clinic|website|site))\b",
        re.IGNORECASE,
    ),
    # "Send me a private message", "drop me an email".
    re.compile(
        r"\b(?:send|drop|shoot)\s+me\s+(?:an?\s+)?(?:private\s+|direct\s+|quick\s+)?"
        r"(?:message|dm|pm|e-?mail|text|note|line)\b",
        re.IGNORECASE,
    ),
    # "Contact my practice", "reach out to our clinic", "visit my website".
    re.compile(
        r"\b(?:reach\s+out\s+to|contact|call|ring|e-?mail|message|visit|get\s+in\s+touch\s+with)"
        r"\s+(?:my|our)\s+(?:private\s+)?(?:practice|office|clinic|team|receptionist|"
        r"front\s+desk|intake\s+team|website|web\s+site|site|booking\s+page)\b",
        re.IGNORECASE,
    ),
    # "Book a session with me", "schedule a free consultation with me".
    re.compile(
        r"\b(?:book|schedule|arrange|set\s+up)\s+(?:a|an|your|the)\s+(?:free\s+|first\s+)?"
        r"(?:session|appointment|consultation|consult|call|intake|chat)\s+with\s+(?:me|us)\b",
        re.IGNORECASE,
    ),
    # "I'm accepting new clients", "my practice has openings".
    re.compile(
        r"\b(?:i\s+am|i'm|we\s+are|we're|my\s+practice\s+is|our\s+practice\s+is)\s+"
        r"(?:currently\s+|now\s+)?(?:accepting|taking|welcoming)\s+new\s+(?:clients|patients)\b"
        r"|\b(?:i|we|my\s+practice|our\s+practice)\s+(?:have|has)\s+(?:a\s+few\s+|some\s+)?"
        r"(?:openings|availability|spaces)\b",
        re.IGNORECASE,
    ),
    # "Find me on Instagram", "my DMs are open", "my email is in my profile".
    re.compile(rf"\b(?:find|follow|add|message|reach)\s+me\s+on\s+{_APPS}\b", re.IGNORECASE),
    re.compile(r"\bmy\s+(?:dms|inbox|messages)\s+(?:are|is)\s+(?:always\s+)?open\b", re.IGNORECASE),
    re.compile(
        r"\bmy\s+(?:email|e-mail|number|phone\s+number|contact\s+details|details|website|"
        r"booking\s+link|calendar)\s+(?:is|are)\s+(?:in|on)\s+my\s+(?:profile|bio)\b",
        re.IGNORECASE,
    ),
]
# Someone else doing it, or not doing it: "clients often email me directly", "she would
# text me privately", "please don't message me privately". Looked for just before a find.
_NOT_AN_INVITATION = re.compile(
    r"(?:\b(?:he|she|they|clients?|patients?|people|someone|somebody|nobody|no\s+one|ex|"
    r"partner|boss|mom|mum|dad|mother|father|friends?|colleagues?|family)\s+(?:\w+\s+){0,2}"
    r"|\b(?:don't|do\s+not|never|won't|can't|cannot)\s+)$",
    re.IGNORECASE,
)


def invitations(text: str) -> list[Finding]:
    found = []
    for pattern in _INVITATIONS:
        for match in pattern.finditer(text):
            phrase = match.group().strip(" .!?:;\n")
            start = match.start() + (len(match.group()) - len(match.group().lstrip(" .!?:;\n")))
            before = text[max(0, start - 40) : start]
            if _NOT_AN_INVITATION.search(before):
                continue
            found.append(Finding(INVITATION, phrase))
    return found


def find_contact_details(text: str, *, own_host: str = "") -> list[Finding]:
    """Every way to reach the writer outside the site found in `text` (links to `own_host`,
    the site itself, are not)."""
    return [
        *phone_numbers(text),
        *email_addresses(text),
        *booking_links(text, own_host=own_host),
        *invitations(text),
    ]
