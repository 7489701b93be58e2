"""The budget card of the home page (registered in AnggaranConfig.ready): for an OPD's users,
this year's DPA in force with its pagu and serapan up to this month, and this month's
realisation grid one click away."""

import datetime

from django.urls import reverse
from django.utils.formats import date_format

from apps.core.angka import format_rupiah
from apps.core.beranda import Butir, Kartu, Konteks

from .selectors import dpa_berlaku, rekap_dpa


def kartu_anggaran(k: Konteks) -> list[Kartu]:
    opd = k.opd
    if opd is None:
        return []
    hari_ini = k.hari_ini
    tahun, bulan = hari_ini.year, hari_ini.month
    nama_bulan = date_format(datetime.date(tahun, bulan, 1), "F Y")
    dpa = dpa_berlaku(opd.pk, tahun)
    if dpa is None:
        return [
            Kartu(
                f"Anggaran {tahun}",
                30,
                kosong=f"Belum ada DPA tahun {tahun}; unggah dari halaman Anggaran.",
                tautan=[("Unggah DPA", reverse("anggaran:impor_baru"))],
            )
        ]
    total = rekap_dpa(dpa, sampai_bulan=bulan).total
    return [
        Kartu(
            f"Anggaran {tahun}",
            30,
            butir=[
                Butir(
                    f"{dpa.get_jenis_display()}: pagu {format_rupiah(total.pagu)}",
                    url=reverse("anggaran:dpa", args=[opd.pk, tahun]),
                ),
                Butir(
                    f"Realisasi s.d. {nama_bulan}: {format_rupiah(total.realisasi)} "
                    f"(serapan {total.serapan})"
                ),
            ],
            tautan=[
                (
                    f"Isi realisasi anggaran {nama_bulan}",
                    reverse("anggaran:realisasi", args=[opd.pk, tahun, bulan]),
                ),
                (f"DPA {tahun}", reverse("anggaran:dpa", args=[opd.pk, tahun])),
            ],
        )
    ]
