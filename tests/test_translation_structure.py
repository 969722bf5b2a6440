"""Translated pages keep the structure of their Dutch source (as FastAPI's multilingual docs check)."""

from __future__ import annotations

import re

import pytest
from conftest import LANGUAGES, ROOT

DOCS = ROOT / "docs"
SOURCE_PAGES = sorted(p.relative_to(DOCS / "nl").as_posix() for p in (DOCS / "nl").rglob("*.md"))


def structure(text: str) -> dict:
    return {
        "headings": [len(m) for m in re.findall(r"^(#{1,6}) ", text, re.M)],
        "links": re.findall(r"\]\(([^)\s]+)\)", text),
        "macros": re.findall(r"\{\{.*?\}\}", text),
    }


@pytest.mark.parametrize("page", SOURCE_PAGES)
def test_translations_keep_the_structure_of_the_dutch_page(page):
    # A missing translation is allowed (it is served in Dutch with a notice, and `python -m macros.check`
    # reports it); a translation that exists must have the same headings, links and macro calls.
    source = structure((DOCS / "nl" / page).read_text(encoding="utf-8"))
    for lang in LANGUAGES[1:]:
        path = DOCS / lang / page
        if path.exists():
            assert structure(path.read_text(encoding="utf-8")) == source, f"docs/{lang}/{page} differs from docs/nl/{page}"


def test_every_translated_page_has_a_dutch_source():
    for lang in LANGUAGES[1:]:
        pages = {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}
        assert pages <= set(SOURCE_PAGES), pages - set(SOURCE_PAGES)
