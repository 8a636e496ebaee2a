"""Settings for benchmark runs: the real settings plus the plain reference views."""

from config.settings import *  # noqa: F403
from config.settings import MINDWELL_RATE_LIMITS

ROOT_URLCONF = "bench.urls"

# Many members writing flat out from one address, logging in by script: the spam defences
# run and cost what they cost, but never refuse the benchmark.
MINDWELL_RATE_LIMITS = {
    action: {scope: [(count * 1000, seconds) for count, seconds in windows]
             for scope, windows in scopes.items()}
    for action, scopes in MINDWELL_RATE_LIMITS.items()
}  # fmt: skip
MINDWELL_MIN_FILL_SECONDS = 0
