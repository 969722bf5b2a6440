"""The description of a page for search engines and link previews, taken from data for the pages built from it:
a region's summary, a challenge area's description. Other pages set `description:` in their front matter or get
the site description."""

from __future__ import annotations

from macros.content import page_paths
from macros.content.site_data import SiteData


def data_description(data: SiteData, lang: str, page: str) -> str | None:
    """`page` is the page file relative to its language folder, e.g. 'regions/hebei.md'."""
    for region in data.regions:
        if page == page_paths.region_page(region.id):
            return region.summary[lang]
    for challenge in data.challenges:
        if page == page_paths.challenge_page(challenge.id):
            return challenge.description[lang]
    return None
