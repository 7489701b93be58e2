"""Budget spreadsheet import (apps.anggaran.impor on apps.core.impor, services, views, command).

Every bad file is uploaded through the import page as its user's browser sends it; a file
that cannot be read at all is refused on the upload page with one Indonesian message and is
not kept; a file whose rows are wrong is shown on the dry-run page with each wrong row's
number and reason, and the confirm POST is refused. In every case nothing is imported: every
row and value of RealisasiAnggaran, RincianDPA, DPA, DPAProgram, DPAKegiatan, Program,
Kegiatan, SubKegiatan (and their history) is the same before and after.
"""

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import lembar_bermusuhan
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from perencanaan_uji import opd_organisasi, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.anggaran.models import (
    DPA,
    DPAKegiatan,
    DPAProgram,
    Impor,
    Kegiatan,
    Program,
    RealisasiAnggaran,
    RincianDPA,
    SubKegiatan,
)
from apps.core.models import OPD
from apps.laporan.demo import referensi as ref

pytestmark = pytest.mark.django_db

TAHUN = 2023
BELUM_DIPERIKSA = "Berkas belum diperiksa: lihat pesan pada isian."
TIDAK_DIIMPOR = "Tidak ada yang diimpor"
PILIHAN_SALAH = (
    "Masukkan pilihan yang valid. Pilihan tersebut bukan salah satu dari pilihan yang tersedia."
)
H_REALISASI = ["Kode", "Uraian", "Bulan", "Realisasi (Rp)", "Fisik (K)", "Keterangan", "Kode OPD"]
H_DPA = ["Kode", "Uraian", "Indikator", "Target", "Satuan", "Pagu (Rp)", "Kode OPD"]
# Two lines of the Kecamatan's DPA 2023 with no realisation in November.
SUB_1, SUB_2 = "7.01.01.2.01.0001", "7.01.02.2.01.0002"


# --- helpers ---------------------------------------------------------------------------------

MODEL_POTRET = (
    RealisasiAnggaran,
    RincianDPA,
    DPA,
    DPAProgram,
    DPAKegiatan,
    Program,
    Kegiatan,
    SubKegiatan,
)


def _isi(model) -> list[tuple]:
    kolom = [f.attname for f in model._meta.concrete_fields]
    return list(model.objects.order_by("pk").values_list(*kolom))


def potret() -> dict:
    """Every row and value of the budget tables an import could write, with their history."""
    hasil = {}
    for model in MODEL_POTRET:
        hasil[model._meta.label] = _isi(model)
        if hasattr(model, "history"):
            hasil[f"{model._meta.label} (riwayat)"] = _isi(model.history.model)
    return hasil


def xlsx(baris: list[list], judul: str | None = None, lembar: list[str] | None = None) -> bytes:
    """A workbook of the rows (first the header); `lembar`: the sheet names, data in the one
    named "Data" or else in the first."""
    wb = Workbook()
    ws = wb.active
    nama = lembar or [judul or "Sheet1"]
    ws.title = nama[0]
    for n in nama[1:]:
        wb.create_sheet(n)
    data = wb["Data"] if "Data" in nama else ws
    for b in baris:
        data.append(b)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(baris: list[list], pemisah=";") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=pemisah, lineterminator="\n").writerows(baris)
    return ("\ufeff" + out.getvalue()).encode()


def realisasi(*baris) -> list[list]:
    """A realisation file: header and rows (kode, bulan, realisasi[, kode OPD])."""
    hasil = [H_REALISASI]
    for b in baris:
        kode, bulan, nilai, *opd = b
        hasil.append([kode, "", bulan, nilai, "", "", opd[0] if opd else "7.01.01"])
    return hasil


def unggah(
    client, nama: str, isi: bytes, *, jenis="realisasi", opd=None, tahun=TAHUN, jenis_dpa="murni"
):
    data = {
        "jenis": jenis,
        "tahun": tahun,
        "jenis_dpa": jenis_dpa,
        "opd": (opd or opd_kecamatan()).pk,
        "berkas": SimpleUploadedFile(nama, isi),
    }
    if jenis == "nomenklatur":
        data.update({"opd": "", "tahun": ""})
    return client.post(reverse("anggaran:impor_baru"), data)


def url_impor(obj) -> str:
    return reverse("anggaran:impor", args=[obj.pk])


def diimpor(resp) -> str:
    """What the check page says was imported ("0 baris baru, 1 diubah, 22 sama.")."""
    m = re.search(
        r"Diimpor pada \d{1,2} \w+ \d{4} \d{2}\.\d{2}: (.*?\.)(?: |$)", teks_halaman(resp)
    )
    assert m, teks_halaman(resp)[:3000]
    return m.group(1)


def ringkasan(teks: str) -> dict:
    m = re.search(
        r"Baru ([\d.]+) Berubah ([\d.]+) Sama ([\d.]+) Jumlah tertulis ([\d.]+) "
        r"Salah ([\d.]+)",
        teks,
    )
    assert m, teks[:2000]
    return {
        k: int(v.replace(".", ""))
        for k, v in zip(("baru", "berubah", "sama", "jumlah", "galat"), m.groups(), strict=True)
    }


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# --- 1. bad files ----------------------------------------------------------------------------


@dataclass
class Kasus:
    id: str
    nama: str
    isi: Callable  # () -> bytes
    pesan: str  # the file's message, or the row's message
    baris: int | None = None  # the wrong row's number; None: the whole file is refused
    ditolak: bool = False  # refused by the check (kept as ditolak), not at the upload
    jenis: str = "realisasi"
    peran: str = "operator.kecamatan"
    siapkan: Callable | None = None  # (settings) -> None


def _sepuluh_lembar(data: bool):
    nama = [f"Lembar{i}" for i in range(1, 11)]
    if data:
        nama[6] = "Data"
    return xlsx(realisasi((SUB_1, 11, 1250000)), lembar=nama)


def _rumus():
    b = realisasi((SUB_1, 11, 1000), (SUB_2, 11, 2000), (SUB_1, 10, None))
    b[3][3] = "=SUM(D2:D3)"
    return xlsx(b)


def _besar(settings):
    settings.SAKIP_IMPOR_MAKS_BYTES = 2000


def _dpa_baris(kode, pagu, opd="7.01.01"):
    return [
        H_DPA,
        [
            SUB_2,
            "Peningkatan Efektifitas",
            "Jumlah Kegiatan Pemerintahan di Kecamatan",
            "25",
            "Kegiatan",
            "16.398.050",
            opd,
        ],
        [kode, "", "", "", "", pagu, opd],
    ]


KASUS = [
    Kasus(
        "judul-kolom-salah",
        "realisasi.xlsx",
        lambda: xlsx([["Kode", "Uraian", "Bulan", "Fisik (K)"], [SUB_1, "", 11, 2]]),
        "Judul kolom tidak sesuai templat: kolom Realisasi (Rp) tidak ditemukan di baris "
        "judul (Kode, Uraian, Bulan, Fisik (K)).",
        ditolak=True,
    ),
    Kasus(
        "lembar-kosong",
        "realisasi.xlsx",
        lambda: xlsx([]),
        "Berkas “realisasi.xlsx” tidak berisi data: lembarnya kosong.",
    ),
    Kasus(
        "rumus",
        "realisasi.xlsx",
        _rumus,
        "Realisasi (Rp): sel berisi rumus (=SUM(D2:D3)); impor hanya menerima nilai.",
        baris=4,
    ),
    Kasus(
        "teks-bukan-angka",
        "realisasi.csv",
        lambda: csv_bytes(realisasi((SUB_1, 11, "1.000.000"), (SUB_2, 11, "satu juta"))),
        "Realisasi (Rp): “satu juta” bukan angka.",
        baris=3,
    ),
    Kasus(
        "rupiah-titik-bukan-ribuan",
        "realisasi.xlsx",
        lambda: xlsx(realisasi((SUB_1, 11, "12.5"), (SUB_2, 11, 5000))),
        "Realisasi (Rp): pemisah ribuan pada “12.5” tidak tepat; pada rupiah titik "
        "memisahkan setiap tiga angka (12.500) dan koma menandai sen (12.500,50).",
        baris=2,
    ),
    Kasus(
        "pagu-negatif",
        "dpa.csv",
        lambda: csv_bytes(_dpa_baris("7.01.01.2.01.0001", "-20.633.680")),
        "Pagu (Rp): nilai tidak boleh negatif.",
        baris=3,
        jenis="dpa",
    ),
    Kasus(
        "kode-tidak-dikenal",
        "realisasi.csv",
        lambda: csv_bytes(realisasi((SUB_1, 11, "1000"), ("7.01.02.2.01.0099", 11, "5"))),
        "Kode 7.01.02.2.01.0099 tidak ada di DPA (murni) 2023 Kecamatan Magetan.",
        baris=3,
    ),
    Kasus(
        "kode-cacat",
        "realisasi.csv",
        lambda: csv_bytes(realisasi((SUB_1, 11, "1000"), ("7.1.2", 11, "5"))),
        "Kode: Kode 7.1.2 tidak dikenali.",
        baris=3,
    ),
    Kasus(
        "anak-sebelum-induk",
        "nomenklatur.xlsx",
        lambda: xlsx(
            [
                ["Kode", "Nama"],
                ["7.01.02.2.09.0001", "Sub kegiatan uji"],
                ["7.01.02.2.09", "Kegiatan uji"],
            ]
        ),
        "Induk 7.01.02.2.09 belum ada: tambahkan induknya di baris sebelum baris ini",
        baris=2,
        jenis="nomenklatur",
        peran="verifikator",
    ),
    Kasus(
        "baris-ganda",
        "realisasi.csv",
        lambda: csv_bytes(
            realisasi((SUB_1, 11, "1000"), (SUB_2, 11, "5"), ("7.01.01.2.01.01", "November", "7"))
        ),
        "Baris ganda: sama dengan baris 2.",
        baris=4,
    ),
    Kasus(
        "baris-opd-lain",
        "realisasi.xlsx",
        lambda: xlsx(realisasi((SUB_1, 11, 1000), (SUB_2, 11, 5, "4.01.01.06"))),
        "Baris milik OPD lain (kode OPD 4.01.01.06); berkas ini diimpor untuk Kecamatan "
        "Magetan (7.01.01).",
        baris=3,
    ),
    Kasus(
        "txt-bernama-xlsx",
        "realisasi.xlsx",
        lambda: b"Kode;Bulan;Realisasi (Rp)\n7.01.01.2.01.0001;11;1000\n",
        "Berkas “realisasi.xlsx” bukan berkas Excel (.xlsx) yang sah",
    ),
    Kasus(
        "terlalu-besar",
        "realisasi.csv",
        lambda: csv_bytes(realisasi(*[(SUB_1, m, "1.000") for m in range(1, 13)] * 6)),
        "paling besar 2,0 KB. Pecah berkas per bulan atau per program.",
        siapkan=_besar,
    ),
    Kasus(
        "sepuluh-lembar-tanpa-data",
        "realisasi.xlsx",
        lambda: _sepuluh_lembar(False),
        "Berkas “realisasi.xlsx” berisi 10 lembar kerja (Lembar1, Lembar2, Lembar3, Lembar4, "
        "Lembar5, …); impor membaca satu lembar. Hapus lembar lain, atau beri nama lembar "
        "datanya “Data”.",
    ),
    Kasus(
        "kode-lama-di-dpa-2023",
        "dpa.xlsx",
        lambda: xlsx(_dpa_baris("4,01,05,01,20", "1.000.000")),
        "Kode 4,01,05,01,20 adalah kode lama (sebelum 2021); DPA tahun 2023 memakai "
        "nomenklatur sejak 2021.",
        baris=3,
        jenis="dpa",
    ),
    Kasus(
        "bulan-13",
        "realisasi.csv",
        lambda: csv_bytes(realisasi((SUB_1, 11, "1000"), (SUB_2, 13, "5"))),
        "Bulan: “13” bukan bulan; tulis 1 sampai 12 atau nama bulan.",
        baris=3,
    ),
    # Numbers are read by the same form field as the pages: a physical output or a target
    # beyond the column's digits is a row error, never a database error at import time.
    Kasus(
        "fisik-terlalu-besar",
        "realisasi.csv",
        lambda: csv_bytes(
            [
                H_REALISASI,
                [SUB_1, "", 11, "1000", "", "", "7.01.01"],
                [SUB_2, "", 11, "5", "1.234.567.890.123", "", "7.01.01"],
            ]
        ),
        "Fisik (K): terlalu besar; paling banyak 12 angka sebelum koma.",
        baris=3,
    ),
    Kasus(
        "target-terlalu-besar",
        "dpa.csv",
        lambda: csv_bytes(
            [
                H_DPA,
                [
                    SUB_2,
                    "Peningkatan Efektifitas",
                    "Jumlah Kegiatan",
                    "1.234.567.890.123",
                    "Kegiatan",
                    "16.398.050",
                    "7.01.01",
                ],
                ["7.01.01.2.01.0001", "", "", "", "", "20.633.680", "7.01.01"],
            ]
        ),
        "Target: terlalu besar; paling banyak 12 angka sebelum koma.",
        baris=2,
        jenis="dpa",
    ),
    Kasus(
        "pdf",
        "realisasi.pdf",
        lambda: b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n",
        "Berkas “realisasi.pdf”: jenis berkas tidak didukung; unggah .xlsx atau .csv.",
    ),
    Kasus(
        "csv-bukan-utf8",
        "realisasi.csv",
        lambda: (
            "Kode;Bulan;Realisasi (Rp);Keterangan\n7.01.01.2.01.0001;11;1000;Rapat "
            "Kepala Seksi Pemerintahan dan Trantib (Camat)\n".encode("utf-16")
        ),
        "Berkas “realisasi.csv” bukan teks UTF-8",
    ),
    # Hostile spreadsheets (tests/lembar_bermusuhan.py): refused while they are read, with
    # a message, instead of holding the server for minutes or a gigabyte, or failing it.
    Kasus(
        "dimensi-raksasa",
        "realisasi.xlsx",
        lembar_bermusuhan.dimensi_raksasa,
        "Berkas “realisasi.xlsx” ditolak: ada baris bernomor 1.048.576, di luar batas "
        "51.000 baris; hapus baris-baris di bawah data atau pecah berkasnya. Tidak ada yang "
        "diimpor.",
    ),
    Kasus(
        "sel-300-mb",
        "realisasi.xlsx",
        lembar_bermusuhan.sel_besar,
        "Berkas “realisasi.xlsx” ditolak: sel A1 berisi lebih dari 32.767 karakter (batas "
        "Excel). Tidak ada yang diimpor.",
    ),
    Kasus(
        "entitas-xml",
        "realisasi.xlsx",
        lembar_bermusuhan.entitas,
        "Berkas “realisasi.xlsx” ditolak: bagian xl/worksheets/sheet1.xml memuat deklarasi "
        "DTD atau entitas XML, yang tidak pernah ditulis oleh Excel dan tidak dibaca demi "
        "keamanan. Tidak ada yang diimpor.",
    ),
    Kasus(
        "lembar-terenkripsi",
        "realisasi.xlsx",
        lembar_bermusuhan.terenkripsi,
        "Berkas “realisasi.xlsx” ditolak: bagian xl/worksheets/sheet1.xml dilindungi kata "
        "sandi; simpan ulang dari Excel tanpa kata sandi. Tidak ada yang diimpor.",
    ),
    Kasus(
        "lembar-dimampatkan-asing",
        "realisasi.xlsx",
        lembar_bermusuhan.metode_asing,
        "Berkas “realisasi.xlsx” ditolak: bagian xl/worksheets/sheet1.xml dimampatkan dengan "
        "cara yang tidak dipakai Excel; simpan ulang dari Excel sebagai .xlsx atau CSV. "
        "Tidak ada yang diimpor.",
    ),
    Kasus(
        "xml-terpotong",
        "realisasi.xlsx",
        lembar_bermusuhan.rusak,
        "Berkas “realisasi.xlsx” ditolak: XML bagian xl/worksheets/sheet1.xml rusak (baris 2",
        ditolak=True,
    ),
    Kasus(
        "csv-sel-terlalu-panjang",
        "realisasi.csv",
        lambda: csv_bytes([H_REALISASI, [SUB_1, "x" * 40_000, 11, "1000", "", "", "7.01.01"]]),
        "Berkas “realisasi.csv”: sel kolom 2 baris 2 berisi 40.000 karakter; paling banyak 32.767.",
        ditolak=True,
    ),
]


@pytest.mark.parametrize("kasus", KASUS, ids=[k.id for k in KASUS])
def test_bad_file_is_refused_with_its_message_and_nothing_is_imported(
    kasus, client, login, settings
):
    if kasus.siapkan:
        kasus.siapkan(settings)
    login(kasus.peran)
    sebelum, impor_sebelum = potret(), Impor.objects.count()
    resp = unggah(client, kasus.nama, kasus.isi(), jenis=kasus.jenis)
    assert resp.status_code in (200, 302)
    if kasus.ditolak:
        # Readable, but refused as a whole by the check: the page says why, offers no import.
        assert resp.status_code == 302
        obj = Impor.objects.latest("pk")
        resp = client.get(resp["Location"])
        teks = teks_halaman(resp)
        assert "Berkas ditolak; tidak ada yang diimpor." in teks and kasus.pesan in teks
        assert "Impor sekarang" not in teks
        resp = client.post(url_impor(obj), follow=True)
        assert any("tidak dapat diimpor: ditolak." in p for p in pesan(resp)), pesan(resp)
        obj.refresh_from_db()
        assert obj.status == Impor.Status.DITOLAK
    elif kasus.baris is None:
        # The whole file is refused on the upload page, and not kept.
        assert resp.status_code == 200, resp
        teks = teks_halaman(resp)
        assert kasus.pesan in teks
        assert BELUM_DIPERIKSA in pesan(resp)
        assert Impor.objects.count() == impor_sebelum
    else:
        assert resp.status_code == 302, teks_halaman(resp)[:3000]
        obj = Impor.objects.latest("pk")
        assert resp["Location"] == url_impor(obj)
        resp = client.get(url_impor(obj))
        assert resp.status_code == 200
        teks = teks_halaman(resp)
        r = ringkasan(teks)
        assert r["galat"] == 1, teks
        # The wrong row's number, its verdict and its reason on one table row.
        assert re.search(
            rf"<tr class=\"impor-galat\"><td>{kasus.baris}</td>", resp.content.decode()
        ), teks
        baris_galat = re.search(
            r"<tr class=\"impor-galat\">(.*?)</tr>", resp.content.decode(), re.S
        ).group(1)
        assert kasus.pesan in teks_halaman_html(baris_galat)
        assert "1 baris salah: tidak ada yang dapat diimpor" in teks
        assert "Impor sekarang" not in teks
        assert potret() == sebelum
        resp = client.post(url_impor(obj), follow=True)
        assert resp.status_code == 200
        assert any(TIDAK_DIIMPOR in p for p in pesan(resp)), pesan(resp)
        obj.refresh_from_db()
        assert obj.status == Impor.Status.DIPERIKSA
    assert potret() == sebelum


def teks_halaman_html(potongan: str) -> str:
    class R:
        content = potongan.encode()

        def get(self, *_):
            return ""

    return teks_halaman(R())


def test_ten_sheets_one_named_data_is_read(client, login):
    login("operator.kecamatan")
    resp = unggah(client, "realisasi.xlsx", _sepuluh_lembar(True))
    assert resp.status_code == 302, teks_halaman(resp)[:2000]
    teks = teks_halaman(client.get(resp["Location"]))
    assert ringkasan(teks) == {"baru": 1, "berubah": 0, "sama": 0, "jumlah": 0, "galat": 0}
    assert "Impor sekarang" in teks


# --- 2. stated totals ------------------------------------------------------------------------


def _dpa_referensi(pagu_kegiatan: dict) -> list[list]:
    """The Kecamatan's DPA 2023 as the national system exports it: program and kegiatan rows
    with their indicators (a stated pagu where given), sub kegiatan rows with their pagu."""
    hasil = [H_DPA]
    for row in ref.DPA_KECAMATAN_2023:
        kode, nama, indikator, target, satuan = row[:5]
        pagu = row[5] if len(row) > 5 else pagu_kegiatan.get(kode, "")
        hasil.append([kode, nama, indikator, target, satuan, pagu, "7.01.01"])
    return hasil


def test_stated_total_differing_from_lines_is_listed_and_not_stored(client, login):
    login("operator.kecamatan")
    sebelum = potret()
    isi = xlsx(_dpa_referensi({"01.2.06": 736552863}))
    resp = unggah(client, "dpa-2023.xlsx", isi, jenis="dpa")
    assert resp.status_code == 302, teks_halaman(resp)[:3000]
    resp = client.get(resp["Location"])
    teks = teks_halaman(resp)
    nomor = 2 + [r[0] for r in ref.DPA_KECAMATAN_2023].index("01.2.06")
    assert (
        f"Baris {nomor}, 7.01.01.2.06: jumlah tertulis 736.552.863,00, jumlah rinciannya "
        "744.978.713,00 (selisih 8.425.850,00). Yang dipakai: jumlah rincian."
    ) in teks
    assert "Jumlah tertulis yang berbeda dengan rinciannya (1)" in teks
    assert ringkasan(teks) == {
        "baru": 0,
        "berubah": 0,
        "sama": len(ref.DPA_KECAMATAN_2023),
        "jumlah": 0,
        "galat": 0,
    }
    resp = client.post(resp.wsgi_request.path, follow=True)
    assert diimpor(resp).startswith("0 baris baru, 0 diubah")
    assert potret() == sebelum


# --- 3. round trip ---------------------------------------------------------------------------


def _ekspor(client, format: str) -> bytes:
    resp = client.get(
        reverse("anggaran:ekspor", args=[opd_kecamatan().pk, TAHUN, "realisasi", format])
    )
    assert resp.status_code == 200
    return resp.content


def _impor_dari(client, nama, isi) -> tuple[Impor, str]:
    resp = unggah(client, nama, isi)
    assert resp.status_code == 302, teks_halaman(resp)[:3000]
    obj = Impor.objects.latest("pk")
    return obj, teks_halaman(client.get(url_impor(obj)))


def test_export_then_import_changes_nothing_then_one_changed_value(client, login):
    login("operator.kecamatan")
    n = RealisasiAnggaran.objects.filter(
        rincian__dpa__opd=opd_kecamatan(), rincian__dpa__tahun=TAHUN
    ).count()
    assert n == 23
    sebelum = potret()
    isi_xlsx, isi_csv = _ekspor(client, "xlsx"), _ekspor(client, "csv")
    assert load_workbook(io.BytesIO(isi_xlsx)).sheetnames == ["Data"]
    for nama, isi in (("realisasi.xlsx", isi_xlsx), ("realisasi.csv", isi_csv)):
        obj, teks = _impor_dari(client, nama, isi)
        assert ringkasan(teks) == {"baru": 0, "berubah": 0, "sama": n, "jumlah": 0, "galat": 0}, (
            nama
        )
        resp = client.post(url_impor(obj), follow=True)
        assert diimpor(resp) == "0 baris baru, 0 diubah, 23 sama."
        assert potret() == sebelum

    # One value changed in the csv, written the Indonesian way.
    teks_csv = isi_csv.decode("utf-8-sig")
    baris = list(csv.reader(io.StringIO(teks_csv), delimiter=";"))
    assert baris[0] == H_REALISASI
    kode, bulan = baris[5][0], int(baris[5][2])
    baris[5][3] = "12.345.678,50"
    obj, teks = _impor_dari(client, "realisasi-ubah.csv", csv_bytes(baris))
    assert ringkasan(teks) == {"baru": 0, "berubah": 1, "sama": n - 1, "jumlah": 0, "galat": 0}
    assert re.search(rf"\b6 {re.escape(kode)} .*? berubah", teks)
    target = RealisasiAnggaran.objects.get(
        rincian__dpa__opd=opd_kecamatan(),
        rincian__dpa__tahun=TAHUN,
        bulan=bulan,
        rincian__sub_kegiatan__kode=kode,
    )
    riwayat = target.history.count()
    resp = client.post(url_impor(obj), follow=True)
    assert diimpor(resp) == "0 baris baru, 1 diubah, 22 sama."
    sesudah = potret()
    lama = {r[0]: r for r in sebelum["anggaran.RealisasiAnggaran"]}
    baru = {r[0]: r for r in sesudah["anggaran.RealisasiAnggaran"]}
    assert lama.keys() == baru.keys()
    beda = [pk for pk in lama if lama[pk] != baru[pk]]
    assert beda == [target.pk]
    target.refresh_from_db()
    assert target.realisasi == Decimal("12345678.50")
    assert target.history.count() == riwayat + 1
    assert target.history.latest().realisasi == Decimal("12345678.50")
    assert target.history.latest().history_type == "~"
    for label in sebelum:
        if label not in ("anggaran.RealisasiAnggaran", "anggaran.RealisasiAnggaran (riwayat)"):
            assert sesudah[label] == sebelum[label], label
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DIIMPOR

    # Confirming twice is refused.
    resp = client.post(url_impor(obj), follow=True)
    assert any("sudah diimpor" in p for p in pesan(resp)), pesan(resp)
    assert potret() == sesudah


# --- 4. all or nothing, 10.000 rows ----------------------------------------------------------


def _dpa_besar(garis: int) -> tuple[OPD, list[str]]:
    """A test OPD with a DPA 2024 of `garis` lines (one kegiatan, sub kegiatan 0001...)."""
    opd = OPD.objects.create(
        kode="7.01.99", kode_bidang="7.01", nama="Kecamatan Uji Impor", jenis=OPD.Jenis.KECAMATAN
    )
    program = Program.objects.create(kode="7.01.98", nama="PROGRAM UJI IMPOR", skema="050")
    keg = Kegiatan.objects.create(program=program, kode="7.01.98.2.01", nama="Kegiatan uji")
    sub = SubKegiatan.objects.bulk_create(
        SubKegiatan(kegiatan=keg, kode=f"7.01.98.2.01.{i:04d}", nama=f"Sub kegiatan uji {i}")
        for i in range(1, garis + 1)
    )
    dpa = DPA.objects.create(opd=opd, tahun=2024, jenis=DPA.Jenis.MURNI)
    RincianDPA.objects.bulk_create(
        RincianDPA(dpa=dpa, kegiatan=keg, sub_kegiatan=s, pagu=Decimal(100_000_000)) for s in sub
    )
    return opd, [s.kode for s in sub]


def _sepuluh_ribu(kode: list[str], salah: bool) -> bytes:
    baris = [H_REALISASI]
    for i in range(10_000):
        k, bulan = kode[i // 12], i % 12 + 1
        nilai = "satu juta" if salah and i == 8_999 else f"{1_000 + i}500,25"
        baris.append([k, "", bulan, nilai, "", "", "7.01.99"])
    return csv_bytes(baris)


def test_ten_thousand_rows_one_wrong_imports_nothing_fixed_imports_all(client, login):
    opd, kode = _dpa_besar(834)
    login("admin")
    sebelum = potret()
    resp = unggah(
        client, "realisasi-2024.csv", _sepuluh_ribu(kode, salah=True), opd=opd, tahun=2024
    )
    assert resp.status_code == 302, teks_halaman(resp)[:3000]
    obj = Impor.objects.latest("pk")
    resp = client.get(url_impor(obj))
    teks = teks_halaman(resp)
    assert ringkasan(teks) == {"baru": 9_999, "berubah": 0, "sama": 0, "jumlah": 0, "galat": 1}
    # Row 9.001 (header is row 1) is on page 45 of 200 rows, in file order.
    teks46 = teks_halaman(client.get(url_impor(obj) + "?hal=45"))
    assert re.search(
        rf"\b9001 {kode[8_999 // 12]} salah Realisasi \(Rp\): “satu juta” bukan "
        "angka",
        teks46,
    ), teks46[:3000]
    assert teks46.count(" salah ") == 1
    resp = client.post(url_impor(obj), follow=True)
    assert any(TIDAK_DIIMPOR in p for p in pesan(resp)), pesan(resp)
    assert potret() == sebelum
    assert not RealisasiAnggaran.objects.filter(rincian__dpa__opd=opd).exists()

    resp = unggah(
        client, "realisasi-2024-benar.csv", _sepuluh_ribu(kode, salah=False), opd=opd, tahun=2024
    )
    assert resp.status_code == 302, teks_halaman(resp)[:3000]
    obj = Impor.objects.latest("pk")
    resp = client.post(url_impor(obj), follow=True)
    assert diimpor(resp) == "10.000 baris baru, 0 diubah, 0 sama."
    qs = RealisasiAnggaran.objects.filter(rincian__dpa__opd=opd)
    assert qs.count() == 10_000
    assert qs.get(
        rincian__sub_kegiatan__kode=kode[8_999 // 12], bulan=8_999 % 12 + 1
    ).realisasi == Decimal("9999500.25")
    assert RealisasiAnggaran.history.filter(rincian__dpa__opd=opd).count() == 10_000


def test_dry_run_of_a_large_file_names_its_wrong_row_on_the_page_shown(client, login):
    """The page a user lands on after the upload says "1 baris salah": it must also say which
    row, without paging through 50 pages of correct rows to find it."""
    opd, kode = _dpa_besar(834)
    login("admin")
    resp = unggah(
        client, "realisasi-2024.csv", _sepuluh_ribu(kode, salah=True), opd=opd, tahun=2024
    )
    assert resp.status_code == 302
    teks = teks_halaman(client.get(resp["Location"]))
    assert "1 baris salah" in teks
    assert re.search(r"Baris 9001 \(\S+\): Realisasi \(Rp\): “satu juta” bukan angka", teks), (
        "the wrong row 9001 is not on the dry-run page the user sees (only on page 45 of 50)"
    )


# --- 5. permissions --------------------------------------------------------------------------


def test_operator_cannot_import_into_another_opd(client, login, media):
    login("operator.kecamatan")
    sebelum, n = potret(), Impor.objects.count()
    resp = unggah(
        client,
        "realisasi.xlsx",
        xlsx(realisasi((SUB_1, 11, 1000))),
        opd=opd_organisasi(),
        tahun=2019,
    )
    assert resp.status_code == 200
    assert PILIHAN_SALAH in teks_halaman(resp)
    assert BELUM_DIPERIKSA in pesan(resp)
    assert Impor.objects.count() == n
    assert potret() == sebelum
    assert not any(p.is_file() for p in media.rglob("*"))


def test_other_opd_operator_cannot_see_or_confirm_the_import(client, login):
    login("operator.kecamatan")
    resp = unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    assert resp.status_code == 302
    obj = Impor.objects.latest("pk")
    sebelum = potret()
    login("operator.organisasi")
    assert client.get(url_impor(obj)).status_code == 404
    assert client.post(url_impor(obj)).status_code == 404
    assert potret() == sebelum
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DIPERIKSA


def test_inspektorat_cannot_upload(client, login):
    login("inspektorat")
    n = Impor.objects.count()
    resp = unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    assert resp.status_code == 403
    assert Impor.objects.count() == n


def test_inspektorat_cannot_confirm(client, login):
    login("operator.kecamatan")
    unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    obj = Impor.objects.latest("pk")
    sebelum = potret()
    login("inspektorat")
    assert client.get(url_impor(obj)).status_code == 200
    assert client.post(url_impor(obj)).status_code == 403
    assert potret() == sebelum


def test_operator_cannot_import_nomenclature(client, login):
    login("operator.kecamatan")
    sebelum, n = potret(), Impor.objects.count()
    resp = unggah(
        client,
        "nomenklatur.xlsx",
        xlsx([["Kode", "Nama"], ["7.01.02.2.09", "Kegiatan uji"]]),
        jenis="nomenklatur",
    )
    assert resp.status_code == 403
    assert Impor.objects.count() == n
    assert potret() == sebelum


def test_template_unknown_kind_is_404_known_kind_has_the_headers(client, login):
    login("operator.kecamatan")
    assert client.get(reverse("anggaran:templat", args=["anggota", "xlsx"])).status_code == 404
    assert client.get(reverse("anggaran:templat", args=["dpa", "pdf"])).status_code == 404
    resp = client.get(reverse("anggaran:templat", args=["realisasi", "xlsx"]))
    assert resp.status_code == 200
    ws = load_workbook(io.BytesIO(resp.content)).active
    assert [c.value for c in next(ws.iter_rows())] == H_REALISASI


# --- 6. management command -------------------------------------------------------------------


def test_command_checks_then_imports_with_konfirmasi(tmp_path):
    path = tmp_path / "realisasi.xlsx"
    path.write_bytes(xlsx(realisasi((SUB_1, 11, 1250000), (SUB_2, 11, "2.500.000,50"))))
    sebelum = potret()
    out = io.StringIO()
    call_command("impor_anggaran", "realisasi", str(path), opd="7.01.01", tahun=2023, stdout=out)
    assert "2 baru, 0 berubah, 0 sama, 0 jumlah tertulis, 0 salah" in out.getvalue()
    assert "Hanya diperiksa" in out.getvalue()
    assert potret() == sebelum

    call_command(
        "impor_anggaran",
        "realisasi",
        str(path),
        opd="7.01.01",
        tahun=2023,
        konfirmasi=True,
        stdout=io.StringIO(),
    )
    qs = RealisasiAnggaran.objects.filter(
        rincian__dpa__opd=opd_kecamatan(), rincian__dpa__tahun=2023, bulan=11
    )
    assert sorted(qs.values_list("rincian__sub_kegiatan__kode", "realisasi")) == [
        (SUB_1, Decimal("1250000")),
        (SUB_2, Decimal("2500000.50")),
    ]
    assert Impor.objects.latest("pk").status == Impor.Status.DIIMPOR


@pytest.mark.parametrize(
    "isi,nama,pesan_galat",
    [
        (
            lambda: csv_bytes(realisasi((SUB_1, 11, "1000"), (SUB_2, 13, "5"))),
            "realisasi.csv",
            "Tidak ada yang diimpor: perbaiki baris yang salah.",
        ),
        (lambda: b"bukan excel", "realisasi.xlsx", "bukan berkas Excel (.xlsx) yang sah"),
    ],
    ids=["baris-salah", "berkas-salah"],
)
def test_command_wrong_file_raises_and_writes_nothing(tmp_path, isi, nama, pesan_galat):
    path = tmp_path / nama
    path.write_bytes(isi())
    sebelum = potret()
    with pytest.raises(CommandError, match=re.escape(pesan_galat)):
        call_command(
            "impor_anggaran",
            "realisasi",
            str(path),
            opd="7.01.01",
            tahun=2023,
            konfirmasi=True,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert potret() == sebelum


def test_a_kept_file_that_went_missing_is_said_and_nothing_is_imported(client, login):
    """The check page and the confirm answer with a message, not an error page, when the
    kept file is no longer in the storage (a restore without media, a cleaned disk). The
    rows the check read are still shown from its snapshot, but nothing is imported without
    the original: it is the record of the import."""
    login("operator.kecamatan")
    resp = unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    obj = Impor.objects.latest("pk")
    obj.berkas.storage.delete(obj.berkas.name)
    sebelum = potret()
    resp = client.get(resp["Location"])
    assert resp.status_code == 200
    r = ringkasan(teks_halaman(resp))
    assert r["baru"] + r["berubah"] == 1 and r["galat"] == 0, r
    hilang = "Berkas tersimpan “realisasi.xlsx” tidak ditemukan lagi; unggah ulang berkasnya."
    resp = client.post(url_impor(obj), follow=True)
    assert resp.status_code == 200 and hilang in teks_halaman(resp)
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DIPERIKSA and obj.pesan == hilang
    assert potret() == sebelum
    # Without its snapshot either, the page says so instead of listing rows.
    obj.tabel.storage.delete(obj.tabel.name)
    resp = client.get(url_impor(obj))
    assert resp.status_code == 200 and hilang in pesan(resp)
    assert "Impor sekarang" not in teks_halaman(resp)
    assert potret() == sebelum


# --- 6. background job and progress ----------------------------------------------------------


def test_a_file_being_checked_shows_its_progress_and_reloads(client, login):
    """While the worker reads a large file the page says how far it got, reloads itself
    every 2 seconds and offers no import; the dry-run table appears when it is done."""
    login("operator.kecamatan")
    resp = unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    obj = Impor.objects.latest("pk")
    Impor.objects.filter(pk=obj.pk).update(
        status=Impor.Status.MEMERIKSA, baris_dibaca=4500, baris_perkiraan=10_000
    )
    resp = client.get(url_impor(obj))
    teks = teks_halaman(resp)
    assert "Sedang diperiksa… 4.500 baris dibaca dari sekitar 10.000." in teks
    assert "45 %" in teks
    assert '<meta http-equiv="refresh" content="2">' in resp.content.decode()
    assert "Impor sekarang" not in teks and "Baru " not in teks
    resp = client.post(url_impor(obj), follow=True)
    assert "Berkas “realisasi.xlsx” tidak dapat diimpor: sedang diperiksa." in pesan(resp)

    Impor.objects.filter(pk=obj.pk).update(status=Impor.Status.DIPERIKSA)
    resp = client.get(url_impor(obj))
    assert 'http-equiv="refresh"' not in resp.content.decode()
    assert "Impor sekarang" in teks_halaman(resp)


def test_with_a_worker_the_jobs_are_sent_after_the_request_commits(
    client, login, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Outside `make run` and the tests a Celery worker does the check and the import: the
    request only keeps the file and sends the job once its transaction has committed (the
    worker must see the row), and the page shows the file waiting in the queue."""
    from apps.anggaran import tasks

    settings.CELERY_TASK_ALWAYS_EAGER = False
    dikirim = []
    monkeypatch.setattr(
        tasks.impor_periksa_job, "delay", lambda *a: dikirim.append(("periksa", *a))
    )
    monkeypatch.setattr(
        tasks.impor_terapkan_job, "delay", lambda *a: dikirim.append(("terapkan", *a))
    )
    login("operator.kecamatan")
    sebelum = potret()
    with django_capture_on_commit_callbacks(execute=True):
        resp = unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    obj = Impor.objects.latest("pk")
    assert dikirim == [("periksa", obj.pk)]
    assert obj.status == Impor.Status.ANTRE
    assert "Menunggu diperiksa… Berkas menunggu giliran diperiksa." in teks_halaman(
        client.get(resp["Location"])
    )

    tasks.impor_periksa_job.apply(args=[obj.pk])  # what the worker runs
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DIPERIKSA and obj.baris_dibaca == 1
    assert potret() == sebelum
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url_impor(obj))
    assert dikirim[-1] == ("terapkan", obj.pk)
    obj.refresh_from_db()
    assert obj.status == Impor.Status.MENGIMPOR
    teks = teks_halaman(client.get(url_impor(obj)))
    assert "Sedang diimpor… Semua baris disimpan dalam satu transaksi" in teks
    assert potret() == sebelum

    tasks.impor_terapkan_job.apply(args=[obj.pk])
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DIIMPOR and obj.diimpor_oleh == user("operator.kecamatan")
    baris = RealisasiAnggaran.objects.get(
        rincian__sub_kegiatan__kode=SUB_1, bulan=11, rincian__dpa__opd=opd_kecamatan()
    )
    assert baris.realisasi == Decimal(1000)
    assert baris.history.latest().history_user == user("operator.kecamatan")


TERHENTI = (
    "Pekerjaan terhenti: tidak ada kemajuan selama 30 menit (pekerja latar mati atau "
    "dimulai ulang). Silakan ulangi."
)


def _macet(obj: Impor, status: str, menit_lalu: int) -> None:
    """The file's job left in `status`, last written `menit_lalu` minutes ago."""
    Impor.objects.filter(pk=obj.pk).update(
        status=status, diperbarui=timezone.now() - timedelta(minutes=menit_lalu)
    )


@pytest.mark.parametrize("status", [Impor.Status.ANTRE, Impor.Status.MEMERIKSA])
def test_a_check_whose_worker_died_rejects_the_file_with_the_reason(client, login, status):
    """No progress for 31 minutes: the page stops reloading and says the check stopped (the
    file is ditolak, as a check that fails is: upload it again), and the message the broker
    delivers again later does not check it after all."""
    from apps.anggaran import tasks

    login("operator.kecamatan")
    unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    obj = Impor.objects.latest("pk")
    _macet(obj, status, 31)
    resp = client.get(url_impor(obj))
    teks = teks_halaman(resp)
    assert "Berkas ditolak; tidak ada yang diimpor." in teks and TERHENTI in teks
    assert 'http-equiv="refresh"' not in resp.content.decode()
    assert "Impor sekarang" not in teks
    tasks.impor_periksa_job.apply(args=[obj.pk])
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DITOLAK and obj.pesan == TERHENTI


def test_an_import_whose_worker_died_can_be_confirmed_again(client, login):
    """An import runs in one transaction, so one whose worker died imported nothing: the file
    goes back to diperiksa with the reason and the import button, and importing works."""
    from apps.anggaran import tasks

    login("operator.kecamatan")
    unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    obj = Impor.objects.latest("pk")
    sebelum = potret()
    _macet(obj, Impor.Status.MENGIMPOR, 31)
    resp = client.get(url_impor(obj))
    teks = teks_halaman(resp)
    assert TERHENTI in teks and "Impor sekarang" in teks
    assert 'http-equiv="refresh"' not in resp.content.decode()
    obj.refresh_from_db()
    assert obj.status == Impor.Status.DIPERIKSA
    tasks.impor_terapkan_job.apply(args=[obj.pk])  # delivered again: not confirmed now
    assert Impor.objects.get(pk=obj.pk).status == Impor.Status.DIPERIKSA
    assert potret() == sebelum
    assert diimpor(client.post(url_impor(obj), follow=True)) == "1 baris baru, 0 diubah, 0 sama."


def test_a_check_still_progressing_is_left_alone(client, login):
    login("operator.kecamatan")
    unggah(client, "realisasi.xlsx", xlsx(realisasi((SUB_1, 11, 1000))))
    obj = Impor.objects.latest("pk")
    _macet(obj, Impor.Status.MEMERIKSA, 29)
    resp = client.get(url_impor(obj))
    assert '<meta http-equiv="refresh" content="2">' in resp.content.decode()
    assert "Sedang diperiksa…" in teks_halaman(resp)
    obj.refresh_from_db()
    assert obj.status == Impor.Status.MEMERIKSA and obj.pesan == ""


def test_the_check_keeps_the_cells_it_read_and_the_import_uses_them(client, login):
    """The confirmed import reads the check's snapshot, not the spreadsheet again: every
    kind of cell (text, number with decimals, an Indonesian number in text, a formula) comes
    back as the check read it."""
    from apps.core.impor import Rumus, read_potret, read_tabel, write_potret

    isi = xlsx([H_REALISASI, [SUB_1, "Rapat", 11, 1250000.5, "1,5", "=A1", "7.01.01"]])
    asli = read_tabel(SimpleUploadedFile("r.xlsx", isi), "r.xlsx")
    tujuan = io.BytesIO()
    dibaca = list(write_potret(asli, tujuan).baris)
    kembali = read_potret(io.BytesIO(tujuan.getvalue()), "xlsx")
    assert kembali.header == H_REALISASI
    assert (
        list(kembali.baris)
        == dibaca
        == [
            (2, [SUB_1, "Rapat", Decimal(11), Decimal("1250000.5"), "1,5", Rumus("=A1"), "7.01.01"])
        ]
    )
    assert isinstance(dibaca[0][1][5], Rumus)


def test_csv_export_of_a_whole_thousand_reads_back_as_the_same_value(client, login):
    """1.500 alone is refused as ambiguous by the reader, so the csv writes 1.500,00: an
    exported file imports back unchanged whatever its values."""
    login("operator.kecamatan")
    baris = RealisasiAnggaran.objects.filter(
        rincian__dpa__opd=opd_kecamatan(), rincian__dpa__tahun=TAHUN
    ).first()
    baris.realisasi, baris.fisik = Decimal(1500), Decimal(2500)
    baris.save()
    isi = _ekspor(client, "csv")
    assert ";1.500,00;2.500,00;" in isi.decode("utf-8-sig")
    obj, teks = _impor_dari(client, "realisasi.csv", isi)
    assert ringkasan(teks)["sama"] == 23 and ringkasan(teks)["galat"] == 0
