"""Acronyms written out as their article spells them: "the chief executive of the ZRA" becomes
"the chief executive of the Zambezi River Authority (ZRA)" at its first use in a stem.

A mixin of the generator's corpus (``story._Corpus``): it reads the corpus's ``mechanisms`` to
learn, per article, what each set of letters stands for. Blind reviews failed stems whose letters
a reader had to guess, and "the" put inside a phrase that had its own ("existing the ... rules").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from ..facts.lexicon import COUNTRIES
from .labels import KNOWN_AS, WIDELY_KNOWN, _full_name
from .normalise import is_acronym, normalise
from .render import with_the


def _spelled(acronym: str, full: str) -> str | None:
    """What ``acronym`` stands for in ``full``: all of it when the initials of its capitalised
    words spell the letters (in order, or in another language's order: "BCCR" for the "Central
    Bank of Costa Rica"), or the tail that spells them when the name took in more ("49th
    Ordinary Congress of the International Hockey Union" for "IHU" -> "International Hockey
    Union"); None when they do not match (the extractor tied the letters to the wrong name)."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    words_ = re.findall(r"[A-Z][\w'’-]*", full)
    initials = [w[0] for w in words_]
    if initials == letters or sorted(initials) == sorted(letters):
        return full
    n = len(letters)
    if n >= 2 and initials[-n:] == letters:
        start = full.find(words_[-n])
        if start >= 0 and re.search(r"\b(?:of|for|on)\s+$", full[:start]):
            return None  # "the Bay of Bengal Coastal Shipping Protocol (BCSP)": the letters skip a word of the name
        if start > 0 and re.sub(r"^the\s+", "", full[:start].strip().lower()) in COUNTRIES:
            return full  # "the Sri Lanka Export Development Board (EDB)": whose board, the name says (session 26)
        return full[start:] if start >= 0 else None
    return None


def _all_initials(full: str) -> str:
    """The first letter of every word but "the", small words too: "Bank of Japan" -> "BOJ"."""
    return "".join(w[0] for w in re.findall(r"[\w'’-]+", full) if w.lower() != "the").upper()


# A name and its letters in brackets: capitalised words joined by a few small ones, then "(ABC)".
_NAME_THEN_LETTERS = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|on|for|the|and|in|hoc|de|des|du|la|le|to|with)\s+)*"
                                r"[A-Z][\w'’-]*)+)\s+\((?P<acr>[A-Z][A-Z0-9&-]{1,9})\)")

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                "every", "each", "any", "no", "all", "some", "another"}  # ("every BCU event": never "every the")
# Words that modify a noun from before it ("existing ISA rules", "a new EAC fund").
_MODIFIERS = {"existing", "new", "current", "former", "proposed", "planned", "future", "joint", "regional",
              "national", "international", "annual", "revised", "updated", "draft", "latest", "previous",
              "upcoming", "next", "last", "own", "other", "several", "many", "two", "three", "four", "five"}
_NP_BREAK = {"of", "by", "to", "from", "with", "for", "in", "at", "on", "and", "did", "does", "do", "will", "was",
             "were", "is", "are", "when", "who", "which"}


def _has_determiner(before: str) -> bool:
    """Does the noun phrase that ends ``before`` have its determiner already, a few words back
    ("The 2026 | IHU World Cup", "the ordinary | EJU Congress", "the EJU's | board")? Walking back
    over at most three words, a preposition, a verb or punctuation ends the phrase first."""
    words_ = before.split()
    if words_ and words_[-1].lower() in _MODIFIERS:
        return True  # "under existing | ISA rules": the phrase began before its modifier, "the" would split it
    for w in reversed(words_[-3:]):
        low = w.lower()
        if low in _DETERMINERS or low.endswith(("'s", "’s")):
            return True
        if low in _NP_BREAK or re.search(r"[,;:.?!]$", w):
            return False
    return False


# A run of capitals that may be an acronym ("ZRA", "C5+1", "BCEAO's" without its "'s")
_ACRONYM_IN_TEXT = re.compile(r"\b[A-Z][A-Za-z0-9&+\-]{1,9}\b")


# Who belong to a body, before its name: not part of what its letters stand for.
_MEMBERS_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:Council|Conference|Meeting|Committee|Assembly)\s+of\s+)?(?:Member\s+States|Members|Ministers|Heads\s+of\s+State(?:\s+and\s+Government)?|"
                             r"States\s+Parties|Parties)\s+(?:\w+\s+){0,3}?of\s+(?:the\s+)?(?-i:(?=[A-Z]))", re.I)


def _SHOUTED(name: str) -> bool:  # noqa: N802 (reads as the test it is)
    """A name in capitals ("REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP"), as a heading sets it."""
    return len(name.split()) >= 2 and name.isupper()


class Spelling:
    """Mixed into ``story._Corpus``: uses its ``mechanisms``."""

    mechanisms: list[Any]

    @cached_property
    def _expansions(self) -> dict[tuple[str, str], str]:
        """(article, acronym) -> the full name that article gives the body (its own facts only: an
        acronym may stand for another body elsewhere)."""
        out: dict[tuple[str, str], str] = {}
        for m in self.mechanisms:
            full = _full_name(m)
            if not full or is_acronym(full) or _SHOUTED(full):
                continue  # (a heading's capitals are no name to print: the body's own casing is, round 53)
            # ("the Member States of the Union for the Mediterranean (UfM)": the letters are the union's)
            full = _MEMBERS_PREFIX.sub("", full) or full
            for a in [m.answer or "", *m.aliases]:
                spelled = _spelled(a, full) if a and is_acronym(a) else None
                if spelled is None and a and is_acronym(a) and len(re.findall(r"\b[A-Z]", full)) <= len(a) + 1 \
                        and any(f"{full} ({a})" in s.sentence for s in m.sources):
                    # "the Andean Community (CAN)": the article says so, in whatever language's order
                    # (not a name that took in more: "... Meeting of the Cooperation Council ... (GCC)")
                    spelled = full
                if spelled:
                    for src in m.sources:
                        out.setdefault((src.article, a), spelled)
        # letters the article never puts in brackets, but whose one body of the same initials it
        # names in full ("the BOJ" and "the Bank of Japan"): small words count ("of" -> "O")
        names: dict[str, set[str]] = {}
        for m in self.mechanisms:
            full = _full_name(m)
            if full and not is_acronym(full) and not _SHOUTED(full):
                for src in m.sources:
                    names.setdefault(src.article, set()).add(full)
        for m in self.mechanisms:
            acr = m.answer or ""
            if not is_acronym(acr):
                continue
            for art in {src.article for src in m.sources}:
                fits = {n for n in names.get(art, ()) if _all_initials(n) == acr.upper()}
                if len(fits) == 1:
                    out.setdefault((art, acr), fits.pop())
        # "the Ad hoc Committee on Artificial Intelligence (CAHAI)" in a sentence the facts cite, its
        # body never a fact of its own (a timeline's line): the article spells the letters out there
        for art, sentences in getattr(self, "_sentences", {}).items():
            for _i, text in sentences:
                for m in _NAME_THEN_LETTERS.finditer(text):
                    name, acr = m.group("name"), m.group("acr")
                    name = re.sub(r"^The\s+(?=[A-Z])", "", name)  # ("The Ministry of Public Health (MOPH)" opening a sentence)
                    # ("Japan's Foods with Function Claims (FFC)": the owner is no part of the name, round 180)
                    name = re.sub(r"^[A-Z][\w-]*['’]s?\s+(?=[A-Z])", "", name)
                    # ("Ministers of the Common Market for ... (COMESA)": the letters are the market's)
                    name = _MEMBERS_PREFIX.sub("", name) or name
                    caps = re.findall(r"\b[A-Z]", name)
                    # (the letters may follow another language's or a short name's order: "GCC" for the
                    # "Cooperation Council for the Arab States of the Gulf", each letter an initial)
                    fits = len(caps) <= len(acr) + 1 or len(caps) == len(acr) + 2 and not Counter(acr) - Counter(caps)
                    # (and all its letters but one are initials of the name: "Fisheries and Food Security
                    # (CTI-CFF)" is the tail of a name the comma before it cut)
                    letters = re.findall(r"[A-Z]", acr)
                    fits = fits and sum((Counter(letters) & Counter(caps)).values()) >= len(letters) - 1
                    if len(caps) >= 2 and fits and name[0] in acr and not re.search(r"\d", acr) and not _SHOUTED(name) \
                            and acr not in WIDELY_KNOWN:
                        out.setdefault((art, acr), _spelled(acr, name) or name)
        return out

    def spell_out(self, text: str, articles: Iterable[str], keep: Iterable[str] = ()) -> str | None:
        """``text`` with each acronym written out at its first use ("chief executive of the ZRA" ->
        "chief executive of the Zambezi River Authority (ZRA)"), from what the article itself says
        it stands for. None when one is never spelled out and is no household acronym: blind
        reviews failed every stem with letters the reader had to guess ("the executive director of
        MWW")."""
        arts = sorted(articles)
        answers = [normalise(k) for k in keep if k]
        done: set[str] = set()
        for m in list(_ACRONYM_IN_TEXT.finditer(text)):
            acr = m.group(0)
            full = next((self._expansions[(a, acr)] for a in arts if (a, acr) in self._expansions), None)
            if acr in done or not is_acronym(acr) or normalise(acr) in answers:
                continue
            if acr in WIDELY_KNOWN and (full is None or acr not in KNOWN_AS or
                                        _same_body(full, KNOWN_AS[acr])):
                continue
            if full is None and re.search(rf"[A-Z][\w'’-]*\s+\(\s*{re.escape(acr)}\s*\)", text):
                continue  # "the Amazon Regional Observatory (ARO)": the text spells it out itself
            if full is None:
                return None
            done.add(acr)
            if any(a and (a in normalise(full) or normalise(full) in a) for a in answers):
                continue  # spelled out, the letters would print the answer: left as the article has them
            if re.search(rf"\(\s*{re.escape(acr)}\s*\)", text) or normalise(full) in normalise(text):
                continue  # the text spells it out itself
            full = re.sub(r"^[Tt]he\s+", "", full)
            # (a possessive reads better without the letters: "the Central Bank of Costa Rica's ...")
            # (not inside a compound: "the GCC–Central Asia Summit", "the FAO/WHO Project")
            hit = re.search(rf"(?<![–/-])\b{re.escape(acr)}(?:['’]s\b|\b(?![)–/-]))", text)
            if hit is not None:
                spelled = (f"{full}'" if full.endswith("s") else f"{full}'s") if len(hit.group(0)) > len(acr) \
                    else f"{full} ({acr})"
                before = text[:hit.start()]
                start = not before.strip() or re.search(r"[.?!:]\s+$", before)
                # (letters as a modifier keep the phrase's own article: "the GIFT programme", "3,000 GIFT
                # breeders", round 180)
                modifier = re.match(r"\s+(?!(?:in|of|on|at|for|to|and|or|with|by|from|as|is|was|were|are|has|had|have|will|"
                                    r"would|said|says|that|which|who|since|after|before|into|under|over)\b)[a-z]",
                                    text[hit.end():]) is not None
                if re.search(r"\b(?:does|did|do|will|would|can|could|should|has|have|had)\s+$", before):
                    modifier = False  # "By what year does BI plan to ...": the subject, its verb after it
                counted = re.search(r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|many|several|some|"
                                    r"all|more|most|few|no))\s+$", before) is not None
                if not counted and (start or not _has_determiner(before)) and (modifier or with_the(full).startswith("the ")):
                    # "When did AIIB begin ..." -> "When did the Asian Infrastructure Investment Bank
                    # (AIIB) begin ..." (not after a determiner: "The 2026 IHU World Cup")
                    spelled = ("The " if start else "the ") + spelled
                elif not counted and re.search(r"\bthe\s+$", before) and not with_the(full).startswith("the ") and not modifier \
                        and self._written_bare(full, arts):
                    # "of the OPG" spelled out is "of Ontario Power Generation (OPG)", as the article
                    # writes the firm's name: without "the" (session 27)
                    before = re.sub(r"\bthe\s+$", "", before)
                text = before + spelled + text[hit.end():]
        return text

    def _written_bare(self, full: str, articles: Iterable[str]) -> bool:
        """Does the article write ``full`` and never with "the" before it ("granted Ontario Power
        Generation (OPG) a licence")? A name no body's head word ends is told as its own article
        tells it ("Federation (KWF) President NAME" is a title's modifier: a federation takes "the")."""
        texts = [t for a in articles for _i, t in getattr(self, "_sentences", {}).get(a, ())]
        named = [m for t in texts for m in re.finditer(re.escape(full), t)]
        return bool(named) and not any(re.search(r"\b[Tt]he\s+$", m.string[:m.start()]) for m in named)

    def name_generic(self, text: str, articles: Iterable[str]) -> str | None:
        """``text`` with a body or text named by its generic title alone ("the Task Force", "the
        Action Plan") named in full, as the one the article names with that title ("the Task Force
        against Trafficking in Human Beings"); None when the article names none or several such
        (round 21B failed "Poland will take over the chairmanship of the Task Force")."""
        arts = set(articles)
        for m in reversed(list(_GENERIC_REF.finditer(text))):
            head = m.group("head")
            fits = {full for mech in self.mechanisms for full in [_full_name(mech)]
                    if full and full.lower() != head.lower() and re.search(rf"\b{re.escape(head)}\b", full, re.I)
                    and any(src.article in arts for src in mech.sources)}
            if len(fits) != 1:
                return None
            full = re.sub(r"^[Tt]he\s+", "", fits.pop())
            text = text[:m.start()] + f"{m.group('the')} {full}" + text[m.end():]
        return text


# A body or text by its generic title alone, capitalised, no owner after it ("the Task Force", "the
# Action Plan"; not "the Task Force on Migration", "the Action Plan (BSAP)").
_GENERIC_REF = re.compile(r"\b(?P<the>[Tt]he)\s+(?P<head>Task Force|Working Group|Action Plan|Expert Group|"
                          r"Steering Committee|Work Programme|Technical Committee|Contact Group)\b"
                          r"(?!\s+(?:of|for|on|to|against|in)\s+(?:the\s+)?[A-Z])(?!\s*\()")


def _same_body(full: str, known: str) -> bool:
    """"the World Health Organisation" is the World Health Organization."""
    def key(s: str) -> str:
        return re.sub(r"organis", "organiz", normalise(re.sub(r"^[Tt]he\s+", "", s)))
    return key(full) == key(known)
