"""The RPJMD's IKU Pemda targets out to a spreadsheet and back in (issue 19, item 1): the
export of the RPJMD page is the import's file; a file is checked before anything is written,
a changed target is stored with its history, and a wrong code, name, year column or number
refuses the file with its reason and changes nothing. Only Bagian Organisasi imports it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from perencanaan_uji import user
from realisasi_uji import teks_halaman
from test_impor_perencanaan import baris_berkas, berkas, pesan_galat, tabel

from apps.anggaran.models import Impor
from apps.core.impor import importer
from apps.core.models import PeriodeRPJMD
from apps.perencanaan.models import IndikatorDaerah, TargetDaerah

pytestmark = pytest.mark.django_db

TAHUN = 2023


def _url(format: str) -> str:
    periode = PeriodeRPJMD.objects.get(tahun_awal=2018)
    return reverse("perencanaan:rpjmd_ekspor_target", args=[periode.pk, format])


def _ekspor(format: str = "xlsx") -> bytes:
    c = Client()
    c.force_login(user("operator.kecamatan"))  # every role reads the RPJMD
    resp = c.get(_url(format))
    assert resp.status_code == 200
    assert resp["Content-Disposition"].startswith("attachment;")
    return resp.content


def periksa(isi, format="xlsx", tahun=TAHUN):
    return importer("target_rpjmd").check(tabel(isi, format), opd=None, tahun=tahun)


def terapkan(isi, format="xlsx", tahun=TAHUN, oleh=None):
    return importer("target_rpjmd").apply(tabel(isi, format), opd=None, tahun=tahun, user=oleh)


def potret() -> dict:
    hasil = {}
    for model in (TargetDaerah, IndikatorDaerah):
        for m in (model, model.history.model):
            kolom = [f.attname for f in m._meta.concrete_fields]
            hasil[m._meta.label] = list(m.objects.order_by("pk").values_list(*kolom))
    return hasil


@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_the_export_imports_back_unchanged(format):
    isi = _ekspor(format)
    rows = baris_berkas(isi, format)
    assert rows[0] == [
        "Kode Indikator",
        "Indikator",
        "Satuan",
        *[f"Target {t}" for t in range(2018, 2024)],
        "Target Akhir Periode",
    ]
    assert rows[1][:3] == ["1.1.1", "Indeks Kepuasan Masyarakat", "skor"]
    hasil = periksa(isi, format)
    assert [b.status for b in hasil.baris] == ["sama", "sama"], pesan_galat(hasil)
    sebelum = potret()
    assert not terapkan(isi, format).ada_galat
    assert potret() == sebelum


def test_a_changed_target_is_one_berubah_row_stored_with_its_history():
    rows = baris_berkas(_ekspor("xlsx"), "xlsx")
    kolom = rows[0].index("Target 2023")
    rows[1][kolom] = "82,5"
    isi = berkas(rows, "xlsx")
    hasil = periksa(isi)
    assert [b.status for b in hasil.baris] == ["berubah", "sama"]
    assert hasil.baris[0].pesan == ["Target 2023: 80 → 82,5"]
    verifikator = user("verifikator")
    terapkan(isi, oleh=verifikator)
    x = TargetDaerah.objects.get(indikator__nama="Indeks Kepuasan Masyarakat", tahun=2023)
    assert x.target == Decimal("82.5")
    riwayat = x.history.first()
    assert (riwayat.history_user, riwayat.history_change_reason) == (
        verifikator,
        "perencanaan.impor",
    )


def _salah(ubah) -> tuple[list[str], dict]:
    rows = baris_berkas(_ekspor("xlsx"), "xlsx")
    ubah(rows)
    sebelum = potret()
    try:
        hasil = terapkan(berkas(rows, "xlsx"))
    except ValidationError as e:  # a file-level refusal
        assert potret() == sebelum
        return e.messages, sebelum
    assert hasil.ada_galat
    assert potret() == sebelum
    return pesan_galat(hasil), sebelum


def test_a_wrong_code_refuses_the_file_naming_the_rpjmd():
    def ubah(rows):
        rows[2][0] = "9.9.9"

    pesan, _ = _salah(ubah)
    assert pesan == ["Kode Indikator 9.9.9 tidak ada di RPJMD 2018–2023."]


def test_a_shifted_name_and_a_bad_number_are_refused_with_their_reasons():
    def ubah(rows):
        rows[1][1] = "Indeks Pembangunan Manusia"
        rows[2][rows[0].index("Target 2020")] = "dua puluh"

    pesan, _ = _salah(ubah)
    assert pesan[0].startswith(
        "Indikator: kode 1.1.1 di RPJMD 2018–2023 adalah “Indeks Kepuasan Masyarakat”, "
        "sedangkan berkas menulis “Indeks Pembangunan Manusia”."
    )
    assert len(pesan) == 2 and pesan[1].startswith("Target 2020:")


def test_year_columns_outside_the_period_refuse_the_file():
    def ubah(rows):
        rows[0][rows[0].index("Target 2018")] = "Target 2024"

    pesan, _ = _salah(ubah)
    assert pesan == [
        "Kolom Target 2024 di luar periode RPJMD 2018–2023; kolom tahun harus Target 2018 "
        "sampai Target 2023. Unduh ekspor target RPJMD sebagai contoh."
    ]


def test_a_year_no_rpjmd_covers_is_refused():
    with pytest.raises(ValidationError, match="Belum ada periode RPJMD yang mencakup tahun 2031"):
        periksa(_ekspor(), tahun=2031)


def test_only_bagian_organisasi_starts_an_rpjmd_import_and_it_needs_a_year(client):
    isi = _ekspor("xlsx")
    url = reverse("anggaran:impor_baru")

    def kirim(peran, **data):
        client.force_login(user(peran))
        return client.post(
            url,
            {
                "jenis": "target_rpjmd",
                "jenis_dpa": "murni",
                "berkas": SimpleUploadedFile("rpjmd.xlsx", isi),
                **data,
            },
        )

    assert kirim("operator.kecamatan", tahun="2023").status_code == 403
    resp = kirim("verifikator")
    assert resp.status_code == 200
    assert "Tahun: wajib diisi; target diimpor ke RPJMD yang mencakup tahun itu." in (
        resp.content.decode()
    )
    assert not Impor.objects.filter(jenis="target_rpjmd").exists()
    resp = kirim("verifikator", tahun="2023")
    impor = Impor.objects.get(jenis="target_rpjmd")
    assert resp["Location"] == reverse("anggaran:impor", args=[impor.pk])
    assert (impor.opd, impor.tahun, impor.status) == (None, 2023, "diperiksa")
    # the kabupaten's import (no OPD) is listed in the import history and opens
    client.force_login(user("verifikator"))
    teks = teks_halaman(client.get(url))
    assert "Target tahunan IKU Pemda (RPJMD) Kabupaten 2023 rpjmd.xlsx" in teks
    teks = teks_halaman(client.get(resp["Location"]))
    assert "rpjmd.xlsx · Kabupaten, tahun 2023 · Diperiksa" in teks
    # the operator cannot open the kabupaten's import either
    client.force_login(user("operator.kecamatan"))
    assert client.get(reverse("anggaran:impor", args=[impor.pk])).status_code == 404


def test_the_rpjmd_page_offers_the_export_and_bagian_organisasi_the_import(client):
    periode = PeriodeRPJMD.objects.get(tahun_awal=2018)
    halaman = reverse("perencanaan:rpjmd", args=[periode.pk])
    client.force_login(user("verifikator"))
    html = client.get(halaman).content.decode()
    assert _url("xlsx") in html and "Impor target IKU Pemda" in html
    client.force_login(user("operator.kecamatan"))
    html = client.get(halaman).content.decode()
    assert _url("csv") in html and "Impor target IKU Pemda" not in html
