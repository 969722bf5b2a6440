"""Issues 2 and 14: `mkdocs serve` rebuilds on edits in data/, macros/ and overrides/ (and picks up edited Python
code), the page being looked at first; a mistake shows in the browser as in the terminal, until it is fixed; one
short block per rebuild, in Dutch; a busy port is explained without a traceback."""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import time

import pytest
from conftest import copy_project, fetch, mkdocs_serve, wait_until

# MkDocs' own words, and its labels, while it serves.
MKDOCS_ENGLISH = ("INFO", "WARNING", "ERROR", "Building documentation", "Documentation built", "Serving on",
                  "Watching paths", "Detected file changes", "Reloading", "Browser connected", "Error reading page",
                  "Aborted", "[macros]", "mkdocs_static_i18n")


def _shows(url: str, text: str, keep: list | None = None) -> bool:
    status, body = fetch(url)
    if keep is not None:
        keep.append(body)
    return status == 200 and text in body


def _without_livereload(page: str) -> str:
    """The page as built: MkDocs adds its livereload script, with the version of the site, to every page it serves."""
    return re.sub(r"<script>\s*var livereload = .*?</script>", "", page, flags=re.DOTALL)


@pytest.fixture(scope="module")
def serve_session(tmp_path_factory):
    """One `mkdocs serve` of a copy of the project for the tests of this file, in order: each edits the copy further,
    as an editor's afternoon would (a serve session takes a whole build to start). (project, address, terminal log)."""
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    log = project.parent / "serve.log"
    with mkdocs_serve(project, log) as url:
        yield project, url, log


def test_serve_reloads_on_edits_in_data_macros_and_overrides(serve_session):
    project_copy, url, log = serve_session
    page = url + "regions/hebei/"
    wait_until(lambda: _shows(page, "Provincie Hebei"))

    regions = project_copy / "data" / "regions.yml"
    regions.write_text(regions.read_text(encoding="utf-8").replace("nl: Provincie Hebei", "nl: Provincie Hebei!"),
                       encoding="utf-8")
    first = []
    wait_until(lambda: _shows(page, "Provincie Hebei!", keep=first))
    # The page being looked at is shown first; another page asked for meanwhile waits for the rest of the
    # rebuild rather than showing the old text; the page built first is the page the whole rebuild makes.
    status, overview = fetch(url + "regions/", timeout=180)
    assert status == 200 and "Provincie Hebei!" in overview
    wait_until(lambda: "de pagina die je bekijkt (" + page + ")" in log.read_text(encoding="utf-8"))
    assert _without_livereload(fetch(page)[1]) == _without_livereload(first[-1])

    template = project_copy / "macros" / "render" / "templates" / "region_page.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nTEMPLATE-EDIT\n", encoding="utf-8")
    wait_until(lambda: _shows(page, "TEMPLATE-EDIT"))

    code = project_copy / "macros" / "render" / "pages.py"
    code.write_text(code.read_text(encoding="utf-8").replace(
        'return text[self.lang]', 'return text[self.lang] + " (CODE-EDIT)"'), encoding="utf-8")
    wait_until(lambda: _shows(page, "(CODE-EDIT)"))

    overrides = project_copy / "overrides" / "main.html"
    overrides.write_text(overrides.read_text(encoding="utf-8")
                         + "\n{% block announce %}OVERRIDE-EDIT{% endblock %}\n", encoding="utf-8")
    wait_until(lambda: _shows(page, "OVERRIDE-EDIT"))

    # The other languages, left out of the rebuilds while the Dutch pages were looked at, are built when asked for.
    wait_until(lambda: _shows(url + "en/regions/hebei/", "OVERRIDE-EDIT"))
    assert _shows(url + "en/regions/hebei/", "(CODE-EDIT)")


def test_a_mistake_in_data_or_a_page_shows_in_the_browser_until_it_is_fixed(serve_session):
    project_copy, url, log = serve_session
    regions = project_copy / "data" / "regions.yml"
    original = regions.read_text(encoding="utf-8")
    page = url + "regions/hebei/"
    wait_until(lambda: _shows(page, "Provincie Hebei"))

    regions.write_text(original.replace("nl: Provincie Hebei", 'nl: "Provincie Hebei', 1), encoding="utf-8")
    wait_until(lambda: "data/regions.yml:" in fetch(page)[1])
    where = re.search(r"data/regions\.yml:\d+", log.read_text(encoding="utf-8")).group(0)

    # The page that was open, another one and a page of another language: each is the error page, at once.
    for address in (page, url, url + "en/regions/hebei/"):
        status, body = fetch(address, timeout=1)
        assert status == 500, (address, status)
        assert '<html lang="nl">' in body and "<h1>" in body and "<pre>" in body
        assert where in body and body.count("<pre>") == 1  # the mistake, and nothing else
        assert "vanzelf opnieuw" in body
        assert "/livereload/" in body  # the script that reloads the page once a rebuild succeeds
    assert "Traceback" not in log.read_text(encoding="utf-8")
    assert fetch(url + "assets/site.css")[0] == 200  # what pages load still comes from the last good site

    before = len(log.read_text(encoding="utf-8").splitlines())
    regions.write_text(original.replace("nl: Provincie Hebei", "nl: Provincie Hebei (weer goed)", 1),
                       encoding="utf-8")
    wait_until(lambda: _shows(page, "Provincie Hebei (weer goed)"))
    wait_until(lambda: "Opnieuw gebouwd" in log.read_text(encoding="utf-8"))
    rebuild = log.read_text(encoding="utf-8").splitlines()[before:]
    assert len(rebuild) <= 6, "\n".join(rebuild)
    assert "Traceback" not in log.read_text(encoding="utf-8")

    # A mistake in another page than the one looked at, which is rebuilt first without it: the rest of the
    # rebuild finds it, and the page looked at turns into the error page.
    about = project_copy / "docs" / "nl" / "about.md"
    about_text = about.read_text(encoding="utf-8")
    about.write_text(about_text + "\n{{ no_such_macro() }}\n", encoding="utf-8")
    wait_until(lambda: "docs/nl/about.md:" in fetch(page)[1])
    assert fetch(page)[0] == 500
    about.write_text(about_text, encoding="utf-8")
    wait_until(lambda: _shows(page, "Provincie Hebei (weer goed)"))

    # A mistake in the page looked at, and a second one saved while the first is being rebuilt: the last shows.
    hebei = project_copy / "docs" / "nl" / "regions" / "hebei.md"
    hebei_text = hebei.read_text(encoding="utf-8")
    hebei.write_text(hebei_text + "\n{{ region_page( }}\n", encoding="utf-8")
    time.sleep(1)
    hebei.write_text(hebei_text + "\n{{ regoin }}\n", encoding="utf-8")
    wait_until(lambda: "'regoin' bestaat niet" in html.unescape(fetch(page)[1]))
    where = re.findall(r"docs/nl/regions/hebei\.md:\d+", log.read_text(encoding="utf-8"))[-1]
    status, body = fetch(page, timeout=1)
    assert status == 500 and where in body, body[-2000:]
    hebei.write_text(hebei_text + "\nWEER-GOED\n", encoding="utf-8")
    wait_until(lambda: _shows(page, "WEER-GOED"))

    # A warning that stops a strict build (a link to a missing heading) is shown too, not only MkDocs' closing
    # sentence.
    about.write_text(about_text + "\n[De regio's](regions/index.md#geen-kop)\n", encoding="utf-8")
    wait_until(lambda: fetch(page)[0] == 500)
    body = fetch(page)[1]
    assert "nl/about.md" in body and "geen-kop" in body, body[-2000:]
    about.write_text(about_text, encoding="utf-8")
    wait_until(lambda: _shows(page, "WEER-GOED"))

    # What the terminal said all along, in Dutch: no line of MkDocs' own in English.
    terminal = log.read_text(encoding="utf-8")
    assert "\nFout: docs/nl/about.md:" in terminal, terminal
    assert not [words for words in MKDOCS_ENGLISH if words in terminal], terminal


def test_a_busy_port_is_explained_in_dutch(project_copy):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
        result = subprocess.run([shutil.which("mkdocs") or "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=project_copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, timeout=300)
    assert result.returncode != 0
    assert "is al in gebruik" in result.stdout, result.stdout[-2000:]
    assert f"mkdocs serve -a 127.0.0.1:{port + 1}" in result.stdout
    assert "Traceback" not in result.stdout, result.stdout[-3000:]
