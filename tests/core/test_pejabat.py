"""The officials of an OPD outside the admin (issue 17: the operators lost their link into
the admin, where they kept who signs their PK and LKjIP). Everyone who sees the OPD reads the
list; the roles that write the OPD's data add and change its officials; another OPD's
operator gets 404; a wrong NIP or a NIP already taken is refused by name and changes nothing;
every change has its history."""

import pytest
from django.urls import reverse
from izin import kasus
from perencanaan_uji import pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.core import urls as core_urls
from apps.core.models import Pejabat

pytestmark = pytest.mark.django_db

BACA_TULIS = (302, 302, 403, 302, 302, 404, 302)  # POST: adds or saves, 403 for reading roles
BACA = (200, 200, 200, 200, 200, 404, 302)

# url name             method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    ("core:pejabat", "GET", BACA),
    ("core:pejabat", "POST", BACA_TULIS),
    ("core:pejabat_ubah", "GET", BACA),
    ("core:pejabat_ubah", "POST", BACA_TULIS),
]

CAMAT_BARU = {
    "nama": "Drs. Sutrisno Hadi, M.Si.",
    "nip": "19700512 199503 1 004",
    "pangkat": "Pembina (IV/a)",
    "jabatan": "Sekretaris Kecamatan Magetan",
    "status_jabatan": "definitif",
    "aktif": "on",
}


def _url(nama: str) -> str:
    kec = opd_kecamatan()
    if nama == "core:pejabat":
        return reverse(nama, args=[kec.pk])
    return reverse(nama, args=[kec.pejabat.order_by("pk").first().pk])


def _data(nama: str) -> dict:
    if nama == "core:pejabat":
        return {f"baru-{k}": v for k, v in CAMAT_BARU.items()}
    p = opd_kecamatan().pejabat.order_by("pk").first()
    return {
        "nama": p.nama,
        "nip": p.nip,
        "pangkat": "Pembina Utama Muda (IV/c)",
        "jabatan": p.jabatan,
        "status_jabatan": p.status_jabatan,
        "aktif": "on",
    }


def _potret() -> list:
    return list(Pejabat.objects.order_by("pk").values()) + [Pejabat.history.count()]


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), kasus(TABEL))
def test_permission_table(client, nama, metode, peran, status):
    if peran != "anonim":
        client.force_login(user(peran))
    url = _url(nama)
    sebelum = _potret()
    resp = client.post(url, _data(nama)) if metode == "POST" else client.get(url)
    assert resp.status_code == status, (nama, metode, peran)
    if metode == "POST" and status == 302 and peran != "anonim":
        if nama == "core:pejabat":
            baru = Pejabat.objects.get(nip="197005121995031004")
            assert baru.opd == opd_kecamatan() and baru.history.first().history_user == user(peran)
        else:
            p = opd_kecamatan().pejabat.order_by("pk").first()
            assert p.pangkat == "Pembina Utama Muda (IV/c)"
            assert p.history.first().history_user == user(peran)
    else:
        assert _potret() == sebelum
    if status == 200:
        assert "Pejabat" in teks_halaman(resp)
    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")


def test_every_officials_url_has_rows_for_every_role():
    nama_tabel = {(nama, metode) for nama, metode, _ in TABEL}
    pola = [p.name for p in core_urls.urlpatterns if p.name.startswith("pejabat")]
    assert pola == ["pejabat", "pejabat_ubah"]
    for p in pola:
        for metode in ("GET", "POST"):
            assert (f"core:{p}", metode) in nama_tabel


def test_the_operator_finds_the_page_and_adds_an_official_typed_in_groups(client):
    kec = opd_kecamatan()
    client.force_login(user("operator.kecamatan"))
    opd_page = client.get(reverse("perencanaan:opd", args=[kec.pk])).content.decode()
    assert reverse("core:pejabat", args=[kec.pk]) in opd_page
    resp = client.post(
        reverse("core:pejabat", args=[kec.pk]), {f"baru-{k}": v for k, v in CAMAT_BARU.items()}
    )
    assert "Pejabat Drs. Sutrisno Hadi, M.Si. ditambahkan." in pesan(resp)
    teks = teks_halaman(client.get(resp["Location"]))
    assert "Drs. Sutrisno Hadi, M.Si. 19700512 199503 1 004 Pembina (IV/a)" in teks
    # the LKjIP page links here, not to the admin the operator cannot use
    lkjip = client.get(reverse("laporan:lkjip_ubah", args=[kec.pk, 2023])).content.decode()
    assert reverse("core:pejabat", args=[kec.pk]) in lkjip
    assert "/admin/core/pejabat/" not in lkjip


@pytest.mark.parametrize(
    ("isian", "pesan_harap"),
    [
        ({"nip": "1970051219950310"}, "NIP"),
        ({"nip": "ABCDEFGHIJKLMNOPQR"}, "NIP"),
        ({"nama": ""}, "nama"),
        ({"jabatan": ""}, "jabatan"),
        ({"nama": "x" * 151}, "nama"),
        ({"status_jabatan": "raja"}, "status"),
    ],
)
def test_bad_input_is_refused_by_name_and_changes_nothing(client, isian, pesan_harap):
    kec = opd_kecamatan()
    client.force_login(user("operator.kecamatan"))
    sebelum = _potret()
    data = {f"baru-{k}": v for k, v in {**CAMAT_BARU, **isian}.items()}
    resp = client.post(reverse("core:pejabat", args=[kec.pk]), data)
    assert resp.status_code == 200
    assert _potret() == sebelum
    assert any(pesan_harap.lower() in p.lower() for p in pesan(resp)), pesan(resp)
    assert "Tidak ada yang disimpan: periksa isian yang ditandai." in pesan(resp)


def test_a_nip_already_recorded_is_refused(client):
    kec = opd_kecamatan()
    ada = Pejabat.objects.exclude(nip="").first()
    client.force_login(user("operator.kecamatan"))
    sebelum = _potret()
    data = {f"baru-{k}": v for k, v in {**CAMAT_BARU, "nip": ada.nip}.items()}
    resp = client.post(reverse("core:pejabat", args=[kec.pk]), data)
    assert _potret() == sebelum
    assert any("NIP ini sudah tercatat untuk pejabat lain." in p for p in pesan(resp)), pesan(resp)


def test_another_opds_official_and_the_bupati_are_404_here(client):
    client.force_login(user("operator.kecamatan"))
    lain = Pejabat.objects.exclude(opd=opd_kecamatan()).filter(opd__isnull=False).first()
    bupati = Pejabat.objects.filter(opd__isnull=True).first()
    assert client.get(reverse("core:pejabat_ubah", args=[lain.pk])).status_code == 404
    client.force_login(user("admin"))
    assert client.get(reverse("core:pejabat_ubah", args=[bupati.pk])).status_code == 404
    assert client.get(reverse("core:pejabat_ubah", args=[999999])).status_code == 404
