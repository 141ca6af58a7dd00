"""A declaration's "we" is who its preamble says ("We, the Ministers of A, B and C, meeting in
..."): the aims it states are theirs, asked about by name, with the preamble cited."""

from __future__ import annotations

import random
import re

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input, extract
from quizapp.facts.actors import signatories
from quizapp.questions import generate
from quizapp.questions.blanks import BLANK

DECLARATION = """Joint Declaration on River Freight

Vaduz, 12.05.2025

We, the Ministers of Transport of the Republic of Slovenia, the Kingdom of the Netherlands and the Republic of Croatia, meeting in Vaduz on 12 May 2025, adopt the following declaration.

1. We agree to set up a joint fund of 300 million euros for inland ports by the end of 2026.

2. We call on the European Commission to co-finance the dredging of the Sava corridor.
"""


def test_the_preamble_names_the_countries_or_the_members_of_a_body():
    assert signatories("We, the Ministers of Transport of the Republic of Slovenia, the Kingdom of the Netherlands "
                       "and the Republic of Croatia, meeting in Vaduz on 12 May 2025, adopt ...") == (
        "Slovenia, the Netherlands and Croatia")
    assert signatories("We, Prime Minister of Estonia Mari Kask and Prime Minister of Latvia Ilze Ozola, meeting "
                       "in Riga, declare ...") == "Estonia and Latvia"
    assert signatories("1. We, the Ministers of the Member States of the Gulf of Guinea Commission (GGC), met in "
                       "Luanda ...") == "the member states of the Gulf of Guinea Commission"
    assert signatories("We, the Defence Ministers of the 32 NATO Allies, met in Brussels ...") == "the NATO Allies"
    assert signatories("We agree to set up a joint fund.") is None  # no preamble: nothing to say who
    assert signatories("We, the undersigned, meeting in Vaduz, agree ...") is None  # nobody named


def test_a_declarations_aims_are_its_signatories_and_asked_by_name():
    art = article_input(parse_article("decl.txt", DECLARATION))
    goals = [f for f in extract([art]) if f.kind == "goal"]
    fund = next(f for f in goals if "joint fund" in (f.goal or ""))
    assert fund.actor == "Slovenia, the Netherlands and Croatia"
    assert any(s.sentence.startswith("We, the Ministers") for s in fund.sources)  # the preamble is cited
    statements = {q.prompt.split("completes the statement? ", 1)[-1].replace(BLANK, q.answer)
                  for seed in range(4) for q in generate(extract([art]), random.Random(seed), budget=0)
                  if q.fact_kind == "goal" and q.type in ("true_false", "multiple_choice")}
    # told as stated in the declaration its preamble names (blind rounds asked "which declaration?")
    assert any(p.startswith("In a joint declaration adopted in Vaduz in May 2025, Slovenia, the Netherlands and "
                            "Croatia agree to set up a joint fund of") for p in statements), statements


def test_ministers_are_named_by_whose_ministers_they_are():
    from quizapp.facts.actors import ministers_of

    assert ministers_of("When the finance ministers of Chile, Peru and Bolivia met in Lima last month, they agreed "
                        "to study a link.") == "the finance ministers of Chile, Peru and Bolivia"
    assert ministers_of("Finance ministers and central bank governors from the Group of 20 major economies agreed "
                        "on Thursday to act.") == "the finance ministers and central bank governors of the Group of 20"
    assert ministers_of("The Ministers of Foreign Affairs of the Republic of Chile, the Russian Federation and the "
                        "Kingdom of Spain met in Madrid.") == "the ministers of Chile, Russia and Spain"
    assert ministers_of("Health ministers of the Southern Lakes Commission met in Kisumu.") == (
        "the health ministers of the Southern Lakes Commission")
    # a list with an entry that is no known country would lose a member: no name at all
    assert ministers_of("The ministers of Ghana, the Zamaro Republic and Togo met in Accra.") is None
    assert ministers_of("The Ministers of the Central Asian countries welcomed the plan.") is None
    assert ministers_of("The Ministers agreed to meet again.") is None


COMMUNIQUE = """Andean ministers agree on a payments link

LIMA, May 6, 2025 (Continental Wire) - When the finance ministers of Chile, Peru and Bolivia met in Lima on Monday, they agreed to study a regional instant payments link by the end of 2025.

The ministers aim to launch cross-border transfers by 2027 and want a common settlement bank within five years.
"""


def test_the_ministers_of_a_communique_are_the_ones_it_named_first():
    facts = extract([article_input(parse_article("andean.txt", COMMUNIQUE))])
    goals = {f.goal: f for f in facts if f.kind == "goal"}
    later = next(f for g, f in goals.items() if g.startswith("launch cross-border transfers"))
    assert later.actor == "the finance ministers of Chile, Peru and Bolivia"
    # the sentence that says whose ministers they are is cited beside the aim's own
    assert any("met in Lima" in s.sentence for s in later.sources)
    study = next(f for g, f in goals.items() if g.startswith("study a regional instant payments link"))
    assert study.actor == "the finance ministers of Chile, Peru and Bolivia"
    # (restated, or its deadline asked: one item per aim's sentence)
    statements = [q.prompt for q in generate(facts, random.Random(1), budget=0) if q.fact_kind in ("goal", "date")]
    assert any(re.search(r"\b[Tt]he finance ministers of Chile, Peru and Bolivia ", p) for p in statements), statements


EXPLAINER = """Ocean treaty explained

Published: 12 May 2025

The High Seas Treaty was adopted in New York in June 2023 after two decades of talks.

The treaty aims to place 30 per cent of the high seas under protection by 2030.

The High Seas Treaty will take effect 120 days after the 60th ratification.

The Blue Pacific Corridor Programme aims to link 14 island ports by regular ferry services by 2028.
"""


def test_a_named_text_or_scheme_has_aims_but_no_date_of_effect_as_one():
    facts = extract([article_input(parse_article("explainer.txt", EXPLAINER))])
    goals = {f.goal: f.actor for f in facts if f.kind == "goal"}
    # "the treaty" is the one treaty the article names
    assert goals["place 30 per cent of the high seas under protection by 2030"] == "High Seas Treaty"
    statements = [q.prompt for q in generate(facts, random.Random(1), budget=0) if q.fact_kind in ("goal", "date")]
    # (restated, or its deadline asked: "By what year does the High Seas Treaty aim to place ...?")
    assert any(re.search(r"[Tt]he High Seas Treaty aims? to place ", p) for p in statements), statements
    assert any(re.search(r"[Tt]he Blue Pacific Corridor Programme aims? to link ", p) for p in statements), statements
    assert not any("take effect" in p for p in statements)  # when a text takes effect is a date, not its aim


def test_another_partys_offer_welcomed_is_not_the_speakers_aim():
    text = ("Rail summit\n\nPublished: 12 May 2025\n\nWe, the Ministers of Transport of Romania, Serbia and "
            "Bulgaria, meeting in Sarajevo on 12 May 2025, agree as follows.\n\n1. We thank Bulgaria for its "
            "readiness to fund the feasibility study.\n\n2. We agree to open the Danube freight line by 2027.\n")
    goals = {f.goal: f.actor for f in extract([article_input(parse_article("rail.txt", text))]) if f.kind == "goal"}
    assert goals.get("open the Danube freight line by 2027") == "Romania, Serbia and Bulgaria"
    assert not any(g.startswith("fund the feasibility study") for g in goals)  # Bulgaria's, not all three's


LIMA_COMMUNIQUE = """Lima Communique on Seasonal Work

The ministers and senior officials responsible for labour of Bolivia, Chile and Paraguay, meeting in Lima on 3 and 4 June 2025, adopted the following communique.

1. The participants agree to establish the Andes Seasonal Work Registry to record every seasonal contract.

2. The participating governments commit to issuing a work visa within 20 days of a contract's registration.
"""


def test_a_communiques_participants_are_the_countries_whose_ministers_met():
    from quizapp.facts.actors import ministers_of

    assert ministers_of("The ministers and senior officials responsible for labour of Bolivia, Chile and Paraguay, "
                        "meeting in Lima, adopted it.") == "the ministers and senior officials of Bolivia, Chile and Paraguay"
    art = article_input(parse_article("lima.txt", LIMA_COMMUNIQUE))
    goals = {f.goal: f.actor for f in extract([art]) if f.kind == "goal"}
    assert set(goals.values()) == {"Bolivia, Chile and Paraguay"}, goals
    prompts = {q.prompt for seed in range(3) for q in generate(extract([art]), random.Random(seed), budget=0)}
    assert any(p.startswith("In a joint communiqué adopted in Lima in June 2025, Bolivia, Chile and Paraguay agree "
                            "to establish the Andes Seasonal Work Registry") for p in prompts), prompts


def test_an_aim_of_a_text_without_a_preamble_is_told_as_it_was():
    from quizapp.questions.goal_views import GoalView
    from quizapp.questions.goal_wording import occasion, with_occasion

    fact = type("F", (), {"sources": [type("S", (), {"sentence": "Kenya agreed to cut roaming fees by 2026."})()]})()
    v = GoalView(fact=fact, actor="Kenya", parties=frozenset(), verb="agree", form="vp",
                 goal="cut roaming fees by 2026", sentence="Kenya agreed to cut roaming fees by 2026.", article="k.txt")
    assert occasion(v) is None
    assert with_occasion("Kenya agreed to cut roaming fees by 2026.", v) == "Kenya agreed to cut roaming fees by 2026."


def test_a_bracketed_aside_in_the_list_of_whose_ministers_met_keeps_the_rest_of_the_list():
    from quizapp.facts.actors import ministers_of

    assert ministers_of("On 22 May, ministers from Madagascar, the Comoros, France (for Réunion) and Seychelles "
                        "signed the charter in Moroni.") == "the ministers of Madagascar, the Comoros, France and the Seychelles"
