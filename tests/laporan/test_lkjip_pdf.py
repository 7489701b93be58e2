"""The LKjIP PDF generated from the data, read as a user reads it: the PDF the URL returns,
turned into text by pdftotext (poppler-utils), for both demo OPDs (Bagian Organisasi 2019,
Kecamatan Magetan 2023). Every figure is compared with the engine's, and where the reference
document typed a wrong number, the computed one is the one printed."""

import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from izin import SALAH_METODE, kasus
from perencanaan_uji import ORG
from realisasi_uji import KEC

from apps.core.angka import format_persen
from apps.core.models import OPD, User
from apps.laporan import lkjip
from apps.laporan.models import LaporanKinerja
from apps.pengukuran.kinerja import kinerja_tahun

pytestmark = pytest.mark.django_db

DEMO = {"kec": (KEC, 2023), "org": (ORG, 2019)}
BAB = ["BAB I", "BAB II", "BAB III", "BAB IV", "LAMPIRAN"]
JUDUL = [
    "KATA PENGANTAR",
    "DAFTAR ISI",
    "DAFTAR TABEL",
    "DAFTAR GAMBAR",
    "IKHTISAR EKSEKUTIF",
    "PENDAHULUAN",
    "PERENCANAAN DAN PERJANJIAN KINERJA",
    "AKUNTABILITAS KINERJA",
    "A. Capaian Kinerja Organisasi",
    "B. Realisasi Anggaran",
    "PENUTUP",
    "A. Kesimpulan",
    "B. Upaya ke Depan",
    "C. Saran",
]


def pdftotext(pdf: bytes, *args: str) -> str:
    program = shutil.which("pdftotext")
    assert program, "pdftotext tidak ditemukan: pasang poppler-utils (scripts/apt-deps.sh)"
    return subprocess.run(
        [program, "-layout", "-enc", "UTF-8", *args, "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode()


def halaman(teks: str) -> list[str]:
    return teks.split("\f")[:-1]


def nomor_halaman(hal: str) -> str:
    """The number printed at the bottom of a page ("" on the cover)."""
    baris = [b.strip() for b in hal.splitlines() if b.strip()]
    terakhir = baris[-1] if baris else ""
    return terakhir if re.fullmatch(r"\d+|[ivxlc]+", terakhir) else ""


@pytest.fixture(scope="module")
def pdf(django_db_setup, django_db_blocker):
    """Both demo LKjIP as the URL serves them to the verifikator (rendered once)."""
    hasil = {}
    with django_db_blocker.unblock():
        client = Client()
        client.force_login(User.objects.get(username="verifikator"))
        for kunci, (nama, tahun) in DEMO.items():
            opd = OPD.objects.get(nama=nama)
            resp = client.get(reverse("laporan:lkjip_pdf", args=[opd.pk, tahun]))
            assert resp.status_code == 200
            assert resp["Content-Type"] == "application/pdf"
            hasil[kunci] = resp.content
    return hasil


@pytest.fixture(scope="module")
def teks(pdf):
    return {k: pdftotext(v) for k, v in pdf.items()}


def kinerja(kunci, tahun_lalu=()):
    nama, tahun = DEMO[kunci]
    opd = OPD.objects.get(nama=nama)
    return kinerja_tahun([opd], tahun, tahun_lalu=tahun_lalu)[opd.pk]


DAFTAR = re.compile(r"\.{4,}\s*[0-9ivxlc]+\s*$", re.M)


def halaman_dengan(teks: str, potongan: str) -> str:
    """The first page that holds `potongan` outside the lists of the front matter."""
    for hal in halaman(teks):
        if potongan in hal and len(DAFTAR.findall(hal)) < 3:
            return hal
    raise AssertionError(f"{potongan!r} tidak ada dalam PDF")


def bagian(teks: str, dari: str, sampai: str) -> str:
    """The text from the caption `dari` (not its line in a list) up to `sampai`."""
    for m in re.finditer(re.escape(dari), teks):
        baris = teks[m.start() : teks.find("\n", m.start())]
        if not DAFTAR.search(baris):
            return teks[m.start() : teks.find(sampai, m.start())]
    raise AssertionError(f"{dari!r} tidak ada dalam PDF")


def baris_dengan(teks: str, potongan: str) -> str:
    for b in teks.splitlines():
        if potongan in b:
            return b
    raise AssertionError(f"{potongan!r} tidak ada:\n{teks}")


@pytest.mark.parametrize("kunci", DEMO)
def test_every_chapter_and_the_cover(teks, kunci):
    nama, tahun = DEMO[kunci]
    t = teks[kunci]
    sampul = halaman(t)[0]
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH" in sampul
    assert f"TAHUN {tahun}" in sampul
    assert nama.upper().split()[0] in sampul
    # issue 18: the kop on top (government, then the OPD), the government above the OPD at
    # the foot too, and no bare year (the next year's) left under the address
    baris = [b.strip() for b in sampul.splitlines() if b.strip() and b.strip() != "DRAF"]
    assert baris[0] == "PEMERINTAH KABUPATEN MAGETAN"
    assert nama.upper().startswith(baris[1])
    kaki = baris.index("PEMERINTAH KABUPATEN MAGETAN", 2)
    assert nama.upper().startswith(baris[kaki + 1])
    assert str(tahun + 1) not in baris
    for judul in JUDUL + BAB:
        assert judul in t, judul


@pytest.mark.parametrize("kunci", DEMO)
def test_draf_on_every_page(teks, kunci):
    for n, hal in enumerate(halaman(teks[kunci]), 1):
        assert "DRAF" in hal, f"halaman {n} tanpa DRAF"


@pytest.mark.parametrize("kunci", DEMO)
def test_table_of_contents_page_numbers_are_the_pages(pdf, teks, kunci):
    """ "BAB III AKUNTABILITAS KINERJA .... 5": the page printed "5" at its foot holds the
    heading (checked on that page alone with pdftotext -f/-l); the front matter is numbered
    in roman, the chapters from 1."""
    semua = halaman(teks[kunci])
    daftar = next(h for h in semua if "DAFTAR ISI" in h and "...." in h)
    daftar += next(
        (
            h
            for h in semua[semua.index(daftar) + 1 :]
            if "...." in h and "LAMPIRAN" in h and "DAFTAR TABEL" not in h
        ),
        "",
    )
    nomor = {nomor_halaman(h): i + 1 for i, h in enumerate(semua) if nomor_halaman(h)}
    assert nomor["ii"] == 2 and nomor["1"] > nomor["ii"], nomor
    dicek = 0
    for judul in ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", *BAB]:
        m = re.search(rf"^\s*{judul}\b.*?\.{{3,}}\s*([0-9ivxlc]+)\s*$", daftar, re.M)
        assert m, f"{judul} tidak ada di daftar isi:\n{daftar}"
        fisik = nomor[m.group(1)]
        isi = pdftotext(pdf[kunci], "-f", str(fisik), "-l", str(fisik))
        assert judul in isi, f"{judul} tidak ada di halaman {m.group(1)} (ke-{fisik})"
        dicek += 1
    assert dicek == 7
    tabel = next(h for h in semua if "DAFTAR TABEL" in h and "Tabel 3.2" in h)
    m = re.search(r"Tabel 3\.2 Pengukuran Kinerja.*?\.{3,}\s*(\d+)", tabel)
    isi = pdftotext(pdf[kunci], "-f", str(nomor[m.group(1)]), "-l", str(nomor[m.group(1)]))
    assert "Tabel 3.2 Pengukuran Kinerja" in isi


def test_measurement_organisasi_2019_computed_not_typed(teks):
    """Target 78,2, realisasi 79,41: 101,55 %, where the document typed 100,01 %."""
    hal = bagian(teks["org"], "Tabel 3.2 Pengukuran Kinerja", "Gambar 3.1")
    baris = baris_dengan(hal, "Rata-rata Nilai IKM")
    assert re.search(r"78,2\b.*79,41.*101,55 %", baris), baris
    assert "100,01" not in teks["org"]
    k = kinerja("org")
    for i in k.indikator:
        assert format_persen(i.hasil.capaian.nilai) in hal, i.indikator.nama
    assert format_persen(k.capaian.nilai) in hal


def test_measurement_kecamatan_2023_and_budget(teks):
    t = teks["kec"]
    hal = bagian(t, "Tabel 3.2 Pengukuran Kinerja", "Gambar 3.1")
    k = kinerja("kec")
    dihitung = [format_persen(i.hasil.capaian.nilai) for i in k.indikator]
    assert dihitung == ["105,91 %", "109,11 %", "128,76 %", "120,17 %"]
    for nilai in dihitung:
        assert nilai in hal
    assert format_persen(k.capaian.nilai) == "113,16 %"
    assert "113,16 %" in baris_dengan(hal, "Capaian kinerja organisasi")
    anggaran = halaman_dengan(t, "Tabel 3.18 Realisasi Anggaran per Program")
    jumlah = baris_dengan(anggaran, "JUMLAH")
    assert re.search(r"15\.498\.982\.788\s+15\.228\.228\.125\s+98,25 %", jumlah), jumlah
    assert "15.490.556.938" not in t and "15.166.946.575" not in t
    assert "Rp 15.498.982.788" in halaman_dengan(t, "IKHTISAR EKSEKUTIF")


def test_three_years_and_progress_to_the_renstra_end_target(teks):
    """Seed 003 Tabel 3.2 (2021, 2022, 2023) and Tabel 3.3 (realisasi / target akhir)."""
    t = teks["kec"]
    k = kinerja("kec", tahun_lalu=[2021, 2022])
    ikm = next(i for i in k.indikator if i.indikator.nama == "Indeks Kepuasan Masyarakat")
    hal = bagian(t, "Perbandingan Realisasi dan Capaian Sasaran 1 2021-2023", "Tabel 3.5")
    assert re.search(r"2021\s+2022\s+2023", hal)
    baris = baris_dengan(hal, "Indeks Kepuasan")
    # 2021 has a realisasi but no target (no PK, no Renstra target): no capaian, shown "–".
    assert ikm.lalu[2021].hasil.capaian.nilai is None
    assert ikm.lalu[2021].sumber_target == ""
    assert re.search(r"–\s+87,02\s+–", baris), baris
    assert format_persen(ikm.lalu[2022].hasil.capaian.nilai) == "111,11 %"
    assert re.search(r"80\s+88,89\s+111,11 %\s+85\s+90,02\s+105,91 %", baris), baris
    hal = bagian(t, "Realisasi terhadap Target Akhir Renstra Sasaran 1", "4. Perbandingan")
    assert format_persen(ikm.kemajuan.nilai) == "99,91 %"
    assert re.search(r"90,02\s+90,1\s+99,91 %", baris_dengan(hal, "Indeks Kepuasan"))
    assert re.search(r"TINGKAT\s.*\sKEMAJUAN", hal, re.S), hal  # the heading may wrap


def test_every_pk_version_annexed_with_both_signatures(teks):
    t = teks["kec"]
    induk = halaman_dengan(t, "PERJANJIAN KINERJA TAHUN 2023\n")
    assert "PERUBAHAN" not in induk.split("PERJANJIAN KINERJA TAHUN 2023")[0][-40:]
    assert "NIP. 19670227 198601 1 001" in induk  # Tri Atmadi, the Camat at the start
    assert "PIHAK PERTAMA" in induk and "PIHAK KEDUA" in induk
    perubahan = halaman_dengan(t, "PERUBAHAN PERJANJIAN KINERJA TAHUN 2023")
    assert "NIP. 19670606 198803 1 011" in perubahan  # Yudo Wahyono, after the change
    assert "Pj. Bupati Magetan" in perubahan
    assert "Lampiran 1" in induk and "Lampiran 2" in perubahan


def test_kata_pengantar_signed_by_the_head_with_nip(teks):
    hal = halaman_dengan(teks["kec"], "KATA PENGANTAR")
    assert "YUDO WAHYONO, S.Sos., M.Si" in hal
    assert "NIP. 19670606 198803 1 011" in hal
    assert "Camat Magetan" in hal and "Magetan," in hal


def test_renstra_matrix_annexed_with_computed_totals(teks):
    hal = halaman_dengan(teks["kec"], "MATRIKS RENCANA PROGRAM")
    assert "Periode RPJMD Induk (Tahun 2019-2020)" in hal
    t = teks["kec"]
    assert "Kepmendagri 050-5889 (Tahun 2023)" in t
    # The 2023 block: its sub kegiatan lines add up to the DPA's pagu, not the typed total.
    assert "15.490.556.938" not in t


def test_without_any_laporan_row_the_draft_still_prints():
    opd = OPD.objects.get(nama=KEC)
    LaporanKinerja.objects.filter(opd=opd).delete()
    dok = lkjip.dokumen_lkjip(opd=opd, tahun=2023)
    assert dok.laporan is None
    assert dok.penandatangan.nip == "196706061988031011"  # the OPD's active head
    html = render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})
    assert html.count("(belum diisi)") >= 8
    final = render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": False})
    assert "(belum diisi)" not in final and 'class="draf"' not in final


def test_narrative_script_is_never_a_script(teks):
    opd = OPD.objects.get(nama=KEC)
    laporan = LaporanKinerja.objects.get(opd=opd, tahun=2023)
    laporan.kata_pengantar = (
        'Kata <script>alert("x")</script> **tebal** '
        '<img src="http://contoh.invalid/a.png" onerror="alert(1)">'
    )
    laporan.kesimpulan = "<script>document.write('kesimpulan')</script>Simpulan."
    laporan.save()
    dok = lkjip.dokumen_lkjip(opd=opd, tahun=2023)
    html = render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})
    assert "<script" not in html.lower() and "onerror" not in html
    assert "<strong>tebal</strong>" in html and "Simpulan." in html
    assert "contoh.invalid" not in html


def test_queries_do_not_grow_with_indicators(django_assert_max_num_queries):
    """Bagian Organisasi has 10 indicators, the Kecamatan 4: the same fixed number."""
    for nama, tahun in DEMO.values():
        with django_assert_max_num_queries(35):
            lkjip.dokumen_lkjip(opd=OPD.objects.get(nama=nama), tahun=tahun)


# --- the management command ------------------------------------------------------------------


def test_command_writes_one_file(tmp_path):
    tujuan = tmp_path / "kec.pdf"
    call_command("lkjip_pdf", "--opd", "7.01.01", "--tahun", "2023", "--output", str(tujuan))
    isi = tujuan.read_bytes()
    assert isi.startswith(b"%PDF")
    assert "PERUBAHAN PERJANJIAN KINERJA TAHUN 2023" in pdftotext(isi)


def test_command_all_writes_one_file_per_active_opd(tmp_path):
    OPD.objects.exclude(nama__in=[KEC, ORG]).update(aktif=False)
    call_command("lkjip_pdf", "--all", "--tahun", "2019", "--output", str(tmp_path / "semua"))
    assert sorted(p.name for p in (tmp_path / "semua").iterdir()) == [
        "lkjip-4.01.01.06-2019.pdf",
        "lkjip-7.01.01-2019.pdf",
    ]


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (
            ["--opd", "9.99.99", "--tahun", "2023", "--output", "x.pdf"],
            "OPD dengan kode “9.99.99” tidak ditemukan.",
        ),
        (["--opd", "7.01.01", "--tahun", "2023"], "--output wajib diisi"),
        (
            ["--opd", "7.01.01", "--tahun", "2023", "--output", "/proc/tidak-boleh/lkjip.pdf"],
            "tidak dapat ditulis",
        ),
        (["--all", "--tahun", "2023", "--output", "/proc/tidak-boleh"], "tidak dapat dibuat"),
        (["--opd", "7.01.01", "--tahun", "1800", "--output", "x.pdf"], "Tahun 1800 tidak dikenal"),
    ],
)
def test_command_errors(argumen, pesan, tmp_path):
    with pytest.raises(CommandError, match=re.escape(pesan)):
        call_command("lkjip_pdf", *argumen)
    assert not (tmp_path / "x.pdf").exists()


def test_command_exit_status_and_message(capsys):
    """From the shell, a refused command says why on stderr and exits with status 1."""
    from apps.laporan.management.commands.lkjip_pdf import Command

    with pytest.raises(SystemExit) as keluar:
        Command().run_from_argv(
            ["manage.py", "lkjip_pdf", "--opd", "9.99.99", "--tahun", "2023", "--output", "x.pdf"]
        )
    assert keluar.value.code == 1
    assert "OPD dengan kode “9.99.99” tidak ditemukan." in capsys.readouterr().err


# --- who may download it ---------------------------------------------------------------------

TABEL_PDF = [
    ("laporan:lkjip_pdf", "GET", (200, 200, 200, 200, 200, 404, 302)),
    ("laporan:lkjip_pdf", "POST", SALAH_METODE),
]


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), kasus(TABEL_PDF))
def test_permission_table(client, nama, metode, peran, status, monkeypatch):
    monkeypatch.setattr(
        "apps.laporan.draf.render_lkjip_pdf", lambda **kw: b"%PDF-1.4 " + str(kw["opd"].pk).encode()
    )
    if peran != "anonim":
        client.force_login(User.objects.get(username=peran))
    url = reverse(nama, args=[OPD.objects.get(nama=KEC).pk, 2023])
    resp = client.get(url) if metode == "GET" else client.post(url)
    assert resp.status_code == status
    if status == 302:
        assert resp["Location"].startswith(reverse("login"))


def test_every_pdf_url_is_in_the_table():
    from apps.laporan import urls

    assert [
        p.name for p in urls.urlpatterns if p.callback.__module__ == "apps.laporan.views.pdf"
    ] == ["lkjip_pdf", "lkjip_draf"]
    # lkjip_draf: its table is in test_lkjip_draf.py


def test_own_opd_for_the_organisasi_operator_and_bad_year(client, login, monkeypatch):
    monkeypatch.setattr("apps.laporan.draf.render_lkjip_pdf", lambda **kw: b"%PDF-1.4")
    login("operator.organisasi")
    opd = OPD.objects.get(nama=ORG)
    assert client.get(reverse("laporan:lkjip_pdf", args=[opd.pk, 2019])).status_code == 200
    assert client.get(reverse("laporan:lkjip_pdf", args=[opd.pk, 1900])).status_code == 404


def test_decimal_money_never_float():
    dok = lkjip.dokumen_lkjip(opd=OPD.objects.get(nama=KEC), tahun=2023)
    assert isinstance(dok.anggaran.total.pagu, Decimal)
    assert dok.anggaran.total.pagu == Decimal("15498982788")


@pytest.mark.parametrize("nama", [KEC, ORG])
@pytest.mark.parametrize("tahun", [2019, 2023, 2026, 2027])
def test_every_entry_of_the_lists_of_tables_and_figures_points_at_one(nama, tahun):
    """A year without a PK in force, a DPA or a Renstra draws fewer tables: the lists of
    tables and figures must not name one that is not there (WeasyPrint would print an empty
    page number and log an undefined anchor)."""
    dok = lkjip.dokumen_lkjip(opd=OPD.objects.get(nama=nama), tahun=tahun)
    html = render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})
    tujuan = set(re.findall(r'href="#((?:tabel|gambar)-[^"]+)"', html))
    ada = set(re.findall(r'id="((?:tabel|gambar)-[^"]+)"', html))
    assert tujuan and tujuan <= ada, sorted(tujuan - ada)
