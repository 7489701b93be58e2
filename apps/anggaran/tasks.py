"""Background jobs of the budget import: checking a file and importing it (services)."""

from celery import shared_task

from . import services
from .models import Impor


@shared_task
def impor_periksa_job(impor_id: int) -> None:
    services.impor_periksa(obj=Impor.objects.get(pk=impor_id))


@shared_task
def impor_terapkan_job(impor_id: int) -> None:
    services.impor_terapkan_job(obj=Impor.objects.get(pk=impor_id))
