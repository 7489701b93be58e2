"""Writes of master data with their rules (HackSoftware style: <entity>_<action>)."""

from collections.abc import Iterable

from django.db import transaction

from .models import RentangPredikat, SkalaPredikat, User, validate_rentang_lengkap
from .roles import Peran


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


def user_create(*, username: str, password: str, peran: str, opd=None, **extra) -> User:
    """Create a user with one role; operators and pimpinan need an OPD (database check)."""
    user = User(username=username, peran=peran, opd=opd,
                is_superuser=(peran == Peran.ADMIN), **extra)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
