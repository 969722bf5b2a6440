"""Issues 8 and 9: the same sources and the same pinned build date give the same site, byte for byte, whichever
command builds it.

Two builds that differ in everything that must not matter: the command (the publishing build, its languages in
parallel, against `mkdocs build`, one language after another), the folder the sources sit in, Python's hash seed (set
and dict ordering of strings), the temporary folder (jieba's dictionary cache), the build cache and the moment they
run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone

import icalendar
import pytest
from conftest import BUILD_EPOCH, ROOT, SITE_URL

PINNED = int(BUILD_EPOCH)


def _files(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _mkdocs_build(project, site_dir, tmp, hash_seed):
    tmp.mkdir()
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(PINNED),
           "PYTHONHASHSEED": hash_seed, "TMPDIR": str(tmp)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    return _files(site_dir)


@pytest.mark.build
def test_two_builds_with_a_pinned_date_are_byte_identical(site, tmp_path):
    """The session's site (`python -m macros.build` in this checkout, with the default hash seed and temporary
    folder) against `mkdocs build` of a copy elsewhere, with another hash seed, temporary folder and no build cache,
    at another moment."""
    copy = tmp_path / "elsewhere" / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "site", "__pycache__", ".pytest_cache",
                                                              "node_modules", ".cache"))
    first = _files(site)
    second = _mkdocs_build(copy, tmp_path / "second", tmp_path / "tmp-second", "2")

    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    # The pin reached what carries a date: the calendar feed's DTSTAMP and the gzip header of the sitemap.
    feed = icalendar.Calendar.from_ical(first["calendar/i2pcc.ics"])
    assert feed.walk("VEVENT")[0].decoded("DTSTAMP") == datetime.fromtimestamp(PINNED, timezone.utc)
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") == PINNED
