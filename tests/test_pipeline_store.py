"""Ingest → facts → questions in the database: stored, stable across re-ingest, retired not deleted."""

from __future__ import annotations

import json
import shutil

from markupsafe import escape
from sqlalchemy import func, select

from quizapp.cli import main as cli_main
from quizapp.corpus.store import ingest_files, iter_article_files
from quizapp.extensions import db
from quizapp.models import Article, Fact, FactSource, Question
from quizapp.pipeline import refresh_derived
from quizapp.questions.store import question_from_row, sync_questions

from .conftest import SEEDS


def _live(model):
    return select(model).where(model.retired_at.is_(None))


def _snapshot():
    facts = {f.uid: f.id for f in db.session.scalars(_live(Fact))}
    questions = {q.uid: q.id for q in db.session.scalars(_live(Question))}
    return facts, questions


def test_seeds_give_facts_of_every_kind_and_questions_of_every_type(seeded_app):
    with seeded_app.app_context():
        kinds = dict(db.session.execute(
            select(Fact.kind, func.count()).where(Fact.retired_at.is_(None)).group_by(Fact.kind)
        ).all())
        types = dict(db.session.execute(
            select(Question.type, func.count()).where(Question.retired_at.is_(None)).group_by(Question.type)
        ).all())
        assert set(kinds) == {"date", "leader", "mechanism", "goal"}
        assert set(types) == {"multiple_choice", "true_false", "cloze", "short_answer", "matching", "ordering"}
        # every stored source is verbatim in its article, and sentence links point at that sentence
        for src in db.session.scalars(select(FactSource)):
            assert src.text and src.text in src.article.raw_text
            if src.sentence is not None:
                assert src.sentence.text == src.text
            if src.span_start is not None:
                assert src.article.raw_text[src.span_start:src.span_end]
        for q in db.session.scalars(_live(Question)):
            assert q.facts, q.prompt
            for s in q.sources:
                art = db.session.get(Article, s["article_id"])
                assert s["sentence"] in art.raw_text


def test_reingest_unchanged_keeps_every_id(seeded_app):
    with seeded_app.app_context():
        before = _snapshot()
        report = ingest_files(db.session, iter_article_files([SEEDS]), 10**6, after_each=refresh_derived)
        assert report.count("unchanged") == 5
        refresh_derived(db.session, [a.id for a in db.session.scalars(select(Article))])
        db.session.commit()
        assert _snapshot() == before


def test_edited_article_keeps_ids_of_facts_it_did_not_touch(seeded_app, tmp_path):
    with seeded_app.app_context():
        facts_before, questions_before = _snapshot()
        folder = tmp_path / "corpus"
        shutil.copytree(SEEDS, folder)
        victim = sorted(folder.glob("*.txt"))[-1]
        victim.write_text(victim.read_text() + "\nThe talks ended on a hopeful note.\n")
        report = ingest_files(db.session, iter_article_files([folder]), 10**6, after_each=refresh_derived)
        assert report.count("updated") == 1 and report.count("unchanged") == 4
        facts_after, questions_after = _snapshot()
        # Facts and questions are keyed by content: almost all survive with the same row id.
        kept = {u for u in facts_before if facts_after.get(u) == facts_before[u]}
        assert len(kept) >= 0.9 * len(facts_before)
        kept_q = {u for u in questions_before if questions_after.get(u) == questions_before[u]}
        assert len(kept_q) >= 0.8 * len(questions_before)


def test_retiring_an_article_retires_its_facts_but_keeps_teacher_copies(seeded_app):
    with seeded_app.app_context():
        article = db.session.scalars(select(Article).order_by(Article.id)).first()
        only_here = [
            f for f in db.session.scalars(_live(Fact))
            if {s.article_id for s in f.sources} == {article.id}
        ]
        assert only_here
        generated = db.session.scalars(
            _live(Question).where(Question.id.in_(
                select(Question.id).join(Question.facts).where(Fact.id.in_([f.id for f in only_here]))
            )).order_by(Question.id)
        ).first()
        assert generated is not None
        copy = Question(type=generated.type, prompt=generated.prompt + " (edited)", answer=generated.answer,
                        accepted=generated.accepted, choices=generated.choices, sources=generated.sources,
                        origin="edited", parent_id=generated.id, fact_kind=generated.fact_kind)
        db.session.add(copy)
        db.session.flush()
        article.retired_at = article.created_at
        refresh_derived(db.session, [article.id])
        db.session.commit()
        for f in only_here:
            assert db.session.get(Fact, f.id).retired_at is not None
        assert db.session.get(Question, generated.id).retired_at is not None
        survivor = db.session.get(Question, copy.id)
        assert survivor.retired_at is None and survivor.prompt.endswith("(edited)")
        # A whole-bank regeneration (which may differ from the incremental one) leaves the
        # teacher's copy alone, and a second one changes nothing.
        sync_questions(db.session)
        counts = sync_questions(db.session)
        assert counts["added"] == 0 and counts["updated"] == 0
        assert db.session.get(Question, copy.id).prompt.endswith("(edited)")


def test_question_from_row_round_trips_the_stored_fields(seeded_app):
    with seeded_app.app_context():
        row = db.session.scalars(_live(Question).where(Question.type == "multiple_choice")).first()
        q = question_from_row(row)
        assert q.type == "multiple_choice" and q.answer in q.choices and len(q.choices) == 4
        assert q.fact_ids == [f.uid for f in row.facts]


def test_cli_facts_json_needs_no_database(tmp_path, monkeypatch):
    from click.testing import CliRunner

    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")  # unusable on purpose
    result = CliRunner().invoke(cli_main, ["facts", "--corpus", str(SEEDS), "--json"])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    kinds = {f["kind"] for f in facts}
    assert kinds == {"date", "leader", "mechanism", "goal"}
    raw = {p.name: p.read_text() for p in SEEDS.glob("*.txt")}
    for f in facts:
        assert {"id", "kind", "statement", "answer", "aliases", "confidence", "sources"} <= set(f)
        assert 0 <= f["confidence"] <= 1
        for s in f["sources"]:
            assert s["sentence"] in raw[s["article"]]
        expected = {"date": {"date", "event"}, "leader": {"name", "role", "country"},
                    "mechanism": {"name"}, "goal": {"actor", "goal", "items"}}[f["kind"]]
        assert expected <= set(f)


def test_cli_questions_filters_by_type_and_kind():
    from click.testing import CliRunner

    everything = json.loads(CliRunner().invoke(cli_main, ["questions", "--corpus", str(SEEDS), "--json"]).stdout)
    mc = everything[0]  # whatever type the seeds' best item has
    qtype = mc["type"]
    result = CliRunner().invoke(
        cli_main, ["questions", "--corpus", str(SEEDS), "--json", "--type", qtype, "--kind", mc["fact_kind"]]
    )
    assert result.exit_code == 0, result.output
    questions = json.loads(result.stdout)
    assert questions
    assert all(q["type"] == qtype and q["fact_kind"] == mc["fact_kind"] for q in questions)
    # the filter keeps exactly the matching questions of the full list, in its order
    assert [q["id"] for q in questions] == [q["id"] for q in everything
                                           if q["type"] == qtype and q["fact_kind"] == mc["fact_kind"]]
    for q in questions:
        if q["choices"]:
            assert q["answer"] in q["choices"] and len(set(q["choices"])) == len(q["choices"])


def test_cli_rejects_an_empty_folder(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli_main, ["facts", "--corpus", str(tmp_path), "--json"])
    assert result.exit_code != 0
    assert "No article files (.txt .md .html .htm .pdf .docx)" in result.output


def test_facts_browser_filters_and_article_highlights(seeded_app, client):
    r = client.get("/facts/?kind=leader")
    assert r.status_code == 200
    assert b"kind-leader" in r.data and b"kind-mechanism\">mechanism</span></td>" not in r.data
    r = client.get("/facts/?q=zzzz-no-such-thing")
    assert b"No fact matches" in r.data
    r = client.get("/facts/?kind=<script>&min_conf=abc&article=x")  # junk filters are ignored
    assert r.status_code == 200
    r = client.get("/facts/", headers={"HX-Request": "true"})
    assert b"<html" not in r.data and b"<table" in r.data
    with seeded_app.app_context():
        fact = db.session.scalars(_live(Fact).where(Fact.kind == "mechanism")).first()
        src = fact.sources[0]
    r = client.get(f"/facts/{fact.id}")
    assert r.status_code == 200 and str(escape(src.text)).encode() in r.data
    assert client.get("/facts/999999").status_code == 404
    page = client.get(f"/articles/{src.article_id}").get_data(as_text=True)
    assert f'href="/facts/{fact.id}"' in page and 'class="fact kind-mechanism"' in page


def test_question_bank_filters_and_previews(seeded_app, client):
    r = client.get("/questions/?type=ordering")
    assert r.status_code == 200 and b"ordering" in r.data
    r = client.get("/questions/?type=matching&kind=leader", headers={"HX-Request": "true"})
    assert r.status_code == 200 and b"<html" not in r.data
    with seeded_app.app_context():
        q = db.session.scalars(_live(Question).where(Question.type == "cloze")).first()
        custom = Question(type="short_answer", prompt="Teacher only?", answer="x", origin="custom")
        db.session.add(custom)
        db.session.commit()
        custom_id = q.id, custom.id
    r = client.get(f"/questions/{custom_id[0]}")
    assert r.status_code == 200 and b"Show answer" in r.data
    assert client.get(f"/questions/{custom_id[1]}").status_code == 404  # not part of the public bank
