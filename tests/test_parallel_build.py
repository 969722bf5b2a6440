"""Issue 8: the publishing command (`python -m macros.build`, the languages in parallel) makes the same site as
`mkdocs build` (the languages one after another)."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys

import pytest
from conftest import BUILD_EPOCH, ROOT, SITE_URL


def _files(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.build
def test_the_parallel_build_makes_the_same_site_as_mkdocs_build(site, tmp_path):
    """The session's site is the parallel build; mkdocs build runs with the same address and build date."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    sequential = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                                 str(tmp_path / "sequential")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, timeout=300)
    assert sequential.returncode == 0, sequential.stdout[-3000:]

    one, other = _files(site), _files(tmp_path / "sequential")
    assert one.keys() == other.keys()
    # The root 404 page: mkdocs-static-i18n leaves the one of the language it built last.
    differing = sorted(name for name in one if one[name] != other[name] and name != "404.html")
    assert not differing


def test_the_combined_sitemap_names_the_dutch_page_as_x_default(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for entry in re.findall(r"<url>(.*?)</url>", sitemap, re.S):
        links = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry))
        assert links["x-default"] == links["nl"]
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
