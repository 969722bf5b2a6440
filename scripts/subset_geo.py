"""Writes data/geo/ from the shared Natural Earth TopoJSON: only the shapes the maps draw, nothing else.

The China file holds every province and a national outline; the maps must never draw those (see data/geo/NOTICE),
so only the partner regions' own shapes are committed. Run again after a change of source:

    python scripts/subset_geo.py ../shared/geo data/geo
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# (source file, output file, how a source shape is recognised, source key -> our id in data/)
SUBSETS = (
    ("chn.topo.json", "china-partner-regions.topo.json", "id",
     # Sichuan Province stands for Chengdu: the source has no boundary of the city itself.
     {"CN.HB": "hebei", "CN.SA": "shaanxi", "CN.SC": "chengdu", "CN.CQ": "chongqing", "CN.GD": "guangdong"}),
    ("bel.topo.json", "flemish-provinces.topo.json", "name",
     # Several Belgian ids are broken in the source; the names are not.
     {"Antwerp": "antwerpen", "Limburg": "limburg", "East Flanders": "oost-vlaanderen",
      "Flemish Brabant": "vlaams-brabant"}),
)


def subset(source: dict, key: str, wanted: dict[str, str]) -> dict:
    (object_name, collection), = source["objects"].items()
    kept = [g for g in collection["geometries"]
            if (g.get(key) if key == "id" else g["properties"].get(key)) in wanted]
    used: dict[int, int] = {}

    def renumber(index: int) -> int:
        original = index if index >= 0 else ~index
        new = used.setdefault(original, len(used))
        return new if index >= 0 else ~new

    geometries = []
    for g in kept:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        arcs = [[[renumber(i) for i in ring] for ring in polygon] for polygon in polygons]
        source_key = g.get(key) if key == "id" else g["properties"][key]
        geometries.append({
            "type": g["type"],
            "arcs": arcs[0] if g["type"] == "Polygon" else arcs,
            "properties": {"id": wanted[source_key], "source_id": g.get("id"), "source_name": g["properties"]["name"]},
        })
    if len(geometries) != len(wanted):
        raise SystemExit(f"expected {len(wanted)} shapes in {object_name}, found {len(geometries)}")
    return {
        "type": "Topology",
        "transform": source["transform"],
        "objects": {object_name: {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": [source["arcs"][i] for i in used],
    }


def main(source_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for source_name, out_name, key, wanted in SUBSETS:
        source = json.loads((source_dir / source_name).read_text(encoding="utf-8"))
        out = subset(source, key, wanted)
        (out_dir / out_name).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
