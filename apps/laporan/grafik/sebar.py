"""The scatter plot of serapan anggaran against capaian (apps.laporan.grafik)."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from apps.core.angka import format_angka

from . import svg


@dataclass(frozen=True)
class Titik:
    """One OPD in the scatter plot of serapan anggaran against capaian, both in percent."""

    label: str
    serapan: Decimal | None
    capaian: Decimal | None
    warna: str = svg.ABU
    keterangan: str = ""
    nama: str = ""


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
        return svg._kosong(judul, lebar, tampil_judul)
    gambar = [t for t in titik if t.serapan is not None and t.capaian is not None]
    lewat = [t for t in titik if t.serapan is None or t.capaian is None]
    desc = _desc_sebar(judul, gambar, lewat, batas_serapan, batas_capaian)
    if not gambar:
        return svg._kosong(
            judul,
            lebar,
            tampil_judul,
            desc=desc,
            pesan=f"Belum ada data yang dapat digambar ({len(lewat)} OPD tanpa "
            "serapan atau capaian)",
        )
    xlo, xhi, xlangkah = svg._sumbu(min(t.serapan for t in gambar), max(t.serapan for t in gambar))
    ylo, yhi, ylangkah = svg._sumbu(min(t.capaian for t in gambar), max(t.capaian for t in gambar))
    yticks = svg._ticks(ylo, yhi, ylangkah)
    pad = svg.PAD

    isi, y = svg._awal(judul, tampil_judul)
    isi.append(svg._teks(pad, y + 10, "Capaian (%)", size=10, fill=svg.REDUP))
    atas = y + 22
    bawah = tinggi - pad - 34
    x0 = pad + max(svg._lebar_teks(format_angka(t, 0), 10) for t in yticks) + 8
    x1 = lebar - pad - 8

    def px(v) -> float:
        return x0 + (float(v) - xlo) / (xhi - xlo) * (x1 - x0)

    def py(v) -> float:
        return bawah - (float(v) - ylo) / (yhi - ylo) * (bawah - atas)

    gx, gy = px(batas_serapan), py(batas_capaian)
    # Boxes that point labels must not cover: the guides and the texts written on the plot.
    terpakai = [(gx - 1, atas, gx + 1, bawah), (x0, gy - 1, x1, gy + 1)]
    isi.append(svg._rect(gx, gy, x1 - gx, bawah - gy, svg.KUADRAN))
    for t in svg._ticks(xlo, xhi, xlangkah):
        isi.append(svg._line(px(t), atas, px(t), bawah, svg.GRID))
        isi.append(svg._line(px(t), bawah, px(t), bawah + 4, svg.SUMBU))
        isi.append(
            svg._teks(
                px(t), bawah + 15, format_angka(t, 0), size=10, fill=svg.REDUP, anchor="middle"
            )
        )
    for t in yticks:
        isi.append(svg._line(x0, py(t), x1, py(t), svg.GRID))
        isi.append(
            svg._teks(
                x0 - 6, py(t) + 3.5, format_angka(t, 0), size=10, fill=svg.REDUP, anchor="end"
            )
        )
    isi.append(svg._line(x0, bawah, x1, bawah, svg.SUMBU))
    isi.append(svg._line(x0, atas, x0, bawah, svg.SUMBU))
    isi.append(
        svg._teks(
            (x0 + x1) / 2,
            bawah + 30,
            "Serapan anggaran (%)",
            size=10,
            fill=svg.REDUP,
            anchor="middle",
        )
    )
    isi.append(svg._line(gx, atas, gx, bawah, svg.TARGET, width=1, dash="4 3"))
    isi.append(svg._line(x0, gy, x1, gy, svg.TARGET, width=1, dash="4 3"))

    label_kuadran = "Serapan tinggi, capaian rendah"
    lk = svg._lebar_teks(label_kuadran, 11, tebal=True)
    isi.append(
        svg._teks(
            x1 - 6,
            bawah - 8,
            label_kuadran,
            size=11,
            fill=svg.KUADRAN_TEKS,
            anchor="end",
            weight="bold",
        )
    )
    terpakai.append((x1 - 6 - lk, bawah - 19, x1 - 6, bawah - 5))
    for teks, xx, yy, anchor in (
        (f"Serapan {svg._persen(batas_serapan, 0)}", gx + 4, atas + 10, "start"),
        (f"Capaian {svg._persen(batas_capaian, 0)}", x0 + 4, gy - 4, "start"),
    ):
        isi.append(svg._teks(xx, yy, teks, size=9, fill=svg.REDUP, anchor=anchor))
        terpakai.append((xx, yy - 9, xx + svg._lebar_teks(teks, 9), yy + 2))

    r = 5
    pos = {id(t): (px(t.serapan), py(t.capaian)) for t in gambar}
    for t in gambar:
        cx, cy = pos[id(t)]
        isi.append(svg._circle(cx, cy, r, svg._warna(t.warna), judul=_uraian_titik(t)))
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
        teks = svg._potong(t.label, 110, 10)
        w = svg._lebar_teks(teks, 10)
        tempat = svg._tempatkan(cx, cy, w, r, batas, terpakai, lingkaran)
        if tempat is None:
            continue
        xt, yt, anchor, kotak = tempat
        terpakai.append(kotak)
        isi.append(
            svg._teks(xt, yt, teks, size=10, fill=svg.TEKS, anchor=anchor, judul=t.nama or None)
        )

    return svg._svg(lebar, tinggi, judul, desc, isi)


def _uraian_titik(t: Titik) -> str:
    teks = (
        f"{t.nama or t.label}: serapan {svg._persen(t.serapan)}, capaian {svg._persen(t.capaian)}"
    )
    return f"{teks} ({t.keterangan})" if t.keterangan else teks


def _di_kuadran(t: Titik, batas_serapan, batas_capaian) -> bool:
    """Spending without performing: serapan at or above its guide, capaian below its own."""
    return t.serapan >= batas_serapan and t.capaian < batas_capaian


def _desc_sebar(judul, gambar, lewat, batas_serapan, batas_capaian) -> str:
    bagian = [f"{judul}: {len(gambar)} OPD digambar"]
    if lewat:
        bagian.append(
            f"{len(lewat)} OPD tidak digambar karena serapan atau capaian {svg.TIDAK_DAPAT} ("
            + ", ".join(t.nama or t.label for t in lewat)
            + ")"
        )
    kuadran = [t for t in gambar if _di_kuadran(t, batas_serapan, batas_capaian)]
    syarat = (
        f"serapan paling sedikit {svg._persen(batas_serapan, 0)} dan capaian di bawah "
        f"{svg._persen(batas_capaian, 0)}"
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
