"""Writes of the LKjIP's words, and the executive summary proposed from the data."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from apps.core.angka import format_persen, format_rupiah
from apps.core.models import OPD
from apps.perencanaan.models import Sasaran

from .models import AnalisisSasaran, LaporanKinerja
from .selectors import dasbor


def laporan_pastikan_draf(laporan: LaporanKinerja | None) -> None:
    """Only a draft is edited: a final or verified report is a frozen, signed document (a
    change is a new revision with its reason, DOMAIN.md "The LKjIP")."""
    if laporan is not None and laporan.status != LaporanKinerja.Status.DRAFT:
        raise ValidationError(
            f"{laporan} berstatus {laporan.get_status_display().lower()}: tidak dapat diubah "
            "oleh siapa pun. Tidak ada yang disimpan.", code="final")


@dataclass
class IsianLKjIP:
    """What the editing page posted: the report's field values (narrative, tempat, tanggal,
    penandatangan), per sasaran its analysis texts, and a checked chart image or None."""

    nilai: dict = field(default_factory=dict)
    analisis: dict = field(default_factory=dict)  # Sasaran -> {field: text}
    struktur: ContentFile | None = None


def _ubah(obj, nilai: dict) -> list[str]:
    """Set only the values that differ; the names of the changed fields."""
    berubah = [k for k, v in nilai.items() if getattr(obj, k) != v]
    for k in berubah:
        setattr(obj, k, nilai[k])
    return berubah


@transaction.atomic
def laporan_update(*, opd: OPD, tahun: int, user, isian: IsianLKjIP, sasaran_sah: set[int]
                   ) -> tuple[LaporanKinerja, int]:
    """Save the words of an OPD's LKjIP of a year, all or nothing; the number of changed
    fields. The first save creates the draft revision 0; later saves edit the latest
    revision while it is a draft. Only changed fields are written, so an unchanged save
    leaves no history entry. The signatory must be an active official of the OPD; analyses
    only for the sasaran of the Renstra covering the year (`sasaran_sah`)."""
    laporan = (LaporanKinerja.objects.select_for_update().filter(opd=opd, tahun=tahun)
               .order_by("-revisi").first())
    laporan_pastikan_draf(laporan)
    pejabat = isian.nilai.get("penandatangan")
    if pejabat is not None and (pejabat.opd_id != opd.pk or not pejabat.aktif):
        raise ValidationError("Penandatangan: pilih pejabat aktif OPD ini.", code="pejabat")
    if any(s.pk not in sasaran_sah for s in isian.analisis):
        raise ValidationError("Analisis sasaran: hanya untuk sasaran Renstra OPD ini yang "
                              "mencakup tahun laporan.", code="sasaran")

    baru = laporan is None
    if baru:
        laporan = LaporanKinerja(opd=opd, tahun=tahun)
    berubah = _ubah(laporan, isian.nilai)
    if isian.struktur is not None:
        laporan.struktur_organisasi = isian.struktur
        berubah.append("struktur_organisasi")
    if baru or berubah:
        laporan._history_user = user
        laporan.full_clean()
        laporan.save(update_fields=None if baru else berubah)
    n = len(berubah)

    ada = {a.sasaran_id: a for a in laporan.analisis.all()} if not baru else {}
    for sasaran, nilai in isian.analisis.items():
        analisis = ada.get(sasaran.pk)
        if analisis is None:
            if not any(nilai.values()):
                continue
            analisis = AnalisisSasaran(laporan=laporan, sasaran=sasaran)
            berubah = _ubah(analisis, nilai)
            analisis.full_clean()
            analisis.save()
        else:
            berubah = _ubah(analisis, nilai)
            if not berubah:
                continue
            analisis.full_clean()
            analisis.save(update_fields=berubah)
        n += len(berubah)
    return laporan, n


def sasaran_lkjip(opd: OPD, tahun: int) -> list[Sasaran]:
    """The sasaran whose analyses the report holds: those of the Renstra covering the year,
    in the Renstra's order."""
    return list(Sasaran.objects.filter(tujuan__renstra__opd=opd,
                                       tujuan__renstra__tahun_awal__lte=tahun,
                                       tujuan__renstra__tahun_akhir__gte=tahun)
                .select_related("tujuan").order_by("tujuan__nomor", "nomor"))


_MD = re.compile(r"([\\`*_\[\]<>#|])")


def _md(teks: str) -> str:
    """A name from the data written literally in Markdown (an indicator named `*_x_*`)."""
    return _MD.sub(r"\\\1", teks)


def ikhtisar_usulan(opd: OPD, tahun: int) -> str:
    """A proposed Ikhtisar Eksekutif in Markdown, every number from the engines: how many
    sasaran and indicators the PK in force has, the OPD's average capaian and predikat (the
    mean over sasaran of the mean of their indicators), the best and the worst indicator,
    and the absorption of the DPA in force (DOMAIN.md, "The LKjIP": the summary states the
    number of sasaran and indicators, the average capaian, the headline successes and
    shortfalls, budget absorption). The user edits it before saving."""
    baris = dasbor([opd], tahun)[0]
    k = baris.kinerja
    bagian = []
    if not k.sasaran:
        bagian.append(f"Belum ada Perjanjian Kinerja final {opd.nama} tahun {tahun}, sehingga "
                      "capaian kinerja belum dapat diringkas.")
    else:
        jumlah_ind = len(k.indikator)
        kalimat = (f"Pada tahun {tahun}, {opd.nama} menetapkan **{len(k.sasaran)} sasaran "
                   f"strategis** yang diukur dengan **{jumlah_ind} indikator kinerja**.")
        if k.capaian.ada:
            kalimat += f" Rata-rata capaian kinerja adalah **{format_persen(k.capaian.nilai)}**"
            kalimat += (f" dengan predikat **{k.predikat.label}**." if k.predikat else ".")
        else:
            kalimat += f" Rata-rata capaian belum dapat dihitung ({k.capaian.alasan})."
        bagian.append(kalimat)
        terhitung = [i for i in k.indikator if i.hasil and i.hasil.capaian.ada]
        if terhitung:
            terbaik = max(terhitung, key=lambda i: i.hasil.capaian.nilai)
            terendah = min(terhitung, key=lambda i: i.hasil.capaian.nilai)
            butir = [f"- Capaian tertinggi: {_md(terbaik.indikator.nama)} "
                     f"({format_persen(terbaik.hasil.capaian.nilai)})."]
            if terendah is not terbaik:
                butir.append(f"- Capaian terendah: {_md(terendah.indikator.nama)} "
                             f"({format_persen(terendah.hasil.capaian.nilai)}).")
            sisa = jumlah_ind - len(terhitung)
            if sisa:
                butir.append(f"- {sisa} indikator belum dapat dihitung capaiannya.")
            bagian.append("\n".join(butir))
    a = baris.anggaran
    if a is None:
        bagian.append(f"Belum ada DPA {tahun} yang berlaku, sehingga serapan anggaran belum "
                      "dapat dihitung.")
    elif a.serapan.ada:
        bagian.append(f"Realisasi anggaran sebesar {format_rupiah(a.realisasi, sen=None)} dari "
                      f"pagu {format_rupiah(a.pagu, sen=None)}, atau serapan "
                      f"**{format_persen(a.serapan.nilai)}**.")
    else:
        bagian.append(f"Serapan anggaran belum dapat dihitung ({a.serapan.alasan}).")
    return "\n\n".join(bagian) + "\n"
