"""Where each language's pages go, and the links between a page and its translations.

A build is either the whole site (`mkdocs build`, the first build of `mkdocs serve`: mkdocs-static-i18n builds the
languages one after another) or one language of it, with I2PCC_LANGUAGE set (`python -m macros.build` runs one per
language in parallel, and `mkdocs serve` rebuilds one language at a time). mkdocs.yml passes that language to the
plugin's public `build_only_locale` option, so that the plugin builds it alone; but it builds it as the site's only
and default language: at the root, from its own pages, with no other language to link to. `place_pages` puts it
back where a whole build has it, so that both builds make the same files byte for byte: its pages under its folder
(/en/), a page it lacks made from the Dutch one at its own address (the plugin serves the default language's page
there), in the order a whole build gives them (that of the sitemap and the search index). The language switcher and
the alternates of the pages' heads and of the sitemap follow one rule in both builds: every page exists in every
language (the build refuses a translation without its Dutch page), at the same place in each language's folder.
"""

from __future__ import annotations

import os
from copy import deepcopy
from urllib.parse import urlsplit

from mkdocs.structure.files import File

from macros.engine.publishing import LANGUAGE_ENV
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES, language, language_folder

# The pages of docs/ in MkDocs' order, as they were before mkdocs-static-i18n kept only one language's.
_docs_order: list[str] = []


def remember_order(files):
    if os.environ.get(LANGUAGE_ENV):
        _docs_order[:] = [file.src_uri for file in files.documentation_pages()]
    return files


def place_pages(files, config):
    lang = os.environ.get(LANGUAGE_ENV)
    folder = language_folder(lang) if lang else ""
    if not folder:
        return files
    own = {}
    for file in files.documentation_pages():
        # The plugin set these three itself (it took the language's folder off), so MkDocs would not redo them:
        # the address is computed again from the new path once the plugin's value is gone.
        file.dest_path = folder + file.dest_path
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_path))
        del file.url
        own[file.src_uri] = file
        files.remove(file)
    # A whole build takes each page where its name first appears in docs/<lang> or docs/nl: the language's own
    # pages and the Dutch stand-ins in the order of whichever folder comes first.
    pages = {}
    for src_uri in _docs_order:
        source, _, name = src_uri.partition("/")
        if source in (lang, DEFAULT_LANGUAGE) and name not in pages:
            # A stand-in named as the language's own page, for the menu and the links of the other pages to find.
            pages[name] = own.pop(f"{lang}/{name}", None) or File.generated(
                config, f"{lang}/{name}", abs_src_path=os.path.join(config.docs_dir, DEFAULT_LANGUAGE, name))
    for file in [*pages.values(), *own.values()]:
        files.append(file)
    return files


def source_language(page, config) -> str:
    """The language of the file a page is made from (Dutch for a stand-in)."""
    folder = os.path.relpath(page.file.abs_src_path, config["docs_dir"]).split(os.sep)[0]
    return folder if folder in LANGUAGES else DEFAULT_LANGUAGE


def language_switcher(config) -> list[dict]:
    """The language switcher of the pages without translations of their own (the home pages, 404.html): every
    language's home page, as mkdocs-static-i18n lists them."""
    base = urlsplit(config["site_url"] or "").path.rstrip("/")
    return [{"name": language(code).name, "link": f"{base}/{language_folder(code)}", "lang": code}
            for code in LANGUAGES]


def page_switcher(page, config, lang: str) -> list[dict]:
    """The language switcher of a page: its translations, except on a language's home page, where
    mkdocs-static-i18n keeps the links to the home pages."""
    entries = deepcopy(config["extra"]["alternate"])
    if page.url.rstrip("/") not in ("", ".", lang):
        urls = alternate_urls(page.url, lang)
        for entry in entries:
            entry["link"] = urls[entry["lang"]]
    return entries


def alternate_urls(url: str, lang: str) -> dict[str, str]:
    """A page of `lang` in every language, as MkDocs writes a page's url: the page's own language first, then the
    others by code (mkdocs-static-i18n's order)."""
    name = ("" if url == "./" else url)[len(language_folder(lang)):]
    return {code: language_folder(code) + name or "./" for code in [lang, *sorted(set(LANGUAGES) - {lang})]}


def sitemap_entries(pages_by_language: dict) -> list[tuple[str, dict[str, str]]]:
    """(url, alternate urls) of every page of the sitemap."""
    return [(file.url, alternate_urls(file.url, lang)) for lang, files in pages_by_language.items()
            for file in files if file.page and not file.page.is_link]
