"""Questions as an Anki package (``.apkg``) in Anki's own note types, written with genanki.

Each question becomes one note of the note type Anki itself would use for it, so cards behave
as a learner who made them by hand expects:

* **Basic** (Front/Back) for multiple choice, true-or-false, matching and ordering: the options
  are listed on the front, the answer (and explanation) on the back;
* **Basic (type in the answer)**: ``{{type:Back}}`` for short-answer questions, so Anki compares
  what was typed with the Back field (which therefore holds the answer alone; accepted
  alternatives are shown in an Extra field on the back);
* **Cloze** (a cloze-type model, ``{{cloze:Text}}``) for cloze questions: the blank becomes
  ``{{c1::answer}}``.

Every note type has one more field, **Source**: the title of the article and the sentence the
question was made from. Notes are tagged ``quizapp``, by type, fact kind and article (Anki tags
hold no spaces). The note types are named ``quizapp: Basic`` etc. so that they sit beside the
collection's own Basic and Cloze instead of being renamed by Anki on import.

Updating instead of duplicating: Anki matches an imported note to an existing one by its GUID,
and the note type and deck by id. The model ids are constants, deck ids derive from a caller's
stable key (a set's share code, a collection and article), and each note's GUID from the
question's stable identity passed in ``keys`` (e.g. the set item id, which survives edits of
the question) and its note type. Notes are written with the export time as their modification
time, so a later export is "newer" and Anki's default import updates them. A question whose type
changes so that it needs another note type gets a new note (Anki cannot change a note's type
on import).

Fields are HTML in Anki: every value is escaped here, and braces are written as character
references so that question text can never be read as cloze markup.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Mapping, Sequence
from html import escape
from io import BytesIO

import genanki

from ..formats import BLANK_RE, QuestionData, SetData
from .out_common import article_titles_of, cited_sources

CSS = (".card{font-family:system-ui,sans-serif;font-size:20px;text-align:left;color:#1d2330;"
       "background:#fff}.cloze{font-weight:bold;color:#1f4fbf}.nightMode .cloze{color:#8fb3ff}"
       ".source{margin-top:1em;font-size:16px;color:#5a6375}.source blockquote{margin:.3em 0 .6em 1em}"
       ".extra{margin-top:.6em}ul,ol{margin:.3em 0}")

_SOURCE = "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}"

# Ids are fixed forever: a changed id makes Anki treat the next export as a new note type.
BASIC_MODEL = genanki.Model(
    1607392401, "quizapp: Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
    templates=[{
        "name": "Card 1",
        "qfmt": "{{Front}}",
        "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n" + _SOURCE,
    }],
    css=CSS,
)
TYPE_IN_MODEL = genanki.Model(
    1607392402, "quizapp: Basic (type in the answer)",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Extra"}, {"name": "Source"}],
    templates=[{
        "name": "Card 1",
        "qfmt": "{{Front}}\n\n{{type:Back}}",
        "afmt": "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}\n"
                "{{#Extra}}<div class=extra>{{Extra}}</div>{{/Extra}}\n" + _SOURCE,
    }],
    css=CSS,
)
CLOZE_MODEL = genanki.Model(
    1607392403, "quizapp: Cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Source"}],
    templates=[{
        "name": "Cloze",
        "qfmt": "{{cloze:Text}}",
        "afmt": "{{cloze:Text}}<br>\n{{Back Extra}}\n" + _SOURCE,
    }],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)
NOTE_TYPES = {"basic": BASIC_MODEL, "type_in": TYPE_IN_MODEL, "cloze": CLOZE_MODEL}
GUID_NAMESPACE = "quizapp-note-v1"


def stable_id(text: str) -> int:
    """A positive id derived from ``text`` (Anki deck ids are 63-bit; stay well inside)."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16) & 0x7FFFFFFFFFFF or 1


def note_kind(q: QuestionData) -> str:
    """Which Anki note type holds the question: "cloze", "type_in" or "basic"."""
    if q.type == "cloze" and BLANK_RE.search(q.prompt):
        return "cloze"
    if q.type in ("short_answer", "cloze"):
        return "type_in"
    return "basic"


def _html(text: str) -> str:
    """Escaped text with braces as references (no accidental ``{{c1::}}``) and line breaks kept."""
    return escape(text).replace("{", "&#123;").replace("}", "&#125;").replace("\n", "<br>")


def _list(values: Sequence[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_html(v)}</li>" for v in values) + f"</{tag}>"


def _explanation(q: QuestionData) -> str:
    return f"<p>{_html(q.explanation)}</p>" if q.explanation else ""


def source_html(q: QuestionData, titles: Mapping[str, str]) -> str:
    """The Source field: each cited article's title, then the sentence."""
    return "".join(
        (f"<div><b>{_html(title)}</b></div>" if title else "") + f"<blockquote>{_html(sentence)}</blockquote>"
        for title, sentence in cited_sources(q, titles)
    )


def cloze_text(q: QuestionData) -> str:
    """The prompt with its first blank as ``{{c1::answer}}``: the answer's own ``:`` and braces are
    references, so an answer such as "10:30" cannot end the deletion early."""
    m = BLANK_RE.search(q.prompt)
    assert m is not None
    answer = _html(q.answer).replace(":", "&#58;")
    return _html(q.prompt[:m.start()]) + "{{c1::" + answer + "}}" + _html(q.prompt[m.end():])


def note_fields(q: QuestionData, titles: Mapping[str, str]) -> tuple[str, list[str]]:
    """The note kind and its fields' HTML for question ``q``."""
    kind = note_kind(q)
    source = source_html(q, titles)
    if kind == "cloze":
        return kind, [cloze_text(q), _explanation(q), source]
    if kind == "type_in":
        others = [a for a in q.accepted if a != q.answer]
        extra = (f"<p>Also accepted: {', '.join(_html(a) for a in others)}</p>" if others else "")
        return kind, [_html(q.prompt), _html(q.answer), extra + _explanation(q), source]
    front = _html(q.prompt)
    if q.type == "multiple_choice":
        front += _list(q.choices)
    elif q.type == "true_false":
        front += "<p><i>True or false?</i></p>"
    elif q.type == "matching":
        front += "<p><i>Match each with its partner:</i></p>" + _list(sorted(a for a, _ in q.pairs)) \
            + _list(sorted(b for _, b in q.pairs))
    elif q.type == "ordering":
        front += "<p><i>Put in order:</i></p>" + _list(sorted(q.items))
    if q.type == "matching":
        back = _list([f"{a} \u2192 {b}" for a, b in q.pairs])
    elif q.type == "ordering":
        back = _list(q.items, ordered=True)
    else:
        back = f"<b>{_html(q.answer)}</b>"
    return kind, [front, back + _explanation(q), source]


def tag(prefix: str, value: str) -> str:
    """An Anki tag ``prefix::value``: no spaces (they separate tags), no quotes, bounded length."""
    clean = re.sub(r"[\s\"'\u3000]+", "_", value.strip())
    clean = re.sub(r"_+", "_", clean.replace("::", ":")).strip("_:")[:80]
    return f"{prefix}::{clean}" if clean else ""


def note_tags(q: QuestionData, titles: Mapping[str, str]) -> list[str]:
    tags = ["quizapp", tag("type", q.type), tag("kind", q.fact_kind) if q.fact_kind else ""]
    tags += [tag("article", t) for t in article_titles_of(q, titles)]
    return list(dict.fromkeys(t for t in tags if t))


def note_guid(key: str, q: QuestionData) -> str:
    """The note's GUID: the question's stable identity and its note type, in our namespace."""
    return genanki.guid_for(GUID_NAMESPACE, key, note_kind(q))


def deck_name(name: str) -> str:
    """A deck name as Anki reads it: ``::`` separates subdecks; blank parts are dropped."""
    parts = [" ".join(p.split()) for p in name.split("::")]
    return "::".join(p for p in parts if p) or "quizapp"


def build_apkg(data: SetData, keys: Sequence[str], *, deck_key: str, titles: Mapping[str, str] | None = None,
               decks: Sequence[str] | None = None, timestamp: float | None = None) -> bytes:
    """The ``.apkg`` (a zip holding ``collection.anki2``) for ``data``'s questions, as bytes.

    ``keys[i]`` is question i's stable identity (GUID source). All notes go to the deck named
    after the set, with an id from ``deck_key``, unless ``decks[i]`` names question i's deck
    (e.g. ``Collection::Article`` for the bank; those decks' ids come from their names).
    """
    if len(keys) != len(data.questions) or (decks is not None and len(decks) != len(data.questions)):
        raise ValueError("one key (and deck, if given) per question")
    titles = titles or {}
    by_name: dict[str, genanki.Deck] = {}

    def deck_for(i: int) -> genanki.Deck:
        name = deck_name(decks[i] if decks is not None else (data.title.replace("::", ":") or "quizapp set"))
        if name not in by_name:
            ident = f"quizapp-deck:{deck_key}" if decks is None else f"quizapp-deck:{deck_key}:{name}"
            by_name[name] = genanki.Deck(stable_id(ident), name, description=_html(data.description))
        return by_name[name]

    for i, (q, key) in enumerate(zip(data.questions, keys, strict=True)):
        kind, fields = note_fields(q, titles)
        deck_for(i).add_note(genanki.Note(model=NOTE_TYPES[kind], fields=fields, guid=note_guid(key, q),
                                          tags=note_tags(q, titles)))
    if not by_name:  # an empty set still gives a (empty) deck, not a broken package
        name = deck_name(data.title.replace("::", ":") or "quizapp set")
        by_name[name] = genanki.Deck(stable_id(f"quizapp-deck:{deck_key}"), name)
    package = genanki.Package(list(by_name.values()))
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
