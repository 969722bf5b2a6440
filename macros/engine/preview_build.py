"""What the rebuilds of `mkdocs serve` (macros/engine/serving.py) leave out: the sitemap, and in the quick rebuild that
shows an edit first, every page but the one being looked at (a whole rebuild of the language follows it)."""

from __future__ import annotations

import logging
import os

from jinja2 import Template
from mkdocs.utils import get_markdown_title

from macros.engine.configure import LANGUAGE_ENV
from macros.engine.navigation import heading_title
from macros.engine.page_rendering import render_page
from macros.engine.publishing import PREVIEW_ENV, PREVIEW_PAGE_ENV

# The template of a page left out: MkDocs writes no file for a page whose output is empty, and Jinja takes a
# template object wherever it takes a template's name (a page's `template:`).
_NOTHING = Template("")


def on_config(config):
    if os.environ.get(PREVIEW_PAGE_ENV):
        # A link to a heading of a page left out cannot be checked here; the whole rebuild that follows checks it.
        config.validation.links.anchors = logging.DEBUG
    return config


def leave_out_theme_pages(config):
    """The pages MkDocs makes from the theme alone that a rebuild of `mkdocs serve` does without: the sitemap, and
    in a quick rebuild the 404 page. Left out once MkDocs has listed the theme's files, so that the sitemap's
    template is not taken for a file to copy."""
    if not (os.environ.get(PREVIEW_ENV) and os.environ.get(LANGUAGE_ENV)):
        return  # a published build, or the first, whole build of `mkdocs serve`
    config.theme.static_templates.discard("sitemap.xml")
    if os.environ.get(PREVIEW_PAGE_ENV):
        config.theme.static_templates.discard("404.html")


def leaves_out(page) -> bool:
    """Whether a quick rebuild leaves this page out: it renders only the page being looked at."""
    only = os.environ.get(PREVIEW_PAGE_ENV)
    return bool(only) and page.file.dest_uri != only


def on_page_markdown(markdown, page, config):
    if not leaves_out(page):
        return render_page(markdown, page, config)
    # The menu of the page being looked at names this page: keep the title MkDocs reads from its source, then
    # render nothing. A page whose heading a macro writes (the overview pages) is rendered for it, as the whole
    # rebuild will; MkDocs would name it after its file.
    if "title" not in vars(page) and "title" not in page.meta and get_markdown_title(markdown) is None:
        heading = get_markdown_title(render_page(markdown, page, config))
        page.title = heading_title(heading) if heading else page.title
    else:
        page.title = page.title
    page.meta["template"] = _NOTHING
    return ""
