"""The README's screenshots: the home page and a question page, light and dark, with the demo
content, taken by the same browser run as the other browser tests.

They always go to test-artifacts/. To refresh the ones in the README, run

    MINDWELL_UPDATE_SCREENSHOTS=1 ./test -k screenshots

which also writes docs/screenshots/*.png (palette-reduced, to keep them small); commit those.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable

import pytest
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import Page

from mindwell.qa.models import Post
from tests.browser.support import ARTIFACTS, ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DOCS = ROOT / "docs" / "screenshots"
BACKGROUND = {"light": "rgb(246, 245, 241)", "dark": "rgb(20, 24, 27)"}


def small_png(png: bytes) -> bytes:
    """The screenshot with at most 128 colours: a third of the size, the same to the eye."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=True
    )
    return out.getvalue()


def test_screenshots_of_home_and_a_question_page_in_light_and_dark(
    visitor: Callable[..., Page],
) -> None:
    call_command("load_demo", stdout=io.StringIO())
    question = (
        Post.objects.questions().filter(has_accepted_answer=True).order_by("-answer_count", "pk")
    ).first()
    assert question is not None
    update = os.environ.get("MINDWELL_UPDATE_SCREENSHOTS") == "1"
    ARTIFACTS.mkdir(exist_ok=True)
    for theme in ("light", "dark"):
        page = visitor(width=1200, height=860, dark=theme == "dark")
        for name, path in [("home", "/"), ("question", question.get_absolute_url())]:
            page.goto(path)
            # The theme follows the system setting.
            background = page.evaluate(
                "() => getComputedStyle(document.documentElement).backgroundColor"
            )
            assert background == BACKGROUND[theme], (name, theme, background)
            png = small_png(page.screenshot())
            (ARTIFACTS / f"readme-{name}-{theme}.png").write_bytes(png)
            if update:
                DOCS.mkdir(parents=True, exist_ok=True)
                (DOCS / f"{name}-{theme}.png").write_bytes(png)
