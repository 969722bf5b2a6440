"""Creates the page files that data/ asks for and that do not exist yet, in docs/nl, docs/en and docs/zh; copies each
Dutch page that another language lacks into that language's folder, to be translated there (until it is, the site
serves it as the Dutch text with a notice, as for a missing page); and lists (or, with --remove-orphans, deletes)
the pages of regions and challenge areas that are no longer in data/.

Usage (from the repository root): python -m macros.stubs [--remove-orphans]
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros import schemas
from macros.command_line import CommandParser
from macros.content.page_files import copy_pages_to_translate, create_missing_pages, orphan_pages
from macros.content.problems import DataError
from macros.content.site_data import load_site_data
from macros.messages import message

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = CommandParser(prog="python -m macros.stubs", description=message("stubs_description"))
    parser.add_argument("--remove-orphans", action="store_true", help=message("stubs_remove_orphans_help"))
    args = parser.parse_args(argv)
    try:
        data = load_site_data(ROOT / "data")
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    created = create_missing_pages(ROOT / "docs", data)
    for path in created:
        print(message("stub_created", path=path.relative_to(ROOT)))
    copies = copy_pages_to_translate(ROOT / "docs", data)
    for path in copies:
        print(message("stub_copied", path=path.relative_to(ROOT)))
    orphans = orphan_pages(ROOT / "docs", data)
    for path, line, _, item_id in orphans:
        if args.remove_orphans:
            path.unlink()
            print(message("stub_deleted", path=path.relative_to(ROOT), id=item_id))
        else:
            print(message("stub_orphan", path=path.relative_to(ROOT), line=line, id=item_id))
    # The schemas offer the ids that exist while typing: a new region or contact belongs in them too.
    refreshed = schemas.write(schemas.schema_files())
    if not created and not copies and not orphans and not refreshed:
        print(message("stubs_nothing_to_do"))
    return 1 if orphans and not args.remove_orphans else 0


if __name__ == "__main__":
    sys.exit(main())
