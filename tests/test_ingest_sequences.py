"""Incremental merging against the full merge, over random sequences of uploads, edits and
retirements of small invented articles that share bodies, acronyms, surnames and events.

Why: ``facts.store`` re-merges only the raw facts within two key hops of a changed article and
reads them in its own way (by index, in id order); after every step the stored facts must still be
exactly what merging every live article's raw facts gives (``merged_facts``). The articles are
built to hit the cases where an article changes how others resolve: an acronym spelled out only
in some articles, a surname two people share, one event dated differently.
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from quizapp.collections.access import library
from quizapp.corpus.store import ingest_files
from quizapp.extensions import db
from quizapp.models import Article
from quizapp.pipeline import refresh_derived

from .test_ingest_incremental import _full, _stored

BODIES = [("Southern Trade Forum", "STF"), ("East Lake Commission", "ELC"), ("Atlantic Health Agency", "AHA")]
PEOPLE = [("Mwila Banda", "Trade Minister"), ("Tomas Banda", "Ambassador"), ("Grace Phiri", "President")]
PLACES = ["Lusaka", "Nairobi", "Accra", "Lima"]


def _sentence(rng: random.Random) -> str:
    body, acronym = rng.choice(BODIES)
    name, role = rng.choice(PEOPLE)
    place = rng.choice(PLACES)
    day, year = rng.randint(1, 27), rng.choice((2021, 2022, 2023))
    return rng.choice([
        f"The {body} ({acronym}) met in {place} on {day} March {year}, officials said.",
        f"The {acronym} said on Monday that it would cut tariffs on farm goods across the region.",
        f"{role} {name} said the {body} aims to cut tariffs on farm goods across the region.",
        f"{name.split()[-1]} said the plan would help farmers in {place}.",
        f"The {body} opened its annual session in {place} on {day} March {year}.",
        f"{name}, the {role.lower()}, urged the {acronym} to strengthen trade ties.",
    ])


def _article(rng: random.Random, n: int) -> str:
    body = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
    return f"Title: Regional trade news {n}\n\n{body}\n"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_random_uploads_edits_and_retirements_match_a_full_merge(app, tmp_path, seed):
    rng = random.Random(seed)
    with app.app_context():
        lib = library(db.session).id
        db.session.commit()
        live: list[str] = []
        made = 0
        ops = []
        # three uploads, then uploads, edits and retirements in an order the seed picks
        plan = ["add", "add", "add", *rng.sample(["add"] * 4 + ["change"] * 3 + ["retire"] * 2, 9)]
        for step, op in enumerate(plan):
            if op == "add":
                made += 1
                name = f"news_{made:02d}.txt"
                (tmp_path / name).write_text(_article(rng, made))
                report = ingest_files(db.session, [tmp_path / name], 10**6, after_each=refresh_derived,
                                      collection_id=lib)
                assert report.count("added") == 1, report.results
                live.append(name)
            elif op == "change":
                name = rng.choice(live)
                (tmp_path / name).write_text(_article(rng, 100 + step))
                report = ingest_files(db.session, [tmp_path / name], 10**6, after_each=refresh_derived,
                                      collection_id=lib)
                assert report.count("updated") == 1, report.results
            else:
                name = live.pop(rng.randrange(len(live)))
                article = db.session.scalar(select(Article).where(Article.key == name))
                article.retired_at = article.created_at
                refresh_derived(db.session, [article.id])
                db.session.commit()
            ops.append((op, name))
            assert _stored(lib) == _full(lib), ops
        assert len(_stored(lib)) >= 5
