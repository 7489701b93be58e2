"""The LKjIP measures progress towards the Renstra end target with the indicator's polarity
and prints, above each computed column, the formula its rows used (issue 18, items 6 and 8);
a text-valued indicator's target is printed in its comparison table (item 7)."""

import re

import pytest
from django.template.loader import render_to_string
from realisasi_uji import opd_kecamatan

from apps.core.angka import bulatkan
from apps.laporan.lkjip import dokumen_lkjip
from apps.perencanaan.models import IndikatorKinerja

pytestmark = pytest.mark.django_db

TAHUN = 2023


def _teks(dok) -> str:
    html = render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&times;", "×")


def test_a_lower_is_better_indicator_short_of_its_end_target_is_below_100_percent():
    kec = opd_kecamatan()
    dok = dokumen_lkjip(opd=kec, tahun=TAHUN)
    pertama = dok.sasaran[0].indikator[0]
    tahunan = pertama.hasil.tahunan.nilai
    # lower is better, the end target 2 below this year's value: short of it
    akhir = tahunan - 2
    IndikatorKinerja.objects.filter(pk=pertama.indikator.pk).update(
        polaritas="negatif", target_akhir=akhir
    )
    dok = dokumen_lkjip(opd=kec, tahun=TAHUN)
    i = dok.sasaran[0].indikator[0]
    # (2 × end target − realisasi) / end target × 100, the kabupaten's rule (selisih)
    harap = (2 * akhir - tahunan) / akhir * 100
    assert bulatkan(i.kemajuan.nilai) == bulatkan(harap)
    assert i.kemajuan.nilai < 100
    teks = _teks(dok)
    semua = [x for s in dok.sasaran for x in s.indikator]
    assert {x.indikator.polaritas for x in semua} == {"positif", "negatif"}
    # the measurement table: both formulas, said under the table
    assert "6*" in teks
    assert (
        "* Kolom 6: 5 / 4 × 100 untuk indikator positif; (2 × 4 − 5) / 4 × 100 untuk "
        "indikator negatif (makin kecil makin baik)." in teks
    )
    # the progress table of a sasaran whose indicators are all positive keeps one formula
    positif = [
        s for s in dok.sasaran if {x.indikator.polaritas for x in s.indikator} == {"positif"}
    ]
    assert positif and "4 = 2 / 3 × 100" in teks
    assert "6 = 5/4×100" not in teks and "4 = 2/3×100" not in teks


def test_every_indicator_positive_prints_one_formula():
    teks = _teks(dokumen_lkjip(opd=opd_kecamatan(), tahun=TAHUN))
    assert "6 = 5 / 4 × 100" in teks and "Kolom 6:" not in teks


def test_a_text_valued_indicators_target_is_printed_in_its_comparison_table():
    kec = opd_kecamatan()
    dok = dokumen_lkjip(opd=kec, tahun=TAHUN)
    ind = dok.sasaran[0].indikator[0]
    ind.data.target_teks = "Baik"
    ind.data.target = None
    ind.banding[-1].target, ind.banding[-1].target_teks = None, "Baik"
    html = render_to_string("laporan/lkjip/_sasaran.html", {"s": dok.sasaran[0], "dok": dok})
    baris = re.search(
        rf"<td>{re.escape(ind.indikator.nama)}</td>\s*((?:<td[^>]*>[^<]*</td>)+)", html
    )
    assert baris, html[:500]
    sel = re.findall(r"<td[^>]*>([^<]*)</td>", baris.group(1))
    assert sel[-3] == "Baik", sel


def test_an_empty_comparison_with_a_national_standard_says_so_in_the_report():
    """Analysis 4 may stay empty (not every indicator has a national standard): the report
    says none was reported instead of printing an empty heading (issue 18, item 11)."""
    dok = dokumen_lkjip(opd=opd_kecamatan(), tahun=TAHUN)
    s = dok.sasaran[0]
    s.analisis["standar_nasional"] = ""
    teks = _teks_html(render_to_string("laporan/lkjip/_sasaran.html", {"s": s, "dok": dok}))
    assert (
        "4. Perbandingan dengan standar nasional Tidak ada perbandingan dengan standar "
        "nasional yang dilaporkan untuk indikator sasaran ini." in teks
    )


def _teks_html(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
