"""Who may open and post every realisasi page, as a table: URL, role, method, status.

The objects are the Kecamatan's. Rules: an operator of another OPD gets 404 on every page,
form post and evidence file of the Kecamatan (the object does not exist for them); the
Inspektorat reads everything and every post of theirs is refused (403); the OPD's own users
fill in but do not verify or set windows (403); verifikator and admin do everything. A refused
post changes nothing in the database.
"""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from conftest import TAHUN, TW
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from izin import PERAN, kasus
from perencanaan_uji import pesan
from realisasi_uji import PDF, formulir, indikator_pk, opd_kecamatan, potret

from apps.core.models import User
from apps.pengukuran import services
from apps.pengukuran import urls as pengukuran_urls
from apps.pengukuran.berkas import check_bukti
from apps.pengukuran.models import (
    BuktiDukung,
    CatatanVerifikasi,
    JadwalPengisian,
    Realisasi,
)

pytestmark = pytest.mark.django_db


# url name                 method   admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    ("pengukuran:beranda", "GET", (302, 302, 302, 302, 302, 302, 302)),
    # The start page only redirects (to the queue or one's own OPD); like every page of the
    # choke point (apps.core.akses.halaman) it takes the methods it names: GET.
    ("pengukuran:beranda", "POST", (405, 405, 405, 405, 405, 405, 302)),
    ("pengukuran:opd_tahun", "GET", (200, 200, 200, 200, 200, 404, 302)),
    ("pengukuran:opd_tahun", "POST", (405, 405, 405, 405, 405, 405, 302)),
    ("pengukuran:pengisian", "GET", (200, 200, 200, 200, 200, 404, 302)),
    ("pengukuran:pengisian", "POST", (302, 302, 403, 302, 302, 404, 302)),
    ("pengukuran:pratinjau", "GET", (200, 200, 200, 200, 200, 404, 302)),
    ("pengukuran:pratinjau", "POST", (405, 405, 405, 405, 405, 405, 302)),
    ("pengukuran:antrean", "GET", (200, 200, 200, 403, 403, 403, 302)),
    ("pengukuran:antrean", "POST", (405, 405, 405, 405, 405, 405, 302)),
    ("pengukuran:tinjau", "GET", (200, 200, 200, 403, 403, 404, 302)),
    ("pengukuran:tinjau", "POST", (302, 302, 403, 403, 403, 404, 302)),
    ("pengukuran:riwayat", "GET", (200, 200, 200, 200, 200, 404, 302)),
    ("pengukuran:riwayat", "POST", (405, 405, 405, 405, 405, 405, 302)),
    ("pengukuran:buka_kembali", "GET", (405, 405, 405, 405, 405, 405, 302)),
    ("pengukuran:buka_kembali", "POST", (302, 302, 403, 403, 403, 404, 302)),
    ("pengukuran:bukti_unduh", "GET", (200, 200, 200, 200, 200, 404, 302)),
    ("pengukuran:bukti_unduh", "POST", (405, 405, 405, 405, 405, 405, 302)),
    ("pengukuran:bukti_hapus", "GET", (405, 405, 405, 405, 405, 405, 302)),
    ("pengukuran:bukti_hapus", "POST", (302, 302, 403, 302, 302, 404, 302)),
    ("pengukuran:jadwal", "GET", (200, 200, 200, 403, 403, 403, 302)),
    ("pengukuran:jadwal", "POST", (302, 302, 403, 403, 403, 403, 302)),
    # The IKU Pemda of 2023 TW IV: every role reads them; Bagian Organisasi (can manage the
    # kabupaten's master data) posts; a post of nothing to change says so.
    ("pengukuran:iku_pemda", "GET", (200, 200, 200, 200, 200, 200, 302)),
    ("pengukuran:iku_pemda", "POST", (302, 302, 403, 403, 403, 403, 302)),
    ("core:notifikasi", "GET", (200, 200, 200, 200, 200, 200, 302)),
    # Marking one's own notifications read is not a change of OPD data: allowed for every
    # logged-in user, the Inspektorat included.
    ("core:notifikasi", "POST", (302, 302, 302, 302, 302, 302, 302)),
]

KASUS = kasus(TABEL)


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def objek(db, settings, tmp_path, tw_terbuka):
    """The Kecamatan's objects of the table: TW III 2026 with a draft row carrying an evidence
    file, a submitted row, and a verified TW I row (for history and reopening)."""
    settings.MEDIA_ROOT = tmp_path
    opd = opd_kecamatan()
    daftar = indikator_pk()
    operator = User.objects.get(username="operator.kecamatan")
    services.realisasi_triwulan_save(
        opd=opd,
        tahun=TAHUN,
        triwulan=TW,
        user=operator,
        isian=[
            services.Isian(
                indikator_id=daftar[0].pk,
                nilai=Decimal("50"),
                analisis="Survei belum selesai.",
                solusi="Survei susulan.",
            )
        ],
    )
    draf = Realisasi.objects.get(indikator=daftar[0], tahun=TAHUN, triwulan=TW)
    diajukan = Realisasi.objects.create(
        indikator=daftar[1],
        tahun=TAHUN,
        triwulan=TW,
        nilai=Decimal("90"),
        status=Realisasi.Status.DIAJUKAN,
        diisi_oleh=operator,
        diajukan_oleh=operator,
        diajukan_pada=timezone.now(),
    )
    bukti = services.bukti_add(
        realisasi=draf,
        user=operator,
        berkas=check_bukti(
            SimpleUploadedFile("laporan survei.pdf", PDF, content_type="application/pdf")
        ),
    )
    terverifikasi = Realisasi.objects.get(indikator=daftar[0], tahun=TAHUN, triwulan=1)
    assert terverifikasi.status == Realisasi.Status.DIVERIFIKASI
    return SimpleNamespace(
        opd=opd,
        daftar=daftar,
        draf=draf,
        diajukan=diajukan,
        bukti=bukti,
        terverifikasi=terverifikasi,
    )


def _args(nama, o):
    return {
        "pengukuran:opd_tahun": [o.opd.pk, TAHUN],
        "pengukuran:pengisian": [o.opd.pk, TAHUN, TW],
        "pengukuran:pratinjau": [o.opd.pk, TAHUN, TW],
        "pengukuran:tinjau": [o.opd.pk, TAHUN, TW],
        "pengukuran:riwayat": [o.terverifikasi.pk],
        "pengukuran:buka_kembali": [o.terverifikasi.pk],
        "pengukuran:bukti_unduh": [o.bukti.pk],
        "pengukuran:bukti_hapus": [o.bukti.pk],
        "pengukuran:iku_pemda": [2023, 4],
    }.get(nama, [])


def _isian_entri(o):
    """The entry page as the Kecamatan's operator's browser would post it, with a new value
    for the third indicator."""
    c = Client()
    c.force_login(User.objects.get(username="operator.kecamatan"))
    data = formulir(
        c.get(reverse("pengukuran:pengisian", args=[o.opd.pk, TAHUN, TW])).content.decode()
    )
    assert f"i{o.daftar[0].pk}-nilai" in data  # the draft row is editable
    assert f"i{o.daftar[1].pk}-nilai" not in data  # the submitted row is locked
    data[f"i{o.daftar[2].pk}-nilai"] = "77"
    data["aksi"] = "simpan"
    return data


def _post_data(nama, o):
    if nama == "pengukuran:pengisian":
        return _isian_entri(o)
    return {
        "pengukuran:tinjau": {"aksi": "semua"},
        "pengukuran:iku_pemda": {"aksi": "simpan"},
        "pengukuran:buka_kembali": {"alasan": "Data survei direvisi BPS."},
        "pengukuran:jadwal": {
            "aksi": "jadwal",
            "j-tahun": "2027",
            "j-triwulan": "1",
            "j-dibuka": "1 April 2027",
            "j-ditutup": "15 April 2027",
        },
    }.get(nama, {})


def _get_params(nama, o):
    if nama == "pengukuran:pratinjau":
        return {f"i{o.daftar[0].pk}": "90,02"}
    return {}


# What a user who may read the page sees on it.
TAMPAK = {
    "pengukuran:opd_tahun": "Realisasi Kinerja 2026",
    "pengukuran:pengisian": "Realisasi Triwulan III 2026",
    "pengukuran:antrean": "Antrean verifikasi realisasi",
    "pengukuran:tinjau": "Tinjau realisasi Triwulan III 2026",
    "pengukuran:riwayat": "Riwayat: Indeks Kepuasan Masyarakat",
    "pengukuran:jadwal": "Jadwal pengisian realisasi",
    "pengukuran:iku_pemda": "Realisasi IKU Pemda Triwulan IV 2023",
    "core:notifikasi": "<h1>Notifikasi</h1>",
}


def _periksa_berhasil(nama, peran, resp, o):
    """The effect a user who may post sees: the change is in the database."""
    if nama == "pengukuran:pengisian":
        assert resp["Location"] == reverse("pengukuran:pengisian", args=[o.opd.pk, TAHUN, TW])
        r = Realisasi.objects.get(indikator=o.daftar[2], tahun=TAHUN, triwulan=TW)
        assert (r.nilai, r.diisi_oleh.username) == (Decimal("77"), peran)
    elif nama == "pengukuran:tinjau":
        o.diajukan.refresh_from_db()
        assert o.diajukan.status == Realisasi.Status.DIVERIFIKASI
        assert o.diajukan.diverifikasi_oleh.username == peran
    elif nama == "pengukuran:buka_kembali":
        o.terverifikasi.refresh_from_db()
        assert o.terverifikasi.status == Realisasi.Status.DIKEMBALIKAN
        assert (
            CatatanVerifikasi.objects.get(
                realisasi=o.terverifikasi, jenis="buka_kembali"
            ).penulis.username
            == peran
        )
    elif nama == "pengukuran:bukti_hapus":
        assert not BuktiDukung.objects.filter(pk=o.bukti.pk).exists()
    elif nama == "pengukuran:jadwal":
        j = JadwalPengisian.objects.get(tahun=2027, triwulan=1)
        assert (j.dibuka.isoformat(), j.ditutup.isoformat()) == ("2027-04-01", "2027-04-15")
    elif nama == "pengukuran:iku_pemda":
        assert resp["Location"] == reverse(nama, args=[2023, 4])
        assert pesan(resp) == ["Tidak ada perubahan."]
    elif nama == "core:notifikasi":
        user = User.objects.get(username=peran)
        assert not user.notifikasi.filter(dibaca_pada__isnull=True).exists()


# --- the table -------------------------------------------------------------------------------


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), KASUS)
def test_permission_table(client, objek, nama, metode, peran, status):
    o = objek
    url = reverse(nama, args=_args(nama, o))
    data = _post_data(nama, o) if metode == "POST" else _get_params(nama, o)
    if peran != "anonim":
        client.force_login(User.objects.get(username=peran))
    sebelum = potret()
    if metode == "POST":
        resp = client.post(url, data)
    else:
        resp = client.get(url, data)
    assert resp.status_code == status, (nama, metode, peran)

    berhasil = metode == "POST" and status == 302 and peran != "anonim"
    if berhasil:
        _periksa_berhasil(nama, peran, resp, o)
    elif metode == "POST" or status != 200:
        assert potret() == sebelum, "a refused request changed the database"

    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif status == 200 and nama == "pengukuran:bukti_unduh":
        assert b"".join(resp.streaming_content) == PDF
        assert resp["Content-Type"] == "application/pdf"
        assert "laporan survei.pdf" in resp["Content-Disposition"]
        assert resp["X-Content-Type-Options"] == "nosniff"
    elif status == 200 and nama == "pengukuran:pratinjau":
        assert resp.json()["hasil"][str(o.daftar[0].pk)]["capaian"] == "105,91 %"
    elif status == 200:
        assert TAMPAK[nama] in resp.content.decode()
    if nama == "pengukuran:bukti_hapus" and not berhasil:
        assert o.bukti.berkas.storage.exists(o.bukti.berkas.name)


def test_every_url_of_the_app_has_rows_for_every_role():
    """A new URL without rows in the table fails here."""
    nama_tabel = {(nama, metode) for nama, metode, _ in TABEL}
    for pola in pengukuran_urls.urlpatterns:
        nama = f"{pengukuran_urls.app_name}:{pola.name}"
        assert (nama, "GET") in nama_tabel or (nama, "POST") in nama_tabel, nama
        for metode in ("GET", "POST"):
            assert (nama, metode) in nama_tabel, f"{nama} {metode} is not in the table"
    assert ("core:notifikasi", "POST") in nama_tabel
    assert all(len(statuses) == len(PERAN) for _, _, statuses in TABEL)


def test_start_page_sends_each_role_to_its_place(client):
    kec = opd_kecamatan()
    tujuan = {
        "admin": reverse("pengukuran:antrean"),
        "verifikator": reverse("pengukuran:antrean"),
        "inspektorat": reverse("pengukuran:antrean"),
        "operator.kecamatan": reverse(
            "pengukuran:opd_tahun", args=[kec.pk, timezone.localdate().year]
        ),
        "operator.organisasi": reverse(
            "pengukuran:opd_tahun",
            args=[
                User.objects.get(username="operator.organisasi").opd_id,
                timezone.localdate().year,
            ],
        ),
    }
    for peran, url in tujuan.items():
        client.force_login(User.objects.get(username=peran))
        assert client.get(reverse("pengukuran:beranda"))["Location"] == url, peran


def test_other_opd_cannot_see_the_kecamatan_in_the_queue_links_or_by_guessing_ids(client, objek):
    """404, not 403: an operator of another OPD cannot even learn that the object exists."""
    client.force_login(User.objects.get(username="operator.organisasi"))
    for url in (
        reverse("pengukuran:pengisian", args=[objek.opd.pk, TAHUN, 2]),
        reverse("pengukuran:tinjau", args=[objek.opd.pk, TAHUN, 2]),
        reverse("pengukuran:riwayat", args=[objek.draf.pk]),
        reverse("pengukuran:riwayat", args=[objek.diajukan.pk]),
        reverse("pengukuran:bukti_unduh", args=[objek.bukti.pk]) + "?lihat=1",
    ):
        assert client.get(url).status_code == 404, url
    # A non-existent id answers the same as a forbidden one.
    assert (
        client.get(reverse("pengukuran:bukti_unduh", args=[objek.bukti.pk + 1000])).status_code
        == 404
    )


def test_forged_kecamatan_indicator_in_a_post_to_ones_own_entry_page_changes_nothing(client, objek):
    """operator.organisasi posts their OWN entry page with the Kecamatan's indicator ids:
    the page only reads the rows of their own PK, so nothing of the Kecamatan changes."""
    user = User.objects.get(username="operator.organisasi")
    client.force_login(user)
    sendiri = reverse("pengukuran:pengisian", args=[user.opd_id, TAHUN, TW])
    assert client.get(sendiri).status_code == 200
    sebelum = potret()
    data = {"aksi": "ajukan"}
    for ind in objek.daftar:
        p = f"i{ind.pk}"
        data.update(
            {
                f"{p}-nilai": "1",
                f"{p}-versi": "1",
                f"{p}-hash_isi": "",
                f"{p}-analisis": "palsu",
                f"{p}-solusi": "palsu",
            }
        )
    data[f"r{objek.diajukan.pk}-aksi"] = "verifikasi"
    resp = client.post(sendiri, data, follow=True)
    assert resp.status_code == 200
    assert potret() == sebelum
    assert not Realisasi.objects.filter(
        indikator__in=objek.daftar, tahun=TAHUN, triwulan=TW, nilai=1
    ).exists()
    objek.diajukan.refresh_from_db()
    assert objek.diajukan.status == Realisasi.Status.DIAJUKAN


def test_forged_evidence_upload_to_another_opds_row_is_impossible_through_ones_own_page(
    client, objek
):
    """The evidence field of a Kecamatan indicator posted to one's own page is ignored."""
    user = User.objects.get(username="operator.organisasi")
    client.force_login(user)
    sendiri = reverse("pengukuran:pengisian", args=[user.opd_id, TAHUN, TW])
    sebelum = potret()
    client.post(
        sendiri,
        {
            "aksi": "simpan",
            f"i{objek.daftar[0].pk}-bukti": SimpleUploadedFile(
                "palsu.pdf", PDF, content_type="application/pdf"
            ),
        },
    )
    assert potret() == sebelum
