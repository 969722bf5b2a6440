"""Map geometry: TopoJSON shapes, an Albers equal-area projection, fitting to a picture and simplification.

Pure functions on plain numbers. Simplification works on the shared arcs of the TopoJSON, before they are joined
into rings, so a border two regions share is simplified once and the two shapes still meet without gaps.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

Point = tuple[float, float]


@dataclass(frozen=True)
class Shape:
    """One region: polygons, each a list of rings (outer ring first, then holes), each ring a list of arc indexes
    as in TopoJSON (~i is arc i walked backwards)."""

    id: str
    polygons: tuple[tuple[tuple[int, ...], ...], ...]


@dataclass(frozen=True)
class Topology:
    """The shapes of a TopoJSON file and its arcs, decoded to degrees (lon, lat)."""

    shapes: tuple[Shape, ...]
    arcs: tuple[tuple[Point, ...], ...]

    def shape(self, shape_id: str) -> Shape:
        return next(s for s in self.shapes if s.id == shape_id)

    def has(self, shape_id: str) -> bool:
        return any(s.id == shape_id for s in self.shapes)


@lru_cache(maxsize=8)
def load_topology(path: Path) -> Topology:
    source = json.loads(Path(path).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = source["transform"]["scale"], source["transform"]["translate"]
    arcs = []
    for arc in source["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantised and delta-encoded
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))
    (collection,) = source["objects"].values()
    shapes = []
    for geometry in collection["geometries"]:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        shapes.append(Shape(geometry["properties"]["id"],
                            tuple(tuple(tuple(ring) for ring in polygon) for polygon in polygons)))
    return Topology(tuple(shapes), tuple(arcs))


@dataclass(frozen=True)
class Albers:
    """Albers equal-area conic: areas and relative positions stay true, which a locator map is for."""

    parallel_1: float
    parallel_2: float
    origin_lat: float
    origin_lon: float

    @cached_property
    def _constants(self) -> tuple[float, float, float]:
        p1, p2, p0 = (math.radians(v) for v in (self.parallel_1, self.parallel_2, self.origin_lat))
        n = (math.sin(p1) + math.sin(p2)) / 2
        c = math.cos(p1) ** 2 + 2 * n * math.sin(p1)
        return n, c, math.sqrt(c - 2 * n * math.sin(p0)) / n

    def __call__(self, point: Point) -> Point:
        lon, lat = point
        n, c, rho0 = self._constants
        rho = math.sqrt(c - 2 * n * math.sin(math.radians(lat))) / n
        theta = n * math.radians(lon - self.origin_lon)
        # y grows downwards in SVG
        return rho * math.sin(theta), -(rho0 - rho * math.cos(theta))


@dataclass(frozen=True)
class Frame:
    """Places projected points into a box of the picture: uniform scale, centred."""

    scale: float
    dx: float
    dy: float

    def __call__(self, point: Point) -> Point:
        return point[0] * self.scale + self.dx, point[1] * self.scale + self.dy


def aspect(topology: Topology, project) -> float:
    """Height over width of the projected shapes: pictures take the height their content needs."""
    points = [project(p) for arc in topology.arcs for p in arc]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (max(ys) - min(ys)) / (max(xs) - min(xs))


def fit(points, left: float, top: float, width: float, height: float) -> Frame:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    scale = min(width / (max(xs) - min(xs)), height / (max(ys) - min(ys)))
    dx = left + (width - (max(xs) - min(xs)) * scale) / 2 - min(xs) * scale
    dy = top + (height - (max(ys) - min(ys)) * scale) / 2 - min(ys) * scale
    return Frame(scale, dx, dy)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, keeping both ends (arc ends are where borders meet)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                d = abs((x2 - x1) * (y1 - py) - (x1 - px) * (y2 - y1)) / length
            else:
                d = math.hypot(px - x1, py - y1)
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, k in zip(points, keep) if k]


def ring_area(ring: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def centroid(ring: list[Point]) -> Point:
    """The centre of mass of a ring (its vertices' mean when the ring has no area)."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not a:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * a), cy / (3 * a)


class Drawing:
    """The shapes of one topology, projected and placed, with arcs simplified to `tolerance` picture units."""

    def __init__(self, topology: Topology, project, frame_box: tuple[float, float, float, float],
                 tolerance: float):
        self.topology = topology
        self.project = project
        self.shapes = list(topology.shapes)
        used = {i if i >= 0 else ~i for s in self.shapes for p in s.polygons for r in p for i in r}
        projected = {i: [project(p) for p in topology.arcs[i]] for i in used}
        self.frame = fit([p for arc in projected.values() for p in arc], *frame_box)
        self.arcs = {i: simplify([self.frame(p) for p in arc], tolerance) for i, arc in projected.items()}

    def place(self, lon_lat: Point) -> Point:
        return self.frame(self.project(lon_lat))

    def path(self, shape: Shape, min_area: float) -> str:
        """The shape's SVG path data, made once per drawing: every map of every language draws the same shapes."""
        paths = self.__dict__.setdefault("_paths", {})
        key = (shape.id, min_area)
        if key not in paths:
            paths[key] = svg_path(self.rings(shape, min_area))
        return paths[key]

    def rings(self, shape: Shape, min_area: float) -> list[list[Point]]:
        """The rings of a shape in picture units; islands smaller than `min_area` square units are left out."""
        rings = []
        for polygon in shape.polygons:
            outer, *holes = [self._ring(r) for r in polygon]
            if ring_area(outer) < min_area:
                continue
            rings.append(outer)
            rings += [h for h in holes if ring_area(h) >= min_area]
        return rings

    def label_point(self, shape: Shape) -> Point:
        largest = max((self._ring(p[0]) for p in shape.polygons), key=ring_area)
        return centroid(largest)

    def _ring(self, arc_indexes) -> list[Point]:
        ring: list[Point] = []
        for i in arc_indexes:
            arc = self.arcs[i] if i >= 0 else self.arcs[~i][::-1]
            ring += arc if not ring else arc[1:]
        return ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring


def svg_path(rings: list[list[Point]]) -> str:
    """Path data with whole picture units relative moves: short, and sharp at any size because it is vector."""
    parts = []
    for ring in rings:
        if len(ring) < 3:
            continue
        x0, y0 = round(ring[0][0], 1), round(ring[0][1], 1)
        d = [f"M{number(x0)} {number(y0)}"]
        px, py = x0, y0
        steps = []
        for x, y in ring[1:]:
            x, y = round(x, 1), round(y, 1)
            if (x, y) != (px, py):
                steps.append(f"{number(x - px)} {number(y - py)}")
                px, py = x, y
        d.append("l" + " ".join(steps) + "z")
        parts.append("".join(d))
    return "".join(parts)


def number(value: float) -> str:
    """A picture coordinate with at most one decimal."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
