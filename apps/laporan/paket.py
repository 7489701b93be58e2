"""Every OPD's LKjIP of a year in one ZIP, for Bagian Organisasi (issue 7 part 4).

Two kinds, both built by one background job per package (apps.laporan.tasks) that writes how
many OPDs it has done on the package's row:
- final: the PDF stored when each report was finalised (its latest final or verified
  revision), copied byte for byte after checking its SHA-256, every OPD's and then the
  Pemerintah Kabupaten's own; a report is never rendered again, so the ZIP holds exactly the
  documents that were signed off;
- draf: a draft rendered from the data for every active OPD (render_lkjip_pdf), useful
  before the finals exist.

The ZIP is written to a temporary file as it goes and then stored under media; no PDF is
held in memory longer than its own entry. A package holds every OPD's report, so only roles
that see every OPD may start, open or download one (`paket_for_user`).

The OPDs are rendered one after the other in one job rather than one Celery task per OPD.
Two processes do render 20 drafts in about half the time (benchmarks/pdf.py: 37 s against
18 s on two CPUs), but the worker's slots are shared with everyone's imports, which a
package of every OPD's drafts would hold for minutes; drafts are an occasional job before
the deadline, and the finals' ZIP (the usual one) only copies files. One job also keeps one
progress counter and one writer of the ZIP.
"""

import gc
import hashlib
import logging
import shutil
import tempfile
import uuid
import zipfile
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.core.models import OPD
from apps.core.tugas import tugas_start, tugas_terhenti_fail

from .lkjip import render_lkjip_pdf
from .models import LaporanKinerja, PaketLKjIP

log = logging.getLogger(__name__)

SELESAI_FINAL = (LaporanKinerja.Status.FINAL, LaporanKinerja.Status.DIVERIFIKASI)


def paket_for_user(user) -> QuerySet[PaketLKjIP]:
    """The packages a user may see: every package for roles that see every OPD, none for
    an OPD's own users (a package holds the other OPDs' reports too)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return PaketLKjIP.objects.none()
    if not user.kemampuan.sees_all_opd:
        return PaketLKjIP.objects.none()
    return PaketLKjIP.objects.select_related("dibuat_oleh")


def paket_create(*, user, tahun: int, jenis: str) -> PaketLKjIP:
    """Start a package of a year's LKjIP of every OPD as a background job. When the same
    package is already waiting or being built, that one is returned instead of a second;
    one whose job stopped making progress (its worker died) is marked gagal first and a new
    one is started."""
    if not user.kemampuan.sees_all_opd:
        raise ValidationError(
            "Paket LKjIP semua OPD hanya untuk Bagian Organisasi, Inspektorat dan admin."
        )
    sama = PaketLKjIP.objects.filter(tahun=tahun, jenis=jenis)
    tugas_terhenti_fail(sama)
    berjalan = (
        sama.filter(status__in=[PaketLKjIP.Status.ANTRE, PaketLKjIP.Status.BERJALAN])
        .order_by("-dibuat")
        .first()
    )
    if berjalan is not None:
        return berjalan
    obj = PaketLKjIP(tahun=tahun, jenis=jenis, dibuat_oleh=user)
    obj.full_clean()
    obj.save()
    tugas_start("apps.laporan.tasks.paket_build_job", obj.pk)
    obj.refresh_from_db()  # done already when the job ran at once (make run, the tests)
    return obj


def _opd_paket(paket: PaketLKjIP) -> list[OPD]:
    """Every active OPD; for finals also an OPD closed since that has a final of the year."""
    syarat = Q(aktif=True)
    if paket.jenis == PaketLKjIP.Jenis.FINAL:
        syarat |= Q(laporan__tahun=paket.tahun, laporan__status__in=SELESAI_FINAL)
    return list(OPD.objects.filter(syarat).distinct().order_by("kode"))


def laporan_final_terakhir(opds: list[OPD], tahun: int) -> dict[int, LaporanKinerja]:
    """The latest final or verified revision of each OPD's LKjIP of a year, in one query
    (a later draft revision being written does not hide the last final one)."""
    hasil: dict[int, LaporanKinerja] = {}
    for lap in LaporanKinerja.objects.filter(
        opd__in=opds, tahun=tahun, status__in=SELESAI_FINAL
    ).order_by("opd_id", "-revisi"):
        hasil.setdefault(lap.opd_id, lap)
    return hasil


def _nama_entri(kode: str, tahun: int, revisi: int = 0) -> str:
    """The ZIP entry of a report: its OPD's code, or "kabupaten" (LaporanKinerja.kode_berkas),
    as the report's own download names it."""
    return f"lkjip-{kode}-{tahun}{f'-revisi-{revisi}' if revisi else ''}.pdf"


def laporan_kabupaten_final(tahun: int) -> LaporanKinerja | None:
    """The latest final or verified revision of the Pemerintah Kabupaten's LKjIP of a year."""
    return (
        LaporanKinerja.objects.filter(opd__isnull=True, tahun=tahun, status__in=SELESAI_FINAL)
        .order_by("-revisi")
        .first()
    )


def _salin_final(zf: zipfile.ZipFile, lap: LaporanKinerja) -> str | None:
    """Copy a stored final PDF into the ZIP after checking it against its checksum; the
    reason it was left out otherwise."""
    try:
        with lap.berkas_final.open("rb") as f:
            h = hashlib.sha256()
            for potong in iter(lambda: f.read(1 << 20), b""):
                h.update(potong)
            if h.hexdigest() != lap.sha256:
                return "PDF final tersimpan tidak cocok dengan checksum-nya"
            f.seek(0)
            with zf.open(_nama_entri(lap.kode_berkas, lap.tahun, lap.revisi), "w") as tujuan:
                shutil.copyfileobj(f, tujuan, 1 << 20)
    except OSError:
        return "PDF final tersimpan tidak ditemukan"
    return None


def paket_build(*, paket: PaketLKjIP) -> PaketLKjIP:
    """Build a package (the background job): every active OPD in code order, the progress
    written after each one. An OPD without a final report (kind final) is listed in
    `kurang`, not a failure. Anything unexpected marks the package gagal with the OPD it
    stopped at; the partial ZIP is discarded. Every write sets `diperbarui`, which tells a
    job that is alive from one whose worker died (apps.core.tugas)."""
    PaketLKjIP.objects.filter(pk=paket.pk).update(
        status=PaketLKjIP.Status.BERJALAN, selesai=0, pesan="", kurang=[], diperbarui=timezone.now()
    )
    opds = _opd_paket(paket)
    # the finals' ZIP also holds the Pemerintah Kabupaten's own report, after the OPDs'
    kabupaten = paket.jenis == PaketLKjIP.Jenis.FINAL
    PaketLKjIP.objects.filter(pk=paket.pk).update(
        jumlah=len(opds) + kabupaten, diperbarui=timezone.now()
    )
    final = laporan_final_terakhir(opds, paket.tahun) if kabupaten else {}
    kurang: list[str] = []
    unit = None
    with tempfile.TemporaryFile() as tmp:
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as zf:
                # PDF streams are compressed already: deflating them again gains little.
                for n, unit in enumerate(opds, 1):
                    if paket.jenis == PaketLKjIP.Jenis.DRAF:
                        zf.writestr(
                            _nama_entri(unit.kode, paket.tahun),
                            render_lkjip_pdf(opd=unit, tahun=paket.tahun, draf=True),
                        )
                        # WeasyPrint's documents hold reference cycles: free each one now so
                        # a worker's memory stays flat from report to report.
                        gc.collect()
                    elif unit.pk not in final:
                        kurang.append(f"{unit.kode} {unit.nama}: belum ada LKjIP final")
                    elif alasan := _salin_final(zf, final[unit.pk]):
                        kurang.append(f"{unit.kode} {unit.nama}: {alasan}")
                    PaketLKjIP.objects.filter(pk=paket.pk).update(
                        selesai=n, diperbarui=timezone.now()
                    )
                if kabupaten:
                    unit = None
                    lap = laporan_kabupaten_final(paket.tahun)
                    if lap is None:
                        kurang.append("Pemerintah Kabupaten: belum ada LKjIP final")
                    elif alasan := _salin_final(zf, lap):
                        kurang.append(f"Pemerintah Kabupaten: {alasan}")
                    PaketLKjIP.objects.filter(pk=paket.pk).update(
                        selesai=len(opds) + 1, diperbarui=timezone.now()
                    )
            tmp.seek(0)
            paket.refresh_from_db()
            paket.berkas.save(
                f"lkjip-{paket.tahun}-{paket.jenis}-{uuid.uuid4().hex}.zip", File(tmp), save=False
            )
        except Exception:
            log.exception("Paket LKjIP %s gagal", paket.pk)
            di = f" pada {unit.kode} {unit.nama}" if unit is not None else ""
            PaketLKjIP.objects.filter(pk=paket.pk).update(
                status=PaketLKjIP.Status.GAGAL,
                selesai_pada=timezone.now(),
                diperbarui=timezone.now(),
                pesan=(
                    f"Penyusunan paket terhenti karena kesalahan sistem{di}. Buat ulang "
                    "paketnya, atau hubungi admin bila terulang."
                ),
            )
            paket.refresh_from_db()
            return paket
    paket.status, paket.kurang, paket.selesai_pada = (
        PaketLKjIP.Status.SELESAI,
        kurang,
        timezone.now(),
    )
    paket.save(update_fields=["status", "kurang", "selesai_pada", "berkas", "diperbarui"])
    return paket


def paket_expire(*, sekarang: datetime | None = None) -> int:
    """Delete the ZIPs of the packages finished more than SAKIP_PAKET_SIMPAN_HARI days ago:
    each row becomes kedaluwarsa, with a message its page shows, and its file is deleted
    from storage. Only finished packages are touched, never one waiting or being built.
    Returns how many ZIPs were deleted.

    The row changes first and the file goes in the same transaction: a file that cannot be
    deleted leaves its package as it was (downloadable), never a finished package without
    its file."""
    sekarang = sekarang or timezone.now()
    hari = settings.SAKIP_PAKET_SIMPAN_HARI
    pesan = (
        f"Berkas ZIP paket ini sudah dihapus karena disimpan lebih dari {hari} hari. "
        "Buat paket baru bila masih diperlukan."
    )
    jumlah = 0
    lama = PaketLKjIP.objects.filter(
        status=PaketLKjIP.Status.SELESAI, selesai_pada__lt=sekarang - timedelta(days=hari)
    )
    for pk, nama in lama.values_list("pk", "berkas"):
        with transaction.atomic():
            if PaketLKjIP.objects.filter(pk=pk, status=PaketLKjIP.Status.SELESAI).update(
                status=PaketLKjIP.Status.KEDALUWARSA, berkas="", pesan=pesan, diperbarui=sekarang
            ):
                PaketLKjIP._meta.get_field("berkas").storage.delete(nama)
                jumlah += 1
    return jumlah
