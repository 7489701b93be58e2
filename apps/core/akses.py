"""The one choke point of the purpose-made pages (pretix's model: the tenant from the URL,
404 outside it). Every view of the apps is declared with `halaman`, which

- admits only the HTTP methods named, and only a logged-in user unless the page is public;
- turns the URL's `opd_id` into the OPD (through opd_for_user) and each id named in `objek`
  into its row (through the queryset the app gives for the user, normally for_user), passed
  to the view under the name without `_id`: another OPD's row answers 404, before anything
  else is looked at;
- checks a `tahun` (2000-2100) and a `triwulan` (1-4) in the URL, else 404;
- requires the named capabilities (apps.core.roles.Kemampuan; a name that is not a field
  there stops the module from loading): `kemampuan` for every request, `kemampuan_kirim`
  for a POST only (403 with a message).

tests/test_akses.py fails for a URL whose view is not declared through it.
"""

from collections.abc import Callable
from dataclasses import fields
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .models import OPD
from .roles import Kemampuan
from .selectors import opd_for_user

KEMAMPUAN = frozenset(f.name for f in fields(Kemampuan))


def opd_or_404(user, opd_id: int) -> OPD:
    """The OPD named in the URL if the user may see it; another OPD answers 404."""
    return get_object_or_404(opd_for_user(user), pk=opd_id)


def opd_sendiri(user) -> int:
    """The id of the user's own OPD, for an app's start page that opens it; a user of no OPD
    who does not see every OPD has no such page (404)."""
    if user.opd_id is None:
        raise Http404
    return user.opd_id


def ke_tahun_ini(user, *, semua: str, opd: str):
    """An app's start page: for a user of one OPD, the page `opd` (a URL name taking the OPD
    and a year) of their OPD and this year; for roles that see every OPD, the page `semua`."""
    if user.kemampuan.sees_all_opd:
        return redirect(semua)
    return redirect(opd, opd_sendiri(user), timezone.localdate().year)


def require_kemampuan(user, kemampuan: str) -> None:
    """Refuse (403) a request whose role lacks the named capability (core.roles)."""
    if kemampuan not in KEMAMPUAN:
        raise ImproperlyConfigured(f"Kemampuan tidak dikenal: {kemampuan!r}")
    if not getattr(user.kemampuan, kemampuan):
        raise PermissionDenied("Peran Anda tidak dapat melakukan tindakan ini.")


def tahun_or_404(tahun: int) -> int:
    """A year in a URL: outside 2000-2100 (the range every year field accepts) the page does
    not exist."""
    if not 2000 <= tahun <= 2100:
        raise Http404
    return tahun


def _kemampuan(nama) -> tuple[str, ...]:
    daftar = (nama,) if isinstance(nama, str) else tuple(nama or ())
    for n in daftar:
        if n not in KEMAMPUAN:
            raise ImproperlyConfigured(f"Kemampuan tidak dikenal: {n!r} (apps.core.roles)")
    return daftar


def halaman(
    *,
    metode=("GET",),
    kemampuan=(),
    kemampuan_kirim=(),
    objek: dict[str, Callable] | None = None,
    publik: bool = False,
):
    """Declare a view (see the module's docstring). `objek`: {"renstra_id": function(user)
    -> queryset of the rows the user may see}."""
    wajib_semua = _kemampuan(kemampuan)
    wajib_kirim = _kemampuan(kemampuan_kirim)
    objek = dict(objek or {})
    for kunci in objek:
        if not kunci.endswith("_id"):
            raise ImproperlyConfigured(f"objek {kunci!r}: nama parameter URL harus berakhir _id")

    def dekor(view):
        @wraps(view)
        def akses(request, *args, **kwargs):
            user = request.user
            if "opd_id" in kwargs:
                kwargs["opd"] = opd_or_404(user, kwargs.pop("opd_id"))
            for kunci, qs in objek.items():
                kwargs[kunci[:-3]] = get_object_or_404(qs(user), pk=kwargs.pop(kunci))
            if "tahun" in kwargs:
                tahun_or_404(kwargs["tahun"])
            if "triwulan" in kwargs and kwargs["triwulan"] not in (1, 2, 3, 4):
                raise Http404("Triwulan harus 1 sampai 4.")
            for k in wajib_semua:
                require_kemampuan(user, k)
            if request.method == "POST":
                for k in wajib_kirim:
                    require_kemampuan(user, k)
            return view(request, *args, **kwargs)

        akses = require_http_methods(list(metode))(akses)
        if not publik:
            akses = login_required(akses)
        akses.sakip_akses = {
            "metode": tuple(metode),
            "kemampuan": wajib_semua,
            "kemampuan_kirim": wajib_kirim,
            "objek": tuple(objek),
            "publik": publik,
        }
        return akses

    return dekor
