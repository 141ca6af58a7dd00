"""The database side of teaching: sets and their items, teachers' question copies, classes,
memberships, assignments, progress, item analysis and imports.

Every function works inside the caller's transaction (the view commits once per action). Who
reaches a class or a set through one is said in ``access`` (re-exported here: ``is_member``,
``assigned_to``, ``can_view_set``); ``pickable`` says which questions may go into a set.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..models import (
    Answer,
    Article,
    Assignment,
    ClassGroup,
    FactSource,
    Membership,
    Question,
    Quiz,
    QuizItem,
    Sentence,
    SetItem,
    StudySet,
    User,
    question_fact,
    utcnow,
)
from ..models.teaching import PendingImport
from . import codes
from .access import assigned_to, can_view_set, is_member  # noqa: F401  (the access rules, asked from here too)
from .formats import QuestionData, SetData
from .itemanalysis import ItemStats, Response, analyse

VISIBILITIES = ("private", "class", "public")
VISIBILITY_LABELS = {
    "private": "Private — only you (and classes you assign it to)",
    "class": "Class only — students of classes it is assigned to",
    "public": "Public — anyone with the link or code",
}


# --------------------------------------------------------------------------------------------
# Codes
# --------------------------------------------------------------------------------------------


def unique_code(session: Session, column, length: int) -> str:
    """A random code not yet used in ``column`` (collisions are rare; retry a few times)."""
    for _ in range(20):
        code = codes.new_code(length)
        if not session.scalar(select(exists().where(column == code))):
            return code
    raise RuntimeError("could not find a free code")  # pragma: no cover - 31**6 codes


# --------------------------------------------------------------------------------------------
# Questions <-> interchange records
# --------------------------------------------------------------------------------------------


def to_data(q: Question) -> QuestionData:
    return QuestionData(
        type=q.type,
        prompt=q.prompt,
        answer=q.answer,
        accepted=list(q.accepted or []),
        choices=list(q.choices or []),
        pairs=[list(p) for p in (q.pairs or [])],
        items=list(q.items or []),
        explanation=q.explanation or "",
        difficulty=float(q.difficulty if q.difficulty is not None else 0.5),
        fact_kind=q.fact_kind or "",
        sources=[{"article": str(s.get("article", "")), "sentence": str(s.get("sentence", ""))}
                 for s in (q.sources or [])],
    )


def _apply(q: Question, d: QuestionData) -> None:
    q.type = d.type
    q.prompt = d.prompt
    q.answer = d.answer
    q.accepted = list(d.accepted)
    q.choices = list(d.choices) or None
    q.pairs = [list(p) for p in d.pairs] or None
    q.items = list(d.items) or None
    q.explanation = d.explanation
    q.difficulty = d.difficulty
    q.fact_kind = d.fact_kind or None


def _resolve_sources(session: Session, sources: list[dict]) -> list[dict]:
    """Imported provenance linked back to our sentences when the article and sentence exist."""
    out = []
    for s in sources:
        row = session.execute(
            select(Sentence.id, Article.id, Sentence.idx)
            .join(Article, Sentence.article_id == Article.id)
            .where(Article.key == s.get("article", ""), Sentence.text == s.get("sentence", ""))
            .limit(1)
        ).first()
        sid, aid, idx = row if row else (None, None, None)
        out.append({"article": s.get("article", ""), "sentence": s.get("sentence", ""),
                    "sentence_id": sid, "article_id": aid, "sentence_idx": idx})
    return out


def new_question(session: Session, owner: User, d: QuestionData, origin: str = "custom") -> Question:
    q = Question(origin=origin, owner_id=owner.id, score=0.0,
                 sources=_resolve_sources(session, d.sources) if d.sources else [])
    _apply(q, d)
    session.add(q)
    session.flush()
    return q


def pickable(user: User, q: Question | None) -> bool:
    """May ``user`` put ``q`` in a set? Live generated questions, or their own."""
    if q is None:
        return False
    if q.owner_id == user.id:
        return True
    if q.origin != "generated" or q.retired_at is not None:
        return False
    from ..collections.access import can_see
    from ..extensions import db

    return can_see(db.session, user, q.collection_id)


def has_answers(session: Session, q: Question) -> bool:
    return bool(session.scalar(select(exists().where(Answer.question_id == q.id))))


def save_item_question(session: Session, user: User, item: SetItem, d: QuestionData) -> Question:
    """Store an edit of ``item``'s question as the teacher's own.

    A generated question (or anyone else's) is never changed: the teacher gets an edited copy
    (``origin="edited"``, ``parent_id`` = the original) that keeps its sources and facts. Their
    own question is edited in place unless students have answered it: then it is copied too, so
    past answers keep the wording they were given.
    """
    old = item.question
    if old.owner_id == user.id and old.origin != "generated" and not has_answers(session, old):
        _apply(old, d)
        old.updated_at = utcnow()
        session.flush()
        return old
    copy = Question(
        origin="edited" if old.origin in ("generated", "edited") else old.origin,
        parent_id=old.id if old.origin == "generated" else (old.parent_id or old.id),
        owner_id=user.id,
        score=old.score,
        sources=list(old.sources or []),
    )
    copy.facts = list(old.facts)
    _apply(copy, d)
    session.add(copy)
    session.flush()
    # the same question may sit in several of the teacher's sets: only this set changes
    item.question_id = copy.id
    item.question = copy
    session.flush()
    return copy


# --------------------------------------------------------------------------------------------
# Sets
# --------------------------------------------------------------------------------------------


def create_set(session: Session, owner: User, title: str, description: str = "",
               visibility: str = "private") -> StudySet:
    s = StudySet(owner_id=owner.id, title=title.strip(), description=(description or "").strip(),
                 visibility=visibility if visibility in VISIBILITIES else "private",
                 share_code=unique_code(session, StudySet.share_code, codes.SHARE_CODE_LENGTH),
                 published=False)
    session.add(s)
    session.flush()
    return s


def _renumber(sset: StudySet) -> None:
    for pos, item in enumerate(sorted(sset.items, key=lambda i: (i.position, i.id)), 1):
        item.position = pos


def add_question(session: Session, sset: StudySet, q: Question) -> SetItem | None:
    """Append ``q``; None when it is already in the set (adding twice is harmless)."""
    if any(i.question_id == q.id for i in sset.items):
        return None
    top = max((i.position for i in sset.items), default=0)
    item = SetItem(set_id=sset.id, question_id=q.id, position=top + 1)
    item.question = q
    sset.items.append(item)
    sset.updated_at = utcnow()
    session.flush()
    return item


def move_item(sset: StudySet, item: SetItem, direction: str) -> bool:
    """Swap ``item`` with its neighbour; False at the top or bottom already."""
    _renumber(sset)
    ordered = sorted(sset.items, key=lambda i: i.position)
    idx = ordered.index(item)
    other = idx - 1 if direction == "up" else idx + 1
    if other < 0 or other >= len(ordered):
        return False
    ordered[idx].position, ordered[other].position = ordered[other].position, ordered[idx].position
    sset.updated_at = utcnow()
    return True


def remove_item(session: Session, sset: StudySet, item: SetItem) -> None:
    sset.items.remove(item)
    session.delete(item)
    _renumber(sset)
    sset.updated_at = utcnow()
    session.flush()


def duplicate_set(session: Session, sset: StudySet, owner: User) -> StudySet:
    """A private draft with the same questions (shared rows: editing one later forks a copy)."""
    copy = create_set(session, owner, f"Copy of {sset.title}"[:200], sset.description, "private")
    for item in sorted(sset.items, key=lambda i: i.position):
        session.add(SetItem(set_id=copy.id, question_id=item.question_id, position=item.position))
    session.flush()
    session.refresh(copy)
    return copy


def set_data(sset: StudySet) -> SetData:
    return SetData(sset.title, sset.description or "",
                   [to_data(i.question) for i in sorted(sset.items, key=lambda i: i.position)])


def import_questions(session: Session, owner: User, sset: StudySet, questions: list[QuestionData]) -> int:
    for d in questions:
        add_question(session, sset, new_question(session, owner, d, origin="imported"))
    return len(questions)


def bank_query(user: User, *, q: str = "", article_id: int | None = None, kind: str = "",
               qtype: str = "", difficulty: str = "", source: str = "bank"):
    """The picker's search: live generated questions (``source="bank"``) or the teacher's own."""
    stmt = select(Question).where(Question.retired_at.is_(None))
    if source == "mine":
        stmt = stmt.where(Question.owner_id == user.id)
    else:
        from ..collections.access import visible

        stmt = stmt.where(Question.origin == "generated", visible(Question.collection_id, user))
    if q:
        like = f"%{q}%"
        stmt = stmt.where(or_(Question.prompt.ilike(like), Question.answer.ilike(like)))
    if kind:
        stmt = stmt.where(Question.fact_kind == kind)
    if qtype:
        stmt = stmt.where(Question.type == qtype)
    bands = {"easy": (0.0, 0.4), "medium": (0.4, 0.65), "hard": (0.65, 1.01)}
    if difficulty in bands:
        lo, hi = bands[difficulty]
        stmt = stmt.where(Question.difficulty >= lo, Question.difficulty < hi)
    if article_id:
        stmt = stmt.where(Question.id.in_(
            select(question_fact.c.question_id)
            .join(FactSource, FactSource.fact_id == question_fact.c.fact_id)
            .where(FactSource.article_id == article_id)
        ))
    return stmt.order_by(Question.score.desc(), Question.id)


# --------------------------------------------------------------------------------------------
# Classes and assignments
# --------------------------------------------------------------------------------------------


def create_class(session: Session, owner: User, name: str) -> ClassGroup:
    k = ClassGroup(owner_id=owner.id, name=name.strip(),
                   join_code=unique_code(session, ClassGroup.join_code, codes.JOIN_CODE_LENGTH))
    session.add(k)
    session.flush()
    return k


def find_class_by_code(session: Session, code: str) -> ClassGroup | None:
    code = codes.normalise_code(code)
    if not codes.looks_valid(code, codes.JOIN_CODE_LENGTH):
        return None
    return session.scalar(select(ClassGroup).where(ClassGroup.join_code == code,
                                                   ClassGroup.archived.is_(False)))


def join(session: Session, user: User, klass: ClassGroup) -> bool:
    """Add ``user`` to ``klass``; False when already a member."""
    if session.get(Membership, (klass.id, user.id)) is not None:
        return False
    session.add(Membership(class_id=klass.id, user_id=user.id))
    session.flush()
    return True


def roster(session: Session, klass: ClassGroup) -> list[tuple[User, datetime]]:
    return list(session.execute(
        select(User, Membership.joined_at).join(Membership, Membership.user_id == User.id)
        .where(Membership.class_id == klass.id).order_by(func.lower(User.name), User.id)
    ).all())


def student_classes(session: Session, user: User) -> list[ClassGroup]:
    return list(session.scalars(
        select(ClassGroup).join(Membership, Membership.class_id == ClassGroup.id)
        .where(Membership.user_id == user.id, ClassGroup.archived.is_(False))
        .order_by(ClassGroup.name)
    ))


def teacher_classes(session: Session, user: User) -> list[tuple[ClassGroup, int, int]]:
    """(class, students, assignments) for the teacher's classes."""
    members = (select(func.count()).select_from(Membership)
               .where(Membership.class_id == ClassGroup.id).scalar_subquery())
    assigned = (select(func.count()).select_from(Assignment)
                .where(Assignment.class_id == ClassGroup.id).scalar_subquery())
    return list(session.execute(
        select(ClassGroup, members, assigned).where(ClassGroup.owner_id == user.id)
        .order_by(ClassGroup.archived, ClassGroup.name)
    ).all())


def assign(session: Session, klass: ClassGroup, sset: StudySet, due_at: datetime | None) -> tuple[Assignment, bool]:
    """Assign ``sset`` to ``klass`` (or move the due date of the existing assignment)."""
    existing = session.scalar(select(Assignment).where(Assignment.class_id == klass.id,
                                                       Assignment.set_id == sset.id))
    if existing is not None:
        existing.due_at = due_at
        return existing, False
    a = Assignment(class_id=klass.id, set_id=sset.id, due_at=due_at)
    session.add(a)
    session.flush()
    return a, True


@dataclass
class Attempt:
    quiz_id: int
    started_at: datetime
    finished_at: datetime | None
    score: float | None  # share of the quiz's points, 0..1 (None while unfinished)


@dataclass
class Status:
    """Where one student stands on one assignment."""

    state: str  # not_started | in_progress | done
    best: float | None = None
    attempts: list[Attempt] = field(default_factory=list)
    open_quiz_id: int | None = None
    finished_at: datetime | None = None
    late: bool = False
    overdue: bool = False

    @property
    def label(self) -> str:
        if self.state == "done":
            return "Done (late)" if self.late else "Done"
        if self.overdue:
            return "Overdue" if self.state == "not_started" else "In progress (overdue)"
        return "In progress" if self.state == "in_progress" else "Not started"


def _attempts(session: Session, assignment_ids: list[int], user_ids: list[int] | None = None
              ) -> dict[tuple[int, int], list[Attempt]]:
    """(assignment id, user id) -> attempts in start order, each with its score."""
    if not assignment_ids:
        return {}
    stmt = select(Quiz).where(Quiz.assignment_id.in_(assignment_ids))
    if user_ids is not None:
        stmt = stmt.where(Quiz.user_id.in_(user_ids))
    quizzes = list(session.scalars(stmt.order_by(Quiz.started_at, Quiz.id)))
    if not quizzes:
        return {}
    ids = [q.id for q in quizzes]
    points = dict(session.execute(
        select(Answer.quiz_id, func.sum(Answer.score)).where(Answer.quiz_id.in_(ids)).group_by(Answer.quiz_id)
    ).all())
    sizes = dict(session.execute(
        select(QuizItem.quiz_id, func.count()).where(QuizItem.quiz_id.in_(ids)).group_by(QuizItem.quiz_id)
    ).all())
    out: dict[tuple[int, int], list[Attempt]] = defaultdict(list)
    for q in quizzes:
        n = sizes.get(q.id) or q.length or 0
        score = (float(points.get(q.id) or 0.0) / n if n else 0.0) if q.finished_at else None
        out[(q.assignment_id, q.user_id)].append(Attempt(q.id, q.started_at, q.finished_at, score))
    return out


def _status(attempts: list[Attempt], due_at: datetime | None, now: datetime) -> Status:
    done = [a for a in attempts if a.finished_at is not None]
    open_ = [a for a in attempts if a.finished_at is None]
    st = Status("done" if done else ("in_progress" if open_ else "not_started"), attempts=attempts)
    if done:
        st.best = max(a.score or 0.0 for a in done)
        st.finished_at = min(a.finished_at for a in done if a.finished_at)
        st.late = bool(due_at and st.finished_at and st.finished_at > due_at)
    if open_:
        st.open_quiz_id = open_[-1].quiz_id
    st.overdue = not done and bool(due_at and now > due_at)
    return st


def student_assignments(session: Session, user: User) -> list[tuple[Assignment, Status]]:
    """The student's assignments across their classes, most urgent first."""
    rows = list(session.scalars(
        select(Assignment).join(Membership, Membership.class_id == Assignment.class_id)
        .join(ClassGroup, ClassGroup.id == Assignment.class_id)
        .where(Membership.user_id == user.id, ClassGroup.archived.is_(False))
        .options(selectinload(Assignment.klass), selectinload(Assignment.set))
    ))
    att = _attempts(session, [a.id for a in rows], [user.id])
    now = utcnow()
    pairs = [(a, _status(att.get((a.id, user.id), []), a.due_at, now)) for a in rows]
    far = now + timedelta(days=36500)
    pairs.sort(key=lambda p: (p[1].state == "done", p[0].due_at or far, p[0].id))
    return pairs


@dataclass
class Progress:
    students: list[User]
    assignments: list[Assignment]
    cells: dict[tuple[int, int], Status]  # (user id, assignment id)

    def completion(self, assignment: Assignment) -> float | None:
        if not self.students:
            return None
        done = sum(1 for s in self.students if self.cells[(s.id, assignment.id)].state == "done")
        return done / len(self.students)

    def mean_score(self, assignment: Assignment) -> float | None:
        scores = [c.best for s in self.students if (c := self.cells[(s.id, assignment.id)]).best is not None]
        return sum(scores) / len(scores) if scores else None

    def student_completion(self, student: User) -> float | None:
        if not self.assignments:
            return None
        done = sum(1 for a in self.assignments if self.cells[(student.id, a.id)].state == "done")
        return done / len(self.assignments)

    def student_mean(self, student: User) -> float | None:
        scores = [c.best for a in self.assignments if (c := self.cells[(student.id, a.id)]).best is not None]
        return sum(scores) / len(scores) if scores else None


def class_progress(session: Session, klass: ClassGroup) -> Progress:
    students = [u for u, _ in roster(session, klass)]
    assignments = list(klass.assignments)
    att = _attempts(session, [a.id for a in assignments], [u.id for u in students])
    now = utcnow()
    cells = {(u.id, a.id): _status(att.get((a.id, u.id), []), a.due_at, now)
             for u in students for a in assignments}
    return Progress(students, assignments, cells)


def grades_rows(progress: Progress) -> list[list[str]]:
    """The grade book as CSV rows: one line per student, score (%) and status per assignment."""
    header = ["student", "email"]
    for a in progress.assignments:
        header += [f"{a.set.title} (score %)", f"{a.set.title} (status)"]
    header += ["completed", "average score %"]
    rows = [header]

    def pct(x: float | None) -> str:
        return "" if x is None else f"{100 * x:.1f}"

    for s in progress.students:
        line = [s.name, s.email]
        for a in progress.assignments:
            c = progress.cells[(s.id, a.id)]
            line += [pct(c.best), c.label]
        done = sum(1 for a in progress.assignments if progress.cells[(s.id, a.id)].state == "done")
        line += [f"{done}/{len(progress.assignments)}", pct(progress.student_mean(s))]
        rows.append(line)
    return rows


@dataclass
class ItemRow:
    question: Question
    stats: ItemStats
    item: SetItem | None  # the set item now holding this question (None: removed or replaced)
    position: int


def item_analysis(session: Session, assignment: Assignment, student_ids: list[int]) -> list[ItemRow]:
    """Facility and discrimination of each question of the assignment, from first attempts of
    current class members (the earliest finished quiz of each student)."""
    quizzes = list(session.scalars(
        select(Quiz).where(Quiz.assignment_id == assignment.id, Quiz.finished_at.is_not(None),
                           Quiz.user_id.in_(student_ids or [-1]))
        .order_by(Quiz.started_at, Quiz.id)
    ))
    first: dict[int, Quiz] = {}
    for q in quizzes:
        first.setdefault(q.user_id, q)
    quiz_ids = [q.id for q in first.values()]
    asked = list(session.execute(
        select(QuizItem.quiz_id, QuizItem.question_id).where(QuizItem.quiz_id.in_(quiz_ids or [-1]))
    ).all())
    answers = list(session.execute(
        select(Answer.quiz_id, Answer.question_id, Answer.correct, Answer.score)
        .where(Answer.quiz_id.in_(quiz_ids or [-1]))
    ).all())
    responses: dict[int, dict[int, Response]] = {q.user_id: {} for q in first.values()}
    owner = {q.id: q.user_id for q in first.values()}
    for quiz_id, qid, correct, score in answers:
        responses[owner[quiz_id]][qid] = Response(bool(correct), float(score or 0.0))
    items_now = {i.question_id: i for i in assignment.set.items}
    order = [i.question_id for i in sorted(assignment.set.items, key=lambda i: i.position)]
    # current items first (in set order), then questions asked earlier but since removed/replaced
    question_ids = order + [q for q in dict.fromkeys(qid for _, qid in asked) if q not in items_now]
    if not question_ids:
        return []
    questions = {q.id: q for q in session.scalars(select(Question).where(Question.id.in_(question_ids)))}
    # a student counts for an item only if their quiz contained it (sets change between attempts)
    shown: dict[int, set[int]] = defaultdict(set)
    for quiz_id, qid in asked:
        shown[qid].add(owner[quiz_id])
    rows = []
    for pos, qid in enumerate(question_ids, 1):
        sub = {u: r for u, r in responses.items() if u in shown.get(qid, set())}
        stats = analyse(question_ids, sub)[pos - 1]
        if qid in questions:
            rows.append(ItemRow(questions[qid], stats, items_now.get(qid), pos))
    return rows


# --------------------------------------------------------------------------------------------
# Pending imports
# --------------------------------------------------------------------------------------------


def save_pending(session: Session, owner: User, sset: StudySet | None, filename: str, fmt: str,
                 result: dict) -> PendingImport:
    cutoff = utcnow() - timedelta(days=1)
    session.execute(delete(PendingImport).where(PendingImport.created_at < cutoff))
    p = PendingImport(owner_id=owner.id, set_id=sset.id if sset else None, filename=filename[:255],
                      format=fmt, result=result)
    session.add(p)
    session.flush()
    return p
