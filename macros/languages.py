"""The languages of the site. The first one is the default: it is served at `/` and is the source of translations."""

LANGUAGES = ("nl", "en", "zh")
DEFAULT_LANGUAGE = LANGUAGES[0]

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "zh": "中文"}
