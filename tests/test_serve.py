"""Issue 2: `mkdocs serve` rebuilds on edits in data/, macros/ and overrides/ (and picks up edited Python code)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request

from conftest import _free_port


def _wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} did not appear at {url}")


# The README's command itself (the `mkdocs` script, which does not put the project folder on sys.path).
# Not --no-livereload: in MkDocs 1.6 that flag also switches off watching files.
def test_serve_reloads_on_edits_in_data_macros_and_overrides(project_copy):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([shutil.which("mkdocs") or "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project_copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(url + "regions/hebei/", "Provincie Hebei")

        regions = project_copy / "data" / "regions.yml"
        regions.write_text(regions.read_text(encoding="utf-8").replace("nl: Provincie Hebei", "nl: Provincie Hebei!"),
                           encoding="utf-8")
        _wait_for(url + "regions/hebei/", "Provincie Hebei!")

        template = project_copy / "macros" / "templates" / "region_page.md.j2"
        template.write_text(template.read_text(encoding="utf-8") + "\nTEMPLATE-EDIT\n", encoding="utf-8")
        _wait_for(url + "regions/hebei/", "TEMPLATE-EDIT")

        code = project_copy / "macros" / "render.py"
        code.write_text(code.read_text(encoding="utf-8").replace(
            'return text[self.lang]', 'return text[self.lang] + " (CODE-EDIT)"'), encoding="utf-8")
        _wait_for(url + "regions/hebei/", "(CODE-EDIT)")

        overrides = project_copy / "overrides" / "main.html"
        overrides.write_text(overrides.read_text(encoding="utf-8") + "\n{% block announce %}OVERRIDE-EDIT{% endblock %}\n",
                             encoding="utf-8")
        _wait_for(url + "regions/hebei/", "OVERRIDE-EDIT")
    finally:
        server.terminate()
        server.wait(timeout=30)
