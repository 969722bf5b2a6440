"""The build steps MkDocs runs through macros/engine/mkdocs_hooks.py: check data and pages before the build, give each
language its navigation and site name, write calendars, vCards and search indexes, and publish the site only when all
of it built.

A build is either the whole site (`mkdocs build`, `mkdocs serve`: mkdocs-static-i18n builds the languages one after
another) or one language of it (`python -m macros.build` runs one per language in parallel, with I2PCC_LANGUAGE set,
and publishes their union itself)."""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
from copy import deepcopy
from pathlib import Path
from urllib.parse import urljoin

import yaml
from jinja2 import FileSystemBytecodeCache, TemplateSyntaxError, UndefinedError
from markupsafe import escape
from mkdocs.exceptions import Abort, PluginError
from mkdocs.utils import CountHandler
from mkdocs.utils.meta import YAML_RE

from macros import ROOT
from macros.content import page_paths
from macros.content.build_clock import build_instant
from macros.content.page_files import page_problems
from macros.content.problems import DataError
from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.engine import material_markup
from macros.engine.navigation import build_nav
from macros.engine.search import write_language_index
from macros.files import site_folder
from macros.files.calendar_feed import calendar_files
from macros.files.search_index import INDEX_FILE, teach_jieba
from macros.files.site_folder import SiteFolderError
from macros.files.vcards import vcard
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES, language, language_folder
from macros.messages import message
from macros.render import sharing, site_footer
from macros.render.contacts import eu_funding
from macros.render.language_suggestion import language_suggestions
from macros.render.page_descriptions import data_description

# The one language a build makes, set by macros/engine/parallel_build.py for each of its parallel builds.
LANGUAGE_ENV = "I2PCC_LANGUAGE"


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
        raise Abort(str(DataError(problems, "in the pages")))
    if not os.environ.get(LANGUAGE_ENV):
        _stage(config)  # a one-language build is staged and published by macros/engine/parallel_build.py
    lang = config["theme"]["language"]
    if lang == "zh":
        teach_jieba(data)
    config["nav"] = build_nav(data, strings, lang)
    # Escaped for the same reason as the nav titles: Material prints the site name raw in the header and the menu.
    config["site_name"] = escape(strings.get(lang, "site_name"))
    config["site_description"] = strings.get(lang, "site_description")
    return config




def on_page_context(context, page, config, nav):
    site_url = config["site_url"]
    alternates = []
    # i18n assigns the per-page links as an attribute of `extra` (what templates read), not as a key.
    for alternate in getattr(config["extra"], "alternate", None) or []:
        href = urljoin(site_url, alternate["link"])
        alternates.append({"hreflang": language(alternate["lang"]).tag, "href": href})
        # The default language also serves as x-default.
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
    context.update(_sharing_context(page, config))
    context["i2_search_base"] = context["base_url"].rstrip("/") + "/" + language_folder(lang)
    return context


# MkDocs gives every build (each language, each `mkdocs serve` rebuild) a new theme environment, which compiles
# Material's templates again: a fifth of a build's time. Compiled templates are kept on disk instead, in Jinja's
# cache folder in the system's temp directory, keyed by the template's source, so an edited template is compiled anew.
_COMPILED_TEMPLATES = FileSystemBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _COMPILED_TEMPLATES
    # Every template (pages and 404.html alike) offers the other languages to a visitor who prefers one of them.
    env.globals["i2_language_suggestions"] = language_suggestions(load_strings(ROOT / "locales"),
                                                                  config["theme"]["language"], config["site_url"])
    return env


def on_template_context(context, template_name, config):
    # Pages built from theme templates alone (404.html) carry the EU statement too.
    context["i2_eu_funding"] = _eu_funding(config)
    strings = load_strings(ROOT / "locales")
    context["i2_footer_links"] = site_footer.footer_links(strings, config["theme"]["language"])
    if template_name == "404.html":
        # mkdocs-static-i18n points the language switcher at each page's translations and leaves the last page's
        # links in place for 404.html when it builds the languages one after another: point it at the home pages.
        i18n = config.plugins.get("i18n")
        if i18n is not None and i18n.extra_alternate:
            config["extra"].alternate = deepcopy(i18n.extra_alternate)
        context["i2_not_found"] = site_footer.not_found_context(strings, config["theme"]["language"],
                                                                 config["site_url"])
    # The sitemap names the default language's page as x-default, whichever language a build started with.
    context["i2_default_language"] = DEFAULT_LANGUAGE
    return context


# Link previews and the QR code of the page, and the links at the foot of every page.
def _sharing_context(page, config) -> dict:
    strings = load_strings(ROOT / "locales")
    lang = config["theme"]["language"]
    description = ((page.meta or {}).get("description")
                   or data_description(load_site_data(ROOT / "data"), lang, page.file.src_uri.split("/", 1)[1])
                   or config["site_description"])
    title = config["site_name"] if page.is_homepage else page.title
    return {
        "i2_share": sharing.share_context(strings, lang, config["site_url"], page.canonical_url, title, description),
        "i2_footer_links": site_footer.footer_links(strings, lang),
    }


def render_page(markdown, page, config):
    """The page's macros and Jinja, rendered here rather than by mkdocs-macros (render_by_default: false in
    mkdocs.yml): on a mistake, mkdocs-macros either publishes its error report, Python traceback included, as the
    page, or ends the process (and with it `mkdocs serve`). Here a mistake stops this build with the page's file
    and line, and `mkdocs serve` keeps serving the last good site. The front matter is checked first: MkDocs
    silently reads a header it cannot parse as the page's first lines."""
    problem = _front_matter_problem(page)
    if problem:
        raise PluginError(problem)
    macros = config.plugins["macros"]
    try:
        return macros.env.from_string(markdown).render(**{**macros.variables, **(page.meta or {})})
    except Exception as error:
        raise PluginError(_page_error(error, page)) from None


def _source_name(page) -> str:
    path = Path(page.file.abs_src_path)
    return path.relative_to(ROOT).as_posix() if ROOT in path.parents else str(path)


def _front_matter_problem(page) -> str | None:
    match = YAML_RE.match(page.file.content_string)
    if not match:
        return None
    try:
        fields = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is noticed only where the header ends; where it opened (the context) is what helps.
        mark = error.context_mark or error.problem_mark
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        return message("front_matter", where=f"{_source_name(page)}:{mark.line + 2}", problem=problem)
    if fields is not None and not isinstance(fields, dict):
        return message("front_matter_fields", where=f"{_source_name(page)}:2")
    return None


_UNDEFINED = re.compile(r"^('.+') is undefined$")


def _page_error(error: Exception, page) -> str:
    where = _source_name(page)
    line = _template_line(error)
    if line:
        where += f":{_header_lines(page.file.content_string) + line}"
    if isinstance(error, TemplateSyntaxError):
        return message("jinja_syntax", where=where, problem=error.message)
    undefined = _UNDEFINED.match(error.message or "") if isinstance(error, UndefinedError) else None
    if undefined:
        return message("undefined", where=where, name=undefined.group(1))
    if isinstance(error, TypeError):
        # "<lambda>() missing 1 required positional argument: 'region_id'": the Python name says nothing to an editor.
        return message("macro_arguments", where=where, problem=re.sub(r"^\S*\(\) ", "", str(error)))
    if isinstance(error, KeyError) and error.args:
        return message("unknown_id", where=where, problem=error.args[0])
    return message("macro_failed", where=where, problem=f"{type(error).__name__}: {error}")


def _header_lines(source: str) -> int:
    """How many lines of the page's file come before the Markdown that is rendered: the front matter and the blank
    lines MkDocs strips after it."""
    match = YAML_RE.match(source)
    if not match:
        return 0
    rest = source[match.end():]
    return source[:match.end()].count("\n") + len(rest) - len(rest.lstrip("\n"))


def _template_line(error: Exception) -> int | None:
    """The line of the page's own template where the error happened: Jinja puts the template's lines in the
    traceback of an error raised while rendering it."""
    if isinstance(error, TemplateSyntaxError):
        return error.lineno
    frame = error.__traceback__
    while frame:
        if frame.tb_frame.f_code.co_filename == "<template>":
            return frame.tb_lineno
        frame = frame.tb_next
    return None


def on_serve(server, builder):
    """MkDocs' development server answers no request after a failed rebuild until one succeeds, yet the last good
    site is still whole in its folder (a build publishes only what built): report the mistake and go on serving
    that site until the mistake is fixed."""
    def rebuild():
        try:
            builder()
        except (Exception, SystemExit) as error:
            logging.getLogger("mkdocs").error(f"{error}\n{message('serve_kept')}")

    server.builder = rebuild
    return server


def on_post_page(output, page, config):
    return material_markup.repair(output)


def on_post_template(output, template_name, config):
    """404.html is written to the site root by every language build in turn; write each language's own copy into
    its folder instead, so the root one stays in the default language whatever the order of the builds."""
    output = material_markup.repair(output)
    lang = config["theme"]["language"]
    if template_name != "404.html" or lang == DEFAULT_LANGUAGE:
        return output
    path = Path(config["site_dir"]) / site_footer.not_found_file(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output, encoding="utf-8")
    return ""  # MkDocs writes nothing to the root for this language


def _eu_funding(config):
    return eu_funding(load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), config["theme"]["language"])


# A build writes into a staging folder beside the site folder and replaces the previous site only when every
# language has been built without error (and, in strict mode, without warning): a failed build never leaves a
# half-written site where the last good one was. One state per build run.
_run: dict = {}


def _stage(config):
    if not _run:
        target = Path(config["site_dir"])
        try:
            site_folder.check(target, ROOT)
        except SiteFolderError as error:
            raise Abort(str(error)) from None
        lock = site_folder.lock(target)
        staging = site_folder.work_folder(target, "staging")
        shutil.rmtree(staging, ignore_errors=True)
        site_folder.make_work_folder(staging)
        warnings = CountHandler()
        warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(warnings)
        _run.update(target=target, staging=staging, warnings=warnings, lock=lock)
    config["site_dir"] = str(_run["staging"])


def write_language_files(config):
    """The files of the language just built beside its pages: its search index, its calendars, and (with the
    default language) the vCards. Runs before mkdocs-static-i18n goes on to the next language."""
    lang = config["theme"]["language"]
    site_dir = Path(config["site_dir"])
    index = write_language_index(config, site_dir, lang)
    if _run:
        _run.setdefault("indexes", {})[lang] = index
    _write_calendar_files(config, site_dir, lang)
    if lang == DEFAULT_LANGUAGE:
        _write_vcards(site_dir)


def on_post_build(config) -> bool:
    """Publish the staged site; True when this ended the build run (published or discarded)."""
    i18n = config.plugins.get("i18n")
    if not _run or (i18n is not None and i18n.building):
        return False  # a language build inside the main one; the main one publishes
    logging.getLogger("mkdocs").removeHandler(_run["warnings"])
    if config["strict"] and _run["warnings"].get_counts():
        _discard()  # MkDocs aborts right after this event
        return True
    target, staging = _run["target"], _run["staging"]
    # mkdocs-static-i18n ends its run by writing its merged index of all languages over the default language's.
    (staging / INDEX_FILE).write_bytes(_run["indexes"][DEFAULT_LANGUAGE])
    publish(staging, target)
    config["site_dir"] = str(target)
    _run["lock"].close()
    _run.clear()
    return True


def publish(staging: Path, target: Path):
    """Replace the site folder by the staged one in two renames, so that the site is never half-written. Ctrl-C
    waits until both are done: between them there is no site folder at all."""
    previous = site_folder.work_folder(target, "previous")
    shutil.rmtree(previous, ignore_errors=True)
    interrupts = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        if target.exists():
            target.rename(previous)
        staging.rename(target)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, interrupts)
    shutil.rmtree(previous, ignore_errors=True)


def on_build_error(error):
    if _run:
        logging.getLogger("mkdocs").removeHandler(_run["warnings"])
        _discard()


def _discard():
    shutil.rmtree(_run["staging"], ignore_errors=True)
    _run["lock"].close()
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
    """One vCard per contact at the site root, shared by the three languages."""
    data = load_site_data(ROOT / "data")
    for contact in data.contacts:
        path = site_dir / page_paths.vcard_file(contact.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(vcard(contact, data).encode("utf-8"))
