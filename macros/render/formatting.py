"""Numbers written the way each language writes them (Babel's locale data plus the unit words of locales/)."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from macros.content.models import Population
from macros.content.strings import Strings

# The units each language counts people in, largest first: (from this count on, the unit, the locale key of the
# text). locales/ holds the words. Dutch and English count in millions ("111,69 miljoen"); Chinese counts in 万
# (ten thousand, 6500万) and from 1亿 (a hundred million) on in 亿: 1.1169亿, never 11169万.
_POPULATION_UNITS = {
    "nl": ((0, 1_000_000, "number.population"),),
    "en": ((0, 1_000_000, "number.population"),),
    "zh": ((100_000_000, 100_000_000, "number.population_large"), (0, 10_000, "number.population")),
}
_AREA_UNIT = {"nl": 1, "en": 1, "zh": 10_000}


def number(value: float | Decimal, lang: str) -> str:
    # Chinese writes counts of 万 and 亿 without a thousands separator (6500万, not 6,500万). Every digit the data
    # gives is kept (1.1169亿; Babel's default pattern would round to three decimals).
    return format_decimal(value, locale=lang, group_separator=lang != "zh", decimal_quantization=False)


def population(value: Population, lang: str, strings: Strings) -> str:
    threshold, unit, key = next(u for u in _POPULATION_UNITS[lang] if value.count >= u[0])
    amount = number(Decimal(value.count) / unit, lang)
    if value.more_than:
        key += "_more_than"
    return strings.get(lang, key, number=amount)


def area(km2: int, lang: str, strings: Strings) -> str:
    return strings.get(lang, "number.area", number=number(Decimal(km2) / _AREA_UNIT[lang], lang))


def year(value: int, lang: str, strings: Strings) -> str:
    """A year as a value of its own ("1985", "1985年")."""
    return strings.get(lang, "number.year", year=value)
