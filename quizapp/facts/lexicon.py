"""Word lists the rules use. They name *patterns* of news English (titles, nationality adjectives,
organisation head words, reporting verbs), never particular people, places or organisations, so the
extractor generalises to articles nobody here has seen."""

from __future__ import annotations

import re

# Nationality adjective -> country (and demonyms used as adjectives).
NATIONALITIES = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "United States",
    "argentine": "Argentina", "armenian": "Armenia", "australian": "Australia", "austrian": "Austria",
    "azerbaijani": "Azerbaijan", "bangladeshi": "Bangladesh", "belarusian": "Belarus", "belgian": "Belgium",
    "brazilian": "Brazil", "british": "United Kingdom", "bulgarian": "Bulgaria", "cambodian": "Cambodia",
    "canadian": "Canada", "chilean": "Chile", "chinese": "China", "colombian": "Colombia",
    "croatian": "Croatia", "cuban": "Cuba", "czech": "Czech Republic", "danish": "Denmark",
    "dutch": "Netherlands", "egyptian": "Egypt", "emirati": "United Arab Emirates", "estonian": "Estonia",
    "ethiopian": "Ethiopia", "filipino": "Philippines", "philippine": "Philippines", "finnish": "Finland", "french": "France",
    "georgian": "Georgia", "german": "Germany", "greek": "Greece", "hungarian": "Hungary",
    "indian": "India", "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland",
    "israeli": "Israel", "italian": "Italy", "japanese": "Japan", "jordanian": "Jordan",
    "kazakh": "Kazakhstan", "kazakhstani": "Kazakhstan", "kenyan": "Kenya", "korean": "Korea",
    "kuwaiti": "Kuwait", "kyrgyz": "Kyrgyzstan", "latvian": "Latvia", "lebanese": "Lebanon",
    "libyan": "Libya", "lithuanian": "Lithuania", "malaysian": "Malaysia", "mexican": "Mexico",
    "mongolian": "Mongolia", "moroccan": "Morocco", "nepalese": "Nepal", "nigerian": "Nigeria",
    "norwegian": "Norway", "pakistani": "Pakistan", "palestinian": "Palestine", "peruvian": "Peru",
    "polish": "Poland", "portuguese": "Portugal", "qatari": "Qatar", "romanian": "Romania",
    "russian": "Russia", "saudi": "Saudi Arabia", "serbian": "Serbia", "singaporean": "Singapore",
    "slovak": "Slovakia", "somali": "Somalia", "south african": "South Africa", "spanish": "Spain",
    "sri lankan": "Sri Lanka", "sudanese": "Sudan", "swedish": "Sweden", "swiss": "Switzerland",
    "syrian": "Syria", "taiwanese": "Taiwan", "tajik": "Tajikistan", "thai": "Thailand",
    "turkish": "Turkey", "turkmen": "Turkmenistan", "ukrainian": "Ukraine", "uzbek": "Uzbekistan",
    "venezuelan": "Venezuela", "vietnamese": "Vietnam", "yemeni": "Yemen", "zimbabwean": "Zimbabwe",
    "us": "United States", "u.s.": "United States", "uk": "United Kingdom", "eu": "European Union",
    "european": "European Union",
    # the rest of the world's nationality adjectives (a closed class: every country, not the ones
    # some test article happened to name)
    "andorran": "Andorra", "angolan": "Angola", "bahamian": "Bahamas", "bahraini": "Bahrain",
    "barbadian": "Barbados", "belizean": "Belize", "beninese": "Benin", "bhutanese": "Bhutan",
    "bolivian": "Bolivia", "bosnian": "Bosnia and Herzegovina", "santomean": "São Tomé and Príncipe", "bruneian": "Brunei", "burkinabe": "Burkina Faso",
    "burmese": "Myanmar", "burundian": "Burundi", "cameroonian": "Cameroon", "cape verdean": "Cape Verde",
    "cabo verdean": "Cabo Verde", "central african": "Central African Republic", "chadian": "Chad",
    "comorian": "Comoros", "congolese": "Congo", "costa rican": "Costa Rica", "cypriot": "Cyprus",
    "djiboutian": "Djibouti", "ecuadorian": "Ecuador", "salvadoran": "El Salvador", "eritrean": "Eritrea",
    "swazi": "Eswatini", "fijian": "Fiji", "gabonese": "Gabon", "gambian": "Gambia", "ghanaian": "Ghana",
    "grenadian": "Grenada", "guatemalan": "Guatemala", "guinean": "Guinea", "guyanese": "Guyana",
    "haitian": "Haiti", "honduran": "Honduras", "icelandic": "Iceland", "ivorian": "Ivory Coast",
    "jamaican": "Jamaica", "kosovar": "Kosovo", "laotian": "Laos", "lao": "Laos", "liberian": "Liberia",
    "luxembourgish": "Luxembourg", "malagasy": "Madagascar", "malawian": "Malawi", "maldivian": "Maldives",
    "malian": "Mali", "maltese": "Malta", "mauritanian": "Mauritania", "mauritian": "Mauritius",
    "moldovan": "Moldova", "monegasque": "Monaco", "montenegrin": "Montenegro", "mozambican": "Mozambique",
    "namibian": "Namibia", "nauruan": "Nauru", "new zealand": "New Zealand", "nicaraguan": "Nicaragua",
    "nigerien": "Niger", "north macedonian": "North Macedonia", "macedonian": "North Macedonia",
    "omani": "Oman", "panamanian": "Panama", "papua new guinean": "Papua New Guinea",
    "paraguayan": "Paraguay", "rwandan": "Rwanda", "samoan": "Samoa", "senegalese": "Senegal",
    "seychellois": "Seychelles", "sierra leonean": "Sierra Leone", "slovenian": "Slovenia",
    "slovene": "Slovenia", "south sudanese": "South Sudan", "surinamese": "Suriname",
    "tanzanian": "Tanzania", "timorese": "Timor-Leste", "togolese": "Togo", "tongan": "Tonga",
    "trinidadian": "Trinidad and Tobago", "tunisian": "Tunisia", "tuvaluan": "Tuvalu", "ugandan": "Uganda",
    "uruguayan": "Uruguay", "zambian": "Zambia", "nepali": "Nepal",
    "basotho": "Lesotho", "mosotho": "Lesotho", "batswana": "Botswana", "motswana": "Botswana",
    "liechtenstein": "Liechtenstein", "vanuatuan": "Vanuatu", "kittitian": "Saint Kitts and Nevis",
}

# Titles, longest first so "Foreign Minister" wins over "Minister". Lowercase.
TITLES = sorted(
    [
        "president", "vice president", "prime minister", "deputy prime minister", "premier", "vice premier",
        "chancellor", "king", "queen", "emperor", "crown prince", "prince", "sultan", "emir", "sheikh",
        "foreign minister", "minister of foreign affairs", "defence minister", "defense minister",
        "finance minister", "interior minister", "minister", "deputy foreign minister", "state councilor",
        "state councillor", "secretary of state", "secretary-general", "secretary general",
        "general secretary", "secretary", "deputy secretary", "chairman", "chairwoman", "chair",
        "chief executive", "governor", "mayor", "senator", "ambassador", "envoy", "special envoy",
        "special representative", "spokesperson", "spokesman", "spokeswoman", "foreign ministry spokesperson",
        "director", "director-general", "director general", "commissioner", "high representative",
        "speaker", "leader", "supreme leader", "general", "admiral", "commander", "head of state",
        "national security adviser", "national security advisor", "adviser", "advisor",
        "associate research fellow", "research fellow", "senior fellow", "fellow", "professor",
        "analyst", "researcher", "scholar", "expert", "dean", "chief", "foreign policy chief", "top diplomat",
        "vice-president", "vice chairman", "deputy chairman", "chief of staff", "defence secretary",
        "defense secretary", "foreign secretary", "home secretary", "interior secretary", "treasury secretary",
        "minister of defence", "minister of defense", "first deputy prime minister", "acting president",
        "president-elect", "prime minister-designate", "lawmaker", "legislator", "congressman",
        "congresswoman", "representative", "deputy foreign minister", "deputy minister", "consul general",
        "permanent representative", "head", "monarch", "ayatollah", "field marshal", "army chief",
        # the offices of international bodies and ministries, as wires and releases name them
        "executive secretary", "executive director", "managing director", "deputy managing director",
        "first deputy managing director", "chairperson", "vice-chair", "vice chair", "vice-chairperson",
        "deputy director-general", "deputy director general", "deputy secretary-general",
        "deputy secretary general", "under-secretary-general", "assistant secretary-general",
        "chief economist", "attorney general", "justice minister", "trade minister", "health minister",
        "energy minister", "environment minister", "economy minister", "minister of state", "minister of justice",
        "minister of finance", "minister of health", "minister of trade", "force commander", "chief justice",
        "central bank governor", "president of the commission", "commission chairperson",
        "diplomat", "top negotiator", "chief negotiator", "lead negotiator", "negotiator", "police official",
        # the heads of agencies and companies ("PASO General Manager NAME", round 82)
        "general manager", "manager", "chief executive officer", "executive officer", "coordinator", "registrar",
    ],
    key=len,
    reverse=True,
)
# Roles that make someone a *leader* (political office) rather than a commentator.
OFFICE_TITLES = {
    t for t in TITLES
    if t not in {"associate research fellow", "research fellow", "senior fellow", "fellow", "professor",
                 "analyst", "researcher", "scholar", "expert", "dean", "adviser", "advisor"}
}

# Head words that end the name of a named mechanism, with the subtype they imply.
MECHANISM_HEADS = {
    "organization": "organisation", "organisation": "organisation", "union": "organisation",
    "alliance": "organisation", "association": "organisation", "council": "organisation",
    "commission": "organisation", "committee": "organisation", "bank": "organisation",
    "fund": "organisation", "agency": "organisation", "community": "organisation",
    "league": "organisation", "assembly": "organisation", "parliament": "organisation",
    "format": "format", "group": "format", "quad": "format", "quartet": "format", "troika": "format",
    "dialogue": "format", "forum": "format", "meeting": "format", "meetings": "format",
    "summit": "format", "conference": "format", "talks": "format", "process": "format",
    "mechanism": "format", "platform": "format", "framework": "format", "consultations": "format",
    "treaty": "treaty", "agreement": "treaty", "accord": "treaty", "accords": "treaty", "pact": "treaty",
    "convention": "treaty", "charter": "treaty", "declaration": "treaty", "protocol": "treaty",
    "initiative": "initiative", "strategy": "initiative", "programme": "initiative", "program": "initiative",
    "plan": "initiative", "project": "initiative", "corridor": "corridor", "partnership": "partnership",
    "zone": "initiative", "area": "initiative", "authority": "organisation", "coalition": "organisation",
    "court": "organisation", "tribunal": "organisation", "secretariat": "organisation", "bloc": "organisation",
    "roadmap": "initiative", "compact": "treaty", "consensus": "treaty", "nations": "organisation",
    "alliance's": "organisation", "facility": "initiative", "board": "organisation", "movement": "organisation",
    "congress": "organisation", "party": "organisation",
}
# Words allowed inside a name between capitalised words.
NAME_GLUE = {"of", "and", "for", "on", "the", "in", "&", "de", "between", "to"}
# Lowercase descriptor tails that follow a proper name: "the Moscow Format consultations".
MECHANISM_TAILS = {"consultations", "mechanism", "meeting", "meetings", "talks", "format", "process", "platform"}
# Organisations that are media outlets or wire services are sources, not mechanisms.
# What a meeting is called ("the 67th Session", "a summit", "the Forum"): the words a body's sitting
# shares in every genre. Each user adds its own: the actor rules the acronyms of summits, the
# housekeeping rules the smaller sittings (a workshop, a seminar, a round of talks).
MEETING_NOUNS = ("meeting", "summit", "session", "conference", "congress", "assembly", "forum", "dialogue")
MEDIA_HEADS = {"times", "news", "post", "journal", "agency", "press", "tribune", "herald", "telegraph",
               "guardian", "daily", "review", "policy", "television", "tv", "radio", "network", "channel"}

GOAL_VERBS = {
    "hope", "aim", "call", "urge", "pledge", "support", "want", "seek", "vow", "commit", "advocate",
    "propose", "wish", "strive", "intend", "plan", "agree", "encourage", "insist", "demand", "ask",
    "promise", "expect", "push", "work", "back", "welcome", "resolve", "endeavour", "endeavor",
    "pursue", "determine", "prefer", "offer", "recommend", "request", "favour", "favor", "threaten", "decide",
}
# Goal verbs that ask another party to act ("urge X to Y"): the goal is X doing Y.
ASKING_VERBS = {"urge", "ask", "request", "encourage"}
# "X is willing/ready/determined to ...": readiness adjectives state an aim too.
READY_ADJECTIVES = {"willing", "ready", "determined", "committed", "eager", "keen", "prepared", "resolved", "poised"}
GOAL_NOUNS = {"hope", "call", "commitment", "pledge", "goal", "aim", "wish", "desire", "aspiration", "determination",
              "need", "objective", "priority"}
REPORTING_VERBS = {"say", "stress", "state", "note", "add", "emphasize", "emphasise", "underline",
                   "point", "affirm", "declare", "tell", "highlight", "warn", "believe", "express", "report", "announce",
                   "claim", "reiterate", "insist", "argue", "write", "explain", "confirm", "reaffirm", "opine",
                   "mention", "acknowledge", "observe", "remark", "suggest", "indicate", "show", "read", "inform",
                   "recall", "reveal", "disclose", "brief"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# Sovereign states and well-known territories by their short English names: a place, never a
# named body, however the statistical tagger labels it.
COUNTRY_NAMES = frozenset(n.lower() for n in """
Afghanistan Albania Algeria Andorra Angola Antigua Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burkina
Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti
Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana
Greece Greenland Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland
Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho
Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius
Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands
Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar
Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname
Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad Tobago Tunisia Turkey Turkmenistan
Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Grenadines Kosovo
""".split()) | {"south africa", "south korea", "north korea", "sri lanka", "saudi arabia", "new zealand",
                "papua new guinea", "solomon islands", "marshall islands", "cape verde", "costa rica",
                "el salvador", "east timor", "timor-leste", "sierra leone", "south sudan", "united kingdom",
                "united states", "united arab emirates", "dominican republic", "central african republic",
                "equatorial guinea", "guinea-bissau", "ivory coast", "côte d'ivoire", "burkina faso",
                "north macedonia", "san marino", "vatican city", "hong kong", "puerto rico", "lao pdr",
                "brunei darussalam", "saint lucia", "saint vincent", "st lucia", "st kitts", "saint kitts",
                # names with "and" in them, read whole before their parts
                "bosnia and herzegovina", "trinidad and tobago", "antigua and barbuda", "saint kitts and nevis",
                "saint vincent and the grenadines", "são tomé and príncipe", "sao tome and principe", "viet nam"}


# What a ministry or a minister's office is for ("Minister for Energy, Water Resources and Irrigation",
# "the federal Education Minister"): words that end a portfolio, which the tagger may take into the
# name after it, and that name no one's office by themselves.
PORTFOLIO_WORDS = frozenset("""
agriculture environment water energy trade finance health education culture tourism fisheries transport
justice interior defence defense labour labor industry mines mining forestry livestock planning economy
investment commerce communications information housing infrastructure sport sports youth affairs development
security innovation technology resources irrigation power works lands welfare employment services foreign home
digital science women logistics aviation maritime shipping ports railways roads telecommunications heritage
arts climate sanitation cooperation integration reconstruction
""".split())


# A name made only of words any body has ("the Framework Agreement", "the Fifth Assembly", "The
# Council"): it names one body only by the article's context.
GENERIC_NAME = re.compile(r"(?:[Tt]he\s+)?(?:(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|"
                          r"[Nn]inth|[Tt]enth|\d+(?:st|nd|rd|th)|[A-Z][a-z]+-(?:first|second|third|fourth|fifth|sixth|"
                          r"seventh|eighth|ninth))\s+)?(?:(?:Framework|Final|Additional|Optional|Ordinary|Constitutive|Founding|"
                          r"Extraordinary|Annual|Plenary|Regular|Special|Joint|Executive|Governing|Permanent)\s+)?"
                          r"(?:Agreement|Convention|Treaty|Protocol|Charter|Accord|Assembly|Council|Session|Meeting|"
                          r"Summit|Conference|Committee|Commission|Congress|Board|Secretariat|Declaration|Statute)")

# The head word of an agreement's name: signed and ratified, not a body.
AGREEMENT_HEAD = re.compile(r"(?i:treaty|agreement|accord|convention|charter|protocol|declaration|pact|memorandum|deal|"
                            r"statute|compact|framework|arrangement|contract|communiqu[eé]|act|law|bill|MoU)s?$")

# A title's last word: "Agreement" alone, its title cut off, names no one text.
DOCUMENT_HEAD = re.compile(r"\b(?:Pledge|Agreement|Treaty|Plan|Declaration|Programme|Program|Protocol|Convention|"
                           r"Charter|Framework|Strategy|Initiative|Roadmap|Accord|Pact|Compact|Resolution|Decision|"
                           r"Agenda|Action Plan)$")

# A body's name that opens on its kind ("Council of Ministers of ...", "Organization of Turkic States",
# "Union for the Mediterranean"): the article calls it by that word alone ("The Council"), and it
# takes "the".
HEAD_FIRST = re.compile(r"(?:Organi[sz]ation|Union|Bank|Council|Commission|Community|Association|Federation|League|"
                        r"Conference|Agency|Authority|Secretariat|Fund|Committee|Assembly|Board|Court|Parliament|"
                        r"Alliance|Forum|Office|Institute|Centre|Center|Programme|Program)\s+(?:of|on|for)\s")


# Words no person's name has: a state's style ("Republic", "Kingdom", "Federal") or a body's head
# ("Ministry", "Council", "Secretariat"). The extractor drops a "name" with one ("Federal Democratic
# Republic", "Africa Centres"), peels a state's word that ended an office ("President of the |
# Republic Santiago Peña") and the question stage skips a leader fact named so: one list for both.
NOT_A_PERSON_WORDS = frozenset({
    "Republic", "Kingdom", "Federal", "Democratic", "Socialist", "Plurinational", "Principality", "Sultanate",
    "Emirates", "Centres", "Centers", "Prevention", "Ministry", "Ministers", "Secretariat", "Government",
    "Delegates", "Delegation", "Inspectorate", "Directorate", "Council", "Agency", "Commission", "Office",
    "Department", "Authority", "Institute", "Service", "Committee", "Board", "Bank", "Fund", "Union",
    "Organization", "Organisation", "Parliament", "Assembly", "Court", "Forum", "Centre", "Center", "University",
    "Federation",
})
NOT_A_PERSON = re.compile(r"\b(?:" + "|".join(sorted(NOT_A_PERSON_WORDS)) + r")\b")

# An ordinal in words, compound ones too ("fifth", "forty-fifth", "Twentieth"): a meeting's number.
ORDINAL_WORD = (r"(?i:(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:first|second|third|fourth|fifth|"
                r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
                r"seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|"
                r"eightieth|ninetieth))")


def _country_case(name: str) -> str:
    """"timor-leste" -> "Timor-Leste", "côte d'ivoire" -> "Côte d'Ivoire", "bosnia and herzegovina" ->
    "Bosnia and Herzegovina": each part of a hyphenated word capitalised, "d'" and the small words not."""
    def word(w: str) -> str:
        if w in ("of", "and", "the"):
            return w
        if w.startswith(("d'", "d’")):
            return w[:2] + w[2:].capitalize()
        return "-".join(p.capitalize() for p in w.split("-"))
    return " ".join(word(w) for w in name.split())


COUNTRIES = {v.lower(): v for v in NATIONALITIES.values()} | {
    c: _country_case(c) for c in COUNTRY_NAMES
} | {
    "china": "China", "russia": "Russia", "the united states": "United States", "the us": "United States",
    "the u.s.": "United States", "america": "United States", "britain": "United Kingdom",
    "the uk": "United Kingdom", "the united kingdom": "United Kingdom", "the philippines": "Philippines",
    "the netherlands": "Netherlands", "south korea": "South Korea", "north korea": "North Korea",
    "the european union": "European Union", "the eu": "European Union", "the uae": "United Arab Emirates",
    "the russian federation": "Russia", "russian federation": "Russia",
}
# Official names a declaration's preamble uses: "the Kyrgyz Republic", "the Slovak Republic" (a
# name of its own, like "the Dominican Republic", keeps its own country).
COUNTRIES = {f"{adj} {style}": c for adj, c in NATIONALITIES.items() if " " not in adj
             for style in ("republic", "arab republic", "people's democratic republic", "people democratic republic")
             } | COUNTRIES | {"lao pdr": "Laos", "türkiye": "Türkiye", "turkiye": "Türkiye",
                              # a country's own name beside the older English one, and a name
                              # typed without its diacritics
                              "cabo verde": "Cabo Verde", "cote d'ivoire": "Côte d'Ivoire",
                              "cote d’ivoire": "Côte d'Ivoire",
                              # a state's style that names no country word ("the Hellenic Republic" of a
                              # declaration's preamble, round 93)
                              "hellenic republic": "Greece"}
TITLE_WORDS = {w for t in TITLES for w in t.split()}


# The public addressed ("residents in low-lying parts of Townsville", "motorists", "the public"): told
# what to do, it is advice, no party's aim (round 189); read by the goal views and the "who" questions.
PUBLIC_ADDRESSED = (r"(?:the\s+)?(?:all\s+)?(?:people|residents|the\s+public|public|citizens|everyone|drivers|motorists|"
                    r"travell?ers|consumers|parents|households|visitors|tourists|commuters)"
                    r"(?:\s+(?:in|of|on|along|near|living\s+in)\s+[^,;]{1,60}?)?")
