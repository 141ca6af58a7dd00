"""Who a stated goal belongs to when the sentence names them only by a pronoun or a role word.

Releases, speeches and communiqués state aims as "We will ...", "The bloc agreed to ...", "He
pledged to ...". A question needs the named party, so the pronoun is resolved within the article:
"we"/"our" to the organisation the article is about (the one it names most, its headline counting
double), "he"/"she" to the last person named before the sentence, "I" to the article's most named
person, "they" and "the two sides" to the last coordinated names ("China and Russia"). What cannot be
resolved keeps its words: the fact stays true, and question generation (which needs a named actor to
ask a self-contained question) passes it over.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .lexicon import COUNTRIES, GENERIC_NAME, HEAD_FIRST, MEETING_NOUNS, NATIONALITIES
from .places import countries_in, with_the

FIRST_PLURAL = {"we", "us", "our"}
THIRD_SINGULAR = {"he", "she", "his", "her"}
UNRESOLVABLE = {"they", "them", "it", "its", "this", "that", "these", "those", "which", "who", "you",
                "one", "everyone", "anyone", "some", "others", "many", "both", "all"}
# A subject made of a demonstrative and a noun ("these states", "this funding") points back.
DEMONSTRATIVE = re.compile(r"^(?:these|those|this|that|such|it|they)\b", re.I)
# "the bloc", "the two sides", "the ministers": a role noun that stands for the article's main body.
STAND_IN = re.compile(r"^(?:the\s+)?(?:bloc|organi[sz]ation|alliance|union|grouping|body|community|council|consortium|"
                      r"federation|confederation|association|institute|authority|network|"
                      r"commission|committee|agency|fund|bank|forum|secretariat|group|ministry|department|directorate)$", re.I)


# "the three countries", "the two sides", "both governments", "the partners": parties the article
# listed by name before (``ActorContext.counted_parties``).
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}
_COUNTED_PARTIES = re.compile(
    # (bare "governments pledged to ..." are governments at large, not the ones the article listed)
    r"(?i:(?:the\s+(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+)?|"
    r"(?P<n2>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+|(?P<two>both)\s+)"
    r"(?:countries|nations|governments|partners|signatories|sides|neighbours|neighbors|partner\s+countries|"
    r"signatory\s+countries|participating\s+countries))")

# Those who gathered, named by what they are ("the leaders", "Ministers", "delegates"): whose, the
# meeting or bloc the article is about says.
_GATHERED = re.compile(r"(?:the\s+)?(?:leaders|heads\s+of\s+(?:state|government)(?:\s+and\s+government)?|ministers|delegates)")
_MEETING_WORD = re.compile("|".join(MEETING_NOUNS) + r"|chogm|cop\d*")
_BLOC_WORD = re.compile(r"\b(?:Community|Union|Association|Organi[sz]ation|Council|Commonwealth|Cooperation|"
                        r"Federation|League|Alliance|Group|Bloc)\b|^[A-Z]{3,6}$")


def with_the_body(name: str) -> str:
    """"the Southern African Development Community", "SADC": a body's name as a sentence uses it."""
    if re.match(r"(?i)the\s", name) or re.fullmatch(r"[A-Z]{2,8}", name):
        return name
    return f"the {name}"


# "the treaty", "the programme": a text or a scheme the article has named; what it is for is its aim.
DOCUMENT_STAND_IN = re.compile(r"^(?:the\s+)?(?:treaty|agreement|convention|programme|program|plan|initiative|strategy|"
                               r"protocol|accord|pact|facility|framework|roadmap|compact|charter|corridor|project)$", re.I)


def body_head(name: str) -> str:
    """A body's head word: the one before its first "of", "for", "on", "to" or "in" ("Governing
    Council of the European Central Bank" is a council), else its last word ("World Heritage
    Committee"). Both ``ActorContext.org_with_head`` and the extractor's bare offices ("Governor
    NAME": of which bank) look bodies up by it."""
    return re.split(r"\s+(?:of|for|on|to|in)\s+", name, maxsplit=1)[0].split()[-1]


@dataclass
class ActorContext:
    """What one article offers for resolving pronoun actors; filled while walking its sentences."""

    org_counts: Counter = field(default_factory=Counter)
    body_names: set[str] = field(default_factory=set)  # every named mechanism, of any kind
    person_counts: Counter = field(default_factory=Counter)
    last_person: str | None = None
    last_group: str | None = None  # the last plural named subject ("China and Russia"), for "they"
    last_people: str | None = None  # the last coordinated people ("X and Y"), for "the two leaders"
    # Not an actor, but read in the same walk: the last date the text stated, which "a day later",
    # "the following year" and "that July" are told against.
    last_date: str | None = None
    # A declaration's own preamble ("We, the Ministers of Belgium, the Netherlands and Luxembourg,
    # meeting in ..."): who "we" are, and the sentence that says so (cited with each aim).
    signatories: str | None = None
    # A speech's header ("Remarks by NAME, Director of ..., Universal Postal Union"): the body the
    # speaker speaks for, who "we" are.
    speaker_body: str | None = None
    # Is the text a speech (its header says so)? Its "we" is the speaker's side, never ministers
    # the speech reports on ("health ministers from A, B and C agreed ..." in a minister's speech).
    speech: bool = False
    # Is the text an interview? Its "we" is the interviewee's body or no one: never the body the
    # answers name most (session 26: an interviewee's plans went to the body that founded hers).
    interview: bool = False
    preamble: Any = None  # the preamble's SentenceInput
    # The ministers a communiqué or a wire is about, as it first names them ("the finance ministers
    # of Kazakhstan, Uzbekistan and Kyrgyzstan"), for its later "The Ministers agreed ...", and the
    # sentence that names them (cited with each aim, as the preamble is).
    ministers: str | None = None
    ministers_sentence: Any = None
    met_sentence: Any = None  # the first sentence that says someone met ("... met their counterparts in ...")
    # The two parties a joint statement's title puts its meeting "between" ("... between the GCC and
    # the countries of Central Asia"), for its "The Ministers" and "the two sides".
    sides: str | None = None
    # Every list of two or more countries the article names as the ones who act ("Kenya, Uganda and
    # Tanzania signed ..."), in order, for "the three countries", "the two sides" and "the partners"
    # (``counted_parties``; ``country_list`` reads them).
    country_lists: list[tuple[str, ...]] = field(default_factory=list)
    # Words the article writes in lower case: a timeline line's capital ("Seabed drilling begins")
    # is then only the line's start, not a name.
    lower_words: frozenset[str] = frozenset()
    # Heads of bodies the article tells of with no name ("an arbitral tribunal"): its "the tribunal"
    # is no named one's (``body_with_head``).
    unnamed_heads: frozenset[str] = frozenset()
    # The last meeting a sentence named ("The 30th Ordinary Meeting of the ACS Ministerial Council
    # ..."), for a later "It was chaired by ..." (``chairs.chair_question``).
    last_meeting: Any = None
    # A numbered list's lead-in ("The two Ministers:", "The Council:"), resolved: who the list's
    # paragraphs with no subject ("3. Agreed to amend ...") are by, where no preamble's "we" names them.
    lead_in: str | None = None
    # ... and the verb it declares its points with ("agreed on the following:" -> "agree"), for
    # points that are bare infinitives ("4. To accelerate ...")
    lead_in_verb: str | None = None
    recent_text: str = ""  # (the sentence being read and the four before it)

    def counted_parties(self, actor: str) -> str | None:
        """The countries "the three countries", "both sides" or "the partners" are: the one list of
        that many countries the article names (any size when the phrase gives none, and then only
        if the article names one list at all); None when it names none or several."""
        m = _COUNTED_PARTIES.fullmatch(actor.strip())
        if m is None:
            return None
        n = m.group("n") or m.group("n2")
        if m.group("two"):
            want: int | None = 2
        elif n is None:
            want = None  # "the partners": any size
        else:
            want = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
        found = self.acting_list(want)
        if found is None and self.ministers:
            # "Both governments adopt ..." in the declaration of "the Meeting of Ministers of ... of the
            # Republic of Peru and the Plurinational State of Bolivia": those whose ministers met (round 78)
            of = re.match(r"^the\s+.+?\s+of\s+(?=[A-Z])(?P<who>.+)$", self.ministers)
            listed = countries_in(of.group("who"), country_table()) if of else []
            if len(listed) >= 2 and (want is None or len(listed) == want):
                found = of.group("who")
        return found

    def acting_list(self, size: int | None = None) -> str | None:
        """The one list of countries (of ``size`` countries, if given) the article names as acting,
        written out ("Guatemala, Belize and Mexico"); None when it names none or several."""
        lists = {frozenset(ls): ls for ls in self.country_lists if size is None or len(ls) == size}
        if len(lists) != 1:
            return None
        only = next(iter(lists.values()))
        if any(c.startswith("the ") for c in only):
            return None  # (a list with a body in it names no "ministers of ...")
        named = [with_the(c) for c in only]
        return ", ".join(named[:-1]) + " and " + named[-1]

    @property
    def main_org(self) -> str | None:
        if not self.org_counts:
            return None
        (name, n), *rest = self.org_counts.most_common(2) + [(None, 0)]
        # a tie means the article is about several bodies: "we" is not safely any one of them
        return name if n >= 2 and (not rest or rest[0][1] < n) else None

    def gathered(self, who: str) -> str | None:
        """"The leaders", "Ministers", "Delegates" of a report on one meeting or one bloc: those at
        the meeting the article is about ("the leaders at the Commonwealth Heads of Government
        Meeting") or of the bloc ("the leaders of the Southern African Development Community");
        None when the article is about no one body."""
        main = self.main_org
        if main is None or len(main.split()) > 8:
            return None
        word = re.sub(r"^the\s+", "", who.strip().lower())
        last = main.split()[-1].lower()
        if _MEETING_WORD.fullmatch(last) or re.search(r"\b(?:Meeting|Summit|Session|Conference)\s+(?:of|on)\b", main):
            return f"the {word} at {with_the_body(main)}"
        if _BLOC_WORD.search(main):
            return f"the {word} of {with_the_body(main)}"
        return None

    @property
    def main_person(self) -> str | None:
        if not self.person_counts:
            return None
        name, n = self.person_counts.most_common(1)[0]
        return name


    def body_with_head(self, head: str) -> str | None:
        """The one body of the article whose name ends in ``head`` ("the convention" -> "the UN
        Convention to Combat Desertification"); None when none or several do (a reader could
        not tell which)."""
        head = head.lower()
        if head in self.unnamed_heads:
            return None  # "an arbitral tribunal ... The tribunal issues its award": not the ITLOS it names (round 173)
        # "The Council decided ..." in the communiqué of "the 70th Ordinary Session of the Council
        # of Ministers of X": the Council is the body that sat, not its session
        # (a name of words any body has, "the Framework Agreement", is the one it stands for)
        names = {_body_that_sat(name, head) for name in self.body_names if not GENERIC_NAME.fullmatch(name)}
        fits = {name for name in names if len(name.split()) >= 2
                # ("the river" is no "Commission for the Protection of the Danube River": a name's head is
                # before its first preposition, round 208)
                and (name.lower().split()[-1] == head and not re.search(r"\s(?:of|for|on|to|against)\s", name.lower())
                     or re.search(rf"\b{re.escape(head)}\s+(?:of|on|for|to)\b",
                                                                 name.lower())
                    # ("Agreement on the Cross-Border Exchange of Health Data": a title begins with its kind)
                    and (name.lower().split()[0] != head or len(name.split()) >= 4))}
        if len(fits) != 1:
            return None
        only = next(iter(fits))
        other = self._other_named_here(head, only)
        return None if other else only

    def _other_named_here(self, head: str, body: str) -> bool:
        """Does the sentence being read name another body of that head ("SALT Foundation executive
        director NAME said the foundation plans ..." beside the article's one other "National
        Research Foundation")? Then "the foundation" is that one, which the article's list of
        bodies may lack (round 118)."""
        for m in re.finditer(rf"\b((?:[A-Z][\w'’-]*\s+){{1,5}}){re.escape(head[:1].upper() + head[1:])}\b", self.recent_text):
            named = f"{m.group(1)}{head[:1].upper() + head[1:]}"
            if named.split()[0] in ("The", "A", "An"):
                named = named.split(" ", 1)[1]
            if named and named.lower() not in body.lower() and body.lower() not in named.lower():
                return True
        return False

    def org_with_head(self, head: str, default: str | None = None) -> str | None:
        """The body whose name has ``head`` for its head word ("the Committee" -> "World Heritage
        Committee", "the organization" -> "Desert Locust Control Organization for Eastern Africa").
        When several do, the article's main body if it is one of them, else the first named if no
        later one is named more often ("The organization also plans ..." after a locust body and
        then the FAO is the body the story is about, not the one named last), else None. With no
        such body at all, the article's main body, or ``default``."""
        sat = {name: _body_that_sat(name, head) for name in self.org_counts}
        fits = [name for name in self.org_counts  # (in the order the article first names them)
                if sat[name].lower().split()[-1].startswith(head) or body_head(sat[name]).lower().startswith(head)]
        if not fits:
            # (a kind of its own, "the fund", "the bank", is none of another kind: "the fund aims to
            # hold 1 trillion tugrik" of a planned fund is not the mining company the story is about,
            # round 105)
            if head in ("fund", "bank", "minist", "depart", "direct", "secret", "instit", "consor", "networ"):
                return default
            main = self.main_org
            if main and _MEETING_WORD.fullmatch(main.split()[-1].lower()):
                return default  # "the confederation plans ..." is no Annual General Meeting's plan (session 26)
            return main or default
        # a body whose own head it is, before an organ of a body named by it ("the commission":
        # the Eurasian Economic Commission, not the Board of the Eurasian Economic Commission)
        fits = [n for n in fits if body_head(sat[n]).lower().startswith(head)] or fits
        if len(fits) == 1:
            return sat[fits[0]]
        if self.main_org in fits:
            return sat[self.main_org]
        first = fits[0]
        return sat[first] if all(self.org_counts[first] >= self.org_counts[n] for n in fits) else None


# A sitting of a body named by its number and kind ("the 70th Ordinary Session of", "the 44th Regular
# Meeting of"): what follows is the body that sat.
_SITTING_OF = re.compile(r"^(?:[Tt]he\s+)?(?:\d+(?:st|nd|rd|th)\s+|[A-Z][a-z]+(?:th|st|nd|rd)\s+)?"
                         r"(?:(?:Ordinary|Extraordinary|Regular|Special|Annual|Plenary)\s+)?"
                         r"(?:Session|Meeting|Sitting)\s+of\s+(?:the\s+)?(?=[A-Z])")


def _body_that_sat(name: str, head: str) -> str:
    """``name`` without a sitting's "70th Ordinary Session of the", unless the sitting is what
    ``head`` asks for ("the session")."""
    return name if re.match(r"session|meeting|sitting", head) else _SITTING_OF.sub("", name)


def is_pronoun_actor(actor: str | None) -> bool:
    """True when ``actor`` does not name anyone a reader could recognise out of context."""
    low = (actor or "").lower().strip()
    return (not low or low in FIRST_PLURAL | THIRD_SINGULAR | UNRESOLVABLE | {"i"}
            or bool(DEMONSTRATIVE.match(low)) or bool(STAND_IN.match(low)))


def resolve_actor(actor: str, ctx: ActorContext) -> str | None:
    """The named party behind ``actor``, ``actor`` itself when it is already a name, or None."""
    low = actor.lower().strip()
    if len(low.split()) > 14:
        return None  # a parse that took a whole clause for the subject
    if low in FIRST_PLURAL:
        # (a ministers' statement speaks for its ministers, not for the body it names most)
        return ctx.signatories or ctx.speaker_body or (None if ctx.speech else ctx.ministers) \
            or (None if ctx.interview else ctx.main_org) or actor
    if low in ("the two leaders", "both leaders", "the leaders", "the two presidents", "the two ministers"):
        people = ctx.last_people or (ctx.gathered(low) if low == "the leaders" else None)
        if people is None and ctx.sides and low != "the two ministers" and len(countries_in(ctx.sides, country_table())) == 2:
            # a summit of two countries' leaders ("26th Annual Leaders' Consultation between Brunei
            # Darussalam and Malaysia"): "The Leaders" are theirs (round 137: ten points lost)
            people = f"the leaders of {ctx.sides}"
        if people or low != "the two ministers":
            return people or actor
        # (else "the two Ministers" of a meeting between two sides are both sides' ministers, below)
    if low == "they":
        return ctx.last_group or actor
    if ctx.sides and _PORTFOLIOS_OF.fullmatch(actor) and not countries_in(actor, country_table()):
        # "The Ministries of Health agreed ..." in a joint commission's text: both sides' (round 186)
        return re.sub(r"^The\b", "the", actor) + f" of {ctx.sides}"
    side = re.fullmatch(r"the\s+([a-z]+)\s+(?:side|delegation)", low)
    if side and ctx.sides and NATIONALITIES.get(side.group(1)):
        return with_the(NATIONALITIES[side.group(1)])  # "The Lao side" of a joint committee's two: Laos
    if low in ("the two sides", "both sides", "the sides", "the parties", "both parties", "the two parties", "the delegations",
               "both delegations", "the two delegations") and ctx.sides:
        return ctx.sides
    if low in ("the two countries", "both countries", "the two nations", "both nations"):
        # the pair named last, if it is a pair ("Guatemala, Belize and Mexico" is not "the two countries")
        if ctx.last_group and len(countries_in(ctx.last_group, country_table())) in (0, 2):
            return ctx.last_group
        return ctx.counted_parties(actor) or actor
    if low == "i":
        return ctx.main_person or actor
    ministers = _MINISTERS_WORD.fullmatch(low)
    if ministers:
        n = ministers.group("n")
        size = (int(n) if n.isdigit() else _NUMBER_WORDS[n]) if n else None
        named = ctx.ministers or ctx.signatories
        if named and (size is None or len(countries_in(named, country_table())) == size):
            return named
        # "The (three) ministers agreed ..." after "Sweden, Denmark and Poland signed ...": whose
        # ministers they are is the one list of (that many) countries the article names as acting
        # (a bare "Ministers also agreed ..." of an explainer is not the one pair it says signed
        # something: round 102 gave Pacific ministers' call to France and the United Kingdom)
        countries = ctx.acting_list(size) if low.startswith("the ") or size is not None else None
        title = re.sub(r"^the\s+", "", low).removesuffix("ministers").strip()
        title = re.sub(rf"^(?:{n})\s*", "", title) if n else title
        if countries:
            return f"the {title + ' ' if title else ''}ministers of {countries}"
        if ctx.sides and (size is None or size == 2) and not title:
            return f"the ministers of {ctx.sides}"  # a joint statement's: both sides' ministers
        if not n and not title and ctx.gathered(low) is None and ctx.last_meeting is not None:
            # "The ministers agreed ..." after "The 26th Tripartite Environment Ministers Meeting was
            # held ...": those at the meeting the text named
            return f"the ministers at {ctx.last_meeting.name}"
        return (ctx.gathered(low) if not n and not title else None) or actor
    if _PARTICIPANTS_WORD.fullmatch(low):
        # the countries whose ministers met ("Brazil, Chile and Peru"), as a preamble's "we" is named
        of = re.match(r"^the\s+.+?\s+of\s+(?=[A-Z])(?P<who>.+)$", ctx.ministers or "")
        if of and len(countries_in(of.group("who"), country_table())) >= 2:
            return of.group("who")
        # ("The States Parties: 1. Reaffirm ..." after "The representatives of A, B and C, States
        # Parties to the Treaty ..., met ...": the one list of countries the text names as acting)
        return ctx.signatories or ctx.ministers or ctx.acting_list() or actor
    if low in THIRD_SINGULAR:
        return ctx.last_person or actor
    counted = ctx.counted_parties(actor)
    if counted is not None:
        return counted
    if _GATHERED.fullmatch(low):
        return ctx.gathered(low) or actor
    if STAND_IN.match(low):
        head = low.split()[-1][:6]
        # (None: several bodies of that kind, none the story's own; which one, a reader cannot tell)
        return ctx.org_with_head(head, default=actor)
    if DOCUMENT_STAND_IN.match(low):
        # "The convention aims to ...": the one convention the article names, if it names one
        return ctx.body_with_head(low.split()[-1]) or actor
    return actor


def named_party(subject: str, ctx: ActorContext) -> str | None:
    """The named party behind a third-person subject that points back ("the ministers", "the
    three countries", "the bloc"), for a question that must name who did it; None for a pronoun
    ("we", "it", "they": whose, the sentence before said) or a subject nothing resolves."""
    low = subject.lower().strip()
    if low in FIRST_PLURAL and ctx.signatories:
        return ctx.signatories  # a declaration's "we", named in its preamble ("We, the Ministers of ...")
    if low in FIRST_PLURAL | THIRD_SINGULAR | UNRESOLVABLE | {"i"} or DEMONSTRATIVE.match(low):
        return None
    named = resolve_actor(subject, ctx)
    if not named or named.lower().strip() == low:
        return None
    if " " in named and (STAND_IN.match(named.split()[-1]) or HEAD_FIRST.match(named)) and not re.match(r"[Tt]he\s", named):
        named = f"the {named}"  # "the Arctic Council", "the Organization of Turkic States": a body named by its head word takes it
    return named


# "We, the Ministers responsible for Energy of the Kingdom of Belgium, ... and the Grand Duchy of
# Luxembourg, meeting in ...": the preamble of a declaration or communiqué names who "we" are.
PREAMBLE = re.compile(r"^\s*(?:\d{1,2}[.)]\s+)?We,\s+(?P<who>.{5,400}?)(?:,\s+|\s+)(?:meeting|met|gathered|"
                       r"assembled|having|convened|on the occasion)\b")
_GROUP = re.compile(r"\b(?:the\s+)?(?:\d+\s+)?(?:Member States|member states|Allies|States Parties|Parties|members)"
                    r"\s+of\s+the\s+(?P<body>[A-Z][\w'’&-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w'’&-]*))*)"
                    r"|\bthe\s+(?:\d+\s+)?(?P<allies>[A-Z]{2,6})\s+Allies\b"
                    # "the Contracting Parties to the Danube River Protection Convention": a treaty's parties
                    r"|\b(?:Contracting\s+|States\s+)?Parties\s+to\s+the\s+(?P<treaty>[A-Z][\w'’&-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w'’&-]*))*)")


# A state's name by its style ("the Lao People's Democratic Republic", "the Kingdom of Eswatini").
_STATE_WORD = re.compile(r"\b(?:Republic|Kingdom|Federation|Sultanate|Principality|Emirate|Grand Duchy|State of)\b")


@lru_cache(maxsize=1)
def country_table() -> dict[str, str]:
    """Country names (lower case, without "the") -> the country; a union of them is none."""
    return {re.sub(r"^the\s+", "", form): c for form, c in COUNTRIES.items() if c != "European Union"}


def signatories(sentence: str) -> str | None:
    """Who "we" are by a declaration's preamble: its countries ("Belgium, the Netherlands and
    Luxembourg"), or the members of the body it names ("the member states of the Indian Ocean Rim
    Association", "the NATO Allies"); None for any other sentence."""
    m = PREAMBLE.match(sentence)
    if m is None:
        return None
    who = m.group("who")
    # every country the preamble lists, in its order ("Republic of Ecuador", "Estonia Maarja Tamm",
    # "Kingdom of the Netherlands")
    table = country_table()
    found = list(dict.fromkeys(countries_in(who, table)))
    if any(_STATE_WORD.search(part) and not countries_in(part, table) for part in re.split(r",|\band\b", who)):
        return None  # a state the table does not know: a list without it would name the wrong parties
    if len(found) >= 2:
        named = [with_the(n) for n in found]
        return ", ".join(named[:-1]) + " and " + named[-1]
    g = _GROUP.search(who)
    if g and g.group("allies"):
        return f"the {g.group('allies')} Allies"
    if g and g.group("treaty"):
        treaty = re.sub(r"\s+(?:and|of|for|on|the)$", "", g.group("treaty")).strip()
        return f"the parties to the {treaty}"
    if g:
        body = re.sub(r"\s*\([^)]*\)?$", "", g.group("body")).strip()
        return f"the member states of the {body}"
    return None


# "The Ministers", "ministers", "the foreign ministers": the group the article named before.
_PORTFOLIO = (r"(?:foreign|finance|trade|health|energy|defen[cs]e|agriculture|environment|transport|interior|"
              r"education|economy|justice|home|labour|labor|tourism|fisheries|water|digital)")
# "The Ministries of Health", "the Ministers of Agriculture": each side's, where the text has two sides
_PORTFOLIOS_OF = re.compile(r"(?i:the\s+(?:two\s+|respective\s+)?(?:ministries|ministers))\s+(?:of|for)\s+"
                            r"[A-Z][a-z]+(?:(?:,\s+|\s+and\s+|\s+)[A-Z][a-z]+){0,4}")
_MINISTERS_WORD = re.compile(rf"(?:the\s+)?(?:(?P<n>{'|'.join(_NUMBER_WORDS)}|\d{{1,2}})\s+)?(?:{_PORTFOLIO}\s+)?ministers",
                             re.I)
# "The participants welcome ...", "the participating governments agree": the same parties, in a
# communiqué's own words (only where the article named whose ministers met).
_PARTICIPANTS_WORD = re.compile(r"(?:the\s+)?(?:participants|participating\s+(?:governments|countries|states)|states\s+parties|"
                                r"signatories|signatory\s+(?:governments|countries|states))", re.I)
# "the finance ministers of Kazakhstan, Uzbekistan and Kyrgyzstan met ...", "Finance ministers ...
# from the Group of 20 major economies", "The Ministers of Foreign Affairs of Brazil, Russia, ...":
# the first phrase that says whose ministers they are.
_MINISTERS_OF = re.compile(
    rf"\b(?P<title>(?i:{_PORTFOLIO})\s+)?(?-i:[Mm]inisters)(?P<also>\s+and\s+(?:[a-z]+\s+){{1,3}}(?:governors|officials|leaders))?"
    r"(?:\s+(?:of|for|responsible\s+for)\s+(?-i:[A-Z])[\w/&-]*"
    r"(?:\s+(?:and\s+)?(?-i:[A-Z])[\w/&-]*){0,3}|\s+responsible\s+for\s+[a-z]+(?:\s+(?:and\s+)?[a-z]+){0,3}?"
    # ("The ministers for European affairs of France, Germany and Poland", session 26)
    r"|\s+for\s+(?:(?-i:[A-Z])[\w-]*\s+)?[a-z]+(?:\s+(?:and\s+)?[a-z]+){0,2}?)?"
    r"\s+(?:of|from)\s+(?P<who>(?:the\s+)?(?:\d+\s+)?(?:(?:countries|member\s+states|members|states|parties)\s+of\s+(?:the\s+)?)?"
    r"(?-i:[A-Z]).{2,300}?)"
    r"(?=\s+(?:met|meet|meeting|gathered|agreed|agree|said|have|has|held|expressed|convened|issued|adopted|signed|"
    r"pledged|reaffirmed|welcomed|recalled)\b|[.;:(]|,\s+(?:met|meeting|who|which|at|in|on|and|namely)\b|$)")
_BODY_OF = re.compile(r"^(?:the\s+)?(?:\d+\s+)?(?:(?:(?:Member|member)\s+(?:States|states)|countries|members|states|"
                      r"parties)\s+of\s+)?(?:the\s+)?"
                      r"(?P<body>[A-Z][\w'’&-]*(?:\s+(?:of|for|and|on|the|[A-Z0-9][\w'’&-]*))*)")


_REGION_ADJECTIVE = re.compile(r"(?:Asian|African|European|American|Arab|Caribbean|Nordic|Pacific|Atlantic|Baltic|"
                               r"Andean|Gulf|Sahelian|Balkan|[A-Z][a-z]+(?:ian|ese|ish))$")


def is_participants(actor: str) -> bool:
    """"The participants", "the participating governments", "the signatories": a communiqué's parties."""
    return bool(_PARTICIPANTS_WORD.fullmatch(actor.lower().strip()))


# A ministry's portfolio written with capitals ("Foreign Affairs", "International Relations").
_PORTFOLIO_NAME = re.compile(rf"(?i:(?:{_PORTFOLIO}|foreign|home|internal|external|economic|social|public|"
                             r"international)\s+(?:affairs|relations|cooperation|trade|development|security|works)|"
                             rf"{_PORTFOLIO}\b|finance\b|health\b)")


_REGION_WORDS = frozenset({"East", "West", "North", "South", "Southeast", "Southern", "Northern", "Eastern", "Western",
                           "Central", "Latin", "Asia", "Africa", "America", "Americas", "Europe", "Pacific", "Caribbean",
                           "Middle", "Oceania", "Arctic", "Atlantic", "Indian", "Ocean", "Gulf", "Sahel", "Balkans",
                           "Nordic", "Baltic", "Mediterranean", "Horn", "Great", "Lakes", "Region"})


def ministers_of(sentence: str) -> str | None:
    """Whose ministers a sentence names ("the finance ministers of Kazakhstan, Uzbekistan and
    Kyrgyzstan", "the finance ministers of the Group of 20"), or None. Countries first (two or more,
    as listed); else the body whose members they are. Bracketed asides are no part of the list
    ("France (for Réunion) and Seychelles")."""
    m = _MINISTERS_OF.search(re.sub(r"\s*\([^()]{1,60}\)", "", sentence))
    if m is None:
        return None
    title = (m.group("title") or "").strip().lower()
    lead = (f"the {title} ministers" if title else "the ministers") + (m.group("also") or "") + " of "
    found = list(dict.fromkeys(countries_in(m.group("who"), country_table())))
    entries = [e for e in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("who")) if e.strip()]
    if len(found) >= 2 and all(countries_in(e, country_table()) for e in entries):
        # (every entry a country: "the Russian Federation" missed would drop a member from the list)
        named = [with_the(n) for n in found]
        return lead + ", ".join(named[:-1]) + " and " + named[-1]
    b = _BODY_OF.match(m.group("who"))
    if b is None or found:
        return None  # one country's ministers are its government's, named as such elsewhere
    body = re.sub(r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                  r"May|June|July|August|September|October|November|December)\b.*$", "", b.group("body"))
    body = re.sub(r"\s+(?:and|of|for|on|the)$", "", body).strip()  # ("... of the IORA on Thursday": when, not whose)
    if len(body.split()) < 2 and not re.fullmatch(r"[A-Z]{2,6}", body):
        return None
    if _REGION_ADJECTIVE.search(body):
        return None  # "the Ministers of the Central Asian countries": an adjective, not a body
    if all(w in _REGION_WORDS for w in re.findall(r"[A-Z][a-z]+", body)):
        return None  # "Foreign ministers ... from East Asia and Latin America": regions, no body (round 117)
    if _PORTFOLIO_NAME.match(body):
        return None  # "BRICS Ministers of Foreign Affairs/International Relations": their portfolio, not whose
    return lead + "the " + re.sub(r"^the\s+", "", body)


# Offices that head one kind of body ("Governor" a bank, "Commissioner" a commission) and offices
# any body has ("Its Director-General, NAME").
_OFFICE_BODY = {"governor": "bank", "deputy governor": "bank", "commissioner": "commission",
                "electoral commissioner": "commission"}
_ANY_BODY_OFFICES = {"secretary-general", "secretary general", "director-general", "director general",
                     "executive secretary", "executive director", "chief executive", "president", "chair", "chairman",
                     "chairwoman", "chairperson"}


_BODY_HEAD_WORD = re.compile(r"\b(?:Commission|Committee|Council|Board|Secretariat|Agency|Bank|Fund|Authority|Institute|"
                             r"Court|Panel|Assembly|Parliament|Ministry|Office|Unit)\b")


def body_of_office(role: str, before: str, actors: ActorContext, after: str = "", previous: str = "") -> str | None:
    """The body a bare office belongs to: "Governor Park Jin" in a story naming one bank is that
    bank's; "Its Director-General, Dr. NAME" is the story's own body's. None when unsure: a story
    of several banks says whose governor only beside the name ("Governor NAME of the Central Bank
    of Lesotho"), never by which bank it names most (round 46)."""
    office = role.lower().strip()
    head = _OFFICE_BODY.get(office)
    if head is not None:
        own = re.match(r"\s+of\s+(?:the\s+)?(?P<body>[A-Z][\w'’-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’-]*))*)", after)
        if own and re.search(rf"\b{head[:6]}", own.group("body"), re.I):
            return re.sub(r"\s+(?:of|for|and|the)$", "", own.group("body"))
        # (a body's head word is the one before its "of": "Governing Council of the European Central
        # Bank" is a council; one name in two casings is one body)
        fits = {n.casefold(): n for n in actors.org_counts if body_head(n).lower().startswith(head[:6])}
        if len(fits) > 1 and re.search(rf"(?:^|[.;:]\s+)Its\s+{re.escape(role)}\b", before, re.I):
            # "... according to the Bulgarian National Bank (BNB). Its governor, NAME": the bank
            # the sentence before named, when it named one
            fits = {k: n for k, n in fits.items() if n in previous}
        return next(iter(fits.values())) if len(fits) == 1 else None
    if office in _ANY_BODY_OFFICES and re.search(rf"(?:^|[.;]\s+)Its\s+{re.escape(role)}\b", before, re.I) and actors.main_org:
        opening = re.sub(r"^(?:[AQ]:\s*)?(?:The\s+)?", "", previous.strip())
        subject = [n for n in actors.org_counts if opening.startswith(n) and _BODY_HEAD_WORD.search(n)]
        if len(subject) == 1:
            return subject[0]  # "The African Civil Aviation Commission (AFCAC) ... is ... Its Secretary-General"
        if any(h not in actors.main_org for h in _BODY_HEAD_WORD.findall(previous)):
            return None  # "The ISA Athletes' Commission now has two votes ... Its chair, NAME": the
            # commission's chair, not the main body's; which body "Its" is, unsure (round 70)
        return actors.main_org
    return None
