"""Where a meeting was held (``quizapp.questions.items.venues``, ``quizapp.facts.cities``): asked only
of one meeting, read off its own clause, with cities of the same kind the article never names."""

from __future__ import annotations

import random

import pytest

from quizapp.facts.cities import find_city, nearby_countries, same_kind
from quizapp.facts.types import Fact, Source
from quizapp.questions import generate
from quizapp.questions.items import venues
from quizapp.questions.items.venues import _venue_in


@pytest.fixture(autouse=True)
def _venue_items_on():
    """Venue items are off in the generator (blind rounds passed 4 of 17); these tests keep the
    template itself working, so they switch it on."""
    was, venues.VENUE_ITEMS = venues.VENUE_ITEMS, True
    yield
    venues.VENUE_ITEMS = was

ART = "summit.txt"


def _items(name: str, sentences: list[str], *, subtype: str = "format", aliases: tuple[str, ...] = (),
           dates: tuple[tuple[str, int], ...] = ()) -> list:
    facts = [Fact(id="m1", kind="mechanism", statement="", answer=name, name=name, subtype=subtype,
                  aliases=list(aliases), sources=[Source(ART, s, i) for i, s in enumerate(sentences)])]
    for n, (iso, idx) in enumerate(dates):
        facts.append(Fact(id=f"d{n}", kind="date", statement="", answer=iso, date=iso, event="the meeting opened",
                          sources=[Source(ART, sentences[idx], idx)]))
    return [q for q in generate(facts, random.Random(1), budget=0) if q.prompt.startswith("In which")]


def test_the_gazetteer_knows_cities_and_offers_ones_of_the_same_kind():
    apia = find_city("Apia")
    assert apia is not None and apia.capital and apia.country_code == "WS"
    assert find_city("Brasilia") == find_city("Brasília")  # diacritics folded
    assert find_city("Museum of Modern Art") is None
    assert find_city("Georgetown", "Guyana").country_code == "GY"
    near = [c.name for c in same_kind(find_city("Helsinki"))[:3]]
    assert "Tallinn" in near and "Moscow" not in near  # the nearest capitals, not the largest
    assert all(c.country_code == "ZA" for c in same_kind(find_city("Durban"))[:3])  # a city among its country's
    assert "Pago Pago" not in [c.name for c in same_kind(apia)]  # a territory's town is no capital to offer
    assert "Uruguay" in nearby_countries("Argentina")


def test_the_place_is_read_off_the_meetings_own_clause():
    said = "The Lakes Basin Summit 2025 concluded on Friday, 14 March, in Kigali, Rwanda, with a joint plan."
    where, year, sitting = _venue_in(said, ["Lakes Basin Summit"])
    assert where.name == "Kigali" and year == "2025" and sitting == ""
    assert _venue_in("The 9th Lakes Basin Summit (LBS) in Mombasa ended.", ["9th Lakes Basin Summit"])[0].name == "Mombasa"
    # something else stands between: the place is another thing's
    assert _venue_in("The 9th Lakes Basin Summit discussed water prices in Mombasa.", ["9th Lakes Basin Summit"]) is None
    assert _venue_in("The 9th Lakes Basin Summit at the Grand Hotel in Mombasa ended.", ["9th Lakes Basin Summit"]) is None
    # a place that is no city of the gazetteer (an island, a building)
    assert _venue_in("The 9th Lakes Basin Summit held in New Atlantis closed.", ["9th Lakes Basin Summit"]) is None


def test_a_numbered_meeting_is_asked_where_with_foils_the_article_never_names():
    sentences = ["The 12th Lakes Basin Summit is being held in Kigali this week.",
                 "Delegates from Uganda and Burundi flew in from Kampala."]
    [q] = _items("12th Lakes Basin Summit", sentences)
    assert q.prompt == "In which city was the 12th Lakes Basin Summit held?"
    assert q.answer == "Kigali" and len(q.choices) == 4
    assert "Kampala" not in q.choices  # named in the article: no verifiably false venue
    assert not q.prompt.startswith("According to the article about")  # "about Rwanda" would give it away


def test_an_unnumbered_meeting_is_asked_with_its_year_or_not_at_all():
    sentences = ["The Lakes Basin Summit in Kigali opened on 3 May 2025 with a call for cleaner water."]
    [q] = _items("Lakes Basin Summit", sentences, dates=(("2025-05-03", 0),))
    assert q.prompt == "In which city was the 2025 Lakes Basin Summit held?"
    assert _items("Lakes Basin Summit", ["The Lakes Basin Summit in Kigali opened."]) == []  # which year's?


def test_meetings_of_several_years_are_told_apart_and_future_ones_asked_in_the_future():
    sentences = ["The Lakes Basin Summit 2019 in Kampala set up the fund.",
                 "The Lakes Basin Summit 2026 will be held in Kigali, Rwanda."]
    prompts = sorted(q.prompt for q in _items("Lakes Basin Summit", sentences))
    assert prompts == ["In which city was the 2019 Lakes Basin Summit held?",
                       "In which city will the 2026 Lakes Basin Summit be held?"]


def test_no_item_for_a_meeting_of_nobody_in_particular_or_a_party():
    assert _items("14th Ministerial Conference", ["The 14th Ministerial Conference was held in Kigali."]) == []
    assert _items("Rwandan National Congress", ["The Rwandan National Congress 2024 in Kigali met."],
                  subtype="organisation") == []
    two = ["The 12th Lakes Basin Summit was held in Kigali.", "The 12th Lakes Basin Summit was held in Kampala."]
    assert _items("12th Lakes Basin Summit", two) == []  # two places for one meeting


def test_a_sitting_of_a_body_is_placed_and_dated():
    said = "The annual session of the Danube Fisheries Council, held in Vidin from 3 to 5 May 2025, set quotas."
    where, _year, sitting = _venue_in(said, ["Danube Fisheries Council"], sitting=True)
    assert where.name == "Vidin" and sitting == "annual session of"
    [q] = _items("Danube Fisheries Council", [said], subtype="organisation", dates=(("2025-05-03", 0),))
    assert q.prompt == "In which city was the 2025 annual session of the Danube Fisheries Council held?"
    # a body's name alone is no meeting: "the Council in Vidin" may be its seat
    assert _items("Danube Fisheries Council", ["The Danube Fisheries Council in Vidin set quotas on 3 May 2025."],
                  subtype="organisation", dates=(("2025-05-03", 0),)) == []


def _seats(name: str, sentences: list[str], aliases: tuple[str, ...] = (), on: bool = True) -> list:
    from quizapp.questions.items import venues

    was, venues.SEAT_ITEMS = venues.SEAT_ITEMS, on
    try:
        return _seat_items(name, sentences, aliases)
    finally:
        venues.SEAT_ITEMS = was


def _seat_items(name: str, sentences: list[str], aliases: tuple[str, ...]) -> list:
    facts = [Fact(id="m1", kind="mechanism", statement="", answer=name, name=name, subtype="organisation",
                  aliases=list(aliases), sources=[Source(ART, s, i) for i, s in enumerate(sentences)
                                                  if any(n in s for n in [name, *aliases])])]
    return [q for q in generate(facts, random.Random(1), budget=0) if "based?" in q.prompt or "headquartered?" in q.prompt]


def test_a_central_bodys_seat_is_asked_and_an_affiliation_in_passing_is_not():
    sentences = ["The Danube Fisheries Council, founded in 1998 and headquartered in Vidin, Bulgaria, set quotas.",
                 "The Danube Fisheries Council will meet again in May."]
    [q] = _seats("Danube Fisheries Council", sentences)
    assert q.prompt == "In which city is the Danube Fisheries Council headquartered?" and q.answer == "Vidin"
    assert all(c != "Vidin" for c in q.choices if c != q.answer)
    passing = ["Prices rose.", "Trade fell.", "Ports closed.", "Rain came.", "Nobody knew.",
               "\"It is bad,\" said Ana Ruiz of the Lima-based Andean Mobility Institute."]
    assert _seats("Andean Mobility Institute", passing) == []
    # the seat of a noun phrase the name only modifies, and one everybody knows, are not asked
    assert _seats("Danube Fisheries Council", ["The Vidin-based Danube Fisheries Council secretariat said so.",
                                               "The Danube Fisheries Council met."]) == []
    assert _seats("World Trade Organization", ["The Geneva-based World Trade Organization ruled.",
                                               "The World Trade Organization met."], aliases=("WTO",)) == []


def test_a_bare_meeting_of_a_body_or_its_assembly_is_not_placed():
    said = "The meeting of the Danube Fisheries Council, held in Vidin on 3 May 2025, set quotas."
    assert _venue_in(said, ["Danube Fisheries Council"], sitting=True) is None  # which of its meetings that year?
    assert _items("Rowing Union General Assembly", ["The 2025 Rowing Union General Assembly in Vidin closed."],
                  subtype="organisation") == []  # a body's assembly mostly sits at its seat


def test_a_city_name_several_countries_share_is_read_in_the_country_the_article_names():
    from quizapp.facts.cities import in_named_country

    victoria = find_city("Victoria")
    assert in_named_country(victoria, "Delegates from Seychelles and Mauritius met in Victoria.").country_code == "SC"


def test_a_national_bodys_seat_is_asked_among_its_own_countrys_cities_or_not_at_all():
    kenyan = ["The Kenya Meteorological Department, headquartered in Kisumu, issued a warning.",
              "The Kenya Meteorological Department expects more rain."]
    [q] = _seats("Kenya Meteorological Department", kenyan)
    assert q.answer == "Kisumu"
    assert all(find_city(c).country_code == "KE" for c in q.choices)  # never Kampala beside Kisumu


def test_seat_items_are_off_by_default():
    sentences = ["The Danube Fisheries Council, founded in 1998 and headquartered in Vidin, Bulgaria, set quotas.",
                 "The Danube Fisheries Council will meet again in May."]
    assert _seats("Danube Fisheries Council", sentences, on=False) == []
    assert len(_seats("Danube Fisheries Council", sentences)) == 1


def test_venue_items_are_off_by_default():
    sentences = ["The 12th Lakes Basin Summit was held in Mombasa on 3 May 2025, where leaders agreed a water plan."]
    venues.VENUE_ITEMS = False
    assert _items("12th Lakes Basin Summit", sentences) == []
