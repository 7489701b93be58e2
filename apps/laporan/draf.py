"""Draft LKjIP PDFs rendered by the background worker (DrafLKjIP).

"Unduh draf PDF" starts a job and the user's browser waits on a page that reloads itself;
the job renders the draft from the data as it is when the job runs (render_lkjip_pdf, the
same function as everywhere else) and the page then returns the PDF. With
CELERY_TASK_ALWAYS_EAGER (`make run`, the tests) the job runs inside the request and the
PDF comes back at once.
"""

import gc
import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from apps.core.models import OPD
from apps.core.tugas import tugas_start, tugas_terhenti_fail

from .lkjip import render_lkjip_pdf
from .lkjip_kabupaten import lkjip_kabupaten_terbaru, render_lkjip_kabupaten_pdf
from .models import DrafLKjIP
from .selectors import lkjip_terbaru

logger = logging.getLogger(__name__)


def _hapus(qs) -> int:
    """Delete draft rows and, after the commit, their files."""
    nama = [n for n in qs.values_list("berkas", flat=True) if n]
    n, _ = qs.delete()
    if nama:
        storage = DrafLKjIP._meta.get_field("berkas").storage

        def hapus_berkas():
            for x in nama:
                storage.delete(x)

        transaction.on_commit(hapus_berkas)
    return n


@transaction.atomic
def draf_create(*, opd: OPD | None, tahun: int, user) -> DrafLKjIP:
    """Start rendering the draft of `opd`'s LKjIP `tahun` (None: the Pemerintah
    Kabupaten's) for `user`, or return the job of
    the same user and report still running (a second click starts nothing more). The user's
    earlier drafts of that report go: a draft is only as good as the data it was made from."""
    milik = DrafLKjIP.objects.filter(opd=opd, tahun=tahun, dibuat_oleh=user)
    tugas_terhenti_fail(milik)
    berjalan = milik.filter(status__in=list(DrafLKjIP.TUGAS_TERHENTI)).first()
    if berjalan is not None:
        return berjalan
    _hapus(milik)
    draf = DrafLKjIP.objects.create(opd=opd, tahun=tahun, dibuat_oleh=user)
    tugas_start("apps.laporan.tasks.draf_build_job", draf.pk)
    draf.refresh_from_db()
    return draf


def draf_build(*, draf: DrafLKjIP) -> None:
    """The background job: render, store, mark done; a failure is kept with its reason."""
    DrafLKjIP.objects.filter(pk=draf.pk).update(
        status=DrafLKjIP.Status.BERJALAN, diperbarui=timezone.now()
    )
    try:
        if draf.opd_id is None:
            pdf = render_lkjip_kabupaten_pdf(
                tahun=draf.tahun, laporan=lkjip_kabupaten_terbaru(draf.tahun), draf=True
            )
        else:
            pdf = render_lkjip_pdf(
                opd=draf.opd,
                tahun=draf.tahun,
                laporan=lkjip_terbaru(draf.opd_id, draf.tahun),
                draf=True,
            )
    except Exception:
        logger.exception("Draf LKjIP %s gagal disusun", draf.pk)
        DrafLKjIP.objects.filter(pk=draf.pk).update(
            status=DrafLKjIP.Status.GAGAL,
            diperbarui=timezone.now(),
            pesan="Terjadi kesalahan saat menyusun PDF; kesalahan sudah dicatat untuk "
            "pengelola sistem. Silakan coba lagi.",
        )
        return
    finally:
        gc.collect()  # WeasyPrint's documents hold reference cycles (see apps.laporan.paket)
    draf.refresh_from_db()
    draf.berkas.save(
        f"{draf.nama_unduhan.removesuffix('-draf.pdf')}-{uuid.uuid4().hex}.pdf",
        ContentFile(pdf),
        save=False,
    )
    draf.status = DrafLKjIP.Status.SELESAI
    draf.save(update_fields=["berkas", "status", "diperbarui"])


def draf_expire(*, sekarang: datetime | None = None) -> int:
    """Delete finished or failed drafts older than SAKIP_DRAF_SIMPAN_JAM hours with their
    files (the periodic clean-up); running ones are left to apps.core.tugas."""
    batas = (sekarang or timezone.now()) - timedelta(hours=settings.SAKIP_DRAF_SIMPAN_JAM)
    return _hapus(
        DrafLKjIP.objects.filter(dibuat__lt=batas).exclude(
            status__in=list(DrafLKjIP.TUGAS_TERHENTI)
        )
    )
