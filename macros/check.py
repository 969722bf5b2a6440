"""Checks the content without building the site: the data, the interface strings, the pages the data asks for,
and the state of the translations.

Usage (from the repository root): python -m macros.check [--github]
Exit code 1 when something must be fixed before the site can be built; translation gaps are reported, not fatal
(a missing translation is served in Dutch with a notice). With --github, every problem is also printed as a
GitHub Actions annotation on its file and line, and the translation status goes to the job summary.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from macros import ROOT
from macros.content.page_files import page_problems, untranslated_copies
from macros.content.problems import DataError, Problem
from macros.content.site_data import DATA_FILES, load_site_data
from macros.content.strings import load_strings
from macros.content.translation_status import page_statuses
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES


def problems(root: Path) -> tuple[list[Problem], object]:
    """Every problem of the content, and the site data when it could be read."""
    found: list[Problem] = []
    data = None
    try:
        load_strings(root / "locales")
    except DataError as error:
        found += error.problems
    try:
        data = load_site_data(root / "data")
    except DataError as error:
        found += error.problems
    found += page_problems(root, root / "docs", data)
    return found, data


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command that marks the problem on its file and line in a pull request."""
    text = str(problem).split(": ", 1)[1] if ": " in str(problem) else str(problem)
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return (f"::error file={problem.file},line={problem.position.line},col={problem.position.column},"
            f"title=I²PCC::{escaped}")


def translation_lines(root: Path, data) -> list[str]:
    lines = []
    untranslated = frozenset(untranslated_copies(root / "docs", data)) if data else frozenset()
    for status in page_statuses(root / "docs", untranslated=untranslated):
        if status.complete:
            lines.append(f"  ok        {status.page}")
            continue
        notes = []
        missing = [lang for lang in status.missing if lang != DEFAULT_LANGUAGE]
        if missing:
            notes.append(f"missing in {', '.join(missing)}: shown in Dutch there")
        if status.outdated:
            notes.append(f"older than the Dutch source in {', '.join(status.outdated)}: check the translation")
        if notes:
            lines.append(f"  attention {status.page}: {'; '.join(notes)}")
    return lines


def main(root: Path = ROOT, argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.check", description=__doc__.splitlines()[0])
    parser.add_argument("--github", action="store_true",
                        help="also print GitHub Actions annotations and write the translation status to the job "
                             "summary")
    args = parser.parse_args([] if argv is None else argv)
    found, data = problems(root)

    print("Data")
    if found:
        print(DataError(found, "in the content"))
    else:
        languages = ", ".join(LANGUAGES)
        for name in DATA_FILES:
            content = getattr(data, name.removesuffix(".yml"))
            # Some files hold one record (funding), not a list of entries.
            size = f"{len(content)} entries" if isinstance(content, (list, tuple)) else "1 record"
            print(f"  data/{name}: {size}, every text complete in {languages}")
        print(f"  locales/: the same {len(load_strings(root / 'locales').bundles[DEFAULT_LANGUAGE])} strings "
              f"in {languages}")

    status = translation_lines(root, data)
    print("\nPages")
    print("\n".join(status))
    if args.github:
        for problem in found:
            print(annotation(problem))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as out:
                out.write("## Translations\n\n```\n" + "\n".join(status) + "\n```\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(argv=sys.argv[1:]))
