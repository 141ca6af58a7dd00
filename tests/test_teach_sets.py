"""Sets: building from the bank, writing and editing questions, reorder, publish, share,
duplicate, export, import with preview and per-row errors."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question, SetItem, StudySet
from quizapp.models.teaching import PendingImport
from quizapp.teaching import formats
from quizapp.teaching import gift as gift_format

from .test_teach_support import make_bank

T = "teach@example.com"


@pytest.fixture
def bank(app):
    return make_bank(app)


@pytest.fixture
def teacher(app, make_user, auth):
    make_user(T, "Tess Teacher", role="teacher")
    auth.login(T)
    return T


def _new_set(client, title="Week 1"):
    r = client.post("/sets/new", data={"title": title, "description": "About China", "visibility": "private"})
    assert r.status_code == 303
    return int(r.headers["Location"].split("/")[2])


def _items(app, set_id):
    with app.app_context():
        s = db.session.get(StudySet, set_id)
        return [(i.id, i.question_id) for i in sorted(s.items, key=lambda i: i.position)]


def test_student_cannot_create_sets(client, make_user, auth):
    make_user()
    auth.login()
    assert client.get("/sets/new").status_code == 403
    assert client.get("/sets/").status_code == 200  # students can open shared sets from here


def test_build_set_from_bank_reorder_and_remove(app, client, teacher, bank):
    sid = _new_set(client)
    r = client.get(f"/sets/{sid}/add")
    assert r.status_code == 200 and "Who is the foreign minister of China?" in r.get_data(as_text=True)
    # filters: type, kind, difficulty, article, search
    body = client.get(f"/sets/{sid}/add?type=matching").get_data(as_text=True)
    assert "Match each acronym" in body and "foreign minister" not in body
    body = client.get(f"/sets/{sid}/add?kind=date&difficulty=hard").get_data(as_text=True)
    assert "Put these events in order" in body and "The statement was issued" in body and "SCO is a" not in body
    body = client.get(f"/sets/{sid}/add?q=Afghanistan").get_data(as_text=True)
    assert "hope Afghanistan" in body and "foreign minister" not in body
    # htmx gets only the rows
    r = client.get(f"/sets/{sid}/add?q=SCO", headers={"HX-Request": "true"})
    assert "<html" not in r.get_data(as_text=True) and "SCO is a" in r.get_data(as_text=True)

    for qid in bank["questions"][:3]:
        assert client.post(f"/sets/{sid}/items", data={"question_id": qid}).status_code == 303
    # adding twice is harmless
    client.post(f"/sets/{sid}/items", data={"question_id": bank["questions"][0]})
    r = client.post(f"/sets/{sid}/items", data={"question_id": bank["questions"][3]}, headers={"HX-Request": "true"})
    assert "Added" in r.get_data(as_text=True)
    items = _items(app, sid)
    assert [q for _, q in items] == bank["questions"][:4]

    # move the third item up (no JS: form post + redirect)
    r = client.post(f"/sets/{sid}/items/{items[2][0]}/move", data={"direction": "up"})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"#item-{items[2][0]}")
    assert [q for _, q in _items(app, sid)] == [bank["questions"][i] for i in (0, 2, 1, 3)]
    # the first can't go further up; htmx gets the list partial
    r = client.post(f"/sets/{sid}/items/{items[0][0]}/move", data={"direction": "up"}, headers={"HX-Request": "true"})
    assert r.status_code == 200 and 'id="items"' in r.get_data(as_text=True)
    assert client.post(f"/sets/{sid}/items/{items[0][0]}/move", data={"direction": "sideways"}).status_code == 400
    client.post(f"/sets/{sid}/items/{items[1][0]}/remove")
    assert [q for _, q in _items(app, sid)] == [bank["questions"][i] for i in (0, 2, 3)]
    with app.app_context():
        assert [i.position for i in db.session.get(StudySet, sid).items] == [1, 2, 3]


def test_retired_or_foreign_questions_cannot_be_added(app, client, teacher, bank, make_user):
    sid = _new_set(client)
    other = make_user("other@example.com", role="teacher")
    with app.app_context():
        retired = db.session.get(Question, bank["questions"][0])
        retired.retired_at = retired.created_at
        foreign = Question(type="short_answer", prompt="Theirs", answer="x", origin="custom", owner_id=other)
        db.session.add(foreign)
        db.session.commit()
        foreign_id = foreign.id
    assert client.post(f"/sets/{sid}/items", data={"question_id": bank["questions"][0]}).status_code == 404
    assert client.post(f"/sets/{sid}/items", data={"question_id": foreign_id}).status_code == 404
    assert client.post(f"/sets/{sid}/items", data={"question_id": "junk"}).status_code == 400


MC_OK = {"prompt": "Capital of France?", "options-0": "Paris", "options-1": "Lyon", "options-2": "",
         "correct": "0", "explanation": "Paris is the capital."}


@pytest.mark.parametrize("qtype, data, message", [
    ("multiple_choice", {"prompt": "Q", "options-0": "A", "correct": "0"}, "at least two options"),
    ("multiple_choice", {"prompt": "Q", "options-0": "A", "options-1": "a", "correct": "0"}, "every option must be different"),
    ("multiple_choice", {"prompt": "Q", "options-0": "A", "options-1": "B"}, "Mark one option as the correct answer"),
    ("multiple_choice", {"prompt": "Q", "options-0": "A", "options-1": "B", "correct": "3"}, "option marked correct is empty"),
    ("multiple_choice", {"prompt": "", "options-0": "A", "options-1": "B", "correct": "0"}, "question text is empty"),
    ("true_false", {"prompt": "Sky is blue"}, "must be True or False"),
    ("cloze", {"prompt": "No gap", "answer": "x"}, "three underscores"),
    ("short_answer", {"prompt": "Q", "answer": ""}, "Give the expected answer"),
    ("matching", {"prompt": "Q", "lefts-0": "a", "rights-0": "1"}, "at least two pairs"),
    ("matching", {"prompt": "Q", "lefts-0": "a", "rights-0": "1", "lefts-1": "b"}, "both a left and a right"),
    ("ordering", {"prompt": "Q", "items-0": "a", "items-1": "b"}, "at least three items"),
])
def test_new_question_validation(client, teacher, qtype, data, message):
    sid = _new_set(client)
    r = client.post(f"/sets/{sid}/questions/new?type={qtype}", data=data)
    assert r.status_code == 422
    assert message in r.get_data(as_text=True)


@pytest.mark.parametrize("qtype, data, check", [
    ("multiple_choice", MC_OK, lambda q: q.answer == "Paris" and q.choices == ["Paris", "Lyon"]),
    ("true_false", {"prompt": "The sun is a star.", "truth": "True"}, lambda q: q.answer == "True"),
    ("cloze", {"prompt": "The ___ rises.", "answer": "sun", "alternatives": "Sol\n\n"},
     lambda q: q.accepted == ["sun", "Sol"]),
    ("short_answer", {"prompt": "Who?", "answer": "Ann"}, lambda q: q.accepted == ["Ann"]),
    ("matching", {"prompt": "Match", "lefts-0": "a", "rights-0": "1", "lefts-1": "b", "rights-1": "2"},
     lambda q: q.pairs == [["a", "1"], ["b", "2"]] and q.answer == "a → 1; b → 2"),
    ("ordering", {"prompt": "Order", "items-0": "x", "items-1": "y", "items-2": "z"},
     lambda q: q.items == ["x", "y", "z"]),
])
def test_new_question_of_every_type(app, client, teacher, qtype, data, check):
    sid = _new_set(client)
    r = client.post(f"/sets/{sid}/questions/new?type={qtype}", data=data)
    assert r.status_code == 303, r.get_data(as_text=True)
    with app.app_context():
        q = db.session.get(StudySet, sid).items[0].question
        assert q.origin == "custom" and q.type == qtype and check(q)
    assert client.get(f"/sets/{sid}/questions/new?type=essay").status_code == 404


def test_edit_generated_question_makes_a_copy_with_provenance(app, client, teacher, bank):
    sid = _new_set(client)
    gen = bank["questions"][0]
    client.post(f"/sets/{sid}/items", data={"question_id": gen})
    item_id = _items(app, sid)[0][0]
    r = client.get(f"/sets/{sid}/items/{item_id}/edit")
    assert r.status_code == 200 and 'value="Sergey Lavrov"' in r.get_data(as_text=True)
    data = {"prompt": "Who is China's foreign minister?", "options-0": "Wang Yi", "options-1": "Sergey Lavrov",
            "options-2": "Qin Gang", "correct": "0", "explanation": "Edited."}
    assert client.post(f"/sets/{sid}/items/{item_id}/edit", data=data).status_code == 303
    with app.app_context():
        item = db.session.get(SetItem, item_id)
        copy = item.question
        original = db.session.get(Question, gen)
        assert copy.id != gen and copy.origin == "edited" and copy.parent_id == gen
        assert copy.prompt == "Who is China's foreign minister?" and copy.choices == ["Wang Yi", "Sergey Lavrov", "Qin Gang"]
        assert copy.sources == original.sources and copy.owner_id is not None
        assert original.prompt == "Who is the foreign minister of China?"  # the bank is untouched
        copy_id = copy.id
    # editing the own copy again changes it in place (nobody answered it yet)
    data["prompt"] = "Who leads China's foreign ministry?"
    client.post(f"/sets/{sid}/items/{item_id}/edit", data=data)
    with app.app_context():
        assert db.session.get(SetItem, item_id).question_id == copy_id
        assert db.session.get(Question, copy_id).prompt == "Who leads China's foreign ministry?"


def test_preview_publish_share_duplicate_delete(app, client, teacher, bank, make_user, auth):
    sid = _new_set(client)
    # an empty set can't be published
    client.post(f"/sets/{sid}/publish", data={"published": "1"})
    with app.app_context():
        assert not db.session.get(StudySet, sid).published
    client.post(f"/sets/{sid}/items", data={"question_id": bank["questions"][4]})
    body = client.get(f"/sets/{sid}/preview").get_data(as_text=True)
    assert "Match each acronym" in body and "Answer:" not in body
    body = client.get(f"/sets/{sid}/preview?answers=1").get_data(as_text=True)
    assert "SCO → Shanghai Cooperation Organization" in body and "The SCO is a regional organisation." in body

    client.post(f"/sets/{sid}/settings", data={"title": "Week 1", "description": "", "visibility": "public"})
    client.post(f"/sets/{sid}/publish", data={"published": "1"})
    with app.app_context():
        s = db.session.get(StudySet, sid)
        assert s.published and s.visibility == "public"
        code = s.share_code
    # duplicate: a private draft with the same questions
    r = client.post(f"/sets/{sid}/duplicate")
    dup = int(r.headers["Location"].split("/")[2])
    with app.app_context():
        d = db.session.get(StudySet, dup)
        assert d.title == "Copy of Week 1" and not d.published and d.visibility == "private"
        assert [i.question_id for i in d.items] == [bank["questions"][4]] and d.share_code != code
        dup_code = d.share_code

    auth.logout()
    make_user("stu@example.com")
    auth.login("stu@example.com")
    r = client.get(f"/sets/open?code={code[:4].lower()}-{code[4:]}")
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/sets/s/{code}")
    body = client.get(f"/sets/s/{code}").get_data(as_text=True)
    assert "Week 1" in body and "Match each acronym" in body
    assert "Shanghai Cooperation Organization</p>" not in body  # no answers on the share page
    assert client.get(f"/sets/s/{dup_code}").status_code == 404  # private draft
    assert client.get("/sets/s/NOTACODE").status_code == 404
    assert client.get(f"/sets/{sid}").status_code == 403  # students never reach the editor

    auth.logout()
    auth.login(T)
    r = client.post(f"/sets/{dup}/delete", data={"confirm": "1"})
    assert r.status_code == 303
    with app.app_context():
        assert db.session.get(StudySet, dup).deleted_at is not None  # kept a while for undo, hidden
        assert db.session.get(Question, bank["questions"][4]) is not None
    assert client.get(f"/sets/{dup}").status_code == 404


def _export(client, sid, fmt):
    r = client.get(f"/sets/{sid}/export/{fmt}")
    assert r.status_code == 200 and "attachment" in r.headers["Content-Disposition"]
    return r


def test_exports_and_round_trips_through_the_views(app, client, teacher, bank):
    sid = _new_set(client, "Exported ÿ set")
    for qid in bank["questions"]:
        client.post(f"/sets/{sid}/items", data={"question_id": qid})
    client.post(f"/sets/{sid}/questions/new?type=multiple_choice", data=MC_OK)
    with app.app_context():
        from quizapp.teaching.store import set_data

        original = set_data(db.session.get(StudySet, sid))

    csv_text = _export(client, sid, "csv").get_data(as_text=True)
    assert formats.parse_csv(csv_text).questions() == original.questions
    js = _export(client, sid, "json").get_json()
    assert js["title"] == "Exported ÿ set" and len(js["questions"]) == 7
    gift = _export(client, sid, "gift").get_data(as_text=True)
    assert gift_format.parse_gift(gift).questions() == original.questions
    aiken = _export(client, sid, "aiken").get_data(as_text=True)
    assert "ANSWER: A" in aiken and "left out" in aiken
    apkg = _export(client, sid, "apkg").data
    assert "collection.anki2" in zipfile.ZipFile(io.BytesIO(apkg)).namelist()
    assert client.get(f"/sets/{sid}/export/pdf").status_code == 404

    # JSON re-imported into a new set gives the same questions, as the teacher's own
    r = client.post("/sets/import", data={"file": (io.BytesIO(json.dumps(js).encode()), "week.json"),
                                          "format": "auto"}, content_type="multipart/form-data")
    assert r.status_code == 303
    pid = int(r.headers["Location"].rsplit("/", 1)[1])
    assert "7 valid" in client.get(f"/sets/imports/{pid}").get_data(as_text=True)
    r = client.post(f"/sets/imports/{pid}/confirm")
    new_sid = int(r.headers["Location"].split("/")[2])
    with app.app_context():
        from quizapp.teaching.store import set_data

        again = db.session.get(StudySet, new_sid)
        assert again.title == "Exported ÿ set"
        assert set_data(again).questions == original.questions
        assert {i.question.origin for i in again.items} == {"imported"}
        # provenance links back to the sentence
        assert again.items[0].question.sources[0]["sentence_id"] is not None
        assert db.session.scalar(select(PendingImport).where(PendingImport.id == pid)) is None


def test_import_with_errors_needs_confirmation(app, client, teacher):
    sid = _new_set(client)
    text = ("type,prompt,answer,choices\n"
            "multiple_choice,Capital?,Paris,\"Paris\nLyon\"\n"
            "multiple_choice,Broken,Rome,\"Paris\nLyon\"\n"
            "short_answer,Who?,Ann,\n")
    r = client.post(f"/sets/{sid}/import", data={"file": (io.BytesIO(text.encode()), "q.csv"), "format": "auto"},
                    content_type="multipart/form-data")
    pid = int(r.headers["Location"].rsplit("/", 1)[1])
    body = client.get(f"/sets/imports/{pid}").get_data(as_text=True)
    assert "2 valid" in body and "1 with errors" in body and "exactly one of the options" in body
    assert "Import only the 2 valid questions" in body
    # confirming without choosing "valid rows only" writes nothing
    r = client.post(f"/sets/imports/{pid}/confirm")
    assert r.status_code == 303 and _items(app, sid) == []
    client.post(f"/sets/imports/{pid}/confirm", data={"valid_only": "1"})
    with app.app_context():
        prompts = [i.question.prompt for i in db.session.get(StudySet, sid).items]
    assert prompts == ["Capital?", "Who?"]


def test_import_rejects_bad_files_clearly(client, teacher):
    sid = _new_set(client)

    def up(data, name, fmt="auto"):
        return client.post(f"/sets/{sid}/import", data={"file": (io.BytesIO(data), name), "format": fmt},
                           content_type="multipart/form-data")

    r = up(b"\xff\xfe\x00bad", "x.csv")
    assert r.status_code == 422 and "not UTF-8" in r.get_data(as_text=True)
    r = up(b"hello", "x.docx")
    assert r.status_code == 422 and "choose it" in r.get_data(as_text=True)
    r = client.post(f"/sets/{sid}/import", data={"format": "auto"}, content_type="multipart/form-data")
    assert r.status_code == 422 and "Choose a file" in r.get_data(as_text=True)
    # a file-level error: preview explains, nothing can be confirmed
    r = up(b"{nope", "x.json")
    pid = int(r.headers["Location"].rsplit("/", 1)[1])
    body = client.get(f"/sets/imports/{pid}").get_data(as_text=True)
    assert "Not valid JSON" in body and "Import only" not in body
    r = client.post(f"/sets/imports/{pid}/cancel")
    assert r.status_code == 303
    assert client.get(f"/sets/imports/{pid}").status_code == 404


def test_other_teacher_gets_404_everywhere(app, client, teacher, bank, make_user, auth):
    sid = _new_set(client)
    client.post(f"/sets/{sid}/items", data={"question_id": bank["questions"][0]})
    item_id = _items(app, sid)[0][0]
    r = client.post(f"/sets/{sid}/import", data={"file": (io.BytesIO(b"[]"), "x.json")},
                    content_type="multipart/form-data")
    pid = int(r.headers["Location"].rsplit("/", 1)[1])
    auth.logout()
    make_user("t2@example.com", role="teacher")
    auth.login("t2@example.com")
    for url in (f"/sets/{sid}", f"/sets/{sid}/add", f"/sets/{sid}/preview", f"/sets/{sid}/export/csv",
                f"/sets/{sid}/items/{item_id}/edit", f"/sets/imports/{pid}"):
        assert client.get(url).status_code == 404, url
    for url in (f"/sets/{sid}/publish", f"/sets/{sid}/delete", f"/sets/{sid}/items/{item_id}/remove",
                f"/sets/imports/{pid}/confirm"):
        assert client.post(url).status_code == 404, url
    with app.app_context():
        assert db.session.get(StudySet, sid) is not None
