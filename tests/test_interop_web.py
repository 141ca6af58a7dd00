"""The import form with other tools' files: preview first (detected format, per-row errors, tags),
then the set; hostile files (bad zip, zip and zstd bombs, damaged SQLite, deep or entity-laden XML,
5 MB cells and fields) get a clear 4xx within a second or two and write nothing."""

from __future__ import annotations

import io
import sqlite3
import struct
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import StudySet
from quizapp.models.teaching import PendingImport

from .anki_packages import anki_apkg, genanki_apkg
from .test_interop_import import FILES, QUIZLET_SEMI, QUIZLET_TAB

T = "teach@example.com"


@pytest.fixture
def teacher(app, make_user, auth):
    make_user(T, "Tess Teacher", role="teacher")
    auth.login(T)
    return T


def _upload(client, data: bytes, name: str, **fields):
    form = {"file": (io.BytesIO(data), name), "format": "auto", **fields}
    return client.post("/sets/import", data=form, content_type="multipart/form-data")


def _pending_id(r) -> int:
    assert r.status_code == 303, r.get_data(as_text=True)[:2000]
    return int(r.headers["Location"].rsplit("/", 1)[1])


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_import_page_accepts_every_format(client, teacher):
    body = client.get("/sets/import").get_data(as_text=True)
    assert 'accept=".csv,.tsv,.json,.gift,.txt,.xml,.apkg,.colpkg' in body
    assert "Between term and definition" in body and "Anki deck package" in body


def test_quizlet_preview_then_set(app, client, teacher):
    pid = _pending_id(_upload(client, QUIZLET_SEMI.encode(), "bio.txt"))
    body = client.get(f"/sets/imports/{pid}").get_data(as_text=True)
    assert "Quizlet export text" in body and "3 valid" in body
    assert "term and definition separated by comma, cards by semicolon" in body
    r = client.post(f"/sets/imports/{pid}/confirm")
    sid = int(r.headers["Location"].split("/")[2])
    with app.app_context():
        sset = db.session.get(StudySet, sid)
        assert sset.title == "bio" and [i.question.answer for i in sset.items][0] == "making sugar from light"


def test_quizlet_separator_override_and_multiple_choice(app, client, teacher):
    text = "cat=gato#dog=perro#cow=vaca"
    r = _upload(client, text.encode(), "pets.txt", term_sep="custom", term_sep_custom="=",
                card_sep="custom", card_sep_custom="#", multiple_choice="y")
    body = client.get(f"/sets/imports/{_pending_id(r)}").get_data(as_text=True)
    assert "3 valid" in body and "Multiple choice" in body
    r = _upload(client, text.encode(), "pets.txt", term_sep="custom", term_sep_custom="")
    assert r.status_code == 422 and "Type the separator" in r.get_data(as_text=True)


def test_apkg_preview_shows_format_tags_and_media_note(app, client, teacher, tmp_path):
    pid = _pending_id(_upload(client, anki_apkg(tmp_path, legacy=False), "capitals.apkg"))
    body = client.get(f"/sets/imports/{pid}").get_data(as_text=True)
    assert "Anki deck package (.apkg)" in body and "7 valid" in body
    assert "Tags: capitals, europe" in body and "picture or sound reference" in body
    r = client.post(f"/sets/imports/{pid}/confirm")
    sid = int(r.headers["Location"].split("/")[2])
    with app.app_context():
        sset = db.session.get(StudySet, sid)
        assert sset.title == "Capitals" and len(sset.items) == 7


def test_moodle_into_an_existing_set_needs_valid_only(app, client, teacher):
    r = client.post("/sets/new", data={"title": "Geo", "description": "", "visibility": "private"})
    sid = int(r.headers["Location"].split("/")[2])
    data = (FILES / "moodle_docs_examples.xml").read_bytes()
    r = client.post(f"/sets/{sid}/import", data={"file": (io.BytesIO(data), "q.xml"), "format": "auto"},
                    content_type="multipart/form-data")
    pid = _pending_id(r)
    body = client.get(f"/sets/imports/{pid}").get_data(as_text=True)
    assert "Moodle XML" in body and "4 valid" in body and "2 with errors" in body and "graded by hand" in body
    client.post(f"/sets/imports/{pid}/confirm", data={"valid_only": "1"})
    with app.app_context():
        assert len(db.session.get(StudySet, sid).items) == 4


# --------------------------------------------------------------------------------------------
# Hostile files
# --------------------------------------------------------------------------------------------


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _bomb() -> bytes:
    return _zip({"collection.anki2": b"\0" * (70 * 1024 * 1024)})


def _lying_bomb() -> bytes:
    """A deflated 70 MB member whose headers claim 1 KB."""
    data = bytearray(_bomb())
    local = data.index(b"PK\x03\x04")
    data[local + 22:local + 26] = struct.pack("<I", 1024)
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = struct.pack("<I", 1024)
    return bytes(data)


def _zstd_bomb() -> bytes:
    import zstandard

    return _zip({"collection.anki21b": zstandard.ZstdCompressor().compress(b"\0" * (70 * 1024 * 1024)),
                 "collection.anki2": b"SQLite format 3\x00"}, zipfile.ZIP_STORED)


def _corrupt_sqlite() -> bytes:
    return _zip({"collection.anki2": b"SQLite format 3\x00" + bytes(range(256)) * 64})


def _huge_field(tmp: Path) -> bytes:
    """A real legacy package whose one note holds a 5 MB field."""
    good = zipfile.ZipFile(io.BytesIO(genanki_apkg(tmp)))
    path = tmp / "c.anki2"
    path.write_bytes(good.read("collection.anki2"))
    con = sqlite3.connect(path)
    con.execute("UPDATE notes SET flds = ? WHERE id = (SELECT min(id) FROM notes)", ("x" * (5 * 1024 * 1024) + "\x1fy",))
    con.commit()
    con.close()
    return _zip({"collection.anki2": path.read_bytes()})


def _deep_xml() -> bytes:
    return b"<?xml version='1.0'?><quiz>" + b"<a>" * 50000 + b"</a>" * 50000 + b"</quiz>"


def _laughs() -> bytes:
    ents = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY l0 "lol">{ents}]>'
            '<quiz><question type="truefalse"><questiontext><text>&l9;</text></questiontext></question></quiz>').encode()


def _external() -> bytes:
    return (b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<quiz><question type="truefalse"><questiontext><text>&x;</text></questiontext></question></quiz>')


HOSTILE = {
    "bad zip": (lambda tmp: b"PK\x03\x04" + b"\x00garbage" * 100, "deck.apkg", "zip"),
    "zip without a collection": (lambda tmp: _zip({"hello.txt": b"hi"}), "deck.apkg", "not an Anki package"),
    "zip bomb": (lambda tmp: _bomb(), "deck.apkg", "64 MB"),
    "zip bomb with lying headers": (lambda tmp: _lying_bomb(), "deck.apkg", "damaged"),
    "zstd bomb": (lambda tmp: _zstd_bomb(), "deck.apkg", "zip bomb"),
    "corrupt sqlite": (lambda tmp: _corrupt_sqlite(), "deck.apkg", "damaged"),
    "5 MB field": (_huge_field, "deck.apkg", "MB of text"),
    "deep xml": (lambda tmp: _deep_xml(), "quiz.xml", "nested too deeply"),
    "billion laughs": (lambda tmp: _laughs(), "quiz.xml", "entities"),
    "external entity": (lambda tmp: _external(), "quiz.xml", "entities"),
    "5 MB csv cell": (lambda tmp: b"type,prompt\nshort_answer," + b"x" * (5 * 1024 * 1024) + b"\n", "big.csv",
                      "larger than 1024 KiB"),
    "not utf-8": (lambda tmp: b"\xff\xfe\x00bad", "cards.txt", "not UTF-8"),
    "not a package": (lambda tmp: b"hello", "deck.apkg", "zip"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_is_a_clear_4xx_and_writes_nothing(app, client, teacher, tmp_path, case):
    build, name, message = HOSTILE[case]
    data = build(tmp_path)
    start = time.process_time()  # (this process's own CPU: a busy machine stretches the wall clock)
    r = _upload(client, data, name)
    took = time.process_time() - start
    body = r.get_data(as_text=True)
    assert r.status_code == 422, (r.status_code, body[:500])
    assert message in body
    assert took < 3, f"{case} took {took:.2f}s"
    assert _count(app, PendingImport) == 0 and _count(app, StudySet) == 0


def test_upload_over_the_package_cap_is_a_4xx(app, client, teacher):
    from quizapp.teaching.interop.registry import MAX_PACKAGE_BYTES

    r = _upload(client, b"PK\x03\x04" + b"\0" * (MAX_PACKAGE_BYTES + 10), "huge.apkg")
    assert r.status_code in (413, 422)
    assert _count(app, PendingImport) == 0


def test_tab_quizlet_in_a_csv_file_is_not_mistaken_for_our_csv(app, client, teacher):
    pid = _pending_id(_upload(client, QUIZLET_TAB.encode(), "export.csv"))
    assert "Quizlet export text" in client.get(f"/sets/imports/{pid}").get_data(as_text=True)
