"""The site navigation, derived from data so that a new region or challenge area appears without editing mkdocs.yml."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.content import page_paths
from macros.content.site_data import SiteData
from macros.content.strings import Strings


def nav_title(text: str) -> Markup:
    """A title as HTML that shows the text as it is. Material prints nav titles (and the page titles taken from them)
    raw in the menu, the header and the footer links, and escapes them where it escapes, which leaves Markup as it
    is. Braces are written as character references too: mkdocs-macros runs a page title holding "{{" or "{%" as a
    Jinja template, which would execute a data value and print its result unescaped."""
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


def build_nav(data: SiteData, strings: Strings, lang: str) -> list:
    t = lambda key: nav_title(strings.get(lang, key))  # noqa: E731
    return [
        {t("nav.home"): page_paths.HOME},
        {t("nav.about"): page_paths.ABOUT},
        {t("nav.calendar"): page_paths.CALENDAR},
        {t("nav.regions"): [
            {t("nav.regions_overview"): page_paths.REGIONS_INDEX},
            *({nav_title(r.short_name[lang]): page_paths.region_page(r.id)} for r in data.regions),
        ]},
        {t("nav.challenges"): [
            {t("nav.challenges_overview"): page_paths.CHALLENGES_INDEX},
            {t("nav.matrix"): page_paths.MATRIX},
            *({nav_title(c.name[lang]): page_paths.challenge_page(c.id)} for c in data.challenges),
        ]},
        {t("nav.provinces"): [
            {nav_title(p.short_name[lang] if p.short_name else p.name[lang]): page_paths.province_page(p.id)}
            for p in data.provinces
        ]},
        {t("nav.projects"): page_paths.PROJECTS},
        {t("nav.partners"): page_paths.PARTNERS},
        {t("nav.interest"): page_paths.INTEREST},
        {t("nav.contact"): page_paths.CONTACT},
        # Also linked from the foot of every page; Material's table of contents needs them in the nav.
        {t("footer.about_site"): [
            {t("nav.accessibility"): page_paths.ACCESSIBILITY},
            {t("nav.privacy"): page_paths.PRIVACY},
        ]},
    ]
