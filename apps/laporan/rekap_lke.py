"""The Inspektorat's recap of every OPD's Evaluasi AKIP of a year (PermenPAN-RB 88/2021):
each OPD's score per component, total and grade, beside last year's final score and grade
and the change, as xlsx and as an A4 landscape PDF with the Inspektorat's kop. The rows and
their figures are apps.laporan.evaluasi.rekap_evaluasi's (the same as the list page);
nothing here computes a score."""

import tablib
from django.utils import timezone

from apps.core.angka import bulatkan, format_angka
from apps.core.models import Pemda
from apps.core.pdf import render_pdf
from apps.pengukuran.selectors import tanggal_id

from .evaluasi import BarisRekap, RingkasanRekap


def komponen_rekap(baris: list[BarisRekap]) -> list:
    """The components of the year's LKE as the rows score them (SkorKomponen of the first
    evaluated OPD: name and weight), for the columns; none before any evaluation."""
    return next((b.skor.komponen for b in baris if b.skor is not None), [])


def nilai_komponen(b: BarisRekap) -> list:
    return [k.nilai for k in b.skor.komponen] if b.skor is not None else []


def rekap_lke_xlsx(baris: list[BarisRekap], tahun: int) -> tablib.Dataset:
    """The recap as a sheet: one row per OPD, numbers as numbers (2 decimals, as shown)."""
    komponen = komponen_rekap(baris)
    data = tablib.Dataset(
        headers=[
            "No",
            "Kode",
            "Perangkat Daerah",
            "Status",
            *(
                f"{k.komponen.nomor}. {k.komponen.nama} "
                f"({format_angka(k.bobot, 2, buang_nol=True)})"
                for k in komponen
            ),
            f"Nilai {tahun}",
            f"Predikat {tahun}",
            f"Nilai {tahun - 1}",
            f"Predikat {tahun - 1}",
            "Perubahan nilai",
            "Keterangan",
        ],
        title=f"Evaluasi AKIP {tahun}",
    )
    for no, b in enumerate(baris, 1):
        nilai_k = nilai_komponen(b) or [""] * len(komponen)
        data.append(
            [
                no,
                b.opd.kode,
                b.opd.nama,
                b.status,
                *(bulatkan(n, 2) if n != "" else "" for n in nilai_k),
                b.nilai if b.nilai is not None else "",
                b.predikat,
                b.nilai_lalu if b.nilai_lalu is not None else "",
                b.lalu.predikat if b.lalu else "",
                b.selisih if b.selisih is not None else "",
                "" if b.lengkap or b.evaluasi is None else "belum semua kriteria dijawab",
            ]
        )
    return data


def rekap_lke_pdf(baris: list[BarisRekap], ringkasan: RingkasanRekap, tahun: int) -> bytes:
    """The recap as the Inspektorat's A4 landscape PDF, signed by the Inspektur."""
    pemda = Pemda.objects.first()
    return render_pdf(
        "laporan/rekap_lke_pdf.html",
        {
            "judul": f"Rekapitulasi Hasil Evaluasi AKIP Perangkat Daerah Tahun {tahun}",
            "tahun": tahun,
            "baris": [(b, nilai_komponen(b)) for b in baris],
            "komponen": komponen_rekap(baris),
            "ringkasan": ringkasan,
            "pemda": pemda,
            "nama_pemerintah": pemda.nama_pemerintah if pemda else "Pemerintah Kabupaten",
            "tempat_tanggal": f"{pemda.ibu_kota if pemda else ''}, "
            f"{tanggal_id(timezone.localdate())}",
            "draf": ringkasan.final < ringkasan.jumlah,
        },
    )
