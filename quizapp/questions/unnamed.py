"""What a sentence names only by the story around it: a thing of common words it ends on ("... for the
stock."), a text by its kind alone ("the Free Trade Agreement"), a numbered part of a project ("Lot
2"), a party's share of something unsaid ("its share"). Each reads in the article and means nothing on
a quiz sheet; ``sentences.stands_alone`` rules such sentences out.

Why by shape: rounds 45 to 56 met these one noun at a time ("the auctions", "the zone", "the stock",
"the cross-border section"); the definite article over common words is what they share.
"""

from __future__ import annotations

import re

from ..facts.dates import TIME_PHRASE
from .setting import places_in

# A text named by its kind alone ("the Free Trade Agreement", "the Comprehensive Economic Partnership
# Agreement (CEPA)", "the Peace Agreement"): between whom, the article's context said (round 51: three
# items on "the Free Trade Agreement" of a release on Thailand and EFTA). Not with its parties or
# its subject after it ("the Free Trade Agreement between Thailand and EFTA", "the Framework Convention
# on Climate Change") or a name before it ("the Paris Agreement": the word after "the" is no kind).
_GENERIC_TEXT = re.compile(
    r"(?<![\w'’-])[Tt]he\s+(?:(?:Free|Trade|Economic|Partnership|Comprehensive|Cooperation|Co-operation|Investment|"
    r"Framework|Strategic|Bilateral|Multilateral|Regional|Preferential|Enhanced|Interim|Peace|"
    r"Transit|Customs|Services|Transport|Security|Defen[cs]e|Border|Fisheries|Air|Maritime|Extradition|"
    r"Cultural|Scientific|Technical|Financing|Loan|Grant|Host|Country|Headquarters|International|New|"
    # ("When will the Mutual Recognition Arrangement take effect?": between whom, round 206)
    r"Mutual|Recognition|Reciprocal|Readmission|Visa|Waiver|Exchange|Data|Sharing|Labour|Labor|Mobility|"
    r"Currency|Swap|Power|Purchase|Supply)\s+){1,4}"
    r"(?:Agreement|Treaty|Accord|Pact|Protocol|Convention|Arrangement|Memorandum(?:\s+of\s+Understanding)?)\b"
    r"(?!\s*\([^()]*\)\s+(?:between|of|on|for|with|among|to)\s+(?:the\s+)?[A-Z])"
    r"(?!\s+(?:between|of|on|for|with|among|to)\s+(?:the\s+)?[A-Z])")



# A sitting of a sector's ministers named by its sector alone ("the 72nd Health Ministers' Conference",
# "the Annual Finance Ministers' Meeting"): whose conference, the article's context said (round 57,
# three items). Not with its owner after it ("... of the ECSA Health Community"), not a body ("the
# Security Council"), not a sitting of no sector ("the Fourth Joint Ministerial Meeting" of a statement
# that names both sides).
_SECTOR = (r"(?:Health|Finance|Trade|Energy|Environment|Education|Agriculture|Transport|Foreign|Tourism|Water|"
           r"Fisheries|Defence|Defense|Interior|Justice|Culture|Youth|Sports?|Science|Technology|Digital|Labour|Labor)")
_SECTOR_MEETING = re.compile(
    r"(?<![\w'’-])[Tt]he\s+(?:\d+(?:st|nd|rd|th)\s+|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
    r"Eleventh|Twelfth|[A-Z][a-z]+-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))\s+)?"
    r"(?:(?:Annual|Ordinary|Extraordinary|Regular|Joint|Regional|High-Level)\s+)*"
    rf"(?:{_SECTOR}\s+(?:and\s+{_SECTOR}\s+)?)(?:Ministers['’]?|Ministerial)\s+(?:Conference|Meeting|Summit|Session|Dialogue)\b"
    r"(?!\s*(?:\([^()]*\)\s*)?(?:of|on|for)\s+(?:the\s+)?[A-Z])")


def _named_opening(s: str) -> bool:
    """Does the sentence open on a name ("Thailand will phase out tariffs on 85 percent of its tariff
    lines", "UNESCO said its ..."): a country or letters, not a word capitalised only as it opens the
    sentence ("Funding ... its")?"""
    m = re.match(r"[A-Z][\w'’-]*", s)
    return m is not None and (bool(re.fullmatch(r"[A-Z]{2,}", m.group(0))) or bool(places_in(m.group(0))))


# A sentence or a question that ends on a definite thing of common words alone ("... for the stock.",
# "... complete the cross-border section?", "... adopt the final legal acts?"): the thing was named
# in an earlier sentence. Rounds 45 to 51 failed such items one noun at a time; the shape is general.
# Not a thing there is one of ("the euro area", "the world") or a time ("at the end", "for the
# first time"), and not a thing the sentence has just named ("the Kandor Fund ... the fund" is
# ``_ANAPHORIC``'s to judge).
_DEFINITE_END = re.compile(r"(?<![\w'’-])the\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)\s*[?.!]?\s*$")
_ONE_OF_A_KIND = re.compile(r"\b(?:world|globe|planet|internet|web|public|euro\s+area|euro\s+zone|eurozone|high\s+seas|"
                            r"moon|sun|atmosphere|ozone\s+layer|past|future|present|moment|time|end|start|beginning|"
                            r"middle|rest|way|day|year|month|week|decade|century|season|period|meantime|interim|"
                            r"(?:first|second|third|last|same|following|previous)\s+(?:time|day|year|month|week|round)|"
                            r"long\s+term|short\s+term|medium\s+term|mid-term|years?\s+ahead|way\s+forward|"
                            r"region|continent|country|economy)$")


# A numbered part of a project named alone ("Lot 2", "Phase 3", "Section 4B"), with no "of" the project.
_PART_NUMBER = re.compile(r"\b(?:Lot|Phase|Section|Package|Stage|Tranche|Segment|Block)\s+(?:\d+[A-Z]?|[IVX]+)\b"
                          r"(?!\s+of\s+(?:the\s+)?[A-Z])(?!\s*\(?\s*(?:of|for)\s)")


# A time told after the thing ("... for the stock by September 2027."): the thing still ends the aim.
_TRAILING_TIME = re.compile(rf",?\s+{TIME_PHRASE}\s*([?.!]?)\s*$")


# A share, a seat or a bid of a party's, with no "in"/"to" what ("to increase Poland's subscription
# significantly"): to what, the sentence before said (round 52).
_OWNED_END = re.compile(r"(?:['’]s|\b(?:its|their|the))\s+(?:[a-z-]+\s+){0,2}(?:subscription|contribution|share|stake|quota|"
                        r"allocation|membership|participation|seat|accession|bid|application|candidacy|ratification)s?"
                        r"(?:\s+[a-z]+ly)?\s*[?.!]?\s*$")


# "Poland will focus its share on manure storage": its share of what, the sentence never says.
_OWNED_SHARE = re.compile(r"\b(?:its|their|an?)\s+(?:[a-z-]+\s+)?(?:share|stake|quota|allocation|subscription)s?\b"
                          # ("a share of not less than 16 percent": of how much, not of what; round 60)
                          r"(?!\s+(?:of|in|to|for)\b(?!\s+(?:not\s+)?(?:less|more|at\s+least|at\s+most|about|around|up\s+to|"
                          r"over|under|some|nearly|almost|\d)))")


def _definite_end(s: str) -> bool:
    s = _TRAILING_TIME.sub(lambda m: m.group(1), s)
    if _OWNED_END.search(s) or _OWNED_SHARE.search(s):
        return True
    m = _DEFINITE_END.search(s)
    if m is None or _ONE_OF_A_KIND.search(m.group(1)) \
            or re.search(r"(?<![\w-])(?:of|for|in|on|to|with|from|between|under|over|and|or)(?![\w-])", m.group(1)) \
            or re.search(r"\w{3}ed$|\b(?:says|adds|notes|reports|writes|wrote|told|said)$", m.group(1)):
        return False  # ("the common heritage of mankind": what it is, the words after say; "the
        # organization announced": a verb ends the sentence, not the thing)
    # "The Kandor Fund will ... to double the fund.": the sentence itself named it before
    head = m.group(1).split()[-1]
    if re.search(r"[^su]s$", head):
        return False  # a plural is often of a kind, not a thing told before ("outside the capitals")
    return not re.search(rf"\b[A-Z][\w'’-]*\s+{re.escape(head.capitalize())}\b", s[:m.start()])
