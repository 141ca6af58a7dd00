"""Countries as a text names them: found by looking up its runs of capitalised words in a table,
and written with "the" where English wants it.

Two readers need this: a declaration's preamble lists its signatories ("the Kingdom of Belgium,
the Kingdom of the Netherlands and the Grand Duchy of Luxembourg"), and the question generator
asks which country an article is about. One table look-up per word run reads a sentence once,
rather than matching it against an alternation of every country's name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# A state's formal style before its name ("the Republic of", "the Plurinational State of", "the Grand
# Duchy of"): leaders' lists, preambles and bodies' owners print countries so.
STATE_WORD = r"(?:Republic|Kingdom|State|Sultanate|Federation|Commonwealth|Principality|Emirate|Grand\s+Duchy)"
STATE_STYLE = (r"(?:(?:Federal|Democratic|Islamic|United|Socialist|Cooperative|Arab|People['’]s|Plurinational|"
               rf"Federative|Bolivarian|Oriental)\s+)*{STATE_WORD}\s+of\b")

# Countries English names with "the" ("the Netherlands", "the Gambia").
NEEDS_THE = frozenset({"netherlands", "philippines", "united states", "united kingdom", "united arab emirates",
                       "gambia", "bahamas", "maldives", "comoros", "seychelles"})

# Runs of capitalised words, with the small words country names carry inside ("Trinidad and
# Tobago", "Republic of the Congo"); "US$" is a currency, no mention of the country.
_CAPITALISED_RUN = re.compile(r"(?<![\w-])[A-Z][\w'’.-]*(?<!\.)(?:\s+(?:(?:of|and|the)\s+)*(?:d['’])?[A-Z][\w'’.-]*(?<!\.))*"
                             r"(?![\w$-])")  # ("Côte d'Ivoire")


_REGION_OF_AMERICA = frozenset({"central", "latin", "south", "north", "middle", "meso"})


def countries_in(text: str, table: Mapping[str, str]) -> list[str]:
    """The countries ``text`` names, once per mention, in order: each run of capitalised words
    looked up in ``table`` (lower-case form -> country), longest form first ("Papua New Guinea"
    before "Guinea"), possessives and "U.S." read."""
    out: list[str] = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = [re.sub(r"['’]s?$", "", w).rstrip(".") for w in run.group(0).split()]  # "Mali's", "the U.S."
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 5), i, -1):
                key = " ".join(words[i:j]).lower().replace("’", "'")
                country = table.get(key) or (table.get(key + ".") if "." in key else None)  # "U.S."
                last = words[j - 1]
                if country and key in ("america", "american", "americans") and i > 0 \
                        and words[i - 1].lower() in _REGION_OF_AMERICA | {"pan", "inter"}:
                    country = None  # "Central America", "Latin America": a region, not the United States (round 89)
                if country and (last[2:3] if last[:2] in ("d'", "d’") else last[:1]).isupper():
                    out.append(country)
                    i = j - 1
                    break
            i += 1
    return out


def with_the(country: str) -> str:
    """"the Netherlands", "the Czech Republic", "Peru": a country named by a plural or by its
    style ("... Republic", "... Kingdom", "... Islands") takes "the"."""
    low = country.lower()
    if low in NEEDS_THE or re.search(r"\b(?:republic|kingdom|islands|emirates|states|federation)$", low) \
            and not low.startswith("the "):
        return f"the {country}"
    return country
