"""Charts drawn on the server as SVG: one drawing for the web page and the PDF.

Pure functions: plain data in (dataclasses with Decimal or None values), an SVG document out
as a string, safe to `mark_safe` into a template because every text written into it is
XML-escaped here. No JavaScript and nothing but rect, line, polyline, circle, text, g and
presentation attributes, the subset that WeasyPrint draws the same way a browser does.

A value of None is "tidak dapat dihitung" (target 0, no realisasi, ...): it is drawn as a
gap with a "–", never as 0, and every chart's <desc> says which values are missing, so the
chart reads the same to a screen reader as to the eye.

Sizes are in CSS pixels, sized for an A4 portrait page with 1,5 cm margins; a page that is
narrower scales them down with `svg { max-width: 100%; height: auto }` (WeasyPrint too).

The package: `svg` (the drawing kit), `batang` (bar charts), `garis` (line charts),
`sebar` (the scatter plot of serapan against capaian)."""

from .batang import Batang, batang_capaian, batang_capaian_bertahap
from .garis import Seri, garis_capaian
from .sebar import Titik, sebar_serapan_capaian
from .svg import ABU, KUADRAN, TIDAK_DAPAT

__all__ = [
    "ABU",
    "KUADRAN",
    "TIDAK_DAPAT",
    "Batang",
    "Seri",
    "Titik",
    "batang_capaian",
    "batang_capaian_bertahap",
    "garis_capaian",
    "sebar_serapan_capaian",
]
