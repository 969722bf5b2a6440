"""What link previews (Open Graph, Twitter cards) and printed copies need of a page: its title, description and
preview image, its language as a locale, and a QR code of its own address."""

from __future__ import annotations

from urllib.parse import urljoin

from markupsafe import Markup

from macros.content.strings import Strings
from macros.languages import LANGUAGES, language
from macros.pictures.qr_codes import qr_svg

# Open Graph wants language_TERRITORY: the Dutch and English of a Flemish site, and simplified Chinese.
# One preview image per language, in its own words, at the site root (PNG: WeChat, Facebook and X do not show SVG
# previews); drawn by scripts/share_card.py.
SHARE_IMAGE = "assets/share-card-{lang}.png"
SHARE_IMAGE_SIZE = (1200, 630)


def share_context(strings: Strings, lang: str, site_url: str, page_url: str, title: str, description: str) -> dict:
    width, height = SHARE_IMAGE_SIZE
    return {
        "title": title,
        "description": description,
        "url": page_url,
        "site_name": strings.get(lang, "site_name"),
        "image": urljoin(site_url, SHARE_IMAGE.format(lang=lang)),
        "image_width": width,
        "image_height": height,
        # The card's own words (scripts/share_card.py draws the site's name and the funding line).
        "image_alt": strings.get(lang, "share.image_alt", site_name=strings.get(lang, "site_name"),
                                 cofunded=strings.get(lang, "funding.cofunded")),
        "locale": language(lang).og_locale,
        "alternate_locales": [language(other).og_locale for other in LANGUAGES if other != lang],
        "qr": Markup(qr_svg(page_url)),
        "qr_label": strings.get(lang, "share.qr_label", url=page_url),
        "qr_caption": strings.get(lang, "share.qr_caption"),
    }
