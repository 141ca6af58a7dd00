"""Offices a "who held it" question cannot ask: seats a body has several of, and posts at a firm or a
desk, whose holders are a title look-up rather than news."""

from __future__ import annotations

import re

# An office at a firm, a desk or a trading house ("head of edible nuts at Kestrel Agri").
_AT_FIRM = re.compile(r"\s(?:at|with)\s|\b(?:company|firm|trading house|consultancy)\b"
                      # the head of a body's desk or unit ("head of the Slovenia desk in the OECD Economics
                      # Department", "head of EMSA's pollution response unit"): a title look-up of a minor post
                      # (rounds 169, 181)
                      r"|\b(?:desk|unit|division|section|branch|team)\b", re.I)


# A seat a body has many of: "Who was the Commissioner of the KPU?" has several answers (session 26)
_ONE_OF_MANY = frozenset({"commissioner", "member", "board member", "council member", "judge", "councillor", "councilor",
                          "trustee", "deputy governor", "vice-president", "vice president", "deputy director",
                          # a body has several of these: "FAO Assistant Director-General" names no one (round 205)
                          "assistant director-general", "assistant director general", "deputy director-general",
                          "deputy director general", "assistant secretary-general", "assistant secretary general",
                          "under-secretary-general", "vice-chair", "vice chair", "vice-chairman", "vice-chairperson"})


def one_of_many(role: str) -> bool:
    """Is the office one a body has several of ("FAO Assistant Director-General", "a Commissioner")?"""
    low = role.lower()
    return low in _ONE_OF_MANY or any(low.endswith(" " + x) for x in _ONE_OF_MANY if " " in x or "-" in x)
