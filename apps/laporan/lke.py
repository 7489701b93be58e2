"""The scoring of the Lembar Kerja Evaluasi (PermenPAN-RB Nomor 88 Tahun 2021 tentang Evaluasi
Akuntabilitas Kinerja Instansi Pemerintah, Lampiran), one function for every page, PDF and
recap that shows a score (`skor_lke`), and the checks a year's sheet must pass before it is
used (`periksa_kuesioner`).

The rule (DOMAIN.md "Evaluasi AKIP"): an answer is worth 1 or 0 (Y/T) or 1; 0,75; 0,5; 0,25;
0 (A to E); a sub-component scores the mean of its criteria's answers times its weight in
points (its component's weight times its share: Perencanaan Kinerja 30 × Keterpenuhan 20 %
= 6 points); a component the sum of its sub-components; the total the sum of the
components; the grade is the first whose bound the total exceeds. Scores are kept exact and
rounded half-up to 2 decimals only where they are shown (DOMAIN.md "Computations").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from apps.core.angka import bulatkan, format_angka

from .models import KomponenLKE, KriteriaLKE, KuesionerLKE, PredikatLKE, SubKomponenLKE

NILAI_JAWABAN = {
    KriteriaLKE.Jenis.YT: {"Y": Decimal(1), "T": Decimal(0)},
    KriteriaLKE.Jenis.AE: {
        "A": Decimal(1),
        "B": Decimal("0.75"),
        "C": Decimal("0.5"),
        "D": Decimal("0.25"),
        "E": Decimal(0),
    },
}
SERATUS = Decimal(100)


def nilai_jawaban(jenis: str, jawaban: str) -> Decimal:
    """The worth of an answer of a criterion's type; ValueError naming the allowed answers
    for anything else."""
    pilihan = NILAI_JAWABAN[jenis]
    kunci = (jawaban or "").strip().upper()
    if kunci not in pilihan:
        raise ValueError(f"Jawaban “{jawaban}” tidak dikenal; pilih {', '.join(pilihan)}.")
    return pilihan[kunci]


@dataclass
class SkorSub:
    sub: SubKomponenLKE
    bobot: Decimal  # points: component weight × share / 100
    jumlah_kriteria: int
    dijawab: int
    rata: Decimal | None  # mean worth of the answers (None: none answered)

    @property
    def nilai(self) -> Decimal:
        return (self.rata or Decimal(0)) * self.bobot

    @property
    def lengkap(self) -> bool:
        return self.dijawab == self.jumlah_kriteria


@dataclass
class SkorKomponen:
    komponen: KomponenLKE
    sub: list[SkorSub]

    @property
    def bobot(self) -> Decimal:
        return self.komponen.bobot

    @property
    def nilai(self) -> Decimal:
        return sum((s.nilai for s in self.sub), Decimal(0))


@dataclass
class SkorLKE:
    komponen: list[SkorKomponen]
    predikat: PredikatLKE | None

    @property
    def total(self) -> Decimal:
        return sum((k.nilai for k in self.komponen), Decimal(0))

    @property
    def total_bulat(self) -> Decimal:
        return bulatkan(self.total, 2)

    @property
    def lengkap(self) -> bool:
        """Every criterion answered: only then is the total the evaluation's score."""
        return all(s.lengkap for k in self.komponen for s in k.sub)


def susunan_kuesioner(kuesioner: KuesionerLKE) -> list[KomponenLKE]:
    """The sheet's components with their sub-components and criteria, in order (3 queries)."""
    return list(
        kuesioner.komponen.order_by("nomor").prefetch_related(
            Prefetch("sub", queryset=SubKomponenLKE.objects.order_by("nomor")),
            Prefetch("sub__kriteria", queryset=KriteriaLKE.objects.order_by("nomor")),
        )
    )


def predikat_lke(total: Decimal, predikat: list[PredikatLKE]) -> PredikatLKE | None:
    """The grade of a total: the highest grade whose bound the total (rounded as shown)
    exceeds, else the one without a bound."""
    total = bulatkan(total, 2)
    terurut = sorted(
        predikat, key=lambda p: (p.batas is None, -(p.batas if p.batas is not None else 0))
    )
    for p in terurut:
        if p.batas is None or total > p.batas:
            return p
    return None


def skor_lke(
    komponen: list[KomponenLKE], predikat: list[PredikatLKE], jawaban: dict[int, str]
) -> SkorLKE:
    """The scores of one evaluation: `komponen` as susunan_kuesioner gives it, `jawaban` the
    answer of each criterion by its id (a criterion without an answer is left out of its
    sub-component's mean and makes the evaluation incomplete)."""
    hasil = []
    for k in komponen:
        subs = []
        for s in k.sub.all():
            nilai = [
                nilai_jawaban(kr.jenis, jawaban[kr.pk])
                for kr in s.kriteria.all()
                if jawaban.get(kr.pk)
            ]
            kriteria = list(s.kriteria.all())
            subs.append(
                SkorSub(
                    s,
                    k.bobot * s.persen / SERATUS,
                    len(kriteria),
                    len(nilai),
                    sum(nilai, Decimal(0)) / len(nilai) if nilai else None,
                )
            )
        hasil.append(SkorKomponen(k, subs))
    skor = SkorLKE(hasil, None)
    skor.predikat = predikat_lke(skor.total, predikat)
    return skor


def periksa_kuesioner(kuesioner: KuesionerLKE) -> list[str]:
    """What keeps a year's sheet from being used, every item at once (empty when it can be):
    the components' weights add up to 100, each component's shares to 100 %, every
    sub-component has a criterion, exactly one grade has no bound."""
    salah = []
    komponen = susunan_kuesioner(kuesioner)
    if not komponen:
        salah.append(f"{kuesioner}: belum ada komponen.")
    jumlah = sum((k.bobot for k in komponen), Decimal(0))
    if komponen and jumlah != SERATUS:
        salah.append(f"Bobot komponen {kuesioner} berjumlah {format_angka(jumlah, 2)}; harus 100.")
    for k in komponen:
        subs = list(k.sub.all())
        persen = sum((s.persen for s in subs), Decimal(0))
        if not subs:
            salah.append(f"Komponen {k}: belum ada sub-komponen.")
        elif persen != SERATUS:
            salah.append(
                f"Bagian sub-komponen {k} berjumlah {format_angka(persen, 2)} %; harus 100 %."
            )
        salah.extend(f"Sub-komponen {s}: belum ada kriteria." for s in subs if not s.kriteria.all())
    tanpa_batas = [p for p in kuesioner.predikat.all() if p.batas is None]
    if len(tanpa_batas) != 1:
        salah.append(
            f"{kuesioner}: harus ada tepat satu predikat tanpa batas nilai (predikat terendah); "
            f"sekarang {len(tanpa_batas)}."
        )
    return salah
