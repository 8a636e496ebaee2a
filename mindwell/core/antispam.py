"""Two quiet checks on every public form (ask, answer, comment, sign-up, log-in, password
reset) that people never meet and simple bots fail, with no puzzle to solve:

- a honeypot: a text field hidden from people, from screen readers and from the keyboard,
  which a program filling in every field fills in;
- a minimum fill time: a signed stamp of when the form was served, and a form that comes
  back sooner than MINDWELL_MIN_FILL_SECONDS after it is refused (0 turns this check off).

A form mixes in `SpamGuard`; its template puts `{% spam_guard form %}` inside the <form>. A
refused form comes back with a message and everything typed in it, so a person who was
refused by mistake sends it again.

Stored pages (core/pagecache) are rendered once and served to many people for a while, so
a stamp in them would be old and shared. A page being stored is rendered with
`stamp_placeholder()` instead, and the page cache puts a fresh stamp in its place in every
response, as it does each visitor's CSRF token.
"""

from __future__ import annotations

import functools
import hashlib
import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS

HONEYPOT_FIELD = "website"
STAMP_FIELD = "form_stamp"
_SALT = "mindwell.antispam.form-stamp"

TOO_QUICK = (
    "This form was sent too quickly after the page opened, as automated programs do. "
    "Nothing you typed is lost: check it and send it again."
)
NOT_STAMPED = (
    "This form is missing part of what the page gave it, or it was changed, so it could "
    "not be sent. Nothing you typed is lost: send it again."
)
TRAPPED = (
    "This form was filled in the way automated programs fill forms, so it was not sent. "
    "Nothing you typed is lost: send it again."
)


def issue_stamp(at: float | None = None) -> str:
    """A signed stamp of the time a form is served, to a tenth of a second; always 57
    characters, the length of its placeholder, so a stored page's Content-Length stays
    right. Signing costs more than the rest of a stored page's hit, so the stamp of the
    current tenth of a second is made once and reused."""
    global _last_stamp
    tenth = int((time.time() if at is None else at) * 10)
    key = settings.SECRET_KEY
    made_tenth, made_key, made = _last_stamp
    if made_tenth == tenth and made_key == key:
        return made
    stamp = signing.Signer(salt=_SALT).sign(f"{tenth * 100:013d}")
    _last_stamp = (tenth, key, stamp)  # one tuple: threads see the old one or the new one
    return stamp


_last_stamp: tuple[int, str, str] = (-1, "", "")


def stamped_at(stamp: str) -> float | None:
    """When a stamp we issued was issued (Unix seconds); None for anything else."""
    try:
        return int(signing.Signer(salt=_SALT).unsign(stamp)) / 1000
    except (signing.BadSignature, ValueError):
        return None


@functools.cache
def _placeholder(secret_key: str) -> str:
    # Made from the secret key, so no one can write it into a post; as long as a stamp.
    digest = hashlib.sha256(f"mindwell-form-stamp-placeholder:{secret_key}".encode())
    return digest.hexdigest()[: len(issue_stamp(at=0))]


def stamp_placeholder() -> str:
    return _placeholder(settings.SECRET_KEY)


def stamp_for(form: Any, *, stored: bool) -> str:
    """The stamp a form is rendered with: the one it was sent with when it comes back with
    problems (it still tells when the person first got it), the placeholder on a page being
    stored, else a new one."""
    if getattr(form, "is_bound", False):
        sent = str(form.data.get(STAMP_FIELD, ""))
        if stamped_at(sent) is not None:
            return sent
    return stamp_placeholder() if stored else issue_stamp()


class SpamGuard(forms.Form):
    """The honeypot and the fill-time stamp, checked before the form's own clean(): a
    refused log-in form tries no password. The refusal is a form error with the code
    "automated" (`form.has_error(NON_FIELD_ERRORS, "automated")`)."""

    # Named as HONEYPOT_FIELD and STAMP_FIELD; rendered by {% spam_guard form %}.
    website = forms.CharField(required=False, strip=False)
    form_stamp = forms.CharField(required=False)

    def clean(self) -> dict[str, Any]:
        problem = self._automated()
        if problem:
            raise forms.ValidationError(problem, code="automated")
        return super().clean() or {}

    def _automated(self) -> str | None:
        if self.cleaned_data.get(HONEYPOT_FIELD):
            return TRAPPED
        minimum = settings.MINDWELL_MIN_FILL_SECONDS
        if minimum <= 0:
            return None
        served = stamped_at(self.cleaned_data.get(STAMP_FIELD) or "")
        if served is None:
            return NOT_STAMPED
        if time.time() - served < minimum:
            return TOO_QUICK
        return None


def refused_as_automated(form: forms.Form) -> bool:
    """Whether SpamGuard refused the form: its page answers 400."""
    return form.has_error(NON_FIELD_ERRORS, "automated")
