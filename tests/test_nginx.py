"""Issue 9: the built site behind deploy/nginx.conf, run by Debian's nginx as a child process on 127.0.0.1.

Status codes, headers, MIME types, compression and the 404 page of each language, over HTTP; then every page in
headless Chromium through nginx, with not one Content-Security-Policy violation.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import subprocess
import time
from pathlib import Path

import pytest
from conftest import LANGUAGES, SITE_URL, _free_port, one_page_per_kind, page_dir, site_page_urls

from deploy import local_nginx
from deploy.csp import configured_policy, policy
from deploy.csp import main as csp_command


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    """deploy/nginx.conf serving the built site; yields (host, port)."""
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    server = subprocess.Popen(local_nginx.prepare(prefix, site, port), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            assert server.poll() is None, server.stdout.read().decode()
            try:
                _get(("127.0.0.1", port), "/")
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not answer"
                time.sleep(0.1)
        yield "127.0.0.1", port
    finally:
        server.terminate()
        server.wait(timeout=10)
    errors = (prefix / "error.log").read_text(encoding="utf-8")
    assert "[emerg]" not in errors and "[alert]" not in errors, errors


class Response:
    def __init__(self, raw: http.client.HTTPResponse):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()


def _get(address, path: str, **headers) -> Response:
    connection = http.client.HTTPConnection(*address, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        return Response(connection.getresponse())
    finally:
        connection.close()


SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _assert_security_headers(response: Response, site: Path):
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Content-Security-Policy"] == policy(site)


def test_the_configured_policy_matches_what_the_build_emits(site):
    """The hashes of the inline scripts change with Material or the site's depth: then run the command below."""
    assert configured_policy() == policy(site), "run: python -m deploy.csp <site folder> (see README)"
    assert csp_command(["--check", str(site)]) == 0


def test_the_policy_allows_no_other_origin_and_inline_code_only_by_hash(site):
    csp = policy(site)
    assert "http" not in csp and "*" not in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    # Material's inline scripts: the scope one per folder depth, the one for tabbed content.
    assert csp.split("; ")[1].count("'sha256-") >= 2


def test_the_policy_hashes_executable_inline_code_only(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<script>run()</script><script type="application/json">{"a": 1}</script>'
                                         '<script src="x.js"></script><td style="text-align: right;">1</td>',
                                         encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text("<script>run()</script><style>p{}</style>", encoding="utf-8")
    directives = dict(d.split(" ", 1) for d in policy(tmp_path).split("; "))
    hash_of = {code: "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
               for code in ("run()", "p{}", "text-align: right;")}
    assert directives["script-src"] == f"'self' {hash_of['run()']}"
    assert directives["style-src"] == "'self' 'unsafe-hashes' " + " ".join(
        sorted([hash_of["p{}"], hash_of["text-align: right;"]]))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_of_each_language_are_utf8_html_with_security_headers(nginx, site, lang):
    for page in ("", "regions/hebei/", "calendar/"):
        response = _get(nginx, "/" + page_dir(lang) + page)
        assert response.status == 200, page
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert response.headers["Cache-Control"] == "no-cache"
        assert response.headers["Server"] == "nginx"  # no version number
        assert response.body == (site / page_dir(lang) / page / "index.html").read_bytes()
        _assert_security_headers(response, site)


def test_the_root_stays_dutch_whatever_the_browser_prefers(nginx):
    response = _get(nginx, "/", **{"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"})
    assert response.status == 200
    assert b'<html lang="nl"' in response.body


def test_a_folder_without_slash_redirects_relatively(nginx):
    response = _get(nginx, "/en")
    assert response.status == 301
    assert response.headers["Location"] == "/en/"


def test_fingerprinted_assets_are_cached_for_a_year_and_the_rest_revalidated(nginx, site):
    fingerprinted = [*(site / "assets" / "javascripts").glob("bundle.*.min.js"),
                     *(site / "assets" / "javascripts" / "workers").glob("search.*.min.js"),
                     *(site / "assets" / "stylesheets").glob("main.*.min.css")]
    assert len(fingerprinted) == 3
    for path in fingerprinted:
        response = _get(nginx, "/" + path.relative_to(site).as_posix())
        assert response.status == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    for path, mime in (("assets/site.css", "text/css; charset=utf-8"),
                       ("assets/interest.js", "application/javascript; charset=utf-8"),
                       ("search/search_index.json", "application/json; charset=utf-8"),
                       ("sitemap.xml", "text/xml; charset=utf-8")):
        response = _get(nginx, "/" + path)
        assert response.status == 200, path
        assert response.headers["Cache-Control"] == "no-cache", path
        assert response.headers["Content-Type"] == mime, path


def test_calendars_and_vcards_have_their_mime_types(nginx, site):
    calendars = sorted(site.rglob("*.ics"))
    vcards = sorted(site.rglob("*.vcf"))
    assert calendars and vcards
    for path in calendars:
        response = _get(nginx, "/" + path.relative_to(site).as_posix())
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert response.body == path.read_bytes()
    for path in vcards:
        response = _get(nginx, "/" + path.relative_to(site).as_posix())
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/vcard"
        assert response.body == path.read_bytes()


def test_text_is_compressed_with_gzip_and_brotli(nginx, site):
    for path in ("", "zh/regions/hebei/", "assets/site.css", "search/search_index.json", "calendar/i2pcc.ics"):
        original = (site / path / "index.html" if path.endswith("/") or not path else site / path).read_bytes()
        response = _get(nginx, "/" + path, **{"Accept-Encoding": "gzip"})
        assert response.headers["Content-Encoding"] == "gzip", path
        assert response.headers["Vary"] == "Accept-Encoding", path
        assert gzip.decompress(response.body) == original, path
        response = _get(nginx, "/" + path, **{"Accept-Encoding": "br"})
        assert response.headers["Content-Encoding"] == "br", path
        assert len(response.body) < len(original), path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_gets_the_404_page_of_its_language(nginx, site, lang):
    own = site / page_dir(lang) / "404.html"
    expected = own if own.exists() else site / "404.html"
    for path in ("no-such-page/", "regions/no-such-region/", "no-such-file.ics"):
        response = _get(nginx, "/" + page_dir(lang) + path)
        assert response.status == 404, path
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert response.body == expected.read_bytes(), path
        _assert_security_headers(response, site)


# Chromium reports a blocked script, style, image, font, fetch or worker both as this event and on the console.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


def test_every_page_loads_through_nginx_without_a_csp_violation_or_an_error(nginx, site, browser):
    # The pages name their own origin (SITE_URL) in absolute links, which Material's script fetches from: the browser
    # asks for SITE_URL and a proxy setting sends every request to nginx (loopback included, which Chromium would
    # otherwise never proxy), so the origin is the one the site was built for and nginx answers all of it.
    origin = SITE_URL.rstrip("/")
    context = browser.new_context(proxy={"server": f"http://{nginx[0]}:{nginx[1]}", "bypass": "<-loopback>"})
    context.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []  # errors of all pages: a late one is reported after its page is left
    foreign: list[str] = []
    failed: list[str] = []
    context.on("response", lambda response: failed.append(f"{response.status} {response.url}")
               if response.status >= 400 else None)
    context.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    context.on("request", lambda request: foreign.append(request.url)
               if not request.url.startswith((origin + "/", "data:")) else None)
    try:
        # What Material's script does after the load event (fetch the search index, start the search worker) is the
        # same on every page of a language: awaited on each home page, where the search worker must also answer a
        # query (hits or "no match").
        page = context.new_page()
        for lang in LANGUAGES:
            page.goto(f"{origin}/{page_dir(lang)}", wait_until="networkidle")
            waiting = page.locator(".md-search-result__meta").inner_text()
            page.locator("input.md-search__input").click()
            page.keyboard.type("Hebei")
            page.wait_for_function("text => document.querySelector('.md-search-result__meta').innerText !== text",
                                   arg=waiting)
            assert page.evaluate("window.__cspViolations") == [], lang
        # What each page itself holds (inline scripts, styles, images) is in by its load event; pages of one kind
        # hold the same scripts and styles.
        for url in one_page_per_kind(site_page_urls(site)):
            relative = url[len(SITE_URL):]
            response = page.goto(f"{origin}/{relative}", wait_until="load")
            assert response.headers["server"] == "nginx", relative
            assert page.evaluate("window.__cspViolations") == [], relative
        assert console == []
        assert failed == []
        assert foreign == []
    finally:
        context.close()
