"""Import/export formats: exact CSV and JSON round trips (hypothesis), GIFT re-import, Aiken,
validation rules and per-row errors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.teaching import formats as F
from quizapp.teaching import gift as G
from quizapp.teaching.formats import QuestionData, SetData

# ---- strategies: any question ``validate`` accepts ----------------------------------------

_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
one_line = st.text(_chars, min_size=1, max_size=40).map(str.strip).filter(
    lambda s: s and s == s.strip() and len(s.split()) > 0 and "\n" not in s)
multi_line = st.lists(one_line, min_size=1, max_size=3).map("\n".join)


def _distinct(strategy, lo, hi):
    return st.lists(strategy, min_size=lo, max_size=hi, unique_by=lambda s: " ".join(s.casefold().split()))


@st.composite
def questions(draw):
    qtype = draw(st.sampled_from(F.TYPES))
    prompt = draw(multi_line)
    common = {
        "explanation": draw(st.one_of(st.just(""), multi_line)),
        "difficulty": draw(st.floats(0, 1, allow_nan=False)),
        "fact_kind": draw(st.sampled_from(F.FACT_KINDS)),
        "sources": draw(st.lists(st.fixed_dictionaries({"article": one_line, "sentence": multi_line}),
                                 max_size=2)),
    }
    if qtype == "multiple_choice":
        choices = draw(_distinct(one_line, 2, 5))
        answer = draw(st.sampled_from(choices))
        q = QuestionData(qtype, prompt, answer, draw(st.lists(one_line, max_size=3)), choices, **common)
    elif qtype == "true_false":
        q = QuestionData(qtype, prompt, draw(st.sampled_from(["True", "False"])),
                         draw(st.lists(one_line, max_size=2)), ["True", "False"], **common)
    elif qtype in ("short_answer", "cloze"):
        if qtype == "cloze":
            prompt = prompt + " ___ " + draw(one_line)
        q = QuestionData(qtype, prompt, draw(one_line), draw(st.lists(one_line, max_size=3)), **common)
    elif qtype == "matching":
        lefts = draw(_distinct(one_line, 2, 4))
        rights = draw(_distinct(one_line, len(lefts), len(lefts)))
        q = QuestionData(qtype, prompt, "", draw(st.lists(one_line, max_size=2)),
                         pairs=[[a, b] for a, b in zip(lefts, rights)], **common)
    else:
        q = QuestionData(qtype, prompt, "", draw(st.lists(one_line, max_size=2)),
                         items=draw(_distinct(one_line, 3, 5)), **common)
    q = F.normalise(q)
    assert F.validate(q) == [], (q, F.validate(q))
    return q


sets = st.builds(SetData, title=one_line, description=st.one_of(st.just(""), multi_line),
                 questions=st.lists(questions(), min_size=1, max_size=4))

PROPS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(sets)
def test_json_round_trip_is_exact(data):
    res = F.parse_json(F.to_json(data))
    assert res.all_valid, [r.errors for r in res.rows]
    assert (res.title, res.description, res.questions()) == (data.title, data.description, data.questions)


@PROPS
@given(sets)
def test_csv_round_trip_is_exact(data):
    res = F.parse_csv(F.to_csv(data))
    assert res.all_valid, [r.errors for r in res.rows] + res.file_errors
    assert res.questions() == data.questions
    # and back out again: byte-identical file
    assert F.to_csv(SetData(questions=res.questions())) == F.to_csv(SetData(questions=data.questions))


@PROPS
@given(sets)
def test_gift_reimports_to_the_same_questions(data):
    res = G.parse_gift(G.to_gift(data))
    assert res.all_valid, [(r.errors, r.excerpt) for r in res.rows]
    assert res.questions() == data.questions


def _sample() -> list[QuestionData]:
    return [F.normalise(q) for q in [
        QuestionData("multiple_choice", "Which city is {the} capital: of France?", "Paris",
                     ["Paris"], ["Paris", "Lyon", "Nice"], explanation="Paris = capital #1."),
        QuestionData("true_false", "The sky is green.", "False", ["False"], ["True", "False"]),
        QuestionData("cloze", "The _____ rises in the east.", "sun", ["sun", "Sun"]),
        QuestionData("short_answer", "Who wrote Hamlet?", "Shakespeare", ["Shakespeare", "W. Shakespeare"]),
        QuestionData("matching", "Match.", pairs=[["CSTO", "security"], ["SCO", "cooperation"]]),
        QuestionData("ordering", "Earliest first.", items=["one", "two", "three"]),
    ]]


def test_gift_body_alone_keeps_the_content():
    """Without our comments (as after a trip through Moodle) the questions keep their content."""
    text = "\n".join(line for line in G.to_gift(SetData("S", "", _sample())).splitlines()
                     if not line.startswith("//"))
    res = G.parse_gift(text)
    got = {q.prompt: q for q in res.questions()}
    assert got["Which city is {the} capital: of France?"].choices == ["Paris", "Lyon", "Nice"]
    assert got["Which city is {the} capital: of France?"].explanation == "Paris = capital #1."
    assert got["The sky is green."].answer == "False"
    assert got["The _____ rises in the east."].type == "cloze"
    assert got["Who wrote Hamlet?"].accepted == ["Shakespeare", "W. Shakespeare"]
    assert got["Match."].pairs == [["CSTO", "security"], ["SCO", "cooperation"]]
    # ordering without our hint is a matching of item to position: still importable
    assert got["Earliest first."].type == "matching"
    assert res.title == "S"


def test_gift_from_moodle_syntax_variants():
    text = """// a comment
$CATEGORY: $course$/Geography

::Cap:: [html]What is the capital of France? {
  =Paris#Right!
  ~Lyon#No
  ~%0%Nice
}

Grant is buried in {=Grant's tomb =Grant} tomb.

The sun is a star. {T}

Two plus two. {#4}

Write an essay. {}

Pick: {~%50%a ~%50%b ~c}

Just a description.
"""
    res = G.parse_gift(text)
    assert res.title == "Geography"
    rows = res.rows
    assert rows[0].ok and rows[0].question.answer == "Paris" and rows[0].question.choices == ["Paris", "Lyon", "Nice"]
    assert rows[1].ok and rows[1].question.type == "cloze" and rows[1].question.prompt == "Grant is buried in _____ tomb."
    assert rows[2].ok and rows[2].question.answer == "True"
    assert "Numerical" in rows[3].errors[0]
    assert "Essay" in rows[4].errors[0]
    assert "exactly one right answer" in rows[5].errors[0]
    assert "description" in rows[6].errors[0]
    assert [r.line for r in rows] == [4, 10, 12, 14, 16, 18, 20]
    assert not res.all_valid and len(res.valid_rows) == 3


def test_csv_per_row_errors_name_the_row():
    text = ("type,prompt,answer,choices\n"
            "multiple_choice,Capital?,Paris,\"Paris\nLyon\"\n"
            "multiple_choice,Only one option?,A,A\n"
            "essay,Write,,\n"
            "multiple_choice,Two right?,X,\"Y\nZ\"\n"
            ",,,\n"
            "true_false,Sky is blue,yes,\n")
    res = F.parse_csv(text)
    by_row = {r.number: r for r in res.rows}
    assert by_row[2].ok
    assert any("at least two options" in e for e in by_row[3].errors)
    assert any("Unknown question type" in e for e in by_row[4].errors)
    assert any("exactly one of the options" in e for e in by_row[5].errors)
    assert 6 not in by_row  # blank line skipped
    assert by_row[7].ok and by_row[7].question.answer == "True"
    assert len(res.valid_rows) == 2 and not res.all_valid


def test_csv_semicolon_excel_and_bom():
    text = "\ufefftype;prompt;answer\r\nshort_answer;Who?;Ann\r\n"
    res = F.parse_csv(text)
    assert res.all_valid and res.questions()[0].answer == "Ann"


def test_csv_missing_columns_and_empty():
    assert "Missing column" in F.parse_csv("foo,bar\n1,2\n").file_errors[0]
    assert F.parse_csv("").file_errors == ["The file is empty."]
    assert "no questions" in F.parse_csv("type,prompt\n").file_errors[0]


def test_json_errors():
    assert "Not valid JSON" in F.parse_json("{nope").file_errors[0]
    assert F.parse_json('{"x": 1}').file_errors
    res = F.parse_json('[{"type": "matching", "prompt": "M", "pairs": [["a", "b"]]}, '
                       '{"type": "ordering", "prompt": "O", "items": "abc"}, 7]')
    assert "at least two pairs" in " ".join(res.rows[0].errors)
    assert "list of texts" in " ".join(res.rows[1].errors)
    assert "must be an object" in " ".join(res.rows[2].errors)


@pytest.mark.parametrize("q, field, words", [
    (QuestionData("multiple_choice", "P", "A", choices=["A", "a"]), "choices", "same"),
    (QuestionData("multiple_choice", "P", "", choices=["A", "B"]), "answer", "Mark one"),
    (QuestionData("multiple_choice", "P", "C", choices=["A", "B"]), "answer", "exactly one"),
    (QuestionData("true_false", "P", "maybe"), "answer", "True or False"),
    (QuestionData("cloze", "No gap here", "x"), "prompt", "underscores"),
    (QuestionData("short_answer", "", "x"), "prompt", "empty"),
    (QuestionData("matching", "P", pairs=[["a", "1"], ["b", ""]]), "pairs", "both"),
    (QuestionData("matching", "P", pairs=[["a", "1"], ["A", "2"]]), "pairs", "different"),
    (QuestionData("ordering", "P", items=["a", "b"]), "items", "three"),
    (QuestionData("ordering", "P", items=["a", "b", "B"]), "items", "same"),
    (QuestionData("short_answer", "P", "x", difficulty=3), "difficulty", "0 to 1"),
    (QuestionData("short_answer", "P\x07", "x"), "prompt", "control"),
])
def test_validation_rules(q, field, words):
    errs = F.validate(F.normalise(q))
    assert any(e.field == field and words in e.message for e in errs), errs


def test_normalise_is_idempotent_and_fixes_case_of_answer():
    q = F.normalise(QuestionData("multiple_choice", " P ", "paris", choices=[" Paris ", "Lyon", ""]))
    assert q.answer == "Paris" and q.choices == ["Paris", "Lyon"] and F.validate(q) == []
    assert F.normalise(q) == q


def test_aiken_export():
    text, skipped = G.to_aiken(SetData("S", "", _sample()))
    assert text.startswith("Which city is {the} capital: of France?\nA. Paris\nB. Lyon\nC. Nice\nANSWER: A\n")
    assert "The sky is green.\nA. True\nB. False\nANSWER: B" in text
    assert skipped == [3, 4, 5, 6]


def test_parse_result_survives_json_storage():
    res = F.parse_csv(F.to_csv(SetData(questions=_sample())) + "bogus,x\n")
    again = F.ParseResult.from_json(res.to_json())
    assert again == res


def test_guess_format():
    assert F.guess_format("a.CSV", "") == "csv"
    assert F.guess_format("a.gift", "") == "gift"
    assert F.guess_format("upload", ' {"questions": []}') == "json"
    assert F.guess_format("upload", "x") is None


# --- hostile files: every parser answers with file or row errors, never an exception -----------

def _nested(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


hostile_json = st.one_of(
    st.integers(1, 200_000).map(_nested),
    st.integers(33, 5000).map(lambda d: '{"questions": [{"type": "short_answer", "prompt": "p", "answer": "a", '
                                        '"accepted": ' + _nested(d) + "}]}"),
    st.integers(20, 6000).map(lambda n: '{"questions": [{"type": "short_answer", "prompt": "p", "answer": "a", '
                                        '"difficulty": ' + "9" * n + "}]}"),
    st.sampled_from(["NaN", "-Infinity", "1e400", '{"questions": [{"difficulty": 1e999}]}', '"\\ud800"', "",
                     "[" * 10 + '"' + "]" * 10]),
    st.text(max_size=300),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_json)
def test_json_import_reports_hostile_files_as_errors(text):
    res = F.parse_json(text)
    assert res.file_errors or res.rows is not None
    if res.file_errors:
        assert not res.valid_rows


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    hostile_json.map(lambda j: "::Q:: What? {=a}\n// quizapp: " + j),
    st.integers(1, 6000).map(lambda n: "::Q:: What? {#" + "9" * n + "}"),
    st.integers(1, 6000).map(lambda n: "::Q:: What? {~%" + "9" * n + "%a ~b =c}"),
    st.integers(1, 6000).map(lambda n: "::Q:: Order {=a -> " + "9" * n + " =b -> 1}"),
    st.integers(1, 5000).map(lambda n: "{" * n + "}" * n),
    st.text(alphabet="{}~=#:%->\\\n ab1", max_size=400),
))
def test_gift_import_reports_hostile_files_as_errors(text):
    res = G.parse_gift(text)
    assert isinstance(res.rows, list)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    hostile_json.map(lambda j: 'type,prompt,answer,sources\nshort_answer,p,a,"' + j.replace('"', '""') + '"\n'),
    st.integers(1, 6000).map(lambda n: "type,prompt,answer,difficulty\nshort_answer,p,a," + "9" * n + "\n"),
    st.text(alphabet=',"\n\r\tab1', max_size=400),
))
def test_csv_import_reports_hostile_files_as_errors(text):
    res = F.parse_csv(text)
    assert isinstance(res.rows, list)
