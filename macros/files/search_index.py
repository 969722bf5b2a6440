"""One search index per language, so that a reader of /zh/ searches the Chinese pages only.

Material writes one index for the whole build, and mkdocs-static-i18n merges the three languages into it with the
Dutch search settings. Instead, each language gets its own `search/search_index.json` in its own folder (`search/`,
`en/search/`, `zh/search/`), with Material's own search settings for that language (for Chinese: a separator that
splits on the U+200B Material puts between the words jieba finds), and its pages point Material's search at it
(the `search_base` of overrides/main.html). The file is plain UTF-8: escaped Chinese costs six bytes a character.
"""

from __future__ import annotations

import json

import jieba

from macros.content.site_data import SiteData
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES, language_folder

INDEX_FILE = "search/search_index.json"


def language_index(entries: list[dict], fields: dict, settings: dict, lang: str) -> dict:
    """The index of one language: its own pages, with locations relative to the language's folder."""
    folder = language_folder(lang)
    others = tuple(language_folder(other) for other in LANGUAGES if other != DEFAULT_LANGUAGE)
    docs = []
    for entry in entries:
        location = entry["location"]
        if folder and location.startswith(folder):
            docs.append({**entry, "location": location[len(folder):]})
        elif not folder and not location.startswith(others):
            docs.append(entry)
    return {"config": {**settings, "fields": fields}, "docs": docs}


def encode_index(index: dict) -> bytes:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def project_terms(data: SiteData) -> list[str]:
    """The project's own Chinese names, which jieba's general dictionary cuts apart (东/佛兰德/省, 弗兰德/斯/...):
    the termbase's and those in the other data files. Not the challenge areas' names: they are descriptions
    (工业废水治理), which jieba cuts into the words a reader searches for (废水); kept whole, 废水 would not find them."""
    descriptions = {challenge.name.zh for challenge in data.challenges}
    terms = [term.zh for term in data.terms]
    for region in data.regions:
        terms += [region.name.zh, region.short_name.zh] + ([region.capital.zh] if region.capital else [])
    terms += [organisation.name.zh for organisation in data.organisations]
    return [term for term in dict.fromkeys(terms) if term not in descriptions]


def teach_jieba(terms: list[str]) -> None:
    """Give jieba, which Material's search plugin uses to cut Chinese text into words, the project's own names
    (`project_terms`) as a user dictionary (jieba works out the frequency that keeps each one whole)."""
    for term in terms:
        jieba.add_word(term)
