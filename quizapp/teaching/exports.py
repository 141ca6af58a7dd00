"""Exports of a set, of the question bank and of a corpus folder, in every format we write.

The formats themselves are pure functions (``formats``, ``gift``, ``interop.*``). What they need
beyond a ``SetData`` is gathered here into an ``ExportBundle``: a stable key per question (so a
re-exported Anki deck updates its notes), the titles of the cited articles (the sources carry
only file names) and, for the bank, a deck/category per question (``Collection::Article``).
``render`` turns a bundle into the file; the ``*_bundle`` builders read the database (or the
parsed corpus) and check nothing: the views check access before calling them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import formats, gift
from .formats import QuestionData, SetData
from .interop.apkg_out import build_apkg
from .interop.moodle_xml_out import to_moodle_xml
from .interop.quizlet_out import to_quizlet

# format -> (mimetype, file name ending, label)
EXPORTS: dict[str, tuple[str, str, str]] = {
    "csv": ("text/csv; charset=utf-8", "csv", "CSV"),
    "json": ("application/json", "json", "JSON"),
    "gift": ("text/plain; charset=utf-8", "gift.txt", "Moodle GIFT"),
    "moodle-xml": ("application/xml", "moodle.xml", "Moodle XML"),
    "aiken": ("text/plain; charset=utf-8", "aiken.txt", "Aiken"),
    "apkg": ("application/vnd.anki", "apkg", "Anki deck"),
    "quizlet": ("text/plain; charset=utf-8", "quizlet.txt", "Quizlet"),
}
CLI_FORMATS = ("apkg", "gift", "moodle-xml", "csv", "json", "quizlet", "aiken")


@dataclass
class ExportBundle:
    data: SetData
    keys: list[str]  # one stable identity per question (Anki note GUIDs)
    deck_key: str  # the deck's stable identity (a set's share code, "bank", a folder)
    titles: dict[str, str] = field(default_factory=dict)  # article key -> title
    groups: list[str] | None = None  # per question "Collection::Article" (bank), else one group


@dataclass
class Rendered:
    body: bytes | str
    notes: list[str] = field(default_factory=list)  # what the format could not hold


def render(fmt: str, b: ExportBundle, *, timestamp: float | None = None) -> Rendered:
    """The file for format ``fmt`` (a key of ``EXPORTS``); ``ValueError`` for any other."""
    if fmt not in EXPORTS:
        raise ValueError(f"Unknown export format “{fmt}”: use one of {', '.join(EXPORTS)}.")
    if fmt == "csv":
        return Rendered(formats.to_csv(b.data))
    if fmt == "json":
        return Rendered(formats.to_json(b.data))
    if fmt == "gift":
        return Rendered(gift.to_gift(b.data))
    if fmt == "aiken":
        body, skipped = gift.to_aiken(b.data)
        note = _skipped_note("Aiken holds only single-answer multiple choice", skipped)
        return Rendered((f"# {note}\n\n" + body) if note else body, [note] if note else [])
    if fmt == "quizlet":
        body, skipped = to_quizlet(b.data)
        note = _skipped_note("Quizlet cards hold one term and one definition, so no matching or ordering",
                             skipped)
        return Rendered(body, [note] if note else [])
    if fmt == "moodle-xml":
        return Rendered(to_moodle_xml(b.data, b.titles, b.groups))
    return Rendered(build_apkg(b.data, b.keys, deck_key=b.deck_key, titles=b.titles, decks=b.groups,
                               timestamp=timestamp))


def _skipped_note(why: str, skipped: Sequence[int]) -> str:
    if not skipped:
        return ""
    return f"{why}: {len(skipped)} question(s) left out (numbers {', '.join(map(str, skipped))})."


# --------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------


def _titles(session: Session, user: Any, rows: Iterable[Any]) -> dict[str, str]:
    """Titles of the articles the questions cite, by key; only articles ``user`` may see."""
    from ..collections.access import visible
    from ..models import Article

    ids: set[int] = set()
    keys: set[str] = set()
    for q in rows:
        for s in q.sources or []:
            if not isinstance(s, dict) or not s.get("article"):
                continue
            keys.add(str(s["article"]))
            if isinstance(s.get("article_id"), int):
                ids.add(s["article_id"])
    if not keys:
        return {}
    found: dict[str, str] = {}
    # by id first (a generated question's exact article), then any visible article of that name
    for cond in (Article.id.in_(sorted(ids)), Article.key.in_(sorted(keys))):
        stmt = select(Article.key, Article.title).where(cond, visible(Article.collection_id, user)) \
            .order_by(Article.id)
        for key, title in session.execute(stmt):
            if key in keys and title:
                found.setdefault(key, title)
    return found


def set_bundle(session: Session, sset: Any, user: Any) -> ExportBundle:
    """A teacher's set: one deck named after it; notes keyed by set item (kept through edits)."""
    from .store import to_data

    items = sorted(sset.items, key=lambda i: i.position)
    return ExportBundle(
        SetData(sset.title, sset.description or "", [to_data(i.question) for i in items]),
        keys=[f"set-item:{i.id}" for i in items],
        deck_key=f"set:{sset.share_code}",
        titles=_titles(session, user, [i.question for i in items]),
    )


def bank_bundle(session: Session, questions: Sequence[Any], user: Any) -> ExportBundle:
    """Bank questions: a deck (Moodle category) per collection and article, ``Collection::Article``."""
    from ..models import Collection
    from .store import to_data

    titles = _titles(session, user, questions)
    names = dict(session.execute(select(Collection.id, Collection.name).where(
        Collection.id.in_(sorted({q.collection_id for q in questions if q.collection_id})))).all())
    groups = []
    for q in questions:
        first = next((s.get("article") for s in (q.sources or []) if isinstance(s, dict) and s.get("article")), "")
        article = titles.get(first) or (first.rsplit(".", 1)[0] if first else "Other questions")
        groups.append(f"{names.get(q.collection_id, 'quizapp')}::{article.replace('::', ':')}")
    return ExportBundle(
        SetData("Question bank", "", [to_data(q) for q in questions]),
        keys=[f"question:{q.uid or q.id}" for q in questions],
        deck_key="bank",
        titles=titles,
        groups=groups,
    )


def corpus_bundle(inputs: Sequence[Any], questions: Sequence[Any], folder_name: str) -> ExportBundle:
    """Questions generated from a folder of articles (no database): titles from the parsed files."""
    titles = {a.key: a.title for a in inputs if getattr(a, "title", "")}
    data = SetData(folder_name, "", [pure_to_data(q) for q in questions])
    return ExportBundle(data, keys=[f"question:{q.id}" for q in questions], deck_key=f"corpus:{folder_name}",
                        titles=titles)


def pure_to_data(q: Any) -> QuestionData:
    """A generated question (``questions.types.Question``) as the interchange record."""
    sources = []
    for s in q.sources:
        article = s["article"] if isinstance(s, dict) else s.article
        sentence = s["sentence"] if isinstance(s, dict) else s.sentence
        sources.append({"article": str(article), "sentence": str(sentence)})
    return formats.normalise(QuestionData(
        type=q.type, prompt=q.prompt, answer=q.answer, accepted=list(q.accepted_answers),
        choices=list(q.choices), pairs=[list(p) for p in q.pairs], items=list(q.items),
        explanation=q.explanation or "", difficulty=round(float(q.difficulty), 4),
        fact_kind=q.fact_kind or "", sources=sources,
    ))
