"""The pictures of the site (issue 7): maps, heat table, timeline and the printed region sheet, in the built site."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urljoin

import pytest
import yaml
from conftest import LANGUAGES, ROOT, SITE_URL, article, page_dir, page_file

from macros.pictures import geo

MAX_SVG_BYTES = 60 * 1024


def _url(site, path) -> str:
    """The address of a built file, as the browser sees it."""
    relative = path.relative_to(site).as_posix()
    return SITE_URL + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _maps(site, lang, page):
    return article(page_file(site, lang, page)).select("figure.i2-map")


def _region_url(lang, region_id):
    return f"{SITE_URL}{page_dir(lang)}regions/{region_id}/"


def _pages_with_pictures(data):
    return (["regions", "partners", "calendar", "challenges/matrix"]
            + [f"regions/{r['id']}" for r in data["regions"]])


def test_every_svg_is_under_60_kb(site, data):
    sizes = []
    for lang in LANGUAGES:
        for page in _pages_with_pictures(data):
            for svg in article(page_file(site, lang, page)).select("figure.i2-map > svg, figure.i2-timeline > svg"):
                sizes.append((len(str(svg).encode("utf-8")), lang, page))
    assert len(sizes) == 3 * (1 + 2 + 1 + len(data["regions"]))
    assert max(sizes)[0] < MAX_SVG_BYTES, max(sizes)


def test_the_committed_boundaries_hold_only_the_partner_shapes(data):
    """No national outline, no other province: only the five regions and the four Flemish provinces."""
    china = json.loads((ROOT / "data/geo/china-partner-regions.topo.json").read_text(encoding="utf-8"))
    flanders = json.loads((ROOT / "data/geo/flemish-provinces.topo.json").read_text(encoding="utf-8"))
    china_ids = [g["properties"]["id"] for o in china["objects"].values() for g in o["geometries"]]
    flemish_ids = [g["properties"]["id"] for o in flanders["objects"].values() for g in o["geometries"]]
    assert sorted(china_ids) == sorted(r["id"] for r in data["regions"])
    provinces = [o["id"] for o in data["organisations"] if o["kind"] == "province"]
    assert sorted(flemish_ids) == sorted(provinces)
    assert (ROOT / "data/geo/NOTICE").read_text(encoding="utf-8").count("Natural Earth") >= 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_maps_draw_only_the_partner_regions_and_link_each_to_its_page(site, data, lang):
    regions = [r["id"] for r in data["regions"]]
    provinces = [o["id"] for o in data["organisations"] if o["kind"] == "province"]
    names = {o["id"]: (o.get("short_name") or o["name"])[lang] for o in data["organisations"]} | {
        r["id"]: r["short_name"][lang] for r in data["regions"]}
    expected = {"regions": regions, "partners": provinces + provinces + regions}
    for page in ["regions", "partners"] + [f"regions/{r}" for r in regions]:
        path = page_file(site, lang, page)
        figures = _maps(site, lang, page)
        shapes = [a["data-area"] for f in figures for a in f.select("a.i2-map__area")]
        assert shapes == expected.get(page, regions), (lang, page)
        for figure in figures:
            svg = figure.svg
            # Nothing is drawn but the linked shapes, their dots and names, and the tie lines.
            assert len(svg.select("path")) == len(svg.select("a > path.i2-map__shape")) + len(
                svg.select("path.i2-map__tie"))
            for link in figure.select("a.i2-map__area"):
                area = link["data-area"]
                # Named by the name drawn on it (WCAG 2.5.3, label in name).
                assert not link.has_attr("aria-label") and names[area] in link.get_text(" ", strip=True)
                target = urljoin(_url(site, path), link["href"])
                if area in regions:
                    assert target == _region_url(lang, area), (lang, page, area)
                else:
                    # A province's shape leads to its own page.
                    assert target == f"{SITE_URL}{page_dir(lang)}provinces/{area}/"
                    assert page_file(site, lang, f"provinces/{area}").exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_maps_have_text_alternatives_and_labels_in_the_page_language(site, data, lang):
    for page in ["regions", "partners", "regions/chengdu"]:
        for figure in _maps(site, lang, page):
            svg = figure.svg
            assert svg.get("role") == "group"  # role="img" would hide the links from screen readers
            title = svg.find("title", id=svg["aria-labelledby"])
            caption = figure.find("figcaption", id=svg["aria-describedby"])
            assert title.get_text(strip=True) and len(caption.get_text(strip=True)) > 60
            labels = [t.get_text() for t in svg.select("text.i2-map__label--region")]
            for link in figure.select("a.i2-map__area"):
                area = link["data-area"]
                entry = next((r for r in data["regions"] if r["id"] == area), None) or next(
                    o for o in data["organisations"] if o["id"] == area)
                assert entry["short_name"][lang] in labels
                assert entry["short_name"][lang] in caption.get_text()
    regions_caption = _maps(site, lang, "regions")[0].figcaption.get_text()
    capital_names = [r["capital"][lang] for r in data["regions"] if "capital" in r]
    assert all(name in regions_caption for name in capital_names)
    # Chengdu is drawn with the shape of Sichuan Province, and the text says so.
    sichuan = {"nl": "Sichuan", "en": "Sichuan", "zh": "四川省"}[lang]
    assert sichuan in regions_caption
    labels = [t.get_text() for t in _maps(site, lang, "regions")[0].select("text.i2-map__label--shape")]
    assert sichuan in " ".join(labels)


def test_the_region_page_map_marks_its_own_region(site, data):
    for lang in LANGUAGES:
        for region in data["regions"]:
            (figure,) = _maps(site, lang, f"regions/{region['id']}")
            current = figure.select("a[aria-current=page]")
            assert [a["data-area"] for a in current] == [region["id"]]
            assert "i2-map--locator" in figure["class"]


def test_the_ties_picture_draws_exactly_the_sister_ties_of_the_data(site, data):
    expected = sorted(f"{r['sister_province']} {r['id']}" for r in data["regions"])
    for lang in LANGUAGES:
        (ties,) = [f for f in _maps(site, lang, "partners") if "i2-map--ties" in f["class"]]
        assert sorted(p["data-tie"] for p in ties.select("path.i2-map__tie")) == expected
        assert ties.select_one("g.i2-map__ties")["aria-hidden"] == "true"
        text = ties.figcaption.get_text()
        for region in data["regions"]:
            assert region["short_name"][lang] in text


def test_projection_keeps_true_relative_positions():
    albers = geo.Albers(25, 47, 30, 110)
    shijiazhuang, xian, guangzhou = albers((114.5, 38.0)), albers((108.9, 34.3)), albers((113.3, 23.1))
    assert xian[0] < shijiazhuang[0] and shijiazhuang[1] < xian[1] < guangzhou[1]


def test_simplification_keeps_the_ends_of_shared_borders():
    line = [(0.0, 0.0), (1.0, 0.05), (2.0, -0.05), (3.0, 0.0), (4.0, 2.0), (5.0, 0.0)]
    simplified = geo.simplify(line, 0.5)
    assert simplified[0] == line[0] and simplified[-1] == line[-1]
    assert (4.0, 2.0) in simplified and (1.0, 0.05) not in simplified


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_matrix_is_a_heat_table_with_counts_as_text(site, data, lang):
    table = article(page_file(site, lang, "challenges/matrix")).select_one("table.i2-matrix.i2-heat")
    assert table.caption.get_text(strip=True)
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    assert all(row.th["scope"] == "row" for row in table.select("tbody tr"))
    for cell in table.select("td[data-count]"):
        count = int(cell["data-count"])
        assert f"i2-heat-{min(count, 3)}" in cell["class"]
        visible = cell.select_one("span[aria-hidden=true]").get_text()
        assert visible == (str(count) if count else "–")
        spoken = cell.select_one("span.i2-sr-only").get_text()
        region = next(r for r in data["regions"] if r["id"] == cell["data-region"])
        assert region["short_name"][lang] in spoken
        if count:
            assert str(count) in spoken


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_matrix_for_narrow_screens_has_the_same_counts_in_words(site, data, lang):
    page = article(page_file(site, lang, "challenges/matrix"))
    table_counts = {(row.th.a["href"], cell["data-region"]): int(cell["data-count"])
                    for row in page.select("table.i2-matrix tbody tr") for cell in row.select("td[data-count]")}
    cards = page.select(".i2-matrix-cards li.i2-matrix-card")
    assert len(cards) == len(data["challenges"])
    card_counts = {}
    for card in cards:
        href = card.select_one("a.i2-matrix-card__name")["href"]
        for line in card.select("li[data-region]"):
            count = int(line["data-count"])
            card_counts[(href, line["data-region"])] = count
            assert str(count) in line.get_text() and f"i2-heat-{min(count, 3)}" in line["class"]
        without = card.select_one("li.i2-heat-0")
        for region in data["regions"]:
            if (href, region["id"]) not in card_counts:
                assert region["short_name"][lang] in without.get_text()
    assert card_counts == {key: count for key, count in table_counts.items() if count}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calendar_timeline_runs_in_date_order_and_links_to_each_event(site, data, lang):
    page = article(page_file(site, lang, "calendar"))
    timeline = page.select_one("figure.i2-timeline")
    rows = timeline.select("a.i2-timeline__event")
    events = yaml.safe_load((ROOT / "data/events.yml").read_text(encoding="utf-8"))["events"]
    dated = [e for e in events if e.get("start")]

    def first_day(event):
        text = str(event["start"])[:10]
        return date.fromisoformat(text if len(text) == 10 else text + "-01")

    assert [a["data-event"] for a in rows] == [e["id"] for e in sorted(dated, key=first_day)]
    bars = [float(a.select_one("rect.i2-timeline__bar")["x"]) for a in rows]
    assert bars == sorted(bars)
    for row, event in zip(rows, sorted(dated, key=first_day)):
        assert row["href"] == f"#{event['id']}"
        assert page.find(id=event["id"]) is not None
        assert event["title"][lang] in row.get_text()
    svg = timeline.svg
    assert svg.find("title", id=svg["aria-labelledby"]).get_text(strip=True)
    assert timeline.find("figcaption", id=svg["aria-describedby"]).get_text(strip=True)
    if lang == "en":  # Babel's British English would write "Sept" among three-letter months
        months = [text.get_text() for text in svg.select("text.i2-timeline__month")]
        assert "Sep" in months and "Sept" not in months
    # The list for narrow screens: the same events in the same order, the same links, the same name and description.
    listed = timeline.select_one("ol.i2-timeline__list")
    items = listed.select("li.i2-timeline__item")
    assert [(li["data-event"], li.a["href"]) for li in items] == [(a["data-event"], a["href"]) for a in rows]
    assert (listed["aria-labelledby"], listed["aria-describedby"]) == (svg["aria-labelledby"], svg["aria-describedby"])
    # The text of every event, undated ones included, stays on the page.
    for event in events:
        assert page.find(id=event["id"]) is not None


def _layout(page, selector):
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)].map(element => {
             const style = getComputedStyle(element), box = element.getBoundingClientRect();
             return {display: style.display, visibility: style.visibility, float: style.float,
                     width: box.width, height: box.height};
           })""", selector)


def _visible(boxes):
    return bool(boxes) and all(b["display"] != "none" and b["visibility"] != "hidden" and b["width"] > 0
                               and b["height"] > 0 for b in boxes)


@pytest.mark.parametrize("lang", ["nl", "zh"])
def test_the_printed_region_sheet_shows_the_sheet_and_no_site_chrome(served_site, browser, lang):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{served_site}{page_dir(lang)}regions/hebei/")
    assert _visible(_layout(page, ".md-header")) and _visible(_layout(page, ".md-sidebar--primary"))
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-search", ".md-tabs", ".md-sidebar", ".md-footer", ".md-top"]:
        assert not any(b["display"] != "none" and b["width"] > 0 for b in _layout(page, chrome)), chrome
    sheet = {
        "map": "figure.i2-map--locator svg",
        "key figures": "dl.i2-facts",
        "opportunities and challenge areas": "article li",
        "contact": "ul.i2-region-contact__list a[href^='mailto:']",
        "EU funding statement": ".i2-eu-funding",
    }
    for what, selector in sheet.items():
        assert _visible(_layout(page, selector)), what
    (locator,) = _layout(page, "figure.i2-map--locator")
    assert locator["float"] == "right" and 250 < locator["width"] < 350  # 8 cm beside the text
    # The QR code of the page (issue 6), where the page has one, prints with the sheet.
    qr = _layout(page, ".i2-qr")
    assert not qr or _visible(qr)
    assert len(page.pdf(format="A4")) > 10_000
    page.close()
