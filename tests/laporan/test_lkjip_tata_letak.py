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

import pdfplumber
import pytest
from perencanaan_uji import opd_organisasi
from realisasi_uji import opd_kecamatan
from tata_letak_uji import masalah_tata_letak, sel_meluap

from apps.core.pdf import tata_letak
from apps.laporan.lkjip import dokumen_lkjip, render_lkjip_pdf
from apps.laporan.lkjip_final import render_lkjip_final
from apps.laporan.selectors import lkjip_terbaru

pytestmark = pytest.mark.django_db


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
