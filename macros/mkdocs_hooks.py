"""MkDocs hooks: check data and pages before the build, and give each language its navigation and site name."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by file path; the package beside them must be importable too.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# `mkdocs serve` loads this file anew on every rebuild; dropping the cached package makes edits in macros/
# take effect too, not only edits in data/.
for _name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
    del sys.modules[_name]

import logging  # noqa: E402
import shutil  # noqa: E402
from urllib.parse import urljoin  # noqa: E402

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.utils import CountHandler  # noqa: E402

from macros import page_paths  # noqa: E402
from macros.calendar_feed import calendar_files  # noqa: E402
from macros.contact_render import eu_funding  # noqa: E402
from macros.events import build_instant  # noqa: E402
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from macros.navigation import build_nav  # noqa: E402
from macros.site_data import DataError, load_site_data  # noqa: E402
from macros.site_pages import missing_page_files  # noqa: E402
from macros.strings import load_strings  # noqa: E402
from macros.vcards import vcard  # noqa: E402


@event_priority(-200)  # after mkdocs-static-i18n (-100) has switched the config to the language being built
def on_config(config):
    try:
        data = load_site_data(ROOT / "data")
        strings = load_strings(ROOT / "locales")
    except DataError as error:
        raise Abort(str(error)) from None
    missing = missing_page_files(Path(config["docs_dir"]), data)
    if missing:
        files = "\n".join(f"  - {path.relative_to(ROOT)}" for path in missing)
        raise Abort(
            f"The site was not built: data/ describes pages that do not exist yet:\n{files}\n"
            "Create them with: python -m macros.stubs"
        )
    _stage(config)
    lang = config["theme"]["language"]
    config["nav"] = build_nav(data, strings, lang)
    config["site_name"] = strings.get(lang, "site_name")
    config["site_description"] = strings.get(lang, "site_description")
    return config


# hreflang codes: Chinese in simplified script is zh-Hans; the default language also serves as x-default.
_HREFLANG = {"zh": "zh-Hans"}


@event_priority(-50)  # after mkdocs-static-i18n (50) has pointed extra.alternate at this page in each language
def on_page_context(context, page, config, nav):
    site_url = config["site_url"]
    alternates = []
    # i18n assigns the per-page links as an attribute of `extra` (what templates read), not as a key.
    for alternate in getattr(config["extra"], "alternate", None) or []:
        href = urljoin(site_url, alternate["link"])
        alternates.append({"hreflang": _HREFLANG.get(alternate["lang"], alternate["lang"]), "href": href})
        if alternate["lang"] == DEFAULT_LANGUAGE:
            alternates.append({"hreflang": "x-default", "href": href})
    context["i2_alternates"] = alternates
    # A page missing in this language is served from its Dutch source: say so in the reader's language and mark
    # the content as Dutch, so that screen readers and search engines read it as Dutch.
    lang = config["theme"]["language"]
    source_lang = getattr(page.file, "locale", lang)
    if source_lang != lang:
        context["i2_fallback"] = {"lang": source_lang,
                                  "notice": load_strings(ROOT / "locales").get(lang, "fallback.notice")}
    context["i2_eu_funding"] = _eu_funding(config)
    return context


def on_template_context(context, template_name, config):
    # Pages built from theme templates alone (404.html) carry the EU statement too.
    context["i2_eu_funding"] = _eu_funding(config)
    return context


def _eu_funding(config):
    return eu_funding(load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), config["theme"]["language"])


# A build writes into a staging folder beside the site folder and replaces the previous site only when every
# language has been built without error (and, in strict mode, without warning): a failed build never leaves a
# half-written site where the last good one was. One state per build run: MkDocs loads this file anew per run.
_run: dict = {}


def _stage(config):
    if not _run:
        target = Path(config["site_dir"])
        staging = target.with_name(f".{target.name}.staging")
        shutil.rmtree(staging, ignore_errors=True)
        warnings = CountHandler()
        warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(warnings)
        _run.update(target=target, staging=staging, warnings=warnings)
    config["site_dir"] = str(_run["staging"])


@event_priority(-200)  # after mkdocs-static-i18n's post-build step, which builds the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if not _run or (i18n is not None and i18n.building):
        return  # a language build inside the main one; the main one publishes
    logging.getLogger("mkdocs").removeHandler(_run["warnings"])
    if config["strict"] and _run["warnings"].get_counts():
        _discard()  # MkDocs aborts right after this event
        return
    target, staging = _run["target"], _run["staging"]
    for lang in LANGUAGES:
        _write_calendar_files(config, staging, lang)
    _write_vcards(staging)
    previous = target.with_name(f".{target.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    config["site_dir"] = str(target)
    shutil.rmtree(previous, ignore_errors=True)
    _run.clear()


def on_build_error(error):
    if _run:
        logging.getLogger("mkdocs").removeHandler(_run["warnings"])
        _discard()


def _discard():
    shutil.rmtree(_run["staging"], ignore_errors=True)
    _run.clear()


def _write_calendar_files(config, site_dir: Path, lang: str):
    """The iCalendar files of one language, beside its calendar page (the default language at the site root)."""
    folder = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    page_url = urljoin(config["site_url"], folder + page_paths.page_url(page_paths.CALENDAR))
    files = calendar_files(load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), lang,
                           build_instant(), page_url)
    for relative, content in files.items():
        path = site_dir / folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _write_vcards(site_dir: Path):
    """One vCard per contact at the site root, shared by the three languages."""
    data = load_site_data(ROOT / "data")
    for contact in data.contacts:
        path = site_dir / page_paths.vcard_file(contact.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(vcard(contact, data).encode("utf-8"))
