"""Anki's "Notes in Plain Text" export: ``#key:value`` header lines, then one note per line, its
fields split by the separator the header names (CSV quoting, as Anki writes it). The header says
whether fields hold HTML and which columns hold tags, the note type and the deck; notes become
questions as their note type would make cards (``notes.note_questions``)."""

from __future__ import annotations

import csv
import io
import re

from ..formats import MAX_QUESTIONS, ParseResult, Row
from .notes import NoteQuestions, note_questions, text_note_type

HEADER_RE = re.compile(r"^#([a-z ]+):(.*)$", re.I)
KNOWN_HEADERS = ("separator", "html", "tags column", "notetype column", "deck column", "guid column",
                 "notetype", "deck", "tags", "columns", "if matches")
SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}


def looks_like_anki_text(text: str) -> bool:
    head = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    m = HEADER_RE.match(head)
    return bool(m and m.group(1).strip().lower() in KNOWN_HEADERS)


def _column(headers: dict[str, str], key: str) -> int | None:
    raw = headers.get(key, "").strip()
    return int(raw) - 1 if raw.isdigit() and int(raw) >= 1 else None


def parse_anki_text(text: str) -> ParseResult:
    res = ParseResult("ankitext")
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    headers: dict[str, str] = {}
    body_start = 0
    for i, line in enumerate(lines):
        m = HEADER_RE.match(line.strip())
        if not (line.startswith("#") and m):
            body_start = i
            break
        headers[m.group(1).strip().lower()] = m.group(2).strip()
    else:
        body_start = len(lines)
    sep_name = headers.get("separator", "tab")
    sep = SEPARATORS.get(sep_name.lower(), sep_name[:1] or "\t")
    is_html = headers.get("html", "false").lower() == "true"
    cols = {k: _column(headers, f"{k} column") for k in ("tags", "notetype", "deck", "guid")}
    fixed_type = headers.get("notetype", "")
    res.warnings.append(f"Anki notes text: fields separated by {sep_name}, "
                        f"{'HTML' if is_html else 'plain text'} fields"
                        + "".join(f", {k} in column {v + 1}" for k, v in cols.items() if v is not None)
                        + ".")
    reader = csv.reader(io.StringIO("\n".join(lines[body_start:])), delimiter=sep, quotechar='"')
    media = 0
    decks: set[str] = set()
    try:
        for record in reader:
            line = body_start + reader.line_num
            if not any(c.strip() for c in record):
                continue
            meta = {k: (record[v] if v is not None and v < len(record) else "") for k, v in cols.items()}
            skip = {v for v in cols.values() if v is not None}
            fields = [c for j, c in enumerate(record) if j not in skip]
            if meta["deck"]:
                decks.add(meta["deck"])
            nt = text_note_type(meta["notetype"] or fixed_type, len(fields), fields)
            made: NoteQuestions = note_questions(nt, fields, is_html)
            media += made.media
            tags = meta["tags"].split()
            excerpt = " | ".join(fields)[:200]
            for q, errors in made.questions:
                if len(res.rows) >= MAX_QUESTIONS:
                    res.file_errors.append(f"More than {MAX_QUESTIONS} questions; split the file.")
                    return res
                if q is not None and len(fields) < 2 and not nt.cloze:
                    errors = [*errors, "A note needs at least two fields (front and back)."]
                res.rows.append(Row(len(res.rows) + 1, line, excerpt, q, errors, tags=tags))
    except csv.Error as exc:
        res.file_errors.append(f"Not readable near line {body_start + reader.line_num}: {exc}.")
    if len(decks) == 1:
        res.title = decks.pop().split("::")[-1]
    if media:
        res.warnings.append(f"{media} picture or sound reference(s) left out: quizapp imports text only.")
    if not res.rows and not res.file_errors:
        res.file_errors.append("The file has Anki headers but no notes.")
    return res
