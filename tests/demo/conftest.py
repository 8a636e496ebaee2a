from pathlib import Path

import pytest

MEMBERS = """\
[[member]]
username = "asker"

[[member]]
username = "helper"
display_name = "Dr Helper"
about = "I *help*."

[member.licence]
profession = "Registered psychotherapist"
licence_number = "RP-1"
jurisdiction = "Ontario"
regulator = "College of Registered Psychotherapists of Ontario"
verified_days_ago = 10
expires_in_days = 100
"""

QUESTION = """\
+++
[question]
title = "How do I start a hard conversation?"
author = "asker"
category = "family"
tags = ["boundaries"]
days_ago = 2
views = 10
up = ["helper"]
+++

The question, in Markdown.

+++
[comment]
guest_name = "Kim"
hours_after_question = 1
+++

A guest's comment on the question.

+++
[answer]
author = "helper"
hours_after_question = 2.5
accepted = true
up = ["asker"]
+++

The answer, in Markdown too.

+++
[comment]
author = "asker"
anonymous = true
hours_after_question = 3
+++

An anonymous comment on the answer.
"""


@pytest.fixture
def content_folder(tmp_path: Path) -> Path:
    """A small, valid demo content folder: two members and one question thread."""
    (tmp_path / "members.toml").write_text(MEMBERS)
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "01-hard-conversation.md").write_text(QUESTION)
    return tmp_path
