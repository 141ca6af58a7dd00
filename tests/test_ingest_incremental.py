"""Incremental ingest: adding, changing or retiring one article re-merges only the facts it
reaches, and the result is exactly what merging the whole collection gives."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from sqlalchemy import select

from quizapp.collections.access import library
from quizapp.corpus.store import ingest_files
from quizapp.extensions import db
from quizapp.facts.store import merged_facts
from quizapp.models import Article, Fact, RawFact
from quizapp.pipeline import refresh_derived

from .conftest import SEEDS

OWN = Path(__file__).resolve().parent.parent / "eval" / "own" / "articles"
# Articles that share bodies and people (SADC, EAC, the AU and ECOWAS) with one another.
MIXED = ["a01_sadc_wire_report.txt", "a06_au_ecowas_sahel_backgrounder.txt", "b09_east_african_community_trade_forum.txt",
         "c01_coup_sanctions_wire.txt", "d09_eac_customs_union_tariff_dispute.txt", "d10_sadc_power_pool_bloc_meeting.txt"]


def _stored(collection_id: int) -> dict[str, tuple]:
    out = {}
    for f in db.session.scalars(select(Fact).where(Fact.collection_id == collection_id, Fact.retired_at.is_(None))):
        out[f.uid] = (f.kind, f.statement, f.answer, tuple(f.aliases), tuple(sorted(f.data.items(), key=str)),
                      f.conflict, f.conflict_note, round(f.confidence, 4), f.source_count,
                      frozenset((s.article.key, s.text) for s in f.sources))
    return out


def _full(collection_id: int) -> dict[str, tuple]:
    from quizapp.facts.store import _data

    out = {}
    for f in merged_facts(db.session, collection_id):
        out[f.id] = (f.kind, f.statement, f.answer[:500], tuple(f.aliases), tuple(sorted(_data(f).items(), key=str)),
                     bool(f.conflict), f.conflict_note, round(float(f.confidence), 4), f.source_count,
                     frozenset((s.article, s.sentence) for s in f.sources))
    return out


def test_incremental_merge_equals_a_full_merge(app, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    for name in MIXED:
        shutil.copy(OWN / name, folder / name)
    files = sorted(folder.glob("*.txt"))
    random.Random(7).shuffle(files)
    with app.app_context():
        lib = library(db.session).id
        db.session.commit()
        for path in files:  # one at a time, in an order nobody chose
            report = ingest_files(db.session, [path], 10**6, after_each=refresh_derived)
            assert report.count("failed") == 0, report.results
        assert _stored(lib) == _full(lib)
        assert len(_stored(lib)) > 100

        # Change one article: its raw facts are replaced, the merge still matches.
        changed = folder / MIXED[0]
        text = changed.read_text()
        changed.write_text(text.replace("SADC", "Southern African Development Community", 1) + "\n")
        ingest_files(db.session, [changed], 10**6, after_each=refresh_derived)
        assert _stored(lib) == _full(lib)

        # Retire another: its raw facts go, facts only it gave are retired, the rest re-merge.
        article = db.session.scalar(select(Article).where(Article.key == MIXED[-1]))
        article.retired_at = article.created_at
        refresh_derived(db.session, [article.id])
        db.session.commit()
        assert db.session.scalar(select(RawFact.id).where(RawFact.article_id == article.id)) is None
        assert _stored(lib) == _full(lib)


def test_bulk_ingest_extracts_in_a_helper_process_with_the_same_facts(app, tmp_path, monkeypatch):
    """Twenty-odd files are two chunks: spaCy runs on the second in a helper process while the
    first is stored. What it found is what extracting in this process finds, and the stored facts
    are still exactly the full merge."""
    import quizapp.corpus.store as corpus_store
    from quizapp.corpus.parse import parse_article, read_article_file
    from quizapp.facts.store import extract_parsed
    from quizapp.facts.types import fact_from_json

    monkeypatch.setenv("QUIZAPP_INGEST_PROCESSES", "1")
    pools = []
    real_pool = corpus_store._extraction_pool

    def spy(chunks):
        pool = real_pool(chunks)
        pools.append(pool)
        return pool

    monkeypatch.setattr(corpus_store, "_extraction_pool", spy)
    files = sorted(SEEDS.glob("*.txt")) + sorted(OWN.glob("*.txt"))[:corpus_store.BATCH + 2]
    with app.app_context():
        lib = library(db.session).id
        db.session.commit()
        report = ingest_files(db.session, files, 10**6, after_each=refresh_derived)
        assert pools and pools[0] is not None  # the helper was used
        assert report.count("added") == len(files), report.summary()
        assert _stored(lib) == _full(lib)
        # Articles from both chunks: the helper's raw facts equal an extraction here.
        for path in (files[0], files[corpus_store.BATCH + 1]):
            article = db.session.scalar(select(Article).where(Article.key == path.name))
            stored = sorted((fact_from_json(d).id, fact_from_json(d).statement) for d in db.session.scalars(
                select(RawFact.data).where(RawFact.article_id == article.id)))
            parsed = parse_article(path.name, read_article_file(path, 10**6))
            here = sorted((f.id, f.statement) for f in extract_parsed([parsed])[path.name])
            assert stored == here and stored


def test_an_acronym_spelled_out_later_retires_its_standalone_fact(app, tmp_path):
    """A bare acronym is a fact of its own until another article spells it out; then it merges
    into the spelled-out body and the bare one leaves (it was left live before)."""
    first = tmp_path / "first.txt"
    first.write_text("Title: Health ministers meet\n\nThe WHO said on Monday that the vaccine campaign "
                     "would reach every district. Health ministers from the region met in Geneva.\n")
    second = tmp_path / "second.txt"
    second.write_text("Title: A new health plan\n\nThe World Health Organization (WHO) agreed a new plan "
                      "for the region. Officials said the WHO would fund the plan.\n")
    with app.app_context():
        lib = library(db.session).id
        db.session.commit()
        for path in (first, second):
            assert ingest_files(db.session, [path], 10**6, after_each=refresh_derived).count("added") == 1
        stored = _stored(lib)
        assert stored == _full(lib)
        assert any(v[2] == "World Health Organization" for v in stored.values())


def test_a_conflict_note_that_only_grows_keeps_the_facts_questions(app, tmp_path):
    """A fourth article dating a recurring event differently rewrites the older facts' conflict
    note, but the generator never reads the note: their questions are not regenerated."""
    from quizapp.facts.store import sync_facts

    folder = tmp_path / "forum"
    folder.mkdir()
    body = ("Published: {pub}\n\nTrade ministers meet in Lusaka\n\n"
            "The Southern Trade Forum opened in Lusaka on {day} March {year}, the secretariat said. "
            "Minister Mwila Banda said the forum aims to cut tariffs on farm goods across the region.\n")
    paths = []
    for i, year in enumerate((2019, 2020, 2021, 2022)):
        p = folder / f"forum_{year}.txt"
        p.write_text(body.format(pub=f"April 2, {year}", day=3 + i, year=year))
        paths.append(p)
    with app.app_context():
        lib = library(db.session).id
        db.session.commit()
        ingest_files(db.session, paths[:3], 10**6, after_each=refresh_derived)
        dated = {f.uid: f.conflict_note for f in db.session.scalars(
            select(Fact).where(Fact.collection_id == lib, Fact.kind == "date", Fact.conflict.is_(True)))}
        assert len(dated) == 3, dated  # one per year, each flagged against the others

        # The fourth article, stored and merged by hand to see what the sync reports as changed.
        from quizapp.corpus.parse import parse_article
        from quizapp.corpus.store import store_article

        result = store_article(db.session, parse_article(paths[3].name, paths[3].read_text()), lib)
        db.session.flush()
        article = db.session.scalar(select(Article).where(Article.key == paths[3].name))
        changes = sync_facts(db.session, [article.id])
        rows = {f.uid: f for f in db.session.scalars(select(Fact).where(Fact.uid.in_(dated)))}
        assert all("2022" in (rows[uid].conflict_note or "") for uid in dated), result
        assert not {rows[uid].id for uid in dated} & changes[0].changed
        assert _stored(lib) == _full(lib)
