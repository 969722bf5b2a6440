"""Checks the content without building the site: the data, the interface strings, the pages the data asks for,
and the state of the translations.

Usage (from the repository root): python -m macros.check
Exit code 1 when something must be fixed before the site can be built; translation gaps are reported, not fatal
(a missing translation is served in Dutch with a notice).
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.content.page_files import page_problems
from macros.content.problems import DataError
from macros.content.site_data import DATA_FILES, load_site_data
from macros.content.strings import load_strings
from macros.content.translation_status import page_statuses
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES

ROOT = Path(__file__).resolve().parent.parent


def main(root: Path = ROOT) -> int:
    errors = []
    data = None
    for load in (lambda: load_strings(root / "locales"), lambda: load_site_data(root / "data")):
        try:
            data = load()
        except DataError as error:
            errors.append(str(error))
    if data is not None and not errors:
        problems = page_problems(root, root / "docs", data)
        if problems:
            errors.append(str(DataError(problems, "in the pages")))

    print("Data")
    if errors:
        for error in errors:
            print(error)
    else:
        languages = ", ".join(LANGUAGES)
        for name in DATA_FILES:
            content = getattr(data, name.removesuffix(".yml"))
            # Some files hold one record (funding), not a list of entries.
            size = f"{len(content)} entries" if isinstance(content, (list, tuple)) else "1 record"
            print(f"  data/{name}: {size}, every text complete in {languages}")
        print(f"  locales/: the same {len(load_strings(root / 'locales').bundles[DEFAULT_LANGUAGE])} strings "
              f"in {languages}")

    print("\nPages")
    for status in page_statuses(root / "docs"):
        if status.complete:
            print(f"  ok        {status.page}")
            continue
        notes = []
        if DEFAULT_LANGUAGE in status.missing:
            notes.append(f"no Dutch source (docs/{DEFAULT_LANGUAGE}/{status.page})")
        missing = [lang for lang in status.missing if lang != DEFAULT_LANGUAGE]
        if missing:
            notes.append(f"missing in {', '.join(missing)}: shown in Dutch there")
        if status.outdated:
            notes.append(f"older than the Dutch source in {', '.join(status.outdated)}: check the translation")
        print(f"  attention {status.page}: {'; '.join(notes)}")

    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
