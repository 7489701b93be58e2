"""Writes of measurement data with their rules."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Realisasi


@transaction.atomic
def realisasi_save(*, realisasi: Realisasi, user, versi_dibaca: int | None = None) -> Realisasi:
    """Save a realisasi value; verified values are locked, and the version counter moves on.

    With `versi_dibaca` the save is refused when someone else saved after it was read
    (optimistic locking); nothing is written then.
    """
    if realisasi.pk:
        tersimpan = Realisasi.objects.select_for_update().get(pk=realisasi.pk)
        if tersimpan.status == Realisasi.Status.DIVERIFIKASI:
            raise ValidationError("Realisasi ini sudah diverifikasi dan terkunci.")
        if versi_dibaca is not None and tersimpan.versi != versi_dibaca:
            raise ValidationError(
                "Data ini sudah diubah orang lain sejak Anda membukanya; muat ulang halaman."
            )
        realisasi.versi = tersimpan.versi + 1
    realisasi.diisi_oleh = user
    realisasi.full_clean()
    realisasi.save()
    return realisasi
