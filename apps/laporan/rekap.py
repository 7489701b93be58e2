"""The dashboard's documents, drawn from its rows (apps.laporan.selectors.dasbor): the charts
of the page and of the PDF, and the Rekapitulasi Capaian Kinerja Perangkat Daerah as xlsx and
as an A4 landscape PDF. The rows' figures come from the engine; nothing here computes a
capaian except the kabupaten's mean, by the engine's own mean."""

import tablib
from django.utils import timezone
from django.utils.safestring import mark_safe

from apps.core.ekspor import sel_persen
from apps.core.models import Pemda
from apps.core.pdf import render_pdf
from apps.pengukuran.capaian import Hasil, rata_rata_capaian
from apps.pengukuran.selectors import tanggal_id

from . import grafik
from .selectors import kepala_bagian_organisasi


def _legenda(baris) -> list[tuple[str, str | None]]:
    """The predikat of the scales the rows are measured with, (label, colour). When OPDs are
    measured with different scales, each scale's predikat come under its name (an item
    with no colour): one list of every scale's labels mixed "Baik" of one scale with "Baik"
    of another."""
    skala: dict[str, dict[str, str]] = {}
    for b in baris:
        butir = skala.setdefault(b.skala, {})
        for r in b.rentang:
            butir.setdefault(r.label, r.warna)
    skala = {nama: butir for nama, butir in skala.items() if butir}
    if len(skala) <= 1:
        return [x for butir in skala.values() for x in butir.items()]
    return [
        x
        for nama, butir in sorted(skala.items())
        for x in [(f"{nama or 'Skala kabupaten'}:", None), *butir.items()]
    ]


def grafik_dasbor(baris, tahun: int, *, per_grafik: int = 40) -> dict:
    """The dashboard's charts, drawn by apps.laporan.grafik (the same code as the PDFs)."""
    batang = [
        grafik.Batang(
            b.opd.singkatan or b.opd.nama,
            b.capaian.nilai,
            b.predikat.warna if b.predikat else grafik.ABU,
            b.predikat.label if b.predikat else b.capaian.alasan,
            b.opd.nama,
        )
        for b in baris
    ]
    titik = [
        grafik.Titik(
            b.opd.singkatan or b.opd.nama,
            b.serapan.nilai,
            b.capaian.nilai,
            b.predikat.warna if b.predikat else grafik.ABU,
            b.predikat.label if b.predikat else "",
            b.opd.nama,
        )
        for b in baris
    ]
    return {
        "batang": [
            mark_safe(svg)
            for svg in grafik.batang_capaian_bertahap(
                batang,
                judul=f"Capaian kinerja per Perangkat Daerah {tahun}",
                legenda=_legenda(baris),
                per_grafik=per_grafik,
            )
        ],
        "sebar": mark_safe(
            grafik.sebar_serapan_capaian(
                titik, judul=f"Serapan anggaran dan capaian kinerja {tahun}"
            )
        ),
    }


KOLOM_REKAP = [
    "No",
    "Kode",
    "Perangkat Daerah",
    "Sasaran",
    "Indikator",
    "Capaian (%)",
    "Predikat",
    "Pagu (Rp)",
    "Realisasi (Rp)",
    "Serapan (%)",
]


def rata_kabupaten(baris) -> Hasil:
    """The kabupaten's mean capaian over the OPDs that have one (as the engine averages)."""
    return rata_rata_capaian(b.capaian for b in baris)


def rekap_xlsx(baris, tahun: int) -> tablib.Dataset:
    """The recap as a sheet: one row per OPD, numbers as numbers."""
    data = tablib.Dataset(headers=KOLOM_REKAP, title=f"Rekap {tahun}")
    for no, b in enumerate(baris, 1):
        data.append(
            [
                no,
                b.opd.kode,
                b.opd.nama,
                b.jumlah_sasaran,
                b.jumlah_indikator,
                sel_persen(b.capaian),
                b.predikat.label if b.predikat else "",
                b.anggaran.pagu if b.anggaran else "",
                b.anggaran.realisasi if b.anggaran else "",
                sel_persen(b.serapan),
            ]
        )
    return data


def rekap_pdf(baris, tahun: int) -> bytes:
    """The recap as the signed A4 landscape PDF of Bagian Organisasi."""
    bagian, kepala = kepala_bagian_organisasi()
    return render_pdf(
        "laporan/rekap_pdf.html",
        {
            "judul": f"Rekapitulasi Capaian Kinerja Perangkat Daerah Tahun {tahun}",
            "tahun": tahun,
            "baris": baris,
            "pemda": Pemda.objects.first(),
            "opd": bagian,
            "kepala": kepala,
            "tanggal_teks": tanggal_id(timezone.localdate()),
            "jabatan": kepala.jabatan_lengkap if kepala else "Kepala Bagian Organisasi",
            "grafik": grafik_dasbor(baris, tahun, per_grafik=22),  # an A4 landscape page
            "rata": rata_kabupaten(baris),
            "rata_dari": sum(1 for b in baris if b.capaian.nilai is not None),
            "rata_belum": sum(1 for b in baris if b.capaian.nilai is None),
        },
    )
