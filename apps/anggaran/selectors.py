"""Reads of the budget with their rules: every total is summed from the DPA lines."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, Max, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from apps.core.models import OPD
from apps.core.selectors import for_user

from .models import (
    DPA,
    DPAKegiatan,
    DPAProgram,
    Impor,
    Kegiatan,
    RealisasiAnggaran,
    RincianDPA,
    SubKegiatan,
)
from .perhitungan import NOL, Rekap, jumlahkan

RP = DecimalField(max_digits=18, decimal_places=2)


def annotate_total_realisasi(
    queryset: QuerySet[RincianDPA], *, sampai_bulan: int = 12, dari_bulan: int = 1
):
    """Annotate each DPA line with `total_realisasi`: its monthly realisation summed over the
    months `dari_bulan`..`sampai_bulan` (0 when nothing was reported), in the same query."""
    realisasi = (
        RealisasiAnggaran.objects.filter(
            rincian=OuterRef("pk"), bulan__lte=sampai_bulan, bulan__gte=dari_bulan
        )
        .values("rincian")
        .annotate(s=Sum("realisasi"))
        .values("s")
    )
    return queryset.annotate(
        total_realisasi=Coalesce(
            Subquery(realisasi, output_field=RP), Value(Decimal(0)), output_field=RP
        )
    )


def rincian_dengan_realisasi(dpa: DPA, *, sampai_bulan: int = 12, dari_bulan: int = 1):
    """The lines of a DPA with their `total_realisasi` over a range of months."""
    return _rincian(
        RincianDPA.objects.filter(dpa=dpa), sampai_bulan=sampai_bulan, dari_bulan=dari_bulan
    )


def _dengan_total(rincian: QuerySet[RincianDPA], *, sampai_bulan: int, dari_bulan: int):
    """The lines annotated with `total_realisasi` (as annotate_total_realisasi, summed in one
    grouped join rather than a subquery per line), in tree order."""
    bulan = Q(realisasi__bulan__lte=sampai_bulan, realisasi__bulan__gte=dari_bulan)
    return rincian.annotate(
        total_realisasi=Coalesce(
            Sum("realisasi__realisasi", filter=bulan), Value(Decimal(0)), output_field=RP
        )
    ).order_by("dpa_id", "kegiatan__kode", "sub_kegiatan__kode")


def _rincian(rincian: QuerySet[RincianDPA], *, sampai_bulan: int, dari_bulan: int) -> list:
    """The lines with `total_realisasi`, each with its kegiatan, program and sub kegiatan;
    every kegiatan, program and sub kegiatan one instance however many lines share it.
    Three queries."""
    baris = list(_dengan_total(rincian, sampai_bulan=sampai_bulan, dari_bulan=dari_bulan))
    if not baris:
        return baris
    kegiatan = Kegiatan.objects.select_related("program").in_bulk({r.kegiatan_id for r in baris})
    sub = SubKegiatan.objects.in_bulk({r.sub_kegiatan_id for r in baris} - {None})
    for r in baris:
        _KE_KEGIATAN.set_cached_value(r, kegiatan[r.kegiatan_id])
        _KE_SUB.set_cached_value(r, sub.get(r.sub_kegiatan_id))
    return baris


_KE_KEGIATAN = RincianDPA._meta.get_field("kegiatan")
_KE_SUB = RincianDPA._meta.get_field("sub_kegiatan")


@dataclass
class PohonAnggaran:
    """A DPA as program -> kegiatan -> line, each node with its computed Rekap."""

    total: Rekap = NOL
    program: dict = field(default_factory=dict)  # Program -> Rekap
    kegiatan: dict = field(default_factory=dict)  # Kegiatan -> Rekap
    baris: list = field(default_factory=list)  # (RincianDPA, Rekap)


def rekap_dpa(dpa: DPA, *, sampai_bulan: int = 12, dari_bulan: int = 1) -> PohonAnggaran:
    """Totals of a DPA per kegiatan, program and OPD, summed from its lines (one query):
    realisation cumulative up to `sampai_bulan`, or of one month with dari_bulan=sampai_bulan.
    The lines are the truth; a total stated in a document is never used."""
    return _pohon(rincian_dengan_realisasi(dpa, sampai_bulan=sampai_bulan, dari_bulan=dari_bulan))


def rekap_dpa_banyak(
    dpa_ids, *, sampai_bulan: int = 12, dari_bulan: int = 1, baris: bool = True
) -> dict[int, PohonAnggaran]:
    """rekap_dpa of many DPAs at once, by DPA id, in a fixed number of queries whatever their
    number. `baris=False`: the totals per kegiatan, program and DPA only, summed from the
    lines read as values (the dashboard and the consistency check need no line)."""
    dpa_ids = list(dpa_ids)
    if not baris:
        return _total_dpa(dpa_ids, sampai_bulan=sampai_bulan, dari_bulan=dari_bulan)
    per_dpa = defaultdict(list)
    for r in _rincian(
        RincianDPA.objects.filter(dpa_id__in=dpa_ids),
        sampai_bulan=sampai_bulan,
        dari_bulan=dari_bulan,
    ):
        per_dpa[r.dpa_id].append(r)
    return {d: _pohon(per_dpa[d]) for d in dpa_ids}


def _total_dpa(dpa_ids: list[int], *, sampai_bulan: int, dari_bulan: int):
    """PohonAnggaran of many DPAs without their lines (2 queries): the same sums as _pohon."""
    nilai = list(
        _dengan_total(
            RincianDPA.objects.filter(dpa_id__in=dpa_ids),
            sampai_bulan=sampai_bulan,
            dari_bulan=dari_bulan,
        ).values_list("dpa_id", "kegiatan_id", "pagu", "total_realisasi")
    )
    kegiatan = Kegiatan.objects.select_related("program").in_bulk({n[1] for n in nilai})
    per_kegiatan = defaultdict(lambda: defaultdict(list))
    for dpa_id, kegiatan_id, pagu, total in nilai:
        per_kegiatan[dpa_id][kegiatan[kegiatan_id]].append(Rekap(pagu, total))
    hasil = {}
    for d in dpa_ids:
        rekap_kegiatan = {k: jumlahkan(v) for k, v in per_kegiatan[d].items()}
        per_program = defaultdict(list)
        for k, rk in rekap_kegiatan.items():
            per_program[k.program].append(rk)
        program = {p: jumlahkan(v) for p, v in per_program.items()}
        hasil[d] = PohonAnggaran(
            total=jumlahkan(program.values()), program=program, kegiatan=rekap_kegiatan
        )
    return hasil


def _pohon(rincian) -> PohonAnggaran:
    """The tree of one DPA from its lines annotated with `total_realisasi`."""
    per_kegiatan = defaultdict(list)
    per_program = defaultdict(list)
    baris = []
    for r in rincian:
        rk = Rekap(r.pagu, r.total_realisasi)
        baris.append((r, rk))
        per_kegiatan[r.kegiatan].append(rk)
        per_program[r.kegiatan.program].append(rk)
    kegiatan = {k: jumlahkan(v) for k, v in per_kegiatan.items()}
    program = {p: jumlahkan(v) for p, v in per_program.items()}
    return PohonAnggaran(
        total=jumlahkan(program.values()), program=program, kegiatan=kegiatan, baris=baris
    )


@dataclass
class KegiatanDPA:
    """A kegiatan of a DPA with its computed budget, its output indicator (DPAKegiatan) and
    its lines in code order."""

    kegiatan: object  # Kegiatan
    rekap: Rekap
    info: object  # DPAKegiatan or None
    baris: list  # [(RincianDPA, Rekap)]

    @property
    def sendiri(self):
        """The one line of a kegiatan budgeted as a whole (the 2019-2020 nomenclature has no
        sub kegiatan), shown as the kegiatan's own row; None when it has sub kegiatan."""
        if len(self.baris) == 1 and self.baris[0][0].sub_kegiatan_id is None:
            return self.baris[0]
        return None


@dataclass
class ProgramDPA:
    """A program of a DPA: its computed budget, its outcome indicator (DPAProgram) and its
    kegiatan in code order."""

    program: object  # Program
    rekap: Rekap
    info: object  # DPAProgram or None
    kegiatan: list  # [KegiatanDPA]

    @property
    def indikator(self) -> str:
        return self.info.indikator if self.info else ""

    @property
    def target(self):
        return self.info.target if self.info else None

    @property
    def satuan(self) -> str:
        return self.info.satuan if self.info else ""


def susunan_dpa(dpa: DPA, pohon: PohonAnggaran) -> list[ProgramDPA]:
    """The tree of a DPA in document order, program -> kegiatan -> line, every total summed
    from the lines (rekap_dpa), with the indicators of program and kegiatan: the DPA page and
    the LKjIP both show this. Two queries."""
    # with their program or kegiatan: a page naming the indicator's unit (the indicator
    # entry page's labels) reads it without a query per row
    info_program = {
        x.program_id: x for x in DPAProgram.objects.filter(dpa=dpa).select_related("program")
    }
    info_kegiatan = {
        x.kegiatan_id: x for x in DPAKegiatan.objects.filter(dpa=dpa).select_related("kegiatan")
    }
    baris: dict = {}
    for r, rr in pohon.baris:
        baris.setdefault(r.kegiatan_id, []).append((r, rr))
    kegiatan: dict = {}
    for k, rk in sorted(pohon.kegiatan.items(), key=lambda x: x[0].kode):
        kegiatan.setdefault(k.program_id, []).append(
            KegiatanDPA(k, rk, info_kegiatan.get(k.pk), baris.get(k.pk, []))
        )
    return [
        ProgramDPA(p, rp, info_program.get(p.pk), kegiatan.get(p.pk, []))
        for p, rp in sorted(pohon.program.items(), key=lambda x: x[0].kode)
    ]


def dpa_berlaku(opd_id: int, tahun: int) -> DPA | None:
    """The budget in force for a year: the perubahan (DPPA) when there is one, else murni."""
    return dpa_berlaku_opd([opd_id], tahun).get(opd_id)


@dataclass
class AnggaranSasaran:
    """The budget of a sasaran: the sum of the programs that support it (ProgramSasaran)."""

    sasaran: object  # perencanaan.Sasaran, or None for programs linked to no sasaran
    program: list  # [(Program, Rekap)]

    @property
    def total(self) -> Rekap:
        return jumlahkan(r for _, r in self.program)


# Which sasaran of the Renstra each program supports is planning's knowledge (the links are
# kept on the Renstra page); PerencanaanConfig.ready registers how to read them.
_PROGRAM_PER_SASARAN: list[Callable[[int, int], dict]] = []


def register_program_per_sasaran(fungsi: Callable[[int, int], dict]) -> None:
    _PROGRAM_PER_SASARAN[:] = [fungsi]


def program_per_sasaran(opd_id: int, tahun: int) -> dict:
    """{sasaran: {program id}} of the Renstra covering the year, in Renstra order; empty
    without a Renstra (the DPA page then lists every program as linked to no sasaran)."""
    return _PROGRAM_PER_SASARAN[0](opd_id, tahun) if _PROGRAM_PER_SASARAN else {}


def rekap_per_sasaran(pohon: PohonAnggaran, sasaran_program: dict) -> list[AnggaranSasaran]:
    """Budget per sasaran from a DPA's program totals. `sasaran_program` maps each sasaran
    (in Renstra order) to its program ids; programs of the DPA linked to no sasaran come last
    under None, so nothing of the DPA disappears from the view. A program that supports two
    sasaran counts in both, as the LKjIP tables show it."""
    per_id = {p.pk: (p, r) for p, r in pohon.program.items()}
    hasil, terpakai = [], set()
    for sasaran, program_ids in sasaran_program.items():
        baris = sorted(
            (per_id[pid] for pid in program_ids if pid in per_id), key=lambda x: x[0].kode
        )
        terpakai.update(program_ids)
        hasil.append(AnggaranSasaran(sasaran, baris))
    lepas = [v for k, v in sorted(per_id.items(), key=lambda x: x[1][0].kode) if k not in terpakai]
    if lepas:
        hasil.append(AnggaranSasaran(None, lepas))
    return hasil


@dataclass(frozen=True)
class BedaRincian:
    """A line of the murni/perubahan comparison: jenis is ubah, tambah, hapus or sama."""

    jenis: str
    kode: str
    nama: str
    program_kode: str
    murni: Decimal | None
    perubahan: Decimal | None

    @property
    def selisih(self) -> Decimal:
        return (self.perubahan or Decimal(0)) - (self.murni or Decimal(0))


def banding_dpa(murni: DPA, perubahan: DPA) -> list[BedaRincian]:
    """Every line of the DPA murni and its DPPA side by side, by sub kegiatan (or kegiatan
    before 2021): pagu changed, added, removed or unchanged."""

    def baris(dpa):
        return {
            (r.sub_kegiatan or r.kegiatan).kode: r
            for r in RincianDPA.objects.filter(dpa=dpa).select_related(
                "kegiatan__program", "sub_kegiatan"
            )
        }

    a, b = baris(murni), baris(perubahan)
    hasil = []
    for kode in sorted(set(a) | set(b)):
        ra, rb = a.get(kode), b.get(kode)
        r = rb or ra
        if ra is None:
            jenis = "tambah"
        elif rb is None:
            jenis = "hapus"
        else:
            jenis = "sama" if ra.pagu == rb.pagu else "ubah"
        hasil.append(
            BedaRincian(
                jenis,
                kode,
                str(r.sub_kegiatan or r.kegiatan).split(" ", 1)[-1],
                r.kegiatan.program.kode,
                ra.pagu if ra else None,
                rb.pagu if rb else None,
            )
        )
    return hasil


def bulan_terakhir(dpa: DPA) -> int:
    """The last month with reported realisation (0 when none): the page's default month."""
    return RealisasiAnggaran.objects.filter(rincian__dpa=dpa).aggregate(m=Max("bulan"))["m"] or 0


def dpa_berlaku_opd(opd_ids, tahun: int) -> dict[int, DPA]:
    """The budget in force of many OPDs for a year, by OPD id, in one query: the same rule as
    dpa_berlaku (the perubahan when there is one, else the murni)."""
    hasil = {}
    for dpa in DPA.objects.filter(opd_id__in=list(opd_ids), tahun=tahun).order_by("jenis"):
        hasil[dpa.opd_id] = dpa  # "perubahan" sorts after "murni" and wins
    return hasil


def anggaran_opd(
    opd_ids, tahun: int, *, sampai_bulan: int = 12, baris: bool = True
) -> dict[int, tuple[DPA, PohonAnggaran]]:
    """The DPA in force of many OPDs with its tree (rekap_dpa; without its lines when
    `baris=False`), by OPD id, in a fixed number of queries; an OPD without a DPA is
    absent."""
    dpa = dpa_berlaku_opd(opd_ids, tahun)
    pohon = rekap_dpa_banyak([d.pk for d in dpa.values()], sampai_bulan=sampai_bulan, baris=baris)
    return {opd_id: (d, pohon[d.pk]) for opd_id, d in dpa.items()}


def impor_for_user(user) -> QuerySet[Impor]:
    """The import files a user may open: those of the OPDs they see (for_user); the
    nomenclature files (no OPD) only for roles that see every OPD."""
    qs = for_user(Impor.objects.select_related("opd", "dibuat_oleh"), user)
    if not user.kemampuan.sees_all_opd:
        qs = qs.filter(opd__isnull=False)
    return qs


@dataclass
class AnggaranOPD:
    """One OPD's line of the budget overview: its DPA murni and DPPA of the year (None when
    absent), the one in force, and the totals of the one in force up to `bulan`."""

    opd: OPD
    murni: DPA | None
    perubahan: DPA | None
    total: Rekap | None
    bulan: int

    @property
    def berlaku(self) -> DPA | None:
        return self.perubahan or self.murni


def anggaran_semua_opd(opds, tahun: int) -> list[AnggaranOPD]:
    """Every OPD's DPA of a year with the totals of the one in force, cumulative up to the
    last month with a realisation of that OPD, named (a fixed number of queries)."""
    opds = list(opds)
    dpa = defaultdict(dict)
    for d in DPA.objects.filter(opd__in=opds, tahun=tahun):
        dpa[d.opd_id][d.jenis] = d
    berlaku = {o: d.get("perubahan") or d.get("murni") for o, d in dpa.items()}
    sampai = {
        r["rincian__dpa_id"]: r["bulan"]
        for r in RealisasiAnggaran.objects.filter(rincian__dpa__in=berlaku.values())
        .values("rincian__dpa_id")
        .annotate(bulan=Max("bulan"))
    }
    # Nothing is reported after an OPD's last month: its year's total is its total up to it.
    total = {
        dpa_id: pohon.total
        for dpa_id, pohon in rekap_dpa_banyak([d.pk for d in berlaku.values()], baris=False).items()
    }
    return [
        AnggaranOPD(
            opd=o,
            murni=dpa[o.pk].get("murni"),
            perubahan=dpa[o.pk].get("perubahan"),
            total=total.get(berlaku[o.pk].pk) if o.pk in berlaku else None,
            bulan=sampai.get(berlaku[o.pk].pk, 0) if o.pk in berlaku else 0,
        )
        for o in opds
    ]
