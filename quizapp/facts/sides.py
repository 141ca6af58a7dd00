"""Whom a counted reference stands for: the two sides a meeting's title puts "between" ("Joint
Statement of the Summit between the GCC and the Countries of Central Asia"), for a joint statement's
"the two sides" and "the Ministers"; the two countries a binational body joins ("the Mexico-Belize
Binational Commission"), for its "the Parties"; the lists of countries a sentence names as acting
(``country_list``), for "the three countries"; the names a main clause coordinates ("China and
Russia"), for a later "they" or "both countries"."""

from __future__ import annotations

import re

from .actors import country_table, is_pronoun_actor, resolve_actor
from .cities import find_city
from .lexicon import MECHANISM_HEADS, NATIONALITIES
from .places import countries_in, with_the


def sides_of(title: str) -> str | None:
    """"the GCC and the countries of Central Asia" from a title that puts its meeting or dialogue
    "between" two named parties; None otherwise. A party's letters, where its title gives them, name it."""
    if re.sub(r"\d+(?:st|nd|rd|th)\b", "", title or "").isupper():  # ("26th ANNUAL LEADERS' CONSULTATION BETWEEN ...")
        return _shouted_sides(title)
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
        formal = countries_in(side, country_table())
        if len(formal) == 1 and _FORMAL_STATE.search(side):
            side = with_the(formal[0])  # "the Federal Democratic Republic of Ethiopia" -> "Ethiopia"
        elif letters:
            side = f"the {letters.group(1)}"
        elif the:
            side = "the " + re.sub(r"^(Countries|States|Members|Nations|Republics)\b", lambda x: x.group(1).lower(), side)
        else:
            side = with_the(side.strip())  # ("China", "the Philippines")
        named.append(side)
    return f"{named[0]} and {named[1]}"


_FORMAL_STATE = re.compile(r"\b(?:Republic|Kingdom|State|States|Federation|Sultanate|Emirates?|Principality|"
                           r"Commonwealth|Grand\s+Duchy)\s+of\b")


def _shouted_sides(title: str) -> str | None:
    """The two countries a title in capitals puts "BETWEEN" ("... COMMISSION OF COOPERATION BETWEEN
    THE UNITED REPUBLIC OF TANZANIA AND THE REPUBLIC OF MOZAMBIQUE"), named as countries are; None
    when either side is not one country (round 138)."""
    m = re.search(r"\bBETWEEN\s+(.+?)\s+AND\s+(.+?)\s*(?:$|[,;:(]|\s(?:ON|IN|AT|FOR)\s)", title)
    if m is None:
        return None
    sides = [countries_in(side, country_table()) for side in m.groups()]
    if any(len(found) != 1 for found in sides) or sides[0] == sides[1]:
        return None
    return f"{with_the(sides[0][0])} and {with_the(sides[1][0])}"


def hyphen_pair(text: str) -> str | None:
    """"Mexico and Belize" from a text naming a body or meeting of two (or three) countries joined by
    hyphens ("Eighth Meeting of the Mexico-Belize Binational Commission", "the India-Iran-Uzbekistan
    Trilateral Working Group"), for its "the Parties" and "the delegations" (round 172: a binational
    commission's declaration gave no item of its eight points); None when there is no such chain, or
    two different ones."""
    table = country_table()

    def country(word: str) -> str | None:
        # a country's name whole ("Costa Rica") or its people's ("Omani", "Kyrgyz", "Saudi")
        word = re.sub(r"^the\s+", "", word.lower())  # ("Senegal-The Gambia")
        return NATIONALITIES.get(word) or table.get(word)

    # (a headline in capitals read as a title would be: "ETHIOPIA-DJIBOUTI JOINT MINISTERIAL COMMISSION")
    text = "\n".join(line.title() if line.isupper() else line for line in (text or "").split("\n"))
    chains = set()
    for m in _HYPHEN_PAIR.finditer(text):
        names = [n.strip() for n in re.split(r"\s?[-–]\s?", m.group("chain"))]
        # ("China Fisheries" is China's; "Commission" after the last is the body's)
        names[0] = names[0] if country(names[0]) else names[0].split()[-1]
        names[-1] = names[-1] if country(names[-1]) else names[-1].split()[0]
        found = tuple(country(n) for n in names)
        if all(found) and len(set(found)) == len(found):
            chains.add(found)
    if len(chains) != 1:
        return None
    named = [with_the(c) for c in next(iter(chains))]
    return ", ".join(named[:-1]) + f" and {named[-1]}"


def defined_sides(text: str) -> str | None:
    """"Azerbaijan and Kazakhstan" from an agreement's own definition of its parties ("The Ministry
    of ... of the Republic of Azerbaijan and the Ministry of ... of the Republic of Kazakhstan
    (hereinafter "the Sides")"): the countries the defined phrase names, or the phrase itself when it
    names no country and is short; None when there is no such definition. Round 183: a joint
    declaration's seven points were all "The Sides will ...", and none became an item."""
    for m in _HEREINAFTER.finditer(text or ""):
        before = text[: m.start()].split("\n")[-1]
        before = re.split(r"(?<=[.;:])\s+(?=[A-Z])", before)[-1]  # this sentence's part only
        before = re.sub(r"^(?:[Bb]etween|[Bb]y\s+and\s+between)\s+", "", before.strip()).rstrip(" ,")
        if " and " not in before:
            continue
        countries = list(dict.fromkeys(countries_in(before, country_table())))
        if len(countries) >= 2:
            named = [with_the(c) for c in countries]
            return ", ".join(named[:-1]) + f" and {named[-1]}"
        if not countries and len(before.split()) <= 12 and before[:1].isupper():
            return re.sub(r"^The\b", "the", before)
    return None


# '(hereinafter "the Sides")', '(hereinafter jointly referred to as the "Parties")'
_HEREINAFTER = re.compile(r"\((?:hereinafter|hereafter|henceforth)\s+(?:(?:jointly|collectively|together)\s+)?"
                          r"(?:(?:referred\s+to|called|named|known)\s+as\s+)?(?:the\s+)?[\"“‘']?(?:the\s+)?"
                          r"(?:Sides|Parties|Participants|Signatories)[\"”’']?\s*\)")


_PAIR_BODY_WORDS = (r"(?:Binational|Bi-national|Bilateral|Joint|Intergovernmental|Mixed|High-Level|Permanent|Border|"
                    r"Neighbourhood|Neighborhood|Commission|Committee|Council|Summit|Dialogue|Meeting|Forum|Cabinet|"
                    r"Consultations|Trilateral|Tripartite|Working)")
_NAME = rf"[A-Z][a-z]+(?:\s(?!{_PAIR_BODY_WORDS})[A-Z](?:[a-z]+|[A-Z]+\b))?"  # ("Costa Rica", "Lao PDR")
_HYPHEN_PAIR = re.compile(rf"(?<![-–])(?<![-–]\s)\b(?P<chain>{_NAME}(?:\s?[-–]\s?{_NAME}){{1,2}})(?!\s?[-–])\s+"
                          # ("Binational Neighbourhood and Integration Commission")
                          r"(?:(?:[A-Z][\w-]*|and)\s+){0,4}?"
                          r"(?:Commission|Committee|Council|Summit|Dialogue|Meeting|Forum|Cabinet|Consultations|"
                          r"Working\s+Group|Group)\b")


_BETWEEN = re.compile(r"\bbetween\s+(?P<the_a>the\s+)?(?P<a>[A-Z][^,;]*?)\s+and\s+(?P<the_b>the\s+)?(?P<b>[A-Z][^,;]*?)"
                      r"\s*(?:$|[,;:]|\s+(?:on|in|at|for|was|were|is|are|will|has|have)\s)")


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


def others_as_subject(doc) -> bool:
    """Does a main clause's subject name others in the plural by what they are ("Hauliers' groups
    ... warn ...")? A later "they" is theirs, not the countries named before; "The two nations",
    "Both countries" still point back at those."""
    return any(c.dep_ == "nsubj" and c.tag_ == "NNS" and not any(d.dep_ in ("det", "nummod", "predet") for d in c.children)
               and c.lemma_.lower() not in _ANAPHORIC_PLURALS for s in doc.sents for c in s.root.children)


_ANAPHORIC_PLURALS = frozenset({"country", "nation", "side", "government", "minister", "leader", "party", "member",
                                "state", "partner", "delegation"})


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
        if len(parts) >= 2 and all(len(n) == 1 and (table.get(re.sub(r"^the\s+", "", p.lower())) or _FORMAL_STATE.search(p))
                                   for n, p in zip(named, parts, strict=True)) \
                and len({n[0] for n in named}) == len(parts):
            out.append(tuple(n[0] for n in named))
    return out


_COUNTRY_WORDS = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s(?:of\s(?:the\s)?)?[A-Z][\w'’-]*)*"
_OPENING_LIST = re.compile(r"^\s*(?:[A-Z][A-Z .'’-]+\s[-–—]\s+)?"
                           # ("The representatives of the Republic of Kazakhstan, ... and the Republic of
                           # Uzbekistan, States Parties to the Treaty ..., met in Ashgabat": round 136)
                           r"(?:The\s+(?:representatives|delegations|delegates|governments|heads\s+of\s+delegation)\s+of\s+)?"
                           rf"(?P<list>{_COUNTRY_WORDS}(?:,\s+{_COUNTRY_WORDS})*,?\s+and\s+{_COUNTRY_WORDS})"
                           r"(?:,\s+[^,()]{3,80}(?:\([^)]{1,60}\))?,)?"
                           r"\s+(?:have|has|will|agreed|signed|pledged|adopted|decided|committed|"
                           r"launched|met|approved|reaffirmed)\b")


def lead_in_of(text: str, doc, ctx) -> str | None:
    """Whose a numbered list's points are, from its lead-in line: "The two Ministers:", "The
    delegations agreed as follows:", "The Governments of the Republic of Peru and the Republic of
    Ecuador, meeting in ..., have agreed on the following:" (their countries, as a binational
    commission's sides are named). "" when the line is a lead-in that names no one (the points are
    then no one's), None when it is no lead-in."""
    from .goals import actor_text

    text = text.strip()
    lead = _LEAD_IN.match(text)
    if lead is not None:
        who = lead.group("who")
    elif _AGREED_FOLLOWING.search(text) and len(doc):
        root = doc[:].root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None:  # ("..., meeting in Tumbes ..., have agreed on the following": the parse's root is the list)
            subj = next((c for c in root.subtree if c.dep_ == "nsubj" and c.head.lemma_ in _DECLARING), None)
        if subj is None:
            return ""
        who = actor_text(doc, subj)
    else:
        return None
    # (the parse hangs a list's later countries as asides: read the words up to the first
    # ", meeting ...")
    whose = _WHOSE_DELEGATES.match(re.split(r",\s+(?!the\b|and\b)[a-z]", text)[0]) or _WHOSE_DELEGATES.match(who)
    if whose is not None:
        countries = list(dict.fromkeys(countries_in(whose.group("list"), country_table())))
        if len(countries) >= 2 and len(countries) == len(re.split(r",\s*|\s+and\s+", whose.group("list"))):
            # "The Delegations of the Argentine Republic, the Plurinational State of Bolivia and the
            # Republic of Paraguay" act for their countries
            named = [with_the(c) for c in countries]
            return ", ".join(named[:-1]) + f" and {named[-1]}"
    named = resolve_actor(who, ctx)
    return named if named and not is_pronoun_actor(named) and named != who else ""


# A numbered list's lead-in line: "The two Ministers:", "The Council:" (``ActorContext.lead_in``).
# ("At this week's meeting, the three countries:", round 180)
_LEAD_IN = re.compile(r"(?:[^:,]{0,60},\s+)?(?P<who>[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:[Mm]inisters|[Ll]eaders|[Cc]ouncil|[Pp]arties|[Ss]ides|"
                      r"[Cc]ountries|[Gg]overnments|[Pp]artners|[Dd]elegations|"
                      r"[Hh]eads\s+of\s+(?:[Ss]tate|[Gg]overnment)(?:\s+and\s+[Gg]overnment)?))"
                      # ("The delegations agreed as follows:", "The Leaders held a cordial meeting ... and
                      # agreed on the following:")
                      r"(?:\s[^:]{0,80}?\b(?:have\s+)?(?:agreed|decided|resolved|declared)\s+(?:on\s+|upon\s+)?"
                      r"(?:as\s+follows|the\s+following))?\s*:$")
# "..., have agreed on the following:", "... declare the following:"
_AGREED_FOLLOWING = re.compile(r"\b(?:agreed?|decided?|resolved?|declared?|adopted?)\s+(?:on\s+|upon\s+)?"
                               r"(?:as\s+follows|the\s+following)(?:\s+\w+){0,2}\s*:$")
_DECLARING = frozenset({"agree", "decide", "resolve", "declare", "adopt"})
# "The Governments of A and B", "The Delegations of A, B and C": the countries act
_WHOSE_DELEGATES = re.compile(r"(?i)^the\s+(?:governments|delegations|representatives)\s+of\s+(?P<list>.+)$")
