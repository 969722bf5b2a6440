"""What a staff editor meets: one YAML entry and one command add a region to every page that lists regions.
(Mistakes and their messages: tests/test_bad_input.py.)"""

from __future__ import annotations

import subprocess
import sys

from conftest import LANGUAGES, article, build_site, page_file

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


def test_a_new_region_needs_one_entry_and_the_stub_command(project_copy, tmp_path, capsys):
    with open(project_copy / "data" / "regions.yml", "a", encoding="utf-8") as regions:
        regions.write(NEW_REGION)

    # What the build checks first (the same function), without building.
    assert check.main(project_copy) == 1
    reported = capsys.readouterr().out
    for lang in LANGUAGES:
        assert f"docs/{lang}/regions/testregio.md" in reported
    assert "python -m macros.stubs" in reported

    created = subprocess.run([sys.executable, "-m", "macros.stubs"], cwd=project_copy,
                             capture_output=True, text=True, check=True)
    assert created.stdout.count("aangemaakt: docs/") == 3

    built = build_site(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.stdout[-3000:]
    site = tmp_path / "site"
    for lang, name in (("nl", "Testregio"), ("en", "Test region"), ("zh", "测试地区")):
        assert article(page_file(site, lang, "regions/testregio")).h1.get_text(strip=True) == name
    matrix = article(page_file(site, "en", "challenges/matrix"))
    assert matrix.select_one('td[data-region="testregio"][data-challenge="smart-grid-storage"]')["data-count"] == "1"
    grid_page = article(page_file(site, "zh", "challenges/smart-grid-storage")).get_text()
    assert "测试的合作机遇" in grid_page  # the region by its short name
    # Until data/geo/ has its shape, the new region is on no map, and the maps still build.
    assert article(page_file(site, "en", "regions/testregio")).select_one("figure.i2-map") is None
    assert len(article(page_file(site, "en", "regions")).select("figure.i2-map a")) == 5
