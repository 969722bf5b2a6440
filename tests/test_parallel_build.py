"""Issue 8: the publishing command (`python -m macros.build`, the languages in parallel) publishes the languages as
one site. That it makes the same site as `mkdocs build`, byte for byte, is tested with reproducibility
(test_reproducible.py)."""

from __future__ import annotations

import gzip
import re


def test_the_combined_sitemap_names_the_dutch_page_as_x_default(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for entry in re.findall(r"<url>(.*?)</url>", sitemap, re.S):
        links = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry))
        assert links["x-default"] == links["nl"]
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
