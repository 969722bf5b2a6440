"""The languages of the site. The first one is the default: it is served at `/` and is the source of translations."""

LANGUAGES = ("nl", "en", "zh")
DEFAULT_LANGUAGE = LANGUAGES[0]

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "zh": "中文"}


def language_folder(lang: str) -> str:
    """The folder of a language within the site ("" for the default language, served at the root)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
