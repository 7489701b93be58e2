"""Reading an uploaded .xlsx as a stream of rows, with limits enforced while it is read.

openpyxl trusts what a file says of itself: a 5 KB file declaring the sheet `A1:XFD1048576`
with one row at 1.048.576 kept its read-only reader padding a million rows of 16.384 cells
for minutes, and a 311 KB file holding one 300 MB cell took the process to 1,3 GB before any
length check could run. python-calamine copes with the first but still builds the whole
sheet, that cell included, in memory (900 MB). This reader parses the worksheet's XML with
expat in 64 KB pieces straight out of the zip, so that:

- the declared dimension is never used to read (only, capped, as a progress estimate);
- a row numbered beyond `batas_baris`, a filled cell beyond column KOLOM_MAKS, a cell longer
  than SEL_MAKS characters (Excel's own limit: a longer one did not come from Excel) or more
  than SEL_ELEMEN_MAKS cells in all stop the reading at that point, with a message;
- a document type declaration (and with it every entity, "billion laughs" included) or
  malformed XML refuses the file instead of failing the server (defusedxml's rule, applied
  with expat's own handlers);
- every part's uncompressed size is bounded by the size the zip declares, which zipfile
  enforces while decompressing.

Values come out as the importer reads them: text stripped, numbers as Decimal in the shortest
decimal form of the double the cell stores (90.09999999999999 is 90.1), a formula cell as
`Rumus` whatever its cached value, booleans as "True"/"False", error values as their text
("#DIV/0!"). A text cell that begins with "=" is text: only a cell with a formula is one.
"""

import math
import posixpath
import zipfile
from collections import deque
from collections.abc import Iterator
from decimal import Decimal
from xml.parsers import expat

from apps.core.angka import format_angka

SEL_MAKS = 32_767  # characters in one cell (Excel's limit)
KOLOM_MAKS = 200  # a filled cell further right refuses the file (templates have < 30)
SEL_ELEMEN_MAKS = 5_000_000  # <c> elements in a sheet, filled or not
TEKS_BERSAMA_MAKS = 20_000_000  # characters of the shared strings together
BAGIAN_KECIL_MAKS = 5 * 2**20  # uncompressed bytes of a relationships or workbook part
POTONGAN = 1 << 16

NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class BerkasXlsxSalah(Exception):
    """The file cannot be read; the message says why, in Indonesian, for the user."""


class Rumus(str):
    """The text of a formula cell ("=SUM(F2:F9)"): the row that holds it is refused."""


def _n(angka: int) -> str:
    return format_angka(angka, 0)


def _lokal(nama: str) -> str:
    return nama.rsplit(" ", 1)[-1]


def _parser(nama: str) -> expat.XMLParserType:
    """An expat parser that refuses any DTD (so no entity can be declared or expanded)."""
    p = expat.ParserCreate(namespace_separator=" ")
    p.buffer_text = True

    def tolak(*_args):
        raise BerkasXlsxSalah(
            f"bagian {nama} memuat deklarasi DTD atau entitas XML, yang "
            "tidak pernah ditulis oleh Excel dan tidak dibaca demi keamanan"
        )

    p.StartDoctypeDeclHandler = tolak
    p.EntityDeclHandler = tolak
    p.ExternalEntityRefHandler = tolak
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return p


def _umpan(p, berkas, nama: str) -> Iterator[None]:
    """Feed a part to `p` piece by piece; yields after each piece so the caller can hand
    out what the handlers collected."""
    try:
        while potong := berkas.read(POTONGAN):
            p.Parse(potong, False)
            yield
        p.Parse(b"", True)
        yield
    except expat.ExpatError as e:
        raise BerkasXlsxSalah(
            f"XML bagian {nama} rusak (baris {e.lineno}, kolom {e.offset}); "
            "simpan ulang berkasnya dari Excel"
        ) from None


def _baca_kecil(z: zipfile.ZipFile, nama: str, mulai, akhir=None) -> None:
    info = _info(z, nama)
    if info.file_size > BAGIAN_KECIL_MAKS:
        raise BerkasXlsxSalah(f"bagian {nama} terlalu besar untuk sebuah buku kerja")
    p = _parser(nama)
    p.StartElementHandler = mulai
    if akhir:
        p.EndElementHandler = akhir
    with z.open(info) as f:
        for _ in _umpan(p, f, nama):
            pass


def _info(z: zipfile.ZipFile, nama: str) -> zipfile.ZipInfo:
    try:
        return z.getinfo(nama)
    except KeyError:
        raise BerkasXlsxSalah(f"bagian {nama} tidak ada") from None


def _rels(z: zipfile.ZipFile, bagian: str) -> list[tuple[str, str, str]]:
    """(Id, Type, target path in the zip) of a part's relationships."""
    folder, nama = posixpath.split(bagian)
    rels = posixpath.join(folder, "_rels", nama + ".rels")
    hasil = []

    def mulai(tag, a):
        if _lokal(tag) == "Relationship" and a.get("TargetMode") != "External":
            target = a.get("Target", "")
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            hasil.append((a.get("Id", ""), a.get("Type", ""), path))

    if rels in z.namelist():
        _baca_kecil(z, rels, mulai)
    return hasil


def periksa_arsip(z: zipfile.ZipFile) -> None:
    """Refuse, before any part is read, a part Excel would never write: encrypted inside the
    zip (zipfile would ask for a password) or compressed by a method other than stored or
    deflate (zipfile cannot decompress it)."""
    for info in z.infolist():
        if info.flag_bits & 0x1:
            raise BerkasXlsxSalah(
                f"bagian {info.filename} dilindungi kata sandi; simpan ulang dari Excel tanpa "
                "kata sandi"
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BerkasXlsxSalah(
                f"bagian {info.filename} dimampatkan dengan cara yang tidak dipakai Excel; "
                "simpan ulang dari Excel sebagai .xlsx atau CSV"
            )


def lembar_kerja(z: zipfile.ZipFile) -> tuple[list[tuple[str, str]], str | None]:
    """The workbook's worksheets as (name, part path) in order, and its shared strings part."""
    buku = next((p for _, t, p in _rels(z, "") if t.endswith("/officeDocument")), None)
    if buku is None:
        raise BerkasXlsxSalah("buku kerja tidak ditemukan di dalam berkas")
    rels = {i: (t, p) for i, t, p in _rels(z, buku)}
    urutan = []

    def mulai(tag, a):
        if _lokal(tag) == "sheet":
            urutan.append((a.get("name", ""), a.get(f"{NS_REL} id", "")))

    _baca_kecil(z, buku, mulai)
    lembar = [
        (nama, rels[rid][1])
        for nama, rid in urutan
        if rid in rels and rels[rid][0].endswith("/worksheet")
    ]
    bersama = next((p for t, p in rels.values() if t.endswith("/sharedStrings")), None)
    return lembar, bersama


def teks_bersama(z: zipfile.ZipFile, bagian: str | None) -> list[str]:
    """The shared strings: the text of each <si> (its runs joined, phonetic runs left out)."""
    if bagian is None or bagian not in z.namelist():
        return []
    hasil: list[str] = []
    keadaan = {"si": False, "t": False, "rph": 0, "teks": [], "panjang": 0, "total": 0}

    def mulai(tag, a):
        n = _lokal(tag)
        if n == "si":
            keadaan.update(si=True, teks=[], panjang=0)
        elif n == "rPh":
            keadaan["rph"] += 1
        elif n == "t" and keadaan["si"] and not keadaan["rph"]:
            keadaan["t"] = True

    def akhir(tag):
        n = _lokal(tag)
        if n == "t":
            keadaan["t"] = False
        elif n == "rPh":
            keadaan["rph"] -= 1
        elif n == "si":
            hasil.append("".join(keadaan["teks"]))
            keadaan["si"] = False
            if len(hasil) > SEL_ELEMEN_MAKS:
                raise BerkasXlsxSalah("terlalu banyak teks di dalam buku kerja")

    def data(teks):
        if keadaan["t"]:
            keadaan["panjang"] += len(teks)
            keadaan["total"] += len(teks)
            if keadaan["panjang"] > SEL_MAKS:
                raise BerkasXlsxSalah(
                    f"ada sel berisi lebih dari {_n(SEL_MAKS)} karakter (batas Excel)"
                )
            if keadaan["total"] > TEKS_BERSAMA_MAKS:
                raise BerkasXlsxSalah("teks di dalam buku kerja terlalu banyak")
            keadaan["teks"].append(teks)

    p = _parser(bagian)
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = mulai, akhir, data
    with z.open(_info(z, bagian)) as f:
        for _ in _umpan(p, f, bagian):
            pass
    return hasil


def _kolom(ref: str) -> int:
    """1-based column of a cell reference ("AB12" -> 28); 0 when there is none."""
    n = 0
    for c in ref:
        if "A" <= c <= "Z":
            n = n * 26 + ord(c) - 64
        else:
            break
    return n


def _baris_ref(ref: str) -> int | None:
    angka = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return int(angka) if angka.isdigit() and angka.isascii() else None


def _huruf(kolom: int) -> str:
    s = ""
    while kolom:
        kolom, sisa = divmod(kolom - 1, 26)
        s = chr(65 + sisa) + s
    return s


def _nilai(jenis: str, teks: str, bersama: list[str]):
    if jenis == "s":
        try:
            return bersama[int(teks)].strip()
        except (ValueError, IndexError):
            raise BerkasXlsxSalah("sel merujuk teks bersama yang tidak ada") from None
    if jenis == "b":
        return str(teks.strip() == "1")
    if jenis in ("str", "inlineStr", "e", "d"):
        return teks.strip()
    # An xlsx number is a binary double, often written with 17 digits (90.09999999999999 for
    # 90,1): its shortest decimal form is the number the user typed.
    try:
        f = float(teks)
    except ValueError:
        return teks.strip()
    if not math.isfinite(f):
        return teks.strip()
    d = Decimal(repr(f))
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


class PembacaLembar:
    """The rows of one worksheet part, read as a stream: `baris()` yields (row number as the
    spreadsheet shows it, [cells]) for every row with a filled cell; `dimensi` is the row
    count the sheet declares (known once the first row has been read; a hint only)."""

    def __init__(self, z: zipfile.ZipFile, bagian: str, bersama: list[str], *, batas_baris: int):
        self.z, self.bagian, self.bersama, self.batas_baris = z, bagian, bersama, batas_baris
        self.dimensi: int | None = None

    def baris(self) -> Iterator[tuple[int, list]]:
        siap: deque = deque()
        k = {
            "baris": 0,
            "sel": {},
            "kolom": 0,
            "jenis": "",
            "isi": None,
            "ada": False,
            "rumus": None,
            "teks": None,
            "panjang": 0,
            "rph": 0,
            "jumlah_sel": 0,
        }

        def mulai(tag, a):
            n = _lokal(tag)
            if n == "c":
                k["jumlah_sel"] += 1
                if k["jumlah_sel"] > SEL_ELEMEN_MAKS:
                    raise BerkasXlsxSalah(
                        f"lembar kerja berisi lebih dari {_n(SEL_ELEMEN_MAKS)} sel"
                    )
                ref = a.get("r", "")
                kolom = _kolom(ref) if ref else k["kolom"] + 1
                k.update(kolom=kolom, jenis=a.get("t", "n"), isi=None, ada=False, rumus=None)
            elif n in ("v", "t") and k["rph"] == 0:
                k["teks"], k["panjang"] = [], 0
            elif n == "f":
                k["rumus"] = []
                k["teks"], k["panjang"] = k["rumus"], 0
            elif n == "rPh":
                k["rph"] += 1
            elif n == "row":
                r = a.get("r")
                nomor = int(r) if r and r.isdigit() and r.isascii() else k["baris"] + 1
                if nomor > self.batas_baris:
                    raise BerkasXlsxSalah(
                        f"ada baris bernomor {_n(nomor)}, di luar batas {_n(self.batas_baris)} "
                        "baris; hapus baris-baris di bawah data atau pecah berkasnya"
                    )
                k.update(baris=nomor, sel={}, kolom=0)
            elif n == "dimension":
                ref = a.get("ref", "").rsplit(":", 1)[-1]
                nomor = _baris_ref(ref)
                if nomor:
                    self.dimensi = min(nomor, self.batas_baris)

        def akhir(tag):
            n = _lokal(tag)
            if n in ("v", "t") and k["teks"] is not None and k["rph"] == 0:
                if n == "t":
                    k["isi"] = (k["isi"] or "") + "".join(k["teks"])
                else:
                    k["isi"] = "".join(k["teks"])
                k["ada"] = True
                k["teks"] = None
            elif n == "f":
                k["teks"] = None
            elif n == "rPh":
                k["rph"] -= 1
            elif n == "c":
                if k["rumus"] is not None:
                    teks = "".join(k["rumus"]).strip()
                    nilai = Rumus("=" + teks if teks else "=(rumus bersama)")
                elif k["ada"]:
                    jenis = k["jenis"]
                    nilai = _nilai(
                        "inlineStr" if jenis == "inlineStr" else jenis, k["isi"] or "", self.bersama
                    )
                else:
                    return
                if nilai == "":
                    return
                if k["kolom"] > KOLOM_MAKS:
                    raise BerkasXlsxSalah(
                        f"sel {_huruf(k['kolom'])}{k['baris']} terisi, di luar batas "
                        f"{KOLOM_MAKS} kolom"
                    )
                k["sel"][k["kolom"]] = nilai
            elif n == "row":
                if k["sel"]:
                    lebar = max(k["sel"])
                    siap.append((k["baris"], [k["sel"].get(i, "") for i in range(1, lebar + 1)]))
                k["sel"] = {}

        def data(teks):
            if k["teks"] is not None:
                k["panjang"] += len(teks)
                if k["panjang"] > SEL_MAKS:
                    raise BerkasXlsxSalah(
                        f"sel {_huruf(k['kolom'] or 1)}{k['baris'] or 1} berisi lebih dari "
                        f"{_n(SEL_MAKS)} karakter (batas Excel)"
                    )
                k["teks"].append(teks)

        p = _parser(self.bagian)
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = mulai, akhir, data
        with self.z.open(_info(self.z, self.bagian)) as f:
            for _ in _umpan(p, f, self.bagian):
                while siap:
                    yield siap.popleft()
