"""What a quiz or a review deck may draw from: the one place that says which questions, facts,
articles and study sets a student may use.

Quiz scopes (the question bank, an article, a study set) and decks (all facts, an article, a kind)
are narrowed only by the filters and look-ups here, so a rule about what may be studied (who may
see what, what counts as live) is changed here and nowhere else. Anything missing, retired or not
the user's to use is reported as ``ScopeNotFound``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, exists, or_, select
from sqlalchemy.orm import Session

from ..bounds import parse_id
from ..collections.access import can_see, visible
from ..models import (
    FACT_KINDS,
    Article,
    Card,
    Fact,
    FactSource,
    Question,
    StudySet,
    User,
    question_fact,
)
from ..teaching.access import reachable_sets
from .errors import ScopeNotFound


# ==============================================================================================
# Quizzes: the question bank, an article, a study set
# ==============================================================================================
def _no_retired_fact():
    """The question is not about a fact that has been retired (its article removed or changed)."""
    return ~exists().where(
        question_fact.c.question_id == Question.id,
        question_fact.c.fact_id == Fact.id,
        Fact.retired_at.is_not(None),
    )


def bank_filter(user: Any = None):
    """Questions a corpus/article/kind quiz may use: live, generated, about live facts, in a
    collection ``user`` may see."""
    return and_(Question.retired_at.is_(None), Question.origin == "generated", _no_retired_fact(),
                visible(Question.collection_id, user))


def still_usable(question_id: Any, user_id: Any):
    """The question (by id column) is still the user's to be asked: in a collection they may see,
    or in none (a teacher's own or imported question, reached through a set). A quiz started
    while a collection was shared keeps what was answered; its other items drop out once the
    collection is unshared."""
    return exists().where(Question.id == question_id,
                          or_(Question.collection_id.is_(None), visible(Question.collection_id, user_id=user_id)))


def article_questions(article_id: int):
    return (
        select(question_fact.c.question_id)
        .join(FactSource, FactSource.fact_id == question_fact.c.fact_id)
        .where(FactSource.article_id == article_id)
    )


def live_article(session: Session, ref: Any, user: Any = None) -> Article:
    """A live article whose collection ``user`` may see."""
    aid = parse_id(ref)
    article = session.get(Article, aid) if aid is not None else None
    if article is None or article.retired_at is not None or not can_see(session, user, article.collection_id):
        raise ScopeNotFound("There is no such article.")
    return article


def usable_set(session: Session, user: User, ref: Any) -> StudySet:
    """A study set the user may quiz on: their own, a public published one, or one assigned in an
    unarchived class they belong to (``teaching.access.reachable_sets``); never a deleted one.
    Anything else is reported as missing (ids reveal nothing)."""
    sid = parse_id(ref)
    s = session.scalar(select(StudySet).where(StudySet.id == sid, reachable_sets(user.id))) if sid is not None else None
    if s is None:
        raise ScopeNotFound("There is no such study set.")
    return s


def set_out_of_reach(session: Session, quiz: Any) -> bool:
    """An unfinished set quiz whose set its user no longer reaches (deleted, no longer assigned, its
    class archived): its unanswered items drop out, as those of an unshared collection do."""
    if quiz.scope_kind != "set" or quiz.finished_at is not None:
        return False
    sid = parse_id(quiz.scope_ref)
    return sid is None or not session.scalar(
        select(exists().where(StudySet.id == sid, reachable_sets(quiz.user_id))))


def article_choices(session: Session, user: Any = None) -> list[tuple[int, str]]:
    return [
        (a.id, a.title)
        for a in session.execute(
            select(Article.id, Article.title)
            .where(Article.retired_at.is_(None), Article.status == "ready", visible(Article.collection_id, user))
            .order_by(Article.title)
        )
    ]


def set_choices(session: Session, user: User) -> list[tuple[int, str]]:
    """Sets the user may quiz on (own, public published, assigned in their unarchived classes)."""
    return [
        (s.id, s.title)
        for s in session.execute(
            select(StudySet.id, StudySet.title).where(reachable_sets(user.id)).order_by(StudySet.title).limit(200)
        )
    ]


# ==============================================================================================
# Decks: all facts, an article's, a kind's; each fact with a front question
# ==============================================================================================
# The front of a card is a question that asks for the fact itself, preferring typed recall.
FRONT_TYPES = ("short_answer", "cloze", "multiple_choice")


def has_front():
    # Not a correlated EXISTS: for each fact, SQLite would walk every front-type question. The facts
    # that have a front question are one small set, worked out once per statement.
    return Fact.id.in_(
        select(question_fact.c.fact_id)
        .join(Question, Question.id == question_fact.c.question_id)
        .where(Question.type.in_(FRONT_TYPES), Question.retired_at.is_(None), Question.origin == "generated")
    )


@dataclass(frozen=True)
class Deck:
    """Which facts a review session draws from: ``all``, one ``article`` or one ``kind``."""

    kind: str = "all"
    ref: str | None = None

    @property
    def key(self) -> str:
        return self.kind if self.kind == "all" else f"{self.kind}:{self.ref}"


def parse_deck(session: Session, key: str | None, user: Any = None) -> Deck:
    """``"all"``, ``"article:<id>"`` or ``"kind:<kind>"``; anything else raises ``ScopeNotFound``."""
    key = (key or "all").strip()
    if key == "all":
        return Deck()
    kind, _, ref = key.partition(":")
    if kind == "article":
        return Deck("article", str(live_article(session, ref, user).id))
    if kind == "kind" and ref in FACT_KINDS:
        return Deck("kind", ref)
    raise ScopeNotFound("There is no such deck.")


def deck_label(session: Session, deck: Deck) -> str:
    if deck.kind == "article":
        article = session.get(Article, int(deck.ref))
        return article.title if article else "An article"
    if deck.kind == "kind":
        return {"date": "Dates", "leader": "Leaders", "mechanism": "Mechanisms", "goal": "Goals"}.get(
            deck.ref or "", deck.ref or ""
        )
    return "All facts"


def deck_filter(deck: Deck, user: Any = None, *, bound: bool = True):
    """Live facts of the deck, in collections ``user`` may see, that have a front question.
    ``bound=False`` leaves the deck's reference and the user as the ``deck_ref`` and
    ``card_user`` parameters, for statements built once and reused."""
    seen = visible(Fact.collection_id, user) if bound else \
        visible(Fact.collection_id, user_id=bindparam("card_user", None))
    conds = [Fact.retired_at.is_(None), has_front(), seen]
    if deck.kind == "article":
        ref = bindparam("deck_ref", int(deck.ref) if bound else None)
        conds.append(Fact.id.in_(select(FactSource.fact_id).where(FactSource.article_id == ref)))
    elif deck.kind == "kind":
        conds.append(Fact.kind == bindparam("deck_ref", deck.ref if bound else None))
    return and_(*conds)


def deck_ref(deck: Deck) -> int | str | None:
    return int(deck.ref) if deck.kind == "article" else deck.ref


def not_suspended():
    """The fact's card, if the user has one, is not suspended."""
    return or_(Card.suspended.is_(None), Card.suspended.is_(False))
