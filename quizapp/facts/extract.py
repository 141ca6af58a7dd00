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
from dataclasses import dataclass, field

from .dates import find_dates
from .lexicon import GOAL_NOUNS, GOAL_VERBS, NATIONALITIES, OFFICE_TITLES, TITLES
from .mechanisms import acronym_of, find_mentions, normalise
from .nlp import load_nlp
from .types import ArticleInput, Fact, SentenceInput, Source

TITLE_RX = re.compile(
    r"(?:(?P<nat>" + "|".join(sorted((re.escape(n.title()) for n in NATIONALITIES if " " not in n), key=len, reverse=True))
    + r"|U\.S\.|US|UK|EU)\s+)?"
    r"(?P<title>(?:(?:" + "|".join(re.escape(t.title()) for t in TITLES) + r")(?:\s+and\s+)?)+)\s*$"
)
APPOSITIVE_RX = re.compile(
    r"^,\s+(?:an?|the)\s+(?P<role>(?:[a-z-]+\s+){0,3}(?:" + "|".join(re.escape(t) for t in TITLES) + r"))"
    r"(?:\s+(?:at|of|with|from)\s+(?P<org>(?:the\s+)?[A-Z][^,;]{2,120}?))?(?=,|;|\.|$)"
)
COUNTERPART_RX = re.compile(r"(?P<nat>[A-Z][a-z]+)\s+counterpart,?\s*$")
ORG_COUNTRY_RX = re.compile(r"\b(?:the\s+)?(?P<nat>[A-Z][a-z]+)\s+(?:Academy|Institute|University|Ministry|Government)\b")


def fact_id(kind: str, *parts: str) -> str:
    key = "|".join([kind, *[re.sub(r"\W+", " ", p or "").strip().lower() for p in parts]])
    return hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass
class _Ctx:
    """What one article's pass knows: its people and mechanisms seen so far."""

    article: ArticleInput
    people: dict[str, dict] = field(default_factory=dict)  # full name -> {role, country}


# ---------------------------------------------------------------- leaders
def _leader_mentions(doc, sent: SentenceInput, authors: set[str]):
    """(full name, role, country, span) for people named with a title or an appositive role."""
    text = sent.text
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = re.sub(r"['’]s$", "", ent.text).strip()
        if len(name) < 3 or name in authors or not name[0].isupper():
            continue
        if any(w.lower() in {t for t in TITLES} for w in name.split()):
            continue  # the NER swallowed a title ("Councilor")
        before = text[: ent.start_char]
        after = text[ent.end_char :]
        role = country = None
        m = TITLE_RX.search(before)
        if m and m.end() >= len(before.rstrip()) - 1:
            role = " ".join(m.group("title").split())
            nat = m.group("nat")
            if nat:
                country = NATIONALITIES.get(nat.lower().rstrip("."), nat)
        if role is None:
            m = COUNTERPART_RX.search(before.rstrip(", "))
            if m and m.group("nat").lower() in NATIONALITIES:
                country = NATIONALITIES[m.group("nat").lower()]
                role = "counterpart"
        if role is None:
            m = APPOSITIVE_RX.match(after)
            if m:
                role = m.group("role")
                org = m.group("org")
                if org:
                    role = f"{role} at {org.strip()}"
                    om = ORG_COUNTRY_RX.search(org)
                    if om and om.group("nat").lower() in NATIONALITIES:
                        country = NATIONALITIES[om.group("nat").lower()]
        out.append((name, role, country, (sent.start + ent.start_char, sent.start + ent.start_char + len(name))))
    return out


def _resolve_short(name: str, people: Iterable[str]) -> str:
    """'Xi' -> 'Xi Jinping', 'Putin' -> 'Vladimir Putin' when exactly one known person fits."""
    if " " in name:
        return name
    fits = {p for p in people if name in p.split() and p != name}
    return fits.pop() if len(fits) == 1 else name


# ---------------------------------------------------------------- events and goals
_DROP_DEPS = {"punct", "cc", "mark", "advmod", "npadvmod", "intj", "parataxis", "appos"}


def _clause(tokens, exclude: set[int]) -> str:
    words = [t for t in tokens if t.i not in exclude]
    while words and (words[0].dep_ in ("punct", "cc", "mark", "prep") or words[0].is_punct):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].dep_ in ("cc", "prep", "det")):
        words = words[:-1]
    text = "".join(t.text_with_ws for t in words).strip()
    return re.sub(r"\s+([,.;:])", r"\1", text).strip(" ,;:")


def _event_for(doc, char_start: int, char_end: int) -> str | None:
    """The clause a date phrase belongs to, without the date phrase itself."""
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None:
        return None
    date_tokens = set()
    head = span.root
    # climb through the date's own phrase ("on Monday", "last Friday (Sep. 17)")
    while head.dep_ in ("pobj", "npadvmod", "appos", "nummod", "compound", "prep", "amod", "nmod") and head.head != head:
        head = head.head
    for t in span:
        date_tokens |= {x.i for x in t.subtree} if t.dep_ in ("pobj", "npadvmod") else {t.i}
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is not None and prep.dep_ == "prep":
        date_tokens |= {x.i for x in prep.subtree}
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        # a noun phrase ("the withdrawal ... in 2021"): use the phrase itself
        phrase = [t for t in head.subtree]
        text = _clause(phrase, date_tokens)
        return text or None
    keep = []
    for t in verb.subtree:
        # drop subordinate clauses that hang off the verb, keep subject/object/preps
        anc = t
        dropped = False
        while anc != verb:
            if anc.head == verb and anc.dep_ in ("advcl", "ccomp", "conj", "cc", "parataxis", "punct", "relcl"):
                dropped = True
                break
            anc = anc.head
        if not dropped:
            keep.append(t)
    text = _clause(keep, date_tokens)
    if verb.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            text = _clause(list(subj.subtree), set()) + " " + text[0].lower() + text[1:] if text else text
    return text or None


def _items(tokens) -> list[str]:
    """A coordinated list of three or more items inside the goal phrase."""
    best: list[str] = []
    for t in tokens:
        conj = [t, *t.conjuncts] if t.dep_ != "conj" else []
        if len(conj) >= 3 and t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB"):
            items = []
            for c in sorted(conj, key=lambda x: x.i):
                words = [w for w in c.subtree if w.dep_ not in ("cc", "punct", "conj") or w == c]
                words = [w for w in words if not any(a in c.conjuncts for a in w.ancestors if a != c)]
                left = [w for w in c.lefts if w.dep_ in ("amod", "compound", "advmod", "npadvmod", "hyph")]
                phrase = "".join(w.text_with_ws for w in sorted({*left, c}, key=lambda x: x.i)).strip()
                if c.pos_ == "VERB":
                    objs = [w for w in c.subtree if w.i > c.i and not any(x in c.conjuncts for x in w.ancestors) and w.dep_ not in ("cc", "punct", "conj")]
                    cut = [w for w in objs if not any(a.dep_ == "conj" and a != c and a.i > c.i for a in w.ancestors)]
                    phrase = " ".join([c.text] + [w.text for w in cut][:10])
                items.append(phrase.replace(" - ", "-").replace(" -", "-"))
            if len(items) > len(best):
                best = items
    return best


def _goals(doc, sent: SentenceInput, subject_hint: str | None):
    """(actor, verb, goal phrase, items) for aims, hopes, calls, pledges and 'should' statements."""
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        comp = None
        if tok.pos_ == "VERB" and lemma in GOAL_VERBS:
            if lemma == "call":
                prt = [c for c in tok.children if c.dep_ == "prep" and c.lemma_ in ("for", "on")]
                if not prt:
                    continue
                comp = prt[0]
            elif lemma == "work":
                prt = [c for c in tok.children if c.dep_ == "advmod" and c.lemma_ == "together"]
                if not prt:
                    continue
            else:
                comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl")), None)
            actor_tok = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if actor_tok is None and tok.dep_ in ("xcomp", "conj", "advcl"):
                actor_tok = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif tok.pos_ == "NOUN" and lemma in GOAL_NOUNS and tok.dep_ in ("dobj", "nsubj", "attr"):
            comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl", "prep")), None)
            if comp is None or tok.head.pos_ not in ("VERB", "AUX"):
                continue
            actor_tok = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif tok.lower_ == "should" and tok.dep_ == "aux":
            verb = tok.head
            actor_tok = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if actor_tok is None:
                continue
            toks = [t for t in verb.subtree if t.i >= actor_tok.left_edge.i]
            phrase = _clause([t for t in toks if t.i > tok.i or t.i < tok.i and t.i >= actor_tok.left_edge.i], set())
            actor = _clause(list(actor_tok.subtree), set())
            goal = _clause([t for t in verb.subtree if t.i > tok.i], set())
            out.append((actor, "should", goal, _items([t for t in verb.subtree if t.i > tok.i]), phrase))
            continue
        else:
            continue
        if actor_tok is None:
            continue
        actor = _clause(list(actor_tok.subtree), set())
        if comp is None:
            continue
        goal_tokens = [t for t in comp.subtree]
        goal = _clause(goal_tokens, set())
        if len(goal.split()) < 2:
            continue
        out.append((actor, lemma, goal, _items(goal_tokens), None))
    return out


# ---------------------------------------------------------------- the pipeline
def extract(articles: Iterable[ArticleInput], batch_size: int = 64) -> list[Fact]:
    """Facts of the four kinds from ``articles``, merged across articles."""
    raw = extract_raw(articles, batch_size)
    return merge([f for facts in raw.values() for f in facts])


def extract_raw(articles: Iterable[ArticleInput], batch_size: int = 64) -> dict[str, list[Fact]]:
    """Each article's own facts, unmerged, keyed by article key (one batched spaCy pass)."""
    articles = list(articles)
    nlp = load_nlp()
    jobs = [(s.text, (a, s)) for a in articles for s in a.sentences]
    raw: dict[str, list[Fact]] = {a.key: [] for a in articles}
    docs = list(nlp.pipe(jobs, as_tuples=True, batch_size=batch_size))
    # pass 1: people and acronyms across the given articles (short names resolve to full ones)
    people: dict[str, dict] = {}
    acronyms: dict[str, str] = {}
    for doc, (art, sent) in docs:
        for m in find_mentions(sent.text):
            if m.acronym:
                acronyms[m.acronym] = normalise(m.name)
        for name, role, country, _ in _leader_mentions(doc, sent, set()):
            if " " in name:
                entry = people.setdefault(name, {"roles": defaultdict(int), "country": None})
                if role and role != "counterpart":
                    entry["roles"][role] += 1
                if country:
                    entry["country"] = entry["country"] or country
    for doc, (art, sent) in docs:
        raw[art.key].extend(_sentence_facts(doc, art, sent, people, acronyms))
    for art in articles:
        if art.published and art.published_text:
            raw[art.key].append(_published_fact(art))
    return raw


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


def _sentence_facts(doc, art: ArticleInput, sent: SentenceInput, people, acronyms) -> list[Fact]:
    facts: list[Fact] = []
    text = sent.text
    # mechanisms
    for m in find_mentions(text, acronyms):
        key = acronyms.get(m.name, None) if m.name.isupper() and m.name in acronyms else normalise(m.name)
        aliases = [m.name] + ([m.acronym] if m.acronym else [])
        if m.name.isupper() and m.name in acronyms:
            aliases = [m.name]
        facts.append(Fact(
            id=fact_id("mechanism", key), kind="mechanism", statement="", answer=m.name,
            aliases=aliases, confidence=0.9 if m.subtype else 0.8,
            sources=[_src(art, sent, (sent.start + m.start, sent.start + m.end))],
            name=m.name, subtype=m.subtype or None, country=None,
        ))
    # leaders
    for name, role, country, span in _leader_mentions(doc, sent, set()):
        full = _resolve_short(name, people)
        info = people.get(full)
        if not role and info and info["roles"]:
            role = max(info["roles"], key=info["roles"].get)
        if not country and info:
            country = info["country"]
        if not role or role == "counterpart":
            continue
        office = role.split(" at ")[0].lower()
        conf = 0.9 if office in OFFICE_TITLES else 0.75
        facts.append(Fact(
            id=fact_id("leader", full), kind="leader", statement="", answer=full,
            aliases=[name] if name != full else [], confidence=conf,
            sources=[_src(art, sent, span)], name=full, role=role, country=country,
            subtype=_role_family(role),
        ))
    # dates
    for d in find_dates(text, art.published):
        if d.anniversary_of:
            what = re.split(r"\s+(?:as|which|that|when|while|carries)\s+", d.anniversary_of)[0]
            what = re.sub(r"^(?:the\s+)", "", what)
            event = what if what.lower().startswith("sign") else f"the signing of the {what}"
            if what.lower().startswith("sign"):
                event = what
        else:
            event = _event_for(doc, d.start, d.end)
        if not event or len(event.split()) < 3:
            continue
        event = _resolve_names(event, people)
        facts.append(Fact(
            id=fact_id("date", d.iso, event), kind="date", statement="", answer=d.iso,
            aliases=[_human(d.iso)], confidence=0.9 if d.how in ("mdy", "dmy", "iso", "wd_paren") else 0.75,
            sources=[_src(art, sent, (sent.start + d.start, sent.start + d.end))],
            date=d.iso, event=event, subtype=d.how,
        ))
    # goals
    for actor, verb, goal, items, _phrase in _goals(doc, sent, None):
        actor = _resolve_names(actor, people)
        if actor.lower() in ("it", "this", "which", "that", "who"):
            continue
        goal_clean = goal[0].lower() + goal[1:] if goal and not goal[:2].isupper() else goal
        facts.append(Fact(
            id=fact_id("goal", actor, goal_clean), kind="goal", statement="", answer=goal_clean,
            aliases=[], confidence=0.8 if verb != "should" else 0.7,
            sources=[_src(art, sent)], actor=actor, goal=goal_clean, items=items, subtype=verb,
        ))
    return facts


def _resolve_names(text: str, people) -> str:
    for full in people:
        parts = full.split()
        for short in {parts[0], parts[-1]}:
            if re.search(rf"\b{re.escape(short)}\b", text) and full not in text:
                if _resolve_short(short, people) == full:
                    text = re.sub(rf"\b{re.escape(short)}\b(?!\s+{re.escape(parts[-1])})", full, text, count=1)
    return text


def _role_family(role: str) -> str:
    r = role.lower()
    for fam in ("foreign minister", "president", "prime minister", "minister", "ambassador",
                "spokesperson", "secretary", "fellow", "professor", "analyst"):
        if fam in r:
            return fam
    return r.split(" at ")[0]


# ---------------------------------------------------------------- merging
def merge(raw: list[Fact]) -> list[Fact]:
    """One fact per id; sources unioned; conflicting slot values kept and flagged."""
    by_id: dict[str, list[Fact]] = defaultdict(list)
    for f in raw:
        by_id[f.id].append(f)
    out: list[Fact] = []
    for fid, group in by_id.items():
        best = max(group, key=lambda f: (len(f.answer or ""), f.confidence))
        fact = Fact(**{**best.__dict__, "sources": [], "aliases": []})
        seen = set()
        for f in group:
            for s in f.sources:
                k = (s.article, s.sentence)
                if k not in seen:
                    seen.add(k)
                    fact.sources.append(s)
        aliases = []
        for f in group:
            for a in [f.answer, *f.aliases, f.name or ""]:
                if a and a != fact.answer and a not in aliases:
                    aliases.append(a)
        if fact.kind == "mechanism":
            names = [f.name for f in group if f.name]
            fact.name = max(names, key=lambda n: (not n.isupper(), len(n)))
            fact.answer = fact.name
            acr = [a for a in aliases if a.isupper() and 2 <= len(a) <= 6]
            fact.subtype = next((f.subtype for f in group if f.subtype), None)
            if not acr and acronym_of(fact.name) and len(acronym_of(fact.name)) >= 3:
                pass
            aliases = [a for a in aliases if a != fact.answer]
        if fact.kind == "leader":
            roles = {f.role for f in group if f.role}
            offices = {r for r in roles if " at " not in r}
            if len(offices) > 1 and not _compatible(offices):
                fact.conflict = True
                fact.conflict_note = "Different roles in the sources: " + "; ".join(sorted(offices))
            fact.role = max(roles, key=len) if roles else fact.role
            fact.country = next((f.country for f in group if f.country), None)
        if fact.kind == "goal":
            fact.items = max((f.items for f in group), key=len)
        fact.aliases = aliases
        n = len({s.article for s in fact.sources})
        fact.confidence = round(min(0.99, fact.confidence + 0.03 * (n - 1)), 2)
        out.append(fact)
    _flag_date_conflicts(out)
    for f in out:
        f.statement = statement(f)
    out.sort(key=lambda f: (f.kind, f.sources[0].article, f.sources[0].sentence_idx or 0, f.id))
    return out


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


def statement(f: Fact) -> str:
    if f.kind == "date":
        ev = f.event or "the event"
        return f"{ev[0].upper() + ev[1:]}: {_human(f.date or '')}." if f.subtype != "publication" else f.statement
    if f.kind == "leader":
        where = f" of {f.country}" if f.country and " at " not in (f.role or "") else ""
        return f"{f.name} is {_article(f.role or '')} {f.role}{where}."
    if f.kind == "mechanism":
        extra = f" ({', '.join(a for a in f.aliases if a.isupper())})" if any(a.isupper() for a in f.aliases) else ""
        return f"The {f.name}{extra} is a named {f.subtype or 'mechanism'} mentioned in the news."
    verb = {"should": "says", "hope": "hopes", "call": "calls for", "urge": "urges", "pledge": "pledges",
            "support": "supports", "aim": "aims", "want": "wants"}.get(f.subtype or "", "aims")
    if f.subtype == "should":
        return f"{f.actor} should {f.goal}."
    return f"{f.actor} {verb}: {f.goal}."


def _article(role: str) -> str:
    if role and role[0].isupper():
        return "the"
    return "an" if role[:1].lower() in "aeiou" else "a"
