"""The one-line suggestion to read a page in the visitor's own language (overrides/i2/language_suggestion.html).

Every page carries the suggestion for each other language, hidden and written in that language; the script shows
the one that matches the browser's preferred languages. `/` stays Dutch: nothing redirects.
"""

from __future__ import annotations

from urllib.parse import urljoin

from macros.content.strings import Strings
from macros.languages import LANGUAGES, language, language_folder


def language_suggestions(strings: Strings, page_lang: str, site_url: str) -> list[dict]:
    """The suggestions on a page in page_lang; `home` is where the link goes on a page without alternates (404)."""
    return [
        {
            "lang": lang,
            "lang_attribute": language(lang).tag,
            "label": strings.get(lang, "language_suggestion.label"),
            "text": strings.get(lang, "language_suggestion.text"),
            "switch": strings.get(lang, "language_suggestion.switch"),
            "dismiss": strings.get(lang, "language_suggestion.dismiss"),
            "home": urljoin(site_url, language_folder(lang)),
        }
        for lang in LANGUAGES
        if lang != page_lang
    ]
