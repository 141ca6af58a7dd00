"""The generator's rules on invented facts, one behaviour each: who holds an office is not a true or
false item, typed names accept their plain forms, captions and pointing sentences are not asked,
bodies and leaders are asked by what they did among foils of their kind."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from quizapp.facts.types import Fact, Source
from quizapp.questions import generate, grade

from .question_store import ART, PUBLISHED, _src, dated, goal, leader, mechanism


def test_no_true_false_or_role_question_of_who_holds_an_office():
    """"Wang Yi is Russia's Foreign Minister." (or true, or "What is Wang Yi's role?") asks who
    holds which office, which blind reviews failed as a delegation list's trivia: the office is
    asked in a matching item of the story, and the person by what they did."""
    people = [("W", "Wang Yi", "China"), ("S", "Sergey Lavrov", "Russia"),
              ("Q", "Shah Mahmood Qureshi", "Pakistan")]
    facts = []
    for fid, name, country in people:
        f = leader(fid, name, "Foreign Minister", country, "foreign_minister", f"{name} spoke.")
        f.statement = f"{name} is the Foreign Minister of {country}."
        facts.append(f)
    qs = [q for seed in range(20) for q in generate([*facts, PUBLISHED], random.Random(seed), budget=0)]
    assert not [q for q in qs if q.type == "true_false" or "role?" in q.prompt or q.prompt.startswith("Who was")]


def test_typed_answers_list_the_name_without_diacritics():
    """"Joao Luiz Ferreira" is listed beside "João Luiz Ferreira": strict tools (exports) accept it too."""
    f = leader("J", "João Luiz Ferreira", "Secretary-General of the Amazon Cooperation Treaty Organization",
               "Amazon Cooperation Treaty Organization", "secretary",
               "The Secretary-General of the Amazon Cooperation Treaty Organization, João Luiz Ferreira, opened the "
               "Belém summit in March 2023.")
    g = leader("M", "Margareth Menezes", "Director of the Amazon Regional Observatory", "Amazon Regional Observatory",
               "director", "The Director of the Amazon Regional Observatory, Margareth Menezes, visited Recife.")
    typed = [q for q in generate([f, g, PUBLISHED], random.Random(1), budget=0)
             if q.type in ("short_answer", "cloze") and q.answer == "João Luiz Ferreira"]
    assert typed
    for q in typed:
        assert "Joao Luiz Ferreira" in q.accepted_answers, q.accepted_answers
        # the surname alone, as written and without its accent
        assert {"Ferreira"} <= set(q.accepted_answers)
    accented = leader("C", "Ana Conceição", "Secretary-General of the Amazon Cooperation Treaty Organization",
                      "Amazon Cooperation Treaty Organization", "secretary",
                      "The Secretary-General of the Amazon Cooperation Treaty Organization, Ana Conceição, opened the "
                      "Belém summit in March 2023.")
    typed = [q for q in generate([accented, g, PUBLISHED], random.Random(1), budget=0)
             if q.type in ("short_answer", "cloze") and q.answer == "Ana Conceição"]
    assert typed
    for q in typed:
        assert {"Conceição", "Conceicao", "Ana Conceicao"} <= set(q.accepted_answers), q.accepted_answers


def test_no_who_question_for_a_role_many_people_hold():
    """"Who is a former president of Colombia?" has many right answers: not asked."""
    from quizapp.questions.labels import _who_prompt

    former = leader("D", "Iván Duque", "former president", "Colombia", "president", "Iván Duque spoke.")
    current = leader("P", "Gustavo Petro", "President", "Colombia", "president", "Gustavo Petro spoke.")
    assert _who_prompt(former) is None
    assert _who_prompt(current) and "Colombia" in _who_prompt(current)


def test_sentences_that_narrow_the_one_before_do_not_stand_alone():
    from quizapp.questions.sentences import stands_alone

    assert not stands_alone("Specifically, the Movement adopted a clear Statement on Integrity.")
    assert not stands_alone("In particular, the fund will support farmers in the north.")
    assert stands_alone("The Red Cross and Red Crescent Movement adopted a Statement on Integrity in Geneva on 10 May 2024.")


def test_photo_captions_are_not_quizzed():
    """"Dr. NAME TITLE at The Opening Ceremony of ..." (names, then where, no verb) is a caption."""
    from quizapp.questions.sentences import is_caption

    assert is_caption("Dr. Carla Barnett CARICOM Secretary General at The Opening Ceremony of the 44th Regular "
                      "Meeting of CARICOM Heads of Government held in New Providence, The Bahamas.")
    assert not is_caption("Foreign Minister Wang Yi at the summit said the two sides would cooperate.")
    assert not is_caption("President Xi Jinping in Beijing on Monday met the visiting delegation.")


def test_a_sentence_that_only_points_at_a_date_is_not_blanked_or_swapped(date_sentence_items):
    """"approved the loan on Tuesday": the article leaves the date to its dateline, so no blank and
    no swapped date in that sentence (a reader would need a calendar); an explicit date is asked."""
    published = Fact(id="P", kind="date", subtype="publication", statement="Published on 2024-11-06",
                     answer="2024-11-06", date="2024-11-06", event="publication",
                     sources=[Source(ART, "Published: 6 November 2024", None, None)])
    pointed = dated("T", "2024-11-05", "The board approved the loan",
                    "The board of the Regional Development Fund approved the loan for the coastal road on Tuesday.")
    stated = dated("S", "2024-10-02", "The fund's council adopted the strategy",
                   "The council of the Regional Development Fund adopted its new lending strategy on 2 October 2024.")
    qs = generate([published, pointed, stated], random.Random(1), budget=0)
    in_sentence = [q for q in qs if q.type in ("cloze", "true_false") or re.match(r"Which (?:date|year|month) completes", q.prompt)]
    assert not [q for q in in_sentence if q.fact_ids == ["T"]], [q.prompt for q in in_sentence]
    assert [q for q in in_sentence if q.fact_ids == ["S"]]


def test_offices_of_acronyms_and_places_are_asked_and_roles_for_a_place_are_not():
    """"Governor of the BOJ" is an office (a case-blind check once refused every "X of Y");
    "a member of the Executive Board" is one of several; "mission chief for Sri Lanka" is no office
    of Sri Lanka."""
    from quizapp.questions.labels import _BAD_ROLE, _role_label, _role_phrase, _who_prompt

    gov = leader("G", "Kazuo Ueda", "Governor", "BOJ", "governor",
                 "Bank of Japan (BOJ) Governor Kazuo Ueda said the bank would raise rates.")
    assert not _BAD_ROLE.search(_role_label(gov))
    assert _who_prompt(gov) == "According to the article, who is the Governor of the BOJ?"
    assert _BAD_ROLE.search("President of climate summit")
    member = leader("M", "Isabel Schnabel", "Member of the Executive Board of the ECB", "Executive Board of the ECB",
                    "member", "Isabel Schnabel, Member of the Executive Board of the ECB, gave an interview.")
    assert _role_phrase(member) == "a member of the Executive Board of the ECB"
    assert _who_prompt(member) is None
    chief = leader("C", "Peter Breuer", "senior mission chief", "Sri Lanka", "chief",
                   "An IMF team led by Peter Breuer, senior mission chief for Sri Lanka, visited Colombo.")
    assert _who_prompt(chief) is None
    assert not [q for q in generate([chief, gov], random.Random(1), budget=0) if q.fact_ids == ["C"]]


@pytest.mark.parametrize("name, body, sentence, forms", [
    ("Carla N. Barnett", "Caribbean Community", "The Secretary-General of the Caribbean Community, Carla N. Barnett, "
     "opened the Nassau summit in July 2023.", {"Carla Barnett", "Barnett"}),
    ("Jorge Hernando Pedraza", "Andean Community", "The Secretary-General of the Andean Community, Jorge Hernando "
     "Pedraza, opened the Lima summit in July 2022.", {"Jorge Pedraza", "Pedraza"}),
])
def test_a_name_is_also_accepted_without_its_middle_initial(name, body, sentence, forms):
    f = leader("B", name, f"Secretary-General of the {body}", body, "secretary", sentence)
    typed = [q for q in generate([f, PUBLISHED], random.Random(1), budget=0) if q.type in ("short_answer", "cloze")]
    assert typed
    for q in typed:
        assert forms <= set(q.accepted_answers), q.accepted_answers


def test_a_blanked_year_is_asked_as_a_year(date_sentence_items):
    founded = dated("Y", "2008", "The Pilot Program was set up",
                    "The Pilot Program for Climate Resilience was set up in 2008 by five development banks.")
    other = dated("Z", "2011", "The Grenada project was approved",
                  "The Grenada coastal project was approved by the World Bank board in 2011.")
    prompts = [q.prompt for q in generate([founded, other], random.Random(1), budget=0)
               if q.type == "multiple_choice" and "completes the sentence" in q.prompt]
    assert prompts and all(p.startswith("Which year completes the sentence?") for p in prompts), prompts


def test_a_body_named_by_its_head_word_is_named_in_full_or_not_asked():
    """"The Movement called for ...": which movement? With one body of the article ending in the
    word it is named in full; with none, the goal is not asked."""
    g = goal("G", "the Movement", "gender balance in the boards of national societies by 2030", [],
             "The Movement called for gender balance in the boards of national societies by 2030.")
    other = goal("H", "Kenya", "lower tariffs on maize by 2030", [], "Kenya called for lower tariffs on maize by 2030.")
    body = mechanism("M", "International Red Cross and Red Crescent Movement", [], "organisation",
                     "The International Red Cross and Red Crescent Movement met in Geneva in December 2019.")
    alone = [q for q in generate([g, other], random.Random(1), budget=0) if "G" in q.fact_ids]
    assert not alone, [q.prompt for q in alone]
    named = [q for q in generate([g, body, other], random.Random(1), budget=0) if "G" in q.fact_ids]
    assert named and all("International Red Cross and Red Crescent Movement" in q.prompt for q in named), \
        [q.prompt for q in named]


def test_what_a_leader_did_is_asked_with_foils_who_did_not_do_it():
    """"Who inaugurated the trade fair?": even of a head of state (whose office alone is general
    knowledge); foils are people of the same story, none named in the act's sentence (they may
    have shared it) and none who did a like thing."""
    art = "fair.txt"

    def person(fid, name, role, country, sentence, question=None, idx=0):
        f = leader(fid, name, role, country, "head_of_state", sentence)
        f.sources = _src(sentence, art, idx)
        f.question = question
        return f

    facts = [
        person("P1", "Nana Akufo-Addo", "President", "Ghana",
               "President Nana Akufo-Addo opened the West African Trade Fair in Lomé, with Alassane Mensah.",
               "Who opened the West African Trade Fair in Lomé?"),
        person("P2", "Bola Tinubu", "President", "Nigeria",
               "Nigerian President Bola Tinubu stood beside Ghana's Alassane Mensah at the fair.", idx=2),
        person("P3", "Alassane Mensah", "Trade Minister", "Ghana",
               "President Nana Akufo-Addo opened the West African Trade Fair in Lomé, with Alassane Mensah."),
        person("P4", "Macky Sall", "President", "Senegal", "Macky Sall sent a message to the fair.",
               "Who sent a message to the fair?", idx=3),
        person("P5", "Kofi Boateng", "Mayor", "Accra",
               "Mayor Kofi Boateng and President Nana Akufo-Addo toured the stands.", idx=4),
    ]
    qs = generate(facts, random.Random(3), budget=0)
    did = [q for q in qs if q.prompt == "Who opened the West African Trade Fair in Lomé?"]
    assert [q.type for q in did] == ["multiple_choice"]  # (asked once: the typed twin is the same question)
    mc = did[0]
    assert mc.answer == "Nana Akufo-Addo" and "Nana Akufo-Addo" in mc.choices
    # Alassane Mensah is named in the act's own sentence (he may have shared it): never a foil
    assert set(mc.choices) - {"Nana Akufo-Addo"} <= {"Bola Tinubu", "Macky Sall", "Kofi Boateng"}
    # without foils from the story it is typed, and the surname alone is right
    alone = generate([facts[0]], random.Random(3), budget=0)
    sa = next(q for q in alone if q.prompt == mc.prompt)
    assert sa.type == "short_answer" and grade(sa, "Akufo-Addo").correct
    # a fair in the president's own capital gives him away among foreign foils: typed only (round 42)
    home = [replace(f, sources=_src(f.sources[0].sentence.replace("Lomé", "Accra"), art, f.sources[0].sentence_idx or 0),
                    question=(f.question or "").replace("Lomé", "Accra") or None) for f in facts]
    asked = [q for q in generate(home, random.Random(3), budget=0) if q.prompt.startswith("Who opened")]
    assert asked and all(q.type == "short_answer" for q in asked), [(q.type, q.prompt) for q in asked]


def test_a_body_is_not_blanked_where_its_sentence_names_its_own_words(monkeypatch):
    """"... new sites on the Lake Basin Heritage List, the _____ meets in June": the stem's "Lake Basin
    Heritage" gives the "Lake Basin Heritage Committee" away. (Sentence fill-ins for bodies are
    switched off after blind review; the rule is kept and tested for when they are measured again.)"""
    from quizapp.questions.items import people

    monkeypatch.setattr(people, "SENTENCE_FILL_FOR_BODIES", True)
    sentence = ("The Lake Basin Heritage Committee will add new sites to the Lake Basin Heritage List when it meets "
                "in Kisumu for its 12th session in June.")
    facts = [mechanism("M1", "Lake Basin Heritage Committee", [], "organisation", sentence),
             mechanism("M2", "East African Community", ["EAC"], "organisation",
                       "The East African Community welcomed the decision of the ministers in Arusha."),
             mechanism("M3", "Nile Basin Initiative", ["NBI"], "organisation",
                       "The Nile Basin Initiative held talks with the ministers in Entebbe on water.")]
    facts[0].sources = _src(sentence, ART, 5)  # (not the body the article is about, which is never blanked)
    qs = generate(facts, random.Random(1), budget=0)
    assert not [q for q in qs if q.type == "cloze" and q.answer == "Lake Basin Heritage Committee"]
    # the same sentence without the echo is blanked
    facts[0].sources = _src(sentence.replace("the Lake Basin Heritage List", "the register of Kenyan sites"), ART, 5)
    qs = generate(facts, random.Random(1), budget=0)
    assert [q for q in qs if q.type == "cloze" and q.answer == "Lake Basin Heritage Committee"]



def test_a_date_told_as_the_backdrop_is_not_asked():
    """"Since the adoption of the Paris Agreement in 2015, ...", "Previously, on 17 July 2021, ...":
    the sentence looks back; its news is elsewhere (and the backdrop is often general knowledge)."""
    def at(fid, iso, event, sentence, date_text):
        f = dated(fid, iso, event, sentence)
        i = sentence.index(date_text)
        f.sources = [Source(ART, sentence, 0, (i, i + len(date_text)))]
        f.question = f"When was {event}?"
        return f

    facts = [
        at("D1", "2015", "the Lake Accord adopted",
           "Since the adoption of the Lake Accord in 2015, the basin states have met every year.", "2015"),
        at("D2", "2021-07-17", "the Lake Accord signed",
           "Previously, on 17 July 2021, the ministers of the basin states signed the Lake Accord.", "17 July 2021"),
        at("D3", "2022-03-04", "the Lake Accord ratified",
           "The basin states ratified the Lake Accord on 4 March 2022 in Kisumu.", "4 March 2022"),
    ]
    qs = generate(facts, random.Random(2), budget=0)
    asked = {q.fact_ids[0] for q in qs if len(q.fact_ids) == 1}  # (a timeline may still hold them)
    assert "D3" in asked and not asked & {"D1", "D2"}


def test_what_a_body_did_is_asked_among_bodies_of_its_kind(monkeypatch):
    """"Which organisation adopted the fisheries plan?": foils are organisations of the story (not
    a treaty, not a span cut wrongly), none named in the act's sentence; the prompt never echoes
    the key's own words."""
    def body(fid, name, subtype, sentence, question=None, idx=0):
        f = mechanism(fid, name, [], subtype, sentence)
        f.sources = _src(sentence, ART, idx)
        f.question = question
        return f

    facts = [
        body("B1", "Lake Basin Commission", "organisation",
             "The Lake Basin Commission adopted a plan on shared fisheries in Kisumu.",
             "Who adopted a plan on shared fisheries in Kisumu?", idx=4),
        body("B2", "East African Community", "organisation", "The East African Community sent observers.", idx=1),
        body("B3", "Intergovernmental Authority on Development", "organisation",
             "The Intergovernmental Authority on Development shared its data.", idx=2),
        body("B4", "Kisumu Water Treaty", "treaty", "The Kisumu Water Treaty governs the lake.", idx=3),
        body("B5", "Fisheries Fund to Kenya", "organisation", "The Fisheries Fund to Kenya paid out.", idx=5),
        body("B7", "Southern African Development Community", "organisation",
             "The Southern African Development Community sent a message.", idx=7),
        body("B6", "Lake Basin Heritage Committee", "organisation",
             "The Lake Basin Heritage Committee will list new sites on the Lake Basin Heritage List.",
             "Who will list new sites on the Lake Basin Heritage List?", idx=6),
    ]
    assert not [q for q in generate(facts, random.Random(5), budget=0) if q.prompt.startswith("Which organisation")]
    monkeypatch.setattr("quizapp.questions.items.people.MECHANISM_DID", True)  # (off by default: 0 of 3 rated)
    qs = generate(facts, random.Random(5), budget=0)
    did = [q for q in qs if q.prompt == "Which organisation adopted a plan on shared fisheries in Kisumu?"]
    assert did and did[0].type == "multiple_choice" and did[0].answer == "Lake Basin Commission"
    assert set(did[0].choices) - {"Lake Basin Commission"} == {
        "East African Community", "Intergovernmental Authority on Development", "Southern African Development Community"}
    assert not [q for q in qs if "Heritage List?" in q.prompt and q.prompt.startswith("Which")]


def test_ordering_never_puts_two_numbered_events_together():
    """"The 49th Congress" before "the 50th Congress": the numbers give the order away."""
    facts = [
        dated("O1", "2023-03-02", "The 12th Assembly of the Andean Canoe Union met in Lima",
              "The 12th Assembly of the Andean Canoe Union met in Lima on 2 March 2023.", question="When did the 12th Assembly of the Andean Canoe Union meet in Lima?"),
        dated("O2", "2024-05-09", "The 13th Assembly of the Andean Canoe Union met in Quito",
              "The 13th Assembly of the Andean Canoe Union met in Quito on 9 May 2024.", question="When did the 13th Assembly of the Andean Canoe Union meet in Quito?"),
        dated("O3", "2023-11-20", "The Andean Canoe Union held a coaching clinic in Cusco",
              "The Andean Canoe Union held a coaching clinic in Cusco on 20 November 2023.", question="When did the Andean Canoe Union hold a coaching clinic in Cusco?"),
        dated("O4", "2024-01-15", "The Andean Canoe Union met sponsors from Inca Air in Lima",
              "The Andean Canoe Union met sponsors from Inca Air in Lima on 15 January 2024.", question="When did the Andean Canoe Union meet sponsors from Inca Air in Lima?"),
        dated("O5", "2022-07-04", "The Andean Canoe Union took part in a regatta in Arequipa",
              "The Andean Canoe Union took part in a regatta in Arequipa on 4 July 2022.", question="When did the Andean Canoe Union take part in a regatta in Arequipa?"),
        mechanism("O6", "Andean Canoe Union", [], "organisation",
                  "The Andean Canoe Union took part in a regatta in Arequipa on 4 July 2022."),
    ]
    qs = [q for q in generate(facts, random.Random(2), budget=0) if q.type == "ordering"]
    assert qs
    for q in qs:
        assert sum(1 for i in q.items if re.search(r"\b\d+th\b", i)) <= 1
