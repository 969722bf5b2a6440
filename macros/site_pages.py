"""The page files the data asks for, in every language, and the command that creates the missing ones.

Run `python -m macros.stubs` (see stubs.py) after adding a region or a challenge area.
"""

from __future__ import annotations

from pathlib import Path

from . import page_paths
from .languages import LANGUAGES
from .site_data import SiteData

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
    return pages


# Pages written by hand in each language.
WRITTEN_PAGES = (page_paths.HOME, page_paths.ABOUT, page_paths.PROJECTS)


def missing_page_files(docs_dir: Path, data: SiteData) -> list[Path]:
    return [
        docs_dir / lang / page
        for page in generated_pages(data)
        for lang in LANGUAGES
        if not (docs_dir / lang / page).exists()
    ]


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
