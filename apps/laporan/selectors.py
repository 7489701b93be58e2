"""Reads of Bagian Organisasi's view of every OPD: the dashboard, its drill-down and recaps.

Every figure comes from the one engine of its kind: capaian and predikat from the read model
of apps.pengukuran (kinerja.kinerja_tahun, which uses apps.pengukuran.capaian), serapan from
apps.anggaran (anggaran_opd / rekap_dpa and perhitungan.Rekap), projections from
apps.pengukuran.proyeksi, consistency from apps.perencanaan.selectors.konsistensi_opd. The
page, the xlsx export, the recap PDF and the charts read the same rows, so they cannot
disagree; and the number of queries does not depend on the number of OPDs.
"""

import datetime
import hashlib
import logging
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Sum
from django.db.models.expressions import RawSQL
from django.utils import timezone

from apps.anggaran import models as model_anggaran
from apps.anggaran.perhitungan import Rekap
from apps.anggaran.selectors import anggaran_opd, dpa_berlaku
from apps.core import models as model_core
from apps.core.models import OPD, Pejabat, User
from apps.core.roles import Peran
from apps.core.selectors import for_user
from apps.pengukuran import capaian as engine
from apps.pengukuran.jendela import StatusTriwulan
from apps.pengukuran.kinerja import (
    KinerjaOPD,
    aturan_opd,
    isian_triwulan,
    jadwal_tahun,
    kinerja_tahun,
    status_opd,
)
from apps.pengukuran.models import CatatanVerifikasi, Realisasi, RealisasiDaerah
from apps.pengukuran.proyeksi import Proyeksi, proyeksi_akhir_tahun
from apps.pengukuran.selectors import triwulan_tertutup
from apps.perencanaan import models as model_perencanaan
from apps.perencanaan.selectors import konsistensi_opd

from .models import NARASI_WAJIB, DrafLKjIP, FinalisasiLKjIP, LaporanKinerja

logger = logging.getLogger(__name__)


@dataclass
class ProyeksiIndikator:
    """The early warning of one indicator: its projected year-end value and capaian (what
    the dashboard and the drill-down print of the indicator, as plain values)."""

    opd: OPD | None  # attached when the row is read (None in a kept row)
    indikator_id: int
    nama: str
    target: Decimal | None
    target_teks: str
    proyeksi: Proyeksi


def _urut(hasil: engine.Hasil) -> tuple:
    return (hasil.nilai is None, hasil.nilai if hasil.nilai is not None else 0)


@dataclass
class BarisDasbor:
    """One OPD's row of the dashboard. Its figures are plain values (no model instance), so
    that the row can be kept until the OPD's data changes (dasbor_simpan); the OPD, the
    status of each triwulan (which depends on the day) and the count of returned values are
    attached when it is read (_lengkapi)."""

    capaian: engine.Hasil
    predikat: engine.Rentang | None
    rentang: tuple[engine.Rentang, ...]  # the OPD's predikat scale, for the charts' legends
    jumlah_sasaran: int
    jumlah_indikator: int
    isian: dict  # per triwulan: statuses and count of filled values (kinerja.isian_triwulan)
    anggaran: Rekap | None
    peringatan: int
    proyeksi: list[ProyeksiIndikator]  # the early warnings, worst first
    jumlah_perhatian: int  # indicators projected below the warning line
    skala: str = ""  # the name of that scale: the legends and filters are grouped by it
    opd: OPD | None = None
    status: dict[int, str] = field(default_factory=dict)
    dikembalikan: int = 0  # indicator values Bagian Organisasi returned this year
    kinerja: KinerjaOPD | None = None  # the whole year, when computed now (not kept)
    # What a kept row was computed from (dasbor_simpan): its indicators and their values.
    indikator_ids: tuple[int, ...] = ()
    versi_realisasi: tuple = ()

    @property
    def serapan(self) -> engine.Hasil:
        if self.anggaran is None:
            return engine.Hasil(None, "belum ada DPA")
        return self.anggaran.serapan

    @property
    def terlambat(self) -> bool:
        return StatusTriwulan.TERLAMBAT in self.status.values()

    @property
    def status_urut(self) -> list[tuple[str, str]]:
        """(status, label) of TW I to TW IV, as the dashboard's row shows them."""
        return [(self.status[tw], StatusTriwulan.LABEL[self.status[tw]]) for tw in range(1, 5)]

    @property
    def urut_capaian(self) -> tuple:
        """Sort key: computed capaian ascending, the ones that cannot be computed last."""
        return _urut(self.capaian)

    @property
    def urut_serapan(self) -> tuple:
        return _urut(self.serapan)


def proyeksi_opd(kinerja: KinerjaOPD) -> list[ProyeksiIndikator]:
    """The projection of every indicator of an OPD's year, worst first (apps.pengukuran.
    proyeksi: by the indicator's aggregation rule, with the method stated)."""
    hasil = [
        ProyeksiIndikator(
            kinerja.opd,
            b.indikator.pk,
            b.indikator.nama,
            b.target,
            b.target_teks,
            proyeksi_akhir_tahun(
                agregasi=b.indikator.agregasi,
                polaritas=b.indikator.polaritas,
                jenis_nilai=b.indikator.jenis_nilai,
                target=b.target,
                nilai_triwulan=b.nilai_triwulan(),
                rumus_negatif=kinerja.rumus_negatif,
                rentang=kinerja.skala.rentang,
                tepi=kinerja.skala.tepi,
            ),
        )
        for b in kinerja.indikator
    ]
    return sorted(hasil, key=lambda p: p.proyeksi.sort_key)


def _peringatan_dini(proyeksi: list[ProyeksiIndikator]) -> list[ProyeksiIndikator]:
    return [p for p in proyeksi if p.proyeksi.perlu_perhatian or p.proyeksi.belum_lapor]


def _hitung(opds: list[OPD], tahun: int, sekarang, tahun_lalu=()) -> dict[int, BarisDasbor]:
    """The rows of `opds` computed now, without what _lengkapi attaches: performance of the
    year so far, budget in force, consistency warnings, projections."""
    kinerja = kinerja_tahun(opds, tahun, sekarang=sekarang, tahun_lalu=tahun_lalu, status=False)
    # Read once for both uses; totals only (the page shows no budget line).
    anggaran = anggaran_opd([o.pk for o in opds], tahun, baris=False)
    peringatan = konsistensi_opd(
        opds, tahun, hari_ini=timezone.localtime(sekarang).date(), anggaran=anggaran
    )
    hasil = {}
    for o in opds:
        k = kinerja[o.pk]
        proyeksi = proyeksi_opd(k)
        hasil[o.pk] = BarisDasbor(
            capaian=k.capaian,
            predikat=k.predikat,
            rentang=k.skala.rentang,
            skala=k.skala.nama,
            jumlah_sasaran=len(k.sasaran),
            jumlah_indikator=len(k.indikator),
            isian=isian_triwulan(k.indikator),
            anggaran=anggaran[o.pk][1].total if o.pk in anggaran else None,
            peringatan=len(peringatan.get(o.pk, [])),
            proyeksi=_peringatan_dini(proyeksi),
            jumlah_perhatian=sum(1 for p in proyeksi if p.proyeksi.perlu_perhatian),
            kinerja=k,
        )
    return hasil


def _lengkapi(
    opds: list[OPD], tahun: int, baris: dict[int, BarisDasbor], sekarang
) -> list[BarisDasbor]:
    """The rows in the order of `opds`, each with its OPD, the status of each triwulan today
    and the count of values returned this year (3 queries)."""
    ids = [o.pk for o in opds]
    jadwal = jadwal_tahun(ids, tahun, sekarang)
    hari_ini = timezone.localtime(sekarang).date()
    kembali = dict(
        CatatanVerifikasi.objects.filter(
            jenis=CatatanVerifikasi.Jenis.KEMBALIKAN,
            realisasi__tahun=tahun,
            **{f"{OPD_CATATAN}__in": ids},
        )
        .values(OPD_CATATAN)
        .annotate(n=Count("pk"))
        .values_list(OPD_CATATAN, "n")
    )
    hasil = []
    for o in opds:
        b = baris[o.pk]
        b.opd = o
        b.status = status_opd(o.pk, b.jumlah_indikator, b.isian, jadwal, hari_ini)
        b.dikembalikan = kembali.get(o.pk, 0)
        for p in b.proyeksi:
            p.opd = o
        hasil.append(b)
    return hasil


def predikat_per_skala(opds) -> list[tuple[str, list[str]]]:
    """The predikat labels of the scales the OPDs are measured with (each OPD's own, else the
    kabupaten's: kinerja.aturan_opd), per scale, highest first: the dashboard's predikat
    filter offered the labels of every scale in one list."""
    skala = {a.skala.nama: [r.label for r in a.skala.rentang] for a in aturan_opd(opds).values()}
    return [(nama, label) for nama, label in sorted(skala.items()) if nama and label]


def dasbor(
    opds, tahun: int, *, sekarang: datetime.datetime | None = None, tahun_lalu=()
) -> list[BarisDasbor]:
    """The dashboard's rows for `opds` (already limited to what the user may see), in their
    order, every figure computed now, each with the whole year (`kinerja`; with `tahun_lalu`,
    each indicator's earlier years too): the drill-down, the recaps and the services read
    these."""
    sekarang = sekarang or timezone.now()
    opds = list(opds)
    return _lengkapi(opds, tahun, _hitung(opds, tahun, sekarang, tahun_lalu), sekarang)


def dasbor_simpan(
    opds, tahun: int, *, sekarang: datetime.datetime | None = None, segar: bool = False
) -> list[BarisDasbor]:
    """The dashboard's rows as `dasbor` computes them, each OPD's row kept in the shared
    cache and reused as long as the data it is computed from is unchanged: after an
    operator saves a value, only that OPD's row is computed again (`segar`: every row).

    Whether the data changed is read from the database itself (versi_data), not from the
    code that writes it, so no write path (a service, an import, the admin, a hand-made
    UPDATE) can leave a stale row behind: the year's realisasi per indicator, so a value
    saved touches its OPD's row only; every other table the rows are computed from as a
    whole, so a change there (a PK, a Renstra, a DPA or its realisation) computes every
    row again. The rules (scale, formula) and the triwulans whose window has closed are
    part of the key too; the status of each triwulan is decided at every read. On a
    database that cannot tell (other than PostgreSQL) every row is computed."""
    sekarang = sekarang or timezone.now()
    opds = list(opds)
    # What the data is now, before reading it: a row computed after this is as new or newer.
    versi = versi_data(tahun)
    kunci = kunci_baris(opds, tahun, sekarang, versi[0]) if versi else {}
    simpanan = {}
    if kunci and not segar:
        try:
            simpanan = cache.get_many(list(kunci.values()))
        except Exception:
            logger.warning("Cache baris dasbor tidak dapat dibaca", exc_info=True)
    baris = {}
    for o in opds:
        b = simpanan.get(kunci.get(o.pk))
        if b is not None and b.versi_realisasi == _versi_realisasi(b.indikator_ids, versi[1]):
            baris[o.pk] = b
    hitung = [o for o in opds if o.pk not in baris]
    if hitung:
        baru = _hitung(hitung, tahun, sekarang)
        for b in baru.values():
            b.indikator_ids = tuple(i.indikator.pk for i in b.kinerja.indikator)
            b.kinerja = None  # not kept: the dashboard shows none of it
            for p in b.proyeksi:
                p.opd = None  # attached again when read
            if versi:
                b.versi_realisasi = _versi_realisasi(b.indikator_ids, versi[1])
        baris.update(baru)
        if kunci:
            try:
                cache.set_many({kunci[pk]: b for pk, b in baru.items()}, SIMPAN_DETIK)
            except Exception:
                logger.warning("Cache baris dasbor tidak dapat ditulis", exc_info=True)
    return _lengkapi(opds, tahun, baris, sekarang)


# How long a kept row may stay unread before the cache drops it (a day); it is never read
# once its data has changed, whatever this says.
SIMPAN_DETIK = 24 * 3600


# The tables a dashboard row is computed from besides the year's realisasi, each with the
# condition that limits it to the year (empty: the whole table, the Renstra's which span
# years). Written for versi_data, table and column names from the models.
def _sumber_baris() -> list[tuple[str, str]]:
    tabel = {
        m: m._meta.db_table
        for m in (
            OPD,
            model_perencanaan.Renstra,
            model_perencanaan.Tujuan,
            model_perencanaan.Sasaran,
            model_perencanaan.ProgramSasaran,
            model_perencanaan.IndikatorKinerja,
            model_perencanaan.PilihanNilai,
            model_perencanaan.TargetTahunan,
            model_perencanaan.PerjanjianKinerja,
            model_perencanaan.PKIndikator,
            model_perencanaan.PKProgram,
            model_anggaran.DPA,
            model_anggaran.DPAProgram,
            model_anggaran.DPAKegiatan,
            model_anggaran.RincianDPA,
            model_anggaran.RealisasiAnggaran,
        )
    }
    pk_tahun = (
        f"pk_dokumen_id IN (SELECT id FROM {tabel[model_perencanaan.PerjanjianKinerja]} "
        "WHERE tahun = %(tahun)s)"
    )
    dpa_tahun = f"dpa_id IN (SELECT id FROM {tabel[model_anggaran.DPA]} WHERE tahun = %(tahun)s)"
    syarat = {
        model_perencanaan.TargetTahunan: "tahun = %(tahun)s",
        model_perencanaan.PerjanjianKinerja: "tahun = %(tahun)s",
        model_perencanaan.PKIndikator: pk_tahun,
        model_perencanaan.PKProgram: pk_tahun,
        model_anggaran.DPA: "tahun = %(tahun)s",
        model_anggaran.DPAProgram: dpa_tahun,
        model_anggaran.DPAKegiatan: dpa_tahun,
        model_anggaran.RincianDPA: dpa_tahun,
        model_anggaran.RealisasiAnggaran: (
            f"rincian_id IN (SELECT id FROM {tabel[model_anggaran.RincianDPA]} WHERE {dpa_tahun})"
        ),
    }
    return [(t, syarat.get(m, "")) for m, t in tabel.items()]


# Per row, a hash of its version's transaction id (xmin: a changed row is a new version,
# written by a later transaction) and its position (ctid: a row changed again in the same
# transaction moves): their sum over a table changes whenever a row is changed.
_VERSI_BARIS = "hashtext({t}xmin::text || {t}ctid::text)::bigint"


def versi_data(tahun: int) -> tuple[tuple, dict[int, tuple]] | None:
    """What the data of a year's dashboard rows is now, read by PostgreSQL from the rows
    themselves: per table (_sumber_baris) the number of rows and the sum of a hash of each
    row's version and position (_VERSI_BARIS), which change whenever a row is added,
    changed or deleted; and the same per indicator for the year's realisasi. Two queries.
    None on another database, which cannot tell."""
    if connection.vendor != "postgresql":
        return None
    versi_baris = _VERSI_BARIS.format(t="")
    bagian = [
        f"SELECT {nomor}, count(*), coalesce(sum({versi_baris}), 0) FROM {tabel}"
        + (f" WHERE {syarat}" if syarat else "")
        for nomor, (tabel, syarat) in enumerate(_sumber_baris())
    ]
    with connection.cursor() as c:
        c.execute(" UNION ALL ".join(bagian), {"tahun": tahun})
        tabel = tuple(sorted(c.fetchall()))
    realisasi = {
        ind: (n, x)
        for ind, n, x in Realisasi.objects.filter(tahun=tahun)
        .order_by()
        .values("indikator_id")
        .annotate(
            n=Count("*"),
            x=Sum(RawSQL(_VERSI_BARIS.format(t=f"{Realisasi._meta.db_table}."), ())),
        )
        .values_list("indikator_id", "n", "x")
    }
    return tabel, realisasi


def _sumber_pohon() -> list[tuple[str, str]]:
    """The tables the pohon kinerja reads besides the dashboard's (_sumber_baris): the
    kabupaten's settings and scales, the RPJMD with its targets and links, the IKU Pemda's
    own values, and the nomenclature's names."""
    tahun = "tahun = %(tahun)s"
    return [
        (m._meta.db_table, syarat)
        for m, syarat in (
            (model_core.Pemda, ""),
            (model_core.PeriodeRPJMD, ""),
            (model_core.SkalaPredikat, ""),
            (model_core.RentangPredikat, ""),
            (model_perencanaan.TujuanDaerah, ""),
            (model_perencanaan.SasaranDaerah, ""),
            (model_perencanaan.IndikatorDaerah, ""),
            (model_perencanaan.TargetDaerah, tahun),
            (model_perencanaan.DukunganSasaranDaerah, ""),
            (RealisasiDaerah, tahun),
            (model_anggaran.Program, ""),
            (model_anggaran.Kegiatan, ""),
            (model_anggaran.SubKegiatan, ""),
        )
    ]


def versi_pohon(tahun: int) -> tuple | None:
    """What the data of a year's pohon kinerja is now (versi_data, and the tables only the
    tree reads, _sumber_pohon): equal as long as nothing the tree shows changed. Three
    queries; None on another database than PostgreSQL."""
    dasar = versi_data(tahun)
    if dasar is None:
        return None
    versi_baris = _VERSI_BARIS.format(t="")
    bagian = [
        f"SELECT {nomor}, count(*), coalesce(sum({versi_baris}), 0) FROM {tabel}"
        + (f" WHERE {syarat}" if syarat else "")
        for nomor, (tabel, syarat) in enumerate(_sumber_pohon())
    ]
    with connection.cursor() as c:
        c.execute(" UNION ALL ".join(bagian), {"tahun": tahun})
        return dasar, tuple(sorted(c.fetchall()))


def _versi_realisasi(indikator_ids, per_indikator: dict) -> tuple:
    return tuple(per_indikator.get(i) for i in indikator_ids)


def kunci_baris(opds: list[OPD], tahun: int, sekarang, versi_tabel) -> dict[int, str]:
    """The cache key of each OPD's row: the year's tables (versi_data), the OPD's rules
    (scale, formula) and the triwulans whose window has closed for it by today (the
    consistency check counts the values missing there)."""
    ids = [o.pk for o in opds]
    aturan = aturan_opd(opds)
    tertutup = triwulan_tertutup(ids, tahun, hari_ini=timezone.localtime(sekarang).date())
    umum = hashlib.sha256(repr(versi_tabel).encode()).hexdigest()
    per_aturan = {
        a: hashlib.sha256(repr(a).encode()).hexdigest()[:32] for a in set(aturan.values())
    }
    return {
        o: f"sakip:dasbor-baris:{VERSI_CACHE}:{tahun}:{o}:{umum}:{per_aturan[aturan[o]]}:"
        + "".join(str(tw) for tw in tertutup.get(o, ()))
        for o in ids
    }


OPD_CATATAN = "realisasi__indikator__sasaran__tujuan__renstra__opd"

# Bumped when BarisDasbor or what it holds changes shape: rows pickled by older code are then
# never read back.
VERSI_CACHE = 2
# How long a request waits for the rows another process is computing, before computing them
# itself.
TUNGGU_DETIK = 10


def cache_read(kunci: str):
    """A value from the shared cache, or None when it is not there or cannot be read (the
    cache is down, or holds what this code cannot unpickle): that only means computing."""
    try:
        return cache.get(kunci)
    except Exception:
        logger.warning("Cache %s tidak dapat dibaca; dihitung ulang", kunci, exc_info=True)
        return None


def cache_write(kunci: str, nilai, detik: float) -> None:
    try:
        cache.set(kunci, nilai, max(1, int(detik)))
    except Exception:
        logger.warning("Cache %s tidak dapat ditulis", kunci, exc_info=True)


def dasbor_cache(
    opds, tahun: int, *, segar: bool = False
) -> tuple[list[BarisDasbor], datetime.datetime]:
    """`dasbor(opds, tahun)` and when it was computed, reused for SAKIP_DASBOR_CACHE_DETIK
    seconds by every web process (the shared cache). The dashboard takes half a second of
    CPU for 60 OPDs; in the deadline week several verifikators reloading it at once took the
    CPU the operators' entry pages needed. The page says when its numbers were computed and
    offers to compute them now (`segar`).

    The key holds the OPDs (each user's rows are only ever the OPDs that user may see), the
    year and today's date (lateness depends on it). When the rows are missing, one request
    computes them while the others asking meanwhile wait for its result (up to TUNGGU_DETIK)
    instead of computing the same rows at the same time."""
    opds = list(opds)
    detik = settings.SAKIP_DASBOR_CACHE_DETIK
    if detik <= 0:
        return dasbor_simpan(opds, tahun, segar=segar), timezone.now()
    hash_opd = hashlib.sha256(",".join(str(o.pk) for o in opds).encode()).hexdigest()[:32]
    kunci = f"sakip:dasbor:{VERSI_CACHE}:{tahun}:{timezone.localdate().isoformat()}:{hash_opd}"
    if not segar and (simpanan := cache_read(kunci)) is not None:
        return simpanan
    try:
        menghitung = cache.add(f"{kunci}:dihitung", 1, TUNGGU_DETIK + 30)
    except Exception:
        menghitung = True
    if not menghitung and not segar:
        batas = time.monotonic() + TUNGGU_DETIK
        while time.monotonic() < batas:
            time.sleep(0.1)
            if (simpanan := cache_read(kunci)) is not None:
                return simpanan
    try:
        hasil = (dasbor_simpan(opds, tahun, segar=segar), timezone.now())
        cache_write(kunci, hasil, detik)
    finally:
        if menghitung:
            try:
                cache.delete(f"{kunci}:dihitung")
            except Exception:
                logger.warning("Kunci cache dasbor tidak dapat dilepas", exc_info=True)
    return hasil


def peringatan_dini(
    baris: list[BarisDasbor], *, batas: int | None = None
) -> list[ProyeksiIndikator]:
    """Indicators projected below the warning line, and those with nothing reported yet,
    across OPDs: the worst projected capaian first (Proyeksi.sort_key), then who has not
    reported."""
    semua = [
        p for b in baris for p in b.proyeksi if p.proyeksi.perlu_perhatian or p.proyeksi.belum_lapor
    ]
    semua.sort(key=lambda p: (p.proyeksi.sort_key, p.opd.kode))
    return semua[:batas] if batas else semua


def kepala_bagian_organisasi():
    """(OPD, Pejabat or None) who signs the recaps: Bagian Organisasi is the OPD of the
    verifikator users; its head is its one active official (None when there is not exactly
    one: the PDF leaves a dotted line to write the name on)."""
    opd_id = (
        User.objects.filter(peran=Peran.VERIFIKATOR, is_active=True, opd__isnull=False)
        .order_by("pk")
        .values_list("opd_id", flat=True)
        .first()
    )
    if opd_id is None:
        return None, None
    pejabat = list(Pejabat.objects.filter(opd_id=opd_id, aktif=True)[:2])
    return OPD.objects.get(pk=opd_id), (pejabat[0] if len(pejabat) == 1 else None)


# ------------------------------------------------------------------------------------------
# LKjIP: the latest revision of each OPD's report of a year
# ------------------------------------------------------------------------------------------


def lkjip_terbaru(opd_id: int, tahun: int) -> LaporanKinerja | None:
    """The OPD's latest LKjIP revision of the year (the one edited and printed), or None."""
    return (
        LaporanKinerja.objects.filter(opd_id=opd_id, tahun=tahun)
        .select_related("penandatangan")
        .order_by("-revisi")
        .first()
    )


@dataclass
class BarisLKjIP:
    opd: OPD
    laporan: LaporanKinerja | None  # the latest revision; None = belum dimulai

    @property
    def terisi(self) -> int:
        """How many of the required narrative sections (NARASI_WAJIB) hold text."""
        if self.laporan is None:
            return 0
        return sum(1 for n in NARASI_WAJIB if getattr(self.laporan, n).strip())


def lkjip_daftar(opds, tahun: int) -> list[BarisLKjIP]:
    """Every OPD of `opds` (already limited to what the user may see) with its latest LKjIP
    revision of the year: two queries whatever the number of OPDs."""
    opds = list(opds)
    terbaru = {}
    for lap in LaporanKinerja.objects.filter(opd__in=[o.pk for o in opds], tahun=tahun).order_by(
        "opd_id", "-revisi"
    ):
        terbaru.setdefault(lap.opd_id, lap)
    return [BarisLKjIP(o, terbaru.get(o.pk)) for o in opds]


def laporan_for_user(user):
    """The LKjIP revisions of the OPDs the user sees (apps.core.selectors.for_user)."""
    return for_user(LaporanKinerja.objects.select_related("opd"), user)


def draf_for_user(user):
    """The draft PDFs this user asked for, of OPDs they still see: another user's draft is
    not theirs to open."""
    return for_user(DrafLKjIP.objects.select_related("opd"), user).filter(dibuat_oleh=user)


def finalisasi_for_user(user):
    """The finalisations of LKjIP of OPDs this user sees (anyone who may open the report
    may watch it being finalised)."""
    return for_user(FinalisasiLKjIP.objects.select_related("laporan__opd", "dibuat_oleh"), user)


def finalisasi_berjalan(laporan: LaporanKinerja) -> FinalisasiLKjIP | None:
    """The finalisation of this report still waiting or being rendered, if any. Takes the
    report itself, which the caller got through the user's scope (an id could be anyone's)."""
    return (
        FinalisasiLKjIP.objects.filter(
            laporan=laporan, status__in=list(FinalisasiLKjIP.TUGAS_TERHENTI)
        )
        .select_related("dibuat_oleh")
        .first()
    )


@dataclass(frozen=True)
class TindakanLKjIP:
    """What a role may do on the LKjIP page with the year's latest revision (None when
    nobody wrote one yet): write the narrative, finalise, start a revision, mark verified.
    While the worker renders its final PDF nothing is written and it is not finalised again.
    The services refuse the same actions by the report's status."""

    ubah: bool
    finalkan: bool
    revisi: bool
    verifikasi: bool


def tindakan_lkjip(
    kemampuan, laporan: LaporanKinerja | None, *, sedang=None, kabupaten: bool = False
) -> TindakanLKjIP:
    """`sedang`: the finalisation job running (finalisasi_berjalan), or None. The kabupaten's
    report (`kabupaten`) is written by Bagian Organisasi (can_manage_master), an OPD's by its
    own users (can_edit_opd_data)."""
    draf = laporan is None or laporan.status == LaporanKinerja.Status.DRAFT
    penulis = kemampuan.can_manage_master if kabupaten else kemampuan.can_edit_opd_data
    return TindakanLKjIP(
        ubah=penulis and draf and sedang is None,
        finalkan=kemampuan.can_approve_opd and laporan is not None and draf and sedang is None,
        revisi=kemampuan.can_approve_opd and laporan is not None and not draf,
        verifikasi=kemampuan.can_verify
        and laporan is not None
        and laporan.status == LaporanKinerja.Status.FINAL,
    )


def lkjip_arsip(laporan: LaporanKinerja | None) -> list[LaporanKinerja]:
    """The earlier final revisions of a report, newest first (none for revision 0)."""
    if laporan is None or not laporan.revisi:
        return []
    return list(
        LaporanKinerja.objects.filter(
            opd_id=laporan.opd_id, tahun=laporan.tahun, revisi__lt=laporan.revisi
        )
        .exclude(status=LaporanKinerja.Status.DRAFT)
        .order_by("-revisi")
    )


def program_sasaran_dpa(opd_id: int, tahun: int, sasaran) -> dict[int, list]:
    """{sasaran id: [Program]} in code order: the programs of the year's DPA in force that
    support each sasaran, as analysis 7 of the report lists them (apps.laporan.lkjip builds
    the same rows from the DPA's totals). Empty lists without a DPA. Two queries."""
    hasil = {s.pk: [] for s in sasaran}
    dpa = dpa_berlaku(opd_id, tahun)
    if dpa is None or not hasil:
        return hasil
    dalam_dpa = model_anggaran.Program.objects.filter(kegiatan__rincian__dpa=dpa).values("pk")
    for ps in (
        model_perencanaan.ProgramSasaran.objects.filter(
            sasaran_id__in=hasil, program_id__in=dalam_dpa
        )
        .select_related("program")
        .order_by("program__kode")
    ):
        hasil[ps.sasaran_id].append(ps.program)
    return hasil
