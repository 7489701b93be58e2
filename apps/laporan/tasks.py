"""Background jobs of the LKjIP: a ZIP of every OPD's report of a year (apps.laporan.paket)
and one user's draft PDF (apps.laporan.draf).

acks_late: the message is acknowledged when the job ends, so a worker stopped mid-job leaves
it in the broker to be delivered again instead of losing it. A message delivered again builds
nothing unless its package is still waiting or being built: one that finished, or that was
given up for dead meanwhile (apps.core.tugas), is left as it is. reject_on_worker_lost stays
off: a package that kills its worker process (out of memory) would otherwise be delivered
again and again; its row is given up for dead instead, and the user can start a new one."""

from celery import shared_task

from . import draf, paket, services
from .models import DrafLKjIP, FinalisasiLKjIP, PaketLKjIP


# The result lives on the package's row (status, progress, file): Celery keeps none.
@shared_task(ignore_result=True, acks_late=True)
def paket_build_job(paket_id: int) -> None:
    obj = PaketLKjIP.objects.get(pk=paket_id)
    if obj.berjalan:
        paket.paket_build(paket=obj)


# A draft PDF for one user (apps.laporan.draf); delivered again, it renders only if its row
# still waits (a row replaced by a newer draft meanwhile is gone).
@shared_task(ignore_result=True, acks_late=True)
def draf_build_job(draf_id: int) -> None:
    obj = DrafLKjIP.objects.filter(pk=draf_id).select_related("opd").first()
    if obj is not None and obj.berjalan:
        draf.draf_build(draf=obj)


# One "Finalkan" (apps.laporan.services.laporan_finalize_job); delivered again, it runs only
# while its row still waits (a report finalised, or a job given up for dead, is left alone).
@shared_task(ignore_result=True, acks_late=True)
def finalisasi_job(tugas_id: int) -> None:
    obj = (
        FinalisasiLKjIP.objects.filter(pk=tugas_id).select_related("laporan", "dibuat_oleh").first()
    )
    if obj is not None and obj.status == FinalisasiLKjIP.Status.ANTRE:
        services.laporan_finalize_job(tugas=obj)
