"""Background jobs of the LKjIP: a ZIP of every OPD's report of a year (apps.laporan.paket)."""

from celery import shared_task

from . import paket
from .models import PaketLKjIP


# The result lives on the package's row (status, progress, file): Celery keeps none.
@shared_task(ignore_result=True)
def paket_build_job(paket_id: int) -> None:
    paket.paket_build(paket=PaketLKjIP.objects.get(pk=paket_id))
