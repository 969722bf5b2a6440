"""Material's search settings and collected entries, handed to files/search_index.py to write one index per
language (see there for why)."""

from __future__ import annotations

from pathlib import Path

from macros.files.search_index import INDEX_FILE, encode_index, language_index
from macros.languages import language_folder


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
