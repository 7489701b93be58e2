"""Who may open and post every LKjIP editing URL, as a table: URL, method, status per role.

The objects are Kecamatan Magetan's: its draft LKjIP 2023 (the demo's, with a struktur
organisasi uploaded here). Rules: an OPD user of another OPD gets 404 on every page and post
of the Kecamatan; the Inspektorat reads everything and every post of theirs is refused (403);
the Markdown preview renders any logged-in user's text (it touches no OPD's data); a final
report is read-only for everyone, admin included. A refused post changes nothing: every row
and value of the LKjIP tables and their history is the same before and after.
"""

import pytest
from django.urls import reverse
from izin import SALAH_METODE, SEMUA, kasus
from lkjip_uji import gambar, jadikan_final, potret, url_ubah
from perencanaan_uji import formulir_dari, opd_organisasi, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.laporan import urls as laporan_urls
from apps.laporan.models import LaporanKinerja

pytestmark = pytest.mark.django_db

BACA = (200, 200, 200, 200, 200, 404, 302)
UBAH = (302, 302, 403, 302, 302, 404, 302)

# url name                      method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    # every OPD the user may see (an OPD user: their own row only)
    ("laporan:lkjip_daftar", "GET", SEMUA),
    ("laporan:lkjip_daftar", "POST", SALAH_METODE),
    ("laporan:lkjip_ubah", "GET", BACA),
    ("laporan:lkjip_ubah", "POST", UBAH),
    # rendering Markdown reads no data: any logged-in user
    ("laporan:lkjip_pratinjau", "GET", SALAH_METODE),
    ("laporan:lkjip_pratinjau", "POST", SEMUA),
    ("laporan:lkjip_struktur", "GET", BACA),
    ("laporan:lkjip_struktur", "POST", SALAH_METODE),
]

KASUS = kasus(TABEL)


@pytest.fixture
def laporan(db, client):
    """The Kecamatan's draft LKjIP 2023 with an organisation chart uploaded by its operator."""
    client.force_login(user("operator.kecamatan"))
    data = formulir_dari(url_ubah(), "form-lkjip")
    assert client.post(url_ubah(), {**data, "struktur_organisasi": gambar()}).status_code == 302
    client.logout()
    lap = LaporanKinerja.objects.get(opd=opd_kecamatan(), tahun=2023)
    assert lap.struktur_organisasi.name.startswith("struktur/")
    return lap


def _url(nama, lap):
    if nama == "laporan:lkjip_daftar":
        return reverse(nama) + "?tahun=2023"
    if nama == "laporan:lkjip_ubah":
        return url_ubah()
    if nama == "laporan:lkjip_struktur":
        return reverse(nama, args=[lap.pk])
    return reverse(nama)


def _post_data(nama):
    if nama == "laporan:lkjip_ubah":
        data = formulir_dari(url_ubah(), "form-lkjip")
        data["saran"] = "Saran uji hak akses"
        return data
    if nama == "laporan:lkjip_pratinjau":
        return {"teks": "**Uji**"}
    return {}


TAMPAK = {
    "laporan:lkjip_daftar": "Laporan Kinerja (LKjIP) tahun 2023",
    "laporan:lkjip_ubah": "LKjIP Kecamatan Magetan tahun 2023",
}


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), KASUS)
def test_permission_table(client, laporan, nama, metode, peran, status):
    url = _url(nama, laporan)
    data = _post_data(nama) if metode == "POST" else {}
    if peran != "anonim":
        client.force_login(user(peran))
    sebelum = potret()
    resp = client.post(url, data) if metode == "POST" else client.get(url)
    assert resp.status_code == status, (nama, metode, peran)

    if nama == "laporan:lkjip_ubah" and metode == "POST" and status == 302 and peran != "anonim":
        laporan.refresh_from_db()
        assert laporan.saran == "Saran uji hak akses"
        assert laporan.history.first().history_user.username == peran
        assert "LKjIP Kecamatan Magetan 2023 tersimpan (1 perubahan)." in pesan(resp)
    else:
        assert potret() == sebelum, "a refused or read-only request changed the database"

    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif status == 200 and nama == "laporan:lkjip_pratinjau":
        assert resp.json() == {"html": "<p><strong>Uji</strong></p>"}
    elif status == 200 and nama == "laporan:lkjip_struktur":
        assert resp["Content-Type"] == "image/png"
        assert b"".join(resp.streaming_content).startswith(b"\x89PNG")
    elif status == 200:
        assert TAMPAK[nama] in teks_halaman(resp)


def test_every_lkjip_url_has_rows_for_every_role():
    """A new URL of views.lkjip without rows in the table fails here."""
    nama_tabel = {(nama, metode) for nama, metode, _ in TABEL}
    assert len(nama_tabel) == len(TABEL)
    lkjip = [
        p for p in laporan_urls.urlpatterns if p.callback.__module__ == "apps.laporan.views.lkjip"
    ]
    for pola in lkjip:
        for metode in ("GET", "POST"):
            assert (f"laporan:{pola.name}", metode) in nama_tabel, (pola.name, metode)
    assert len(TABEL) == 2 * len(lkjip)


def test_list_holds_an_opd_users_own_opd_only(client, laporan):
    for peran, ada, tiada in (
        ("operator.kecamatan", "Kecamatan Magetan", "Bagian Organisasi"),
        ("operator.organisasi", "Bagian Organisasi", "Kecamatan Magetan"),
    ):
        client.force_login(user(peran))
        teks = teks_halaman(client.get(reverse("laporan:lkjip_daftar") + "?tahun=2023"))
        assert ada in teks and tiada not in teks, peran


@pytest.mark.parametrize("aksi", ["simpan", "salin:latar_belakang", "usulan"])
def test_another_opds_operator_gets_404_for_every_action_and_changes_nothing(client, laporan, aksi):
    client.force_login(user("operator.organisasi"))
    sebelum = potret()
    resp = client.post(
        url_ubah(), {"aksi": aksi, "saran": "Dipalsukan", "struktur_organisasi": gambar()}
    )
    assert resp.status_code == 404
    assert potret() == sebelum


def test_an_opd_user_cannot_reach_another_opds_report_by_id_or_year(client, laporan):
    """The Kecamatan's chart by its report id, and any year of the Kecamatan."""
    client.force_login(user("operator.organisasi"))
    assert client.get(reverse("laporan:lkjip_struktur", args=[laporan.pk])).status_code == 404
    for tahun in (2019, 2023, 2026):
        assert client.get(url_ubah(tahun)).status_code == 404
    client.force_login(user("operator.kecamatan"))
    assert client.get(url_ubah(2023, opd_organisasi())).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/dasbor/lkjip/opd/1/1999/",
        "/dasbor/lkjip/opd/999999/2023/",
        "/dasbor/lkjip/999999/struktur/",
    ],
)
def test_wrong_urls_are_404(client, url):
    client.force_login(user("verifikator"))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("peran", "status"),
    [
        ("admin", 302),
        ("verifikator", 302),
        ("operator.kecamatan", 302),
        ("pimpinan.kecamatan", 302),
        ("inspektorat", 403),
        ("operator.organisasi", 404),
    ],
)
def test_a_final_report_refuses_every_post_and_changes_nothing(client, laporan, peran, status):
    jadikan_final(laporan)
    client.force_login(user(peran))
    sebelum = potret()
    resp = client.post(url_ubah(), {"aksi": "simpan", "saran": "Diubah sesudah final"})
    assert resp.status_code == status
    assert potret() == sebelum
    if status == 302:
        assert "berstatus final: tidak dapat diubah oleh siapa pun" in " ".join(pesan(resp))
