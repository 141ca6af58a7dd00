"""The errors the study modules raise, each with a message fit to show the student.

Views answer ``ScopeNotFound`` with 404 and any other ``StudyError`` with the form and its message;
they sit apart so that a module raising them and a view catching them need nothing else.
"""

from __future__ import annotations


class StudyError(ValueError):
    """A request that cannot be done as asked; the message is shown to the student.

    ``field`` names the form field at fault (e.g. "length") when it is not the scope itself.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ScopeNotFound(StudyError):
    """The scope names something that does not exist or is not this user's to use (→ 404)."""


class EmptyScope(StudyError):
    """The scope exists but has no questions (or cards) to offer."""


class StaleCard(StudyError):
    """The card changed since the page was shown (another tab, an undo); nothing was recorded."""
