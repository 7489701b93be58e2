"""Reads of planning data with their rules."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.anggaran.kode import parse_kode
from apps.anggaran.models import DPAKegiatan, DPAProgram, Program, RincianDPA
from apps.anggaran.perhitungan import Rekap
from apps.anggaran.selectors import anggaran_opd, dpa_berlaku, rekap_dpa, susunan_dpa
from apps.core.angka import format_nilai, format_rupiah, nama_triwulan
from apps.core.models import OPD, Pemda, PeriodeRPJMD
from apps.core.validators import format_nip

from .models import (
    PERNYATAAN_BAKU,
    DukunganSasaranDaerah,
    IndikatorDaerah,
    IndikatorKinerja,
    PerjanjianKinerja,
    PilihanNilai,
    PKBupati,
    PKIndikator,
    PKJenjang,
    PKJenjangBaris,
    PKProgram,
    ProgramSasaran,
    RencanaProgram,
    Renstra,
    Sasaran,
    SasaranDaerah,
    TargetTahunan,
    Tujuan,
    TujuanDaerah,
    pk_signatory_snapshot,
)


def pk_berlaku(opd_id: int, tahun: int) -> PerjanjianKinerja | None:
    """The PK in force for measuring a year: the latest final version (DOMAIN.md, cycle 4)."""
    return (
        PerjanjianKinerja.objects.filter(
            opd_id=opd_id, tahun=tahun, status=PerjanjianKinerja.Status.FINAL
        )
        .order_by("-versi")
        .first()
    )


def tahun_renstra(opd_ids: list[int] | None) -> set[int]:
    """Every year a Renstra of the OPDs (all when None) covers: a year source of
    apps.core.tahun, registered by PerencanaanConfig.ready."""
    qs = Renstra.objects if opd_ids is None else Renstra.objects.filter(opd_id__in=opd_ids)
    tahun = set()
    for awal, akhir in qs.values_list("tahun_awal", "tahun_akhir"):
        tahun.update(range(awal, akhir + 1))
    return tahun


def annotate_target(
    queryset: QuerySet, *, indikator_ref: str, tahun_ref: str, opd_ref: str
) -> QuerySet:
    """Annotate `target_pk` (from the latest final PK of the row's OPD and year) and
    `target_renstra` (the Renstra yearly target) onto any queryset, in the same query.

    The measurement target is target_pk, falling back to target_renstra when the year has no
    final PK; `target_sumber` says which one a page shows.
    """
    pk_terakhir = (
        PerjanjianKinerja.objects.filter(
            opd_id=OuterRef(OuterRef(opd_ref)),
            tahun=OuterRef(OuterRef(tahun_ref)),
            status=PerjanjianKinerja.Status.FINAL,
        )
        .order_by("-versi")
        .values("pk")[:1]
    )
    target_pk = PKIndikator.objects.filter(
        indikator_id=OuterRef(indikator_ref), pk_dokumen_id=Subquery(pk_terakhir)
    ).values("target")[:1]
    target_renstra = TargetTahunan.objects.filter(
        indikator_id=OuterRef(indikator_ref), tahun=OuterRef(tahun_ref)
    ).values("target")[:1]
    return queryset.annotate(target_pk=Subquery(target_pk), target_renstra=Subquery(target_renstra))


# ------------------------------------------------------------------------------------------
# The Renstra tree and the PK document
# ------------------------------------------------------------------------------------------


def renstra_tahun(opd_id: int, tahun: int) -> Renstra | None:
    """The Renstra whose period covers a year (periods of one OPD never overlap)."""
    return renstra_tahun_opd([opd_id], tahun).get(opd_id)


def program_sasaran_tahun(opd_id: int, tahun: int) -> dict:
    """{sasaran: {program id}} of the Renstra covering the year, in Renstra order ({} without
    one): registered for the DPA page's budget per sasaran (apps.anggaran.selectors)."""
    renstra = renstra_tahun(opd_id, tahun)
    if renstra is None:
        return {}
    return {
        s: {p.pk for p in s.program.all()}
        for s in Sasaran.objects.filter(tujuan__renstra=renstra)
        .prefetch_related("program")
        .order_by("tujuan__nomor", "nomor")
    }


def renstra_tahun_opd(opd_ids: Iterable[int], tahun: int) -> dict[int, Renstra]:
    """renstra_tahun of many OPDs, by OPD id, in one query; an OPD without one is absent."""
    hasil = {}
    for renstra in Renstra.objects.filter(
        opd_id__in=list(opd_ids), tahun_awal__lte=tahun, tahun_akhir__gte=tahun
    ).order_by("-tahun_awal"):
        hasil.setdefault(renstra.opd_id, renstra)
    return hasil


def periode_rpjmd_tahun(tahun: int) -> PeriodeRPJMD | None:
    """The RPJMD period covering a year (the latest one should two overlap), or None."""
    return (
        PeriodeRPJMD.objects.filter(tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal")
        .first()
    )


def sasaran_daerah_periode(periode_id: int | None) -> QuerySet[SasaranDaerah]:
    """The sasaran daerah of an RPJMD period in the plan's order (none without a period)."""
    if periode_id is None:
        return SasaranDaerah.objects.none()
    return (
        SasaranDaerah.objects.filter(tujuan__periode_id=periode_id)
        .select_related("tujuan")
        .order_by("tujuan__nomor", "nomor")
    )


def pohon_renstra(renstra: Renstra, *, dengan_daerah: bool = False) -> list[Tujuan]:
    """tujuan -> sasaran (misi, programs; with `dengan_daerah` the sasaran daerah each
    supports, for the Renstra page) -> indikator (allowed text values, yearly targets as
    `target_per_tahun` {tahun: TargetTahunan}), in a fixed number of queries."""
    lanjut = ["program"]
    if dengan_daerah:
        lanjut.append(
            Prefetch("sasaran_daerah", queryset=SasaranDaerah.objects.select_related("tujuan"))
        )
    tujuan = list(
        renstra.tujuan.order_by("nomor").prefetch_related(
            Prefetch(
                "sasaran",
                queryset=Sasaran.objects.select_related("misi")
                .prefetch_related(*lanjut)
                .order_by("nomor"),
            ),
            Prefetch(
                "sasaran__indikator",
                queryset=IndikatorKinerja.objects.order_by("nomor").prefetch_related(
                    "pilihan", "target_tahunan"
                ),
            ),
        )
    )
    for t in tujuan:
        for s in t.sasaran.all():
            for ind in s.indikator.all():
                ind.target_per_tahun = {x.tahun: x for x in ind.target_tahunan.all()}
    return tujuan


def pk_tahun(opd_id: int, tahun: int) -> list[PerjanjianKinerja]:
    """Every version of a year's PK, induk first."""
    return pk_tahun_opd([opd_id], tahun).get(opd_id, [])


def pk_tahun_opd(opd_ids: Iterable[int], tahun: int) -> dict[int, list[PerjanjianKinerja]]:
    """pk_tahun of many OPDs, by OPD id, in one query; an OPD without a PK is absent."""
    hasil = defaultdict(list)
    for pk in PerjanjianKinerja.objects.filter(opd_id__in=list(opd_ids), tahun=tahun).order_by(
        "opd_id", "versi"
    ):
        hasil[pk.opd_id].append(pk)
    return dict(hasil)


def tampil_target(angka, teks) -> str:
    """A target as documents print it: `80`, `78,2`, or the text value."""
    return teks if angka is None else format_nilai(angka)


@dataclass(frozen=True)
class BarisTargetPK:
    nomor: int  # number of the sasaran in the document
    sasaran: str
    indikator: str
    satuan: str
    target: str
    indikator_id: int


@dataclass(frozen=True)
class BarisProgramPK:
    nomor: int
    kode: str
    program: str
    anggaran: Decimal
    keterangan: str
    program_id: int


def tempat_tanggal(pk, pemda) -> str:
    """The place and date above a PK's signatures (an OPD's, a PK berjenjang, the Bupati's):
    "Magetan, 2 Januari 2023"; "Magetan, November 2023" when the signed document prints the
    month only (`tanggal_lengkap` False); dots to write on while it has no date."""
    tempat = pk.tempat or (pemda.ibu_kota if pemda else "")
    if pk.tanggal is None:
        return f"{tempat}, ........................ {pk.tahun}"
    lengkap = getattr(pk, "tanggal_lengkap", True)
    return f"{tempat}, {date_format(pk.tanggal, 'j F Y' if lengkap else 'F Y')}"


@dataclass
class DokumenPK:
    """What the PK page and its PDF print: the agreement, its target and budget tables."""

    pk: PerjanjianKinerja
    pemda: Pemda | None
    target: list[BarisTargetPK]
    program: list[BarisProgramPK]

    @property
    def pernyataan(self) -> str:
        """The promise text; a PK recorded without one prints the standard text."""
        return self.pk.pernyataan.strip() or PERNYATAAN_BAKU

    @property
    def total_anggaran(self) -> Decimal:
        return sum((p.anggaran for p in self.program), Decimal(0))

    @property
    def tempat_tanggal(self) -> str:
        return tempat_tanggal(self.pk, self.pemda)


def pk_dokumen(pk: PerjanjianKinerja) -> DokumenPK:
    """The PK as a document: targets grouped by sasaran in Renstra order, numbered as the
    document numbers them, programs in code order. Signatories come from the PK's own snapshot
    (pk_copy_signatories), so a later change of an official's record does not rewrite it."""
    return DokumenPK(
        pk=pk,
        pemda=Pemda.objects.first(),
        target=baris_target_pk([pk.pk]).get(pk.pk, []),
        program=baris_program_pk([pk.pk]).get(pk.pk, []),
    )


def baris_target_pk(pk_ids: Iterable[int]) -> dict[int, list[BarisTargetPK]]:
    """The target table of many PKs, by PK id, in one query: rows in Renstra order (tujuan,
    sasaran, indikator), the sasaran numbered from 1 in each document."""
    hasil = defaultdict(list)
    terakhir = {}  # PK id -> (number, id) of its last sasaran
    for pk_id, sasaran_id, uraian, nama, satuan, target, target_teks, indikator_id in (
        PKIndikator.objects.filter(pk_dokumen_id__in=list(pk_ids))
        .order_by(
            "pk_dokumen_id",
            "indikator__sasaran__tujuan__nomor",
            "indikator__sasaran__nomor",
            "indikator__nomor",
            "indikator_id",
        )
        .values_list(
            "pk_dokumen_id",
            "indikator__sasaran_id",
            "indikator__sasaran__uraian",
            "indikator__nama",
            "indikator__satuan",
            "target",
            "target_teks",
            "indikator_id",
        )
    ):
        nomor, terakhir_id = terakhir.get(pk_id, (0, None))
        if sasaran_id != terakhir_id:
            nomor = nomor + 1
            terakhir[pk_id] = (nomor, sasaran_id)
        hasil[pk_id].append(
            BarisTargetPK(
                nomor, uraian, nama, satuan, tampil_target(target, target_teks), indikator_id
            )
        )
    return dict(hasil)


def baris_program_pk(pk_ids: Iterable[int]) -> dict[int, list[BarisProgramPK]]:
    """The budget table of many PKs, by PK id, in one query: programs in code order."""
    hasil = defaultdict(list)
    for pk_id, kode, nama, anggaran, keterangan, program_id in (
        PKProgram.objects.filter(pk_dokumen_id__in=list(pk_ids))
        .order_by("pk_dokumen_id", "program__kode")
        .values_list(
            "pk_dokumen_id",
            "program__kode",
            "program__nama",
            "anggaran",
            "keterangan",
            "program_id",
        )
    ):
        baris = hasil[pk_id]
        baris.append(BarisProgramPK(len(baris) + 1, kode, nama, anggaran, keterangan, program_id))
    return dict(hasil)


def program_opd(renstra: Renstra) -> QuerySet[Program]:
    """The programs an OPD works with in a Renstra period: those of its DPA lines and PKs in
    the period, those of its urusan/bidang, and those already linked to its sasaran."""
    opd = renstra.opd
    tahun = {"gte": renstra.tahun_awal, "lte": renstra.tahun_akhir}
    q = Q(
        kegiatan__rincian__dpa__opd=opd,
        kegiatan__rincian__dpa__tahun__gte=tahun["gte"],
        kegiatan__rincian__dpa__tahun__lte=tahun["lte"],
    ) | Q(sasaran__tujuan__renstra=renstra)
    if opd.kode_bidang:
        q |= Q(kode__startswith=f"{opd.kode_bidang}.")
    pk_program = PKProgram.objects.filter(
        pk_dokumen__opd=opd,
        pk_dokumen__tahun__gte=tahun["gte"],
        pk_dokumen__tahun__lte=tahun["lte"],
    ).values("program_id")
    q |= Q(pk__in=pk_program)
    return Program.objects.filter(q).distinct().order_by("kode")


# ------------------------------------------------------------------------------------------
# Comparing two versions of a PK
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Beda:
    """One line of a comparison: `jenis` is ubah, tambah, hapus or sama."""

    jenis: str
    label: str
    lama: str
    baru: str
    konteks: str = ""  # the sasaran of a target
    selisih: str = ""  # of a budget: "+Rp 1.000" or "−Rp 1.000"


@dataclass
class BandingPK:
    lama: PerjanjianKinerja
    baru: PerjanjianKinerja
    dokumen: list[Beda]
    target: list[Beda]
    program: list[Beda]

    @property
    def jumlah_perubahan(self) -> int:
        return sum(b.jenis != "sama" for b in self.dokumen + self.target + self.program)


def _pihak(pk: PerjanjianKinerja, pihak: str) -> str:
    nama = getattr(pk, f"{pihak}_nama")
    bagian = [nama or "(belum dipilih)", getattr(pk, f"{pihak}_jabatan")]
    if getattr(pk, f"{pihak}_pangkat"):
        bagian.append(getattr(pk, f"{pihak}_pangkat"))
    if getattr(pk, f"{pihak}_nip"):
        bagian.append(f"NIP {format_nip(getattr(pk, f'{pihak}_nip'))}")
    return ", ".join(b for b in bagian if b)


def _beda(label: str, lama: str, baru: str, **kwargs) -> Beda:
    return Beda("sama" if lama == baru else "ubah", label, lama, baru, **kwargs)


def _rp(nilai: Decimal) -> str:
    """Rupiah with the sen only when there are any (a difference of 40 sen must not read
    "selisih Rp 0")."""
    return format_rupiah(nilai, sen=None)


def _selisih(nilai: Decimal) -> str:
    if not nilai:
        return ""
    return f"{'+' if nilai > 0 else '−'}{_rp(abs(nilai))}"


def pk_banding(lama: PerjanjianKinerja, baru: PerjanjianKinerja) -> BandingPK:
    """What changed from one version of a PK to another: signatories, date, place, statement,
    each target (changed, added, removed) and each program budget with its difference."""
    a, b = pk_dokumen(lama), pk_dokumen(baru)
    dokumen = [
        _beda("Pihak pertama", _pihak(lama, "pihak_pertama"), _pihak(baru, "pihak_pertama")),
        _beda("Pihak kedua", _pihak(lama, "pihak_kedua"), _pihak(baru, "pihak_kedua")),
        _beda("Tempat dan tanggal", a.tempat_tanggal, b.tempat_tanggal),
        _beda("Teks pernyataan", "", "" if lama.pernyataan == baru.pernyataan else "diubah"),
    ]
    target = []
    ta = {r.indikator_id: r for r in a.target}
    tb = {r.indikator_id: r for r in b.target}
    for key in list(ta) + [k for k in tb if k not in ta]:
        ra, rb = ta.get(key), tb.get(key)
        label = (rb or ra).indikator
        ket = (rb or ra).sasaran
        if ra is None:
            target.append(Beda("tambah", label, "", rb.target, konteks=ket))
        elif rb is None:
            target.append(Beda("hapus", label, ra.target, "", konteks=ket))
        else:
            target.append(_beda(label, ra.target, rb.target, konteks=ket))
    program = []
    pa = {r.program_id: r for r in a.program}
    pb = {r.program_id: r for r in b.program}
    for key in list(pa) + [k for k in pb if k not in pa]:
        ra, rb = pa.get(key), pb.get(key)
        label = f"{(rb or ra).kode} {(rb or ra).program}"
        if ra is None:
            program.append(Beda("tambah", label, "", _rp(rb.anggaran)))
        elif rb is None:
            program.append(Beda("hapus", label, _rp(ra.anggaran), ""))
        else:
            selisih = rb.anggaran - ra.anggaran
            program.append(
                _beda(label, _rp(ra.anggaran), _rp(rb.anggaran), selisih=_selisih(selisih))
            )
    total_a, total_b = a.total_anggaran, b.total_anggaran
    program.append(
        _beda("Jumlah anggaran", _rp(total_a), _rp(total_b), selisih=_selisih(total_b - total_a))
    )
    return BandingPK(lama=lama, baru=baru, dokumen=dokumen, target=target, program=program)


# ------------------------------------------------------------------------------------------
# Consistency checks of an OPD's year
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Peringatan:
    """A warning, never a block: what is inconsistent and where to fix it."""

    jenis: str
    pesan: str
    tautan: str
    label_tautan: str = "Perbaiki"


JENIS_PERINGATAN = {
    "tanpa_renstra": "Tahun tanpa Renstra",
    "target_berbeda": "Target PK berbeda dengan target Renstra",
    "anggaran_berbeda": "Anggaran PK berbeda dengan pagu DPA",
    "tanpa_realisasi": "Indikator PK tanpa isian realisasi",
    "sasaran_tanpa_indikator": "Sasaran tanpa indikator",
    "sasaran_tanpa_sasaran_daerah": "Sasaran tidak mendukung sasaran RPJMD",
    "program_tanpa_sasaran": "Program tidak terhubung ke sasaran",
    "simpul_tanpa_indikator": "Program, kegiatan atau sub kegiatan DPA tanpa indikator",
}


# Whether realisasi were entered in time is pengukuran's knowledge, in the app above this one;
# PengukuranConfig.ready registers how to read it: fungsi(opd_ids, tahun, *, hari_ini,
# indikator_ids) -> ({opd id: [closed triwulan]}, {(indikator id, triwulan) with a value}).
_PENGISIAN: list[Callable] = []


def register_pengisian_reader(fungsi: Callable) -> None:
    _PENGISIAN[:] = [fungsi]


def konsistensi(opd, tahun: int, *, hari_ini=None) -> list[Peringatan]:
    """Every inconsistency of an OPD's year (see konsistensi_opd)."""
    return konsistensi_opd([opd], tahun, hari_ini=hari_ini)[opd.pk]


def konsistensi_opd(
    opds: Iterable[OPD] | QuerySet[OPD], tahun: int, *, hari_ini=None, anggaran: dict | None = None
) -> dict[int, list[Peringatan]]:
    """Every inconsistency of the year of each OPD, by OPD id, in the order of
    JENIS_PERINGATAN, in a fixed number of queries whatever the number of OPDs:

    - a target of the year's latest PK version that differs from (or is missing in) the
      Renstra target of the year;
    - a PK program budget that differs from the pagu of the DPA in force (summed from its
      lines), a DPA program missing from the PK, or no DPA at all;
    - an indicator of the PK in force whose realisasi cannot be entered (a text indicator
      without allowed values; no final PK yet) or was not entered for a triwulan whose input
      window has closed;
    - a sasaran of the Renstra with no indicator;
    - a sasaran of the Renstra supporting no sasaran daerah of its RPJMD period, once that
      period has sasaran daerah;
    - a program of the DPA or the PK linked to no sasaran of the Renstra;
    - a program, kegiatan or sub kegiatan of the DPA in force for which the DPA states no
      indicator: its node of the pohon kinerja cannot be measured (apps.laporan.pohon reads
      the same rule: a kegiatan budgeted as one line before 2021 has the line's indicator).

    A year without a Renstra has that one warning only. At most 16 queries (plus reading
    `opds` when it is a QuerySet); a query whose ids are all absent is not run. `anggaran`:
    the DPA in force of the OPDs with its tree ({opd id: (DPA, PohonAnggaran)}, from
    apps.anggaran.selectors.anggaran_opd) when the caller has read it already.
    """
    hari_ini = hari_ini or timezone.localdate()
    opd_ids = list(dict.fromkeys(o.pk for o in opds))
    renstra = renstra_tahun_opd(opd_ids, tahun)
    diperiksa = [o for o in opd_ids if o in renstra]
    versi = pk_tahun_opd(diperiksa, tahun)
    terakhir = {o: v[-1] for o, v in versi.items()}
    berlaku = {
        o: pk for o, v in versi.items() for pk in v if pk.status == PerjanjianKinerja.Status.FINAL
    }  # the latest final one wins
    pk_ids = [pk.pk for pk in terakhir.values()]
    berlaku_ids = [pk.pk for pk in berlaku.values()]
    target = baris_target_pk(pk_ids)
    program = baris_program_pk(pk_ids)
    renstra_target = {
        indikator_id: tampil_target(target, target_teks)
        for indikator_id, target, target_teks in TargetTahunan.objects.filter(
            indikator__target_pk__pk_dokumen_id__in=pk_ids, tahun=tahun
        )
        .order_by()
        .values_list("indikator_id", "target", "target_teks")
    }
    if anggaran is None:
        anggaran = anggaran_opd(diperiksa, tahun, baris=False)
    dpa = {o: d for o, (d, _) in anggaran.items() if o in set(diperiksa)}
    pagu = {
        d.pk: {p.pk: (p, r.pagu) for p, r in pohon.program.items()}
        for o, (d, pohon) in anggaran.items()
        if o in dpa
    }
    indikator = _indikator_pk(berlaku_ids)
    tanpa_indikator = _dpa_tanpa_indikator(dpa, anggaran) if dpa else {}
    ditutup, terisi = {}, set()
    if _PENGISIAN and berlaku_ids:
        ditutup, terisi = _PENGISIAN[0](
            list(berlaku),
            tahun,
            hari_ini=hari_ini,
            indikator_ids=PKIndikator.objects.filter(pk_dokumen_id__in=berlaku_ids).values(
                "indikator_id"
            ),
        )
    renstra_ids = [r.pk for r in renstra.values()]
    sasaran_kosong = defaultdict(list)
    for s in (
        Sasaran.objects.filter(tujuan__renstra_id__in=renstra_ids, indikator__isnull=True)
        .select_related("tujuan")
        .order_by("tujuan__nomor", "nomor")
    ):
        sasaran_kosong[s.tujuan.renstra_id].append(s)
    # A sasaran linked to no sasaran daerah, once its RPJMD period has sasaran daerah to link
    # to (the first step of the pohon kinerja).
    tanpa_daerah = defaultdict(list)
    for s in (
        Sasaran.objects.filter(tujuan__renstra_id__in=renstra_ids)
        .filter(
            Exists(
                SasaranDaerah.objects.filter(
                    tujuan__periode_id=OuterRef("tujuan__renstra__periode_rpjmd_id")
                )
            )
        )
        .exclude(Exists(DukunganSasaranDaerah.objects.filter(sasaran_id=OuterRef("pk"))))
        .select_related("tujuan")
        .order_by("tujuan__nomor", "nomor")
    ):
        tanpa_daerah[s.tujuan.renstra_id].append(s)
    terhubung = defaultdict(set)
    for renstra_id, program_id in (
        ProgramSasaran.objects.filter(sasaran__tujuan__renstra_id__in=renstra_ids)
        .order_by()
        .values_list("sasaran__tujuan__renstra_id", "program_id")
    ):
        terhubung[renstra_id].add(program_id)

    hasil = {}
    for opd_id in opd_ids:
        if opd_id not in renstra:
            hasil[opd_id] = [
                Peringatan(
                    "tanpa_renstra",
                    f"Tidak ada Renstra yang mencakup tahun {tahun}.",
                    reverse("perencanaan:opd", args=[opd_id]),
                    "Buat Renstra",
                )
            ]
            continue
        r, pk, final, d = (
            renstra[opd_id],
            terakhir.get(opd_id),
            berlaku.get(opd_id),
            dpa.get(opd_id),
        )
        hasil[opd_id] = _peringatan(
            opd_id,
            tahun,
            r,
            pk,
            final,
            target=target.get(pk.pk, []) if pk else [],
            program=program.get(pk.pk, []) if pk else [],
            renstra_target=renstra_target,
            dpa=d,
            pagu=pagu[d.pk] if d else {},
            indikator=indikator.get(final.pk, []) if final else [],
            ditutup=ditutup.get(opd_id, []),
            terisi=terisi,
            sasaran_kosong=sasaran_kosong[r.pk],
            tanpa_daerah=tanpa_daerah[r.pk],
            terhubung=terhubung[r.pk],
            tanpa_indikator=tanpa_indikator.get(opd_id, []),
        )
    return hasil


def _dpa_tanpa_indikator(dpa: dict, anggaran: dict) -> dict[int, list[Peringatan]]:
    """The warnings of the DPA nodes without an indicator, by OPD id (3 queries): a program
    without its outcome indicator, a kegiatan without its output indicator (before 2021 a
    kegiatan budgeted as one line takes the line's), a sub kegiatan line without one."""
    ids = [d.pk for d in dpa.values()]
    ada_program = set(
        DPAProgram.objects.filter(dpa_id__in=ids)
        .exclude(indikator="")
        .values_list("dpa_id", "program_id")
    )
    ada_kegiatan = set(
        DPAKegiatan.objects.filter(dpa_id__in=ids)
        .exclude(indikator="")
        .values_list("dpa_id", "kegiatan_id")
    )
    kosong = defaultdict(list)
    for dpa_id, pk, kegiatan_id, sub_id, indikator, kode, nama in (
        RincianDPA.objects.filter(dpa_id__in=ids)
        .filter(Q(sub_kegiatan__isnull=True) | Q(indikator=""))
        .order_by("sub_kegiatan__kode")
        .values_list(
            "dpa_id",
            "pk",
            "kegiatan_id",
            "sub_kegiatan_id",
            "indikator",
            "sub_kegiatan__kode",
            "sub_kegiatan__nama",
        )
    ):
        if sub_id is None:
            if indikator:
                ada_kegiatan.add((dpa_id, kegiatan_id))
        else:
            kosong[dpa_id].append((pk, kode, nama))
    hasil = {}
    for opd_id, d in dpa.items():
        _, pohon = anggaran[opd_id]
        url_indikator = reverse("anggaran:indikator", args=[opd_id, d.tahun])
        url_dpa = reverse("anggaran:dpa", args=[opd_id, d.tahun])
        dpa_nama = f"{d.get_jenis_display()} {d.tahun}"
        daftar = [
            Peringatan(
                "simpul_tanpa_indikator",
                f"Program {p.kode} {p.nama}: {dpa_nama} tidak mencantumkan indikator "
                "kinerja programnya (outcome); simpulnya di pohon kinerja tidak dapat diukur.",
                f"{url_indikator}#program-{p.pk}",
                "Lihat",
            )
            for p in sorted(pohon.program, key=lambda x: x.kode)
            if (d.pk, p.pk) not in ada_program
        ]
        daftar += [
            Peringatan(
                "simpul_tanpa_indikator",
                f"Kegiatan {k.kode} {k.nama}: {dpa_nama} tidak mencantumkan indikator "
                "keluarannya (output).",
                f"{url_indikator}#kegiatan-{k.pk}",
                "Lihat",
            )
            for k in sorted(pohon.kegiatan, key=lambda x: x.kode)
            if (d.pk, k.pk) not in ada_kegiatan
        ]
        daftar += [
            Peringatan(
                "simpul_tanpa_indikator",
                f"Sub kegiatan {kode} {nama}: {dpa_nama} tidak mencantumkan indikator keluarannya.",
                f"{url_dpa}#rincian-{pk}",
                "Lihat",
            )
            for pk, kode, nama in kosong[d.pk]
        ]
        hasil[opd_id] = daftar
    return hasil


@dataclass(frozen=True)
class _IndikatorPK:
    """What the consistency check reads of an indicator of a PK in force."""

    pk: int
    nama: str
    jenis_nilai: str
    ada_pilihan: bool  # it has allowed text values


def _indikator_pk(pk_ids: Iterable[int]) -> dict[int, list[_IndikatorPK]]:
    """The indicators of many PKs, by PK id, ordered by sasaran number and indicator number
    (ties by tujuan, then id, so one OPD's order does not depend on which other OPDs are
    checked with it). One query, no model instances."""
    hasil = defaultdict(list)
    for pk_id, ind_id, nama, jenis, ada_pilihan in (
        PKIndikator.objects.filter(pk_dokumen_id__in=list(pk_ids))
        .annotate(
            ada_pilihan=Exists(PilihanNilai.objects.filter(indikator_id=OuterRef("indikator_id")))
        )
        .order_by(
            "pk_dokumen_id",
            "indikator__sasaran__nomor",
            "indikator__nomor",
            "indikator__sasaran__tujuan__nomor",
            "indikator_id",
        )
        .values_list(
            "pk_dokumen_id",
            "indikator_id",
            "indikator__nama",
            "indikator__jenis_nilai",
            "ada_pilihan",
        )
    ):
        hasil[pk_id].append(_IndikatorPK(ind_id, nama, jenis, ada_pilihan))
    return dict(hasil)


def _peringatan(
    opd_id,
    tahun,
    renstra,
    pk,
    berlaku,
    *,
    target,
    program,
    renstra_target,
    dpa,
    pagu,
    indikator,
    ditutup,
    terisi,
    sasaran_kosong,
    tanpa_daerah,
    terhubung,
    tanpa_indikator,
) -> list[Peringatan]:
    """The warnings of one OPD's year from its data fetched by konsistensi_opd (no query)."""
    hasil: list[Peringatan] = []
    url_opd = reverse("perencanaan:opd", args=[opd_id])
    url_pohon = reverse("perencanaan:renstra", args=[renstra.pk])
    url_pk = reverse("perencanaan:pk", args=[pk.pk]) if pk else url_opd

    def tautan_target(ind_id):
        if pk and pk.status == PerjanjianKinerja.Status.DRAFT:
            return f"{url_pk}#target-{ind_id}"
        return f"{url_pohon}?tahun={tahun}#indikator-{ind_id}"

    if pk is not None:
        for row in target:
            r = renstra_target.get(row.indikator_id)
            if r is None:
                hasil.append(
                    Peringatan(
                        "target_berbeda",
                        f"{row.indikator}: target {pk.judul} {row.target}, "
                        f"Renstra tidak memiliki target {tahun}.",
                        tautan_target(row.indikator_id),
                    )
                )
            elif r != row.target:
                hasil.append(
                    Peringatan(
                        "target_berbeda",
                        f"{row.indikator}: target {pk.judul} {row.target}, "
                        f"target Renstra {tahun} {r}.",
                        tautan_target(row.indikator_id),
                    )
                )

        if pk.status == PerjanjianKinerja.Status.DRAFT:
            tautan_pk, label_pk = f"{url_pk}#program", "Perbaiki"
        else:
            tautan_pk, label_pk = f"{url_pk}#perubahan", "Buat perubahan PK"
        if dpa is None:
            hasil.append(
                Peringatan(
                    "anggaran_berbeda",
                    f"Belum ada DPA tahun {tahun}: anggaran "
                    "program PK tidak dapat dibandingkan dengan pagu.",
                    reverse("admin:anggaran_dpa_add"),
                    "Isi DPA",
                )
            )
        else:
            for row in program:
                dpa_pagu = pagu.get(row.program_id, (None, None))[1]
                if dpa_pagu is None:
                    hasil.append(
                        Peringatan(
                            "anggaran_berbeda",
                            f"{row.kode} {row.program}: ada di {pk.judul} "
                            f"({_rp(row.anggaran)}) tetapi tidak ada di "
                            f"{dpa.get_jenis_display()} {tahun}.",
                            tautan_pk,
                            label_pk,
                        )
                    )
                elif dpa_pagu != row.anggaran:
                    hasil.append(
                        Peringatan(
                            "anggaran_berbeda",
                            f"{row.kode} {row.program}: anggaran {pk.judul} "
                            f"{_rp(row.anggaran)}, pagu {dpa.get_jenis_display()} "
                            f"{_rp(dpa_pagu)} (selisih "
                            f"{_rp(abs(row.anggaran - dpa_pagu))}).",
                            tautan_pk,
                            label_pk,
                        )
                    )
            ada = {row.program_id for row in program}
            for pid, (p, nilai) in sorted(pagu.items(), key=lambda x: x[1][0].kode):
                if pid not in ada:
                    hasil.append(
                        Peringatan(
                            "anggaran_berbeda",
                            f"{p.kode} {p.nama}: ada di "
                            f"{dpa.get_jenis_display()} {tahun} (pagu {_rp(nilai)}) tetapi "
                            f"tidak ada di {pk.judul}.",
                            tautan_pk,
                            label_pk,
                        )
                    )

    if berlaku is None:
        if pk is not None:
            hasil.append(
                Peringatan(
                    "tanpa_realisasi",
                    f"Belum ada Perjanjian Kinerja final "
                    f"tahun {tahun}: realisasi belum dapat diisi.",
                    url_pk,
                    "Finalkan PK",
                )
            )
    else:
        for ind in indikator:
            if ind.jenis_nilai == IndikatorKinerja.JenisNilai.TEKS and not ind.ada_pilihan:
                hasil.append(
                    Peringatan(
                        "tanpa_realisasi",
                        f"{ind.nama}: indikator bernilai teks tanpa pilihan "
                        "nilai; realisasinya tidak dapat diisi.",
                        reverse("admin:perencanaan_indikatorkinerja_change", args=[ind.pk]),
                        "Isi pilihan nilai",
                    )
                )
                continue
            kosong = [tw for tw in ditutup if (ind.pk, tw) not in terisi]
            if kosong:
                hasil.append(
                    Peringatan(
                        "tanpa_realisasi",
                        f"{ind.nama}: belum ada realisasi "
                        f"{', '.join(nama_triwulan(tw) for tw in kosong)} "
                        "padahal jadwal pengisiannya sudah ditutup.",
                        reverse("pengukuran:pengisian", args=[opd_id, tahun, kosong[0]])
                        + f"#indikator-{ind.pk}",
                        "Isi realisasi",
                    )
                )

    for s in sasaran_kosong:
        hasil.append(
            Peringatan(
                "sasaran_tanpa_indikator",
                f"Sasaran “{s.uraian}” belum memiliki indikator.",
                f"{url_pohon}#sasaran-{s.pk}",
            )
        )
    for s in tanpa_daerah:
        hasil.append(
            Peringatan(
                "sasaran_tanpa_sasaran_daerah",
                f"Sasaran “{s.uraian}” belum terhubung ke sasaran RPJMD yang didukungnya.",
                f"{url_pohon}#sasaran-{s.pk}",
            )
        )

    # The programs the year uses: those of the latest PK and those of the DPA's lines.
    dipakai = {row.program_id: (row.kode, row.program) for row in program}
    dipakai.update({pid: (p.kode, p.nama) for pid, (p, _) in pagu.items()})
    for pid, (kode, nama) in sorted(dipakai.items(), key=lambda x: x[1][0]):
        if pid not in terhubung:
            hasil.append(
                Peringatan(
                    "program_tanpa_sasaran",
                    f"Program {kode} {nama} tidak terhubung ke sasaran "
                    f"mana pun pada Renstra {renstra.tahun_awal}-"
                    f"{renstra.tahun_akhir}.",
                    f"{url_pohon}#program",
                    "Hubungkan ke sasaran",
                )
            )
    hasil += tanpa_indikator
    urutan = list(JENIS_PERINGATAN)
    return sorted(hasil, key=lambda p: urutan.index(p.jenis))


# ------------------------------------------------------------------------------------------
# The Renstra matrix (Rencana Program, Kegiatan dan Pendanaan) as documents print it
# ------------------------------------------------------------------------------------------

TINGKAT_MATRIKS = {"program": 0, "kegiatan": 1, "subkegiatan": 2}


@dataclass
class BarisMatriks:
    """A row of the matrix with its rupiah: a lowest row's own, a program's or kegiatan's
    the sum of the lowest rows under it."""

    baris: RencanaProgram
    target_rp: Decimal | None
    realisasi_rp: Decimal | None
    kode: str = ""  # the code as BAB III writes it (the national nomenclature's full form)

    @property
    def melebihi_pagu(self) -> bool:
        """Realisation above the target rupiah: the same rule as the DPA's (Rekap)."""
        if self.target_rp is None or self.realisasi_rp is None:
            return False
        return Rekap(self.target_rp, self.realisasi_rp).melebihi_pagu

    @property
    def terendah(self) -> bool:
        return self.baris.target_rp is not None or self.baris.realisasi_rp is not None

    @property
    def serapan(self):
        """Realisasi Rp / target Rp × 100 (None when either is missing or the target is 0)."""
        return _serapan(self.target_rp, self.realisasi_rp)


@dataclass
class BlokMatriks:
    """One period block of the matrix (e.g. "Periode RPJMD Induk (Tahun 2019-2020)")."""

    periode: str
    tahun_awal: int
    tahun_akhir: int
    baris: list[BarisMatriks]

    @property
    def target_rp(self) -> Decimal:
        return sum((b.target_rp or 0 for b in self.baris if b.terendah), Decimal(0))

    @property
    def realisasi_rp(self) -> Decimal:
        return sum((b.realisasi_rp or 0 for b in self.baris if b.terendah), Decimal(0))

    @property
    def serapan(self):
        return _serapan(self.target_rp, self.realisasi_rp)

    @property
    def melebihi_pagu(self) -> bool:
        """The block's realisation above its target rupiah (the DPA's rule, Rekap)."""
        return Rekap(self.target_rp, self.realisasi_rp).melebihi_pagu


def _serapan(target_rp, realisasi_rp):
    if not target_rp or realisasi_rp is None:
        return None
    return Rekap(target_rp, realisasi_rp).serapan


def _kode_lengkap(kode: str, kode_bidang: str | None) -> str:
    """A matrix code in the nomenclature's full form, as BAB III prints the DPA's
    (`01.2.09.01` of the supporting program -> `7.01.01.2.09.0001`); a code the nomenclature
    does not recognise is printed as it was written."""
    try:
        return parse_kode(kode, kode_bidang=kode_bidang).teks
    except ValidationError:
        return kode


def matriks_renstra(renstra: Renstra) -> list[BlokMatriks]:
    """The matrix of a Renstra, block after block in its own order (one query). Rupiah is
    stored on the lowest rows only (sub kegiatan; kegiatan before 2021, see
    apps.perencanaan.impor.check_matriks_renstra); a program or kegiatan row shows the sum
    of the rows below it, up to the next row of its level or higher."""
    blok: dict[tuple, BlokMatriks] = {}
    bidang = renstra.opd.kode_bidang or None
    for r in RencanaProgram.objects.filter(renstra=renstra).order_by(
        "tahun_awal", "tahun_akhir", "urutan", "pk"
    ):
        kunci = (r.tahun_awal, r.tahun_akhir)
        if kunci not in blok:
            blok[kunci] = BlokMatriks(r.periode, r.tahun_awal, r.tahun_akhir, [])
        blok[kunci].baris.append(
            BarisMatriks(r, r.target_rp, r.realisasi_rp, _kode_lengkap(r.kode, bidang))
        )
    for b in blok.values():
        terbuka: list[BarisMatriks] = []  # the rows above the current one, a chain of parents
        for baris in b.baris:
            tingkat = TINGKAT_MATRIKS.get(baris.baris.tingkat, 2)
            while terbuka and TINGKAT_MATRIKS.get(terbuka[-1].baris.tingkat, 2) >= tingkat:
                terbuka.pop()
            if baris.terendah:
                for induk in terbuka:
                    if induk.terendah:
                        continue
                    induk.target_rp = (induk.target_rp or 0) + (baris.target_rp or 0)
                    induk.realisasi_rp = (induk.realisasi_rp or 0) + (baris.realisasi_rp or 0)
            terbuka.append(baris)
    return list(blok.values())


@dataclass
class SasaranDaerahRPJMD:
    """A sasaran daerah on the RPJMD page: its IKU with their targets by year, and the OPD
    sasaran that support it (only those of OPDs the reader sees)."""

    sasaran: SasaranDaerah
    indikator: list  # [(IndikatorDaerah, {tahun: TargetDaerah})]
    pendukung: list  # [Sasaran] with tujuan__renstra__opd


def rpjmd_periode(periode: PeriodeRPJMD, opd_ids) -> list[tuple[TujuanDaerah, list]]:
    """The RPJMD of a period as its page shows it: tujuan -> [SasaranDaerahRPJMD], in the
    plan's order; `opd_ids` limits the supporting sasaran to the reader's OPDs. A fixed
    number of queries whatever the number of OPDs and links."""
    tujuan = list(
        TujuanDaerah.objects.filter(periode=periode)
        .select_related("misi")
        .order_by("nomor")
        .prefetch_related(
            Prefetch("sasaran", queryset=SasaranDaerah.objects.order_by("nomor")),
            Prefetch(
                "sasaran__indikator",
                queryset=IndikatorDaerah.objects.order_by("nomor").prefetch_related(
                    "target_tahunan"
                ),
            ),
        )
    )
    pendukung = defaultdict(list)
    for d in (
        DukunganSasaranDaerah.objects.filter(
            sasaran_daerah__tujuan__periode=periode,
            sasaran__tujuan__renstra__opd_id__in=opd_ids,
        )
        .select_related("sasaran__tujuan__renstra__opd")
        .order_by(
            "sasaran__tujuan__renstra__opd__kode",
            "sasaran__tujuan__renstra__tahun_awal",
            "sasaran__tujuan__nomor",
            "sasaran__nomor",
        )
    ):
        pendukung[d.sasaran_daerah_id].append(d.sasaran)
    return [
        (
            t,
            [
                SasaranDaerahRPJMD(
                    s,
                    [(i, {x.tahun: x for x in i.target_tahunan.all()}) for i in s.indikator.all()],
                    pendukung[s.pk],
                )
                for s in t.sasaran.all()
            ],
        )
        for t in tujuan
    ]


# ------------------------------------------------------------------------------------------
# PK berjenjang: what a pejabat administrator or pengawas may promise, from the DPA in force
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisUsulan:
    unsur: str  # PKJenjangBaris.Unsur
    kode: str
    uraian: str
    indikator: str
    target: Decimal | None
    satuan: str
    anggaran: Decimal


@dataclass
class UnsurPK:
    """One choice of the PK berjenjang form: a program with its kegiatan (administrator) or
    a sub kegiatan (pengawas) of the DPA in force, the rows it adds, and the officials whose
    latest PK of the year already holds it."""

    kunci: str  # "p<program id>" or "r<DPA line id>"
    label: str
    baris: list[BarisUsulan]
    dipakai: list[str] = field(default_factory=list)


def unsur_pk_jenjang(opd_id: int, tahun: int, tingkat: str) -> list[UnsurPK]:
    """The nodes of the year's DPA in force a PK of this level may hold, in code order
    (empty without a DPA): for an administrator each program with its outcome indicator
    and its kegiatan with their output indicators; for a pengawas each sub kegiatan line
    with its indicator (before 2021, each kegiatan line). The DPA's own indicators, targets
    and budgets (summed from its lines). A fixed number of queries."""
    dpa = dpa_berlaku(opd_id, tahun)
    if dpa is None:
        return []
    susunan = susunan_dpa(dpa, rekap_dpa(dpa))
    hasil = []
    if tingkat == PKJenjang.Tingkat.ADMINISTRATOR:
        for p in susunan:
            baris = [
                BarisUsulan(
                    "program",
                    p.program.kode,
                    p.program.nama,
                    p.indikator,
                    p.target,
                    p.satuan,
                    p.rekap.pagu,
                )
            ]
            for k in p.kegiatan:
                info = k.info
                baris.append(
                    BarisUsulan(
                        "kegiatan",
                        k.kegiatan.kode,
                        k.kegiatan.nama,
                        info.indikator if info else "",
                        info.target if info else None,
                        info.satuan if info else "",
                        k.rekap.pagu,
                    )
                )
            hasil.append(UnsurPK(f"p{p.program.pk}", f"{p.program.kode} {p.program.nama}", baris))
    else:
        for p in susunan:
            for k in p.kegiatan:
                for r, rr in k.baris:
                    unsur = r.sub_kegiatan or r.kegiatan
                    hasil.append(
                        UnsurPK(
                            f"r{r.pk}",
                            f"{unsur.kode} {unsur.nama}",
                            [
                                BarisUsulan(
                                    "sub" if r.sub_kegiatan_id else "kegiatan",
                                    unsur.kode,
                                    unsur.nama,
                                    r.indikator,
                                    r.target,
                                    r.satuan,
                                    rr.pagu,
                                )
                            ],
                        )
                    )
    # Who already holds each node: the latest version of each official's PK of the year.
    terakhir = {}
    for pk in PKJenjang.objects.filter(opd_id=opd_id, tahun=tahun, tingkat=tingkat).order_by(
        "pihak_pertama_id", "versi"
    ):
        terakhir[pk.pihak_pertama_id] = pk
    kode_unsur = {u.baris[0].kode: u for u in hasil}
    for kode, nama in PKJenjangBaris.objects.filter(
        pk_dokumen__in=list(terakhir.values())
    ).values_list("kode", "pk_dokumen__pihak_pertama__nama"):
        u = kode_unsur.get(kode)
        if u is not None and nama not in u.dipakai:
            u.dipakai.append(nama)
    return hasil


@dataclass
class DokumenPKJenjang:
    """A PK berjenjang as printed: the agreement (the standard promise) and its rows."""

    pk: PKJenjang
    pemda: Pemda | None
    baris: list[PKJenjangBaris]
    pernyataan: str = PERNYATAAN_BAKU

    @property
    def total_anggaran(self) -> Decimal:
        """The budget of what is promised: the programs' (an administrator, whose kegiatan
        are part of them) or the sub kegiatan's (a pengawas)."""
        atas = "program" if any(b.unsur == "program" for b in self.baris) else None
        return sum((b.anggaran for b in self.baris if atas is None or b.unsur == atas), Decimal(0))

    @property
    def tempat_tanggal(self) -> str:
        return tempat_tanggal(self.pk, self.pemda)


def pk_jenjang_dokumen(pk: PKJenjang) -> DokumenPKJenjang:
    """The PK berjenjang as a document (2 queries); a draft's signatures read the officials
    as they are now, a final one its snapshot."""
    if pk.status == PerjanjianKinerja.Status.DRAFT:
        for pihak in ("pihak_pertama", "pihak_kedua"):
            for nama, nilai in pk_signatory_snapshot(
                pihak=pihak, pejabat=getattr(pk, pihak)
            ).items():
                setattr(pk, nama, nilai)
    return DokumenPKJenjang(pk, Pemda.objects.first(), list(pk.baris.order_by("urutan")))


PERNYATAAN_BUPATI = (
    "Berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam "
    "dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut "
    "menjadi tanggung jawab kami."
)
"""The kepala daerah's promise in the PK format of PermenPAN-RB 53/2014 (one signature)."""


@dataclass(frozen=True)
class BarisPKBupati:
    nomor: int  # the sasaran daerah's number in the document
    sasaran: str
    indikator: str
    satuan: str
    target: Decimal | None
    target_id: int


@dataclass
class DokumenPKBupati:
    pk: PKBupati
    pemda: Pemda | None
    baris: list[BarisPKBupati]
    pernyataan: str = PERNYATAAN_BUPATI

    @property
    def tempat_tanggal(self) -> str:
        return tempat_tanggal(self.pk, self.pemda)


def pk_bupati_dokumen(pk: PKBupati) -> DokumenPKBupati:
    """The Bupati's PK as a document: its IKU under their sasaran daerah in the RPJMD's
    order, the sasaran numbered from 1 (2 queries); a draft's signature reads the kepala
    daerah as now, a final one its snapshot."""
    if pk.status == PerjanjianKinerja.Status.DRAFT:
        for nama, nilai in pk_signatory_snapshot(pihak="bupati", pejabat=pk.bupati).items():
            setattr(pk, nama, nilai)
    baris, nomor = [], {}
    for t in pk.target.select_related("indikator__sasaran__tujuan").order_by(
        "indikator__sasaran__tujuan__nomor", "indikator__sasaran__nomor", "indikator__nomor"
    ):
        s = t.indikator.sasaran
        n = nomor.setdefault(s.pk, len(nomor) + 1)
        baris.append(
            BarisPKBupati(n, s.uraian, t.indikator.nama, t.indikator.satuan, t.target, t.pk)
        )
    return DokumenPKBupati(pk, Pemda.objects.first(), baris)
