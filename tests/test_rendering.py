"""The pure rendering functions, without MkDocs: escaping and language handling."""

from __future__ import annotations

import dataclasses

import markdown
from conftest import ROOT

from macros.content import page_paths
from macros.content.site_data import load_site_data
from macros.content.strings import load_strings
from macros.render import pages as render

HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} **bold** # h\n\n- item | cell"


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list"])


def test_escaped_data_comes_out_as_the_same_plain_text():
    html = to_html(str(render.escape_markdown(HOSTILE)))
    assert "<script>" not in html and "<a " not in html and "<strong>" not in html and "<li>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1))" in html
    assert "{{ 7*7 }}" in html and "**bold**" in html


def test_region_page_renders_in_each_language_without_mkdocs():
    data = load_site_data(ROOT / "data")
    strings = load_strings(ROOT / "locales")
    for lang, heading in (("nl", "# Provincie Hebei"), ("zh", "# 河北省")):
        ctx = render.PageContext(data, strings, lang, page_paths.region_page("hebei"))
        text = render.region_page(ctx, "hebei")
        assert text.startswith(heading)
        assert "](../challenges/hydrogen.md)" in text


def test_links_are_relative_to_the_page_that_holds_them():
    assert page_paths.markdown_link_target("regions/hebei.md", "challenges/sludge.md") == "../challenges/sludge.md"
    assert page_paths.markdown_link_target("index.md", "regions/index.md") == "regions/index.md"
    assert page_paths.html_href("challenges/matrix.md", "regions/hebei.md") == "../../regions/hebei/"
    assert page_paths.html_href("index.md", "regions/index.md") == "regions/"


def test_counts_in_visitor_text_follow_the_data():
    """A sixth region changes every sentence that counts the regions, in every language."""
    data = load_site_data(ROOT / "data")
    strings = load_strings(ROOT / "locales")
    sixth = data.regions[0].model_copy(update={"id": "sixth-region"})
    more = dataclasses.replace(data, regions=(*data.regions, sixth))
    for lang, five, six in (("nl", "vijf", "zes"), ("en", "five", "six"), ("zh", "五", "六")):
        before = render.region_overview(render.PageContext(data, strings, lang, page_paths.REGIONS_INDEX))
        after = render.region_overview(render.PageContext(more, strings, lang, page_paths.REGIONS_INDEX))
        intro_before, intro_after = before.split("\n\n")[1], after.split("\n\n")[1]
        assert five in intro_before and six not in intro_before
        assert six in intro_after and five not in intro_after
