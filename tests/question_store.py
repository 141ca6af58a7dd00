"""A hand-built fact store's makers for the generator tests (``test_questions_generate``,
``test_questions_rules``): one article of 17 August 2021 on Afghanistan, its people, bodies, dates
and aims, each citing its sentence."""

from __future__ import annotations

from quizapp.facts.types import Fact, Source

ART = "2021-08-17-xinhua.txt"



def _src(sentence: str, article: str = ART, idx: int = 0) -> list[Source]:
    return [Source(article=article, sentence=sentence, sentence_idx=idx)]


# The day the test article was written: who holds an office is asked as of it ("Who was ... in
# August 2021?"); an undated article asks no one.
PUBLISHED = Fact(id="pub", kind="date", statement="", answer="2021-08-17", date="2021-08-17", subtype="publication",
                 sources=[Source(ART, "17 August 2021", None)])


def leader(fid, name, role, country, subtype, sentence, aliases=(), conf=0.9, question=None) -> Fact:
    return Fact(
        id=fid, kind="leader", statement=f"{name} is {country}'s {role}", answer=name,
        aliases=list(aliases), confidence=conf, sources=_src(sentence), name=name, role=role,
        country=country, subtype=subtype, question=question,
    )


def mechanism(fid, name, aliases, subtype, sentence) -> Fact:
    acr = "".join(f" ({a})" for a in aliases if a.isupper())
    return Fact(
        id=fid, kind="mechanism",
        statement=f"The {name}{acr} is a named {subtype} mentioned in the news.", answer=name,
        aliases=list(aliases), sources=_src(sentence), name=name, subtype=subtype,
    )


def dated(fid, iso, event, sentence, article=ART, question=None) -> Fact:
    """A date fact; ``question`` is what the extractor writes when the parse found the event whole
    (a named subject in a main clause): only such events are listed in matching and ordering."""
    return Fact(
        id=fid, kind="date", statement=f"{event} on {iso}", answer=iso, sources=_src(sentence, article),
        date=iso, event=event, question=question,
    )


def goal(fid, actor, text, items, sentence) -> Fact:
    return Fact(
        id=fid, kind="goal", statement=f"{actor} called for {text}", answer=text,
        sources=_src(sentence), actor=actor, goal=text, items=list(items),
    )
