"""Writes of master data with their rules (HackSoftware style: <entity>_<action>)."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from .models import (
    Notifikasi,
    Pejabat,
    RentangPredikat,
    SkalaPredikat,
    User,
    validate_rentang_lengkap,
)
from .roles import Peran

logger = logging.getLogger(__name__)


@transaction.atomic
def skala_predikat_set_rentang(*, skala: SkalaPredikat, rentang: Iterable[dict]) -> None:
    """Replace the bands of a scale; the whole set must be contiguous and open at both ends
    (core.models.validate_rentang_lengkap). Nothing is stored when it is not."""
    baru = [RentangPredikat(skala=skala, **r) for r in rentang]
    for r in baru:
        r.full_clean(exclude=["skala"])
    validate_rentang_lengkap(baru)
    skala.rentang.all().delete()
    RentangPredikat.objects.bulk_create(baru)


@transaction.atomic
def pejabat_save(*, pejabat: Pejabat, **data) -> Pejabat:
    """Write an official of an OPD (new or existing) with the fields given: checked by the
    model (a NIP of 18 digits, not another official's) and saved with its history row, whose
    user the history middleware takes from the request."""
    for nama, nilai in data.items():
        setattr(pejabat, nama, nilai)
    pejabat.full_clean()
    pejabat.save()
    return pejabat


def user_create(*, username: str, password: str, peran: str, opd=None, **extra) -> User:
    """Create a user with one role; operators and pimpinan need an OPD (database check)."""
    user = User(
        username=username, peran=peran, opd=opd, is_superuser=(peran == Peran.ADMIN), **extra
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


def notifikasi_send(
    *, penerima: Iterable[User], judul: str, pesan: str = "", tautan: str = "", email: bool = True
) -> list[Notifikasi]:
    """An in-app message to each recipient, and the same by e-mail to those with an address.

    The e-mails leave only after the transaction commits: a rolled-back action sends nothing.
    """
    penerima = [u for u in penerima if u.is_active]
    baru = Notifikasi.objects.bulk_create(
        [Notifikasi(penerima=u, judul=judul[:200], pesan=pesan, tautan=tautan) for u in penerima]
    )
    if email:
        alamat = sorted({u.email for u in penerima if u.email})
        if alamat:
            isi = pesan + (f"\n\n{settings.SAKIP_URL_DASAR}{tautan}" if tautan else "")
            pesan_email = [
                (f"[SAKIP] {judul}", isi, settings.DEFAULT_FROM_EMAIL, [a]) for a in alamat
            ]

            def kirim():
                try:
                    send_mass_mail(pesan_email)
                except OSError:
                    # A mail server that is down must not undo a verification already saved.
                    logger.exception("Gagal mengirim e-mail notifikasi “%s”", judul)

            transaction.on_commit(kirim)
    return baru
