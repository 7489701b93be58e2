"""The Bupati's Perjanjian Kinerja (issue 19, item 3): the IKU Pemda of the RPJMD with the
year's targets, proposed from the RPJMD, kept by Bagian Organisasi, finalised with the kepala
daerah's signature frozen, changed by a perubahan, printed; read by every role."""

import datetime
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from izin import SALAH_METODE, SEMUA, kasus
from pabrik.core import PejabatFactory
from perencanaan_uji import formulir_dari, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman
from tata_letak_uji import masalah_tata_letak, sel_meluap

from apps.core.pdf import render_pdf, tata_letak
from apps.perencanaan import services
from apps.perencanaan.models import PKBupati, PKBupatiTarget
from apps.perencanaan.selectors import pk_bupati_dokumen

pytestmark = pytest.mark.django_db

TAHUN = 2022  # the demo holds a draft of 2023; 2022 has none yet


def potret() -> list:
    return [
        sorted(PKBupati.objects.values_list("pk", "tahun", "versi", "status", "tanggal")),
        sorted(PKBupatiTarget.objects.values_list("pk", "pk_dokumen_id", "target")),
        PKBupati.history.count(),
    ]


def url_daftar(tahun=TAHUN) -> str:
    return reverse("perencanaan:pk_bupati_daftar", args=[tahun])


MASTER = (302, 302, 403, 403, 403, 403, 302)
TABEL = [
    ("perencanaan:pk_bupati_daftar", "GET", SEMUA),
    ("perencanaan:pk_bupati_daftar", "POST", MASTER),
    ("perencanaan:pk_bupati", "GET", SEMUA),
    ("perencanaan:pk_bupati", "POST", MASTER),
    ("perencanaan:pk_bupati_pdf", "GET", SEMUA),
    ("perencanaan:pk_bupati_pdf", "POST", SALAH_METODE),
]


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), kasus(TABEL))
def test_permission_table(client, nama, metode, peran, status):
    demo = PKBupati.objects.get(tahun=2023)
    if nama == "perencanaan:pk_bupati_daftar":
        url, data = url_daftar(), {}
    else:
        url = reverse(nama, args=[demo.pk])
        data = {"aksi": "simpan", "pk-tempat": "Magetan", "pk-tanggal": "3 Januari 2023"}
    if peran != "anonim":
        client.force_login(user(peran))
    sebelum = potret()
    resp = client.post(url, data) if metode == "POST" else client.get(url)
    assert resp.status_code == status, (nama, metode, peran)
    berhasil = metode == "POST" and status == 302 and peran != "anonim"
    if berhasil and nama == "perencanaan:pk_bupati_daftar":
        assert PKBupati.objects.filter(tahun=TAHUN).count() == 1
    elif berhasil:
        demo.refresh_from_db()
        assert demo.tanggal == datetime.date(2023, 1, 3)
    else:
        assert potret() == sebelum
    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif status == 200 and nama == "perencanaan:pk_bupati_pdf":
        assert resp["Content-Type"] == "application/pdf"
    elif status == 200:
        assert "Perjanjian Kinerja" in teks_halaman(resp)


def test_every_url_is_in_the_table():
    from apps.perencanaan import urls

    assert {f"perencanaan:{p.name}" for p in urls.urlpatterns if "bupati" in p.name} == {
        n for n, _, _ in TABEL
    }


def test_proposed_from_the_rpjmd_finalised_then_changed(client):
    client.force_login(user("verifikator"))
    resp = client.post(url_daftar())
    pk = PKBupati.objects.get(tahun=TAHUN)
    assert resp["Location"] == reverse("perencanaan:pk_bupati", args=[pk.pk])
    assert sorted((t.indikator.nama, t.target) for t in pk.target.all()) == [
        ("Indeks Kepuasan Masyarakat", Decimal("80")),
        ("Persentase Kelompok Budaya Kerja (KBK) aktif", Decimal("25")),
    ]
    url = reverse("perencanaan:pk_bupati", args=[pk.pk])
    resp = client.post(url, {"aksi": "finalkan"})
    assert "Tanggal penandatanganan: isi dahulu sebelum memfinalkan." in pesan(resp)
    data = formulir_dari(url, "form-pk-bupati", username="verifikator")
    data["pk-tanggal"] = "3 Januari 2022"
    client.post(url, data)
    client.post(url, {"aksi": "finalkan"})
    pk.refresh_from_db()
    assert pk.status == "final" and pk.bupati_jabatan == "Pj. Bupati Magetan"
    sebelum = potret()
    resp = client.post(url, {"aksi": "simpan", "pk-tanggal": "4 Januari 2022"})
    assert any("sudah final" in p for p in pesan(resp)) and potret() == sebelum
    resp = client.post(url_daftar())  # one induk per year
    assert resp.status_code == 200 and potret() == sebelum
    assert "PK Bupati tahun 2022 sudah ada; buat perubahannya." in pesan(resp)
    resp = client.post(
        url, {"aksi": "perubahan", "alasan_perubahan": "pejabat", "keterangan_perubahan": "Pj."}
    )
    baru = PKBupati.objects.get(tahun=TAHUN, versi=1)
    assert resp["Location"] == reverse("perencanaan:pk_bupati", args=[baru.pk])
    assert baru.target.count() == 2 and baru.status == "draft"


def test_finalising_needs_every_target_and_a_bad_target_changes_nothing(client):
    pk = services.pk_bupati_create(tahun=TAHUN)
    url = reverse("perencanaan:pk_bupati", args=[pk.pk])
    client.force_login(user("verifikator"))
    data = formulir_dari(url, "form-pk-bupati", username="verifikator")
    t = pk.target.get(indikator__nama="Indeks Kepuasan Masyarakat")
    data[f"t{t.pk}-target"] = "delapan puluh"
    sebelum = potret()
    resp = client.post(url, data)
    assert resp.status_code == 200 and potret() == sebelum
    assert any(p.startswith("Target Indeks Kepuasan Masyarakat (skor)") for p in pesan(resp))
    data[f"t{t.pk}-target"] = ""
    data["pk-tanggal"] = "3 Januari 2022"
    client.post(url, data)
    resp = client.post(url, {"aksi": "finalkan"})
    assert "Target belum diisi: Indeks Kepuasan Masyarakat." in pesan(resp)
    pk.refresh_from_db()
    assert pk.status == "draft"


def test_bad_years_and_signatories_are_refused():
    sebelum = potret()
    with pytest.raises(ValidationError, match="tidak ada periode RPJMD"):
        services.pk_bupati_create(tahun=2031)
    pk = PKBupati.objects.get(tahun=2023)
    pk.bupati = PejabatFactory(opd=opd_kecamatan(), nama="Camat Uji", jabatan="Camat")
    with pytest.raises(ValidationError, match="Camat Uji adalah pejabat Kecamatan Magetan"):
        pk.full_clean()
    pk.refresh_from_db()
    pk.tahun = 2030
    with pytest.raises(ValidationError, match="Tahun 2030 di luar RPJMD"):
        pk.full_clean()
    assert potret() == sebelum


def test_printed_with_the_kepala_daerahs_signature_and_its_layout():
    pk = PKBupati.objects.get(tahun=2023)
    services.pk_bupati_save(pk=pk, tempat="Magetan", tanggal=datetime.date(2023, 1, 2), target={})
    pk = services.pk_bupati_finalize(pk=pk, user=user("verifikator"))
    dok = pk_bupati_dokumen(pk)
    isi = render_pdf("perencanaan/pk_bupati_pdf.html", {"dok": dok})
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()
    for kata in (
        "PERJANJIAN KINERJA TAHUN 2023",
        "Pj. Bupati Magetan",
        "Magetan, 2 Januari 2023",
        "Indeks Kepuasan Masyarakat",
        "80 skor",
        "25 %",
    ):
        assert kata in teks, kata
    assert "DRAF" not in teks
    assert masalah_tata_letak(isi) == []
    assert sel_meluap(tata_letak("perencanaan/pk_bupati_pdf.html", {"dok": dok})) == []
