"""A build writes into a staging folder beside the site folder, with the files each language adds (search index,
calendars, vCards), and replaces the previous site only when every language built without error or warning."""

from __future__ import annotations

import logging
import os
import signal
import threading
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import Abort
from mkdocs.utils import CountHandler

from macros import ROOT
from macros.content import page_paths
from macros.content.build_clock import build_instant
from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.engine.search import write_language_index
from macros.files import site_folder
from macros.files.calendar_feed import calendar_files
from macros.files.search_index import INDEX_FILE
from macros.files.site_folder import SiteFolderError
from macros.files.vcards import vcard
from macros.languages import DEFAULT_LANGUAGE, language_folder
from macros.messages import message

# The one language a build makes (see macros/engine/language_builds.py), set for each build of
# macros/engine/parallel_build.py and each rebuild of macros/engine/serving.py.
LANGUAGE_ENV = "I2PCC_LANGUAGE"
# Set for the whole `mkdocs serve` process (macros/engine/serving.py), whose rebuilds build one language at a time.
PREVIEW_ENV = "I2PCC_PREVIEW"
# Set for the quick rebuild of `mkdocs serve` that renders only the page being looked at
# (macros/engine/preview_build.py): the file that page is written to.
PREVIEW_PAGE_ENV = "I2PCC_PREVIEW_PAGE"

# A build writes into a staging folder beside the site folder and replaces the previous site only when every
# language has been built without error (and, in strict mode, without warning): a failed build never leaves a
# half-written site where the last good one was. One state per build run.
_run: dict = {}


def stage(config):
    if not _run:
        target = Path(config["site_dir"])
        try:
            site_folder.check(target, ROOT)
        except SiteFolderError as error:
            raise Abort(str(error)) from None
        lock = site_folder.lock(target)
        staging = site_folder.work_folder(target, "staging")
        site_folder.remove_work_folder(staging)
        site_folder.make_work_folder(staging)
        warnings = CountHandler()
        warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(warnings)
        _run.update(target=target, staging=staging, warnings=warnings, lock=lock)
        if not os.environ.get(PREVIEW_ENV) and threading.current_thread() is threading.main_thread():
            # Ctrl-C during `mkdocs build` would end MkDocs with a traceback and leave the staging folder; as an
            # Abort it runs on_build_error, which removes it, and MkDocs prints only the message.
            _run["sigint"] = signal.signal(signal.SIGINT, _interrupted)
    config["site_dir"] = str(_run["staging"])


def _interrupted(signum, frame):
    raise Abort(message("interrupted"))


def write_language_files(config, late: bool):
    """The files of the language just built beside its pages: its search index, its calendars, and (with the
    default language) the vCards. A whole build writes them before mkdocs-static-i18n goes on to the next language;
    a one-language build after the plugin's last step (`late`), which has Material write its own index again, over
    the default language's. A quick rebuild of `mkdocs serve` writes its one page alone."""
    if os.environ.get(PREVIEW_PAGE_ENV) or late != bool(os.environ.get(LANGUAGE_ENV)):
        return
    lang = config["theme"]["language"]
    site_dir = Path(config["site_dir"])
    index = write_language_index(config, site_dir, lang)
    if _run:
        _run.setdefault("indexes", {})[lang] = index
    _write_calendar_files(config, site_dir, lang)
    if lang == DEFAULT_LANGUAGE:
        _write_vcards(site_dir)


def on_post_build(config):
    """Publish the staged site."""
    i18n = config.plugins.get("i18n")
    if not _run or (i18n is not None and i18n.building):
        return  # a language build inside the main one; the main one publishes
    logging.getLogger("mkdocs").removeHandler(_run["warnings"])
    if config["strict"] and _run["warnings"].get_counts():
        _discard()  # MkDocs aborts right after this event
        return
    target, staging = _run["target"], _run["staging"]
    # mkdocs-static-i18n ends its run by writing its merged index of all languages over the default language's.
    (staging / INDEX_FILE).write_bytes(_run["indexes"][DEFAULT_LANGUAGE])
    if "sigint" in _run:
        # From here on the new site goes out whole: a Ctrl-C would come too late, and say "nothing published".
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    publish(staging, target)
    config["site_dir"] = str(target)
    _end_run()


def publish(staging: Path, target: Path):
    """Replace the site folder by the staged one in two renames, so that the site is never half-written. Ctrl-C
    waits until both are done: between them there is no site folder at all."""
    previous = site_folder.work_folder(target, "previous")
    site_folder.remove_work_folder(previous)
    interrupts = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        if target.exists():
            target.rename(previous)
        staging.rename(target)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, interrupts)
    site_folder.remove_work_folder(previous)


def on_build_error(error):
    if _run:
        logging.getLogger("mkdocs").removeHandler(_run["warnings"])
        _discard()


def _discard():
    site_folder.remove_work_folder(_run["staging"])
    _end_run()


def _end_run():
    _run["lock"].close()
    if "sigint" in _run:
        signal.signal(signal.SIGINT, _run["sigint"])
    _run.clear()


def _write_calendar_files(config, site_dir: Path, lang: str):
    """The iCalendar files of one language, beside its calendar page (the default language at the site root)."""
    folder = language_folder(lang)
    page_url = urljoin(config["site_url"], folder + page_paths.page_url(page_paths.CALENDAR))
    files = calendar_files(load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), lang,
                           build_instant(), page_url)
    for relative, content in files.items():
        path = site_dir / folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _write_vcards(site_dir: Path):
    """One vCard per contact the sources give an address or number for, at the site root, shared by the three
    languages (a card with a name alone would be empty)."""
    data = load_site_data(ROOT / "data")
    for contact in (c for c in data.contacts if c.reachable):
        path = site_dir / page_paths.vcard_file(contact.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(vcard(contact, data).encode("utf-8"))
