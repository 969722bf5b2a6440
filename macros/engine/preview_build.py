"""The quick rebuild of `mkdocs serve` (macros/engine/serving.py) that shows an edit first: the page being looked at
alone, the other pages of its language left out (a whole rebuild of the language follows)."""

from __future__ import annotations

import logging
import os

from jinja2 import Template

from macros.engine.page_rendering import render_page
from macros.engine.publishing import PREVIEW_PAGE_ENV

# The template of a page left out: MkDocs writes no file for a page whose output is empty, and Jinja takes a
# template object wherever it takes a template's name (a page's `template:`).
_NOTHING = Template("")


def on_config(config):
    if os.environ.get(PREVIEW_PAGE_ENV):
        # A link to a heading of a page left out cannot be checked here; the whole rebuild that follows checks it.
        config.validation.links.anchors = logging.DEBUG
    return config


def leaves_out(page) -> bool:
    """Whether a quick rebuild leaves this page out: it renders only the page being looked at."""
    only = os.environ.get(PREVIEW_PAGE_ENV)
    return bool(only) and page.file.dest_uri != only


def on_page_markdown(markdown, page, config):
    if not leaves_out(page):
        return render_page(markdown, page, config)
    # The menu of the page being looked at names this page: keep the title MkDocs reads from its source, then
    # render nothing.
    page.title = page.title
    page.meta["template"] = _NOTHING
    return ""
