"""The I²PCC site generator, by layer: content/ reads and checks data/, locales/ and the page files; render/ turns
them into Markdown and HTML for one language; pictures/ draws the maps, timeline, emblem and QR codes; files/ writes
the calendars, contact cards and search data; engine/ is everything that knows MkDocs, Material for MkDocs and
mkdocs-static-i18n. The commands are build.py, check.py, stubs.py and schemas.py (`python -m macros.<command>`)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
