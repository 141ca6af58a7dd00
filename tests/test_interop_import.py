"""Question sets from other tools, parsed without a database: Quizlet text in both separator
styles, Anki notes text and packages written by the real ``anki`` package (current and legacy
format) and by ``genanki``, Moodle XML after Moodle's documented examples, and the CLI."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from quizapp.teaching.interop import registry
from quizapp.teaching.interop.anki_text import parse_anki_text
from quizapp.teaching.interop.apkg_in import parse_apkg, protobuf_fields
from quizapp.teaching.interop.moodle_xml import parse_moodle_xml
from quizapp.teaching.interop.notes import html_to_text
from quizapp.teaching.interop.quizlet import guess_separators, parse_quizlet

from .anki_packages import EXPECTED_TYPES, anki_apkg, anki_colpkg, anki_notes_text, genanki_apkg

FILES = Path(__file__).parent / "interop_files"
QUIZLET_TAB = "photosynthesis\tmaking sugar from light\nosmosis\twater moving through a membrane\n" \
              "mitosis\tcell division, one cell into two\n"
QUIZLET_SEMI = "photosynthesis,making sugar from light;osmosis,water moving through a membrane;" \
               "mitosis,cell division into two cells"


def _types(result) -> Counter:
    return Counter(q.type for q in result.questions())


# --------------------------------------------------------------------------------------------
# Quizlet
# --------------------------------------------------------------------------------------------


def test_quizlet_tab_and_newline():
    fmt, res = registry.detect_and_parse("biology.txt", QUIZLET_TAB.encode())
    assert fmt == "quizlet" and res.all_valid
    assert [(q.prompt, q.answer) for q in res.questions()] == [
        ("photosynthesis", "making sugar from light"), ("osmosis", "water moving through a membrane"),
        ("mitosis", "cell division, one cell into two")]  # the comma inside a definition stays
    assert _types(res) == {"short_answer": 3}
    assert "separated by tab, cards by new line" in res.warnings[0]


def test_quizlet_comma_and_semicolon():
    fmt, res = registry.detect_and_parse("biology.txt", QUIZLET_SEMI.encode())
    assert fmt == "quizlet" and len(res.questions()) == 3 and not res.bad_rows
    assert res.questions()[2].answer == "cell division into two cells"
    assert "comma, cards by semicolon" in res.warnings[0]


def test_quizlet_separators_can_be_given_and_unsure_guesses_say_so():
    text = "red - rojo\ngreen | verde\nblue - azul\n"
    res = parse_quizlet(text)
    assert guess_separators(text).sure is False
    assert any("Not sure" in w for w in res.warnings) and len(res.bad_rows) == 1
    res = parse_quizlet("red=rojo#green=verde#blue=azul", term_sep="=", card_sep="#")
    assert [q.answer for q in res.questions()] == ["rojo", "verde", "azul"]


def test_quizlet_multiple_choice_draws_distractors_from_the_set():
    fmt, res = registry.detect_and_parse("b.txt", QUIZLET_TAB.encode(),
                                         registry.ImportOptions(multiple_choice=True))
    assert _types(res) == {"multiple_choice": 3} and res.all_valid
    definitions = {q.answer for q in res.questions()}
    for q in res.questions():
        assert q.answer in q.choices and set(q.choices) == definitions
    # the same file previews the same options
    assert registry.detect_and_parse("b.txt", QUIZLET_TAB.encode(),
                                     registry.ImportOptions(multiple_choice=True))[1].questions() == res.questions()


# --------------------------------------------------------------------------------------------
# Anki
# --------------------------------------------------------------------------------------------


def _check_anki_deck(res):
    assert not res.file_errors and not res.bad_rows, res.bad_rows
    assert _types(res) == EXPECTED_TYPES
    qs = res.questions()
    assert ("Capital of France?", "Paris") in [(q.prompt, q.answer) for q in qs]
    # reversed card: both directions; type-in: the typed field is the answer
    assert ("Lima", "Capital of Peru") in [(q.prompt, q.answer) for q in qs]
    assert ("Capital of Japan?", "Tokyo") in [(q.prompt, q.answer) for q in qs]
    cloze = [q for q in qs if q.type == "cloze"]
    assert [q.answer for q in cloze] == ["Canberra", "Australia", "Wellington"]
    assert cloze[1].prompt == "Canberra is the capital of _____ (country); Wellington of NZ."
    assert cloze[0].explanation == "Both in Oceania"
    assert res.title == "Capitals"
    assert any("picture or sound" in w for w in res.warnings)  # the <img> was dropped
    if res.format in ("apkg", "colpkg"):
        assert any("1 media file(s) in the package" in w for w in res.warnings)
    assert ["capitals", "europe"] in [r.tags for r in res.rows]
    assert all("<" not in q.prompt for q in qs)


def test_anki_package_current_format(tmp_path):
    data = anki_apkg(tmp_path, legacy=False)
    fmt, res = registry.detect_and_parse("deck.apkg", data)
    assert fmt == "apkg" and "collection.anki21b" in res.warnings[0]
    _check_anki_deck(res)


def test_anki_package_legacy_format(tmp_path):
    data = anki_apkg(tmp_path, legacy=True)
    fmt, res = registry.detect_and_parse("deck.apkg", data)
    assert fmt == "apkg" and "legacy format" in res.warnings[0]
    _check_anki_deck(res)


def test_anki_collection_package(tmp_path):
    fmt, res = registry.detect_and_parse("everything.colpkg", anki_colpkg(tmp_path))
    assert fmt == "colpkg"
    _check_anki_deck(res)


def test_genanki_package(tmp_path):
    fmt, res = registry.detect_and_parse("genanki.apkg", genanki_apkg(tmp_path))
    assert fmt == "apkg" and res.all_valid and res.title == "Country Capitals"
    assert _types(res) == {"short_answer": 2, "cloze": 2}
    assert [r.tags for r in res.rows][0] == ["americas"]


def test_anki_notes_text_written_by_anki(tmp_path):
    text = anki_notes_text(tmp_path)
    assert text.startswith("#separator:tab")
    fmt, res = registry.detect_and_parse("notes.txt", text.encode())
    assert fmt == "ankitext"
    _check_anki_deck(res)


def test_anki_notes_text_by_hand_plain_and_semicolon():
    text = ("#separator:semicolon\n#html:false\n#tags column:3\n"
            "Largest ocean;Pacific;geo water\n"
            "\"A <b>bold</b>; claim\";True statement;\n"
            "only one field\n")
    res = parse_anki_text(text)
    assert [(q.prompt, q.answer) for q in res.questions()] == [
        ("Largest ocean", "Pacific"), ("A <b>bold</b>; claim", "True statement")]  # plain text stays text
    assert res.rows[0].tags == ["geo", "water"]
    assert len(res.bad_rows) == 1


def test_html_is_reduced_to_text():
    c = html_to_text('<div>One<br>two</div><script>alert(1)</script><img src="x.png"> &amp; [sound:a.mp3]')
    assert c.text == "One\ntwo\n&" and c.media == 2


def test_protobuf_reader_reads_anki_configs():
    from anki import notetypes_pb2

    cfg = notetypes_pb2.Notetype.Config(kind=notetypes_pb2.Notetype.Config.KIND_CLOZE, css="x")
    assert protobuf_fields(cfg.SerializeToString())[1] == [1]
    t = notetypes_pb2.Notetype.Template.Config(q_format="{{Front}}", a_format="{{Back}}")
    assert protobuf_fields(t.SerializeToString())[2] == [b"{{Back}}"]


# --------------------------------------------------------------------------------------------
# Moodle XML
# --------------------------------------------------------------------------------------------


def test_moodle_xml_from_the_documented_examples():
    fmt, res = registry.detect_and_parse("quiz.xml", (FILES / "moodle_docs_examples.xml").read_bytes())
    assert fmt == "moodle" and not res.file_errors and res.title == "Geography basics"
    assert _types(res) == {"multiple_choice": 1, "true_false": 1, "short_answer": 1, "matching": 1}
    mc, tf, sa, match = res.questions()
    assert mc.prompt == "Which river flows through Cairo?" and mc.answer == "The Nile" and len(mc.choices) == 3
    assert mc.explanation.startswith("The Nile is the longest")
    assert tf.answer == "True"
    assert sa.answer == "Nairobi" and sa.accepted == ["Nairobi City"]  # the 50% answer is not accepted
    assert match.pairs == [["France", "Paris"], ["Peru", "Lima"], ["Japan", "Tokyo"]]
    bad = {r.excerpt.split("]")[0]: r.errors[0] for r in res.bad_rows}
    assert set(bad) == {"[category", "[essay"} and "graded by hand" in bad["[essay"]


def _quiz(*questions: str) -> bytes:
    return ("<?xml version=\"1.0\"?><quiz>" + "".join(questions) + "</quiz>").encode()


def test_moodle_xml_maps_only_what_maps_cleanly():
    multi = ('<question type="multichoice"><questiontext><text>Pick two</text></questiontext><single>false</single>'
             '<answer fraction="50"><text>a</text></answer><answer fraction="50"><text>b</text></answer>'
             '<answer fraction="-100"><text>c</text></answer></question>')
    multi_one = multi.replace('fraction="50"><text>a', 'fraction="100"><text>a').replace(
        'fraction="50"><text>b', 'fraction="0"><text>b')
    gap = ('<question type="gapselect"><questiontext><text>The capital of Italy is [[1]].</text></questiontext>'
           '<selectoption><text>Rome</text><group>1</group></selectoption>'
           '<selectoption><text>Milan</text><group>1</group></selectoption></question>')
    gaps2 = gap.replace("is [[1]].", "is [[1]] and of Spain [[2]].")
    order = ('<question type="ordering"><questiontext><text>Oldest first</text></questiontext>'
             '<answer fraction="1"><text>Rome</text></answer><answer fraction="2"><text>Paris</text></answer>'
             '<answer fraction="3"><text>Brasilia</text></answer></question>')
    numerical = '<question type="numerical"><questiontext><text>2+2</text></questiontext></question>'
    res = parse_moodle_xml(_quiz(multi, multi_one, gap, gaps2, order, numerical))
    rows = res.rows
    assert rows[0].question is None and "exactly one right option" in rows[0].errors[0]
    assert rows[1].ok and rows[1].question.answer == "a"
    assert rows[2].ok and rows[2].question.type == "cloze" and rows[2].question.prompt == \
        "The capital of Italy is _____." and rows[2].question.answer == "Rome"
    assert not rows[3].ok and "2 gaps" in rows[3].errors[0]
    assert rows[4].ok and rows[4].question.items == ["Rome", "Paris", "Brasilia"]
    assert not rows[5].ok and "Numerical" in rows[5].errors[0]


def test_nothing_fits_says_what_was_tried():
    with pytest.raises(registry.ImportRefused) as exc:
        registry.detect_and_parse("notes.docx", b"just a sentence with no structure")
    assert "tried CSV, JSON, Moodle GIFT, Moodle XML, Quizlet export text" in str(exc.value)


def test_existing_formats_still_detected():
    assert registry.detect("s.csv", b"type,prompt,answer\nshort_answer,Who?,Ann\n") == "csv"
    assert registry.detect("s.json", b'{"questions": []}') == "json"
    assert registry.detect("s.txt", b"::Q1:: Who? {=Ann ~Bob}") == "gift"
    assert registry.detect("s.gift", b"Who? {=Ann ~Bob}") == "gift"


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------


def _run(args, **kw):
    from click.testing import CliRunner

    from quizapp.cli import main

    return CliRunner().invoke(main, args, **kw)


def test_cli_dry_run_json_needs_no_database(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/nothing")  # unused: never opened
    f = tmp_path / "deck.apkg"
    f.write_bytes(genanki_apkg(tmp_path / "g"))
    r = _run(["import", str(f), "--dry-run", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["format"] == "apkg" and len(doc["questions"]) == 4 and doc["errors"] == []
    x = tmp_path / "quiz.xml"
    x.write_bytes((FILES / "moodle_docs_examples.xml").read_bytes())
    doc = json.loads(_run(["import", str(x), "--dry-run", "--json"]).output)
    assert doc["format"] == "moodle" and len(doc["questions"]) == 4
    assert [e["row"] for e in doc["errors"]] == [1, 6]
    bomb = tmp_path / "bad.apkg"
    bomb.write_bytes(b"PK\x03\x04 not really")
    r = _run(["import", str(bomb), "--dry-run", "--json"])
    assert r.exit_code == 1 and "zip" in json.loads(r.output)["errors"][0]["messages"][0]


def test_cli_imports_into_a_new_set_in_one_transaction(app, make_user, tmp_path):
    from sqlalchemy import func, select

    from quizapp.extensions import db
    from quizapp.models import StudySet

    make_user("t@example.com", "Tia", role="teacher")
    make_user("s@example.com", "Stu")
    f = tmp_path / "quiz.xml"
    f.write_bytes((FILES / "moodle_docs_examples.xml").read_bytes())
    runner = app.test_cli_runner()
    from quizapp.cli import main

    r = runner.invoke(main, ["import", str(f), "--user", "t@example.com"])
    assert r.exit_code == 1 and "--valid-only" in r.output
    r = runner.invoke(main, ["import", str(f), "--user", "s@example.com", "--valid-only"])
    assert r.exit_code == 1 and "not a teacher" in r.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(StudySet)) == 0
    r = runner.invoke(main, ["import", str(f), "--user", "t@example.com", "--valid-only", "--title", "Geo"])
    assert r.exit_code == 0, r.output
    with app.app_context():
        sset = db.session.scalars(select(StudySet)).one()
        assert sset.title == "Geo" and sorted(i.question.type for i in sset.items) == [
            "matching", "multiple_choice", "short_answer", "true_false"]


def _genanki_deck(tmp_path, notes: list[tuple[str, str]]) -> bytes:
    import genanki

    deck = genanki.Deck(2059400111, "Many")
    for front, back in notes:
        deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=[front, back]))
    out = tmp_path / "many.apkg"
    genanki.Package(deck).write_to_file(str(out))
    return out.read_bytes()


def test_package_limits_and_no_temp_files_left(tmp_path, monkeypatch):
    import tempfile

    from quizapp.teaching.formats import MAX_QUESTIONS

    too_many = _genanki_deck(tmp_path, [(f"Q{i}", f"A{i}") for i in range(MAX_QUESTIONS + 1)])
    some_bad = _genanki_deck(tmp_path, [("Q", "A"), ("", "no front"), ("Only front", "")])
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "t"))  # where our SQLite copies go
    (tmp_path / "t").mkdir()
    with pytest.raises(registry.ImportRefused, match=f"{MAX_QUESTIONS + 1} notes; the limit is {MAX_QUESTIONS}"):
        registry.detect_and_parse("many.apkg", too_many)
    fine = parse_apkg(some_bad)
    assert len(fine.questions()) == 1 and len(fine.bad_rows) == 2
    assert list((tmp_path / "t").iterdir()) == []  # the SQLite copy is deleted, refused or not


def test_cloze_with_one_number_twice_and_different_answers_is_a_row_error():
    from quizapp.teaching.interop.notes import cloze_questions

    made = cloze_questions("{{c1::Paris}} and {{c1::Lyon}} are in {{c2::France}}", "")
    (q1, e1), (q2, e2) = made.questions
    assert "c1 appears 2 times" in e1[0]
    assert e2 == [] and q2.prompt == "Paris and Lyon are in _____"


def test_quizlet_over_the_limit_is_a_file_error():
    from quizapp.teaching.formats import MAX_QUESTIONS

    res = parse_quizlet("".join(f"t{i}\td{i}\n" for i in range(MAX_QUESTIONS + 1)))
    assert res.file_errors and not res.rows


# --------------------------------------------------------------------------------------------
# Anything in, never a crash: a result or a refusal with a message
# --------------------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NAMES = ("x.apkg", "x.colpkg", "x.xml", "x.txt", "x.csv", "x.json", "x.gift", "x")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode), st.sampled_from(NAMES))
def test_any_bytes_give_a_result_or_a_refusal(data, name):
    try:
        fmt, res = registry.detect_and_parse(name, data)
    except registry.ImportRefused as exc:
        assert str(exc)
    else:
        assert fmt in registry.IMPORT_FORMATS and (res.rows or res.file_errors)


@pytest.fixture(scope="module")
def real_package(tmp_path_factory):
    return genanki_apkg(tmp_path_factory.mktemp("g"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_packages_are_refused_or_read(real_package, flips):
    data = bytearray(real_package)
    for pos, value in flips:
        data[pos % len(data)] = value
    try:
        registry.detect_and_parse("deck.apkg", bytes(data))
    except registry.ImportRefused as exc:
        assert str(exc)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(16, 10**9), st.integers(0, 255)), min_size=1, max_size=12))
def test_damaged_sqlite_inside_a_sound_zip_is_refused_or_read(real_package, flips):
    import io
    import zipfile

    db = bytearray(zipfile.ZipFile(io.BytesIO(real_package)).read("collection.anki2"))
    for pos, value in flips:
        db[16 + pos % (len(db) - 16)] = value  # the magic stays: SQLite itself must notice
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("collection.anki2", bytes(db))
    try:
        fmt, res = registry.detect_and_parse("deck.apkg", buf.getvalue())
    except registry.ImportRefused as exc:
        assert str(exc)
    else:
        assert res.rows or res.file_errors


def test_a_note_type_with_broken_templates_is_refused_quickly(tmp_path):
    import time

    import genanki

    model = genanki.Model(1607392320, "Odd", fields=[{"name": "Q"}, {"name": "A"}],
                          templates=[{"name": "c", "qfmt": "{{#Q}}" * 20 + "{{Q}}" + "{{/Q}}" * 20, "afmt": "{{A}}"}])
    deck = genanki.Deck(2059400112, "Odd")
    for i in range(200):
        deck.add_note(genanki.Note(model=model, fields=[f"q{i}", f"a{i}"]))
    out = tmp_path / "odd.apkg"
    genanki.Package(deck).write_to_file(str(out))
    start = time.process_time()  # (this process's own CPU: a busy machine stretches the wall clock)
    with pytest.raises(registry.ImportRefused, match="nested more than 8 deep"):
        registry.detect_and_parse("odd.apkg", out.read_bytes())
    assert time.process_time() - start < 2
