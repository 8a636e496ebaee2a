"""The screening engine on sentences written for these tests (none is from the evaluation
set): what people really write, and the hard cases the issue names."""

import time

import pytest

from mindwell.safety.models import Outcome
from mindwell.safety.screening import VERSION, Result, screen
from tests.safety import sentences

CRISIS = [
    "i want to die",
    "I really just want to die right now",
    "honestly i dont want to be alive anymore",
    "i cant stop thinking about killing myself",
    "ive been thinking about suicide a lot lately",
    "I'm going to kill myself tonight.",
    "i've decided to end my life this weekend",
    "I'm suicidal and I don't know who to talk to",
    "feeling really suicidal tonight, can't sleep",
    "i wish i was dead",
    "i dont want to wake up tomorrow",
    "I'm not okay. I want to die and I mean it.",
    "i dont think i want to be alive much longer",
    "my therapist doesnt know that im planning to kill myself",
    "I'm not being dramatic, I genuinely want to die.",
    "lately ive been wishing i could just go to sleep and never wake up",
    "I have no reason to live anymore.",
    "i've been having suicidal thoughts every day since my divorce",
    "I told my therapist I want to die and she just nodded.",
    "I am tired of living. I want to stop existing.",
    "Sometimes I think the only way out is to kill myself, and lately it's not sometimes.",
    "Im 15 and i want to die. my parents dont care",
    "Everyone would be better off without me. I think about ending it every day.",
    "i have written letters to my kids and sorted my will. i dont want to be here anymore.",
]
MISSPELT_OR_DISGUISED = [
    "i wnat to dieee",
    "i want to d1e",
    "i just want to kms",
    "i wanna dieeeee so bad rn",
    "im so sucidal tonight",
    "I want to ＤＩＥ",  # full-width letters
    "i want to k i l l myself",
    "thinking about un-aliving myself tbh",
    "I’m going to end my life",  # curly apostrophe
]
NO_PUNCTUATION = [
    "ive been so low for months nothing helps my family hates me i keep thinking about ending"
    " my life every night i dont see any point anymore",
    "so yeah work is bad and my ex took the dog and i dont even care anymore i just want to die"
    " honestly thats where im at",
]
CRISIS_AND_SWEARING = [
    "im so fucking done with life i want to kill myself",
    "this shit is too much, i honestly want to end it all",
    "fuck everything. i want to die. nobody gives a shit",
]
NEGATION = [
    "I'm not suicidal, just exhausted.",
    "i dont want to die, i just want the pain in my back to stop",
    "I would never kill myself, I have my kids.",
    "Not going to hurt myself, I just need to vent about my boss.",
    "i'm not thinking about suicide, i'm just really sad",
    "I don't want to kill myself. I want to be happy again.",
    "no i'm not going to end my life, i promise, i'm just tired",
    "people think i'm suicidal because i'm quiet but i'm not",
]
PAST = [
    "I attempted years ago and I'm doing much better now.",
    "When I was 17 I tried to kill myself. Now I'm 30 and a nurse.",
    "i used to cut when i was in school but i've been clean for six years",
    "Back then I wanted to die every day. Therapy changed that.",
    "Five years ago I was suicidal. Today I ran a marathon.",
    "I overdosed in 2015 and survived. If you're struggling, it gets better.",
]
THIRD_PERSON = [
    "My sister said she wants to die. What should I do?",
    "my boyfriend keeps saying he wants to kill himself, how do i help him",
    "My son has been cutting himself and I don't know how to talk to him.",
    "my best friend told me she's suicidal",
    "A friend of mine tried to end her life last night; she's in hospital now.",
    "my dad keeps saying he doesn't want to be alive anymore",
]
QUOTES_AND_LYRICS = [
    'There\'s a song that goes "I want to die in your arms" and I cry every time.',
    'My therapist asked "do you ever think about killing yourself?" and I said no.',
    "'i want to die' is what my little brother says every time he loses at fortnite lol",
    "that line from the poem, 'I wish I was dead and gone', is such good writing",
]
JOKES_AND_IDIOMS = [
    "killing it at work this week, got promoted!",
    "this exam is killing me",
    "I could murder a pizza right now",
    "I'm dead tired after the night shift",
    "i nearly died laughing at that video",
    "if i have to sit through another meeting i'm going to die lol",
    "I'd rather die than go to my in-laws for christmas",
    "my phone died and I missed my session",
    "we're dying to know how the date went!",
    "that presentation was so embarrassing i wanted to die lol",
    "i'm killing myself laughing at this thread",
    "My boss will be the death of me.",
    "I'm at the end of my rope with this landlord",
]
CLINICAL = [
    "What is the difference between suicidal ideation and intent?",
    "How do therapists assess suicide risk in adolescents?",
    "Research shows asking about suicide does not increase risk.",
    "Is it true that SSRIs can increase suicidal thoughts in young people?",
    "what should a crisis line volunteer say when a caller says they want to die?",
]
GRIEF = [
    "My mum died by suicide last year and I miss her every day.",
    "It's been a year since my brother took his own life. How do I get through the day?",
    "my grandad passed away last week and i feel numb",
]
THERAPIST_QUESTIONS = [
    "Is it normal to feel attached to my therapist?",
    "How do I tell my therapist I want to end our sessions?",
    "my therapist seems bored, should I end things with her?",
    "I want to end therapy but I'm scared to tell her.",
    "Should I tell my therapist I googled her?",
]
PROFANITY_ALONE = [
    "fuck this fucking job, my boss is a total asshole",
    "what the f*** is wrong with people, so pissed off",
    "shit day, shit week, shit everything. anyway how do i ask for a raise",
    "kill me now, this meeting is so boring",
]
OTHER_NONE = [
    "I take my pills every morning with breakfast.",
    "the bridge on my commute was closed today",
    "we used a rope swing at the lake all summer",
    "I cut my hair again last night and I love it",
    "my meds are in my bag, should I take them with food?",
    "I want to end the relationship but I'm scared of being alone.",
    "",
    "   ",
]
INCITEMENT = [
    "just kill yourself already nobody likes you",
    "go kys loser",
    "The world would be better off without you. Do us all a favour.",
    "you should just end it, nobody would miss you",
    "if you hate your life that much then just end it",
    "you keep saying you want to die so go ahead and prove it",
    "nobody would care if you died, just do it",
    "k1ll yourself",
]
PACTS = [
    "lets do it together this friday, neither of us has to be alone",
    "we both said we'd go this weekend. still in if you are?",
    "if you're serious we could end it together, message me privately",
]
METHOD = [
    "What is the most painless way to die?",
    "how many paracetamol would it take to die",
    "i cut myself again last night, deeper than before",
    "bought a rope today. it's in the boot of my car.",
    "I'm standing on the bridge right now",
]
CRISIS_WITH_METHOD = [
    "I've been saving up my pills for a week. I want to die.",
    "I want to die and the pills are lined up on my desk.",
    "i'm going to hang myself tonight",
    "I keep thinking about jumping in front of a train, I don't want to be here anymore",
]


def outcome(text: str) -> str:
    return screen(text).outcome


@pytest.mark.parametrize(
    "text", CRISIS + MISSPELT_OR_DISGUISED + NO_PUNCTUATION + CRISIS_AND_SWEARING
)
def test_first_person_current_intent_is_crisis_and_marks_support(text):
    result = screen(text)
    assert result.outcome == Outcome.CRISIS, result
    assert result.support
    assert result.reasons


@pytest.mark.parametrize(
    "text",
    NEGATION
    + PAST
    + THIRD_PERSON
    + QUOTES_AND_LYRICS
    + JOKES_AND_IDIOMS
    + CLINICAL
    + GRIEF
    + THERAPIST_QUESTIONS
    + PROFANITY_ALONE
    + OTHER_NONE,
)
def test_hard_negatives_are_none(text):
    result = screen(text)
    assert result.outcome == Outcome.NONE, result
    assert not result.support
    assert result.reasons


@pytest.mark.parametrize("text", INCITEMENT + PACTS)
def test_urging_someone_else_and_pacts_are_incitement(text):
    assert outcome(text) == Outcome.INCITEMENT, screen(text)


@pytest.mark.parametrize("text", METHOD)
def test_means_and_method_detail_are_method(text):
    assert outcome(text) == Outcome.METHOD, screen(text)


@pytest.mark.parametrize("text", CRISIS_WITH_METHOD)
def test_intent_with_a_means_is_method_and_still_marks_support(text):
    result = screen(text)
    assert result.outcome == Outcome.METHOD, result
    assert result.support


@pytest.mark.parametrize("text", sentences.CRISIS)
def test_more_ways_of_saying_it_are_crisis(text):
    result = screen(text)
    assert (result.outcome, result.support) == (Outcome.CRISIS, True), result


@pytest.mark.parametrize("text", sentences.METHOD)
def test_more_means_and_detail_are_method(text):
    assert outcome(text) == Outcome.METHOD, screen(text)


@pytest.mark.parametrize("text", sentences.INCITEMENT)
def test_more_urging_and_pacts_are_incitement(text):
    assert outcome(text) == Outcome.INCITEMENT, screen(text)


@pytest.mark.parametrize("text", sentences.NONE)
def test_more_hard_negatives_are_none(text):
    result = screen(text)
    assert result.outcome == Outcome.NONE, result


def test_reasons_name_the_words_and_how_they_were_read():
    result = screen("I keep telling people I'm fine. I'm not. Lately I want to die, honestly.")
    assert result.outcome == Outcome.CRISIS
    assert any("'I want to die'" in reason for reason in result.reasons), result.reasons
    past = screen("When I was 16 I wanted to die.")
    assert past.outcome == Outcome.NONE
    assert any("past" in reason for reason in past.reasons), past.reasons


def test_the_outcomes_are_the_models_values_and_the_version_is_short():
    assert {Outcome.CRISIS, Outcome.METHOD, Outcome.INCITEMENT, Outcome.NONE} >= {
        outcome(t) for t in ["i want to die", "kill yourself", "", "lethal dose of what"]
    }
    assert isinstance(screen("hello"), Result)
    assert 0 < len(VERSION) <= 20  # fits Screening.version


ODD_TEXTS = [
    "\x00\x01\x02 binary \xff\xfe",
    "\ud800 lone surrogate",
    "🙂" * 5000,
    "a" * 200_000,
    "'" * 10_000,
    '"' * 10_001,
    "i " * 50_000,
    "want to " * 20_000,
    "k.i.l.l " * 5000,
    "لا أريد أن أعيش",
    "我不想活了",
    "\n" * 10_000,
    "i\u200bwant\u200bto\u200bdie",
]


@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
def test_any_text_screens_quickly_without_error(text):
    started = time.perf_counter()
    result = screen(text)
    assert time.perf_counter() - started < 1.0
    assert result.outcome in Outcome.values
