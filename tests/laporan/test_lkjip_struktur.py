"""Every part of the regulation's LKjIP structure has a place to write it (issue 18, item 9):
the Rencana Kinerja of the year (BAB II), an explanation under the comparison with earlier
years and under the progress towards the Renstra's end target (analyses 2 and 3 of each
sasaran), the obstacles with the remedies (BAB III, a table typed in Markdown), and the
awards (an annex). The awards are optional: an empty section says so in the report and does
not hold back the final; every other one must be written."""

import re
import subprocess

import pytest
from django.template.loader import render_to_string
from lkjip_uji import laporan_kec, siap_final
from realisasi_uji import opd_kecamatan

from apps.laporan.lkjip import dokumen_lkjip, render_lkjip_pdf
from apps.laporan.models import AnalisisSasaran
from apps.laporan.services import sasaran_lkjip, syarat_final

pytestmark = pytest.mark.django_db

HAMBATAN = (
    "| Upaya | Hambatan | Perbaikan |\n|---|---|---|\n| Upaya-uji | Hambatan-uji | Perbaikan-uji |"
)


def _html(lap) -> str:
    dok = dokumen_lkjip(opd=lap.opd, tahun=lap.tahun, laporan=lap)
    return render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})


def _urut(html: str, *potongan: str) -> None:
    """Each piece appears, each after the one before it."""
    posisi = 0
    for p in potongan:
        i = html.find(p, posisi)
        assert i >= 0, f"{p!r} tidak ada sesudah posisi {posisi}"
        posisi = i + len(p)


def test_each_new_section_prints_in_its_place():
    lap = laporan_kec(
        rencana_kinerja="Kebijakan rencana-uji tahun ini.",
        hambatan=HAMBATAN,
        penghargaan="Juara penghargaan-uji tingkat provinsi.",
    )
    s1 = sasaran_lkjip(lap.opd, lap.tahun)[0]
    AnalisisSasaran.objects.update_or_create(
        laporan=lap,
        sasaran=s1,
        defaults={"uraian_banding": "Penjelasan banding-uji.", "uraian_renstra": "Kemajuan-uji."},
    )
    html = _html(lap)
    _urut(
        html,
        "4. Rencana Kinerja Tahun 2023",
        "Kebijakan rencana-uji tahun ini.",
        "B. Perjanjian Kinerja Tahun 2023",
    )
    _urut(
        html,
        'id="sasaran-1"',
        "Perbandingan Realisasi dan Capaian Sasaran 1",
        "Penjelasan banding-uji.",
        "3. Realisasi kinerja terhadap target jangka menengah Renstra",
        "Realisasi terhadap Target Akhir Renstra Sasaran 1",
        "Kemajuan-uji.",
        "4. Perbandingan dengan standar nasional",
    )
    # the obstacles' table is a table, after the budget realisation, before BAB IV
    _urut(html, "B. Realisasi Anggaran", "C. Hambatan dan Upaya Perbaikan", "<table>")
    _urut(html, "<td>Upaya-uji</td>", "<td>Hambatan-uji</td>", "<td>Perbaikan-uji</td>", "BAB IV")
    _urut(html, "LAMPIRAN", "Lampiran 4", "PENGHARGAAN", "Juara penghargaan-uji")
    # the table of contents leads to both new headings
    assert 'href="#hambatan">C. Hambatan dan Upaya Perbaikan</a>' in html
    assert 'href="#lampiran-penghargaan">Lampiran 4. Penghargaan</a>' in html


def test_the_awards_annex_goes_on_counting_pages_after_the_landscape_matrix():
    """The annex after the landscape matrix is portrait and its page number follows the
    matrix's last page (a page group of its own would start again at 1)."""
    lap = laporan_kec(penghargaan="Juara penghargaan-uji.")
    pdf = render_lkjip_pdf(opd=opd_kecamatan(), tahun=2023, laporan=lap, draf=True)
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    halaman = teks.split("\f")
    akhir = next(i for i, h in enumerate(halaman) if "Juara penghargaan-uji." in h)
    nomor = [re.findall(r"^\s*(\d+)\s*$", h, re.M) for h in halaman[akhir - 1 : akhir + 1]]
    assert int(nomor[1][-1]) == int(nomor[0][-1]) + 1, nomor


def test_an_empty_awards_section_says_so_and_does_not_hold_back_the_final():
    lap = siap_final(penghargaan="")
    dok = dokumen_lkjip(opd=lap.opd, tahun=lap.tahun, laporan=lap)
    assert not [k for k in syarat_final(lap, dok) if "Penghargaan" in k.teks]
    assert "Tidak ada penghargaan yang dilaporkan Kecamatan Magetan untuk tahun 2023." in _html(lap)
    assert "(belum diisi)" not in _html(lap)


def test_the_final_waits_for_the_plan_the_obstacles_and_both_explanations():
    lap = siap_final(rencana_kinerja="", hambatan=" ")
    s1 = sasaran_lkjip(lap.opd, lap.tahun)[0]
    AnalisisSasaran.objects.filter(laporan=lap, sasaran=s1).update(
        uraian_banding="", uraian_renstra=""
    )
    dok = dokumen_lkjip(opd=lap.opd, tahun=lap.tahun, laporan=lap)
    kurang = {k.teks: k.tautan for k in syarat_final(lap, dok)}
    assert kurang == {
        "Bagian laporan belum diisi: Rencana kinerja, Hambatan dan upaya perbaikan.": (
            "#bagian-rencana_kinerja"
        ),
        f"Sasaran 1 ({s1.uraian}): analisis belum ditulis: penjelasan perbandingan dengan "
        "tahun sebelumnya, penjelasan realisasi terhadap target akhir Renstra.": (
            f"#bagian-s{s1.pk}-uraian_banding"
        ),
    }
