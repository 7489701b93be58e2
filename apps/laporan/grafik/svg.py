"""The drawing kit of the charts: colours, text widths, escaping, the SVG elements, the
legend, the axes and the words that describe the data (apps.laporan.grafik)."""

import hashlib
import math
import re
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from apps.core.angka import format_angka

FONT = "DejaVu Sans, Liberation Sans, sans-serif"
TEKS = "#1f2328"
REDUP = "#57606a"
GRID = "#e1e4e8"
SUMBU = "#8c959f"
TARGET = "#24292f"
ZEBRA = "#f6f8fa"
KUADRAN = "#fdecea"
KUADRAN_TEKS = "#a4271b"
ABU = "#777777"
TIDAK_DAPAT = "tidak dapat dihitung"


# Advance widths of DejaVu Sans (the first font asked for, and the widest of the fallbacks)
# for the characters 32..126, in hundredths of an em: labels are measured with them to be
# truncated and placed without a font at hand.
_LEBAR_ASCII = (
    32,
    40,
    46,
    84,
    64,
    95,
    78,
    27,
    39,
    39,
    50,
    84,
    32,
    36,
    32,
    34,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    34,
    34,
    84,
    84,
    84,
    53,
    100,
    68,
    69,
    70,
    77,
    63,
    58,
    77,
    75,
    29,
    29,
    66,
    56,
    86,
    75,
    79,
    60,
    79,
    69,
    63,
    61,
    73,
    68,
    99,
    69,
    61,
    69,
    39,
    34,
    39,
    84,
    50,
    50,
    61,
    63,
    55,
    63,
    62,
    35,
    63,
    63,
    28,
    28,
    58,
    28,
    97,
    63,
    61,
    63,
    63,
    41,
    52,
    39,
    63,
    59,
    82,
    59,
    59,
    52,
    64,
    34,
    64,
    84,
)


# Characters XML 1.0 forbids even escaped; a name pasted from a spreadsheet may carry them.
_TERLARANG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _persen(nilai, desimal: int = 2) -> str:
    return f"{format_angka(nilai, desimal)} %"


def _uraian_nilai(nilai, keterangan: str = "") -> str:
    if nilai is None:
        return TIDAK_DAPAT
    return f"{_persen(nilai)} ({keterangan})" if keterangan else _persen(nilai)


def _svg(lebar: float, tinggi: float, judul: str, desc: str, isi: list[str]) -> str:
    badan = "".join(isi)
    # A stable id from the content: two charts on one page get different ids, and the same
    # chart renders to the same bytes (cacheable, comparable in tests).
    kode = (
        "grafik-"
        + hashlib.sha1((judul + desc + badan).encode(), usedforsecurity=False).hexdigest()[:10]
    )
    w, h = _f(lebar), _f(tinggi)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" aria-labelledby="{kode}-judul {kode}-desc" '
        f'font-family={quoteattr(FONT)} font-size="11">'
        f'<title id="{kode}-judul">{_esc(judul)}</title>'
        f'<desc id="{kode}-desc">{_esc(desc)}</desc>'
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>'
        f"{badan}</svg>"
    )


PAD = 12  # the margin around every chart


def _awal(judul: str, tampil_judul: bool) -> tuple[list[str], float]:
    """A chart's first elements (its title, when shown) and the y below them."""
    isi, y = [], PAD
    if tampil_judul:
        isi.append(_judul(judul, PAD, y + 13))
        y += 24
    return isi, y


def _kosong(
    judul: str, lebar: int, tampil_judul: bool, *, desc: str = "", pesan: str = "Belum ada data"
) -> str:
    pad = PAD
    isi, y = _awal(judul, tampil_judul)
    isi.append(_rect(pad, y, lebar - 2 * pad, 44, ZEBRA, stroke=GRID))
    isi.append(_teks(lebar / 2, y + 26, pesan, size=12, fill=REDUP, anchor="middle"))
    return _svg(lebar, y + 44 + pad, judul, desc or f"{judul}: {pesan.lower()}.", isi)


def _legenda(butir, x: float, y: float, lebar_maks: float) -> tuple[str, float]:
    """Legend items flowing left to right, wrapping; a "judul" item (a group's title) starts
    a line of its own. Returns the SVG and its height."""
    isi, cx, baris = [], x, 0
    for jenis, label, warna in butir:
        if jenis == "judul":
            if cx > x:
                cx, baris = x, baris + 1
            cy = y + baris * 16 + 8
            isi.append(_teks(cx, cy + 3.5, label, size=10, fill=TEKS, weight="bold"))
            cx += _lebar_teks(label, 10, tebal=True) + 10
            continue
        w = 16 + _lebar_teks(label, 10) + 14
        if cx > x and cx + w > x + lebar_maks:
            cx, baris = x, baris + 1
        cy = y + baris * 16 + 8
        if jenis == "kotak":
            isi.append(_rect(cx, cy - 5, 11, 11, _warna(warna)))
        elif jenis == "target":
            isi.append(_line(cx + 5.5, cy - 6, cx + 5.5, cy + 6, warna, width=1.5, dash="3 2"))
        elif jenis == "seri":
            isi.append(_line(cx - 1, cy, cx + 12, cy, warna, width=2))
            isi.append(_circle(cx + 5.5, cy, 3.5, warna))
        else:
            isi.append(
                _teks(cx + 5.5, cy + 4, "–", size=11, fill=warna, anchor="middle", weight="bold")
            )
        isi.append(_teks(cx + 16, cy + 3.5, label, size=10, fill=TEKS))
        cx += w
    return "".join(isi), (baris + 1) * 16


def _tempatkan(cx, cy, w, r, batas, terpakai, lingkaran):
    """A spot near the point for its label, inside the plot, covering no other label, guide
    or circle; None when there is none: a name left out is still on hover and in the
    description, a covered point would be lost."""
    h = 10
    pilihan = [
        (cx + r + 3, cy + 3.5, "start", cx + r + 3),
        (cx - r - 3, cy + 3.5, "end", cx - r - 3 - w),
        (cx, cy - r - 4, "middle", cx - w / 2),
        (cx, cy + r + 11, "middle", cx - w / 2),
        (cx + r + 1, cy - r - 3, "start", cx + r + 1),
        (cx - r - 1, cy - r - 3, "end", cx - r - 1 - w),
        (cx + r + 1, cy + r + 10, "start", cx + r + 1),
        (cx - r - 1, cy + r + 10, "end", cx - r - 1 - w),
        (cx, cy - r - 16, "middle", cx - w / 2),
        (cx, cy + r + 23, "middle", cx - w / 2),
    ]
    x0, y0, x1, y1 = batas
    for xt, yt, anchor, kiri in pilihan:
        kotak = (kiri - 1, yt - h + 1, kiri + w + 1, yt + 2)
        if kotak[0] < x0 or kotak[2] > x1 or kotak[1] < y0 or kotak[3] > y1:
            continue
        if any(_tumpang(kotak, k) for k in (*terpakai, *lingkaran)):
            continue
        return xt, yt, anchor, kotak
    return None


def _tumpang(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _sumbu(nilai_min, nilai_maks, minimum=100) -> tuple[float, float, float]:
    """A round axis covering 0, `minimum` and the data: steps of 1, 2,5 or 5 times a power
    of ten, at most eight of them."""
    lo = min(0.0, float(nilai_min))
    hi = max(float(minimum), float(nilai_maks))
    rentang = hi - lo
    pangkat = 10 ** math.floor(math.log10(rentang / 8))
    langkah = next(k * pangkat for k in (1, 2.5, 5, 10, 25) if rentang / (k * pangkat) <= 8)
    return (math.floor(lo / langkah) * langkah, math.ceil(hi / langkah) * langkah, langkah)


def _ticks(lo: float, hi: float, langkah: float) -> list[Decimal]:
    n = round((hi - lo) / langkah)
    return [Decimal(str(lo + i * langkah)).normalize() + 0 for i in range(n + 1)]


def _lebar_teks(teks: str, ukuran: float, tebal: bool = False) -> float:
    em = sum(
        _LEBAR_ASCII[ord(c) - 32] if 32 <= ord(c) < 127 else 100 if c == "…" else 70 for c in teks
    )
    return em / 100 * ukuran * (1.1 if tebal else 1)


def _potong(teks: str, lebar_maks: float, ukuran: float) -> str:
    teks = " ".join(teks.split())
    if _lebar_teks(teks, ukuran) <= lebar_maks:
        return teks
    while teks and _lebar_teks(teks.rstrip() + "…", ukuran) > lebar_maks:
        teks = teks[:-1]
    return teks.rstrip() + "…"


def _bungkus(teks: str, lebar_maks: float, ukuran: float) -> list[str]:
    """`teks` on as many lines as it needs, none wider than `lebar_maks`: broken between
    words, and inside a word only when the word alone is wider. Nothing is left out (print
    has no hover to show a cut name)."""
    baris: list[str] = []
    for kata in " ".join(teks.split()).split(" "):
        calon = f"{baris[-1]} {kata}" if baris else kata
        if baris and _lebar_teks(calon, ukuran) <= lebar_maks:
            baris[-1] = calon
            continue
        while _lebar_teks(kata, ukuran) > lebar_maks and len(kata) > 1:
            n = len(kata) - 1
            while n > 1 and _lebar_teks(kata[:n], ukuran) > lebar_maks:
                n -= 1
            baris.append(kata[:n])
            kata = kata[n:]
        baris.append(kata)
    return baris or [""]


def _esc(teks: str) -> str:
    return escape(_TERLARANG.sub("", str(teks)))


def _attr(teks) -> str:
    return quoteattr(_TERLARANG.sub("", str(teks)))


def _warna(warna: str) -> str:
    return warna if _HEX.match(warna or "") else ABU


def _f(v: float) -> str:
    teks = f"{float(v):.1f}"
    teks = teks[:-2] if teks.endswith(".0") else teks
    return "0" if teks == "-0" else teks


def _hover(judul: str | None) -> str:
    return f"<title>{_esc(judul)}</title>" if judul else ""


def _judul(judul: str, x: float, y: float) -> str:
    return _teks(x, y, judul, size=14, fill=TEKS, weight="bold")


def _teks(x, y, teks, *, size, fill, anchor="start", weight=None, judul=None) -> str:
    tebal = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" font-size="{size}" fill={_attr(fill)} '
        f'text-anchor="{anchor}"{tebal}>{_hover(judul)}{_esc(teks)}</text>'
    )


def _label(
    x, y, teks, *, size, fill, latar="#ffffff", anchor="start", weight=None, judul=None
) -> str:
    """A text on a patch of its background, so that grid and target lines never cross it."""
    w = _lebar_teks(teks, size, tebal=bool(weight))
    kiri = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
    return _rect(kiri - 2, y - size * 0.8, w + 4, size * 1.05, latar) + _teks(
        x, y, teks, size=size, fill=fill, anchor=anchor, weight=weight, judul=judul
    )


def _rect(x, y, w, h, fill, *, stroke=None, judul=None) -> str:
    garis = f" stroke={_attr(stroke)}" if stroke else ""
    buka = (
        f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" fill={_attr(fill)}{garis}'
    )
    return f"{buka}>{_hover(judul)}</rect>" if judul else f"{buka}/>"


def _line(x1, y1, x2, y2, stroke, *, width=1, dash=None) -> str:
    putus = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" '
        f'stroke={_attr(stroke)} stroke-width="{width}"{putus}/>'
    )


def _polyline(titik, stroke) -> str:
    daftar = " ".join(f"{_f(x)},{_f(y)}" for x, y in titik)
    return (
        f'<polyline points="{daftar}" fill="none" stroke={_attr(stroke)} '
        f'stroke-width="2" stroke-linejoin="round"/>'
    )


def _circle(cx, cy, r, fill, *, judul=None, stroke="#ffffff") -> str:
    buka = (
        f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(r)}" fill={_attr(fill)} '
        f'stroke={_attr(stroke)} stroke-width="1.2"'
    )
    return f"{buka}>{_hover(judul)}</circle>" if judul else f"{buka}/>"
