"""Before a language is built: check the build date, the data, the strings and the pages (stopping with their
messages), then give the language its navigation and site name. A build is either the whole site (`mkdocs build`,
`mkdocs serve`: mkdocs-static-i18n builds the languages one after another) or one language of it
(`python -m macros.build` runs one per language in parallel, with I2PCC_LANGUAGE set, and publishes their union
itself)."""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import Abort

from macros import ROOT
from macros.content.build_clock import build_instant
from macros.content.page_files import page_problems
from macros.content.problems import DataError
from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.engine.navigation import build_nav
from macros.engine.publishing import PREVIEW_ENV, stage
from macros.engine.search import index_pages_from_cache
from macros.languages import LANGUAGES
from macros.messages import message

# The one language a build makes, set by macros/engine/parallel_build.py for each of its parallel builds.
LANGUAGE_ENV = "I2PCC_LANGUAGE"


def preview_folder(site_dir: str) -> str:
    """Where a one-language rebuild of `mkdocs serve` writes, beside the served folder: MkDocs empties the folder a
    build writes to, and the served one holds the other languages."""
    return site_dir.rstrip("/") + ".language"


def select_language(config):
    """In a one-language build, have mkdocs-static-i18n build that language only, exactly as it builds each
    language after the first one in a whole build (same folder, same language switcher, same alternates)."""
    lang = os.environ.get(LANGUAGE_ENV)
    if not lang:
        return config
    if lang not in LANGUAGES:
        raise Abort(f"{LANGUAGE_ENV}={lang!r} is not a language of the site ({', '.join(LANGUAGES)})")
    i18n = config.plugins["i18n"]
    i18n.current_language = lang
    i18n.building = True  # what i18n sets while it builds the other languages: it then builds no further one
    return config


def build_date_problem() -> str | None:
    """What is wrong with SOURCE_DATE_EPOCH, if anything: checked before a build starts rather than in the middle
    of one, where it would end in a Python traceback."""
    try:
        build_instant()
    except (ValueError, OverflowError, OSError):
        return message("build_date", value=os.environ.get("SOURCE_DATE_EPOCH"))
    return None


def on_config(config):
    try:
        data = load_site_data(ROOT / "data")
        strings = load_strings(ROOT / "locales")
    except DataError as error:
        raise Abort(str(error)) from None
    problem = build_date_problem()
    if problem:
        raise Abort(problem)
    problems = page_problems(ROOT, Path(config["docs_dir"]), data)
    if problems:
        raise Abort(str(DataError(problems)))
    if not os.environ.get(LANGUAGE_ENV):
        stage(config)  # a one-language build is staged and published by macros/engine/parallel_build.py
    elif os.environ.get(PREVIEW_ENV):
        config["site_dir"] = preview_folder(config["site_dir"])  # and by macros/engine/serving.py
    lang = config["theme"]["language"]
    index_pages_from_cache(config, data, lang)
    config["nav"] = build_nav(data, lang)
    # Escaped for the same reason as the nav titles: Material prints the site name raw in the header and the menu.
    config["site_name"] = escape(strings.get(lang, "site_name"))
    config["site_description"] = strings.get(lang, "site_description")
    return config
