"""Numbers typed and shown the Indonesian way (apps/core/angka.py, DOMAIN.md "Computations")."""

from decimal import Decimal

import pytest

from apps.core.angka import (
    AngkaError,
    bulatkan,
    format_angka,
    format_persen,
    format_rupiah,
    parse_angka,
)
from apps.core.forms import AngkaField


def pesan(exc_info) -> str:
    return " ".join(exc_info.value.messages)


# --- parse_angka: accepted input -------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("78,2", Decimal("78.2")),
        ("79,41", Decimal("79.41")),
        ("1.234,5", Decimal("1234.5")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("1.234.567", Decimal("1234567")),
        ("79.41", Decimal("79.41")),
        ("78.2", Decimal("78.2")),
        ("0,5", Decimal("0.5")),
        ("1234", Decimal("1234")),
        ("Rp 15.490.556.938", Decimal("15490556938")),
        ("Rp. 1.000,50", Decimal("1000.50")),
        ("rp15.490.556.938", Decimal("15490556938")),
        ("-5", Decimal("-5")),
        ("-1.234,5", Decimal("-1234.5")),
        ("+7", Decimal("7")),
        ("  12 ", Decimal("12")),
        ("\u00a012,5\u00a0", Decimal("12.5")),
        ("1,2345", Decimal("1.2345")),
        ("12,50000", Decimal("12.5")),
    ],
)
def test_parse_angka_menerima_bentuk_indonesia(teks, harapan):
    assert parse_angka(teks) == harapan


@pytest.mark.parametrize("teks", [None, "", "   ", "\u00a0"])
def test_parse_angka_kosong_berarti_none(teks):
    assert parse_angka(teks) is None


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [(Decimal("78.2"), Decimal("78.2")), (15, Decimal("15")), (-3, Decimal("-3"))],
)
def test_parse_angka_menerima_decimal_dan_int(nilai, harapan):
    assert parse_angka(nilai) == harapan


def test_parse_angka_menolak_float():
    with pytest.raises(AngkaError) as exc:
        parse_angka(78.2)
    assert "pecahan biner" in pesan(exc)


# --- parse_angka: refused input ---------------------------------------------------------------


@pytest.mark.parametrize("teks", ["1.234", "12.345", "999.999", "-1.234"])
def test_parse_angka_menolak_yang_bermakna_ganda(teks):
    with pytest.raises(AngkaError) as exc:
        parse_angka(teks)
    assert "bermakna ganda" in pesan(exc)
    assert exc.value.code == "ambigu"


def test_pesan_bermakna_ganda_menunjukkan_dua_tafsiran():
    with pytest.raises(AngkaError) as exc:
        parse_angka("1.234")
    assert "1234" in pesan(exc)
    assert "1,234" in pesan(exc)


@pytest.mark.parametrize(
    "teks",
    [
        "abc",
        "12a",
        "NaN",
        "nan",
        "inf",
        "Infinity",
        "-inf",
        "1e5",
        ",5",
        "5,",
        "5.",
        "-",
        "Rp",
        "1,234.5",
    ],
)
def test_parse_angka_menolak_yang_bukan_angka(teks):
    with pytest.raises(AngkaError) as exc:
        parse_angka(teks)
    assert "bukan angka" in pesan(exc)


@pytest.mark.parametrize("nilai", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_parse_angka_menolak_decimal_tak_terhingga(nilai):
    with pytest.raises(AngkaError) as exc:
        parse_angka(nilai)
    assert "bukan angka" in pesan(exc)


def test_parse_angka_menolak_dua_koma():
    with pytest.raises(AngkaError) as exc:
        parse_angka("1,2,3")
    assert "lebih dari satu koma" in pesan(exc)


@pytest.mark.parametrize("teks", ["1.23.4", "12.34.567", "1234.567,8", "1.23,4", "1.2345,6"])
def test_parse_angka_menolak_pemisah_ribuan_yang_salah(teks):
    with pytest.raises(AngkaError) as exc:
        parse_angka(teks)
    assert "pemisah ribuan" in pesan(exc)


def test_parse_angka_tidak_membulatkan_desimal_berlebih():
    with pytest.raises(AngkaError) as exc:
        parse_angka("12,345678", desimal=4)
    teks = pesan(exc)
    assert "paling banyak 4 angka di belakang koma" in teks
    assert "memiliki 6" in teks
    assert "tidak dibulatkan" in teks


@pytest.mark.parametrize(
    ("teks", "desimal"), [("12,345", 2), ("0,5", 0), ("79.41", 1), ("1.234,56789", 4)]
)
def test_parse_angka_desimal_berlebih_selalu_ditolak(teks, desimal):
    with pytest.raises(AngkaError) as exc:
        parse_angka(teks, desimal=desimal)
    assert exc.value.code == "desimal_berlebih"


def test_nol_di_belakang_koma_tidak_dihitung_sebagai_desimal():
    assert parse_angka("78,20", desimal=1) == Decimal("78.2")
    assert parse_angka("15.000,00", desimal=0) == Decimal("15000")


@pytest.mark.parametrize("teks", ["-5", "-0,01", "Rp -1.000,00"])
def test_parse_angka_menolak_negatif_bila_tidak_boleh(teks):
    with pytest.raises(AngkaError) as exc:
        parse_angka(teks, boleh_negatif=False)
    assert "tidak boleh negatif" in pesan(exc)


def test_parse_angka_nol_bukan_negatif():
    assert parse_angka("0", boleh_negatif=False) == Decimal("0")


def test_pesan_kesalahan_menyebut_label_dan_teks_yang_diketik():
    with pytest.raises(AngkaError) as exc:
        parse_angka("abc", label="Realisasi Triwulan I")
    assert pesan(exc).startswith("Realisasi Triwulan I:")
    assert "abc" in pesan(exc)


# --- display -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (Decimal("1234567.891"), "1.234.567,89"),
        (Decimal("78.2"), "78,20"),
        (Decimal("0"), "0,00"),
        (Decimal("999"), "999,00"),
        (Decimal("1000"), "1.000,00"),
        (Decimal("2.345"), "2,35"),
        (Decimal("2.344"), "2,34"),
        (Decimal("2.355"), "2,36"),
        (Decimal("0.005"), "0,01"),
        (Decimal("-1234567.891"), "-1.234.567,89"),
        (Decimal("-2.345"), "-2,35"),
        (Decimal("-0.001"), "0,00"),
        (5, "5,00"),
    ],
)
def test_format_angka(nilai, harapan):
    assert format_angka(nilai) == harapan


def test_format_angka_none_kosong():
    assert format_angka(None) == ""


@pytest.mark.parametrize(
    ("nilai", "desimal", "harapan"),
    [
        (Decimal("1234.5"), 0, "1.235"),
        (Decimal("1234.4"), 0, "1.234"),
        (Decimal("1.23456"), 4, "1,2346"),
        (Decimal("1234.5678"), None, "1.234,5678"),
    ],
)
def test_format_angka_jumlah_desimal(nilai, desimal, harapan):
    assert format_angka(nilai, desimal) == harapan


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (Decimal("78.20"), "78,2"),
        (Decimal("100.00"), "100"),
        (Decimal("1500000"), "1.500.000"),
        (Decimal("-78.20"), "-78,2"),
    ],
)
def test_format_angka_buang_nol(nilai, harapan):
    assert format_angka(nilai, buang_nol=True) == harapan


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (Decimal("15490556938"), "Rp 15.490.556.938"),
        (Decimal("37690000"), "Rp 37.690.000"),
        (Decimal("0"), "Rp 0"),
        (Decimal("999.5"), "Rp 1.000"),
        (Decimal("-52842496"), "Rp -52.842.496"),
    ],
)
def test_format_rupiah(nilai, harapan):
    assert format_rupiah(nilai) == harapan


def test_format_rupiah_dengan_sen_dan_none():
    assert format_rupiah(Decimal("1234.5"), sen=True) == "Rp 1.234,50"
    assert format_rupiah(None) == ""


def test_format_rupiah_sen_hanya_bila_ada():
    assert format_rupiah(Decimal("4000000.40"), sen=None) == "Rp 4.000.000,40"
    assert format_rupiah(Decimal("4000000.00"), sen=None) == "Rp 4.000.000"
    assert format_rupiah(Decimal("0.4"), sen=None) == "Rp 0,40"


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (Decimal("101.5473"), "101,55 %"),
        (Decimal("44.1237"), "44,12 %"),
        (Decimal("191.8187"), "191,82 %"),
        (Decimal("100"), "100,00 %"),
        (Decimal("-20"), "-20,00 %"),
    ],
)
def test_format_persen(nilai, harapan):
    assert format_persen(nilai) == harapan


def test_format_persen_none_kosong():
    assert format_persen(None) == ""


@pytest.mark.parametrize(
    ("nilai", "desimal", "harapan"),
    [
        (Decimal("2.345"), 2, Decimal("2.35")),
        (Decimal("2.344"), 2, Decimal("2.34")),
        (Decimal("-2.345"), 2, Decimal("-2.35")),
        (Decimal("0.5"), 0, Decimal("1")),
        (Decimal("1.5"), 0, Decimal("2")),
        (Decimal("2.5"), 0, Decimal("3")),
        (Decimal("101.5473145780"), 2, Decimal("101.55")),
    ],
)
def test_bulatkan_setengah_ke_atas(nilai, desimal, harapan):
    assert bulatkan(nilai, desimal) == harapan


@pytest.mark.parametrize(
    ("nilai", "desimal", "tampil"),
    [
        (Decimal("1500"), 4, "1.500,00"),
        (Decimal("999999"), 2, "999.999,00"),
        (Decimal("1000"), 1, "1.000,0"),
        (Decimal("1500.5"), 4, "1.500,5"),
        (Decimal("8244451385"), 2, "8.244.451.385"),
        (Decimal("78.2"), 4, "78,2"),
        (Decimal("-2500"), 4, "-2.500,00"),
    ],
)
def test_isian_angka_terbaca_kembali_seperti_ditampilkan(nilai, desimal, tampil):
    """A stored number shown in an input is read back as the same number when the page is
    posted unchanged: `1.500` alone would be refused as ambiguous, so it shows `1.500,00`."""
    field = AngkaField(max_digits=18, decimal_places=desimal, label="Target")
    teks = field.widget.format_value(nilai)
    assert teks == tampil
    assert field.clean(teks) == nilai
