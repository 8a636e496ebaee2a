"""The "hot" order of questions.

    hot = log10(max(1, 1 + views / 20 + 3 * answers + 2 * score)) + created / 45000

`created` is the question's creation time in Unix seconds. Activity counts on a log scale
and newness linearly, so ten times the activity is worth 12.5 hours of newness. Because the
value does not decay with the clock, it is stored on the question, indexed, and recomputed only
when its inputs change (a vote, an answer, a batch of views).
"""

import math
from datetime import datetime

NEWNESS_SECONDS_PER_DECADE = 45_000


def hot_score(*, created_at: datetime, views: int, answers: int, score: int) -> float:
    activity = 1 + views / 20 + 3 * answers + 2 * score
    return math.log10(max(1.0, activity)) + created_at.timestamp() / NEWNESS_SECONDS_PER_DECADE
