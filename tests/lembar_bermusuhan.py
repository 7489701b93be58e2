"""Hostile spreadsheets, small on disk, each built to exhaust or trick a reader: a declared
dimension of the whole sheet with one row at 1.048.576; one cell of 300 MB in a 300 KB file;
XML entities ("billion laughs"); XML cut off halfway; a sheet stored encrypted or with a
compression method Excel never writes. For the import tests, the fuzzer
(tests/test_jelajah.py) and benchmarks/import.py. Plain Python, no Django."""

import io
import zipfile

_TIPE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default \
Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
_BUKU = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_BUKU_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""
_AWAL = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_JUDUL = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>Kode</t></is></c><c r="B1" '
    b't="inlineStr"><is><t>Bulan</t></is></c><c r="C1" t="inlineStr"><is><t>Realisasi '
    b"(Rp)</t></is></c></row>"
)


def _xlsx(lembar) -> bytes:
    """A workbook of one sheet named Data whose XML is `lembar` (bytes, or pieces of it)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _TIPE)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _BUKU)
        z.writestr("xl/_rels/workbook.xml.rels", _BUKU_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            for bagian in [lembar] if isinstance(lembar, bytes) else lembar:
                f.write(bagian)
    return buf.getvalue()


def dimensi_raksasa() -> bytes:
    """A 2 KB file that declares A1:XFD1048576 and holds a row at 1.048.576."""
    return _xlsx(
        _AWAL
        + b'<dimension ref="A1:XFD1048576"/><sheetData>'
        + _JUDUL
        + b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
        b"</row></sheetData></worksheet>"
    )


def sel_besar(mb: int = 300) -> bytes:
    """About 300 KB on disk: one cell of `mb` MB of the same letter (it compresses 1000:1)."""
    potong = b"A" * (1 << 20)
    return _xlsx(
        [
            _AWAL,
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
            *([potong] * mb),
            b"</t></is></c></row></sheetData></worksheet>",
        ]
    )


def entitas() -> bytes:
    """XML entities nested a thousand times ("billion laughs")."""
    return _xlsx(
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;'
        b'&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
        b'main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is>'
        b"</c></row></sheetData></worksheet>"
    )


def rusak() -> bytes:
    """Its sheet's XML stops halfway through a row."""
    return _xlsx(_AWAL + b"<sheetData>" + _JUDUL + b'<row r="2"><c r="A2" t="inlineStr"><is>')


def _ubah_lembar(isi: bytes, ubah) -> bytes:
    """`isi` with the zip headers (local and central) of xl/worksheets/sheet1.xml changed by
    `ubah(data, offset_of_flags, offset_of_method)`."""
    data = bytearray(isi)
    for info in zipfile.ZipFile(io.BytesIO(isi)).infolist():
        if info.filename == "xl/worksheets/sheet1.xml":
            ubah(data, info.header_offset + 6, info.header_offset + 8)
    i = data.find(b"PK\x01\x02")
    while i != -1:
        panjang = int.from_bytes(data[i + 28 : i + 30], "little")
        if bytes(data[i + 46 : i + 46 + panjang]) == b"xl/worksheets/sheet1.xml":
            ubah(data, i + 8, i + 10)
        i = data.find(b"PK\x01\x02", i + 4)
    return bytes(data)


def _lembar_biasa() -> bytes:
    return _xlsx(_AWAL + b"<sheetData>" + _JUDUL + b"</sheetData></worksheet>")


def terenkripsi() -> bytes:
    """The sheet marked encrypted (zip flag bit 0): zipfile asks for a password."""

    def ubah(data, flag, _metode):
        data[flag] |= 1

    return _ubah_lembar(_lembar_biasa(), ubah)


def metode_asing() -> bytes:
    """The sheet compressed with method 99 (AES), which zipfile cannot read."""

    def ubah(data, _flag, metode):
        data[metode : metode + 2] = (99).to_bytes(2, "little")

    return _ubah_lembar(_lembar_biasa(), ubah)


def berkas_bermusuhan() -> dict[str, bytes]:
    return {
        "dimensi": dimensi_raksasa(),
        "sel_besar": sel_besar(),
        "entitas": entitas(),
        "rusak": rusak(),
        "terenkripsi": terenkripsi(),
        "metode_asing": metode_asing(),
    }
