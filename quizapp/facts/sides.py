"""Whom a counted reference stands for: the two sides a meeting's title puts "between" ("Joint
Statement of the Summit between the GCC and the Countries of Central Asia"), for a joint statement's
"the two sides" and "the Ministers"; the names a main clause coordinates ("China and Russia"), for a
later "they" or "both countries"."""

from __future__ import annotations

import re

from .actors import country_table
from .cities import find_city
from .lexicon import MECHANISM_HEADS
from .places import countries_in, with_the


def sides_of(title: str) -> str | None:
    """"the GCC and the countries of Central Asia" from a title that puts its meeting or dialogue
    "between" two named parties; None otherwise. A party's letters, where its title gives them, name it."""
    m = _BETWEEN.search(title or "")
    if m is None:
        return None
    named = []
    for the, side in ((m.group("the_a"), m.group("a")), (m.group("the_b"), m.group("b"))):
        side = side.split("\n")[0].strip()  # (a dateline on the next line is no part of it)
        last = side.split()[-1] if side.split() else ""
        head = side[: side.rfind(last)].strip()
        if len(side.split()) > 1 and last.lower() not in MECHANISM_HEADS and find_city(last) \
                and countries_in(head, country_table()) and countries_in(side, country_table()) != [last]:
            # "... the People's Republic of Bangladesh Thimphu, 18-19 November": a wrapped dateline's
            # city run into the name (round 124)
            side = head
        letters = re.search(r"\(([A-Z]{2,8})\)", side)
        if letters:
            side = f"the {letters.group(1)}"
        elif the:
            side = "the " + re.sub(r"^(Countries|States|Members|Nations|Republics)\b", lambda x: x.group(1).lower(), side)
        else:
            side = with_the(side.strip())  # ("China", "the Philippines")
        named.append(side)
    return f"{named[0]} and {named[1]}"


def hyphen_pair(text: str) -> str | None:
    """"Mexico and Belize" from a text naming a body or meeting of two countries joined by a hyphen
    ("Eighth Meeting of the Mexico-Belize Binational Commission"), for its "the Parties" and "the
    delegations" (round 172: a binational commission's declaration gave no item of its eight points);
    None when there is no such pair, or two different ones."""
    table = country_table()
    pairs = set()
    for m in _HYPHEN_PAIR.finditer(text or ""):
        a, b = m.group("a"), m.group("b")
        # (each side a country's name whole: "Costa Rica"; "China Fisheries" is China's)
        a = a if a.lower() in table else a.split()[-1]
        b = b if b.lower() in table else b.split()[0]
        if a.lower() in table and b.lower() in table and table[a.lower()] != table[b.lower()]:
            pairs.add((a, b))
    if len(pairs) != 1:
        return None
    a, b = next(iter(pairs))
    return f"{with_the(a)} and {with_the(b)}"


_PAIR_BODY_WORDS = (r"(?:Binational|Bi-national|Bilateral|Joint|Intergovernmental|Mixed|High-Level|Permanent|Border|"
                    r"Neighbourhood|Neighborhood|Commission|Committee|Council|Summit|Dialogue|Meeting|Forum|Cabinet|"
                    r"Consultations)")
_HYPHEN_PAIR = re.compile(rf"\b(?P<a>[A-Z][a-z]+(?:\s(?!{_PAIR_BODY_WORDS})[A-Z][a-z]+)?)[-–]"
                          rf"(?P<b>[A-Z][a-z]+(?:\s(?!{_PAIR_BODY_WORDS})[A-Z][a-z]+)?)\s+"
                          # ("Binational Neighbourhood and Integration Commission")
                          r"(?:(?:[A-Z][\w-]*|and)\s+){0,4}?"
                          r"(?:Commission|Committee|Council|Summit|Dialogue|Meeting|Forum|Cabinet|Consultations)\b")


_BETWEEN = re.compile(r"\bbetween\s+(?P<the_a>the\s+)?(?P<a>[A-Z][^,;]*?)\s+and\s+(?P<the_b>the\s+)?(?P<b>[A-Z][^,;]*?)"
                      r"\s*(?:$|[,;:]|\s+(?:on|in|at|for)\s)")


_EXCEPTING = frozenset({"only", "except", "even", "besides", "apart"})


def plural_named_subject(doc) -> tuple[str, bool] | None:
    """The main clause's subject when it coordinates names ("China and Russia", "Beijing and Moscow"),
    and whether they are people."""
    from .goals import actor_text

    if not re.search(r"\band\b|&", doc.text):
        return None
    # only the main clauses' subjects matter: read them off the roots, not by walking every token
    subjects = [c for sent in doc.sents for c in sent.root.children if c.dep_ == "nsubj"]
    for tok in subjects:
        if tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT" and tok.pos_ == "PROPN" and any(
                c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children) or (
                tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "&"):
            if tok.i > 0 and doc[tok.i - 1].lower_ in _EXCEPTING:
                return None  # "Only Cyprus and Ireland ... remain outside": the exceptions, not the
                # pair a later "both countries" means (session 27)
            persons = tok.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" for c in tok.children if c.dep_ == "conj")
            return actor_text(doc, tok), persons
    return None
