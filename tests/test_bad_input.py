"""Issue 5: every kind of editing mistake stops the build with the file, line and field to fix, exits non-zero,
and leaves the previously built site exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, build_site


@dataclass(frozen=True)
class Case:
    name: str
    file: str  # relative to the project
    old: str  # text replaced in the file ("" = replace the whole file content with `new`; None = delete the file)
    new: str | None
    where: str | None  # "file:" prefix expected in the message, completed with the line of `marker` if given
    marker: str | None  # a line in the broken file whose number the message must name
    says: tuple[str, ...]  # further text the message must contain


CASES = [
    Case("missing translation", "data/regions.yml", "      zh: 河北省\n", "", "data/regions.yml", "    name:",
         ("entry 'hebei', field 'name.zh'", "Chinese (zh) text is missing")),
    Case("empty text", "data/regions.yml", "nl: Provincie Hebei", 'nl: ""', "data/regions.yml", '      nl: ""',
         ("field 'name.nl'", "empty")),
    Case("misspelt field", "data/regions.yml", "    capital:\n      nl: Shijiazhuang", "    capitol:\n      nl: Shijiazhuang",
         "data/regions.yml", "    capitol:", ("field 'capitol'", "not known")),
    Case("id not lowercase-kebab", "data/regions.yml", "  - id: hebei", "  - id: Hebei Province", "data/regions.yml",
         "  - id: Hebei Province", ("field 'id'", "not a valid id")),
    Case("duplicate id", "data/regions.yml", "  - id: shaanxi", "  - id: hebei", "data/regions.yml", None,
         ("'hebei' is used twice",)),
    Case("unknown sister province", "data/regions.yml", "sister_province: oost-vlaanderen",
         "sister_province: west-vlaanderen", "data/regions.yml", "    sister_province: west-vlaanderen",
         ("field 'sister_province'", "'west-vlaanderen' is not a province")),
    Case("unknown challenge id", "data/regions.yml", "        challenges: [industrial-water, sludge, waste-processing]",
         "        challenges: [waterstof, sludge, waste-processing]",
         "data/regions.yml", None, ("entry 'hebei'", "'waterstof' is not a challenge area")),
    Case("text where a number belongs", "data/regions.yml", "population: {count: 65000000}", "population: {count: veel}", "data/regions.yml",
         "    population: {count: veel}", ("field 'population.count'", "whole number")),
    Case("year out of range", "data/regions.yml", "tie_since: 1985", "tie_since: 19850", "data/regions.yml",
         "    tie_since: 19850", ("field 'tie_since'", "out of range")),
    Case("single text instead of three languages", "data/challenges.yml",
         "    name:\n      nl: Slib\n      en: Sludge\n      zh: 污泥处理", "    name: Slib", "data/challenges.yml",
         "    name: Slib", ("entry 'sludge', field 'name'", "nl:, en:, zh:")),
    Case("missing required field", "data/challenges.yml",
         "    description:\n      nl: Energie-efficiëntie in al haar facetten.\n      en: Energy efficiency in all its aspects.\n      zh: 全方位提高能源效率。\n",
         "", "data/challenges.yml", "  - id: energy-efficiency", ("entry 'energy-efficiency', field 'description'", "required")),
    Case("empty list", "data/challenges.yml", "challenges:\n  - id: zero-emission-production", "challenges: []\n\nrest:\n  - id: zero-emission-production",
         "data/challenges.yml", None, ("field" if False else "data/challenges.yml",)),
    Case("kind not allowed", "data/organisations.yml", "    kind: government-agency", "    kind: agency",
         "data/organisations.yml", "    kind: agency", ("entry 'fit', field 'kind'", "not allowed")),
    Case("data file missing", "data/organisations.yml", "", None, "data/organisations.yml:1:1", None, ("missing",)),
    Case("tab indentation", "data/challenges.yml", "  - id: sludge", "\t- id: sludge", "data/challenges.yml",
         "\t- id: sludge", ("tab",)),
    Case("unclosed quote", "data/challenges.yml", "    name:\n      nl: Slib\n", '    name:\n      nl: "Slib\n',
         "data/challenges.yml", '      nl: "Slib', ("unclosed quote",)),
    Case("colon in an unquoted text", "data/challenges.yml", "    name:\n      nl: Slib\n",
         "    name:\n      nl: Slib: zuivering\n", "data/challenges.yml", "      nl: Slib: zuivering", ("quotes",)),
    Case("duplicate field", "data/regions.yml", "    capital:\n      nl: Shijiazhuang",
         "    capital:\n      nl: Shijiazhuang\n      nl: Baoding", "data/regions.yml", "      nl: Baoding", ("twice",)),
    Case("interface string missing in one language", "locales/zh.yml", "nav.projects: 相关项目\n", "",
         "locales/zh.yml", None, ("field 'nav.projects'", "missing")),
    Case("placeholder changed in a translation", "locales/en.yml", "region.more: Go to the profile of {region}",
         "region.more: Go to the profile of {regio}", "locales/en.yml", None, ("field 'region.more'", "placeholders")),
    Case("page file missing", "docs/zh/regions/hebei.md", "", None, "docs/zh/regions/hebei.md", None,
         ("python -m macros.stubs",)),
    Case("page asks for an unknown region", "docs/en/regions/hebei.md", "", '{{ region_page("hebeii") }}\n',
         "en/regions/hebei.md", None, ("no region with id 'hebeii'",)),
    Case("broken link in a page", "docs/en/about.md", "](regions/index.md)", "](regions/indexx.md)", "about.md", None,
         ("regions/indexx.md",)),
]


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    project = tmp_path_factory.mktemp("bad-input") / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", "site", "__pycache__", ".pytest_cache"))
    site = project.parent / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout[-3000:]
    return project, site, _fingerprint(site)


def test_there_are_at_least_twenty_kinds_of_mistake():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_mistake_is_reported_precisely_and_the_last_good_site_stays(good_build, case):
    project, site, fingerprint = good_build
    path = project / case.file
    original = path.read_text(encoding="utf-8")
    try:
        if case.new is None:
            path.unlink()
            broken = ""
        else:
            assert case.old in original, "the test case no longer matches the file"
            broken = original.replace(case.old, case.new, 1) if case.old else case.new
            path.write_text(broken, encoding="utf-8")
        result = build_site(project, site)
    finally:
        path.write_text(original, encoding="utf-8")

    assert result.returncode != 0
    expected = case.where
    if case.marker:
        line = broken.splitlines().index(case.marker) + 1
        expected = f"{case.where}:{line}:"
    assert expected in result.stdout, result.stdout[-2000:]
    for words in case.says:
        assert words in result.stdout, result.stdout[-2000:]
    assert _fingerprint(site) == fingerprint, "the previous site was changed by a failed build"
