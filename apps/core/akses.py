"""The one choke point of the purpose-made pages: which OPD a URL may touch, and which
capability a request needs (pretix's model: the tenant from the URL, 404 outside it)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import OPD
from .selectors import opd_for_user


def opd_or_404(user, opd_id: int) -> OPD:
    """The OPD named in the URL if the user may see it; another OPD answers 404."""
    return get_object_or_404(opd_for_user(user), pk=opd_id)


def wajib(user, kemampuan: str) -> None:
    """Refuse (403) a request whose role lacks the named capability (core.roles)."""
    if not getattr(user.kemampuan, kemampuan, False):
        raise PermissionDenied("Peran Anda tidak dapat melakukan tindakan ini.")


def tahun_or_404(tahun: int) -> int:
    """A year in a URL: outside 2000-2100 (the range every year field accepts) the page does
    not exist."""
    if not 2000 <= tahun <= 2100:
        raise Http404
    return tahun
