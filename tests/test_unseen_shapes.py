"""Shapes of unseen articles the extractor and the question checks must read: publication dates in
headers and URLs, role phrases of lists and releases, goals of communiqués and plans, actors named
by pronouns, dates told against others, and sentences that can or cannot stand alone in an item.
All text here is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from quizapp.corpus.parse import dateline_length, looks_english, parse_article
from quizapp.facts import article_input, extract
from quizapp.facts.dates import find_dates
from quizapp.facts.goals import find_goals
from quizapp.facts.nlp import load_nlp
from quizapp.facts.roles import plural_title, role_near
from quizapp.questions.sentences import absolutise, stands_alone


def _leaders(text: str) -> dict[str, tuple[str | None, str | None]]:
    """The people one article names, before the corpus-wide merge: name -> (role, country)."""
    from quizapp.facts.extract import extract_raw

    return {f.name: (f.role, f.country) for f in extract_raw([article_input(parse_article("t.txt", text))])["t.txt"]
            if f.kind == "leader"}


@pytest.mark.parametrize("header,published", [
    ("29.09.23 | News", date(2023, 9, 29)),
    ("Tuesday, 6 July 2010", date(2010, 7, 6)),
    ("Statement 09 December 2019 Geneva", date(2019, 12, 9)),
    ("Date : February 14, 2024\npost date : 2024.02.06", date(2024, 2, 6)),
    ("Updated 12 May 2023\nPublished: 10 May 2023", date(2023, 5, 10)),
])
def test_publication_date_from_header_lines(header, published):
    art = parse_article("x.txt", f"Ministers meet on trade\n{header}\n\nThe ministers met and agreed to talk again.\n")
    assert art.published == published


def test_ambiguous_slashed_date_follows_the_sites_own_convention():
    us = parse_article("u.txt", "Talks end\n07/04/2024\n\nOn July 2, 2024, the talks ended. They met on June 30, 2024.\n")
    eu = parse_article("e.txt", "Talks end\n07/04/2024\n\nOn 2 April 2024 the talks ended. They met on 30 March 2024.\n")
    assert us.published == date(2024, 7, 4) and eu.published == date(2024, 4, 7)


def test_publication_date_from_the_url_or_a_dateline_without_a_year():
    url = parse_article("a.txt", "Vote counted\nSource: https://example.org/news/2024/06/01/vote\n\nThe count ended.\n")
    assert url.published == date(2024, 6, 1)
    # the address is the evidence of the date: its line is quoted by the article's publication fact,
    # which dates "who was X in June 2024" questions as a dateline's would
    published = [f for f in extract([article_input(url)]) if f.subtype == "publication"]
    assert [(f.date, f.sources[0].sentence) for f in published] == [
        ("2024-06-01", "Source: https://example.org/news/2024/06/01/vote")]
    line = parse_article("b.txt", "Deal reached\n\nColombo, Nov 23 (Wire): The fund and the government reached a deal "
                                  "after a visit from November 17 to 23, 2024.\n")
    assert line.published == date(2024, 11, 23)


def test_datelines_and_foreign_captions():
    assert dateline_length("HARARE, March 3 (Wire) - Leaders met.") == len("HARARE, March 3 (Wire) - ")
    assert dateline_length("The ministers met - and agreed.") == 0
    # a city written with letters beyond A-Z is a dateline too, and never the subject of an aim
    assert dateline_length("TROMSØ, Norway, Oct 17 (Wire) - Ministers met.") == len("TROMSØ, Norway, Oct 17 (Wire) - ")
    assert dateline_length("ŁÓDŹ, Poland (Wire) - The council voted.") == len("ŁÓDŹ, Poland (Wire) - ")
    text = ("Talks resume\n\nPublished: 17 Oct 2024\n\nTROMSØ, Norway, Oct 17 (Northline) - Seven of the eight "
            "member states of the Polar Council agreed on Thursday to restart in-person meetings of two working groups.\n")
    goals = [f for f in extract([article_input(parse_article("t.txt", text))]) if f.kind == "goal"]
    assert goals and all("TROMS" not in f.actor for f in goals)
    assert goals[0].actor == "Seven of the eight member states of the Polar Council"
    # a party named in the dateline and again as the sentence's subject is the subject
    text = "Talks\n\nPublished: 17 Oct 2024\n\nOSLO, Norway, Oct 17 (Wire) - Norway wants to restart the polar talks by 2025.\n"
    goals = [f for f in extract([article_input(parse_article("n.txt", text))]) if f.kind == "goal"]
    assert [f.actor for f in goals] == ["Norway"]
    assert not looks_english("Nordiska rådets vicepresident och ministrar för nordiskt samarbete samlades i Oslo.")
    assert looks_english("His Excellency Sheikh Ahmed bin Khalid Al Mansoori")  # a name line is no language


@pytest.mark.parametrize("text,name,role,owner", [
    ("The Vice-President of the Baltic Assembly, Ilze Kalnina; the chair, Tomas Berg.", "Ilze Kalnina",
     "Vice-President of the Baltic Assembly", "Baltic Assembly"),
    ("Zambia's Energy Minister, Chanda Mwila, said the grid would grow.", "Chanda Mwila", "Energy Minister", "Zambia"),
    ("It was chaired by the general secretary of the bloc, Ana Duarte Silva; others attended.", "Ana Duarte Silva",
     "general secretary of the bloc", None),
    ("Talks with Omar Haddad (head of the Atomic Energy Organization of Iran, AEOI) ended.", "Omar Haddad",
     "head of the Atomic Energy Organization of Iran", "Atomic Energy Organization of Iran"),
    ("Ravi Menon will be the next chief of the Asian Police Agency, officials said.", "Ravi Menon",
     "next chief of the Asian Police Agency", "Asian Police Agency"),
])
def test_role_shapes(text, name, role, owner):
    s = text.index(name)
    r = role_near(text, s, s + len(name))
    assert r is not None and r.role == role and (owner is None or r.country == owner), r


def test_a_portfolio_is_no_country():
    text = "Lina Ortiz, Minister of Home Affairs, opened the meeting."
    r = role_near(text, 0, len("Lina Ortiz"))
    assert r.role == "Minister of Home Affairs" and r.country is None


def test_plural_title_over_a_list_with_countries():
    text = "Presidents Ana Lima (Brazil), Karl Weiss (Austria) and Mei Chen (Taiwan) attended."
    for name, country in (("Ana Lima", "Brazil"), ("Karl Weiss", "Austria"), ("Mei Chen", "Taiwan")):
        s = text.index(name)
        assert plural_title(text, s, s + len(name)).country == country


@pytest.mark.parametrize("text,actor,goal_start", [
    ("3. Called on member states to ratify the convention before 2027.", "We", "member states to ratify"),
    ("to advance the approval of the free trade agreement with the bloc;", "We", "advance the approval"),
    ("The committee will review the state of conservation of listed sites.", "The committee", "review the state"),
    ("The transfer will be chaired by the secretary of the bloc, Maria Lopez.", "Maria Lopez", "chair the transfer"),
    ("The fund was set up in 2008 as a joint effort among five banks to help close the financing gap.", "The fund",
     "help close"),
])
def test_goal_shapes(text, actor, goal_start):
    goals = find_goals(load_nlp()(text))
    assert any(g.actor == actor and g.goal.startswith(goal_start) for g in goals), [(g.actor, g.goal) for g in goals]


def test_we_in_a_release_is_the_body_it_is_about():
    raw = ("Andean bloc sets its course\n\nThe Andean Trade Council met in Lima on Monday. The Andean Trade Council "
           "named a new chair. We will cut tariffs on medicines by half before 2027.\n")
    goals = [f for f in extract([article_input(parse_article("r.txt", raw))]) if f.kind == "goal"]
    assert any(f.actor == "Andean Trade Council" and "cut tariffs" in f.goal for f in goals), goals


@pytest.mark.parametrize("text,iso", [
    ("Work starts in the first quarter of 2026.", "2026-01"),
    ("A decision is due by the end of next year.", "2025-12"),
    ("The plan runs between 2026 and 2030.", "2026"),
    ("The talks will resume in January.", "2025-01"),
    ("2020 – Soldiers seized power in August.", "2020-08"),
])
def test_date_shapes(text, iso):
    assert iso in [d.iso for d in find_dates(text, date(2024, 11, 14))]


def test_dates_told_against_the_one_before():
    assert [d.iso for d in find_dates("A day later, the envoy arrived.", date(2025, 1, 1), None, None, "2024-07-06")] \
        == ["2024-07-07"]
    assert [d.iso for d in find_dates("It returned the following year.", date(2025, 1, 1), None, None, "2022-06")] \
        == ["2023"]


def test_items_show_relative_dates_written_out():
    assert absolutise("The summit concluded this Saturday, October 26, in Apia.", date(2024, 10, 27)) == \
        "The summit concluded on 26 October 2024, in Apia."
    assert absolutise("Last year, the bank raised rates.", date(2024, 5, 1)) == "In 2023, the bank raised rates."
    assert absolutise("The bank met on Tuesday.", None) == "The bank met on Tuesday."


@pytest.mark.parametrize("sentence,alone", [
    ("In March 2023, the IMF approved a 48-month arrangement to support Sri Lanka's recovery.", True),
    ("The funding is from the Climate Investment Funds.", False),
    ("Previously, the IMF had raised its lending twice.", True),
    ("Jorge Lima, who has held the post since 2014, cannot seek a third term.", False),
    ("The bank will meet again on Monday.", False),
    ("We will collect your questions in advance.", False),
])
def test_sentences_that_stand_alone(sentence, alone):
    assert stands_alone(sentence) is alone


@pytest.mark.parametrize("sentence,date_text,question", [
    ("In March 2023, the IMF approved a 48-month Extended Fund Facility arrangement to support Sri Lanka.",
     "March 2023", "When did the IMF approve a 48-month Extended Fund Facility arrangement?"),
    ("The Andean Community was created in 1969.", "1969", "When was the Andean Community created?"),
    ("The European Union and Japan on Tuesday signed the EU-Japan Green Alliance, a partnership.", "Tuesday",
     "When did the European Union and Japan sign the EU-Japan Green Alliance?"),
    ("The Council will hold the presidency until June 2026.", "June 2026", None),  # an end, not an event date
    ("He said on Monday that it was over.", "Monday", None),  # no named subject
    ("The IMF said on Saturday that talks went well.", "Saturday", None),  # "When did the IMF say?" asks nothing
    # the noun a relative or participle clause hangs on does what the clause says
    ("The Pacific Fisheries Agency's survey ship, which was launched in March 2021, sailed north.", "March 2021",
     "When was the Pacific Fisheries Agency's survey ship launched?"),
    ("The Baltic Water Council, created in 1998, meets twice a year in Riga.", "1998",
     "When was the Baltic Water Council created?"),
    ("The Nile Basin Initiative is a regional partnership, established in 1999, and which is made up of ten countries.",
     "1999", "When was the Nile Basin Initiative established?"),
    ("Ghana's finance minister, Ken Ofori-Atta, who took office in January 2017, presented the budget.",
     "January 2017", "When did Ken Ofori-Atta take office as Ghana's finance minister?"),
    ("The Arctic Council, which celebrated its 25th anniversary last year, admitted two observers.", "last year",
     "When did the Arctic Council celebrate its 25th anniversary?"),
    ("Tariffs rose on the goods the Mekong Commission listed in May 2020.", "May 2020", None),  # not the goods' doing
    # what a reporting verb reports, and a date set off by commas, with a year that is part of a name
    ("Officials said the Mekong Commission approved the irrigation plan on 3 June 2020.", "3 June 2020",
     "When did the Mekong Commission approve the irrigation plan?"),
    ("The Andean Forum (AF) 2023 concluded on Saturday, 14 October, in Lima, Peru, where ministers met.",
     "Saturday, 14 October", "When did the Andean Forum 2023 conclude in Lima?"),
    # a target, a decade and the start of a state are not when something was done
    ("The central bank raised its projection for growth for fiscal 2025 to 2.7 percent.", "2025", None),
    ("The Volta League, which freed the region from tolls in the early 1990s, won again.", "1990s", None),
    ("Maria Costa of Chile, who has held the post since 2014, cannot run again.", "2014", None),
    # a translated release's "said bloc" names what another sentence told
    ("Chile handed the presidency of said bloc to Peru on 29 August 2022.", "29 August 2022", None),
])
def test_a_date_asked_in_plain_words(sentence, date_text, question):
    from quizapp.facts.event_questions import when_question

    s = sentence.index(date_text)
    assert when_question(load_nlp()(sentence), s, s + len(date_text)) == question


def test_appositive_roles_with_a_capitalised_nationality_country_or_body():
    """Wire style: "NAME, the Russian foreign minister," / "NAME, Djibouti's long-serving foreign
    minister," / "NAME, the International Monetary Fund's first deputy managing director," and a
    style between title and name ("Executive Secretary Dr NAME")."""
    text = (
        "Regional talks\n\nPublished: March 3, 2025\n\n"
        "Oksana Velichko, the Ukrainian foreign minister, met her hosts on Monday.\n\n"
        "Mahmoud Ali Youssouf, Djibouti's long-serving foreign minister, won the post in February.\n\n"
        "Kenji Morimoto, the International Monetary Fund's first deputy managing director, called on lenders to act.\n\n"
        "\"We cannot wait,\" SADC Executive Secretary Dr Thandiwe Moyo-Kaunda told reporters.\n"
    )
    found = {name: ((role or "").lower(), country) for name, (role, country) in _leaders(text).items()}
    assert found["Oksana Velichko"] == ("foreign minister", "Ukraine")
    assert found["Mahmoud Ali Youssouf"] == ("foreign minister", "Djibouti")
    assert found["Kenji Morimoto"] == ("first deputy managing director", "International Monetary Fund")
    assert found["Thandiwe Moyo-Kaunda"] == ("executive secretary", "SADC")


def test_roles_given_by_who_heads_and_by_a_nationality_and_occupation():
    """"NAME, the Mauritanian who heads the secretariat," / "NAME, who leads the IMF team on Sri
    Lanka," / "Singaporean diplomat NAME"."""
    text = (
        "Talks on land\n\nPublished: March 3, 2025\n\n"
        "Ibrahim Thiaw, the Mauritanian who heads the secretariat, has repeatedly argued that the world must act.\n\n"
        "Lukas Hartmann-Reyes, who leads the IMF team on Sri Lanka, said the targets had been met.\n\n"
        "Singaporean diplomat Rena Lee, who presided over the talks, announced the result.\n"
    )
    found = {name: ((role or "").lower(), country) for name, (role, country) in _leaders(text).items()}
    assert found["Ibrahim Thiaw"][0] == "head of the secretariat"
    assert found["Lukas Hartmann-Reyes"][0] == "head of the imf team on sri lanka"
    assert found["Rena Lee"] == ("diplomat", "Singapore")


def test_delegation_list_entries_give_the_full_office_and_the_country_that_closes_them():
    """Signature and delegation lists print "STYLE NAME, Office, Country" one per line: the office
    in full (with the ministry a list prints apart) and the country, known or in a state's formal
    style. A rank before the name is no person, nor is an office's name after a title."""
    text = (
        "Ministers sign transit statement\n\nPublished: 12 May 2025\n\nThe statement was signed by:\n\n"
        "H.E. Mr. Kofi Mensah-Addo, Minister of Trade and Industry, Republic of Ghana\n\n"
        "H.E. Maj. Gen. Tuan Hoang Long, Deputy Minister of Public Security, Socialist Republic of Viet Nam\n\n"
        "U Aung Min Thein, Permanent Secretary, Ministry of Home Affairs, Republic of the Union of Myanmar\n\n"
        "H.E. Secretary Rosa T. Dimaculangan, Secretary of the Interior and Local Government, Republic of the Philippines\n\n"
        "Hon. Peter Wanjiku, Cabinet Secretary for Health, Kenya\n\n"
        "Mr. Tomas Lindqvist, Director of the Nordic Transit Office, attended as an observer.\n"
    )
    found = _leaders(text)
    assert found["Kofi Mensah-Addo"] == ("Minister of Trade and Industry", "Ghana")
    assert found["Tuan Hoang Long"] == ("Deputy Minister of Public Security", "Viet Nam")
    assert found["Aung Min Thein"] == ("Permanent Secretary of the Ministry of Home Affairs", "Myanmar")
    assert found["Rosa T. Dimaculangan"] == ("Secretary of the Interior and Local Government", "Philippines")
    assert found["Peter Wanjiku"] == ("Cabinet Secretary for Health", "Kenya")
    assert found["Tomas Lindqvist"][0] == "Director of the Nordic Transit Office"
    # an officer of a body named by its initials holds the body's office wherever it is
    text = ("Refugee appeal\n\nPublished: 12 May 2025\n\n\"We cannot build shelters with promises,\" said the "
            "UNHCR Representative in Chad, Ngozi Abara-Mensah.\n\nThe WFP Country Director for Niger, Paul Mbeki, "
            "warned of shortages.\n")
    found = _leaders(text)
    assert found["Ngozi Abara-Mensah"] == ("UNHCR Representative in Chad", "UNHCR")
    assert found["Paul Mbeki"] == ("WFP Country Director for Niger", "WFP")
    assert "Niger" not in found  # a country is nobody


def test_a_party_by_its_leader_a_list_under_a_plural_title_and_a_name_cut_at_the_front():
    """"NAME's Democratic Alliance" (the party's leader); "the presidents of the member countries,
    such as NAME of the Plurinational State of Bolivia; NAME of Peru" (each a president, of each
    country); a given name the tagger left out before the rest of the name."""
    text = ("Regional round-up\n\nPublished: 3 June 2024\n\n"
            "The main opposition party, Peter Vandermeer’s Democratic Alliance (DA), was on 21%.\n\n"
            "The secretary general reported to the presidents of the member countries, such as Luis Alberto Arce "
            "Catacora of the Plurinational State of Bolivia; and Dina Boluarte of Peru.\n\n"
            "The meeting was closed by the Icelandic Minister for Nordic Co-operation, Guðmundur Ingi "
            "Guðbrandsson.\n\nAna Ruiz of Peru, a retired teacher, said she would vote.\n")
    found = _leaders(text)
    assert found["Peter Vandermeer"] == ("leader of the Democratic Alliance", "Democratic Alliance")
    assert found["Luis Alberto Arce Catacora"] == ("President", "Bolivia")
    assert found["Dina Boluarte"] == ("President", "Peru")
    assert found["Guðmundur Ingi Guðbrandsson"] == ("Minister for Nordic Co-operation", "Iceland")
    assert found.get("Ana Ruiz", (None, None))[0] is None  # "of Peru" without a plural title is no office
    from quizapp.facts.leaders import _singular

    assert [_singular(t) for t in ("presidents", "heads of state", "vice-presidents", "Prime Ministers")] == [
        "President", "Head of State", "Vice-President", "Prime Minister"]
    assert not {"Maj", "Nordic Transit Office", "Local Government"} & set(found)


@pytest.mark.parametrize("sentence,published,expected", [
    # the day is written out with its year, so "last year" is not said again after it
    ("Fighting broke out on 15 April last year, the agency said.", date(2024, 3, 1),
     "Fighting broke out on 15 April 2023, the agency said."),
    # and "this year" says which year the day is in
    ("The two leaders met on 3 May this year.", date(2024, 8, 1), "The two leaders met on 3 May 2024."),
    ("The talks resumed in March last year.", date(2024, 8, 1), "The talks resumed in March 2023."),
    ("The deal was signed last year.", date(2024, 8, 1), "The deal was signed in 2023."),
])
def test_a_day_and_its_relative_year_are_written_out_once(sentence, published, expected):
    assert absolutise(sentence, published) == expected


@pytest.mark.parametrize("sentence,caption", [
    ("Photo caption: The Minister addresses the media at the Emergency Centre, Suva, on Tuesday.", True),
    ("Traders and officials at the opening of the Lake Trade Forum in Kisumu on Tuesday.", True),
    ("Delegates during the closing session of the River Basin Summit.", True),
    ("The Speaker of the Assembly, Ana Lopes, addresses the plenary in the Congress Hall, Lisbon.", True),
    ("Officials at the meeting agreed to cut tariffs on maize.", False),
    ("Leaders at the summit will meet again in May.", False),
    ("The President visits China every year to discuss trade.", False),
])
def test_caption_shapes_are_told_from_news_sentences(sentence, caption):
    from quizapp.questions.sentences import is_caption

    assert is_caption(sentence) is caption


@pytest.mark.parametrize("sentence,alone", [
    ("The department opened 412 new cases in 2024, up from 336 the year before.", False),
    ("The President-elect will be sworn in on 19 January 2026.", False),
    ("The minister signed the accord in Lusaka in 2023.", False),
    ("Kenya and Uganda signed the customs accord in Arusha in 2023.", True),
    ("In 2023 the Nordic Council asked how best to turn this vision into a reality.", False),
    ("Funding will come from the Climate Investment Funds, which is geared toward small island states.", False),
    ("Delegates agreed to cut tariffs on maize by 2030.", False),
    ("Delegates from the 15 member states of ECOWAS agreed to cut tariffs on maize by 2030.", True),
    # a thing told of before ("the link", "the results", "the four countries", "the next Congress")
    ("The four countries agree to launch the link by 2026.", False),
    ("The next ordinary Congress will be held in Lisbon in 2027.", False),
    ("Brazil will present the results at a workshop in Recife in May 2026.", False),
    ("The Horn Lakes Power Exchange aims to trade 500 megawatts by 2027.", True),
    ("Ghana will host the 2027 African Games in Accra.", True),
    ("The confederation awarded its Order of Merit to Ana Ruiz in 2024.", False),
    ("Serbia and Bulgaria aim to finish each project by 2028.", False),
    ("The Board of Trustees was appointed in March 2024.", False),
    ("The Board of Trustees of the Suriname Savings Fund was appointed in March 2024.", True),
    ("The State Water Agency will cut the quotas by 20 per cent in 2026.", False),
])
def test_an_unnamed_office_or_body_does_not_stand_alone(sentence, alone):
    assert stands_alone(sentence) is alone


@pytest.mark.parametrize("name,variants", [
    ("Pilot Program for Climate Resilience", ["Pilot Programme for Climate Resilience"]),
    ("World Health Organisation", ["World Health Organization"]),
    ("Centre for Defence Studies", ["Center for Defense Studies"]),
    ("Conference of the Parties", []),  # no "Conferense"
    ("Installed Capacity Enterprise", []),  # no "Instaled", no "Enterprize"
])
def test_other_spellings_are_whole_words_only(name, variants):
    from quizapp.questions.normalise import spelling_variants

    assert spelling_variants(name) == variants


@pytest.mark.parametrize("sentence,iso,blanked", [
    ("An IMF team visited Colombo from November 17 to 23, 2024.", "2024-11-17", None),
    ("The Committee meets from 25 July to 3 August 2010.", "2010-08-03", None),
    ("The board approved the loan on 20 March 2023.", "2023-03-20", "The board approved the loan on _____."),
])
def test_one_end_of_a_date_range_is_not_blanked(sentence, iso, blanked):
    from quizapp.questions.blanks import _blank_date

    found = _blank_date(sentence, iso)
    assert (found[0] if found else None) == blanked


def test_a_range_has_no_single_date_answer():
    from quizapp.questions.blanks import date_in_range

    assert date_in_range("The Committee meets from 25 July to 3 August 2010.", "2010-07-25")
    assert date_in_range("An IMF team visited Colombo from November 17 to 23, 2024.", "2024-11-17")
    assert not date_in_range("The Committee met on 25 July 2010 in Geneva.", "2010-07-25")


@pytest.mark.parametrize("event,listable", [
    ("The Presidential Run-off Election held", False),  # a participle left from a cut clause
    ("The department opened 412 new cases", False),  # which department?
    ("The IMF approved a 48-month arrangement for Sri Lanka", True),
])
def test_events_listed_in_matching_and_ordering_read_on_their_own(event, listable):
    from quizapp.questions.blanks import listable_event

    assert listable_event(event) is listable


def test_time_to_do_something_is_no_aim():
    """"There will be time in the coming months to assess ...": what will be possible, not what
    anyone aims at; "an opportunity to make decisions" does state an aim."""
    nlp = load_nlp()
    doc = nlp("The Secretary-General said while there will be time in the coming months to assess the bloc's "
              "record, the focus now is on the pressing issues of the day.")
    assert not [g for g in find_goals(doc) if "assess" in g.goal]


def test_a_day_takes_its_year_from_the_words_after_it_and_the_coming_weeks():
    when = date(2024, 3, 20)
    got = find_dates("Fighting broke out in Sudan on 15 April last year, the agency said.", when)
    assert [(d.iso, d.how) for d in got] == [("2023-04-15", "dm")]
    # an announcement of what comes in the next weeks needs no "will" to point forward
    got = find_dates("The committee meets in Geneva from 2 April.", when)
    assert [d.iso for d in got] == ["2024-04-02"]
    # months ahead without a "will": the last such day
    got = find_dates("The committee met in Geneva on 2 October.", when)
    assert [d.iso for d in got] == ["2023-10-02"]


def test_a_range_is_written_out_whole_with_its_year():
    assert absolutise("The committee meets in Brasilia from 25 July to 3 August.", date(2010, 7, 6)) == \
        "The committee meets in Brasilia from 25 July to 3 August 2010."


def test_legal_said_reads_as_the_in_an_item():
    from quizapp.questions.blanks import _cloze_text

    text = _cloze_text("Ecuador handed the presidency of the Andean Community (CAN) to Peru at the Lima "
                       "summit of said bloc in July 2024.")
    assert text == "Ecuador handed the presidency of the Andean Community (CAN) to Peru at the Lima summit of " \
                   "the bloc in July 2024."


def test_a_when_question_keeps_the_purpose_told_after_an_aside():
    """"When did the fund approve an arrangement?" has many answers; the purpose after the aside says
    which one."""
    from quizapp.facts.event_questions import when_question

    text = ("In March 2023, the Regional Fund approved a 48-month credit arrangement, amounting to about "
            "$3 billion, to support Malawi's economic reform programme.")
    doc = load_nlp()(text)
    i = text.index("March 2023")
    assert when_question(doc, i, i + len("March 2023")) == \
        "When did the Regional Fund approve a 48-month credit arrangement to support Malawi's economic reform programme?"


@pytest.mark.parametrize("sentence,name,question", [
    ("On a rainy morning in Accra, Nana Akufo-Addo officially opened the West African Trade Fair at the stadium.",
     "Nana Akufo-Addo", "Who opened the West African Trade Fair at the stadium?"),
    ("Brazil's president, Lula, inaugurated the new Amazon research centre in Manaus.", "Lula",
     "Who inaugurated the new Amazon research centre in Manaus?"),
    ("Foreign Minister Ana Ruiz will chair the next meeting of the Pacific Alliance in Lima.", "Ana Ruiz",
     "Who will chair the next meeting of the Pacific Alliance in Lima?"),
    ("Police official Ana Ruiz will be the next chief of the Andean Police Network, the network announced.",
     "Ana Ruiz", "Who will be the next chief of the Andean Police Network?"),
    ("Ana Ruiz and Tom Lee signed the accord in Quito.", "Ana Ruiz", None),  # each did it with the other
    ("Ana Ruiz said the accord was signed in Quito.", "Ana Ruiz", None),  # saying is no act to ask about
    ("Ana Ruiz visited Quito on Tuesday.", "Ana Ruiz", None),  # "on Tuesday": told from the day of writing
    ("Ana Ruiz presented her plan to the council.", "Ana Ruiz", None),  # "her" plan names the answer
    ("Ana Ruiz is the chief of the Andean Police Network.", "Ana Ruiz", None),  # who holds an office
    ("Ana Ruiz signed on behalf of the Andean Community.", "Ana Ruiz", None),  # signed what?
    # a body as the subject; a name that only modifies the subject did not do it
    ("The Lake Basin Commission adopted a plan on shared fisheries in Kisumu.",
     "Lake Basin Commission", "Who adopted a plan on shared fisheries in Kisumu?"),
    ("The LBC chief welcomed the plan on shared fisheries as a big step.", "LBC", None),
    ("The summit was called the ‘water summit’ by the press.", "summit", None),  # quoted words
])
def test_what_a_named_person_did_asked_in_plain_words(sentence, name, question):
    from quizapp.facts.who_questions import who_question

    s = sentence.index(name)
    assert who_question(load_nlp()(sentence), s, s + len(name)) == question

