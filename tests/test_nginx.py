"""Issue 9: the built site behind deploy/nginx.conf, run by Debian's nginx as a child process on 127.0.0.1 (the
`nginx` fixture in tests/conftest.py).

Status codes, headers, MIME types, compression and the 404 page of each language, over HTTP; then every page in
headless Chromium through nginx (the every-page visit), with not one Content-Security-Policy violation.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client

import pytest
from conftest import LANGUAGES, SITE_URL, page_dir

from deploy.csp import configured_policy, policy
from deploy.csp import main as csp_command


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


@pytest.fixture(scope="module")
def site_policy(site) -> str:
    """The policy the built site needs, worked out once: it hashes the inline code of every page."""
    return policy(site)


def _assert_security_headers(response: Response, site_policy: str):
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Content-Security-Policy"] == site_policy


def test_the_configured_policy_matches_what_the_build_emits(site, site_policy):
    """The hashes of the inline scripts change with Material or the site's depth: then run the command below."""
    assert configured_policy() == site_policy, "run: python -m deploy.csp <site folder> (see README)"
    assert csp_command(["--check", str(site)]) == 0


def test_the_policy_allows_no_other_origin_and_inline_code_only_by_hash(site_policy):
    csp = site_policy
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
def test_pages_of_each_language_are_utf8_html_with_security_headers(nginx, site, site_policy, lang):
    for page in ("", "regions/hebei/", "calendar/"):
        response = _get(nginx, "/" + page_dir(lang) + page)
        assert response.status == 200, page
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert response.headers["Cache-Control"] == "no-cache"
        assert response.headers["Server"] == "nginx"  # no version number
        assert response.body == (site / page_dir(lang) / page / "index.html").read_bytes()
        _assert_security_headers(response, site_policy)


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
def test_a_missing_page_gets_the_404_page_of_its_language(nginx, site, site_policy, lang):
    own = site / page_dir(lang) / "404.html"
    expected = own if own.exists() else site / "404.html"
    for path in ("no-such-page/", "regions/no-such-region/", "no-such-file.ics"):
        response = _get(nginx, "/" + page_dir(lang) + path)
        assert response.status == 404, path
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert response.body == expected.read_bytes(), path
        _assert_security_headers(response, site_policy)


def test_every_page_loads_through_nginx_without_a_csp_violation(page_visits):
    """The every-page visit (tests/conftest.py, page_visits) goes through nginx and its security policy; what it
    requested and logged is checked in test_third_party.py."""
    pages = {url: visit for url, visit in page_visits.items() if url}
    assert {url for url, visit in pages.items() if visit["server"] != "nginx"} == set()
    assert {url: visit["csp_violations"] for url, visit in pages.items() if visit["csp_violations"]} == {}
    # The search worker, allowed by the policy, answered a query on each language's home page.
    answered = {url: visit["search_answer"] for url, visit in pages.items() if visit["search_answer"] is not None}
    assert sorted(answered) == sorted(SITE_URL + page_dir(lang) for lang in LANGUAGES)
    assert all(answer.strip() for answer in answered.values()), answered
