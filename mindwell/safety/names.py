"""Finding names in a question: a therapist, a practice, a hospital, another real person.

The asker is asked before posting whether to take them out (confidentiality.py). Being
asked about a word that is no name costs the writer a click, and being asked too often
teaches them to click without reading, so the rules look for clear signs and leave the
rest: a title before a surname ("Dr. Patel"), a role before a name ("my therapist Anna"),
a common given name before a surname ("Sarah Jones"), a name before the word for a
practice or a hospital ("Riverside Counselling", "St Mary's Hospital"). Nothing is read
from a word's capital alone, and text written all in lower case is not searched: without
capitals a name cannot be told from a word.

The rules are the word lists below, each with what it is for; change them here and add a
case to tests/safety/test_names.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Titles that come before a surname. Mr, Mrs, Ms, Mx and Miss only when written with a
# capital ("I miss Sarah" is no title); "dr" in any case.
TITLES = frozenset({"dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "mx", "miss"})
TITLES_IN_ANY_CASE = frozenset({"dr"})

# The people whose name, after "my", "our", "her", ..., is a sign: carers and clinicians.
POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "your"})
ROLES = frozenset(
    {
        "therapist", "counsellor", "counselor", "psychiatrist", "psychologist",
        "psychotherapist", "psychoanalyst", "analyst", "doctor", "gp", "nurse", "cpn",
        "coach", "clinician", "practitioner", "caseworker", "keyworker",
    }
)  # fmt: skip
# Two-word roles, by their first word: "social worker", "case worker", "key worker".
TWO_WORD_ROLES = {"social": "worker", "case": "worker", "key": "worker", "care": "coordinator"}
# Words between a role and the name: "my therapist, called Anna", "whose name is".
BRIDGE_WORDS = frozenset({"called", "named", "is", "was", "name"})

# A run of capitalised words ending in one of these names a place of care when a word
# before it is not one of GENERIC_CARE_WORDS ("Riverside Counselling" is one, "Couples
# Therapy" is not).
CARE_PLACE_WORDS = frozenset(
    {
        "counselling", "counseling", "clinic", "clinics", "practice", "psychology",
        "psychotherapy", "psychiatry", "therapy", "therapies", "wellness", "wellbeing",
        "centre", "center", "hospital", "infirmary", "hospice", "surgery", "associates",
        "trust", "institute", "partnership",
    }
)  # fmt: skip
# Words that describe a kind of care rather than name a place: "Cognitive Behavioural
# Therapy", "General Practice", "Mental Health Centre", "Children's Hospital".
GENERIC_CARE_WORDS = frozenset(
    {
        "cognitive", "behavioural", "behavioral", "dialectical", "behaviour", "behavior",
        "couples", "couple", "family", "group", "individual", "art", "music", "drama", "play",
        "talk", "talking", "schema", "exposure", "narrative", "psychodynamic",
        "interpersonal", "solution", "focused", "focussed", "emotionally", "emotion",
        "compassion", "acceptance", "commitment", "trauma", "grief", "marriage", "marital",
        "sex", "speech", "physical", "occupational", "light", "online", "private", "public",
        "positive", "clinical", "counselling", "counseling", "child", "children", "children's",
        "adolescent", "adult", "health", "mental", "forensic", "educational", "sports",
        "general", "psychiatric", "teaching", "local", "district", "community", "day",
        "medical", "university", "crisis", "rehab", "rehabilitation", "addiction",
        "eating", "disorder", "disorders", "sleep", "pain", "walk-in", "urgent", "care",
        "primary", "secondary", "nhs", "my", "our", "the", "a", "an", "his", "her", "their",
        "your", "this", "that", "any", "some", "every", "each", "what", "which", "new",
        "old", "first", "second", "free", "cheap", "affordable", "good", "best", "bad",
        "cbt", "dbt", "act", "emdr", "ifs", "cat", "ipt", "mbct", "mindfulness", "based",
        "integrative", "humanistic", "person", "centred", "centered", "gestalt", "somatic",
        "internal", "systems", "wellness", "wellbeing", "psychology", "therapy", "clinic",
        "centre", "center", "practice", "hospital", "and", "&", "of", "for", "in", "at",
    }
)  # fmt: skip

# Common given names from many cultures: before a capitalised surname they make a full
# name ("Sarah Jones"). A surname alone, or a given name alone, is not asked about.
GIVEN_NAMES = frozenset(
    {
        "aaron", "abdul", "abigail", "adam", "adrian", "ahmed", "aisha", "alan", "alex",
        "alexander", "alexandra", "ali", "alice", "alison", "amanda", "amir", "amy", "ana",
        "andrea", "andrew", "angela", "anna", "anne", "anthony", "anya", "arjun", "ashley",
        "barbara", "ben", "benjamin", "beth", "brian", "carl", "carlos", "carmen", "caroline",
        "catherine", "charles", "charlotte", "chen", "chloe", "chris", "christine",
        "christopher", "claire", "daniel", "david", "deborah", "diana", "diego", "dmitri",
        "ed", "edward", "elena", "elizabeth", "ella", "emily", "emma", "eric", "fatima",
        "fiona", "francesca", "gareth", "gary", "george", "grace", "hannah", "hassan",
        "helen", "henry", "hiroshi", "ian", "isabel", "jack", "jacob", "james", "jane",
        "janet", "jason", "jean", "jennifer", "jessica", "joan", "john", "jonathan", "jose",
        "joseph", "julia", "karen", "kate", "katherine", "kevin", "kim", "laura", "lauren",
        "li", "linda", "lisa", "lucy", "luis", "maria", "mark", "martin", "mary", "matthew",
        "megan", "mei", "michael", "michelle", "mohammed", "muhammad", "nadia", "natalie",
        "nicholas", "nicola", "nina", "olivia", "omar", "patricia", "patrick", "paul",
        "peter", "priya", "rachel", "rahul", "raj", "rebecca", "richard", "robert", "ruth",
        "ryan", "samantha", "sandra", "sara", "sarah", "simon", "sofia", "sophie", "stephen",
        "steven", "susan", "thomas", "tom", "tim", "timothy", "victoria", "wei", "william",
        "yusuf", "zoe", "zara",
    }
)  # fmt: skip
# Given names that are also ordinary words: not taken as a name at the start of a
# sentence, where every word has a capital ("Grace Notes", "Mark Twain" mid-sentence is).
GIVEN_NAMES_ALSO_WORDS = frozenset({"grace", "mark", "kim", "jack"})

# Capitalised words that are no part of a name: sentence words, days, months, holidays,
# family words, and the things a question here names ("Google", "Reddit", "Zoom").
NOT_NAMES = frozenset(
    {
        "i", "i'm", "i've", "i'd", "i'll", "the", "a", "an", "and", "or", "but", "so",
        "if", "when", "then", "my", "our", "your", "his", "her", "their", "its", "this",
        "that", "these", "those", "he", "she", "they", "we", "you", "it", "is", "was", "are",
        "be", "has", "had", "have", "do", "did", "does", "not", "no", "yes", "to", "of",
        "in", "on", "at", "for", "with", "from", "by", "about", "after", "before", "since",
        "last", "next", "every", "today", "tomorrow", "yesterday", "tonight", "what",
        "why", "how", "who", "where", "which", "should", "would", "could", "can", "will",
        "may", "might", "must", "anyone", "someone", "everyone", "nobody", "thanks",
        "thank", "hi", "hello", "ok", "okay", "edit", "update", "also", "just", "still",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "christmas", "easter", "eid", "diwali",
        "ramadan", "hanukkah", "thanksgiving", "new", "year", "eve", "day",
        "mum", "mom", "mummy", "mommy", "dad", "daddy", "mother", "father", "grandma",
        "grandpa", "gran", "granny", "nan", "nana", "auntie", "aunt", "uncle", "god",
        "english", "british", "american", "canadian", "australian", "indian", "irish",
        "scottish", "welsh", "european", "christian", "muslim", "jewish", "hindu",
        "google", "reddit", "facebook", "instagram", "tiktok", "youtube", "zoom",
        "whatsapp", "twitter", "netflix", "amazon", "headspace", "calm", "betterhelp",
        "talkspace", "nhs", "covid", "adhd", "ocd", "ptsd", "cbt", "dbt", "emdr",
        # What people say their carers did, written with a capital in Title Case lines.
        "said", "says", "told", "asked", "thinks", "thought", "wants", "wanted", "seems",
        "seemed", "feels", "felt", "suggested", "recommended", "mentioned", "gave", "made",
        "keeps", "kept", "cancelled", "canceled", "ended", "left", "retired", "moved",
        "therapy", "therapist", "counselling", "counselor", "counsellor", "anxiety",
        "depression", "psychiatrist", "psychologist", "doctor", "hospital", "clinic",
    }
)  # fmt: skip

# A title in a question written in Title Case ("Should I Tell My Therapist About It") has
# capitals that say nothing: only the explicit signs (a title, a role) are read there.
TITLE_CASE_SHARE = 0.6

# Words that do not begin the name of a place of care ("The Priory Hospital").
_NOT_A_PLACE_NAME = NOT_NAMES | GENERIC_CARE_WORDS

# Words written with a full stop that does not end a sentence.
ABBREVIATIONS = TITLES | {"st", "mt"}

# A word: letters, with inner apostrophes or hyphens (O'Brien, Smith-Jones, Mary's).
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# What may stand between two words of one name: spaces, or a title's full stop.
_SPACE = re.compile(r"[ \t]+")
_TITLE_GAP = re.compile(r"\.?[ \t]+")
# What ends a sentence or a line before a word: its capital then says nothing.
_SENTENCE_END = re.compile(r"[.!?:;\n]")
_ROLE_GAP = re.compile(r"[ \t]*[,:(–—-]?[ \t]*")


class _Word:
    """A word of the text, where it is, and what the rules ask of it (worked out once)."""

    __slots__ = ("capital", "capitalised", "end", "key", "name_like", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        key = text.lower().replace("’", "'")
        # In lower case, without a possessive 's.
        self.key = key[:-2] if key.endswith("'s") else key
        self.capital = text[0].isupper()
        # Written like a name: a capital, then a lower-case letter ("Patel", not "NHS").
        self.capitalised = self.capital and any(c.islower() for c in text[1:])
        self.name_like = self.capitalised and self.key not in NOT_NAMES


def _words(text: str) -> list[_Word]:
    return [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _gap(text: str, words: list[_Word], i: int) -> str:
    """The text between word i-1 and word i (from the start, for the first word)."""
    return text[words[i - 1].end if i else 0 : words[i].start]


def _starts_sentence(text: str, words: list[_Word], i: int) -> bool:
    gap = _gap(text, words, i)
    if i and words[i - 1].key in ABBREVIATIONS and _TITLE_GAP.fullmatch(gap):
        return False  # "Dr. Patel": the full stop is the title's
    return i == 0 or bool(_SENTENCE_END.search(gap))


def _joined(text: str, words: list[_Word], i: int, pattern: re.Pattern[str] = _SPACE) -> bool:
    """Word i follows word i-1 on the same line, with only `pattern` between them."""
    return 0 < i < len(words) and bool(pattern.fullmatch(_gap(text, words, i)))


def _name_run(text: str, words: list[_Word], i: int, *, most: int = 3) -> int:
    """How many name-like words follow one another from word i (at most `most`)."""
    count = 0
    while (
        i + count < len(words)
        and count < most
        and words[i + count].name_like
        and (count == 0 or _joined(text, words, i + count))
    ):
        count += 1
    return count


# What a rule finds: the name as written, and the index of its last word.
Found = tuple[str, int]


def _span(text: str, words: list[_Word], first: int, last: int) -> Found:
    found = text[words[first].start : words[last].end]
    return (found[:-2] if found.lower().replace("’", "'").endswith("'s") else found), last


def _after_title(text: str, words: list[_Word], i: int) -> Found | None:
    """ "Dr. Patel", "Dr Kim", "Mrs Anna Smith": a title, then a name."""
    word = words[i]
    if word.key not in TITLES or not (word.capitalised or word.key in TITLES_IN_ANY_CASE):
        return None
    if i + 1 >= len(words) or not _joined(text, words, i + 1, _TITLE_GAP):
        return None
    count = _name_run(text, words, i + 1)
    return _span(text, words, i, i + count) if count else None


def _after_role(text: str, words: list[_Word], i: int) -> Found | None:
    """ "my therapist Anna", "my counsellor, Dr Lee", "our GP (Sam Ortiz)", "my social
    worker called Ben": a carer's role after "my", then a name."""
    if words[i].key not in POSSESSIVES or i + 1 >= len(words):
        return None
    j = i + 1
    if words[j].key in TWO_WORD_ROLES:
        if j + 1 >= len(words) or words[j + 1].key != TWO_WORD_ROLES[words[j].key]:
            return None
        j += 1
    elif words[j].key not in ROLES:
        return None
    k = j + 1
    while k < len(words) and words[k].key in BRIDGE_WORDS and not words[k].capitalised:
        k += 1
    if k >= len(words) or "\n" in text[words[j].end : words[k].start]:
        return None
    if k == j + 1 and not _ROLE_GAP.fullmatch(_gap(text, words, k)):
        return None
    if words[k].key in TITLES:
        return _after_title(text, words, k)
    count = _name_run(text, words, k)
    return _span(text, words, k, k + count - 1) if count else None


def _full_name(text: str, words: list[_Word], i: int) -> Found | None:
    """ "Sarah Jones": a common given name, then a capitalised surname."""
    word = words[i]
    if word.key not in GIVEN_NAMES or not word.capitalised:
        return None
    if word.key in GIVEN_NAMES_ALSO_WORDS and _starts_sentence(text, words, i):
        return None
    count = _name_run(text, words, i + 1, most=2) if _joined(text, words, i + 1) else 0
    if not count or words[i + count].key in CARE_PLACE_WORDS:
        return None
    return _span(text, words, i, i + count)


def _care_place(text: str, words: list[_Word], i: int) -> Found | None:
    """ "Riverside Counselling", "Brightwater Wellness Centre", "St Mary's Hospital": a
    run of capitalised words that ends in a word for a place of care and holds a word that
    names it."""
    if not words[i].capital:
        return None
    end = i
    while end + 1 < len(words) and words[end + 1].capital:
        # Spaces between the words, or an abbreviation's full stop ("St. Anne's Hospital").
        gap = _TITLE_GAP if words[end].key in ABBREVIATIONS else _SPACE
        if not _joined(text, words, end + 1, gap):
            break
        end += 1
    last = max((k for k in range(i, end + 1) if words[k].key in CARE_PLACE_WORDS), default=None)
    if last is None:
        return None
    start = i
    while start < last and words[start].key in _NOT_A_PLACE_NAME:
        start += 1
    if start == last or all(words[k].key in GENERIC_CARE_WORDS for k in range(start, last)):
        return None
    return text[words[start].start : words[last].end], last


def _title_case(text: str) -> bool:
    words = [word for word in _words(text) if len(word.text) > 3]
    return bool(words) and sum(w.text[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _find(text: str, *, explicit_only: bool) -> list[str]:
    words = _words(text)
    rules = [_care_place, _after_title, _after_role, _full_name]
    if explicit_only:
        rules = [_after_title, _after_role]
    found: list[str] = []
    i = 0
    while i < len(words):
        hit = next((hit for rule in rules if (hit := rule(text, words, i))), None)
        if hit is None:
            i += 1
        else:
            found.append(hit[0])
            i = hit[1] + 1  # the words of a name are not read again as the start of one
    return found


def find_names(title: str, body: str, *, ignore: Iterable[str] = ()) -> list[str]:
    """The names found in a question's title and text, each once, in the order they come;
    none that is in `ignore` (category names, tags), in any letter case."""
    ignored = {name.lower() for name in ignore}
    found = _find(title, explicit_only=_title_case(title)) + _find(body, explicit_only=False)
    seen: set[str] = set()
    names = []
    for name in found:
        key = " ".join(name.lower().split())
        if key not in seen and key not in ignored:
            seen.add(key)
            names.append(" ".join(name.split()))
    return names
