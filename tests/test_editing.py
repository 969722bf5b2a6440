"""What a staff editor meets: one YAML entry and one command add a region to every page that lists regions; a Dutch
page, the stub command and one menu line add a page to every language; a page not yet translated is served in
Dutch. The three edits are made in one copy of the sources, which is checked, given its stubs and built once.
(Mistakes and their messages: tests/test_bad_input.py.)"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from types import SimpleNamespace

import pytest
from conftest import LANGUAGES, article, build_site, copy_project, page_file, soup
from test_navigation import OLD_TITLES, add_menu_line

from macros import check

NEW_REGION = """
  - id: testregio
    name:
      nl: Testregio
      en: Test region
      zh: 测试地区
    short_name:
      nl: Testregio
      en: Test region
      zh: 测试
    sister_province: limburg
    summary:
      nl: Een regio om het toevoegen te testen.
      en: A region to test adding one.
      zh: 用于测试添加地区的地区。
    opportunities:
      - text:
          nl: Smart grids
          en: Smart grids
          zh: 智能电网
        challenges: [smart-grid-storage]
"""


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    with open(project / "data" / "regions.yml", "a", encoding="utf-8") as regions:
        regions.write(NEW_REGION)
    (project / "docs" / "nl" / "nieuws.md").write_text("# Nieuws\n\nHet laatste nieuws.\n", encoding="utf-8")
    add_menu_line(project, "      zh: 活动日历",
                  "  - page: nieuws.md\n    title:\n      nl: Nieuws\n      en: News\n      zh: 新闻\n")
    # What the build checks first (the same function), without building.
    with contextlib.redirect_stdout(io.StringIO()) as report:
        checked = check.main(project)
    stubs = subprocess.run([sys.executable, "-m", "macros.stubs"], cwd=project, capture_output=True, text=True)
    # A translation that is not there yet (removed after the stubs, which would write it again).
    (project / "docs" / "zh" / "projects.md").unlink()
    site = project.parent / "site"
    built = build_site(project, site)
    assert built.returncode == 0, built.stdout[-3000:]
    return SimpleNamespace(project=project, checked=checked, report=report.getvalue(), stubs=stubs, site=site)


def test_a_new_region_needs_one_entry_and_the_stub_command(edited):
    assert edited.checked == 1
    for lang in LANGUAGES:
        assert f"docs/{lang}/regions/testregio.md" in edited.report
    assert "python -m macros.stubs" in edited.report

    assert edited.stubs.returncode == 0, edited.stubs.stderr
    for lang in LANGUAGES:
        assert f"aangemaakt: docs/{lang}/regions/testregio.md\n" in edited.stubs.stdout, edited.stubs.stdout
    site = edited.site
    for lang, name in (("nl", "Testregio"), ("en", "Test region"), ("zh", "测试地区")):
        assert article(page_file(site, lang, "regions/testregio")).h1.get_text(strip=True) == name
    matrix = article(page_file(site, "en", "challenges/matrix"))
    assert matrix.select_one('td[data-region="testregio"][data-challenge="smart-grid-storage"]')["data-count"] == "1"
    grid_page = article(page_file(site, "zh", "challenges/smart-grid-storage")).get_text()
    assert "测试的合作机遇" in grid_page  # the region by its short name
    # Until data/geo/ has its shape, the new region is on no map, and the maps still build.
    assert article(page_file(site, "en", "regions/testregio")).select_one("figure.i2-map") is None
    assert len(article(page_file(site, "en", "regions")).select("figure.i2-map a")) == 5


def test_a_new_page_with_stubs_and_one_menu_line_is_in_the_menu_of_every_language(edited):
    assert ("aangemaakt: docs/en/nieuws.md, een kopie van de Nederlandse pagina: vertaal ze daar"
            in edited.stubs.stdout), edited.stubs.stdout
    assert (edited.project / "docs" / "zh" / "nieuws.md").read_text(encoding="utf-8").startswith("# Nieuws")
    for lang, title in (("nl", "Nieuws"), ("en", "News"), ("zh", "新闻")):
        links = soup(page_file(edited.site, lang, "")).select("nav.md-nav--primary a.md-nav__link")
        texts = [a.get_text(" ", strip=True) for a in links]
        assert texts[texts.index(title) - 1] == OLD_TITLES[lang][2], (lang, texts)
        page = soup(page_file(edited.site, lang, "nieuws/"))
        notice = page.select_one(".i2-fallback-notice")
        # The copy is still the Dutch text: served as Dutch, with the notice in the reader's language.
        assert (notice is None) == (lang == "nl"), lang
        assert page.select_one("article h1").get_text(strip=True) == "Nieuws"


def test_a_page_missing_in_a_language_is_served_in_dutch_with_a_notice(edited):
    page = soup(edited.site / "zh" / "projects" / "index.html")
    notice = page.select_one(".i2-fallback-notice")
    assert notice.get_text(strip=True) == "本页尚未译成中文，以下为荷兰语原文。"
    dutch = notice.find_next_sibling("div")
    assert dutch["lang"] == "nl" and dutch.h1.get_text(strip=True) == "Verwante projecten"
    assert soup(edited.site / "en" / "projects" / "index.html").select_one(".i2-fallback-notice") is None
