"""The words of a generated site: tag names, question titles and a small pool of Markdown
texts for bodies, each rendered once."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from mindwell.core.markdown import render_markdown

WORDS = (
    "anxiety", "depression", "therapy", "relationships", "sleep", "grief", "stress", "family",
    "boundaries", "self-esteem", "panic", "loneliness", "burnout", "dating", "marriage",
    "parenting", "friendship", "trauma", "cbt", "mindfulness", "breakup", "jealousy", "trust",
    "communication", "work", "motivation", "anger", "shame", "guilt", "rumination",
    "attachment", "transference", "medication", "social-anxiety", "insomnia", "exercise",
    "journaling", "emdr", "psychodynamic", "counselling", "divorce", "siblings", "parents",
    "conflict", "avoidance", "perfectionism", "procrastination", "confidence", "loss",
    "health-anxiety", "intrusive-thoughts", "ocd", "adhd", "postnatal", "caregiving",
    "isolation", "moving", "studying", "exams", "retirement", "identity", "coming-out",
    "long-distance", "infidelity", "forgiveness", "apologising", "crying", "numbness",
    "fatigue", "appetite", "routine", "waiting-lists", "costs", "online-therapy",
    "group-therapy", "endings", "first-session", "homework", "relapse", "recovery",
)  # fmt: skip
FEELINGS = (
    "anxious", "stuck", "exhausted", "lonely", "overwhelmed", "numb", "guilty", "hopeful",
    "confused", "angry", "embarrassed", "restless",
)  # fmt: skip
OPENERS = (
    "How do I cope when", "Is it normal that", "What can I do when", "Should I worry that",
    "How do I talk to my partner when", "Why do I feel worse when", "How did you get through",
    "Does it get easier when", "What helped you when", "Is therapy worth it when",
)  # fmt: skip
SITUATIONS = (
    "I feel {f} after every session", "my friend stops replying", "I can't sleep before work",
    "my parents criticise my choices", "I keep checking my phone at night",
    "I feel {f} around new people", "my therapist is going on leave", "we argue about money",
    "I cry for no clear reason", "I feel {f} on Sunday evenings", "my partner wants space",
    "I start a new medication", "I have to end a long friendship", "I feel {f} at family dinners",
    "my sibling won't speak to me", "I am waiting months for therapy",
)  # fmt: skip
SENTENCES = (
    "It started a few months ago and has been getting slowly worse.",
    "I have tried writing things down, which helps a little, but not for long.",
    "My partner is supportive, though I can tell it is wearing on them too.",
    "Some days are fine and then something small sets it off again.",
    "I don't want to overreact, but I also don't want to ignore it.",
    "A friend suggested talking to a professional and I am not sure where to start.",
    "It is worst in the evenings, when there is nothing to distract me.",
    "I noticed I avoid the situations that make it worse, which seems to make it bigger.",
    "Breathing slowly helps in the moment; the hard part is the hours afterwards.",
    "I keep telling myself I should be over this by now.",
    "Work has been busy, and I wonder how much of this is simply stress.",
    "I would love to hear from anyone who has been through something similar.",
)  # fmt: skip
ANSWER_SENTENCES = (
    "What you describe is very common, and it says nothing bad about you.",
    "It may help to notice what happens just before the feeling starts.",
    "Try naming the feeling out loud; it often takes some of its power away.",
    "Small, regular routines do more than big resolutions.",
    "If it keeps getting in the way of daily life, a GP is a good first step.",
    "Be as kind to yourself as you would be to a friend in the same place.",
    "Bringing this up with your therapist directly is usually worth the awkwardness.",
    "Writing a short list of what helped on better days can guide you on harder ones.",
    "Sleep, food and movement are boring answers, and they matter a lot.",
    "You don't have to solve it all at once; one conversation is a start.",
)  # fmt: skip
COMMENTS = (
    "Thank you, this helps more than you know.", "Same here. You are not alone in this.",
    "Could you say more about what you tried first?", "This is really thoughtful advice.",
    "I had the same experience last year; it did get better.",
    "Have you been able to talk to anyone about it?", "Saving this for a hard day.",
    "The point about routines is so true.", "Sending kindness your way.",
    "Did your GP suggest anything?", "That is a good question, I wondered too.",
)  # fmt: skip
GUEST_NAMES = ("", "", "Sam", "a reader", "J.", "Quiet visitor", "Alex", "")
EDIT_REASONS = ("Added more detail", "Fixed a typo", "Clarified the question", "")


@dataclass(frozen=True, slots=True)
class Text:
    """A body and its HTML, rendered once and shared by every post that uses it."""

    body: str
    html: str

    @classmethod
    def of(cls, body: str) -> Text:
        return cls(body, render_markdown(body))


@dataclass(frozen=True)
class TextPool:
    questions: list[Text]
    answers: list[Text]
    comments: list[Text]

    @classmethod
    def draw(cls, rng: random.Random) -> TextPool:
        questions = [_markdown(SENTENCES, rng, 3, 9) for _ in range(160)]
        answers = [_markdown(ANSWER_SENTENCES, rng, 2, 8) for _ in range(160)]
        comments = [
            Text.of(COMMENTS[i % len(COMMENTS)] + ("" if i < len(COMMENTS) else f" ({i})"))
            for i in range(80)
        ]
        return cls(questions, answers, comments)


def _markdown(sentences: Sequence[str], rng: random.Random, low: int, high: int) -> Text:
    """Paragraphs of three sentences, sometimes a list and sometimes a bold line."""
    picked = [rng.choice(sentences) for _ in range(rng.randint(low, high))]
    paragraphs = []
    while picked:
        take, picked = picked[:3], picked[3:]
        paragraphs.append(" ".join(take))
    if rng.random() < 0.3:
        paragraphs.append("\n".join(f"- {s.rstrip('.')}" for s in rng.sample(sentences, 3)))
    if rng.random() < 0.2:
        paragraphs.insert(1, f"**{rng.choice(sentences)}**")
    return Text.of("\n\n".join(paragraphs))
