"""Periodic housekeeping of the background jobs (`celery beat`, CELERY_BEAT_SCHEDULE), also run
by hand with `manage.py bersihkan_tugas`: jobs whose worker died are marked failed
(apps.core.tugas), the ZIPs of old LKjIP packages are deleted (apps.laporan.paket) and so
are old draft LKjIP PDFs made for a user (apps.laporan.draf)."""

import logging
from datetime import datetime

from celery import shared_task
from django.conf import settings

from apps.laporan.draf import draf_expire
from apps.laporan.paket import paket_expire

from .tugas import tugas_terhenti_fail_all

log = logging.getLogger(__name__)


def tugas_bersihkan(*, sekarang: datetime | None = None) -> list[str]:
    """Run the clean-ups; what was done, one Indonesian sentence each (for the operator)."""
    terhenti = tugas_terhenti_fail_all(sekarang=sekarang)
    zip_dihapus = paket_expire(sekarang=sekarang)
    draf_dihapus = draf_expire(sekarang=sekarang)
    rincian = ", ".join(f"{nama} {n}" for nama, n in terhenti.items())
    return [
        f"Pekerjaan latar tanpa kemajuan selama {settings.SAKIP_TUGAS_BATAS_MENIT} menit "
        f"ditandai gagal: {sum(terhenti.values())} ({rincian}).",
        f"Berkas ZIP paket LKjIP yang disimpan lebih dari {settings.SAKIP_PAKET_SIMPAN_HARI} "
        f"hari dihapus: {zip_dihapus}.",
        f"Draf PDF LKjIP yang dibuat lebih dari {settings.SAKIP_DRAF_SIMPAN_JAM} jam lalu "
        f"dihapus: {draf_dihapus}.",
    ]


@shared_task(ignore_result=True)
def bersihkan_tugas_job() -> None:
    for baris in tugas_bersihkan():
        log.info(baris)
