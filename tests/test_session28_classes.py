"""Classes of failure seen in session 28's blind rounds, each pinned on invented text."""

from __future__ import annotations

import re

import pytest

from quizapp.questions.generate import _one_key_per_stem, _year_given_away
from quizapp.questions.rank import _Cand
from quizapp.questions.referents import unresolved
from quizapp.questions.setting import named_state, with_setting
from quizapp.questions.types import Question

from .question_checks import prompts_of

_LETTERHEAD_RELEASE = (
    "MEDIA RELEASE\nMinistry of Food, Agriculture and Light Industry\ndate 2025-03-11\n\n"
    "Herder insurance scheme widened to all aimags\n\n"
    "ULAANBAATAR - The Steppe Herd Resilience Scheme began as a pilot in three aimags of Mongolia in March 2019, "
    "the ministry said on Tuesday. Mongolia lost more than eight million head of livestock in the dzud winters of "
    "2009 and 2010.\n\n"
    "The scheme will cover every aimag of Mongolia from 1 January 2026, Minister Batbayar Gantulga said. "
    "The ministry aims to enrol 120,000 herder households by the end of 2027.\n")


def test_a_letterhead_title_does_not_keep_a_story_from_its_country():
    # "MEDIA RELEASE" names no place: the story is Mongolia's, and the ministry's aim is asked as hers
    prompts = prompts_of(_LETTERHEAD_RELEASE)
    assert any(p.startswith("In Mongolia, by what year does the Ministry of Food, Agriculture and Light Industry aim")
               for p in prompts), prompts


def test_a_figure_s_statement_is_set_in_its_country_not_the_frame():
    stem = "Which figure completes the statement? The Ministry of Health aims to vaccinate _____ girls by 2027."
    assert with_setting(stem, "Mongolia") == \
        "Which figure completes the statement? In Mongolia, the Ministry of Health aims to vaccinate _____ girls by 2027."
    assert with_setting("By what year does the Ministry of Health aim to vaccinate 90,000 girls?", "Mongolia") == \
        "In Mongolia, by what year does the Ministry of Health aim to vaccinate 90,000 girls?"


def test_a_state_called_by_its_style_alone_is_named():
    assert named_state("By what year does the Kingdom aim to capture 4% of the market?", "Morocco") == \
        "By what year does Morocco aim to capture 4% of the market?"
    assert named_state("By what year does the Kingdom aim to capture 4% of the market?", None) is None
    for stem in ("The Kingdom of Morocco plans to build a port.", "The United Kingdom plans to build a port.",
                 "When is the Republic Day parade held?"):
        assert named_state(stem, "Morocco") == stem


@pytest.mark.parametrize("text", [
    "When did the Italian Chamber of Deputies vote against ratification?",
    "When did the Council of Kandor open for signature?",
    "When did Croatia become the 20th member?",
    "When were two more Kandor satellites launched?",
])
def test_an_act_or_a_count_of_nothing_named_is_unresolved(text):
    assert unresolved(text)


@pytest.mark.parametrize("text", [
    "When did Croatia become the 20th member of the Kandor Stability Mechanism?",
    "When was the Treaty of Ostra opened for signature?",
    "When did the Council of Kandor open the Ostra Convention for signature?",
])
def test_an_act_or_a_member_told_of_what_stands_alone(text):
    assert not unresolved(text)


def test_a_stem_naming_its_answer_s_year_gives_it_away():
    assert _year_given_away("When did the Commission set the 2026 total allowable catch for kilka?", "2025")
    assert _year_given_away("When was the 2024 general election held?", "14 March 2024")
    assert not _year_given_away("When did the Kandor Assembly adopt the 2030 Agenda?", "2015")
    assert not _year_given_away("Which figure completes the statement? X aims to plant _____ trees by 2027.", "20")


def _q(prompt: str, answer: str, fid: str) -> _Cand:
    return _Cand(Question(id=fid, type="multiple_choice", prompt=prompt, answer=answer), f"{fid}|multiple_choice")


def test_one_stem_asked_with_two_keys_is_asked_of_neither():
    kept = _one_key_per_stem([_q("When did the Council open the text?", "19 August 1985", "a"),
                              _q("When did the Council open the text?", "3 July 2016", "b"),
                              _q("When did Ostra join the Council?", "2001", "c"),
                              _q("When did Ostra join the Council?", "2001", "d")])
    assert [c.question.id for c in kept] == ["c", "d"]


def test_who_held_an_office_is_not_asked_of_the_month_it_changed_hands_for_a_term():
    raw = ("Kandor Chess Federation congress - live\n\nPublished: 6 December 2025\n\n"
           "RESULT: Khalid Al-Rashed of Qatar is elected KCF President for 2025-2029, defeating Vikram Rao of India by "
           "27 votes to 17.\n\n"
           "New KCF President Khalid Al-Rashed closes the assembly, thanking the delegates.\n")
    assert not any(p.startswith("Who was the President of the") for p in prompts_of(raw)), prompts_of(raw)


def test_a_relation_sought_with_a_named_partner_is_no_true_false_aim():
    raw = ("Doha, 3 May 2025\n\nNews\n\n"
           "The Ministry of Environment and Climate Change of Qatar (MECC) seeks to work more closely with the Al Wakra "
           "Falconry Society to raise awareness among young falconers.\n")
    assert not any("work more closely" in p for p in prompts_of(raw)), prompts_of(raw)


@pytest.mark.parametrize("sentence", [
    "Ostra presented first, promising a new 5,000-seat combat sports hall.",
    "To cover the shortfall during the shutdown, the Kandor Grid Company (KGC) will arrange electricity imports "
    "from Azerbaijan and Türkiye.",
])
def test_a_side_remark_or_a_stopgap_for_a_story_told_before_is_no_aim(sentence):
    assert prompts_of("Tbilisi, 3 May 2025\n\nNews\n\n" + sentence) == []


def test_a_purpose_that_reads_whole_keeps_its_aim():
    raw = ("Kochi, 3 May 2025\n\nNews\n\nTo protect the market, the Spices Board of India plans to make pre-shipment "
           "residue testing mandatory for all cardamom exported to Saudi Arabia from 1 January 2026.\n")
    assert any("make pre-shipment residue testing mandatory" in p for p in prompts_of(raw)), prompts_of(raw)


def test_a_name_given_with_known_as_is_not_cut_at_as():
    raw = ("Kinshasa, 3 May 2025\n\nNews\n\n"
           "The ministers of Cameroon, Congo and Gabon pledged to sign an agreement on joint anti-poaching patrols in "
           "the Dja-Odzala-Minkébé trinational landscape, known as TRIDOM, before the end of 2025.\n")
    assert not any(p.rstrip(".?").endswith(", known") for p in prompts_of(raw)), prompts_of(raw)


def test_a_binational_commission_s_parties_are_its_two_countries():
    raw = ("JOINT DECLARATION OF OSTRA\nEighth Meeting of the Mexico-Belize Binational Commission\n\n"
           "Ostra, 22 May 2025\n\n"
           "The Eighth Meeting of the Mexico-Belize Binational Commission was held in Ostra on 21 and 22 May 2025.\n\n"
           "1. The Parties agreed to launch a binational water-quality monitoring programme, with sampling at 24 shared "
           "stations every three months.\n\n"
           "2. The Parties agreed to establish a Joint Reef Monitoring Group, led by the two navies.\n")
    prompts = prompts_of(raw)
    assert any("Mexico and Belize agreed to launch a binational water-quality monitoring programme" in p
               for p in prompts), prompts
    assert not any("The Parties" in p or "the Parties" in p for p in prompts), prompts


def test_a_people_s_name_opening_a_dated_aim_keeps_its_capital():
    from quizapp.questions.items.goal_checks import lead_lower

    assert lead_lower("Arab tourism ministers agreed to study a single visa.") == \
        "Arab tourism ministers agreed to study a single visa."
    assert lead_lower("Senior officials agreed to meet.") == "senior officials agreed to meet."


def test_a_father_s_name_before_an_al_family_name_is_no_answer_alone():
    from quizapp.questions.labels import _surname_forms

    forms = _surname_forms("Khalid Abdulaziz Al-Mannai")
    assert "Abdulaziz" not in forms and "Khalid Abdulaziz" not in forms, forms
    assert {"Al-Mannai", "Al Mannai", "Mannai", "Khalid Al-Mannai"} <= set(forms), forms


@pytest.mark.parametrize("sentence", [
    # a plan on a condition, told after it
    "Ali Raza, director general of the Kandor Sports Board (KSB), tells the congress that the government of Pakistan "
    "will release a grant of Rs 300 million to the Kandor Hockey Federation once the FIH confirms the constitution "
    "complies with its statutes.",
    # another party's aim told in passing, in a clause about something else
    "A doubling of the Ostra pipeline to 20 bcm would need buyers willing to sign long-term contracts, something many "
    "utilities are reluctant to do when the EU plans to cut gas demand sharply by 2030.",
])
def test_an_aim_on_a_condition_or_in_passing_is_not_asked(sentence):
    prompts = prompts_of("Lahore, 3 May 2025\n\nNews\n\n" + sentence)
    assert not any(w in p for p in prompts for w in ("grant", "gas demand")), prompts


@pytest.mark.parametrize("text", [
    "The Governors and Premiers asked forestry agencies to hold a joint exercise before May 1, 2026.",
    "Kandor's government will release a grant of Rs 300 million.",
])
def test_bare_offices_and_a_grant_for_nothing_named_are_unresolved(text):
    assert unresolved(text)


def test_washington_beside_states_is_the_state():
    raw = ("Olympia, 3 May 2025\n\nNews\n\n"
           "The Western Carbon Initiative links the markets of California and Quebec. Washington seeks to link its "
           "market with California and Quebec, which would create a single carbon price across the three "
           "jurisdictions.\n")
    prompts = prompts_of(raw)
    assert "Washington seeks to link its market with California and Quebec." in prompts, prompts
    assert not any("United States" in p for p in prompts), prompts


def test_a_nationality_pair_names_a_joint_commission_s_two_countries():
    from quizapp.facts.sides import hyphen_pair

    assert hyphen_pair("the 20th Session of the Omani-Iranian Joint Economic Committee") == "Oman and Iran"
    assert hyphen_pair("the Costa Rica-Panama Binational Commission") == "Costa Rica and Panama"
    assert hyphen_pair("the Korea-China Fisheries Commission") == "Korea and China"
    assert hyphen_pair("the Asia-Pacific Forum") is None


def test_countries_opening_a_sentence_act_though_the_parse_lost_the_list():
    from quizapp.facts.nlp import load_nlp
    from quizapp.facts.sides import country_list

    doc = load_nlp()("KOTA KINABALU - Brunei Darussalam, Indonesia and Malaysia have agreed to produce a joint map.")
    assert country_list(doc) == [("Brunei Darussalam", "Indonesia", "Malaysia")]


def test_a_lead_in_after_an_occasion_says_whose_the_points_are():
    raw = ("Ostra, 11 October 2024\n\nNews\n\n"
           "OSTRA - Brunei Darussalam, Indonesia and Malaysia have agreed to produce a joint map of wildlife corridors, "
           "officials said on Thursday.\n\n"
           "The meeting was chaired by Malaysia's Ministry of Natural Resources and Environmental Sustainability (NRES).\n\n"
           "At this week's meeting, the three countries:\n"
           "- agreed to use a common satellite method for measuring forest cover in the Kandor Highlands;\n")
    prompts = prompts_of(raw)
    assert any(p.startswith("Brunei Darussalam, Indonesia and Malaysia agreed to use a common satellite method")
               for p in prompts), prompts
    assert not any(p.startswith("Natural Resources") for p in prompts), prompts


@pytest.mark.parametrize("text", [
    "Each Party pledged 1.5 million euros a year to a joint Kandor Lake Fund.",
    "When did the third and current Autonomy Act enter into force?",
    "When did Kandor's Supreme Court approve a final draft constitution?",
    "From what date will Korea join its World Government Bond Index?",
])
def test_each_party_a_current_act_a_draft_and_its_index_are_unresolved(text):
    assert unresolved(text)


def test_a_gulf_state_s_council_needs_its_country():
    from quizapp.questions.setting import unplaced_national

    assert unplaced_national("The Shura Council will consist entirely of members appointed by the Emir.")
    assert not unplaced_national("Qatar's Shura Council will consist entirely of members appointed by the Emir.")


def test_the_office_someone_held_then_is_not_asked_as_of_the_article():
    raw = ("Kandor Football Federation: a timeline\n\nPublished: 2 October 2025\n\n"
           "The Ostra High Court set aside the 2016 election of the then KFF president, Praful Mehta, in 2017.\n\n"
           "KFF president Praful Mehta said in 2016 that the federation would build 40 academies.\n")
    assert not any(p.startswith("Who was the President of the") for p in prompts_of(raw)), prompts_of(raw)


def test_the_head_of_a_desk_is_no_office_worth_asking():
    from quizapp.questions.offices import _AT_FIRM

    assert _AT_FIRM.search("head of the Slovenia desk in the OECD Economics Department")
    assert _AT_FIRM.search("head of EMSA's pollution response unit")
    assert not _AT_FIRM.search("Secretary-General of the Kandor Union")


def test_letters_used_as_a_modifier_keep_the_phrase_s_own_article():
    raw = ("OSTRA, Kandor (10 March 2025) - WorldFish today announced the release of the 19th generation of "
           "Genetically Improved Farmed Tilapia (GIFT).\n\n"
           "Starting next month, WorldFish will ship 3,000 GIFT breeders to 12 licensed hatcheries in Malaysia, the "
           "Philippines and Indonesia.\n\n"
           "The GIFT programme began in 1988 in the Philippines, when WorldFish started breeding Nile tilapia.\n")
    prompts = prompts_of(raw)
    assert not any("3,000 the " in p for p in prompts), prompts
    assert not any(re.search(r"\bdid Genetically", p) for p in prompts), prompts
    assert "When did the Genetically Improved Farmed Tilapia (GIFT) programme begin in the Philippines?" in prompts, prompts


def test_a_name_joined_by_with_is_spelled_out_whole_without_its_owner():
    from quizapp.questions.acronyms import _NAME_THEN_LETTERS

    m = _NAME_THEN_LETTERS.search("sold under Japan's Foods with Function Claims (FFC) system")
    assert m is not None and m.group("name").endswith("Foods with Function Claims"), m and m.group("name")


def test_her_country_that_takes_the_is_named_with_it():
    raw = ("Santo Domingo, 12 June 2025\n\nNews\n\n"
           "The host, the Minister of Labour of the Dominican Republic, Luisa Almonte de Peña, said her country would "
           "apply the Kandor Child Labour Risk Model in all its provinces by 2026.\n")
    prompts = prompts_of(raw)
    assert not any(re.search(r"(?<!the )Dominican Republic", p) for p in prompts), prompts
