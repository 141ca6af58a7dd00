"""Who chaired a named meeting: "The 30th Ordinary Meeting of the ACS Ministerial Council, held on
10-11 March 2025, brought together ... It was chaired by Panama's Minister of Foreign Affairs, NAME."
asks "Who chaired the 30th Ordinary Meeting of the ACS Ministerial Council?".

Why its own reading: communiqués and ministry releases tell who chaired in the passive, with the
meeting often named in the sentence before ("It was chaired by ...", "The meeting was chaired by
..."), so ``who_questions`` (the person as the subject of the main clause) never asks it. Who
chaired is an act the article reports, like a hosting; it is asked only of a meeting the text names
whole (a number or a proper name in it) and placed in time (its number, or one month the sentence
gives), never of "the meeting" or "this year's summit" alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTH
from .events import main_clause

# Verbs of running a meeting a person does alone ("co-chaired" takes two).
_CHAIR_VERBS = {"chair", "open", "convene", "inaugurate"}
MEETING_HEADS = {"meeting", "session", "summit", "conference", "congress", "assembly", "forum", "dialogue",
                 "retreat", "consultation", "council"}
# Subjects that stand for the meeting named before ("It was chaired by ...", "The meeting was ...").
_STAND_IN = re.compile(r"(?:it|the\s+(?:meeting|session|summit|conference|council|forum|congress|assembly))", re.I)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                      r"tenth|eleventh|twelfth)\b", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:\d{{1,2}}(?:\s*(?:-|–|and|to)\s*\d{{1,2}})?\s+)?(?P<month>{MONTH})"
                         rf"(?:\s+\d{{1,2}}(?:\s*(?:-|–)\s*\d{{1,2}})?,?)?\s+(?P<year>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Meeting:
    """A meeting as a sentence names it ("the 46th meeting of the COMESA Council of Ministers"), the
    month it gives ("June 2025", or None) and the index of that sentence."""

    name: str
    when: str | None
    sentence_idx: int


def _when(text: str) -> str | None:
    """The one month a sentence dates things to ("on 3-4 June 2025" -> "June 2025"); None for none or two."""
    months = {f"{m.group('month')} {m.group('year')}" for m in _MONTH_YEAR.finditer(text)}
    return months.pop() if len(months) == 1 else None


def _core(subj) -> str | None:
    """The subject's noun phrase without its side clauses ("The 51st ordinary session of the IGAD
    Council of Ministers, held at the bloc's headquarters in Djibouti," -> "the 51st ordinary session
    of the IGAD Council of Ministers"), or None when what is left is not one phrase."""
    drop: set[int] = set()
    for t in subj.subtree:
        if t.dep_ in ("acl", "relcl", "appos", "advcl") and t.i not in drop:
            drop |= {x.i for x in t.subtree}
    toks = [t for t in subj.subtree if t.i not in drop]
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks or any(t.is_punct and t.text not in ("'", "’", "-") for t in toks) or len(toks) > 16:
        return None
    text = "".join(t.text_with_ws for t in toks).strip()
    if re.match(r"(?:this|that|last|next|its|their|our)\b", text, re.I) or re.search(r"\b(?:year|week|month)'s\b", text):
        return None  # "This year's summit": which year's is told elsewhere
    return re.sub(r"^The\b", "the", text)


def _named(phrase: str) -> bool:
    """Does a meeting's phrase name it, by a proper name or its number ("the 26th Tripartite ...",
    "the Ministerial Session of the CBSS"), rather than by a common noun alone?"""
    rest = phrase.split(" ", 1)[1] if " " in phrase else ""
    return bool(_ORDINAL.search(phrase) or re.search(r"\b[A-Z][\w'’-]*", rest))


def meeting_named(doc, sentence_idx: int) -> Meeting | None:
    """The meeting a sentence of a release reports, as the subject of its main clause ("The 30th
    Ordinary Meeting of the ACS Ministerial Council, held on ..., brought together ..."), or a body
    meeting ("The ECO Council of Ministers met on 9-10 July 2025 ..." -> "the meeting of the ECO
    Council of Ministers"); None when the sentence names none."""
    # (a numbered paragraph's "1." is a root of its own)
    root = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    if root is None:
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    phrase = _core(subj)
    if phrase is None or not _named(phrase):
        return None
    when = _when(doc.text)
    if subj.lemma_.lower() in MEETING_HEADS and subj.lemma_.lower() != "council":
        return Meeting(phrase, when, sentence_idx)
    if root.lemma_.lower() in ("meet", "convene") and subj.pos_ == "PROPN" and when:
        body = phrase if phrase.startswith("the ") else f"the {phrase}"
        return Meeting(f"the {when} meeting of {body}", None, sentence_idx)
    return None


def chair_question(doc, char_start: int, char_end: int, sentence_idx: int,
                   before: Meeting | None = None) -> str | None:
    """"Who chaired the 30th Ordinary Meeting of the ACS Ministerial Council?": the person named at
    ``char_start:char_end`` is the agent of a passive "was chaired by" in the sentence's main clause,
    alone (no "and" a second chair). The meeting is the subject when it names one, else the one
    ``before`` names (in this sentence or the two before it) when the subject stands in for it ("It",
    "The meeting"). The month is added unless the meeting's number or name places it."""
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    if head.dep_ == "appos":
        # "by Estonia's Minister of Foreign Affairs, Margus Tsahkna,": the name stands for its office
        head = head.head
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ != "by":
        head = head.head.head  # (hung on the office's last word: "Minister for Economic Diplomacy, NAME")
    by = head.head
    if head.dep_ != "pobj" or by.lower_ != "by" or by.dep_ != "agent":
        return None
    verb = by.head
    if verb.lemma_.lower() not in _CHAIR_VERBS or verb.tag_ != "VBN" or not main_clause(verb):
        return None
    if {c.lower_ for c in verb.children if c.dep_ == "auxpass"} not in ({"was"}, {"were"}):
        return None
    if any(c.dep_ == "conj" for c in head.children) or any(c.dep_ == "conj" for c in span.root.children):
        return None  # two chairs ("chaired by X and Y"); "chaired by X and attended by Y" is one
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    subject_text = "".join(t.text_with_ws for t in subj.subtree).strip().rstrip(",")
    if _STAND_IN.fullmatch(subject_text):
        if before is None or not 0 <= sentence_idx - before.sentence_idx <= 2:
            return None
        name, when = before.name, before.when
    else:
        if subj.lemma_.lower() not in MEETING_HEADS:
            return None  # "The delegation was led by", "The report was opened by": no meeting
        name = _core(subj)
        if name is None or not _named(name):
            return None
        when = _when(doc.text)
    if not (_ORDINAL.search(name) or re.search(r"\b(?:19|20)\d\d\b", name)):
        if when is None:
            return None  # "the Ministerial Session of the CBSS": of which year? (one is held every year)
        name = f"{name} in {when}"
    return f"Who {verb.text.lower()} {name}?"
