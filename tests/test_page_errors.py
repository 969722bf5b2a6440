"""Issue 12: a mistake in a page (its header, a macro call, Jinja, a link to a missing heading) stops the build with
the page's file and line, without a Python traceback. That `mkdocs serve` survives it and shows it in the browser is
tested with the other mistakes in tests/test_serve.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SITE_URL, copy_project

PAGE = "docs/en/about.md"  # the first page a build reads: the build stops there
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


HEADING_LINK = ("docs/en/about.md", "\n[The regions](regions/index.md#no-such-heading)\n")


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    """name -> (exit code, messages) of a build of the English pages with that mistake. One language is enough to
    build a page: the build step that checks pages is the same in every build."""
    project = copy_project(tmp_path_factory.mktemp("page-errors") / "project")
    about = (project / HEADING_LINK[0]).read_text(encoding="utf-8")
    cases = {name: (PAGE, text) for name, text, _, _ in CASES}
    cases["link to a missing heading"] = (HEADING_LINK[0], about + HEADING_LINK[1])
    cases_file = project.parent / "cases.json"
    cases_file.write_text(json.dumps([{"page": page, "text": text, "site_dir": str(project.parent / "site-en")}
                                      for page, text in cases.values()]), encoding="utf-8")
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "I2PCC_LANGUAGE": "en"}
    result = subprocess.run([sys.executable, str(Path(__file__).with_name("forked_builds.py")), str(cases_file)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return dict(zip(cases, json.loads(result.stdout)))


@pytest.mark.parametrize("name, text, line, says", CASES, ids=[case[0] for case in CASES])
def test_a_mistake_in_a_page_names_its_file_and_line(builds, name, text, line, says):
    code, output = builds[name]
    assert code != 0, output[-2000:]
    assert f"{PAGE}:{line}:" in output, output[-2000:]
    assert says in output, output[-2000:]
    assert "Traceback" not in output, output[-4000:]


def test_a_link_to_a_missing_heading_fails_the_build(builds):
    code, output = builds["link to a missing heading"]
    assert code != 0
    assert "en/about.md" in output and "no-such-heading" in output, output[-2000:]
