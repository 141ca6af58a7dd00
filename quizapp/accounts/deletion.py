"""Deleting an account, by its owner or by an admin: one function, one transaction (the caller
commits), statements that read the same on SQLite and PostgreSQL.

What goes: the user's quizzes, answers, flashcards and review logs; their pending imports and
sets (with those sets' assignments); their collections with everything derived from them
(articles, sentences, facts, questions, other people's flashcards on those facts); their
memberships, notices and reset links; the user row.

What stays, and why:
- Classes they teach are archived, not deleted, with no owner: their students keep the class in
  their history and are told (a notice) on their next page view.
- A question of theirs that someone else answered, or that sits in someone else's set (a
  duplicated public set shares its rows), stays without an owner, so other people's results and
  sets read as before. One derived from a deleted collection is also retired and detached from
  it (no collection, no facts): it is never asked again, and unanswered quiz items and other
  sets drop it, as when a collection is unshared.
- Library articles they added stay (they belong to the Library); who added them is forgotten.
- A student's attempts in a class are deleted with the rest of their answers: they are personal
  data, and in a class the teacher knows, an "anonymous" row is not anonymous. The teacher is
  told (a notice) that a student left and their attempts went; grades downloaded before stay
  the teacher's record. Notices name the class, never the deleted person.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import and_, delete, exists, or_, select, update
from sqlalchemy.orm import Session

from ..models import (
    Answer,
    Article,
    Assignment,
    Card,
    ClassGroup,
    Collection,
    Fact,
    FactSource,
    Membership,
    Notice,
    PasswordReset,
    Question,
    Quiz,
    QuizItem,
    RawFact,
    RawFactKey,
    ReviewLog,
    Sentence,
    SetItem,
    StudySet,
    User,
    collection_class,
    question_fact,
    utcnow,
)
from ..models.teaching import PendingImport
from .notices import notify

log = logging.getLogger(__name__)


@dataclass
class Deleted:
    """What one deletion did, by kind (for the flash message, the CLI and the tests)."""

    counts: dict[str, int] = field(default_factory=dict)
    kept_questions: int = 0
    archived_classes: int = 0
    told: int = 0

    def add(self, name: str, n: int | None) -> None:
        self.counts[name] = self.counts.get(name, 0) + (n or 0)


def _ids(session: Session, stmt) -> list[int]:
    return list(session.scalars(stmt))


def _delete(session: Session, out: Deleted, name: str, stmt) -> None:
    out.add(name, session.execute(stmt).rowcount)


def delete_account(session: Session, user: User) -> Deleted:
    """Remove ``user`` and what is theirs (see the module's docstring). Flushes, never commits."""
    uid, now, out = user.id, utcnow(), Deleted()

    # -- their own study data ------------------------------------------------------------------
    own_quizzes = select(Quiz.id).where(Quiz.user_id == uid)
    _delete(session, out, "answers", delete(Answer).where(or_(Answer.user_id == uid,
                                                              Answer.quiz_id.in_(own_quizzes))))
    _delete(session, out, "quiz_items", delete(QuizItem).where(QuizItem.quiz_id.in_(own_quizzes)))
    _delete(session, out, "quizzes", delete(Quiz).where(Quiz.user_id == uid))
    own_cards = select(Card.id).where(Card.user_id == uid)
    _delete(session, out, "review_logs", delete(ReviewLog).where(or_(ReviewLog.user_id == uid,
                                                                      ReviewLog.card_id.in_(own_cards))))
    _delete(session, out, "cards", delete(Card).where(Card.user_id == uid))

    # -- sets, with their assignments and pending imports ----------------------------------------
    own_sets = select(StudySet.id).where(StudySet.owner_id == uid)
    _delete(session, out, "pending_imports", delete(PendingImport).where(
        or_(PendingImport.owner_id == uid, PendingImport.set_id.in_(own_sets))))
    gone_assignments = select(Assignment.id).where(Assignment.set_id.in_(own_sets))
    session.execute(update(Quiz).where(Quiz.assignment_id.in_(gone_assignments)).values(assignment_id=None))
    _delete(session, out, "assignments", delete(Assignment).where(Assignment.set_id.in_(own_sets)))
    _delete(session, out, "set_items", delete(SetItem).where(SetItem.set_id.in_(own_sets)))
    _delete(session, out, "sets", delete(StudySet).where(StudySet.owner_id == uid))

    # -- classes they teach: archived, students told; classes they were in: the teacher told ----
    taught = session.execute(select(ClassGroup.id, ClassGroup.name).where(ClassGroup.owner_id == uid)).all()
    for class_id, class_name in taught:
        students = _ids(session, select(Membership.user_id).where(Membership.class_id == class_id))
        out.told += notify(session, students, (
            f"The teacher of “{class_name}” deleted their account. The class is archived: its "
            "assignments and the articles shared with it are gone. Your own answers stay in your history."))
    if taught:
        out.archived_classes = session.execute(
            update(ClassGroup).where(ClassGroup.owner_id == uid).values(owner_id=None, archived=True)).rowcount or 0
    joined = session.execute(
        select(ClassGroup.owner_id, ClassGroup.name).join(Membership, Membership.class_id == ClassGroup.id)
        .where(Membership.user_id == uid, ClassGroup.owner_id.is_not(None))).all()
    for teacher_id, class_name in joined:
        out.told += notify(session, [teacher_id], (
            f"A student of “{class_name}” deleted their account and left the class. Their attempts "
            "were deleted with it; grades you downloaded before are unchanged."))
    _delete(session, out, "memberships", delete(Membership).where(Membership.user_id == uid))

    # -- questions: theirs, and those of their collections ---------------------------------------
    collections = _ids(session, select(Collection.id).where(Collection.owner_id == uid))
    derived = select(Question.id).where(Question.collection_id.in_(collections))
    # As when a collection is unshared: the items nobody answered yet drop out, and so do other
    # people's set items (the content is gone).
    _delete(session, out, "others_unanswered_items", delete(QuizItem).where(
        QuizItem.question_id.in_(derived), ~exists().where(Answer.quiz_item_id == QuizItem.id)))
    _delete(session, out, "others_set_items", delete(SetItem).where(SetItem.question_id.in_(derived)))
    answered = _ids(session, select(Answer.question_id).where(Answer.question_id.in_(derived)).distinct())
    for chunk in _chunks(answered):
        session.execute(question_fact.delete().where(question_fact.c.question_id.in_(chunk)))
        session.execute(update(Question).where(Question.id.in_(chunk)).values(
            collection_id=None, uid=None, owner_id=None))
        session.execute(update(Question).where(Question.id.in_(chunk), Question.retired_at.is_(None))
                        .values(retired_at=now))
    used_elsewhere = or_(exists().where(Answer.question_id == Question.id),
                         exists().where(QuizItem.question_id == Question.id),
                         exists().where(SetItem.question_id == Question.id))
    kept_own = _ids(session, select(Question.id).where(Question.owner_id == uid, used_elsewhere))
    for chunk in _chunks(kept_own):
        session.execute(update(Question).where(Question.id.in_(chunk)).values(owner_id=None))
    out.kept_questions = len(answered) + len(kept_own)
    doomed = select(Question.id).where(or_(Question.collection_id.in_(collections),
                                           and_(Question.owner_id == uid, ~used_elsewhere)))
    doomed_ids = _ids(session, doomed)
    for chunk in _chunks(doomed_ids):
        session.execute(update(Question).where(Question.parent_id.in_(chunk)).values(parent_id=None))
        session.execute(update(Card).where(Card.question_id.in_(chunk)).values(question_id=None))
        session.execute(question_fact.delete().where(question_fact.c.question_id.in_(chunk)))
        _delete(session, out, "questions", delete(Question).where(Question.id.in_(chunk)))

    # -- their collections and everything derived from them --------------------------------------
    if collections:
        facts = select(Fact.id).where(Fact.collection_id.in_(collections))
        articles = select(Article.id).where(Article.collection_id.in_(collections))
        others_cards = select(Card.id).where(Card.fact_id.in_(facts))
        _delete(session, out, "others_review_logs", delete(ReviewLog).where(ReviewLog.card_id.in_(others_cards)))
        _delete(session, out, "others_cards", delete(Card).where(Card.fact_id.in_(facts)))
        session.execute(question_fact.delete().where(question_fact.c.fact_id.in_(facts)))
        session.execute(delete(FactSource).where(or_(FactSource.fact_id.in_(facts), FactSource.article_id.in_(articles))))
        session.execute(delete(RawFactKey).where(RawFactKey.collection_id.in_(collections)))
        session.execute(delete(RawFact).where(RawFact.collection_id.in_(collections)))
        _delete(session, out, "facts", delete(Fact).where(Fact.collection_id.in_(collections)))
        session.execute(delete(Sentence).where(Sentence.article_id.in_(articles)))
        _delete(session, out, "articles", delete(Article).where(Article.collection_id.in_(collections)))
        session.execute(collection_class.delete().where(collection_class.c.collection_id.in_(collections)))
        _delete(session, out, "collections", delete(Collection).where(Collection.id.in_(collections)))
    session.execute(update(Article).where(Article.added_by_id == uid).values(added_by_id=None))

    # -- the account itself ---------------------------------------------------------------------
    session.execute(delete(Notice).where(Notice.user_id == uid))
    session.execute(delete(PasswordReset).where(PasswordReset.user_id == uid))
    session.expunge(user)  # deleted below by statement; the identity map must not flush it again
    _delete(session, out, "users", delete(User).where(User.id == uid))
    session.flush()
    return out


def _chunks(ids: list[int], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def forget_files(config, user_id: int) -> None:
    """After the commit: the user's shared dashboard snapshot file (see ``study.snapshots``)."""
    directory = config.get("DASHBOARD_SNAPSHOT_DIR")
    if not directory:
        return
    path = Path(directory) / f"{hashlib.sha256(repr(user_id).encode()).hexdigest()[:32]}.snap"
    try:
        path.unlink(missing_ok=True)
    except OSError as e:  # a cache file: its signature and fingerprint keep it from being used anyway
        log.warning("dashboard snapshot of a deleted user not removed: %s", e)
