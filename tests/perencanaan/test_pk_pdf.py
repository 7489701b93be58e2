"""The Perjanjian Kinerja PDF as a user reads it: the PDF the URL returns, turned into text by
pdftotext (poppler-utils, installed with the project), for the demo PKs of Kecamatan Magetan
2023 (induk and perubahan, as signed in the reference LKjIP)."""

import logging
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.perencanaan.models import PerjanjianKinerja, PKProgram

pytestmark = pytest.mark.django_db

PIHAK = ("nama", "nip", "pangkat", "jabatan")


def pdf_teks(isi: bytes) -> str:
    """The text of a PDF laid out as on the page; pages are separated by a form feed (\\f)."""
    program = shutil.which("pdftotext")
    assert program, "pdftotext tidak ditemukan: pasang poppler-utils (scripts/apt-deps.sh)"
    hasil = subprocess.run(
        [program, "-layout", "-enc", "UTF-8", "-", "-"],
        input=isi,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return hasil.stdout.decode()


def halaman(teks: str) -> list[str]:
    """The pages of a pdf_teks text (pdftotext ends every page with a form feed)."""
    return teks.split("\f")[:-1]


def rupiah_id(nilai: Decimal) -> str:
    """6142999541 -> 6.142.999.541,00, written here independently of apps.core.angka."""
    return f"{nilai:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def pk_kecamatan(versi: int) -> PerjanjianKinerja:
    return PerjanjianKinerja.objects.get(opd__nama="Kecamatan Magetan", tahun=2023, versi=versi)


def unduh(client, pk: PerjanjianKinerja):
    return client.get(reverse("perencanaan:pk_pdf", args=[pk.pk]))


def teks_pk(client, pk: PerjanjianKinerja) -> str:
    response = unduh(client, pk)
    assert response.status_code == 200
    return pdf_teks(response.content)


def baris_dengan(teks: str, potongan: str) -> str:
    """The (only or first) line of the text that contains `potongan`."""
    for baris in teks.splitlines():
        if potongan in baris:
            return baris
    raise AssertionError(f"{potongan!r} tidak ada dalam PDF:\n{teks}")


def draf_baru(**lain) -> PerjanjianKinerja:
    """A second perubahan of 2023 still in draft, signatories copied from the perubahan."""
    sumber = pk_kecamatan(1)
    tanda_tangan = {
        f"{pihak}_{f}": getattr(sumber, f"{pihak}_{f}")
        for pihak in ("pihak_pertama", "pihak_kedua")
        for f in PIHAK
    }
    return PerjanjianKinerja.objects.create(
        opd=sumber.opd,
        tahun=2023,
        versi=2,
        status=PerjanjianKinerja.Status.DRAFT,
        alasan_perubahan=PerjanjianKinerja.Alasan.PRIORITAS,
        tempat="Magetan",
        pihak_pertama=sumber.pihak_pertama,
        pihak_kedua=sumber.pihak_kedua,
        **tanda_tangan,
        **lain,
    )


@pytest.fixture
def operator(login):
    return login("operator.kecamatan")


def test_pk_induk_2023_as_signed(client, operator):
    teks = teks_pk(client, pk_kecamatan(0))

    assert "PERJANJIAN KINERJA TAHUN 2023" in teks
    assert "PERUBAHAN" not in teks
    # kop
    assert "PEMERINTAH KABUPATEN MAGETAN" in teks
    assert "KECAMATAN MAGETAN" in teks
    # the parties and the promise
    assert "Selanjutnya disebut PIHAK PERTAMA" in teks
    assert "selanjutnya disebut PIHAK KEDUA" in teks
    assert "Pihak pertama berjanji akan mewujudkan target kinerja" in teks
    # the target and the budget
    assert re.search(r"\b80\b", baris_dengan(teks, "Kecamatan berpredikat kinerja baik"))
    assert "6.142.999.541,00" in teks
    # date and both signature blocks, on both pages
    assert teks.count("Magetan, 2 Januari 2023") == 2
    for tertulis in (
        "TRI ATMADI, S.Sos",
        "Pembina Tk. I (IV/b)",
        "NIP. 19670227 198601 1 001",
        "Dr. Drs. H. SUPRAWOTO, S.H., M.Si.",
        "Bupati Magetan",
        "PIHAK PERTAMA,",
        "PIHAK KEDUA,",
    ):
        assert all(tertulis in h for h in halaman(teks)), tertulis
    # the Bupati has no NIP: only the camat's NIP line is printed
    assert teks.count("NIP.") == 2


def test_pk_perubahan_2023_shows_its_own_signatories_and_numbers(client, operator):
    teks = teks_pk(client, pk_kecamatan(1))

    assert "PERUBAHAN PERJANJIAN KINERJA TAHUN 2023" in teks
    assert re.search(r"\b75\b", baris_dengan(teks, "Kecamatan berpredikat kinerja baik"))
    assert "5.056.021.977,00" in teks
    for tertulis in (
        "YUDO WAHYONO, S.Sos., M.Si",
        "NIP. 19670606 198803 1 011",
        "Ir. HERGUNADI, M.T.",
        "Pj. Bupati Magetan",
        "Magetan, November 2023",
    ):
        assert tertulis in teks, tertulis
    # nothing of the induk
    assert "TRI ATMADI" not in teks
    assert "SUPRAWOTO" not in teks
    assert "6.142.999.541" not in teks
    assert "2 Januari 2023" not in teks


@pytest.mark.parametrize("versi", [0, 1])
def test_jumlah_is_the_sum_of_the_program_rows(client, operator, versi):
    pk = pk_kecamatan(versi)
    program = list(PKProgram.objects.filter(pk_dokumen=pk))
    assert len(program) == 5
    teks = teks_pk(client, pk)

    for p in program:
        assert rupiah_id(p.anggaran) in teks
    jumlah = baris_dengan(teks, "JUMLAH")
    assert rupiah_id(sum((p.anggaran for p in program), Decimal(0))) in jumlah.split()


def test_pk_is_a_two_page_pdf_with_a_file_name(client, operator):
    for versi in (0, 1):
        response = unduh(client, pk_kecamatan(versi))

        assert response["Content-Type"] == "application/pdf"
        assert re.search(r'filename="[^"]+\.pdf"', response["Content-Disposition"])
        assert response.content.startswith(b"%PDF")
        teks = pdf_teks(response.content)
        assert len(halaman(teks)) == 2
        pernyataan, lampiran = halaman(teks)
        assert "Dalam rangka mewujudkan manajemen pemerintahan" in pernyataan
        assert "SASARAN STRATEGIS" in lampiran and "ANGGARAN (Rp)" in lampiran


def test_pk_renders_with_its_stylesheet(client, operator, caplog):
    """WeasyPrint only logs what it cannot load: a missing stylesheet would print an unstyled
    document (no page layout, no table borders, no watermark) without any other sign."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        assert unduh(client, pk_kecamatan(0)).status_code == 200
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_draft_pk_is_marked_draf_on_every_page_and_final_is_not(client, operator):
    teks = teks_pk(client, draf_baru(pernyataan=""))

    assert "PERUBAHAN KE-2 PERJANJIAN KINERJA TAHUN 2023" in teks
    assert all("DRAF" in h for h in halaman(teks))
    # no target and no program yet: the tables say so, the total is zero
    assert "Belum ada target kinerja." in teks
    assert "0,00" in baris_dengan(teks, "JUMLAH")
    # the standard promise text when the PK has none
    assert "Pihak kedua akan memberikan supervisi yang diperlukan" in teks

    for versi in (0, 1):
        assert "DRAF" not in teks_pk(client, pk_kecamatan(versi))


def test_user_text_is_printed_as_typed_never_as_markup(client, operator):
    pernyataan = (
        "Pihak pertama berjanji <b>tebal</b> & <script>alert(1)</script>.\n\nParagraf kedua."
    )
    teks = teks_pk(client, draf_baru(pernyataan=pernyataan))

    assert "<b>tebal</b>" in teks
    assert "<script>alert(1)</script>" in teks
    assert "Paragraf kedua." in teks
    # the PK's own text replaces the standard promise
    assert "Pihak kedua akan memberikan supervisi" not in teks


def test_pk_of_another_opd_is_not_found(client, login):
    login("operator.organisasi")
    assert unduh(client, pk_kecamatan(0)).status_code == 404


def test_pk_pdf_requires_login(client):
    response = unduh(client, pk_kecamatan(0))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
