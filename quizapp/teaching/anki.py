"""Flashcards for Anki: a set as an ``.apkg`` deck (genanki), one note per question.

The back of every card shows the answer, the explanation and the exact source sentence with its
article, so a card studied in Anki is as grounded as the same question in quizapp. Fields are
HTML in Anki, so every value is escaped here.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
import tempfile
import time
import zipfile
from html import escape
from io import BytesIO

import genanki

from .formats import QuestionData, SetData

# Fixed: Anki recognises the note type across imports and updates notes instead of duplicating.
MODEL_ID = 1607392319
MODEL = genanki.Model(
    MODEL_ID,
    "quizapp question",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "Article"}],
    templates=[{
        "name": "Card 1",
        "qfmt": "{{Front}}",
        "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"
                "{{#Source}}<div class=source><blockquote>{{Source}}</blockquote>"
                "<div class=article>{{Article}}</div></div>{{/Source}}",
    }],
    css=".card{font-family:system-ui,sans-serif;font-size:20px;text-align:left;color:#1d2330}"
        ".source{margin-top:1em;font-size:16px;color:#5a6375}.article{font-style:italic}"
        "ul,ol{margin:.3em 0}",
)


def _stable_id(text: str) -> int:
    """A positive 31-bit id derived from ``text``: the same set gives the same deck every time."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) & 0x7FFFFFFF or 1


def _list(values, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(v)}</li>" for v in values) + f"</{tag}>"


def card_fields(q: QuestionData) -> list[str]:
    """Front, back, source sentence(s) and article name(s) of one card, HTML-escaped."""
    front = escape(q.prompt).replace("\n", "<br>")
    if q.type == "multiple_choice":
        front += _list(q.choices)
    elif q.type == "true_false":
        front += "<p><i>True or false?</i></p>"
    elif q.type == "matching":
        front += _list(sorted(a for a, _ in q.pairs))
    elif q.type == "ordering":
        front += _list(sorted(q.items))
    if q.type == "matching":
        back = _list([f"{a} \u2192 {b}" for a, b in q.pairs])
    elif q.type == "ordering":
        back = _list(q.items, ordered=True)
    else:
        back = f"<b>{escape(q.answer)}</b>"
    if q.explanation:
        back += f"<p>{escape(q.explanation)}</p>"
    sources = [s for s in q.sources if s.get("sentence")]
    source = "<br>".join(escape(s["sentence"]) for s in sources)
    article = ", ".join(dict.fromkeys(escape(s.get("article", "")) for s in sources if s.get("article")))
    return [front, back, source, article]


def build_apkg(data: SetData, deck_key: str, timestamp: float | None = None) -> bytes:
    """The ``.apkg`` file (a zip holding ``collection.anki2``, a SQLite collection) as bytes.

    ``deck_key`` (e.g. the set's share code) names the deck id, so re-importing an updated set
    updates the same Anki deck. Notes get stable GUIDs from the question content's position and
    prompt, so re-export does not duplicate cards.
    """
    deck = genanki.Deck(_stable_id("quizapp-deck:" + deck_key), data.title or "quizapp set")
    for n, q in enumerate(data.questions):
        deck.add_note(genanki.Note(
            model=MODEL, fields=card_fields(q), guid=genanki.guid_for(deck_key, n, q.prompt),
            tags=[t for t in ("quizapp", q.type, q.fact_kind) if t],
        ))
    package = genanki.Package(deck)
    # genanki.write_to_file leaves its temporary SQLite file behind; build the zip ourselves.
    ts = time.time() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as tmp:
        path = os.path.join(tmp, "collection.anki2")
        conn = sqlite3.connect(path)
        try:
            package.write_to_db(conn.cursor(), ts, itertools.count(int(ts * 1000)))
            conn.commit()
        finally:
            conn.close()
        buf = BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(path, "collection.anki2")
            z.writestr("media", "{}")
    return buf.getvalue()
