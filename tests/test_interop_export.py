"""Exports other tools read natively: the Anki package checked by importing it with the real
``anki`` package (note types, Source titles, updates instead of duplicates), Moodle XML (every
type, well-formed, re-importable), Quizlet text, the set and bank download routes, and
``quizapp export``."""

from __future__ import annotations

import io
import types
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.teaching import exports
from quizapp.teaching.formats import QuestionData, SetData
from quizapp.teaching.interop import apkg_out
from quizapp.teaching.interop import moodle_xml_out as moodle_out
from quizapp.teaching.interop.apkg_out import build_apkg
from quizapp.teaching.interop.moodle_xml_out import to_moodle_xml
from quizapp.teaching.interop.quizlet_out import to_quizlet

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection
ImportAnkiPackageRequest = anki_collection.ImportAnkiPackageRequest
ImportAnkiPackageOptions = anki_collection.ImportAnkiPackageOptions

ARTICLES = Path(__file__).parent / "articles"
KEY = "2024-05-12-big-news.txt"
TITLE = "Big News Day: Leaders Agree"
SRC = [{"article": KEY, "sentence": "Ann Lee leads the alliance & signed it at 10:30."}]


def sample() -> list[QuestionData]:
    return [
        QuestionData("multiple_choice", "Who leads <the> alliance?", "Ann Lee", ["Ann Lee"],
                     ["Ann Lee", "Bo Chen", "Cy Dee"], explanation="She was elected.", fact_kind="leader",
                     sources=SRC),
        QuestionData("true_false", "Ann Lee leads the alliance.", "True", ["True"], ["True", "False"],
                     fact_kind="leader", sources=SRC),
        QuestionData("short_answer", "Who signed it?\nName them.", "Ann Lee", ["Ann Lee", "Lee", "A*Lee"],
                     fact_kind="leader", sources=SRC),
        QuestionData("cloze", "The deal was signed at _____ {{c2::x}}.", "10:30", ["10:30"],
                     fact_kind="date", sources=SRC),
        QuestionData("matching", "Match each person to a role.", "", pairs=[["Ann Lee", "leader"], ["Bo Chen", "envoy"]],
                     sources=SRC),
        QuestionData("ordering", "Put in order.", "", items=["first", "second", "third"], sources=SRC),
    ]


def _import(col, data: bytes, tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions()))


@pytest.fixture
def col(tmp_path):
    c = Collection(str(tmp_path / "collection.anki2"))
    yield c
    c.close()


def _notes(col):
    return [col.get_note(nid) for nid in sorted(col.find_notes(""))]


# --------------------------------------------------------------------------------------------
# Anki
# --------------------------------------------------------------------------------------------


def test_apkg_imports_into_anki_with_native_note_types_titles_and_tags(col, tmp_path):
    qs = sample()
    data = build_apkg(SetData("Week 1: news", "About <b>news</b>", qs), [f"item:{i}" for i in range(6)], deck_key="ABC",
                      titles={KEY: TITLE}, timestamp=1_700_000_000)
    log = _import(col, data, tmp_path, "a.apkg").log
    assert len(log.new) == 6 and col.note_count() == 6 and col.card_count() == 6
    by_type = {}
    for note in _notes(col):
        qtype = next(t.split("::")[1] for t in note.tags if t.startswith("type::"))
        by_type[qtype] = note
        assert all(" " not in t for t in note.tags) and "quizapp" in note.tags
        assert "article::Big_News_Day:_Leaders_Agree" in note.tags
        # the title of the article, not its file name, with the cited sentence
        assert TITLE in note["Source"] and KEY not in note["Source"] and "2024-05-12" not in note["Source"]
        assert "Ann Lee leads the alliance &amp; signed it at 10:30." in note["Source"]
        assert col.decks.name(note.cards()[0].did) == "Week 1: news"
        assert col.decks.get(note.cards()[0].did)["desc"] == "About &lt;b&gt;news&lt;/b&gt;"
    for qtype in ("multiple_choice", "true_false", "matching", "ordering"):
        model = by_type[qtype].note_type()
        assert model["name"].endswith("Basic") and model["type"] == 0
        assert [f["name"] for f in model["flds"]] == ["Front", "Back", "Source"]
        assert model["tmpls"][0]["qfmt"] == "{{Front}}" and "{{type:" not in model["tmpls"][0]["qfmt"]
    typed = by_type["short_answer"].note_type()
    assert typed["name"].endswith("Basic (type in the answer)") and typed["type"] == 0
    assert typed["tmpls"][0]["qfmt"] == "{{Front}}\n\n{{type:Back}}"
    assert by_type["short_answer"]["Back"] == "Ann Lee"  # Anki compares the typed text with Back alone
    assert "Also accepted: Lee, A*Lee" in by_type["short_answer"]["Extra"]
    assert by_type["short_answer"]["Front"] == "Who signed it?<br>Name them."
    cloze = by_type["cloze"].note_type()
    assert cloze["type"] == 1 and cloze["name"].endswith("Cloze")  # MODEL_CLOZE
    assert cloze["tmpls"][0]["qfmt"] == "{{cloze:Text}}"
    # the blank is the deletion; the answer's ":" and the prompt's braces cannot break the markup
    assert by_type["cloze"]["Text"] == "The deal was signed at {{c1::10&#58;30}} &#123;&#123;c2::x&#125;&#125;."
    assert len(by_type["cloze"].cards()) == 1
    card = by_type["cloze"].cards()[0]
    assert "[...]" in card.question() and "10:30" not in card.question().split("</style>")[-1]
    assert '<span class="cloze" data-ordinal="1">10&#58;30</span>' in card.answer()
    # options on the front, answer on the back; HTML in the text is shown, not run
    mc = by_type["multiple_choice"]
    assert "Who leads &lt;the&gt; alliance?" in mc["Front"] and "<li>Bo Chen</li>" in mc["Front"]
    assert "<b>Ann Lee</b>" in mc["Back"] and "She was elected." in mc["Back"]
    assert "<ol><li>first</li><li>second</li><li>third</li></ol>" in by_type["ordering"]["Back"]
    assert "Ann Lee → leader" in by_type["matching"]["Back"]


def test_a_second_export_updates_the_notes_instead_of_duplicating(col, tmp_path):
    qs = sample()
    keys = [f"item:{i}" for i in range(6)]
    first = build_apkg(SetData("Week 1", "", qs), keys, deck_key="ABC", titles={KEY: TITLE}, timestamp=1_700_000_000)
    _import(col, first, tmp_path, "a.apkg")
    # the same export again: nothing new
    log = _import(col, first, tmp_path, "a.apkg").log
    assert len(log.new) == 0 and col.note_count() == 6
    # one question edited, a later export: same notes, new content
    qs[0].prompt = "Who chairs the alliance?"
    qs[2].answer = "Ann B. Lee"
    second = build_apkg(SetData("Week 1", "", qs), keys, deck_key="ABC", titles={KEY: TITLE},
                        timestamp=1_700_000_500)
    log = _import(col, second, tmp_path, "b.apkg").log
    assert len(log.new) == 0 and len(log.updated) == 6 and col.note_count() == 6
    fronts = [n.fields[0] for n in _notes(col)]
    assert any(f.startswith("Who chairs the alliance?") for f in fronts)
    assert not any(f.startswith("Who leads") for f in fronts)
    assert any(n["Back"] == "Ann B. Lee" for n in _notes(col) if "Back" in n.keys())
    # another set (other keys) is another deck and other notes
    third = build_apkg(SetData("Week 2", "", qs), [f"other:{i}" for i in range(6)], deck_key="XYZ",
                       timestamp=1_700_000_600)
    _import(col, third, tmp_path, "c.apkg")
    assert col.note_count() == 12


def test_bank_decks_are_collection_then_article(col, tmp_path):
    qs = sample()[:2]
    data = build_apkg(SetData("Question bank", "", qs), ["question:a", "question:b"], deck_key="bank",
                      titles={KEY: TITLE}, decks=["Library::" + TITLE, "Library::Other: piece"],
                      timestamp=1_700_000_000)
    _import(col, data, tmp_path, "bank.apkg")
    names = {col.decks.name(n.cards()[0].did) for n in _notes(col)}
    assert names == {f"Library::{TITLE}", "Library::Other: piece"}


def test_apkg_unit_helpers():
    assert apkg_out.tag("article", ' A "quoted"  title ') == "article::A_quoted_title"
    assert apkg_out.tag("article", "a::b") == "article::a:b"
    assert apkg_out.note_kind(QuestionData("cloze", "no blank here", "x")) == "type_in"
    assert apkg_out.deck_name("  A ::  :: B ") == "A::B"
    with pytest.raises(ValueError):
        build_apkg(SetData("S", "", sample()), ["only one"], deck_key="k")
    empty = zipfile.ZipFile(io.BytesIO(build_apkg(SetData("Empty", "", []), [], deck_key="k")))
    assert "collection.anki2" in empty.namelist()


# --------------------------------------------------------------------------------------------
# Moodle XML
# --------------------------------------------------------------------------------------------


def test_moodle_xml_has_one_question_per_item_with_the_moodle_types():
    qs = sample()
    qs[0].prompt = "Who leads <the> alliance & why?\x0b"  # a control character XML cannot hold
    raw = to_moodle_xml(SetData("Week 1 / news", "About <news>", qs), {KEY: TITLE})
    root = ET.fromstring(raw)  # well-formed
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == "$course$/top/Week 1 // news"
    real = questions[1:]
    assert [q.get("type") for q in real] == ["multichoice", "truefalse", "shortanswer", "shortanswer",
                                             "matching", "ordering"]
    mc, tf, sa, cz, mt, od = real
    assert mc.findtext("questiontext/text") == "Who leads &lt;the&gt; alliance &amp; why?"
    assert mc.findtext("single") == "true"
    assert [(a.findtext("text"), a.get("fraction")) for a in mc.findall("answer")] == [
        ("Ann Lee", "100"), ("Bo Chen", "0"), ("Cy Dee", "0")]
    # general feedback: the explanation, then the source sentence and its article's title
    assert mc.findtext("generalfeedback/text") == (
        f"<p>She was elected.</p><blockquote>Ann Lee leads the alliance &amp; signed it at 10:30.</blockquote>"
        f"<p><cite>{TITLE}</cite></p>")
    assert KEY not in raw.decode()
    assert [(a.findtext("text"), a.get("fraction")) for a in tf.findall("answer")] == [("true", "100"), ("false", "0")]
    assert sa.findtext("questiontext/text") == "Who signed it?<br>Name them."
    assert [a.findtext("text") for a in sa.findall("answer")] == ["Ann Lee", "Lee", "A\\*Lee"]
    assert all(a.get("fraction") == "100" for a in sa.findall("answer"))
    assert moodle_out._plain_answer("C:\\dir*") == "C:\\dir\\*"  # only the star is Moodle syntax
    assert "_____" in cz.findtext("questiontext/text") and cz.findtext("answer/text") == "10:30"
    assert [(s.findtext("text"), s.findtext("answer/text")) for s in mt.findall("subquestion")] == [
        ("Ann Lee", "leader"), ("Bo Chen", "envoy")]
    assert [(a.findtext("text"), a.get("fraction")) for a in od.findall("answer")] == [
        ("first", "1.0000000"), ("second", "2.0000000"), ("third", "3.0000000")]
    assert od.findtext("layouttype") == "VERTICAL" and od.findtext("gradingtype") == "ABSOLUTE_POSITION"
    tags = [t.text for t in mc.findall("tags/tag/text")]
    assert tags == ["quizapp", "type:multiple_choice", "kind:leader", TITLE]


def test_moodle_xml_categories_per_bank_group():
    qs = sample()[:3]
    root = ET.fromstring(to_moodle_xml(SetData("Bank", "", qs), {}, ["Lib::A", "Lib::A", "Lib::B"]))
    kinds = [(q.get("type"), q.findtext("category/text")) for q in root.findall("question")]
    assert kinds == [("category", "$course$/top/Lib/A"), ("multichoice", None), ("truefalse", None),
                     ("category", "$course$/top/Lib/B"), ("shortanswer", None)]


def test_moodle_xml_reimports_through_our_importer_without_loss():
    """The contract with ``interop.moodle_xml``: every question comes back with its type, text,
    answers and options; the general feedback (explanation + source) comes back as the explanation.
    A Moodle ``\\*`` is a literal star, and a short answer with a blank in its text is a cloze."""
    moodle_xml = pytest.importorskip("quizapp.teaching.interop.moodle_xml")
    qs = sample()
    res = moodle_xml.parse_moodle_xml(to_moodle_xml(SetData("Week 1", "", qs), {KEY: TITLE}))
    assert not res.file_errors
    # only the category (where Moodle files questions) is a row that is not a question
    assert [r.excerpt for r in res.bad_rows if r.question is not None] == [], [r.errors for r in res.bad_rows]
    assert all("category" in r.excerpt.lower() for r in res.bad_rows)
    back = res.questions()
    assert len(back) == len(qs)
    for before, after in zip(qs, back, strict=True):
        assert after.type == before.type
        assert after.prompt == before.prompt
        assert after.choices == before.choices and after.pairs == before.pairs and after.items == before.items
        if before.type in ("multiple_choice", "true_false", "short_answer", "cloze"):
            assert after.answer == before.answer
            assert {after.answer, *after.accepted} == {before.answer, *before.accepted}
        assert before.explanation in after.explanation and TITLE in after.explanation
        assert "Ann Lee leads the alliance & signed it at 10:30." in after.explanation


# --------------------------------------------------------------------------------------------
# Quizlet
# --------------------------------------------------------------------------------------------


def test_quizlet_text_one_card_per_line_tab_separated():
    qs = sample()
    qs[0].prompt = "Who\tleads\nthe alliance?"
    text, skipped = to_quizlet(SetData("S", "", qs))
    lines = text.splitlines()
    assert skipped == [5, 6]  # matching and ordering
    assert all(line.count("\t") == 1 for line in lines) and text.endswith("\n") and len(lines) == 4
    assert lines[0] == "Who leads the alliance?\tAnn Lee"
    assert lines[1] == "Ann Lee leads the alliance. (true or false?)\tTrue"
    assert lines[2] == "Who signed it? Name them.\tAnn Lee"
    assert lines[3] == "The deal was signed at _____ {{c2::x}}.\t10:30"
    assert to_quizlet(SetData("S", "", [])) == ("", [])


# --------------------------------------------------------------------------------------------
# Routes
# --------------------------------------------------------------------------------------------

from quizapp.extensions import db  # noqa: E402

from .test_teach_sets import T, _items, _new_set  # noqa: E402
from .test_teach_support import make_bank  # noqa: E402


@pytest.fixture
def bank(app):
    return make_bank(app)


@pytest.fixture
def teacher(app, make_user, auth):
    make_user(T, "Tess Teacher", role="teacher")
    auth.login(T)
    return T


def _set_with_bank(client, bank):
    sid = _new_set(client, "Week 1: China")
    for qid in bank["questions"]:
        assert client.post(f"/sets/{sid}/items", data={"question_id": qid}).status_code == 303
    return sid


def test_set_downloads_as_apkg_moodle_xml_and_quizlet(app, client, teacher, bank, col, tmp_path, monkeypatch):
    sid = _set_with_bank(client, bank)
    body = client.get(f"/sets/{sid}").get_data(as_text=True)
    for fmt in ("moodle-xml", "apkg", "quizlet", "gift", "aiken"):
        assert f"/sets/{sid}/export/{fmt}" in body

    r = client.get(f"/sets/{sid}/export/moodle-xml")
    assert r.status_code == 200 and r.mimetype == "application/xml"
    assert r.headers["Content-Disposition"] == 'attachment; filename="week-1-china.moodle.xml"'
    root = ET.fromstring(r.data)
    assert [q.get("type") for q in root.findall("question")] == [
        "category", "multichoice", "truefalse", "shortanswer", "shortanswer", "matching", "ordering"]
    assert "China and Russia on Afghanistan" in root.find("question[2]/generalfeedback/text").text

    r = client.get(f"/sets/{sid}/export/quizlet")
    assert r.status_code == 200 and r.headers["Content-Disposition"].endswith('.quizlet.txt"')
    assert len(r.get_data(as_text=True).splitlines()) == 4 and "left out" in r.headers["X-Export-Notes"]

    monkeypatch.setattr(apkg_out, "time", types.SimpleNamespace(time=lambda: 1_700_000_000.0))
    r = client.get(f"/sets/{sid}/export/apkg")
    assert r.status_code == 200 and r.mimetype == "application/vnd.anki"
    assert r.headers["Content-Disposition"] == 'attachment; filename="week-1-china.apkg"'
    _import(col, r.data, tmp_path, "set.apkg")
    assert col.note_count() == 6
    assert all("China and Russia on Afghanistan" in n["Source"] and "china-russia.txt" not in n["Source"]
               for n in _notes(col))
    kinds = sorted(n.note_type()["name"] for n in _notes(col))
    assert kinds == ["quizapp: Basic"] * 4 + ["quizapp: Basic (type in the answer)", "quizapp: Cloze"]

    # the teacher edits a bank question (a copy replaces it in the set): a later download updates
    item_id = _items(app, sid)[0][0]
    data = {"prompt": "Who is China's foreign minister now?", "options-0": "Wang Yi", "options-1": "Sergey Lavrov",
            "correct": "0", "explanation": "Edited."}
    assert client.post(f"/sets/{sid}/items/{item_id}/edit", data=data).status_code == 303
    monkeypatch.setattr(apkg_out, "time", types.SimpleNamespace(time=lambda: 1_700_000_900.0))
    log = _import(col, client.get(f"/sets/{sid}/export/apkg").data, tmp_path, "set2.apkg").log
    assert col.note_count() == 6 and len(log.new) == 0
    assert any(n.fields[0].startswith("Who is China&#x27;s foreign minister now?") for n in _notes(col))


def test_exports_are_the_owners_only_and_unknown_formats_404(app, client, teacher, bank, make_user, auth):
    sid = _set_with_bank(client, bank)
    assert client.get(f"/sets/{sid}/export/docx").status_code == 404
    auth.logout()
    make_user("other@example.com", "Other", role="teacher")
    auth.login("other@example.com")
    for fmt in ("apkg", "moodle-xml", "quizlet"):
        assert client.get(f"/sets/{sid}/export/{fmt}").status_code == 404
    auth.logout()
    assert client.get(f"/sets/{sid}/export/apkg").status_code in (302, 401)


def test_bank_export_decks_by_collection_and_article(app, client, teacher, bank, col, tmp_path):
    page = client.get("/questions/").get_data(as_text=True)
    assert "/questions/export/apkg" in page and "/questions/export/moodle-xml" in page
    r = client.get("/questions/export/apkg?type=multiple_choice")
    assert r.status_code == 200 and r.headers["Content-Disposition"] == 'attachment; filename="question-bank.apkg"'
    _import(col, r.data, tmp_path, "bank.apkg")
    assert col.note_count() == 1
    assert col.decks.name(_notes(col)[0].cards()[0].did) == "Library::China and Russia on Afghanistan"
    r = client.get("/questions/export/moodle-xml")
    cats = [q.findtext("category/text") for q in ET.fromstring(r.data).findall("question")
            if q.get("type") == "category"]
    assert cats == ["$course$/top/Library/China and Russia on Afghanistan"]
    # filters that match nothing: back to the bank with a message, no empty file
    r = client.get("/questions/export/apkg?q=nothing-matches-this")
    assert r.status_code == 303 and "/questions/" in r.headers["Location"]
    assert client.get("/questions/export/csv").status_code == 404
    client.get("/auth/logout")


def test_bank_export_leaves_out_collections_the_user_cannot_see(app, client, teacher, bank, make_user):
    other = make_user("owner@example.com", "Owen Owner", role="teacher")
    with app.app_context():
        from quizapp.models import Article, Collection, Question

        private = Collection(name="Owen's secrets", kind="teacher", owner_id=other)
        db.session.add(private)
        db.session.flush()
        art = Article(collection_id=private.id, key="china-russia.txt", title="Secret title", content_hash="y" * 64,
                      raw_text="x", word_count=1)
        db.session.add(art)
        db.session.flush()
        db.session.add(Question(collection_id=private.id, uid="secret", origin="generated", score=5.0,
                                type="short_answer", prompt="A secret question?", answer="yes", accepted=["yes"],
                                sources=[{"article": art.key, "sentence": "Secret.", "article_id": art.id}]))
        db.session.commit()
        # a question of the teacher's citing that collection's article by name gets no title from it
        art2 = Article(collection_id=private.id, key="secret.txt", title="Secret title 2", content_hash="z" * 64,
                       raw_text="x", word_count=1)
        db.session.add(art2)
        db.session.commit()
        from quizapp.models import User

        tess = db.session.scalar(select(User).where(User.email == T))
        row = types.SimpleNamespace(sources=[{"article": "secret.txt", "sentence": "S."},
                                             {"article": "china-russia.txt", "sentence": "S."}])
        assert exports._titles(db.session, tess, [row]) == {"china-russia.txt": "China and Russia on Afghanistan"}
        owen = db.session.get(User, other)
        assert exports._titles(db.session, owen, [row])["secret.txt"] == "Secret title 2"
    body = client.get("/questions/export/moodle-xml").get_data(as_text=True)
    assert "A secret question?" not in body and "Secret title" not in body and "Owen" not in body
    assert "China and Russia on Afghanistan" in body  # the same file name, the visible article's title


def test_bank_export_needs_an_account(app, client, bank):
    r = client.get("/questions/export/apkg")
    assert r.status_code in (302, 401)


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------


def _cli(args):
    from click.testing import CliRunner

    from quizapp.cli import main

    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_cli_exports_a_corpus_folder_without_a_database(tmp_path, col):
    out = tmp_path / "deck.apkg"
    r = _cli(["export", "--corpus", str(ARTICLES), "--format", "apkg", "--output", str(out)])
    assert r.exit_code == 0, r.output
    count = int(r.output.split("Wrote ")[1].split()[0])
    assert count >= 5  # every item the four articles give (the floor test_questions_corpus keeps)
    _import(col, out.read_bytes(), tmp_path, "x.apkg")
    assert col.note_count() == count
    sources = " ".join(n["Source"] for n in _notes(col))
    assert ".txt" not in sources and "EU and Japan sign green partnership" in sources
    xml = tmp_path / "q.xml"
    assert _cli(["export", "--corpus", str(ARTICLES), "--format", "moodle-xml", "-o", str(xml)]).exit_code == 0
    assert len(ET.fromstring(xml.read_bytes()).findall("question")) == count + 1
    ql = tmp_path / "q.txt"
    r = _cli(["export", "--corpus", str(ARTICLES), "--format", "quizlet", "-o", str(ql)])
    assert r.exit_code == 0
    cards = [line for line in ql.read_text(encoding="utf-8").splitlines() if line.strip()]
    # matching and ordering items have no Quizlet card: the output says so when there were any
    assert 0 < len(cards) <= count and ("left out" in r.output) == (len(cards) < count)


@pytest.mark.parametrize("args, message", [
    (["--corpus", str(ARTICLES), "--format", "pdf"], "Unknown format “pdf”"),
    (["--corpus", "/no/such/dir", "--format", "apkg"], "does not exist"),
    (["--format", "apkg"], "exactly one of --corpus DIR or --set ID"),
    (["--corpus", str(ARTICLES), "--set", "1", "--format", "apkg"], "exactly one of"),
])
def test_cli_export_errors(tmp_path, args, message):
    r = _cli(["export", *args, "--output", str(tmp_path / "x")])
    assert r.exit_code == 2 and message in r.output and not (tmp_path / "x").exists()


def test_cli_exports_a_stored_set(app, client, teacher, bank, tmp_path):
    sid = _set_with_bank(client, bank)
    out = tmp_path / "set.moodle.xml"
    with app.app_context():
        r = _cli(["export", "--set", str(sid), "--format", "moodle-xml", "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert len(ET.fromstring(out.read_bytes()).findall("question")) == 7
        r = _cli(["export", "--set", "999999", "--format", "apkg", "-o", str(tmp_path / "n")])
        assert r.exit_code == 1 and "There is no set 999999" in r.output


def test_render_rejects_unknown_formats():
    with pytest.raises(ValueError, match="Unknown export format"):
        exports.render("docx", exports.ExportBundle(SetData(), [], "k"))


@pytest.fixture
def limited_app(_migrated, tmp_path, monkeypatch):
    from .test_security import _fresh_app

    app = _fresh_app(_migrated, tmp_path, monkeypatch, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://",
                     EXPORT_RATE_LIMIT="3 per minute")
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_downloads_are_rate_limited_per_user(limited_app):
    from quizapp.auth import create_user

    make_bank(limited_app)
    with limited_app.app_context():
        create_user(db.session, T, "Tess", "correct horse 42", "teacher")
        db.session.commit()
    c = limited_app.test_client()
    c.post("/auth/login", data={"email": T, "password": "correct horse 42"})
    sid = _new_set(c, "Limited")
    codes = [c.get(f"/sets/{sid}/export/apkg").status_code, c.get(f"/sets/{sid}/export/moodle-xml").status_code,
             c.get("/questions/export/apkg").status_code, c.get(f"/sets/{sid}/export/quizlet").status_code]
    # the set's downloads share one budget; the bank's has its own
    assert codes == [200, 200, 200, 200]
    assert c.get(f"/sets/{sid}/export/csv").status_code == 429
    assert c.get(f"/sets/{sid}").status_code == 200  # the set page itself is not limited


def test_our_apkg_reimports_through_our_importer_with_answers_not_sources():
    """A package quizapp wrote comes back through quizapp's own importer: typed and cloze items keep
    their answers, and a Basic note's answer is its Back field alone (the Source beside it on the
    card is context)."""
    from quizapp.teaching.interop.apkg_in import parse_apkg

    qs = sample()
    data = build_apkg(SetData("Week 1", "", qs), [f"item:{i}" for i in range(len(qs))], deck_key="RT",
                      titles={KEY: TITLE})
    back = parse_apkg(data).questions()
    assert back
    assert all(TITLE not in q.answer for q in back), [q.answer for q in back]
    typed = {q.prompt: q for q in back if q.type == "short_answer"}
    for before in qs:
        if before.type == "short_answer":
            assert any(before.answer == q.answer for q in typed.values()), before.prompt
