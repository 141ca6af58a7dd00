"""Rules from the blind rounds on two new sets of articles (14A, 15A): items that hold alone and
give nothing away. Figures on a ladder with the key anywhere on it, offices asked with a date (or
not as a look-up at all), grouped items naming their story, places with their whole name and foils
of the bloc a meeting is named for, and statements that say what the sum or the "it" was for.
All sentences are invented."""

from __future__ import annotations

import random
import re

from quizapp.corpus.parse import parse_article
from quizapp.facts.leaders import _clean_role
from quizapp.facts.types import Fact, Source
from quizapp.questions import generate
from quizapp.questions.blanks import _question_ok
from quizapp.questions.items.figures import _other_values
from quizapp.questions.items.goal_checks import _AMOUNT_ONLY, _OBJECT_PRONOUN
from quizapp.questions.items.venues import _bloc, _place_options, _venue_in
from quizapp.questions.render import with_the
from quizapp.questions.story import _Corpus

ART = "ministers.txt"


def _figure_options(goal: str) -> list[str]:
    m = re.search(r"(\d[\d,.]*\d|\d)", goal)
    return _other_values(goal, m, set())


def test_a_figure_is_asked_on_an_even_ladder_with_the_key_at_any_rung():
    lowest = 0
    keys = ["400,000", "95,000", "3,000", "450,000", "12", "250", "7,500", "1,200", "60,000", "18"]
    for key in keys:
        options = _figure_options(f"train {key} community health workers")[:3]
        values = sorted(float(v.replace(",", "")) for v in [*options, key])
        steps = {round(b - a, 6) for a, b in zip(values, values[1:], strict=False)}
        assert len(steps) == 1, (key, options)  # even steps: no option stands out
        assert min(values) > 0
        lowest += values[0] == float(key.replace(",", ""))
    # (blind reviews named "1.5, 2 and 3 times the key" a giveaway: the key was always the base)
    assert 0 < lowest < len(keys)


def test_a_sum_or_an_it_is_no_aim_on_its_own():
    assert _AMOUNT_ONLY.fullmatch("an initial A$5 million")
    assert _AMOUNT_ONLY.fullmatch("a further US$2 billion")
    assert not _AMOUNT_ONLY.fullmatch("an initial A$5 million for cyclone recovery")
    assert _OBJECT_PRONOUN.search("to have it ready by the end of 2027")
    assert not _OBJECT_PRONOUN.search("make it easier to trade across the border")


def test_questions_with_an_open_aside_an_indefinite_deal_or_a_statistic_are_not_asked():
    assert not _question_ok("When did the port of Chancay, 80 kilometres north of Lima open?")
    assert _question_ok("When did the port of Chancay, 80 kilometres north of Lima, open?")
    assert not _question_ok("When did the European Parliament and member states reach a provisional agreement?")
    assert _question_ok("When did the European Parliament and member states agree on the ecodesign rules?")
    assert not _question_ok("When did each person in the EU buy on average 19 kilograms of clothing?")


def test_an_office_keeps_its_general_and_drops_a_part_at_the_meeting():
    assert _clean_role("EAC Secretary General") == "EAC Secretary General"
    assert _clean_role("Attorney General") == "Attorney General"
    assert _clean_role("Foreign Minister Prince") == "Foreign Minister"  # an honorific still goes
    assert _clean_role("Minister of Home Affairs (Chair)") == "Minister of Home Affairs"
    assert _clean_role("Secretary-General of the Indian Ocean Rim Association (IORA)") == \
        "Secretary-General of the Indian Ocean Rim Association (IORA)"


def test_minutes_and_transcripts_are_dated_by_their_heading():
    minutes = parse_article("m.txt", "LAKE UNION - Council of Ministers\nSummary of the 12th meeting, Kisumu, Kenya, "
                                     "27 November 2025\n\nThe ministers met in Kisumu. They agreed a plan.\n")
    assert str(minutes.published) == "2025-11-27"
    plain = parse_article("p.txt", "Lake news\n\nThe ministers met in Kisumu, Kenya, 27 November 2025.\n")
    assert plain.published is None  # a sentence of the body is no heading


def test_a_place_keeps_its_small_words_and_a_bloc_keeps_its_foils_at_home():
    found = _venue_in("The general assembly of the Andean Rowing Organization (ODRA) in Santa Cruz de la Sierra, "
                      "Bolivia, on 12 July chose Cuenca.", ["Andean Rowing Organization"], sitting=True)
    assert found is not None and found[0].name == "Santa Cruz de la Sierra" and found[0].country_code == "BO"
    assert _bloc("the 2027 Arab Crafts Forum") and not _bloc("the 2027 Crafts Forum")
    forum = Fact(id="m", kind="mechanism", statement="", answer="Arab Crafts Forum", name="Arab Crafts Forum",
                 subtype="format", sources=[Source(ART, "The 2027 Arab Crafts Forum opened in Amman on Monday.", 0)])
    corpus = _Corpus([forum])
    where = _venue_in("The 2027 Arab Crafts Forum opened in Amman on Monday.", ["Arab Crafts Forum"])[0]
    options = _place_options(where, corpus, ART, "Arab Crafts Forum")
    assert options is not None and "Tehran" not in options[2] and "Jerusalem" not in options[2]


def _leaders() -> list[Fact]:
    pub = Fact(id="pub", kind="date", statement="", answer="2025-11-27", date="2025-11-27", subtype="publication",
               sources=[Source(ART, "27 November 2025", None)])
    people = [("a", "Marta Velde", "Minister of the Interior", "Belgium"),
              ("b", "Joost Ambers", "Minister of Justice", "Netherlands"),
              ("c", "Lea Morel", "Minister of Home Affairs", "Luxembourg")]
    out = [pub]
    for i, (fid, name, role, country) in enumerate(people, start=1):
        out.append(Fact(id=fid, kind="leader", statement="", answer=name, name=name, role=role, country=country,
                        subtype="minister", confidence=0.9,
                        sources=[Source(ART, f"{country}'s {role} {name} opened the Lake Union meeting in Kisumu.", i)]))
    out.append(Fact(id="u", kind="mechanism", statement="", answer="Lake Union", name="Lake Union",
                    subtype="organisation", sources=[Source(ART, "The Lake Union met in Kisumu.", 4)]))
    return out


def test_who_holds_an_office_is_asked_as_of_the_articles_month_and_never_as_a_true_or_false_office():
    qs = generate(_leaders(), random.Random(1), budget=0)
    # a country's ministry is a title look-up (rounds 19A-20B failed all seven such): not asked
    assert not [q for q in qs if q.prompt.startswith(("Who was", "According to the article, who is"))]
    # a body's office is, as of the month of writing
    sg = Fact(id="s", kind="leader", statement="", answer="Ana Ruiz", name="Ana Ruiz",
              role="Secretary-General of the Lake Union", country="Lake Union", subtype="secretary", confidence=0.9,
              sources=[Source(ART, "The Secretary-General of the Lake Union, Ana Ruiz, opened the meeting in Kisumu.", 1)])
    body_qs = generate([*_leaders(), sg], random.Random(1), budget=0)
    who = [q for q in body_qs if q.prompt.startswith("Who was")]
    assert who and all(q.prompt == "Who was the Secretary-General of the Lake Union in November 2025?" for q in who)
    assert not [q for q in qs if q.type == "true_false" and q.fact_ids[0] in "abc"]
    assert not [q for q in qs if "role?" in q.prompt]
    matching = [q for q in qs if q.type == "matching"]
    assert all(q.prompt == "Match each person to their role as of November 2025." for q in matching)


def test_an_instrument_takes_its_article_and_a_modified_acronym_no_the():
    assert with_the("West African Pension Portability Framework") == "the West African Pension Portability Framework"
    assert with_the("Kenya") == "Kenya"
    isa = Fact(id="i", kind="mechanism", statement="", answer="International Reef Authority",
               name="International Reef Authority", aliases=["IRA"], subtype="organisation",
               sources=[Source(ART, "The International Reef Authority (IRA) met in Suva.", 0)])
    corpus = _Corpus([isa])
    assert corpus.spell_out("They committed to exploration under existing IRA rules.", [ART]) == \
        "They committed to exploration under existing International Reef Authority (IRA) rules."
    assert corpus.spell_out("When did IRA meet?", [ART]) == "When did the International Reef Authority (IRA) meet?"


def test_a_scheme_named_before_or_a_person_with_no_office_does_not_stand_alone():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("Federal Employment Minister Priya Raman unveiled the plan in Saskatoon.")
    assert not stands_alone("Malawi signed a comparable accord with South Africa.")
    assert not stands_alone("Nepal hosted the Games in Kathmandu in 2019.")
    assert stands_alone("The Paris Agreement entered into force in 2016.")
    guide = Fact(id="g", kind="goal", statement="", answer="", actor="Katharina Brunner", subtype="hope",
                 goal="extend the avalanche warning scale to 40 valleys in the Pyrenees by 2028",
                 sources=[Source(ART, "Katharina Brunner hopes to extend the avalanche warning scale to 40 valleys "
                                      "in the Pyrenees by 2028.", 3)])
    assert not [q for q in generate([guide], random.Random(1), budget=0) if q.type in ("true_false", "multiple_choice")]


def test_shares_of_several_donors_are_no_one_aim():
    from quizapp.questions.goal_views import _GAPPED

    assert _GAPPED.search("US$20 million, the Government of New Zealand 10 million, and the Pacific Islands Forum 5 million")
    assert not _GAPPED.search("build 400 km of road, 20 bridges and 3 ports")


def test_an_attendance_list_makes_no_one_central():
    listed = "Present: Ana Ruiz, Minister of Transport of Chile; Ben Okoro, Minister of Transport of Nigeria; " \
             "Chen Lei, Minister of Transport of China."
    people = [Fact(id=f"p{i}", kind="leader", statement="", answer=n, name=n, role="Minister of Transport",
                   country=c, subtype="minister", confidence=0.9, sources=[Source(ART, listed, 0)])
              for i, (n, c) in enumerate([("Ana Ruiz", "Chile"), ("Ben Okoro", "Nigeria"), ("Chen Lei", "China")])]
    corpus = _Corpus(people)
    assert not any(corpus.prominent(p) for p in people)
    alone = Fact(id="q", kind="leader", statement="", answer="Ana Ruiz", name="Ana Ruiz", role="Minister of Transport",
                 country="Chile", subtype="minister", confidence=0.9,
                 sources=[Source(ART, "Chile's Minister of Transport Ana Ruiz opened the corridor talks.", 1)])
    assert _Corpus([alone]).prominent(alone)


def test_a_stem_naming_a_body_of_many_countries_is_not_set_in_one_of_them():
    from quizapp.questions.setting import with_setting

    assert with_setting("Which figure completes the statement? The Global Hearing Screening Accelerator aims to "
                        "screen _____ children.", "Nigeria").startswith("Which figure")
    assert with_setting("When did the Council of Ministers abolish the export price?", "Madagascar") == \
        "In Madagascar, when did the Council of Ministers abolish the export price?"


def _goal_items(actor: str, verb: str, goal: str, sentence: str, *, body: bool = True) -> list:
    facts = [Fact(id="g", kind="goal", statement="", answer="", actor=actor, subtype=verb, goal=goal,
                  sources=[Source(ART, sentence, 3)])]
    if body:
        facts.append(Fact(id="m", kind="mechanism", statement="", answer=actor, name=actor, subtype="organisation",
                          sources=[Source(ART, sentence, 3)]))
    return [q for q in generate(facts, random.Random(1), budget=0) if q.type in ("true_false", "multiple_choice")]


def test_a_vague_aim_a_headlines_aim_or_a_rule_laid_on_others_is_not_asked():
    vague = "Rubbercoop works to keep prices fair for farmers and stable for buyers."
    assert not _goal_items("Rubbercoop", "work", "keep prices fair for farmers and stable for buyers", vague)
    told = "Rubbercoop works to help smallholders replant old trees and register land."
    assert _goal_items("Rubbercoop", "work",
                       "help smallholders replant old trees and register land", told)
    headline = "Lake Fund launches programme to protect 40,000 hectares of wetland"
    assert not _goal_items("Lake Fund", "aim", "protect 40,000 hectares of wetland", headline)
    rule = "Hydrogen Oman has required every project to use desalinated seawater rather than groundwater by 2027."
    assert not _goal_items("Hydrogen Oman", "aim", "use desalinated seawater rather than groundwater by 2027", rule)


def test_a_council_named_by_its_function_or_a_bloc_left_unnamed_does_not_stand_alone():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("The Sectoral Council agreed to cap fees on mobile money transfers at 1 per cent.")
    assert not stands_alone("Signatory countries aim to cut extortion calls by 40 per cent by 2026.")
    assert not stands_alone("Kenya called for the remaining Partner States to ratify the Protocol.")
    assert stands_alone("The EAC Partner States agreed to cut roaming fees by 2026.")
    assert stands_alone("Kenya ratified the Protocol on Free Movement in 2024.")
    assert stands_alone("The Nordic Council met in Oslo in 2024.")


def test_a_trade_figures_year_a_loan_with_no_purpose_and_a_paragraph_number_are_not_asked():
    from quizapp.questions.goal_views import GoalView
    from quizapp.questions.goal_wording import goal_statement

    assert not _question_ok("When did China import about 1.56 million tonnes of fresh durian?")
    assert _AMOUNT_ONLY.fullmatch("lend up to 1.2 billion euros")
    assert not _AMOUNT_ONLY.fullmatch("lend 1.2 billion euros to the Kurzeme Energy Island")
    v = GoalView(fact=None, actor="4.3 Uganda", parties=frozenset(), verb="offer", form="vp",
                 goal="host the coordination office in Kampala",
                 sentence="4.3 Uganda offered to host the coordination office in Kampala.", article=ART)
    assert goal_statement(v) == "Uganda offered to host the coordination office in Kampala."


def test_a_countrys_official_name_in_a_preamble_is_that_country():
    from quizapp.facts.leaders import COUNTRIES
    from quizapp.questions.sentences import stands_alone

    assert COUNTRIES["kyrgyz republic"] == "Kyrgyzstan" and COUNTRIES["slovak republic"] == "Slovakia"
    assert COUNTRIES["dominican republic"] == "Dominican Republic"  # a name of its own keeps its country
    assert not stands_alone("Panama agreed to set up a joint coordination desk at the crossing.")


def test_a_meeting_agreed_to_be_held_is_asked_ahead_and_a_numbered_one_needs_its_owner(monkeypatch):
    from quizapp.questions.items import venues
    from quizapp.questions.items.venues import _owned

    monkeypatch.setattr(venues, "VENUE_ITEMS", True)  # (off in the generator; the template is kept)

    said = "The ministers agreed to hold the Fifth Andean Tourism Ministerial Meeting in Cusco, Peru, in 2026."
    qs = [q for q in generate([Fact(id="m", kind="mechanism", statement="", answer="Fifth Andean Tourism Ministerial Meeting",
                                    name="Fifth Andean Tourism Ministerial Meeting", subtype="format",
                                    sources=[Source(ART, said, 0)])], random.Random(1), budget=0)
          if q.prompt.startswith("In which")]
    assert qs and all(" will " in q.prompt and "held?" in q.prompt for q in qs)
    assert not _owned("Twenty-Ninth Meeting") and _owned("Twenty-Ninth Meeting of the Andean Council")


def test_an_aims_time_told_before_its_party_stays_in_the_statement():
    from quizapp.questions.goal_views import GoalView
    from quizapp.questions.goal_wording import fronted_time, goal_statement

    def view(actor, goal, sentence):
        return GoalView(fact=None, actor=actor, parties=frozenset(), verb="will", form="vp", goal=goal,
                        sentence=sentence, article=ART)

    v = view("Estonia", "take over the chair of the Baltic Assembly",
             "On 1 July, Estonia will take over the chair of the Baltic Assembly.")
    assert fronted_time(v) == "On 1 July"
    assert goal_statement(v) == "On 1 July, Estonia will take over the chair of the Baltic Assembly."
    # a live blog's time stamp before it is no part of it; the phrase is the aim's own time
    v = view("the Lake Union", "open a regional seed bank in Kisumu",
             "10:15 - Next year, the Lake Union will open a regional seed bank in Kisumu.")
    assert goal_statement(v) == "Next year, the Lake Union will open a regional seed bank in Kisumu."
    # not a time, or the aim carries its own, or another party's clause: the statement as it was
    assert fronted_time(view("Estonia", "host the assembly", "In Tallinn, Estonia will host the assembly.")) is None
    assert fronted_time(view("Estonia", "host the assembly in 2027",
                             "In March, Estonia said it will host the assembly in 2027.")) is None
    assert fronted_time(view("Latvia", "host the assembly",
                             "In March, Estonia agreed that Latvia will host the assembly.")) is None


def test_money_pledged_with_nothing_named_that_it_pays_for_is_not_asked():
    told = "Germany's State Secretary said Berlin will provide €200 million in grants, mostly for grid projects."
    assert not _goal_items("Berlin", "will", "provide €200 million in grants, mostly for grid projects", told,
                           body=False)
    dollars = "Australia and New Zealand committed 8.5 million Australian dollars over four years."
    assert not _goal_items("Australia and New Zealand", "commit", "8.5 million Australian dollars over four years",
                           dollars, body=False)
    named = "Berlin will provide €200 million to the Kurzeme Energy Island for grid projects by 2027."
    assert _goal_items("Berlin", "will", "provide €200 million to the Kurzeme Energy Island for grid projects by 2027",
                       named, body=False)


def test_a_call_with_two_aims_is_asked_by_its_first_and_a_second_clause_is_no_part_of_it():
    facts = lambda goal, sentence: [  # noqa: E731
        Fact(id="g", kind="goal", statement="", answer="", actor="Portugal, Spain and France", subtype="call",
             goal=goal, sources=[Source(ART, sentence, 3)])]
    sentence = ("6. We call on the European Commission to co-finance the Aerial Firefighting Pool through rescEU and "
                "to simplify the rules for pre-positioning firefighting resources in member states during the summer.")
    goal = sentence[sentence.index("the European Commission"):].rstrip(".")
    qs = [q for q in generate(facts(goal, sentence), random.Random(1), budget=0) if q.type == "true_false"]
    assert qs and all("simplify" not in q.prompt for q in qs)  # (the first aim alone: 27 words were too many)
    assert any(q.prompt.endswith("to co-finance the Aerial Firefighting Pool through rescEU.") for q in qs)
    spliced = "We call on municipalities to clear vegetation near Faro and Huelva, and we undertake to support them."
    goal = "municipalities to clear vegetation near Faro and Huelva, and we undertake to support them"
    assert all("undertake" not in q.prompt for q in generate(facts(goal, spliced), random.Random(1), budget=0))


def test_a_national_chamber_or_association_needs_its_country():
    from quizapp.questions.setting import unplaced_national

    assert unplaced_national("The National Aquaculture Chamber agreed to finance the replanting of 5,000 hectares.")
    assert unplaced_national("The National Farmers Association called for lower fees.")
    assert not unplaced_national("Ecuador's National Aquaculture Chamber agreed to finance the replanting.")


def test_an_idea_a_move_or_a_numbered_forum_told_before_does_not_stand_alone():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("The European Parliament backed the idea by 410 votes to 392.")
    assert not stands_alone("Greece's Minister of Health offered to host the second forum in Athens in June 2026.")
    assert not stands_alone("Peru agreed to hold the next meeting in Lima.")
    assert stands_alone("Peru agreed to hold the next meeting of the Andean Council in Lima.")
    assert stands_alone("Kenya will host the Nairobi Summit on Clean Air in 2026.")
    # whose secretariat? (round 22B); one named by what it serves, or owned, is placed
    assert not stands_alone("Ghana's Attorney General offered to host a small secretariat in Accra.")
    assert stands_alone("Ghana offered to host a secretariat for the Lusaka Compact in Accra.")
    assert stands_alone("The West African Cotton Alliance will keep its permanent secretariat in Cotonou.")


def test_who_holds_a_countrys_office_is_not_asked_and_offices_of_as_many_countries_are_not_matched():
    people = [("a", "Stavros Kalogeropoulos", "Minister of Environment and Energy", "Greece"),
              ("b", "Oksana Hrytsenko", "Minister of Energy", "Ukraine"),
              ("c", "Dan Mihailescu", "Minister of Energy", "Romania"),
              ("d", "Victor Ciobanu", "Minister of Energy", "Moldova")]
    facts = [Fact(id="pub", kind="date", statement="", answer="2025-10-02", date="2025-10-02", subtype="publication",
                  sources=[Source(ART, "2 October 2025", None)])]
    for i, (fid, name, role, country) in enumerate(people, start=1):
        facts.append(Fact(id=fid, kind="leader", statement="", answer=name, name=name, role=role, country=country,
                          subtype="minister", confidence=0.9,
                          sources=[Source(ART, f"{country}'s {role} {name} opened the Gas Corridor meeting in Sofia.", i)]))
    qs = [q for seed in range(3) for q in generate(facts, random.Random(seed), budget=0)]
    # not asked at all: a choice would be answered by the one Greek name among foreign ones (20B),
    # and typed it is a title look-up (19A-20B)
    assert not [q for q in qs if q.prompt.startswith("Who was")]
    # and four offices each of another country, with one of a body beside them, are not matched
    from quizapp.questions.items.groups import _one_country_each

    assert _one_country_each(["Greek Minister of Energy", "Ukrainian Minister of Energy", "Romanian Minister of Energy",
                              "Deputy Director-General at the European Commission"])
    # three: two names pair by their sound, the third by elimination (rounds 24B, T8, 27B)
    assert _one_country_each(["Minister of Natural Resources of Suriname", "Head of UNEP's Chemicals Branch",
                              "Minister of Natural Resources of Guyana"])
    assert not _one_country_each(["Minister of Natural Resources of Suriname", "Head of UNEP's Chemicals Branch",
                                  "Deputy Head of UNEP's Chemicals Branch"])


def test_a_thing_contributed_to_nothing_named_and_a_forecasts_date_are_not_asked():
    from quizapp.facts.event_questions import when_question
    from quizapp.facts.nlp import load_nlp

    told = "Italy will contribute a recycling line at a plant in Ancona."
    assert not _goal_items("Italy", "will", "contribute a recycling line at a plant in Ancona", told, body=False)
    to = "Italy will contribute a recycling line to the Adriatic Ghost Gear Partnership by 2026."
    assert _goal_items("Italy", "will", "contribute a recycling line to the Adriatic Ghost Gear Partnership by 2026",
                       to, body=False)
    nlp = load_nlp()
    guess = "Romania's own offshore gas from the Black Sea was expected in 2027."
    assert when_question(nlp(guess), guess.index("2027"), guess.index("2027") + 4) is None
    done = "Romania's Transgaz completed the Black Sea pipeline in 2027."
    assert when_question(nlp(done), done.index("2027"), done.index("2027") + 4) is not None
