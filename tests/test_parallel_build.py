"""Issue 8: the publishing command (`python -m macros.build`, the languages in parallel) makes the same site as
`mkdocs build` (the languages one after another)."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys

from conftest import ROOT, SITE_URL, build_site


def _files(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_the_parallel_build_makes_the_same_site_as_mkdocs_build(tmp_path):
    pinned = {"SOURCE_DATE_EPOCH": "1767225600"}  # same build date for both: calendars, upcoming events
    parallel = build_site(ROOT, tmp_path / "parallel", pinned)
    assert parallel.returncode == 0, parallel.stdout[-3000:]
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", **pinned}
    sequential = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                                 str(tmp_path / "sequential")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, timeout=300)
    assert sequential.returncode == 0, sequential.stdout[-3000:]

    one, other = _files(tmp_path / "parallel"), _files(tmp_path / "sequential")
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
