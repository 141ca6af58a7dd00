"""The quality loop: students report questions and claim "I was right", reviewers approve, edit,
retire and restore, and what they decide feeds the ranking.

Who may do what (checked here, once, for every view):
- report: anyone signed in who meets the question (its collection is visible to them, it is in a
  set they reach, or they answered it);
- review and act: the owner of the question's collection (admins also the Library and teachers'
  collections, as ``collections.access.can_write`` says), or the owner of a teacher's own question.
  A teacher sees the Library questions of their sets in the queue (their students' reports) but
  cannot retire them: an admin decides for everyone.

Retiring sets ``Question.retired_at`` (every query that offers questions reads it) and records the
decision in ``review_state``, which regeneration respects; answers, grades and review logs are
never touched. A card whose fact loses its last front question is suspended, and restoring lifts
exactly those suspensions. Functions flush; the view commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, false, func, or_, select, update
from sqlalchemy.orm import Session

from ..collections.access import can_see, can_write
from ..models import (
    REPORT_REASONS,
    Answer,
    AnswerClaim,
    Card,
    Collection,
    Question,
    QuestionReport,
    QuizItem,
    SetItem,
    StudySet,
    User,
    question_fact,
    utcnow,
)
from ..teaching.access import reachable_sets
from .normalise import normalise
from .rank import PatternStats, pattern_factor, pattern_key, question_factor, question_key

REASON_LABELS = {
    "wrong_answer": "The answer is wrong",
    "several_answers": "More than one answer is right",
    "unclear": "Unclear or ungrammatical",
    "not_in_article": "Not in the article",
    "too_easy": "Too easy or trivial",
    "other": "Something else",
}
assert tuple(REASON_LABELS) == REPORT_REASONS
MAX_NOTE = 1000
MAX_CLAIM = 500
# "I was right" is offered where the student typed the answer.
TYPED_TYPES = ("short_answer", "cloze")
# Item statistics flag a question only with this many first answers.
MIN_ANSWERS = 8
HARD_FACILITY, EASY_FACILITY, LOW_DISCRIMINATION = 0.2, 0.95, 0.1


class CurationError(ValueError):
    """A request that cannot be done as asked; the message is shown (and answered 4xx)."""


# -- pure parsing -----------------------------------------------------------------------------
def parse_report(reason: Any, note: Any) -> tuple[str, str]:
    """(reason, note) from a form, or ``CurationError`` with the message to show."""
    reason = (reason or "").strip() if isinstance(reason, str) else ""
    if reason not in REPORT_REASONS:
        raise CurationError("Choose what is wrong with the question.")
    note = " ".join((note or "").split()) if isinstance(note, str) else ""
    if "\x00" in note:
        raise CurationError("The note contains a character that cannot be stored.")
    if len(note) > MAX_NOTE:
        raise CurationError(f"Keep the note under {MAX_NOTE} characters.")
    return reason, note


def parse_edit(form: Any) -> dict[str, Any]:
    """A reviewer's edit: prompt and answer required, alternatives one per line."""
    def text(name: str, limit: int) -> str:
        v = form.get(name) or ""
        v = v.strip() if isinstance(v, str) else ""
        if "\x00" in v:
            raise CurationError("The text contains a character that cannot be stored.")
        if len(v) > limit:
            raise CurationError(f"Keep the {name} under {limit} characters.")
        return v

    prompt, answer = text("prompt", 2000), text("answer", 500)
    if not prompt or not answer:
        raise CurationError("A question needs a prompt and an answer.")
    accepted = [a.strip() for a in text("accepted", 4000).splitlines() if a.strip()]
    if answer not in accepted:
        accepted.insert(0, answer)
    return {"prompt": prompt, "answer": answer, "accepted": accepted[:30],
            "explanation": text("explanation", 2000)}


# -- who may do what --------------------------------------------------------------------------
def meets(session: Session, user: User, q: Question) -> bool:
    """Has ``user`` met ``q`` (so may report it)? Its collection is visible to them, it sits in a
    set they reach, or they answered it."""
    if q.collection_id is not None and can_see(session, user, q.collection_id):
        return True
    if q.owner_id == user.id:
        return True
    return bool(session.scalar(select(or_(
        exists().where(Answer.question_id == q.id, Answer.user_id == user.id),
        exists().where(SetItem.question_id == q.id, SetItem.set_id == StudySet.id, reachable_sets(user.id)),
    ))))


def may_act(session: Session, user: User, q: Question) -> bool:
    """May ``user`` approve, edit, retire or restore ``q``?"""
    if not getattr(user, "is_authenticated", False):
        return False
    if q.collection_id is None:
        return q.owner_id == user.id
    return can_write(user, session.get(Collection, q.collection_id))


def reviewable(user: User) -> ColumnElement[bool]:
    """Questions in ``user``'s review queue: of their collections, their own, and those in their
    live sets (Library questions there show their reports; an admin acts on them). Admins also
    review the Library and what is published to it."""
    own_sets = (select(SetItem.question_id).join(StudySet, StudySet.id == SetItem.set_id)
                .where(StudySet.owner_id == user.id, StudySet.deleted_at.is_(None)))
    written = select(Collection.id).where(Collection.owner_id == user.id)
    if user.role == "admin":
        written = select(Collection.id).where(or_(Collection.owner_id == user.id, Collection.kind == "library",
                                                  Collection.published.is_(True)))
    return or_(Question.collection_id.in_(written), Question.owner_id == user.id, Question.id.in_(own_sets))


# -- students: reports and claims -------------------------------------------------------------
def report(session: Session, user: User, q: Question, reason: str, note: str) -> tuple[QuestionReport, bool]:
    """File or edit ``user``'s one report on ``q`` (reopened if a reviewer had resolved it);
    (report, created)."""
    now = utcnow()
    row = session.scalar(select(QuestionReport).where(QuestionReport.question_id == q.id,
                                                      QuestionReport.user_id == user.id))
    created = row is None
    if created:
        row = QuestionReport(question_id=q.id, user_id=user.id, created_at=now)
        session.add(row)
    row.reason, row.note, row.updated_at, row.resolved_at = reason, note, now, None
    session.flush()
    return row, created


def own_report(session: Session, user: User, question_id: int) -> QuestionReport | None:
    return session.scalar(select(QuestionReport).where(QuestionReport.question_id == question_id,
                                                       QuestionReport.user_id == user.id))


def claim_right(session: Session, user: User, item: QuizItem, scheduler: Any = None) -> AnswerClaim:
    """"I was right" on the user's own wrong typed answer. Practice: the answer counts as right now
    and its card is re-rated (``study.regrade``); the text waits for a reviewer, or joins the
    accepted answers at once on the user's own question. Test: only the teacher can accept, so
    once the test is over the claim waits for them and the grade changes only if they accept."""
    from ..study.regrade import mark_right

    quiz, answer, q = item.quiz, item.answer, item.question
    if quiz.user_id != user.id or answer is None:
        raise CurationError("Answer the question first.")
    if quiz.mode != "practice" and quiz.finished_at is None:
        raise CurationError("Finish the test first; then you can ask your teacher to accept your answer.")
    if q.type not in TYPED_TYPES:
        raise CurationError("Only a typed answer can be claimed as right.")
    existing = session.scalar(select(AnswerClaim).where(AnswerClaim.answer_id == answer.id))
    if existing is not None:
        return existing
    if answer.correct:
        raise CurationError("This answer already counts as right.")
    text = response_text(answer.response)
    if not text:
        raise CurationError("There is no typed answer to accept.")
    claim = AnswerClaim(answer_id=answer.id, question_id=q.id, user_id=user.id, text=text[:MAX_CLAIM])
    session.add(claim)
    if _owns(session, user, q):
        _accept(session, claim, user)
        mark_right(session, answer, scheduler)
    elif quiz.mode == "practice":
        mark_right(session, answer, scheduler)
    session.flush()
    return claim


def response_text(response: Any) -> str:
    """The text a typed answer stored (``quiz.read_response`` keeps it as a string)."""
    if isinstance(response, str):
        return " ".join(response.split())
    if isinstance(response, dict) and isinstance(response.get("text"), str):
        return " ".join(response["text"].split())
    return ""


def _owns(session: Session, user: User, q: Question) -> bool:
    if q.collection_id is None:
        return q.owner_id == user.id
    coll = session.get(Collection, q.collection_id)
    return coll is not None and coll.owner_id == user.id


def _accept(session: Session, claim: AnswerClaim, reviewer: User) -> None:
    q = session.get(Question, claim.question_id)
    extra = list(q.extra_accepted or [])
    if claim.text not in extra:
        extra.append(claim.text)
    q.extra_accepted = extra
    if claim.text not in (q.accepted or []):
        q.accepted = [*(q.accepted or []), claim.text]
    claim.status, claim.decided_at, claim.decided_by_id = "accepted", utcnow(), reviewer.id


def decide_claim(session: Session, reviewer: User, claim: AnswerClaim, accept: bool, scheduler: Any = None) -> int:
    """A reviewer accepts or rejects a claim. Accepting adds the text to the question's answers and
    counts as right every answer to it with the same text (a test answer included, its card
    re-rated), settling their open claims too; rejecting leaves the practice grade as it was.
    Returns how many answers became right."""
    from ..study.regrade import mark_right

    if not accept:
        claim.status, claim.decided_at, claim.decided_by_id = "rejected", utcnow(), reviewer.id
        session.flush()
        return 0
    _accept(session, claim, reviewer)
    wanted = normalise(claim.text)
    changed = 0
    for answer in session.scalars(select(Answer).where(Answer.question_id == claim.question_id,
                                                       Answer.correct.is_(False))):
        if normalise(response_text(answer.response)) == wanted and mark_right(session, answer, scheduler):
            changed += 1
    session.execute(update(AnswerClaim).where(AnswerClaim.question_id == claim.question_id,
                                              AnswerClaim.status == "pending", AnswerClaim.id != claim.id,
                                              AnswerClaim.text == claim.text)
                    .values(status="accepted", decided_at=utcnow(), decided_by_id=reviewer.id))
    session.flush()
    return changed


# -- reviewers: approve, edit, retire, restore ------------------------------------------------
def _decide(q: Question, reviewer: User, state: str, now: datetime) -> None:
    q.review_state, q.reviewed_at, q.reviewed_by_id = state, now, reviewer.id


def _resolve_reports(session: Session, ids: list[int], now: datetime) -> None:
    session.execute(update(QuestionReport).where(QuestionReport.question_id.in_(ids),
                                                 QuestionReport.resolved_at.is_(None)).values(resolved_at=now))


def approve(session: Session, reviewer: User, q: Question) -> None:
    """Students may see it (a held question comes out unless the generator dropped it); its open
    reports are settled."""
    now = utcnow()
    if q.review_state == "retired":
        _unsuspend(session, q)
    _decide(q, reviewer, "approved", now)
    q.retired_at = q.dropped_at
    _resolve_reports(session, [q.id], now)
    session.flush()


def retire(session: Session, reviewer: User, q: Question) -> int:
    """Out of the bank, new quizzes, sets and decks; returns how many cards were suspended."""
    now = utcnow()
    _decide(q, reviewer, "retired", now)
    q.retired_at = q.retired_at or now
    _resolve_reports(session, [q.id], now)
    session.flush()
    return _suspend_orphaned_cards(session, q)


def restore(session: Session, reviewer: User, q: Question) -> None:
    """Undo a retirement: back in the bank (if the generator still makes it), cards resumed."""
    _unsuspend(session, q)
    _decide(q, reviewer, "approved", utcnow())
    q.retired_at = q.dropped_at
    session.flush()


def edit(session: Session, reviewer: User, q: Question, data: dict[str, Any]) -> None:
    """Save a reviewer's edit. A generated question keeps its id and the edit is stored apart
    (``curator_edit``) so regeneration lays it over the new text; a teacher's own is edited in place."""
    now = utcnow()
    if q.origin == "generated":
        q.curator_edit = dict(data)
    q.prompt, q.answer, q.explanation = data["prompt"], data["answer"], data["explanation"]
    accepted = list(data["accepted"])
    for extra in q.extra_accepted or []:
        if extra not in accepted:
            accepted.append(extra)
    q.accepted = accepted
    q.updated_at = now
    if q.review_state != "retired":
        _decide(q, reviewer, "approved", now)
        q.retired_at = q.dropped_at
    _resolve_reports(session, [q.id], now)
    session.flush()


def _suspend_orphaned_cards(session: Session, q: Question) -> int:
    """Suspend the cards of ``q``'s facts that no longer have any live front question (the fact
    would otherwise silently leave the deck); marked so restoring lifts exactly these."""
    from ..study.scope import FRONT_TYPES

    fact_ids = [f.id for f in q.facts]
    if not fact_ids:
        return 0
    with_front = set(session.scalars(
        select(question_fact.c.fact_id).join(Question, Question.id == question_fact.c.question_id)
        .where(question_fact.c.fact_id.in_(fact_ids), Question.type.in_(FRONT_TYPES),
               Question.retired_at.is_(None), Question.origin == "generated")))
    orphaned = [f for f in fact_ids if f not in with_front]
    if not orphaned:
        return 0
    result = session.execute(update(Card).where(Card.fact_id.in_(orphaned), Card.suspended.is_(False))
                             .values(suspended=True, suspended_for_id=q.id))
    session.flush()
    return result.rowcount or 0


def _unsuspend(session: Session, q: Question) -> None:
    session.execute(update(Card).where(Card.suspended_for_id == q.id).values(suspended=False, suspended_for_id=None))


def article_questions(session: Session, article_id: int) -> list[Question]:
    """The generated questions whose first source is ``article_id`` (what a bulk action acts on)."""
    from ..models import FactSource

    ids = select(question_fact.c.question_id).join(FactSource, FactSource.fact_id == question_fact.c.fact_id) \
        .where(FactSource.article_id == article_id)
    return list(session.scalars(select(Question).where(Question.id.in_(ids), Question.origin == "generated",
                                                       Question.dropped_at.is_(None)).order_by(Question.id)))


# -- item statistics (pure) -------------------------------------------------------------------
@dataclass
class ItemFigures:
    answers: int
    facility: float | None
    discrimination: float | None
    flags: list[str] = field(default_factory=list)


def item_figures(rows: Iterable[tuple[int, int, bool]]) -> dict[int, ItemFigures]:
    """Facility and discrimination of each question from (question id, user id, correct) first
    answers. Discrimination is the correlation between a user's answer and their accuracy on the
    other questions listed (the item left out); flags need ``MIN_ANSWERS``."""
    from ..teaching.itemanalysis import pearson

    by_q: dict[int, dict[int, float]] = {}
    totals: dict[int, list[float]] = {}
    for qid, uid, ok in rows:
        if uid in by_q.setdefault(qid, {}):
            continue  # first answer only
        by_q[qid][uid] = 1.0 if ok else 0.0
        t = totals.setdefault(uid, [0.0, 0.0])
        t[0] += by_q[qid][uid]
        t[1] += 1
    out: dict[int, ItemFigures] = {}
    for qid, answers in by_q.items():
        n = len(answers)
        facility = sum(answers.values()) / n if n else None
        xs, ys = [], []
        for uid, x in answers.items():
            right, count = totals[uid]
            if count > 1:
                xs.append(x)
                ys.append((right - x) / (count - 1))
        disc = pearson(xs, ys) if len(xs) >= 2 else None
        flags = []
        if n >= MIN_ANSWERS and facility is not None:
            if facility < HARD_FACILITY:
                flags.append("hard")
            elif facility > EASY_FACILITY:
                flags.append("easy")
            if disc is not None and disc < LOW_DISCRIMINATION:
                flags.append("low discrimination")
        out[qid] = ItemFigures(n, None if facility is None else round(facility, 3),
                               None if disc is None else round(disc, 3), flags)
    return out


def figures_for(session: Session, question_ids: list[int]) -> dict[int, ItemFigures]:
    if not question_ids:
        return {}
    users = select(Answer.user_id).where(Answer.question_id.in_(question_ids)).distinct()
    rows = session.execute(select(Answer.question_id, Answer.user_id, Answer.correct)
                           .where(Answer.user_id.in_(users)).order_by(Answer.created_at, Answer.id)).all()
    figures = item_figures(rows)
    return {qid: figures[qid] for qid in question_ids if qid in figures}


def _count_if(cond: ColumnElement[bool]):
    return func.sum(case((cond, 1), else_=0))


# -- what the ranking learns ------------------------------------------------------------------
def learned_factors(session: Session, collection_id: int | None = None) -> dict[str, float]:
    """Score factors by pattern (type and fact kind, over every collection: a template that fails
    anywhere fails) and by question of ``collection_id`` (its own reports and decisions).

    A pattern's counts include the questions the generator has since dropped: once it sinks a
    reported pattern and chooses other questions, the reports still count, so the pattern does
    not rise again at the next regeneration.

    Runs after every upload, so it starts from what reviewers and students did (reports, and
    decisions found by the ``review_state`` index) and counts questions only for the patterns
    they touched: a pattern nobody reported, retired or approved has factor 1 and is left out,
    and the bank itself, growing with the corpus, is never read whole."""
    reported = set(session.scalars(select(QuestionReport.question_id).distinct()))
    decided = select(Question.id, Question.uid, Question.type, Question.fact_kind, Question.collection_id,
                     Question.review_state).where(Question.origin == "generated")
    touched = {row.id: row for row in session.execute(
        decided.where(Question.review_state.in_(("retired", "approved"))))}
    if reported:
        touched.update((row.id, row) for row in session.execute(decided.where(Question.id.in_(sorted(reported)))))
    out: dict[str, float] = {}
    patterns = sorted({(r.type, r.fact_kind) for r in touched.values()}, key=str)
    if patterns:
        rows = session.execute(
            select(Question.type, Question.fact_kind, func.count(),
                   _count_if(Question.id.in_(sorted(reported)) if reported else false()),
                   _count_if(Question.review_state == "retired"),
                   _count_if(Question.review_state == "approved"))
            .where(Question.origin == "generated",
                   or_(*(and_(Question.type == t, Question.fact_kind.is_(None) if k is None else Question.fact_kind == k)
                         for t, k in patterns)))
            .group_by(Question.type, Question.fact_kind)).all()
        for qtype, kind, n, rep, ret, app in rows:
            f = pattern_factor(PatternStats(int(n), int(rep or 0), int(ret or 0), int(app or 0)))
            if f != 1.0:
                out[pattern_key(qtype, kind)] = f
    if collection_id is not None:
        open_reports = dict(session.execute(
            select(QuestionReport.question_id, func.count()).where(QuestionReport.resolved_at.is_(None))
            .group_by(QuestionReport.question_id)).all())
        for qid, row in sorted(touched.items()):
            n = open_reports.get(qid, 0)
            if row.collection_id == collection_id and (row.review_state in ("retired", "approved") or n > 0):
                out[question_key(row.uid)] = question_factor(int(n), row.review_state == "retired",
                                                             row.review_state == "approved")
    return out


# -- the review queue ------------------------------------------------------------------------
@dataclass
class QueueRow:
    """One question in the review queue, with everything its row shows."""

    question: Question
    reports: list[QuestionReport]
    claims: list[AnswerClaim]
    figures: ItemFigures | None
    article_id: int | None
    can_act: bool

    @property
    def reasons(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.reports:
            out[r.reason] = out.get(r.reason, 0) + 1
        return out


QUEUE_VIEWS = ("open", "retired")
QUEUE_LIMIT = 200


def queue(session: Session, user: User, view: str = "open", article_id: int | None = None) -> list[QueueRow]:
    """The user's review queue: questions with open reports or claims, held for approval, or
    flagged by their statistics (``view="open"``); or those reviewers retired (``"retired"``),
    to restore. Most reported first; at most ``QUEUE_LIMIT`` rows."""
    scope = reviewable(user)
    open_reports = exists().where(QuestionReport.question_id == Question.id, QuestionReport.resolved_at.is_(None))
    open_claims = exists().where(AnswerClaim.question_id == Question.id, AnswerClaim.status == "pending")
    many = (select(Answer.question_id).join(Question, Question.id == Answer.question_id).where(scope)
            .group_by(Answer.question_id).having(func.count(func.distinct(Answer.user_id)) >= MIN_ANSWERS))
    answered = list(session.scalars(many))
    figures = figures_for(session, answered)
    flagged = [qid for qid, f in figures.items() if f.flags]
    if view == "retired":
        cond = Question.review_state == "retired"
    else:
        cond = or_(open_reports, open_claims, Question.review_state == "pending",
                   Question.id.in_(flagged) & Question.review_state.is_(None))
        cond = cond & or_(Question.review_state.is_(None), Question.review_state != "retired")
    stmt = select(Question).where(scope, cond, Question.dropped_at.is_(None) | Question.review_state.is_not(None))
    if article_id is not None:
        stmt = stmt.where(Question.id.in_([q.id for q in article_questions(session, article_id)]))
    n_reports = (select(func.count()).select_from(QuestionReport)
                 .where(QuestionReport.question_id == Question.id, QuestionReport.resolved_at.is_(None))
                 .correlate(Question).scalar_subquery())
    questions = list(session.scalars(stmt.order_by(n_reports.desc(), Question.review_state.is_(None),
                                                   Question.id).limit(QUEUE_LIMIT)))
    ids = [q.id for q in questions]
    reports: dict[int, list[QuestionReport]] = {}
    claims: dict[int, list[AnswerClaim]] = {}
    if ids:
        for r in session.scalars(select(QuestionReport).where(QuestionReport.question_id.in_(ids))
                                 .order_by(QuestionReport.updated_at.desc())):
            if r.resolved_at is None or view == "retired":
                reports.setdefault(r.question_id, []).append(r)
        for c in session.scalars(select(AnswerClaim).where(AnswerClaim.question_id.in_(ids),
                                                           AnswerClaim.status == "pending").order_by(AnswerClaim.id)):
            claims.setdefault(c.question_id, []).append(c)
    figures.update(figures_for(session, [i for i in ids if i not in figures]))
    return [QueueRow(q, reports.get(q.id, []), claims.get(q.id, []), figures.get(q.id), _article_of(q),
                     may_act(session, user, q)) for q in questions]


def _article_of(q: Question) -> int | None:
    for s in q.sources or []:
        if isinstance(s, dict) and s.get("article_id"):
            return int(s["article_id"])
    return None


__all__ = ["REASON_LABELS", "CurationError", "approve", "claim_right", "decide_claim", "edit", "learned_factors",
           "may_act", "meets", "report", "restore", "retire"]
