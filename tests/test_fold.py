"""Folding an upload into a group's summary gives the fact an exact merge of the whole group gives.

Why: ``facts.store`` folds an upload's leaders and bodies into the summaries stored with their facts
(``facts.fold``) instead of merging every raw fact of the group again. That is only right if, for
any group and any upload from other articles, the fold and the exact merge agree on every field a
fact row keeps; hypothesis looks for a group where they do not. The store-level tests
(``test_ingest_sequences``) check the same end to end against a full merge.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from quizapp.collections.access import library
from quizapp.corpus.store import ingest_files
from quizapp.extensions import db
from quizapp.facts import fold, folding
from quizapp.facts.ids import fact_id
from quizapp.facts.merge import _merge_group, statement
from quizapp.facts.types import Fact, Source
from quizapp.models import Fact as FactRow
from quizapp.pipeline import refresh_derived

from .test_ingest_incremental import _full, _stored

ROLES = ["President", "Foreign Minister", "State Councilor and Foreign Minister", "Minister", "Ambassador at Large"]
COUNTRIES = ["Kenya", "Peru", "Chile"]
BODY_NAMES = ["East Lake Commission", "EAST LAKE COMMISSION", "ELC", "East Lake Commission Secretariat"]
SUBTYPES = ["organisation", "format", "acronym", "treaty", None]
QUESTIONS = ["Who met?", "Who signed it?", "Who met in Lima?", None, None]


@st.composite
def _raw(draw, kind: str, articles: list[str]) -> Fact:
    article = draw(st.sampled_from(articles))
    idx = draw(st.integers(0, 3))
    source = Source(article, f"Sentence {idx} of {article}.", idx, draw(st.sampled_from([None, (0, 5), (3, 9)])))
    confidence = draw(st.sampled_from([0.5, 0.6, 0.7, 0.85, 0.9]))
    question = draw(st.sampled_from(QUESTIONS))
    if kind == "leader":
        name = draw(st.sampled_from(["Mwila Banda", "Banda", "Mwila K. Banda"]))
        return Fact(id="x", kind=kind, statement="", answer=name, confidence=confidence, name=name,
                    role=draw(st.sampled_from([*ROLES, None])), country=draw(st.sampled_from([*COUNTRIES, None])),
                    aliases=draw(st.lists(st.sampled_from(["Banda", "Mr Banda", "M. Banda"]), max_size=2)),
                    question=question, sources=[source])
    name = draw(st.sampled_from(BODY_NAMES))
    return Fact(id="x", kind=kind, statement="", answer=name, confidence=confidence, name=name,
                subtype=draw(st.sampled_from(SUBTYPES)),
                aliases=draw(st.lists(st.sampled_from(["ELC", "the Commission", "E.L.C."]), max_size=2)),
                question=question, sources=[source])


def _row(f: Fact | None) -> tuple | None:
    """What a fact row keeps of a merged fact."""
    if f is None:
        return None
    return (f.answer, tuple(f.aliases), f.name, f.role, f.country, f.subtype, f.question, f.confidence,
            f.conflict, f.conflict_note, statement(f))


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(fold.KINDS), data=st.data())
def test_folding_an_upload_equals_merging_the_whole_group(kind, data):
    # Upload article names sort before, between and after the old ones
    old = data.draw(st.lists(_raw(kind, ["b.txt", "d.txt", "f.txt"]), min_size=1, max_size=6))
    new = data.draw(st.lists(_raw(kind, ["a.txt", "c.txt", "g.txt"]), min_size=1, max_size=4))
    ident = (kind, "Mwila Banda") if kind == "leader" else (kind, "east lake commission")
    exact, summary = _merge_group(ident, old + new, {})
    assert summary == fold.summarise(kind, old + new)
    stored = fold.summarise(kind, old)
    combined = fold.combine(kind, stored, fold.summarise(kind, new))
    articles = len({s.article for f in old + new for s in f.sources})
    folded = fold.finish(Fact(id=fact_id(*ident), kind=kind, statement="", answer=""), ident, combined, articles)
    assert _row(folded) == _row(exact)


def _ingest(tmp_path, lib, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    report = ingest_files(db.session, [tmp_path / name], 10**6, after_each=refresh_derived, collection_id=lib)
    assert report.count("added") == 1, report.results


def test_an_upload_folds_into_a_widely_named_body_and_a_new_surname_owner_merges_exactly(app, tmp_path, monkeypatch):
    calls: list[folding.Upload] = []
    real = folding.fold_upload

    def spy(*args):
        out = real(*args)
        calls.append(out)
        return out

    monkeypatch.setattr(folding, "fold_upload", spy)
    with app.app_context():
        lib = library(db.session).id
        db.session.commit()
        for n in range(3):
            _ingest(tmp_path, lib, f"n{n}.txt", f"Title: Lake news {n}\n\nThe East Lake Commission (ELC) met in "
                    f"Kisumu on {n + 3} March 2024. Trade Minister Mwila Banda said the ELC aims to cut tariffs.\n")
        assert _stored(lib) == _full(lib)
        # The third upload folded its body and its minister into their stored summaries.
        upload = calls[-1]
        names = {x.fact.name for x in upload.folded}
        assert {"East Lake Commission", "Mwila Banda"} <= names and not upload.exact and not upload.scoped
        body = db.session.scalar(select(FactRow).where(FactRow.uid == fact_id("mechanism", "east lake commission")))
        assert body.source_count == 3 and fold.usable(body.fold) and body.fold["n"] >= 3
        # "Minister Banda" alone, in an article naming no other Banda, is Mwila Banda: folded.
        _ingest(tmp_path, lib, "n5.txt", "Title: Lake news 5\n\nMinister Banda said the ELC would meet in May.\n")
        assert "Mwila Banda" in {x.fact.name for x in calls[-1].folded} and not calls[-1].scoped
        assert _stored(lib) == _full(lib)
        # A second Banda: "Banda" alone no longer means Mwila Banda, so the people named Banda
        # merge exactly; the body still folds.
        _ingest(tmp_path, lib, "n9.txt", "Title: Lake news 9\n\nAmbassador Tomas Banda said the ELC would "
                "meet again.\n")
        upload = calls[-1]
        assert upload.scoped == {"banda"} and not upload.exact
        assert "East Lake Commission" in {x.fact.name for x in upload.folded}
        assert _stored(lib) == _full(lib)


def test_facts_stored_before_summaries_were_kept_merge_exactly_and_gain_one(app, tmp_path):
    with app.app_context():
        lib = library(db.session).id
        db.session.commit()
        _ingest(tmp_path, lib, "a.txt", "Title: Lake news\n\nThe East Lake Commission (ELC) met in Kisumu on "
                "3 March 2024. Trade Minister Mwila Banda said the ELC aims to cut tariffs.\n")
        db.session.execute(FactRow.__table__.update().values(fold=None))  # as migration 0014 leaves them
        db.session.commit()
        _ingest(tmp_path, lib, "b.txt", "Title: Lake news 2\n\nThe East Lake Commission met in Arusha on "
                "9 May 2024, Trade Minister Mwila Banda said.\n")
        assert _stored(lib) == _full(lib)
        kept = db.session.scalar(select(func.count()).select_from(FactRow).where(
            FactRow.kind.in_(fold.KINDS), FactRow.retired_at.is_(None), FactRow.fold.is_not(None)))
        live = db.session.scalar(select(func.count()).select_from(FactRow).where(
            FactRow.kind.in_(fold.KINDS), FactRow.retired_at.is_(None)))
        assert live >= 2 and kept == live
