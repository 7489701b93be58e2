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

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from apps.anggaran.perhitungan import Rekap
from apps.anggaran.selectors import anggaran_opd
from apps.core.models import OPD, Pejabat, User
from apps.core.roles import Peran
from apps.core.selectors import for_user
from apps.pengukuran import capaian as engine
from apps.pengukuran.jendela import StatusTriwulan
from apps.pengukuran.kinerja import IndikatorTahun, KinerjaOPD, kinerja_tahun
from apps.pengukuran.models import CatatanVerifikasi
from apps.pengukuran.proyeksi import Proyeksi, proyeksi_akhir_tahun
from apps.perencanaan.selectors import konsistensi_opd

from .models import NARASI, DrafLKjIP, LaporanKinerja

logger = logging.getLogger(__name__)


@dataclass
class ProyeksiIndikator:
    """The early warning of one indicator: its projected year-end value and capaian."""

    opd: object
    baris: IndikatorTahun
    proyeksi: Proyeksi


def _urut(hasil: engine.Hasil) -> tuple:
    return (hasil.nilai is None, hasil.nilai if hasil.nilai is not None else 0)


@dataclass
class BarisDasbor:
    """One OPD's row of the dashboard."""

    kinerja: KinerjaOPD
    anggaran: Rekap | None
    peringatan: int
    proyeksi: list[ProyeksiIndikator] = field(default_factory=list)
    dikembalikan: int = 0  # indicator values Bagian Organisasi returned this year

    @property
    def opd(self):
        return self.kinerja.opd

    @property
    def capaian(self) -> engine.Hasil:
        return self.kinerja.capaian

    @property
    def predikat(self) -> engine.Rentang | None:
        return self.kinerja.predikat

    @property
    def serapan(self) -> engine.Hasil:
        if self.anggaran is None:
            return engine.Hasil(None, "belum ada DPA")
        return self.anggaran.serapan

    @property
    def status(self) -> dict[int, str]:
        return self.kinerja.status

    @property
    def terlambat(self) -> bool:
        return self.kinerja.terlambat

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

    @property
    def jumlah_perhatian(self) -> int:
        return sum(1 for p in self.proyeksi if p.proyeksi.perlu_perhatian)


def proyeksi_opd(kinerja: KinerjaOPD) -> list[ProyeksiIndikator]:
    """The projection of every indicator of an OPD's year, worst first (apps.pengukuran.
    proyeksi: by the indicator's aggregation rule, with the method stated)."""
    hasil = [
        ProyeksiIndikator(
            kinerja.opd,
            b,
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


def dasbor(
    opds, tahun: int, *, sekarang: datetime.datetime | None = None, tahun_lalu=()
) -> list[BarisDasbor]:
    """The dashboard's rows for `opds` (already limited to what the user may see), in their
    order: performance of the year so far, budget in force, consistency warnings and the
    projection of every indicator; with `tahun_lalu`, each indicator's earlier years too."""
    sekarang = sekarang or timezone.now()
    opds = list(opds)
    kinerja = kinerja_tahun(opds, tahun, sekarang=sekarang, tahun_lalu=tahun_lalu)
    # Read once for both uses; totals only (the page shows no budget line).
    anggaran = anggaran_opd([o.pk for o in opds], tahun, baris=False)
    peringatan = konsistensi_opd(
        opds, tahun, hari_ini=timezone.localtime(sekarang).date(), anggaran=anggaran
    )
    kembali = dict(
        CatatanVerifikasi.objects.filter(
            jenis=CatatanVerifikasi.Jenis.KEMBALIKAN,
            realisasi__tahun=tahun,
            **{f"{OPD_CATATAN}__in": [o.pk for o in opds]},
        )
        .values(OPD_CATATAN)
        .annotate(n=Count("pk"))
        .values_list(OPD_CATATAN, "n")
    )
    return [
        BarisDasbor(
            kinerja[o.pk],
            anggaran[o.pk][1].total if o.pk in anggaran else None,
            len(peringatan.get(o.pk, [])),
            proyeksi_opd(kinerja[o.pk]),
            kembali.get(o.pk, 0),
        )
        for o in opds
    ]


OPD_CATATAN = "realisasi__indikator__sasaran__tujuan__renstra__opd"

# Bumped when BarisDasbor or what it holds changes shape: rows pickled by older code are then
# never read back.
VERSI_CACHE = 1
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
        return dasbor(opds, tahun), timezone.now()
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
        hasil = (dasbor(opds, tahun), timezone.now())
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
        """How many of the narrative sections (NARASI) hold text."""
        if self.laporan is None:
            return 0
        return sum(1 for n in NARASI if getattr(self.laporan, n).strip())


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


@dataclass(frozen=True)
class TindakanLKjIP:
    """What a role may do on the LKjIP page with the year's latest revision (None when
    nobody wrote one yet): write the narrative, finalise, start a revision, mark verified.
    The services refuse the same actions by the report's status."""

    ubah: bool
    finalkan: bool
    revisi: bool
    verifikasi: bool


def tindakan_lkjip(kemampuan, laporan: LaporanKinerja | None) -> TindakanLKjIP:
    draf = laporan is None or laporan.status == LaporanKinerja.Status.DRAFT
    return TindakanLKjIP(
        ubah=kemampuan.can_edit_opd_data and draf,
        finalkan=kemampuan.can_approve_opd and laporan is not None and draf,
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
