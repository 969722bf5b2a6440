"""QR codes as inline SVG, made at build time (no image service, nothing fetched by the reader's browser).

Used for each page's own address (printed copies, WeChat) and reusable for any other printed sheet.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import segno

from macros.files.build_cache import cached_text

# Kept between builds by the address, segno's version and this module's code (how the code is drawn).
_MAKER = f"segno {segno.__version__} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"


@lru_cache(maxsize=512)
def qr_svg(url: str) -> str:
    """An inline <svg> of a QR code that reads as `url`.

    Error correction level M survives a smudged print; the four-module quiet zone is part of the code (scanners
    need it) and drawn white so that the code scans on any background. The size comes from CSS (no width/height).
    """
    return cached_text("qr", f"{_MAKER} {url}", lambda: _make(url))


def _make(url: str) -> str:
    code = segno.make(url, error="m", micro=False, boost_error=False)
    return code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="i2-qr__svg",
                           lineclass=None)
