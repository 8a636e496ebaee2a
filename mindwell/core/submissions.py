"""What tells one sending of a form from another: see "One post per form submission" in
docs/architecture.md.

Every form carries the masked CSRF token Django or the page cache put in it. The mask is
drawn afresh for every response, stored pages included (the page cache puts each visitor's
token in per response), and a browser that sends the form again (a retry after a dropped
connection, a reload of the result, a double click) sends the same one. So the token names
the rendered form, without a field or a placeholder of its own.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_TOKEN_LENGTH


def form_submission(request: HttpRequest) -> str | None:
    """The token of the form this POST sends, or None when it has no well-formed one in its
    body (an unmasked secret, as a script may send, is the same for every form, so it names
    none). A submission without one is still accepted, only not recognised if repeated."""
    token = request.POST.get("csrfmiddlewaretoken", "")
    if len(token) == CSRF_TOKEN_LENGTH and all(char in CSRF_ALLOWED_CHARS for char in token):
        return token
    return None
