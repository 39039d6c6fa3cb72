"""A small static SVG map of the countries that have case studies, drawn at build time.

The view is the region around those countries (so a single Balkan case gives a Balkan map of a few
kilobytes, not a world map); neighbours are drawn in grey for orientation. No tiles, no requests.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from html import escape
from pathlib import Path

SHAPES = Path(__file__).resolve().parents[2] / "case_studies" / "map" / "countries.json"
WIDTH = 600
MARGIN_DEGREES = 6.0
MIN_SPAN_DEGREES = 24.0
MIN_RING_PIXELS = 3  # rings smaller than this (islets at world scale) are left out

Ring = list[list[float]]


@lru_cache(maxsize=1)
def _shapes() -> dict[str, list[Ring]]:
    return json.loads(SHAPES.read_text(encoding="utf-8"))


def _bounds(rings: list[Ring]) -> tuple[float, float, float, float]:
    lons = [point[0] for ring in rings for point in ring]
    lats = [point[1] for ring in rings for point in ring]
    return min(lons), min(lats), max(lons), max(lats)


def _clip(ring: Ring, west: float, south: float, east: float, north: float) -> Ring:
    """Sutherland-Hodgman clipping of a polygon ring to the view rectangle."""
    edges = [(lambda p: p[0] >= west, lambda a, b: _cross_lon(a, b, west)),
             (lambda p: p[0] <= east, lambda a, b: _cross_lon(a, b, east)),
             (lambda p: p[1] >= south, lambda a, b: _cross_lat(a, b, south)),
             (lambda p: p[1] <= north, lambda a, b: _cross_lat(a, b, north))]
    points = ring
    for inside, cross in edges:
        if not points:
            break
        clipped: Ring = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    clipped.append(cross(previous, point))
                clipped.append(point)
            elif inside(previous):
                clipped.append(cross(previous, point))
            previous = point
        points = clipped
    return points


def _cross_lon(a: list[float], b: list[float], lon: float) -> list[float]:
    t = (lon - a[0]) / (b[0] - a[0])
    return [lon, a[1] + t * (b[1] - a[1])]


def _cross_lat(a: list[float], b: list[float], lat: float) -> list[float]:
    t = (lat - a[1]) / (b[1] - a[1])
    return [a[0] + t * (b[0] - a[0]), lat]


def _view(codes: list[str]) -> tuple[float, float, float, float]:
    west, south, east, north = _bounds([ring for code in codes for ring in _shapes().get(code, [])])
    centre_lon, centre_lat = (west + east) / 2, (south + north) / 2
    half_lon = max(east - west + 2 * MARGIN_DEGREES, MIN_SPAN_DEGREES) / 2
    half_lat = max(north - south + 2 * MARGIN_DEGREES, MIN_SPAN_DEGREES * 0.5) / 2
    return (max(centre_lon - half_lon, -180), max(centre_lat - half_lat, -85),
            min(centre_lon + half_lon, 180), min(centre_lat + half_lat, 85))


@lru_cache(maxsize=None)
def _country_bounds() -> dict[str, tuple[float, float, float, float]]:
    return {code: _bounds(rings) for code, rings in _shapes().items() if rings}


@lru_cache(maxsize=8)
def _drawing(codes: tuple[str, ...]) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """The map's height and the outlines of the neighbours in view and of the case countries (in the order of
    `codes`): the same in every language, so each process draws them once."""
    west, south, east, north = _view(list(codes))
    x_scale = WIDTH / (east - west)
    y_scale = x_scale / math.cos(math.radians((south + north) / 2))  # keep shapes' proportions
    height = round((north - south) * y_scale, 1)

    def path(rings: list[Ring]) -> str:
        parts = []
        for ring in rings:
            points, last = [], None
            for lon, lat in _clip(ring, west, south, east, north):
                point = (round((lon - west) * x_scale), round((north - lat) * y_scale))
                if point != last:
                    points.append(point)
                    last = point
            xs, ys = [x for x, _ in points], [y for _, y in points]
            if len(points) > 2 and max(max(xs) - min(xs), max(ys) - min(ys)) >= MIN_RING_PIXELS:
                steps = "".join(f"{b[0] - a[0]:+d}{b[1] - a[1]:+d}" for a, b in zip(points, points[1:]))
                parts.append(f"M{points[0][0]} {points[0][1]}l{steps.lstrip('+')}z")
        return "".join(parts)

    neighbours = []
    for code, (c_west, c_south, c_east, c_north) in _country_bounds().items():
        if c_east < west or c_west > east or c_north < south or c_south > north:
            continue
        if code in codes:
            continue
        neighbours.append(path(_shapes()[code]))
    return height, tuple(neighbours), tuple(path(_shapes().get(code, [])) for code in codes)


def country_map_svg(codes: list[str], title: str, names: dict[str, str]) -> str:
    """An accessible inline SVG: the title names the countries, case countries are highlighted."""
    height, neighbours, cases = _drawing(tuple(codes))
    shapes = [f'<path class="como-map__land" d="{outline}"/>' for outline in neighbours]
    shapes += [f'<path class="como-map__case" d="{outline}"><title>{escape(names.get(code, code))}</title></path>'
               for code, outline in zip(codes, cases)]
    return (f'<svg class="como-map__svg" viewBox="0 0 {WIDTH} {height:g}" role="img" '
            f'aria-labelledby="como-map-title" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="como-map-title">{escape(title)}</title>{"".join(shapes)}</svg>')
