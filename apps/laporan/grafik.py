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
"""

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Batang:
    """One bar: `label` is drawn (truncated with … when long), `nama` (the full name, label
    when empty) and `keterangan` (e.g. the predikat) appear on hover and in the description."""

    label: str
    nilai: Decimal | None
    warna: str = ABU
    keterangan: str = ""
    nama: str = ""


@dataclass(frozen=True)
class Seri:
    """One line: a value (or None) for each label of the x axis."""

    label: str
    nilai: Sequence[Decimal | None]
    warna: str = "#1f6feb"


@dataclass(frozen=True)
class Titik:
    """One OPD in the scatter plot of serapan anggaran against capaian, both in percent."""

    label: str
    serapan: Decimal | None
    capaian: Decimal | None
    warna: str = ABU
    keterangan: str = ""
    nama: str = ""


# ---------------------------------------------------------------------------------------
# Public charts
# ---------------------------------------------------------------------------------------


def batang_capaian(
    data: Sequence[Batang],
    *,
    judul: str,
    garis_target: Decimal | None = Decimal(100),
    legenda: Sequence[tuple[str, str]] = (),
    lebar: int = 680,
    tinggi_baris: int = 18,
    tampil_judul: bool = True,
    cakupan: tuple[Decimal, Decimal] | None = None,
) -> str:
    """Horizontal bars of capaian in percent, one per OPD, coloured by predikat.

    The x axis runs from 0 (or a round value below the lowest negative capaian) to a round
    maximum at least 100 and at least the highest value (and covering `cakupan`, the lowest
    and highest value, when given); a capaian above 100 is legal and drawn as such. A dashed
    line marks `garis_target`. The height grows by `tinggi_baris` per bar, so 100 OPDs stay
    readable on a web page; a PDF page cuts a tall SVG off, so print through
    `batang_capaian_bertahap`. `legenda` lists the predikat (label, "#rrggbb").
    """
    if not data:
        return _kosong(judul, lebar, tampil_judul)
    ada = [b.nilai for b in data if b.nilai is not None]
    lo, hi, langkah = _sumbu(
        min([*ada, *(cakupan or ())], default=0), max([*ada, *(cakupan or ())], default=0)
    )
    pad, uk = 12, 11

    label_teks = [_potong(b.label, 190, uk) for b in data]
    lebar_label = max(_lebar_teks(t, uk) for t in label_teks) + 8
    lebar_nilai = max(_lebar_teks(_persen(v), uk) for v in [*ada, Decimal(0)]) + 10
    x0 = pad + lebar_label
    x1 = lebar - pad - lebar_nilai
    if x1 - x0 < 120:
        raise ValueError("lebar terlalu kecil untuk grafik batang")

    def px(v) -> float:
        return x0 + (float(v) - lo) / (hi - lo) * (x1 - x0)

    isi, y = [], pad
    if tampil_judul:
        isi.append(_judul(judul, pad, y + 13))
        y += 24
    butir = [("kotak", label, warna) for label, warna in legenda]
    if garis_target is not None:
        butir.append(("target", f"Target {_persen(garis_target, 0)}", TARGET))
    if len(ada) < len(data):
        butir.append(("tanda", TIDAK_DAPAT, REDUP))
    if butir:
        svg_legenda, h = _legenda(butir, pad, y, lebar - 2 * pad)
        isi.append(svg_legenda)
        y += h + 6
    ticks = _ticks(lo, hi, langkah)
    banyak = len(data) > 20
    if banyak:
        # With many bars the bottom axis is off screen: repeat its numbers at the top.
        y += 14
        isi.extend(
            _teks(px(t), y - 5, format_angka(t, 0), size=10, fill=REDUP, anchor="middle")
            for t in ticks
        )
    atas = y
    bawah = atas + len(data) * tinggi_baris
    nol = px(0)

    for i in range(1, len(data), 2):
        isi.append(_rect(pad, atas + i * tinggi_baris, lebar - 2 * pad, tinggi_baris, ZEBRA))
    for t in ticks:
        isi.append(_line(px(t), atas, px(t), bawah, GRID))

    tebal = max(6, tinggi_baris - 6)
    tulisan = []
    for i, b in enumerate(data):
        tengah = atas + i * tinggi_baris + tinggi_baris / 2
        dasar = tengah + uk * 0.36
        nama = b.nama or b.label
        judul_baris = f"{nama}: {_uraian_nilai(b.nilai, b.keterangan)}"
        isi.append(
            _teks(x0 - 6, dasar, label_teks[i], size=uk, fill=TEKS, anchor="end", judul=judul_baris)
        )
        latar = ZEBRA if i % 2 else "#ffffff"
        if b.nilai is None:
            tulisan.append(
                _label(nol + 4, dasar, f"– {TIDAK_DAPAT}", size=10, fill=REDUP, latar=latar)
            )
            continue
        ujung = px(b.nilai)
        kiri, kanan = min(nol, ujung), max(nol, ujung)
        isi.append(
            _rect(
                kiri,
                tengah - tebal / 2,
                max(kanan - kiri, 0.5),
                tebal,
                _warna(b.warna),
                judul=judul_baris,
            )
        )
        # The value goes outside the bar, in dark text on the row's own background, over the
        # target line: readable whatever the predikat colour. A negative bar grows to the
        # left, so its value is written right of the zero line.
        x_nilai = (ujung if b.nilai >= 0 else nol) + 4
        tulisan.append(_label(x_nilai, dasar, _persen(b.nilai), size=uk, fill=TEKS, latar=latar))

    if lo < 0:
        isi.append(_line(nol, atas, nol, bawah, SUMBU))
    if garis_target is not None and lo <= garis_target <= hi:
        isi.append(
            _line(
                px(garis_target),
                atas - 3,
                px(garis_target),
                bawah + 3,
                TARGET,
                width=1.5,
                dash="5 3",
            )
        )
    isi.extend(tulisan)
    isi.append(_line(x0, bawah, x1, bawah, SUMBU))
    for t in ticks:
        isi.append(_line(px(t), bawah, px(t), bawah + 4, SUMBU))
        isi.append(
            _teks(px(t), bawah + 15, format_angka(t, 0), size=10, fill=REDUP, anchor="middle")
        )
    isi.append(
        _teks((x0 + x1) / 2, bawah + 31, "Capaian (%)", size=10, fill=REDUP, anchor="middle")
    )
    tinggi = bawah + 38 + pad

    return _svg(lebar, tinggi, judul, _desc_batang(judul, data), isi)


def batang_capaian_bertahap(
    data: Sequence[Batang], *, judul: str, per_grafik: int = 40, **opsi
) -> list[str]:
    """`batang_capaian` cut into charts of at most `per_grafik` bars, for print: WeasyPrint
    cannot split one SVG across pages and clips what does not fit. 40 bars of 18 px fit an
    A4 portrait page. Every part has the same axis, so bars compare across pages, and its
    title says which part it is ("(bagian 2 dari 3)"). One chart when the data fits."""
    if len(data) <= per_grafik:
        return [batang_capaian(data, judul=judul, **opsi)]
    ada = [b.nilai for b in data if b.nilai is not None]
    cakupan = (min(ada), max(ada)) if ada else None
    bagian = [data[i : i + per_grafik] for i in range(0, len(data), per_grafik)]
    return [
        batang_capaian(
            potong, judul=f"{judul} (bagian {n} dari {len(bagian)})", cakupan=cakupan, **opsi
        )
        for n, potong in enumerate(bagian, start=1)
    ]


def garis_capaian(
    seri: Sequence[Seri],
    *,
    judul: str,
    sumbu_x: Sequence[str],
    garis_target: Decimal | None = Decimal(100),
    lebar: int = 640,
    tinggi: int = 320,
    tampil_judul: bool = True,
) -> str:
    """Capaian of an indicator across triwulan or years: one line per series.

    Each value is a circle labelled with its number; a None value breaks the line and is
    marked "–". The y axis runs from 0 to a round maximum at least 100 and at least the
    highest value; `garis_target` is a dashed line. A legend appears for two or more series.
    """
    if not seri or not sumbu_x:
        return _kosong(judul, lebar, tampil_judul)
    for s in seri:
        if len(s.nilai) != len(sumbu_x):
            raise ValueError(f"seri {s.label!r} tidak sepanjang sumbu x")
    ada = [v for s in seri for v in s.nilai if v is not None]
    lo, hi, langkah = _sumbu(min(ada, default=0), max(ada, default=0))
    ticks = _ticks(lo, hi, langkah)
    pad = 12

    isi, y = [], pad
    if tampil_judul:
        isi.append(_judul(judul, pad, y + 13))
        y += 24
    if len(seri) > 1:
        svg_legenda, h = _legenda(
            [("seri", s.label, _warna(s.warna)) for s in seri], pad, y, lebar - 2 * pad
        )
        isi.append(svg_legenda)
        y += h + 4
    isi.append(_teks(pad, y + 10, "Capaian (%)", size=10, fill=REDUP))
    atas = y + 30
    bawah = tinggi - pad - 22
    lebar_tick = max(_lebar_teks(format_angka(t, 0), 10) for t in ticks)
    x0 = pad + lebar_tick + 8
    x1 = lebar - pad - 16
    if bawah - atas < 80:
        raise ValueError("tinggi terlalu kecil untuk grafik garis")
    slot = (x1 - x0) / len(sumbu_x)

    def px(i: int) -> float:
        return x0 + slot * (i + 0.5)

    def py(v) -> float:
        return bawah - (float(v) - lo) / (hi - lo) * (bawah - atas)

    for t in ticks:
        isi.append(_line(x0, py(t), x1, py(t), GRID if t else SUMBU))
        isi.append(
            _teks(x0 - 6, py(t) + 3.5, format_angka(t, 0), size=10, fill=REDUP, anchor="end")
        )
    for i, nama_x in enumerate(sumbu_x):
        isi.append(_line(px(i), bawah, px(i), bawah + 4, SUMBU))
        isi.append(_teks(px(i), bawah + 16, nama_x, size=10, fill=TEKS, anchor="middle"))
    if lo < 0:
        isi.append(_line(x0, py(lo), x1, py(lo), SUMBU))
    if garis_target is not None and lo <= garis_target <= hi:
        isi.append(_line(x0, py(garis_target), x1, py(garis_target), TARGET, width=1.2, dash="5 3"))

    for s in seri:
        warna = _warna(s.warna)
        potongan: list[list[tuple[float, float]]] = [[]]
        for i, v in enumerate(s.nilai):
            if v is None:
                potongan.append([])
            else:
                potongan[-1].append((px(i), py(v)))
        for bagian in potongan:
            if len(bagian) > 1:
                isi.append(_polyline(bagian, warna))

    # The highest value's label sits above its point, the others below theirs, pushed
    # apart where series meet so that no label covers another.
    for i, nama_x in enumerate(sumbu_x):
        ada_di_x = sorted(
            ((py(s.nilai[i]), s) for s in seri if s.nilai[i] is not None), key=lambda t: t[0]
        )
        y_label = []
        for k, (y_titik, _s) in enumerate(ada_di_x):
            y_label.append(y_titik - 8 if k == 0 else max(y_titik + 16, y_label[-1] + 13))
        tulisan = []
        for (y_titik, s), yl in zip(ada_di_x, y_label, strict=True):
            v = s.nilai[i]
            isi.append(
                _circle(
                    px(i), y_titik, 4, _warna(s.warna), judul=f"{s.label}, {nama_x}: {_persen(v)}"
                )
            )
            tulisan.append(
                _label(px(i), yl, _persen(v), size=10, fill=TEKS, anchor="middle", weight="bold")
            )
        isi.extend(tulisan)
        kosong = [s for s in seri if s.nilai[i] is None]
        for k, s in enumerate(kosong):
            teks = f"– {TIDAK_DAPAT}" if len(seri) == 1 else f"– {s.label}"
            isi.append(
                _label(
                    px(i),
                    bawah - 8 - 14 * k,
                    _potong(teks, slot - 8, 10),
                    size=10,
                    fill=REDUP,
                    anchor="middle",
                    judul=f"{s.label}, {nama_x}: {TIDAK_DAPAT}",
                )
            )

    return _svg(lebar, tinggi, judul, _desc_garis(judul, seri, sumbu_x), isi)


def sebar_serapan_capaian(
    titik: Sequence[Titik],
    *,
    judul: str,
    batas_serapan: Decimal = Decimal(80),
    batas_capaian: Decimal = Decimal(80),
    lebar: int = 640,
    tinggi: int = 480,
    tampil_judul: bool = True,
) -> str:
    """Scatter of serapan anggaran (x) against capaian (y), one circle per OPD.

    Guides at `batas_serapan` and `batas_capaian` cut four quadrants; the lower-right one
    (serapan >= batas_serapan, capaian < batas_capaian) is shaded and labelled "Serapan
    tinggi, capaian rendah": who spends without performing. Its OPDs and the extremes are
    labelled with their name where there is room; every circle names itself on hover. A
    point whose serapan or capaian is None cannot be placed: it is left out, and the
    description says how many and which.
    """
    if not titik:
        return _kosong(judul, lebar, tampil_judul)
    gambar = [t for t in titik if t.serapan is not None and t.capaian is not None]
    lewat = [t for t in titik if t.serapan is None or t.capaian is None]
    desc = _desc_sebar(judul, gambar, lewat, batas_serapan, batas_capaian)
    if not gambar:
        return _kosong(
            judul,
            lebar,
            tampil_judul,
            desc=desc,
            pesan=f"Belum ada data yang dapat digambar ({len(lewat)} OPD tanpa "
            "serapan atau capaian)",
        )
    xlo, xhi, xlangkah = _sumbu(min(t.serapan for t in gambar), max(t.serapan for t in gambar))
    ylo, yhi, ylangkah = _sumbu(min(t.capaian for t in gambar), max(t.capaian for t in gambar))
    yticks = _ticks(ylo, yhi, ylangkah)
    pad = 12

    isi, y = [], pad
    if tampil_judul:
        isi.append(_judul(judul, pad, y + 13))
        y += 24
    isi.append(_teks(pad, y + 10, "Capaian (%)", size=10, fill=REDUP))
    atas = y + 22
    bawah = tinggi - pad - 34
    x0 = pad + max(_lebar_teks(format_angka(t, 0), 10) for t in yticks) + 8
    x1 = lebar - pad - 8

    def px(v) -> float:
        return x0 + (float(v) - xlo) / (xhi - xlo) * (x1 - x0)

    def py(v) -> float:
        return bawah - (float(v) - ylo) / (yhi - ylo) * (bawah - atas)

    gx, gy = px(batas_serapan), py(batas_capaian)
    # Boxes that point labels must not cover: the guides and the texts written on the plot.
    terpakai = [(gx - 1, atas, gx + 1, bawah), (x0, gy - 1, x1, gy + 1)]
    isi.append(_rect(gx, gy, x1 - gx, bawah - gy, KUADRAN))
    for t in _ticks(xlo, xhi, xlangkah):
        isi.append(_line(px(t), atas, px(t), bawah, GRID))
        isi.append(_line(px(t), bawah, px(t), bawah + 4, SUMBU))
        isi.append(
            _teks(px(t), bawah + 15, format_angka(t, 0), size=10, fill=REDUP, anchor="middle")
        )
    for t in yticks:
        isi.append(_line(x0, py(t), x1, py(t), GRID))
        isi.append(
            _teks(x0 - 6, py(t) + 3.5, format_angka(t, 0), size=10, fill=REDUP, anchor="end")
        )
    isi.append(_line(x0, bawah, x1, bawah, SUMBU))
    isi.append(_line(x0, atas, x0, bawah, SUMBU))
    isi.append(
        _teks(
            (x0 + x1) / 2, bawah + 30, "Serapan anggaran (%)", size=10, fill=REDUP, anchor="middle"
        )
    )
    isi.append(_line(gx, atas, gx, bawah, TARGET, width=1, dash="4 3"))
    isi.append(_line(x0, gy, x1, gy, TARGET, width=1, dash="4 3"))

    label_kuadran = "Serapan tinggi, capaian rendah"
    lk = _lebar_teks(label_kuadran, 11, tebal=True)
    isi.append(
        _teks(
            x1 - 6,
            bawah - 8,
            label_kuadran,
            size=11,
            fill=KUADRAN_TEKS,
            anchor="end",
            weight="bold",
        )
    )
    terpakai.append((x1 - 6 - lk, bawah - 19, x1 - 6, bawah - 5))
    for teks, xx, yy, anchor in (
        (f"Serapan {_persen(batas_serapan, 0)}", gx + 4, atas + 10, "start"),
        (f"Capaian {_persen(batas_capaian, 0)}", x0 + 4, gy - 4, "start"),
    ):
        isi.append(_teks(xx, yy, teks, size=9, fill=REDUP, anchor=anchor))
        terpakai.append((xx, yy - 9, xx + _lebar_teks(teks, 9), yy + 2))

    r = 5
    pos = {id(t): (px(t.serapan), py(t.capaian)) for t in gambar}
    for t in gambar:
        cx, cy = pos[id(t)]
        isi.append(_circle(cx, cy, r, _warna(t.warna), judul=_uraian_titik(t)))
    lingkaran = [(cx - r, cy - r, cx + r, cy + r) for cx, cy in pos.values()]

    calon = sorted(
        (t for t in gambar if _di_kuadran(t, batas_serapan, batas_capaian)),
        key=lambda t: t.capaian,
    )
    for t in (
        max(gambar, key=lambda t: t.capaian),
        min(gambar, key=lambda t: t.capaian),
        max(gambar, key=lambda t: t.serapan),
        min(gambar, key=lambda t: t.serapan),
    ):
        if all(t is not c for c in calon):
            calon.append(t)
    batas = (x0, atas, x1, bawah)
    for t in calon:
        cx, cy = pos[id(t)]
        teks = _potong(t.label, 110, 10)
        w = _lebar_teks(teks, 10)
        tempat = _tempatkan(cx, cy, w, r, batas, terpakai, lingkaran)
        if tempat is None:
            continue
        xt, yt, anchor, kotak = tempat
        terpakai.append(kotak)
        isi.append(_teks(xt, yt, teks, size=10, fill=TEKS, anchor=anchor, judul=t.nama or None))

    return _svg(lebar, tinggi, judul, desc, isi)


# ---------------------------------------------------------------------------------------
# Descriptions: the data in words
# ---------------------------------------------------------------------------------------


def _persen(nilai, desimal: int = 2) -> str:
    return f"{format_angka(nilai, desimal)} %"


def _uraian_nilai(nilai, keterangan: str = "") -> str:
    if nilai is None:
        return TIDAK_DAPAT
    return f"{_persen(nilai)} ({keterangan})" if keterangan else _persen(nilai)


def _desc_batang(judul: str, data: Sequence[Batang]) -> str:
    ada = [b for b in data if b.nilai is not None]
    bagian = [f"{judul}: {len(data)} data"]
    if ada:
        tinggi = max(ada, key=lambda b: b.nilai)
        rendah = min(ada, key=lambda b: b.nilai)
        bagian.append(
            f"tertinggi {tinggi.nama or tinggi.label} {_persen(tinggi.nilai)}, "
            f"terendah {rendah.nama or rendah.label} {_persen(rendah.nilai)}"
        )
    if len(ada) < len(data):
        bagian.append(f"{len(data) - len(ada)} {TIDAK_DAPAT}")
    rincian = "; ".join(f"{b.nama or b.label} {_uraian_nilai(b.nilai, b.keterangan)}" for b in data)
    return "; ".join(bagian) + f". Rincian: {rincian}."


def _desc_garis(judul: str, seri: Sequence[Seri], sumbu_x: Sequence[str]) -> str:
    kalimat = [
        f"{s.label}: "
        + ", ".join(f"{x} {_uraian_nilai(v)}" for x, v in zip(sumbu_x, s.nilai, strict=True))
        for s in seri
    ]
    return f"{judul}. " + ". ".join(kalimat) + "."


def _uraian_titik(t: Titik) -> str:
    teks = f"{t.nama or t.label}: serapan {_persen(t.serapan)}, capaian {_persen(t.capaian)}"
    return f"{teks} ({t.keterangan})" if t.keterangan else teks


def _di_kuadran(t: Titik, batas_serapan, batas_capaian) -> bool:
    """Spending without performing: serapan at or above its guide, capaian below its own."""
    return t.serapan >= batas_serapan and t.capaian < batas_capaian


def _desc_sebar(judul, gambar, lewat, batas_serapan, batas_capaian) -> str:
    bagian = [f"{judul}: {len(gambar)} OPD digambar"]
    if lewat:
        bagian.append(
            f"{len(lewat)} OPD tidak digambar karena serapan atau capaian {TIDAK_DAPAT} ("
            + ", ".join(t.nama or t.label for t in lewat)
            + ")"
        )
    kuadran = [t for t in gambar if _di_kuadran(t, batas_serapan, batas_capaian)]
    syarat = (
        f"serapan paling sedikit {_persen(batas_serapan, 0)} dan capaian di bawah "
        f"{_persen(batas_capaian, 0)}"
    )
    if kuadran:
        bagian.append(
            f"serapan tinggi, capaian rendah ({syarat}): {len(kuadran)} OPD, yaitu "
            + ", ".join(_uraian_titik(t) for t in kuadran)
        )
    else:
        bagian.append(f"tidak ada OPD dengan {syarat}")
    teks = "; ".join(bagian) + "."
    if gambar:
        teks += " Rincian: " + "; ".join(_uraian_titik(t) for t in gambar) + "."
    return teks


# ---------------------------------------------------------------------------------------
# Drawing primitives
# ---------------------------------------------------------------------------------------


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


def _kosong(
    judul: str, lebar: int, tampil_judul: bool, *, desc: str = "", pesan: str = "Belum ada data"
) -> str:
    pad = 12
    isi = []
    y = pad
    if tampil_judul:
        isi.append(_judul(judul, pad, y + 13))
        y += 24
    isi.append(_rect(pad, y, lebar - 2 * pad, 44, ZEBRA, stroke=GRID))
    isi.append(_teks(lebar / 2, y + 26, pesan, size=12, fill=REDUP, anchor="middle"))
    return _svg(lebar, y + 44 + pad, judul, desc or f"{judul}: {pesan.lower()}.", isi)


def _legenda(butir, x: float, y: float, lebar_maks: float) -> tuple[str, float]:
    """Legend items flowing left to right, wrapping; returns the SVG and its height."""
    isi, cx, baris = [], x, 0
    for jenis, label, warna in butir:
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
