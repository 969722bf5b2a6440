"""One search index per language, so that a reader of /zh/ searches the Chinese pages only.

Material writes one index for the whole build, and mkdocs-static-i18n merges the three languages into it with the
Dutch search settings. Instead, each language gets its own `search/search_index.json` in its own folder (`search/`,
`en/search/`, `zh/search/`), with Material's own search settings for that language (for Chinese: a separator that
splits on the U+200B Material puts between the words jieba finds), and its pages point Material's search at it
(the `search_base` of overrides/main.html). The file is plain UTF-8: escaped Chinese costs six bytes a character.
"""

from __future__ import annotations

import json
from pathlib import Path

import jieba
import yaml

from macros.languages import DEFAULT_LANGUAGE, LANGUAGES, language_folder
from macros.site_data import SiteData

INDEX_FILE = "search/search_index.json"
_SETTINGS = ("lang", "separator", "pipeline")


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


def material_search_settings(config) -> dict:
    """Material's search settings for the language being built, as Material itself picks them for a site in that
    language: from the theme's language file, with English as the fallback."""
    module = config.theme.get_env().get_template("partials/language.html", None, {"config": config}).module
    lang = [code for code in module.t("search.config.lang").split(",") if code]
    pipeline = [step.strip() for step in module.t("search.config.pipeline").split(",") if step.strip()]
    return {"lang": lang, "separator": module.t("search.config.separator"), "pipeline": pipeline}


def write_language_index(config, site_dir: Path, lang: str) -> bytes:
    """Write the index of the language being built, from the entries Material's search plugin collected."""
    search = config.plugins.get("material/search") or config.plugins["search"]
    index = language_index(search.search_index.entries, search.config.fields, material_search_settings(config), lang)
    content = encode_index(index)
    path = site_dir / language_folder(lang) / INDEX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return content


TERMBASE = Path(__file__).resolve().parent.parent / "data" / "terms.yml"


def termbase_names(path: Path = TERMBASE) -> list[str]:
    """The Chinese names of the termbase (data/terms.yml), read with plain PyYAML: each term needs a zh text."""
    if not path.exists():
        return []
    terms = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("terms") or []
    names = []
    for term in terms:
        name = term.get("zh") if isinstance(term, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{path.name}: every term needs a zh name ({term!r})")
        names.append(name.strip())
    return names


def project_terms(data: SiteData) -> list[str]:
    """The project's own Chinese names, which jieba's general dictionary cuts apart (东/佛兰德/省, 弗兰德/斯/...):
    the names in data/ and those of the termbase."""
    terms = termbase_names()
    for region in data.regions:
        terms += [region.name.zh, region.short_name.zh] + ([region.capital.zh] if region.capital else [])
    terms += [challenge.name.zh for challenge in data.challenges]
    terms += [organisation.name.zh for organisation in data.organisations]
    return list(dict.fromkeys(terms))


def teach_jieba(data: SiteData) -> None:
    """Give jieba, which Material's search plugin uses to cut Chinese text into words, the project's own names as
    a user dictionary (jieba works out the frequency that keeps each one whole)."""
    for term in project_terms(data):
        jieba.add_word(term)
