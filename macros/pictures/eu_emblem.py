"""The EU emblem, drawn from the EU's graphic specification rather than copied as an image.

Specification: a 3:2 reflex-blue rectangle; twelve gold five-pointed stars, points upright, on an invisible circle
centred on the rectangle, whose radius is one third of the height; each star's outer radius is one eighteenth of
the height; the stars stand like the hours on a clock face.
"""

from __future__ import annotations

import math

HEIGHT = 540
WIDTH = HEIGHT * 3 // 2
REFLEX_BLUE = "#003399"
YELLOW = "#FFCC00"
CIRCLE_RADIUS = HEIGHT / 3
STAR_RADIUS = HEIGHT / 18
# A regular five-pointed star: inner radius = outer radius x sin 18° / sin 54°.
_INNER_RATIO = math.sin(math.radians(18)) / math.sin(math.radians(54))


def star_points(cx: float, cy: float, radius: float) -> str:
    """The 10 corners of an upright five-pointed star, as an SVG points list."""
    corners = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * _INNER_RATIO
        angle = math.radians(-90 + 36 * k)
        corners.append(f"{cx + r * math.cos(angle):.2f},{cy + r * math.sin(angle):.2f}")
    return " ".join(corners)


def stars() -> list[str]:
    cx, cy = WIDTH / 2, HEIGHT / 2
    return [
        star_points(cx + CIRCLE_RADIUS * math.cos(math.radians(-90 + 30 * hour)),
                    cy + CIRCLE_RADIUS * math.sin(math.radians(-90 + 30 * hour)), STAR_RADIUS)
        for hour in range(12)
    ]
