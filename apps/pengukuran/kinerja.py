"""The one read model of an indicator's year: what every page, export and PDF shows of it.

`kinerja_tahun(opds, tahun)` builds, for a set of OPDs and a year, each OPD's year
(`KinerjaOPD`): the PK version in force, each of its indicators as an `IndikatorTahun` (the
target of that PK, the triwulan values with their statuses, the annual value by the
indicator's rule, capaian and predikat by the OPD's scale, the formula used, the progress
towards the Renstra end target, and on request the earlier years measured the same way),
each sasaran's and the OPD's mean capaian, and the status of each triwulan. The entry page
(`selectors.pengisian_triwulan`), the dashboard, its drill-down and exports, the recaps, the
comparison across years and the LKjIP all read it; the engine (apps.pengukuran.capaian)
computes every figure in it.

The rules it computes with (`Aturan`: the OPD's predikat scale and the kabupaten's formula
for lower-is-better indicators) are read in one place, `aturan_opd`.

Its cost does not depend on the data's size in queries (at most 9, plus 3 for the entry
page's evidence and comments, plus 1 for earlier years) and it builds model instances only
for what pages print by name (OPDs, PKs, indicators, sasaran): values are read as tuples.
"""

import datetime
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Prefetch, prefetch_related_objects
from django.utils import timezone

from apps.core.models import OPD, Pemda, RentangPredikat, SkalaPredikat
from apps.perencanaan.models import (
    IndikatorDaerah,
    IndikatorKinerja,
    PerjanjianKinerja,
    PilihanNilai,
    PKIndikator,
    Sasaran,
    TargetDaerah,
)
from apps.perencanaan.selectors import annotate_target

from . import capaian as engine
from .jendela import StatusTriwulan, status_triwulan
from .models import (
    BuktiDukung,
    CatatanVerifikasi,
    JadwalPengisian,
    PengecualianKunci,
    Realisasi,
    RealisasiDaerah,
)

# --- the rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Skala:
    """A predikat scale as the engine reads it."""

    nama: str
    tepi: str
    rentang: tuple[engine.Rentang, ...]


SKALA_KOSONG = Skala("", "bawah", ())


@dataclass(frozen=True)
class Aturan:
    """The rules an OPD's year is computed with: its predikat scale (its own, else the
    kabupaten's default) and the kabupaten's formula for lower-is-better indicators."""

    skala: Skala
    rumus_negatif: str

    @property
    def rumus(self) -> dict[str, str]:
        """The rules as the pages state them under their tables."""
        return {
            "positif": engine.RUMUS_POSITIF,
            "negatif": engine.RUMUS_NEGATIF.get(self.rumus_negatif, ""),
            "skala": self.skala.nama,
        }


# Within `aturan_sekali()`, the rules read so far: a document that measures many years and
# the kabupaten's own indicators reads the same settings and scales once, not at every call.
_ATURAN_SEKALI: ContextVar[dict | None] = ContextVar("aturan_sekali", default=None)


@contextmanager
def aturan_sekali():
    """Read the Pemda's measurement settings and each predikat scale once inside the block
    (apps.laporan.lkjip_kabupaten computes four years of the kabupaten in one document);
    outside it every call reads them afresh, so a page never keeps rules that changed."""
    token = _ATURAN_SEKALI.set({})
    try:
        yield
    finally:
        _ATURAN_SEKALI.reset(token)


def pengaturan_pemda() -> tuple[int | None, str]:
    """(default scale id, negative-polarity rule) of the kabupaten: the one place the
    Pemda's measurement settings are read (1 query)."""
    memo = _ATURAN_SEKALI.get()
    if memo is not None and "pemda" in memo:
        return memo["pemda"]
    pemda = Pemda.objects.values("skala_predikat_id", "rumus_polaritas_negatif").first() or {}
    hasil = (
        pemda.get("skala_predikat_id"),
        pemda.get("rumus_polaritas_negatif") or Pemda.RumusNegatif.SELISIH,
    )
    if memo is not None:
        memo["pemda"] = hasil
    return hasil


def aturan_opd(opds: Iterable[OPD]) -> dict[int, Aturan]:
    """The rules of each OPD (keyed by its id): 3 queries whatever their number (none for
    what was already read inside `aturan_sekali`)."""
    opds = list(opds)
    bawaan, rumus = pengaturan_pemda()
    semua = {o.skala_predikat_id or bawaan for o in opds} - {None}
    memo = _ATURAN_SEKALI.get()
    dikenal = memo.setdefault("skala", {}) if memo is not None else {}
    ids = semua - set(dikenal)
    if not ids:
        return {
            o.pk: Aturan(dikenal.get(o.skala_predikat_id or bawaan, SKALA_KOSONG), rumus)
            for o in opds
        }
    rentang: dict[int, list] = {}
    for skala_id, label, bawah, atas, warna in (
        RentangPredikat.objects.filter(skala_id__in=ids)
        # Highest band first, the open-ended lowest last, on every database (PostgreSQL puts
        # NULL first in a descending order, SQLite last: the LKjIP's scale table and the
        # charts' legends followed the database).
        .order_by("skala_id", F("batas_bawah").desc(nulls_last=True))
        .values_list("skala_id", "label", "batas_bawah", "batas_atas", "warna")
    ):
        rentang.setdefault(skala_id, []).append(engine.Rentang(label, bawah, atas, warna))
    skala = {
        pk: Skala(nama, tepi, tuple(rentang.get(pk, ())))
        for pk, nama, tepi in SkalaPredikat.objects.filter(pk__in=ids).values_list(
            "pk", "nama", "tepi"
        )
    }
    if memo is not None:
        dikenal.update(skala)
        skala = {**dikenal}
    return {
        o.pk: Aturan(skala.get(o.skala_predikat_id or bawaan, SKALA_KOSONG), rumus) for o in opds
    }


# --- the rows --------------------------------------------------------------------------------


@dataclass(slots=True)
class NilaiTriwulan:
    """A triwulan's value as the dashboard and the recaps read it (no model instance)."""

    nilai: Decimal | None
    nilai_teks: str
    status: str
    analisis: str
    solusi: str

    def get_status_display(self) -> str:
        return Realisasi.Status(self.status).label


@dataclass(frozen=True)
class TahunLalu:
    """An earlier year of an indicator, measured as its own year was: against that year's
    latest final PK target, else the Renstra target of the year (`sumber_target`)."""

    tahun: int
    target: Decimal | None
    sumber_target: str
    hasil: engine.CapaianIndikator


@dataclass(eq=False)
class IndikatorTahun:
    """One indicator of an OPD's PK in force in a year, and everything computed of it.

    `realisasi` holds the year's triwulan values: model instances (with who entered and
    verified them, their evidence and comment thread) when the read model was asked for
    `rinci`, else `NilaiTriwulan`. `hasil` is the year up to `sampai_triwulan`."""

    indikator: IndikatorKinerja
    target: Decimal | None
    target_teks: str
    aturan: Aturan
    sampai_triwulan: int
    pilihan: list[str] = field(default_factory=list)
    realisasi: dict[int, Realisasi | NilaiTriwulan] = field(default_factory=dict)
    lalu: dict[int, TahunLalu] = field(default_factory=dict)
    hasil: engine.CapaianIndikator | None = None
    teks: bool = field(init=False)  # a text-valued indicator

    sumber_target = "PK"  # the rows of a year are those of its PK in force

    def __post_init__(self):
        self.teks = self.indikator.jenis_nilai == IndikatorKinerja.JenisNilai.TEKS

    def nilai(self, tw: int):
        """The value of a triwulan: its number, or its text for a text-valued indicator."""
        r = self.realisasi.get(tw)
        if r is None:
            return None
        return (r.nilai_teks or None) if self.teks else r.nilai

    def nilai_triwulan(self) -> dict[int, object]:
        return {tw: self.nilai(tw) for tw in range(1, 5)}

    def hitung(self, sampai_triwulan: int, *, ganti: dict[int, object] | None = None):
        """The year up to a triwulan, by the engine; `ganti` replaces triwulan values (the
        entry page's live preview of what is being typed)."""
        nilai = {tw: self.nilai(tw) for tw in range(1, sampai_triwulan + 1) if tw in self.realisasi}
        nilai.update(ganti or {})
        return engine.capaian_indikator(
            jenis_nilai=self.indikator.jenis_nilai,
            agregasi=self.indikator.agregasi,
            polaritas=self.indikator.polaritas,
            target=self.target,
            target_teks=self.target_teks,
            nilai_triwulan=nilai,
            pilihan=self.pilihan,
            rumus_negatif=self.aturan.rumus_negatif,
            rentang=self.aturan.skala.rentang,
            tepi=self.aturan.skala.tepi,
        )

    @property
    def kemajuan(self) -> engine.Hasil:
        """Progress of the annual value towards the Renstra end target (seed 003,
        Tabel 3.3)."""
        if not self.hasil.tahunan.ada:
            return engine.Hasil(None, self.hasil.tahunan.alasan)
        return engine.tingkat_kemajuan(
            self.hasil.tahunan.nilai,
            self.indikator.target_akhir,
            polaritas=self.indikator.polaritas,
            rumus_negatif=self.aturan.rumus_negatif,
        )


@dataclass
class SasaranTahun:
    sasaran: Sasaran
    indikator: list[IndikatorTahun]
    capaian: engine.Hasil
    predikat: engine.Rentang | None


@dataclass
class KinerjaOPD:
    """An OPD's year: the PK in force, each sasaran with its indicators, the capaian of the
    sasaran (mean of its indicators) and of the OPD (mean of its sasaran), with predikat by
    the OPD's scale, and the status of each triwulan."""

    opd: OPD
    tahun: int
    pk: PerjanjianKinerja | None
    aturan: Aturan
    sasaran: list[SasaranTahun]
    capaian: engine.Hasil
    predikat: engine.Rentang | None
    status: dict[int, str]  # empty when read without it (kinerja_tahun(status=False))

    @property
    def skala(self) -> Skala:
        return self.aturan.skala

    @property
    def rumus_negatif(self) -> str:
        return self.aturan.rumus_negatif

    @property
    def indikator(self) -> list[IndikatorTahun]:
        return [i for s in self.sasaran for i in s.indikator]

    @property
    def terlambat(self) -> bool:
        return StatusTriwulan.TERLAMBAT in self.status.values()


# --- the status of each triwulan --------------------------------------------------------------


@dataclass(frozen=True)
class JadwalTahun:
    """The input windows of a year (by triwulan) and the lock exceptions running now, as
    (OPD id, triwulan): what the status of a triwulan is decided with besides its values."""

    jadwal: dict[int, JadwalPengisian]
    khusus: frozenset[tuple[int, int]]


def jadwal_tahun(opd_ids: list[int], tahun: int, sekarang: datetime.datetime) -> JadwalTahun:
    """The windows of the year and the OPDs' running exceptions (2 queries)."""
    return JadwalTahun(
        {j.triwulan: j for j in JadwalPengisian.objects.filter(tahun=tahun)},
        frozenset(
            PengecualianKunci.objects.filter(
                jadwal__tahun=tahun, opd_id__in=opd_ids, berlaku_sampai__gt=sekarang
            )
            .order_by()
            .values_list("opd_id", "jadwal__triwulan")
        ),
    )


def isian_triwulan(daftar: list["IndikatorTahun"]) -> dict[int, tuple[tuple[str, ...], int]]:
    """Per triwulan, the statuses of the values entered for the rows `daftar` and how many
    of them hold a value: what a triwulan's status is decided from, with its window."""
    hasil = {}
    for tw in range(1, 5):
        rows = [b.realisasi[tw] for b in daftar if tw in b.realisasi]
        hasil[tw] = (
            tuple(r.status for r in rows),
            sum(1 for r in rows if r.nilai is not None or r.nilai_teks),
        )
    return hasil


def status_opd(
    opd_id: int, jumlah: int, isian: dict, jadwal: JadwalTahun, hari_ini: datetime.date
) -> dict[int, str]:
    """The status of each triwulan of an OPD's year (jendela.status_triwulan) from its
    `jumlah` indicators and their `isian` (isian_triwulan)."""
    return {
        tw: status_triwulan(
            jumlah=jumlah,
            status=list(isian[tw][0]),
            terisi=isian[tw][1],
            jadwal=jadwal.jadwal.get(tw),
            hari_ini=hari_ini,
            dibuka_khusus=(opd_id, tw) in jadwal.khusus,
        )
        for tw in range(1, 5)
    }


# --- the read ---------------------------------------------------------------------------------


def _pk_berlaku(opd_ids: list[int], tahun: int) -> dict[int, PerjanjianKinerja]:
    """The PK in force of each OPD's year: its latest final version (DOMAIN.md, cycle 4)."""
    berlaku = {}
    for pk in PerjanjianKinerja.objects.filter(
        opd__in=opd_ids, tahun=tahun, status=PerjanjianKinerja.Status.FINAL
    ).order_by("opd_id", "versi"):
        berlaku[pk.opd_id] = pk  # the latest final version wins
    return berlaku


def _indikator(pk_ids: list[int]) -> dict[int, IndikatorKinerja]:
    """The indicators of the PKs with their sasaran and tujuan, each sasaran one instance
    (2 queries; the PKs as a subquery, not one parameter per indicator)."""
    indikator = {
        i.pk: i
        for i in IndikatorKinerja.objects.filter(target_pk__pk_dokumen_id__in=pk_ids).order_by()
    }
    sasaran = {
        s.pk: s
        for s in Sasaran.objects.filter(indikator__target_pk__pk_dokumen_id__in=pk_ids)
        .select_related("tujuan")
        .order_by()
        .distinct()
    }
    for i in indikator.values():
        i.sasaran = sasaran[i.sasaran_id]
    return indikator


def _realisasi_rinci(indikator_ids, tahun: int) -> list[Realisasi]:
    """The year's values as model instances with who entered and verified them, each with
    `daftar_bukti` (its evidence, oldest first) and `daftar_catatan` (its comment thread with
    authors, oldest first): 3 queries, grouped here rather than by prefetch_related, whose
    per-row querysets cost the entry page more than its queries."""
    realisasi = list(
        Realisasi.objects.filter(indikator_id__in=indikator_ids, tahun=tahun)
        .select_related("diisi_oleh", "diverifikasi_oleh")
        # Not the model's ordering, which joins every row up to its OPD to sort by indicator.
        .order_by("triwulan")
    )
    ids = [r.pk for r in realisasi]
    bukti: dict[int, list] = {}
    catatan: dict[int, list] = {}
    if ids:
        for bk in (
            BuktiDukung.objects.filter(realisasi_id__in=ids)
            .select_related("diunggah_oleh")
            .order_by("diunggah_pada", "pk")
        ):
            bukti.setdefault(bk.realisasi_id, []).append(bk)
        for c in (
            CatatanVerifikasi.objects.filter(realisasi_id__in=ids)
            .select_related("penulis")
            .order_by("dibuat", "pk")
        ):
            catatan.setdefault(c.realisasi_id, []).append(c)
    for r in realisasi:
        r.daftar_bukti = bukti.get(r.pk, [])
        r.daftar_catatan = catatan.get(r.pk, [])
    return realisasi


def _tahun_lalu(baris: dict[int, IndikatorTahun], tahun_list: list[int]) -> None:
    """Fill `lalu` of the number-valued rows: each earlier year with realisasi, measured
    against its own target (perencanaan.selectors.annotate_target). One query."""
    angka = {pk: b for pk, b in baris.items() if not b.teks}
    if not angka or not tahun_list:
        return
    nilai: dict = {}
    target: dict = {}
    qs = (
        annotate_target(
            Realisasi.objects.filter(indikator_id__in=list(angka), tahun__in=tahun_list),
            indikator_ref="indikator_id",
            tahun_ref="tahun",
            opd_ref="indikator__sasaran__tujuan__renstra__opd_id",
        )
        .order_by()
        .values_list("indikator_id", "tahun", "triwulan", "nilai", "target_pk", "target_renstra")
    )
    for ind, th, tw, v, t_pk, t_renstra in qs:
        kunci = (ind, th)
        nilai.setdefault(kunci, {})[tw] = v
        if target.get(kunci, (None,))[0] is None:
            target[kunci] = (t_pk, "PK") if t_pk is not None else (t_renstra, "Renstra")
    for (ind, th), tw in nilai.items():
        b = angka[ind]
        t, sumber = target[(ind, th)]
        if t is None:
            sumber = ""
        b.lalu[th] = TahunLalu(
            th,
            t,
            sumber,
            engine.capaian_indikator(
                jenis_nilai=b.indikator.jenis_nilai,
                agregasi=b.indikator.agregasi,
                polaritas=b.indikator.polaritas,
                target=t,
                target_teks="",
                nilai_triwulan=tw,
                rumus_negatif=b.aturan.rumus_negatif,
                rentang=b.aturan.skala.rentang,
                tepi=b.aturan.skala.tepi,
            ),
        )


def kinerja_tahun(
    opds: Iterable[OPD],
    tahun: int,
    *,
    sampai_triwulan: int = 4,
    rinci: bool = False,
    tahun_lalu: Iterable[int] = (),
    status: bool = True,
    sekarang: datetime.datetime | None = None,
) -> dict[int, KinerjaOPD]:
    """The year of every OPD in `opds` (keyed by OPD id), in a fixed number of queries.

    Measured against the PK version in force (the latest final one); the values up to
    `sampai_triwulan` count (the year so far, or as it stood at an earlier triwulan).
    `rinci`: the triwulan values as model instances with their people, evidence and comment
    thread (the entry and review pages); `tahun_lalu`: the earlier years to measure too;
    `status=False`: without the status of each triwulan (2 queries fewer). An
    indicator that cannot be computed is left out of its sasaran's mean and the reason says
    so; a sasaran without any computable indicator likewise for the OPD.
    """
    sekarang = sekarang or timezone.now()
    hari_ini = timezone.localtime(sekarang).date()
    opds = list(opds)
    opd_ids = [o.pk for o in opds]
    aturan = aturan_opd(opds)
    berlaku = _pk_berlaku(opd_ids, tahun)
    opd_pk = {pk.pk: pk.opd_id for pk in berlaku.values()}
    target = list(
        PKIndikator.objects.filter(pk_dokumen__in=list(opd_pk))
        .order_by(
            "indikator__sasaran__tujuan__nomor", "indikator__sasaran__nomor", "indikator__nomor"
        )
        .values_list("pk_dokumen_id", "indikator_id", "target", "target_teks")
    )
    indikator = _indikator(list(opd_pk)) if target else {}
    baris: dict[int, IndikatorTahun] = {}
    per_opd: dict[int, list[IndikatorTahun]] = {}
    for pk_id, ind_id, t, t_teks in target:
        opd_id = opd_pk[pk_id]
        b = IndikatorTahun(indikator[ind_id], t, t_teks, aturan[opd_id], sampai_triwulan)
        baris[ind_id] = b
        per_opd.setdefault(opd_id, []).append(b)
    teks = [b for b in baris.values() if b.teks]
    if rinci and teks:
        # The write path validates a text value against `indikator.pilihan.all()`: prefetched.
        prefetch_related_objects(
            [b.indikator for b in teks],
            Prefetch("pilihan", queryset=PilihanNilai.objects.order_by("urutan")),
        )
        for b in teks:
            b.pilihan = [p.label for p in b.indikator.pilihan.all()]
    elif teks:
        for ind_id, label in (
            PilihanNilai.objects.filter(indikator_id__in=[b.indikator.pk for b in teks])
            .order_by("indikator_id", "urutan")
            .values_list("indikator_id", "label")
        ):
            baris[ind_id].pilihan.append(label)
    if baris:
        if rinci:
            for r in _realisasi_rinci(list(baris), tahun):
                baris[r.indikator_id].realisasi[r.triwulan] = r
        else:
            nilai = (
                Realisasi.objects.filter(
                    indikator_id__in=PKIndikator.objects.filter(
                        pk_dokumen_id__in=list(opd_pk)
                    ).values("indikator_id"),
                    tahun=tahun,
                )
                .order_by()  # the model's ordering would join up to the OPD for nothing
                .values_list(
                    "indikator_id",
                    "triwulan",
                    "nilai",
                    "nilai_teks",
                    "status",
                    "analisis",
                    "solusi",
                )
            )
            for ind_id, tw, *isi in nilai:
                baris[ind_id].realisasi[tw] = NilaiTriwulan(*isi)
        _tahun_lalu(baris, sorted(set(tahun_lalu) - {tahun}))
    jadwal = jadwal_tahun(opd_ids, tahun, sekarang) if status else None

    hasil = {}
    for opd in opds:
        at = aturan[opd.pk]
        daftar = per_opd.get(opd.pk, [])
        sasaran_map: dict = {}
        for b in daftar:
            b.hasil = b.hitung(sampai_triwulan)
            sasaran_map.setdefault(b.indikator.sasaran, []).append(b)
        sasaran = []
        for s, ind in sasaran_map.items():
            c = engine.rata_rata_capaian(i.hasil.capaian for i in ind)
            sasaran.append(
                SasaranTahun(s, ind, c, engine.predikat(c.nilai, at.skala.rentang, at.skala.tepi))
            )
        capaian = engine.rata_rata_capaian(s.capaian for s in sasaran)
        per_tw = (
            status_opd(opd.pk, len(daftar), isian_triwulan(daftar), jadwal, hari_ini)
            if status
            else {}
        )
        hasil[opd.pk] = KinerjaOPD(
            opd,
            tahun,
            berlaku.get(opd.pk),
            at,
            sasaran,
            capaian,
            engine.predikat(capaian.nilai, at.skala.rentang, at.skala.tepi),
            per_tw,
        )
    return hasil


# --- the kabupaten's IKU (IKU Pemda) ----------------------------------------------------------


def aturan_pemda() -> Aturan:
    """The rules the kabupaten's own indicators are computed with: its default predikat
    scale and its formula for lower-is-better indicators (aturan_opd's, for a unit with no
    scale of its own)."""
    return aturan_opd([OPD()])[None]


@dataclass
class IKUTahun:
    """An IKU Pemda in a year: the RPJMD target of the year, its triwulan values (entered by
    Bagian Organisasi, or those of the OPD indicator it is declared the same measure as), the
    annual value by its rule, capaian and predikat by the kabupaten's scale."""

    indikator: IndikatorDaerah
    target: Decimal | None
    nilai: dict[int, Decimal]
    status: dict[int, str]
    sumber: str  # where the values come from, as the pages say it
    hasil: engine.CapaianIndikator
    isian: dict[int, RealisasiDaerah] = field(default_factory=dict)  # the entered rows
    rumus_negatif: str = "selisih"  # the kabupaten's rule for lower-is-better indicators

    @property
    def kemajuan(self) -> engine.Hasil:
        """Progress of the annual value towards the RPJMD's end-of-period target, by the
        formula of an OPD indicator's progress towards its Renstra end target."""
        if not self.hasil.tahunan.ada:
            return engine.Hasil(None, self.hasil.tahunan.alasan)
        return engine.tingkat_kemajuan(
            self.hasil.tahunan.nilai,
            self.indikator.target_akhir,
            polaritas=self.indikator.polaritas,
            rumus_negatif=self.rumus_negatif,
        )

    @property
    def diambil(self) -> bool:
        """Its values are an OPD indicator's: nothing to type."""
        return self.indikator.sumber_id is not None


def kinerja_daerah(
    indikator: Iterable[IndikatorDaerah], tahun: int, *, sampai_triwulan: int = 4
) -> dict[int, IKUTahun]:
    """Each IKU Pemda's year (keyed by its id), through the engine as an OPD indicator's: the
    values up to `sampai_triwulan` count, whatever their status (as kinerja_tahun reads an
    OPD's). A fixed number of queries (the source OPDs' years read in one kinerja_tahun)."""
    daftar = list(indikator)
    if not daftar:
        return {}
    aturan = aturan_pemda()
    ids = [i.pk for i in daftar]
    target = dict(
        TargetDaerah.objects.filter(indikator_id__in=ids, tahun=tahun)
        .order_by()
        .values_list("indikator_id", "target")
    )
    isian: dict[int, dict[int, RealisasiDaerah]] = {}
    for r in RealisasiDaerah.objects.filter(
        indikator_id__in=[i.pk for i in daftar if i.sumber_id is None], tahun=tahun
    ).select_related("diisi_oleh", "diajukan_oleh", "diverifikasi_oleh"):
        isian.setdefault(r.indikator_id, {})[r.triwulan] = r
    sumber_ids = [i.sumber_id for i in daftar if i.sumber_id]
    dari_opd: dict[int, tuple[IndikatorTahun | None, str]] = {}
    if sumber_ids:
        sumber = {
            s.pk: s
            for s in IndikatorKinerja.objects.filter(pk__in=sumber_ids).select_related(
                "sasaran__tujuan__renstra__opd"
            )
        }
        opds = {s.sasaran.tujuan.renstra.opd for s in sumber.values()}
        tahun_opd = kinerja_tahun(opds, tahun, status=False)
        baris = {b.indikator.pk: b for k in tahun_opd.values() for b in k.indikator}
        for s_id, s in sumber.items():
            opd = s.sasaran.tujuan.renstra.opd
            b = baris.get(s_id)
            pk = tahun_opd[opd.pk].pk
            asal = f"{opd.nama}: {s.nama}"
            if b is None:
                asal += f" (tidak ada di Perjanjian Kinerja final {tahun})"
            elif pk is not None:
                asal += f" ({pk.judul})"
            dari_opd[s_id] = (b, asal)
    hasil = {}
    for i in daftar:
        if i.sumber_id:
            b, asal = dari_opd[i.sumber_id]
            nilai = {
                tw: v for tw in range(1, 5) if b is not None and (v := b.nilai(tw)) is not None
            }
            status = {tw: b.realisasi[tw].status for tw in nilai}
        else:
            baris_isian = isian.get(i.pk, {})
            nilai = {tw: r.nilai for tw, r in baris_isian.items()}
            status = {tw: r.status for tw, r in baris_isian.items()}
            asal = "diisi Bagian Organisasi"
        t = target.get(i.pk)
        hasil[i.pk] = IKUTahun(
            i,
            t,
            nilai,
            status,
            asal,
            engine.capaian_indikator(
                jenis_nilai=IndikatorKinerja.JenisNilai.ANGKA,
                agregasi=i.agregasi,
                polaritas=i.polaritas,
                target=t,
                target_teks="",
                nilai_triwulan={tw: v for tw, v in nilai.items() if tw <= sampai_triwulan},
                rumus_negatif=aturan.rumus_negatif,
                rentang=aturan.skala.rentang,
                tepi=aturan.skala.tepi,
            ),
            isian.get(i.pk, {}),
            aturan.rumus_negatif,
        )
    return hasil
