"""Who an article's pronouns speak for, read once per article before its facts: the bodies and
people it names most, a declaration's preamble, whose ministers met, and the body behind the "we"
of a speech or an interview (the speaker's title, or the interviewee's office)."""

from __future__ import annotations

import re

from .actors import PREAMBLE, ActorContext, country_table, ministers_of, signatories
from .lexicon import COUNTRY_NAMES
from .mechanisms import find_mentions
from .places import countries_in, with_the
from .sides import country_list, defined_sides, hyphen_pair, sides_of
from .types import ArticleInput

# Guests' thanks to their host: the ministers named there are not all who met.
_THANKS = re.compile(r"\b(?:expressed\s+(?:their|its|his|her)?\s*(?:sincere\s+|deep\s+|warm\s+|profound\s+)?"
                     r"(?:appreciation|gratitude|thanks)|thanked|congratulated)\b", re.I)


# "The Minister of X of A, NAME, the Minister of Y of B, NAME, and ... met in ...": a communiqué's
# opening names each minister who met, one by one, and "the Ministers" after it are theirs.
_MET = re.compile(r"\b(?:met|meet|gathered|convened|held\s+(?:talks|a\s+meeting))\b")


def _ministers_who_met(leaders) -> str | None:
    """"the ministers of Korea, Japan and China": the countries of the ministers one sentence names
    (two or more, as listed), or None."""
    table = country_table()
    ministers = sorted((lm for lm in leaders if lm.role and re.search(r"\bminister\b", lm.role, re.I)
                        and not re.match(r"(?:former|ex-)", lm.role, re.I)), key=lambda lm: lm.start)
    found = [countries_in(lm.country or "", table) or countries_in(lm.role, table) for lm in ministers]
    countries = list(dict.fromkeys(c[0] for c in found if len(c) == 1))
    if len(countries) < 2:
        return None
    named = [with_the(c) for c in countries]
    return "the ministers of " + ", ".join(named[:-1]) + " and " + named[-1]


# "an arbitral tribunal in The Hague", "a new commission": a body the article tells of unnamed, whom
# its later "the tribunal" may mean as well as any tribunal it names (round 173)
_UNNAMED_BODY = re.compile(r"\b(?:[Aa]n?|[Tt]he\s+(?:ad\s+hoc|arbitral))\s+(?:[a-z][\w-]*\s+){0,2}?"
                           r"(tribunal|court|commission|committee|panel|council|board|body|agency|authority|fund|"
                           r"secretariat|task\s+force|working\s+group)\b(?!\s+(?:of|on|for)\s+(?:the\s+)?[A-Z])")


def actor_context(items, acronyms: dict[str, str], art: ArticleInput) -> ActorContext:
    """Counts of the bodies and people an article names, for resolving "we" and "I"."""
    ctx = ActorContext(lower_words=frozenset(w for _d, sent, _m, _l in items
                                             for w in re.findall(r"(?<![\w-])[a-z][a-z-]+", sent.text)),
                       unnamed_heads=frozenset(m.group(1) for _d, sent, _m, _l in items
                                               for m in _UNNAMED_BODY.finditer(sent.text)))
    for _doc, sent, mentions, leaders in items:
        weight = 2 if sent.paragraph == 0 else 1
        for m in mentions:
            if m.name.isupper() and len(m.name.split()) > 4:
                continue  # a headline in capitals read as one name: no body (session 27)
            name = acronyms.get(m.name, m.name) if m.name.isupper() else m.name
            if not name.isupper():
                ctx.body_names.add(name)
            if m.subtype not in ("organisation", "format", ""):
                continue
            ctx.org_counts[name] += weight
        for lm in leaders:
            if " " in lm.name:
                ctx.person_counts[lm.name] += weight
        ctx.country_lists += country_list(_doc)
        header = sent.idx < 4 and _SPEECH_BY.match(sent.text) is not None
        ctx.speech = ctx.speech or header
        if ctx.speaker_body is None and header and mentions:
            # In a speech, "we" is the speaker's body: the one the speaker's title names before the
            # name ("Remarks by EBRD President NAME at ..."), else the last the header names ("NAME,
            # Director of the Postal Technology Centre, Universal Postal Union": the whole body, not
            # the office), never the occasion ("at the 2025 Annual Meeting and Business Forum" is
            # where, not whom: round 38 gave a bank's pledge to its meeting)
            line = sent.text.split("\n")[0]
            own = next((lm.country for lm in leaders if lm.country and lm.country.lower() not in COUNTRY_NAMES
                        and lm.name in line and 0 <= line.find(lm.country) < line.find(lm.name)), None)
            # (what follows ", at the ..." is the occasion: "..., Minister of Commerce of the Sultanate
            # of Oman, at the 12th session of the Oman-India Joint Business Council", round 71)
            speaker = re.split(r",\s+at\s+(?:the\s+)?", line, maxsplit=1)[0]
            named = sorted((speaker.rfind(m.name), m.name) for m in mentions
                           if speaker.rfind(m.name) >= 0 and not _OCCASION.search(m.name))
            home = next((lm.country for lm in leaders if lm.country and lm.country.lower() in COUNTRY_NAMES
                         and lm.name in speaker), None) if speaker != line else None
            last = own or (named[-1][1] if named else None) or home
            if last and last.isupper() and " " in last:
                letters = {w for _d, s2, _m, _l in items if not s2.text.isupper() for w in re.findall(r"\b[A-Z]{2,}\b", s2.text)}
                last = _shouted_body(last, letters | set(acronyms))
            ctx.speaker_body = acronyms.get(last, last) if last and last.isupper() else last
        if ctx.signatories is None:
            ctx.signatories = signatories(sent.text)
            ctx.preamble = sent if ctx.signatories else None
        met = _MET.search(sent.text) is not None
        if ctx.met_sentence is None and met:
            ctx.met_sentence = sent
        if ctx.ministers is None and met:
            ctx.ministers = _ministers_who_met(leaders)
            ctx.ministers_sentence = sent if ctx.ministers else None
        if ctx.ministers is None and "inisters" in sent.text and not _THANKS.search(sent.text):
            # (not the guests who thank their host: "The Ministers of Japan and of China expressed their
            # appreciation to the Government of the Republic of Korea", round 58)
            ctx.ministers = ministers_of(sent.text)
            ctx.ministers_sentence = sent if ctx.ministers else None
    if ctx.signatories is None:
        # "We, the heads of delegations of States, international organisations and development
        # partners, gathered in ...": a preamble that names no one; the declaration's title does
        # ("the signatories of the Dushanbe Declaration on Glaciers' Preservation", round 129)
        preamble = next((sent for _d, sent, _m, _l in items[:12] if PREAMBLE.match(sent.text)), None)
        declared = _declaration_named(art.title or "") if preamble is not None else None
        if declared:
            ctx.signatories, ctx.preamble = f"the signatories of the {declared}", preamble
    ctx.sides = sides_of(art.title or "")
    if ctx.sides is None:
        # a communiqué titled only "JOINT COMMUNIQUÉ" names its meeting's sides in its opening
        # sentence ("The Ministerial Meeting between the United Republic of Tanzania and the Republic
        # of Zambia on ... was held ...")
        for i, (_d, sent, _m, _l) in enumerate(items[:6]):
            # ("Joint Permanent Commission of Cooperation (JPC) between ...", or a headline in capitals
            # under the ministry's name: "JOINT COMMUNIQUE ON ... BETWEEN THE UNITED REPUBLIC OF ..."; a
            # body's sitting may open the fifth line, talks between two people only the first three)
            talks = r"|[Tt]alks|[Dd]ialogue|[Cc]onsultations" if i < 3 else ""
            if " BETWEEN " in sent.text or re.search(rf"\b(?:[Mm]eeting|[Ss]ummit|[Cc]ommission|[Cc]ommittee|[Cc]ouncil{talks})"
                         r"(?:\s+(?:of|on|for)(?:\s+[A-Z][\w-]*){1,3})?(?:\s+\([A-Z]{2,8}\))?\s+between\s", sent.text):
                ctx.sides = sides_of(sent.text)
                if ctx.sides:
                    break
    if ctx.sides is None:
        # "Eighth Meeting of the Mexico-Belize Binational Commission": its two countries
        ctx.sides = hyphen_pair("\n".join([art.title or "", *(art.raw or "").split("\n")[:12],
                                            *(sent.text for _d, sent, _m, _l in items[:3])]))
    if ctx.sides is None:
        # an agreement's own definition: "The Ministry ... of Azerbaijan and the Ministry ... of
        # Kazakhstan (hereinafter "the Sides")"
        ctx.sides = defined_sides(art.raw or "")
    header = [art.title or "", *(art.raw or "").split("\n")[:8], *(sent.text for _d, sent, _m, _l in items[:5])]
    answers = sum(1 for _d, sent, _m, _l in items if re.match(r"\s*A\s*:", sent.text))
    interview = answers >= 2 or any(_INTERVIEW_HEADER.search(line) for line in header)
    ctx.interview = interview and not ctx.speech
    if ctx.speaker_body is None and interview:
        ctx.speaker_body = _interviewee_body(items, ctx, acronyms) or _headline_body(art.title or "", acronyms)
    if ctx.speaker_body is None and _BRIEFING_TITLE.search(art.title or ""):
        # those who speak at a body's own press conference speak for it (round 171: four aims of "we"):
        # the body the title names as its own ("Press conference following the Bank of Canada's
        # announcement", "... by the Central Bank"), not what the conference launched or followed ("the
        # launch of the Coastal Inundation Early Warning Service")
        bodies = {acronyms.get(m.name, m.name) for m in (items[0][2] if items else ())
                  if m.subtype in ("organisation", "") and len(m.name.split()) > 1
                  and re.search(rf"{re.escape(m.name)}['’]s\b|\bby\s+(?:the\s+)?{re.escape(m.name)}", art.title or "")}
        if not bodies:
            # "Press Conference on Monetary Policy Review No. 4" over a line "Central Bank of Sri Lanka,
            # Colombo": the body the header's own line names, never the conference (round 210)
            lines = [ln.strip() for ln in (art.raw or "").split("\n")[:10] if ln.strip()]
            bodies = {m.name for ln in lines if not _BRIEFING_TITLE.search(ln)
                      for m in find_mentions(ln)[:1] if m.start == 0 and m.subtype == "organisation"
                      and len(m.name.split()) > 1 and not re.search(r"[.!?]$", ln)}
        if len(bodies) == 1:
            ctx.speaker_body = bodies.pop()
    return ctx


_BRIEFING_TITLE = re.compile(r"(?i)\b(?:press|news|media)\s+(?:conference|briefing)\b")


def _shouted_body(header: str, letters: set[str]) -> str | None:
    """The body a header in capitals ends on, in house style: "TRANSCRIPT OF THE PRESS CONFERENCE BY
    THE EXECUTIVE DIRECTOR OF THE CICA SECRETARIAT" -> "CICA Secretariat" (letters the article
    spells out elsewhere stay letters); None when no "OF" names one."""
    m = re.search(r"\bOF\s+(?:THE\s+)?((?:[A-Z][A-Z&'’-]*\s*){1,6})$", header.strip())
    if m is None:
        return None
    return " ".join(w if w in letters else w.capitalize() for w in m.group(1).split())


def _headline_body(title: str, acronyms: dict[str, str]) -> str | None:
    """The one body an interview's headline names by its letters ("...: ECMWF chief on AI
    forecasts"), spelled out as the article spells it: whom "we" speaks for when the interviewee's
    office names none (round 119 gave the centre's plans to its own forecasting model)."""
    named = {a for a in re.findall(r"\b[A-Z][A-Z&]{2,9}\b", title) if a in acronyms}
    if len(named) != 1:
        return None
    return acronyms[named.pop()]


# An interview's header: its title or a line near the top ("Interview with NAME, ...", "Health
# Policy Review · Q&A"), or answers marked "A:"; never "said in an interview" further into a wire story.
_INTERVIEW_HEADER = re.compile(r"^\s*interview\b|^[^.!?]{0,80}\bQ\s?&\s?A\b|\binterview\s*$", re.I)
# The body in a role ("Member of the Executive Board of the ECB", "director of country programmes at Gavi").
# (and where it sits: "... at the AfCFTA Secretariat in Accra")
_ROLE_BODY = re.compile(r"\b(?:of|at)\s+(?:the\s+)?(?P<body>[A-Z][\w&'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&'’-]*)*?)"
                        r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s*$")


# Who the interview is with, right before the name: "Interview with Dr NAME", "Q&A with NAME",
# "we spoke to Head of Secretariat NAME" (round 108: the person the article named most was another).
_WITH_INTERVIEWEE = re.compile(r"\b(?:interview(?:ed)?|Q\s?&\s?A|conversation|spoke|speaks|talked|talks)\s+(?:with|to)\s+"
                               r"(?:[\w-]+[.,]?\s+){0,5}$", re.I)
# "We spoke to its Director General, Dr. NAME": the office of the body the lead is about
_ITS_OFFICE = re.compile(r"\b(?:with|to)\s+its\s+", re.I)
# ", the commission's executive secretary": an office of the body the lead named by that head word
_HEAD_OWNER_AFTER = re.compile(r",\s+the\s+(?P<head>[a-z]+)['’]s\s+[a-z]")
# "The African Centre of ... (ACMAD), based in ...": a body and its letters, as a lead names it
# ("the" only after "of", "for", "on": "Yet the European Company ... (EUROFIMA)" is no name with "Yet")
_NAME_AND_LETTERS = re.compile(r"\b(?:[Tt]he\s+)?(?P<name>[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?"
                               r"[A-Z][\w&'’-]*)+)\s+\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")


# ", OIRSA's regional director of ...", ", the Kandor Union's head of ...": whose office follows a name.
_OWNER_AFTER = re.compile(r",\s+(?:the\s+)?(?P<body>[A-Z][\w&'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&'’-]*)*)['’]s?\s+[a-z]")


def _interviewee_body(items, ctx: ActorContext, acronyms: dict[str, str]) -> str | None:
    """Whom "we" speaks for in an interview: the body of the person interviewed, named in the
    header ("Interview with NAME, Member of the Executive Board of the ECB") or, failing that, the
    person the article names most, by the office it gives them. None when no office names a body."""
    people = [lm for _d, sent, _m, leaders in items[:6] for lm in leaders
              if lm.role and _WITH_INTERVIEWEE.search(sent.text[:sent.text.find(lm.name)] if lm.name in sent.text else "")]
    for k, (_d, sent, _m, leaders) in enumerate(items[:6]):
        for lm in leaders:
            at = sent.text.find(lm.name)
            said = _WITH_INTERVIEWEE.search(sent.text[:at]) if at >= 0 else None
            if not said or _ROLE_BODY.search(lm.role or ""):
                continue
            # "... (ACMAD), based in Niamey ... We spoke to its Director General, Dr. NAME" and "We
            # spoke with Dr. NAME, the commission's executive secretary": the body the lead names
            # (with that head word) (session 26: "we" went to the WMO, named as its founder)
            head = _HEAD_OWNER_AFTER.match(sent.text[at + len(lm.name):])
            if not _ITS_OFFICE.search(said.group(0)) and head is None:
                continue
            for _d2, s2, _m2, _l2 in items[:k + 1]:
                for m in _NAME_AND_LETTERS.finditer(s2.text):
                    if head is None or m.group("name").split()[-1].lower() == head.group("head"):
                        return acronyms.get(m.group("acr"), re.sub(r"^the\s+", "", m.group("name")))
    for _d, sent, _m, leaders in items[:6]:
        for lm in leaders:
            at = sent.text.find(lm.name)
            if people or lm.role or at < 0 or not _WITH_INTERVIEWEE.search(sent.text[:at]):
                continue
            # "We spoke with Dr. NAME, OIRSA's regional director of plant health": the office the
            # extractor did not read still says whose "we" is (round 117: "we" went to a disease)
            owner = _OWNER_AFTER.match(sent.text[at + len(lm.name):])
            if owner and owner.group("body").lower() not in COUNTRY_NAMES:
                body = owner.group("body")
                return acronyms.get(body, f"the {body}" if body.isupper() else body)
    for _d, sent, _m, _l in items[:6]:
        # "Tamar Kvachadze has headed the National Agency for ... of Georgia since last autumn. She spoke
        # to us ...": the body the lead says the interviewee heads (round 206)
        m = _HEADS_BODY.search(sent.text)
        if m and m.group("body").lower() not in COUNTRY_NAMES and not people:
            return acronyms.get(m.group("body"), m.group("body"))
    if not people:
        main = ctx.main_person
        people = [lm for _d, _s, _m, leaders in items for lm in leaders if lm.role and lm.name == main]
    for lm in people:
        m = _ROLE_BODY.search(lm.role or "")
        # (or the body the office was given at: "director of digital trade at the AfCFTA Secretariat")
        body = m.group("body") if m else re.sub(r"^the\s+", "", lm.country or "")
        if body and body[0].isupper() and body.lower() not in COUNTRY_NAMES:
            return acronyms.get(body, f"the {body}" if body.isupper() else body)
    return None


# "NAME has headed the X since ...", "NAME, who leads the X, ...": the body a person heads.
_HEADS_BODY = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3},?\s+(?:who\s+)?(?:has\s+(?:headed|led|chaired|directed)|"
                         r"heads|leads|chairs|directs)\s+(?:the\s+)?(?P<body>[A-Z][\w'’-]*(?:\s+(?:of|for|and|on|the|"
                         r"[A-Z][\w'’-]*))*\s+[A-Z][\w'’-]*)(?=\s+(?:since|from|until|in|at|for\s+(?:the\s+)?(?:past|last|\d))\b"
                         r"|[,.;]|$)")


# A meeting's name: where a speech was given, not whom it speaks for.
_OCCASION = re.compile(r"\b(?:Annual|Meeting|Session|Summit|Conference|Congress|Ceremony|Opening|Closing)\b")


# The header of a speech or a statement ("Remarks by NAME, ...", "Statement by the Director-General
# of ...", "Keynote address by ...").
_SPEECH_BY = re.compile(r"^\s*(?:[A-Z][A-Z ]{2,20}\s*[-–—:]\s*)?(?:(?:Opening|Closing|Introductory|Keynote|Welcome)\s+)?"
                        # ("Transcript of the press conference by the Executive Director of X": the
                        # speaker's "we" is X, as in a speech; session 27)
                        r"(?:transcript\s+of\s+(?:the\s+)?)?(?:remarks|speech|statement|address|keynote|lecture|"
                        r"press\s+conference|press\s+briefing|media\s+briefing|briefing)(?:\s+\w+){0,3}\s+by\s+", re.I)


def _declaration_named(title: str) -> str | None:
    """"Dushanbe Declaration on Glaciers' Preservation", "Joint Declaration of Pyli" (from
    "JOINT DECLARATION OF PYLI"): a title that names the declaration itself; None otherwise."""
    title = title.strip()
    if title.isupper():
        title = re.sub(r"\b(Of|On|The|For|And|In)\b", lambda m: m.group(1).lower(), title.title())
    m = _DECLARATION_TITLE.fullmatch(title)
    return m.group("name") if m else None


_DECLARATION_TITLE = re.compile(r"(?:The\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){0,4}(?:Declaration|Communiqu[eé]|Call\s+to\s+Action|"
                                r"Charter|Consensus|Appeal)(?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|on|"
                                r"and|the|for|in)){0,8})?)")
