"""Numbers written the way each language writes them (Babel's locale data plus the unit words of locales/)."""

from __future__ import annotations

from babel.numbers import format_decimal

from macros.content.models import Population
from macros.content.strings import Strings

# The unit each language counts in; locales/ holds the word for it. Dutch and English count people in millions;
# Chinese counts people and areas in 万 (ten thousand): 6500万人, 18.8万平方公里.
_POPULATION_UNIT = {"nl": 1_000_000, "en": 1_000_000, "zh": 10_000}
_AREA_UNIT = {"nl": 1, "en": 1, "zh": 10_000}


def number(value: float, lang: str) -> str:
    # Chinese writes counts of 万 without a thousands separator (6500万, not 6,500万).
    return format_decimal(value, locale=lang, group_separator=lang != "zh")


def population(value: Population, lang: str, strings: Strings) -> str:
    amount = number(value.count / _POPULATION_UNIT[lang], lang)
    key = "number.population_more_than" if value.more_than else "number.population"
    return strings.get(lang, key, number=amount)


def area(km2: int, lang: str, strings: Strings) -> str:
    return strings.get(lang, "number.area", number=number(km2 / _AREA_UNIT[lang], lang))
