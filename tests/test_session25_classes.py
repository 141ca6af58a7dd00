"""Shapes met in session 25 (the held-back rounds 94 and 95 of session 24, read after their rating,
and this session's rounds). Invented text only."""

from __future__ import annotations

import re

import pytest

from quizapp.questions.referents import unresolved

from .question_checks import goal_actors, prompts_of


def test_a_call_on_people_named_by_their_trade_is_their_task_not_the_callers_aim():
    raw = ("Lorvia City, 14 March 2026\n\n"
           "Zembla's Undersecretary of Fisheries and Aquaculture, Mirela Okonjo, called on trawler operators "
           "from both countries to fit size-selective grids to their nets by 30 June 2027.")
    actors = goal_actors(raw)
    assert not any(goal.startswith("fit") for goal in actors), actors
    assert not any("aimed to fit" in p for p in prompts_of(raw)), prompts_of(raw)


@pytest.mark.parametrize("text, phrase", [
    # instead of what, meanwhile with what: the sentence before said
    ("Zembla will now consider bidding for the 2033 Kandor Games instead.", "instead"),
    ("The island's leaders pledged to prepare a draft charter for public consultation in the meantime.",
     "in the meantime"),
    ("Meanwhile, Zembla plans to open two new border posts.", "Meanwhile"),
    ("Zembla agreed to cut its tariffs on Lorvian rice in return.", "in return"),
    # a stage of work with nothing said of what is worked on
    ("When does the Kandor River Authority aim to begin construction?", "begin construction"),
    ("The Kandor Fund wanted all nine borrowing members to have access by the end of 2027.", "have access"),
    ("Zembla aims to start exports by 2028.", "start exports"),
    # a verb whose object is the news, told without it
    ("Zembla applied in X, Lorvia in June 2023 and Kandor earlier in 2024.", "applied"),
    ("Lorvia signed in X, a month after Zembla.", "signed"),
])
def test_a_stem_that_leans_on_the_sentence_before(text, phrase):
    assert phrase in unresolved(text), unresolved(text)


@pytest.mark.parametrize("text", [
    "Instead of coal, Zembla will burn gas from the Kandor field by 2028.",
    "Zembla agreed to cut its tariffs in return for quotas on Lorvian steel.",
    "The Kandor River Authority aims to begin construction of the Ostra reservoir in 2027.",
    "The Kandor Fund will give members access to disaster credit by 2027.",
    # a body's or a plant's own operations
    "The Kandor Development Bank began operations in X.",
    "When did Ostra Unit 2 begin commercial operation?",
    # the object is the subject of a passive
    "When was the Kandor River Treaty ratified?",
    "Zembla applied to join the Kandor Union in X.",
    "Which country applied for membership of the Kandor Union in X?",
])
def test_a_stem_that_says_what_it_is_about(text):
    assert not unresolved(text), unresolved(text)


def test_an_ambiguous_slashed_header_date_comes_after_what_the_article_reports_as_held():
    from quizapp.corpus.parse import parse_article

    raw = ("Regional Labour Review\nPosted 12/11/2024\n\n"
           "Kandor Process officials agree on recruitment-fee targets\n\n"
           "Senior officials from the Kandor Process agreed on Tuesday to work towards cutting recruitment fees. "
           "The Senior Officials' Meeting, held on 9-10 December 2024, was chaired by Zembla.")
    assert parse_article("a.txt", raw).published.isoformat() == "2024-12-11"
    # told as a plan, a later date says nothing of when the article was written
    raw_plan = raw.replace("held on 9-10 December 2024, was chaired by", "to be held on 9-10 December 2024, will be chaired by")
    assert parse_article("a.txt", raw_plan).published.isoformat() == "2024-11-12"


@pytest.mark.parametrize("statement, told", [
    ("Senior officials from the Kandor Process agreed to cut fees.", "senior officials from the Kandor Process agreed to cut fees."),
    ("Foreign ministers of the Ostra Group agreed to meet.", "foreign ministers of the Ostra Group agreed to meet."),
    ("Zembla and Lorvia agreed to build a road.", "Zembla and Lorvia agreed to build a road."),
    ("The ministers agreed to meet.", "the ministers agreed to meet."),
])
def test_a_statement_after_a_time_phrase_lowers_only_a_common_opening_word(statement, told):
    from quizapp.questions.items.goal_checks import lead_lower

    assert lead_lower(statement) == told


def test_we_in_a_q_and_a_is_the_interviewees_body_not_the_person_named_most():
    raw = ("Pacific Trade Digest\nINTERVIEW | 3 June 2025\n\n"
           "\"Customs is the front door of every island economy\"\n\n"
           "Q&A with Mele Tupou, Head of Secretariat of the Kandor Customs Organisation\n\n"
           "The Kandor Customs Organisation brings together 21 customs administrations. Ahead of its annual "
           "conference in Lorvia next month, we spoke to Mele Tupou about border data.\n\n"
           "Q: Who will chair the conference?\n\n"
           "A: The conference will be chaired by Tevita Lolohea, Chief Executive Officer of Zembla's Ministry "
           "for Customs and Revenue. Tevita Lolohea has led Zembla's customs reform since 2019, and Tevita "
           "Lolohea will present it, said Tevita Lolohea's office.\n\n"
           "Q: Is the organisation getting the support it needs?\n\n"
           "A: We have asked members to agree to a 10 percent increase in annual contributions so that core "
           "staff are not paid from project money.")
    actors = goal_actors(raw)
    asked = [a for g, a in actors.items() if "10 percent" in g]
    assert asked and all("Kandor Customs Organisation" in a for a in asked), actors


def test_a_name_the_tagger_reads_as_a_body_is_a_person_when_an_office_follows_it():
    from .question_checks import leaders_of

    raw = ("Lorvia, 3 June 2025\n\nCustoms news\n\n"
           "Kelera Mataele, Director of the Kandor Customs Organisation, said the new platform would go live in July.")
    assert leaders_of(raw).get("Kelera Mataele") == ("Director of the Kandor Customs Organisation",
                                                    "Kandor Customs Organisation"), leaders_of(raw)


def test_a_compound_noun_with_an_ing_word_is_no_second_aim():
    raw = ("Lorvia, 3 June 2025\n\nBank news\n\n"
           "The Central Bank of Zembla also called on commercial banks to narrow the spread between deposit "
           "and lending rates, which it said averaged 9.6 percentage points.")
    import random

    from quizapp.questions.generate import _Generator

    from .question_checks import facts_of

    corpus = _Generator(facts_of(raw), random.Random(0)).corpus
    views = [corpus.goal_views.get(f.id) for f in corpus.goals if "spread" in f.goal]
    assert views and all(v is not None and v.goal.endswith("deposit and lending rates") for v in views), views


def test_a_list_of_countries_the_parser_hung_as_an_aside_stays_whole_in_a_when_question():
    raw = ("Lorvia, 17 February 2025\n\nOpinion\n\n"
           "Thirty-six years ago, on 17 February 1989, the leaders of Algeria, Libya, Mauritania, Morocco and "
           "Tunisia signed the Treaty of Ostrava and created the Northern Union.")
    asked = {f.question for f in facts_of_raw(raw) if f.kind == "date" and getattr(f, "question", None)}
    assert asked, asked
    assert all("Algeria, Libya, Mauritania, Morocco and Tunisia" in q for q in asked), asked


def facts_of_raw(raw):
    from .question_checks import facts_of

    return facts_of(raw)


@pytest.mark.parametrize("text, year", [
    ("Thirty-six years ago, the leaders of Zembla and Lorvia signed the Treaty of Ostrava.", "1989"),
    ("Six years ago, the leaders of Zembla and Lorvia signed the Treaty of Ostrava.", "2019"),
])
def test_years_ago_reads_the_whole_number(text, year):
    raw = "Lorvia, 17 February 2025\n\nOpinion\n\n" + text
    dated = {f.date for f in facts_of_raw(raw) if f.kind == "date" and (f.subtype or "") != "publication"}
    assert dated == {year}, dated


def test_letters_after_a_congress_of_a_body_name_the_body():
    from quizapp.facts.mechanisms import _acronym_tail

    assert _acronym_tail("Ordinary Congress of the Kandor Football Confederation", "CONKAFU") == \
        "Kandor Football Confederation"
    # a body whose name opens with a meeting word keeps it
    assert _acronym_tail("Conference of Ministers of the Kandor Lake Authority", "KLA") != \
        "Ministers of the Kandor Lake Authority"


_LIVE = ("LIVE: Kandor Football Confederation Congress in Lorvia\n\n"
         "Follow our live coverage of the Ordinary Congress of the Kandor Football Confederation (KAFCON) at its "
         "headquarters in Lorvia.\n\n"
         "10:05 - IT'S OFFICIAL: Mirela Okonjo, KAFCON president since 2016, has been re-elected by acclamation for "
         "the 2027-2031 term.\n\n")


def test_a_live_blogs_letters_name_the_body_not_its_congress():
    letters = {f.name: f.aliases for f in facts_of_raw(_LIVE + "09:00 - Good morning from Lorvia.")
               if f.kind == "mechanism"}
    assert "KAFCON" in letters.get("Kandor Football Confederation", []), letters
    assert "KAFCON" not in letters.get("Ordinary Congress of the Kandor Football Confederation", []), letters


def test_a_live_blogs_present_tense_call_is_no_statement_without_its_day():
    raw = _LIVE + ("09:40 - The confederation calls on member associations to ban pyrotechnics in all stadiums by "
                   "2027.")
    assert not any(re.search(r"\bcalls (?:for|on) member associations", p) for p in prompts_of(raw)), prompts_of(raw)


def test_a_deadline_agreed_is_asked_in_place_not_as_when_it_was_agreed():
    from quizapp.questions.items.deadlines import deadline_in_place

    assert deadline_in_place("By what year did fisheries ministers of Zembla and Lorvia agree to phase out "
                             "lobster diving?") == \
        "Fisheries ministers of Zembla and Lorvia agreed to phase out lobster diving by what year?"
    assert deadline_in_place("By what year does Zembla aim to phase out lobster diving?") == \
        "By what year does Zembla aim to phase out lobster diving?"
    raw = ("ZEMBLA CITY, Feb 27 (Wire) - Fisheries ministers from eight Kandor Sea countries agreed on Tuesday to "
           "phase out lobster fishing by scuba divers by the end of 2026.")
    asked = [p for p in prompts_of("Wire\n27 February 2024\n\n" + raw) if "2026" not in p and "lobster" in p]
    assert asked and not any(p.startswith("By what year did") for p in asked), asked


@pytest.mark.parametrize("text", [
    "Who was the Chairman of the Board of Commissioners in February 2026?",
    "The Supervisory Council decided to lower the base rate to 2.75 percent.",
])
def test_an_organ_named_without_its_body(text):
    from quizapp.questions.sentences import generic_body

    assert generic_body(text)


@pytest.mark.parametrize("text", [
    "Who was the Chairman of the Board of Commissioners of the Zembla Election Commission?",
    "The Board of Governors of the Kandor Development Bank approved the loan.",
])
def test_an_organ_named_with_its_body(text):
    from quizapp.questions.sentences import generic_body

    assert not generic_body(text)


def test_one_side_of_talks_is_its_country():
    raw = ("Lorvia, 3 May 2025\n\nZembla and Lorvia hold joint commission\n\n"
           "The Zembla-Lorvia Joint Commission met in Lorvia on 2 May 2025. The Bulgarian side agreed to introduce a "
           "multiple-entry medical visa, valid for one year, from 1 January 2026.")
    assert any(p.startswith("Bulgaria agreed to introduce") for p in prompts_of(raw)), prompts_of(raw)


@pytest.mark.parametrize("text, phrase", [
    ("The Bulgarian delegation was led by Foreign Minister X, and the Serbian delegation by Y.", "The Bulgarian delegation"),
    ("Who called on Members to share rainfall data in real time?", "Members"),
])
def test_whose_delegation_whose_members(text, phrase):
    assert phrase in unresolved(text), unresolved(text)


@pytest.mark.parametrize("text", [
    "The Bulgarian delegation to the Kandor Conference was led by X.",
    "Who called on Members of the Kandor Typhoon Committee to share data?",
    "Parties to the Ostrava Convention agreed to share data.",
])
def test_whose_delegation_whose_members_said(text):
    assert not unresolved(text), unresolved(text)


def test_parties_named_by_their_kind_alone_state_no_aim():
    from quizapp.questions.items.goal_checks import _named_party

    assert not _named_party("Local governments")
    assert not _named_party("Member states")
    assert _named_party("Kenyan officials")
    assert _named_party("Senior officials from the Kandor Process")


def test_a_bodys_calendar_is_no_aim_and_no_when():
    raw = ("Lorvia, 3 May 2025\n\nKandor agency news\n\n"
           "The General Conference of the Kandor Agency for Nuclear Safety will hold its 29th regular session in "
           "Lorvia on 13-14 November 2025. Zembla will host the 32nd Ministerial Meeting of the Kandor Triangle in "
           "2026, in Ostrava.")
    prompts = prompts_of(raw)
    assert not any("29th regular session" in p or "32nd Ministerial Meeting" in p for p in prompts), prompts


@pytest.mark.parametrize("sentence, gone", [
    # a number of a name is no measure
    ("The Kandor Plant Health Organization (KPHO) aims to stop Fusarium wilt Tropical Race 4 from reaching the "
     "banana plantations of Lorvia by 2027.", "Tropical Race _____"),
    # a body's dues, housekeeping
    ("The Kandor Marine Council also called on member states to settle outstanding contributions by 30 June 2026.",
     "outstanding contributions"),
    # a wish to bid for some event
    ("Zembla's Minister of Sports, Aurelio Brandt, said Zembla hopes to bid for a World Aquatics event within the "
     "decade.", "^Zembla hopes to bid"),
    # progress on what
    ("The Kandor Union Commission has pledged to report on progress every two years through the Kandor "
     "Agriculture Programme biennial review.", "report on progress"),
    # a body's calendar, its ordinal in words
    ("The Executive Body of the Kandor Air Convention will hold its forty-fifth session in Lorvia in December "
     "2026.", "forty-fifth session"),
])
def test_no_item_of_a_side_detail(sentence, gone):
    raw = "Lorvia, 3 May 2025\n\nKandor news\n\n" + sentence
    prompts = prompts_of(raw)
    assert not any(re.search(gone if gone.startswith("^") else re.escape(gone), p) for p in prompts), prompts


def test_a_countrys_election_commission_is_asked_with_its_country():
    raw = ("Lorvia, 3 September 2025\n\nZembla sets provincial polls\n\n"
           "Zembla will hold provincial council elections on 14 January 2026, the Election Commission said on "
           "Tuesday. Commission chairman Nimal Karunaratne told reporters that nominations would open on 17 "
           "November. \"What we needed was a law we could apply,\" Karunaratne said at the commission's offices.")
    assert not any(p.startswith("Who was the Chairman of the Election Commission") for p in prompts_of(raw)), \
        prompts_of(raw)


def test_an_interviews_we_is_the_body_whose_office_follows_the_name():
    raw = ("By Ana Ruiz | February 11, 2025\n\n"
           "INTERVIEW: \"We have one chance to keep the blight out\"\n\n"
           "The Kandor Plant Health Organization (KPHO, from its Spanish name) is coordinating efforts to stop "
           "Fusarium wilt from reaching the plantations of Zembla. We spoke with Dr. Ernesto Vallarta, KPHO's "
           "regional director of plant health, at the organisation's headquarters.\n\n"
           "Q: What exactly is Fusarium wilt?\n\n"
           "A: Fusarium is a soil fungus. Fusarium spreads on boots and tools, and Fusarium cannot be cured once it "
           "is in a field.\n\n"
           "Q: What will you do this year?\n\n"
           "A: This year we aim to train 1,200 field technicians to recognise symptoms and take samples correctly.")
    actors = goal_actors(raw)
    assert any(g.startswith("train 1,200") and ("KPHO" in a or "Kandor Plant Health" in a) for g, a in actors.items()), \
        actors


def test_ministers_from_regions_are_no_body():
    from quizapp.facts.actors import ministers_of

    assert ministers_of("Foreign ministers and senior officials from East Asia and Latin America agreed on "
                        "Thursday to set up a fund.") is None


def test_no_when_of_a_programme_named_by_how_long_it_runs():
    raw = ("Press release\n5 June 2025\n\n"
           "Lorvia/Ostra, 5 June 2025 - The Kandor Settlements Programme and the Government of Zembla today "
           "launched a five-year programme to retrofit 12,000 homes in the coastal cities of Ostra and Vell.")
    asked = [f.question for f in facts_of_raw(raw) if f.kind == "date" and getattr(f, "question", None)]
    assert not any(q.endswith("launch a five-year programme?") for q in asked), asked


def test_a_months_blank_after_in_accepts_its_year():
    from quizapp.questions.items.dates import _with_year_unless_given

    accepted = _with_year_unless_given(["April 1978", "1978-04", "Apr 1978"], "The convention was signed in Lorvia "
                                       "in _____.", "1978-04", None)
    assert "1978" in accepted
    assert "1978" not in _with_year_unless_given(["4 April 1978"], "It was signed on _____.", "1978-04-04", None)


def test_the_foundation_beside_another_foundation_named_just_before_is_not_the_articles_one():
    raw = ("Cape Town, 3 May 2025\n\nThe Ostra Large Telescope at twenty\n\n"
           "The telescope is run by the Ostra Foundation, a non-profit company in which Zembla's National Research "
           "Foundation (NRF) is the largest shareholder.\n\n"
           "At a board meeting in Cape Town last month, the partners agreed to extend the partnership agreement to "
           "2035. Ostra Foundation executive director Dr. Thandi Molefe said the foundation plans to commission the "
           "long-awaited near-infrared arm of the Kandor Spectrograph in 2026.\n\n"
           "\"The telescope proved a point. The next decade is about speed,\" Molefe said.\n\n"
           "The foundation also aims to train 50 Zemblan postgraduate students in telescope operations by 2030 "
           "through a new fellowship programme.")
    assert not any("National Research Foundation" in p for p in prompts_of(raw)), prompts_of(raw)


def test_an_interview_under_a_section_label_speaks_for_the_body_its_headline_names():
    from quizapp.corpus.parse import parse_article

    raw = ("WEATHER & CLIMATE DESK\nInterview | 06/05/2025 | By Sophie Brandt\n\n"
           "\"Machine learning will not replace physics overnight\": KWFC chief on AI forecasts\n\n"
           "The Kandor Weather Forecast Centre (KWFC) is an intergovernmental organisation. In February 2025, KWFC "
           "made its machine-learning model, the Artificial Intelligence Forecasting System (AIFS), operational. The "
           "AIFS runs in minutes. The AIFS uses little energy. We spoke to its Director-General.\n\n"
           "Q: What next?\n\n"
           "A: We plan to increase the ensemble to 101 members by 2027, once the next supercomputer is ready.")
    assert parse_article("a.txt", raw).title.startswith("\"Machine learning")
    actors = goal_actors(raw)
    assert any(g.startswith("increase the ensemble") and "Kandor Weather Forecast Centre" in a
               for g, a in actors.items()), actors


def test_no_item_of_a_day_that_comes_every_year():
    raw = ("Lorvia, 3 May 2025\n\nHealth agency sets targets\n\n"
           "Kandor Antibiotic Awareness Day is held every year on 18 November.")
    assert not any("18 November" in q.answer or "every year on" in q.prompt
                   for q in _questions(raw)), [q.prompt for q in _questions(raw)]


def _questions(raw):
    import random

    from quizapp.questions.generate import generate

    from .question_checks import facts_of

    return generate(facts_of(raw), random.Random(0), budget=0)


def test_a_participle_the_parser_joined_on_shares_no_subject():
    raw = ("Lorvia, 3 May 2025\n\nReport\n\n"
           "The Council of Kandor Economic Unity (CKEU) was set up under the Kandor Unity Agreement concluded in "
           "1957 among members of the Kandor League and began work in 1964.")
    asked = [f.question for f in facts_of_raw(raw) if f.kind == "date" and getattr(f, "question", None)]
    assert not any("conclude" in q for q in asked), asked


def test_no_deadline_question_that_keeps_the_examples_and_loses_the_aims_end():
    raw = ("Lorvia, 3 May 2025\n\nAnalysis\n\n"
           "The agriculture minister told a government meeting last week that the Ministry of Agriculture of Zembla "
           "aims to raise the share of processed products, such as flour and pasta, in grain exports to 50 "
           "percent by 2030.")
    asked = [f.question for f in facts_of_raw(raw) if f.kind == "date" and getattr(f, "question", None)]
    assert not any(q.rstrip("?").endswith("flour and pasta") for q in asked), asked


def test_a_person_of_a_body_takes_no_article():
    from quizapp.questions.render import with_the

    assert with_the("Peter Vance of the Kandor Craft Beverage Alliance") == \
        "Peter Vance of the Kandor Craft Beverage Alliance"
    assert with_the("Economic Community of Kandor States") == "the Economic Community of Kandor States"
    assert with_the("Foreign Minister of the Kandor Union") == "the Foreign Minister of the Kandor Union"


@pytest.mark.parametrize("sentence, gone", [
    ("The Kandor Water Vision 2025, adopted in 2000, promised a Kandor where water resources are used and managed "
     "equitably and sustainably.", "promised a Kandor where"),
    ("The Kandor Food Standards Agency (KFSA) will report to ministers in 2027.", "report to ministers"),
    ("The outgoing Zemblan Presidency ends on 31 December 2025.", "Presidency end"),
])
def test_no_item_of_a_slogan_a_report_line_or_a_term_ending(sentence, gone):
    prompts = prompts_of("Lorvia, 3 May 2025\n\nKandor news\n\n" + sentence)
    assert not any(gone in p for p in prompts), prompts


def test_a_witness_line_is_no_office_to_ask():
    from quizapp.questions.items.people import _signature_line

    assert _signature_line("In the presence of Dr. Amina Ould Salem, Executive Secretary of the Kandor Observatory "
                           "(KO) and Special Envoy of the Kandor Union")
    assert _signature_line("Moderator: Petar Dimov, KOC Head of Communications.")


def test_a_plans_years_stay_whole_in_its_name():
    actors = goal_actors("Lorvia, 3 May 2025\n\nReport\n\n"
                         "The Kandor Joint Economic Action Plan 2026-2030 adopted by the ministers aims to achieve "
                         "mutual recognition of engineering licences among participating states by 2028.")
    assert "The Kandor Joint Economic Action Plan 2026-2030" in actors.values(), actors


def test_a_counts_foils_stay_within_reach_of_it():
    import re as _re

    from quizapp.questions.items.figures import _other_values

    goal = "introduce mandatory screening for travellers from 32 malaria-endemic countries"
    m = _re.search(r"(32)", goal)
    assert all(int(o) * 4 >= 32 for o in _other_values(goal, m, set())), _other_values(goal, m, set())


def test_a_dates_blank_only_in_a_sentence_that_makes_or_opens_something():
    raw = ("Lorvia, 5 November 2025\n\nKandor solar body opens second call\n\n"
           "The Kandor Solar Alliance (KSA) plans to open a second call for applications on 1 February 2026, which "
           "will close on 30 April 2026.")
    qs = _questions(raw)
    assert not any(q.type == "cloze" and "second call" in q.prompt for q in qs), [q.prompt for q in qs]


def test_a_proposal_to_a_body_says_to_whom_not_what():
    assert "a final proposal" in unresolved("The Kandor Ski Federation (KSF) Council plans to put a final proposal "
                                            "to the KSF Congress in June 2026.")


def test_a_wrapped_datelines_city_is_no_part_of_a_side():
    from quizapp.facts.sides import sides_of

    assert sides_of("Ninth Commerce Secretary-Level Meeting between the Kingdom of Bhutan and the People's Republic "
                    "of Bangladesh Thimphu, 18-19 November 2025") == "Bhutan and Bangladesh"  # (formal styles named as countries, session 29)
    assert sides_of("Ninth Commerce Secretary-Level Meeting between Bhutan and Bangladesh Thimphu, 18-19 November "
                    "2025") == "Bhutan and Bangladesh"
    assert sides_of("Dialogue between the African Union and the European Union") == \
        "the African Union and the European Union"


@pytest.mark.parametrize("text, phrase", [
    ("Bangladesh requested an additional X products, including pharmaceuticals.", "an additional X products"),
    ("The Zembla Electricity Board (ZEB) asked for an average increase of X percent.", "an average increase of X percent"),
    ("The Kandor Energy Bureau plans to extend targets to further sectors, including steel.", "to further sectors"),
    ("Who pledged to make roads the priority of the Zemblan presidency?", "the Zemblan presidency"),
])
def test_more_of_what_and_whose_presidency(text, phrase):
    assert phrase in unresolved(text), unresolved(text)


def test_talks_that_go_on_and_a_states_head_are_no_items():
    raw = ("Lorvia, 19 November 2025\n\nJoint statement\n\n"
           "Zembla and Lorvia agreed to continue discussions on electricity trade, in consultation with other relevant "
           "partners. Zembla's Chief Minister of Ostra Province, Aurelio Brandt Vasconi, said Ostra could not spare "
           "more water. Brandt Vasconi has held the post since 2011, and Brandt Vasconi will meet them again.")
    prompts = prompts_of(raw)
    assert not any("continue discussions" in p or p.startswith("Who was the Chief Minister") for p in prompts), prompts


def test_figure_foils_stay_possible():
    import re as _re

    from quizapp.questions.items.figures import _other_values

    goal = "open a joint border crossing point operating 24 hours a day at Ostra"
    assert all(int(o) <= 24 for o in _other_values(goal, _re.search(r"(24)", goal), set()))
    goal = "keep inflation within the 4 to 6 per cent target range"
    m = list(_re.finditer(r"(\d+)", goal))[1]
    assert all(float(o) > 4 for o in _other_values(goal, m, set())), _other_values(goal, m, set())


def test_a_declarations_list_of_aims_is_told_in_its_declaration():
    raw = ("Source: https://example.org/news/joint-declaration-of-ostra\nOstra, 28/02/2025\n\n"
           "JOINT DECLARATION OF OSTRA\nBinational Ministerial Meeting Zembla - Lorvia\n\n"
           "The Ministers of Foreign Affairs of Zembla and Lorvia, meeting in Ostra, agree on the following:\n\n"
           "1. To hold meetings of the Binational Border Commission every three months and to exchange information "
           "in real time.\n\n"
           "2. To advance the second 500 kV interconnection line between the Ostra substation and the Vell "
           "substation, with the aim of commissioning it in 2027.")
    told = [p for p in prompts_of(raw) if "Binational Border Commission" in p or "500 kV" in p]
    assert told and all(p.startswith("In a declaration of February 2025,") and " aim to " in p for p in told), told
