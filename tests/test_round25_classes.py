"""Failure classes of blind round 25A, each on invented text: a short name inside another name is
no person's, a possessive role owner is a capitalised name (not a clause) and never a bare "the
Bank", a name hung on a distant subject asks no "who", a sentence's capitalised first word is no
name, a place told before is not named in a stem, household letters an article spells out as
something else are spelled out, a bloc's letters place a stem, a "Federal Government" needs its
country, and spans of time are changed in their own steps."""

from __future__ import annotations

import random
import re

from spacy.tokens import Doc

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input, extract
from quizapp.facts.event_questions import when_question
from quizapp.facts.extract import _resolve_names
from quizapp.facts.leaders import leader_mentions
from quizapp.facts.nlp import load_nlp
from quizapp.facts.sides import country_list
from quizapp.facts.types import Fact, Source
from quizapp.facts.who_questions import who_question
from quizapp.questions import generate
from quizapp.questions.items.figures import _figures, _other_values
from quizapp.questions.sentences import stands_alone
from quizapp.questions.setting import unplaced_national, with_setting

ART = "levy.txt"


def test_a_word_inside_another_name_is_not_a_persons_short_name():
    # (the tagger had read "a portal called Pay Lombok" as a person's name)
    people = {"Kerta Mandalika": {}, "Sari Wulandari": {}}
    assert _resolve_names("the Gili and Mandalika Reef Fund", people) == "the Gili and Mandalika Reef Fund"
    assert _resolve_names("Mandalika and Wulandari agreed", people) == "Kerta Mandalika and Sari Wulandari agreed"


def test_a_possessive_owner_is_a_name_not_the_clause_before_it():
    nlp = load_nlp()
    text = ("It was chaired by Peru's Minister of Fisheries, Rosa Quispe, and attended by officials from "
            "Chile and Ecuador.")
    (m,) = [m for m in leader_mentions(nlp(text), text) if m.name == "Rosa Quispe"]
    assert m.country == "Peru" and m.role == "Minister of Fisheries"
    told = "The loan comes from the Nordic Investment Bank, and I thank the Bank's Country Director, Mr. Olli Virtanen, for it."
    (m,) = [m for m in leader_mentions(nlp(told), told) if m.name == "Olli Virtanen"]
    assert m.country is None  # "the Bank": which bank, the role cannot say


def _rehung(nlp, text: str, word: str, head_word: str, dep: str):
    """``text`` parsed, with ``word`` hung on ``head_word`` as ``dep`` (the parse the small model
    gave round 25A's sentence, which invented words do not always reproduce)."""
    doc = nlp(text)
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    i = next(t.i for t in doc if t.text == word)
    heads[i] = next(t.i for t in doc if t.text == head_word)
    deps[i] = dep
    return Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc], lemmas=[t.lemma_ for t in doc],
               heads=heads, deps=deps, ents=[f"{'B' if t.ent_iob_ == 'B' else 'I'}-{t.ent_type_}" if t.ent_type_
                                          else "O" for t in doc])


def test_no_who_of_a_name_the_parser_hung_on_a_distant_subject():
    nlp = load_nlp()
    text = ("The meeting was also attended by the SADC Commissioner for Energy and Water, Dr Tendai Moyo, "
            "and by representatives of the Namibian Water Authority.")
    start = text.index("Tendai Moyo")
    doc = _rehung(nlp, text, "Moyo", "meeting", "appos")
    assert who_question(doc, start, start + len("Tendai Moyo")) is None
    near = "Botswana's energy minister, Kabo Seretse, inaugurated the Kazungula Solar Plant in Kasane."
    start = near.index("Kabo Seretse")
    assert who_question(nlp(near), start, start + len("Kabo Seretse")) == \
        "Who inaugurated the Kazungula Solar Plant in Kasane?"


def test_a_sentences_capitalised_first_word_is_no_name_and_a_place_told_before_is_not_named():
    nlp = load_nlp()
    text = "Visitor numbers to the province reached 2.4 million in 2023, the statistics office said."
    year = text.index("2023")
    assert when_question(nlp(text), year, year + 4) is None
    assert not stands_alone("Arrivals to the province rose to 2.4 million in 2023.")
    assert stands_alone("Arrivals to Bali rose to 2.4 million in 2023.")


def _leader(name, role, country, sentence):
    return Fact(id=name[:4], kind="leader", statement="", answer=name, name=name, role=role, country=country,
                confidence=0.9, sources=[Source(ART, sentence, 3)])


def test_household_letters_an_article_spells_out_as_something_else_are_spelled_out():
    defined = "The International Olive Council (IOC) met in Madrid on 4 May 2025."
    said = '"We must act together," said Karim Haddad, the Executive Director of the IOC.'
    council = Fact(id="ioc", kind="mechanism", statement="", answer="International Olive Council",
                   name="International Olive Council", aliases=["IOC"], subtype="organisation",
                   sources=[Source(ART, defined, 1)])
    published = Fact(id="pub", kind="date", statement="", answer="2025-05-05", date="2025-05-05",
                     subtype="publication", sources=[Source(ART, "5 May 2025", 0)])
    person = _leader("Karim Haddad", "Executive Director of the IOC", "IOC", said)
    prompts = [q.prompt for q in generate([council, published, person], random.Random(3), budget=0)]
    assert prompts and not [p for p in prompts if "the IOC" in p and "International Olive Council" not in p]


def test_a_blocs_letters_place_a_stem_and_a_federal_government_needs_its_country():
    stem = "When did ASEAN transport ministers endorse a framework on helmet standards?"
    assert with_setting(stem, "Vietnam") == stem
    arctic = "When did the Arctic Council pause most of its activities?"
    assert with_setting(arctic, "Norway") == arctic  # a body of a region's countries places the stem
    assert with_setting("When did transport ministers endorse a framework?", "Vietnam").startswith(
        "In Vietnam, when did")
    assert unplaced_national("The Federal Government will build six blood centres by 2026.")
    assert not unplaced_national("Nigeria's Federal Government will build six blood centres by 2026.")


def test_spans_of_time_are_changed_in_their_own_steps():
    goal = "report every suspected case within 48 hours"
    (m,) = _figures(goal)
    values = _other_values(goal, m, set())
    assert values[:3] and all(int(v) in (6, 12, 24, 36, 72, 96, 120) for v in values)
    days = "publish the audit within 30 days"
    (m,) = _figures(days)
    assert all(int(v) % 1 == 0 and int(v) in (3, 5, 7, 10, 14, 21, 45, 60, 90, 120, 180)
               for v in _other_values(days, m, set()))


def test_counted_parties_are_the_one_list_of_that_many_countries_the_article_names_as_acting():
    text = ("Three neighbours sign tapir corridor pact\n\n"
            "Guatemala, Belize and Mexico signed the Selva Maya Tapir Accord in Flores on 3 March 2025. "
            "Conservation groups called on other countries with tapir habitat, including Honduras and "
            "Nicaragua, to join the accord. "
            "The three countries aim to restore 25,000 hectares of forest corridors by 2030. "
            "The countries also aim to train 120 community rangers by the end of 2026.\n")
    goals = {f.goal: f.actor for f in extract([article_input(parse_article(ART, text))]) if f.kind == "goal"}
    restore = next(a for g, a in goals.items() if g.startswith("restore"))
    assert restore == "Guatemala, Belize and Mexico"
    train = next(a for g, a in goals.items() if g.startswith("train"))
    assert train == "Guatemala, Belize and Mexico"  # the one list of countries that act
    nlp = load_nlp()
    assert country_list(nlp("Officials called on others, including Peru and Indonesia, to share data.")) == []


def test_a_count_no_list_matches_leaves_the_parties_unnamed():
    text = ("Two neighbours sign tapir pact\n\n"
            "Guatemala, Belize and Mexico signed the Selva Maya Tapir Accord in Flores on 3 March 2025. "
            "The two countries aim to restore 25,000 hectares of forest corridors by 2030.\n")
    goals = [f for f in extract([article_input(parse_article(ART, text))]) if f.kind == "goal"]
    assert all("Guatemala" not in (f.actor or "") for f in goals)


def test_a_goal_verb_in_the_passive_states_no_aim_of_its_subject():
    text = ("Delta pact funded\n\n"
            "The Volta Delta Compact is backed by USD 6 million from the Adaptation Fund over three years. "
            "The Adaptation Fund is expected to begin supporting the first delta communities next year.\n")
    goals = [(f.actor, f.goal) for f in extract([article_input(parse_article(ART, text))]) if f.kind == "goal"]
    assert goals == []


def test_money_through_a_named_channel_names_no_purpose():
    from quizapp.questions.items.goal_checks import _CHANNEL, _GIVING, _MONEY, _NAMED

    goal = "cover 12 million euros through the Adriatic Investment Framework"
    assert _MONEY.search(goal) and _GIVING.match(goal) and not _NAMED.search(_CHANNEL.sub(" ", goal))
    told = "cover 12 million euros of the Adriatic Ferry Link's cost"
    assert _NAMED.search(_CHANNEL.sub(" ", told))


def test_an_unnamed_group_does_not_stand_alone_unless_the_sentence_says_what_it_does():
    assert not stands_alone("Sweden will lead a drafting group with Estonia and Norway.")
    assert stands_alone("Kenya and Uganda agreed to set up a joint technical committee that will meet every "
                        "quarter to set common rules for grading tea.")


def test_an_exemption_says_from_what():
    from quizapp.questions.items.goal_checks import _FROM_WHAT

    assert _FROM_WHAT.match("exempt children under 12 and holders of work permits")
    assert not _FROM_WHAT.match("release 12 improved varieties of millet")


def test_the_ministers_are_of_the_one_list_of_countries_that_act():
    text = ("Eel pact signed\n\nSweden, Denmark and Poland signed the Baltic Eel Accord in Gdansk on 3 March 2025. "
            "The ministers also agreed to set up a Baltic Eel Monitoring Network by the end of 2026.\n")
    goals = {f.goal: f.actor for f in extract([article_input(parse_article(ART, text))]) if f.kind == "goal"}
    assert goals.get("set up a Baltic Eel Monitoring Network by the end of 2026") == \
        "the ministers of Sweden, Denmark and Poland"


def test_a_when_question_names_the_parties_a_pointing_back_subject_stands_for():
    text = ("Ghost gear partnership launched\n\n"
            "On 3 February 2025, fisheries officials from Italy, Croatia and Greece launched the Adriatic Ghost Gear "
            "Partnership in Split. The partners will review progress at a meeting in Tirana in November 2025. "
            "The Adriatic Fisheries Council welcomed the plan. The council paused its net buy-back scheme in "
            "March 2022.\n")
    asked = {f.question for f in extract([article_input(parse_article(ART, text))]) if f.kind == "date"}
    assert "When will Italy, Croatia and Greece review progress at a meeting in Tirana?" in asked
    assert "When did the Adriatic Fisheries Council pause its net buy-back scheme?" in asked
    told = ("Ghost gear talks\n\nThey said on 3 February 2025 that work would go on. "
            "It paused the scheme in March 2022.\n")
    assert not [f.question for f in extract([article_input(parse_article(ART, told))])
                if f.kind == "date" and f.question]


def test_a_role_told_by_its_and_a_person_before_their_body_are_cut_away():
    from quizapp.facts.extract import _mechanism_mentions

    nlp = load_nlp()
    text = ("Its president, Dr Lucia Ferraz of Portugal's National Blood Institute (NBI), visited Quito in "
            "January.")
    doc = nlp(text)
    (m,) = [m for m in leader_mentions(doc, text) if m.name == "Lucia Ferraz"]
    assert m.role == "president" and m.country is None  # whose, the sentence before said: placed nowhere
    names = {x.name for x in _mechanism_mentions(doc, text, set())}
    assert "National Blood Institute" in names and not any("Ferraz" in n for n in names)



def test_a_span_of_time_cut_from_what_it_is_before_makes_no_item():
    text = ("Joint declaration on shared caves\n\ndate 2025-05-03\n\n"
            "We, the Ministers of the Environment of Slovakia and Hungary, meeting in Bratislava on 3 May 2025, "
            "declare the following.\n\n"
            "1. We will map every cave system that crosses our border by the end of 2026.\n\n"
            "2. We will notify one another at least 60 days before deciding on a permit for any quarry, landfill "
            "or major road within five kilometres of a cave system that crosses the border, and will give the "
            "notified country an opportunity to comment.\n")
    prompts = [q.prompt for q in generate(extract([article_input(parse_article(ART, text))]), random.Random(1),
                                          budget=0)]
    assert not [p for p in prompts if re.search(r"\b60 days\.|_____ days\.", p)]


def test_no_who_that_keeps_one_of_two_coordinated_parties():
    nlp = load_nlp()
    text = ("The Minister of Food, Agriculture and Light Industry of Laos, Somsak Vongsa, signed a memorandum of "
            "understanding on Monday with Cambodia's Vice Minister of Agriculture, Sok Dara, and Vietnam's Deputy "
            "Minister of Agriculture, Tran Van Minh, to establish the Mekong Weather Risk Pool.")
    start = text.index("Somsak Vongsa")
    assert who_question(nlp(text), start, start + len("Somsak Vongsa")) is None


def test_a_meeting_named_for_a_region_takes_foils_from_that_region_only():
    from quizapp.questions.items.venues import _bloc

    assert _bloc("Fifth Central Asian Tourism Ministerial Meeting") == {"KZ", "KG", "TJ", "TM", "UZ"}
    assert "IR" not in _bloc("Central Asian Water Forum") and "AF" not in _bloc("Central Asian Water Forum")
    assert _bloc("Andean Parliament") == {"BO", "CO", "EC", "PE"}
    assert _bloc("Central Bank of Kenya") is None


def test_a_region_named_in_a_stem_places_it_and_a_numeric_dated_entry_is_a_list_entry():
    from quizapp.questions.sentences import _LIST_ENTRY

    stem = "Who was the Executive Secretary of the Regulators Association of Southern Africa in May 2024?"
    assert with_setting(stem, "Mozambique") == stem
    assert _LIST_ENTRY.match("2019/03/14 - the mining ministers agree to study a tracking system.")
    assert not stands_alone("14.03.2019: the mining ministers agree to study a tracking system.")


def test_no_when_of_an_amount_or_a_bare_plural_that_says_not_of_what():
    nlp = load_nlp()

    def when(text, date):
        i = text.index(date)
        return when_question(nlp(text), i, i + len(date))

    assert when("Spain produced an estimated 110 tonnes in 2023.", "2023") is None
    assert when("Florida and Alabama banned sales in May 2024.", "May 2024") is None
    # a year's output is a period measured, not an event (blind round 32 failed "When did Line 1
    # carry 9.4 million passengers?" as trivia); an act with a number in it is still dated
    assert when("Italy produced 40 tonnes of white truffles in 2023.", "2023") is None
    assert when("Kenya planted 10,000 trees in 2023.", "2023") == "When did Kenya plant 10,000 trees?"
    assert not stands_alone("Mozambique plans to complete switch-off in the remaining provinces by December 2024.")
    assert not stands_alone("Member states agreed to make the electronic certificate compulsory from 1 January 2026.")


def test_a_month_long_before_the_article_is_asked_with_its_year_in_play():
    from .item_facts import published

    said = "The Coastal Health Act became law in March 2019, giving every district a screening budget."
    act = Fact(id="d1", kind="date", statement="", answer="2019-03", date="2019-03", subtype="month",
               event="The Coastal Health Act became law", question="When did the Coastal Health Act become law?",
               confidence=0.9, sources=[Source(ART, said, 2)])
    (q,) = [q for q in generate([act, published("2024-06-03", ART)], random.Random(4), budget=0)
            if q.type == "multiple_choice" and q.fact_ids == ["d1"]]
    assert len({c.split()[-1] for c in q.choices}) >= 3  # the years differ, not only the months
    recent = Fact(id="d2", kind="date", statement="", answer="2024-03", date="2024-03", subtype="month",
                  event="The Coastal Health Act became law", question="When did the Coastal Health Act become law?",
                  confidence=0.9, sources=[Source(ART, said.replace("2019", "2024"), 2)])
    (q,) = [q for q in generate([recent, published("2024-06-03", ART)], random.Random(4), budget=0)
            if q.type == "multiple_choice" and q.fact_ids == ["d2"]]
    assert len({c.split()[-1] for c in q.choices}) <= 2  # news of this spring: the month is the point


def test_the_last_word_of_a_portfolio_is_no_part_of_the_name_after_it():
    nlp = load_nlp()
    text = ('"Pests do not respect borders," said Omani Minister of Environment, Water and Agriculture Salim '
            'Al-Harthi, who chaired the session.')
    names = [m.name for m in leader_mentions(nlp(text), text)]
    assert "Salim Al-Harthi" in names and not any(n.startswith("Agriculture") for n in names)


def test_an_article_is_about_a_country_only_if_its_title_names_it():
    from quizapp.questions.story import _Corpus

    def corpus(title):
        pub = Fact(id="pub", kind="date", statement=f"The article “{title}” was published on 3 June 2024.",
                   answer="2024-06-03", date="2024-06-03", subtype="publication", sources=[Source(ART, title, 0)])
        said = [Fact(id=f"g{i}", kind="goal", statement="", answer="x", actor="Kenya", goal="x",
                     sources=[Source(ART, s, i + 1)]) for i, s in enumerate([
                         "Kenya will cap the age of imported used cars at eight years.",
                         "Kenya's assemblers want tax breaks, Nairobi officials said.",
                         "Kenya and Rwanda signed a deal; Kenya will host the next round."])]
        return _Corpus([pub, *said])

    assert corpus("Kenya caps the age of imported cars").setting_of(ART) == "Kenya"
    assert corpus("East Africa's car assemblers: a backgrounder").setting_of(ART) is None
