"""Questions that name no country say which article they ask about when the article is plainly
about one country (``quizapp.questions.setting``)."""

from __future__ import annotations

import random

from quizapp.facts.types import Fact, Source
from quizapp.questions import generate
from quizapp.questions.setting import dominant_country, places_in, with_setting


def test_countries_are_found_by_name_nationality_and_capital_but_not_in_lowercase_words():
    assert places_in("The Malagasy government met in Madagascar; Tunisian and Omani envoys came.") == [
        "Madagascar", "Madagascar", "Tunisia", "Oman"]
    assert places_in("Let us chad about it") == []  # "us", "chad" in lowercase are words
    assert places_in("the European Parliament delegation") == []  # a union of countries is no setting


def test_one_country_is_the_setting_only_when_it_clearly_leads():
    assert dominant_country(["Madagascar exported less.", "Malagasy farmers waited.",
                             "Prices in Madagascar fell.", "France bought more."]) == "Madagascar"
    assert dominant_country(["Namibia and Botswana signed.", "Namibian and Botswana officials met.",
                             "Namibia will build it."]) is None  # two of like weight: a meeting of two
    assert dominant_country(["Madagascar exported less.", "Prices fell."]) is None  # named too rarely


def test_a_question_naming_no_country_is_told_of_its_country():
    assert with_setting("When did the Council of Ministers abolish the minimum export price?", "Madagascar") == (
        "In Madagascar, when did the Council of Ministers abolish the minimum export price?")
    assert with_setting("According to the article, who headed the observer mission?", "Philippines") == (
        "In the Philippines, who headed the observer mission?")
    assert with_setting("When did Armenia cut its rate?", "Georgia") == "When did Armenia cut its rate?"
    assert with_setting("When did the board meet?", None) == "When did the board meet?"
    assert with_setting("Ana Ruiz chairs the board.", "Peru") == "Ana Ruiz chairs the board."  # no question


def test_generated_questions_carry_the_setting_and_never_leak_it():
    art = "vanilla.txt"
    lines = ["Madagascar's vanilla exports fell in 2024.", "Malagasy growers blamed the weather.",
             "The Council of Ministers abolished the minimum export price of vanilla on 18 January 2024.",
             "Madagascar will review the rules next year."]
    facts = [Fact(id="d1", kind="date", statement="", answer="2024-01-18", date="2024-01-18",
                  event="The Council of Ministers abolished the minimum export price of vanilla",
                  # (of vanilla: "the minimum export price" alone is the one told before, round 51)
                  question="When did the Council of Ministers abolish the minimum export price of vanilla?",
                  sources=[Source(art, lines[2], 3)]),
             Fact(id="d0", kind="date", statement="", answer="2024", date="2024", event="exports fell",
                  sources=[Source(art, lines[0], 1)]),
             Fact(id="m1", kind="mechanism", statement="", answer="Vanilla Board", name="Vanilla Board",
                  subtype="organisation", sources=[Source(art, lines[1], 2), Source(art, lines[3], 4)])]
    prompts = [q.prompt for q in generate(facts, random.Random(2), budget=0) if q.fact_ids == ["d1"]
               and q.type in ("multiple_choice", "short_answer")]
    assert prompts and all(p.startswith("In Madagascar, when did the Council")
                           for p in prompts)


def test_a_dollar_sign_is_no_mention_of_the_united_states():
    assert places_in("It cost US$3 million, the US said.") == ["United States"]
    assert dominant_country(["US$3 million for Peru.", "US$4 million more.", "A further US$1 million."]) is None


def test_a_body_named_by_its_members_alone_needs_a_country_or_a_bloc():
    from quizapp.questions.setting import unplaced_council

    assert unplaced_council("Who took over the rotating chairmanship of the Conference of Heads of State?")
    assert not unplaced_council("According to the article about Djibouti, when did the Council of Ministers meet?")
    assert not unplaced_council("When did the ECCAS Conference of Heads of State meet?")
    assert not unplaced_council("When did the Council of Ministers of the Andean Community meet?")
    assert places_in("Basotho farmers and Batswana traders") == ["Lesotho", "Botswana"]


def test_a_timelines_bare_government_is_named_with_the_articles_country():
    from quizapp.questions.setting import own_institution

    assert own_institution("When did Government ban exports of raw ore?", "Zimbabwe") == (
        "When did Zimbabwe's government ban exports of raw ore?")
    assert own_institution("When did Government ban exports of raw ore?", None) is None
    assert own_institution("When did Governor Ana Ruiz resign?", "Peru") == "When did Governor Ana Ruiz resign?"


def test_countries_named_with_and_or_with_d_apostrophe_are_read_whole_and_written_right():
    assert places_in("Bosnia and Herzegovina and Bulgaria signed.") == ["Bosnia and Herzegovina", "Bulgaria"]
    assert places_in("Voters in São Tomé and Príncipe and Santomean exiles") == ["São Tomé and Príncipe"] * 2
    assert places_in("Timor-Leste and Côte d’Ivoire joined.") == ["Timor-Leste", "Côte d'Ivoire"]
    assert places_in("Kenya and Uganda met.") == ["Kenya", "Uganda"]


def test_a_countrys_institution_by_its_generic_name_is_told_of_the_articles_country_or_not_asked():
    from quizapp.questions.setting import statement_in_setting

    cut = "The State Water Resources Agency plans to cut irrigation quotas by 20 per cent."
    # (the body is the subject: told as the country's, not through "the article about Azerbaijan", round 82)
    assert statement_in_setting(cut, "Azerbaijan") == (
        "Azerbaijan's State Water Resources Agency plans to cut irrigation quotas by 20 per cent.")
    assert statement_in_setting(cut, None) is None  # whose agency, no reader could tell
    assert statement_in_setting("The European Central Bank aims to keep inflation at 2 per cent.", None) == (
        "The European Central Bank aims to keep inflation at 2 per cent.")
    art = "water.txt"
    lines = ["The State Water Resources Agency will cut irrigation quotas by 20 per cent by 2026.",
             "Azerbaijan's reservoirs are low.", "Farmers in Azerbaijan protested.", "Azerbaijan imports grain."]
    goal = Fact(id="g1", kind="goal", statement="", answer="cut irrigation quotas by 20 per cent by 2026",
                actor="The State Water Resources Agency", goal="cut irrigation quotas by 20 per cent by 2026",
                subtype="will", sources=[Source(art, lines[0], 1)])
    context = [Fact(id=f"m{i}", kind="mechanism", statement="", answer=f"Water Body {i}", name=f"Water Body {i}",
                    subtype="organisation", sources=[Source(art, text, 2 + i)]) for i, text in enumerate(lines[1:])]
    stems = [q.prompt for q in generate([goal, *context], random.Random(1), budget=0) if q.fact_ids == ["g1"]]
    assert stems and all("Azerbaijan" in p for p in stems), stems
    alone = [q.prompt for q in generate([goal], random.Random(1), budget=0) if q.fact_ids == ["g1"]]
    assert alone == []
