"""PK berjenjang (issue 19, item 3): the Perjanjian Kinerja of a pejabat administrator (the
programs and kegiatan of the DPA, signed with the OPD head) and of a pejabat pengawas (sub
kegiatan, signed with their administrator), proposed from the DPA in force, finalised,
changed only by a perubahan, printed like the OPD's PK; both signatories officials of the
OPD (another OPD's official refused by name, nothing changed); another OPD's PK answers 404."""

import datetime
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from izin import SALAH_METODE, kasus
from pabrik.core import PejabatFactory
from perencanaan_uji import formulir_dari, opd_organisasi, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman
from tata_letak_uji import masalah_tata_letak, sel_meluap

from apps.anggaran.models import DPA, Program
from apps.anggaran.selectors import rekap_dpa
from apps.core.pdf import render_pdf, tata_letak
from apps.perencanaan import services
from apps.perencanaan.models import PerjanjianKinerja, PKJenjang, PKJenjangBaris
from apps.perencanaan.selectors import pk_jenjang_dokumen, unsur_pk_jenjang

pytestmark = pytest.mark.django_db

TAHUN = 2023
FORM = "form-pk-jenjang"


def camat():
    return PejabatFactory(opd=opd_kecamatan(), nama="Camat Uji, S.Sos", jabatan="Camat Magetan")


@pytest.fixture
def pejabat(db):
    kec = opd_kecamatan()
    return {
        "camat": camat(),
        "sekcam": PejabatFactory(opd=kec, nama="Sekcam Uji", jabatan="Sekretaris Kecamatan"),
        "kasubag": PejabatFactory(opd=kec, nama="Kasubag Uji", jabatan="Kepala Sub Bagian Umum"),
        "lain": PejabatFactory(opd=opd_organisasi(), nama="Kabag Lain", jabatan="Kepala Bagian"),
    }


def program_kunci(kode="7.01.01") -> str:
    return f"p{Program.objects.get(kode=kode).pk}"


def url_daftar(opd=None) -> str:
    return reverse("perencanaan:pk_jenjang_daftar", args=[(opd or opd_kecamatan()).pk, TAHUN])


def buat(p, tingkat="administrator", pilihan=None, **ubah) -> PKJenjang:
    args = {
        "opd": opd_kecamatan(),
        "tahun": TAHUN,
        "tingkat": tingkat,
        "pihak_pertama": p["sekcam"] if tingkat == "administrator" else p["kasubag"],
        "pihak_kedua": p["camat"] if tingkat == "administrator" else p["sekcam"],
        "pilihan": pilihan or [program_kunci()],
    }
    args.update(ubah)
    return services.pk_jenjang_create(**args)


def potret() -> list:
    return [
        sorted(PKJenjang.objects.values_list("pk", "status", "versi", "tanggal", "tempat")),
        sorted(PKJenjangBaris.objects.values_list("pk", "pk_dokumen_id", "target")),
        PKJenjang.history.count(),
    ]


# --- the permission table --------------------------------------------------------------------

KEC = (200, 200, 200, 200, 200, 404, 302)
KIRIM = (302, 302, 403, 302, 302, 404, 302)
TABEL = [
    ("perencanaan:pk_jenjang_daftar", "GET", KEC),
    ("perencanaan:pk_jenjang_daftar", "POST", KIRIM),
    ("perencanaan:pk_jenjang", "GET", KEC),
    ("perencanaan:pk_jenjang", "POST", KIRIM),
    ("perencanaan:pk_jenjang_pdf", "GET", KEC),
    ("perencanaan:pk_jenjang_pdf", "POST", SALAH_METODE),
]


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), kasus(TABEL))
def test_permission_table(client, pejabat, nama, metode, peran, status):
    pk = buat(pejabat)
    if nama == "perencanaan:pk_jenjang_daftar":
        url = url_daftar()
        data = {
            "baru-tingkat": "pengawas",
            "baru-pihak_pertama": pejabat["kasubag"].pk,
            "baru-pihak_kedua": pejabat["sekcam"].pk,
            "baru-pilihan": [unsur_pk_jenjang(opd_kecamatan().pk, TAHUN, "pengawas")[0].kunci],
        }
    else:
        url = reverse(nama, args=[pk.pk])
        data = {"aksi": "simpan", "pk-tempat": "Magetan", "pk-tanggal": "2 Januari 2023"}
    if peran != "anonim":
        client.force_login(user(peran))
    sebelum = potret()
    resp = client.post(url, data) if metode == "POST" else client.get(url)
    assert resp.status_code == status, (nama, metode, peran)
    berhasil = metode == "POST" and status == 302 and peran != "anonim"
    if berhasil and nama == "perencanaan:pk_jenjang_daftar":
        baru = PKJenjang.objects.get(pihak_pertama=pejabat["kasubag"])
        assert resp["Location"] == reverse("perencanaan:pk_jenjang", args=[baru.pk])
        assert baru.baris.get().unsur == "sub"
    elif berhasil:
        pk.refresh_from_db()
        assert pk.tanggal == datetime.date(2023, 1, 2)
    else:
        assert potret() == sebelum
    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif status == 200 and nama == "perencanaan:pk_jenjang_pdf":
        assert resp["Content-Type"] == "application/pdf"
    elif status == 200:
        assert "Sekcam Uji" in teks_halaman(resp)


def test_every_url_is_in_the_table():
    from apps.perencanaan import urls

    assert {f"perencanaan:{p.name}" for p in urls.urlpatterns if "jenjang" in p.name} == {
        n for n, _, _ in TABEL
    }


# --- proposed from the DPA --------------------------------------------------------------------


def test_an_administrators_pk_takes_its_program_and_kegiatan_from_the_dpa(client, pejabat):
    """The operator picks program 7.01.01 for the Sekretaris Kecamatan: the program with its
    outcome indicator (IKM 80 Skor) and its five kegiatan with theirs, each with the budget
    summed from the DPA's lines; the program is then named as held on the form."""
    data = formulir_dari(url_daftar(), FORM)
    data.update(
        {
            "baru-tingkat": "administrator",
            "baru-pihak_pertama": str(pejabat["sekcam"].pk),
            "baru-pihak_kedua": str(pejabat["camat"].pk),
            "baru-pilihan": [program_kunci()],
        }
    )
    client.force_login(user("operator.kecamatan"))
    resp = client.post(url_daftar(), data)
    pk = PKJenjang.objects.get(pihak_pertama=pejabat["sekcam"])
    assert resp["Location"] == reverse("perencanaan:pk_jenjang", args=[pk.pk])
    baris = list(pk.baris.order_by("urutan"))
    assert [b.unsur for b in baris] == ["program"] + ["kegiatan"] * 5
    assert (baris[0].kode, baris[0].indikator, baris[0].target, baris[0].satuan) == (
        "7.01.01",
        "Indeks Kepuasan Masyarakat",
        Decimal("80"),
        "Skor",
    )
    dpa = DPA.objects.get(opd=opd_kecamatan(), tahun=TAHUN)
    program = Program.objects.get(kode="7.01.01")
    assert baris[0].anggaran == rekap_dpa(dpa).program[program].pagu
    assert pk_jenjang_dokumen(pk).total_anggaran == baris[0].anggaran  # kegiatan not twice
    teks = teks_halaman(client.get(url_daftar()))
    assert "(sudah di PK Sekcam Uji)" in teks


@pytest.mark.parametrize(
    ("ubah", "galat"),
    [
        ({"baru-pihak_pertama": "lain"}, "Pihak pertama: pilih pejabat OPD ini"),
        ({"baru-pihak_kedua": "lain"}, "Pihak kedua: pilih pejabat OPD ini"),
        ({"baru-pihak_kedua": "sekcam"}, "harus orang yang berbeda"),
        ({"baru-pilihan": ["p999999"]}, "p999999 bukan bagian DPA OPD ini"),
        ({"baru-pilihan": []}, "Program atau sub kegiatan: pilih sedikitnya satu"),
        ({"baru-tingkat": "pengawas"}, "pejabat pengawas sub kegiatan"),
        ({"baru-tingkat": "bupati"}, "Tingkat: pilih pejabat administrator atau pejabat pengawas"),
    ],
    ids=[
        "pihak1-opd-lain",
        "pihak2-opd-lain",
        "orang-sama",
        "kunci-palsu",
        "kosong",
        "tingkat-salah",
        "tingkat-asing",
    ],
)
def test_bad_input_is_refused_by_name_and_changes_nothing(client, pejabat, ubah, galat):
    data = {
        "baru-tingkat": "administrator",
        "baru-pihak_pertama": str(pejabat["sekcam"].pk),
        "baru-pihak_kedua": str(pejabat["camat"].pk),
        "baru-pilihan": [program_kunci()],
    }
    for k, v in ubah.items():
        data[k] = str(pejabat[v].pk) if isinstance(v, str) and v in pejabat else v
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    resp = client.post(url_daftar(), data)
    assert resp.status_code == 200
    semua = " ".join(pesan(resp))
    assert galat in semua, semua
    assert "PK berjenjang belum dibuat." in semua
    assert potret() == sebelum


def test_the_model_refuses_an_official_of_another_opd_by_name(pejabat):
    """Past the form (a script, the shell): the service's model check names the official."""
    sebelum = potret()
    with pytest.raises(ValidationError, match="Kabag Lain \\(Kepala Bagian\\) bukan pejabat"):
        buat(pejabat, pihak_pertama=pejabat["lain"])
    assert potret() == sebelum


def test_one_pk_per_official_and_year_then_perubahan(pejabat):
    buat(pejabat)
    with pytest.raises(ValidationError, match="Sekcam Uji sudah memiliki PK tahun 2023"):
        buat(pejabat)


# --- draft, final, perubahan -------------------------------------------------------------------


def test_draft_finalised_by_the_pimpinan_then_changed_by_a_perubahan(client, pejabat):
    pk = buat(pejabat)
    url = reverse("perencanaan:pk_jenjang", args=[pk.pk])
    operator, pimpinan = user("operator.kecamatan"), user("pimpinan.kecamatan")
    client.force_login(pimpinan)
    resp = client.post(url, {"aksi": "finalkan"})
    assert "Tanggal penandatanganan: isi dahulu sebelum memfinalkan." in pesan(resp)
    pk.refresh_from_db()
    assert pk.status == "draft"
    client.force_login(operator)
    data = formulir_dari(url, "form-pk-jenjang")
    data["pk-tanggal"] = "2 Januari 2023"
    program_baris = pk.baris.get(unsur="program")
    data[f"b{program_baris.pk}-target"] = "82,5"
    client.post(url, data)
    program_baris.refresh_from_db()
    assert program_baris.target == Decimal("82.5")
    assert client.post(url, {"aksi": "finalkan"}).status_code == 403  # an operator cannot
    client.force_login(pimpinan)
    client.post(url, {"aksi": "finalkan"})
    pk.refresh_from_db()
    assert pk.status == "final" and pk.pihak_pertama_nama == "Sekcam Uji"
    assert pk.pihak_kedua_jabatan == "Camat Magetan"
    # Final: its rows and date are not changed any more.
    sebelum = potret()
    resp = client.post(url, {"aksi": "simpan", "pk-tanggal": "3 Januari 2023"})
    assert "sudah final" in " ".join(pesan(resp)) and potret() == sebelum
    # A perubahan needs one of the allowed reasons.
    resp = client.post(url, {"aksi": "perubahan", "keterangan_perubahan": "Mutasi."})
    assert "Alasan perubahan: pilih salah satu" in " ".join(pesan(resp))
    assert potret() == sebelum
    resp = client.post(
        url,
        {"aksi": "perubahan", "alasan_perubahan": "pejabat", "keterangan_perubahan": "Mutasi."},
    )
    baru = PKJenjang.objects.get(pihak_pertama=pejabat["sekcam"], versi=1)
    assert resp["Location"] == reverse("perencanaan:pk_jenjang", args=[baru.pk])
    assert baru.status == "draft" and baru.baris.count() == pk.baris.count()
    assert baru.judul == "Perubahan Perjanjian Kinerja Tahun 2023"
    with pytest.raises(ValidationError, match="versi yang lebih baru"):
        services.pk_jenjang_perubahan(pk=pk, alasan="pejabat", keterangan="")


def test_a_bad_target_names_its_row_and_changes_nothing(client, pejabat):
    pk = buat(pejabat)
    url = reverse("perencanaan:pk_jenjang", args=[pk.pk])
    data = formulir_dari(url, "form-pk-jenjang")
    b = pk.baris.get(unsur="program")
    data[f"b{b.pk}-target"] = "delapan puluh"
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    resp = client.post(url, data)
    assert resp.status_code == 200 and potret() == sebelum
    assert "Target 7.01.01 (Skor)" in " ".join(pesan(resp))


def test_a_pengawas_pk_holds_sub_kegiatan_signed_with_the_administrator(pejabat):
    subs = unsur_pk_jenjang(opd_kecamatan().pk, TAHUN, "pengawas")
    pk = buat(pejabat, tingkat="pengawas", pilihan=[subs[0].kunci, subs[1].kunci])
    assert [b.unsur for b in pk.baris.all()] == ["sub", "sub"]
    assert pk.pihak_kedua == pejabat["sekcam"]


# --- printed -----------------------------------------------------------------------------------


def test_printed_like_the_opds_pk_and_keeps_its_layout(client, pejabat):
    pk = buat(pejabat)
    PKJenjang.objects.filter(pk=pk.pk).update(tanggal=datetime.date(2023, 1, 2))
    pk = services.pk_jenjang_finalize(pk=pk, user=user("pimpinan.kecamatan"))
    client.force_login(user("operator.kecamatan"))
    resp = client.get(reverse("perencanaan:pk_jenjang_pdf", args=[pk.pk]))
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=resp.content, capture_output=True, check=True
    ).stdout.decode()
    for kata in (
        "PERJANJIAN KINERJA TAHUN 2023",
        "PIHAK PERTAMA",
        "Sekcam Uji",
        "Camat Uji, S.Sos",
        "Magetan, 2 Januari 2023",
        "JUMLAH",
        "8.244.451.385,00",
    ):
        assert kata in teks, kata
    assert "DRAF" not in teks
    dok = pk_jenjang_dokumen(pk)
    assert masalah_tata_letak(render_pdf("perencanaan/pk_jenjang_pdf.html", {"dok": dok})) == []
    assert sel_meluap(tata_letak("perencanaan/pk_jenjang_pdf.html", {"dok": dok})) == []
    draf = buat(
        pejabat,
        tingkat="pengawas",
        pilihan=[unsur_pk_jenjang(pk.opd_id, TAHUN, "pengawas")[0].kunci],
    )
    teks = subprocess.run(
        ["pdftotext", "-", "-"],
        input=client.get(reverse("perencanaan:pk_jenjang_pdf", args=[draf.pk])).content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "DRAF" in teks and PerjanjianKinerja.Status.DRAFT == draf.status


def test_the_pages_cost_the_same_queries_for_1_or_5_programs(
    client, pejabat, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kecil = buat(pejabat)
    semua = [u.kunci for u in unsur_pk_jenjang(opd_kecamatan().pk, TAHUN, "administrator")]
    besar = buat(pejabat, pihak_pertama=pejabat["kasubag"], pilihan=semua)
    client.force_login(user("operator.kecamatan"))
    for nama in ("perencanaan:pk_jenjang", "perencanaan:pk_jenjang_pdf"):
        with CaptureQueriesContext(connection) as q:
            client.get(reverse(nama, args=[kecil.pk]))
        with django_assert_max_num_queries(len(q)):
            client.get(reverse(nama, args=[besar.pk]))
    assert besar.baris.count() > 2 * kecil.baris.count()  # 15 rows against 6
