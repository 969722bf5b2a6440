"""The languages of the site and every code each of them goes by: the one table all modules read.

The first language is the default: it is served at `/` and is the source of translations. `tag` is the BCP 47 tag
of the language as the site writes it, in `<html lang>`, hreflang, `lang` attributes, schema.org and vCard alike:
Chinese in simplified script is zh-Hans. `code` names the folder (docs/zh, /zh/) and the key in data/ and locales/.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    tag: str
    babel_locale: str  # CLDR: dates and numbers (Flemish Dutch, British English, Chinese as in mainland China)
    og_locale: str  # Open Graph's language_TERRITORY
    name: str  # the language's own name, as the language switcher shows it
    space: str  # what follows the end of a sentence or stands between words: Chinese writes no space


LANGUAGE_TABLE = (
    Language("nl", "nl", "nl_BE", "nl_BE", "Nederlands", " "),
    Language("en", "en", "en_GB", "en_GB", "English", " "),
    Language("zh", "zh-Hans", "zh_Hans_CN", "zh_CN", "中文", ""),
)
BY_CODE = {language.code: language for language in LANGUAGE_TABLE}
LANGUAGES = tuple(BY_CODE)
DEFAULT_LANGUAGE = LANGUAGES[0]


def language(code: str) -> Language:
    return BY_CODE[code]


def language_folder(lang: str) -> str:
    """The folder of a language within the site ("" for the default language, served at the root)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
