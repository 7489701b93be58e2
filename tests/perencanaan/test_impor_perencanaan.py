"""Planning spreadsheet import and export (apps.perencanaan.impor and resources): the yearly
targets of a Renstra, the targets of a draft PK, the Renstra matrix.

The files are the ones the export URLs give Kecamatan Magetan's operator, read with the same
reader as an upload (apps.core.impor.read_tabel) and checked and imported through
the registered importer's check / apply (apps.core.impor), which the import job calls. A wrong file
changes nothing: every row and value of the planning tables (and their history) is the same
before and after the import was attempted.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from perencanaan_uji import MODEL_POTRET, draf_2023, pk_kec, renstra_kec, user
from realisasi_uji import opd_kecamatan

from apps.anggaran.forms import ImporForm
from apps.core.impor import importer, read_tabel
from apps.core.models import OPD
from apps.perencanaan import services
from apps.perencanaan.models import (
    IndikatorKinerja,
    PilihanNilai,
    PKIndikator,
    RencanaProgram,
    TargetTahunan,
)

pytestmark = pytest.mark.django_db

TAHUN = 2023


# --- helpers ---------------------------------------------------------------------------------


def _isi(model) -> list[tuple]:
    kolom = [f.attname for f in model._meta.concrete_fields]
    return list(model.objects.order_by("pk").values_list(*kolom))


def potret() -> dict:
    """Every row and value of the planning tables an import could write, with history."""
    hasil = {}
    for model in (*MODEL_POTRET, RencanaProgram):
        hasil[model._meta.label] = _isi(model)
        if hasattr(model, "history"):
            hasil[f"{model._meta.label} (riwayat)"] = _isi(model.history.model)
    return hasil


def unduh(url: str) -> bytes:
    c = Client()
    c.force_login(user("operator.kecamatan"))
    resp = c.get(url)
    assert resp.status_code == 200, url
    assert resp["Content-Disposition"].startswith("attachment;")
    return resp.content


def baris_berkas(isi: bytes, format: str) -> list[list]:
    """The cells of an exported file as the user sees them in a spreadsheet."""
    if format == "xlsx":
        ws = load_workbook(io.BytesIO(isi)).active
        return [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]
    return list(csv.reader(io.StringIO(isi.decode("utf-8-sig")), delimiter=";"))


def berkas(baris: list[list], format: str) -> bytes:
    if format == "xlsx":
        wb = Workbook()
        wb.active.title = "Data"
        for b in baris:
            wb.active.append(b)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(baris)
    return ("\ufeff" + out.getvalue()).encode()


def tabel(isi: bytes, format: str):
    nama = f"berkas.{format}"
    return read_tabel(SimpleUploadedFile(nama, isi), nama)


def periksa(jenis, isi, format="xlsx", tahun=TAHUN):
    return importer(jenis).check(tabel(isi, format), opd=opd_kecamatan(), tahun=tahun)


def terapkan(jenis, isi, format="xlsx", tahun=TAHUN):
    return importer(jenis).apply(tabel(isi, format), opd=opd_kecamatan(), tahun=tahun)


def url_ekspor(jenis: str, format: str) -> str:
    if jenis == "target_renstra":
        return reverse("perencanaan:renstra_ekspor_target", args=[renstra_kec(2018).pk, format])
    if jenis == "matriks_renstra":
        return reverse("perencanaan:renstra_ekspor_matriks", args=[renstra_kec(2018).pk, format])
    return reverse("perencanaan:pk_ekspor_target", args=[draf_2023().pk, format])


def ekspor(jenis: str, format: str = "xlsx") -> list[list]:
    return baris_berkas(unduh(url_ekspor(jenis, format)), format)


def pesan_galat(hasil) -> list[str]:
    return [p for b in hasil.baris if b.status == "galat" for p in b.pesan]


def kolom(baris: list[list], judul: str) -> int:
    return baris[0].index(judul)


# --- round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["xlsx", "csv"])
@pytest.mark.parametrize("jenis", ["target_renstra", "target_pk", "matriks_renstra"])
def test_an_export_imports_back_unchanged(jenis, format):
    isi = unduh(url_ekspor(jenis, format))
    rows = baris_berkas(isi, format)
    hasil = periksa(jenis, isi, format)
    assert len(hasil.baris) == len(rows) - 1 > 0
    assert [b.status for b in hasil.baris] == ["sama"] * len(hasil.baris), pesan_galat(hasil)
    assert hasil.selisih == [] and hasil.catatan == []
    sebelum = potret()
    hasil = terapkan(jenis, isi, format)
    assert not hasil.ada_galat
    assert potret() == sebelum


def test_the_exports_carry_what_the_pages_show():
    target = ekspor("target_renstra")
    assert target[0] == [
        "Kode Indikator",
        "Indikator",
        "Satuan",
        "Target 2018",
        "Target 2019",
        "Target 2020",
        "Target 2021",
        "Target 2022",
        "Target 2023",
        "Target Akhir Periode",
        "Kode OPD",
    ]
    assert [r[0] for r in target[1:]] == ["1.1.1", "1.2.1", "1.3.1", "1.3.2"]
    assert all(r[-1] == "7.01.01" for r in target[1:])
    pk = ekspor("target_pk")
    assert pk[0] == ["Kode Indikator", "Indikator", "Satuan", "Target", "Kode OPD"]
    assert len(pk) == 5
    matriks = ekspor("matriks_renstra")
    assert len(matriks) == 1 + 102
    assert matriks[2][:5] == [
        "Periode RPJMD Induk (Tahun 2019-2020)",
        2019,
        2020,
        "4,01,05,01,20",
        "Penyediaan Jasa dan Pelayanan Administrasi Perkantoran",
    ]
    # Rupiah on the lowest rows only; a number in xlsx, the Indonesian way in csv.
    assert matriks[1][kolom(matriks, "Target (Rp)")] == ""
    assert matriks[2][kolom(matriks, "Target (Rp)")] == 1495520000
    assert ekspor("matriks_renstra", "csv")[2][kolom(matriks, "Target (Rp)")] == "1.495.520.000"


def test_an_export_in_another_format_is_not_found(client):
    client.force_login(user("operator.kecamatan"))
    for url in (
        reverse("perencanaan:renstra_ekspor_target", args=[renstra_kec(2018).pk, "pdf"]),
        reverse("perencanaan:renstra_ekspor_matriks", args=[renstra_kec(2018).pk, "xls"]),
        reverse("perencanaan:pk_ekspor_target", args=[pk_kec(2023).pk, "txt"]),
    ):
        assert client.get(url).status_code == 404, url


def test_templates_have_the_importers_headers(client):
    client.force_login(user("operator.kecamatan"))
    for jenis, judul in (
        ("target_renstra", "Kode Indikator"),
        ("target_pk", "Target"),
        ("matriks_renstra", "Unit Penanggung Jawab"),
    ):
        for format in ("xlsx", "csv"):
            resp = client.get(reverse("anggaran:templat", args=[jenis, format]))
            assert resp.status_code == 200
            rows = baris_berkas(resp.content, format)
            assert judul in rows[0] and len(rows) >= 2, (jenis, format)
    rows = baris_berkas(
        client.get(reverse("anggaran:templat", args=["matriks_renstra", "xlsx"])).content, "xlsx"
    )
    assert rows[2][3] == "4,01,05,01,20"


# --- one changed value -----------------------------------------------------------------------


def test_a_changed_renstra_target_is_one_berubah_row_stored_with_history():
    rows = ekspor("target_renstra")
    ind = IndikatorKinerja.objects.get(
        sasaran__tujuan__renstra=renstra_kec(2018),
        sasaran__tujuan__nomor=1,
        sasaran__nomor=2,
        nomor=1,
    )
    lama = TargetTahunan.objects.get(indikator=ind, tahun=2022)
    riwayat = lama.history.count()
    rows[2][kolom(rows, "Target 2022")] = "91,25"
    isi = berkas(rows, "xlsx")
    hasil = periksa("target_renstra", isi)
    assert hasil.ringkasan == {"baru": 0, "berubah": 1, "sama": 3, "jumlah": 0, "galat": 0}
    berubah = next(b for b in hasil.baris if b.status == "berubah")
    assert berubah.kode == "1.2.1"
    assert berubah.pesan == ["Target 2022: 80 → 91,25"]
    terapkan("target_renstra", isi)
    lama.refresh_from_db()
    assert lama.target == Decimal("91.25")
    assert lama.history.count() == riwayat + 1
    assert lama.history.first().history_type == "~"


def test_an_emptied_year_removes_that_target_as_the_renstra_page_does():
    rows = ekspor("target_renstra")
    rows[1][kolom(rows, "Target 2022")] = ""
    ind = IndikatorKinerja.objects.get(
        sasaran__tujuan__renstra=renstra_kec(2018),
        sasaran__tujuan__nomor=1,
        sasaran__nomor=1,
        nomor=1,
    )
    assert TargetTahunan.objects.filter(indikator=ind, tahun=2022).exists()
    hasil = terapkan("target_renstra", berkas(rows, "csv"), "csv")
    assert hasil.jumlah("berubah") == 1
    assert [b.pesan for b in hasil.baris if b.status == "berubah"] == [["Target 2022: 80 → kosong"]]
    assert not TargetTahunan.objects.filter(indikator=ind, tahun=2022).exists()
    assert TargetTahunan.history.filter(indikator_id=ind.pk, tahun=2022, history_type="-").exists()


def test_a_changed_pk_target_is_stored_and_a_renstra_indicator_is_added():
    draf = draf_2023()
    rows = ekspor_pk(draf)
    baris = PKIndikator.objects.filter(pk_dokumen=draf).order_by(
        "indikator__sasaran__nomor", "indikator__nomor"
    )[0]
    rows[1][kolom(rows, "Target")] = "77,7"
    baru = services.indikator_create(
        sasaran=baris.indikator.sasaran, nama="Indikator baru PK", satuan="%"
    )
    rows.append([f"1.{baru.sasaran.nomor}.{baru.nomor}", baru.nama, "%", "12,5", "7.01.01"])
    isi = berkas(rows, "xlsx")
    hasil = periksa("target_pk", isi)
    assert hasil.ringkasan == {"baru": 1, "berubah": 1, "sama": 3, "jumlah": 0, "galat": 0}
    riwayat = baris.history.count()
    terapkan("target_pk", isi)
    baris.refresh_from_db()
    assert baris.target == Decimal("77.7")
    assert baris.history.count() == riwayat + 1
    tambah = PKIndikator.objects.get(pk_dokumen=draf, indikator=baru)
    assert tambah.target == Decimal("12.5") and tambah.history.count() == 1


def ekspor_pk(pk) -> list[list]:
    return baris_berkas(
        unduh(reverse("perencanaan:pk_ekspor_target", args=[pk.pk, "xlsx"])), "xlsx"
    )


def test_a_changed_matrix_row_is_one_berubah_row_stored_with_history():
    rows = ekspor("matriks_renstra")
    rows[2][kolom(rows, "Realisasi (K)")] = "23"
    isi = berkas(rows, "xlsx")
    hasil = periksa("matriks_renstra", isi)
    assert hasil.jumlah("berubah") == 1 and hasil.jumlah("sama") == 101
    obj = RencanaProgram.objects.get(renstra=renstra_kec(2018), kode="4,01,05,01,20")
    riwayat = obj.history.count()
    terapkan("matriks_renstra", isi)
    obj.refresh_from_db()
    assert obj.realisasi_k == Decimal("23")
    assert obj.history.count() == riwayat + 1


# --- bad files -------------------------------------------------------------------------------


def _indikator_teks():
    """A text-valued indicator (Baik / Sangat Baik) on the Kecamatan's Renstra 2018-2023."""
    ind = IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=renstra_kec(2018)).first()
    teks = services.indikator_create(
        sasaran=ind.sasaran, nama="Predikat pelayanan", jenis_nilai="teks", agregasi="nilai_akhir"
    )
    PilihanNilai.objects.create(indikator=teks, urutan=1, label="Baik")
    PilihanNilai.objects.create(indikator=teks, urutan=2, label="Sangat Baik")
    return teks


def _sel(judul, nilai, baris=1):
    def ubah(rows):
        rows[baris][kolom(rows, judul)] = nilai

    return ubah


def _tambah_kolom(judul, nilai=""):
    def ubah(rows):
        rows[0].insert(-2, judul)
        for r in rows[1:]:
            r.insert(-2, nilai)

    return ubah


def _buang_kolom(judul):
    def ubah(rows):
        i = kolom(rows, judul)
        for r in rows:
            del r[i]

    return ubah


def _ganda(rows):
    rows.append(list(rows[1]))


def _teks_salah(rows):
    teks = _indikator_teks()
    rows.append(
        [
            f"1.{teks.sasaran.nomor}.{teks.nomor}",
            teks.nama,
            "",
            "",
            "",
            "",
            "",
            "",
            "Istimewa",
            "",
            "7.01.01",
        ]
    )


def _baris_matriks(rows, *baru, sebelum=None):
    """New matrix rows of the 2021-2022 block (after its last row, or at `sebelum`)."""
    contoh = next(r for r in rows[1:] if r[1] == 2021)
    tambah = [
        [contoh[0], 2021, 2022, kode, f"Uraian {kode}", "", "", "", rp, "", "", "", "7.01.01"]
        for kode, rp in baru
    ]
    i = sebelum if sebelum is not None else max(i for i, r in enumerate(rows) if r[1] == 2021) + 1
    rows[i:i] = tambah


BURUK = [
    pytest.param(
        "target_renstra",
        _sel("Kode Indikator", "9.9.9"),
        "Kode Indikator 9.9.9 tidak ada di Renstra 2018–2023 Kecamatan Magetan.",
        id="kode-indikator-tidak-ada",
    ),
    pytest.param(
        "target_renstra",
        _sel("Kode Indikator", "satu"),
        "Kode Indikator: “satu” bukan kode indikator; tulis nomor "
        "tujuan.sasaran.indikator, misalnya 1.2.1.",
        id="kode-indikator-salah-bentuk",
    ),
    pytest.param(
        "target_renstra",
        _sel("Indikator", "Persentase Jalan Mantap"),
        "sedangkan berkas menulis “Persentase Jalan Mantap”. Periksa apakah baris bergeser.",
        id="nama-tidak-cocok",
    ),
    pytest.param(
        "target_renstra",
        _sel("Satuan", "Orang"),
        "Satuan: berkas menulis “Orang”",
        id="satuan-tidak-cocok",
    ),
    pytest.param(
        "target_renstra",
        _sel("Target 2023", "dua puluh"),
        "Target 2023: “dua puluh” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89.",
        id="angka-teks",
    ),
    pytest.param(
        "target_renstra",
        _sel("Target 2023", "1.234"),
        "Target 2023: “1.234” bermakna ganda: 1.234 (ribuan) atau 1,234 (desimal). "
        "Tulis 1234 atau 1,234.",
        id="angka-ambigu",
    ),
    pytest.param(
        "target_renstra",
        _sel("Target 2023", "-5"),
        "Target 2023: Nilai tidak boleh negatif untuk indikator ini.",
        id="negatif",
    ),
    pytest.param(
        "target_renstra",
        _sel("Target Akhir Periode", "80,12345"),
        "Target Akhir Periode: paling banyak 4 angka di belakang koma",
        id="desimal",
    ),
    pytest.param(
        "target_renstra",
        _sel("Target 2019", "=B2*2"),
        "Target 2019: sel berisi rumus (=B2*2)",
        id="rumus",
    ),
    pytest.param(
        "target_renstra",
        _tambah_kolom("Target 2024"),
        "Kolom Target 2024 di luar periode Renstra 2018–2023; kolom tahun harus "
        "Target 2018 sampai Target 2023.",
        id="tahun-di-luar-periode",
    ),
    pytest.param(
        "target_renstra",
        _buang_kolom("Target 2020"),
        "Kolom Target 2020 tidak ada; berkas target Renstra 2018–2023 memerlukan "
        "kolom Target 2018 sampai Target 2023",
        id="tahun-hilang",
    ),
    pytest.param("target_renstra", _ganda, "Baris ganda: sama dengan baris 2.", id="ganda"),
    pytest.param(
        "target_renstra",
        _sel("Kode OPD", "4.01.01.06"),
        "Baris milik OPD lain (kode OPD 4.01.01.06); berkas ini diimpor untuk "
        "Kecamatan Magetan (7.01.01).",
        id="opd-lain",
    ),
    pytest.param(
        "target_renstra",
        _teks_salah,
        "Target 2023: “Istimewa” bukan pilihan indikator ini (pilihan: Baik, Sangat Baik).",
        id="teks-bukan-pilihan",
    ),
    pytest.param(
        "target_pk",
        _sel("Target", ""),
        "Target: wajib diisi. Untuk mengeluarkan indikator dari PK, hapus di halaman PK.",
        id="pk-target-kosong",
    ),
    pytest.param(
        "target_pk",
        _sel("Indikator", "Indikator lain"),
        "sedangkan berkas menulis “Indikator lain”",
        id="pk-nama-tidak-cocok",
    ),
    pytest.param(
        "target_pk",
        _sel("Target", "tujuh puluh"),
        "Target: “tujuh puluh” bukan angka.",
        id="pk-angka-teks",
    ),
    pytest.param("target_pk", _ganda, "Baris ganda: sama dengan baris 2.", id="pk-ganda"),
    pytest.param(
        "target_pk",
        _sel("Kode OPD", "4.01.01.06"),
        "Baris milik OPD lain (kode OPD 4.01.01.06)",
        id="pk-opd-lain",
    ),
    pytest.param(
        "matriks_renstra",
        lambda rows: _baris_matriks(rows, ("7.01.02.2", "")),
        "Kode: Kode 7.01.02.2 tidak dikenali. Bentuk yang diterima: program 7.01.02",
        id="kode-rusak",
    ),
    pytest.param(
        "matriks_renstra",
        lambda rows: _baris_matriks(rows, ("7.01.02.2.09.0001", "5.000.000")),
        "Induk 7.01.02.2.09 belum ada di blok 2021–2022: tulis baris induknya di atas baris ini.",
        id="induk-tidak-ada",
    ),
    pytest.param(
        "matriks_renstra",
        lambda rows: _baris_matriks(rows, ("7.01.02.2.09.0001", "5.000.000"), ("7.01.02.2.09", "")),
        "Induk 7.01.02.2.09 belum ada di blok 2021–2022",
        id="anak-sebelum-induk",
    ),
    pytest.param(
        "matriks_renstra",
        _sel("Tahun Awal", 2017),
        "Tahun 2017–2020 di luar periode Renstra 2018–2023 Kecamatan Magetan",
        id="matriks-di-luar-periode",
    ),
    pytest.param(
        "matriks_renstra",
        _sel("Target (K)", "seratus"),
        "Target (K): “seratus” bukan angka.",
        id="matriks-angka-teks",
    ),
    pytest.param(
        "matriks_renstra", _sel("Uraian", ""), "Uraian: wajib diisi.", id="matriks-uraian-kosong"
    ),
    pytest.param(
        "matriks_renstra", _ganda, "Baris ganda: sama dengan baris 2.", id="matriks-ganda"
    ),
]


@pytest.mark.parametrize("format", ["xlsx", "csv"])
@pytest.mark.parametrize(("jenis", "ubah", "pesan"), BURUK)
def test_a_bad_file_names_its_fault_and_imports_nothing(jenis, ubah, pesan, format):
    rows = ekspor(jenis)
    ubah(rows)
    isi = berkas(rows, format)
    sebelum = potret()
    try:
        hasil = periksa(jenis, isi, format)
    except ValidationError as e:
        semua = e.messages  # the whole file refused
        with pytest.raises(ValidationError):
            terapkan(jenis, isi, format)
    else:
        semua = pesan_galat(hasil)
        assert hasil.ada_galat
        assert terapkan(jenis, isi, format).ada_galat
    assert any(pesan in p for p in semua), semua
    assert potret() == sebelum


@pytest.mark.parametrize(
    ("tahun", "pesan"),
    [
        (
            2026,
            "Perjanjian Kinerja Tahun 2026 Kecamatan Magetan sudah final dan tidak dapat "
            "diubah; buat Perubahan PK di halaman Perencanaan lebih dahulu",
        ),
        (
            2025,
            "Belum ada Perjanjian Kinerja Kecamatan Magetan tahun 2025: buat PK tahun itu di "
            "halaman Perencanaan lebih dahulu",
        ),
    ],
)
def test_pk_targets_go_only_into_a_draft(tahun, pesan):
    rows = ekspor_pk(pk_kec(2026))
    isi = berkas(rows, "xlsx")
    sebelum = potret()
    for fungsi in (periksa, terapkan):
        with pytest.raises(ValidationError) as e:
            fungsi("target_pk", isi, tahun=tahun)
        assert pesan in e.value.messages[0]
    assert potret() == sebelum


def test_a_final_pk_2023_refuses_its_targets_until_a_perubahan_is_made():
    isi = berkas(ekspor_pk(pk_kec(2023, 1)), "xlsx")
    with pytest.raises(
        ValidationError,
        match="Perubahan Perjanjian Kinerja Tahun 2023 Kecamatan Magetan sudah final",
    ):
        periksa("target_pk", isi)
    draf_2023()
    assert periksa("target_pk", isi).ringkasan["sama"] == 4


# --- the matrix: old codes, parents, stated totals -------------------------------------------


def test_an_old_code_is_refused_in_a_dpa_but_accepted_in_the_renstra_matrix():
    dpa = berkas(
        [
            ["Kode", "Uraian", "Indikator", "Target", "Satuan", "Pagu (Rp)", "Kode OPD"],
            ["4,01,05,01,20", "Penyediaan Jasa", "", "", "", "1.000.000", "7.01.01"],
        ],
        "xlsx",
    )
    hasil = importer("dpa").check(
        tabel(dpa, "xlsx"), opd=opd_kecamatan(), tahun=TAHUN, jenis_dpa="murni"
    )
    assert pesan_galat(hasil) == [
        "Kode 4,01,05,01,20 adalah kode lama (sebelum 2021); DPA tahun 2023 memakai "
        "nomenklatur sejak 2021. Kode lama hanya untuk baris historis Renstra."
    ]

    rows = ekspor("matriks_renstra")
    rows.insert(
        3,
        [
            "Periode RPJMD Induk (Tahun 2019-2020)",
            2019,
            2020,
            "4,01,05,01,21",
            "Penyediaan Jasa Kebersihan Kantor",
            "Kantor bersih",
            "24",
            "Bulan",
            "12.500.000",
            "24",
            "12.000.000",
            "",
            "7.01.01",
        ],
    )
    hasil = terapkan("matriks_renstra", berkas(rows, "xlsx"))
    assert not hasil.ada_galat
    # The rows below the new one in its block move down one place.
    assert hasil.ringkasan == {"baru": 1, "berubah": 16, "sama": 86, "jumlah": 0, "galat": 0}
    blok = list(
        RencanaProgram.objects.filter(renstra=renstra_kec(2018), tahun_awal=2019)
        .order_by("urutan")
        .values_list("kode", "tingkat", "target_rp")
    )
    assert blok[:3] == [
        ("4,01,05,01", "program", None),
        ("4,01,05,01,20", "kegiatan", Decimal("1495520000")),
        ("4,01,05,01,21", "kegiatan", Decimal("12500000")),
    ]
    assert len(blok) == 19
    # The block after it keeps its places.
    assert (
        RencanaProgram.objects.filter(renstra=renstra_kec(2018), tahun_awal=2021, urutan=19)
        .get()
        .kode
        == "01"
    )
    # Imported again, the same file changes nothing.
    assert periksa("matriks_renstra", berkas(rows, "xlsx")).jumlah("sama") == 103


@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_an_old_code_is_accepted_in_the_matrix_and_a_malformed_one_in_the_same_file_is_not(format):
    rows = ekspor("matriks_renstra")
    blok = ["Periode RPJMD Induk (Tahun 2019-2020)", 2019, 2020]
    rows[19:19] = [
        blok
        + [
            "4,01,05,01,21",
            "Penyediaan Jasa Kebersihan Kantor",
            "",
            "24",
            "Bulan",
            "12.500.000",
            "",
            "",
            "",
            "7.01.01",
        ],
        blok + ["4,1,5", "Kode salah ketik", "", "", "", "", "", "", "", "7.01.01"],
    ]
    isi = berkas(rows, format)
    hasil = periksa("matriks_renstra", isi, format)
    tambahan = {b.kode: b for b in hasil.baris if b.nomor in (20, 21)}
    assert tambahan["4,01,05,01,21"].status == "baru"
    assert tambahan["4,1,5"].status == "galat"
    assert tambahan["4,1,5"].pesan == [
        "Kode: Kode 4,1,5 tidak dikenali. Bentuk yang diterima: program 7.01.02, kegiatan "
        "7.01.02.2.01, sub kegiatan 7.01.02.2.01.02 atau 7.01.02.2.01.0002; kode lama "
        "(sebelum 2021): 4,01,05,01 dan 4,01,05,01,20."
    ]
    assert pesan_galat(hasil) == tambahan["4,1,5"].pesan
    sebelum = potret()
    assert terapkan("matriks_renstra", isi, format).ada_galat
    assert potret() == sebelum


def test_a_program_rows_stated_rupiah_is_compared_with_its_rows_and_not_stored():
    rows = ekspor("matriks_renstra")
    rp = kolom(rows, "Target (Rp)")
    realisasi = kolom(rows, "Realisasi (Rp)")
    # The document states 1.635.520.000 for program 4,01,05,01; its kegiatan add up to
    # 1.635.520.000 as target and 1.568.200.000 as realisation.
    rows[1][rp] = "1.635.520.000"
    rows[1][realisasi] = "1.600.000.000"
    isi = berkas(rows, "csv")
    hasil = periksa("matriks_renstra", isi, "csv")
    assert hasil.ringkasan["sama"] == 102
    assert hasil.selisih == [
        "Baris 2, 4,01,05,01 (2019–2020): realisasi (Rp) tertulis 1.600.000.000,00, jumlah "
        "rinciannya 1.568.200.000,00 (selisih 31.800.000,00). Yang dipakai: jumlah rincian."
    ]
    sebelum = potret()
    terapkan("matriks_renstra", isi, "csv")
    assert potret() == sebelum
    assert (
        RencanaProgram.objects.get(renstra=renstra_kec(2018), kode="4,01,05,01").realisasi_rp
        is None
    )


def test_the_duplicated_program_code_of_a_block_matches_in_order():
    """Kecamatan Magetan's 2021-2022 block lists program 7.01.03 twice (under two sasaran):
    each occurrence keeps its own values."""
    rows = ekspor("matriks_renstra")
    kedua = [i for i, r in enumerate(rows) if r[3] == "7.01.03" and r[1] == 2021][1]
    rows[kedua][kolom(rows, "Target (K)")] = "165"
    terapkan("matriks_renstra", berkas(rows, "xlsx"))
    nilai = list(
        RencanaProgram.objects.filter(renstra=renstra_kec(2018), tahun_awal=2021, kode="7.01.03")
        .order_by("urutan")
        .values_list("target_k", flat=True)
    )
    assert nilai == [Decimal("80"), Decimal("165")]


def test_a_short_supporting_program_code_is_the_same_row_as_its_full_form():
    rows = ekspor("matriks_renstra")
    i = next(i for i, r in enumerate(rows) if r[3] == "01.2.01.01")
    rows[i][3] = "7.01.01.2.01.0001"
    assert periksa("matriks_renstra", berkas(rows, "xlsx")).jumlah("sama") == 102


@pytest.mark.parametrize("jenis", ["target_renstra", "target_pk", "matriks_renstra"])
def test_the_import_form_asks_for_the_opd_and_the_year(jenis):
    form = ImporForm(
        {"jenis": jenis, "opd": "", "tahun": ""},
        {"berkas": SimpleUploadedFile("target.xlsx", b"PK\x03\x04isi")},
        opd_qs=OPD.objects.all(),
    )
    assert not form.is_valid()
    assert form.errors["opd"] == ["OPD: pilih OPD yang Renstra atau PK-nya diimpor."]
    assert form.errors["tahun"] == [
        "Tahun: wajib diisi; target dan matriks diimpor ke Renstra atau PK yang mencakup tahun itu."
    ]


def test_a_renstra_target_file_goes_through_the_import_page(client):
    """The operator uploads the changed export on the import page, sees the one changed row
    with old and new value, confirms, and the target is stored with the operator as the one
    who changed it."""
    rows = ekspor("target_renstra")
    rows[2][kolom(rows, "Target 2022")] = "91,25"
    client.force_login(user("operator.kecamatan"))
    resp = client.post(
        reverse("anggaran:impor_baru"),
        {
            "jenis": "target_renstra",
            "opd": opd_kecamatan().pk,
            "tahun": TAHUN,
            "jenis_dpa": "murni",
            "berkas": SimpleUploadedFile("target.xlsx", berkas(rows, "xlsx")),
        },
    )
    assert resp.status_code == 302
    halaman = client.get(resp["Location"]).content.decode()
    assert "Target 2022: 80 → 91,25" in halaman and "Impor sekarang" in halaman
    client.post(resp["Location"])
    ind = IndikatorKinerja.objects.get(
        sasaran__tujuan__renstra=renstra_kec(2018),
        sasaran__tujuan__nomor=1,
        sasaran__nomor=2,
        nomor=1,
    )
    target = TargetTahunan.objects.get(indikator=ind, tahun=2022)
    assert target.target == Decimal("91.25")
    assert target.history.first().history_user == user("operator.kecamatan")
