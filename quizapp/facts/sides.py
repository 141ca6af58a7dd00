"""Whom a counted reference stands for: the two sides a meeting's title puts "between" ("Joint
Statement of the Summit between the GCC and the Countries of Central Asia"), for a joint statement's
"the two sides" and "the Ministers"; the two countries a binational body joins ("the Mexico-Belize
Binational Commission"), for its "the Parties"; the lists of countries a sentence names as acting
(``country_list``), for "the three countries"; the names a main clause coordinates ("China and
Russia"), for a later "they" or "both countries"."""

from __future__ import annotations

import re

from .actors import country_table
from .cities import find_city
from .lexicon import MECHANISM_HEADS, NATIONALITIES
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

    def country(word: str) -> str | None:
        # a country's name whole ("Costa Rica") or its people's ("Omani", "Kyrgyz", "Saudi")
        return NATIONALITIES.get(word.lower()) or table.get(word.lower())

    pairs = set()
    for m in _HYPHEN_PAIR.finditer(text or ""):
        a, b = m.group("a"), m.group("b")
        # ("China Fisheries" is China's)
        a = a if country(a) else a.split()[-1]
        b = b if country(b) else b.split()[0]
        if country(a) and country(b) and country(a) != country(b):
            pairs.add((country(a), country(b)))
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


# Whose members act for the countries after "of"/"from" ("Ministers from A and B signed ..."), unlike
# a thing of theirs ("the applications of A and B").
_AGENT_NOUNS = frozenset({"minister", "official", "leader", "delegation", "delegate", "representative", "government",
                          "head", "president", "negotiator", "envoy", "authority", "member", "governor", "chief",
                          "ambassador", "secretary", "premier", "team", "force", "army", "navy", "police", "people"})


def country_list(doc) -> list[tuple[str, ...]]:
    """The lists of two or more countries a parsed sentence names as the ones who act ("Kenya,
    Uganda and Tanzania signed ...", "Ministers from A and B met ..."), each in its order: a place
    and its conjuncts, every one a country, as the subject or whose the subject is. Countries
    named otherwise ("called on others, including Peru and Indonesia, to ...") are not parties."""
    table = country_table()

    def country(ent) -> bool:  # (the small model calls a country in a list an ORG now and then)
        return ent.label_ == "GPE" or table.get(re.sub(r"^the\s+", "", ent.text.lower())) is not None

    out = []
    for ent in doc.ents:
        root = ent.root
        if not country(ent) or root.dep_ == "conj" or not root.conjuncts:
            continue
        owner = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("of", "from") else None
        if owner is not None and owner.dep_ == "conj" and owner.head.dep_ in ("nsubj", "nsubjpass"):
            owner = owner.head  # "Ministers and senior officials from A, B and C signed ..."
        if root.dep_ not in ("nsubj", "nsubjpass") and (owner is None or owner.dep_ not in ("nsubj", "nsubjpass")
                                                         or owner.lemma_.lower() not in _AGENT_NOUNS):
            continue  # ("The applications of Sri Lanka and Bangladesh will continue": no one acts, round 53)
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("only", "except", "even", "notably"):
            continue  # "Ministers agreed ..., but only Cameroon and Gabon made pledges": some, not the parties
        names = []
        for t in [root, *root.conjuncts]:
            span = next((e for e in doc.ents if e.start <= t.i < e.end), None)
            found = countries_in(span.text, table) if span is not None and country(span) else []
            if len(found) != 1:
                # "ministers from Denmark, Finland, ... and the European Commission": parties that
                # are not all countries still name who acted; kept whole, so that a later pair
                # ("Sweden and Germany pledged ...") is not taken for the one list of parties
                if len(names) >= 2 and span is not None and span.label_ == "ORG":
                    names.append("the " + re.sub(r"^the\s+", "", span.text))  # (marked: not a country)
                    continue
                break
            names.append(found[0])
        else:
            if len(set(names)) >= 2:
                out.append(tuple(dict.fromkeys(names)))
    if not out:
        # the parse lost the list ("Brunei Darussalam, Indonesia and Malaysia have agreed ...": a name
        # tagged a person, the next an apposition; round 180): a sentence that opens on countries and
        # a verb of acting names them as the ones who act
        m = _OPENING_LIST.search(doc.text)
        parts = re.split(r",\s+(?:and\s+)?|\s+and\s+", m.group("list")) if m else []
        named = [countries_in(p, table) for p in parts]
        if len(parts) >= 2 and all(len(n) == 1 and table.get(re.sub(r"^the\s+", "", p.lower())) for n, p in zip(named, parts, strict=True)) \
                and len({n[0] for n in named}) == len(parts):
            out.append(tuple(n[0] for n in named))
    return out


_OPENING_LIST = re.compile(r"^\s*(?:[A-Z][A-Z .'’-]+\s[-–—]\s+)?(?P<list>(?:the\s+)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*"
                           r"(?:,\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)*,?\s+and\s+(?:the\s+)?[A-Z][\w'’-]*"
                           r"(?:\s[A-Z][\w'’-]*)*)\s+(?:have|has|will|agreed|signed|pledged|adopted|decided|committed|"
                           r"launched|met|approved|reaffirmed)\b")
