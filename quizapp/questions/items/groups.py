"""Items over several facts of one story: matching people to offices or events to dates, and putting
events in order."""

from __future__ import annotations

import math
import re
from typing import Any

from rapidfuzz import fuzz

from ...facts.lexicon import PORTFOLIO_WORDS, TITLES
from ...facts.places import with_the as the_country
from ..blanks import (
    _date_statement,
    date_offsets,
    listable_event,
)
from ..labels import (
    _BAD_ROLE,
    _articles,
    _country,
    _full_name,
    _general_knowledge,
    _name,
    _pkey,
    _pronoun_led,
    _rkey,
    _role_complete,
    _role_label,
    _same_event,
    _the,
    is_country,
    office_ok,
    role_for_place,
)
from ..normalise import (
    MONTH_NAMES,
    compatible,
    date_interval,
    is_acronym,
    normalise,
    render_date,
)
from ..rank import _Cand
from ..render import (
    role_ok,
)
from ..sentences import is_caption
from ..setting import places_in, unplaced_council, unplaced_national
from .people import SALUTATION

ORDER_PROMPT = "Put these events in order, earliest first."
MATCH_MIN, MATCH_MAX = 3, 6
ORDER_MIN, ORDER_MAX = 3, 5


class GroupItems:
    """Mixed into the generator: uses its ``corpus``, ``rng`` and building blocks (``make``, ``mc``,
    ``true_false``, ``cloze``, ``near``)."""

    def groups(self, rows: list[tuple[Any, str, str]], clash, size_min: int, size_max: int
               ) -> list[list[tuple[Any, str, str]]]:
        """Split rows into groups of size_min..size_max with no clashing pair inside a group."""
        rows = sorted(rows, key=lambda r: r[0].id)
        self.rng.shuffle(rows)
        # rows that clash with few others go first, so one vague row ("2021") cannot crowd out
        # the precise ones it overlaps ("23 August 2021", "25 August 2021")
        clashes = {id(r): sum(1 for o in rows if o is not r and clash(r, o)) for r in rows}
        rows.sort(key=lambda r: clashes[id(r)])
        n = len(rows)
        if n < size_min:
            return []
        k = max(1, math.ceil(n / size_max))
        while k > 1 and n / k < size_min:
            k -= 1
        groups: list[list[tuple[Any, str, str]]] = [[] for _ in range(k)]
        for i, row in enumerate(rows):
            for j in range(k):
                g = groups[(i + j) % k]
                if len(g) < size_max and not any(clash(row, other) for other in g):
                    g.append(row)
                    break
        return [g for g in groups if size_min <= len(g)]

    def article_groups(self, rows: list[tuple[Any, str, str]], clash, size_min: int, size_max: int,
                       by_story: bool = True) -> list[list[tuple[Any, str, str]]]:
        """Groups drawn from one topic (an article, or articles on one story) at a time: a matching or
        ordering item that mixes unrelated articles pairs people and events never seen together.
        People are matched within one article (``by_story=False``): officials of two stories on one
        region are told apart by their nationality alone."""
        by_article: dict[str, list[tuple[Any, str, str]]] = {}
        topics = self.corpus.topic_of if by_story else {}
        for row in rows:
            art = row[0].sources[0].article if row[0].sources else ""
            by_article.setdefault(topics.get(art, art), []).append(row)
        out: list[list[tuple[Any, str, str]]] = []
        for art in sorted(by_article):
            out += self.groups(by_article[art], clash, size_min, size_max)
        return out

    def matching(self) -> list[_Cand | None]:
        c = self.corpus
        out: list[_Cand | None] = []

        def person_clash(a, b) -> bool:
            pa, pb = _pkey(a[1]), _pkey(b[1])
            return (pa == pb or normalise(a[2]) == normalise(b[2])
                    or _rkey(b[0]) in c.roles_by_person.get(pa, set())
                    or _rkey(a[0]) in c.roles_by_person.get(pb, set()))

        def text_clash(a, b) -> bool:
            return (normalise(a[1]) == normalise(b[1]) or normalise(a[2]) == normalise(b[2])
                    or fuzz.ratio(normalise(a[1]), normalise(b[1])) > 90)

        def date_clash(a, b) -> bool:
            return text_clash(a, b) or _same_event(a[1], b[1]) or compatible(a[0].date, b[0].date) \
                or _same_thing(a[1], b[1])

        specs = [
            ("people", "Match each person to their role.", person_clash,
             [(f, _name(f), label) for f in c.leaders
              for label in [re.sub(r"^The\s", "the ", c.spell_out(_role_label(f), _articles(f)) or "")]
              if label and _name(f) and f.role and role_ok(f) and office_ok(f) and not _pronoun_led(_name(f))
              # one word of a name ("Tomás") names nobody for sure; a role *for* a place is no office of it
              and len(_name(f).split()) >= 2 and not role_for_place(f) and says_whose(label) and _told_there(f, label)
              and (_country(f) or _role_complete(f)) and not _general_knowledge(f)
              and not _BAD_ROLE.search(_role_label(f))
              # people named only under a photo are not what the article reports
              and not all(is_caption(s.sentence) or SALUTATION.match(s.sentence) for s in f.sources)]),
            ("dates", "Match each event to its date.", date_clash,
             [(f, c.events[f.id], render_date(f.date)) for f in c.dates if f.id in c.events
              and listable_event(c.events[f.id]) and _datable(f) and _clean_event(f, c.events[f.id])
              and not self._to_come(f)]),
            # no "match each party to its aim": one party named three ways ("the Bank of Japan",
            # "the BOJ chief", "the Japanese central bank") cannot be told apart by a reader
        ]
        for key, prompt, clash, rows in specs:
            for group in self.article_groups(rows, clash, MATCH_MIN, MATCH_MAX, by_story=key != "people"):
                if key == "people" and _one_country_each(r[2] for r in group):
                    continue  # each office of another country: a reader pairs names by their sound
                facts = [r[0] for r in group]
                pairs = [[r[1], r[2]] for r in group]
                answer = "; ".join(f"{left} \u2192 {right}" for left, right in pairs)
                stem = self.as_of(facts) if key == "people" else self.in_context(prompt, facts)
                if stem is None:
                    continue  # "Match each person to their role." of which story? (or, of people, when?)
                out.append(self.make("matching", facts, f"match:{key}", stem, answer, pairs=pairs, dq=0.5,
                                     slot="match|" + ",".join(sorted(f.id for f in facts))))
        return out

    def _to_come(self, f: Any) -> bool:
        """Is ``f`` still ahead of the day its article was written? Beside past events a planned one
        is the last by the calendar, not by reading (round 74)."""
        when = next((self.corpus.published[s.article] for s in f.sources[:1] if s.article in self.corpus.published), None)
        span = date_interval(f.date or "")
        return when is not None and span is not None and span[0] > when

    def in_context(self, prompt: str, facts: list[Any]) -> str | None:
        """"Match each event to its date." says nothing of which story: name the body the article
        is about when it has one ("Match each event in the article on the Zambezi River Authority
        (ZRA) to its date."), else the one country it is about ("... in the article about Peru
        ..."); None when it has neither, or only a body named by its members ("the Committee of
        Ministers": whose?). Blind reviews failed the bare prompts for lacking context."""
        about = self.story_named(facts)
        if about is None:
            return None
        article = "the article"
        return re.sub(r"^(?:(Match each \w+)|(Put these events))",
                      lambda m: f"{m.group(1)} in {article} {about}" if m.group(1) else f"{m.group(2)} from {article} {about}",
                      prompt)

    def as_of(self, facts: list[Any]) -> str | None:
        """"Match each person to their role as of March 2024.": offices change hands, so people are
        matched to theirs as of the month the article was written, or not at all (round T5 asked
        "when?"). Each office already says whose it is (a country or a body), so the stem names no
        story: "the article on the CNE" misnamed what a live blog or an election report was about
        (rounds 56-57), and the roles need no topic to be understood."""
        c = self.corpus
        when = next((c.published[s.article] for f in facts for s in f.sources[:1] if s.article in c.published), None)
        if when is None:
            return None
        return f"Match each person to their role as of {when:%B} {when.year}."

    def story_named(self, facts: list[Any]) -> str | None:
        """"on the Zambezi River Authority (ZRA)" or "about Peru": the one article ``facts`` come
        from, as a reader would know it (``in_context``); None when there is no such name."""
        c = self.corpus
        arts = sorted({s.article for f in facts for s in f.sources[:1]})
        if len(arts) != 1:
            return None
        subject = c.subject_of.get(arts[0])
        body = next((m for m in c.mechanisms if m.id == subject), None) if subject else None
        name = _full_name(body) if body is not None else ""
        if name and not unplaced_council(name) and not unplaced_national(name):
            acr = next((a for a in body.aliases if is_acronym(a)), None) if not is_acronym(name) else None
            return "on " + _the(name) + (f" ({acr})" if acr else "")
        country = c.setting_of(arts[0])
        return f"about {the_country(country)}" if country else None

    def ordering(self) -> list[_Cand | None]:
        c = self.corpus
        rows = [(f, c.events[f.id], f.date) for f in c.dates
                if f.id in c.events and listable_event(c.events[f.id]) and _datable(f)
                and _clean_event(f, c.events[f.id]) and not self._to_come(f)]

        def clash(a, b) -> bool:
            # two numbered events ("the 49th Congress", "the 50th Congress") give their order away,
            # and so do two of one thing ("the Convention is signed", "the Convention enters into force")
            return (compatible(a[2], b[2]) or _same_event(a[1], b[1])
                    or normalise(a[1]) == normalise(b[1])
                    or bool(_ORDINAL.search(a[1]) and _ORDINAL.search(b[1])) or _same_thing(a[1], b[1]))

        out: list[_Cand | None] = []
        for unsorted in self.article_groups(rows, clash, ORDER_MIN, ORDER_MAX):
            group = sorted(unsorted, key=lambda r: (date_interval(r[2]) or (r[2],))[0])
            facts = [r[0] for r in group]
            items = [r[1] for r in group]
            expl = " ".join(_date_statement(r[1], r[2]) + "." for r in group)
            prompt = self.in_context(ORDER_PROMPT, facts)
            if prompt is None:
                continue  # "Put these events in order" of which story? (failed blind as context-free)
            out.append(self.make("ordering", facts, "order", prompt, " \u2192 ".join(items),
                                 items=items, dq=0.5, explanation=expl,
                                 slot="order|" + ",".join(sorted(f.id for f in facts))))
        return out


def _same_thing(a: str, b: str) -> bool:
    """Do two events name one thing ("The Albufeira Convention is signed", "The Albufeira Convention
    enters into force")? Their order follows from what was done, not from reading (round 74)."""
    def names(text: str) -> set[str]:
        # (texts only: a body that acts in every line of a timeline gives no order away)
        return {normalise(m) for m in re.findall(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+(?:Convention|Agreement|Treaty|"
                                                 r"Protocol|Accord|Charter|Pact|Act|Regulation|Directive|Declaration)\b", text)}
    return bool(names(a) & names(b))


_ORDINAL = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                      r"tenth|[A-Z][a-z]+-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))\b", re.I)

# A bound or a span is no date of an event: "before the end of 2025", "by 2030", "since 2014",
# "for the 2020s" (a decade) cannot be matched to, or ordered by, one date.
_BOUND_BEFORE = re.compile(r"\b(?:before|by|until|till|through|since|after|no later than|end of|beginning of|"
                           r"start of|from|between|the)\s*$", re.I)


def _datable(f: Any) -> bool:
    if (getattr(f, "subtype", "") or "") == "decade" or _day_range(f):
        return False
    for src in f.sources[:1]:
        for start, end in date_offsets(src.sentence, f.date or ""):
            if _BOUND_BEFORE.search(src.sentence[:start].rstrip()) or re.match(r"s\b", src.sentence[end:]):
                return False
    return True


def _day_range(f: Any) -> bool:
    """Is the fact's day the first of a span ("held on 7-9 May", "May 7-9, 2025", "from 7 to 9 May")?
    The extractor keeps the start as the event's date; matched or ordered beside single days, "7 May
    2025" reads as the day it was held, which it only began (round 57 failed it)."""
    m = re.fullmatch(r"\d{4}-(\d\d)-(\d\d)", f.date or "")
    if not m:
        return False
    month = MONTH_NAMES[int(m.group(1)) - 1]
    day, mon = str(int(m.group(2))), rf"(?:{month}|{month[:3]}\.?)"
    span = (rf"\b{day}(?:st|nd|rd|th)?\s*(?:[-–]|to|until|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{mon}\b"
            rf"|\b{mon}\s+{day}(?:st|nd|rd|th)?\s*(?:[-–]|to|until|and)\s*\d{{1,2}}\b")
    return any(re.search(span, s.sentence) for s in f.sources[:1])


def _clean_event(f: Any, label: str) -> bool:
    """An event listed beside others must be one the parse found whole: a named subject doing
    something in a main clause (the extractor then wrote its "when" question). Blind review
    rejected every list built from cut text ("The INC Bureau to meet", "Night the three candidates
    were still lobbying", "fifty-one ( ) districts", a hypothetical from a quote: 0 of 16)."""
    if not getattr(f, "question", None):
        return False
    if re.search(r"\(\s*\)|^(?:Meanwhile|Night|Morning|Evening|Later|Earlier|Then)\b|\bto\s+\w+$", label):
        return False
    return not any(re.search(r"\b(?:if|when|whenever|should|would|could)\b", s.sentence[:80], re.I)
                   and not date_offsets(s.sentence, f.date or "") for s in f.sources[:1])


# Words of an office or a body that name no one in particular ("Minister of State Administration",
# "head of the Electoral Commission", "Executive Director of the National Agency").
_OFFICE_WORDS = frozenset(w for t in TITLES for w in t.lower().split()) | PORTFOLIO_WORDS | frozenset("""
state administration national federal central reserve public general executive electoral independent supreme
commission council committee board authority agency office department ministry bank secretariat unit
directorate bureau service services institute fund programme program government cabinet parliament
assembly presidency mission court tribunal force party the of for and in at on to
""".split())


def says_whose(label: str) -> bool:
    """Does an office say whose it is: a place ("Governor of the Reserve Bank of New Zealand"), a
    body's letters ("(SWAPO)"), or a word of a body's own name ("Eurasian", "Tasman")? A matching
    stem names no story, so "Minister of State Administration" or "head of the Electoral
    Commission" names no one's office (rounds 57-58)."""
    if places_in(label) or re.search(r"\b[A-Z]{2,}\b", label):
        return True
    words = re.findall(r"(?<![\w'’-])[A-ZÀ-Þ][\w'’-]*", label)
    return any(w.lower() not in _OFFICE_WORDS for w in words)


def _told_there(f: Any, label: str) -> bool:
    """Does a sentence that names the person give the office's body or country ("Governor Lucia
    Armendariz said ..." gives no bank: the extractor placed the bare title in the article's one
    bank, round 64)? And is the office one phrase, not two lines run together ("Minister of the
    Interior For the Hellenic Republic": a signature block's next line)?"""
    if re.search(r"\s(?:For|Of|And|The)\s", label):
        return False
    m = re.search(r"\s(?:of|at|for)\s+(?:the\s+)?(.+)$", label)
    if m is None:
        return True  # "Belarusian Deputy Prime Minister": the office says where in its own words
    body = m.group(1)
    own = [w for w in re.findall(r"[A-ZÀ-Þ][\w'’-]*", body) if w.lower() not in _OFFICE_WORDS]
    return is_country(re.sub(r"\s*\([^)]*\)$", "", body)) or not own or any(
        re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", s.sentence) for w in own for s in f.sources)


def _one_country_each(labels: Any) -> bool:
    """Does every office name a country, each a different one ("Malaysian Minister of Home Affairs",
    "Minister of Home Affairs of Brunei Darussalam", ...)? Then the names alone pair them: blind
    reviews failed such matching items as solvable by a surface trick. One office of a body among
    them (of three or more) changes nothing: the last name left pairs with it (round 20B; with three,
    rounds 24B, T8 and 27B failed "Omar Haddad goes with Jordan, Joyce Wambui with Kenya, and the
    third follows by elimination")."""
    labels = list(labels)
    firsts = [places[0] for label in labels for places in [places_in(label)] if places]
    return len(set(firsts)) == len(firsts) and len(firsts) >= max(2, len(labels) - (len(labels) >= 3))
