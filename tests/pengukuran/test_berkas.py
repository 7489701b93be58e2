"""Evidence files are checked by content, never by name (apps/pengukuran/berkas.py)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from pdf_uji import (
    PDF,
    pdf_berkas_tersemat,
    pdf_buka_halaman,
    pdf_javascript,
    pdf_launch,
)
from PIL import Image

from apps.pengukuran.berkas import check_bukti, nama_bersih


def _png():
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buf, "PNG")
    return buf.getvalue()


def test_a_real_pdf_is_accepted_whatever_its_name():
    hasil = check_bukti(SimpleUploadedFile("scan.bin", PDF))
    assert (hasil.jenis_konten, hasil.nama_asli, hasil.ukuran) == (
        "application/pdf",
        "scan.bin",
        len(PDF),
    )
    assert hasil.isi.name.endswith(".pdf") and "scan" not in hasil.isi.name


def test_a_real_png_is_accepted():
    assert check_bukti(SimpleUploadedFile("foto.png", _png())).jenis_konten == "image/png"


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("laporan.pdf", b"MZ\x90\x00 executable", "bukan PDF atau gambar JPEG/PNG"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "bukan PDF atau gambar JPEG/PNG"),
        ("kosong.pdf", b"", "kosong"),
        ("halaman.html", b"<html><script>alert(1)</script></html>", "bukan PDF"),
    ],
)
def test_files_that_are_not_pdf_or_image_are_refused(nama, isi, pesan):
    with pytest.raises(ValidationError, match=pesan):
        check_bukti(SimpleUploadedFile(nama, isi))


@pytest.mark.parametrize(
    ("buat", "isi_pesan"),
    [
        (pdf_javascript, "(JavaScript)"),
        (pdf_launch, "(perintah menjalankan program)"),
        (pdf_berkas_tersemat, "(berkas tersemat)"),
    ],
)
def test_a_pdf_with_active_content_is_refused_with_what_it_carries(buat, isi_pesan):
    """Refused, not cleaned: evidence is kept byte for byte with its SHA-256. The JavaScript
    and launch actions sit in a compressed object stream, where a search of the raw bytes
    would not see them."""
    isi = buat()
    assert b"JavaScript" not in isi and b"Launch" not in isi or buat is pdf_berkas_tersemat
    with pytest.raises(ValidationError) as e:
        check_bukti(SimpleUploadedFile("bukti.pdf", isi))
    assert e.value.messages == [
        f"Bukti dukung: berkas “bukti.pdf” ditolak karena berisi konten aktif {isi_pesan} yang "
        "dapat berjalan saat dibuka. Cetak ulang dokumennya ke PDF (Print to PDF / Microsoft "
        "Print to PDF), lalu unggah hasilnya."
    ]


def test_a_pdf_that_opens_on_its_first_page_is_ordinary():
    assert (
        check_bukti(SimpleUploadedFile("scan.pdf", pdf_buka_halaman())).jenis_konten
        == "application/pdf"
    )


@pytest.mark.parametrize(
    "isi", [b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", b"%PDF-1.7 lalu bukan PDF"]
)
def test_a_file_that_only_starts_like_a_pdf_is_refused(isi):
    with pytest.raises(ValidationError, match="bukan PDF yang utuh atau terkunci kata sandi"):
        check_bukti(SimpleUploadedFile("bukti.pdf", isi))


@override_settings(SAKIP_BUKTI_MAKS_BYTES=1024)
def test_a_file_over_the_limit_is_refused_with_both_sizes():
    with pytest.raises(ValidationError, match=r"terlalu besar \(97,7 KB\); paling besar 1 KB"):
        check_bukti(SimpleUploadedFile("besar.pdf", PDF + b"0" * (100_000 - len(PDF))))


@pytest.mark.parametrize(
    ("asli", "bersih"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\x\\bukti.pdf", "bukti.pdf"),
        ("..", "bukti"),
        ("a\x00b\nc.pdf", "abc.pdf"),
    ],
)
def test_original_names_lose_folders_and_control_characters(asli, bersih):
    assert nama_bersih(asli) == bersih


def _jpeg():
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(buf, "JPEG")
    return buf.getvalue()


def test_a_real_jpeg_is_accepted_and_a_truncated_one_refused():
    data = _jpeg()
    assert check_bukti(SimpleUploadedFile("foto.jpg", data)).jenis_konten == "image/jpeg"
    with pytest.raises(ValidationError, match="bukan PDF atau gambar JPEG/PNG yang utuh"):
        check_bukti(SimpleUploadedFile("foto.jpg", data[: len(data) // 2]))
