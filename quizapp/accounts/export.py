""""Download my data": one zip of JSON and CSV files with everything a user made or did.

Built in memory (a person's data is small: answers and reviews are a few hundred bytes each,
articles are capped at ``MAX_ARTICLE_BYTES``). Never the password hash or the session token;
other people appear only as counts (a teacher's class lists how many students, not who).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import (
    Answer,
    Article,
    ArticleFile,
    Assignment,
    Card,
    ClassGroup,
    Collection,
    Fact,
    Membership,
    Question,
    Quiz,
    ReviewLog,
    SetItem,
    StudySet,
    User,
    collection_class,
)

PROFILE_FIELDS = ("id", "email", "name", "role", "active", "created_at", "timezone", "new_cards_per_day",
                  "reviews_per_day", "quiz_counts_as_review")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    text = str(_plain(value))
    # a leading = + - @ would run as a formula in a spreadsheet: neutralise it
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


class _Zip:
    def __init__(self) -> None:
        self.buf = io.BytesIO()
        self.zf = zipfile.ZipFile(self.buf, "w", compression=zipfile.ZIP_DEFLATED)
        self.names: list[str] = []

    def text(self, name: str, text: str) -> None:
        self.zf.writestr(name, text)
        self.names.append(name)

    def raw(self, name: str, data: bytes) -> None:
        self.zf.writestr(name, data)
        self.names.append(name)

    def json(self, name: str, data: Any) -> None:
        self.text(name, json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n")

    def csv(self, name: str, columns: list[str], rows: list[dict]) -> None:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        self.text(name, "\ufeff" + out.getvalue())

    def table(self, stem: str, columns: list[str], rows: list[dict]) -> None:
        self.json(f"{stem}.json", rows)
        self.csv(f"{stem}.csv", columns, rows)

    def close(self) -> bytes:
        self.zf.close()
        return self.buf.getvalue()


def _rows(session: Session, stmt) -> list[dict]:
    return [dict(r._mapping) for r in session.execute(stmt)]


def _quizzes(session: Session, uid: int) -> list[dict]:
    return _rows(session, select(Quiz.id, Quiz.scope_kind, Quiz.scope_ref, Quiz.mode, Quiz.length,
                                 Quiz.assignment_id, Quiz.started_at, Quiz.finished_at)
                 .where(Quiz.user_id == uid).order_by(Quiz.id))


def _answers(session: Session, uid: int) -> list[dict]:
    return _rows(session, select(Answer.id, Answer.quiz_id, Answer.question_id, Question.type.label("question_type"),
                                 Question.prompt.label("question"), Answer.response, Answer.correct, Answer.score,
                                 Answer.typo, Answer.time_ms, Answer.created_at)
                 .join(Question, Question.id == Answer.question_id)
                 .where(Answer.user_id == uid).order_by(Answer.id))


def _cards(session: Session, uid: int) -> list[dict]:
    return _rows(session, select(Card.id, Card.fact_id, Fact.kind.label("fact_kind"), Fact.statement.label("fact"),
                                 Card.question_id, Card.state, Card.step, Card.stability, Card.difficulty, Card.due,
                                 Card.last_review, Card.suspended, Card.created_at)
                 .join(Fact, Fact.id == Card.fact_id).where(Card.user_id == uid).order_by(Card.id))


def _reviews(session: Session, uid: int) -> list[dict]:
    return _rows(session, select(ReviewLog.id, ReviewLog.card_id, ReviewLog.rating, ReviewLog.kind,
                                 ReviewLog.card_state, ReviewLog.reviewed_at, ReviewLog.duration_ms)
                 .where(ReviewLog.user_id == uid).order_by(ReviewLog.id))


def _sets(session: Session, uid: int) -> list[dict]:
    sets = _rows(session, select(StudySet.id, StudySet.title, StudySet.description, StudySet.visibility,
                                 StudySet.share_code, StudySet.published, StudySet.created_at, StudySet.updated_at)
                 .where(StudySet.owner_id == uid).order_by(StudySet.id))
    items = _rows(session, select(SetItem.set_id, SetItem.position, SetItem.question_id, Question.type,
                                  Question.prompt, Question.answer, Question.accepted, Question.choices,
                                  Question.pairs, Question.items, Question.explanation, Question.origin)
                  .join(Question, Question.id == SetItem.question_id)
                  .join(StudySet, StudySet.id == SetItem.set_id)
                  .where(StudySet.owner_id == uid).order_by(SetItem.set_id, SetItem.position))
    by_set: dict[int, list[dict]] = {}
    for item in items:
        by_set.setdefault(item.pop("set_id"), []).append(item)
    for s in sets:
        s["items"] = by_set.get(s["id"], [])
    return sets


def _classes(session: Session, uid: int) -> dict[str, list[dict]]:
    members = (select(func.count()).select_from(Membership)
               .where(Membership.class_id == ClassGroup.id).scalar_subquery())
    teaching = _rows(session, select(ClassGroup.id, ClassGroup.name, ClassGroup.join_code, ClassGroup.archived,
                                     ClassGroup.created_at, members.label("students"))
                     .where(ClassGroup.owner_id == uid).order_by(ClassGroup.id))
    assignments = _rows(session, select(Assignment.id, Assignment.class_id, Assignment.set_id,
                                        StudySet.title.label("set_title"), Assignment.due_at, Assignment.created_at)
                        .join(StudySet, StudySet.id == Assignment.set_id)
                        .join(ClassGroup, ClassGroup.id == Assignment.class_id)
                        .where(ClassGroup.owner_id == uid).order_by(Assignment.id))
    for k in teaching:
        k["assignments"] = [a for a in assignments if a["class_id"] == k["id"]]
    member_of = _rows(session, select(ClassGroup.id, ClassGroup.name, User.name.label("teacher"),
                                      ClassGroup.archived, Membership.joined_at)
                      .join(Membership, Membership.class_id == ClassGroup.id)
                      .outerjoin(User, User.id == ClassGroup.owner_id)
                      .where(Membership.user_id == uid).order_by(ClassGroup.id))
    return {"teaching": teaching, "member_of": member_of}


def _collections(session: Session, uid: int) -> list[dict]:
    colls = _rows(session, select(Collection.id, Collection.name, Collection.kind, Collection.published,
                                  Collection.created_at).where(Collection.owner_id == uid).order_by(Collection.id))
    ids = [c["id"] for c in colls]
    articles = _rows(session, select(Article.id, Article.collection_id, Article.key, Article.title, Article.published,
                                     Article.author, Article.source, Article.status, Article.created_at,
                                     Article.retired_at, Article.raw_text)
                     .where(Article.collection_id.in_(ids)).order_by(Article.id)) if ids else []
    shared = session.execute(select(collection_class.c.collection_id, collection_class.c.class_id)
                             .where(collection_class.c.collection_id.in_(ids))).all() if ids else []
    for c in colls:
        c["shared_with_classes"] = sorted(k for cid, k in shared if cid == c["id"])
        c["articles"] = [a for a in articles if a["collection_id"] == c["id"]]
    return colls


def _originals(session: Session, uid: int) -> list[tuple[str, bytes]]:
    """The files the user's own articles were made from (uploads, fetched pages), as zip entries
    named by article id and a file name safe on every system."""
    rows = session.execute(
        select(ArticleFile.article_id, ArticleFile.filename, ArticleFile.data)
        .join(Article, Article.id == ArticleFile.article_id)
        .join(Collection, Collection.id == Article.collection_id)
        .where(Collection.owner_id == uid, ArticleFile.data.is_not(None))
        .order_by(ArticleFile.article_id)).all()
    out = []
    for aid, filename, data in rows:
        safe = re.sub(r"[^\w.-]+", "_", filename or "file").strip("._")[:100] or "file"
        out.append((f"originals/{aid}-{safe}", data))
    return out


README = """Your quizapp data, exported {when}.

profile.json            your account (never your password, which is stored only as a hash)
quizzes.json/.csv       every quiz you started
answers.json/.csv       every answer you gave, with the question it answered
cards.json/.csv         your flashcards and their schedule
review_logs.json/.csv   every flashcard rating
sets.json               the study sets you own, with their questions (sets.csv: one row per question)
classes.json            classes you teach (with assignments; students as a count) and classes you joined
                        (classes.csv: one row per class)
collections.json        your own collections and their articles, full text included
                        (collections.csv: one row per article, without the text)
originals/              the files your own articles were made from (uploads, fetched pages), if any

JSON holds the same values as CSV; CSV cells that start with = + - @ are prefixed with ' so a
spreadsheet shows them instead of running them.
"""


def build_export(session: Session, user: User, now: datetime) -> tuple[bytes, list[str]]:
    """The zip's bytes and the names of its files."""
    uid = user.id
    z = _Zip()
    z.text("README.txt", README.format(when=now.strftime("%Y-%m-%d %H:%M UTC")))
    z.json("profile.json", {f: getattr(user, f) for f in PROFILE_FIELDS})
    z.table("quizzes", ["id", "scope_kind", "scope_ref", "mode", "length", "assignment_id", "started_at",
                        "finished_at"], _quizzes(session, uid))
    z.table("answers", ["id", "quiz_id", "question_id", "question_type", "question", "response", "correct", "score",
                        "typo", "time_ms", "created_at"], _answers(session, uid))
    z.table("cards", ["id", "fact_id", "fact_kind", "fact", "question_id", "state", "step", "stability",
                      "difficulty", "due", "last_review", "suspended", "created_at"], _cards(session, uid))
    z.table("review_logs", ["id", "card_id", "rating", "kind", "card_state", "reviewed_at", "duration_ms"],
            _reviews(session, uid))
    sets = _sets(session, uid)
    z.json("sets.json", sets)
    z.csv("sets.csv", ["set_id", "set_title", "position", "question_id", "type", "prompt", "answer", "accepted",
                       "choices", "pairs", "items", "explanation"],
          [{"set_id": s["id"], "set_title": s["title"], **i} for s in sets for i in s["items"]])
    classes = _classes(session, uid)
    z.json("classes.json", classes)
    z.csv("classes.csv", ["as", "id", "name", "teacher", "students", "archived", "created_at", "joined_at"],
          [{"as": "teacher", **k} for k in classes["teaching"]]
          + [{"as": "member", **k} for k in classes["member_of"]])
    colls = _collections(session, uid)
    z.json("collections.json", colls)
    z.csv("collections.csv", ["collection_id", "collection", "id", "key", "title", "published", "author", "source",
                              "status", "created_at", "retired_at"],
          [{"collection": c["name"], **a} for c in colls for a in c["articles"]])
    for name, data in _originals(session, uid):
        z.raw(name, data)
    return z.close(), z.names
