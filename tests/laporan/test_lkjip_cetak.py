"""What a reviewer read in the printed LKjIP and sent back (issue 18, item 5): the Renstra
matrix flags a realisation above its target rupiah as BAB III flags the DPA's, and writes
the codes as BAB III does; the ikhtisar never says "dan 0 indikator belum"."""

import re

import pytest
from django.template.loader import render_to_string
from realisasi_uji import opd_kecamatan

from apps.laporan.lkjip import dokumen_lkjip

pytestmark = pytest.mark.django_db


def test_the_renstra_matrix_flags_realisation_above_target_and_writes_full_codes():
    dok = dokumen_lkjip(opd=opd_kecamatan(), tahun=2023)
    html = render_to_string("laporan/lkjip/_lampiran_matriks.html", {"dok": dok})
    lebih = [x for b in dok.matriks for x in b.baris if x.melebihi_pagu]
    blok_lebih = [b for b in dok.matriks if b.melebihi_pagu]
    # the reference's own matrix: 191,82 %, 118,34 %, 114,21 %, 114,12 % among them
    assert len(lebih) >= 4
    # each line and each block's JUMLAH above its target, flagged once, as in the final's data
    assert html.count("melebihi pagu") == len(lebih) + len(blok_lebih)
    for b in dok.matriks:
        assert b.melebihi_pagu == (b.realisasi_rp > b.target_rp)
    for x in lebih:
        assert x.realisasi_rp > x.target_rp
    kode = [x.kode for b in dok.matriks for x in b.baris]
    assert kode and not [k for k in kode if k.startswith("01.")], kode
    # a sub kegiatan's code reads the same in BAB III's budget table and in the matrix
    bab3 = render_to_string("laporan/lkjip/_anggaran.html", {"dok": dok})
    sama = [k for k in kode if k.count(".") == 5 and f">{k}<" in bab3]
    assert sama, kode[:10]
    assert f'<td class="kode">{sama[0]}</td>' in html


def test_the_ikhtisar_says_all_reached_rather_than_none_not_reached():
    dok = dokumen_lkjip(opd=opd_kecamatan(), tahun=2023)
    assert dok.indikator_tercapai and not dok.indikator_belum
    html = render_to_string("laporan/lkjip/_ikhtisar.html", {"dok": dok})
    teks = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert f"seluruh {dok.jumlah_indikator} indikator mencapai atau melampaui target." in teks
    assert "dan 0 indikator belum" not in teks


def test_a_block_above_its_target_is_flagged_on_its_jumlah_row():
    """A period whose sub kegiatan together spent more than their target rupiah says so on
    its JUMLAH row, as its lines do and as the final's matrix sheet does (one rule:
    BlokMatriks.melebihi_pagu, the DPA's Rekap)."""
    from decimal import Decimal as D
    from types import SimpleNamespace

    from apps.perencanaan.models import RencanaProgram
    from apps.perencanaan.selectors import BarisMatriks, BlokMatriks

    def sub(kode, target, realisasi):
        r = RencanaProgram(
            tingkat=RencanaProgram.Tingkat.SUB_KEGIATAN,
            kode=kode,
            uraian=f"Sub {kode}",
            target_rp=D(target),
            realisasi_rp=D(realisasi),
        )
        return BarisMatriks(r, r.target_rp, r.realisasi_rp, kode)

    # targets 100 and 50, realisations 90 and 70: the second line and the block (160 > 150)
    blok = BlokMatriks(
        "Periode uji (Tahun 2023)", 2023, 2023, [sub("A", 100, 90), sub("B", 50, 70)]
    )
    assert blok.melebihi_pagu and not blok.baris[0].melebihi_pagu and blok.baris[1].melebihi_pagu
    dok = SimpleNamespace(
        matriks=[blok], pk=[], renstra=None, opd=SimpleNamespace(nama="OPD Uji"), tahun=2023
    )
    html = render_to_string("laporan/lkjip/_lampiran_matriks.html", {"dok": dok})
    jumlah = html[html.index("JUMLAH PERIODE UJI") :]
    assert "melebihi pagu" in jumlah[: jumlah.index("</tr>")]
    assert html.count("melebihi pagu") == 2
