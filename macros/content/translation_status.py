"""Which page exists in which language, and which translation is older than its Dutch source (by git date)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from macros.languages import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class PageStatus:
    page: str
    missing: tuple[str, ...]  # languages without the page (or a copy of the Dutch): readers get the Dutch text with a notice
    outdated: tuple[str, ...]  # languages whose file was last changed before the Dutch source

    @property
    def complete(self) -> bool:
        return not self.missing and not self.outdated


def git_dates(docs_dir: Path) -> dict[Path, int]:
    """When each file below docs_dir last changed, as git knows it: the last commit that touched it, or, for a file
    edited and not yet committed, the moment it was saved (one git call each for all files). Files outside a git
    checkout are absent."""
    dates: dict[Path, int] = {}
    log = _git(docs_dir, "log", "--format=%x00%ct", "--name-only", "--relative", "--", ".")
    for commit in log.split("\0")[1:]:
        stamp, *names = commit.strip().splitlines()
        for name in names:
            dates.setdefault((docs_dir / name).resolve(), int(stamp))
    top = _git(docs_dir, "rev-parse", "--show-toplevel").strip()
    for entry in _git(docs_dir, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".").split("\0"):
        if len(entry) > 3 and top:
            path = (Path(top) / entry[3:]).resolve()
            if path.is_file():
                dates[path] = int(path.stat().st_mtime)
    return dates


def _git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else ""


def page_statuses(docs_dir: Path, last_changed=None, untranslated: frozenset[Path] = frozenset()) -> list[PageStatus]:
    """`untranslated`: files that are still a copy of their Dutch source (python -m macros.stubs makes them), counted
    as missing because that is how the site serves them."""
    if last_changed is None:
        dates = git_dates(docs_dir)
        last_changed = lambda path: dates.get(path.resolve())  # noqa: E731
    pages = sorted({p.relative_to(docs_dir / lang).as_posix()
                    for lang in LANGUAGES if (docs_dir / lang).is_dir()
                    for p in (docs_dir / lang).rglob("*.md")})
    statuses = []
    for page in pages:
        source = docs_dir / DEFAULT_LANGUAGE / page
        source_date = last_changed(source) if source.exists() else None
        missing, outdated = [], []
        for lang in LANGUAGES:
            path = docs_dir / lang / page
            if not path.exists() or path.resolve() in untranslated:
                missing.append(lang)
            elif lang != DEFAULT_LANGUAGE and source_date is not None:
                date = last_changed(path)
                if date is not None and date < source_date:
                    outdated.append(lang)
        statuses.append(PageStatus(page, tuple(missing), tuple(outdated)))
    return statuses
