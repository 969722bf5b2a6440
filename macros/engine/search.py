"""Material's search settings and collected entries, handed to files/search_index.py to write one index per
language (see there for why)."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from material.plugins.search.plugin import SearchIndex

from macros.content.site_data import SiteData
from macros.files.build_cache import cached_text
from macros.files.search_index import INDEX_FILE, encode_index, language_index, project_terms, teach_jieba
from macros.languages import language_folder

_VERSIONS = [version("mkdocs-material"), version("jieba")]
# The project's names jieba has learnt in this process. Learning them loads jieba's dictionary, a second of every
# build, which nothing needs when every page's entries come from the cache.
_taught: list[str] = []


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins["search"]


def index_pages_from_cache(config, data: SiteData, lang: str) -> None:
    """Material's search entries of a page are kept between builds, keyed by everything Material makes them from
    (the page's address, title, metadata, table of contents and HTML, and the names jieba is taught), so that an
    unchanged page is not parsed and cut into words again: with jieba's start, the largest part of a build that
    the site repeats unchanged. Set on this build's index alone, not on Material's class, which outlives a reload
    of this package while `mkdocs serve` runs. jieba learns the project's names in the Chinese build only, as
    Material's own indexing of the other languages never had them."""
    index = _search_plugin(config).search_index
    terms = project_terms(data) if lang == "zh" else []
    index.add_entry_from_context = lambda page: _indexed_from_cache(index, page, terms)


def _indexed_from_cache(index: SearchIndex, page, terms: list[str]) -> None:
    key = json.dumps([_VERSIONS, terms, page.url, page.title, page.meta, _toc(page.toc), page.content],
                     ensure_ascii=False, default=str)
    index.entries.extend(json.loads(cached_text("search", key, lambda: json.dumps(_indexed(index, page, terms)))))


def _indexed(index: SearchIndex, page, terms: list[str]) -> list[dict]:
    if terms and _taught != terms:
        teach_jieba(terms)
        _taught[:] = terms
    start = len(index.entries)
    SearchIndex.add_entry_from_context(index, page)
    entries = index.entries[start:]
    del index.entries[start:]
    return entries


def _toc(items) -> list:
    return [[item.id, item.url, item.title, item.level, _toc(item.children)] for item in items]


def material_search_settings(config) -> dict:
    """Material's search settings for the language being built, as Material itself picks them for a site in that
    language: from the theme's language file, with English as the fallback."""
    module = config.theme.get_env().get_template("partials/language.html", None, {"config": config}).module
    lang = [code for code in module.t("search.config.lang").split(",") if code]
    pipeline = [step.strip() for step in module.t("search.config.pipeline").split(",") if step.strip()]
    return {"lang": lang, "separator": module.t("search.config.separator"), "pipeline": pipeline}


def write_language_index(config, site_dir: Path, lang: str) -> bytes:
    """Write the index of the language being built, from the entries Material's search plugin collected."""
    search = _search_plugin(config)
    index = language_index(search.search_index.entries, search.config.fields, material_search_settings(config), lang)
    content = encode_index(index)
    path = site_dir / language_folder(lang) / INDEX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return content
