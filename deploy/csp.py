"""The Content-Security-Policy of the built site, with the hashes of the inline scripts and styles it holds.

Material writes small inline scripts into every page (one of them names the page's depth, so there is one version per
folder depth); a policy allows them by hash only. The hashes are read from the built HTML, so they always describe
what the build emits.

    python -m deploy.csp SITE_FOLDER           rewrites the policy line of deploy/nginx.conf
    python -m deploy.csp --check SITE_FOLDER   exits 1 when deploy/nginx.conf does not hold that policy
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

NGINX_CONF = Path(__file__).resolve().parent / "nginx.conf"
_POLICY_LINE = re.compile(r'^(\s*add_header Content-Security-Policy ")[^"]*(" always;)$', re.M)
# A <script> of another type (application/json, application/ld+json) is data, which CSP does not govern.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineCode(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: set[str] = set()
        self.styles: set[str] = set()
        self.style_attributes: set[str] = set()
        self._open = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("style") is not None:
            self.style_attributes.add(attrs["style"])
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in _SCRIPT_TYPES:
            self._open, self._text = self.scripts, []
        elif tag == "style":
            self._open, self._text = self.styles, []

    def handle_data(self, data):
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._open is not None and tag in ("script", "style"):
            self._open.add("".join(self._text))
            self._open = None


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_code(site: Path) -> _InlineCode:
    found = _InlineCode()
    for page in sorted(site.rglob("*.html")):
        found.feed(page.read_text(encoding="utf-8"))
        found.close()
        found.reset()
    return found


def policy(site: Path) -> str:
    code = inline_code(site)
    scripts = " ".join(sorted(_hash(s) for s in code.scripts))
    styles = " ".join(sorted(_hash(s) for s in code.styles | code.style_attributes))
    # Style attributes (Markdown's table column alignment) can be allowed by hash only with 'unsafe-hashes'.
    unsafe_hashes = " 'unsafe-hashes'" if code.style_attributes else ""
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {scripts}".rstrip(),
        f"style-src 'self'{unsafe_hashes} {styles}".rstrip(),
        # Material's icons are data: SVGs in its stylesheet.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def configured_policy(conf: Path = NGINX_CONF) -> str:
    text = conf.read_text(encoding="utf-8")
    match = _POLICY_LINE.search(text)
    if match is None:
        raise ValueError(f"{conf} has no add_header Content-Security-Policy line")
    return text[match.end(1):match.start(2)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--check", action="store_true", help="only check that deploy/nginx.conf is up to date")
    args = parser.parse_args(argv)
    wanted = policy(args.site)
    if args.check:
        if configured_policy() != wanted:
            print(f"{NGINX_CONF} does not match the build in {args.site}: run python -m deploy.csp {args.site}",
                  file=sys.stderr)
            return 1
        return 0
    text = NGINX_CONF.read_text(encoding="utf-8")
    NGINX_CONF.write_text(_POLICY_LINE.sub(lambda m: m.group(1) + wanted + m.group(2), text, count=1),
                          encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
