"""Zero requests to any host but the site itself (the site is read in mainland China, where Google's hosts and
public CDNs are blocked, and it promises no trackers), checked in Chromium on every built page (served by nginx
with deploy/nginx.conf: the every-page visit, page_visits in tests/conftest.py), and in the built files for what a
browser may fetch under other conditions."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from conftest import LANGUAGES, ROOT, SITE_URL, page_dir, page_kind, soup

ORIGIN = urlsplit(SITE_URL)[:2]
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


def _leaves_origin(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and (parts.scheme, parts.netloc) != ORIGIN


def test_every_page_of_every_language_is_visited(page_visits):
    """Every page the sources make (each Markdown file of each language, and each language's 404 page), counted
    from docs/ rather than from the built folder the visits walked."""
    expected = set()
    for lang in LANGUAGES:
        prefix = SITE_URL if lang == "nl" else f"{SITE_URL}{lang}/"
        expected.add(f"{prefix}404.html")
        for source in (ROOT / "docs" / lang).rglob("*.md"):
            page = source.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
            page = page.removesuffix("index").removesuffix("/")
            expected.add(prefix + (f"{page}/" if page else ""))
    assert {url for url in page_visits if url} == expected


def test_no_page_requests_anything_from_another_host(page_visits):
    third_party = {url: sorted({r for r, _ in visit["requests"] if _leaves_origin(r)})
                   for url, visit in page_visits.items() if url}
    assert {url: hosts for url, hosts in third_party.items() if hosts} == {}
    # The recording works: every page fetched its stylesheets and its own language's search index (from a web
    # worker; the English and Chinese 404 pages once fetched the Dutch one).
    for url, visit in page_visits.items():
        if url:
            requested = [r for r, _ in visit["requests"]]
            assert any(r.endswith(".css") for r in requested), url
            index = f"{SITE_URL}{page_dir(page_kind(url)[0])}search/search_index.json"
            assert [r for r in requested if r.endswith("search_index.json")] == [index], url


def test_every_request_succeeds_and_no_page_logs_an_error(page_visits):
    """A broken asset link fails here, and so would Material's sitemap lookups if its script took our hreflang links
    for language roots again (see overrides/main.html): they 404 and log an error on the console."""
    failed = {}
    for url, visit in page_visits.items():
        if url:
            bad = [(r, outcome) for r, outcome in visit["requests"] if not (isinstance(outcome, int) and outcome < 400)]
            if bad or visit["console_errors"]:
                failed[url] = bad + visit["console_errors"]
    assert failed == {}


def test_no_cookies_are_set(page_visits):
    assert page_visits[None] == []


# What a browser may load from the markup: stylesheets, scripts, images, frames, preconnects, fonts.
_LOADING_LINK_RELS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload", "icon",
                      "apple-touch-icon", "manifest"}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([a-z][a-z0-9+.-]*:)?//""", re.IGNORECASE)


def test_built_files_point_only_at_the_site_itself(site):
    offenders = []
    for path in site.rglob("*.html"):
        page = soup(path)
        for tag in page.find_all(["script", "img", "iframe", "source", "audio", "video", "embed", "object"]):
            for attribute in ("src", "srcset", "data", "poster"):
                if tag.get(attribute) and _leaves_origin_or_protocol_relative(tag[attribute]):
                    offenders.append((path.relative_to(site).as_posix(), tag.name, tag[attribute]))
        for link in page.find_all("link", href=True):
            if set(link.get("rel", [])) & _LOADING_LINK_RELS and _leaves_origin_or_protocol_relative(link["href"]):
                offenders.append((path.relative_to(site).as_posix(), "link", link["href"]))
        for style in page.find_all("style"):
            if _CSS_URL.search(style.get_text()):
                offenders.append((path.relative_to(site).as_posix(), "style", "url(//…)"))
    for path in site.rglob("*.css"):
        if _CSS_URL.search(path.read_text(encoding="utf-8")):
            offenders.append((path.relative_to(site).as_posix(), "css", "url(//…)"))
    assert offenders == []


def _leaves_origin_or_protocol_relative(value: str) -> bool:
    value = value.strip()
    if value.startswith("//"):
        return True
    return bool(re.match(r"[a-z][a-z0-9+.-]*:", value, re.IGNORECASE)) and _leaves_origin(value)
