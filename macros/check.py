"""Checks the content without building the site: the data, the interface strings, the pages the data asks for,
and the state of the translations.

Usage (from the repository root): python -m macros.check [--github]
Exit code 1 when something must be fixed before the site can be built; translation gaps are reported, not fatal
(a missing translation is served in Dutch with a notice). With --github, every problem is also printed as a
GitHub Actions annotation on its file and line, and the translation status goes to the job summary.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from macros import ROOT
from macros.command_line import CommandParser
from macros.content.page_files import page_problems, untranslated_copies
from macros.content.problems import DataError, Problem, problem_list
from macros.content.site_data import DATA_FILES, load_site_data
from macros.content.strings import load_strings
from macros.content.translation_status import page_statuses
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES
from macros.messages import message


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
    ok, attention = message("status_ok"), message("status_attention")
    width = max(len(ok), len(attention))
    lines = []
    untranslated = frozenset(untranslated_copies(root / "docs", data)) if data else frozenset()
    for status in page_statuses(root / "docs", untranslated=untranslated):
        if status.complete:
            lines.append(f"  {ok.ljust(width)} {status.page}")
            continue
        notes = []
        missing = [lang for lang in status.missing if lang != DEFAULT_LANGUAGE]
        if missing:
            notes.append(message("missing_in", languages=", ".join(missing)))
        if status.outdated:
            notes.append(message("older_than_source", languages=", ".join(status.outdated)))
        if notes:
            lines.append(f"  {attention.ljust(width)} {status.page}: {'; '.join(notes)}")
    return lines


def main(root: Path = ROOT, argv: list[str] | None = None) -> int:
    parser = CommandParser(prog="python -m macros.check", description=message("check_description"))
    parser.add_argument("--github", action="store_true", help=message("check_github_help"))
    args = parser.parse_args([] if argv is None else argv)
    found, data = problems(root)

    print(message("check_data"))
    if found:
        print(problem_list("to_fix_before_building", found))
    else:
        languages = ", ".join(LANGUAGES)
        for name in DATA_FILES:
            content = getattr(data, name.removesuffix(".yml"))
            # Some files hold one record (funding), not a list of entries.
            size = len(content) if isinstance(content, (list, tuple)) else 1
            entries = message("entries_one") if size == 1 else message("entries_many", count=size)
            print(f"  {message('check_file', file=f'data/{name}', entries=entries, languages=languages)}")
        count = len(load_strings(root / "locales").bundles[DEFAULT_LANGUAGE])
        print(f"  {message('check_strings', count=count, languages=languages)}")

    status = translation_lines(root, data)
    print(f"\n{message('check_pages')}")
    print("\n".join(status))
    if args.github:
        for problem in found:
            print(annotation(problem))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(f"## {message('check_translations')}\n\n```\n" + "\n".join(status) + "\n```\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(argv=sys.argv[1:]))
