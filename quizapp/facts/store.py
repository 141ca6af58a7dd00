"""Keeping the ``Fact`` table in step with the corpus, one changed article at a time.

Why two levels: spaCy is the expensive part and only ever needs to see an article that changed, so
each article keeps its own raw (unmerged) facts as ``RawFact`` rows. Merging is pure and cheap, but
merging a whole collection after every upload grows with the collection; instead the raw facts that
share a merge key (``facts.keys``) with the changed article, and the raw facts sharing keys with
those, are merged again (two hops reach everything that can change their merge: see
``facts.keys``), and only the merged facts made from a raw fact sharing a key with the changed
article are synced, together with the standalone facts those raw facts made before something
resolved them (a bare acronym another article now spells out). The result is the same as merging
the whole collection (tests check it, one article at a time and in bulk).

An upload (articles that only add raw facts) goes further: its leaders and bodies fold into the
summaries stored with their facts (``facts.fold``, ``facts.folding``), so a head of state named in
hundreds of articles is not merged again from hundreds of raw facts; only its dates, goals and
whatever the upload resolves anew merge as above.

Rows are synced by the extractor's stable ids within their collection: an unchanged fact keeps its
row (and the cards, answers and questions that point at it); a fact no longer found is retired,
never deleted. Sources are diffed, not rewritten, so a body named in hundreds of articles costs one
new row when one more article names it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Text, cast, delete, func, insert, select
from sqlalchemy.orm import Session

from ..corpus.parse import parse_article
from ..models import Article, Fact, FactSource, RawFact, RawFactKey, Sentence, utcnow
from ..models.base import live_and_equal, retire_unseen, revive_with
from . import article_input
from .sql import _decode, among, is_pg
from .types import KIND_FIELDS, fact_from_json, fact_to_json
from .types import Fact as PureFact

if TYPE_CHECKING:
    from .folding import Folded

# Bump when the extractor changes what it finds; ``quizapp refresh`` then redoes stale articles.
EXTRACTOR_VERSION = "69"  # 69: a dateline with the date first ("16 October 2025, Bangkok - ") or a city in small letters ("Washington, D.C. - ") is no subject; an ambiguous header date is read just after figures given "as of" a day; a bracket the cut left open is no part of an office or its country; a name inside a longer capitalised name is nobody; "the river" is no body whose name only ends in "River"; a space agency is a body, only a news or press agency media; a press conference's "we" is the body its header line names; 68: a joint statement's points belong to its named sides (an agreement's own "hereinafter \"the Sides\"", a chain of three countries, a title in capitals, a long lead-in "The Governments of A and B, ..., have agreed on the following:" and its points' "They", "The Leaders" of two countries, "the Lao side", "the Ministries of Health", "The States Parties" of the representatives who met); bare "To ..." points take the lead-in's verb; a preamble naming no one is its declaration's signatories; a body's own press conference speaks for it; "the Hellenic Republic" is Greece; a country is no short name of "Lake X"; a quoted name keeps its quotes; no "when" of a season's yearly start or of a cut that lost where a thing is brought; 67: "her country" of a minister of the Dominican Republic is "the Dominican Republic"; 66: a numbered list led in after an occasion ("At this week's meeting, the three countries:") is those countries'; countries opening a sentence before a verb of acting are its acting list though the parse lost it ("Brunei Darussalam, Indonesia and Malaysia have agreed ..."); a joint commission named by two peoples ("the Omani-Iranian Joint Economic Committee") is of their countries; 65: "the Parties", "the delegations" of a binational commission are its two countries ("the Mexico-Belize Binational Commission"); "the tribunal" of an article that tells of an unnamed one ("an arbitral tribunal") is no tribunal it names; 64: "when was ... elected" with no office refused only of a person; 63: no "when" of a span's cut end ("tripled between early 2024 and the start") or of a line of a person's biography ("NAME joined EASA in 2016"); 62: a press conference's "we" is the body its header names ("Transcript of the press conference by the Executive Director of the X Secretariat"), a headline in capitals is no body; "said the NC aims to A, and plans to B": a goal verb in the reported one's tense is the reported subject's; ", Africa50's chief investment officer," is no "Chief"; a bracket inside a title stays ("the Public Health (Alcohol) (Labelling) Regulations 2023"); no "when" of two people by surname alone; 61: a subject "Only A and B" names exceptions, never the pair a later "both countries" means; an ordinal the parser hung on the verb stays in the subject ("the 13th ... election"); a timeline line opening on a count is lowered; no "who" of an office named by its title alone ("took office as Director-General"); 60: an interview's "we" is the body its lead names ("its Director General", "the commission's executive secretary"), never the body its answers name most; an ambiguous slashed header is read just after the meeting the article reports without a year; a conjoined clause keeps the subject the parser hung elsewhere; a question heading states no aim; "wins the vote to host" is what the winner will do; "of the Republic of X" after a portfolio is the country; ministers "for European affairs of A, B and C" are all three; 59: a call "on" people named by their trade is their task (a particle "on" too); an ambiguous slashed header date comes after what the article reports as held; an interview's "we" is the body of the person it is with ("Q&A with", "we spoke to", an office after the name, the headline's letters under a section label); a name the tagger reads as a place or body is a person when an office follows it; a list of countries hung as an aside stays whole; "Thirty-six years ago" reads its tens; letters after "the Congress of the X Confederation" name the body; "the foundation" beside another one named just before is neither; a participle the parser joined on shares no subject; a plan's year range stays whole; ministers from regions are no body's; no "when" of a thing named by how long it runs, or of a deadline that lost the aim's end; a wrapped dateline's city is no part of a side; 58: a letterhead, a byline or a one-word section line above the headline is no title; "MP" after a name is no part of it; "the fund" is no body of another kind; bare "Ministers" are not the one pair that signed something, "the ministers" are those at the meeting the text named; a modal after "to" is no infinitive aim; an obligation owed is no aim; letters opening a sentence stay a name; 57: who chaired a meeting the text names whole ("It was chaired by ..." after "The 30th Ordinary Meeting of ..."); a numbered list's lead-in ("The two Ministers:") says whose its paragraphs are, a meeting "between" two sides in the opening sentence names them; "Delegates of X" is no part of X's name; 56: "Central America", "Latin America" are no United States; no plan of what a mandate came to include; 55: a body's name ends before a meeting word ("the COMESA Council of Ministers meeting"); "General Manager", "Chief Executive Officer", "Coordinator", "Registrar" are offices; no plan of the noun a clause leaves out ("the desks that X will open") or of a "whether" clause's subject; an aim keeps its percent sign; 54: a declaration by "the Contracting Parties to X" is the parties' ("the parties to X"); a numbered paragraph's verb the tagger read as a name ("5. Pledge to restore ...") and an infinitive it read as a purpose ("Commit to reduce A by 15 percent and B by 20 percent") are the aim; "both governments" are those whose ministers the meeting's name lists; "the ministry", "the department" are the one the article names; an occasion ("The Opening Ceremony") is no person; no "when" of a thing "due in 2026" set off after a comma, or of a baseline ("from 2008 levels"); 53: a meeting's ordinal ("the Third Asia Zero Emission Community (AZEC) Ministerial Meeting") is no part of the body's name; a noun the tagger took for a name that the article writes in lower case is no party; a speech's occasion (", at the 12th session of X") is not who speaks; a portfolio run into a body's name is cut at "of the"; "no plans to" is no plan; letters after a body's organ name the body ("the Joint Committee of the ... Mechanism (JCM)"); "the commission" is the body whose head it is, not an organ of it; "Its governor" is the bank the sentence before named, "Its chair" the body it opens with; a signature block's entries are one line each, each signer's country the "For the Republic of X:" heading above; in "TITLE NAME, X's TITLE2 NAME2" the title before a name is its own; a name with a digit is no person; "Athletes' Commission chair NAME" chairs the Athletes' Commission; no "when" of a meeting told as the last of a series, or of funds for an unnamed study; a meeting's trailing month goes before its place; 52: guests thanking their host are not the ministers who met; no "when" of a name cut where its tail ends ("on the UNESCO [World Heritage List]"); an office before a name keeps its capitals; a timeline line's opening plural noun ("Authorities in ...") is lowered; styles before a name ("Md.", "Er.", "Ing.") end no sentence; no "when" of a season's start ("in early 2026") or of a date's own aside ("take effect the start of the 2027/28 financial year"); a communiqué's "Ministers of the 15 Participating Countries of X, namely ..." are whose ministers; countries inside a thing of theirs ("the applications of A and B") are no acting list; a timeline line's capitalised first word ("Planned launch window opens") is no name; a name's own possessive ("People's Alliance") is no owner to cut off; an undated release's reference number ("Press Release No. 214/2025") gives the year of its yearless days; no "when" of a title cut before its capitalised relative clause ("the Montreal Protocol on Substances [that Deplete ...]"); 51: a speech's "Friends," is no party; "X's plan to ..." flagged by another is X's; "..., its first since ..." is no part of what was done; "the 2026 General Election" is a country's; 50: "it wants leaders meeting ... to endorse" is the wanter's aim, not the leaders'; 49: countries that "only" did a thing are no list of the parties; 48: no "when" of a pronoun or a vote's tally ("follow both", "vote four to one"); a vote to do is no aim ("voted to hold"); an interviewee's body where it sits ("at the X Secretariat in Accra"); "the Organization of ..." takes "the"; 47: plans a party seeks, hopes or wants are asked as plans; "wishes to inform the public that X will ..." keeps its subject; 46: a portfolio keeps its last word ("Minister of Transport and | Logistics NAME"); a bare "Governor" or "Commissioner" is of the one bank or commission named, "Its Director-General" of the story's body; "issued DD.MM.YYYY" dates the article; 45: no "when" of "its" office, of "become Director-General" or of a name of words any body has ("the Framework Agreement") unless the article names one such body; a comma whose aside went goes too; "12 trillion won" keeps its currency; 44: a plan's deadline asked "By when does X aim to ...?" ("aims to complete ... by the end of 2026", "must connect ... by", "will publish ... by"); 43: "The Council" of a communiqué is the body that sat, not its numbered session; a declaration's operative paragraph ("Decide to ...") is its ministers' aim; "has called on ..." asked as "Who has ...?"; a two-city dateline ("Geneva/Rome -"); "when" questions up to 28 words; a dated clause's event is the timeline line written from its question ("The IMF approves ..."); 42: "we" in an interview is the interviewee's body, in a ministers' statement the ministers, in a speech at a meeting the speaker's body; a ministers' portfolio is not whose they are; another's proposal noted is not an aim; "the agreement" is one titled "Agreement on ..."; plans dated by "due to", "scheduled to", "due in" and a timetable's present tense asked; "take office" says which office; "Engineer" a style; a date read from the source URL gives a publication fact; 41: "the organization" is the story's body, "his government" and "the Minister" named, a speech's "we" is the speaker's body, "the leaders" of a summit or bloc report are its, bare "governments" are no listed countries; a named aside's recent event dated; no "when" of a numbered resolution, an unnamed object or kind-only talks; offices after 7- and 8-letter acronyms, "Judge" a style, no portfolio list as a name, a body named in its meeting's name; a URL line is the source; 40: the last word of a portfolio is no part of the name after it ("Minister of Environment, Water and Agriculture NAME"); 39: no "when" of an amount or a bare plural that says not of what ("produce an estimated 110 tonnes", "ban sales"); 38: no "who" that keeps one of two coordinated parties ("signed ... with A, NAME, and B, NAME"); 37: a role told by "its"/"their" is no role ("Its president, Dr NAME"); a person named before the body they come from is no part of its name ("Dr NAME of Spain's National Transplant Organisation"); 36: a "when" of a subject that points back ("the partners", "the ministers", "the council") names the parties it stands for; 35: "the ministers" of an article that names no whose-ministers phrase are of its one acting list of countries; 34: a goal verb in the passive ("is backed by", "is expected to begin supporting") states no aim of its subject; 33: "the three countries", "both governments", "the partners" are the one list of that many countries the article names as acting ("Guatemala, Belize and Mexico signed ..."), "the two countries" never a list of three; 32: a word inside another capitalised name is no short name of a person; a possessive owner before a title is a capitalised name ("It was chaired by Tanzania's ..." gives Tanzania), a bare "the Bank's" none; no "who" of a name hung on a distant subject; a sentence's capitalised first word before a common noun names nothing; 31: a "when" of a thing told by what it is on or for ("adopt a new agreement on public procurement") is asked; 30: no "who" of an act done with another party unnamed ("Who met in Tumbes?", "Who signed the accord?"); 29: a communiqué's "participants" cite the sentence that names whose ministers met; 28: a dateline without a year takes the year told beside its month or in the link, never the latest year named (often a target's); 27: a body's name before its bracketed letters loses a possessive ("the X Community's (XC) session"); no "who" of "that point", no "when" of "a joint network" or of "an X Facility"; a quoted "we" is left unnamed; 26: no "when" of a forecast ("the gas was expected in 2027"); 25: a bracketed aside in the list of whose ministers met ("France (for Réunion) and Seychelles") keeps the rest of the list; 24: a communiqué's "participants" (participating governments, signatories) are the countries whose ministers it named; "ministers responsible for labour of A, B and C"; 23: a name ending in Day, Summit, Fund ... ("On World Bee Day, the Minister ...") is no person; 22: header lines of fields ("NEWS RELEASE | City | 28 September 2024", "By Name / Columnist / Updated 2025-10-09T14:22:00Z", "Posted on 2025.07.19 by Name", "LIVE - Sat 8 Mar 2025") and dated link slugs give the publication day; 21: hard-wrapped lines (pasted from an e-mail or a PDF) read as their paragraph; 20: "the Kyrgyz Republic" (a nationality and "Republic") is a country; 19: "Secretary General" after a body's name is the office whole (not "Secretary" with a rank); a transcript's or minutes' heading "Event, Place, 6 November 2025" dates an article with no other date; 18: where an office was given ("at its congress in Ohrid") is no part of it; 17: a party by its leader's possessive, presidents listed "NAME of COUNTRY" under a plural title, a given name the tagger cut off; "We recall the Pledge agreed at ..." asked in the passive, no "when" of half a hyphenated name; another party's offer welcomed is not the speakers' aim; countries named with "and" read whole; "the treaty" (and a named programme or plan) is the one the article names, its aims kept; datelines of cities written beyond A-Z ("TROMSØ"), never an aim's subject; delegation-list leaders (office in full, closing country); "the Ministers" and "they" are the ministers the article named by whose they are, that sentence cited; 16: a date on a coordinated word is not the first verb's; a named day after a date ("20 May, World Bee Day,") belongs to the date; 15: a declaration's "we" is who its preamble names ("We, the Ministers of A, B and C, meeting in ..."), the preamble cited with the aim; 14: "when" questions of a subject with a clause set off after it, of a plan in the passive ("will be issued"), and of a country's institution named by its office ("the government"); 13: nationality adjectives of every country ("Tunisian", "Malagasy"); 12: a sentence may open on an acronym of any length; an acronym tagged as a common noun names a subject; family names in capitals put in house style; 11: no question of our own words from a headline or a capitalised dateline; 10: "when" with a weekday before the date, bracketed asides; no "who" for a pronoun subject; 9: "which body did it" questions; 8: "who did it" questions of leaders; 7: "when" questions from relative and participle clauses and reported clauses; 6: a "when" question keeps the purpose told after an aside; 5: dates; 4: goals


@dataclass
class FactChanges:
    """What one sync did in one collection: counts, and the facts whose rows changed (the
    question bank regenerates theirs only)."""

    collection_id: int
    article_ids: set[int] = field(default_factory=set)
    changed: set[int] = field(default_factory=set)  # Fact.id added, updated or retired
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("added", "updated", "retired", "unchanged"), 0))


def extract_raw_facts(articles: list[Article]) -> dict[int, list[PureFact]]:
    """Run the extractor over ``articles`` (one batched spaCy pass): article id -> raw facts."""
    from .extract import extract_raw

    if not articles:
        return {}
    inputs = [article_input(parse_article(a.key, a.raw_text)) for a in articles]
    raw = extract_raw(inputs)
    return {a.id: raw.get(a.key, []) for a in articles}


def extract_parsed(parsed: list) -> dict[str, list[PureFact]]:
    """Raw facts of parsed articles (``corpus.parse.ParsedArticle``), one spaCy pass: key -> facts."""
    from .extract import extract_raw

    if not parsed:
        return {}
    return extract_raw([article_input(p) for p in parsed])


def store_raw_facts(session: Session, article: Article, facts: list[PureFact]) -> None:
    """Replace ``article``'s raw facts and their merge keys (bulk inserts, no ORM objects)."""
    from .keys import merge_keys

    session.execute(delete(RawFact).where(RawFact.article_id == article.id)
                    .execution_options(synchronize_session=False))
    article.facts_version = EXTRACTOR_VERSION
    if not facts:
        return
    ids = session.scalars(
        insert(RawFact).returning(RawFact.id, sort_by_parameter_order=True),
        [{"collection_id": article.collection_id, "article_id": article.id, "data": fact_to_json(f)}
         for f in facts],
    ).all()
    session.execute(insert(RawFactKey), [
        {"raw_fact_id": rid, "key": key, "collection_id": article.collection_id}
        for rid, f in zip(ids, facts, strict=True) for key in sorted(merge_keys(f))
    ])


def _keys_of_articles(session: Session, article_ids: list[int]) -> set[str]:
    return set(session.scalars(
        select(RawFactKey.key).join(RawFact, RawFact.id == RawFactKey.raw_fact_id)
        .where(RawFact.article_id.in_(article_ids))
    ))


def _neighbourhood(session: Session, collection_id: int, keys: set[str]) -> list[PureFact]:
    """Raw facts sharing a key with ``keys``, and those sharing a key with them (in id order).

    Four look-ups by index (the keys' raw facts, their keys, those keys' raw facts, their data), each
    given its values, rather than one statement nesting them: PostgreSQL, estimating the nested
    hops, scanned the whole key and raw fact tables (a cost growing with the collection) where a
    few hundred index probes do. The JSON is read as text and decoded here (``_decode``):
    hundreds of raw facts per article make decoding a real part of the cost."""
    if not keys:
        return []
    pg = is_pg(session)
    first = set(session.scalars(select(RawFactKey.raw_fact_id).where(
        RawFactKey.collection_id == collection_id, among(RawFactKey.key, keys, pg))))
    if not first:
        return []
    second_keys = set(session.scalars(
        select(RawFactKey.key).where(among(RawFactKey.raw_fact_id, first, pg)).distinct()))
    reach = set(session.scalars(select(RawFactKey.raw_fact_id).where(
        RawFactKey.collection_id == collection_id, among(RawFactKey.key, second_keys, pg))))
    rows = session.scalars(select(cast(RawFact.data, Text)).where(among(RawFact.id, reach, pg))
                           .order_by(RawFact.id))
    return [fact_from_json(_decode(data)) for data in rows]


def merged_facts(session: Session, collection_id: int) -> list[PureFact]:
    """Every fact of one collection: the raw facts of its live articles, merged (pure, no spaCy)."""
    from .merge import merge

    rows = session.scalars(select(RawFact.data).join(Article, Article.id == RawFact.article_id).where(
        RawFact.collection_id == collection_id, Article.retired_at.is_(None)).order_by(RawFact.id))
    return merge([fact_from_json(d) for d in rows])


def _data(f: PureFact) -> dict:
    data = {k: getattr(f, k) for k in KIND_FIELDS.get(f.kind, ())}
    data["subtype"] = f.subtype
    return data


def _values(f: PureFact) -> dict:
    return {
        "kind": f.kind,
        "statement": f.statement,
        "answer": f.answer[:500],
        "aliases": list(f.aliases),
        "data": _data(f),
        "confidence": float(f.confidence),
        "source_count": f.source_count,
        "conflict": bool(f.conflict),
        "conflict_note": f.conflict_note,
    }


def sync_facts(session: Session, changed_article_ids: list[int],
               raw: dict[int, list[PureFact]] | None = None) -> list[FactChanges]:
    """Re-extract the changed live articles (unless their raw facts are given, extracted outside
    the transaction), drop the raw facts of retired ones, and bring the ``Fact`` rows they touch up
    to date: one ``FactChanges`` per collection involved."""
    if not changed_article_ids:
        return []
    articles = session.scalars(select(Article).where(Article.id.in_(changed_article_ids))).all()
    by_collection: dict[int, list[Article]] = defaultdict(list)
    for a in articles:
        by_collection[a.collection_id].append(a)
    live = [a for a in articles if a.retired_at is None]
    raw = dict(raw or {})
    raw.update(extract_raw_facts([a for a in live if a.id not in raw]))
    out = []
    for collection_id, group in sorted(by_collection.items()):
        _lock_collection(session, collection_id)
        ids = [a.id for a in group]
        keys = _keys_of_articles(session, ids)  # what the articles said before
        # Articles new to the merge (nothing of theirs stored before, none retired) only add raw
        # facts: their leaders and bodies can fold into stored summaries (``facts.folding``).
        additive = not keys and all(a.retired_at is None for a in group)
        for a in group:
            if a.retired_at is None:
                store_raw_facts(session, a, raw[a.id])
            else:
                session.execute(delete(RawFact).where(RawFact.article_id == a.id)
                                .execution_options(synchronize_session=False))
        session.flush()
        keys |= _keys_of_articles(session, ids)  # and what they say now
        uploaded = [f for a in group for f in raw[a.id]] if additive else None
        out.append(_sync_collection(session, collection_id, set(ids), keys, uploaded))
    session.flush()
    return out


def _lock_collection(session: Session, collection_id: int) -> None:
    """One merge at a time per collection. Two jobs merging overlapping facts at once would both
    insert the same new fact; SQLite's writers already take turns, PostgreSQL's are made to
    (a lock held to the end of the transaction)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(7_100_000 + collection_id)))


# Cited by this many articles or more, a fact keeps its questions when one more cites it unchanged
# (the generator's ranking counts sources up to three, and a question needs only its best few).
WIDELY_CITED = 3
_WHAT_IT_SAYS = ("kind", "statement", "answer", "aliases", "data", "conflict", "conflict_note")

# A source as compared across syncs: (article id, sentence index, text, span start, span end).
SourceKey = tuple[int, int | None, str, int | None, int | None]


def _sync_collection(session: Session, collection_id: int, article_ids: set[int],
                     keys: set[str], uploaded: list[PureFact] | None = None) -> FactChanges:
    """Merge again what the changed articles touch and sync those rows. ``uploaded``: the raw
    facts of articles that only add to the merge; their leaders and bodies fold into stored
    summaries where they can (``facts.folding``), the rest merges exactly."""
    from .folding import Upload, fold_upload
    from .merge import merge_groups, standalone_id

    changes = FactChanges(collection_id, set(article_ids))
    upload = Upload(exact={"leader", "mechanism"})  # nothing folds unless the change only adds
    if uploaded is not None:
        upload = fold_upload(session, collection_id, article_ids, uploaded)
        keys = upload.exact_keys(keys)
    folded = upload.folded
    raw = _neighbourhood(session, collection_id, keys)
    # Every fact that cited the changed articles is looked at (it may have lost its last source).
    cited = {f.uid: f for f in session.scalars(select(Fact).where(Fact.id.in_(
        select(FactSource.fact_id).where(FactSource.article_id.in_(sorted(article_ids))))))}
    changed_keys = set(session.scalars(select(Article.key).where(Article.id.in_(sorted(article_ids)))))
    touched = [t for t in merge_groups(raw, touching=keys, changed=changed_keys, keep=set(cited))
               if upload.merges_exactly(t[0])]
    merged = [f for f, _group, _summary in touched]
    summaries = {f.id: summary for f, _group, summary in touched}
    # The rows to look at besides: every fact made now, and the standalone facts their raw facts
    # made before something resolved them.
    uids = {f.id for f in merged} | {standalone_id(g) for _f, group, _s in touched for g in group} - {None}
    existing = dict(cited)
    missing = sorted(uids - existing.keys())
    if missing:
        existing.update((f.uid, f) for f in session.scalars(select(Fact).where(
            Fact.collection_id == collection_id, among(Fact.uid, set(missing), is_pg(session)))))
    old_sources = _source_rows(session, [f.id for f in existing.values()])
    cited_keys = {s.article for f in merged for s in f.sources} | \
        {s.article for x in folded for s in x.fact.sources}
    live_articles = dict(session.execute(
        select(Article.key, Article.id).where(
            Article.collection_id == collection_id, Article.retired_at.is_(None),
            among(Article.key, cited_keys, is_pg(session)))
    ).all()) if cited_keys else {}
    counts = changes.counts
    now = utcnow()
    seen: set[str] = set()
    new_facts: list[tuple[dict, list[SourceKey]]] = []
    add_sources: list[tuple[int, SourceKey]] = []
    drop_sources: list[int] = []
    for f in merged:
        seen.add(f.id)
        values = _values(f)
        wanted: dict[SourceKey, None] = {}  # in the merge's order, once each
        for s in f.sources:
            aid = live_articles.get(s.article)
            if aid is not None:
                span = s.span or (None, None)
                wanted[(aid, s.sentence_idx, s.sentence, span[0], span[1])] = None
        row = existing.get(f.id)
        if row is None:
            new_facts.append(({"uid": f.id, "collection_id": collection_id, "fold": summaries[f.id], **values},
                              list(wanted)))
            counts["added"] += 1
            continue
        if row.fold != summaries[f.id]:
            row.fold = summaries[f.id]
        had = old_sources.get(row.id, {})
        if live_and_equal(row, values) and had.keys() == wanted.keys() and \
                all(len(ids) == 1 for ids in had.values()):
            counts["unchanged"] += 1
            continue
        # Sources are diffed, not rewritten: a body named in hundreds of articles gains one.
        for key, ids in had.items():
            drop_sources.extend(ids if key not in wanted else ids[1:])
        add_sources.extend((row.id, key) for key in wanted if key not in had)
        # A fact several articles cite that still says the same and lost no source is only cited
        # once more: its questions stand (regenerating a widely named body's after every article
        # is the cost that would grow with the collection).
        cited_more = row.retired_at is None and row.source_count >= WIDELY_CITED and \
            all(getattr(row, k) == values[k] for k in _WHAT_IT_SAYS) and had.keys() <= wanted.keys()
        # Only its conflict note changed (one more article dates a recurring event differently):
        # the generator never reads the note, so the fact's questions stand as they are.
        note_only = row.retired_at is None and had.keys() == wanted.keys() and \
            all(getattr(row, k) == v for k, v in values.items() if k != "conflict_note")
        revive_with(row, values, now)
        counts["updated"] += 1
        if not (cited_more or note_only):
            changes.changed.add(row.id)
    cleared: list[int] = []
    for x in folded:
        _sync_folded(x, collection_id, live_articles, now, changes, new_facts, add_sources, cleared)
    if cleared:
        session.execute(delete(FactSource).where(FactSource.fact_id.in_(cleared))
                        .execution_options(synchronize_session=False))
    if new_facts:
        ids = session.scalars(insert(Fact).returning(Fact.id, sort_by_parameter_order=True),
                              [dict(v, created_at=now, updated_at=now) for v, _ in new_facts]).all()
        changes.changed.update(ids)
        add_sources.extend((fid, key) for fid, (_v, wanted) in zip(ids, new_facts, strict=True) for key in wanted)
    if drop_sources:
        session.execute(delete(FactSource).where(FactSource.id.in_(drop_sources))
                        .execution_options(synchronize_session=False))
    if add_sources:
        sentence_ids = _sentence_ids(session, {(aid, idx) for _fid, (aid, idx, *_r) in add_sources})
        session.execute(insert(FactSource), [
            {"fact_id": fid, "article_id": aid, "sentence_id": sentence_ids.get((aid, idx)), "text": text,
             "span_start": ss, "span_end": se}
            for fid, (aid, idx, text, ss, se) in add_sources
        ])
    gone = {uid: row for uid, row in existing.items() if uid not in seen and row.retired_at is None}
    counts["retired"] += retire_unseen(gone, seen, now)
    for row in gone.values():
        row.fold = None  # its group is gone: a later fact of that name starts a new summary
    changes.changed.update(row.id for row in gone.values())
    session.flush()
    return changes


def _sync_folded(x: Folded, collection_id: int, live_articles: dict[str, int], now, changes: FactChanges,
                 new_facts: list, add_sources: list, cleared: list[int]) -> None:
    """Sync one folded fact's row: the upload's sources are added (its articles are new, so none
    is stored yet and none goes), the rest of the row rewritten as the fold says."""
    f, counts = x.fact, changes.counts
    values = {**_values(f), "source_count": x.articles}
    wanted = list(dict.fromkeys(
        (live_articles[s.article], s.sentence_idx, s.sentence, *(s.span or (None, None)))
        for s in f.sources if s.article in live_articles))
    row = x.row
    if row is None:
        new_facts.append(({"uid": f.id, "collection_id": collection_id, "fold": x.summary, **values}, wanted))
        counts["added"] += 1
        return
    # As in the exact sync: a widely cited fact that says the same keeps its questions.
    cited_more = row.retired_at is None and row.source_count >= WIDELY_CITED and \
        all(getattr(row, k) == values[k] for k in _WHAT_IT_SAYS)
    if row.retired_at is not None:
        cleared.append(row.id)  # a retired fact's sources are of retired articles: none stays
    revive_with(row, values, now)
    row.fold = x.summary
    add_sources.extend((row.id, key) for key in wanted)
    counts["updated"] += 1
    if not cited_more:
        changes.changed.add(row.id)


def _sentence_idx():
    """A source's sentence index, looked up row by row (a correlated scalar subquery). A join let
    PostgreSQL's planner hash the whole sentence table, the biggest in the database, for a few
    hundred sources; a look-up by primary key per source costs the same at any corpus size."""
    return select(Sentence.idx).where(Sentence.id == FactSource.sentence_id).scalar_subquery()


def _article_key():
    """A source's article key, looked up row by row (as ``_sentence_idx``, for the same reason)."""
    return select(Article.key).where(Article.id == FactSource.article_id).scalar_subquery()


def _source_rows(session: Session, fact_ids: list[int]) -> dict[int, dict[SourceKey, list[int]]]:
    """The facts' stored sources as plain rows: fact id -> source key -> FactSource ids."""
    out: dict[int, dict[SourceKey, list[int]]] = defaultdict(dict)
    if not fact_ids:
        return out
    for sid, fact_id, aid, idx, text, ss, se in session.execute(
        select(FactSource.id, FactSource.fact_id, FactSource.article_id, _sentence_idx(), FactSource.text,
               FactSource.span_start, FactSource.span_end)
        .where(among(FactSource.fact_id, set(fact_ids), is_pg(session)))
        .order_by(FactSource.id)
    ):
        out[fact_id].setdefault((aid, idx, text, ss, se), []).append(sid)
    return out


def _sentence_ids(session: Session, wanted: set[tuple[int, int | None]]) -> dict[tuple[int, int], int]:
    """Sentence ids for (article id, sentence index) pairs: only the articles new sources cite."""
    pairs = {(aid, idx) for aid, idx in wanted if idx is not None}
    if not pairs:
        return {}
    return {
        (aid, idx): sid
        for sid, aid, idx in session.execute(
            select(Sentence.id, Sentence.article_id, Sentence.idx).where(
                Sentence.article_id.in_(sorted({aid for aid, _ in pairs})),
                Sentence.idx.in_(sorted({idx for _, idx in pairs})))
        )
        if (aid, idx) in pairs
    }


# A context fact (read for foils and story, its own questions not made) keeps its sources in the
# story's articles and in this many others: enough to count it as widely cited.
CONTEXT_SOURCE_ARTICLES = 3


def pure_facts(session: Session, where, sentences: dict | None = None,
               context: tuple[set[int], set[int]] | None = None) -> tuple[list[PureFact], dict[str, Fact]]:
    """Live facts meeting ``where`` as the pure dataclasses the generator takes (in uid order),
    and their rows by uid. Sources come from one plain query, not as ORM objects: a body named
    in hundreds of articles has hundreds of them, and regenerating its questions after each new
    article should not build an object for every one. ``sentences``, when given, is filled with
    (article key, sentence text) -> (sentence id, article id, sentence index) for every source
    read, so the question store can link questions to them without another query.

    ``context`` = (target fact ids, story article ids): only the targets keep every source; the
    others keep those in the story's articles and in ``CONTEXT_SOURCE_ARTICLES`` more. A head of
    state named in hundreds of articles is a foil in many stories, and reading (and the generator
    walking) all of their sentences after each new article was what that cost grew by."""
    rows = list(session.scalars(select(Fact).where(Fact.retired_at.is_(None), where).order_by(Fact.uid)))
    if not rows:
        return [], {}
    from .types import Source

    ids = [r.id for r in rows]
    pg = is_pg(session)
    chosen = among(FactSource.fact_id, set(ids), pg)
    if context is not None:
        targets, story = context
        ranked = select(FactSource.id.label("sid"), func.dense_rank().over(
            partition_by=FactSource.fact_id, order_by=FactSource.article_id).label("r")).where(
            among(FactSource.fact_id, set(ids) - targets, pg)).subquery()
        chosen = chosen & (among(FactSource.fact_id, targets & set(ids), pg) | among(FactSource.article_id, story, pg)
                           | FactSource.id.in_(select(ranked.c.sid).where(ranked.c.r <= CONTEXT_SOURCE_ARTICLES)))
    by_fact: dict[int, list[Source]] = defaultdict(list)
    key_col, idx_col = _article_key(), _sentence_idx()
    for fact_id, key, text, idx, ss, se, sid, aid in session.execute(
        select(FactSource.fact_id, key_col, FactSource.text, idx_col, FactSource.span_start,
               FactSource.span_end, FactSource.sentence_id, FactSource.article_id)
        .where(chosen)
        .order_by(FactSource.fact_id, key_col, func.coalesce(idx_col, -1),
                  func.coalesce(FactSource.span_start, 0), func.coalesce(FactSource.span_end, 0), FactSource.id)
    ):
        by_fact[fact_id].append(Source(key, text, idx, (ss, se) if ss is not None else None))
        if sentences is not None and sid is not None:
            sentences[(key, text)] = (sid, aid, idx)
    return [_pure(r, by_fact.get(r.id, [])) for r in rows], {r.uid: r for r in rows}


def _pure(row: Fact, sources: list) -> PureFact:
    data = dict(row.data or {})
    fields_ = {k: data.get(k) for k in ("date", "event", "name", "role", "country", "subtype",
                                        "actor", "goal", "question")}
    return PureFact(
        id=row.uid, kind=row.kind, statement=row.statement, answer=row.answer,
        aliases=list(row.aliases or []), confidence=row.confidence, sources=sources,
        items=list(data.get("items") or []), conflict=row.conflict, conflict_note=row.conflict_note,
        **fields_,
    )


def _live_facts_for_cli(session: Session, collection_id: int | None = None) -> list[PureFact]:
    """Stored live facts as dataclasses (the CLI's view when no ``--corpus`` is given)."""
    from sqlalchemy import true

    where = Fact.collection_id == collection_id if collection_id is not None else true()
    return pure_facts(session, where)[0]
