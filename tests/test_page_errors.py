"""Issue 12: a mistake in a page (its header, a macro call, Jinja, a link to a missing heading) stops the build with
the page's file and line, without a Python traceback. That `mkdocs serve` survives it and shows it in the browser is
tested with the other mistakes in tests/test_serve.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SITE_URL, copy_project

PAGE = "docs/en/regions/hebei.md"
# (name, page text, the line the message names, what it must say)
CASES = [
    ("unclosed quote in the header", '---\ndescription: "unclosed\n---\n\n{{ region_page("hebei") }}\n', 2,
     "de kop van de pagina"),
    ("header that is not fields", '---\njust a sentence\n---\n\n{{ region_page("hebei") }}\n', 2, "veld: waarde"),
    ("unknown macro", '---\ndescription: "Hebei"\n---\n\n# Hebei\n\n{{ region_pagee("hebei") }}\n', 7,
     "'region_pagee' bestaat niet"),
    ("unknown region id", '# Hebei\n\n{{ region_page("hebeii") }}\n', 3, "'hebeii', maar die staat niet in data/regions.yml"),
    ("wrong arguments", '{{ region_page() }}\n', 1, "niet de juiste argumenten"),
    ("undefined variable", '# Hebei\n\n{{ region_page("hebei") }}\n\n{{ regoin }}\n', 5, "'regoin' bestaat niet"),
    ("Jinja syntax error", '# Hebei\n\n{{ region_page( }}\n', 3, "niet volledig"),
]


def _build_one_language(project: Path) -> subprocess.CompletedProcess:
    """One language is enough to build a page: the build step that checks pages is the same in every build."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "I2PCC_LANGUAGE": "en"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                           str(project.parent / "site-en")], cwd=project, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("page-errors") / "project")


@pytest.mark.parametrize("name, text, line, says", CASES, ids=[case[0] for case in CASES])
def test_a_mistake_in_a_page_names_its_file_and_line(project, name, text, line, says):
    page = project / PAGE
    original = page.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    try:
        result = _build_one_language(project)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout[-2000:]
    assert f"{PAGE}:{line}:" in result.stdout, result.stdout[-2000:]
    assert says in result.stdout, result.stdout[-2000:]
    assert "Traceback" not in result.stdout, result.stdout[-4000:]


def test_a_link_to_a_missing_heading_fails_the_build(project):
    page = project / "docs/en/about.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n[The regions](regions/index.md#no-such-heading)\n", encoding="utf-8")
    try:
        result = _build_one_language(project)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "en/about.md" in result.stdout and "no-such-heading" in result.stdout, result.stdout[-2000:]
