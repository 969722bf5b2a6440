"""The maps of the site as inline SVG, built from data/ and data/geo/ in the language of the page.

Three pictures: the five Chinese partner regions (and no other part of China: see data/geo/NOTICE), the four Flemish
partner provinces, and the sister-region ties between them. Each region on a map is a link to its page, and each
map carries a text alternative (its <title> and a visible caption) that says what it shows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from markupsafe import Markup

from macros import ROOT
from macros.content import page_paths
from macros.content.models import Text
from macros.files.build_cache import cached_object
from macros.pictures import geo
from macros.render.environment import template_environment

GEO_DIR = ROOT / "data" / "geo"
CHINA_FILE = "china-partner-regions.topo.json"
FLANDERS_FILE = "flemish-provinces.topo.json"

# Standard parallels that suit each area (those of the usual Albers maps of China; Flanders' own latitudes).
CHINA_PROJECTION = geo.Albers(25, 47, 30, 110)
FLANDERS_PROJECTION = geo.Albers(50.5, 51.5, 51, 4.5)

WIDTH = 600
# Vertical room between two names on the region maps, in SVG units, for their largest sizes (pictures.css draws them
# larger the narrower the map, up to 28 units for a region and 25 for the rest): baseline to baseline.
LINE_GAP = 34
CAPITAL_GAP = 28
# Simplification tolerance and the smallest island kept, in picture units (1 unit = 1 px at 600 px wide).
TOLERANCE = 0.6
MIN_AREA = 6.0

_ENVIRONMENT = template_environment(Path(__file__).parent / "templates", autoescape=True)
_ENVIRONMENT.filters["n"] = geo.number


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float

    @property
    def lon_lat(self) -> geo.Point:
        return self.lon, self.lat


@dataclass(frozen=True)
class MapExtras:
    """What data/geo/places.yml says of one region."""

    capital: Place | None = None
    city: Place | None = None
    shape_name: Text | None = None
    shape_note: Text | None = None


@lru_cache(maxsize=2)
def load_places(path: Path) -> dict[str, MapExtras]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["regions"]
    return {
        region_id: MapExtras(
            capital=Place(**entry["capital"]) if "capital" in entry else None,
            city=Place(**entry["city"]) if "city" in entry else None,
            shape_name=Text(**entry["shape_name"]) if "shape_name" in entry else None,
            shape_note=Text(**entry["shape_note"]) if "shape_note" in entry else None,
        )
        for region_id, entry in raw.items()
    }


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    kind: str  # css modifier: region, city, shape
    anchor: str = "middle"  # "start" or "end" for a name beside a dot


@dataclass(frozen=True)
class Area:
    """One linked shape on a map."""

    id: str
    href: str
    d: str
    labels: tuple[Label, ...]
    dot: tuple[float, float] | None = None
    current: bool = False


def render_svg(template: str, **values) -> Markup:
    html = _ENVIRONMENT.get_template(template).render(**values)
    # The SVG goes into Markdown as one raw HTML block, which a blank line would end.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def _list(ctx, items) -> str:
    return ctx.t("list.separator").join(items)


def _china_areas(ctx, drawing: geo.Drawing, current: str | None, point_of) -> list[Area]:
    """The partner regions as linked shapes; `point_of` receives where a tie line to each region ends."""
    places = load_places(GEO_DIR / "places.yml")
    areas = []
    for region in _drawn(ctx.data.regions, drawing.topology):
        shape = drawing.topology.shape(region.id)
        extras = places.get(region.id, MapExtras())
        centre = drawing.label_point(shape)
        labels, dot = [], None
        if extras.city:
            dot = drawing.place(extras.city.lon_lat)
            labels.append(_beside(dot, centre, ctx.tr(region.short_name), "region"))
            if extras.shape_name:
                # Above the city's name with room for both at their largest (28 and 25 units on a phone, pictures.css).
                labels.append(Label(centre[0], centre[1] - LINE_GAP, ctx.tr(extras.shape_name), "shape"))
        else:
            if extras.capital and region.capital:
                dot = drawing.place(extras.capital.lon_lat)
                labels.append(_beside(dot, centre, ctx.tr(region.capital), "city"))
                # Keep the region's name clear of the dot and the capital's name.
                if abs(centre[1] - dot[1]) < CAPITAL_GAP:
                    centre = (centre[0], dot[1] - CAPITAL_GAP)
            labels.insert(0, Label(centre[0], centre[1], ctx.tr(region.short_name), "region"))
        point_of[region.id] = dot or centre
        areas.append(Area(region.id, ctx.href(page_paths.region_page(region.id)),
                          drawing.path(shape, MIN_AREA), tuple(labels), dot,
                          current=region.id == current))
    return areas


def _drawn(items, topology: geo.Topology) -> list:
    """The regions or provinces data/geo/ has a shape for: a new one shows on the maps once its shape is added
    (scripts/subset_geo.py), and its pages build before that."""
    return [item for item in items if topology.has(item.id)]


def _beside(dot: geo.Point, centre: geo.Point, text: str, kind: str) -> Label:
    """A name beside a dot, on the side of the shape's centre, so it stays over the shape."""
    if centre[0] < dot[0]:
        return Label(dot[0] - 7, dot[1] + 5, text, kind, "end")
    return Label(dot[0] + 7, dot[1] + 5, text, kind, "start")


def _flemish_areas(ctx, drawing: geo.Drawing, point_of) -> list[Area]:
    """The Flemish partner provinces as linked shapes; `point_of` receives where their tie lines start."""
    areas = []
    for province in _drawn(ctx.data.provinces, drawing.topology):
        shape = drawing.topology.shape(province.id)
        centre = drawing.label_point(shape)
        point_of[province.id] = centre
        name = province.short_name or province.name
        areas.append(Area(province.id, ctx.href(page_paths.province_page(province.id)),
                          drawing.path(shape, MIN_AREA / 4),
                          (Label(centre[0], centre[1], ctx.tr(name), "region"),)))
    return areas



def _regions_alt(ctx, current: str | None) -> str:
    places = load_places(GEO_DIR / "places.yml")
    items = []
    for region in _drawn(ctx.data.regions, geo.load_topology(GEO_DIR / CHINA_FILE)):
        if region.capital and region.id in places and places[region.id].capital:
            items.append(ctx.t("maps.region_with_capital", region=ctx.tr(region.short_name),
                               capital=ctx.tr(region.capital)))
        else:
            items.append(ctx.tr(region.short_name))
    notes = [ctx.tr(e.shape_note) for e in places.values() if e.shape_note]
    text = [ctx.t("maps.regions_alt", regions=_list(ctx, items), **ctx.counts)] + notes
    if current:
        text.append(ctx.t("maps.current", region=ctx.tr(ctx.data.region(current).short_name)))
    # A space between sentences, none after a Chinese full stop.
    return "".join(s if i == 0 or text[i - 1].endswith(("。", "！", "？")) else " " + s for i, s in enumerate(text))


# The same shapes, projection and box make the same drawing: projected once, not once per map, and kept on disk
# between builds, keyed by the boundary file's content and this module's code.
@lru_cache(maxsize=16)
def _drawing(file: str, projection: geo.Albers, frame_box: tuple[float, float, float, float],
             tolerance: float) -> geo.Drawing:
    key = (hashlib.sha256((GEO_DIR / file).read_bytes() + Path(geo.__file__).read_bytes()).hexdigest()
           + repr((projection, frame_box, tolerance)))
    return cached_object("drawings", key,
                         lambda: geo.Drawing(geo.load_topology(GEO_DIR / file), projection, frame_box, tolerance))


@lru_cache(maxsize=4)
def _aspect(file: str, projection: geo.Albers) -> float:
    return geo.aspect(geo.load_topology(GEO_DIR / file), projection)


def regions_map(ctx, current: str | None = None, decorative: bool = False) -> Markup | None:
    """The five partner regions in their true relative positions; `current` is the region of the page, if any
    (None when that region has no shape yet: a map that cannot show it is no locator for it). A decorative map
    (the small one on a region's card, beside the region's name and link) has no links, title or caption: five
    of them on one page would repeat every region's link and description five times to a screen reader. Its
    shapes are references to those of `region_shapes`, which the page holds once."""
    topology = geo.load_topology(GEO_DIR / CHINA_FILE)
    if current is not None and not topology.has(current):
        return None
    height, areas = _regions_areas(ctx, current)
    return render_svg("map.svg.j2", uid="i2-map-regions", kind="regions",
                      locator=current is not None and not decorative, decorative=decorative,
                      width=WIDTH, height=height, areas=areas, ties=[], title=ctx.t("maps.regions_title", **ctx.counts),
                      alt=_regions_alt(ctx, current), source=ctx.t("maps.source"))


def region_shapes(ctx) -> Markup:
    """The shapes of the partner regions, once per page, for the decorative maps of its cards (a fifth of the
    page's weight instead of the five copies that made half of the home page)."""
    return render_svg("region_shapes.svg.j2", areas=_regions_areas(ctx, None)[1])


def _regions_areas(ctx, current: str | None) -> tuple[int, list[Area]]:
    height = round((WIDTH - 80) * _aspect(CHINA_FILE, CHINA_PROJECTION)) + 40
    drawing = _drawing(CHINA_FILE, CHINA_PROJECTION, (40, 20, WIDTH - 80, height - 40), TOLERANCE)
    return height, _china_areas(ctx, drawing, current, {})


def provinces_map(ctx) -> Markup:
    """The four Flemish partner provinces."""
    topology = geo.load_topology(GEO_DIR / FLANDERS_FILE)
    height = round((WIDTH - 40) * _aspect(FLANDERS_FILE, FLANDERS_PROJECTION)) + 40
    drawing = _drawing(FLANDERS_FILE, FLANDERS_PROJECTION, (20, 20, WIDTH - 40, height - 40), TOLERANCE / 2)
    areas = _flemish_areas(ctx, drawing, {})
    names = _list(ctx, [ctx.tr(p.short_name or p.name) for p in _drawn(ctx.data.provinces, topology)])
    return render_svg("map.svg.j2", uid="i2-map-provinces", kind="provinces", locator=False, width=WIDTH,
                      height=height, areas=areas, ties=[], title=ctx.t("maps.provinces_title", **ctx.counts),
                      alt=ctx.t("maps.provinces_alt", provinces=names, **ctx.counts), source=ctx.t("maps.source"))


def ties_map(ctx) -> Markup:
    """Flanders above, the partner regions below, each at its own scale, a line for each sister-region tie."""
    flanders_height, china_top, height = 220, 250, 720
    flanders = _drawing(FLANDERS_FILE, FLANDERS_PROJECTION, (10, 10, WIDTH - 20, flanders_height), TOLERANCE / 2)
    china = _drawing(CHINA_FILE, CHINA_PROJECTION, (90, china_top, WIDTH - 180, height - china_top - 10), TOLERANCE)
    points: dict[str, geo.Point] = {}
    areas = _flemish_areas(ctx, flanders, points) + _china_areas(ctx, china, None, points)
    ties, sentences = [], []
    for province in ctx.data.provinces:
        regions = [r for r in ctx.data.regions_of_province(province.id) if r.id in points]
        if province.id not in points:
            continue
        for i, region in enumerate(sorted(regions, key=lambda r: points[r.id][0])):
            # From just under the province's name (spread when it has several ties) to the region's dot or name.
            spread = (i - (len(regions) - 1) / 2) * 24
            start = (points[province.id][0] + spread, points[province.id][1] + 8)
            ties.append((province.id, region.id, start, points[region.id]))
        if regions:
            sentences.append(ctx.t("maps.tie", province=ctx.tr(province.short_name or province.name),
                                   regions=_list(ctx, [ctx.tr(r.short_name) for r in regions])))
    alt = ctx.t("maps.ties_alt", ties=ctx.t("maps.tie_separator").join(sentences), **ctx.counts)
    return render_svg("map.svg.j2", uid="i2-map-ties", kind="ties", locator=False, width=WIDTH, height=height,
                      areas=areas, ties=ties, title=ctx.t("maps.ties_title"), alt=alt, source=ctx.t("maps.source"))
