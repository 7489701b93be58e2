"""The planning card of the home page (registered in PerencanaanConfig.ready): for an OPD's
users, this year's Perjanjian Kinerja, every version with its state and PDF, and what is left
to do (make it, finalise the draft: the pimpinan's task)."""

from django.urls import reverse

from apps.core.beranda import Butir, Kartu, Konteks

from .models import PerjanjianKinerja


def kartu_pk(k: Konteks) -> list[Kartu]:
    opd = k.opd
    if opd is None:
        return []
    tahun = k.hari_ini.year
    versi = list(PerjanjianKinerja.objects.filter(opd=opd, tahun=tahun).order_by("versi"))
    butir, tautan = [], [("Perencanaan", reverse("perencanaan:opd", args=[opd.pk]))]
    for pk in versi:
        draf = pk.status == PerjanjianKinerja.Status.DRAFT
        nama = "PK induk" if pk.versi == 0 else f"Perubahan PK ke-{pk.versi}"
        teks = f"{nama}: " + ("draf, belum final" if draf else "final")
        if draf and k.user.kemampuan.can_approve_opd:
            teks += " — periksa dan finalkan"
        butir.append(
            Butir(
                teks,
                url=reverse("perencanaan:pk", args=[pk.pk]),
                tingkat="perhatian" if draf else "selesai",
            )
        )
        tautan.append((f"PDF {nama}", reverse("perencanaan:pk_pdf", args=[pk.pk])))
    return [
        Kartu(
            f"Perjanjian Kinerja {tahun}",
            20,
            butir=butir,
            kosong=f"Belum ada Perjanjian Kinerja tahun {tahun}; buat dari halaman Perencanaan.",
            tautan=tautan,
        )
    ]
