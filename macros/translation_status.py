"""Which page exists in which language, and which translation is older than its Dutch source (by git date)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .languages import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class PageStatus:
    page: str
    missing: tuple[str, ...]  # languages without the page: readers get the Dutch text with a notice
    outdated: tuple[str, ...]  # languages whose file was last changed before the Dutch source

    @property
    def complete(self) -> bool:
        return not self.missing and not self.outdated


def git_date(path: Path) -> int | None:
    """Unix time of the last commit that touched the file, or None if it was never committed."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path.name],
                            cwd=path.parent, capture_output=True, text=True)
    return int(result.stdout) if result.returncode == 0 and result.stdout.strip() else None


def page_statuses(docs_dir: Path, last_changed=git_date) -> list[PageStatus]:
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
            if not path.exists():
                missing.append(lang)
            elif lang != DEFAULT_LANGUAGE and source_date is not None:
                date = last_changed(path)
                if date is not None and date < source_date:
                    outdated.append(lang)
        statuses.append(PageStatus(page, tuple(missing), tuple(outdated)))
    return statuses
