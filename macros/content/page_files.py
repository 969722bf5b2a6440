"""The page files the data asks for, in every language, and the command that creates the missing ones.

Run `python -m macros.stubs` (see stubs.py) after adding a region or a challenge area, or a page in docs/nl/.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.content import page_paths
from macros.content.menu import menu_problems
from macros.content.problems import Problem, source_label
from macros.content.site_data import SiteData
from macros.content.yaml_source import Position
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES
from macros.messages import message


# Pages whose whole content comes from data: path -> the Markdown of the page file.
def generated_pages(data: SiteData) -> dict[str, str]:
    pages = {
        page_paths.REGIONS_INDEX: "{{ region_overview() }}\n",
        page_paths.CHALLENGES_INDEX: "{{ challenge_overview() }}\n",
        page_paths.MATRIX: "{{ challenge_matrix() }}\n",
        page_paths.CALENDAR: "{{ calendar_page() }}\n",
        page_paths.CONTACT: "{{ contact_page() }}\n",
        page_paths.INTEREST: "{{ interest_page() }}\n",
        page_paths.PARTNERS: "{{ partners_page() }}\n",
    }
    for region in data.regions:
        pages[page_paths.region_page(region.id)] = f'{{{{ region_page("{region.id}") }}}}\n'
    for challenge in data.challenges:
        pages[page_paths.challenge_page(challenge.id)] = f'{{{{ challenge_page("{challenge.id}") }}}}\n'
    for province in data.provinces:
        pages[page_paths.province_page(province.id)] = f'{{{{ province_page("{province.id}") }}}}\n'
    return pages


def missing_page_files(docs_dir: Path, data: SiteData) -> list[Path]:
    return [
        docs_dir / lang / page
        for page in generated_pages(data)
        for lang in LANGUAGES
        if not (docs_dir / lang / page).exists()
    ]


_DATA_MACRO = re.compile(r"""\b(region_page|challenge_page|province_page)\(\s*["']([^"']*)["']""")


def orphan_pages(docs_dir: Path, data: SiteData) -> list[tuple[Path, int, str, str]]:
    """(page, line, kind, id) of every page that shows a region or challenge area no longer in data/, e.g. after
    one was removed or its id renamed."""
    known = {"region_page": {r.id for r in data.regions}, "challenge_page": {c.id for c in data.challenges},
             "province_page": {p.id for p in data.provinces}}
    found = []
    for path in sorted(docs_dir.glob("*/**/*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _DATA_MACRO.finditer(text):
            macro, item_id = match.groups()
            if item_id not in known[macro]:
                found.append((path, text.count("\n", 0, match.start()) + 1, macro, item_id))
    return found


def page_problems(root: Path, docs_dir: Path, data: SiteData | None) -> list[Problem]:
    """What keeps the pages from matching the data (when it could be read) and the Dutch sources, each with its
    fix."""
    problems = [] if data is None else [
        Problem(source_label(root, path), Position(1, 1), message("page_missing"))
        for path in missing_page_files(docs_dir, data)]
    for path, line, macro, item_id in ([] if data is None else orphan_pages(docs_dir, data)):
        words = message(f"orphan_{macro}", id=item_id)
        problems.append(Problem(source_label(root, path), Position(line, 1), words))
    if data is not None:
        problems.extend(menu_problems(root, docs_dir, data, set(generated_pages(data))))
    source = docs_dir / DEFAULT_LANGUAGE
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE or not (docs_dir / lang).is_dir():
            continue
        for path in sorted((docs_dir / lang).rglob("*.md")):
            page = path.relative_to(docs_dir / lang)
            if not (source / page).exists():
                problems.append(Problem(source_label(root, path), Position(1, 1),
                                        message("translation_without_source", source=source_label(root, source / page))))
    return problems


def create_missing_pages(docs_dir: Path, data: SiteData) -> list[Path]:
    created = []
    pages = generated_pages(data)
    for page, content in pages.items():
        for lang in LANGUAGES:
            path = docs_dir / lang / page
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
                created.append(path)
    return created


def copy_pages_to_translate(docs_dir: Path, data: SiteData) -> list[Path]:
    """Puts a copy of each Dutch page that another language lacks in that language's folder, for the translator
    to translate in place. Until it is translated, the copy is served like a missing page (see
    untranslated_copies)."""
    created = []
    source = docs_dir / DEFAULT_LANGUAGE
    generated = generated_pages(data)
    for path in sorted(source.rglob("*.md")):
        page = path.relative_to(source)
        if page.as_posix() in generated:
            continue
        for lang in LANGUAGES:
            target = docs_dir / lang / page
            if lang != DEFAULT_LANGUAGE and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(path.read_bytes())
                created.append(target)
    return created


def untranslated_copies(docs_dir: Path, data: SiteData) -> set[Path]:
    """The pages of other languages that are still the Dutch text byte for byte."""
    source = docs_dir / DEFAULT_LANGUAGE
    return {(docs_dir / lang / page).resolve()
            for page in (p.relative_to(source).as_posix() for p in source.rglob("*.md"))
            for lang in LANGUAGES if is_untranslated_copy(docs_dir, lang, page, data)}


# What a page holds besides text to translate: its front matter and the macro calls that render data in the
# reader's language.
_NOT_PROSE = re.compile(r"\A---\n.*?\n---\n|\{\{.*?\}\}|\{%.*?%\}", re.S)


def is_untranslated_copy(docs_dir: Path, lang: str, page: str, data: SiteData) -> bool:
    """Whether a page of another language is still its Dutch source byte for byte. Pages with nothing to translate
    (made from data by a macro call, like the region pages and the home page) are the same in every language by
    design, so they never count."""
    if lang == DEFAULT_LANGUAGE or page in generated_pages(data):
        return False
    own, dutch = docs_dir / lang / page, docs_dir / DEFAULT_LANGUAGE / page
    if not (own.is_file() and dutch.is_file() and own.read_bytes() == dutch.read_bytes()):
        return False
    return bool(_NOT_PROSE.sub("", dutch.read_text(encoding="utf-8")).strip())
