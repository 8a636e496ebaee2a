class ActionError(Exception):
    """A rule of the domain said no. The message is written for the person who asked."""

    def __init__(self, message: str, *, field: str | None = None, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status
