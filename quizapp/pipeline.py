"""After the corpus changes: recompute what is derived from it (facts, then questions).

Runs inside the caller's transaction, so an article is never committed without its facts and
questions. Each stage touches only what the changed articles reach: their raw facts, the merged
facts that share a key with them, and those facts' questions.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session


def refresh_derived(session: Session, article_ids: list[int],
                    progress: Callable[[int, str], None] | None = None,
                    raw: dict[int, list] | None = None) -> dict[str, dict[str, int]]:
    """Bring facts and questions up to date after ``article_ids`` were added, changed or retired.

    ``progress(percent, stage)`` is told as each stage starts (the job shows it to the uploader).
    ``raw`` gives raw facts already extracted (article id -> facts), so spaCy can run outside the
    transaction or over a batch. Returns the facts' and questions' counts (added, updated, retired, unchanged)."""
    # Imported lazily: the facts step pulls in spaCy, which plain page views never need.
    from .facts.store import sync_facts
    from .questions.store import sync_questions

    if progress:
        progress(10, "finding facts")
    changes = sync_facts(session, article_ids, raw)
    if progress:
        progress(70, "writing questions")
    totals = {"facts": dict.fromkeys(("added", "updated", "retired", "unchanged"), 0),
              "questions": dict.fromkeys(("added", "updated", "retired", "unchanged"), 0)}
    for change in changes:
        for k, v in change.counts.items():
            totals["facts"][k] += v
        for k, v in sync_questions(session, change).items():
            totals["questions"][k] += v
    return totals
