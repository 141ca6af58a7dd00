"""The generator's quality in real use: per collection, by question type and fact kind, what share
of its questions students reported and reviewers retired. Admins read it to see which templates
fail (the admin quality page); the ranking reads the same counts (``curation.learned_factors``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..models import Collection, Question, QuestionReport


@dataclass(frozen=True)
class QualityRow:
    collection: str
    qtype: str
    kind: str
    questions: int
    reported: int
    retired: int

    @property
    def reported_share(self) -> float:
        return self.reported / self.questions if self.questions else 0.0

    @property
    def retired_share(self) -> float:
        return self.retired / self.questions if self.questions else 0.0


def totals(rows: Iterable[QualityRow]) -> QualityRow:
    """All rows added up (the table's last line). Pure."""
    rows = list(rows)
    return QualityRow("All", "", "", sum(r.questions for r in rows), sum(r.reported for r in rows),
                      sum(r.retired for r in rows))


def quality_rows(session: Session) -> list[QualityRow]:
    """One row per (collection, type, kind) of every question the generator made (those it has since
    dropped too: their reports still say how the pattern fared), worst retired share first."""
    reported = select(QuestionReport.question_id).distinct()
    stmt = (
        select(Collection.name, Question.type, Question.fact_kind, func.count(),
               func.sum(case((Question.id.in_(reported), 1), else_=0)),
               func.sum(case((Question.review_state == "retired", 1), else_=0)))
        .join(Collection, Collection.id == Question.collection_id)
        .where(Question.origin == "generated")
        .group_by(Collection.id, Collection.name, Question.type, Question.fact_kind)
    )
    rows = [QualityRow(name, qtype, kind or "", int(n), int(rep or 0), int(ret or 0))
            for name, qtype, kind, n, rep, ret in session.execute(stmt)]
    return sorted(rows, key=lambda r: (-r.retired_share, -r.reported_share, r.collection, r.qtype, r.kind))
