"""Who may reach every URL of the final LKjIP, as a table: URL, method, status per role.

The objects are Kecamatan Magetan's LKjIP 2023: for "Finalkan" its draft made ready to sign
(a real rendering when allowed), for the others the same report made final without rendering
(lkjip_uji.jadikan_final). Rules: finalising and opening a revision need can_approve_opd
(pimpinan, verifikator, admin), marking verified needs can_verify; the Inspektorat and the
operator get 403, an OPD user of another OPD 404; the stored PDF is read by anyone who sees
the OPD; the public verification page answers everyone, anonymous included. A refused request
changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from izin import SALAH_METODE, kasus
from lkjip_uji import jadikan_final, potret, siap_final
from perencanaan_uji import user
from realisasi_uji import teks_halaman

from apps.laporan import urls as laporan_urls
from apps.laporan.models import FinalisasiLKjIP, LaporanKinerja

pytestmark = pytest.mark.django_db

BACA = (200, 200, 200, 200, 200, 404, 302)
SETUJU = (302, 302, 403, 403, 302, 404, 302)
VERIFIKASI = (302, 302, 403, 403, 403, 404, 302)
PUBLIK = (200,) * 7

# url name                        method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    ("laporan:lkjip_finalkan", "POST", SETUJU),
    ("laporan:lkjip_finalkan", "GET", SALAH_METODE),
    ("laporan:lkjip_final_pdf", "GET", BACA),
    ("laporan:lkjip_final_pdf", "POST", SALAH_METODE),
    ("laporan:lkjip_revisi", "POST", SETUJU),
    ("laporan:lkjip_revisi", "GET", SALAH_METODE),
    ("laporan:lkjip_diverifikasi", "POST", VERIFIKASI),
    ("laporan:lkjip_diverifikasi", "GET", SALAH_METODE),
    ("laporan:lkjip_finalisasi", "GET", BACA),
    ("laporan:lkjip_finalisasi", "POST", SALAH_METODE),
    ("verifikasi", "GET", PUBLIK),
    ("verifikasi", "POST", PUBLIK),
]

KASUS = kasus(TABEL)

ISI_FINAL = b"%PDF-1.4\n%%EOF\n"  # what lkjip_uji.jadikan_final stores


def _laporan(nama: str, metode: str) -> LaporanKinerja:
    lap = siap_final()
    if nama == "laporan:lkjip_finalisasi":
        # a finalisation waiting for the worker: its page is what readers of the OPD see
        FinalisasiLKjIP.objects.create(laporan=lap, dibuat_oleh=user("pimpinan.kecamatan"))
    elif nama != "laporan:lkjip_finalkan":
        jadikan_final(lap)
    return lap


def _url(nama: str, lap: LaporanKinerja) -> str:
    if nama == "verifikasi":
        return reverse(nama, args=[lap.kode_verifikasi])
    if nama == "laporan:lkjip_finalisasi":
        return reverse(nama, args=[lap.finalisasi.get().pk])
    return reverse(nama, args=[lap.pk])


def _data(nama: str) -> dict:
    if nama == "laporan:lkjip_revisi":
        return {"alasan_revisi": "Uji hak akses"}
    if nama == "verifikasi":
        return {"berkas": SimpleUploadedFile("salinan.pdf", ISI_FINAL)}
    return {}


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), KASUS)
def test_permission_table(client, nama, metode, peran, status):
    lap = _laporan(nama, metode)
    if peran != "anonim":
        client.force_login(user(peran))
    url = _url(nama, lap)
    sebelum = potret()
    resp = client.post(url, _data(nama)) if metode == "POST" else client.get(url)
    assert resp.status_code == status, (nama, metode, peran)

    berubah = metode == "POST" and status == 302 and peran != "anonim"
    if not berubah:
        assert potret() == sebelum, "a refused or read-only request changed the database"
    if peran == "anonim" and nama != "verifikasi":
        assert resp["Location"].startswith("/masuk/?next=")
    elif berubah:
        lap.refresh_from_db()
        if nama == "laporan:lkjip_finalkan":
            assert lap.status == "final" and lap.difinalkan_oleh.username == peran
        elif nama == "laporan:lkjip_revisi":
            baru = LaporanKinerja.objects.get(opd=lap.opd, tahun=2023, revisi=1)
            assert baru.history.first().history_user.username == peran
        else:
            assert lap.status == "diverifikasi"
    elif status == 200 and nama == "laporan:lkjip_final_pdf":
        assert b"".join(resp.streaming_content) == ISI_FINAL
    elif status == 200 and nama == "laporan:lkjip_finalisasi":
        assert f"Memfinalkan {lap}" in teks_halaman(resp)
        assert "Menunggu giliran pada pekerja latar." in teks_halaman(resp)
    elif status == 200 and metode == "POST":
        assert "Identik byte demi byte" in teks_halaman(resp)
    elif status == 200:
        assert "Verifikasi Laporan Kinerja (LKjIP)" in teks_halaman(resp)


def test_every_final_url_has_rows_for_every_role():
    """A new URL of views.final or views.verifikasi without rows in the table fails here."""
    nama_tabel = {(nama, metode) for nama, metode, _ in TABEL}
    assert len(nama_tabel) == len(TABEL)
    final = [
        f"laporan:{p.name}"
        for p in laporan_urls.urlpatterns
        if p.callback.__module__ == "apps.laporan.views.final"
    ]
    publik = [
        p.name
        for p in get_resolver().url_patterns
        if getattr(p, "callback", None) is not None
        and p.callback.__module__ == "apps.laporan.views.verifikasi"
    ]
    assert publik == ["verifikasi"]
    for nama in final + publik:
        for metode in ("GET", "POST"):
            assert (nama, metode) in nama_tabel, (nama, metode)
    assert len(TABEL) == 2 * len(final + publik)


@pytest.mark.parametrize(
    "nama",
    [
        "laporan:lkjip_finalkan",
        "laporan:lkjip_revisi",
        "laporan:lkjip_diverifikasi",
        "laporan:lkjip_final_pdf",
        "laporan:lkjip_finalisasi",
    ],
)
def test_a_missing_report_is_404(client, nama):
    client.force_login(user("admin"))
    url = reverse(nama, args=[999999])
    resp = client.get(url) if nama.endswith(("_pdf", "_finalisasi")) else client.post(url)
    assert resp.status_code == 404
