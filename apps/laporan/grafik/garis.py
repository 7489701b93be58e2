"""Line charts of capaian across triwulan or years (apps.laporan.grafik)."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from apps.core.angka import format_angka

from . import svg


@dataclass(frozen=True)
class Seri:
    """One line: a value (or None) for each label of the x axis."""

    label: str
    nilai: Sequence[Decimal | None]
    warna: str = "#1f6feb"


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
        return svg._kosong(judul, lebar, tampil_judul)
    for s in seri:
        if len(s.nilai) != len(sumbu_x):
            raise ValueError(f"seri {s.label!r} tidak sepanjang sumbu x")
    ada = [v for s in seri for v in s.nilai if v is not None]
    lo, hi, langkah = svg._sumbu(min(ada, default=0), max(ada, default=0))
    ticks = svg._ticks(lo, hi, langkah)
    pad = svg.PAD

    isi, y = svg._awal(judul, tampil_judul)
    if len(seri) > 1:
        svg_legenda, h = svg._legenda(
            [("seri", s.label, svg._warna(s.warna)) for s in seri], pad, y, lebar - 2 * pad
        )
        isi.append(svg_legenda)
        y += h + 4
    isi.append(svg._teks(pad, y + 10, "Capaian (%)", size=10, fill=svg.REDUP))
    atas = y + 30
    bawah = tinggi - pad - 22
    lebar_tick = max(svg._lebar_teks(format_angka(t, 0), 10) for t in ticks)
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
        isi.append(svg._line(x0, py(t), x1, py(t), svg.GRID if t else svg.SUMBU))
        isi.append(
            svg._teks(
                x0 - 6, py(t) + 3.5, format_angka(t, 0), size=10, fill=svg.REDUP, anchor="end"
            )
        )
    for i, nama_x in enumerate(sumbu_x):
        isi.append(svg._line(px(i), bawah, px(i), bawah + 4, svg.SUMBU))
        isi.append(svg._teks(px(i), bawah + 16, nama_x, size=10, fill=svg.TEKS, anchor="middle"))
    if lo < 0:
        isi.append(svg._line(x0, py(lo), x1, py(lo), svg.SUMBU))
    if garis_target is not None and lo <= garis_target <= hi:
        isi.append(
            svg._line(x0, py(garis_target), x1, py(garis_target), svg.TARGET, width=1.2, dash="5 3")
        )

    for s in seri:
        warna = svg._warna(s.warna)
        potongan: list[list[tuple[float, float]]] = [[]]
        for i, v in enumerate(s.nilai):
            if v is None:
                potongan.append([])
            else:
                potongan[-1].append((px(i), py(v)))
        for bagian in potongan:
            if len(bagian) > 1:
                isi.append(svg._polyline(bagian, warna))

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
                svg._circle(
                    px(i),
                    y_titik,
                    4,
                    svg._warna(s.warna),
                    judul=f"{s.label}, {nama_x}: {svg._persen(v)}",
                )
            )
            tulisan.append(
                svg._label(
                    px(i),
                    yl,
                    svg._persen(v),
                    size=10,
                    fill=svg.TEKS,
                    anchor="middle",
                    weight="bold",
                )
            )
        isi.extend(tulisan)
        kosong = [s for s in seri if s.nilai[i] is None]
        for k, s in enumerate(kosong):
            teks = f"– {svg.TIDAK_DAPAT}" if len(seri) == 1 else f"– {s.label}"
            isi.append(
                svg._label(
                    px(i),
                    bawah - 8 - 14 * k,
                    svg._potong(teks, slot - 8, 10),
                    size=10,
                    fill=svg.REDUP,
                    anchor="middle",
                    judul=f"{s.label}, {nama_x}: {svg.TIDAK_DAPAT}",
                )
            )

    return svg._svg(lebar, tinggi, judul, _desc_garis(judul, seri, sumbu_x), isi)


def _desc_garis(judul: str, seri: Sequence[Seri], sumbu_x: Sequence[str]) -> str:
    kalimat = [
        f"{s.label}: "
        + ", ".join(f"{x} {svg._uraian_nilai(v)}" for x, v in zip(sumbu_x, s.nilai, strict=True))
        for s in seri
    ]
    return f"{judul}. " + ". ".join(kalimat) + "."
