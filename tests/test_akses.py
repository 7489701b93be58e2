"""The choke point of the pages (apps.core.akses.halaman): every URL of the apps is served by
a view declared through it, and what it declares holds."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from apps.core.akses import halaman

# Views that are not ours: Django's login and logout (axes and the login form guard them)
# and the admin site (apps.core.admin_scope scopes every model admin).
BUKAN_HALAMAN_KITA = {"login", "logout"}


def _pola(resolver=None, ns=""):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            yield from _pola(p, f"{ns}{p.namespace}:" if p.namespace else ns)
        elif isinstance(p, URLPattern):
            yield f"{ns}{p.name}", p.callback


def test_every_page_of_the_apps_is_declared_through_the_choke_point():
    tanpa = sorted(
        nama
        for nama, view in _pola()
        if nama not in BUKAN_HALAMAN_KITA and not hasattr(view, "sakip_akses")
    )
    assert tanpa == []
    # the walk reached the apps' pages at all
    semua = dict(_pola())
    assert {
        "core:beranda",
        "pengukuran:pengisian",
        "perencanaan:renstra",
        "anggaran:dpa",
        "laporan:lkjip_ubah",
        "verifikasi",
    } <= set(semua)


def test_only_the_health_check_and_the_verification_page_are_public():
    publik = sorted(
        nama for nama, view in _pola() if getattr(view, "sakip_akses", {}).get("publik")
    )
    assert publik == ["core:sehat", "verifikasi"]


def test_every_page_whose_url_names_an_opd_object_resolves_it_through_the_user():
    """A URL with an id of an OPD-owned row names its queryset in `objek`, so the row is
    looked up among the user's rows before the view runs."""
    from django.urls import get_resolver

    kurang = []
    for p in _semua_pola():
        nama, pola, view = p
        ids = [k for k in pola.converters if k.endswith("_id") and k != "opd_id"]
        dinyatakan = set(getattr(view, "sakip_akses", {}).get("objek", ()))
        if set(ids) - dinyatakan:
            kurang.append((nama, sorted(set(ids) - dinyatakan)))
    assert kurang == []
    assert get_resolver()


def _semua_pola(resolver=None, ns=""):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            yield from _semua_pola(p, f"{ns}{p.namespace}:" if p.namespace else ns)
        elif isinstance(p, URLPattern) and hasattr(p.callback, "sakip_akses"):
            yield f"{ns}{p.name}", p.pattern, p.callback


def test_a_capability_that_the_role_table_does_not_know_stops_the_module_loading():
    """`require_kemampuan(user, "can_edit")` with a typo used to refuse silently (getattr default
    False); the name is now checked when the view is declared."""
    with pytest.raises(ImproperlyConfigured, match="can_edit_data"):
        halaman(kemampuan="can_edit_data")
    with pytest.raises(ImproperlyConfigured, match="can_verifi"):
        halaman(kemampuan_kirim=("can_verify", "can_verifi"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/realisasi/opd/{opd}/2026/tw5/",
        "/realisasi/opd/{opd}/1999/tw1/",
        "/realisasi/verifikasi/{opd}/2026/tw0/",
        "/anggaran/opd/{opd}/2101/",
    ],
)
def test_a_triwulan_or_year_outside_its_range_is_not_a_page(client, login, url):
    from apps.core.models import User

    user = login("verifikator")
    opd = User.objects.get(username="operator.kecamatan").opd_id
    assert user is not None
    assert client.get(url.format(opd=opd)).status_code == 404


@pytest.mark.django_db
def test_another_opds_row_is_404_before_the_capability_is_looked_at(client, login):
    """The pimpinan of the Kecamatan may not reopen a value (can_verify) and may not see
    Bagian Organisasi's: the other OPD's value answers 404, its own 403."""
    from apps.pengukuran.models import Realisasi

    login("pimpinan.kecamatan")
    sendiri = Realisasi.objects.filter(
        indikator__sasaran__tujuan__renstra__opd__nama="Kecamatan Magetan"
    ).first()
    lain = Realisasi.objects.exclude(
        indikator__sasaran__tujuan__renstra__opd__nama="Kecamatan Magetan"
    ).first()
    assert client.post(reverse("pengukuran:buka_kembali", args=[lain.pk])).status_code == 404
    assert client.post(reverse("pengukuran:buka_kembali", args=[sendiri.pk])).status_code == 403
