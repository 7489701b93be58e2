"""Isolation by construction: the one place that decides which OPDs a user may see.

Every OPD-owned model declares `opd_path`, the lookup from it to its OPD; `for_user` filters
any such queryset through `opd_for_user`. Objects outside the result answer 404.
"""

from django.db.models import Model, Q, QuerySet

from .models import OPD, Pejabat, User
from .roles import KEMAMPUAN, Peran


def opd_for_user(user) -> QuerySet[OPD]:
    """The OPDs `user` may see: all for roles that see every OPD, else only their own."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return OPD.objects.none()
    if user.kemampuan.sees_all_opd:
        return OPD.objects.all()
    if user.opd_id is None:
        return OPD.objects.none()
    return OPD.objects.filter(pk=user.opd_id)


def is_opd_owned(model: type[Model]) -> bool:
    return hasattr(model, "opd_path")


def for_user(queryset: QuerySet, user) -> QuerySet:
    """Restrict an OPD-owned queryset to the user's OPDs (unchanged for all-OPD roles).

    Officials without an OPD (the kepala daerah) stay visible to everyone, read-only: they are
    the pihak kedua of every PK.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user.kemampuan.sees_all_opd:
        return queryset
    if user.opd_id is None:
        return queryset.none()
    if queryset.model is Pejabat:
        return queryset.filter(Q(opd_id=user.opd_id) | Q(opd__isnull=True))
    return queryset.filter(**{queryset.model.opd_path: user.opd_id})


def owning_opd_id(obj) -> int | None:
    """The id of the OPD an object belongs to, following its model's `opd_path`."""
    path = type(obj).opd_path
    if path == "pk":
        return obj.pk
    target = obj
    parts = path.split("__")
    for part in parts[:-1]:
        target = getattr(target, part)
        if target is None:
            return None
    return getattr(target, f"{parts[-1]}_id")


def pejabat_opd_for_user(user) -> QuerySet:
    """The officials of OPDs this user sees, for the officials' page: the kepala daerah (no
    OPD) is kept in the admin by those who keep master data, not here."""
    return for_user(Pejabat.objects.select_related("opd"), user).filter(opd__isnull=False)


def pengguna_opd(opd_id) -> list[User]:
    """The active users who work for an OPD (its operators and pimpinan): who is told what
    happens to its data."""
    return list(
        User.objects.filter(
            opd_id=opd_id, is_active=True, peran__in=[Peran.OPERATOR, Peran.PIMPINAN]
        )
    )


def pengguna_dengan(kemampuan: str) -> list[User]:
    """The active users whose role has a capability (apps.core.roles.Kemampuan), the admin
    not counted: who is told that work waits for them (verification, an evaluation to
    approve)."""
    peran = [p for p, k in KEMAMPUAN.items() if getattr(k, kemampuan) and p != Peran.ADMIN]
    return list(User.objects.filter(is_active=True, peran__in=peran))
