"""Two pieces of invalid HTML in Material's templates (Nu HTML Checker errors), repaired in the built pages
because overriding them would mean copying Material's partials.

- `autocomplete="off"` on the drawer and search toggle checkboxes: the attribute is not allowed on checkboxes.
  Material uses it so that a browser does not reopen the menu or search after going back; docs/assets/toggles.js
  closes them instead.
- `tabindex=""` on the labels of navigation sections (navigation.sections): an empty tabindex is no integer, and
  browsers already treat it as absent.

Material and mkdocs-static-i18n write each language's folder name as its language tag (`<html lang="zh">`, the
language switcher's hreflang); the site's tag is the one in macros/languages.py (zh-Hans), everywhere.

It also names the search dialog (role="dialog" without a name; axe best practice), with the label Material gives
the search field in the page's language.
"""

from __future__ import annotations

import re

from macros.languages import LANGUAGE_TABLE

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')


_FOLDER_TAGS = [(re.compile(rf'(\s(?:lang|hreflang))="{language.code}"'), rf'\1="{language.tag}"')
                for language in LANGUAGE_TABLE if language.tag != language.code]


def repair(html: str) -> str:
    html = _EMPTY_TABINDEX.sub(r"\1", _TOGGLE_AUTOCOMPLETE.sub(r"\1", html))
    for folder_tag, tag in _FOLDER_TAGS:
        html = folder_tag.sub(tag, html)
    label = _SEARCH_LABEL.search(html)
    if label:
        html = html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)
    return html
