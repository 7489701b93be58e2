"""Exported spreadsheets (xlsx and csv) that run nothing when they are opened.

OWASP, "CSV Injection": a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return may be taken for a formula by a spreadsheet (`=HYPERLINK(…)`, `-2+3+cmd|' /C
calc'!A0`). Every text cell of every export goes through here:

- csv: such a text is written with an apostrophe first (`'=HYPERLINK(…)`), which a
  spreadsheet shows as text; the importer removes that apostrophe again
  (apps.core.impor.berkas), so an exported file imports back unchanged;
- xlsx: a text is always stored as a text cell, never as a formula, and one that begins
  with such a character is marked quotePrefix (what Excel itself records for a text typed
  with a leading apostrophe): shown and read back exactly as typed.

A number stays a number: Decimal and int are numbers in xlsx, and the Indonesian text of a
number in a csv (`-1.234,5`) is not touched. Control characters that XML cannot hold
(U+0000-U+0008, U+000B, U+000C, U+000E-U+001F) are written as U+FFFD in an xlsx instead of
failing the export.
"""

import csv
import io
import re
from decimal import Decimal

import tablib
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from import_export import resources
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from apps.core.angka import bulatkan, format_isian

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
# The Indonesian text of a number, as apps.core.angka writes it: left alone in a csv.
_ANGKA = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
LEBAR_KOLOM_MAKS = 60
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sel_angka(nilai, *, csv: bool):
    """A number for a cell of an export: a number in xlsx; in csv written as the pages
    write it (apps.core.angka.format_isian: `,00` where a single thousands group would read
    as ambiguous, `1.500` could be 1,5); empty when there is none."""
    if nilai is None:
        return ""
    return format_isian(nilai) if csv else nilai


def sel_persen(hasil, kosong=""):
    """A percentage (apps.core.persen.Hasil, or None) for a cell of an export: a number
    rounded to two decimals as the pages show it; `kosong` when it cannot be computed."""
    if hasil is None or hasil.nilai is None:
        return kosong
    return bulatkan(hasil.nilai, 2)


class ResourceEkspor(resources.ModelResource):
    """An export (django-import-export) in the columns an importer reads: `urutan` orders
    them (the importer's order; the Meta's export_order when empty), numbers are written by
    `angka` for xlsx (numbers) or csv (Indonesian text, `csv=True`)."""

    urutan: tuple = ()

    def __init__(self, *, csv: bool = False):
        super().__init__()
        self.csv = csv

    def get_export_order(self):
        return self.urutan or super().get_export_order()

    def angka(self, nilai):
        return sel_angka(nilai, csv=self.csv)


def berbahaya(teks: str) -> bool:
    """A text a spreadsheet could take for a formula (and that is not a number)."""
    return teks.startswith(AWALAN_RUMUS) and not _ANGKA.match(teks)


def sel_csv(nilai):
    """A csv cell: a dangerous text gets its apostrophe; anything else as it is."""
    if isinstance(nilai, str) and berbahaya(nilai):
        return "'" + nilai
    return nilai


def csv_dari(data: tablib.Dataset) -> str:
    """A dataset as the csv our exports write: UTF-8 with BOM (Excel reads the accents),
    `;` between cells (Excel in Indonesian uses the comma for decimals), every cell through
    sel_csv."""
    buf = io.StringIO()
    tulis = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    if data.headers:
        tulis.writerow([sel_csv(h) for h in data.headers])
    for baris in data:
        tulis.writerow([sel_csv("" if v is None else v) for v in baris])
    return "\ufeff" + buf.getvalue()


def isi_sel(sel, nilai) -> None:
    """Write one value into an openpyxl cell: a text as text (quotePrefix when it could be
    taken for a formula, control characters as U+FFFD), anything else as openpyxl writes it."""
    if isinstance(nilai, str):
        nilai = ILLEGAL_CHARACTERS_RE.sub("\ufffd", nilai)
        sel.value = nilai
        sel.data_type = "s"
        if berbahaya(nilai):
            sel.quotePrefix = True
        if "\n" in nilai:
            sel.alignment = Alignment(wrap_text=True)
    else:
        sel.value = nilai


def format_kolom(judul_kolom) -> str | None:
    """The number format of a column, read from its header: money grouped by thousands
    ("(Rp)", "Pagu", "Anggaran", "Realisasi (Rp)"), percentages with two decimals ("%",
    "Capaian", "Serapan", "Efisiensi"); None leaves Excel's own (a year must not read
    2.023)."""
    h = str(judul_kolom or "").lower()
    if "(rp)" in h or h.startswith(("pagu", "anggaran")):
        return "#,##0"
    if "%" in h or h.startswith(("capaian", "serapan", "efisiensi")):
        return "0.00"
    return None


def lembar_dari(ws, header, baris_list, *, judul: str = "") -> None:
    """A header and rows into a worksheet, to be read on screen and printed: a title row
    first when `judul` is given (then an empty row), the header in bold and frozen with
    everything above it, money and percentages in their number format (format_kolom), each
    column as wide as its longest value (up to LEBAR_KOLOM_MAKS characters)."""
    lebar: dict[int, int] = {}
    awal = 1
    if judul:
        isi_sel(ws.cell(row=1, column=1), judul)
        ws.cell(row=1, column=1).font = Font(bold=True, size=13)
        awal = 3
    header = list(header or [])
    format_per_kolom = {j: format_kolom(h) for j, h in enumerate(header, 1)}
    semua = ([header] if header else []) + [list(b) for b in baris_list]
    for i, baris in enumerate(semua, awal):
        kepala = bool(header) and i == awal
        for j, nilai in enumerate(baris, 1):
            sel = ws.cell(row=i, column=j)
            isi_sel(sel, nilai)
            if kepala:
                sel.font = Font(bold=True)
            elif (fmt := format_per_kolom.get(j)) and isinstance(nilai, (int, float, Decimal)):
                if fmt == "#,##0" and nilai != int(nilai):
                    fmt = "#,##0.00"  # sen are shown, never rounded away
                sel.number_format = fmt
            panjang = max(
                (len(x) for x in str("" if nilai is None else nilai).split("\n")), default=0
            )
            if fmt_lebar := format_per_kolom.get(j):
                panjang += panjang // 3 if fmt_lebar == "#,##0" else 0  # the thousands dots
            lebar[j] = max(lebar.get(j, 0), panjang)
    if header:
        ws.freeze_panes = f"A{awal + 1}"
        ws.print_title_rows = f"{awal}:{awal}"
    for j, n in lebar.items():
        ws.column_dimensions[get_column_letter(j)].width = min(n + 2, LEBAR_KOLOM_MAKS)


def judul_unduhan(teks: str) -> str:
    """The title row of a report's xlsx: what it is, the kabupaten, the day it was taken."""
    from .models import Pemda

    pemda = Pemda.objects.only("nama").first()
    tanggal = date_format(timezone.localdate(), "j F Y")
    return " · ".join(x for x in (teks, pemda.nama if pemda else "", f"diunduh {tanggal}") if x)


def xlsx_dari(data: tablib.Dataset, *, judul: str = "") -> bytes:
    """A dataset as an xlsx workbook of one sheet named after the dataset's title; `judul`
    a title row above the header (reports; never on a file meant to be imported back)."""
    wb = Workbook()
    ws = wb.active
    ws.title = _judul_lembar(data.title or "Data")
    lembar_dari(ws, data.headers, data, judul=judul)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _judul_lembar(judul: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "-", judul)[:31] or "Data"


FORMAT = {"xlsx": XLSX, "csv": "text/csv; charset=utf-8"}


def unduhan(data: tablib.Dataset, nama: str, format: str, *, judul: str = "") -> HttpResponse:
    """A dataset as a download (`format` "xlsx" or "csv", a key of FORMAT), every text cell
    neutralised: the one way an export, a template or a dashboard table leaves the app.
    `judul`: the title row of a report's xlsx (a csv stays header and rows)."""
    isi = xlsx_dari(data, judul=judul) if format == "xlsx" else csv_dari(data)
    resp = HttpResponse(isi, content_type=FORMAT[format])
    resp["Content-Disposition"] = f'attachment; filename="{nama}.{format}"'
    return resp
