"""The capaian engine (apps/pengukuran/capaian.py, DOMAIN.md "Computations")."""

from decimal import Decimal

import pytest

from apps.core.angka import bulatkan
from apps.pengukuran.capaian import (
    Hasil,
    Rentang,
    capaian,
    capaian_indikator,
    capaian_teks,
    predikat,
    rata_rata_capaian,
    realisasi_tahunan,
    rumus_kolom,
    tingkat_kemajuan,
)

D = Decimal


# --- capaian ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "harapan"),
    [
        # seed 000: the document states 100,01 % and 47,7 %; the ratios are these.
        ("78.2", "79.41", "101.55"),
        ("4.85", "2.14", "44.12"),
        # seed 003.  The report prints 105.90 for 90.02 / 85; the ratio is 105.9059,
        # which rounds half-up to 105.91 (105.90 would need truncation).
        ("85", "90.02", "105.91"),
        ("80", "87.29", "109.11"),
        ("70", "90.13", "128.76"),
        ("80", "80", "100.00"),
        ("80", "0", "0.00"),
    ],
)
def test_capaian_positif(target, realisasi, harapan):
    hasil = capaian(D(target), D(realisasi))
    assert bulatkan(hasil.nilai) == D(harapan)
    assert hasil.rumus == "realisasi / target × 100"


def test_capaian_ditampilkan_dengan_koma_dua_desimal():
    assert str(capaian(D("78.2"), D("79.41"))) == "101,55 %"


@pytest.mark.parametrize(
    ("realisasi", "harapan"),
    [("8", "120.00"), ("10", "100.00"), ("12", "80.00"), ("20", "0.00"), ("25", "-50.00")],
)
def test_capaian_negatif_rumus_selisih_bawaan(realisasi, harapan):
    hasil = capaian(D("10"), D(realisasi), polaritas="negatif")
    assert bulatkan(hasil.nilai) == D(harapan)
    assert hasil.rumus == "(2 × target − realisasi) / target × 100"


@pytest.mark.parametrize(
    ("realisasi", "harapan"), [("8", "125.00"), ("10", "100.00"), ("12", "83.33")]
)
def test_capaian_negatif_rumus_rasio(realisasi, harapan):
    hasil = capaian(D("10"), D(realisasi), polaritas="negatif", rumus_negatif="rasio")
    assert bulatkan(hasil.nilai) == D(harapan)
    assert hasil.rumus == "target / realisasi × 100"


def test_capaian_negatif_rasio_realisasi_nol_tidak_dapat_dihitung():
    hasil = capaian(D("10"), D("0"), polaritas="negatif", rumus_negatif="rasio")
    assert hasil.nilai is None
    assert "realisasi 0" in hasil.alasan


@pytest.mark.parametrize("kwargs", [{}, {"polaritas": "negatif"}, {"polaritas": "positif"}])
def test_target_nol_tidak_dapat_dihitung(kwargs):
    hasil = capaian(D("0"), D("5"), **kwargs)
    assert hasil.nilai is None
    assert hasil.ada is False
    assert "target 0" in hasil.alasan
    assert str(hasil) == "tidak dapat dihitung (target 0)"


@pytest.mark.parametrize(
    ("target", "realisasi", "alasan"),
    [
        (D("80"), None, "realisasi belum diisi"),
        (None, D("80"), "target belum ditetapkan"),
        (None, None, "target belum ditetapkan"),
        (D("80"), "Baik", "nilai bukan angka"),
        ("Baik", D("80"), "nilai bukan angka"),
    ],
)
def test_capaian_tanpa_nilai_angka_tidak_dapat_dihitung(target, realisasi, alasan):
    hasil = capaian(target, realisasi)
    assert hasil.nilai is None
    assert hasil.alasan == alasan
    assert str(hasil) == f"tidak dapat dihitung ({alasan})"


# --- capaian_teks ----------------------------------------------------------------------------

PILIHAN = ["Kurang", "Cukup", "Baik", "Sangat Baik"]


@pytest.mark.parametrize(
    ("target", "realisasi", "harapan"),
    [
        ("Baik", "Baik", "100.00"),
        ("Baik", "Sangat Baik", "133.33"),
        ("Baik", "Cukup", "66.67"),
        ("Sangat Baik", "Kurang", "25.00"),
    ],
)
def test_capaian_teks(target, realisasi, harapan):
    hasil = capaian_teks(target, realisasi, PILIHAN)
    assert bulatkan(hasil.nilai) == D(harapan)
    assert "peringkat" in hasil.rumus


@pytest.mark.parametrize(
    ("target", "realisasi", "alasan"),
    [
        ("Baik", "", "realisasi belum diisi"),
        ("Baik", None, "realisasi belum diisi"),
        ("", "Baik", "target belum ditetapkan"),
        ("Baik", "Luar Biasa", "nilai teks di luar daftar pilihan"),
        ("Istimewa", "Baik", "nilai teks di luar daftar pilihan"),
    ],
)
def test_capaian_teks_tidak_dapat_dihitung(target, realisasi, alasan):
    hasil = capaian_teks(target, realisasi, PILIHAN)
    assert hasil.nilai is None
    assert hasil.alasan == alasan


# --- realisasi_tahunan -----------------------------------------------------------------------

EMPAT_TRIWULAN = {1: D("10"), 2: D("20"), 3: D("30"), 4: D("25")}


@pytest.mark.parametrize(
    ("cara", "harapan"),
    [("kumulatif", "85"), ("nilai_akhir", "25"), ("rata_rata", "21.25"), ("maksimum", "30")],
)
def test_realisasi_tahunan_empat_triwulan(cara, harapan):
    assert realisasi_tahunan(EMPAT_TRIWULAN, cara).nilai == D(harapan)


@pytest.mark.parametrize(
    ("cara", "harapan"),
    [("kumulatif", "40"), ("nilai_akhir", "30"), ("rata_rata", "20"), ("maksimum", "30")],
)
def test_realisasi_tahunan_triwulan_yang_belum_diisi_dilewati(cara, harapan):
    nilai = {1: D("10"), 2: None, 3: D("30")}
    assert realisasi_tahunan(nilai, cara).nilai == D(harapan)


def test_nilai_akhir_adalah_triwulan_terakhir_bukan_urutan_isian():
    hasil = realisasi_tahunan({4: D("25"), 1: D("10"), 3: None}, "nilai_akhir")
    assert hasil.nilai == D("25")
    assert hasil.rumus == "nilai Triwulan IV"


def test_nilai_akhir_menyebut_triwulan_yang_dipakai():
    assert realisasi_tahunan({1: D("10"), 2: D("12"), 3: None, 4: None}, "nilai_akhir").rumus == (
        "nilai Triwulan II"
    )


@pytest.mark.parametrize("nilai", [{}, {1: None, 2: None, 3: None, 4: None}])
def test_realisasi_tahunan_tanpa_triwulan_tidak_dapat_dihitung(nilai):
    hasil = realisasi_tahunan(nilai, "kumulatif")
    assert hasil.nilai is None
    assert hasil.alasan == "belum ada realisasi triwulan"


def test_realisasi_tahunan_cara_tidak_dikenal():
    hasil = realisasi_tahunan(EMPAT_TRIWULAN, "median")
    assert hasil.nilai is None
    assert "median" in hasil.alasan


# --- rata_rata_capaian -----------------------------------------------------------------------


def test_rata_rata_capaian():
    hasil = rata_rata_capaian([capaian(D("80"), D("87.29")), capaian(D("70"), D("90.13"))])
    assert bulatkan(hasil.nilai) == D("118.93")
    assert hasil.alasan == ""


def test_rata_rata_capaian_melewatkan_yang_tidak_dapat_dihitung():
    hasil = rata_rata_capaian(
        [
            capaian(D("100"), D("100")),
            capaian(D("0"), D("5")),
            capaian(D("100"), D("80")),
            capaian(D("100"), None),
        ]
    )
    assert hasil.nilai == D("90")
    assert hasil.alasan == "2 dari 4 tidak dapat dihitung"


@pytest.mark.parametrize("daftar", [[], [Hasil(None, "target 0"), Hasil(None, "x")]])
def test_rata_rata_capaian_tanpa_nilai(daftar):
    hasil = rata_rata_capaian(daftar)
    assert hasil.nilai is None
    assert hasil.alasan == "tidak ada capaian yang dapat dihitung"


def test_rata_rata_capaian_menerima_generator():
    hasil = rata_rata_capaian(capaian(D("100"), D(r)) for r in ("90", "110"))
    assert hasil.nilai == D("100")


# --- predikat --------------------------------------------------------------------------------

SKALA_000 = [
    Rentang("Baik Sekali", D("85"), None),
    Rentang("Baik", D("70"), D("85")),
    Rentang("Cukup Baik", D("55"), D("70")),
    Rentang("Kurang Baik", None, D("55")),
]

SKALA_003 = [
    Rentang("Sangat Memuaskan", D("90"), None),
    Rentang("Memuaskan", D("80"), D("90")),
    Rentang("Sangat Baik", D("70"), D("80")),
    Rentang("Baik", D("60"), D("70")),
    Rentang("Cukup", D("50"), D("60")),
    Rentang("Kurang", D("30"), D("50")),
    Rentang("Sangat Kurang", None, D("30")),
]

SKALA_86_2017 = [
    Rentang("Sangat Tinggi", D("90"), None),
    Rentang("Tinggi", D("75"), D("90")),
    Rentang("Sedang", D("65"), D("75")),
    Rentang("Rendah", D("50"), D("65")),
    Rentang("Sangat Rendah", None, D("50")),
]


@pytest.mark.parametrize(
    ("nilai", "label"),
    [
        ("128.76", "Baik Sekali"),
        ("100", "Baik Sekali"),
        ("85", "Baik Sekali"),
        ("84.99", "Baik"),
        ("70", "Baik"),
        ("69.99", "Cukup Baik"),
        ("55", "Cukup Baik"),
        ("54.99", "Kurang Baik"),
        ("44.12", "Kurang Baik"),
        ("0", "Kurang Baik"),
        ("-20", "Kurang Baik"),
    ],
)
def test_predikat_skala_seed_000(nilai, label):
    assert predikat(D(nilai), SKALA_000, tepi="bawah").label == label


@pytest.mark.parametrize(
    ("nilai", "label"),
    [
        ("128.76", "Sangat Memuaskan"),
        ("100", "Sangat Memuaskan"),
        ("90", "Sangat Memuaskan"),
        ("89.99", "Memuaskan"),
        ("89.5", "Memuaskan"),
        ("80", "Memuaskan"),
        ("79.99", "Sangat Baik"),
        ("70", "Sangat Baik"),
        ("69.99", "Baik"),
        ("60", "Baik"),
        ("59.99", "Cukup"),
        ("50", "Cukup"),
        ("49.99", "Kurang"),
        ("30", "Kurang"),
        ("29.99", "Sangat Kurang"),
        ("0", "Sangat Kurang"),
        ("-20", "Sangat Kurang"),
    ],
)
def test_predikat_skala_seed_003(nilai, label):
    assert predikat(D(nilai), SKALA_003, tepi="bawah").label == label


@pytest.mark.parametrize(
    ("nilai", "label"),
    [
        ("-5", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
        ("50", "Sangat Rendah"),
        ("50.01", "Rendah"),
        ("65", "Rendah"),
        ("65.01", "Sedang"),
        ("75", "Sedang"),
        ("75.01", "Tinggi"),
        ("90", "Tinggi"),
        ("90.01", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        ("128.76", "Sangat Tinggi"),
    ],
)
def test_predikat_permendagri_86_2017_tepi_atas(nilai, label):
    assert predikat(D(nilai), SKALA_86_2017, tepi="atas").label == label


def test_predikat_tepi_bawah_adalah_bawaan():
    assert predikat(D("85"), SKALA_000).label == "Baik Sekali"
    assert predikat(D("89.5"), SKALA_003).label == "Memuaskan"


def test_predikat_dari_capaian_yang_dihitung():
    hasil = capaian(D("70"), D("90.13"))
    assert predikat(hasil.nilai, SKALA_003).label == "Sangat Memuaskan"
    negatif = capaian(D("10"), D("25"), polaritas="negatif")
    assert negatif.nilai < 0
    assert predikat(negatif.nilai, SKALA_003).label == "Sangat Kurang"


@pytest.mark.parametrize(
    ("skala", "tepi"), [(SKALA_000, "bawah"), (SKALA_003, "bawah"), (SKALA_86_2017, "atas")]
)
def test_predikat_tidak_bergantung_pada_urutan_rentang(skala, tepi):
    for sen in range(-1000, 15001, 25):
        nilai = D(sen) / 100
        assert predikat(nilai, skala, tepi) == predikat(nilai, list(reversed(skala)), tepi)
        assert predikat(nilai, skala, tepi) is not None


@pytest.mark.parametrize("skala", [SKALA_000, SKALA_003, SKALA_86_2017])
def test_predikat_tanpa_capaian(skala):
    assert predikat(None, skala) is None
    assert predikat(capaian(D("0"), D("5")).nilai, skala, tepi="atas") is None


def test_predikat_mengembalikan_rentang_dengan_warnanya():
    skala = [Rentang("Baik", D("50"), None, "#2e7d32"), Rentang("Kurang", None, D("50"), "#c62828")]
    assert predikat(D("60"), skala) == skala[0]
    assert predikat(D("60"), skala).warna == "#2e7d32"


# --- tingkat_kemajuan ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("realisasi", "target_akhir", "harapan"),
    [("90.02", "90.10", "99.91"), ("80", "100", "80.00"), ("110", "100", "110.00")],
)
def test_tingkat_kemajuan(realisasi, target_akhir, harapan):
    assert bulatkan(tingkat_kemajuan(D(realisasi), D(target_akhir)).nilai) == D(harapan)


@pytest.mark.parametrize(
    ("realisasi", "target_akhir", "rumus", "harapan"),
    [
        # stunting 15,4 % against an end target of 12 %: (2 × 12 − 15,4) / 12 × 100
        ("15.4", "12", "selisih", "71.67"),
        # maternal deaths 85 against 80: (160 − 85) / 80 × 100
        ("85", "80", "selisih", "93.75"),
        # the kabupaten's other rule: 12 / 15,4 × 100
        ("15.4", "12", "rasio", "77.92"),
        # better than the end target: above 100 %
        ("10", "12", "selisih", "116.67"),
    ],
)
def test_tingkat_kemajuan_of_a_lower_is_better_indicator(realisasi, target_akhir, rumus, harapan):
    """Issue 18: progress ignored polarity (stunting 15,4 against 12 printed 128,33 %)."""
    hasil = tingkat_kemajuan(
        D(realisasi), D(target_akhir), polaritas="negatif", rumus_negatif=rumus
    )
    assert bulatkan(hasil.nilai) == D(harapan)


def test_rumus_kolom_writes_the_formula_with_the_column_numbers():
    assert rumus_kolom("positif", "selisih", realisasi="5", target="4") == "5 / 4 × 100"
    assert rumus_kolom("negatif", "selisih", realisasi="5", target="4") == "(2 × 4 − 5) / 4 × 100"
    assert rumus_kolom("negatif", "rasio", realisasi="2", target="3") == "3 / 2 × 100"


def test_tingkat_kemajuan_tanpa_target_akhir():
    assert tingkat_kemajuan(D("80"), D("0")).alasan == "target 0"
    assert tingkat_kemajuan(None, D("100")).alasan == "realisasi belum diisi"


# --- capaian_indikator: one indicator's year as every page shows it ---------------------------


def _ci(**kw):
    base = {
        "jenis_nilai": "angka",
        "agregasi": "nilai_akhir",
        "polaritas": "positif",
        "target": D("85"),
        "target_teks": "",
        "rentang": SKALA_003,
        "tepi": "bawah",
    }
    return capaian_indikator(**{**base, **kw})


def test_capaian_indikator_seed_003_ikm():
    hasil = _ci(nilai_triwulan={1: None, 2: None, 3: None, 4: D("90.02")})
    assert hasil.tahunan.nilai == D("90.02")
    assert bulatkan(hasil.capaian.nilai) == D("105.91")
    assert hasil.predikat.label == "Sangat Memuaskan"


@pytest.mark.parametrize(
    ("agregasi", "tahunan", "capaian_"),
    [
        ("kumulatif", "100", "100.00"),
        ("nilai_akhir", "40", "40.00"),
        ("rata_rata", "25", "25.00"),
        ("maksimum", "40", "40.00"),
    ],
)
def test_capaian_indikator_by_aggregation(agregasi, tahunan, capaian_):
    hasil = _ci(
        agregasi=agregasi,
        target=D("100"),
        nilai_triwulan={1: D("10"), 2: D("20"), 3: D("30"), 4: D("40")},
    )
    assert hasil.tahunan.nilai == D(tahunan)
    assert bulatkan(hasil.capaian.nilai) == D(capaian_)


def test_capaian_indikator_negative_polarity_uses_the_kabupaten_rule():
    selisih = _ci(polaritas="negatif", target=D("10"), nilai_triwulan={4: D("8")})
    rasio = _ci(
        polaritas="negatif", target=D("10"), nilai_triwulan={4: D("8")}, rumus_negatif="rasio"
    )
    assert (bulatkan(selisih.capaian.nilai), selisih.capaian.rumus) == (
        D("120.00"),
        "(2 × target − realisasi) / target × 100",
    )
    assert (bulatkan(rasio.capaian.nilai), rasio.capaian.rumus) == (
        D("125.00"),
        "target / realisasi × 100",
    )


def test_capaian_indikator_without_values_or_target_says_why():
    kosong = _ci(nilai_triwulan={1: None, 2: None})
    assert (kosong.capaian.nilai, kosong.tahunan.alasan, kosong.predikat) == (
        None,
        "belum ada realisasi triwulan",
        None,
    )
    nol = _ci(target=D("0"), nilai_triwulan={1: D("5")})
    assert (nol.capaian.nilai, nol.capaian.alasan, nol.predikat) == (None, "target 0", None)


def test_capaian_indikator_text_value_takes_the_last_reported_and_ranks_it():
    pilihan = ["C", "B", "BB", "A"]
    hasil = _ci(
        jenis_nilai="teks",
        target=None,
        target_teks="BB",
        pilihan=pilihan,
        nilai_triwulan={1: "B", 2: "", 3: "A", 4: None},
    )
    assert hasil.tahunan_teks == "A"
    assert bulatkan(hasil.capaian.nilai) == D("133.33")
    assert hasil.predikat.label == "Sangat Memuaskan"
