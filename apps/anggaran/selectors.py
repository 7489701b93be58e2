"""Reads of the budget with their rules: every total is summed from the DPA lines."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from .models import DPA, RealisasiAnggaran, RincianDPA
from .perhitungan import NOL, Rekap, jumlahkan

RP = DecimalField(max_digits=18, decimal_places=2)


def annotate_total_realisasi(queryset: QuerySet[RincianDPA], *, sampai_bulan: int = 12):
    """Annotate each DPA line with `total_realisasi`: its monthly realisation summed up to and
    including a month (0 when nothing was reported), in the same query."""
    realisasi = (
        RealisasiAnggaran.objects.filter(rincian=OuterRef("pk"), bulan__lte=sampai_bulan)
        .values("rincian")
        .annotate(s=Sum("realisasi"))
        .values("s")
    )
    return queryset.annotate(
        total_realisasi=Coalesce(Subquery(realisasi, output_field=RP), Value(Decimal(0)),
                                 output_field=RP)
    )


def rincian_dengan_realisasi(dpa: DPA, *, sampai_bulan: int = 12):
    """The lines of a DPA with their `total_realisasi` up to and including a month."""
    return annotate_total_realisasi(
        RincianDPA.objects.filter(dpa=dpa).select_related("kegiatan__program", "sub_kegiatan"),
        sampai_bulan=sampai_bulan,
    ).order_by("kegiatan__kode", "sub_kegiatan__kode")


@dataclass
class PohonAnggaran:
    """A DPA as program -> kegiatan -> line, each node with its computed Rekap."""

    total: Rekap = NOL
    program: dict = field(default_factory=dict)  # Program -> Rekap
    kegiatan: dict = field(default_factory=dict)  # Kegiatan -> Rekap
    baris: list = field(default_factory=list)  # (RincianDPA, Rekap)


def rekap_dpa(dpa: DPA, *, sampai_bulan: int = 12) -> PohonAnggaran:
    """Totals of a DPA per kegiatan, program and OPD, summed from its lines (one query)."""
    per_kegiatan = defaultdict(list)
    per_program = defaultdict(list)
    baris = []
    for r in rincian_dengan_realisasi(dpa, sampai_bulan=sampai_bulan):
        rk = Rekap(r.pagu, r.total_realisasi)
        baris.append((r, rk))
        per_kegiatan[r.kegiatan].append(rk)
        per_program[r.kegiatan.program].append(rk)
    kegiatan = {k: jumlahkan(v) for k, v in per_kegiatan.items()}
    program = {p: jumlahkan(v) for p, v in per_program.items()}
    return PohonAnggaran(
        total=jumlahkan(program.values()), program=program, kegiatan=kegiatan, baris=baris
    )


def dpa_berlaku(opd_id: int, tahun: int) -> DPA | None:
    """The budget in force for a year: the perubahan (DPPA) when there is one, else murni."""
    return (
        DPA.objects.filter(opd_id=opd_id, tahun=tahun)
        .order_by("-jenis")  # "perubahan" sorts after "murni"
        .first()
    )
