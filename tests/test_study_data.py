"""A small, hand-made question bank for the study tests (fast: no spaCy, no ingest).

``build_bank(session)`` makes two articles, eight facts of all four kinds and one question of each
of the six types per article, linked the way the real pipeline links them. The real seeded bank
(``seeded_app``) is used by the integration and browser tests.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Article, Fact, FactSource, Question, Sentence

ARTICLES = [
    (
        "Summit in Dushanbe",
        [
            "The summit opened in Dushanbe on 16 August 2021.",
            "Wang Yi is the foreign minister of China.",
            "The Moscow Format brings regional states together.",
            "The parties aim to stabilise Afghanistan.",
        ],
    ),
    (
        "Talks in Moscow",
        [
            "The talks began on 20 October 2021.",
            "Sergey Lavrov is the foreign minister of Russia.",
            "The CSTO is a security alliance.",
            "Russia seeks to secure its southern borders.",
        ],
    ),
]
KINDS = ("date", "leader", "mechanism", "goal")
ANSWERS = [
    ("16 August 2021", "Wang Yi", "Moscow Format", "stabilise Afghanistan"),
    ("20 October 2021", "Sergey Lavrov", "CSTO", "secure its southern borders"),
]


def build_bank(session) -> dict:
    """Create the bank; returns ids: {"articles": [...], "facts": [...], "questions": {type: [...]}}."""
    from quizapp.collections.access import library

    out = {"articles": [], "facts": [], "questions": {}}
    lib = library(session).id
    for a_i, (title, sentences) in enumerate(ARTICLES):
        raw = title + "\n\n" + " ".join(sentences)
        art = Article(collection_id=lib, key=f"study-{a_i}.txt", title=title, published=date(2021, 8 + a_i, 16),
                      content_hash=f"h{a_i}", raw_text=raw, word_count=len(raw.split()))
        session.add(art)
        session.flush()
        out["articles"].append(art.id)
        pos = len(title) + 2
        sent_rows = []
        for s_i, text in enumerate(sentences, start=1):
            row = Sentence(article_id=art.id, idx=s_i, paragraph=1, start=pos, end=pos + len(text), text=text)
            pos += len(text) + 1
            session.add(row)
            sent_rows.append(row)
        session.flush()
        facts = []
        for k_i, kind in enumerate(KINDS):
            s = sent_rows[k_i]
            f = Fact(collection_id=lib, uid=f"f{a_i}{k_i}", kind=kind, statement=s.text, answer=ANSWERS[a_i][k_i], aliases=[], data={})
            f.sources = [FactSource(sentence_id=s.id, article_id=art.id, text=s.text)]
            session.add(f)
            facts.append((f, s))
        session.flush()
        out["facts"].extend(f.id for f, _ in facts)

        def src(s):
            return [{"article": art.key, "sentence": s.text, "sentence_id": s.id, "article_id": art.id,
                     "sentence_idx": s.idx}]

        (fd, sd), (fl, sl), (fm, sm), (fg, sg) = facts
        qs = [
            Question(collection_id=lib, uid=f"q{a_i}-sa", type="short_answer", fact_kind="leader",
                     prompt=f"Who is the foreign minister named in '{title}'?", answer=fl.answer,
                     accepted=[fl.answer.split()[-1]], explanation=sl.text, sources=src(sl)),
            Question(collection_id=lib, uid=f"q{a_i}-cl", type="cloze", fact_kind="date",
                     prompt=sd.text.replace(fd.answer, "_____"), answer=fd.answer, accepted=[],
                     explanation=sd.text, sources=src(sd)),
            Question(collection_id=lib, uid=f"q{a_i}-mc", type="multiple_choice", fact_kind="mechanism",
                     prompt="Which mechanism is named?", answer=fm.answer,
                     choices=[fm.answer, "SCO", "BRICS", "ASEAN"], explanation=sm.text, sources=src(sm)),
            Question(collection_id=lib, uid=f"q{a_i}-tf", type="true_false", fact_kind="goal",
                     prompt=f"True or false: the aim is to {fg.answer}.", answer="True",
                     choices=["True", "False"], explanation=sg.text, sources=src(sg)),
            Question(collection_id=lib, uid=f"q{a_i}-ma", type="matching", fact_kind="leader",
                     prompt="Match each item.", answer="",
                     pairs=[[fl.answer, "foreign minister"], [fm.answer, "mechanism"], [fd.answer, "date"]],
                     explanation="From the article.", sources=src(sl)),
            Question(collection_id=lib, uid=f"q{a_i}-or", type="ordering", fact_kind="date",
                     prompt="Put in order.", answer="", items=["first", "second", "third"],
                     explanation="Chronology.", sources=src(sd)),
        ]
        links = [[fl], [fd], [fm], [fg], [fl, fm, fd], [fd]]
        for q, fs in zip(qs, links):
            q.facts = fs
            session.add(q)
        session.flush()
        for q in qs:
            out["questions"].setdefault(q.type, []).append(q.id)
    session.commit()
    return out


def test_build_bank_makes_all_six_types(app):
    with app.app_context():
        ids = build_bank(db.session)
        assert sorted(ids["questions"]) == sorted(
            ["short_answer", "cloze", "multiple_choice", "true_false", "matching", "ordering"]
        )
        assert db.session.scalar(select(func.count()).select_from(Question)) == 12
        assert len(ids["facts"]) == 8
