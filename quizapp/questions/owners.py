"""A body a stem names by its generic title alone, named with the body or country it belongs to.

Blind raters failed "The Supervisory Council decided ..." (of which bank?), "the Board of
Commissioners" (of which commission?) and "the Election Commission" (of which country?), and the
generator has since refused every such stem. Yet the article nearly always says whose the body is,
in some sentence: "the Supervisory Council of the Bank of Albania", "the Bank of Albania's
Supervisory Council", "the SADC Executive Secretariat". Where the article's sentences give exactly
one owner for a title, the stem names it ("the Supervisory Council of the Bank of Albania"); where
they give none or several, the stem is left as it was, and refused downstream as before.

Pure functions over text: the caller passes the sentences of the article the stem comes from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..facts.lexicon import COUNTRIES
from .sentences import generic_bodies

# A name: capitalised words, joined by "of", "for", "and" (never "and the", which starts another
# party's name) or a hyphen: "Bank of Albania", "Independent Election Commission", "Sri Lanka".
_WORD = r"[A-Z][\w'’.&-]*"
_CALENDAR = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_NAME = (rf"{_WORD}(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?|and\s+(?!the\b))?(?!{_CALENDAR}){_WORD})*")
# Words that name no owner on their own: "the Bank's Supervisory Council" (which bank?), a month or
# a weekday ("on Tuesday"), a sentence's opening word.
_NO_OWNER = frozenset("""
the a an this that its their his her our bank council commission committee board government ministry
authority agency fund union organisation organization secretariat assembly parliament state states
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())
# Letters that name a body on their own ("SADC", "BoA", "ECOWAS"): an owner without a name around it.
_LETTERS = re.compile(r"[A-Z][A-Za-z]{0,2}[A-Z]{1,6}")


def _title_of(match: re.Match) -> str:
    """"the Supervisory Council" -> "Supervisory Council" (as the article's sentences spell it)."""
    return re.sub(r"^[Tt]he\s+", "", match.group(0))


def _owner_ok(owner: str) -> bool:
    bare = re.sub(r"^the\s+", "", owner, flags=re.I)
    words = bare.split()
    if not words or all(w.lower().strip("'’.") in _NO_OWNER for w in words):
        return False
    # one word names an owner only as letters or a country ("the Convention": which?)
    return len(words) >= 2 or _LETTERS.fullmatch(bare) is not None or bare.lower() in COUNTRIES


def owners_of(title: str, sentences: Iterable[str]) -> set[str]:
    """Every owner the sentences give the body ``title``, each as a stem would add it ("the Bank of
    Albania", "Sri Lanka", "SADC"): after the title ("the Supervisory Council of the Bank of
    Albania", letters in brackets between), before it with "'s" ("the Bank of Albania's
    Supervisory Council"), or as letters before it ("the SADC Council")."""
    t = re.escape(title)
    after = re.compile(rf"\b{t}(?:\s*\([^()]{{1,15}}\))?\s+of\s+(?P<own>(?:the\s+)?{_NAME})")
    possessive = re.compile(rf"(?P<own>(?:\b[Tt]he\s+)?{_NAME})['’]s\s+{t}\b")  # (never "its": the subject's)
    letters = re.compile(rf"\b[Tt]he\s+(?P<own>{_LETTERS.pattern})\s+{t}\b")
    found: set[str] = set()
    for text in sentences:
        for pattern in (after, possessive, letters):
            for m in pattern.finditer(text):
                own = re.sub(r"^The\s+", "the ", m.group("own"))
                if _owner_ok(own):
                    found.add(own)
    return found


def _key(owner: str) -> str:
    return re.sub(r"^the\s+", "", owner.casefold())


def one_owner(title: str, sentences: Iterable[str]) -> str | None:
    """The one owner the sentences give ``title``, or None. An owner's letters beside its name
    ("BoA" beside "the Bank of Albania") are the same owner; the name is kept."""
    found = owners_of(title, sentences)
    keys = {_key(o): o for o in found}
    if len(keys) == 1:
        return next(iter(keys.values()))
    names = [o for o in keys.values() if not _LETTERS.fullmatch(o)]
    letters = [o for o in keys.values() if _LETTERS.fullmatch(o)]
    if len(names) == 1 and letters:
        initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w'’-]*", names[0])).upper()
        if all(set(x.upper()) <= set(initials) for x in letters):
            return names[0]
    return None


def name_owners(text: str, sentences: Iterable[str]) -> str:
    """``text`` with each body named by its generic title alone followed by its owner, where the
    article's ``sentences`` give exactly one: "The Supervisory Council decided ..." -> "The
    Supervisory Council of the Bank of Albania decided ...". Letters in brackets after the title
    stay with it ("the Monetary Policy Committee (MPC) of the Bank of Ghana")."""
    said = list(sentences)
    for m in reversed(list(generic_bodies(text))):
        title = _title_of(m)
        owner = one_owner(title, said)
        if owner is None or _key(owner) in text.casefold():
            continue
        end = m.end()
        bracket = re.match(r"\s*\([^()]{1,15}\)", text[end:])
        if bracket:
            end += bracket.end()
        if _LETTERS.fullmatch(owner):
            # letters go before the title, as the article puts them: "the IEC Board of Commissioners"
            start = m.start() + len(m.group(0)) - len(title)
            text = f"{text[:start]}{owner} {text[start:]}"
        else:
            text = f"{text[:end]} of {owner}{text[end:]}"
    return text
