"""The printed LKjIP's layout, read from the PDF with pdfplumber (issue 18, "a layout test"):
on every page of both demo reports no text lies outside the page's content area (a table ran
off the right edge: "EFISIENSI" cut, "tidak dapat dih…"), and no numbered heading is the
last line of a page's body, left alone at its foot, and neither the PK's signatures nor the
final's verification block opens a page by itself, and no figure is split from its unit
across lines ("113,16 ⏎ %", "Rp ⏎ 864.918.744"), and no text is cut with "…" (a table cell,
a chart's label: "Nilai RB bidang Penataan dan P…"). The margins are those of the stylesheets
(static/css/dokumen.css: A4 portrait 2/2/2/3 cm; lkjip_pdf.css: landscape 2/1,5/1,8/2 cm);
the DRAF watermark (very large letters) and the page number in the bottom margin are not
body text."""

import io
import re

import pdfplumber
import pytest
from perencanaan_uji import opd_organisasi
from realisasi_uji import opd_kecamatan
from weasyprint.formatting_structure import boxes

from apps.core.pdf import tata_letak
from apps.laporan.lkjip import dokumen_lkjip, render_lkjip_pdf
from apps.laporan.lkjip_final import render_lkjip_final
from apps.laporan.selectors import lkjip_terbaru

pytestmark = pytest.mark.django_db

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


@pytest.mark.parametrize("final", [False, True], ids=["draf", "final"])
@pytest.mark.parametrize(("opd", "tahun"), [(opd_kecamatan, 2023), (opd_organisasi, 2019)])
def test_no_text_leaves_the_page_and_no_heading_or_signature_is_left_alone(opd, tahun, final):
    unit = opd()
    laporan = lkjip_terbaru(unit.pk, tahun)
    if final:  # the final's own layout: no DRAF, the verification block after the last annex
        dok = dokumen_lkjip(opd=unit, tahun=tahun, laporan=laporan)
        pdf = render_lkjip_final(dok, kode="UJI0000001")
    else:
        pdf = render_lkjip_pdf(opd=unit, tahun=tahun, laporan=laporan, draf=True)
    assert masalah_tata_letak(pdf) == []


@pytest.mark.parametrize(("opd", "tahun"), [(opd_kecamatan, 2023), (opd_organisasi, 2019)])
def test_no_text_runs_out_of_its_table_cell(opd, tahun):
    unit = opd()
    dok = dokumen_lkjip(opd=unit, tahun=tahun, laporan=lkjip_terbaru(unit.pk, tahun))
    assert sel_meluap(tata_letak("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})) == []


def test_the_recap_of_100_synthetic_opds_and_a_synthetic_lkjip_keep_their_layout(client, login):
    """The report whose size grows with the kabupaten: the recap of 100 OPDs (a table over
    several landscape pages, the capaian chart cut into parts, the signature) printed from
    the dashboard, and the LKjIP of one of those OPDs."""
    from django.urls import reverse

    from apps.core.models import OPD
    from apps.laporan.demo.loader import load_synthetic

    verifikator = login("verifikator")
    assert load_synthetic(100, None, verifikator) == 100
    resp = client.get(reverse("laporan:rekap", args=[2025, "pdf"]))
    assert resp.status_code == 200
    with pdfplumber.open(io.BytesIO(resp.content)) as pdf:
        teks = "\n".join(h.extract_text() for h in pdf.pages)
        assert len(pdf.pages) >= 4
    assert "Dinas Sintetis 100" in teks and "bagian 3 dari" in teks
    assert masalah_tata_letak(resp.content) == []
    sintetis = OPD.objects.get(kode="SIN-042")
    assert masalah_tata_letak(render_lkjip_pdf(opd=sintetis, tahun=2025, draf=True)) == []
