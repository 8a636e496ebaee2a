"""How a text is screened: cues found by the rule files, each weighed in its context, summed
per outcome, the outcome decided, and a wording model asked where the rules find too little.

1. The text is normalised into clauses (normalize.py).
2. Every phrase of crisis.txt, method.txt and incitement.txt whose words occur in a clause is
   matched against it: a cue, with its group's weight and tense.
3. Each cue is weighed in its context (context.txt markers, looked for near the cues and only
   when asked for): negated ("i'm not suicidal"), someone else's words or belief ("she said",
   "everyone thinks i'm"), another person's doing ("my sister ... cutting"), the past ("when i
   was 16", "years ago"; a past-tense cue counts only with "last night", "again", ...), an
   idiom ("killing it", "dead tired"), an accident (for self-harm words), "end it" after a
   relationship or a job: these count nothing. Quoted words, "if ..." and a joke ("lol", "not
   literally") count part, unless the writer insists ("i mean it", "no joke").
4. The counted weights are summed per outcome; a phrase said twice counts once and a group
   adds at most twice its weight. The writer's reassurance ("not suicidal", "i'm safe"; not
   one a "but" takes back) and a recovery story ("doing better now") take from crisis.
5. incitement if its sum reaches INCITEMENT; else method if its sum reaches METHOD; else, if
   crisis reaches CRISIS, method when the writer also names a means of their own
   (METHOD_WITH_CRISIS), crisis otherwise; else none.
6. A text the rules leave at none goes to the wording model (model.py), which reads it
   without the words the rules discounted; above its threshold (lower for long posts and
   when the rules counted some crisis language, higher after reassurance) it is crisis, or
   method with a means of the writer's own.
`support` is set when crisis language counts for at least SUPPORT, a method is the writer's
own, or the model spoke; never when the outcome is none.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from mindwell.safety.screening.model import Model
from mindwell.safety.screening.model import load as load_model
from mindwell.safety.screening.normalize import LONGEST_CLAUSE, Clause, Doc, Normaliser, clauses
from mindwell.safety.screening.rules import Rule, RuleSet, load, word_set

CRISIS = 2.0
METHOD = 2.0
METHOD_WITH_CRISIS = 1.0  # a means of the writer's own, in a text that is crisis: method
INCITEMENT = 2.5
SUPPORT = 1.5
REASSURANCE = 2.5  # taken from crisis by a counted "i'm not suicidal"
RECOVERY = 1.5  # taken from crisis by a counted "i'm doing better now"
MOST_REASONS = 10

NEGATION_REACH = 3  # words between a negation and what it negates
REPORTED_REACH = 4
THIRD_PERSON_REACH = 5
PAST_REACH = 8
JOKE_REACH = 10
IF_REACH = 3
CONTEXT_REACH = 14  # context is looked for this many words around a cue
WHOLE_TEXT = ("reassurance", "recovery")  # kinds of context that hold for the whole text
NEAR = "near"  # the other kinds, looked for near the cues
# The wording model (model.py) makes a text the rules left at none crisis when its
# probability reaches MODEL_ALONE; MODEL_WITH_CUES when the rules counted some crisis language
# (MODEL_WITH_CUES_FROM); MODEL_REASSURED when the writer reassures or tells of recovery.
# A short text gives the model few words to go on (and the rules read short texts well), so
# it must be surer there; a long post's crisis language is spread thin and varied. Alone, it
# must be sure: at 0.5 / 0.7 it read 4 of the demo community's 239 ordinary posts (stopping
# a medication, an ex, health anxiety) as crisis; at 0.8 / 0.9, 1 (hopelessness), with the
# tuning part's crisis recall 0.99 -> 0.985 (2026-12-07, decided without the held-out part).
MODEL_LONG_FROM = 60  # words
MODEL_ALONE_SHORT = 0.9
MODEL_WITH_CUES_SHORT = 0.6
MODEL_ALONE = 0.8
MODEL_WITH_CUES = 0.35
MODEL_WITH_CUES_FROM = 1.0
MODEL_REASSURED = 0.8

_SELF = word_set("i im ive id ill me myself")
_FIRST_PERSON = _SELF | {"my", "mine"}
# Words that may stand between a negation and what it negates.
_TRANSPARENT = word_set(
    "ever really actually even that i im ive am be just truly seriously honestly going gonna "
    "to like planning trying wanting about of so ever feel feeling been have a"
)


@dataclass(frozen=True)
class Cue:
    rule: Rule
    first: int  # word indices in the doc, first..last-1
    last: int
    weight: float  # as counted, after its context
    why: str  # how the context changed it: "" (fully), or "past", "negated", ...


@dataclass(frozen=True)
class Verdict:
    outcome: str
    support: bool
    reasons: tuple[str, ...]
    scores: dict[str, float]


HOLDING, STARTING, ENDING = 0, 1, 2  # what Matcher.checks look up (Index's tables)


class Matcher:
    """Finds the matches of some rules in clauses: one-word phrases by lookup, the others by
    their expressions, tried only on the clauses that hold a word of every word set the
    phrase requires. Which clauses hold a word is worked out once per text, as the bits of
    an int (Index), so that a long text costs one pass over its clauses and a few
    operations per rule."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.single: dict[str, list[Rule]] = defaultdict(list)
        self.index: dict[str, list[int]] = defaultdict(list)
        for number, rule in enumerate(rules):
            if rule.single is not None:
                for word in rule.single:
                    self.single[word].append(rule)
            else:
                for word in rule.anchor:
                    self.index[word].append(number)
        self.words = frozenset(self.single) | frozenset(self.index)
        # Every word a clause is looked up by: the one-word phrases and the required words.
        self.vocabulary = self.words.union(*(r for rule in rules for r in rule.requires))
        # What a clause must have for a phrase to be tried on it, the most telling first:
        # (HOLDING, STARTING or ENDING, words), the clause's first or last word for a phrase
        # bound to its start or end, then a word of each required set.
        self.checks = [
            [
                *([(STARTING, rule.starts)] if rule.starts is not None else []),
                *([(ENDING, rule.ends)] if rule.ends is not None else []),
                *((HOLDING, words) for words in rule.requires),
            ]
            for rule in rules
        ]

    def match(
        self,
        clauses: list[Clause],
        index: Index,
        which: int,
        found: dict[tuple[int, int, int], tuple[Rule, int, int]],
    ) -> None:
        """Adds to found the matches in the clauses `which` (bits) as (rule, first word,
        last word + 1)."""
        holding = index.holding
        present = holding.keys()
        for word in present & self.single.keys():
            rules = self.single[word]
            for number in _bits(holding[word] & which):
                clause = clauses[number]
                at = -1
                for _ in range(clause.words.count(word)):
                    at = clause.words.index(word, at + 1)
                    where = clause.first + at
                    for rule in rules:
                        found[(id(rule), where, where + 1)] = (rule, where, where + 1)
        candidates: set[int] = set()
        for word in present & self.index.keys():
            candidates.update(self.index[word])
        tables = (holding, index.starting, index.ending)
        known: tuple[dict[frozenset[str], int], ...] = ({}, {}, {})  # bits per word set
        for rule_number in candidates:
            rule = self.rules[rule_number]
            where = which
            for table, words in self.checks[rule_number]:
                bits = known[table].get(words)
                if bits is None:
                    bits = 0
                    of = tables[table]
                    for word in of.keys() & words:
                        bits |= of[word]
                    known[table][words] = bits
                where &= bits
                if not where:
                    break
            else:
                for number in _bits(where):
                    clause = clauses[number]
                    for match in rule.regex.finditer(clause.string):
                        first = clause.word_at(match.start())
                        last = clause.word_at(match.end())
                        found[(id(rule), first, last)] = (rule, first, last)


@dataclass(frozen=True)
class Index:
    """Which clauses of a text (the bits of an int) hold each word that some rule looks for,
    and which begin and end with each word."""

    holding: dict[str, int]
    starting: dict[str, int]
    ending: dict[str, int]


def _bits(bits: int) -> Iterator[int]:
    """The numbers of the bits set in an int, lowest first."""
    while bits:
        low = bits & -bits
        yield low.bit_length() - 1
        bits ^= low


class Engine:
    def __init__(self, rules: RuleSet, model: Model | None = None) -> None:
        self.rules = rules
        self.normaliser = Normaliser(rules)
        self.cues = Matcher([r for r in rules.rules if r.category != "context"])
        self.order = {id(rule): number for number, rule in enumerate(rules.rules)}
        context = [rule for rule in rules.rules if rule.category == "context"]
        self.markers = {
            NEAR: Matcher([rule for rule in context if rule.kind not in WHOLE_TEXT]),
            **{
                kind: Matcher([rule for rule in context if rule.kind == kind])
                for kind in WHOLE_TEXT
            },
        }
        self.vocabulary = self.cues.vocabulary.union(
            *(matcher.vocabulary for matcher in self.markers.values())
        )
        self.model = model
        self.group_weight: dict[tuple[str, str], float] = {}
        for rule in rules.rules:
            key = (rule.category, rule.group)
            self.group_weight[key] = max(self.group_weight.get(key, 0.0), rule.weight)

    def doc(self, text: str) -> Doc:
        return clauses(self.normaliser.words(text), text)

    def index(self, doc: Doc) -> Index:
        holding: dict[str, int] = {}
        vocabulary = self.vocabulary
        for number, clause in enumerate(doc.clauses):
            bit = 1 << number
            for word in vocabulary.intersection(clause.words):
                holding[word] = holding.get(word, 0) | bit
        starting: dict[str, int] = defaultdict(int)
        ending: dict[str, int] = defaultdict(int)
        for number, clause in enumerate(doc.clauses):
            starting[clause.words[0]] |= 1 << number
            ending[clause.words[-1]] |= 1 << number
        return Index(holding, starting, ending)

    def matches(self, doc: Doc, index: Index) -> tuple[list[tuple[Rule, int, int]], int]:
        """The cues (crisis, method and incitement phrases) found, as (rule, first word, last
        word + 1), each once; and the clauses near them (bits), where context is looked for."""
        found: dict[tuple[int, int, int], tuple[Rule, int, int]] = {}
        clauses = doc.clauses
        self.cues.match(clauses, index, (1 << len(clauses)) - 1, found)
        if not found:
            return [], 0
        near = bytearray(len(doc.words))
        for _, first, last in found.values():
            low, high = max(0, first - CONTEXT_REACH), min(len(near), last + CONTEXT_REACH)
            near[low:high] = b"\1" * (high - low)
        nearby = 0
        for number, clause in enumerate(clauses):
            if near.find(1, clause.first, clause.first + len(clause.words)) != -1:
                nearby |= 1 << number
        # In the order of the text, then of the rule files: ties in _best() are settled the
        # same way whatever order the rules were tried in.
        order = self.order
        cues = sorted(found.values(), key=lambda m: (m[1], m[2], order[id(m[0])]))
        return cues, nearby

    def judge(self, text: str) -> Verdict:
        doc = self.doc(text)
        index = self.index(doc)
        found, nearby = self.matches(doc, index)
        context = Context(doc, self.markers, index, nearby)
        cues = _best([context.weigh(rule, first, last) for rule, first, last in found])
        scores = {"crisis": 0.0, "method": 0.0, "incitement": 0.0}
        by_group: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        for cue in cues:
            if cue.weight > 0:
                # A phrase said twice counts once; different phrases of a group add up, to
                # twice the group's weight.
                per_rule = by_group[(cue.rule.category, cue.rule.group)]
                per_rule[cue.rule.where] = max(per_rule.get(cue.rule.where, 0.0), cue.weight)
        for (category, group), per_rule in by_group.items():
            top = self.group_weight[(category, group)]
            scores[category] += min(sum(per_rule.values()), 2 * top)
        notes: list[str] = []
        reassured = scores["crisis"] > 0 and [
            (a, b) for a, b in context.counted("reassurance") if not _outweighed(doc, (a, b), cues)
        ]
        if reassured:
            scores["crisis"] = max(0.0, scores["crisis"] - REASSURANCE)
            notes += [f"reassurance: '{doc.snippet(a, b)}'" for a, b in reassured[:2]]
        recovered = scores["crisis"] > 0 and context.counted("recovery")
        if recovered:
            scores["crisis"] = max(0.0, scores["crisis"] - RECOVERY)
            notes += [f"recovery: '{doc.snippet(a, b)}'" for a, b in recovered[:2]]
        own_method = any(
            cue.weight > 0 and cue.rule.category == "method" and cue.rule.kind != "information"
            for cue in cues
        )
        if scores["incitement"] >= INCITEMENT:
            outcome = "incitement"
        elif scores["method"] >= METHOD:
            outcome = "method"
        elif scores["crisis"] >= CRISIS:
            # The writer's intent and a means of their own, however briefly named: method.
            own = own_method and scores["method"] >= METHOD_WITH_CRISIS
            outcome = "method" if own else "crisis"
        else:
            outcome = "none"
        support = scores["crisis"] >= SUPPORT or (outcome == "method" and own_method)
        if outcome == "none" and self.model is not None:
            second = self.second_opinion(doc, context, cues, scores)
            if second is not None:
                own = own_method and scores["method"] >= METHOD_WITH_CRISIS
                outcome = "method" if own else "crisis"
                support = True
                notes.insert(0, second)
        support = support and outcome != "none"  # below every threshold: nobody is told
        reasons = _reasons(doc, cues, outcome, notes)
        return Verdict(outcome=outcome, support=support, reasons=reasons, scores=scores)

    @staticmethod
    def undiscounted(doc: Doc, cues: list[Cue]) -> list[str]:
        """The text's words without those of cues the rules discounted."""
        discounted = bytearray(len(doc.words))
        for cue in cues:
            if cue.weight < cue.rule.weight:
                discounted[cue.first : cue.last] = b"\1" * (cue.last - cue.first)
        return [w for w, out in zip(doc.words, discounted, strict=True) if not out]

    def second_opinion(
        self, doc: Doc, context: Context, cues: list[Cue], scores: dict[str, float]
    ) -> str | None:
        """The wording model's reading of a text the phrase rules did not find to be crisis:
        a reason when it is crisis. The words of phrases the rules found and discounted (a
        joke, the past, someone else, negated) are left out of what the model reads, and a
        writer's reassurance or a recovery story asks more of it."""
        assert self.model is not None
        words = self.undiscounted(doc, cues) if cues else doc.words
        probability, strongest = self.model.judge(words)
        short = len(doc.words) < MODEL_LONG_FROM
        needed = MODEL_ALONE_SHORT if short else MODEL_ALONE
        if scores["crisis"] >= MODEL_WITH_CUES_FROM:
            needed = MODEL_WITH_CUES_SHORT if short else MODEL_WITH_CUES
        if probability < needed:
            return None
        # Looked for only now: reassurance and recovery are searched in the whole text.
        if probability < MODEL_REASSURED and (
            context.counted("reassurance") or context.counted("recovery")
        ):
            return None
        words_said = ", ".join(f"'{feature}'" for feature in strongest)
        return f"wording typical of crisis posts (model, {probability:.2f}): {words_said}"


def _outweighed(doc: Doc, span: tuple[int, int], cues: list[Cue]) -> bool:
    """Reassurance that a "but" takes back in the same sentence: "i don't want to die but i
    don't want to live either"."""
    a, b = span
    return any(
        cue.rule.category == "crisis"
        and cue.weight > 0
        and cue.first >= b
        and doc.sentence_of[cue.first] == doc.sentence_of[a]
        and "but" in doc.words[b : cue.first + 1]
        for cue in cues
    )


def _distance(span: tuple[int, int], first: int, last: int) -> int:
    a, b = span
    return first - b if b <= first else a - last if a >= last else 0


def _best(cues: list[Cue]) -> list[Cue]:
    """Overlapping cues of one outcome count once: the heaviest as counted (then the
    longest, then the first in the text and in the rule files) of them."""
    chosen: list[Cue] = []
    taken: dict[str, set[int]] = defaultdict(set)
    for cue in sorted(cues, key=lambda c: (-c.weight, -(c.last - c.first), c.first)):
        words = taken[cue.rule.category]
        span = range(cue.first, cue.last)
        if any(at in words for at in span):
            continue
        words.update(span)
        chosen.append(cue)
    return sorted(chosen, key=lambda c: c.first)


class Context:
    """The context markers found in one text, and how they weigh a cue."""

    LONGEST_MARK = 12  # words; no context phrase is longer

    def __init__(self, doc: Doc, markers: dict[str, Matcher], index: Index, nearby: int) -> None:
        self.doc = doc
        self.markers = markers
        self.index = index
        self.near_kinds = {rule.kind for rule in markers[NEAR].rules}
        self.nearby = nearby
        self.found: dict[str, tuple[list[tuple[int, int]], list[int]]] = {}
        self._negation_ends: dict[int, tuple[int, int]] | None = None

    def spans(self, kind: str) -> list[tuple[int, int]]:
        """The markers of one kind, looked for when first asked for: all kinds at once near
        the cues, or reassurance and recovery in the whole text."""
        if kind not in self.found:
            load = kind if kind in WHOLE_TEXT else NEAR
            clauses = self.doc.clauses
            which = (1 << len(clauses)) - 1 if load in WHOLE_TEXT else self.nearby
            found: dict[tuple[int, int, int], tuple[Rule, int, int]] = {}
            self.markers[load].match(clauses, self.index, which, found)
            by_kind: dict[str, set[tuple[int, int]]] = defaultdict(set)
            for rule, first, last in found.values():
                by_kind[rule.kind].add((first, last))
            for each in [kind] if load in WHOLE_TEXT else self.near_kinds | {kind}:
                spans = sorted(by_kind.get(each, ()))
                self.found[each] = (spans, [a for a, _ in spans])
        return self.found[kind][0]

    def overlapping(self, kind: str, first: int, last: int) -> list[tuple[int, int]]:
        """The markers of a kind that share a word with words first..last-1 (a marker, found
        in a clause, is no longer than a clause)."""
        spans = self.spans(kind)
        starts = self.found[kind][1]
        low = bisect_left(starts, first - LONGEST_CLAUSE)
        return [(a, b) for a, b in spans[low : bisect_left(starts, last)] if first < b]

    def near(
        self,
        kind: str,
        first: int,
        last: int,
        *,
        before: int,
        after: int = 0,
        same: str,
        inside: bool = True,
    ) -> tuple[int, int] | None:
        """The nearest marker of this kind ending up to `before` words before the cue,
        starting up to `after` words after it, or inside or around it; in the same scope,
        sentence, or anywhere (`same`)."""
        spans = self.spans(kind)
        if not spans:
            return None
        doc = self.doc
        unit = doc.scope_of if same == "scope" else doc.sentence_of if same == "sentence" else None
        starts = self.found[kind][1]
        low = bisect_left(starts, first - before - self.LONGEST_MARK)
        high = bisect_right(starts, last + after)
        best: tuple[int, tuple[int, int]] | None = None
        for a, b in spans[low:high]:
            if unit is not None and unit[a] != unit[first] and unit[b - 1] != unit[first]:
                continue
            if first - before <= b <= first:
                distance = first - b
            elif after and last <= a <= last + after:
                distance = a - last
            elif inside and a < last and first < b:
                distance = 0
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, (a, b))
        return best[1] if best else None

    def negated(self, first: int) -> bool:
        """A negation right before the cue, or before words like "really", "ever", "going
        to" that stand between ("i'm not really going to"); not "can't stop", "don't think i"."""
        words = self.doc.words
        scope = self.doc.scope_of
        negations = self.spans("negation")
        if not negations:
            return False
        if self._negation_ends is None:
            self._negation_ends = {b: (a, b) for a, b in negations}
        for a, _ in self.overlapping("negation", first, first + 1):
            if a < first and scope[a] == scope[first]:
                return True  # "no wish to die": the negation holds the cue's first word
        at = first
        for _ in range(NEGATION_REACH + 1):
            found = self._negation_ends.get(at)
            if found and scope[found[0]] == scope[first]:
                a, b = found
                return not self.near("not-negation", a, b, before=0, same="scope")
            if at == 0 or scope[at - 1] != scope[first] or words[at - 1] not in _TRANSPARENT:
                return False
            at -= 1
        return False

    def ends_something_else(self, first: int, last: int) -> bool:
        """ "end it" or "end things" (not "end it all") shortly after a relationship, a job, a
        lease...: "this relationship is dead, i need to end it"."""
        words = self.doc.words
        for at in range(first, last - 1):
            if words[at] in ("end", "ending") and words[at + 1] in ("it", "things"):
                if at + 2 < len(words) and words[at + 2] == "all":
                    return False
                return bool(self.near("other-ending", at, at + 2, before=8, same="sentence"))
        return False

    def third_person(self, first: int, last: int) -> bool:
        """Someone else is the subject: a third person shortly before, and the cue itself
        does not name the writer ("everyone would be better off without me" is the writer's)."""
        if any(word in _FIRST_PERSON for word in self.doc.words[first:last]):
            return False
        found = self.near("third-person", first, first, before=THIRD_PERSON_REACH, same="scope")
        if not found or found[0] >= first:
            return False
        if self.near("self-inclusive", *found, before=2, same="scope"):
            return False  # "does anyone else think about ...": the writer does
        between = self.doc.words[found[1] : first]
        return not any(word in _SELF for word in between)

    def weigh(self, rule: Rule, first: int, last: int) -> Cue:
        doc = self.doc
        clause = doc.clauses[doc.clause_of[first]]

        def cue(factor: float, why: str = "") -> Cue:
            return Cue(rule, first, last, rule.weight * factor, why)

        if self.overlapping("idiom", first, last):
            return cue(0, "a figure of speech")
        if self.negated(first):
            return cue(0, "negated")
        if self.ends_something_else(first, last):
            return cue(0, "about ending something else")
        if self.reported(first, last):
            return cue(0, "someone else's words")
        if clause.quoted and self.near("reported", first, last, before=8, same="sentence"):
            return cue(0, "someone else's words")  # he said 'i've thought about ...'
        if rule.category != "incitement" and self.third_person(first, last):
            return cue(0, "about someone else")
        if rule.category == "method" and self.near(
            "accident", first, last, before=8, after=8, same="sentence", inside=False
        ):
            return cue(0, "an accident")
        if rule.category == "incitement":  # abuse is of the moment: no past, no future
            return self.weigh_rest(rule, first, last, clause, recent=None)
        recent = self.near(
            "recent", first, last, before=PAST_REACH, after=PAST_REACH, same="sentence"
        )
        past = self.near("past", first, last, before=PAST_REACH, after=PAST_REACH, same="sentence")
        if recent and past:
            # The nearer frame wins; a tie goes to the cue's own tense.
            nearer_past = _distance(past, first, last) - _distance(recent, first, last)
            if nearer_past < 0 or (nearer_past == 0 and rule.tense == "past"):
                recent = None
        if rule.tense == "past" and not recent:
            return cue(0, "past")
        if rule.tense != "past" and past and not recent:
            return cue(0, "past")
        return self.weigh_rest(rule, first, last, clause, recent=recent)

    def weigh_rest(
        self, rule: Rule, first: int, last: int, clause: Clause, *, recent: tuple[int, int] | None
    ) -> Cue:
        """Quotation, "if" and jokes, which count part."""
        factor = 1.0
        why = ""
        if clause.quoted and not self.own_thought(first):
            factor, why = 0.25, "quoted"
        hypothetical = rule.category != "incitement" and self.near(
            "hypothetical", first, last, before=IF_REACH, same="scope", inside=False
        )
        if hypothetical and self.near("not-hypothetical", *hypothetical, before=0, same="scope"):
            hypothetical = None  # "if i'm honest", "if that makes sense"
        if hypothetical:
            factor, why = factor * 0.5, "hypothetical"
        # A laugh after the words ("i want to die lol") or beside them makes a joke of them;
        # one before, in a clause of its own ("haha so yeah ..."), is nerves.
        joke = self.near("joke", first, last, before=0, after=JOKE_REACH, same="any") or (
            self.near("joke", first, last, before=JOKE_REACH, same="scope")
        )
        sincere = self.near("sincere", first, last, before=JOKE_REACH, after=JOKE_REACH, same="any")
        if joke and not sincere and rule.category != "incitement":
            factor, why = factor * 0.2, "a joke"
        why = why or ("recent" if recent and rule.tense == "past" else rule.tense)
        return Cue(rule, first, last, rule.weight * factor, why)

    def reported(self, first: int, last: int) -> bool:
        """Someone else's words or belief just before the cue, or reaching into its first
        words ("people think i'm ..."); not a speech verb within the cue's own phrase ("my
        head keeps telling me to ...")."""
        if self.near("reported", first, last, before=REPORTED_REACH, same="scope", inside=False):
            return True
        return any(a < first for a, _ in self.overlapping("reported", first, first + 1))

    def own_thought(self, first: int) -> bool:
        """A quotation the writer introduces as their own thought ("i keep thinking '...'"):
        the lead-in is outside the quotation marks, shortly before."""
        doc = self.doc
        found = self.near("thought", first, first, before=4, same="sentence", inside=False)
        return found is not None and not doc.clauses[doc.clause_of[found[0]]].quoted

    def counted(self, kind: str) -> list[tuple[int, int]]:
        """Markers of a kind (reassurance, recovery) that are the writer's own, not quoted or
        reported."""
        out = []
        for a, b in self.spans(kind):
            clause = self.doc.clauses[self.doc.clause_of[a]]
            if clause.quoted or self.near("reported", a, b, before=REPORTED_REACH, same="scope"):
                continue
            out.append((a, b))
        return out


_LABELS = {"crisis": "crisis", "method": "method", "incitement": "incitement"}


def _reasons(doc: Doc, cues: list[Cue], outcome: str, notes: list[str]) -> tuple[str, ...]:
    """What a moderator reads: the counted words, heaviest first (the outcome's own first),
    then reassurance and recovery, then words that were found but not counted, and why."""
    order = {outcome: 0, "method": 1, "crisis": 2, "incitement": 3}
    counted = sorted(
        (cue for cue in cues if cue.weight > 0),
        key=lambda cue: (order.get(cue.rule.category, 4), -cue.weight, cue.first),
    )
    reasons: dict[str, None] = {}  # in order, each once
    if outcome == "none" and counted:
        reasons["below the threshold for any outcome"] = None
    for cue in counted[: 3 * MOST_REASONS]:
        if len(reasons) >= MOST_REASONS:
            break
        how = f" ({cue.why})" if cue.why and cue.why != "any" else ""
        reasons[f"{cue.rule.group}: '{doc.snippet(cue.first, cue.last)}'{how}"] = None
    for note in notes:
        reasons[note] = None
    for cue in [cue for cue in cues if cue.weight == 0][: 3 * MOST_REASONS]:
        if len(reasons) >= MOST_REASONS:
            break
        if cue.weight == 0:
            snippet = doc.snippet(cue.first, cue.last)
            reasons[f"not counted, {cue.why}: {cue.rule.group} '{snippet}'"] = None
    if not reasons:
        return ("no crisis, incitement or method language found",)
    return tuple(reasons)[:MOST_REASONS]


ENGINE = Engine(load(), load_model())
