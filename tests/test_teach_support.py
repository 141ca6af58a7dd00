"""Shared set-up for the teaching tests (no tests here): a small generated bank without running
spaCy, and quizzes with answers written the way the study area writes them."""

from __future__ import annotations

from datetime import timedelta

from quizapp.extensions import db
from quizapp.models import Answer, Article, Question, Quiz, QuizItem, Sentence, utcnow

BANK = [
    dict(type="multiple_choice", fact_kind="leader", prompt="Who is the foreign minister of China?",
         answer="Wang Yi", accepted=["Wang Yi"], choices=["Wang Yi", "Sergey Lavrov", "Xi Jinping", "Li Qiang"],
         difficulty=0.3),
    dict(type="true_false", fact_kind="mechanism", prompt="The SCO is a regional organisation.",
         answer="True", accepted=["True"], choices=["True", "False"], difficulty=0.2),
    dict(type="cloze", fact_kind="date", prompt="The statement was issued on _____.",
         answer="12 May 2025", accepted=["12 May 2025", "May 12, 2025"], difficulty=0.7),
    dict(type="short_answer", fact_kind="goal", prompt="What did both nations hope Afghanistan would become?",
         answer="peaceful", accepted=["peaceful"], difficulty=0.5),
    dict(type="matching", fact_kind="mechanism", prompt="Match each acronym to its full name.",
         answer="SCO → Shanghai Cooperation Organization; BRI → Belt and Road Initiative",
         accepted=["SCO → Shanghai Cooperation Organization; BRI → Belt and Road Initiative"],
         pairs=[["SCO", "Shanghai Cooperation Organization"], ["BRI", "Belt and Road Initiative"]],
         difficulty=0.6),
    dict(type="ordering", fact_kind="date", prompt="Put these events in order, earliest first.",
         answer="A → B → C", accepted=["A → B → C"], items=["A", "B", "C"], difficulty=0.8),
]


def make_bank(app) -> dict:
    """An article with one sentence and six generated questions citing it; returns their ids."""
    with app.app_context():
        from quizapp.collections.access import library

        lib = library(db.session).id
        art = Article(collection_id=lib, key="china-russia.txt", title="China and Russia on Afghanistan", content_hash="x" * 64,
                      raw_text="China and Russia.\n\nThe SCO is a regional organisation.", word_count=6)
        db.session.add(art)
        db.session.flush()
        sent = Sentence(article_id=art.id, idx=1, paragraph=1, start=19, end=55,
                        text="The SCO is a regional organisation.")
        db.session.add(sent)
        db.session.flush()
        ids = []
        for n, spec in enumerate(BANK):
            q = Question(collection_id=lib, uid=f"gen{n}", origin="generated", score=1.0 - n / 10, explanation="From the article.",
                         sources=[{"article": art.key, "sentence": sent.text, "sentence_id": sent.id,
                                   "article_id": art.id, "sentence_idx": sent.idx}], **spec)
            db.session.add(q)
            db.session.flush()
            ids.append(q.id)
        db.session.commit()
        return {"article": art.id, "questions": ids}


def record_quiz(app, user_id: int, assignment_id: int, set_id: int, results: dict[int, bool],
                finished: bool = True, minutes_ago: int = 10) -> int:
    """A finished assignment quiz of ``user_id`` with one answer per question (True = right)."""
    with app.app_context():
        start = utcnow() - timedelta(minutes=minutes_ago)
        quiz = Quiz(user_id=user_id, scope_kind="set", scope_ref=str(set_id), mode="test",
                    length=len(results), assignment_id=assignment_id, started_at=start,
                    finished_at=start + timedelta(minutes=5) if finished else None)
        quiz.items = [QuizItem(position=i, question_id=qid) for i, qid in enumerate(results, 1)]
        db.session.add(quiz)
        db.session.flush()
        for item in quiz.items:
            ok = results[item.question_id]
            db.session.add(Answer(quiz_item_id=item.id, quiz_id=quiz.id, user_id=user_id,
                                  question_id=item.question_id, response="x", correct=ok,
                                  score=1.0 if ok else 0.0, created_at=start + timedelta(minutes=1)))
        db.session.commit()
        return quiz.id
