"""The 404 page of each language, the accessibility statement and privacy pages, link previews, the QR code of
each page's own address, and the fonts per language (issue 6), checked on the built site."""

from __future__ import annotations

import io
import struct

import pytest
import yaml
import zxingcpp
from conftest import LANGUAGES, ROOT, SITE_URL, html_pages, page_dir, page_file, soup
from PIL import Image

from macros.languages import language

HTML_LANG = {lang: language(lang).tag for lang in LANGUAGES}
OG_LOCALES = {"nl": "nl_BE", "en": "en_GB", "zh": "zh_CN"}


def _language_of(site, path) -> str:
    first = path.relative_to(site).parts[0]
    return first if first in ("en", "zh") else "nl"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_404_page(site, lang):
    page = soup(site / page_dir(lang) / "404.html")
    assert page.html["lang"] == HTML_LANG[lang]
    strings = yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8"))
    assert page.select_one("article h1").get_text(strip=True) == strings["not_found.title"]
    # Joined to the site name like every other page's title: a full-width bar in Chinese.
    expected = f"{strings['not_found.title']}{strings['punct.title_separator']}{strings['site_name']}"
    assert page.title.get_text() == expected
    links = {a["href"]: a for a in page.select("article a")}
    # Absolute links: the page is served at any address that does not exist.
    assert links[SITE_URL + page_dir(lang)].get_text(strip=True) == strings["not_found.home"]
    for other in LANGUAGES:
        if other != lang:
            link = links[SITE_URL + page_dir(other)]
            assert link["hreflang"] in (other, "zh-Hans")
    # The theme's own assets resolve from any folder.
    for stylesheet in page.select('link[rel="stylesheet"]'):
        assert stylesheet["href"].startswith("/"), stylesheet


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statement_and_privacy_pages_exist_and_are_linked_from_every_page(site, lang):
    for name in ("accessibility", "privacy"):
        assert page_file(site, lang, f"{name}/").exists()
    for path in html_pages(site):
        if _language_of(site, path) != lang:
            continue
        footer = soup(path).select_one("section.i2-site-footer")
        assert footer is not None, path
        targets = {(path.parent / a["href"]).resolve() for a in footer.select("a[href]")}
        assert targets == {page_file(site, lang, "accessibility/").parent.resolve(),
                           page_file(site, lang, "privacy/").parent.resolve()}, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statement_and_privacy_give_the_general_contacts_from_data(site, lang):
    contacts = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))["contacts"]
    addresses = {c["email"] for c in contacts if c.get("general") and c.get("email")}
    assert addresses
    for name in ("accessibility", "privacy"):
        article = soup(page_file(site, lang, f"{name}/")).select_one("article")
        mailtos = {a["href"].split(":", 1)[1].split("?", 1)[0] for a in article.select('a[href^="mailto:"]')}
        assert mailtos == addresses, (lang, name)
    statement = soup(page_file(site, lang, "accessibility/")).select_one("article")
    # The EU model's parts: status, known gaps, preparation and last check, feedback, enforcement.
    assert len(statement.select("h2")) >= 5
    assert "2026" in statement.get_text()


def _png_size(path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_every_page_has_a_description_and_link_preview_tags(site):
    for path in html_pages(site) + [site / page_dir(lang) / "404.html" for lang in LANGUAGES]:
        page = soup(path)
        lang = _language_of(site, path)
        description = page.select_one('meta[name="description"]')
        assert description and description["content"].strip(), path
        if path.name == "404.html":
            continue
        meta = {m["property"]: m["content"] for m in page.select("meta[property]")}
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert meta["og:url"] == canonical and canonical.startswith(SITE_URL), path
        assert meta["og:title"].strip() and meta["og:description"] == description["content"], path
        assert meta["og:locale"] == OG_LOCALES[lang], path
        assert sorted(m["content"] for m in page.select('meta[property="og:locale:alternate"]')) == sorted(
            v for k, v in OG_LOCALES.items() if k != lang)
        image = meta["og:image"]
        assert image.startswith(SITE_URL), path
        image_file = site / image[len(SITE_URL):]
        assert _png_size(image_file) == (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630)
        assert meta["og:image:alt"].strip()
        # Each language's own card (scripts/share_card.py draws it in that language's words).
        assert image == f"{SITE_URL}assets/share-card-{lang}.png", path
        assert page.select_one('meta[name="twitter:image"]')["content"] == image, path
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"


def test_every_page_shows_a_qr_code_of_its_own_address_with_a_text_alternative(site):
    for path in html_pages(site):
        page = soup(path)
        canonical = page.select_one('link[rel="canonical"]')["href"]
        codes = page.select(".i2-qr .i2-qr__code")
        assert len(codes) == 1, path
        assert codes[0]["role"] == "img" and canonical in codes[0]["aria-label"], path
        assert codes[0].select_one("svg") is not None
        assert page.select_one(".i2-qr figcaption .i2-qr__url").get_text(strip=True) == canonical


# One page per language, the longest addresses among them.
QR_PAGES = ["", "en/challenges/zero-emission-production/", "zh/regions/chongqing/", "zh/accessibility/"]


@pytest.mark.parametrize("path", QR_PAGES)
def test_the_qr_code_as_displayed_decodes_to_the_page_address(served_site, browser, path):
    """Read back with ZXing from a screenshot of the code as the browser draws it, not from the encoder's data."""
    context = browser.new_context(device_scale_factor=2)
    page = context.new_page()
    page.goto(SITE_URL + path)
    png = page.locator(".i2-qr__code").screenshot()
    context.close()
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [(r.format.name, r.text) for r in results] == [("QRCode", SITE_URL + path)]


@pytest.mark.parametrize("path, first_font", [
    ("", "-apple-system"),
    ("en/about/", "-apple-system"),
    ("zh/about/", '"PingFang SC"'),
])
def test_system_fonts_per_language_and_chinese_faces_first_for_chinese(served_site, browser, path, first_font):
    page = browser.new_page()
    page.goto(SITE_URL + path)
    family = page.evaluate("() => getComputedStyle(document.querySelector('article p')).fontFamily")
    zh_family = page.evaluate("""() => {
        const span = document.createElement('span');
        span.lang = 'zh';
        document.querySelector('article p').append(span);
        return getComputedStyle(span).fontFamily;
    }""")
    page.close()
    assert family.startswith(first_font)
    assert "Microsoft YaHei" in family and "Noto Sans CJK SC" in family
    assert zh_family.startswith('"PingFang SC"')


@pytest.mark.parametrize("lang", LANGUAGES)
def test_region_and_challenge_pages_are_described_from_data(site, data, lang):
    def description(page):
        return soup(page_file(site, lang, page)).select_one('meta[name="description"]')["content"]

    for region in data["regions"]:
        assert description(f"regions/{region['id']}/") == " ".join(region["summary"][lang].split())
    for challenge in data["challenges"]:
        assert description(f"challenges/{challenge['id']}/") == " ".join(challenge["description"][lang].split())
    statement = yaml.safe_load((ROOT / "docs" / lang / "accessibility.md").read_text(encoding="utf-8").split("---")[1])
    assert description("accessibility/") == statement["description"]


def test_qr_code_and_footer_links_are_printed(served_site, browser):
    page = browser.new_page()
    page.goto(SITE_URL + "en/regions/hebei/")
    page.emulate_media(media="print")
    assert page.locator(".i2-qr__code").is_visible()
    assert page.locator(".i2-qr__url").is_visible()
    # The links at the foot (accessibility statement, privacy) are printed too.
    links = page.locator("section.i2-site-footer a[href]")
    assert links.count() == 2
    for index in range(2):
        assert links.nth(index).is_visible()
    page.close()


def test_search_and_menu_are_closed_when_a_page_comes_back_from_history(served_site, browser):
    """Material's toggles lose autocomplete="off" (invalid on checkboxes); docs/assets/toggles.js closes them."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(SITE_URL + "en/about/")
    page.evaluate("() => { document.getElementById('__search').click(); document.getElementById('__drawer').click(); }")
    assert page.evaluate("() => document.getElementById('__search').checked")
    page.goto(SITE_URL + "en/partners/")
    page.go_back()
    page.wait_for_load_state("load")
    states = page.evaluate("() => ['__search', '__drawer'].map(id => document.getElementById(id).checked)")
    context.close()
    assert states == [False, False]
