"""Settings for benchmark runs: the real settings plus the plain reference views."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
