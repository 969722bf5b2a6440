"""Issue 14: the menu is content (data/navigation.yml), checked against the page files in both directions."""

from __future__ import annotations

import shutil

import pytest
from conftest import LANGUAGES, ROOT, page_file, soup

from macros.content.page_files import page_problems
from macros.content.problems import DataError
from macros.content.site_data import load_site_data
from macros.engine.navigation import build_nav, nav_title

# The menu as macros/engine/navigation.py wrote it out before data/navigation.yml existed; the two overview pages,
# once both "Overview", now take their own headings (None: no title in the menu's data).
OLD_TITLES = {
    "nl": ["Home", "Over het project", "Kalender", "Partnerregio's", None, "Uitdagingen", None,
           "Regio's × uitdagingen", "Verwante projecten", "Partners", "Interesse?", "Contact", "Over deze website",
           "Toegankelijkheidsverklaring", "Privacy"],
    "en": ["Home", "About the project", "Calendar", "Partner regions", None, "Challenge areas", None,
           "Regions × challenge areas", "Related projects", "Partners", "Interested?", "Contact", "About this website",
           "Accessibility statement", "Privacy"],
    "zh": ["首页", "项目介绍", "活动日历", "中方合作地区", None, "重点领域", None, "地区与领域对照表", "相关项目",
           "合作伙伴", "合作意向", "联系我们", "关于本网站", "无障碍声明", "隐私声明"],
}


PROVINCES = {"nl": "Provincies", "en": "Provinces", "zh": "佛兰德合作省份"}


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """The messages are compared word for word: in English, which changes less often than the Dutch."""
    monkeypatch.setenv("I2PCC_MESSAGES", "en")


def old_nav(data, lang: str) -> list:
    (home, about, calendar, regions, regions_overview, challenges, challenges_overview, matrix, projects, partners,
     interest, contact, about_site, accessibility, privacy) = (t and nav_title(t) for t in OLD_TITLES[lang])
    return [
        {home: "index.md"},
        {about: "about.md"},
        {calendar: "calendar.md"},
        {regions: ["regions/index.md",
                   *({nav_title(r.short_name[lang]): f"regions/{r.id}.md"} for r in data.regions)]},
        {challenges: ["challenges/index.md", {matrix: "challenges/matrix.md"},
                      *({nav_title(c.name[lang]): f"challenges/{c.id}.md"} for c in data.challenges)]},
        # The section added with the province pages.
        {nav_title(PROVINCES[lang]): [{nav_title((p.short_name or p.name)[lang]): f"provinces/{p.id}.md"}
                                      for p in data.provinces]},
        {projects: "projects.md"},
        {partners: "partners.md"},
        {interest: "interest.md"},
        {contact: "contact.md"},
        {about_site: [{accessibility: "accessibility.md"}, {privacy: "privacy.md"}]},
    ]


def test_the_menu_from_navigation_yml_is_the_menu_of_before():
    data = load_site_data(ROOT / "data")
    for lang in LANGUAGES:
        assert build_nav(data, lang) == old_nav(data, lang), lang


def content_copy(tmp_path):
    """data/ and docs/ alone: enough for the content checks, in a fraction of a second."""
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def add_menu_line(root, after: str, lines: str) -> int:
    """Inserts lines after the first line equal to `after`; returns the line number of the first inserted line."""
    path = root / "data" / "navigation.yml"
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = [row.rstrip("\n") for row in rows].index(after) + 1
    rows[index:index] = [lines]
    path.write_text("".join(rows), encoding="utf-8")
    return index + 1


def problems_of(root) -> list[str]:
    return [str(p) for p in page_problems(root, root / "docs", load_site_data(root / "data"))]


def test_a_page_in_no_menu_is_named_with_the_fix(tmp_path):
    root = content_copy(tmp_path)
    (root / "docs" / "nl" / "nieuws.md").write_text("# Nieuws\n", encoding="utf-8")
    assert problems_of(root) == [
        "docs/nl/nieuws.md:1:1: this page is in no menu: add the line '- page: nieuws.md' to data/navigation.yml "
        "where it belongs in the menu, or list it under outside_menu there if it is reached through links only"]
    navigation = root / "data" / "navigation.yml"
    navigation.write_text(navigation.read_text(encoding="utf-8").replace("outside_menu: []", "outside_menu: [nieuws.md]"),
                          encoding="utf-8")
    assert problems_of(root) == []


def test_a_menu_line_without_its_page_names_the_line_and_the_file(tmp_path):
    root = content_copy(tmp_path)
    line = add_menu_line(root, "      zh: 活动日历", "  - page: nieuws.md\n")
    assert problems_of(root) == [
        f"data/navigation.yml:{line}:5: field 'nieuws.md': the menu names the page nieuws.md, but docs/nl/nieuws.md "
        "does not exist: create it (python -m macros.stubs then makes the other languages), or remove this line"]


def test_region_pages_left_out_of_the_menu_are_each_named(tmp_path):
    root = content_copy(tmp_path)
    navigation = root / "data" / "navigation.yml"
    navigation.write_text(navigation.read_text(encoding="utf-8").replace("      - generated: regions\n", ""),
                          encoding="utf-8")
    named = [p.split(":", 1)[0] for p in problems_of(root)]
    assert named == [f"docs/nl/regions/{region}.md" for region in
                     sorted(r.id for r in load_site_data(root / "data").regions)]


def test_a_malformed_menu_line_is_reported_on_its_line(tmp_path):
    root = content_copy(tmp_path)
    line = add_menu_line(root, "      zh: 活动日历", "  - page: nieuws.md\n    generated: regions\n")
    try:
        load_site_data(root / "data")
    except DataError as error:
        assert [str(p) for p in error.problems] == [
            f"data/navigation.yml:{line}:5: entry 'number 4 in the list': a line of the menu is a page "
            "(page: about.md), a section (section: with its titles, and its pages under pages:) or generated pages "
            "(generated: regions): give exactly one of page, section and generated"]
    else:
        raise AssertionError("the data check let a menu line with two kinds pass")


def test_the_overview_pages_have_titles_of_their_own_and_the_home_pages_the_site_name(site):
    """Review I: the overview pages of the regions and of the challenge areas were both "Overview"; the English and
    Chinese home pages were titled "Home - …" where the Dutch one was not."""
    import yaml

    for lang in LANGUAGES:
        strings = yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8"))
        titles = []
        for page, key in (("regions/", "overview.regions_title"), ("challenges/", "overview.challenges_title")):
            html = soup(page_file(site, lang, page))
            title = strings[key]
            assert html.select_one("article h1").get_text(strip=True) == title
            assert html.title.get_text() == f"{title}{strings['punct.title_separator']}{strings['site_name']}"
            assert html.select_one('nav.md-nav--primary a.md-nav__link[href="./"]').get_text(strip=True) == title
            titles.append(title)
        assert len(set(titles)) == 2
        assert soup(page_file(site, lang, "")).title.get_text() == strings["site_name"]
        assert soup(page_file(site, lang, "")).select_one('meta[property="og:title"]')["content"] == strings["site_name"]
