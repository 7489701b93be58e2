"""Panduan pengguna per role (issue 17, item 10): linked from the home page, one page per
role, every screenshot it shows made by the browser test below from the live application
(`make panduan` writes them into static/panduan/; a plain test run into
/tmp/sakip-shots/panduan/, so the committed ones are checked against the list they come
from)."""

import datetime
import os
import re
from pathlib import Path

import pytest
from conftest import HARI_DEMO
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from peramban import masuk
from realisasi_uji import opd_kecamatan

from apps.core.roles import Peran
from apps.laporan.demo.loader import load_demo
from apps.perencanaan.models import PerjanjianKinerja

WIB = datetime.timezone(datetime.timedelta(hours=7))
STATIC = Path(settings.BASE_DIR) / "static" / "panduan"


def gambar_peran() -> dict[str, list[tuple[str, str]]]:
    """Per role: (image name, the page it shows), on the demo's data."""
    kec = opd_kecamatan()
    pk = PerjanjianKinerja.objects.filter(opd=kec, tahun=2023).order_by("versi").first()
    return {
        "operator": [
            ("operator-beranda", reverse("core:beranda")),
            ("operator-pengisian", reverse("pengukuran:pengisian", args=[kec.pk, 2026, 3])),
            ("operator-anggaran", reverse("anggaran:realisasi", args=[kec.pk, 2023, 6])),
            ("operator-lkjip", reverse("laporan:lkjip_ubah", args=[kec.pk, 2023])),
        ],
        "pimpinan": [
            ("pimpinan-beranda", reverse("core:beranda")),
            ("pimpinan-pk", reverse("perencanaan:pk", args=[pk.pk])),
        ],
        "verifikator": [
            ("verifikator-beranda", reverse("core:beranda")),
            ("verifikator-tinjau", reverse("pengukuran:tinjau", args=[kec.pk, 2026, 2])),
            ("verifikator-dasbor", reverse("laporan:dasbor") + "?tahun=2026"),
        ],
        "inspektorat": [
            ("inspektorat-beranda", reverse("core:beranda")),
            ("inspektorat-lkjip", reverse("laporan:lkjip_daftar") + "?tahun=2023"),
        ],
        "admin": [
            ("admin-beranda", reverse("core:beranda")),
            ("admin-data-induk", reverse("admin:index")),
        ],
    }


PENGGUNA = {
    "operator": "operator.kecamatan",
    "pimpinan": "pimpinan.kecamatan",
    "verifikator": "verifikator",
    "inspektorat": "inspektorat",
    "admin": "admin",
}


@pytest.mark.django_db
@pytest.mark.parametrize("peran", Peran.values)
def test_each_roles_guide_is_one_click_from_home_and_shows_the_screenshots_made_here(
    client, login, peran
):
    login(PENGGUNA[peran])
    beranda = client.get(reverse("core:beranda")).content.decode()
    assert f'href="{reverse("core:panduan")}"' in beranda
    resp = client.get(reverse("core:panduan"))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert f"Panduan {Peran(peran).label}" in html
    gambar = re.findall(r'src="/static/panduan/([\w-]+)\.png"', html)
    assert gambar == [nama for nama, _ in gambar_peran()[peran]]
    for nama in gambar:
        assert (STATIC / f"{nama}.png").is_file(), f"{nama}.png: jalankan make panduan"
    # every other role's guide is one click further
    for kode in Peran.values:
        assert f'href="{reverse("core:panduan_peran", args=[kode])}"' in html


@pytest.mark.django_db
def test_guide_pages_refuse_what_does_not_exist(client, login):
    assert client.get(reverse("core:panduan")).status_code == 302  # anonymous: log in first
    login("operator.kecamatan")
    assert client.get(reverse("core:panduan_peran", args=["bupati"])).status_code == 404
    assert client.post(reverse("core:panduan")).status_code == 405
    assert client.get(reverse("core:panduan_peran", args=["verifikator"])).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_screenshots_of_the_guides_are_taken_from_the_live_application(page, monkeypatch):
    """At the demo's day (Triwulan III 2026 open), whatever day the guides are made."""
    load_demo(hari_ini=HARI_DEMO)
    saat = datetime.datetime.combine(HARI_DEMO, datetime.time(10), tzinfo=WIB)
    monkeypatch.setattr(timezone, "now", lambda: saat)
    tujuan = STATIC if os.environ.get("SAKIP_PANDUAN_TULIS") else Path("/tmp/sakip-shots/panduan")
    tujuan.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 768})
    for peran, daftar in gambar_peran().items():
        page.context.clear_cookies()
        masuk(page, PENGGUNA[peran])
        for nama, url in daftar:
            resp = page.goto(url)
            assert resp.status == 200, (peran, url)
            page.screenshot(path=str(tujuan / f"{nama}.png"))
