"""Maintainer tool, run once: turn Natural Earth country shapes into case_studies/map/countries.json.

Input: countries-50m.json from the npm package world-atlas 2.0.2 (Natural Earth, public domain; TopoJSON
keyed by ISO 3166-1 numeric code, Kosovo by name only). Output: ISO alpha-2 code -> list of rings of
[longitude, latitude] rounded to 0.1 degree, which como_site.casestudies.worldmap draws at build time.
Needs `pycountry` (for numeric -> alpha-2), which the site build itself does not.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_country_shapes.py package/countries-50m.json case_studies/map/countries.json
"""
import json
import sys

import pycountry

NAMED = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}


def decode_arcs(topology):
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    rounded = []
    for lon, lat in points:
        point = [round(lon, 1), round(lat, 1)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded if len(rounded) >= 4 else None


def main(source, target):
    topology = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = NAMED.get(name)
        if code is None and "id" in geometry:
            country = pycountry.countries.get(numeric=geometry["id"])
            code = country.alpha_2 if country else None
        if code is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring(arcs, polygon[0]) for polygon in polygons]  # outer rings only
        shapes.setdefault(code, []).extend(r for r in rings if r)
    json.dump(dict(sorted(shapes.items())), open(target, "w", encoding="utf-8"), separators=(",", ":"))


if __name__ == "__main__":
    main(*sys.argv[1:3])
