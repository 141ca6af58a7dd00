"""Anki packages in (.apkg decks and .colpkg collections), both layouts Anki has written:
``collection.anki2``/``collection.anki21`` (plain SQLite, note types as JSON in ``col.models``) and
``collection.anki21b`` (zstd-compressed SQLite, note types in their own tables with protobuf
configs). Current packages also carry a dummy ``collection.anki2`` for old clients; the newest
collection inside wins.

A package is a zip from a stranger: the collection is read with declared *and* actual size caps
(no zip or zstd bomb gets past a fixed number of bytes), its SQLite opened read-only from a temp
file that is deleted afterwards, queries bounded, and any corruption turned into ``PackageRefused``
with a sentence the teacher can act on. Media files are never read."""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections import Counter

from ..formats import MAX_QUESTIONS, ParseResult, Row
from .notes import MAX_FIELD_CHARS, NoteType, check_template, note_questions

MAX_PACKAGE_BYTES = 32 * 1024 * 1024      # the upload
MAX_COLLECTION_BYTES = 64 * 1024 * 1024   # the SQLite file once unpacked
MAX_MEMBERS = 20000
MAX_NOTES = MAX_QUESTIONS
SQLITE_MAGIC = b"SQLite format 3\x00"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_CHUNK = 1024 * 1024


class PackageRefused(ValueError):
    """The package cannot be read safely or at all; nothing of it is imported."""


def is_anki_zip(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return bool(names & set(COLLECTIONS))


def _read_capped(stream, cap: int, what: str) -> bytes:
    """Read at most ``cap`` bytes; more is a bomb, whatever the headers said."""
    out = bytearray()
    while True:
        chunk = stream.read(min(_CHUNK, cap + 1 - len(out)))
        if not chunk:
            return bytes(out)
        out += chunk
        if len(out) > cap:
            raise PackageRefused(f"The {what} unpacks to more than {cap // (1024 * 1024)} MB; "
                                 "that is not a deck this importer takes (or it is a zip bomb).")


def media_files(data: bytes) -> int:
    """How many media files the package carries (Anki stores them as members named 0, 1, 2...)."""
    try:
        return sum(1 for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.isdigit())
    except (zipfile.BadZipFile, ValueError, OSError):
        return 0


def unpack_collection(data: bytes) -> tuple[str, bytes]:
    """(member name, SQLite bytes) of the newest collection in the package."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise PackageRefused(f"Not a readable zip file ({exc}); an .apkg or .colpkg is a zip.") from None
    if len(infos) > MAX_MEMBERS:
        raise PackageRefused(f"The package holds {len(infos)} files; the limit is {MAX_MEMBERS}.")
    by_name = {i.filename: i for i in infos}
    member = next((n for n in COLLECTIONS if n in by_name), None)
    if member is None:
        raise PackageRefused("A zip file, but not an Anki package: there is no collection.anki2 or "
                             "collection.anki21b inside.")
    info = by_name[member]
    if info.file_size > MAX_COLLECTION_BYTES:
        raise PackageRefused(f"The collection inside says it is {info.file_size // (1024 * 1024)} MB "
                             f"unpacked; the limit is {MAX_COLLECTION_BYTES // (1024 * 1024)} MB.")
    try:
        with z.open(info) as f:
            raw = _read_capped(f, MAX_COLLECTION_BYTES, "collection")
    except PackageRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError) as exc:
        raise PackageRefused(f"The package is damaged: {exc}.") from None
    if member == "collection.anki21b" or raw.startswith(ZSTD_MAGIC):
        import zstandard

        try:
            reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw))
            raw = _read_capped(reader, MAX_COLLECTION_BYTES, "collection")
        except zstandard.ZstdError as exc:
            raise PackageRefused(f"The compressed collection is damaged ({exc}).") from None
    if not raw.startswith(SQLITE_MAGIC):
        raise PackageRefused(f"The {member} inside the package is not an SQLite database: "
                             "the package is damaged.")
    return member, raw


# --------------------------------------------------------------------------------------------
# Reading the collection
# --------------------------------------------------------------------------------------------


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        if i >= len(buf) or shift > 63:
            raise ValueError("truncated varint")
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def protobuf_fields(buf: bytes) -> dict[int, list]:
    """The top-level fields of a protobuf message (numbers → values): enough to read the two
    settings the note type configs hold that matter here, without Anki's generated classes."""
    out: dict[int, list] = {}
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            size, i = _varint(buf, i)
            value, i = buf[i:i + size], i + size
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"protobuf wire type {wire}")
        out.setdefault(number, []).append(value)
    return out


def _tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _note_types(db: sqlite3.Connection) -> dict[int, NoteType]:
    if "notetypes" in _tables(db):  # schema 18 (Anki 2.1.28+ collections, anki21b)
        types: dict[int, NoteType] = {}
        for ntid, name, config in db.execute("SELECT id, name, config FROM notetypes"):
            kind = protobuf_fields(config or b"").get(1, [0])[0]
            fields = [r[0] for r in db.execute("SELECT name FROM fields WHERE ntid = ? ORDER BY ord", (ntid,))]
            templates = []
            for (tconfig,) in db.execute("SELECT config FROM templates WHERE ntid = ? ORDER BY ord", (ntid,)):
                cfg = protobuf_fields(tconfig or b"")
                templates.append((cfg.get(1, [b""])[0].decode("utf-8", "replace"),
                                  cfg.get(2, [b""])[0].decode("utf-8", "replace")))
            types[ntid] = NoteType(name, kind == 1, fields, _bounded(templates))
        return types
    (models_json,) = db.execute("SELECT models FROM col").fetchone()
    models = json.loads(models_json or "{}")
    return {int(mid): NoteType(str(m.get("name", "")), m.get("type") == 1,
                               [f["name"] for f in sorted(m.get("flds", []), key=lambda f: f.get("ord", 0))],
                               _bounded([(t.get("qfmt", ""), t.get("afmt", ""))
                                         for t in sorted(m.get("tmpls", []), key=lambda t: t.get("ord", 0))]))
            for mid, m in models.items()}


MAX_TEMPLATE_CHARS = 20_000
MAX_TEMPLATES = 20


def _bounded(templates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Card templates as far as they are sane: Anki's stock ones are a few hundred characters."""
    if len(templates) > MAX_TEMPLATES or any(len(str(q)) + len(str(a)) > MAX_TEMPLATE_CHARS
                                             for q, a in templates):
        raise ValueError(f"a note type with more than {MAX_TEMPLATES} cards or templates over "
                         f"{MAX_TEMPLATE_CHARS} characters")
    for q, a in templates:
        check_template(str(q))
        check_template(str(a))
    return [(str(q), str(a)) for q, a in templates]


def _deck_names(db: sqlite3.Connection) -> dict[int, str]:
    if "decks" in _tables(db):
        return {did: name.replace("\x1f", "::") for did, name in db.execute("SELECT id, name FROM decks")}
    (decks_json,) = db.execute("SELECT decks FROM col").fetchone()
    return {int(k): str(v.get("name", "")) for k, v in json.loads(decks_json or "{}").items()}


def _unicase(a: str, b: str) -> int:
    a, b = a.casefold(), b.casefold()
    return (a > b) - (a < b)


def parse_apkg(data: bytes, fmt: str = "apkg") -> ParseResult:
    """Rows for every card-making note of the package; ``PackageRefused`` when the package is
    not one (bad zip, bomb, damaged SQLite, too many notes, a field of megabytes)."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageRefused(f"The package is larger than {MAX_PACKAGE_BYTES // (1024 * 1024)} MB.")
    member, raw = unpack_collection(data)
    fd, path = tempfile.mkstemp(suffix=".anki2", prefix="quizapp-import-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        del raw
        res = _read(path, fmt, member)
    finally:
        os.unlink(path)
    files = media_files(data)
    if files:
        res.warnings.append(f"{files} media file(s) in the package (pictures, sounds) were not imported.")
    return res


def _read(path: str, fmt: str, member: str) -> ParseResult:
    res = ParseResult(fmt)
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise PackageRefused(f"The collection cannot be opened ({exc}).") from None
    steps = {"n": 0}

    def budget() -> int:  # called every 1000 VM steps; non-zero aborts the query
        steps["n"] += 1
        return 1 if steps["n"] > 50_000 else 0

    db.set_progress_handler(budget, 1000)
    db.create_collation("unicase", _unicase)
    try:
        types = _note_types(db)
        decks = _deck_names(db)
        (count,) = db.execute("SELECT count() FROM notes").fetchone()
        if count > MAX_NOTES:
            raise PackageRefused(f"The deck has {count} notes; the limit is {MAX_NOTES} per import. "
                                 "Export a smaller deck from Anki.")
        (big,) = db.execute("SELECT max(length(CAST(flds AS BLOB))) FROM notes").fetchone()
        if big and big > MAX_FIELD_CHARS:
            raise PackageRefused(f"A note holds {big / (1024 * 1024):.1f} MB of text; the limit is "
                                 f"{MAX_FIELD_CHARS // 1024} KB per note.")
        note_deck = dict(db.execute("SELECT nid, did FROM (SELECT nid, did, min(ord) FROM cards GROUP BY nid)"))
        notes = db.execute("SELECT id, mid, tags, flds FROM notes ORDER BY id").fetchall()
    except PackageRefused:
        raise
    except (sqlite3.Error, ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError) as exc:
        raise PackageRefused(f"The collection inside the package is damaged ({exc}).") from None
    finally:
        db.close()
    media = 0
    deck_counts: Counter[str] = Counter()
    for number, (nid, mid, tags, flds) in enumerate(notes, 1):
        nt = types.get(mid)
        values = str(flds or "").split("\x1f")
        tag_list = str(tags or "").split()
        deck = decks.get(note_deck.get(nid, -1), "")
        deck_counts[deck] += 1
        excerpt = " | ".join(values)[:200]
        if nt is None:
            res.rows.append(Row(number, None, excerpt, None, ["The note's note type is missing from the package."],
                                tags=tag_list))
            continue
        try:
            made = note_questions(nt, values)
        except (RecursionError, ValueError, IndexError, re.error):
            res.rows.append(Row(number, None, excerpt, None, [
                f"The card templates of note type “{nt.name}” could not be read."], tags=tag_list))
            continue
        media += made.media
        for q, errors in made.questions:
            if len(res.rows) >= MAX_QUESTIONS:
                res.file_errors.append(f"The notes make more than {MAX_QUESTIONS} questions; "
                                       "export a smaller deck from Anki.")
                return res
            res.rows.append(Row(number, None, f"[{nt.name}] {excerpt}"[:200], q, errors, tags=tag_list))
    if deck_counts:
        top = deck_counts.most_common(1)[0][0]
        res.title = top.split("::")[-1][:200] if top and top != "Default" else ""
    res.warnings.append(f"Anki package ({'current format' if member.endswith('b') else 'legacy format'}, "
                        f"{member}): {len(notes)} note(s), {len(res.rows)} question(s).")
    if media:
        res.warnings.append(f"{media} picture or sound reference(s) left out: quizapp imports text only.")
    if not notes:
        res.file_errors.append("The package has no notes.")
    return res
