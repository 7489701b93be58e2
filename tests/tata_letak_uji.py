"""The layout checks of a printed document, read from its PDF with pdfplumber and from
WeasyPrint's boxes: used by the LKjIP's layout test (tests/laporan/test_lkjip_tata_letak.py,
which says what each check is for) and by every other printed document that must pass it
(the pohon kinerja)."""

import io
import re

import pdfplumber
from weasyprint.formatting_structure import boxes

CM = 72 / 2.54
JUDUL = re.compile(r"^([A-Z]\. |\d+\. |BAB |Sasaran \d)")
SENDIRI = ("PIHAK KEDUA", "Verifikasi keaslian dokumen")


def _bidang(halaman) -> tuple[float, float, float, float]:
    """The content area of a page: left, right, top, bottom (points)."""
    w, h = halaman.width, halaman.height
    if w < h:
        return 3 * CM, w - 2 * CM, 2 * CM, h - 2 * CM
    return 2 * CM, w - 1.5 * CM, 2 * CM, h - 1.8 * CM


def masalah_tata_letak(pdf_bytes: bytes) -> list[tuple]:
    masalah = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for n, hal in enumerate(pdf.pages, 1):
            kiri, kanan, atas, bawah = _bidang(hal)
            isi = hal.filter(lambda o: o.get("object_type") != "char" or o["size"] <= 40)
            for c in isi.chars:
                if c["top"] >= atas - 1 and c["bottom"] <= bawah + 1:
                    if c["x0"] < kiri - 2 or c["x1"] > kanan + 2:
                        masalah.append((n, "di luar bidang isi", c["text"], round(c["x1"])))
                        break
            baris = [
                b
                for b in isi.extract_text_lines()
                if b["top"] >= atas - 1 and b["bottom"] <= bawah + 1
            ]
            for b in baris:
                if "…" in b["text"]:  # a cut table cell or chart label
                    masalah.append((n, "teks terpotong", b["text"][:60]))
                if b["text"].startswith("%") or b["text"].endswith(" Rp") or b["text"] == "Rp":
                    masalah.append((n, "angka terpisah dari satuannya", b["text"][:60]))
            if baris:
                akhir = baris[-1]
                tebal = all("Bold" in c["fontname"] for c in akhir["chars"])
                besar = min(c["size"] for c in akhir["chars"]) >= 11.5
                if tebal and besar and JUDUL.match(akhir["text"]):
                    masalah.append((n, "judul di kaki halaman", akhir["text"][:60]))
                # a PK's signatures or the final's verification block opening a page alone
                if any(b["text"].startswith(SENDIRI) for b in baris[:2]):
                    masalah.append((n, "blok sendirian di awal halaman", baris[0]["text"][:60]))
    return masalah


def sel_meluap(dokumen) -> list[tuple]:
    """Text that runs out of its table cell (WeasyPrint's laid-out boxes): a fixed column
    too narrow for an unbreakable number or word would draw it over its neighbour."""
    masalah = []
    for n, hal in enumerate(dokumen.pages, 1):
        for sel in hal._page_box.descendants():
            if not isinstance(sel, boxes.TableCellBox):
                continue
            kiri = sel.content_box_x()
            kanan = kiri + sel.width
            for t in sel.descendants():
                if isinstance(t, boxes.TextBox) and t.text.strip():
                    if t.position_x < kiri - 0.5 or t.position_x + t.width > kanan + 0.5:
                        masalah.append((n, "teks keluar dari selnya", t.text[:40]))
                        break
    return masalah
