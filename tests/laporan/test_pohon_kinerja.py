"""The pohon kinerja (issue 19, item 2): sasaran daerah -> OPD sasaran -> program -> kegiatan
-> sub kegiatan, each node measured through the capaian engine, for the kabupaten and for one
OPD, as a page (nested <details>, no JavaScript), a PDF and an xlsx that show the same
figures; who sees which part; the gaps of the cascade named on the tree; its queries not
growing with the number of OPDs; the PDF passing the LKjIP's layout checks."""

import io
import subprocess
from decimal import Decimal

import pdfplumber
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from izin import SALAH_METODE, SEMUA, kasus
from perencanaan_uji import opd_organisasi, user
from realisasi_uji import KEC, opd_kecamatan, teks_halaman
from tata_letak_uji import masalah_tata_letak, sel_meluap
from xlsx_uji import baris_xlsx

from apps.anggaran.models import DPA, DPAKegiatan, DPAProgram, Program
from apps.anggaran.selectors import rincian_dengan_realisasi
from apps.anggaran.services import realisasi_anggaran_save
from apps.core.models import OPD, Pemda
from apps.core.pdf import tata_letak
from apps.laporan.demo.loader import load_synthetic
from apps.laporan.pohon import pohon_kinerja
from apps.pengukuran.kinerja import kinerja_tahun
from apps.perencanaan.models import DukunganSasaranDaerah, ProgramSasaran, Sasaran, SasaranDaerah

pytestmark = pytest.mark.django_db

TAHUN = 2023
OPD_SAJA = (200, 200, 200, 200, 200, 404, 302)  # the Kecamatan's tree

# url name                      method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    ("laporan:pohon", "GET", SEMUA),
    ("laporan:pohon", "POST", SALAH_METODE),
    ("laporan:pohon_unduh", "GET", SEMUA),
    ("laporan:pohon_unduh", "POST", SALAH_METODE),
    ("laporan:pohon_opd", "GET", OPD_SAJA),
    ("laporan:pohon_opd", "POST", SALAH_METODE),
    ("laporan:pohon_opd_unduh", "GET", OPD_SAJA),
    ("laporan:pohon_opd_unduh", "POST", SALAH_METODE),
]


def url(nama: str, opd=None, tahun=TAHUN, format="xlsx") -> str:
    opd = opd or opd_kecamatan()
    return {
        "laporan:pohon": lambda: reverse(nama, args=[tahun]),
        "laporan:pohon_unduh": lambda: reverse(nama, args=[tahun, format]),
        "laporan:pohon_opd": lambda: reverse(nama, args=[opd.pk, tahun]),
        "laporan:pohon_opd_unduh": lambda: reverse(nama, args=[opd.pk, tahun, format]),
    }[nama]()


def test_every_url_of_the_tree_is_in_the_table():
    from apps.laporan import urls

    assert {
        f"laporan:{p.name}"
        for p in urls.urlpatterns
        if p.callback.__module__ == "apps.laporan.views.pohon"
    } == {n for n, _, _ in TABEL}


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), kasus(TABEL))
def test_permission_table(client, nama, metode, peran, status):
    if peran != "anonim":
        client.force_login(user(peran))
    u = url(nama)
    resp = client.post(u) if metode == "POST" else client.get(u)
    assert resp.status_code == status, (nama, metode, peran)
    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif status == 200 and nama in ("laporan:pohon", "laporan:pohon_opd"):
        assert "Pohon kinerja" in teks_halaman(resp)
    elif status == 200:
        assert resp["Content-Disposition"].startswith("attachment")


def _pdf_teks(isi: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()


def _persen(hasil) -> str:
    from apps.core.angka import format_persen

    return format_persen(hasil.nilai)


# --- what the tree shows ------------------------------------------------------------------


def test_the_kabupaten_tree_hangs_each_opd_sasaran_under_its_sasaran_daerah(client):
    """The verifikator's tree of 2023: both sasaran daerah of the demo RPJMD with their IKU
    and target, the Kecamatan's sasaran under "Kepuasan Masyarakat" with the capaian the
    read model gives it (the dashboard's figure), and the Bagian Organisasi's sasaran (no
    final PK in 2023) with their Renstra indicators, not measured, saying why."""
    client.force_login(user("verifikator"))
    resp = client.get(url("laporan:pohon"))
    teks = teks_halaman(resp)
    assert "Sasaran daerah 1.1 Meningkatkan Kepuasan Masyarakat Terhadap Pelayanan Publik" in teks
    assert "Indeks Kepuasan Masyarakat: target 80 skor" in teks
    assert "Meningkatnya Akuntabilitas Kinerja dan Reformasi Birokrasi" in teks
    kinerja = kinerja_tahun([opd_kecamatan()], TAHUN, status=False)[opd_kecamatan().pk]
    kualitas = next(s for s in kinerja.sasaran if s.sasaran.uraian.startswith("Meningkatnya Kual"))
    assert _persen(kualitas.capaian) == "105,91 %"
    assert f"Meningkatnya Kualitas Pelayanan Publik {_persen(kualitas.capaian)}" in teks
    assert "Belum diukur: belum ada Perjanjian Kinerja final 2023." in teks  # Bag. Organisasi
    isi = resp.content.decode()
    # Down to program on the kabupaten's page: sasaran open, their programs listed closed.
    assert "tingkat-program" in isi and "tingkat-kegiatan" not in isi
    assert "Kegiatan dan sub kegiatan tampak pada pohon kinerja tiap OPD." in teks
    assert url("laporan:pohon_opd") in isi  # each OPD's own tree one click away
    assert url("laporan:pohon_opd", opd=opd_organisasi()) in isi


def test_the_opd_tree_measures_program_kegiatan_and_sub_kegiatan(client):
    """The Kecamatan's tree: program 7.01.01 IKM 80 of target 80 -> 100,00 %; 7.01.02 as the
    reference's matrix states it, 400 of 80 -> 500,00 %; kegiatan 7.01.01.2.01 38 of 15 ->
    253,33 %; a sub kegiatan measured once its physical output is reported (12 of the
    line's target)."""
    opd = opd_kecamatan()
    dpa = DPA.objects.get(opd=opd, tahun=TAHUN)
    baris = rincian_dengan_realisasi(dpa)
    r = baris[0]
    # Physical output reported in two months (the entry asks for the month alone): summed.
    for bulan, fisik in ((3, Decimal("5")), (6, Decimal("7"))):
        realisasi_anggaran_save(
            dpa=dpa, bulan=bulan, isian={r: (Decimal("1000"), fisik, "")}, user=None
        )
    client.force_login(user("operator.kecamatan"))
    teks = teks_halaman(client.get(url("laporan:pohon_opd")))
    assert (
        "Program 7.01.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA 100,00 %"
        in (teks)
    )
    assert "7.01.02 PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK 500,00 %" in teks
    assert "Kegiatan 7.01.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat" in teks
    assert "target 15 Dokumen · realisasi 38 · capaian 253,33 %" in teks
    capaian_sub = Decimal(12) / r.target * 100
    from apps.core.angka import format_persen

    assert f"realisasi 12 · capaian {format_persen(capaian_sub)} (realisasi fisik bulanan)" in teks
    assert "Pagu Rp 8.244.451.385 · realisasi Rp 8.095.613.398 · serapan 98,19 %" in teks


def test_page_xlsx_and_pdf_show_the_same_figures(client):
    client.force_login(user("operator.kecamatan"))
    teks = teks_halaman(client.get(url("laporan:pohon_opd")))
    data = baris_xlsx(client.get(url("laporan:pohon_opd_unduh")).content)
    pdf = _pdf_teks(client.get(url("laporan:pohon_opd_unduh", format="pdf")).content)
    program = next(b for b in data if b["Kode"] == "7.01.02")
    assert (
        program["Tingkat"] == "Program" and program["Penanggung jawab"] == "Pejabat administrator"
    )
    assert (program["Target"], program["Realisasi"], program["Capaian (%)"]) == (80, 400, 500)
    assert program["Pagu (Rp)"] > 0 and isinstance(program["Pagu (Rp)"], Decimal | int | float)
    assert "500,00 %" in teks and "500,00 %" in pdf
    kualitas = next(b for b in data if str(b["Uraian"]).strip().startswith("Meningkatnya Kual"))
    assert kualitas["Capaian simpul (%)"] == pytest.approx(105.91, abs=0.005)
    assert kualitas["Predikat"] and kualitas["Predikat"] in teks
    assert "105,91 %" in pdf
    assert "POHON KINERJA KECAMATAN MAGETAN TAHUN 2023" in pdf
    # one row per indicator: sasaran 1.3 has two, the second row without the node's cells
    i = next(
        n
        for n, b in enumerate(data)
        if str(b["Uraian"]).strip() == "Meningkatnya Kinerja Kecamatan"
    )
    assert data[i]["Indikator"] and data[i + 1]["Indikator"] and data[i + 1]["Uraian"] in ("", None)


def test_an_opd_user_sees_only_their_own_part_of_the_kabupaten_tree(client):
    client.force_login(user("operator.kecamatan"))
    teks = teks_halaman(client.get(url("laporan:pohon")))
    assert "Meningkatnya Kualitas Pelayanan Publik" in teks
    assert "Meningkatnya Ketatalaksanaan pemerintahan" not in teks  # Bagian Organisasi's
    assert "Hanya bagian OPD Anda yang tampak." in teks
    assert "Belum didukung sasaran OPD mana pun." not in teks
    data = baris_xlsx(client.get(url("laporan:pohon_unduh")).content)
    assert {b["OPD"] for b in data} - {"", None} == {KEC}
    pdf = _pdf_teks(client.get(url("laporan:pohon_unduh", format="pdf")).content)
    assert "Ketatalaksanaan" not in pdf
    # and the other OPD's own tree is not there for them
    assert client.get(url("laporan:pohon_opd", opd=opd_organisasi())).status_code == 404
    assert (
        client.get(url("laporan:pohon_opd_unduh", opd=opd_organisasi(), format="pdf")).status_code
        == 404
    )


def test_the_gaps_of_the_cascade_are_named_on_the_tree(client):
    """A sasaran daerah nobody supports (for the roles that see every OPD), an OPD sasaran
    supporting none, a DPA program linked to no sasaran, a node without an indicator."""
    opd = opd_kecamatan()
    sd = SasaranDaerah.objects.get(tujuan__periode__tahun_awal=2018, nomor=2)
    DukunganSasaranDaerah.objects.filter(sasaran_daerah=sd).delete()
    kinerja = Sasaran.objects.get(
        tujuan__renstra__opd=opd,
        tujuan__renstra__tahun_awal=2018,
        uraian="Meningkatnya Kinerja Kecamatan",
    )
    DukunganSasaranDaerah.objects.filter(sasaran=kinerja).delete()
    program = Program.objects.get(kode="7.01.04")
    ProgramSasaran.objects.filter(program=program).delete()
    keg = DPAKegiatan.objects.get(dpa__opd=opd, dpa__tahun=TAHUN, kegiatan__kode="7.01.06.2.01")
    keg.indikator = ""
    keg.save()

    client.force_login(user("verifikator"))
    teks = teks_halaman(client.get(url("laporan:pohon")))
    assert "Meningkatnya Akuntabilitas Kinerja dan Reformasi Birokrasi" in teks
    assert "Belum didukung sasaran OPD mana pun." in teks
    teks = teks_halaman(client.get(url("laporan:pohon_opd")))
    assert f"Belum terhubung {KEC} — di luar pohon kinerja" in teks
    assert "Meningkatnya Kinerja Kecamatan" in teks
    assert "Belum terhubung ke sasaran daerah RPJMD." in teks
    assert "Program DPA ini tidak terhubung ke sasaran Renstra." in teks
    assert "Simpul tanpa indikator (1)" in teks
    assert "Kegiatan 7.01.06.2.01 Fasilitasi, Rekomendasi dan Koordinasi" in teks
    data = baris_xlsx(client.get(url("laporan:pohon_opd_unduh")).content)
    tanpa = [b for b in data if "Belum ada indikator." in (b["Catatan"] or "")]
    assert [b["Kode"] for b in tanpa] == ["7.01.06.2.01"]


def test_a_cross_cutting_program_hangs_under_both_its_sasaran_and_counts_once(client):
    opd = opd_kecamatan()
    program = Program.objects.get(kode="7.01.01")
    lain = Sasaran.objects.get(
        tujuan__renstra__opd=opd,
        tujuan__renstra__tahun_awal=2018,
        uraian="Meningkatnya Kinerja Kecamatan",
    )
    ProgramSasaran.objects.get_or_create(sasaran=lain, program=program)
    pohon = pohon_kinerja(None, TAHUN, opd=opd)
    tempat = [s for _, s in pohon.simpul() if s.tingkat == "program" and s.kode == "7.01.01"]
    assert len(tempat) >= 2
    assert len({s.id for s in tempat}) == len(tempat)  # each placement its own anchor
    jumlah = pohon.jumlah()
    assert jumlah["program"] == DPAProgram.objects.filter(dpa__opd=opd, dpa__tahun=TAHUN).count()
    client.force_login(user("operator.kecamatan"))
    assert f"Program {jumlah['program']}" in teks_halaman(client.get(url("laporan:pohon_opd")))


def test_everything_opens_without_javascript(client):
    client.force_login(user("verifikator"))
    ringkas = client.get(url("laporan:pohon_opd")).content.decode()
    semua = client.get(url("laporan:pohon_opd") + "?buka=semua").content.decode()
    assert "<script" not in ringkas.split("<main", 1)[-1].split("</main>", 1)[0]
    assert ringkas.count("<details open>") < ringkas.count("<details")
    assert semua.count("<details open>") == semua.count("<details")
    assert "Ringkas" in teks_halaman(client.get(url("laporan:pohon_opd") + "?buka=semua"))


def test_a_year_without_an_rpjmd_and_an_unknown_format(client):
    client.force_login(user("verifikator"))
    teks = teks_halaman(client.get(url("laporan:pohon", tahun=2031)))
    assert "Tahun 2031 tidak dicakup periode RPJMD mana pun" in teks
    assert client.get(url("laporan:pohon_unduh", format="docx")).status_code == 404
    assert client.get(url("laporan:pohon_opd_unduh", format="csv")).status_code == 404
    assert client.get("/dasbor/pohon/1999/").status_code == 404


# --- scale ----------------------------------------------------------------------------------


def _query(client, alamat) -> int:
    with CaptureQueriesContext(connection) as q:
        assert client.get(alamat).status_code == 200
    return len(q)


def test_the_tree_costs_the_same_queries_for_5_or_100_opds(client):
    """The kabupaten's page, its xlsx and an OPD's page of 2025 (the synthetic data's year,
    every synthetic sasaran linked to a synthetic sasaran daerah): the same number of queries
    at 5 and at 100 synthetic OPDs."""
    verifikator = user("verifikator")
    load_synthetic(5, None, verifikator)
    client.force_login(verifikator)
    sin = OPD.objects.get(kode="SIN-003")
    alamat = [
        url("laporan:pohon", tahun=2025),
        url("laporan:pohon_unduh", tahun=2025),
        url("laporan:pohon_opd", opd=sin, tahun=2025),
    ]
    sedikit = [_query(client, a) for a in alamat]
    load_synthetic(100, None, verifikator)
    banyak = [_query(client, a) for a in alamat]
    assert banyak == sedikit
    assert max(banyak) <= 50  # 4 of them tell whether the data changed since the last view
    teks = teks_halaman(client.get(alamat[0]))
    assert "Sasaran daerah sintetis 3" in teks and "Dinas Sintetis 100" in teks
    assert "Simpul tanpa indikator" not in teks


# --- print ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opd", "kedalaman"), [(opd_kecamatan, "sub"), (None, "program")], ids=["opd", "kabupaten"]
)
def test_the_printed_tree_keeps_its_layout(opd, kedalaman):
    unit = opd() if opd else None
    pohon = pohon_kinerja(
        OPD.objects.filter(aktif=True), TAHUN, opd=unit, kedalaman=kedalaman, semua_opd=True
    )
    konteks = {"pohon": pohon, "judul": "Pohon Kinerja Uji", "pemda": Pemda.objects.first()}
    assert sel_meluap(tata_letak("laporan/pohon_pdf.html", konteks)) == []
    from apps.core.pdf import render_pdf

    assert masalah_tata_letak(render_pdf("laporan/pohon_pdf.html", konteks)) == []


def test_the_printed_tree_of_100_synthetic_opds_keeps_its_layout(client):
    verifikator = user("verifikator")
    load_synthetic(100, None, verifikator)
    client.force_login(verifikator)
    resp = client.get(url("laporan:pohon_unduh", tahun=2025, format="pdf"))
    assert resp.status_code == 200
    teks = _pdf_teks(resp.content)
    assert "DS100" in teks and "Sasaran daerah sintetis 3" in teks
    with pdfplumber.open(io.BytesIO(resp.content)) as pdf:
        assert len(pdf.pages) >= 3  # a table over several landscape pages, header repeated
        assert all("Capaian simpul" in h.extract_text() for h in pdf.pages)
    assert masalah_tata_letak(resp.content) == []


@pytest.mark.parametrize(("opd", "tahun"), [(opd_organisasi, 2019), (opd_kecamatan, TAHUN)])
def test_the_consistency_check_names_the_nodes_the_tree_marks_without_indicator(client, opd, tahun):
    """The Bagian Organisasi's DPA 2019 states no indicator for its programs and kegiatan
    (the reference gives none): the tree marks those nodes and the consistency page names the
    same ones, each linked to where it is kept; the Kecamatan's 2023 has none missing."""
    from apps.perencanaan.selectors import konsistensi

    unit = opd()
    pohon = pohon_kinerja(None, tahun, opd=unit)
    ditandai = sorted({(s.label_tingkat, s.kode) for s in pohon.tanpa_indikator()})
    peringatan = [p for p in konsistensi(unit, tahun) if p.jenis == "simpul_tanpa_indikator"]
    disebut = sorted(
        (
            p.pesan.split(" ", 1)[0].replace("Sub", "Sub kegiatan"),
            p.pesan.split(" ")[1 + p.pesan.startswith("Sub")],
        )
        for p in peringatan
    )
    assert disebut == [(t, k) for t, k in ditandai if t in ("Program", "Kegiatan", "Sub kegiatan")]
    if tahun == 2019:
        assert len(disebut) >= 5
        client.force_login(user("verifikator"))
        teks = teks_halaman(client.get(reverse("perencanaan:konsistensi", args=[unit.pk, tahun])))
        assert "Program, kegiatan atau sub kegiatan DPA tanpa indikator" in teks
        assert "tidak mencantumkan indikator kinerja programnya (outcome)" in teks
        assert peringatan[0].tautan.startswith(reverse("anggaran:indikator", args=[unit.pk, tahun]))
    else:
        assert disebut == []


# --- kept until its data changes -----------------------------------------------------------


def test_the_tree_is_read_back_until_what_it_shows_changes(client):
    """The tree part of the page is kept while nothing it shows changed (versi_pohon): read
    back with a few queries; a DPA value, a sasaran daerah's words (a table only the tree
    reads) or another reader's OPDs give a new tree at once."""
    from django.core.cache import cache

    cache.clear()  # another test may have viewed the same tree of the same data
    kec = opd_kecamatan()
    client.force_login(user("verifikator"))
    alamat = url("laporan:pohon_opd") + "?buka=semua"
    dihitung = _query(client, alamat)
    dibaca = _query(client, alamat)
    if connection.vendor == "postgresql":
        assert dibaca < dihitung and dibaca <= 20
    else:  # a database that cannot tell a change (SQLite): computed at every view
        assert dibaca == dihitung
    program = DPAProgram.objects.filter(dpa__opd=kec, dpa__tahun=TAHUN).exclude(indikator="")[0]
    program.realisasi = Decimal("77.5")
    program.save()
    assert "77,5" in teks_halaman(client.get(alamat))
    sd = SasaranDaerah.objects.get(uraian__startswith="Meningkatkan Kepuasan")
    sd.uraian = "Kepuasan masyarakat yang diubah"
    sd.save()
    assert "Kepuasan masyarakat yang diubah" in teks_halaman(client.get(url("laporan:pohon")))
    lain = "Meningkatnya Pelayanan Prima kepada Masyarakat"  # Bagian Organisasi's sasaran
    assert lain in teks_halaman(client.get(url("laporan:pohon")))
    client.force_login(user("operator.kecamatan"))
    teks = teks_halaman(client.get(url("laporan:pohon")))
    assert "Kepuasan masyarakat yang diubah" in teks and lain not in teks
