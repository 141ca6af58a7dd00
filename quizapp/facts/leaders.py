"""Leaders: a person named with a role (title) and the country or organisation the role belongs to.

Patterns, never names: "<Nationality> <Title> NAME" ("Chinese President Xi Jinping"),
"<Country>'s <title> NAME", "<ORG> <Title> NAME" ("UN Secretary-General ..."), "<Title> NAME of
<Country>", "NAME, the <nationality> <title>, ..." / "NAME, an associate research fellow at <org>",
and "his <nationality> counterpart, NAME" (the counterpart holds the same office as the person
named before). A person mention without any role is still reported with ``role=None`` so that the
corpus-wide merge can resolve short names ("Putin") to the one full name that contains them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cities import find_city
from .lexicon import (
    COUNTRIES,
    COUNTRY_NAMES,
    MECHANISM_HEADS,
    NATIONALITIES,
    NOT_A_PERSON_WORDS,
    PORTFOLIO_WORDS,
    TITLE_WORDS,
    TITLES,
)
from .misread_names import person_by_office
from .places import STATE_STYLE, STATE_WORD
from .roles import (
    BARE_NAME,
    NAME_THEN_END,
    NEXT_ENTRY,
    ROLE_THEN_NAME,
    SIGNED_NAME,
    TitleGate,
    plural_title,
    role_before_name,
    role_near,
)

_NAT = "|".join(sorted((re.escape(n) for n in NATIONALITIES), key=len, reverse=True))
_TITLE = "|".join(re.escape(t) for t in TITLES)
_COUNTRY = "|".join(sorted((re.escape(c) for c in COUNTRIES), key=len, reverse=True))
# Whatever stands right before a name: "[the] [Chinese|China's|UN] Title [and Title] [NAME]"
_ORG_HEADS = "Commission|Council|Union|Bank|Fund|Organization|Organisation|Alliance|Assembly|Parliament|Nations|Forum|Agency|Court|Authority|Party|Ministry|Government"
TITLE_BEFORE = re.compile(
    rf"(?:\b(?P<nat>{_NAT})\s+|\b(?P<cty>{_COUNTRY})['’]s\s+|\b(?-i:(?P<org>[A-Z]{{2,8}}|(?:[A-Z][\w-]+\s+){{0,3}}(?:{_ORG_HEADS})))\s+)?"
    rf"(?P<title>(?:(?:{_TITLE})(?:\s+(?:and|&)\s+|\s+)?)+)\s*$",
    re.IGNORECASE,
)
# How every match of TITLE_BEFORE ends: a title's last word (the pattern is anchored at the name).
# Checked on the last few characters first, since most words before a name end no title, and the
# full pattern's long alternations are costly to try at every offset.
_TITLE_END = re.compile(rf"(?:{'|'.join(sorted({re.escape(t.split()[-1]) for t in TITLES if t.split()}, key=len, reverse=True))})(?:\s+(?:and|&)\s+)?\s*$",
                        re.IGNORECASE)


def title_before(before: str) -> re.Match | None:
    """``TITLE_BEFORE.search(before)``, answered quickly where no title can end ``before``."""
    return TITLE_BEFORE.search(before) if _TITLE_END.search(before[-80:]) else None


COUNTERPART = re.compile(rf"(?:his|her|their)\s+(?P<nat>{_NAT})\s+counterparts?,?\s*$", re.IGNORECASE)
# "NAME, the Russian foreign minister," / "NAME, an associate research fellow at the Institute ..."
# (nationalities, countries and titles in any case: "the Russian foreign minister", "Djibouti's
# long-serving foreign minister", "the International Monetary Fund's first deputy managing director")
_APPOS_HEAD = (
    rf"^,\s+(?:(?:an?|the)\s+)?(?:(?P<nat>(?i:{_NAT}))\s+|(?P<cty>(?i:{_COUNTRY}))['’]s\s+"
    rf"|(?P<body>(?:[A-Z][\w&-]*\s+(?:(?:of|for|and|on)\s+)?){{0,5}}[A-Z][\w&-]*)['’]s\s+)?"
    rf"(?P<role>(?:[a-z][a-z-]*\s+){{0,3}}?(?i:{_TITLE}))\b"
)
_REPORT_AFTER = r"(?:said|says|told|added|noted|wrote|explained|argued|stressed)\b"
# the organisation may contain commas when a reporting verb closes the appositive
APPOSITIVE_LONG = re.compile(
    _APPOS_HEAD + rf"\s+(?:at|of|with|from|for)\s+(?P<org>(?:the\s+)?[A-Z][^;]{{1,200}}?)(?=,\s+{_REPORT_AFTER})"
)
APPOSITIVE = re.compile(
    _APPOS_HEAD + r"(?:\s+(?:at|of|with|from|for|to)\s+(?P<org>(?:the\s+)?[A-Z][^,;]{1,120}?))?"
    r"(?=\s*(?:,|;|\.|$|\s+(?:said|says|told|added|who)\b))",
)
# "NAME, the Mauritanian who heads the secretariat," / "NAME, who leads the IMF team on Sri Lanka,"
_HEADS = {"heads": "head", "leads": "head", "chairs": "chair", "directs": "director", "runs": "head",
          "presides over": "president", "co-chairs": "co-chair"}
WHO_HEADS = re.compile(
    rf"^,\s+(?:(?:an?|the)\s+(?:(?P<nat>(?i:{_NAT}))|[A-Z][a-z]+(?:an|ese|ish|i))\s+)?who\s+(?:currently\s+|now\s+)?"
    rf"(?P<verb>{'|'.join(sorted(_HEADS, key=len, reverse=True))})\s+"
    r"(?P<org>(?:the\s+)?[A-Za-z][^,;.()]{2,80}?)(?=\s*(?:,|;|\.|$|\s+(?:since|until|and)\b))"
)
OF_COUNTRY_AFTER = re.compile(rf"^\s+of\s+(?P<cty>{_COUNTRY})\b", re.IGNORECASE)
ORG_NATIONALITY = re.compile(rf"\b(?P<nat>{_NAT})\s+(?:Academy|Institute|University|Ministry|Government|Embassy)\b", re.IGNORECASE)


# Letters after a name: a seat or an honour, not part of it.
_POST_NOMINALS = frozenset({"MP", "MPs", "MEP", "MLA", "MNA", "MHA", "MHK", "TD", "KC", "QC", "SC", "MBE", "OBE", "CBE",
                            "KBE", "DBE", "GCMG", "KCMG", "PhD"})


@dataclass
class LeaderMention:
    name: str
    role: str | None
    country: str | None
    start: int  # offsets inside the sentence
    end: int

    def __post_init__(self) -> None:
        words = self.name.split()
        while len(words) > 2 and words[-1].rstrip(",.") in _POST_NOMINALS:
            words = words[:-1]  # "Kila Waninara MP": letters after a name are no part of it (round 104)
        if len(words) != len(self.name.split()):
            self.end = self.start + len(" ".join(words)) if self.end - self.start == len(self.name) else self.end
            self.name = " ".join(words)
        self.name = house_style_name(self.name)
        # "... of the Republic of Indonesia (hereinafter "the Ministers")": a bracket the cut left open is
        # no part of the office or its country (round 205)
        if self.role and "(" in self.role and self.role.count("(") > self.role.count(")"):
            self.role = re.sub(r"\s*\([^()]*$", "", self.role).strip() or None
        if self.country and self.country.count("(") > self.country.count(")"):
            self.country = _state_at_end(re.sub(r"\s*\([^()]*$", "", self.country).strip() or None)


def house_style_name(name: str) -> str:
    """"KAMIYA Takeshi" -> "Takeshi Kamiya", "Emmanuel MACRON" -> "Emmanuel Macron": some
    ministries write the family name in capitals (first, in the Japanese order). A question names
    people as the rest of the article's readers do, given name first."""
    parts = name.split()
    caps = [i for i, p in enumerate(parts) if len(p) >= 3 and p.isalpha() and p.isupper()
            and not re.fullmatch(r"[IVXLC]+", p)]
    if len(parts) < 2 or len(caps) != 1 or not all(p[:1].isupper() and not p.isupper() for i, p in enumerate(parts)
                                                   if i != caps[0]):
        return name
    family = parts.pop(caps[0]).title()
    return " ".join([*parts, family])


# "... for Commerce and Industry of the Republic of India": a portfolio read as the country, the
# country at its end (session 26)
_STATE_AT_END = re.compile(rf"\bof\s+(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)?{STATE_WORD}\s+of\s+(?:the\s+)?)?(?P<cty>{_COUNTRY})$",
                           re.IGNORECASE)


def _state_at_end(country: str | None) -> str | None:
    """A country read with the portfolio before it ("Commerce and Industry of the Republic of
    India") is the country ("India")."""
    if not country or country.lower() in COUNTRIES:
        return country
    m = _STATE_AT_END.search(country)
    return _country_of(None, m.group("cty")) if m else country


def _country_of(nat: str | None, cty: str | None) -> str | None:
    if nat:
        return NATIONALITIES.get(nat.lower(), nat)
    if cty:
        return COUNTRIES.get(cty.lower(), cty)
    return None


# Forms of address that precede a name and are not part of it.
STYLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "h.e", "he", "shaikh", "sheikh", "sayyid", "sir", "dame", "hon",
          "excellency", "highness", "his", "her", "mme", "madame", "monsieur", "lord", "lady", "rev", "eng", "engr",
          # forms of address in South-East Asian and Gulf attendee lists
          "dato", "datuk", "dato'", "seri", "sri", "paduka", "haji", "hajah", "pehin", "samdech", "pichey", "sena",
          "daw", "khun", "bapak", "pak", "ibu", "komjen", "pol", "purn", "(purn.)", "honourable", "honorable",
          "ambassador", "captain", "capt", "gen", "general", "col", "colonel", "lt", "maj", "brig", "judge",
          "engineer", "barrister",
          # Spanish and Portuguese academic styles ("Ing. Valeria Sosa", "Lic. NAME", "Arq. NAME")
          "ing", "lic", "licda", "arq", "abg", "mtro", "mtra",
          "shri", "smt", "shrimati"}  # (Indian styles: "Shri Alok Mehrotra")
# Forms of address right before a name, after its title ("Executive Secretary Dr", "Minister H.E.").
STYLES_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(sorted((re.escape(x) for x in STYLES if x.isalpha() or x == "h.e"), key=len, reverse=True))
    + r")\.?\s+)+$", re.IGNORECASE)
HONORIFICS = {"prince", "princess", "sheikh", "king", "queen", "emir", "sultan", "general", "admiral", "crown prince"}
# Offices written with "General" after them, unhyphenated as often as not.
_GENERAL_OFFICES = {"secretary", "director", "attorney", "governor", "consul", "surgeon", "solicitor", "auditor",
                    "inspector", "accountant", "postmaster", "registrar", "commissioner", "procurator",
                    "prosecutor", "comptroller", "adjutant", "paymaster", "quartermaster"}
PARTICLES = {"bin", "al", "de", "van", "von", "da", "do", "el", "der", "den", "du", "dos", "das", "di", "la", "le", "ibn", "abu", "al-"}


def _clean_role(title: str) -> str:
    role = " ".join(title.split())
    # "Minister of Home Affairs (Chair)": a part at the meeting in brackets is no part of the office
    # (an acronym in brackets is: "Secretary-General of the Indian Ocean Rim Association (IORA)")
    role = re.sub(r"\s*\((?![A-Z][A-Za-z&]*[A-Z]\))[^()]*\)", "", role).strip()
    role = re.sub(r"\s+(?:and|&)$", "", role)
    words = role.split()
    # "Foreign Minister Prince NAME": the honorific is part of the name's style, not the office;
    # but "General" after an office is part of it ("EAC Secretary General NAME", "Attorney General")
    while len(words) > 1 and words[-1].lower() in HONORIFICS and not (
            words[-1].lower() == "general" and words[-2].lower().strip(",") in _GENERAL_OFFICES):
        words.pop()
    role = " ".join(words)
    return role[0].upper() + role[1:] if role.islower() and len(role.split()) <= 3 else role


def _tail(before: str, width: int = 400) -> str:
    """The last ``width`` characters of ``before``, from a word's start. The title shapes anchored
    at the name (``TITLE_BEFORE``, ``COUNTERPART``) are far shorter than that, so searching the tail
    finds what searching all of ``before`` finds; the full scan tried each of the long
    nationality and country alternations at every offset of the sentence (the costliest call in a
    profile of the extraction bench)."""
    if len(before) <= width:
        return before
    cut = len(before) - width
    space = before.find(" ", cut)
    return before[space:] if space >= 0 else before[cut:]


def leader_mentions(doc, text: str) -> list[LeaderMention]:
    """People named in one sentence, with role and country where the sentence gives them."""
    out: list[LeaderMention] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not person_by_office(doc, ent):
            continue
        end_tok = ent.end
        # the small model cuts some names short ("Ursula von" | "der Leyen"): extend over the
        # compound proper nouns that continue the same name
        while (end_tok < len(doc) and doc[end_tok - 1].dep_ == "compound" and doc[end_tok].pos_ == "PROPN"
               and (doc[end_tok].is_title or doc[end_tok].lower_ in PARTICLES)):
            end_tok += 1
        # ... or at a lowercase particle the tagger left out ("Tomás" | "do Rosário Belo"): a particle
        # between two capitalised words of a name carries the name on
        while (end_tok + 1 < len(doc) and doc[end_tok].lower_ in PARTICLES and doc[end_tok].text.islower()
               and doc[end_tok + 1].pos_ == "PROPN" and doc[end_tok + 1].is_title
               and doc[end_tok + 1].ent_type_ not in ("GPE", "ORG", "NORP")):
            end_tok += 2
            while end_tok < len(doc) and doc[end_tok].pos_ == "PROPN" and doc[end_tok].is_title \
                    and doc[end_tok].ent_type_ not in ("GPE", "ORG", "NORP"):
                end_tok += 1
        start_tok = ent.start
        # ... or cut it at the front ("Guðmundur" | "Ingi Guðbrandsson"): take in the untagged proper
        # nouns right before it that are no title, form of address or place
        while start_tok > max(0, ent.start - 2) and doc[start_tok - 1].pos_ == "PROPN" \
                and not doc[start_tok - 1].ent_type_ and doc[start_tok - 1].text[:1].isupper() \
                and doc[start_tok - 1].text.isalpha() \
                and doc[start_tok - 1].lower_ not in TITLE_WORDS | STYLES | COUNTRY_NAMES:
            start_tok -= 1
        # ... or after a lowercase particle ("Mateus do" | "Carmo Lopes"): the given name before it too
        if (start_tok >= 2 and doc[start_tok - 1].lower_ in PARTICLES and doc[start_tok - 1].text.islower()
                and doc[start_tok - 2].pos_ == "PROPN" and doc[start_tok - 2].is_title
                and doc[start_tok - 2].ent_type_ in ("", "PERSON")
                and doc[start_tok - 2].lower_ not in TITLE_WORDS | STYLES | COUNTRY_NAMES):
            start_tok -= 2
        ent_text = doc[start_tok:end_tok].text
        name = re.sub(r"['’]s?$", "", ent_text).strip()
        words = name.split()
        # the NER sometimes swallows a title ("Councilor Wang Yi") or an honorific ("Dr. NAME"): peel it off
        while words and (words[0].lower() in TITLE_WORDS or words[0].lower().rstrip(".") in STYLES
                         or words[0] == "U" and len(words) >= 3) and len(words) > 1:
            words = words[1:]  # ("U", Burmese for "Mr", before a name of two words or more)
        # ... or the last word of a portfolio ("Minister of Environment, Water and | Agriculture NAME")
        if len(words) > 1 and words[0].lower() in PORTFOLIO_WORDS and \
                re.search(r"(?:\band|\bof|,)\s*$", text[:doc[start_tok].idx]):
            if len(words) == 2 and words[1].lower() in PORTFOLIO_WORDS:
                continue  # "Minister for Energy, | Water Resources | and Irrigation": the portfolio, no name
            words = words[1:]
        name = " ".join(words)
        if len(name) < 2 or not name[0].isupper() or any(w.lower() in TITLE_WORDS for w in words) \
                or (len(words) == 1 and words[0].lower().rstrip(".") in STYLES) or name.lower() in COUNTRY_NAMES:
            continue  # (a rank the tagger cut off as a name of its own: "Maj." of "Maj. Gen. NAME"; a country)
        if not all(w[0].isupper() or w.lower() in PARTICLES or w.split("-")[-1][:1].isupper() for w in words):
            continue
        start = doc[start_tok].idx + ent_text.find(name)
        end = start + len(name)
        before, after = text[:start], NEXT_ENTRY.split(text[end:], maxsplit=1)[0]
        role = country = None
        near = _tail(before)  # (the shapes end at the name: scanning the whole sentence before it is waste)
        if re.search(r"\n[ \t]*$", near):
            near = ""  # a name opening a line: a title ending the line above is the entry above's
        m = title_before(near) or title_before(STYLES_BEFORE.sub("", near))
        if m and m.group("title").strip():
            role = _clean_role(m.group("title"))
            rank = re.search(r"\b((?:First\s+)?(?:Deputy|Vice|Assistant|Acting|Associate|Interim))[\s-]+$",
                             m.string[:m.start("title")], re.I)
            if rank and not role.lower().startswith(rank.group(1).lower()):
                role = f"{rank.group(1)} {role}"  # "Deputy Governor NAME" is no Governor (round 50)
            if re.search(r"\b(?:former|ex-)\s*$", m.string[:m.start()], re.I) and not role.lower().startswith(("former", "ex-")):
                role = f"former {role}"  # "former Zambian foreign minister NAME" holds the office no more
            country = _country_of(m.group("nat"), m.group("cty")) or m.group("org")
            owned = re.search(r"(?-i:\b(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}))(?P<mark>['’]s?)\s+$",
                              m.string[:m.start("org")]) if m.group("org") and not m.group("org").isupper() else None
            if owned:
                # "Athletes' Commission chair NAME": the chair of the Athletes' Commission (a body of a
                # body the sentence does not name), no office of a "Commission" alone
                role = f"{role[:1].lower() + role[1:]} of the {owned.group('owner')}{owned.group('mark')} {m.group('org')}"
                country = None
            om = OF_COUNTRY_AFTER.match(after)
            if om and not country:
                country = _country_of(None, om.group("cty"))
            if not country:
                # "H.E. Secretary NAME, Secretary of the Interior, Republic of the Philippines": a
                # list prints the style before the name and the office in full after it
                full = role_near(text, start, end)
                if full is not None and full.country and role.lower() in full.role.lower():
                    role, country = full.role, full.country
        if role is None:
            m = COUNTERPART.search(near)
            if m:
                country = _country_of(m.group("nat"), None)
                prev = [x for x in out if x.role]
                role = prev[-1].role if prev else None
        if role is None:
            r = plural_title(text, start, end) or role_near(text, start, end)
            if r is not None and not _is_name_part(r.role):
                role, country = r.role, r.country
        if role is None:
            m = APPOSITIVE_LONG.match(after) or APPOSITIVE.match(after)
            if m:
                role = _appositive_role(m.group("role"))
                country = _country_of(m.group("nat"), m.group("cty")) or _body(m.group("body"))
                org = m.group("org")
                if org:
                    org = org.strip()
                    if org.lower() in COUNTRIES or org.lower().removeprefix("the ") in COUNTRIES:
                        country = country or _country_of(None, org.lower().removeprefix("the ") if org.lower() not in COUNTRIES else org)
                    else:
                        on = re.match(rf"(?:the\s+)?(?P<nat>{_NAT})\b", org, re.IGNORECASE)
                        if on and not country:
                            country = _country_of(on.group("nat"), None)
                        role = f"{role} {'to' if ' to ' in m.group(0)[:len(m.group('role')) + 40] else 'at'} {org}"
                        om = ORG_NATIONALITY.search(text[end:])
                        if om and not country:
                            country = _country_of(om.group("nat"), None)
        if role is None:
            m = WHO_HEADS.match(after)
            if m:
                org = m.group("org").strip()
                role = f"{_HEADS[m.group('verb')]} of {org}"
                country = _country_of(m.group("nat"), None)
        if role is None:
            m = PARTY_OF.match(after)
            if m:
                # "John Steenhuisen's Democratic Alliance (DA)": the party's leader
                role, country = f"leader of the {m.group('party')}", m.group("party")
        if role is None:
            listed = LISTED_OF_COUNTRY.match(after)
            plural = PLURAL_BEFORE.search(before) if listed else None
            if listed and plural:
                # "the presidents of the member countries, such as NAME of the Plurinational State of
                # Bolivia; NAME of the Republic of Colombia": the plural title, singular, of each country
                role = _singular(plural.group("title"))
                country = _country_of(None, listed.group("cty"))
        if role and not country and "\n" in before:
            country = signed_for(before)
        out.append(LeaderMention(name, role, _state_at_end(country), start, end))
    # names the NER missed, recognised by a title right before them or a role appositive after them
    seen = [(m.start, m.end) for m in out]
    # the role shapes need a title word somewhere in the sentence: most sentences have none, and the
    # patterns are costly, so a cheap scan decides first
    extra: list = []
    has_title = TitleGate(text)
    if has_title():
        # "TITLE of BODY, NAME": tried only where a comma precedes a capitalised word and a title
        # word stands shortly before it, in that short window
        for c in re.finditer(r",\s*(?=[A-Z])", text):
            lo = max(0, c.start() - 160)
            if NAME_THEN_END.match(text, c.end()) and has_title(lo, c.start()):
                # (a title on one line and a name on the next are two entries of a list, never one)
                extra += [m for m in ROLE_THEN_NAME.finditer(text, lo, min(len(text), c.end() + 80))
                          if (m.start("name") == c.end() or text[c.end():m.start("name")].strip(" .").replace(".", "").isalpha())
                          and "\n" not in text[m.start():m.start("name")]]
        extra += list(BARE_NAME.finditer(text))
        if "\n" in text:
            extra += list(SIGNED_NAME.finditer(text))
    for m in extra:
        s, e = m.span("name") if "name" in m.re.groupindex else m.span()
        name = text[s:e]
        words = name.split()
        while words and words[0].lower().rstrip(".") in STYLES | TITLE_WORDS:
            s += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        e = s + len(name)
        if len(words) < 2 or text[s:e] != name or any(a <= s < b or s <= a < e for a, b in seen):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        toks = list(span) if span is not None else []
        titled = "name" in m.re.groupindex  # "TITLE of BODY, NAME,": the title vouches for a name
        if not toks or any(t.pos_ not in ("PROPN", "X") and t.lower_ not in PARTICLES and t.text not in ("-", "'", "’")
                           for t in toks) or any(
                t.ent_type_ in ("DATE", "FAC")
                # (the tagger reads a family name as a people now and then: "Han" of "Han Jae-won", or a
                # whole name after its title as a place: "Secretary of National Defense, Eduardo Salonga")
                or t.ent_type_ == "NORP" and not (titled and t.lower_ not in NATIONALITIES)
                or t.ent_type_ in ("GPE", "LOC") and not (titled and find_city(t.text) is None
                                                          and t.lower_ not in COUNTRY_NAMES) for t in toks):
            continue
        if any(w.lower() in TITLE_WORDS or w.lower().strip(".,") in MECHANISM_HEADS for w in words) \
                or name.lower() in COUNTRY_NAMES or words[-1].lower() in COUNTRY_NAMES | _PLACE_OF_WORK:
            continue
        if len(words) == 2 and words[0].lower() in PORTFOLIO_WORDS and re.search(r"(?:\band|\bof|\bfor|,)\s*$", text[:s]):
            continue  # "Cabinet Secretary for Environment, Climate Change and Forestry": the portfolio runs on
            # (three words may be its last word and a name: "... Transport and | Logistics Chanda Mulenga")
        # ("TITLE of BODY, NAME, TITLE of BODY2, NAME2": a name's own title is the one before it)
        r = (role_before_name(m) if titled else None) or plural_title(text, s, e) or role_near(text, s, e)
        if r is not None and not _is_name_part(r.role):
            out.append(LeaderMention(name, r.role, r.country or ("\n" in text[:s] and signed_for(text[:s])) or None, s, e))
            seen.append((s, e))
    # "who" after a name marks a person even where the tagger saw an organisation ("Lukas
    # Hartmann-Reyes, who leads the IMF team on Sri Lanka,")
    for m in NAME_BEFORE_WHO.finditer(text):
        s, e = m.span("name")
        h = WHO_HEADS.match(text[e:])
        if h is None or any(a <= s < b or s <= a < e for a, b in seen):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        toks = list(span) if span is not None else []
        if not toks or any(t.pos_ != "PROPN" or t.ent_type_ in ("GPE", "NORP", "LOC", "FAC") for t in toks
                           if t.is_alpha):
            continue
        words = m.group("name").split()
        if any(w.lower() in TITLE_WORDS or w.lower().strip(".,") in MECHANISM_HEADS for w in words):
            continue
        out.append(LeaderMention(m.group("name"), f"{_HEADS[h.group('verb')]} of {h.group('org').strip()}",
                                 _country_of(h.group("nat"), None), s, e))
        seen.append((s, e))
    for m in NAME_WITH_ROLE.finditer(text):
        s, e = m.span("name")
        if any(a <= s < b or s <= a < e for a, b in seen):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        toks = list(span) if span is not None else []
        if not toks or any(t.pos_ != "PROPN" or t.ent_type_ in ("GPE", "ORG", "NORP", "LOC") for t in toks):
            continue
        if any(w.lower() in TITLE_WORDS for w in m.group("name").split()):
            continue
        out.extend(x for x in _with_role(doc, text, m.group("name"), s, e) if x.role)
    # "On World Bee Day, the Minister ...": a day (an event, a text) the tagger took for a name
    return [_portfolio_ends(_own_role(m)) for m in map(_state_peeled, out) if not _not_a_person(m.name)]


# A signature block's heading: "For the Republic of Honduras:" above the names that signed for it.
_SIGNED_FOR = re.compile(rf"(?m)^[ \t]*For\s+(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?)?(?:{STATE_STYLE}\s+(?:the\s+)?)?"
                         r"(?P<c>[A-Z][\w'’ -]{1,40}?)\s*:[ \t]*$")


def signed_for(before: str) -> str | None:
    """The country the last signature heading before a name signs for, if it names one."""
    heads = list(_SIGNED_FOR.finditer(before))
    return COUNTRIES.get(heads[-1].group("c").lower()) if heads else None


def _state_peeled(m: LeaderMention) -> LeaderMention:
    """"President of the | Republic Santiago Peña": the state's word goes back to the office."""
    words = m.name.split()
    k = 0
    while k < len(words) - 2 and words[k] in _STATE_OR_BODY_WORD:
        k += 1
    if k == 0 or not m.role or not re.search(r"\b(?:of|of the)$", m.role):
        return m
    cut = len(" ".join(words[:k])) + 1
    return LeaderMention(" ".join(words[k:]), f"{m.role} {' '.join(words[:k])}", m.country, m.start + cut, m.end)


def _own_role(m: LeaderMention) -> LeaderMention:
    """"NAME, and the Secretary to the Ministry of Energy, NAME2": an office after "and" is the next
    person's in the list, not this one's."""
    if m.role and re.match(r"and\s", m.role):
        return LeaderMention(m.name, None, None, m.start, m.end)
    return m


def _portfolio_ends(m: LeaderMention) -> LeaderMention:
    """"Minister of Transport and | Logistics Chanda Mulenga": the portfolio's last word goes back to
    the role, whichever shape found the name."""
    first, _, rest = m.name.partition(" ")
    if first.lower() in PORTFOLIO_WORDS and len(rest.split()) >= 2 and m.role \
            and re.search(r"(?:\band|\bof|,)$", m.role):
        return LeaderMention(rest, f"{m.role} {first}", m.country, m.start + len(first) + 1, m.end)
    return m


# Heads of the names of offices and institutions, which a title before them does not make people
# ("Director of the Nordic Office"): the lexicon's bodies are checked as well.
_PLACE_OF_WORK = {"office", "ministry", "department", "institute", "university", "centre", "center", "inspectorate",
                  "directorate", "service", "school", "college", "foundation", "laboratory", "government"}
# "NAME's Democratic Alliance": a party (or movement) named after its leader's possessive.
PARTY_OF = re.compile(r"^['’]s?\s+(?P<party>(?:[A-Z][\w'’-]*\s+){0,4}(?:Party|Alliance|Movement|Front|Congress|Union))\b")
# A plural title earlier in the sentence ("the presidents of the countries that comprise it, such as")
# and an entry "NAME of [the STYLE of] COUNTRY" after it.
PLURAL_BEFORE = re.compile(r"\b(?P<title>presidents|prime ministers|foreign ministers|finance ministers|"
                           r"heads of state|heads of government|vice-presidents)\b(?!.*\b(?:presidents|ministers)\b)",
                           re.IGNORECASE)
LISTED_OF_COUNTRY = re.compile(
    rf"^\s+of\s+(?:the\s+)?(?:{STATE_STYLE}\s+(?:the\s+)?)?(?P<cty>{_COUNTRY})\b(?=\s*(?:[;,.]|and\b|$))",
    re.IGNORECASE)


# Head words of names that are no person's: days, events, texts, bodies ("Day" and the like also end
# a few family names, "Mark Day": a name of two words keeps those).
_NOT_A_PERSON_HEAD = frozenset({
    "Summit", "Conference", "Forum", "Festival", "Games", "Cup", "Award", "Prize",
    "Declaration", "Agreement", "Programme", "Program", "Fund", "Council", "Commission", "Initiative", "Act",
    # an occasion ("at The Opening Ceremony of the 44th Regular Meeting"): no one's family name
    "Ceremony", "Meeting", "Session", "Dialogue", "Workshop", "Symposium", "Retreat", "Exhibition", "Expo",
})
_CALENDAR_HEAD = frozenset({"Day", "Week", "Month", "Year"})


# Words of the names of states and institutions, wherever they stand in a "name" ("Minister of Health
# of the | Federal Democratic Republic of Ethiopia", "Director General of the | Africa Centres for
# Disease Control"): no person's name has them.
_STATE_OR_BODY_WORD = NOT_A_PERSON_WORDS


def _not_a_person(name: str) -> bool:
    words = name.split()
    if any(w.strip(".,") in _STATE_OR_BODY_WORD for w in words) or words[-1:] == ["Control"]:
        return True
    if re.search(r"\d", name):
        return True  # "Kambarata-1 HPP JSC": a company or a project, no one's name
    # (and no portfolio: "Minister of Mines and Minerals Development" read as "Minister of Mines" and a name)
    return (len(words) > 1 and (words[-1] in _NOT_A_PERSON_HEAD or words[-1].lower() in PORTFOLIO_WORDS)
            or len(words) > 2 and words[-1] in _CALENDAR_HEAD)


def _singular(title: str) -> str:
    """"presidents" -> "President", "heads of state" -> "Head of State", "vice-presidents" ->
    "Vice-President"."""
    words = title.lower().split()
    head = next(i for i, w in enumerate(words) if w.endswith("s"))
    words[head] = words[head][:-1]
    return " ".join(w if w == "of" else "-".join(p.capitalize() for p in w.split("-")) for w in words)


NAME_BEFORE_WHO = re.compile(r"(?P<name>\b[A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+){1,3})(?=,\s+(?:(?:an?|the)\s+[A-Z]\w+\s+)?who\s)")
TO_ORG = re.compile(r"^,[^,]*?\bto\s")
NAME_WITH_ROLE = re.compile(r"(?P<name>\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})(?=,\s+(?:an?|the)\s)")


def _with_role(doc, text: str, name: str, start: int, end: int) -> list[LeaderMention]:
    after = text[end:]
    m = APPOSITIVE_LONG.match(after) or APPOSITIVE.match(after)
    if not m:
        return []
    role = _appositive_role(m.group("role"))
    country = _country_of(m.group("nat"), m.group("cty")) or _body(m.group("body"))
    org = (m.group("org") or "").strip()
    if org:
        on = re.match(rf"(?:the\s+)?(?P<nat>{_NAT})\b", org, re.IGNORECASE)
        if on and not country:
            country = _country_of(on.group("nat"), None)
        prep = "to" if TO_ORG.match(after) else "at"
        role = f"{role} {prep} {org}"
    return [LeaderMention(name, role, country, start, end)]


# Words that praise or date a role without changing it ("Djibouti's long-serving foreign minister").
_EVALUATIVE = re.compile(r"^(?:(?:long-serving|longtime|long-time|veteran|current|sitting|respected)\s+)+", re.I)


def _appositive_role(role: str) -> str:
    return _EVALUATIVE.sub("", " ".join(role.split()))


def _body(body: str | None) -> str | None:
    """The organisation of a possessive appositive ("the IMF's deputy managing director"), kept as
    the role's place the way "UN Secretary-General" keeps "UN"; a country name is a country."""
    if not body:
        return None
    body = body.strip()
    return COUNTRIES.get(body.lower(), body)


def _is_name_part(role: str) -> bool:
    """A "role" that is really the start of a name or a generic word ("Member" alone is kept)."""
    return len(role) < 2
