"""Before a language is built: check the build date, the data, the strings and the pages (stopping with their
messages), then give the language its navigation, site name and language switcher. A build is either the whole site
(`mkdocs build`, the first build of `mkdocs serve`: mkdocs-static-i18n builds the languages one after another) or
one language of it, with I2PCC_LANGUAGE set (`python -m macros.build` runs one per language in parallel and
publishes their union itself; `mkdocs serve` rebuilds one language at a time): see
macros/engine/language_builds.py."""

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
from macros.engine.language_builds import language_switcher
from macros.engine.navigation import build_nav
from macros.engine.publishing import LANGUAGE_ENV, PREVIEW_ENV, stage
from macros.engine.search import index_pages_from_cache
from macros.messages import message


def preview_folder(site_dir: str) -> str:
    """Where a one-language rebuild of `mkdocs serve` writes, beside the served folder: MkDocs empties the folder a
    build writes to, and the served one holds the other languages."""
    return site_dir.rstrip("/") + ".language"


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
    # mkdocs-static-i18n makes none for a one-language build; made here for both kinds, the same.
    config["extra"]["alternate"] = language_switcher(config)
    return config
