"""Background jobs of the budget import: checking a file and importing it (services).

acks_late: the message is acknowledged when the job ends, so a worker stopped mid-job leaves
it in the broker to be delivered again instead of losing it. A message delivered again does
nothing unless its file still waits for that job: one that finished, or that was given up
for dead meanwhile (apps.core.tugas), is left as it is. reject_on_worker_lost stays off: a
file that kills its worker process (out of memory) would otherwise be delivered again and
again; its row is given up for dead instead, with a message, and the user can retry."""

from celery import shared_task

from . import services
from .models import Impor


@shared_task(acks_late=True)
def impor_periksa_job(impor_id: int) -> None:
    obj = Impor.objects.get(pk=impor_id)
    if obj.status in (Impor.Status.ANTRE, Impor.Status.MEMERIKSA):
        services.impor_check(obj=obj)


@shared_task(acks_late=True)
def impor_terapkan_job(impor_id: int) -> None:
    obj = Impor.objects.get(pk=impor_id)
    if obj.status == Impor.Status.MENGIMPOR:
        services.impor_terapkan_job(obj=obj)
