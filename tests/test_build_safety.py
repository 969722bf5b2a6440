"""Issue 12: no site folder, build date or interruption makes a build touch the sources or lose the last good site."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SITE_URL, build_site

from macros.files import site_folder
from macros.files.site_folder import SiteFolderError


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    # Python's cache of compiled modules is written by any command run in the folder, not by the build.
    for path in sorted(p for p in folder.rglob("*") if "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _mkdocs_build(project: Path, site_dir: str, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", site_dir], cwd=project, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)


def test_a_site_folder_that_is_not_a_previous_build_is_refused_before_anything_is_written(project_copy):
    (project_copy / ".git").mkdir()
    (project_copy / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    elsewhere = project_copy.parent / "notes"
    elsewhere.mkdir()
    (elsewhere / "todo.txt").write_text("keep me\n")
    taken = project_copy.parent / ".other.staging"
    taken.mkdir()
    (taken / "keep.txt").write_text("keep me too\n")
    before = _fingerprint(project_copy.parent)

    refusals = {".": "bevat de bronnen", "..": "bevat de bronnen", "docs": "geen eerder gebouwde site",
                "data": "geen eerder gebouwde site", ".git": "geen eerder gebouwde site",
                "docs/site": "ligt in", "data/new": "ligt in", str(elsewhere): "geen eerder gebouwde site",
                str(project_copy.parent / "other"): ".other.staging"}
    # Every case through the check both commands run first, in-process; a few through the commands themselves.
    for site_dir, says in refusals.items():
        with pytest.raises(SiteFolderError) as refused:
            site_folder.check((project_copy / site_dir).resolve(), project_copy)
        assert str(refused.value).startswith("De site is niet gebouwd") and says in str(refused.value), site_dir

    for site_dir in (".", str(project_copy.parent / "other")):
        result = build_site(project_copy, Path(site_dir))
        assert result.returncode == 1, (site_dir, result.stdout[-2000:])
        assert "De site is niet gebouwd" in result.stdout and refusals[site_dir] in result.stdout, result.stdout
        assert "Traceback" not in result.stdout, result.stdout
        assert _fingerprint(project_copy.parent) == before, f"--site-dir {site_dir} changed files"

    for site_dir in ("data",):
        result = _mkdocs_build(project_copy, site_dir, {"I2PCC_MESSAGES": "en"})
        assert result.returncode == 1, result.stdout[-2000:]
        assert "is not a previously built site" in result.stdout and "Traceback" not in result.stdout, result.stdout
        assert _fingerprint(project_copy.parent) == before, f"mkdocs build --site-dir {site_dir} changed files"


def test_a_build_date_that_is_not_a_number_is_named(project_copy, tmp_path):
    for run in (lambda: build_site(project_copy, tmp_path / "site", {"SOURCE_DATE_EPOCH": "gisteren"}),
                lambda: _mkdocs_build(project_copy, str(tmp_path / "site"), {"SOURCE_DATE_EPOCH": "1.5e9"})):
        result = run()
        assert result.returncode == 1, result.stdout[-2000:]
        assert "SOURCE_DATE_EPOCH" in result.stdout and "geheel aantal seconden sinds 1 januari 1970" in result.stdout
        assert "Traceback" not in result.stdout, result.stdout
    assert not (tmp_path / "site").exists()


def _wait_until(condition, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_a_second_build_waits_for_the_first_and_ctrl_c_leaves_the_previous_site(project_copy, tmp_path):
    site = tmp_path / "site"
    parts, staging = tmp_path / ".site.parts", tmp_path / ".site.staging"
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "macros.build", "--site-dir", str(site)]

    # Another build holds the site folder: this one waits, having written nothing, and builds once it is free.
    with open(tmp_path / ".site.lock", "a") as other_build:
        fcntl.flock(other_build, fcntl.LOCK_EX)
        waiting = subprocess.Popen(command, cwd=project_copy, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        assert "wacht tot die klaar is" in waiting.stdout.readline()
        time.sleep(1)
        assert waiting.poll() is None and not parts.exists() and not site.exists()
    output = waiting.communicate(timeout=300)[0]
    assert waiting.returncode == 0, output[-3000:]
    assert (site / "index.html").is_file() and (site / ".i2pcc-site").is_file()
    previous = _fingerprint(site)

    # The theme's main template becomes a named pipe nobody writes to: the language builds, which read it to render
    # their first page, wait there, so the Ctrl-C comes while they build, however fast or slow the machine is.
    template = project_copy / "overrides" / "main.html"
    template.unlink()
    os.mkfifo(template)
    interrupted = subprocess.Popen(command, cwd=project_copy, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
    _wait_until(lambda: parts.exists() or interrupted.poll() is not None)
    time.sleep(0.5)
    interrupted.send_signal(signal.SIGINT)
    output = interrupted.communicate(timeout=60)[0]
    assert interrupted.returncode == 130, output[-3000:]
    assert "Traceback" not in output and "Build onderbroken" in output, output[-3000:]
    assert not parts.exists() and not staging.exists()
    assert _fingerprint(site) == previous


def test_a_work_folder_cut_off_while_it_is_removed_is_replaced_by_the_next_build(tmp_path, monkeypatch):
    """Ctrl-C while a build removes the previous site (after publishing the new one) leaves part of that folder:
    the next build replaces it instead of refusing to build."""
    site = tmp_path / "site"
    previous = site_folder.work_folder(site, "previous")
    site_folder.make_work_folder(previous)
    for name in ("a", "b", "c"):
        (previous / name).mkdir()
        (previous / name / "index.html").write_text("…")
    removals = []

    def cut_off(path, *args, **kwargs):
        removals.append(path)
        if len(removals) == 2:
            raise KeyboardInterrupt
        real_rmtree(path, *args, **kwargs)

    real_rmtree = shutil.rmtree
    monkeypatch.setattr(shutil, "rmtree", cut_off)
    with pytest.raises(KeyboardInterrupt):
        site_folder.remove_work_folder(previous)
    monkeypatch.undo()
    assert previous.exists()
    site_folder.check(site, ROOT)
    site_folder.remove_work_folder(previous)
    assert not previous.exists()


def test_a_site_folder_whose_parent_does_not_exist_yet_is_made(tmp_path):
    site = tmp_path / "build" / "site"
    site_folder.check(site, ROOT)
    with site_folder.lock(site):
        assert (tmp_path / "build" / ".site.lock").is_file()
