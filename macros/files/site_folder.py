"""The site folder a build replaces, and the folders it works in beside it: a build may replace a previous build and
nothing else, and two builds into one folder take turns.

A build marks every folder it writes with a small file (MARKER), which MkDocs leaves in place when it cleans a
folder (it keeps hidden files): that mark, not the folder's name or shape, is what lets a later build replace it."""

from __future__ import annotations

import fcntl
import shutil
import sys
from pathlib import Path
from typing import IO

from macros.messages import message

MARKER = ".i2pcc-site"
_MARKER_TEXT = ("Built by the I2PCC site build (python -m macros.build or mkdocs build): the next build replaces "
                "this folder entirely.\n")


class SiteFolderError(Exception):
    pass


def work_folder(target: Path, kind: str) -> Path:
    """A folder beside the site folder the build works in: 'parts', 'staging' or 'previous'."""
    return target.with_name(f".{target.name}.{kind}")


def check(target: Path, sources: Path) -> None:
    """Raise SiteFolderError unless building into `target` (an absolute path) can only replace a previous build."""
    if target == sources or target in sources.parents:
        raise SiteFolderError(message("site_holds_sources", folder=target, sources=sources))
    if sources in target.parents:
        top = sources / target.relative_to(sources).parts[0]
        if top != target and top.exists():
            raise SiteFolderError(message("site_inside_sources", folder=target, inside=top))
    if not _replaceable(target):
        raise SiteFolderError(message("site_not_a_build", folder=target, marker=MARKER))
    for kind in ("parts", "staging", "previous"):
        if not _replaceable(work_folder(target, kind)):
            raise SiteFolderError(message("work_folder_taken", folder=work_folder(target, kind)))


def _replaceable(folder: Path) -> bool:
    if folder.is_symlink():
        return False
    if not folder.exists():
        return True
    return folder.is_dir() and ((folder / MARKER).is_file() or not any(folder.iterdir()))


def make_work_folder(folder: Path) -> None:
    """A new, marked folder to build into (left over from an interrupted build, it may be replaced later)."""
    folder.mkdir(parents=True)
    (folder / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")


def remove_work_folder(folder: Path) -> None:
    """Remove a folder a build made, its mark last: cut off halfway (Ctrl-C), what is left still carries the mark,
    and the next build replaces it instead of refusing it as something that does not come from a build."""
    if folder.is_symlink() or not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)


def lock(target: Path) -> IO:
    """Hold the site folder for this build until the returned file is closed (or the process ends); wait while
    another build holds it. The lock file stays beside the site folder: removing it would let a waiting build and
    a new one each lock a different file."""
    # As MkDocs does for the site folder: `--site-dir build/site` in a fresh clone is a folder to make, not a mistake.
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = open(target.with_name(f".{target.name}.lock"), "a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(message("waiting", folder=target), file=sys.stderr, flush=True)
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle
