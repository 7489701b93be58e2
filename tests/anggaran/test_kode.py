"""Codes of the national nomenclature (apps/anggaran/kode.py, DOMAIN.md "Codes")."""

import pytest
from django.core.exceptions import ValidationError

from apps.anggaran.kode import Skema, Tingkat, parse_kode, tampil_kode, validate_kode


def pesan(exc_info) -> str:
    return " ".join(exc_info.value.messages)


@pytest.mark.parametrize(
    ("teks", "kanonik", "skema", "tingkat"),
    [
        ("7.01.02", "7.01.02", Skema.KEPMENDAGRI_050, Tingkat.PROGRAM),
        ("7.01.02.2.01", "7.01.02.2.01", Skema.KEPMENDAGRI_050, Tingkat.KEGIATAN),
        ("7.01.02.2.01.02", "7.01.02.2.01.0002", Skema.KEPMENDAGRI_050, Tingkat.SUB_KEGIATAN),
        ("7.01.02.2.01.0002", "7.01.02.2.01.0002", Skema.KEPMENDAGRI_050, Tingkat.SUB_KEGIATAN),
        ("7.01.03.2.01.03", "7.01.03.2.01.0003", Skema.KEPMENDAGRI_050, Tingkat.SUB_KEGIATAN),
        ("1.02.02.2.02.0033", "1.02.02.2.02.0033", Skema.KEPMENDAGRI_050, Tingkat.SUB_KEGIATAN),
        ("X.XX.01", "X.XX.01", Skema.KEPMENDAGRI_050, Tingkat.PROGRAM),
        ("  7.01.02  ", "7.01.02", Skema.KEPMENDAGRI_050, Tingkat.PROGRAM),
        ("4,01,05,01", "4,01,05,01", Skema.PERMENDAGRI_13, Tingkat.PROGRAM),
        ("4,01,05,01,20", "4,01,05,01,20", Skema.PERMENDAGRI_13, Tingkat.KEGIATAN),
    ],
)
def test_parse_kode_bentuk_yang_diterima(teks, kanonik, skema, tingkat):
    kode = parse_kode(teks)
    assert kode.teks == kanonik
    assert kode.skema == skema
    assert kode.tingkat == tingkat


def test_sub_kegiatan_dua_dan_empat_angka_adalah_kode_yang_sama():
    assert parse_kode("7.01.02.2.01.02") == parse_kode("7.01.02.2.01.0002")


@pytest.mark.parametrize(
    ("teks", "kanonik", "tingkat"),
    [
        ("01", "7.01.01", Tingkat.PROGRAM),
        ("01.2.01", "7.01.01.2.01", Tingkat.KEGIATAN),
        ("01.2.01.01", "7.01.01.2.01.0001", Tingkat.SUB_KEGIATAN),
        ("01.2.08.0003", "7.01.01.2.08.0003", Tingkat.SUB_KEGIATAN),
    ],
)
def test_program_penunjang_diperluas_dengan_bidang_opd(teks, kanonik, tingkat):
    kode = parse_kode(teks, kode_bidang="7.01")
    assert kode.teks == kanonik
    assert kode.tingkat == tingkat
    assert kode.skema == Skema.KEPMENDAGRI_050


@pytest.mark.parametrize("teks", ["01", "01.2.01", "01.2.01.01"])
def test_program_penunjang_tanpa_bidang_ditolak_dengan_petunjuk_konteks_opd(teks):
    with pytest.raises(ValidationError) as exc:
        parse_kode(teks)
    assert "konteks OPD" in pesan(exc)
    assert "tanpa urusan/bidang" in pesan(exc)
    assert teks in pesan(exc)


def test_kode_lengkap_tidak_diperluas_lagi_dalam_konteks_opd():
    assert parse_kode("7.01.02.2.01", kode_bidang="7.01").teks == "7.01.02.2.01"


@pytest.mark.parametrize(
    ("teks", "induk"),
    [
        ("7.01.02", None),
        ("7.01.02.2.01", "7.01.02"),
        ("7.01.02.2.01.02", "7.01.02.2.01"),
        ("7.01.02.2.01.0002", "7.01.02.2.01"),
        ("4,01,05,01", None),
        ("4,01,05,01,20", "4,01,05,01"),
    ],
)
def test_induk_diturunkan_dari_kode(teks, induk):
    assert parse_kode(teks).induk == induk


def test_induk_program_penunjang_dalam_konteks_opd():
    sub = parse_kode("01.2.01.01", kode_bidang="7.01")
    kegiatan = parse_kode(sub.induk)
    assert kegiatan.teks == "7.01.01.2.01"
    assert kegiatan.tingkat == Tingkat.KEGIATAN
    assert kegiatan.induk == "7.01.01"


@pytest.mark.parametrize(
    "teks",
    [
        "7.1.02",
        "7.01.02.2",
        "abc",
        "7.01.02.2.01.002",
        "7.01.02.2.01.2",
        "7.01.02.2.01.00002",
        "7.01",
        "7.01.2",
        "7.01.02.22.01",
        "7,01.02",
        "4,01,05",
        "4,01,05,01,20,01",
        "4,1,05,01",
        "7.01.02.",
        "7..01.02",
    ],
)
def test_kode_yang_salah_bentuk_ditolak(teks):
    with pytest.raises(ValidationError) as exc:
        parse_kode(teks)
    assert "tidak dikenali" in pesan(exc)
    assert "Bentuk yang diterima" in pesan(exc)
    assert teks in pesan(exc)


@pytest.mark.parametrize("teks", ["", "   ", None])
def test_kode_kosong_ditolak(teks):
    with pytest.raises(ValidationError) as exc:
        parse_kode(teks)
    assert "Kode kosong" in pesan(exc)


def test_validate_kode_tingkat_yang_benar():
    kode = validate_kode("7.01.02.2.01.02", tingkat=Tingkat.SUB_KEGIATAN)
    assert kode.teks == "7.01.02.2.01.0002"


@pytest.mark.parametrize(
    ("teks", "tingkat", "ada", "harus"),
    [
        ("7.01.02", Tingkat.KEGIATAN, "program", "kegiatan"),
        ("7.01.02.2.01", Tingkat.SUB_KEGIATAN, "kegiatan", "sub kegiatan"),
        ("7.01.02.2.01.0002", Tingkat.PROGRAM, "sub kegiatan", "program"),
        ("4,01,05,01,20", Tingkat.PROGRAM, "kegiatan", "program"),
    ],
)
def test_validate_kode_tingkat_salah_menyebut_kedua_tingkat(teks, tingkat, ada, harus):
    with pytest.raises(ValidationError) as exc:
        validate_kode(teks, tingkat=tingkat)
    teks_pesan = pesan(exc)
    assert f"adalah kode {ada}," in teks_pesan
    assert f"bukan kode {harus}" in teks_pesan
    assert teks in teks_pesan


def test_validate_kode_tingkat_salah_memberi_contoh():
    with pytest.raises(ValidationError) as exc:
        validate_kode("7.01.02", tingkat=Tingkat.KEGIATAN)
    assert "contoh: 7.01.02.2.01" in pesan(exc)


def test_validate_kode_skema_berbeda_dengan_induk_ditolak():
    with pytest.raises(ValidationError) as exc:
        validate_kode("4,01,05,01,20", tingkat=Tingkat.KEGIATAN, skema=Skema.KEPMENDAGRI_050)
    assert "skema" in pesan(exc)
    assert "Permendagri 13/2006" in pesan(exc)
    assert "Kepmendagri 050-5889/2021" in pesan(exc)


def test_validate_kode_sub_kegiatan_tidak_ada_pada_skema_lama():
    with pytest.raises(ValidationError) as exc:
        validate_kode("4,01,05,01,20", tingkat=Tingkat.SUB_KEGIATAN, skema=Skema.PERMENDAGRI_13)
    assert "bukan kode sub kegiatan" in pesan(exc)


def test_validate_kode_salah_bentuk_tetap_ditolak():
    with pytest.raises(ValidationError) as exc:
        validate_kode("7.1.02", tingkat=Tingkat.PROGRAM)
    assert "tidak dikenali" in pesan(exc)


@pytest.mark.parametrize(
    ("teks", "kode_bidang", "harapan"),
    [
        ("7.01.01.2.01.0001", "7.01", "01.2.01.0001"),
        ("7.01.01.2.01", "7.01", "01.2.01"),
        ("7.01.01", "7.01", "01"),
        ("7.01.02.2.01.0002", "7.01", "7.01.02.2.01.0002"),
        ("7.01.01.2.01.0001", None, "7.01.01.2.01.0001"),
        ("1.02.01.2.01.0001", "7.01", "1.02.01.2.01.0001"),
    ],
)
def test_tampil_kode(teks, kode_bidang, harapan):
    assert tampil_kode(teks, kode_bidang) == harapan


def test_tampil_kode_kembali_ke_kode_yang_sama_saat_diparse_ulang():
    kanonik = parse_kode("01.2.01.01", kode_bidang="7.01").teks
    pendek = tampil_kode(kanonik, "7.01")
    assert parse_kode(pendek, kode_bidang="7.01").teks == kanonik
