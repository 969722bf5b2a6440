"""Creates the page files that data/ asks for and that do not exist yet, in docs/nl, docs/en and docs/zh.

Usage (from the repository root): python -m macros.stubs
"""

from __future__ import annotations

import sys
from pathlib import Path

from .site_data import DataError, load_site_data
from .site_pages import create_missing_pages

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    try:
        data = load_site_data(ROOT / "data")
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    created = create_missing_pages(ROOT / "docs", data)
    for path in created:
        print(f"created {path.relative_to(ROOT)}")
    if not created:
        print("every page the data asks for exists already")
    return 0


if __name__ == "__main__":
    sys.exit(main())
