"""A seeded run of the quality loop: ingest articles, let simulated students answer quizzes and
report questions (each of the six reasons), let a reviewer act on the reports, regenerate, and
show per reason how many questions were flagged and how the ranking moved them.

``python -m quizapp.bench.quality [--own N] [--students N] [--seed N] [--json PATH]``

The simulation is a model, not data: every student reports a question they meet with a
probability that depends on the reason and on the question's pattern (type and fact kind), drawn
from one seeded generator, so a run is repeatable. The reviewer retires a question that two
students reported as wrong, ambiguous or not in the article, approves one reported once as too
easy or unclear (a reviewer who disagrees), and leaves the rest in the queue. "Rank" is a
question's place among its article's generated questions by score (1 = best); it is taken before
the reports and after the regeneration that reads them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from .. import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
OWN = PROJECT_ROOT / "eval" / "own" / "articles"

# Chance that one student who met a question of this pattern reports it for this reason: the
# weak spots a teacher would expect (true/false is easy, a cloze on a long sentence is unclear,
# matching and ordering admit more than one reading), and a small base rate everywhere.
BASE_RATE = 0.0008
PROPENSITY = {
    "wrong_answer": {"cloze": 0.006, "short_answer": 0.005},
    "several_answers": {"matching": 0.01, "ordering": 0.01, "multiple_choice": 0.003},
    "unclear": {"cloze": 0.006, "ordering": 0.005},
    "not_in_article": {"true_false": 0.004},
    "too_easy": {"true_false": 0.015, "multiple_choice": 0.003},
    "other": {},
}
SERIOUS = ("wrong_answer", "several_answers", "not_in_article")


def _article_of(q) -> int | None:
    for s in q.sources or []:
        if isinstance(s, dict) and s.get("article_id"):
            return int(s["article_id"])
    return None


def _ranks(session) -> dict[int, float]:
    """Each generated question's place in its article by score as a share: 0 = the article's best,
    1 = its worst (the number of questions per article changes when the generator chooses again).
    Reviewers' decisions are included (a retired question keeps a row and a score)."""
    from sqlalchemy import select

    from ..models import Question

    by_article: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for q in session.scalars(select(Question).where(Question.origin == "generated",
                                                    Question.dropped_at.is_(None) | Question.review_state.is_not(None))):
        aid = _article_of(q)
        if aid is not None:
            by_article[aid].append((-q.score, q.id))
    out: dict[int, float] = {}
    for rows in by_article.values():
        n = len(rows)
        for place, (_s, qid) in enumerate(sorted(rows)):
            out[qid] = place / (n - 1) if n > 1 else 0.0
    return out


def run(own: int = 15, students: int = 40, seed: int = 22, log=print) -> dict:
    from flask_migrate import upgrade
    from sqlalchemy import select

    from .. import create_app
    from ..auth import create_user
    from ..corpus.store import ingest_files, iter_article_files
    from ..extensions import db
    from ..models import Answer, Question, Quiz, QuizItem, utcnow
    from ..pipeline import refresh_derived
    from ..questions import curation as cur
    from ..questions.store import sync_questions

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-quality.") as tmp:
        os.environ["QUIZAPP_INSTANCE"] = str(Path(tmp) / "instance")
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(tmp) / 'q.sqlite'}", "SECRET_KEY": "bench",
                          "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, "QUEUE_IMMEDIATE": True})
        with app.app_context():
            upgrade()
            s = db.session
            files = iter_article_files([SEEDS, *sorted(OWN.glob("*.txt"))[:own]])
            log(f"ingesting {len(files)} articles ...")
            ingest_files(s, files, app.config["MAX_ARTICLE_BYTES"], after_each=refresh_derived)
            s.commit()
            admin = create_user(s, "reviewer@example.com", "Reviewer", "a long bench password", "admin")
            users = [create_user(s, f"s{i}@example.com", f"S{i}", "a long bench password") for i in range(students)]
            s.commit()
            live = list(s.scalars(select(Question).where(Question.origin == "generated",
                                                         Question.retired_at.is_(None)).order_by(Question.id)))
            lib = live[0].collection_id
            before = _ranks(s)
            before_score = {q.id: q.score for q in live}
            log(f"{len(live)} live generated questions; {students} students")

            # every student meets every question once (a quiz over the whole bank), answering with
            # their ability against the question's difficulty, and maybe reporting it
            reasons_of: dict[int, list[str]] = defaultdict(list)
            now = utcnow()
            for u in users:
                ability = rng.uniform(0.3, 0.95)
                quiz = Quiz(user_id=u.id, scope_kind="corpus", mode="practice", length=len(live), started_at=now,
                            finished_at=now)
                quiz.items = [QuizItem(position=i, question_id=q.id) for i, q in enumerate(live, 1)]
                s.add(quiz)
                s.flush()
                for item, q in zip(quiz.items, live, strict=True):
                    ok = rng.random() < max(0.05, min(0.98, ability + 0.5 - q.difficulty))
                    s.add(Answer(quiz_item_id=item.id, quiz_id=quiz.id, user_id=u.id, question_id=q.id,
                                 response="x", correct=ok, score=1.0 if ok else 0.0, created_at=now))
                    for reason, by_type in PROPENSITY.items():
                        if rng.random() < BASE_RATE + by_type.get(q.type, 0.0):
                            cur.report(s, u, q, reason, "")
                            reasons_of[q.id].append(reason)
                            break  # one report per user per question
            s.commit()
            queue_before = cur.queue(s, admin)
            flagged_by_stats = sum(1 for r in queue_before if r.figures and r.figures.flags and not r.reports)

            # the reviewer
            decided: dict[int, str] = {}
            for qid, reasons in reasons_of.items():
                q = s.get(Question, qid)
                serious = sum(1 for r in reasons if r in SERIOUS)
                if serious >= 2:
                    cur.retire(s, admin, q)
                    decided[qid] = "retired"
                elif len(reasons) == 1 and reasons[0] in ("too_easy", "unclear"):
                    cur.approve(s, admin, q)
                    decided[qid] = "approved"
            s.commit()
            learned = cur.learned_factors(s, lib)
            counts = sync_questions(s, collection_id=lib)
            s.commit()
            again = sync_questions(s, collection_id=lib)  # stable: what was learned does not flip back
            s.commit()
            s.expire_all()
            after = _ranks(s)
            def figures(ids: list[int]) -> dict:
                still = [i for i in ids if i in after and i in before]
                qs = {i: s.get(Question, i) for i in ids}
                return {
                    "questions": len(ids),
                    "retired": sum(1 for i in ids if qs[i].review_state == "retired"),
                    "approved": sum(1 for i in ids if qs[i].review_state == "approved"),
                    "replaced": sum(1 for i in ids if qs[i].dropped_at is not None and qs[i].review_state is None),
                    "live_after": sum(1 for i in ids if qs[i].retired_at is None),
                    "rank_before": round(statistics.mean(before[i] for i in still), 3) if still else None,
                    "rank_after": round(statistics.mean(after[i] for i in still), 3) if still else None,
                    "moved_down": sum(1 for i in still if after[i] > before[i]),
                    "moved_up": sum(1 for i in still if after[i] < before[i]),
                    "score_change": round(statistics.mean(qs[i].score - before_score[i] for i in ids), 4)
                    if ids else None,
                }

            rows = []
            for reason in PROPENSITY:
                ids = sorted({qid for qid, rs in reasons_of.items() if reason in rs})
                rows.append({"reason": reason, "reports": sum(rs.count(reason) for rs in reasons_of.values()),
                             **figures(ids)})
            rows.append({"reason": "(not reported)", "reports": 0,
                         **figures([q.id for q in live if q.id not in reasons_of])})
            summary = {
                "articles": len({_article_of(q) for q in live}), "questions": len(live), "students": students,
                "reports": sum(len(v) for v in reasons_of.values()),
                "reported_questions": len(reasons_of),
                "flagged_by_statistics_only": flagged_by_stats,
                "queue_rows_before_review": len(queue_before),
                "regeneration": counts,
                "second_regeneration": again,
                "pattern_factors": {k: v for k, v in sorted(learned.items()) if k.startswith("pattern:")},
                "seed": seed,
            }
            db.session.remove()
            db.engine.dispose()
    return {"by_reason": rows, "summary": summary}


def print_table(result: dict) -> None:
    def f(v, spec=""):
        return "-" if v is None else format(v, spec)

    print("\nrank = place in its article by score as a share (0 best, 1 worst), over the questions that kept a row")
    print(f"{'reason':<16}{'reports':>8}{'questions':>10}{'retired':>8}{'approved':>9}{'replaced':>9}{'live':>6}"
          f"{'rank before':>12}{'rank after':>11}{'down':>6}{'up':>5}{'Δscore':>9}")
    for r in result["by_reason"]:
        print(f"{r['reason']:<16}{r['reports']:>8}{r['questions']:>10}{r['retired']:>8}{r['approved']:>9}"
              f"{r['replaced']:>9}{r['live_after']:>6}{f(r['rank_before'], '.3f'):>12}{f(r['rank_after'], '.3f'):>11}"
              f"{r['moved_down']:>6}{r['moved_up']:>5}{f(r['score_change'], '+.4f'):>9}")
    print("\n" + json.dumps(result["summary"], indent=2))


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--own", type=int, default=15, help="articles from eval/own beside the seeds")
    p.add_argument("--students", type=int, default=40)
    p.add_argument("--seed", type=int, default=22)
    p.add_argument("--json", type=Path, help="also write the result here")
    a = p.parse_args(argv)
    result = run(a.own, a.students, a.seed, log=lambda m: print(m, file=sys.stderr, flush=True))
    print_table(result)
    if a.json:
        a.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
