"""Reading an uploaded spreadsheet: xlsx or csv, recognised by content, streamed row by row
(an xlsx by apps.core.impor.xlsx, with its limits enforced while reading).

A file is refused as a whole, with one message, when it is too large, not what its name says
(a .txt renamed .xlsx), empty, without the expected header, or a workbook of several sheets
of which none is named "Data". Cells come out as text or Decimal (a formula as Rumus): an
Excel number is turned into Decimal through its shortest decimal form (8244451385.0 ->
8244451385), never through binary float arithmetic. A formula cell is reported, not
evaluated: the import takes values only.

The check keeps the cells it read as a snapshot (gzip JSON lines, `write_potret`), so the
page and the confirmed import read them back (`read_potret`) instead of parsing the
spreadsheet again: a 10.000-row xlsx takes about a second to parse, its snapshot a tenth.
"""

import codecs
import csv
import gzip
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from apps.core.ekspor import AWALAN_RUMUS

from . import xlsx
from .xlsx import SEL_MAKS, Rumus

LEMBAR_DATA = "Data"
# Blank rows an xlsx may have above and between its data rows: a row numbered beyond
# SAKIP_IMPOR_MAKS_BARIS + BARIS_LONGGAR refuses the file as soon as it is met.
BARIS_LONGGAR = 1_000


@dataclass
class TabelUnggahan:
    header: list[str]
    baris: Iterator[tuple[int, list]]  # (row number as the spreadsheet shows it, cells)
    format: str  # "xlsx" or "csv"
    perkiraan: int | None = None  # about how many rows follow the header, for progress


def _galat(pesan: str) -> ValidationError:
    return ValidationError(pesan, code="berkas")


def read_tabel(berkas, nama: str) -> TabelUnggahan:
    """Open an uploaded file (any object with read/seek/size) as a table; ValidationError
    for a file that cannot be imported at all."""
    maks = settings.SAKIP_IMPOR_MAKS_BYTES
    ukuran = getattr(berkas, "size", None)
    if ukuran is None:
        berkas.seek(0, io.SEEK_END)
        ukuran = berkas.tell()
    if ukuran > maks:
        raise _galat(
            f"Berkas “{nama}” berukuran {filesizeformat(ukuran)}; paling besar "
            f"{filesizeformat(maks)}. Pecah berkas per bulan atau per program."
        )
    if ukuran == 0:
        raise _galat(f"Berkas “{nama}” kosong.")
    berkas.seek(0)
    awal = berkas.read(4)
    berkas.seek(0)
    akhiran = nama.lower().rsplit(".", 1)[-1] if "." in nama else ""
    if akhiran == "xlsx":
        if awal != b"PK\x03\x04":
            raise _galat(
                f"Berkas “{nama}” bukan berkas Excel (.xlsx) yang sah; simpan ulang "
                "dari Excel sebagai .xlsx atau sebagai CSV."
            )
        return _xlsx(berkas, nama)
    if akhiran == "csv":
        return _csv(berkas, nama)
    raise _galat(f"Berkas “{nama}”: jenis berkas tidak didukung; unggah .xlsx atau .csv.")


def _xlsx(berkas, nama: str) -> TabelUnggahan:
    """The one sheet of a workbook (or the one named "Data"), read as a stream with the
    limits of apps.core.impor.xlsx; the rows stop at a row number no import may reach."""
    try:
        z = zipfile.ZipFile(berkas)
        xlsx.periksa_arsip(z)
        lembar, bagian_teks = xlsx.lembar_kerja(z)
        if not lembar:
            raise xlsx.BerkasXlsxSalah("buku kerja tidak berisi lembar kerja")
        if len(lembar) > 1:
            data = [x for x in lembar if x[0].strip().lower() == LEMBAR_DATA.lower()]
            if not data:
                daftar = ", ".join(n for n, _ in lembar[:5]) + (", …" if len(lembar) > 5 else "")
                raise _galat(
                    f"Berkas “{nama}” berisi {len(lembar)} lembar kerja ({daftar}); "
                    f"impor membaca satu lembar. Hapus lembar lain, atau beri nama "
                    f"lembar datanya “{LEMBAR_DATA}”."
                )
            lembar = data
        pembaca = xlsx.PembacaLembar(
            z,
            lembar[0][1],
            xlsx.teks_bersama(z, bagian_teks),
            batas_baris=settings.SAKIP_IMPOR_MAKS_BARIS + BARIS_LONGGAR,
        )
        return _dengan_header(
            _galat_xlsx(pembaca.baris(), nama), nama, "xlsx", perkiraan=lambda: pembaca.dimensi
        )
    except xlsx.BerkasXlsxSalah as e:
        raise _tidak_terbaca(nama, e) from None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
    ) as e:
        raise _galat(
            f"Berkas “{nama}” tidak dapat dibaca sebagai Excel (.xlsx): "
            f"{type(e).__name__}. Simpan ulang dari Excel sebagai .xlsx atau CSV."
        ) from None


def _tidak_terbaca(nama: str, e: Exception) -> ValidationError:
    return _galat(f"Berkas “{nama}” ditolak: {e}. Tidak ada yang diimpor.")


def _galat_xlsx(baris, nama: str):
    """The rows, with a problem found further in the file (a cell too long, a row too far
    down, broken XML) turned into the refusal of the whole file."""
    try:
        yield from baris
    except xlsx.BerkasXlsxSalah as e:
        raise _tidak_terbaca(nama, e) from None
    except (zipfile.BadZipFile, EOFError, OSError) as e:
        raise _galat(
            f"Berkas “{nama}” rusak di tengah lembar kerja ({type(e).__name__}); "
            "simpan ulang dari Excel."
        ) from None


def _csv(berkas, nama: str) -> TabelUnggahan:
    teks = codecs.getreader("utf-8-sig")(berkas, errors="strict")
    try:
        contoh = teks.read(4096)
    except UnicodeDecodeError:
        raise _galat(
            f"Berkas “{nama}” bukan teks UTF-8; simpan CSV dengan pengodean UTF-8, "
            "atau unggah .xlsx."
        ) from None
    if "\x00" in contoh:
        raise _galat(f"Berkas “{nama}” bukan berkas CSV (berisi data biner).")
    pemisah = ";" if contoh.count(";") > contoh.count(",") else ","
    baris_contoh = contoh.count("\n")
    ukuran = getattr(berkas, "size", None) or len(contoh.encode())
    perkiraan = (ukuran * baris_contoh // len(contoh.encode())) if baris_contoh else None
    berkas.seek(0)
    # A codecs reader, not io.TextIOWrapper: the wrapper would close the uploaded file when it
    # is collected, and the file is still needed (checksum, keeping it for the import).
    teks = codecs.getreader("utf-8-sig")(berkas, errors="strict")

    def baris():
        try:
            for i, row in enumerate(csv.reader(teks, delimiter=pemisah), 1):
                yield i, [_sel_csv(c, nama, i, j) for j, c in enumerate(row, 1)]
        except UnicodeDecodeError:
            raise _galat(f"Berkas “{nama}”: ada bagian yang bukan teks UTF-8.") from None
        except csv.Error as e:
            raise _galat(f"Berkas “{nama}” tidak dapat dibaca sebagai CSV: {e}.") from None

    return _dengan_header(baris(), nama, "csv", perkiraan=perkiraan)


def _sel_csv(teks: str, nama: str, baris: int, kolom: int):
    """A CSV cell: "=…" is a formula (refused by the importer); "'=…", "'+…", "'-…", "'@…"
    is the text after the apostrophe that our exports put before such a text (apps.core.ekspor,
    OWASP's advice against formula injection), so an exported file imports back unchanged."""
    teks = teks.strip()
    if len(teks) > SEL_MAKS:
        raise _galat(
            f"Berkas “{nama}”: sel kolom {kolom} baris {baris} berisi "
            f"{len(teks):,} karakter; paling banyak {SEL_MAKS:,}.".replace(",", ".")
        )
    if teks.startswith("'") and teks[1:2] in AWALAN_RUMUS and len(teks) > 1:
        return teks[1:]
    if teks.startswith("="):
        return Rumus(teks)
    return teks


def _dengan_header(baris, nama: str, format: str, perkiraan=None) -> TabelUnggahan:
    """The first row with a filled cell is the header. `perkiraan` (rows in the file, or a
    function that tells it once the header has been read) estimates the rows that follow."""
    for nomor, sel in baris:
        if any(str(s).strip() for s in sel):
            if callable(perkiraan):
                perkiraan = perkiraan()
            sisa = max(perkiraan - nomor, 0) if perkiraan else None
            return TabelUnggahan([str(s).strip() for s in sel], _tanpa_kosong(baris), format, sisa)
    raise _galat(f"Berkas “{nama}” tidak berisi data: lembarnya kosong.")


def _tanpa_kosong(baris):
    for nomor, sel in baris:
        if any(str(s).strip() for s in sel):
            yield nomor, sel


# --- the snapshot of the cells read ----------------------------------------------------------


def _ke_json(nilai):
    if isinstance(nilai, Rumus):
        return {"f": str(nilai)}
    if isinstance(nilai, Decimal):
        return {"n": str(nilai)}
    return nilai


def _dari_json(nilai):
    if isinstance(nilai, dict):
        return Rumus(nilai["f"]) if "f" in nilai else Decimal(nilai["n"])
    return nilai


def write_potret(tabel: TabelUnggahan, tujuan) -> TabelUnggahan:
    """The same table, whose rows are also written to `tujuan` (a binary file) as they are
    read: the header first, then one JSON line per row, gzip-compressed. The snapshot is
    complete once every row has been read."""
    gz = gzip.GzipFile(fileobj=tujuan, mode="wb", compresslevel=3)
    gz.write(json.dumps(tabel.header, ensure_ascii=False).encode() + b"\n")

    def baris():
        for nomor, sel in tabel.baris:
            gz.write(
                json.dumps([nomor, [_ke_json(s) for s in sel]], ensure_ascii=False).encode() + b"\n"
            )
            yield nomor, sel
        gz.close()

    return TabelUnggahan(tabel.header, baris(), tabel.format, tabel.perkiraan)


def read_potret(sumber, format: str) -> TabelUnggahan:
    """A table read back from a snapshot written by write_potret, row by row."""
    gz = io.BufferedReader(gzip.GzipFile(fileobj=sumber, mode="rb"), 1 << 16)
    header = json.loads(gz.readline())

    def baris():
        for baris_json in gz:
            nomor, sel = json.loads(baris_json)
            yield nomor, [_dari_json(s) for s in sel]

    return TabelUnggahan(header, baris(), format)
