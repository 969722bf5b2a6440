"""Build the site for publication, its languages in parallel:

    SITE_URL=https://… python -m macros.build [--site-dir site]

The same site as `mkdocs build`, faster: mkdocs-static-i18n builds the languages one after another in one process,
this builds each language in its own process (forked from this one, which has already imported the stack and read
and validated data/ once for all of them) and then publishes their union at once. Each process is `mkdocs build`
with I2PCC_LANGUAGE set, which mkdocs.yml passes to the plugin's `build_only_locale` (see
macros/engine/language_builds.py). Every language is built with --strict; if one fails, its messages are shown and
the previous site stays as it was.
"""

from __future__ import annotations

import gzip
import importlib
import multiprocessing
import os
import re
import shutil
import signal
import sys
import time
import traceback
from pathlib import Path

import mkdocs.__main__  # noqa: F401  (imported once here, inherited by each language's process)
import mkdocs_macros.plugin  # noqa: F401
import mkdocs_static_i18n.plugin  # noqa: F401
from material.plugins.search import plugin as _material_search  # noqa: F401

from macros import ROOT
from macros.command_line import CommandParser
from macros.content.page_files import page_problems
from macros.content.problems import DataError
from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.engine.configure import LANGUAGE_ENV, build_date_problem
from macros.engine.publishing import publish
from macros.files import site_folder
from macros.files.site_folder import SiteFolderError
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES
from macros.messages import message, seconds


def main(argv: list[str] | None = None) -> int:
    parser = CommandParser(prog="python -m macros.build", description=message("build_description"))
    parser.add_argument("-d", "--site-dir", default="site", metavar=message("cli_folder"),
                        help=message("build_site_dir_help"))
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar=message("cli_file"),
                        help=message("build_config_file_help"))
    args = parser.parse_args(argv)
    try:
        return _build(Path(args.site_dir).resolve(), args.config_file)
    except KeyboardInterrupt:
        print(f"\n{message('interrupted')}", file=sys.stderr, flush=True)
        return 130


def _build(target: Path, config_file: str) -> int:
    started = time.perf_counter()
    try:
        site_folder.check(target, ROOT)
    except SiteFolderError as error:
        print(error, file=sys.stderr, flush=True)
        return 1
    problem = build_date_problem()
    if problem:
        print(problem, file=sys.stderr, flush=True)
        return 1
    try:
        data = load_site_data(ROOT / "data")
        load_strings(ROOT / "locales")
        problems = page_problems(ROOT, ROOT / "docs", data)
        if problems:
            raise DataError(problems)
    except DataError as error:
        print(f"\n{error}", flush=True)
        return 1

    parts = site_folder.work_folder(target, "parts")
    staging = site_folder.work_folder(target, "staging")
    with site_folder.lock(target):
        for folder in (parts, staging):
            site_folder.remove_work_folder(folder)
        try:
            site_folder.make_work_folder(parts)
            failed = _build_languages(parts, config_file)
            if failed:
                print(failed[0][1], end="", flush=True)
                print("\n" + message("language_build_failed", languages=", ".join(lang for lang, _ in failed)),
                      flush=True)
                return 1
            _combine(parts, staging)
            # From here on the new site goes out whole: a Ctrl-C would come too late to keep the previous one, and
            # would only make the build say so wrongly.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            publish(staging, target)
        finally:
            site_folder.remove_work_folder(parts)
            site_folder.remove_work_folder(staging)
    print(message("built_in_parallel", languages=", ".join(LANGUAGES), folder=target,
                  seconds=seconds(time.perf_counter() - started)), flush=True)
    return 0


def _build_languages(parts: Path, config_file: str) -> list[tuple[str, str]]:
    """Build each language in its own process; the (language, messages) of those that failed."""
    # What MkDocs loads from mkdocs.yml by path in each language's process (the hooks file and the page macros
    # module import these): imported once here, so that the processes start with them instead of importing them
    # three times. Not at the top of this module, so that a refused site folder is said without that wait.
    for module in ("macros.engine.build_steps", "macros.engine.page_macros"):
        importlib.import_module(module)
    context = multiprocessing.get_context("fork")
    processes = {}
    # A Ctrl-C that arrives while a process is forked lands in Python's fork handlers, which drop it, and the build
    # would go on: it is held back until every language has started, then stops the build here.
    try:
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for lang in LANGUAGES:
                site_folder.make_work_folder(parts / lang)
                process = context.Process(target=_build_one_language,
                                          args=(lang, parts / lang, parts / f"{lang}.log", config_file))
                process.start()
                processes[lang] = process
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        for process in processes.values():
            process.join()
    finally:
        # Interrupted (Ctrl-C): the language builds stop before their folders are removed.
        for process in processes.values():
            if process.is_alive():
                process.terminate()
            process.join()
    return [(lang, (parts / f"{lang}.log").read_text(encoding="utf-8", errors="replace"))
            for lang, process in processes.items() if process.exitcode != 0]


def _build_one_language(lang: str, site_dir: Path, log: Path, config_file: str):
    """In a forked process: `mkdocs build --strict` of one language, its messages in a log file."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    os.environ[LANGUAGE_ENV] = lang
    with open(log, "wb") as out:
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
    code = 1
    try:
        mkdocs.__main__.cli.main(["build", "--strict", "--config-file", config_file, "--site-dir", str(site_dir)],
                                 prog_name="mkdocs")
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _combine(parts: Path, staging: Path):
    """One site from the language builds: the default language's build with the other languages' folders, and one
    sitemap listing the pages of every language."""
    shutil.move(parts / DEFAULT_LANGUAGE, staging)
    sitemaps = [(staging / "sitemap.xml").read_text(encoding="utf-8")]
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            shutil.move(parts / lang / lang, staging / lang)
            sitemaps.append((parts / lang / "sitemap.xml").read_text(encoding="utf-8"))
    merged = merge_sitemaps(sitemaps).encode("utf-8")
    (staging / "sitemap.xml").write_bytes(merged)
    # MkDocs also writes it compressed, with the build's timestamp in the gzip header.
    compressed = staging / "sitemap.xml.gz"
    with gzip.open(compressed) as previous:
        previous.read()
        mtime = previous.mtime
    with open(compressed, "wb") as out, gzip.GzipFile(fileobj=out, filename=str(compressed), mode="wb",
                                                       mtime=mtime) as gz:
        gz.write(merged)


_URLSET = re.compile(r"(<urlset\b[^>]*>)(.*)(</urlset>)", re.DOTALL)


def merge_sitemaps(sitemaps: list[str]) -> str:
    """The first sitemap with the <url> entries of all of them, in order."""
    entries = "".join(_URLSET.search(sitemap).group(2).rstrip() for sitemap in sitemaps)
    return _URLSET.sub(lambda match: match.group(1) + entries + "\n" + match.group(3), sitemaps[0], count=1)


if __name__ == "__main__":
    sys.exit(main())
