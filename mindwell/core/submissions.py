"""What tells one sending of a form from another: see "One post per form submission" in
docs/architecture.md and decision 0013.

A form that should be recognised when sent again carries `{% submission_field %}`: a text
field, hidden, holding the masked CSRF token of the response that rendered the form. The
mask is drawn afresh for every response, stored pages included (the page cache puts each
visitor's token in per response), so the value names this rendering of the form, and a
browser re-sending the request (a reload, a retry, a double click) sends it again. site.js
makes browsers keep it, with the writer's text, when they go back to the form and the page
is fetched anew (browsers restore a text field only if its value differs from the page's).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_TOKEN_LENGTH

SUBMISSION_FIELD = "submission"


def _well_formed(token: str) -> bool:
    return len(token) == CSRF_TOKEN_LENGTH and all(char in CSRF_ALLOWED_CHARS for char in token)


def form_submission(request: HttpRequest) -> str | None:
    """The token naming the form this POST sends: its submission field, or for a form
    without one (a page rendered before it existed) its CSRF token. None when neither is
    well formed: an unmasked CSRF secret, as a script may send, is the same for every form,
    so it names none. A submission without one is still accepted, only not recognised if
    it is repeated."""
    for name in (SUBMISSION_FIELD, "csrfmiddlewaretoken"):
        token = request.POST.get(name, "")
        if _well_formed(token):
            return token
    return None
