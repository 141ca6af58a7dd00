"""A dated or done event as a question in its own words: "When did the IMF approve a 48-month
Extended Fund Facility arrangement?", "Who inaugurated the Global Alliance Against Hunger and
Poverty?".

Built from the parse of the event's sentence (``events`` finds the event a date dates): the main
clause with a named subject, the subject without asides, the predicate without side clauses, the
tense of the source. Only what stands on its own is asked; None otherwise, and the generator then
falls back to the article's own sentence. Tokens are compared by index (``.i``).
"""

from __future__ import annotations

import re

from .asked import Asked
from .events import (
    NATIONAL_SUBJECT,
    NEEDS_COMPLEMENT,
    RELATIVE_PRONOUNS,
    before_ids,
    main_clause,
    paragraph_number,
)
from .lexicon import AGREEMENT_HEAD, DOCUMENT_HEAD, GENERIC_NAME, HEAD_FIRST, REPORTING_VERBS
from .places import STATE_WORD
from .roles import TITLE_BEFORE_NAME
from .schedules import DAY_OF_MONTH, TIMETABLE_VERBS, committed, scheduled
from .spans import bracketed, inside_title, tokens_text, without_brackets
from .when_checks import (
    MAKING_VERBS,
    RECURRING,
    bare_opening,
    coordinated,
    duration,
    listed_aside,
    named_day_after,
    span_of_time,
    statistic,
    weekday_before,
)

# What is written about a meeting, not the meeting itself.
_RECORDS = {"record", "records", "minutes", "report", "summary", "transcript", "communiqué", "communique",
            "statement", "outcome", "results", "agenda"}


_PRONOUNS = {"it", "its", "they", "their", "them", "this", "these", "those", "he", "she", "his", "her", "we", "our",
             "us", "i", "you", "which", "who"}
# "the Presidential Summit of said bloc": a translated release's legalese, which no teacher prints
# and whose referent is in another sentence.
_TRANSLATIONESE = re.compile(r"\b(?:said|aforementioned|aforesaid)\s+(?!that\b)[a-z]+", re.I)
_STANDS_ALONE_VERBS = {"meet", "begin", "end", "open", "close", "start", "resign", "conclude", "rule", "vote",
                       "collapse", "convene", "gather", "expire", "die", "launch", "win", "fall", "rise"}
_KEEP_DEPS = {"dobj", "prep", "prt", "attr", "acomp", "dative", "agent", "oprd", "xcomp", "npadvmod", "pcomp"}


def _namey(t) -> bool:
    """A token that names something: a proper noun, or an acronym the small model tags as a common
    noun ("The PPCR was set up ...", "SLIM succeeded ..."). Not a sentence's capitalised first word
    the tagger calls a proper noun before a common one ("Visitor numbers to the province reached
    ...")."""
    if t.pos_ == "PROPN" and t.i == 0 and not t.ent_type_ and len(t.doc) > 1 \
            and (t.doc[1].pos_ == "NOUN" or t.doc[1].pos_ == "ADP" and not t.text.isupper()) and t.doc[1].text.islower():
        return False  # ("Target for first commercial power flows ...": a timeline's noun, round 48)
    return t.pos_ == "PROPN" or (t.pos_ == "NOUN" and len(t.text) >= 2 and t.text.isupper() and t.text.isalpha())


def _year_of_name(t) -> bool:
    """"2023" in "the Andean Forum (AF) 2023": part of the name, which the parser reads as an aside."""
    return t.dep_ == "appos" and t.like_num and len(t.text) == 4 and t.i == t.head.right_edge.i and t.n_lefts == 0


def _set_off(verb) -> bool:
    """Is the clause set off from its noun by a comma (an aside on a name), not a restrictive
    clause that picks out one of several ("the agreement signed in 2019")?"""
    start = verb.left_edge.i
    return start > 0 and verb.doc[start - 1].text == ","


def _subject(verb, asides: bool = False):
    """Who did what the dated verb says: its own named subject in the main clause (or in what a
    reporting verb reports: "officials said the council approved ..."), or the noun a relative or
    participle clause hangs on ("the Council, created in 1998", "SLIM, which was launched in
    ...", "is a partnership, established in 1999" -> the copula's subject). None otherwise."""
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "conj" and own is None and not coordinated(verb):
        return None  # "set up under the Agreement concluded in 1957": a participle the parser joined on (round 118)
    if verb.dep_ == "conj" and own is None and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("VERB", "AUX") \
            and verb.tag_ == "VBD":
        # "X was adopted in 1994 and entered into force in 1996": the second verb shares the subject
        head_subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return head_subj if head_subj is not None and head_subj.i < verb.head.i else None
    if main_clause(verb):
        return own if own is not None and own.i < verb.i else None
    if verb.dep_ not in ("relcl", "acl"):
        return None
    if verb.dep_ == "relcl" and (own is None or own.lower_ not in RELATIVE_PRONOUNS):
        return None  # "the plan the council approved in June": the council did it, not the plan
    if verb.dep_ == "acl" and (own is not None or verb.tag_ != "VBN"):
        return None
    noun = verb.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        noun = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)  # "X is a body, created in"
    elif noun.dep_ == "appos" and noun.pos_ == "PROPN":
        pass  # "Ghana's finance minister, Ken Ofori-Atta, who took office ...": the person named
    if asides and noun is not None and noun.pos_ == "PROPN" and noun.dep_ in ("pobj", "dobj") \
            and _set_off(verb):
        # "referring to the SADC Mission (SAMIM), which withdrew from Cabo Delgado in July 2024":
        # a name carries its aside anywhere (only recent news: "go back to the Mekong Committee,
        # created in 1957" is the backdrop, which blind reviews judged not worth asking)
        return noun
    if noun is None or noun.pos_ not in ("PROPN", "NOUN") or noun.dep_ not in ("nsubj", "nsubjpass", "appos", "ROOT"):
        return None  # the clause of an object or a place would need its sentence to make sense
    return noun


def _predicate(doc, verb, date_ids: set[int], subj) -> list[int] | None:
    """What follows ``verb`` up to its first comma (not one that sets off the date): the object and
    its phrases, without asides or another date, plus a purpose told after an aside; None when it
    points outside the sentence (a pronoun other than the subject's own "its")."""
    comma = next((c.i for c in verb.rights if c.dep_ == "punct" and c.text == ","
                  and c.i - 1 not in date_ids and c.i + 1 not in date_ids), len(doc))
    rest: set[int] = set()
    cut = len(doc)
    for c in verb.rights:
        if c.dep_ in _KEEP_DEPS and c.i not in date_ids and c.i < comma:
            sub = {x.i for x in c.subtree}
            for x in c.subtree:  # no asides inside the object ("Hunger and Poverty" stays: a name)
                verb_conj = x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")
                verb_cc = x.dep_ == "cc" and any(y.dep_ == "conj" and y.pos_ in ("VERB", "AUX") for y in x.head.children)
                if (x.dep_ in ("appos", "relcl", "advcl", "parataxis") or verb_conj or verb_cc) and x.i != c.i:
                    sub -= {y.i for y in x.subtree}
            if c.dep_ == "prep" and any(x.ent_type_ == "DATE" for x in c.subtree) and not duration(c):
                continue  # another date phrase ("in 2021") would answer the question
            if c.dep_ in ("npadvmod", "dobj") and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ",":
                continue  # "..., a target the governor repeated on Tuesday": a remark on the clause (and
                # "held elections in May 2025, the first local polls since 2016": an aside, no second object)
            rest |= sub - date_ids
            cut_verbs = [x.i for x in c.subtree if x.dep_ == "cc" and x.i not in sub and x.i != c.i]
            if cut_verbs:
                cut = min(cut_verbs, default=cut)
    if cut < len(doc):
        # "adopts the final legal acts and fixes the conversion rate at 1.95583 leva": what follows a
        # second verb the parse hung on the object is that verb's, not the first's (round 45)
        rest = {i for i in rest if i < cut}
    # a purpose told after an aside says what the thing was for, and often whom ("..., amounting to
    # $3 billion, to support Sri Lanka's recovery"): without it "When did the IMF approve an
    # arrangement?" has many answers
    # (the parser may hang it on the aside: "amounting to ..., to support" as the aside's xcomp)
    purpose = next((c for c in doc[comma + 1:] if c.tag_ == "VB" and c.dep_ in ("advcl", "xcomp")
                    and any(x.lower_ == "to" and x.dep_ == "aux" for x in c.children)
                    and (c.head.i == verb.i or c.head.dep_ in ("advcl", "acl") and c.head.head.i == verb.i)),
                   None) if comma < len(doc) else None
    if purpose is not None and rest:
        extra = {x.i for x in purpose.subtree} - date_ids
        if not any(doc[i].lower_ in _PRONOUNS for i in extra) and len(rest | extra) <= 18:
            rest |= extra
    ids = sorted(rest)
    if any(doc[i].lower_ in ("this", "that", "these", "those") and doc[i].dep_ == "det" for i in ids):
        return None  # "Who raised exactly that point in Lima?": which point, the sentence before says
    if any(doc[i].lower_ in _PRONOUNS and not (doc[i].lower_ == "its" and (subj.tag_ in ("NNP", "NN") or subj.lower_ == "it"))
           for i in ids):
        return None  # ("its" is the subject's own: "When did the Arctic Council celebrate its ...")
    return ids


# Verbs a timeline's headline uses in the passive without "was" ("Treaty signed in Lima").
_HEADLINE_PASSIVE = {"sign", "inaugurate", "adopt", "ratify", "establish", "found", "create", "launch", "approve",
                     "elect", "appoint", "publish", "award", "pass", "enact", "unveil", "issue", "complete"}


_BODY_OR_STATE = re.compile(rf"{HEAD_FIRST.pattern}|{STATE_WORD}")  # (a body or a state, never a person's career)
_CAREER = {"join", "graduate", "study", "train", "retire", "bear", "work", "qualify", "earn", "obtain"}


def _ordinal_before(doc, ids: list[int]) -> list[int]:
    """The subject with the ordinal (and its "the") the parser hung on the verb instead: "The 13th
    Jatiya Sangsad election will be held ..." asks of "the 13th ... election", not "Jatiya Sangsad
    election" (session 27)."""
    k = ids[0] if ids else 0
    if k < 1 or doc[k - 1].ent_type_ != "ORDINAL" or doc[k - 1].head.i in ids:
        return ids
    lead = [k - 1]
    if k >= 2 and doc[k - 2].lower_ == "the":
        lead.insert(0, k - 2)
    return lead + ids


# Verbs under which "the X agreed at Y" is a participle, not a clause: "We recall the Pledge agreed at ..."
_TAKING_NOTE = {"recall", "welcome", "note", "recognise", "recognize", "reaffirm", "acknowledge", "endorse",
                "commend", "reiterate", "underline", "stress"}


# Verbs of acts done with another party: a "who" of them has two answers (round 23B) unless the
# other is named ("Who met Togo's Prime Minister ...?", "Who signed the accord with Kenya?").
# (a vote is one of many: "Who voted to keep the rate unchanged?" has as many answers as the board
# had such votes, and says neither which board nor which meeting)
_TOGETHER_VERBS = {"meet", "sign", "negotiate", "discuss", "co-sign", "co-chair", "cochair", "initial", "vote",
                   "abstain"}

# A text named by its number alone ("resolution 78/230", "Decision No. 12", "Article 76"): what it
# says, the stem never tells (blind review 34A: "tests memory of a document number").
_NUMBERED_PAPER = re.compile(r"(?:(?:the|its|a|UN|new)\s+)?(?:[A-Z][\w-]*\s+)?(?:resolution|decision|decree|directive|"
                             r"regulation|bill|law|article|amendment|order|ordinance|act|motion)\s+(?:No\.?\s*)?"
                             r"[\dIVXLC][\w/.-]*", re.I)


# Events named by their kind alone: "talks began" says nothing of which talks.
_EVENT_NOUNS = {"discussion", "talk", "negotiation", "consultation", "meeting", "session", "work", "construction",
                "process", "review", "campaign", "operation", "programme", "program", "project", "conference"}


def _unnamed_object(doc, obj, verb, resolve=None) -> bool:
    """Is ``obj`` the verb's object "the X" alone, a thing the sentence before named ("excluded
    the club", "cut the ribbon")? Not when it is one of a kind ("the world"), when ``resolve``
    names the article's one X, or when the sentence names it in full ("the Kandor Tunnel Company
    opened the tunnel")."""
    return obj.dep_ == "dobj" and obj.head.i == verb.i and obj.pos_ == "NOUN" and obj.tag_ == "NN" \
        and [c.lower_ for c in obj.children] == ["the"] and obj.lower_ not in _PLAIN_OBJECTS \
        and (resolve is None or resolve(obj.lower_) is None) \
        and not any(t.lower_ == obj.lower_ and t.pos_ == "PROPN" for t in doc if t.i != obj.i)


# A change of something, named only by the clause after it ("a targeted amendment that moves ...").
_CHANGE_OF = {"amendment", "revision", "extension", "update", "renewal", "change", "modification", "overhaul"}

# Objects "the X" that need no name to be clear: one of a kind, or the same for everyone.
_PLAIN_OBJECTS = {"world", "public", "economy", "environment", "climate", "region", "country", "government",
                  "constitution", "ceasefire", "presidency", "chairmanship", "throne", "pandemic"}


# Verbs of forecasting: "the gas was expected in 2027" dates a guess, not something that happened.
_FORECAST_VERBS = {"expect", "forecast", "project", "estimate", "predict", "anticipate"}


# Measures that say nothing without what they measure ("110 tonnes", "5,000 hectares").
_UNITS = {"tonnes", "tons", "tonne", "ton", "kilograms", "kg", "litres", "liters", "barrels", "metres", "meters",
          "kilometres", "kilometers", "hectares", "acres", "dollars", "euros", "percent", "units", "pieces"}


# Words a "when" question may run to: a communiqué names its meeting in full ("When was the 70th
# Ordinary Session of the Council of Ministers of the Lake Chad Basin Commission held in Abuja?").
MAX_WHEN_WORDS = 28
# A predicate that says nothing of what: a pronoun or a quantifier alone, or a vote's tally.
_NO_WHAT = re.compile(r"(?i:both|each|all|either|neither|them|it|these|those|one|others|the others|"
                      r"(?:all|the)\s+(?:two|three|four|five|six|\d+)|"
                      r"unanimously|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:to|-|–)\s*"
                      r"(?:\d+|none|nil|one|two|three|four|five|six|seven|eight|nine|ten))")


def when_question(doc, char_start: int, char_end: int, skip_before: int = 0, **kw) -> str | None:
    """The question of ``when_parts`` (its arguments), or None."""
    asked = when_parts(doc, char_start, char_end, skip_before, **kw)
    return asked.question if asked is not None else None


def _reporter(doc, clause, plural: bool) -> str | None:
    """The named subject of the verb of saying ``clause`` is reported by ("FIFA has said it aims
    ..."), as the question writes it; None when there is none, or it is a pronoun or a person
    (whose "it" would be someone else)."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    rep = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if rep is None or rep.pos_ == "PRON" or rep.ent_type_ == "PERSON" or (rep.tag_ in ("NNS", "NNPS")) != plural:
        return None
    ids = [t.i for t in rep.subtree if not any(a.dep_ in ("appos", "relcl", "acl") and a.i != rep.i
                                                  and a.is_ancestor(t) or a.i == t.i and a.dep_ in ("appos", "relcl", "acl")
                                                  for a in rep.subtree)]
    if not ids or not any(_namey(doc[i]) for i in ids) or ids[-1] - ids[0] + 1 != len(ids):
        return None
    text = without_brackets(tokens_text(doc, ids)).strip().rstrip(",")
    return text[:1].lower() + text[1:] if doc[ids[0]].lower_ == "the" else text


_TIME_NOUN = re.compile(r"(?:month|year|quarter|season|period|week|day|date|window|deadline|cycle|round|session)s?$")


def when_parts(doc, char_start: int, char_end: int, skip_before: int = 0,
               historic_present: bool = False, resolve=None, party=None, recent: bool = False,
               ahead: bool = False) -> Asked | None:
    """"When did the IMF approve a 48-month Extended Fund Facility arrangement?": the clause a
    date belongs to, turned into a question in its own words (do-support for the simple past,
    "was ... approved" for the passive, "will" for a plan). Only for a main clause with a named
    subject and nothing that points outside the sentence; None otherwise, and the generator then
    falls back to the article's own sentence."""
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if re.match(r"\s*(?:financial|fiscal|budget|budgetary|school|academic|marketing|crop)\s+year\b", doc.text[char_end:]):
        return None  # "approved the budget for the 2025 financial year": the period, not when it was approved (held-back round 184)
    # "aims to complete the first 300 genomes by the end of 2026": a target's deadline, asked as one
    # ("By when does ... aim to ...?") where the clause is a plan; any other bound is no event's date
    by = span.start > 0 and doc[span.start - 1].lower_ == "by"
    if span.start > 0 and doc[span.start - 1].lower_ in ("until", "till", "through", "to", "before", "after",
                                                         "since") or by and historic_present:
        return None  # an end, a deadline or a bound (or the start of a state), not when the thing happened
    if span.start > 0 and doc[span.start - 1].lower_ == "from" \
            and re.match(r"\s*(?:,\s*)?(?:until|till|to|through)\s+\d", doc.text[span.end_char:]) \
            and not re.search(r"\b(?:run|runs|ran|running|last|lasts|lasted|held|hold|holds|take|takes|took|open|opens|"
                              r"opened|valid|apply|applies|applied)\s+(?:\w+\s+){0,6}$", doc.text[:span.start_char - 5]):
        return None  # "approved trials ... from 1 July until 30 April": when the trials run, not when they were approved (round 52)
    if re.search(r"\d0s\b", span.text) or (span.start > 0 and doc[span.start - 1].lower_ in ("early", "mid", "late")) \
            or re.match(r"(?:in\s+)?(?:early|mid|late)\b", span.text, re.I) and not by:
        # ("scheduled to begin in early 2026": a season, keyed "2026", round 54; "by mid-2027" is still a deadline's year)
        return None  # "in the early 1990s": a decade, not a date to ask for
    if RECURRING.search(doc.text[max(0, span.start_char - 40):span.end_char + 12]):
        return None  # "activated every year on 1 November": a yearly date, no one day to ask (round 59)
    if span.root.dep_ in ("nmod", "compound", "amod", "nummod") and span.root.head.pos_ in ("NOUN", "PROPN") \
            and span.root.head.i >= span.end and not _TIME_NOUN.match(span.root.head.lower_):
        # (a time's own date stays: "from the October 2025 reference month")
        return None  # "deployed a mission to the 16 September 2025 elections": the elections' date, not the deployment's
    date_ids = {t.i for t in span} | before_ids(doc, skip_before)
    for t in span:
        if t.dep_ in ("pobj", "npadvmod", "advmod"):
            date_ids |= {x.i for x in t.subtree}
    date_ids |= weekday_before(doc, span.start)
    date_ids |= named_day_after(doc, span.end)
    verb = span.root
    guard = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and guard < 6:
        if verb.dep_ == "conj" and verb.i not in date_ids:
            return None  # "will open on 2 April and close on 31 May" with "close" read as a noun: not "open"'s date
        if verb.lower_ == "due" and verb.i > 0 and doc[verb.i - 1].text == ",":
            return None  # "..., as it prepares its report, due in 2026": the report's date, not the verb's (round 76)
        if verb.dep_ == "prep" and verb.head.i not in date_ids:
            date_ids |= {x.i for x in verb.subtree}
            if verb.head.pos_ in ("NOUN", "PROPN") and verb.lower_ in ("for", "beyond", "toward", "towards"):
                return None  # "its projection for fiscal 2025": a target the noun has, not when it was done
            if verb.head.pos_ == "NOUN" and verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep" \
                    and verb.head.head.lower_ in ("after", "before", "since", "following", "despite", "amid"):
                return None  # "held elections in May 2025 ... after postponements by Parliament in 2022": the
                # postponements' year, told inside what came before, not the elections' (round 71)
        verb = verb.head
        guard += 1
    if verb.pos_ not in ("VERB", "AUX") or verb.i in date_ids or verb.lemma_.lower() in REPORTING_VERBS:
        return None  # "When did the IMF say?" asks nothing
    if statistic(doc, verb, date_ids) and not by:  # (a target's figure is what the plan is: "aims to generate 20 percent ... by 2030")
        return None  # "carried 9.4 million passengers in 2025": a year's figure, no event to date
    sched = scheduled(verb) or (committed(verb) if by else None)
    subj = sched[1] if sched else _subject(verb, asides=recent)
    if subj is None or bare_opening(doc, subj):
        return None
    if any(t.text == ";" for t in doc[min(subj.i, verb.i):max(subj.i, verb.i)]):
        return None  # "2023 - Attacks begin; shipping companies start diverting ...": a subject and a verb of two clauses (round 59)
    if any(t.i == span.start for t in subj.subtree) and not any(t.i == verb.i for t in subj.subtree):
        return None  # "Polling in the General Election of 13 August 2026 closed ...": the subject's date (round 46)
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if subj.lemma_.lower() in ("season", "year") and verb.tag_ in ("VBZ", "VBP") \
            and not re.search(r"\b(?:19|20)\d\d\b", span.text):
        return None  # "The Atlantic hurricane season officially begins on June 1": every year's calendar (round 195)
    if any(c.dep_ == "advmod" and c.lower_ in ("last", "previously") for c in verb.children):
        return None  # "The Joint Committee last met in Tokyo in September 2023": one of a series, which "when" asks not (round 66)
    words = {c.lower_ for c in aux}
    if sched:
        form = sched[2]  # "When is Denmark due to take over ...?": the plan as the article frames it
    elif historic_present and verb.tag_ in ("VBD", "VBN") and not aux \
            and not any(c.dep_ == "dobj" for c in verb.children):
        # "2005 — CCJ inaugurated in Port of Spain": a headline's passive ("was inaugurated") where
        # the verb takes an object; otherwise its voice is unsure
        if verb.lemma_.lower() not in _HEADLINE_PASSIVE:
            return None
        form = "was" if subj.tag_ not in ("NNS", "NNPS") else "were"
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and not aux:
        form = "was" if subj.tag_ != "NNPS" and subj.tag_ != "NNS" else "were"  # "X, created in 1998"
    elif verb.tag_ == "VBD" and not aux:
        form = "did"
    elif verb.tag_ == "VB" and words & {"will", "shall"} and len(aux) == 1:
        form = "will"
    elif by and verb.tag_ == "VB" and words == {"must"}:
        form = "must"  # "operators must connect to KIPS by 30 September 2026": a rule's deadline
    elif verb.tag_ == "VBN" and words & {"was", "were"} and all(c.dep_ == "auxpass" for c in aux):
        form = "was" if "was" in words else "were"
    elif verb.tag_ == "VBN" and words == {"will", "be"} and len(aux) == 2:
        form = "will"  # "the call for tenders will be issued in October": "When will ... be issued?"
    elif verb.tag_ == "VBN" and words <= {"has", "have"} and words:
        form = "did"
    elif historic_present and verb.tag_ in ("VBZ", "VBP") and not aux:
        form = "will" if ahead else "did"  # a timeline's present tense tells the past (or, dated after the article, a plan)
    elif historic_present and verb.tag_ == "VBN" and words & {"is", "are"} and all(c.dep_ == "auxpass" for c in aux):
        form = "will" if ahead else "was" if "is" in words else "were"
    elif ahead and verb.tag_ in ("VBZ", "VBP") and not aux and verb.lemma_.lower() in TIMETABLE_VERBS \
            and DAY_OF_MONTH.search(span.text):
        # "WRC-23 opens in Dubai on 20 November", a day after the article's: a timetable ("ahead";
        # dated before, it is a timeline's historic present)
        form = "does" if verb.tag_ == "VBZ" else "do"
    elif verb.lemma_.lower() == "be" and verb.tag_ in ("VBZ", "VBP", "VBD") and not aux and any(
            c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children):
        form = verb.lower_  # "Elections are due in December 2025": "When are ... due?"
    else:
        return None
    if by and not (form in ("does", "do", "did") and sched or form in ("will", "must") and verb.tag_ == "VB"):
        return None  # "completed ... by 2024", "is expected ... by 2026": a bound of what was or may be, no plan
    # the subject without asides; it must name someone ("the IMF", "Kenyan President William Ruto")
    drop: set[int] = set()
    for t in subj.subtree:
        # ("the Public Health (Notification of Cholera) Rules": the parser's "apposition" after a bracket
        # is the title's own last word, held-back round 201)
        title_tail = t.dep_ == "appos" and t.text[:1].isupper() and t.left_edge.i < t.i \
            and doc[t.left_edge.i - 1].text == "(" and doc[t.i - 1].text == ")"
        if t.dep_ in ("appos", "relcl", "acl", "advcl") and t.i != subj.i and not _year_of_name(t) \
                and not listed_aside(t) and not inside_title(doc, t) and not title_tail:
            drop |= {x.i for x in t.subtree}
    if verb.dep_ in ("relcl", "acl"):
        drop |= {x.i for x in verb.subtree}  # (a relative clause's own words are not its noun's)
    subj_ids = [t.i for t in subj.subtree if t.i not in drop and t.i not in date_ids]
    while subj_ids and doc[subj_ids[-1]].is_punct:
        subj_ids.pop()
    while subj_ids and (doc[subj_ids[0]].is_punct or paragraph_number(doc, subj_ids)):
        subj_ids.pop(0)
    subj_ids = _ordinal_before(doc, subj_ids)
    people = [doc[i] for i in subj_ids if doc[i].ent_type_ == "PERSON" and doc[i].pos_ == "PROPN"]
    if people and verb.lemma_.lower() in _CAREER and not any(doc[i].ent_type_ in ("ORG", "GPE", "NORP")
                                                              for i in subj_ids) \
            and not _BODY_OR_STATE.search(tokens_text(doc, subj_ids)):
        return None  # "When did NAME join EASA?": a line of the interviewee's biography (session 27)
    if len(people) >= 2 and all(t.ent_iob_ == "B" and (t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I") for t in people) \
            and not any(doc[i].ent_type_ not in ("PERSON", "") for i in subj_ids):
        return None  # "When did Ali and Maduro meet ...?": people by surname alone, who they are the
        # article said before (session 27)
    if verb.dep_ == "acl" and verb.lemma_.lower() in ("hold", "convene", "host", "stage") \
            and subj.lemma_.lower() in _RECORDS:
        return None  # "The record of Meeting No. 6, held on 27 May": the meeting was held, not its record
    if subj_ids and subj_ids[0] > 0 and doc[subj_ids[0] - 1].text in ("–", "-", "—", "/") \
            and not doc[subj_ids[0] - 1].whitespace_:
        return None  # "the first GCC–Central Asia Summit": the parse kept half of the name
    named_as = None
    if not any(_namey(doc[i]) for i in subj_ids) and resolve is not None and len(subj_ids) == 2 \
            and doc[subj_ids[0]].lower_ == "the" and doc[subj_ids[1]].pos_ == "NOUN":
        # "the convention was adopted in 1994": the one convention the article names
        full = resolve(doc[subj_ids[1]].lower_)
        named_as = "the " + re.sub(r"^[Tt]he\s+", "", full) if full else None
    if named_as is None and subj_ids and GENERIC_NAME.fullmatch(tokens_text(doc, subj_ids)):
        # "The Framework Agreement enters into force", "the Fifth Assembly endorses ...": capitals,
        # but words any body has; the one body the article names with that head, or no question
        full = resolve(doc[subj_ids[-1]].lower_) if resolve is not None else None
        if not full or GENERIC_NAME.fullmatch(full):
            return None
        named_as = "the " + re.sub(r"^[Tt]he\s+", "", full)
    if named_as is None and party is not None and subj_ids and not any(_namey(doc[i]) for i in subj_ids):
        # "The ministers agreed on 7 February to ...": the ministers the article named before
        named_as = party(tokens_text(doc, subj_ids))
    if named_as is None and len(subj_ids) == 1 and doc[subj_ids[0]].lower_ in ("it", "they"):
        # "FIFA has said it aims to halve its emissions by 2030": the reporter speaks of itself
        named_as = _reporter(doc, sched[0] if sched else verb, plural=doc[subj_ids[0]].lower_ == "they")
    national = named_as is None and NATIONAL_SUBJECT.fullmatch(tokens_text(doc, subj_ids)) is not None
    if named_as is None and not national and (not any(_namey(doc[i]) for i in subj_ids)
                                              or any(doc[i].lower_ in _PRONOUNS for i in subj_ids)):
        return None
    asides = [i for i in drop if doc[i].dep_ == "appos" and doc[i].head.i == subj.i
              and not bracketed(doc, doc[i])]
    # a clause set off after the subject is an aside, not a list ("The Sfax station, built with
    # concessional financing, was inaugurated ..."): its first word is a participle or "which"
    clause_aside = subj.i + 2 < len(doc) and any(
        c.dep_ in ("acl", "relcl") and c.left_edge.i == subj.i + 2 for c in subj.children)
    if verb.dep_ not in ("relcl", "acl") and subj.i + 1 < len(doc) and doc[subj.i + 1].text == "," \
            and not clause_aside or asides:
        return None  # "Mali, Burkina Faso and Niger": a list the parser may have read as an aside
    ids = _predicate(doc, verb, date_ids, subj)
    if ids is None:
        return None
    if verb.lemma_.lower() in ("bring", "put", "place", "convert", "turn") and any(
            t.dep_ == "prep" and t.lower_ in ("into", "in", "to", "under") and t.i not in ids
            for t in verb.subtree if t.head.i == verb.i or t.head.head.i == verb.i):
        return None  # "bring the border post[, on the new bridge, into full operation] by 30 June": the cut lost where to (round 196)
    if ids and any(doc[i].text in (":", "—", "–") and i not in ids for i in range(verb.i, max(ids))):
        return None  # "table a proposal for a phased approach: a five-year ...": a tail across a colon reads garbled (round 60)
    if any(c.dep_ == "ccomp" and c.i > verb.i and c.i not in ids for c in verb.children):
        return None  # "When did convergence reports conclude?": concluded what, the cut left out (round 45)
    if ids and date_ids and max(ids) < min(date_ids) and any(doc[i].lower_ in ("such", "including") for i in ids) \
            and any(t.is_alpha and t.i not in ids and t.lower_ not in ("by", "in", "on", "before", "the", "end", "of")
                    for t in doc[max(ids) + 1:min(date_ids)]):
        return None  # "raise the share of processed products, such as flour and pasta[, in grain exports to 50
        # percent] by 2030": the cut kept the examples and lost the aim's end (round 119)
    last = doc[max(ids)] if ids else None
    if last is not None and last.tag_ == "VBG" and not any(True for _ in last.children):
        return None  # "reject joining": joining what? (told in the sentence before)
    if doc[subj_ids[0]].lower_ in ("a", "an") if subj_ids else False:
        return None  # "When will an East African Fertiliser Procurement Facility buy ...?": one proposed, not named
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i in ids), None)
    if obj is not None and obj.dep_ == "dobj" and not any(c.dep_ == "prep" for c in obj.children) \
            and (obj.lower_ in _UNITS or obj.tag_ == "NNS" and not list(obj.children)):
        return None  # "When did Spain produce an estimated 110 tonnes?", "... ban sales?": of what? (round 27B)
    if obj is not None and _unnamed_object(doc, obj, verb, resolve):
        return None  # "When did the committee exclude the club?": which club, the sentence before said (round 35A)
    if obj is not None and obj.dep_ == "dobj" and obj.tag_ == "NN" and any(c.lower_ in ("its", "their") for c in obj.children) \
            and not any(c.dep_ in ("prep", "compound", "amod") for c in obj.children) and obj.lemma_.lower() not in _EVENT_NOUNS | {"name"}:
        return None  # "When did the Commission table its proposal?": its proposal of what (round 64)
    if obj is not None and obj.lemma_.lower() in _CHANGE_OF and any(c.lower_ in ("a", "an") for c in obj.children) \
            and not any(c.dep_ == "prep" and c.lower_ in ("to", "of") for c in obj.children):
        return None  # "When did the Council approve a targeted amendment?": of what (round 60)
    if obj is not None and any(d.dep_ == "det" and d.lower_ in ("a", "an") and d.head.pos_ == "NOUN"
                               # (what it is on or for counts only if the question keeps it)
                               and not any(c.dep_ in ("prep", "acl", "relcl") and c.i in ids for c in d.head.children)
                               for d in obj.subtree) \
            and not any(_namey(doc[i]) or doc[i].like_num and not (span_of_time(doc, i) and verb.lemma_.lower() in MAKING_VERBS)
                        for i in ids):
        return None  # "When did the two Congos launch a joint network?": which network, the stem never says
        # (nor "launch a five-year programme": how long says not which, round 106)
        # (nor "approve funds for a new techno-economic assessment": of what, round 66)
        # (one told by what it is on or for stays: "adopt a new agreement on public procurement")
    if verb.lemma_.lower() in ("sign", "ratify", "initial") and form in ("was", "were") \
            and not AGREEMENT_HEAD.search(subj.text):
        return None  # "When was the Mekong River Commission signed?": an agreement is signed, not a body
    due = verb.lemma_.lower() == "be" and form in ("is", "are", "was", "were") and not sched
    if verb.lemma_.lower() in ("be", "have") and not due:
        return None  # "When did X be unable ...?"
    if verb.lemma_.lower() in _FORECAST_VERBS and form in ("was", "were", "will"):
        return None  # "When was Romania's offshore gas expected?": a forecast, not an event (round 20A)
    if form == "did" and verb.dep_ == "ccomp" and not aux and verb.tag_ == "VBD" \
            and verb.head.lemma_.lower() in _TAKING_NOTE and DOCUMENT_HEAD.search(subj.text):
        form = "was"  # "We recall the Pledge agreed at the Wales Summit": agreed by others, not agreeing
    lemma = verb.lemma_.lower() if form in ("did", "will", "does", "do", "must") else verb.text
    if sched:
        lemma = f"{sched[0].lemma_.lower() if form in ('does', 'do', 'did') else sched[0].text} to {verb.text}"
    subject = without_brackets(tokens_text(doc, subj_ids)).strip()  # "(AF)" went as an aside
    first = doc[subj_ids[0]]
    if not _namey(first) and first.text[:1].isupper() and not TITLE_BEFORE_NAME.match(tokens_text(doc, subj_ids)):
        subject = subject[:1].lower() + subject[1:]  # "the IMF", "a WTO panel", "informal UN talks"
    elif first.i == 0 and first.text in ("New", "Revised", "Updated", "Amended") and len(subj_ids) > 2 \
            and doc[subj_ids[-1]].tag_ in ("NNS", "NNPS"):
        subject = "the " + subject[:1].lower() + subject[1:]  # "New ADGM Court Procedure Rules will ...": new rules (round 187)
    if named_as is not None:
        subject = named_as
    if DOCUMENT_HEAD.fullmatch(subject):
        return None  # "Agreement" with its title cut off (as an aside): which agreement?
    last = doc[subj_ids[-1]]
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_ in ("that", "which") and doc[last.i + 2].text[:1].isupper() \
            and last.text[:1].isupper():
        return None  # "the Montreal Protocol on Substances [that Deplete the Ozone Layer]": a title cut (round 51)
    # (a comma whose aside went goes too: "signed in Benguela, Angola, on ..." -> "signed in Benguela by ...")
    tail = tokens_text(doc, [i for i in ids if doc[i].text != "," or i + 1 in ids]).rstrip(" ,;:")
    end = max(ids) + 1 if ids else None
    if end is not None and end + 1 < len(doc) and doc[end - 1].text[:1].isupper() and doc[end].text[:1].isupper() \
            and doc[end].is_alpha and end not in date_ids and doc[end].i not in ids:
        return None  # "inscribed on the UNESCO [World Heritage List]": a name cut where the tail ends (round 58)
    tail = without_brackets(tail).strip()  # no bracketed acronym or half a bracket
    if due:
        if tail != "due":
            return None  # ("are due for review in 2025": the due thing is another)
        lemma, tail = "due", ""
    if tail.split()[-1:] and tail.split()[-1].lower() in ("on", "in", "at", "by", "from", "since", "of", "to", "and"):
        return None
    if re.search(r"(?:^|\s)the\s+(?:start|end|beginning|middle|first\s+day)\s+of\b", tail) \
            and not re.search(r"\b(?:at|by|from|until|before|after|to|in|on)\s+the\s+(?:start|end|beginning|middle|first\s+day)\s+of\b", tail):
        return None  # "take effect the start of the 2027/28 financial year": the date's own aside, its "at" gone (round 54)
    if form in ("was", "were", "will") and verb.tag_ == "VBN" and any(
            c.i not in ids and (c.dep_ in ("xcomp", "ccomp", "oprd") or verb.lemma_.lower() in NEEDS_COMPLEMENT
                                and c.dep_ == "advcl" and any(x.lower_ == "to" for x in c.children))
            for c in verb.children):
        return None  # "When will the Council be asked?": asked to do what went unsaid
    if not tail and subj.lemma_.lower() in _EVENT_NOUNS and not any(c.dep_ == "prep" for c in subj.children):
        return None  # "When did informal UN discussions begin?": discussions of what, the sentence before said
    if not tail and form in ("did", "will", "does", "do", "must") and verb.tag_ != "VBN" \
            and verb.lemma_.lower() not in _STANDS_ALONE_VERBS:
        return None  # "When did the minister call?": the verb needs what it was about
    if not tail and sched:
        return None  # "When is the Security Council scheduled to vote?": on what, the cut left out
    if tail.lower() == "office":
        # "When did NAME take office?": which office, the question must say (round 38); the one the
        # name is in apposition to ("The ISA's Secretary-General, NAME, who took office ...")
        office = subj.head if subj.dep_ == "appos" and subj.head.pos_ in ("NOUN", "PROPN") else None
        name_ids = {t.i for t in subj.subtree}
        ids_office = [t.i for t in office.subtree if t.i < min(name_ids)] if office is not None else []
        while ids_office and doc[ids_office[-1]].is_punct:
            ids_office.pop()  # (the comma before the name)
        if ids_office and doc[ids_office[0]].lower_ in ("its", "their", "his", "her", "our"):
            return None  # "take office as Its Director-General": whose, the sentence before said (round 41)
        if not ids_office or not any(_namey(doc[i]) for i in ids_office) or ids_office[-1] - ids_office[0] >= len(ids_office):
            return None  # (an office whose words are not one run before the name is no clean phrase)
        role = doc[ids_office[0]:ids_office[-1] + 1].text
        tail = f"office as {role[:1].lower() + role[1:] if doc[ids_office[0]].lower_ == 'the' else role}"
    if verb.lemma_.lower() in ("elect", "appoint", "name", "choose", "re-elect", "reelect") and not tail.strip() \
            and (people or TITLE_BEFORE_NAME.match(subject)):
        return None  # "When was [President] NAME elected?": to what, the question must say (session 27)
    if verb.lemma_.lower() in ("become", "remain") and re.fullmatch(r"(?:the\s+)?(?:[A-Z][\w-]*\s*){1,3}", tail):
        return None  # "When did NAME become Director-General?": of what, the question must say (round 41)
    tail = re.sub(r",?\s+(?:its|their)\s+(?:first|second|third|last|only|latest)$", "", tail)  # ("..., its first since ...")
    if _NO_WHAT.fullmatch(re.sub(r"^(?:to|with|of|on|for|from|in|by|at|into)\s+", "", tail)):
        return None  # "When did the Plan of Action follow both?", "... vote four to one?", "accede to both?": both what? (rounds 42, 72)
    if re.search(r"\b(?:the\s+)?(?:start|end|beginning|middle|turn)$|\bbetween\s+(?:(?:early|late|mid)[-\s]+)?"
                 r"(?:(?:19|20)\d\d|[A-Z][a-z]+\s+(?:19|20)\d\d)", tail):
        return None  # "... tripled between early 2024 and the start [of 2025]": a span's end, cut (session 27)
    if re.search(r"\b(?:first|second|third|last|only|next)\s+[\w-]+$", tail):
        return None  # "become the first country": the first to do what?
    if _NUMBERED_PAPER.fullmatch(tail):
        return None  # "When did the General Assembly adopt resolution 78/230?": a number, not what it does
    if form == "will" and verb.tag_ == "VBN":
        lemma = f"be {verb.text}"
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children) or form in ("were", "do")
    asked = Asked(form, subject, lemma, tail, plural=plural, by=by)
    question = asked.question
    n = len(question.split())
    if n < 5 or n > MAX_WHEN_WORDS or '"' in question or "“" in question or _TRANSLATIONESE.search(question):
        return None
    return asked
