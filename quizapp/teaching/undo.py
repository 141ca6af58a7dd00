"""A teacher's destructive actions, each of which can be taken back for a while: removing a
student from a class, deleting a set, archiving a class.

Each action records when it happened: a deleted set keeps its row with ``deleted_at`` (hidden
everywhere, see ``access``), an archived class its ``archived_at``; a removed membership is gone
from the table, so what it held (class, student, when they joined, when they were removed) travels
in a signed note carried by the Undo button. The undo restores the same state (the same row, or
the membership with identical data) while less than the window (``UNDO_SECONDS``) has passed,
and raises ``TooLate`` after it. Undoing what is already undone changes nothing.

Functions work inside the caller's transaction and flush; the view commits once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import Session

from ..models import ClassGroup, Membership, StudySet, User, utcnow

DEFAULT_SECONDS = 600
_SALT = "quizapp.teaching.undo.membership"


class UndoError(Exception):
    """An undo that cannot be done; the message is shown to the teacher. ``status``: the HTTP answer."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TooLate(UndoError):
    status = 410


class BadNote(UndoError):
    status = 400


def window_text(seconds: int) -> str:
    """'10 minutes', '1 minute', '45 seconds'."""
    if seconds >= 60 and seconds % 60 == 0:
        n = seconds // 60
        return f"{n} minute{'s' if n != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


def _within(at: datetime | None, window: int, now: datetime) -> bool:
    return at is not None and now - at < timedelta(seconds=max(0, window))


def _too_late(what: str, window: int) -> TooLate:
    return TooLate(f"Too late to undo: {what} more than {window_text(window)} ago.")


# --------------------------------------------------------------------------------------------
# Deleting a set
# --------------------------------------------------------------------------------------------


def delete_set(session: Session, sset: StudySet, now: datetime | None = None) -> None:
    """Mark ``sset`` deleted. The row stays (like retired questions) so that an undo after the
    window can still say it is too late; a deleted set reaches nobody (``access.live_set``)."""
    sset.deleted_at = now or utcnow()
    session.flush()


def restore_set(session: Session, sset: StudySet, window: int, now: datetime | None = None) -> bool:
    """Bring a deleted set back; False when it is not deleted. ``TooLate`` after the window."""
    if sset.deleted_at is None:
        return False
    if not _within(sset.deleted_at, window, now or utcnow()):
        raise _too_late(f"“{sset.title}” was deleted", window)
    sset.deleted_at = None
    session.flush()
    return True


# --------------------------------------------------------------------------------------------
# Archiving a class
# --------------------------------------------------------------------------------------------


def archive_class(session: Session, klass: ClassGroup, now: datetime | None = None) -> bool:
    """Archive ``klass``; False when it already was (its archive time is kept)."""
    if klass.archived:
        return False
    klass.archived = True
    klass.archived_at = now or utcnow()
    session.flush()
    return True


def unarchive_class(session: Session, klass: ClassGroup) -> bool:
    """Restore ``klass`` at any time (the class page's own button); False when it was not archived."""
    if not klass.archived:
        return False
    klass.archived = False
    klass.archived_at = None
    session.flush()
    return True


def undo_archive(session: Session, klass: ClassGroup, window: int, now: datetime | None = None) -> bool:
    """Undo an archive within the window; False when the class is not archived. ``TooLate`` after."""
    if not klass.archived:
        return False
    if not _within(klass.archived_at, window, now or utcnow()):
        late = _too_late(f"“{klass.name}” was archived", window)
        raise TooLate(late.message + " You can still restore it with “Restore class” on its page.")
    return unarchive_class(session, klass)


# --------------------------------------------------------------------------------------------
# Removing a student from a class
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Removal:
    class_id: int
    user_id: int
    joined_at: datetime
    removed_at: datetime

    def note(self, secret: str) -> str:
        """The signed note an Undo button carries."""
        return URLSafeSerializer(secret, salt=_SALT).dumps(
            [self.class_id, self.user_id, self.joined_at.isoformat(), self.removed_at.isoformat()])

    @classmethod
    def from_note(cls, note: str, secret: str, class_id: int, user_id: int) -> Removal:
        """The removal a note describes; ``BadNote`` unless it is ours and about this student and class."""
        try:
            c, u, joined, removed = URLSafeSerializer(secret, salt=_SALT).loads(note or "")
            removal = cls(int(c), int(u), datetime.fromisoformat(joined), datetime.fromisoformat(removed))
        except (BadSignature, TypeError, ValueError, OverflowError):
            raise BadNote("This undo button is not valid. Reload the class page.") from None
        if (removal.class_id, removal.user_id) != (class_id, user_id) or \
                removal.joined_at.tzinfo is None or removal.removed_at.tzinfo is None:
            raise BadNote("This undo button is not valid. Reload the class page.")
        return removal


def remove_member(session: Session, klass: ClassGroup, user_id: int, now: datetime | None = None) -> Removal | None:
    """Take the student out of the class (their answers and quizzes stay); None when not a member."""
    m = session.get(Membership, (klass.id, user_id))
    if m is None:
        return None
    removal = Removal(klass.id, user_id, m.joined_at, now or utcnow())
    session.delete(m)
    session.flush()
    return removal


def restore_member(session: Session, klass: ClassGroup, removal: Removal, window: int,
                   now: datetime | None = None) -> bool:
    """Put the student back as they were (same join time); False when they are in the class already.
    ``TooLate`` after the window, ``UndoError`` when their account is gone."""
    if session.get(Membership, (klass.id, removal.user_id)) is not None:
        return False
    student = session.get(User, removal.user_id)
    if not _within(removal.removed_at, window, now or utcnow()):
        name = student.name if student is not None else "The student"
        raise _too_late(f"{name} was removed", window)
    if student is None:
        raise UndoError("That student's account no longer exists.")
    session.add(Membership(class_id=klass.id, user_id=student.id, joined_at=removal.joined_at))
    session.flush()
    return True
