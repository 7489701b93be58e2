"""Periodic housekeeping of the background jobs (`celery beat`, CELERY_BEAT_SCHEDULE), also run
by hand with `manage.py bersihkan_tugas`: jobs whose worker died are marked failed
(apps.core.tugas), then every clean-up an app registered runs (apps.laporan deletes the ZIPs
of old LKjIP packages and old draft PDFs made for a user)."""

import logging
from collections.abc import Callable
from datetime import datetime

from celery import shared_task
from django.conf import settings

from .tugas import tugas_terhenti_fail_all

log = logging.getLogger(__name__)

# Clean-ups registered by the apps above core (their AppConfig.ready): each takes `sekarang`
# and returns one Indonesian sentence saying what it did.
_PEMBERSIH: dict[str, Callable[[datetime | None], str]] = {}


def register_cleanup(nama: str, fungsi: Callable[[datetime | None], str]) -> None:
    _PEMBERSIH[nama] = fungsi


def tugas_cleanup(*, sekarang: datetime | None = None) -> list[str]:
    """Run the clean-ups; what was done, one Indonesian sentence each (for the operator)."""
    terhenti = tugas_terhenti_fail_all(sekarang=sekarang)
    rincian = ", ".join(f"{nama} {n}" for nama, n in terhenti.items())
    return [
        f"Pekerjaan latar tanpa kemajuan selama {settings.SAKIP_TUGAS_BATAS_MENIT} menit "
        f"ditandai gagal: {sum(terhenti.values())} ({rincian}).",
        *(fungsi(sekarang) for fungsi in _PEMBERSIH.values()),
    ]


@shared_task(ignore_result=True)
def bersihkan_tugas_job() -> None:
    for baris in tugas_cleanup():
        log.info(baris)
