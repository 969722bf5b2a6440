"""QR codes as inline SVG, made at build time (no image service, nothing fetched by the reader's browser).

Used for each page's own address (printed copies, WeChat) and reusable for any other printed sheet.
"""

from __future__ import annotations

from functools import lru_cache

import segno

from macros.files.build_cache import cached_text


@lru_cache(maxsize=512)
def qr_svg(url: str) -> str:
    """An inline <svg> of a QR code that reads as `url`.

    Error correction level M survives a smudged print; the four-module quiet zone is part of the code (scanners
    need it) and drawn white so that the code scans on any background. The size comes from CSS (no width/height).
    """
    return cached_text("qr", f"segno {segno.__version__} m 4 {url}", lambda: _make(url))


def _make(url: str) -> str:
    code = segno.make(url, error="m", micro=False, boost_error=False)
    return code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="i2-qr__svg",
                           lineclass=None)
