"""Bar charts of capaian (apps.laporan.grafik)."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from apps.core.angka import format_angka

from . import svg


@dataclass(frozen=True)
class Batang:
    """One bar: `label` is drawn (truncated with … when long), `nama` (the full name, label
    when empty) and `keterangan` (e.g. the predikat) appear on hover and in the description."""

    label: str
    nilai: Decimal | None
    warna: str = svg.ABU
    keterangan: str = ""
    nama: str = ""


def batang_capaian(
    data: Sequence[Batang],
    *,
    judul: str,
    garis_target: Decimal | None = Decimal(100),
    legenda: Sequence[tuple[str, str | None]] = (),
    lebar: int = 680,
    tinggi_baris: int = 18,
    tampil_judul: bool = True,
    cakupan: tuple[Decimal, Decimal] | None = None,
    bungkus: bool = False,
) -> str:
    """Horizontal bars of capaian in percent, one per OPD, coloured by predikat.

    The x axis runs from 0 (or a round value below the lowest negative capaian) to a round
    maximum at least 100 and at least the highest value (and covering `cakupan`, the lowest
    and highest value, when given); a capaian above 100 is legal and drawn as such. A dashed
    line marks `garis_target`. The height grows by `tinggi_baris` per bar, so 100 OPDs stay
    readable on a web page; a PDF page cuts a tall SVG off, so print through
    `batang_capaian_bertahap`. A label is cut with … to one line (its whole name is on hover);
    with `bungkus` (print, where nothing hovers) it is written whole on as many lines as it
    needs and its row grows to hold them. `legenda` lists the predikat (label, "#rrggbb");
    an item without a colour is the title of the group that follows (a scale's name), on a
    line of its own.
    """
    if not data:
        return svg._kosong(judul, lebar, tampil_judul)
    ada = [b.nilai for b in data if b.nilai is not None]
    lo, hi, langkah = svg._sumbu(
        min([*ada, *(cakupan or ())], default=0), max([*ada, *(cakupan or ())], default=0)
    )
    pad, uk = svg.PAD, 11

    if bungkus:
        label_baris = [svg._bungkus(b.label, 250, uk) for b in data]
    else:
        label_baris = [[svg._potong(b.label, 190, uk)] for b in data]
    lebar_label = max(svg._lebar_teks(t, uk) for baris in label_baris for t in baris) + 8
    antar_baris = uk * 1.25
    # each row's height and top: a wrapped label's row grows to hold its lines
    tinggi = [max(tinggi_baris, len(b) * antar_baris + 6) for b in label_baris]
    puncak = [sum(tinggi[:i]) for i in range(len(tinggi))]
    lebar_nilai = max(svg._lebar_teks(svg._persen(v), uk) for v in [*ada, Decimal(0)]) + 10
    x0 = pad + lebar_label
    x1 = lebar - pad - lebar_nilai
    if x1 - x0 < 120:
        raise ValueError("lebar terlalu kecil untuk grafik batang")

    def px(v) -> float:
        return x0 + (float(v) - lo) / (hi - lo) * (x1 - x0)

    isi, y = svg._awal(judul, tampil_judul)
    butir = [("judul" if warna is None else "kotak", label, warna) for label, warna in legenda]
    if garis_target is not None:
        butir.append(("target", f"Target {svg._persen(garis_target, 0)}", svg.TARGET))
    if len(ada) < len(data):
        butir.append(("tanda", svg.TIDAK_DAPAT, svg.REDUP))
    if butir:
        svg_legenda, h = svg._legenda(butir, pad, y, lebar - 2 * pad)
        isi.append(svg_legenda)
        y += h + 6
    ticks = svg._ticks(lo, hi, langkah)
    banyak = len(data) > 20
    if banyak:
        # With many bars the bottom axis is off screen: repeat its numbers at the top.
        y += 14
        isi.extend(
            svg._teks(px(t), y - 5, format_angka(t, 0), size=10, fill=svg.REDUP, anchor="middle")
            for t in ticks
        )
    atas = y
    bawah = atas + sum(tinggi)
    nol = px(0)

    for i in range(1, len(data), 2):
        isi.append(svg._rect(pad, atas + puncak[i], lebar - 2 * pad, tinggi[i], svg.ZEBRA))
    for t in ticks:
        isi.append(svg._line(px(t), atas, px(t), bawah, svg.GRID))

    tebal = max(6, tinggi_baris - 6)
    tulisan = []
    for i, b in enumerate(data):
        tengah = atas + puncak[i] + tinggi[i] / 2
        dasar = tengah + uk * 0.36
        nama = b.nama or b.label
        judul_baris = f"{nama}: {svg._uraian_nilai(b.nilai, b.keterangan)}"
        pertama = dasar - (len(label_baris[i]) - 1) * antar_baris / 2
        isi.extend(
            svg._teks(
                x0 - 6,
                pertama + k * antar_baris,
                teks,
                size=uk,
                fill=svg.TEKS,
                anchor="end",
                judul=judul_baris if k == 0 else None,
            )
            for k, teks in enumerate(label_baris[i])
        )
        latar = svg.ZEBRA if i % 2 else "#ffffff"
        if b.nilai is None:
            tulisan.append(
                svg._label(
                    nol + 4, dasar, f"– {svg.TIDAK_DAPAT}", size=10, fill=svg.REDUP, latar=latar
                )
            )
            continue
        ujung = px(b.nilai)
        kiri, kanan = min(nol, ujung), max(nol, ujung)
        isi.append(
            svg._rect(
                kiri,
                tengah - tebal / 2,
                max(kanan - kiri, 0.5),
                tebal,
                svg._warna(b.warna),
                judul=judul_baris,
            )
        )
        # The value goes outside the bar, in dark text on the row's own background, over the
        # target line: readable whatever the predikat colour. A negative bar grows to the
        # left, so its value is written right of the zero line.
        x_nilai = (ujung if b.nilai >= 0 else nol) + 4
        tulisan.append(
            svg._label(x_nilai, dasar, svg._persen(b.nilai), size=uk, fill=svg.TEKS, latar=latar)
        )

    if lo < 0:
        isi.append(svg._line(nol, atas, nol, bawah, svg.SUMBU))
    if garis_target is not None and lo <= garis_target <= hi:
        isi.append(
            svg._line(
                px(garis_target),
                atas - 3,
                px(garis_target),
                bawah + 3,
                svg.TARGET,
                width=1.5,
                dash="5 3",
            )
        )
    isi.extend(tulisan)
    isi.append(svg._line(x0, bawah, x1, bawah, svg.SUMBU))
    for t in ticks:
        isi.append(svg._line(px(t), bawah, px(t), bawah + 4, svg.SUMBU))
        isi.append(
            svg._teks(
                px(t), bawah + 15, format_angka(t, 0), size=10, fill=svg.REDUP, anchor="middle"
            )
        )
    isi.append(
        svg._teks(
            (x0 + x1) / 2, bawah + 31, "Capaian (%)", size=10, fill=svg.REDUP, anchor="middle"
        )
    )
    return svg._svg(lebar, bawah + 38 + pad, judul, _desc_batang(judul, data), isi)


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


def _desc_batang(judul: str, data: Sequence[Batang]) -> str:
    ada = [b for b in data if b.nilai is not None]
    bagian = [f"{judul}: {len(data)} data"]
    if ada:
        tinggi = max(ada, key=lambda b: b.nilai)
        rendah = min(ada, key=lambda b: b.nilai)
        bagian.append(
            f"tertinggi {tinggi.nama or tinggi.label} {svg._persen(tinggi.nilai)}, "
            f"terendah {rendah.nama or rendah.label} {svg._persen(rendah.nilai)}"
        )
    if len(ada) < len(data):
        bagian.append(f"{len(data) - len(ada)} {svg.TIDAK_DAPAT}")
    rincian = "; ".join(
        f"{b.nama or b.label} {svg._uraian_nilai(b.nilai, b.keterangan)}" for b in data
    )
    return "; ".join(bagian) + f". Rincian: {rincian}."
