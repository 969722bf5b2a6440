"""What a staff editor meets: one YAML entry adds a region, and a mistake stops the build with a clear message."""

from __future__ import annotations

import subprocess
import sys

from conftest import LANGUAGES, article, build_site, page_file

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


def test_a_new_region_needs_one_entry_and_the_stub_command(project_copy, tmp_path):
    with open(project_copy / "data" / "regions.yml", "a", encoding="utf-8") as regions:
        regions.write(NEW_REGION)

    failed = build_site(project_copy, tmp_path / "site1")
    assert failed.returncode != 0
    for lang in LANGUAGES:
        assert f"docs/{lang}/regions/testregio.md" in failed.stdout
    assert "python -m macros.stubs" in failed.stdout

    created = subprocess.run([sys.executable, "-m", "macros.stubs"], cwd=project_copy,
                             capture_output=True, text=True, check=True)
    assert created.stdout.count("created") == 3

    built = build_site(project_copy, tmp_path / "site2")
    assert built.returncode == 0, built.stdout[-3000:]
    site = tmp_path / "site2"
    for lang, name in (("nl", "Testregio"), ("en", "Test region"), ("zh", "测试地区")):
        assert article(page_file(site, lang, "regions/testregio")).h1.get_text(strip=True) == name
    matrix = article(page_file(site, "en", "challenges/matrix"))
    assert matrix.select_one('td[data-region="testregio"][data-challenge="smart-grid-storage"]')["data-count"] == "1"
    grid_page = article(page_file(site, "zh", "challenges/smart-grid-storage")).get_text()
    assert "测试地区" in grid_page
    # Until data/geo/ has its shape, the new region is on no map, and the maps still build.
    assert article(page_file(site, "en", "regions/testregio")).select_one("figure.i2-map") is None
    assert len(article(page_file(site, "en", "regions")).select("figure.i2-map a")) == 5


def test_a_data_mistake_names_file_line_entry_and_field(project_copy, tmp_path):
    regions = project_copy / "data" / "regions.yml"
    lines = regions.read_text(encoding="utf-8").splitlines()
    # Remove the Chinese name of the first region and point an opportunity at a challenge that does not exist.
    zh_line = next(i for i, line in enumerate(lines) if line.strip() == "zh: 河北省")
    del lines[zh_line]
    regions.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "data/regions.yml:" in result.stdout
    assert "entry 'hebei', field 'name.zh'" in result.stdout
    assert "Chinese (zh) text is missing" in result.stdout
    assert "Traceback" not in result.stdout


def test_a_yaml_syntax_error_names_the_line(project_copy, tmp_path):
    challenges = project_copy / "data" / "challenges.yml"
    text = challenges.read_text(encoding="utf-8").replace("  - id: sludge", "\t- id: sludge")
    challenges.write_text(text, encoding="utf-8")
    line = text.splitlines().index("\t- id: sludge") + 1
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"data/challenges.yml:{line}:" in result.stdout
    assert "tab" in result.stdout
