"""Classes of failure seen in session 30's rounds, each pinned on invented text (places, bodies and
people made up, so that no rule can fit a real article by its names)."""

from __future__ import annotations

from .question_checks import facts_of, goal_actors, leaders_of, prompts_of


def test_datelines_with_the_date_first_or_a_city_in_small_letters_are_no_subject():
    from quizapp.corpus.parse import dateline_length

    for line, head in [("16 October 2025, Ostra - The Kandor Fund today launched a rice partnership.",
                        "16 October 2025, Ostra - "),
                       ("Port Vella, D.C. - The Kandor Health Organization today called on Ostra to act.",
                        "Port Vella, D.C. - "),
                       ("Ostra - The Kandor Fund today launched a rice partnership for the delta.", "Ostra - ")]:
        assert line[:dateline_length(line)] == head
    # a name before an aside set off by dashes is the sentence's subject, not a dateline
    assert dateline_length("President Ostrov – who was elected in 2022 – said the fund would grow.") == 0
    raw = ("Kandor Fund\nNews release\n\n16 October 2025, Ostra - The Kandor Fund and the Republic of Vellmark today "
           "launched the Delta Rice Partnership, a five-year initiative that aims to help 150,000 farmers adopt "
           "water-saving practices.\n")
    assert not [p for p in prompts_of(raw) if "Ostra -" in p or "Ostra launch" in p]
    actors = goal_actors("Kandor Health Organization\nNews release\n12 May 2025\n\nPort Vella, D.C. - The Kandor Health "
                         "Organization (KHO) today called on Ostra, Vellmark and Lunaria to step up vaccination and "
                         "surveillance after measles cases reached their highest level in years.\n")
    assert "Port Vella" not in " ".join(actors.values()), actors


def test_an_ambiguous_header_date_is_read_just_after_the_figures_it_gives_as_of():
    from quizapp.corpus.header_dates import writes_month_first

    raw = ("Kandor Health Organization\nNews release\n03/11/2025\n\nKHO urges Ostra to close immunity gaps\n\n"
           "As of 8 March, the three countries had reported a combined 412 confirmed measles cases since the start of "
           "the year.\n")
    assert writes_month_first(raw)  # 11 March, three days after the count; not 3 November
    assert not writes_month_first(raw.replace("As of 8 March", "As of 1 November"))


def test_a_bracket_left_open_by_the_cut_is_no_part_of_an_office():
    raw = ("JOINT STATEMENT\n\nDr Ivo Rask, Minister of Energy of the Republic of Ostravia, and H.E. Bela Kandi, "
           "Minister of Energy and Mineral Resources of the Republic of Malawi (hereinafter \"the Ministers\"), met in "
           "Ostra on 14 February 2025 to review progress in energy cooperation between the two countries.\n")
    role, country = leaders_of(raw)["Bela Kandi"]
    assert "(" not in role and country == "Malawi", (role, country)


def test_an_office_a_body_has_several_of_is_not_asked_as_who_held_it():
    from quizapp.questions.offices import one_of_many as _one_of_many

    assert _one_of_many("KF Assistant Director-General") and _one_of_many("Deputy Director-General")
    assert _one_of_many("Commissioner") and not _one_of_many("Chief Judge") and not _one_of_many("Director-General")


def test_no_when_of_a_sitting_told_by_what_preceded_it():
    raw = ("JOINT COMMUNIQUE\n\n18 September 2025\n\nThe Republic of Malawi and the Republic of Zambia (hereinafter "
           "\"the Parties\") held the Second Session of the Joint Permanent Commission on Defence and Security (JPCDS) in "
           "Kandor from 15 to 17 September. The session was preceded by a meeting of senior officials on 15 September "
           "and concluded with a signing ceremony on 17 September.\n")
    assert not [p for p in prompts_of(raw) if "preceded by" in p]


def test_a_month_that_dates_a_thing_inside_the_aim_is_not_when_the_aim_was_told():
    raw = ("Ostra water swap agreed\nPublished: Apr 9, 2025 08:41 PM\n\nOSTRA, April 9 (Steppe Wire) - Vellmark and "
           "Lunaria agreed on Wednesday to raise summer releases from the Kandor reservoir. Ivo Rask, Vellmark's "
           "Minister of Water, called on donors to speed up financing for a regional flow-monitoring network discussed "
           "at a meeting of the three ministers in Ostra last month.\n")
    bad = [p for p in prompts_of(raw) if "flow-monitoring" in p and ("March 2025" in p or p.rstrip(".").endswith("discussed"))]
    assert not bad, bad


def test_an_agreement_named_by_its_kind_alone_is_not_asked_without_its_parties():
    from quizapp.questions.sentences import generic_body

    assert generic_body("When will the Mutual Recognition Arrangement take effect?")
    assert not generic_body("When will the Ostra-Vellmark Mutual Recognition Arrangement take effect?")
    assert not generic_body("When will the Mutual Recognition Arrangement between Ostra and Vellmark take effect?")


def test_facts_of_an_invented_release_still_name_their_dates():
    # the date-first dateline gives the release's day to what was done "today"
    facts = facts_of("Release date: 16/10/2025\n\nKandor Fund\nNews release\n\n16 October 2025, Ostra - The Kandor Fund and the Republic of "
                     "Vellmark today launched the Delta Rice Partnership.\n")
    assert any(f.kind == "date" and f.date == "2025-10-16" and (f.event or "").startswith("The Kandor Fund") for f in facts), \
        [(f.kind, f.date, f.event) for f in facts]


def test_a_common_noun_is_no_body_whose_name_only_ends_in_it():
    raw = ("Ostra states agree low-water fund\nPublished: Sep 9, 2025 08:41 PM\n\nVIENNA, Sept 9 (CEP) - Delegations to "
           "the International Commission for the Protection of the Kandor River (ICPKR), meeting in Vienna, endorsed a "
           "Low Water Action Plan. At Ostra the river stood at 41 centimetres on Aug 28, according to data presented "
           "to the meeting. National services will share forecasts through a common Kandor Drought Early Warning "
           "platform. Countries along the Kandor agreed to set up a joint emergency fund.\n")
    events = [f.event or "" for f in facts_of(raw) if f.kind == "date"]
    assert not [e for e in events if "Commission" in e and "41 centimetres" in e], events
    assert not [e for e in events if "Kandor Drought" in e and "emergency fund" in e], events


def test_a_space_agency_is_a_body_and_a_news_agency_is_not():
    from quizapp.facts.mechanisms import find_mentions

    names = [m.name for m in find_mentions("the Latin American and Caribbean Space Agency (LACSA) met in Ostra.")]
    assert "Latin American and Caribbean Space Agency" in names, names
    assert not [m.name for m in find_mentions("the Kandor News Agency reported on Monday.")]



def test_a_father_s_name_in_the_middle_is_no_accepted_surname():
    from quizapp.questions.labels import _surname_forms

    assert "Mohamed" not in _surname_forms("Jasem Mohamed Albudaiwi")
    assert "Albudaiwi" in _surname_forms("Jasem Mohamed Albudaiwi")
    assert "Hassan" in _surname_forms("Samia Suluhu Hassan")  # last, it is the family name


def test_a_press_conference_s_we_is_the_body_its_header_line_names():
    raw = ("TRANSCRIPT\n\nPress Conference on Monetary Policy Review No. 4 of 2025\nCentral Bank of Ostravia, Kandor\n"
           "23 July 2025\n\nSpeakers: Dr. Ivo Rask, Governor; Mrs. Bela Kandi, Deputy Governor\n\n"
           "GOVERNOR RASK: Good morning. The Monetary Board decided yesterday to reduce the policy rate by 25 basis "
           "points.\n\nGOVERNOR RASK: Gross official reserves stood at 6.1 billion US dollars at the end of June. We plan "
           "to build reserves to 7 billion dollars by the end of 2025.\n")
    actors = goal_actors(raw)
    assert actors.get("build reserves to 7 billion dollars by the end of 2025") == "Central Bank of Ostravia", actors


def test_a_bare_cabinet_is_the_country_s_and_an_election_carries_no_promise():
    from quizapp.questions.setting import own_institution

    assert own_institution("When did Cabinet approve a draft Provincial Councils Bill?", "Sri Lanka") == \
        "When did Sri Lanka's cabinet approve a draft Provincial Councils Bill?"
    assert own_institution("When did Cabinet approve a draft Provincial Councils Bill?", None) is None
    raw = ("Ostra polls delayed again\nPublished: Jul 3, 2025 08:41 PM\n\nIvo Rask was elected President in September "
           "2024 on a promise to hold provincial polls without further delay. The Election Commission said on Tuesday "
           "that the vote would not take place this year.\n")
    assert not [p for p in prompts_of(raw) if p.startswith("When") and "elected" in p and " to hold" in p]


def test_an_interview_s_we_is_the_body_its_lead_says_the_interviewee_heads():
    raw = ("Updated 03.06.2025\n\n\"We cannot hurry\": Ostravia's heritage chief on the Kandor monastery\n\n"
           "Interview by Levan Rask\n\nTamar Vell has headed the National Agency for Heritage Preservation of Ostravia "
           "since last autumn. She spoke to us in Kandor about the monastery.\n\n"
           "Q: What comes next?\nA: We will urge tour operators to spread visits through the year. We plan to train 120 "
           "craftspeople by 2028.\n\nQ: And the roof?\nA: It will be finished by October 2026.\n")
    actors = goal_actors(raw)
    assert actors.get("train 120 craftspeople by 2028") == "National Agency for Heritage Preservation of Ostravia", actors


def test_an_undertaking_is_a_commitment_told_back_as_undertaken():
    raw = ("Source: https://www.example.gov/news/2024/10/17/joint-communique\n\nJOINT COMMUNIQUE\nThird Samoa-Tonga "
           "Security Dialogue\n\nThe Third Samoa-Tonga Security Dialogue was held in Apia on 16 October 2024. "
           "Samoa undertook to finalise amendments to its Illicit Drugs Control Act before the end of the first quarter "
           "of 2025 and to share data on seizures with partner agencies.\n")
    assert [p for p in prompts_of(raw) if p.startswith("Samoa undertook to finalise amendments")], prompts_of(raw)


def test_letters_read_as_a_word_take_no_the():
    from quizapp.questions.labels import said_as_a_word, tidy_role

    assert tidy_role("FIFA President") == "President of FIFA"
    assert tidy_role("IMF Managing Director") == "Managing Director of the IMF"
    assert [x for x in ("NATO", "OPEC", "IGAD", "OSCE", "IAEA", "UNDP", "EAC") if said_as_a_word(x)] == ["NATO", "OPEC", "IGAD"]


def test_a_family_name_in_capitals_is_the_one_accepted_alone():
    from quizapp.questions.labels import family_first, surname

    assert family_first("QU Dongyu") and surname("QU Dongyu") == "QU"
    raw = ("Kandor Fund\nNews release\n12 January 2024\n\nThe Kandor Fund today warned that desert locust swarms are "
           "forming in Ostravia. \"We must act now,\" said Kandor Fund Director-General QU Dongyu. The Kandor Fund "
           "(KF) aims to treat 500,000 hectares by April 2024.\n")
    from .question_checks import questions_of

    for q in questions_of(raw):
        if q["answer"] == "QU Dongyu":
            assert "Dongyu" not in q["accepted_answers"] and "Qu" in q["accepted_answers"], q


def test_a_bracket_inside_a_title_stays_in_a_when_question():
    from .question_checks import when_asked

    text = ("In addition, the Cabinet Secretary announced that the Public Health (Notification of Cholera) Rules, 2025 "
            "will take effect from 1 July 2025, requiring all facilities to report suspected cases.")
    asked = when_asked(text, "1 July 2025")
    assert asked is None or "(Notification of Cholera) Rules" in asked.question, asked


def test_held_back_202_classes():
    from quizapp.questions.items.deadlines import PURPOSE_AFTER
    from quizapp.questions.render import with_the
    from quizapp.questions.sentences import generic_body

    # a brand named with its region takes no "the"; a body "of Europe" does
    assert with_the("Vaccine Trust Europe") == "Vaccine Trust Europe"
    assert with_the("Council of Europe") == "the Council of Europe"
    # "the Follow-up Committee" of no convention named is whose?
    assert generic_body("The Follow-up Committee plans to step up cooperation with Europol.")
    assert not generic_body("The Follow-up Committee of the Kandor Convention plans to step up cooperation.")
    # a purpose after a deadline is what asking the deadline cuts off
    assert PURPOSE_AFTER.match(" to ensure that competent authorities can inspect vessels")
    raw = ("JOINT STATEMENT\n\nRiga, 14 May 2025\n\nWe, the ministers of Latvia, Lithuania and Estonia, meeting in Riga "
           "on 14 May 2025, have agreed as follows.\n\nWe will review our national legislation by the end of 2025 to "
           "ensure that competent authorities can inspect vessels suspected of damaging undersea cables.\n")
    assert not [p for p in prompts_of(raw) if p.startswith("By what year") and "legislation" in p]


def test_round_211_classes():
    from quizapp.questions.render import with_the

    # a name ending on its country, no "of" before it, takes no "the"
    assert with_the("Bank Indonesia (BI)") == "Bank Indonesia (BI)"
    assert with_the("Reserve Bank of India") == "the Reserve Bank of India"
    raw = ("Jakarta Finance Desk | June 3, 2025\n\nRupiah steadies as Bank Indonesia (BI) holds rates\n\nBank Indonesia (BI) "
           "kept its policy rate at 5.75 percent on Wednesday. Perry Warjiyo said last month that BI plans to double LCT "
           "volumes by 2027. The Mekong River Commission (MRC) said in March that China shares daily rainfall data. "
           "The MRC wants that arrangement expanded to include outflow figures from two reservoirs. The Ostra Border "
           "Logistics Project will widen 148 kilometres of National Road 5 to four lanes, build three truck rest areas, "
           "and construct a new cargo terminal at Kandor. Health Minister Ivo Rask has approved an expansion to "
           "Surabaya, Medan and Makassar starting in January next year. Both sides called on all parties to refrain "
           "from actions that could escalate tensions.\n")
    prompts = prompts_of(raw)
    assert not [p for p in prompts if "the Bank Indonesia" in p], prompts
    assert not [p for p in prompts if "wants arrangement" in p or "rest areas." in p or "an expansion to" in p
                or "escalate tensions" in p], prompts



def test_costs_of_nothing_named_are_unresolved():
    from quizapp.questions.referents import unresolved

    assert unresolved("The Government of Ostravia has pledged A$X million towards start-up costs.")
    assert not unresolved("The Government of Ostravia has pledged A$X million towards the start-up costs of the Kandor "
                          "Settlement Hub.")


def test_a_word_split_by_a_stray_space_is_never_printed():
    from quizapp.questions.sentences import split_word

    assert split_word("mobile vacci nation teams") and split_word("digital pay ments")
    assert not split_word("co operation between the two") and not split_word("a lot of cases, per cent")
    raw = ("Kandor Health Organization\nNews release\n12 May 2025\n\nThe Kandor Health Organization today launched the "
           "Measles Catch-up Initiative. The Initiative will provide technical support for mobile vacci nation teams in "
           "12 priority countries.\n")
    assert not [p for p in prompts_of(raw) if "vacci nation" in p]


def test_an_absolute_phrase_the_cut_left_without_its_end_goes():
    raw = ("JOINT STATEMENT\n\nRiga, 14 May 2025\n\nWe, the ministers of Latvia, Lithuania and Estonia, meeting in Riga "
           "on 14 May 2025, have agreed as follows.\n\nWe intend to jointly procure up to six uncrewed surface vessels "
           "for seabed monitoring by the end of 2026, with Estonia acting as lead nation for the procurement.\n")
    assert not [p for p in prompts_of(raw) if p.endswith("acting.")]


def test_round_218_classes():
    from quizapp.questions.labels import surname

    assert surname("Eli M. Remolona Jr") == "Remolona" and surname("Eli M. Remolona Jr.") == "Remolona"
    raw = ("JOINT STATEMENT\n\nTokyo, 14 February 2025\n\nThe Prime Minister of Japan and the President of the "
           "Philippines met in Tokyo on 14 February 2025.\n\nJapan intends to support, through the Japan Bank for "
           "International Cooperation (JBIC), the development of liquefied natural gas terminals in Luzon. Both sides "
           "called on all parties to exercise self-restraint and to avoid actions that could raise tensions.\n")
    prompts = prompts_of(raw)
    assert not [p for p in prompts if "intends to support, through" in p or "self-restraint" in p], prompts


def test_round_217_classes():
    from quizapp.questions.referents import unresolved

    assert unresolved("Zambia and Zimbabwe asked the Authority to present a revised financing plan before the end of 2028.")
    assert not unresolved("Zambia and Zimbabwe asked the Authority to present a revised financing plan for the Kandor "
                          "Gorge scheme before the end of 2028.")
    raw = ("JOINT COMMUNIQUE\n\nMaputo, 14 May 2025\n\nThe Presidents of Mozambique and Rwanda met in Maputo on 14 May "
           "2025.\n\nThe Parties called on the international community and on development partners to support the Kandor "
           "Recovery Partnership (KRP).\n")
    prompts = prompts_of(raw)
    assert not [p for p in prompts if "and on development partners" in p], prompts
