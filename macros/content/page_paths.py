"""Where each page lives, relative to a language folder (docs/nl, docs/en, docs/zh), and how pages link to each other."""

from __future__ import annotations

import posixpath

HOME = "index.md"
ABOUT = "about.md"
PROJECTS = "projects.md"
REGIONS_INDEX = "regions/index.md"
CHALLENGES_INDEX = "challenges/index.md"
MATRIX = "challenges/matrix.md"
CALENDAR = "calendar.md"
# The build writes the iCalendar files here, beside the calendar page of each language (see calendar_feed.py).
CALENDAR_FILES = "calendar"
CONTACT = "contact.md"
INTEREST = "interest.md"
PARTNERS = "partners.md"
# Linked from the foot of every page (macros/render/site_footer.py), not from the navigation.
ACCESSIBILITY = "accessibility.md"
PRIVACY = "privacy.md"


def region_page(region_id: str) -> str:
    return f"regions/{region_id}.md"


def challenge_page(challenge_id: str) -> str:
    return f"challenges/{challenge_id}.md"


def province_page(province_id: str) -> str:
    return f"provinces/{province_id}.md"


def calendar_file(name: str) -> str:
    return f"{CALENDAR_FILES}/{name}.ics"


def vcard_file(contact_id: str) -> str:
    """Where a contact's vCard is written, relative to the site root (one file for all languages)."""
    return f"contacts/{contact_id}.vcf"


def site_root_href(here: str, lang: str, default_lang: str, path: str) -> str:
    """A relative href from a page to a file at the site root (outside the language folders)."""
    depth = page_url(here).count("/") + (0 if lang == default_lang else 1)
    return "../" * depth + path


def markdown_link_target(here: str, target: str) -> str:
    """A link target for a Markdown link; MkDocs checks it and turns it into the page's URL."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def page_url(page: str) -> str:
    """The URL of a page relative to the site root of its language (use_directory_urls: true)."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def html_href(here: str, target: str) -> str:
    """A relative href for raw HTML, which MkDocs does not rewrite."""
    relative = posixpath.relpath(page_url(target) or ".", page_url(here) or ".")
    return "./" if relative == "." else relative + "/"


def file_href(here: str, target: str) -> str:
    """A relative href for raw HTML to a file that is not a page, such as an .ics file."""
    return posixpath.relpath(target, page_url(here) or ".")
