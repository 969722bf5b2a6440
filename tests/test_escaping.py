"""No input makes the site unsafe: every text of data/ and locales/ comes out as text, wherever it lands (menu,
header, <title>, meta tags, page content, maps, JSON-LD, search index and results, .ics, .vcf).

One build of a copy whose every human text carries markup, Markdown and line-break payloads; then every built page
(404 pages included) in Chromium, a search in each language, and the calendar, vCard and search index files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest
import vobject
import yaml
from conftest import LANGUAGES, _free_port, build_site, copy_project, one_page_per_kind, page_dir, serving
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

# Each payload would leave a live element (or a javascript: link) if it reached the HTML unescaped: in text, in a
# double- or single-quoted attribute, inside <title> or a <textarea>, as a Markdown link or as attr_list attributes.
MARKUP = ("xsscheck <img src=x id=i2pwn onerror=alert(1)> <script>alert(2)</script> \"><svg id=i2svg onload=alert(3)>"
          " '><b id=i2bold>b</b> [x](javascript:alert(4)) </title></textarea><img src=x id=i2pwn2 onerror=alert(5)>")
# Data values may hold braces and line breaks; locale strings may not ({placeholders}, one line each). The Jinja
# expression would leave 111111111 wherever a data value was run as a template.
DATA_PAYLOAD = MARKUP + " {: #i2attr onclick=alert(6) } {{ 12345679 * 9 }}\nX-I2PWN:1"
LOCALE_PAYLOAD = " " + MARKUP

# Any of these in a built page is an element or attribute the payloads made.
INJECTED = ("#i2pwn, #i2pwn2, #i2svg, #i2bold, #i2attr, [onerror], [onload], [onclick],"
            " a[href^='javascript:' i], area[href^='javascript:' i]")
CHECK_PAGE = """injected => ({
    injected: [...document.querySelectorAll(injected)].map(e => e.outerHTML.slice(0, 200)),
    scripts: [...document.scripts].filter(s => !s.src && /alert\\(/.test(s.textContent)
                                               && s.type !== 'application/ld+json').length,
    jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => {
        try { JSON.parse(s.textContent); return null; } catch (e) { return s.textContent.slice(0, 200); }
    }).filter(Boolean),
    title: document.title,
    text: document.body.innerText,
    attributes: [...document.querySelectorAll('meta[content], [title], [aria-label], [alt]')]
        .map(e => [e.getAttribute('content'), e.getAttribute('title'), e.getAttribute('aria-label'),
                   e.getAttribute('alt')].join(' ')).join(' '),
})"""
# What the payload looks like when it was escaped twice: shown to the reader as entity text.
DOUBLE_ESCAPED = re.compile(r"&(#[0-9]+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)

# Fields of data/ that are no human text: ids and references, enum values, dates, e-mails, phones, addresses.
NOT_TEXT = {"id", "kind", "organisation", "sister_province", "appointed_by", "email", "phone", "website", "start",
            "end", "timezone", "registration", "regions", "challenges", "contacts", "provinces", "languages"}
TEXT_FIELDS = {"nl", "en", "zh", "given", "family"}


def _poison(value, key=None):
    """Every text leaf of a data file gets the payload; every other value stays as it is."""
    if isinstance(value, dict):
        return {k: v if k in NOT_TEXT else _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(item, key) for item in value]
    if isinstance(value, str) and key in TEXT_FIELDS:
        return value + " " + DATA_PAYLOAD
    return value


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    """(site folder, its address): the site built from a copy with the payloads in every text."""
    project = copy_project(tmp_path_factory.mktemp("escaping") / "project")
    for path in [*(project / "data").glob("*.yml"), project / "data" / "geo" / "places.yml"]:
        # The top key names the file's entries (regions:, contacts:, ...), not a reference to them.
        document = {key: _poison(entries) for key, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items()}
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for lang in LANGUAGES:
        path = project / "locales" / f"{lang}.yml"
        strings = yaml.safe_load(path.read_text(encoding="utf-8"))
        poisoned_strings = {key: text + LOCALE_PAYLOAD for key, text in strings.items()}
        path.write_text(yaml.safe_dump(poisoned_strings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site_url = f"http://127.0.0.1:{_free_port()}/"
    site_dir = project / "site"
    result = build_site(project, site_dir, {"SITE_URL": site_url})
    assert result.returncode == 0, result.stdout[-4000:]
    return site_dir, site_url


def test_no_data_value_is_run_as_a_template(poisoned):
    site_dir, _ = poisoned
    rendered = [path for path in site_dir.rglob("*") if path.is_file() and b"111111111" in path.read_bytes()]
    assert not rendered, rendered[:5]


def _page_urls(site_dir: Path, site_url: str) -> list[str]:
    urls = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        urls.append(site_url + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return urls


def test_no_page_runs_or_shows_injected_markup(poisoned, browser):
    site_dir, site_url = poisoned
    # Every text field carries the payload, so each kind of page shows all the fields its kind can show.
    urls = one_page_per_kind(_page_urls(site_dir, site_url), site_url)
    assert len([u for u in urls if u.endswith("404.html")]) == len(LANGUAGES)
    dialogs: list[str] = []
    problems: dict[str, list] = {}
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    try:
        with serving(site_dir, site_url):
            for url in urls:
                page.goto(url, wait_until="load")
                found = _page_problems(page)
                if found:
                    problems[url] = found
                # Live payloads open dialogs by the hundred: a few pages are enough to report, and much faster.
                if dialogs or len(problems) >= 10:
                    break
            assert not dialogs, dialogs[:20]
            assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)[:6000]
            for lang in LANGUAGES:
                count, injected, text = _search_results(page, site_url + page_dir(lang))
                assert count, f"searching {lang} for the payload found nothing"
                assert not injected and not dialogs, (lang, injected, dialogs)
                assert "<img src=x id=i2pwn onerror=alert(1)>" in text, (lang, text[:500])
    finally:
        context.close()


def _page_problems(page) -> list:
    found = page.evaluate(CHECK_PAGE, INJECTED)
    problems = [(kind, found[kind]) for kind in ("injected", "jsonLd") if found[kind]]
    if found["scripts"]:
        problems.append(("inline scripts with the payload", found["scripts"]))
    # Shown as text, and escaped once only: no entity text for the reader to see.
    for kind in ("title", "text", "attributes"):
        match = DOUBLE_ESCAPED.search(found[kind])
        if match:
            problems.append((f"escaped twice in {kind}", found[kind][max(match.start() - 60, 0):match.end()]))
    if "<img src=x id=i2pwn onerror=alert(1)>" not in found["title"]:
        problems.append(("payload not shown as text in <title>", found["title"]))
    return problems


def _search_results(page, url: str) -> tuple[int, list, str]:
    """Search for the payload's marker word; (number of results, injected elements, the results' text)."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    # The index loads in a worker after the page; a query typed before it is ready shows nothing: type it again.
    for _ in range(10):
        box.fill("xsscheck")
        box.press("End")
        try:
            results.first.wait_for(timeout=2000)
            break
        except PlaywrightTimeout:
            pass
    page.wait_for_timeout(300)  # images of injected markup would fail to load and fire onerror by now
    found = page.evaluate(CHECK_PAGE, INJECTED)
    text = page.eval_on_selector(".md-search-result", "e => e.innerText")
    return results.count(), found["injected"], text


def test_search_indexes_hold_the_payload_as_escaped_text_only(poisoned):
    site_dir, _ = poisoned
    for lang in LANGUAGES:
        index = json.loads((site_dir / page_dir(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
        fields = [doc[field] for doc in index["docs"] for field in ("title", "text")]
        # Material shows titles and texts of the index as HTML: markup from the data must be there as entities.
        live = [f for f in fields if re.search(r"<(img|script|svg|b|/title|/textarea)\b", f, re.IGNORECASE)]
        assert not live, (lang, live[:3])
        assert any("&lt;img src=x id=i2pwn onerror=alert(1)&gt;" in f.replace("\u200b", "") for f in fields), lang


def test_calendar_files_hold_the_payload_as_plain_text(poisoned):
    site_dir, _ = poisoned
    files = sorted(site_dir.rglob("*.ics"))
    assert files
    for path in files:
        raw = path.read_bytes()
        assert not re.search(rb"^X-I2PWN", raw, re.MULTILINE), path  # a line break in a value starts no property
        calendar = icalendar.Calendar.from_ical(raw)
        assert LOCALE_PAYLOAD.strip() in str(calendar["x-wr-calname"]), path
        for event in calendar.walk("VEVENT"):
            for field in ("summary", "description"):
                value = str(event[field])
                assert DATA_PAYLOAD in value, (path, field, value)
                assert "&lt;" not in value and "&amp;" not in value, (path, field, value)


def test_vcards_hold_the_payload_as_plain_text(poisoned):
    site_dir, _ = poisoned
    files = sorted(site_dir.rglob("*.vcf"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^X-I2PWN", text, re.MULTILINE), path
        card = vobject.readOne(text)
        assert "x-i2pwn" not in card.contents, path
        for name in ("fn", "org", "role", "note"):
            for line in card.contents.get(name, []):
                value = ";".join(line.value) if isinstance(line.value, list) else line.value
                assert DATA_PAYLOAD in value, (path, name, value)
                assert "&lt;" not in value, (path, name, value)
