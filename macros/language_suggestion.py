"""The one-line suggestion to read a page in the visitor's own language (docs/assets/language-suggestion.js).

Every page carries the suggestion for each other language, hidden and written in that language; the script shows
the one that matches the browser's preferred languages. `/` stays Dutch: nothing redirects.
"""

from __future__ import annotations

from urllib.parse import urljoin

from macros.languages import LANGUAGES, language_folder
from macros.strings import Strings

# The value of the lang attribute, as in the page's own <html lang> and hreflang links.
_LANG_ATTRIBUTE = {"zh": "zh-Hans"}


def language_suggestions(strings: Strings, page_lang: str, site_url: str) -> list[dict]:
    """The suggestions on a page in page_lang; `home` is where the link goes on a page without alternates (404)."""
    return [
        {
            "lang": lang,
            "lang_attribute": _LANG_ATTRIBUTE.get(lang, lang),
            "label": strings.get(lang, "language_suggestion.label"),
            "text": strings.get(lang, "language_suggestion.text"),
            "switch": strings.get(lang, "language_suggestion.switch"),
            "dismiss": strings.get(lang, "language_suggestion.dismiss"),
            "home": urljoin(site_url, language_folder(lang)),
        }
        for lang in LANGUAGES
        if lang != page_lang
    ]
