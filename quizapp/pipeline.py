"""After the corpus changes: recompute what is derived from it (facts, then questions).

Runs inside the caller's transaction, so an article is never committed without its facts and
questions. Each later stage registers one step here, in pipeline order.
"""

from __future__ import annotations

from sqlalchemy.orm import Session


def refresh_derived(session: Session, article_ids: list[int]) -> None:
    """Bring facts and questions up to date after ``article_ids`` were added, changed or retired."""
    for step in steps():
        step(session, article_ids)


def steps() -> list:
    # Imported lazily: the facts step pulls in spaCy, which plain page views never need.
    from .facts.store import sync_facts
    from .questions.store import sync_questions

    return [sync_facts, sync_questions]
