"""The extraction pipeline: spaCy once over every sentence, then cheap rules per fact kind.

``extract(articles)`` is pure: article texts in, ``Fact`` objects out, no Flask and no database. Each
fact keeps its provenance (article key + the exact sentence) and a stable id derived from what the
fact *says*, so re-running on an unchanged corpus yields the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..corpus.parse import dateline_length, looks_english
from .actors import ActorContext, resolve_actor
from .dates import find_dates
from .events import event_for
from .goals import find_goals
from .leaders import leader_mentions
from .lexicon import COUNTRY_NAMES, NATIONALITIES, OFFICE_TITLES
from .mechanisms import (
    acronym_mentions,
    acronym_of,
    defined_acronyms,
    find_mentions,
    ner_mentions,
    normalise,
    tidy,
)
from .nlp import load_nlp
from .roles import role_at_line_start
from .types import ArticleInput, Fact, SentenceInput, Source

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


# "NAIROBI, March 3, 2023 (Reuters) - " / "Brussels - ": a wire dateline opening a sentence.
DATELINE_PREFIX = re.compile(
    r"^\s*[A-Z][A-Za-z.'’ ]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^)]{1,40}\))?\s+[-–—]{1,2}\s+"
)


def fact_id(kind: str, *parts: str) -> str:
    """Stable id: a hash of what the fact says (never of article order or run)."""
    key = "|".join([kind, *[_key(p) for p in parts]])
    return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:16]


def _key(text: str | None) -> str:
    s = (text or "").replace("’", "'").replace("‘", "'").lower()
    s = re.sub(r"\W+", " ", s).strip()
    return re.sub(r"^the\s+", "", s)


# ---------------------------------------------------------------- the pipeline
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
    per_article: dict[str, list] = defaultdict(list)
    for doc, (art, sent) in nlp.pipe(jobs, as_tuples=True, batch_size=batch_size):
        per_article[art.key].append((doc, sent))
    for art in articles:
        docs = per_article.get(art.key, [])
        repeated = _repeated_org_words(docs)
        # names and leader mentions are found once per sentence and reused by both passes
        items = [(doc, sent, _mechanism_mentions(doc, sent.text, repeated), leader_mentions(doc, sent.text))
                 for doc, sent in docs]
        _roles_from_next_line(items)
        people, acronyms = _article_context(items)
        actors = _actor_context(items, acronyms, art)
        for doc, sent, mentions, leaders in items:
            group = _plural_named_subject(doc)
            if group:
                group, persons = group
                if persons:
                    actors.last_people = _resolve_names(group, people)
                else:
                    actors.last_group = _resolve_names(group, people)
            raw[art.key].extend(_sentence_facts(doc, art, sent, people, acronyms, mentions, leaders, actors))
            for lm in leaders:
                actors.last_person = _resolve_short(lm.name, people)
        if art.published and art.published_text:
            raw[art.key].append(_published_fact(art))
    return raw


def _actor_context(items, acronyms: dict[str, str], art: ArticleInput) -> ActorContext:
    """Counts of the bodies and people an article names, for resolving "we" and "I"."""
    ctx = ActorContext()
    for _doc, sent, mentions, leaders in items:
        weight = 2 if sent.paragraph == 0 else 1
        for m in mentions:
            if m.subtype not in ("organisation", "format", ""):
                continue
            name = acronyms.get(m.name, m.name) if m.name.isupper() else m.name
            ctx.org_counts[name] += weight
        for lm in leaders:
            if " " in lm.name:
                ctx.person_counts[lm.name] += weight
    return ctx


def _plural_named_subject(doc) -> tuple[str, bool] | None:
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
            persons = tok.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" for c in tok.children if c.dep_ == "conj")
            return actor_text(doc, tok), persons
    return None


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
    for _doc, _sent, mentions, leaders in items:
        for m in mentions:
            if m.acronym:
                acronyms[m.acronym] = m.name
        for lm in leaders:
            if " " in lm.name:
                entry = people.setdefault(lm.name, {"roles": defaultdict(int), "country": None})
                if lm.role:
                    entry["roles"][lm.role] += 1
                if lm.country and not entry["country"]:
                    entry["country"] = lm.country
    return people, acronyms


def _src(art: ArticleInput, sent: SentenceInput, span: tuple[int, int] | None = None) -> Source:
    return Source(art.key, sent.text, sent.idx, span)


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


def _human(iso: str) -> str:
    from datetime import date as _d

    parts = iso.split("-")
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    if len(parts) == 3:
        d = _d.fromisoformat(iso)
        return f"{d.day} {months[d.month - 1]} {d.year}"
    if len(parts) == 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def _sentence_facts(doc, art: ArticleInput, sent: SentenceInput, people, acronyms, mentions=None,
                    leaders=None, actors: ActorContext | None = None) -> list[Fact]:
    facts: list[Fact] = []
    text = sent.text
    if not looks_english(text):
        return facts  # a caption or alt text in another language: the English body says it too
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
        if not role and info and info["roles"]:
            role = max(info["roles"], key=info["roles"].get)
        if not country and info:
            country = info["country"]
        office = (role or "").split(" at ")[0].lower()
        conf = 0.9 if office in OFFICE_TITLES else (0.75 if role else 0.5)
        facts.append(Fact(
            id=fact_id("leader", full), kind="leader", statement="", answer=full,
            aliases=[lm.name] if lm.name != full else [], confidence=conf,
            sources=[_src(art, sent, (sent.start + lm.start, sent.start + lm.end))],
            name=full, role=role, country=country, subtype=_role_family(role) if role else None,
        ))
    # dates (a dateline's own date is the publication fact, not an event)
    dl = DATELINE_PREFIX.match(text)
    skip_before = max(dl.end() if dl else 0, dateline_length(text))
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
        facts.append(Fact(
            id=fact_id("date", d.iso, event), kind="date", statement="", answer=d.iso,
            aliases=[_human(d.iso)],
            confidence=(0.9 if d.how in ("mdy", "dmy", "iso", "wd_paren") else 0.75) - (0.15 if weak else 0),
            sources=[_src(art, sent, (sent.start + d.start, sent.start + d.end))],
            date=d.iso, event=event, subtype=d.how,
        ))
    # goals
    for g in find_goals(doc):
        actor = resolve_actor(g.actor, actors or ActorContext())
        if actor is None:
            continue
        actor = _resolve_names(actor, people)
        facts.append(Fact(
            id=fact_id("goal", actor, g.goal), kind="goal", statement="", answer=g.goal,
            aliases=[], confidence=0.8 if g.verb != "should" else 0.7,
            sources=[_src(art, sent, (sent.start + doc[g.lo].idx, sent.start + doc[g.hi].idx + len(doc[g.hi])))],
            actor=actor, goal=g.goal, items=g.items, subtype=g.verb,
        ))
    return facts


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
        if tok.lemma_.lower() in ("schedule", "due", "plan", "set", "expect") and tok.tag_ == "VBN":
            return True
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
    """Short names inside a clause replaced by the article's one full name that contains them."""
    for full in people:
        parts = full.split()
        for short in {parts[0], parts[-1]}:
            if short != full and re.search(rf"\b{re.escape(short)}\b", text) and full not in text:
                if _resolve_short(short, people) == full:
                    text = re.sub(rf"(?<![\w-]){re.escape(short)}\b(?!\s+{re.escape(parts[-1])})", full, text, count=1)
    return text


def _role_family(role: str) -> str:
    r = role.lower()
    for fam in ("foreign minister", "president", "prime minister", "minister", "ambassador",
                "spokesperson", "secretary", "fellow", "professor", "analyst"):
        if fam in r:
            return fam
    return r.split(" at ")[0]


# ---------------------------------------------------------------- merging
def _identity(f: Fact, full_names: dict[str, str], acronym_keys: dict[str, str]) -> tuple | None:
    """What makes two raw facts the same fact (None: drop it, e.g. an unresolvable short name)."""
    if f.kind == "leader":
        name = f.name or ""
        if " " not in name:
            resolved = full_names.get(name)
            if resolved is None and not f.role:
                return None
            name = resolved or name
        return ("leader", name)
    if f.kind == "mechanism":
        name = f.name or ""
        if f.subtype == "acronym":
            key = acronym_keys.get(name)
            if key:
                return ("mechanism", key)
            return ("mechanism", name.lower()) if f.confidence >= 0.7 else None
        if name.isupper() and name in acronym_keys:
            return ("mechanism", acronym_keys[name])
        return ("mechanism", normalise(name))
    if f.kind == "date":
        if f.subtype == "publication":
            return ("date", "published", f.sources[0].article)
        return ("date", f.date, _key(f.event))
    return ("goal", _key(f.actor), _key(f.goal))


def merge(raw: list[Fact]) -> list[Fact]:
    """Pure corpus-wide merge: one fact per identity, sources unioned, short names and acronyms
    resolved against everything in ``raw``, conflicting slot values kept and flagged.

    Ids hash the identity only, so they do not depend on article order or on which other
    articles are present.
    """
    # short names -> the unique full name containing them; acronyms -> their expansion's key
    fulls = sorted({f.name for f in raw if f.kind == "leader" and f.name and " " in f.name})
    tokens: dict[str, set[str]] = defaultdict(set)
    for full in fulls:
        for w in full.split():
            tokens[w].add(full)
    full_names = {w: next(iter(v)) for w, v in tokens.items() if len(v) == 1}
    acronym_keys: dict[str, str] = {}
    for f in raw:
        if f.kind == "mechanism" and f.name and not f.name.isupper():
            for a in f.aliases:
                if a.isupper() or re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", a) and sum(c.isupper() for c in a) >= 2:
                    acronym_keys.setdefault(a, normalise(f.name))
    # an acronym never defined in brackets still means the one full name whose initials it spells
    initials: dict[str, set[str]] = defaultdict(set)
    for f in raw:
        if f.kind == "mechanism" and f.name and not f.name.isupper() and " " in f.name:
            initials[acronym_of(f.name)].add(normalise(f.name))
    for acr, keys in initials.items():
        if len(acr) >= 2 and len(keys) == 1:
            acronym_keys.setdefault(acr, next(iter(keys)))
    by_key: dict[tuple, list[Fact]] = defaultdict(list)
    for f in raw:
        ident = _identity(f, full_names, acronym_keys)
        if ident is not None:
            by_key[ident].append(f)
    out: list[Fact] = []
    for ident, group in by_key.items():
        fact = _merge_group(ident, group, full_names)
        if fact is not None:
            out.append(fact)
    _flag_date_conflicts(out)
    for f in out:
        f.statement = statement(f)
    out.sort(key=lambda f: (f.kind, f.sources[0].article, f.sources[0].sentence_idx or 0, f.id))
    return out


def _merge_group(ident: tuple, group: list[Fact], full_names: dict[str, str]) -> Fact | None:
    kind = ident[0]
    group = sorted(group, key=lambda f: (f.sources[0].article if f.sources else "", f.sources[0].sentence_idx or 0 if f.sources else 0))
    best = max(group, key=lambda f: (f.confidence, len(f.answer or "")))
    fact = Fact(**{**best.__dict__, "sources": [], "aliases": [], "items": list(best.items)})
    fact.id = fact_id(*[str(p) for p in ident])
    seen = set()
    for f in group:
        for s in f.sources:
            k = (s.article, s.sentence, s.span)
            if k not in seen:
                seen.add(k)
                fact.sources.append(s)
    fact.sources.sort(key=lambda s: (s.article, s.sentence_idx if s.sentence_idx is not None else -1, s.span or (0, 0)))
    forms = [x for f in group for x in [f.answer, *f.aliases, f.name or ""] if x]
    if kind == "mechanism":
        names = [f.name for f in group if f.name and f.subtype != "acronym" and not (f.name.isupper() and len(group) > 1)]
        names = names or [f.name for f in group if f.name]
        counts = defaultdict(int)
        for n in names:
            counts[n] += 1
        fact.name = max(counts, key=lambda n: (not n.isupper(), len(n), counts[n], n))
        fact.answer = fact.name
        subtypes: dict[str, int] = defaultdict(int)
        for f in group:
            if f.subtype and f.subtype != "acronym":
                subtypes[f.subtype] += 1
        # the commonest reading; ties broken by name so that input order never matters
        fact.subtype = max(sorted(subtypes), key=lambda k: subtypes[k]) if subtypes else "organisation"
    if kind == "leader":
        fact.name = ident[1]
        fact.answer = fact.name
        roles: dict[str, int] = defaultdict(int)
        countries: dict[str, int] = defaultdict(int)
        for f in group:
            if f.role:
                roles[f.role] += 1
            if f.country:
                countries[f.country] += 1
        if not roles:
            return None
        offices = {r for r in roles if " at " not in r}
        if len(offices) > 1 and not _compatible(offices):
            fact.conflict = True
            fact.conflict_note = "Different roles in the sources: " + "; ".join(sorted(offices))
        fact.role = max(roles, key=lambda r: (roles[r], len(r), r))
        fact.country = max(countries, key=lambda c: (countries[c], c)) if countries else None
        fact.subtype = _role_family(fact.role)
        fact.confidence = max(f.confidence for f in group)
    if kind == "goal":
        fact.items = max((f.items for f in group), key=len)
    if kind == "date" and fact.subtype != "publication":
        fact.event = min((f.event for f in group if f.event), key=lambda e: (len(e), e))
    aliases: list[str] = []
    for a in forms:
        if a and a != fact.answer and a not in aliases and (kind != "goal"):
            aliases.append(a)
    fact.aliases = aliases
    n = len({s.article for s in fact.sources})
    fact.confidence = round(min(0.99, fact.confidence + 0.03 * (n - 1)), 2)
    return fact


def _compatible(offices: set[str]) -> bool:
    """'Foreign Minister' and 'State Councilor and Foreign Minister' are one role, not a conflict."""
    ordered = sorted(offices, key=len)
    return all(o.lower() in ordered[-1].lower() for o in ordered)


def _flag_date_conflicts(facts: list[Fact]) -> None:
    by_event: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "date" and f.event:
            by_event[re.sub(r"\W+", " ", f.event.lower()).strip()].append(f)
    for group in by_event.values():
        dates = {f.date for f in group}
        if len(dates) > 1:
            for f in group:
                f.conflict = True
                f.conflict_note = "Sources give different dates: " + ", ".join(sorted(dates))


# Goal verb lemma -> (third person singular, plural) as it reads before a noun phrase.
_GOAL_VERBS = {
    "hope": ("hopes for", "hope for"), "call": ("calls for", "call for"), "urge": ("urges", "urge"),
    "pledge": ("pledges", "pledge"), "support": ("supports", "support"), "aim": ("aims at", "aim at"),
    "want": ("wants", "want"), "seek": ("seeks", "seek"), "vow": ("vows", "vow"),
    "advocate": ("advocates", "advocate"), "propose": ("proposes", "propose"),
    "insist": ("insists on", "insist on"), "demand": ("demands", "demand"),
    "encourage": ("encourages", "encourage"), "back": ("backs", "back"),
    "welcome": ("welcomes", "welcome"), "oppose": ("opposes", "oppose"), "ask": ("asks for", "ask for"),
    "commit": ("is committed to", "are committed to"), "agree": ("agrees on", "agree on"),
}
# Before a verb ("aims to strengthen ..."): the same lemmas with "to".
_GOAL_VERBS_TO = {
    "hope": ("hopes to", "hope to"), "aim": ("aims to", "aim to"), "want": ("wants to", "want to"),
    "seek": ("seeks to", "seek to"), "vow": ("vows to", "vow to"), "pledge": ("pledges to", "pledge to"),
    "agree": ("agrees to", "agree to"), "intend": ("intends to", "intend to"),
    "plan": ("plans to", "plan to"), "strive": ("strives to", "strive to"),
    "promise": ("promises to", "promise to"), "willing": ("is willing to", "are willing to"),
    "ready": ("is ready to", "are ready to"), "commit": ("is committed to", "are committed to"),
    "urge": ("urges others to", "urge others to"), "call": ("calls on others to", "call on others to"),
}
_NOT_VERBS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
              "more", "greater", "closer", "stronger", "further", "all", "each", "every", "both", "no",
              "not", "new", "lasting", "peace", "stability", "international", "regional", "joint"}
_CLAUSE_MARKERS = re.compile(r"\b(?:would|will|can|could|should|shall|may|might|is|are|was|were)\b")
_PLURAL_ACTOR = re.compile(
    r"\band\b|&|^(?:both|the two|they|all)\b|(?:sides|nations|countries|governments|officials|leaders|"
    r"states|parties|ministers|members|counties|powers)$", re.I)


def _starts_with_verb(goal: str) -> bool:
    """Heuristic: goal phrases that begin with a bare verb ("strengthen ties", "jointly respond")."""
    first = goal.split()[0].lower().strip(",.;:") if goal.split() else ""
    if not first.isalpha() or first in _NOT_VERBS or goal[:1].isupper():
        return False
    if first.endswith("ly"):
        return True
    return not first.endswith(("ing", "tion", "sion", "ity", "ment", "ness", "ence", "ance", "s",
                               "ive", "al", "ous", "ic", "ful", "able", "ible", "ed"))


def goal_sentence(actor: str, verb: str | None, goal: str) -> str:
    """One plain sentence for a stated goal: "Both nations hope that Afghanistan would ..."."""
    actor = actor.strip()
    actor = actor[:1].upper() + actor[1:]
    head = re.split(r"\s+(?:between|of|from|with|under|in)\s+", actor)[0]
    plural = bool(_PLURAL_ACTOR.search(head))
    goal = goal.strip().rstrip(".")
    if verb == "should":
        return f"{actor} should {goal}."
    if goal.lower().startswith("to "):
        goal = goal[3:]
        pair = _GOAL_VERBS_TO.get(verb or "", ("aims to", "aim to"))
    elif _CLAUSE_MARKERS.search(goal) and not _starts_with_verb(goal) and verb in ("hope", "want", "insist", "propose", "demand", "agree", "ask"):
        pair = {"hope": ("hopes that", "hope that"), "insist": ("insists that", "insist that")}.get(
            verb or "", ("wants", "want") if verb == "want" else (f"{verb}s that", f"{verb} that"))
    elif _starts_with_verb(goal):
        pair = _GOAL_VERBS_TO.get(verb or "", ("aims to", "aim to"))
    else:
        pair = _GOAL_VERBS.get(verb or "", ("aims at", "aim at"))
    return f"{actor} {pair[1] if plural else pair[0]} {goal}."


def statement(f: Fact) -> str:
    if f.kind == "date":
        ev = f.event or "the event"
        return f"{ev[0].upper() + ev[1:]}: {_human(f.date or '')}." if f.subtype != "publication" else f.statement
    if f.kind == "leader":
        where = f" of {f.country}" if f.country and " at " not in (f.role or "") else ""
        return f"{f.name} is {_article(f.role or '')} {f.role}{where}."
    if f.kind == "mechanism":
        acronyms = [a for a in f.aliases if a.isupper() and a != f.name]
        extra = f" ({', '.join(acronyms)})" if acronyms else ""
        what = {"organisation": "an organisation", "format": "a meeting format or forum",
                "treaty": "a treaty, agreement or declaration", "initiative": "an initiative or programme",
                "corridor": "an economic corridor", "partnership": "a partnership",
                "summit": "a summit or session"}.get(f.subtype or "", "a named body or instrument")
        the = "" if f.name.isupper() else "The "
        return f"{the}{f.name}{extra} is {what}."
    return goal_sentence(f.actor or "", f.subtype, f.goal or f.answer)


def _article(role: str) -> str:
    if role and role[0].isupper():
        return "the"
    return "an" if role[:1].lower() in "aeiou" else "a"
