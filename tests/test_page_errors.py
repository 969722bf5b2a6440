"""Issue 12: a mistake in a page (its header, a macro call, Jinja, a link to a missing heading) stops the build with
the page's file and line, without a Python traceback. That `mkdocs serve` survives it and shows it in the browser is
tested with the other mistakes in tests/test_serve.py.

Issue 14: what a build says in the terminal is in the language of the messages (Dutch, English with
I2PCC_MESSAGES=en), MkDocs' own lines said in the catalogue's words and the rest of its chatter left out.

All of these are builds of the English pages of one copy of the project, one per case, forked from one process
(tests/forked_builds.py): one language is enough to build a page, and the build step that checks pages is the same in
every build."""

from __future__ import annotations

import json
import os
import re
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
# MkDocs' own words and labels; none of them may reach an editor.
MKDOCS_ENGLISH = ("INFO", "WARNING", "ERROR", "Building documentation", "Cleaning site directory",
                  "Documentation built", "Doc file", "Error reading page", "Aborted", "[macros]", "mkdocs_static_i18n",
                  "Traceback")


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    """name -> (exit code, messages) of a build of the English pages with that page (messages in Dutch unless the
    case says otherwise)."""
    project = copy_project(tmp_path_factory.mktemp("page-errors") / "project")
    about = (project / PAGE).read_text(encoding="utf-8")
    cases = {name: (PAGE, text, {}) for name, text, _, _ in CASES}
    cases["link to a missing heading"] = (HEADING_LINK[0], about + HEADING_LINK[1], {})
    cases["no mistake"] = (PAGE, about, {})
    cases["link to a missing page"] = (PAGE, about + "\n[Contact](contcat.md)\n", {})
    cases["unknown macro, messages in English"] = (PAGE, about + "\n{{ no_such_macro() }}\n", {"I2PCC_MESSAGES": "en"})
    cases_file = project.parent / "cases.json"
    cases_file.write_text(json.dumps([{"page": page, "text": text, "site_dir": str(project.parent / "site-en"),
                                       "env": env} for page, text, env in cases.values()]), encoding="utf-8")
    env = {**{key: value for key, value in os.environ.items() if key != "I2PCC_MESSAGES"}, "SITE_URL": SITE_URL,
           "NO_MKDOCS_2_WARNING": "1", "I2PCC_LANGUAGE": "en"}
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


def test_a_build_tells_the_editor_in_dutch_and_briefly(builds):
    code, output = builds["no mistake"]
    assert code == 0, output[-3000:]
    assert re.fullmatch(r"Site gebouwd in \d+,\d\d s\.\n", output), output[-3000:]

    # A link to a page that does not exist: MkDocs' own warning, which stops the build (strict).
    code, output = builds["link to a missing page"]
    assert code == 1
    lines = [line for line in output.splitlines() if line]
    assert lines[0].startswith("Let op: docs/en/about.md: de link 'contcat.md' wijst naar docs/en/contcat.md, maar "
                               "die pagina bestaat niet."), output
    assert lines[-1] == "De site is niet gebouwd: verbeter eerst wat hierboven staat.", output
    assert len(lines) == 2, output
    assert not [word for word in MKDOCS_ENGLISH if word in output], output


def test_a_build_tells_the_editor_in_english_on_request(builds):
    code, output = builds["unknown macro, messages in English"]
    assert code == 1
    lines = [line for line in output.splitlines() if line]
    assert re.match(r"Error: docs/en/about\.md:\d+: 'no_such_macro' does not exist", lines[0]), output
    assert lines[-1] == "The site was not built: first fix what is reported above.", output
    assert len(lines) == 2, output
    assert "Aborted" not in output and "Error reading page" not in output, output
