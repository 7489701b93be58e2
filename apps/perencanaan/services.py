"""Writes of planning data with their rules."""

from django.db import transaction
from django.utils import timezone

from .models import PerjanjianKinerja


def pk_signatory_snapshot(*, pihak: str, pejabat) -> dict:
    """The printed signature of one party: name, NIP, pangkat and jabatan as documents write
    them ("Pj. Bupati Magetan"), as field values of PerjanjianKinerja."""
    return {
        pihak: pejabat,
        f"{pihak}_nama": pejabat.nama,
        f"{pihak}_nip": pejabat.nip,
        f"{pihak}_pangkat": pejabat.pangkat,
        f"{pihak}_jabatan": pejabat.jabatan_lengkap,
    }


def pk_copy_signatories(*, pk: PerjanjianKinerja) -> None:
    """Copy the chosen officials into the PK's signature snapshot. A final PK keeps the
    snapshot it was signed with."""
    if pk.status == PerjanjianKinerja.Status.FINAL:
        return
    for pihak in ("pihak_pertama", "pihak_kedua"):
        pejabat = getattr(pk, pihak)
        if pejabat is not None:
            for field, value in pk_signatory_snapshot(pihak=pihak, pejabat=pejabat).items():
                setattr(pk, field, value)


@transaction.atomic
def pk_finalize(*, pk: PerjanjianKinerja, user) -> PerjanjianKinerja:
    """Draft -> final: the signatories are frozen into the snapshot and the PK becomes read-only.

    The database refuses a final PK without a date, pihak pertama and pihak kedua's jabatan.
    """
    pk_copy_signatories(pk=pk)
    pk.status = PerjanjianKinerja.Status.FINAL
    pk.difinalkan_pada = timezone.now()
    pk.difinalkan_oleh = user
    pk.full_clean()
    pk.save()
    return pk
