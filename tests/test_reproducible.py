"""Issue 9: the same sources and the same pinned build date give the same site, byte for byte.

Two builds that differ in everything that must not matter: the folder the sources sit in, Python's hash seed
(set and dict ordering of strings), the temporary folder (jieba's dictionary cache) and the moment they run.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import icalendar
import pytest
from conftest import BUILD_EPOCH, ROOT, build_site

PINNED = int(BUILD_EPOCH)


def _files(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _build(project, site_dir, tmp, hash_seed):
    tmp.mkdir()
    result = build_site(project, site_dir, {"SOURCE_DATE_EPOCH": str(PINNED), "PYTHONHASHSEED": hash_seed,
                                            "TMPDIR": str(tmp)})
    assert result.returncode == 0, result.stdout[-3000:]
    return _files(site_dir)


@pytest.mark.build
def test_two_builds_with_a_pinned_date_are_byte_identical(site, tmp_path):
    """The session's site (built in this checkout, with the default hash seed and temporary folder) against a
    build of a copy elsewhere, with another hash seed and temporary folder, at another moment."""
    copy = tmp_path / "elsewhere" / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "site", "__pycache__", ".pytest_cache",
                                                              "node_modules", ".cache"))
    first = _files(site)
    second = _build(copy, tmp_path / "second", tmp_path / "tmp-second", "2")

    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    # The pin reached what carries a date: the calendar feed's DTSTAMP and the gzip header of the sitemap.
    feed = icalendar.Calendar.from_ical(first["calendar/i2pcc.ics"])
    assert feed.walk("VEVENT")[0].decoded("DTSTAMP") == datetime.fromtimestamp(PINNED, timezone.utc)
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") == PINNED
