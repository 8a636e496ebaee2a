"""The errors every layer raises, and that every kind of response knows how to show.

Access functions and actions raise these; `ErrorResponses` (a middleware) turns one that a
view did not handle into the 400, 403, 404 or 429 page, or into `{"error": message}` for a
request that asked for JSON. Views that show the message beside a form catch them.
"""


class ActionError(Exception):
    """A rule of the domain said no. The message is written for the person who asked."""

    status = 400

    def __init__(
        self, message: str, *, field: str | None = None, status: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if status is not None:
            self.status = status


class NotFound(ActionError):
    """The thing is missing, or this person may not know it exists: the two look alike."""

    status = 404


class Forbidden(ActionError):
    """The person may see the thing but not do this to it."""

    status = 403


class RateLimited(ActionError):
    """Too many of one action in a short while (core.ratelimit): answered 429 with a
    `Retry-After` of `retry_after` seconds."""

    status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NeedsConfirmation(ActionError):
    """The action would go ahead, but a check found something the person may want to change
    first (a name in a question): nothing is written, and they are asked. They go ahead by
    sending the same form again with `key` among its confirmed keys (core.forms.
    ConfirmedField), which the action hands back to the check. `found` lists what was found,
    for the page that asks. 409: the request was understood and is waiting on the person."""

    status = 409

    def __init__(
        self, message: str, *, key: str, found: tuple[str, ...] = (), field: str | None = None
    ) -> None:
        super().__init__(message, field=field)
        self.key = key
        self.found = found
