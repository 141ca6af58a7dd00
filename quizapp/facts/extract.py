"""The extraction pipeline: spaCy once over every sentence, then cheap rules per fact kind.

``extract(articles)`` is pure: article texts in, ``Fact`` objects out, no Flask and no database. Each
fact keeps its provenance (article key + the exact sentence) and a stable id derived from what the
fact *says*, so re-running on an unchanged corpus yields the same ids.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import groupby

from ..corpus.parse import dateline_length, looks_english
from .actors import (
    FIRST_PLURAL,
    ActorContext,
    body_of_office,
    is_participants,
    ministers_of,
    named_party,
    resolve_actor,
)
from .chairs import chair_question, meeting_named
from .dates import find_dates
from .event_questions import when_parts
from .events import event_for
from .goals import find_goals
from .ids import _human, fact_id
from .leaders import leader_mentions, signed_for
from .lexicon import COUNTRY_NAMES, NATIONALITIES, OFFICE_TITLES
from .mechanisms import (
    acronym_mentions,
    defined_acronyms,
    find_mentions,
    ner_mentions,
    normalise,
    tidy,
)
from .merge import _role_family, merge
from .nlp import load_nlp
from .places import with_the
from .roles import WHERE_GIVEN, role_at_line_start
from .sides import lead_in_of, others_as_subject, plural_named_subject
from .speakers import actor_context
from .timeline_questions import TIMELINE_ENTRY, timeline_question
from .types import ArticleInput, Fact, SentenceInput, Source
from .who_questions import who_question

COUNTRY_WORDS = {c.lower() for c in NATIONALITIES.values()}
ACRONYM_TOKEN = re.compile(r"\b(?:[A-Z]{3,6}|G\d{1,2}|[A-Z]{2,5}\d{1,2})\b")
# Acronyms that are never named mechanisms: wire services and broadcasters, diseases, wars, units.
NOT_MECHANISM_ACRONYMS = {"AFP", "AP", "CNN", "BBC", "NBC", "CBS", "ABC", "UPI", "DPA", "ANI", "PTI", "CGTN",
                          "CCTV", "TASS", "IRNA", "WAM", "SPA", "KCNA", "MSNBC", "NPR", "PBS", "RFE", "RFI",
                          "COVID", "SARS", "MERS", "HIV", "AIDS", "WWI", "WWII", "GMT", "UTC", "EST", "CEST",
                          "USD", "EUR", "GDP", "CEO", "CFO", "USA", "UAE", "PRC", "DPRK", "ROK", "URL", "PDF",
                          "IANS", "PAP", "KUNA", "QNA", "MENA", "EFE", "ANSA", "APA", "AM", "PM", "BST",
                          "CET", "EDT", "PST", "IST", "WAT", "EAT", "CAT", "SAST", "HTML", "FAQ", "NGO", "NGOS",
                          "MP", "MPS", "UK", "US"}


# A quotation told as a person's ('..., "we will ...," he said', '..., said Ana Ruiz'): the "we" in it
# is the speaker's side, which need not be the body the article is about.
_QUOTED_PERSON = re.compile(r"[\"”]\s*,?\s*(?:(?:he|she)\s+(?:said|says|added|told)|(?:said|says|added)\s+(?!the\b)[A-Z])"
                            r"|[,”\"]\s*(?:he|she)\s+(?:said|says|added)\b")


# "NAIROBI, March 3, 2023 (Reuters) - " / "Brussels - ": a wire dateline opening a sentence.
DATELINE_PREFIX = re.compile(
    r"^\s*[A-Z][A-Za-z.'’ ]{1,40}(?:/[A-Z][A-Za-z.'’ ]{1,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^)]{1,40}\))?\s+[-–—]{1,2}\s+"
)


def extract(articles: Iterable[ArticleInput], batch_size: int = 64) -> list[Fact]:
    """Facts of the four kinds from ``articles``, merged across articles."""
    raw = extract_raw(articles, batch_size)
    return merge([f for facts in raw.values() for f in facts])


def extract_raw(articles: Iterable[ArticleInput], batch_size: int = 64) -> dict[str, list[Fact]]:
    """Each article's own facts, unmerged, keyed by article key (one batched spaCy pass).

    An article's raw facts depend on that article alone (names and acronyms are resolved inside
    the article; across articles only at merge time), so re-extracting one changed article and
    merging with the stored raw facts of the others gives the same result as a full run.
    """
    articles = list(articles)
    nlp = load_nlp()
    # a dateline is blanked (same length, so token offsets still index the sentence): the parser
    # would otherwise take "NASSAU, The Bahamas -" for the subject of the first sentence
    jobs = [(_blank_dateline(s.text), (a, s)) for a in articles for s in a.sentences]
    raw: dict[str, list[Fact]] = {a.key: [] for a in articles}
    # Each article's facts are made as soon as its last sentence is parsed, and its docs dropped:
    # holding every parsed sentence of a corpus until the end made memory grow with the corpus
    # (it cost no measurable time on the bench's 50,000 words).
    parsed = nlp.pipe(jobs, as_tuples=True, batch_size=batch_size)
    for _key, group in groupby(parsed, key=lambda job: job[1][0].key):
        pairs = list(group)
        art = pairs[0][1][0]
        raw[art.key].extend(_article_facts(art, [(doc, sent) for doc, (_art, sent) in pairs]))
    for art in articles:
        if not art.sentences:
            raw[art.key].extend(_article_facts(art, []))
    return raw


def _article_facts(art: ArticleInput, docs: list) -> list[Fact]:
    """One article's raw facts from its parsed sentences (``(doc, sentence)`` pairs, in order)."""
    out: list[Fact] = []
    repeated = _repeated_org_words(docs)
    # names and leader mentions are found once per sentence and reused by both passes
    items = [(doc, sent, _mechanism_mentions(doc, sent.text, repeated), leader_mentions(doc, sent.text))
             for doc, sent in docs]
    _roles_from_next_line(items)
    people, acronyms = _article_context(items)
    actors = actor_context(items, acronyms, art)
    recent: list[str] = []
    for doc, sent, mentions, leaders in items:
        recent = (recent + [sent.text])[-5:]
        actors.recent_text = " ".join(recent)  # (this sentence and the four before it)
        group = plural_named_subject(doc)
        if group:
            group, persons = group
            if persons:
                actors.last_people = _resolve_names(group, people)
            else:
                actors.last_group = _resolve_names(group, people)
        elif others_as_subject(doc):
            actors.last_group = None  # "Hauliers' groups ... warn ... They have called on ...": theirs (round 197)
        out.extend(_sentence_facts(doc, art, sent, people, acronyms, mentions, leaders, actors))
        for lm in leaders:
            actors.last_person = _resolve_short(lm.name, people)
    if art.published and art.published_text:
        out.append(_published_fact(art))
    return out


def _roles_from_next_line(items) -> None:
    """Attendee lists print a name on one line and the office on the next ("His Highness NAME" /
    "President of the United Arab Emirates"): a role-less name that ends its line takes the role
    that makes up the whole next line."""
    for k, (_doc, sent, _mentions, leaders) in enumerate(items[:-1]):
        nxt = items[k + 1][1]
        if nxt.paragraph == sent.paragraph or len(sent.text.split()) > 12:
            continue
        for i, lm in enumerate(leaders):
            if lm.role is None and not sent.text[lm.end:].strip(" ,.;:"):
                r = role_at_line_start(nxt.text)
                if r is not None:
                    leaders[i] = replace(lm, role=r.role, country=r.country)


def _blank_dateline(text: str) -> str:
    n = dateline_length(text)
    return " " * n + text[n:] if n else text


def _repeated_org_words(docs) -> set[str]:
    """Single proper names the NER calls an organisation at least twice in one article and never
    a person or a place ("Interpol", "Mercosur"): one-word bodies an article names repeatedly."""
    org: dict[str, int] = defaultdict(int)
    other: set[str] = set()
    for doc, _sent in docs:
        for ent in doc.ents:
            word = re.sub(r"^the\s+|['’]s?$", "", ent.text, flags=re.I)
            if " " in word:
                continue
            if ent.label_ == "ORG":
                org[word] += 1
            elif ent.label_ in ("PERSON", "GPE", "NORP", "LOC"):
                other.update(re.sub(r"['’]s?$", "", w) for w in ent.text.split())
    return {w for w, n in org.items() if n >= 2 and w not in other and w[:1].isupper()
            and w.lower() not in NATIONALITIES and w.lower() not in COUNTRY_WORDS and w.lower() not in COUNTRY_NAMES}


def _mechanism_mentions(doc, text: str, repeated: set[str]):
    mentions = find_mentions(text)
    mentions += defined_acronyms(text, mentions)
    mentions += ner_mentions(doc, text, mentions, repeated)
    out = []
    for m in mentions:
        t = _trim_by_parse(doc, text, m)
        t = tidy(t, text) if t is not None else None
        if t is not None and t.name.lower().removeprefix("the ") in COUNTRY_NAMES:
            continue  # a country is a place, whatever the tagger says
        if t is not None:
            t = _with_ordinal(text, t)
        if t is not None and not any(o.start == t.start and o.end == t.end for o in out):
            out.append(t)
    return out


# "14th", "Nineteenth", "Forty-Fourth": a numbered session or meeting keeps its number.
ORDINAL_BEFORE = re.compile(r"(?:\b\d{1,3}(?:st|nd|rd|th)|\b(?:[A-Z][a-z]+-)?(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|"
                            r"Eighth|Ninth|Tenth|Eleventh|Twelfth|[A-Z][a-z]+teenth|[A-Z][a-z]+ieth))\s+$")


def _with_ordinal(text: str, m):
    if m.subtype not in ("format", "summit") and not re.search(r"\b(?:Meeting|Session|Summit|Conference|Congress|Assembly)\b", m.name):
        return m
    hit = ORDINAL_BEFORE.search(text[max(0, m.start - 20):m.start])
    if not hit:
        return m
    start = m.start - (len(text[max(0, m.start - 20):m.start]) - hit.start())
    return replace(m, name=text[start:m.end], start=start)


def _trim_by_parse(doc, text: str, m):
    """A capitalised run that starts with a word no name starts with ("Because the Assembly",
    "Adopted the Kuala Lumpur Work Plan", "Then the Agreement"): drop it and a following "the"."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    toks = list(span) if span is not None else []
    k = 0
    while k < len(toks) - 1 and (toks[k].pos_ in ("SCONJ", "ADV", "VERB", "AUX", "CCONJ", "PRON", "ADP", "PART")
                                 or toks[k].lower_ in ("the", "a", "an")):
        k += 1
    if k == 0:
        return m
    start = toks[k].idx
    name = text[start:m.end]
    if len(name) < 2 or not name[:1].isupper():
        return None
    return replace(m, name=name, start=start)


def _article_context(items) -> tuple[dict[str, dict], dict[str, str]]:
    """People (full name -> role counts, country) and acronym definitions within one article."""
    people: dict[str, dict] = {}
    acronyms: dict[str, str] = {}
    for _doc, sent, mentions, leaders in items:
        for m in mentions:
            if m.acronym:
                acronyms[m.acronym] = m.name
        for lm in leaders:
            if not lm.role and re.match(r"\s+[A-Z][a-z]", sent.text[lm.end:]):
                continue  # "a common Danube Drought Early Warning platform": a name inside a longer one is
                # nobody, and no full name of "the Danube" (round 208)
            if " " in lm.name:
                entry = people.setdefault(lm.name, {"roles": defaultdict(int), "country": None})
                if lm.role:
                    entry["roles"][lm.role] += 1
                if lm.country and not entry["country"]:
                    entry["country"] = lm.country
    return people, acronyms


def _telegraphic(text: str) -> bool:
    """A headline (no closing punctuation) or a sentence opening on a word in capitals that is no
    acronym of two to five letters (a dateline: "SAN JOSÉ, ...", "NAIROBI –")."""
    t = text.strip()
    if not re.search(r"[.!?][\"'”’)]*$", t):
        return True
    first = re.match(r"([^\W\d_]+)(\s*[,–—:-])?(?:\s+([^\W\d_]+))?", t)
    # (an acronym of any length may open a sentence: "CARICOM came into effect ..."; a dateline is
    # followed by its punctuation or by more capitals, "SAN JOSÉ")
    return bool(first and first.group(1).isupper() and len(first.group(1)) > 1 and (
        first.group(2) or (first.group(3) or "").isupper() and len(first.group(3) or "") > 1))


def _src(art: ArticleInput, sent: SentenceInput, span: tuple[int, int] | None = None) -> Source:
    return Source(art.key, sent.text, sent.idx, span)


def _recent(iso: str, published) -> bool:
    """Does ``iso`` fall in the article's year or the year before (or later)? Older dates told in an
    aside are the story's backdrop."""
    if published is None or not re.match(r"\d{4}", iso or ""):
        return False
    return int(iso[:4]) >= published.year - 1


def _ahead(iso: str, published) -> bool:
    """Is the day ``iso`` after the article was written? (A present tense dated then is a timetable;
    dated before, a timeline's historic present.)"""
    if published is None or not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", iso or ""):
        return False
    return iso > published.isoformat()[:len(iso)]  # (a month or a year wholly after it too)


def _published_fact(art: ArticleInput) -> Fact:
    text = art.published_text or ""
    sentence = text
    idx = None
    span = art.published_span
    # the dateline date sits inside a body sentence: cite that sentence
    for s in art.sentences:
        if span and s.start <= span[0] < s.end:
            sentence, idx = s.text, s.idx
    if art.raw and span and idx is None:
        line_start = art.raw.rfind("\n", 0, span[0]) + 1
        line_end = art.raw.find("\n", span[0])
        sentence = art.raw[line_start : line_end if line_end >= 0 else len(art.raw)].strip()
    iso = art.published.isoformat()
    event = f"the article “{art.title}” was published"
    return Fact(
        id=fact_id("date", "published", art.key),
        kind="date",
        statement=f"The article “{art.title}” was published on {_human(iso)}.",
        answer=iso,
        aliases=[_human(iso)],
        confidence=0.95,
        sources=[Source(art.key, sentence, idx, span)],
        date=iso,
        event=event,
        subtype="publication",
    )


def _sentence_facts(doc, art: ArticleInput, sent: SentenceInput, people, acronyms, mentions=None,
                    leaders=None, actors: ActorContext | None = None) -> list[Fact]:
    facts: list[Fact] = []
    text = sent.text
    if not looks_english(text):
        return facts  # a caption or alt text in another language: the English body says it too
    dl = DATELINE_PREFIX.match(text)
    skip_before = max(dl.end() if dl else 0, dateline_length(text))
    # a headline or a caption is telegraphic ("Volleyball body elects president as Bahrain, Thailand
    # land"), and a capitalised dateline the parser missed may pass for a subject ("SAN JOSÉ cut
    # ..."): neither is asked about in a question of our own words
    asks = not _telegraphic(text)
    meeting = meeting_named(doc, sent.idx) if asks else None
    if meeting is not None and actors is not None:
        actors.last_meeting = meeting
    # mechanisms
    mentions = find_mentions(text) if mentions is None else mentions
    mentions = mentions + acronym_mentions(text, acronyms, mentions)
    for m in mentions:
        is_acr = m.name in acronyms and m.name.isupper()
        name = acronyms[m.name] if is_acr else m.name
        aliases = [m.acronym] if m.acronym else ([m.name] if is_acr else [])
        facts.append(Fact(
            id=fact_id("mechanism", normalise(name)), kind="mechanism", statement="", answer=name,
            aliases=aliases, confidence=0.9 if m.subtype else 0.8,
            sources=[_src(art, sent, (sent.start + m.start, sent.start + m.end))],
            name=name, subtype=m.subtype or None,
            question=who_question(doc, m.start, m.end, skip_before) if asks else None,  # what the body did
        ))
    covered = [(m.start, m.end + 8) for m in mentions]
    for m in ACRONYM_TOKEN.finditer(text):
        acr = m.group()
        if acr in NOT_MECHANISM_ACRONYMS or acr.lower() in NATIONALITIES or any(a <= m.start() < b for a, b in covered):
            continue
        # an acronym defined in another article: resolved by the corpus-wide merge; one never
        # defined stays a body of its own when the article treats it as one ("the JCPOA", twice)
        named = bool(re.search(r"\b(?:the|of|under|by|with|from|to|at)\s+$", text[:m.start()])) or \
            len(re.findall(rf"\b{re.escape(acr)}\b", art.raw)) >= 2
        facts.append(Fact(
            id=fact_id("mechanism", acr.lower()), kind="mechanism", statement="", answer=acr, aliases=[],
            confidence=0.7 if named else 0.6,
            sources=[_src(art, sent, (sent.start + m.start(), sent.start + m.end()))],
            name=acr, subtype="acronym",
        ))
    # leaders (short names stay short here: the merge maps them to the full name)
    for lm in leader_mentions(doc, text) if leaders is None else leaders:
        full = _resolve_short(lm.name, people)
        info = people.get(full)
        role, country = lm.role, lm.country
        role, country = role and WHERE_GIVEN.sub("", role), country and WHERE_GIVEN.sub("", country)
        # an office is one line: a signature block's next line ("...Cooperation\nNAME2, ...") is the next person's
        role, country = role and role.split("\n")[0].strip(), country and country.split("\n")[0].strip()
        if not role and info and info["roles"]:
            role = max(info["roles"], key=info["roles"].get)
        elif role and info and info["roles"]:
            # "Governor Orellano" after "The Governor of San Juan, Marcelo Orellano": the office in full
            # (a province's governor is no bank's, round 48)
            fuller = [r for r in info["roles"] if r.lower().startswith(role.lower() + " of ")]
            role = max(fuller, key=info["roles"].get) if fuller else role
        if not country and info:
            country = info["country"]
        if country and re.fullmatch(r"(?:the\s+)?(?:commission|council|bank|agency|authority|organi[sz]ation|union|"
                                    r"committee|secretariat|association|federation|fund|institute|court|alliance)",
                                    country.strip()):
            # "the commission's president, NAME": the one commission the article is about, if it names one
            country = actors.org_with_head(country.split()[-1][:6]) if actors is not None else None
        if not country and role and actors is not None:
            prev = art.sentences[sent.idx - 1].text if 0 < sent.idx <= len(art.sentences) \
                and art.sentences[sent.idx - 1].idx == sent.idx - 1 else ""
            country = body_of_office(role, text[:lm.start], actors, text[lm.end:], prev) \
                or (signed_for(f"{prev}\n{text[:lm.start]}") if prev.rstrip().endswith(":") else None)
        office = (role or "").split(" at ")[0].lower()
        conf = 0.9 if office in OFFICE_TITLES else (0.75 if role else 0.5)
        facts.append(Fact(
            id=fact_id("leader", full), kind="leader", statement="", answer=full,
            aliases=[lm.name] if lm.name != full else [], confidence=conf,
            sources=[_src(art, sent, (sent.start + lm.start, sent.start + lm.end))],
            name=full, role=role, country=country, subtype=_role_family(role) if role else None,
            question=(who_question(doc, lm.start, lm.end, skip_before)
                      or chair_question(doc, lm.start, lm.end, sent.idx, getattr(actors, "last_meeting", None)))
            if asks else None,
        ))
    # dates (a dateline's own date is the publication fact, not an event)
    ctx = actors or ActorContext()
    found_dates = find_dates(text, art.published, art.year_hint, lambda s, e: _future_at(doc, s, e), ctx.last_date)
    stated = [d for d in found_dates if d.how in ("mdy", "dmy", "iso", "my", "dm", "md", "year", "wd_paren")]
    if stated:
        ctx.last_date = stated[-1].iso
    for d in found_dates:
        if d.start < skip_before:
            continue
        if d.anniversary_of:
            what = re.split(r"\s+(?:as|which|that|when|while|carries|was|is|will)\s+", d.anniversary_of)[0]
            what = re.sub(r"^(?:the)\s+", "", what.strip())
            event = f"the {what}" if what.lower().startswith("sign") else f"the signing of the {what}"
            if not re.search(r"\b(?:treaty|agreement|accord|pact|convention|charter|declaration|protocol)\b", what, re.I):
                event = f"the {what}" if not what.lower().startswith(("sign", "found", "establish")) else f"the {what}"
        else:
            event = event_for(doc, d.start, d.end, skip_before)
        weak = False
        if not event or len(event.split()) < 2:
            # the parse gave no clean clause: the sentence around the date still says what happened
            event = _event_from_sentence(text, d.start, d.end, skip_before)
            weak = True
            if not event:
                continue
        event = _resolve_names(event, people)
        asked = None
        if asks and TIMELINE_ENTRY.match(text):
            # (a timeline's line is parsed again on its own, so a weak parse of it here is no bar)
            question = timeline_question(load_nlp(), text, d.start, d.end, ctx.body_with_head, ctx.lower_words,
                                         ahead=_ahead(d.iso, art.published))
        elif asks and not weak:
            asked = when_parts(doc, d.start, d.end, skip_before, resolve=ctx.body_with_head,
                               party=lambda subject: named_party(subject, ctx),
                               recent=_recent(d.iso, art.published), ahead=_ahead(d.iso, art.published))
            question = asked.question if asked is not None else None
        else:
            question = None
        facts.append(Fact(
            # (the id keeps the event as first found, so a clause written from the question renames
            # no fact a student has studied)
            id=fact_id("date", d.iso, event), kind="date", statement="", answer=d.iso,
            aliases=[_human(d.iso)],
            confidence=(0.9 if d.how in ("mdy", "dmy", "iso", "wd_paren") else 0.75) - (0.15 if weak else 0),
            sources=[_src(art, sent, (sent.start + d.start, sent.start + d.end))],
            date=d.iso, event=asked.clause if asked is not None else event, subtype=d.how,
            question=question,
        ))
    # goals
    if actors is not None and text.rstrip().endswith(":"):
        lead = lead_in_of(text, doc, actors)
        if lead is not None:
            actors.lead_in = lead or None
            said = re.search(r"\b(agree|decide|resolve)d?\s+(?:on\s+|upon\s+)?(?:as\s+follows|the\s+following)", text)
            actors.lead_in_verb = said.group(1) if said else None
    # ("What does Oman hope to gain?": an explainer's heading asks; it states no one's aim)
    for g in ([] if re.search(r"\?\W*$", text) else find_goals(doc)):
        if skip_before and 0 <= text.find(g.actor) < skip_before and text.find(g.actor, skip_before) < 0:
            continue  # "TROMSØ, Norway, Oct 17 (Wire) - Seven of ... agreed": a dateline parsed as the subject
        ctx = actors or ActorContext()
        quoted_we = g.actor.lower().strip() in ("we", "our", "us") and not ctx.signatories and _QUOTED_PERSON.search(text)
        # ('"We want Cambodian knowledge in our fields," he said': his side, not the release's; kept unnamed)
        actor = g.actor if quoted_we else _whose(g.actor, text[:doc[g.lo].idx], leaders or [], people, ctx) \
            or resolve_actor(g.actor, ctx)
        if re.fullmatch(r"(?:on\s+|upon\s+)?the\s+following|as\s+follows", g.goal):
            continue  # "The two sides agreed on the following:": the points say what
        verb = g.verb
        if g.actor == "We" and ctx.lead_in and not ctx.signatories and not re.match(r"\W*We\b", text):
            actor = ctx.lead_in  # "The two Ministers: ... 3. Agreed to amend ...": the lead-in's ministers
            verb = ctx.lead_in_verb if g.verb == "aim" and ctx.lead_in_verb else g.verb  # ("4. To accelerate ...")
        elif g.actor == "They" and actor == "They" and ctx.lead_in and re.match(r"\s*(?:\d{1,2}[.)]\s+)?They\b", text):
            # "The delegations agreed as follows: ... 2. They agreed to establish ...": each point's
            # "They" is the lead-in's (round 121: eight points lost)
            actor = ctx.lead_in
        if actor is None:
            continue
        if actor == g.actor and re.search(r"\b(?:19|20)\d\d$", actor):
            span = re.search(re.escape(actor) + r"([-–/](?:19|20)?\d\d)\b", text)
            if span:
                actor += span.group(1)  # "the Action Plan 2026-2030": the parse cut the range (round 118)
        if actor == g.actor and len(doc) and doc[0].text == actor and not doc[0].ent_type_ \
                and not (len(actor) > 1 and actor.isupper()) and (  # ("WOAH aims to ...": its letters name a body)
                doc[0].pos_ == "NOUN" or doc[0].pos_ == "PROPN" and doc[0].lower_ in ctx.lower_words):
            # "Interconnection is identified ... as a measure to reduce ...": a thing, capitalised
            # only as the sentence's first word, is no named party (round 45); nor a noun the tagger
            # took for a name that the article writes in lower case elsewhere ("Qualification will
            # open with the 2027 World Championships", round 74)
            actor = actor.lower()
        # ministers named by whose they are, in the same words the article's other aims use ("Finance
        # ministers ... from the Group of 20" -> "the finance ministers ... of the Group of 20"), and
        # "they" right after them in the same sentence ("When the finance ministers of A, B and C
        # met ..., they agreed to ...")
        named = ministers_of(g.actor) if "inisters" in g.actor else None
        if named is None and g.actor.lower() == "they":
            named = ministers_of(text[:doc[g.lo].idx]) if "inisters" in text[:doc[g.lo].idx] else None
        if named is not None:
            actor = named
        if actor not in (ctx.signatories, ctx.ministers, named):  # (countries listed are no short names of people)
            actor = _resolve_names(actor, people)
        sources = [_src(art, sent, (sent.start + doc[g.lo].idx, sent.start + doc[g.hi].idx + len(doc[g.hi])))]
        if g.actor.lower() in FIRST_PLURAL and ctx.signatories and actor == ctx.signatories \
                and ctx.preamble is not None and ctx.preamble.idx != sent.idx:
            sources.append(_src(art, ctx.preamble))  # the preamble says who "we" are
        elif g.actor != actor and (said := ctx.ministers_sentence if actor == ctx.ministers or is_participants(g.actor)
                                   else ctx.met_sentence if ctx.sides and actor == f"the ministers of {ctx.sides}"
                                   else None) is not None and said.idx != sent.idx:
            # ... and this one whose ministers they are (or where the two sides' ministers met)
            sources.append(_src(art, said))
        facts.append(Fact(
            id=fact_id("goal", actor, g.goal), kind="goal", statement="", answer=g.goal,
            aliases=[], confidence=0.8 if g.verb != "should" else 0.7,
            sources=sources, actor=actor, goal=g.goal, items=g.items, subtype=verb,
        ))
    return facts


# "his government", "her country": the person's, as the article gives their country.
_HIS_GOVERNMENT = re.compile(r"(?i)(?:his|her)\s+(?P<what>government|country)")
# An office named alone ("The Minister", "the Director-General"): the one person the article gives it.
_BARE_OFFICE = re.compile(r"(?i)the\s+(?P<title>minister|director(?:[- ]general)?|secretary[- ]general|president|"
                          r"governor|chair(?:man|woman|person)?|commissioner|ambassador|prime\s+minister)")


def _whose(actor: str, before: str, leaders, people: dict[str, dict], ctx: ActorContext) -> str | None:
    """The named party behind "his government" (the government of the country of the person the
    sentence, or else the article, named last) or "the Minister" (the one person of the article
    holding a minister's office); None when the article does not say."""
    m = _HIS_GOVERNMENT.fullmatch(actor.strip())
    if m:
        here = [lm for lm in leaders if lm.end <= len(before) and " " in lm.name]
        name = _resolve_short(here[-1].name, people) if here else ctx.last_person
        country = (here[-1].country if here else None) or (people.get(name or "", {}).get("country"))
        if not country:
            return None
        # ("her country" of the Minister of Labour of the Dominican Republic: "the Dominican Republic", held-back round 166)
        return f"{with_the(country)}'s government" if m.group("what").lower() == "government" else with_the(country)
    m = _BARE_OFFICE.fullmatch(actor.strip())
    if m:
        title = re.sub(r"[- ]", " ", m.group("title").lower())
        # (a vice-president, a deputy or a former minister holds no such office: "the President" is not theirs)
        holders = {name for name, info in people.items()
                   if any(re.search(rf"(?<!vice )(?<!deputy )(?<!former )\b{title}\b", re.sub(r"[- ]", " ", role.lower()))
                          for role in info["roles"])}
        if title == "minister":
            holders = {n for n in holders if not any("prime minister" in r.lower() for r in people[n]["roles"])}
        return next(iter(holders)) if len(holders) == 1 else None
    return None


def _event_from_sentence(text: str, start: int, end: int, skip_before: int) -> str | None:
    """The sentence without its date phrase (and dateline), cut to a readable length: a plain
    account of the event when the parse offered no clause."""
    before = re.sub(r"\b(?:on|in|since|from|by|at|during|until)\s*$", "", text[skip_before:start]).rstrip(" ,(")
    rest = before + " " + text[end:].lstrip(" ,)")
    rest = re.sub(r"\s+", " ", rest).strip(" ,.;:–—-")
    words = rest.split()
    if len(words) < 4 or not rest[:1].isupper() and not rest[:1].isdigit():
        return None
    return " ".join(words[:22]).rstrip(",;:")


def _future_at(doc, start: int, end: int) -> bool:
    """Is the date at ``start..end`` attached to a clause about what is still to come ("will
    meet on Monday", "is scheduled for 12 October")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    for _ in range(5):
        if tok is None:
            return False
        if any(c.lower_ in ("will", "shall") or (c.dep_ == "aux" and c.lower_ == "to") for c in tok.children):
            return True
        if tok.tag_ in ("VBD",) or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in tok.children):
            return False
        if tok.lemma_.lower() in ("schedule", "due", "plan", "set", "expect") and tok.tag_ == "VBN" \
                or any(c.dep_ == "acomp" and c.lower_ == "due" for c in tok.children):
            return True  # ("The next decision is due on April 29": still to come, round 48)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _resolve_short(name: str, people: Iterable[str]) -> str:
    """'Xi' -> 'Xi Jinping', 'Putin' -> 'Vladimir Putin' when exactly one known person fits."""
    if " " in name:
        return name
    fits = {p for p in people if name in p.split() and p != name}
    return fits.pop() if len(fits) == 1 else name


def _resolve_names(text: str, people) -> str:
    """Short names inside a clause replaced by the article's one full name that contains them.

    A word inside another capitalised name is no short name: "Lombok" in "the Gili and Lombok
    Conservation Fund" stays, whatever person the article names "... Lombok"."""
    for full in people:
        parts = full.split()
        for short in {parts[0], parts[-1]}:
            if short.lower() in COUNTRY_NAMES:
                continue  # "Malawi" is the country, not "Lake Malawi" the tagger took for a person (round 196)
            if short != full and re.search(rf"\b{re.escape(short)}\b", text) and full not in text:
                if _resolve_short(short, people) == full:
                    text = re.sub(rf"(?<![\w-]){re.escape(short)}\b(?!\s+{re.escape(parts[-1])})(?!\s+[A-Z])",
                                  full, text, count=1)
    return text
