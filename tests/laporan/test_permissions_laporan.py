"""Permission table of the dashboard pages (apps.laporan): every URL, every role, GET and
POST. An operator or pimpinan sees the same pages for their own OPD only: another OPD's
drill-down answers 404, and the dashboard, its export, the charts and the recaps hold their
own row only."""

import subprocess

import pytest
from django.urls import reverse
from izin import SALAH_METODE, SEMUA, kasus
from perencanaan_uji import ORG, opd_organisasi
from realisasi_uji import KEC, opd_kecamatan, teks_halaman
from xlsx_uji import kepala_dan_baris

pytestmark = pytest.mark.django_db

TAHUN = 2023

# url name, method, statuses: admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    ("laporan:dasbor", "GET", SEMUA),
    ("laporan:dasbor", "POST", SALAH_METODE),
    ("laporan:dasbor_xlsx", "GET", SEMUA),
    ("laporan:dasbor_xlsx", "POST", SALAH_METODE),
    # the drill-down of the Kecamatan: the Bagian Organisasi's operator gets 404
    ("laporan:opd", "GET", (200, 200, 200, 200, 200, 404, 302)),
    ("laporan:opd", "POST", SALAH_METODE),
    ("laporan:rekap_xlsx", "GET", SEMUA),
    ("laporan:rekap_xlsx", "POST", SALAH_METODE),
    ("laporan:rekap_pdf", "GET", SEMUA),
    ("laporan:rekap_pdf", "POST", SALAH_METODE),
]

KASUS = kasus(TABEL)


def url(nama: str) -> str:
    if nama == "laporan:opd":
        return reverse(nama, args=[opd_kecamatan().pk, TAHUN])
    if nama.startswith("laporan:rekap_"):
        return reverse("laporan:rekap", args=[TAHUN, nama.rsplit("_", 1)[1]])
    if nama == "laporan:dasbor":
        return reverse(nama) + f"?tahun={TAHUN}"
    return reverse(nama) + f"?tahun={TAHUN}"


def test_every_url_is_in_the_table():
    """The LKjIP pages have their own tables (test_permissions_lkjip.py for the editing
    pages, test_lkjip_pdf.py for the PDF, test_permissions_final.py for the final PDF), and
    so have the pohon kinerja (test_pohon_kinerja.py) and the kabupaten's LKjIP
    (test_lkjip_kabupaten.py), and the Evaluasi AKIP (test_evaluasi.py)."""
    from apps.laporan import urls

    assert {
        f"laporan:{p.name}"
        for p in urls.urlpatterns
        if p.callback.__module__
        not in (
            "apps.laporan.views.lkjip",
            "apps.laporan.views.pdf",
            "apps.laporan.views.final",
            "apps.laporan.views.paket",
            "apps.laporan.views.pohon",
            "apps.laporan.views.kabupaten",
            "apps.laporan.views.evaluasi",
        )
    } == {n if not n.startswith("laporan:rekap_") else "laporan:rekap" for n, _, _ in TABEL}


@pytest.mark.parametrize("nama,metode,peran,status", KASUS)
def test_permission_table(client, login, nama, metode, peran, status):
    if peran != "anonim":
        login(peran)
    resp = client.post(url(nama)) if metode == "POST" else client.get(url(nama))
    assert resp.status_code == status, (nama, metode, peran)
    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")


def _baris_xlsx(isi: bytes) -> list[tuple]:
    return kepala_dan_baris(isi)[1]


@pytest.mark.parametrize(
    "peran,sendiri,lain",
    [
        ("operator.kecamatan", KEC, ORG),
        ("pimpinan.kecamatan", KEC, ORG),
        ("operator.organisasi", ORG, KEC),
    ],
)
def test_an_opd_user_sees_only_their_own_row_everywhere(client, login, peran, sendiri, lain):
    login(peran)
    teks = teks_halaman(client.get(reverse("laporan:dasbor") + f"?tahun={TAHUN}"))
    assert "1 OPD (OPD Anda)" in teks
    assert sendiri in teks and lain not in teks  # the table and the charts' text
    # the charts: one bar, its description naming the OPD's short name only
    isi = client.get(reverse("laporan:dasbor") + f"?tahun={TAHUN}").content.decode()
    assert isi.count('role="img"') >= 2
    for data in (
        _baris_xlsx(client.get(reverse("laporan:dasbor_xlsx") + f"?tahun={TAHUN}").content),
        _baris_xlsx(client.get(reverse("laporan:rekap", args=[TAHUN, "xlsx"])).content),
    ):
        nama = [c for baris in data for c in baris if isinstance(c, str)]
        assert sendiri in nama and lain not in nama and len(data) == 1
    pdf = client.get(reverse("laporan:rekap", args=[TAHUN, "pdf"])).content
    teks_pdf = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "1 Perangkat Daerah" in teks_pdf
    baris_tabel = [b for b in teks_pdf.splitlines() if b.strip()[:2].strip().isdigit()]
    assert any(sendiri.split()[0] in b for b in baris_tabel)


def test_another_opds_drill_down_is_404_for_an_opd_user(client, login):
    login("operator.kecamatan")
    assert client.get(reverse("laporan:opd", args=[opd_organisasi().pk, 2019])).status_code == 404
    assert client.get(reverse("laporan:opd", args=[opd_kecamatan().pk, 2019])).status_code == 200
