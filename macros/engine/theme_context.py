"""What Material's templates get beyond MkDocs' own context: alternates, the fallback notice, the EU statement,
link previews, the QR code and footer links, the language suggestions, the 404 pages; and the repairs of
Material's markup in every page written."""

from __future__ import annotations

import os
from copy import deepcopy
from pathlib import Path
from urllib.parse import urljoin

from macros import ROOT
from macros.content.page_files import is_untranslated_copy
from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.engine import material_markup
from macros.engine.language_builds import page_switcher, sitemap_entries, source_language
from macros.engine.navigation import heading_title
from macros.engine.preview_build import leaves_out
from macros.engine.publishing import LANGUAGE_ENV
from macros.files.build_cache import keep_compiled
from macros.languages import DEFAULT_LANGUAGE, language, language_folder
from macros.render import sharing, site_footer
from macros.render.contacts import eu_funding
from macros.render.language_suggestion import language_suggestions
from macros.render.page_descriptions import data_description


def on_page_context(context, page, config, nav):
    if leaves_out(page):
        return context
    site_url = config["site_url"]
    strings = load_strings(ROOT / "locales")
    lang = config["theme"]["language"]
    # An attribute of `extra`, which templates read before the key, as mkdocs-static-i18n sets it in a whole build.
    config["extra"].alternate = page_switcher(page, config, lang)
    alternates = []
    for alternate in config["extra"].alternate:
        href = urljoin(site_url, alternate["link"])
        alternates.append({"hreflang": language(alternate["lang"]).tag, "href": href})
        # The default language also serves as x-default.
        if alternate["lang"] == DEFAULT_LANGUAGE:
            alternates.append({"hreflang": "x-default", "href": href})
    context["i2_alternates"] = alternates
    # A page missing in this language is served from its Dutch source: say so in the reader's language and mark
    # the content as Dutch, so that screen readers and search engines read it as Dutch. A copy of the Dutch page
    # waiting for its translator (python -m macros.stubs) is the same Dutch text, served the same way.
    source_lang = source_language(page, config)
    if source_lang == lang and is_untranslated_copy(Path(config["docs_dir"]), lang, page.file.src_uri.split("/", 1)[1],
                                                    load_site_data(ROOT / "data")):
        source_lang = DEFAULT_LANGUAGE
    if source_lang != lang:
        context["i2_fallback"] = {"lang": source_lang, "notice": strings.get(lang, "fallback.notice")}
    context["i2_eu_funding"] = _eu_funding(config)
    context["i2_home"] = is_home(page)
    context.update(_sharing_context(page, config))
    context["i2_search_base"] = _search_base(context["base_url"], lang)
    return context


def _search_base(base_url: str, lang: str) -> str:
    """Where Material's search finds the page's language's index (overrides/main.html, block config)."""
    return base_url.rstrip("/") + "/" + language_folder(lang)


def on_page_content(html, page, config, files):
    """A title MkDocs takes from the page's rendered heading (no title in the menu's data or the front matter) is
    HTML, its text escaped for text but not for attributes: made the same as the menu's titles, or Material escapes
    it a second time where it writes `title | e` (the previous/next labels). Done as each page is rendered, before
    any page's template reads its neighbours' titles."""
    if "title" not in vars(page) and "title" not in (page.meta or {}):
        page.title = heading_title(page.title)
    return html


def on_env(env, config, files):
    keep_compiled(env)
    strings, lang = load_strings(ROOT / "locales"), config["theme"]["language"]
    # For every template, pages and 404.html alike: the other languages offered to a visitor who prefers one of
    # them; the colon of Material's "Previous: …" labels and, in <title>, what joins the page title and the site
    # name (Material's " - "; in Chinese the full-width forms).
    env.globals["i2_language_suggestions"] = language_suggestions(strings, lang, config["site_url"])
    env.globals["i2_colon"] = strings.get(lang, "punct.colon")
    env.globals["i2_title_separator"] = strings.get(lang, "punct.title_separator")
    if os.environ.get(LANGUAGE_ENV):
        env.globals["i2_sitemap"] = sitemap_entries({lang: files.documentation_pages()})
    return env


def on_template_context(context, template_name, config):
    # Pages built from theme templates alone (404.html) carry the EU statement too.
    context["i2_eu_funding"] = _eu_funding(config)
    strings = load_strings(ROOT / "locales")
    context["i2_footer_links"] = site_footer.footer_links(strings, config["theme"]["language"])
    if template_name == "404.html":
        # The language switcher points at each page's translations; the last page's links would stay for 404.html.
        config["extra"].alternate = deepcopy(config["extra"]["alternate"])
        context["i2_not_found"] = site_footer.not_found_context(strings, config["theme"]["language"],
                                                                 config["site_url"])
        # MkDocs gives every 404 page the site's root as its base: without this, the English and Chinese ones
        # searched the Dutch index.
        context["i2_search_base"] = _search_base(context["base_url"], config["theme"]["language"])
    # The sitemap names the default language's page as x-default, whichever language a build started with.
    context["i2_default_language"] = DEFAULT_LANGUAGE
    if template_name == "sitemap.xml" and not os.environ.get(LANGUAGE_ENV):
        # A whole build writes the sitemap again after each language, with the pages of every language built so far
        # (mkdocs-static-i18n's template variable); a one-language build has its own pages (on_env).
        context["i2_sitemap"] = sitemap_entries(context["i18n_alternates"])
    return context


def is_home(page) -> bool:
    """The home page of a language: MkDocs marks only the root page (the Dutch one) as the home page; /en/ and /zh/
    are known by the home template their page asks for."""
    return page.is_homepage or (page.meta or {}).get("template") == "home.html"


# Link previews and the QR code of the page, and the links at the foot of every page.
def _sharing_context(page, config) -> dict:
    strings = load_strings(ROOT / "locales")
    lang = config["theme"]["language"]
    description = ((page.meta or {}).get("description")
                   or data_description(load_site_data(ROOT / "data"), lang, page.file.src_uri.split("/", 1)[1])
                   or config["site_description"])
    title = config["site_name"] if is_home(page) else page.title
    return {
        "i2_share": sharing.share_context(strings, lang, config["site_url"], page.canonical_url, title, description),
        "i2_footer_links": site_footer.footer_links(strings, lang),
    }


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
    """The same block on every page of a language: rendered once per language and per version of the data and
    strings (load_site_data and load_strings give new objects when their files change)."""
    data, strings, lang = load_site_data(ROOT / "data"), load_strings(ROOT / "locales"), config["theme"]["language"]
    kept = _EU_FUNDING.get(lang)
    if kept is None or kept[0] is not data or kept[1] is not strings:
        kept = _EU_FUNDING[lang] = (data, strings, eu_funding(data, strings, lang))
    return kept[2]


_EU_FUNDING: dict = {}
