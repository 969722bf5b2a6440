"""The site navigation, from data/navigation.yml (macros/content/menu.py), so that a new page, region or challenge
area appears without editing mkdocs.yml."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.content.menu import MenuPage, MenuSection, menu_tree
from macros.content.site_data import SiteData


def nav_title(text: str) -> Markup:
    """A title as HTML that shows the text as it is. Material prints nav titles (and the page titles taken from them)
    raw in the menu, the header and the footer links, and escapes them where it escapes, which leaves Markup as it
    is. Braces are written as character references too: mkdocs-macros runs a page title holding "{{" or "{%" as a
    Jinja template, which would execute a data value and print its result unescaped."""
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


def build_nav(data: SiteData, lang: str) -> list:
    """MkDocs' nav for one language, from data/navigation.yml with its generated entries expanded."""
    return [_nav_item(item, lang) for item in menu_tree(data.navigation, data)]


def _nav_item(item: MenuPage | MenuSection, lang: str):
    if isinstance(item, MenuSection):
        return {nav_title(item.title[lang]): [_nav_item(child, lang) for child in item.items]}
    # Without a title MkDocs takes the page's own first heading, in the language the page is served in.
    return item.path if item.title is None else {nav_title(item.title[lang]): item.path}


def heading_title(heading_html: str) -> Markup:
    """A title taken from a rendered heading, made like the menu's titles: its text, escaped for any place (quotes
    included, for the attributes Material writes it into)."""
    return nav_title(Markup(heading_html).striptags())
