"""Who may open and post every planning page, as a table: URL, method, status per role.

The objects are Kecamatan Magetan's: its Renstra 2024-2026, a draft perubahan of its PK 2026
(dated, so it can be finalised), its PK 2023 (two final versions). Rules: an OPD user of
another OPD gets 404 on every page and post of the Kecamatan (the object does not exist for
them); the Inspektorat reads everything and every post of theirs is refused (403); finalising
a PK needs the approval capability (pimpinan, verifikator, admin); a final PK is read-only for
everyone, admin included. A refused post changes nothing in the database: every row and value
of the planning tables and their history is the same before and after.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from izin import PERAN, SALAH_METODE, kasus
from perencanaan_uji import (
    draf_2026,
    formulir,
    formulir_dari,
    indikator_lepas,
    indikator_renstra,
    opd_organisasi,
    pesan,
    pk_kec,
    potret,
    renstra_kec,
    user,
)
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.core.models import Pejabat
from apps.perencanaan import urls as perencanaan_urls
from apps.perencanaan.models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    Renstra,
    TargetTahunan,
    Tujuan,
)

pytestmark = pytest.mark.django_db


# Every logged-in user: the method is refused; anonymous: sent to the login page first.
# Read by every role that sees the Kecamatan.
BACA = (200, 200, 200, 200, 200, 404, 302)
# A change of the Kecamatan's data: not the Inspektorat, not another OPD.
UBAH = (302, 302, 403, 302, 302, 404, 302)

# url name                          method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    # The start page: all-OPD roles get the list, an OPD user their own OPD's page.
    ("perencanaan:beranda", "GET", (200, 200, 200, 302, 302, 302, 302)),
    # A read-only page: a POST is a wrong method like everywhere else in the app.
    ("perencanaan:beranda", "POST", SALAH_METODE),
    ("perencanaan:opd", "GET", BACA),
    ("perencanaan:opd", "POST", UBAH),
    ("perencanaan:konsistensi", "GET", BACA),
    ("perencanaan:konsistensi", "POST", SALAH_METODE),
    ("perencanaan:pk_banding", "GET", BACA),
    ("perencanaan:pk_banding", "POST", SALAH_METODE),
    # The kabupaten's RPJMD: read by every role (each sees its own OPDs' links under it).
    ("perencanaan:rpjmd", "GET", (200, 200, 200, 200, 200, 200, 302)),
    ("perencanaan:rpjmd", "POST", SALAH_METODE),
    ("perencanaan:rpjmd_ekspor_target", "GET", (200, 200, 200, 200, 200, 200, 302)),
    ("perencanaan:rpjmd_ekspor_target", "POST", SALAH_METODE),
    ("perencanaan:renstra", "GET", BACA),
    ("perencanaan:renstra", "POST", UBAH),
    ("perencanaan:renstra_tambah", "GET", SALAH_METODE),
    ("perencanaan:renstra_tambah", "POST", UBAH),
    ("perencanaan:renstra_hapus", "GET", SALAH_METODE),
    ("perencanaan:renstra_hapus", "POST", UBAH),
    ("perencanaan:renstra_salin", "GET", SALAH_METODE),
    ("perencanaan:renstra_salin", "POST", UBAH),
    ("perencanaan:iku", "GET", BACA),
    ("perencanaan:iku", "POST", UBAH),
    ("perencanaan:pk", "GET", BACA),
    ("perencanaan:pk", "POST", UBAH),
    ("perencanaan:pk_finalkan", "GET", SALAH_METODE),
    # Finalising needs can_approve_opd: not the operator, not the Inspektorat.
    ("perencanaan:pk_finalkan", "POST", (302, 302, 403, 403, 302, 404, 302)),
    ("perencanaan:pk_perubahan", "GET", SALAH_METODE),
    ("perencanaan:pk_perubahan", "POST", UBAH),
    ("perencanaan:pk_hapus", "GET", SALAH_METODE),
    ("perencanaan:pk_hapus", "POST", UBAH),
    ("perencanaan:pk_pdf", "GET", BACA),
    ("perencanaan:pk_pdf", "POST", SALAH_METODE),
    # Exports in the import's columns: read by every role that sees the Kecamatan.
    ("perencanaan:renstra_ekspor_target", "GET", BACA),
    ("perencanaan:renstra_ekspor_target", "POST", SALAH_METODE),
    ("perencanaan:renstra_ekspor_matriks", "GET", BACA),
    ("perencanaan:renstra_ekspor_matriks", "POST", SALAH_METODE),
    ("perencanaan:pk_ekspor_target", "GET", BACA),
    ("perencanaan:pk_ekspor_target", "POST", SALAH_METODE),
]

KASUS = kasus(TABEL)


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def objek(db):
    """The Kecamatan's objects of the table: its Renstra 2024-2026 with an indicator nothing
    depends on (to delete), a dated draft perubahan of its PK 2026 (to edit, finalise,
    delete), and its PK 2023 perubahan 1 (the latest final version, to start a perubahan
    from)."""
    opd = opd_kecamatan()
    renstra = renstra_kec(2024)
    lepas = indikator_lepas(renstra)
    draf = draf_2026(tanggal=datetime.date(2026, 3, 2))
    return SimpleNamespace(
        opd=opd,
        renstra=renstra,
        lepas=lepas,
        draf=draf,
        pk_2023=pk_kec(2023, 1),
        indikator=indikator_renstra(renstra)[0],
    )


def _args(nama, o):
    return {
        "perencanaan:opd": [o.opd.pk],
        "perencanaan:konsistensi": [o.opd.pk, 2026],
        "perencanaan:pk_banding": [o.opd.pk, 2023],
        "perencanaan:rpjmd": [o.renstra.periode_rpjmd_id],
        "perencanaan:rpjmd_ekspor_target": [o.renstra.periode_rpjmd_id, "xlsx"],
        "perencanaan:renstra": [o.renstra.pk],
        "perencanaan:renstra_tambah": [o.renstra.pk],
        "perencanaan:renstra_hapus": [o.renstra.pk],
        "perencanaan:renstra_salin": [o.renstra.pk],
        "perencanaan:iku": [o.renstra.pk],
        "perencanaan:pk": [o.draf.pk],
        "perencanaan:pk_finalkan": [o.draf.pk],
        "perencanaan:pk_perubahan": [o.pk_2023.pk],
        "perencanaan:pk_hapus": [o.draf.pk],
        "perencanaan:pk_pdf": [o.draf.pk],
        "perencanaan:renstra_ekspor_target": [o.renstra.pk, "xlsx"],
        "perencanaan:renstra_ekspor_matriks": [o.renstra.pk, "csv"],
        "perencanaan:pk_ekspor_target": [o.draf.pk, "csv"],
    }.get(nama, [])


def _post_data(nama, o):
    """What the Kecamatan's own forms send (read from the pages as its operator sees them),
    with one change each; another OPD's operator posting this is forging the ids."""
    if nama == "perencanaan:renstra":
        data = formulir_dari(reverse(nama, args=[o.renstra.pk]), "form-renstra")
        data[f"i{o.indikator.pk}-target_2025"] = "81,5"
        return data
    if nama == "perencanaan:iku":
        data = formulir_dari(reverse(nama, args=[o.renstra.pk]), "form-iku")
        data[f"k{o.indikator.pk}-sumber_data"] = "Survei IKM Kecamatan (uji hak akses)"
        return data
    if nama == "perencanaan:pk":
        data = formulir_dari(reverse(nama, args=[o.draf.pk]), "form-pk")
        data["pk-tempat"] = "Maospati"
        return data
    return {
        "perencanaan:opd": {"aksi": "pk_baru", "pk-tahun": "2025"},
        "perencanaan:renstra_tambah": {"jenis": "tujuan", "bt-uraian": "Tujuan uji hak akses"},
        "perencanaan:renstra_hapus": {"butir": f"indikator-{o.lepas.pk}"},
        "perencanaan:renstra_salin": {"salin-tahun_awal": "2027", "salin-tahun_akhir": "2031"},
        "perencanaan:pk_perubahan": {
            "alasan_perubahan": "pejabat",
            "keterangan_perubahan": "Camat baru dilantik.",
        },
    }.get(nama, {})


def _get_params(nama, o):
    if nama == "perencanaan:pk_banding":
        return {"dari": "0", "ke": "1"}
    return {}


# What a user who may read the page sees on it.
TAMPAK = {
    "perencanaan:beranda": "Perencanaan",
    "perencanaan:opd": "Perencanaan Kinerja",
    "perencanaan:konsistensi": "Kecamatan Magetan",
    "perencanaan:pk_banding": "Kecamatan Magetan",
    "perencanaan:rpjmd": "Tujuan 1: Meningkatkan Tata Kelola Pemerintahan yang Baik dan Bersih",
    "perencanaan:renstra": "Renstra 2024–2026",
    "perencanaan:iku": "Indikator Kinerja Utama",
    "perencanaan:pk": "Perubahan Perjanjian Kinerja Tahun 2026",
}


def _periksa_berhasil(nama, peran, resp, o):
    """The effect a user who may post sees: the change is in the database."""
    if nama == "perencanaan:opd":
        baru = PerjanjianKinerja.objects.get(opd=o.opd, tahun=2025)
        assert (baru.versi, baru.status) == (0, PerjanjianKinerja.Status.DRAFT)
        assert resp["Location"] == reverse("perencanaan:pk", args=[baru.pk])
    elif nama == "perencanaan:renstra":
        assert TargetTahunan.objects.get(indikator=o.indikator, tahun=2025).target == Decimal(
            "81.5"
        )
        assert "Renstra tersimpan (1 perubahan)." in pesan(resp)
    elif nama == "perencanaan:renstra_tambah":
        assert Tujuan.objects.filter(renstra=o.renstra, uraian="Tujuan uji hak akses").exists()
    elif nama == "perencanaan:renstra_hapus":
        assert not IndikatorKinerja.objects.filter(pk=o.lepas.pk).exists()
    elif nama == "perencanaan:renstra_salin":
        baru = Renstra.objects.get(opd=o.opd, tahun_awal=2027)
        assert baru.tahun_akhir == 2031
        assert resp["Location"] == reverse("perencanaan:renstra", args=[baru.pk])
    elif nama == "perencanaan:iku":
        o.indikator.refresh_from_db()
        assert o.indikator.sumber_data == "Survei IKM Kecamatan (uji hak akses)"
    elif nama == "perencanaan:pk":
        o.draf.refresh_from_db()
        assert o.draf.tempat == "Maospati"
        assert o.draf.status == PerjanjianKinerja.Status.DRAFT
    elif nama == "perencanaan:pk_finalkan":
        o.draf.refresh_from_db()
        assert o.draf.status == PerjanjianKinerja.Status.FINAL
        assert o.draf.difinalkan_oleh.username == peran
    elif nama == "perencanaan:pk_perubahan":
        baru = PerjanjianKinerja.objects.get(opd=o.opd, tahun=2023, versi=2)
        assert (baru.status, baru.alasan_perubahan) == (PerjanjianKinerja.Status.DRAFT, "pejabat")
        assert resp["Location"] == reverse("perencanaan:pk", args=[baru.pk])
    elif nama == "perencanaan:pk_hapus":
        assert not PerjanjianKinerja.objects.filter(pk=o.draf.pk).exists()
        assert resp["Location"] == reverse("perencanaan:opd", args=[o.opd.pk])
    else:
        raise AssertionError(f"{nama}: a successful POST without a check")


# --- the table -------------------------------------------------------------------------------


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), KASUS)
def test_permission_table(client, objek, nama, metode, peran, status):
    o = objek
    url = reverse(nama, args=_args(nama, o))
    data = _post_data(nama, o) if metode == "POST" else _get_params(nama, o)
    if peran != "anonim":
        client.force_login(user(peran))
    sebelum = potret()
    resp = client.post(url, data) if metode == "POST" else client.get(url, data)
    assert resp.status_code == status, (nama, metode, peran)

    berhasil = metode == "POST" and status == 302 and peran != "anonim"
    if berhasil:
        _periksa_berhasil(nama, peran, resp, o)
    else:
        assert potret() == sebelum, "a refused or read-only request changed the database"

    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif status == 200 and nama == "perencanaan:pk_pdf":
        assert resp["Content-Type"] == "application/pdf"
        assert resp.content.startswith(b"%PDF")
    elif status == 200 and "_ekspor_" in nama:
        assert resp["Content-Disposition"].startswith("attachment;")
        awal = {"xlsx": b"PK\x03\x04", "csv": "\ufeff".encode()}[url.rsplit(".", 1)[1]]
        assert resp.content.startswith(awal)
    elif status == 200:
        assert TAMPAK[nama] in teks_halaman(resp)
    elif status == 302 and nama == "perencanaan:beranda":
        assert resp["Location"] == reverse("perencanaan:opd", args=[user(peran).opd_id])


def test_every_url_of_the_app_has_rows_for_every_role():
    """A new URL without rows in the table fails here (the PK berjenjang and PK Bupati pages
    have their own tables, in test_pk_jenjang.py and test_pk_bupati.py)."""
    nama_tabel = {(nama, metode) for nama, metode, _ in TABEL}
    assert len(nama_tabel) == len(TABEL), "a row appears twice"
    pola_list = [
        p
        for p in perencanaan_urls.urlpatterns
        if "jenjang" not in p.name and "bupati" not in p.name
    ]
    for pola in pola_list:
        nama = f"{perencanaan_urls.app_name}:{pola.name}"
        for metode in ("GET", "POST"):
            assert (nama, metode) in nama_tabel, f"{nama} {metode} is not in the table"
    assert len(TABEL) == 2 * len(pola_list)
    assert all(len(statuses) == len(PERAN) for _, _, statuses in TABEL)


def test_start_page_lists_every_opd_for_all_opd_roles_and_sends_opd_users_home(client):
    for peran in ("admin", "verifikator", "inspektorat"):
        client.force_login(user(peran))
        teks = teks_halaman(client.get(reverse("perencanaan:beranda")))
        assert "Kecamatan Magetan" in teks and "Bagian Organisasi" in teks, peran
    for peran, opd in (
        ("operator.kecamatan", opd_kecamatan()),
        ("pimpinan.kecamatan", opd_kecamatan()),
        ("operator.organisasi", opd_organisasi()),
    ):
        client.force_login(user(peran))
        assert client.get(reverse("perencanaan:beranda"))["Location"] == reverse(
            "perencanaan:opd", args=[opd.pk]
        ), peran


# --- forged ids ------------------------------------------------------------------------------


def _palsu_pk(o):
    data = formulir_dari(reverse("perencanaan:pk", args=[o.draf.pk]), "form-pk")
    data["pk-tempat"] = "Dipalsukan"
    return reverse("perencanaan:pk", args=[o.draf.pk]), data


def _palsu_pohon(o):
    url = reverse("perencanaan:renstra", args=[o.renstra.pk])
    data = formulir_dari(url, "form-renstra")
    data[f"i{o.indikator.pk}-nama"] = "Dipalsukan"
    return url, data


def _palsu_tambah(o):
    sasaran = o.indikator.sasaran_id
    return reverse("perencanaan:renstra_tambah", args=[o.renstra.pk]), {
        "jenis": "indikator",
        "bi-sasaran": sasaran,
        "bi-nama": "Dipalsukan",
        "bi-satuan": "%",
        "bi-polaritas": "positif",
        "bi-jenis_nilai": "angka",
        "bi-agregasi": "nilai_akhir",
    }


def _palsu_hapus(o):
    return (
        reverse("perencanaan:renstra_hapus", args=[o.renstra.pk]),
        {"butir": f"indikator-{o.lepas.pk}"},
    )


def _palsu_salin(o):
    return (
        reverse("perencanaan:renstra_salin", args=[o.renstra.pk]),
        {"salin-tahun_awal": "2027", "salin-tahun_akhir": "2031"},
    )


def _palsu_iku(o):
    url = reverse("perencanaan:iku", args=[o.renstra.pk])
    data = formulir_dari(url, "form-iku")
    data[f"k{o.indikator.pk}-formula"] = "Dipalsukan"
    return url, data


def _palsu_hapus_lewat_renstra_sendiri(o):
    """operator.organisasi's OWN Renstra URL with the Kecamatan's indicator."""
    sendiri = Renstra.objects.get(opd=opd_organisasi())
    return (
        reverse("perencanaan:renstra_hapus", args=[sendiri.pk]),
        {"butir": f"indikator-{o.lepas.pk}"},
    )


@pytest.mark.parametrize(
    "buat",
    [
        pytest.param(_palsu_pk, id="pk-edit"),
        pytest.param(_palsu_pohon, id="renstra-pohon"),
        pytest.param(_palsu_tambah, id="renstra-tambah"),
        pytest.param(_palsu_hapus, id="renstra-hapus"),
        pytest.param(_palsu_salin, id="renstra-salin"),
        pytest.param(_palsu_iku, id="iku"),
        pytest.param(
            lambda o: (reverse("perencanaan:pk_hapus", args=[o.draf.pk]), {}), id="pk-hapus"
        ),
        pytest.param(
            lambda o: (
                reverse("perencanaan:pk_perubahan", args=[o.pk_2023.pk]),
                {"alasan_perubahan": "pejabat", "keterangan_perubahan": "x"},
            ),
            id="pk-perubahan",
        ),
        pytest.param(_palsu_hapus_lewat_renstra_sendiri, id="hapus-lewat-renstra-sendiri"),
    ],
)
def test_another_opds_operator_posting_the_kecamatans_ids_gets_404_and_changes_nothing(
    client, objek, buat
):
    url, data = buat(objek)
    client.force_login(user("operator.organisasi"))
    sebelum = potret()
    resp = client.post(url, data)
    assert resp.status_code == 404
    assert potret() == sebelum
    assert IndikatorKinerja.objects.filter(pk=objek.lepas.pk).exists()


def test_other_opds_indicator_posted_to_ones_own_renstra_hapus_is_404_and_kept(client, objek):
    """operator.kecamatan names, on the Kecamatan's own delete URL, an indicator of Bagian
    Organisasi that nothing depends on (so only the isolation protects it)."""
    lain = indikator_lepas(Renstra.objects.get(opd=opd_organisasi()), "Indikator Organisasi")
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    for butir in (
        f"indikator-{lain.pk}",
        f"sasaran-{lain.sasaran_id}",
        f"tujuan-{lain.sasaran.tujuan_id}",
    ):
        resp = client.post(
            reverse("perencanaan:renstra_hapus", args=[objek.renstra.pk]), {"butir": butir}
        )
        assert resp.status_code == 404, butir
    assert potret() == sebelum
    assert IndikatorKinerja.objects.filter(pk=lain.pk).exists()


def test_other_renstra_of_the_same_opd_in_hapus_is_404(client, objek):
    """An indicator of the Kecamatan's Renstra 2018-2023 on the 2024-2026 URL."""
    lama = indikator_lepas(renstra_kec(2018), "Indikator lama tanpa PK")
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    resp = client.post(
        reverse("perencanaan:renstra_hapus", args=[objek.renstra.pk]),
        {"butir": f"indikator-{lama.pk}"},
    )
    assert resp.status_code == 404
    assert potret() == sebelum


PILIHAN_SALAH = (
    "Masukkan pilihan yang valid. Pilihan tersebut bukan salah satu dari pilihan yang tersedia."
)


@pytest.mark.parametrize(
    ("field", "pesan_galat"),
    [
        ("pihak_pertama", "Pihak pertama: pilih pejabat OPD ini."),
        (
            "pihak_kedua",
            "Pihak kedua: pilih atasan langsung pihak pertama (kepala daerah atau "
            "pimpinan OPD induk)",
        ),
    ],
)
def test_operator_cannot_make_another_opds_official_sign_the_pk(client, objek, field, pesan_galat):
    """The head of Bagian Organisasi named as a signatory of the Kecamatan's PK."""
    url = reverse("perencanaan:pk", args=[objek.draf.pk])
    data = formulir_dari(url, "form-pk")
    data[f"pk-{field}"] = Pejabat.objects.get(opd=opd_organisasi()).pk
    data["pk-tempat"] = "Maospati"  # a valid change in the same post is not saved either
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    resp = client.post(url, data)
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert pesan_galat in teks
    assert "Tidak ada yang disimpan: periksa isian yang ditandai." in teks
    assert potret() == sebelum


def test_operator_cannot_add_another_opds_indicator_to_the_pk(client, objek):
    lain = IndikatorKinerja.objects.filter(sasaran__tujuan__renstra__opd=opd_organisasi())[0]
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    resp = client.post(
        reverse("perencanaan:pk", args=[objek.draf.pk]),
        {"aksi": "tambah_indikator", "ti-indikator": lain.pk, "ti-target": "90"},
    )
    assert resp.status_code == 200
    assert potret() == sebelum
    # (The label's case is checked in test_input_salah_perencanaan.)
    assert PILIHAN_SALAH in teks_halaman(resp)


# --- a final PK is read-only for everyone ----------------------------------------------------

PENGUBAH = ("admin", "verifikator", "operator.kecamatan", "pimpinan.kecamatan")


def _isian_final(pk):
    """What the edit form would send for a final PK (the page shows no form: forged)."""
    return {
        "aksi": "simpan",
        "pk-tempat": "Dipalsukan",
        "pk-tanggal": "1 Maret 2026",
        "pk-pihak_pertama": pk.pihak_pertama_id,
        "pk-pihak_kedua": pk.pihak_kedua_id,
        "pk-pernyataan": "Dipalsukan",
        **{f"t{r.pk}-target": "1" for r in pk.indikator.all()},
    }


@pytest.mark.parametrize(
    "versi",
    [
        pytest.param((2026, 0), id="pk2026-induk"),
        pytest.param((2023, 1), id="pk2023-perubahan"),
        pytest.param((2023, 0), id="pk2023-induk"),
    ],
)
@pytest.mark.parametrize("aksi", ["simpan", "tambah_indikator", "tambah_program", "hapus"])
@pytest.mark.parametrize("peran", PENGUBAH)
def test_a_final_pk_cannot_be_changed_by_anyone(client, peran, aksi, versi):
    pk = pk_kec(*versi)
    assert pk.status == PerjanjianKinerja.Status.FINAL
    if aksi == "hapus":
        url, data = reverse("perencanaan:pk_hapus", args=[pk.pk]), {}
    elif aksi == "simpan":
        url, data = reverse("perencanaan:pk", args=[pk.pk]), _isian_final(pk)
    elif aksi == "tambah_indikator":
        lepas = indikator_lepas(renstra_kec(2018 if pk.tahun == 2023 else 2024))
        url, data = (
            reverse("perencanaan:pk", args=[pk.pk]),
            {"aksi": aksi, "ti-indikator": lepas.pk, "ti-target": "50"},
        )
    else:
        url, data = (
            reverse("perencanaan:pk", args=[pk.pk]),
            {
                "aksi": aksi,
                "tp-program": pk.program.first().program_id if pk.program.exists() else "",
                "tp-anggaran": "1000",
            },
        )
    client.force_login(user(peran))
    sebelum = potret()
    resp = client.post(url, data)
    assert resp.status_code == 302
    assert resp["Location"] == reverse("perencanaan:pk", args=[pk.pk])
    assert any("sudah final dan tidak dapat diubah" in m for m in pesan(resp)), pesan(resp)
    assert potret() == sebelum
    # The page the user lands on says it too, and shows no edit form.
    halaman = client.get(resp["Location"])
    assert "sudah final dan tidak dapat diubah" in teks_halaman(halaman)
    assert 'id="form-pk"' not in halaman.content.decode()


@pytest.mark.parametrize(
    "nama",
    [
        "perencanaan:pk",
        "perencanaan:pk_hapus",
        "perencanaan:pk_finalkan",
        "perencanaan:pk_perubahan",
    ],
)
def test_inspektorat_is_refused_on_a_final_pk_too(client, nama):
    pk = pk_kec(2026)
    client.force_login(user("inspektorat"))
    sebelum = potret()
    data = (
        _isian_final(pk)
        if nama == "perencanaan:pk"
        else {"alasan_perubahan": "pejabat", "keterangan_perubahan": "x"}
    )
    assert client.post(reverse(nama, args=[pk.pk]), data).status_code == 403
    assert potret() == sebelum


def test_finalising_a_final_pk_again_is_refused(client):
    """A second click on Finalkan (two tabs) leaves the first finalisation as it was."""
    pk = pk_kec(2026)
    client.force_login(user("pimpinan.kecamatan"))
    sebelum = potret()
    resp = client.post(reverse("perencanaan:pk_finalkan", args=[pk.pk]))
    assert resp.status_code == 302
    assert any("sudah final dan tidak dapat diubah" in m for m in pesan(resp))
    assert potret() == sebelum


def test_the_final_pk_page_offers_no_form_to_anyone(client):
    pk = pk_kec(2026)
    for peran in PENGUBAH:
        client.force_login(user(peran))
        body = client.get(reverse("perencanaan:pk", args=[pk.pk])).content.decode()
        for form_id in ("form-pk", "form-tambah-indikator", "form-tambah-program"):
            assert f'id="{form_id}"' not in body, (peran, form_id)
        assert reverse("perencanaan:pk_hapus", args=[pk.pk]) not in body
        assert reverse("perencanaan:pk_finalkan", args=[pk.pk]) not in body


def test_formulir_reads_checked_boxes_and_selected_options():
    """The helper sends what a browser sends."""
    page = (
        '<form id="f"><input name="a" value="1"><input type="checkbox" name="b" value="2" '
        'checked><input type="checkbox" name="b" value="3"><input type="checkbox" '
        'name="b" value="4" checked><input type="checkbox" name="c"><input '
        'type="checkbox" name="d" checked><select name="s"><option value="x">x</option>'
        '<option value="y" selected>y</option></select><select name="t"><option '
        'value="p">p</option></select><textarea name="u">\nbaris</textarea>'
        '<input name="e" disabled value="9"></form>'
    )
    assert formulir(page, "f") == {
        "a": "1",
        "b": ["2", "4"],
        "d": "on",
        "s": "y",
        "t": "p",
        "u": "baris",
    }
