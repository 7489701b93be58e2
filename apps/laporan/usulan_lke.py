"""Proposed answers of the LKE from the data the product holds (issue 20, item 2): for each
criterion a year's sheet links to a rule (KriteriaLKE.usulan), the rule measures the OPD's
year from its own records, says why, and links the evidence; the measure (0 to 1) becomes an
answer of the criterion's type (Y only for a full measure; A to E by quarters). The evaluator
sees the proposal beside the criterion and confirms or changes it: a proposal is never the
final answer by itself (apps.laporan.views.evaluasi loads them into the form, unsaved).

Every rule reads what the pages show: the Renstra covering the year, its IKU, the PK and its
versions, the consistency check (apps.perencanaan.selectors.konsistensi), the realisasi with
their input windows, the LKjIP's latest revision.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.urls import reverse
from django.utils import timezone

from apps.core.models import OPD
from apps.pengukuran.models import JadwalPengisian, Realisasi
from apps.pengukuran.selectors import tanggal_id
from apps.perencanaan.models import IndikatorKinerja, PerjanjianKinerja, PKIndikator
from apps.perencanaan.selectors import konsistensi, renstra_tahun

from .models import KriteriaLKE, LaporanKinerja

# The LKjIP of a year is due by the end of March of the next one (PermenPAN-RB 53/2014).
BATAS_LKJIP = (3, 31)
# The PK of a year is signed by the end of January (PermenPAN-RB 53/2014).
BATAS_PK = (1, 31)


@dataclass
class Usulan:
    """A rule's measure of the OPD's year (0 to 1) with why, and where the evidence is."""

    mutu: Decimal
    alasan: str
    bukti: list[tuple[str, str]] = field(default_factory=list)  # (label, address)

    def jawaban(self, jenis: str) -> str:
        """The measure as an answer of a criterion's type."""
        if jenis == KriteriaLKE.Jenis.YT:
            return "Y" if self.mutu >= 1 else "T"
        for huruf, batas in (("A", "1"), ("B", "0.75"), ("C", "0.5"), ("D", "0.25")):
            if self.mutu >= Decimal(batas):
                return huruf
        return "E"


class Bacaan:
    """What more than one rule reads of the OPD's year, read once per usulan_evaluasi: the
    consistency warnings (the PK rule and the consistency rule)."""

    def __init__(self, opd: OPD, tahun: int):
        self.opd, self.tahun = opd, tahun

    @cached_property
    def peringatan(self) -> list:
        return konsistensi(self.opd, self.tahun)


def _bagian(n: int, dari: int) -> Decimal:
    return Decimal(n) / Decimal(dari) if dari else Decimal(0)


def _renstra(opd: OPD, tahun: int, baca: Bacaan) -> Usulan:
    r = renstra_tahun(opd.pk, tahun)
    if r is None:
        return Usulan(Decimal(0), f"Tidak ada Renstra yang mencakup tahun {tahun}.")
    return Usulan(
        Decimal(1),
        f"Renstra {r.tahun_awal}-{r.tahun_akhir} mencakup tahun {tahun}.",
        [(f"Renstra {r.tahun_awal}-{r.tahun_akhir}", reverse("perencanaan:renstra", args=[r.pk]))],
    )


def _iku_lengkap(opd: OPD, tahun: int, baca: Bacaan) -> Usulan:
    r = renstra_tahun(opd.pk, tahun)
    if r is None:
        return Usulan(Decimal(0), f"Tidak ada Renstra yang mencakup tahun {tahun}.")
    iku = list(
        IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=r, is_iku=True).values_list(
            "nama", "definisi_operasional", "formula", "sumber_data"
        )
    )
    bukti = [("Renstra dan IKU", reverse("perencanaan:renstra", args=[r.pk]))]
    if not iku:
        return Usulan(Decimal(0), "Belum ada indikator yang ditetapkan sebagai IKU.", bukti)
    lengkap = [n for n, d, f, s in iku if d.strip() and f.strip() and s.strip()]
    kurang = [n for n, d, f, s in iku if n not in lengkap]
    alasan = (
        f"{len(lengkap)} dari {len(iku)} IKU memiliki definisi operasional, formula dan "
        "sumber data."
    )
    if kurang:
        alasan += (
            " Belum lengkap: " + "; ".join(kurang[:5]) + ("; …" if len(kurang) > 5 else "") + "."
        )
    return Usulan(_bagian(len(lengkap), len(iku)), alasan, bukti)


def _pk_tepat(opd: OPD, tahun: int, baca: Bacaan) -> Usulan:
    versi = list(PerjanjianKinerja.objects.filter(opd=opd, tahun=tahun).order_by("versi"))
    final = [p for p in versi if p.status == PerjanjianKinerja.Status.FINAL]
    if not final:
        return Usulan(Decimal(0), f"Belum ada Perjanjian Kinerja final tahun {tahun}.")
    induk = final[0]
    bukti = [(p.judul, reverse("perencanaan:pk", args=[p.pk])) for p in final]
    batas = datetime.date(tahun, *BATAS_PK)
    alasan, mutu = [], Decimal(1)
    if induk.tanggal is None or induk.tanggal > batas:
        tgl = tanggal_id(induk.tanggal) if induk.tanggal else "tanpa tanggal"
        alasan.append(f"{induk.judul} ditandatangani {tgl}, sesudah 31 Januari {tahun}.")
        mutu -= Decimal("0.5")
    else:
        alasan.append(f"{induk.judul} ditandatangani paling lambat 31 Januari {tahun}.")
    beda = [p for p in baca.peringatan if p.jenis == "target_berbeda"]
    if beda:
        alasan.append(f"{len(beda)} target PK berbeda dengan target Renstra.")
        mutu -= Decimal("0.25")
        bukti.append(("Konsistensi", reverse("perencanaan:konsistensi", args=[opd.pk, tahun])))
    else:
        alasan.append("Target PK sama dengan target Renstra.")
    return Usulan(max(mutu, Decimal(0)), " ".join(alasan), bukti)


def _perubahan_sah(opd: OPD, tahun: int, baca: Bacaan) -> Usulan:
    perubahan = list(
        PerjanjianKinerja.objects.filter(opd=opd, tahun=tahun, versi__gt=0).order_by("versi")
    )
    if not perubahan:
        return Usulan(Decimal(1), f"Tidak ada perubahan PK tahun {tahun}.")
    tanpa = [p for p in perubahan if p.alasan_perubahan not in PerjanjianKinerja.Alasan.values]
    bukti = [(p.judul, reverse("perencanaan:pk", args=[p.pk])) for p in perubahan]
    if tanpa:
        return Usulan(
            Decimal(0),
            "Perubahan PK tanpa alasan yang diizinkan: " + ", ".join(p.judul for p in tanpa) + ".",
            bukti,
        )
    return Usulan(
        Decimal(1),
        f"{len(perubahan)} perubahan PK, masing-masing dengan alasan yang diizinkan "
        "(pergantian pejabat, perubahan strategi, atau perubahan prioritas).",
        bukti,
    )


def _triwulan_tepat(opd: OPD, tahun: int, baca: Bacaan) -> Usulan:
    """Every (PK indicator, triwulan) value verified and submitted before its window closed."""
    pk = (
        PerjanjianKinerja.objects.filter(
            opd=opd, tahun=tahun, status=PerjanjianKinerja.Status.FINAL
        )
        .order_by("-versi")
        .first()
    )
    bukti = [("Realisasi tahun ini", reverse("pengukuran:opd_tahun", args=[opd.pk, tahun]))]
    if pk is None:
        return Usulan(Decimal(0), f"Belum ada Perjanjian Kinerja final tahun {tahun}.", bukti)
    indikator = list(
        PKIndikator.objects.filter(pk_dokumen=pk).values_list("indikator_id", flat=True)
    )
    tutup = dict(JadwalPengisian.objects.filter(tahun=tahun).values_list("triwulan", "ditutup"))
    isian = {
        (i, tw): (status, diajukan)
        for i, tw, status, diajukan in Realisasi.objects.filter(
            indikator_id__in=indikator, tahun=tahun
        ).values_list("indikator_id", "triwulan", "status", "diajukan_pada")
    }
    semua = len(indikator) * 4
    tepat = tanpa_waktu = terlambat = 0
    for i in indikator:
        for tw in range(1, 5):
            status, diajukan = isian.get((i, tw), ("", None))
            if status != Realisasi.Status.DIVERIFIKASI:
                continue
            batas = tutup.get(tw)
            if diajukan is None or batas is None:
                tanpa_waktu += 1
            elif timezone.localtime(diajukan).date() <= batas:
                tepat += 1
            else:
                terlambat += 1
    belum = semua - tepat - tanpa_waktu - terlambat
    alasan = [
        f"Dari {semua} isian triwulan ({len(indikator)} indikator × 4 triwulan): {tepat} "
        "diverifikasi dan diajukan dalam jadwal pengisian"
    ]
    if tanpa_waktu:
        alasan.append(
            f"{tanpa_waktu} diverifikasi tanpa catatan waktu pengajuan atau jadwal (dimuat atau "
            "diimpor; dihitung tepat waktu, periksa buktinya)"
        )
    if terlambat:
        alasan.append(f"{terlambat} diajukan sesudah jadwal ditutup")
    if belum:
        alasan.append(f"{belum} belum diisi atau belum diverifikasi")
    return Usulan(_bagian(tepat + tanpa_waktu, semua), "; ".join(alasan) + ".", bukti)


def _lkjip(opd: OPD, tahun: int, baca: Bacaan) -> Usulan:
    lap = (
        LaporanKinerja.objects.filter(opd=opd, tahun=tahun)
        .exclude(status=LaporanKinerja.Status.DRAFT)
        .order_by("revisi")
        .first()
    )
    bukti = [(f"LKjIP {tahun}", reverse("laporan:lkjip_ubah", args=[opd.pk, tahun]))]
    if lap is None:
        return Usulan(Decimal(0), f"LKjIP {tahun} belum difinalkan.", bukti)
    batas = datetime.date(tahun + 1, *BATAS_LKJIP)
    hari = timezone.localtime(lap.difinalkan_pada).date()
    if hari <= batas:
        return Usulan(
            Decimal(1),
            f"LKjIP {tahun} difinalkan {tanggal_id(hari)}, paling lambat 31 Maret {tahun + 1}, "
            "dengan seluruh bab dan analisis sasaran (syarat finalisasi).",
            bukti,
        )
    return Usulan(
        Decimal("0.5"),
        f"LKjIP {tahun} difinalkan {tanggal_id(hari)}, sesudah 31 Maret {tahun + 1}.",
        bukti,
    )


def _konsistensi(opd: OPD, tahun: int, baca: Bacaan) -> Usulan:
    peringatan = baca.peringatan
    n = len(peringatan)
    mutu = Decimal(1) if n == 0 else max(Decimal(0), Decimal(1) - Decimal(n) / Decimal(8))
    jenis = sorted({p.jenis for p in peringatan})
    alasan = (
        "Tidak ada peringatan konsistensi."
        if not n
        else f"{n} peringatan konsistensi belum diselesaikan ({', '.join(jenis)})."
    )
    return Usulan(
        mutu, alasan, [("Konsistensi", reverse("perencanaan:konsistensi", args=[opd.pk, tahun]))]
    )


U = KriteriaLKE.Usulan
ATURAN: dict[str, Callable[[OPD, int, Bacaan], Usulan]] = {
    U.RENSTRA: _renstra,
    U.IKU_LENGKAP: _iku_lengkap,
    U.PK_TEPAT: _pk_tepat,
    U.PERUBAHAN_SAH: _perubahan_sah,
    U.TRIWULAN_TEPAT: _triwulan_tepat,
    U.LKJIP_TEPAT: _lkjip,
    U.KONSISTENSI: _konsistensi,
}


def usulan_evaluasi(opd: OPD, tahun: int, kunci: set[str]) -> dict[str, Usulan]:
    """Each rule of `kunci` measured for the OPD's year (each rule once, however many
    criteria use it; what several rules read, read once: Bacaan)."""
    baca = Bacaan(opd, tahun)
    return {k: ATURAN[k](opd, tahun, baca) for k in sorted(kunci) if k in ATURAN}
