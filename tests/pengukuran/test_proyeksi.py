"""Early warning (apps/pengukuran/proyeksi.py): the projected year-end value of an indicator,
its capaian and predikat, and the sentences a reviewer reads. Expected numbers are worked out
by hand next to each case."""

from decimal import Decimal
from operator import attrgetter

import pytest

from apps.core.angka import bulatkan
from apps.pengukuran.capaian import Rentang
from apps.pengukuran.proyeksi import proyeksi_akhir_tahun

D = Decimal

SKALA_003 = [
    Rentang("Sangat Memuaskan", D("90"), None),
    Rentang("Memuaskan", D("80"), D("90")),
    Rentang("Sangat Baik", D("70"), D("80")),
    Rentang("Baik", D("60"), D("70")),
    Rentang("Cukup", D("50"), D("60")),
    Rentang("Kurang", D("30"), D("50")),
    Rentang("Sangat Kurang", None, D("30")),
]


def tw(*nilai):
    """Triwulan values in order from Triwulan I; None for a triwulan left empty."""
    return {i: None if v is None else D(v) for i, v in enumerate(nilai, start=1)}


def proyeksi(nilai_triwulan, *, agregasi, target, polaritas="positif", **kwargs):
    return proyeksi_akhir_tahun(
        agregasi=agregasi,
        polaritas=polaritas,
        jenis_nilai=kwargs.pop("jenis_nilai", "angka"),
        target=None if target is None else D(target),
        nilai_triwulan=nilai_triwulan,
        rentang=kwargs.pop("rentang", SKALA_003),
        **kwargs,
    )


def persen(p):
    return bulatkan(p.capaian.nilai)


# --- kumulatif -------------------------------------------------------------------------------


def test_kumulatif_satu_titik():
    # 60 + 60 × 3 = 240; 240 / 300 = 80 %
    p = proyeksi(tw("60"), agregasi="kumulatif", target="300")
    assert p.nilai == D("240")
    assert persen(p) == D("80.00")
    assert p.predikat.label == "Memuaskan"
    assert p.titik == 1
    assert p.keyakinan == "rendah"
    assert p.metode == (
        "Kumulatif: jumlah 1 triwulan yang dilaporkan (60) + rata-rata per triwulan (60) "
        "× 3 triwulan tersisa = 240"
    )
    assert p.catatan == (
        "Hanya satu titik data: triwulan lain dianggap sama dengan Triwulan I; perkiraan kasar."
    )


def test_kumulatif_dua_titik():
    # 130 + 65 × 2 = 260; 260 / 300 = 86,67 %
    p = proyeksi(tw("60", "70", None, None), agregasi="kumulatif", target="300")
    assert p.nilai == D("260")
    assert persen(p) == D("86.67")
    assert p.keyakinan == "sedang"
    assert p.titik == 2
    assert p.catatan == "Dua titik data: perkiraan, keteraturan nilai belum dapat dinilai."


def test_kumulatif_tiga_titik_menyimpang_dari_rata_rata_sedang():
    # 210 + 70 × 1 = 280; 280 / 300 = 93,33 %. 60 and 80 lie 10 from the mean 70 (14,29 %).
    p = proyeksi(tw("60", "70", "80", None), agregasi="kumulatif", target="300")
    assert p.nilai == D("280")
    assert persen(p) == D("93.33")
    assert p.predikat.label == "Sangat Memuaskan"
    assert p.keyakinan == "sedang"
    assert p.titik == 3
    assert not p.perlu_perhatian
    assert p.metode == (
        "Kumulatif: jumlah 3 triwulan yang dilaporkan (210) + rata-rata per triwulan (70) "
        "× 1 triwulan tersisa = 280"
    )
    assert p.catatan == (
        "Tiga titik data: perkiraan; simpangan terbesar dari rata-rata 10 "
        "(14,29 % dari rata-rata nilai, batas 5 %)."
    )


def test_kumulatif_tiga_titik_teratur_tinggi():
    # 300 + 100 × 1 = 400 = target; the values lie at most 1 (1 %) from their mean 100.
    p = proyeksi(tw("100", "101", "99"), agregasi="kumulatif", target="400")
    assert p.nilai == D("400")
    assert persen(p) == D("100.00")
    assert p.keyakinan == "tinggi"
    assert p.catatan == (
        "Tiga titik data: perkiraan; simpangan terbesar dari rata-rata 1 "
        "(1,00 % dari rata-rata nilai, batas 5 %)."
    )


def test_kumulatif_tw_iv_sudah_dilaporkan_adalah_nilai_tahunan():
    p = proyeksi(tw("60", "70", "80", "95"), agregasi="kumulatif", target="300")
    assert p.nilai == D("305")
    assert persen(p) == D("101.67")
    assert p.keyakinan == "tinggi"
    assert p.titik == 4
    assert p.metode == "Nilai tahunan: Triwulan IV sudah dilaporkan; jumlah triwulan = 305"
    assert p.catatan == "Bukan perkiraan: Triwulan IV sudah dilaporkan."


# --- nilai akhir -----------------------------------------------------------------------------


def test_nilai_akhir_satu_titik_tanpa_tren():
    p = proyeksi(tw(None, "80"), agregasi="nilai_akhir", target="90")
    assert p.nilai == D("80")
    assert persen(p) == D("88.89")
    assert p.keyakinan == "rendah"
    assert p.titik == 1
    assert p.metode == "Nilai akhir: nilai Triwulan II (80) dipakai apa adanya"
    assert p.catatan == (
        "Hanya satu titik data: tidak ada tren; proyeksi = nilai yang ada, bukan perkiraan. "
        "Triwulan I kosong."
    )


def test_nilai_akhir_dua_titik():
    # slope 5, mean 72,5 at x̄ 1,5: 72,5 + 5 × 2,5 = 85
    p = proyeksi(tw("70", "75"), agregasi="nilai_akhir", target="85")
    assert p.nilai == D("85")
    assert persen(p) == D("100.00")
    assert p.keyakinan == "sedang"
    assert p.metode == (
        "Nilai akhir: tren garis lurus dari Triwulan I–Triwulan II diperpanjang ke Triwulan IV "
        "(+5 per triwulan) = 85"
    )


def test_nilai_akhir_tiga_titik_garis_lurus_tinggi():
    # 70, 75, 80: slope 5, exactly on the line: 75 + 5 × 2 = 85
    p = proyeksi(tw("70", "75", "80"), agregasi="nilai_akhir", target="100")
    assert p.nilai == D("85")
    assert persen(p) == D("85.00")
    assert p.predikat.label == "Memuaskan"
    assert p.keyakinan == "tinggi"
    assert p.metode == (
        "Nilai akhir: tren garis lurus dari Triwulan I–Triwulan III diperpanjang ke Triwulan IV "
        "(+5 per triwulan) = 85"
    )
    assert p.catatan == (
        "Tiga titik data: perkiraan; simpangan terbesar dari garis tren 0 "
        "(0,00 % dari rata-rata nilai, batas 5 %)."
    )


def test_nilai_akhir_tiga_titik_tidak_lurus_sedang():
    # 70, 80, 75: slope (−1·−5 + 0·5 + 1·0) / 2 = 2,5; line 72,5 / 75 / 77,5;
    # largest residual 5 = 6,67 % of the mean 75; 75 + 2,5 × 2 = 80
    p = proyeksi(tw("70", "80", "75"), agregasi="nilai_akhir", target="100")
    assert p.nilai == D("80")
    assert p.keyakinan == "sedang"
    assert "(+2,5 per triwulan) = 80" in p.metode
    assert p.catatan == (
        "Tiga titik data: perkiraan; simpangan terbesar dari garis tren 5 "
        "(6,67 % dari rata-rata nilai, batas 5 %)."
    )


def test_nilai_akhir_tren_dihitung_dengan_decimal_tanpa_pembulatan():
    # 70, 71, 73: slope 1,5, mean 71⅓: 71⅓ + 1,5 × 2 = 74⅓, kept unrounded
    p = proyeksi(tw("70", "71", "73"), agregasi="nilai_akhir", target="100")
    assert p.nilai == D(223) / 3
    assert p.metode.endswith("(+1,5 per triwulan) = 74,33")


def test_nilai_akhir_tw_iv_sudah_dilaporkan():
    p = proyeksi(tw("70", "75", "80", "78"), agregasi="nilai_akhir", target="80")
    assert p.nilai == D("78")
    assert persen(p) == D("97.50")
    assert p.keyakinan == "tinggi"
    assert p.metode == "Nilai tahunan: Triwulan IV sudah dilaporkan; nilai Triwulan IV = 78"


# --- rata-rata -------------------------------------------------------------------------------


def test_rata_rata_satu_titik():
    p = proyeksi(tw("80"), agregasi="rata_rata", target="80")
    assert p.nilai == D("80")
    assert persen(p) == D("100.00")
    assert p.keyakinan == "rendah"
    assert p.metode == (
        "Rata-rata: rata-rata 1 triwulan yang dilaporkan (80); "
        "triwulan tersisa dianggap sama dengan rata-rata itu"
    )
    assert p.catatan == (
        "Hanya satu titik data: rata-rata tahunan dianggap sama dengan Triwulan I; perkiraan kasar."
    )


def test_rata_rata_dua_titik():
    p = proyeksi(tw("80", "70"), agregasi="rata_rata", target="80")
    assert p.nilai == D("75")
    assert persen(p) == D("93.75")
    assert p.keyakinan == "sedang"


def test_rata_rata_tiga_titik():
    # mean 80; 70 and 90 lie 10 from it (12,5 %)
    p = proyeksi(tw("80", "70", "90"), agregasi="rata_rata", target="100")
    assert p.nilai == D("80")
    assert persen(p) == D("80.00")
    assert p.keyakinan == "sedang"
    assert p.catatan == (
        "Tiga titik data: perkiraan; simpangan terbesar dari rata-rata 10 "
        "(12,50 % dari rata-rata nilai, batas 5 %)."
    )


def test_rata_rata_tw_iv_sudah_dilaporkan():
    p = proyeksi(tw("80", "70", "90", "100"), agregasi="rata_rata", target="100")
    assert p.nilai == D("85")
    assert p.keyakinan == "tinggi"
    assert p.metode == "Nilai tahunan: Triwulan IV sudah dilaporkan; rata-rata triwulan = 85"


# --- maksimum --------------------------------------------------------------------------------


def test_maksimum_satu_titik_batas_bawah():
    p = proyeksi(tw("50"), agregasi="maksimum", target="100")
    assert p.nilai == D("50")
    assert p.keyakinan == "rendah"
    assert (
        p.metode
        == "Maksimum: nilai tertinggi sejauh ini (50, Triwulan I); batas bawah nilai tahunan"
    )
    assert p.catatan == (
        "Hanya satu titik data: tidak ada tren; proyeksi = nilai yang ada, "
        "batas bawah nilai tahunan."
    )


def test_maksimum_dua_titik_turun_tanpa_catatan_tren():
    p = proyeksi(tw("50", "40"), agregasi="maksimum", target="100")
    assert p.nilai == D("50")
    assert p.keyakinan == "sedang"
    assert p.catatan == "Dua titik data: perkiraan, keteraturan nilai belum dapat dinilai."


def test_maksimum_tiga_titik_terakhir_tertinggi_tren_naik():
    p = proyeksi(tw("50", "40", "60"), agregasi="maksimum", target="100")
    assert p.nilai == D("60")
    assert p.keyakinan == "sedang"
    assert p.metode == (
        "Maksimum: nilai tertinggi sejauh ini (60, Triwulan III); batas bawah nilai tahunan"
    )
    assert p.catatan.endswith(
        "Triwulan III tertinggi sejauh ini: tren naik, nilai tahunan bisa lebih tinggi."
    )


def test_maksimum_polaritas_negatif_capaian_batas_atas():
    p = proyeksi(tw("8", "9"), agregasi="maksimum", target="10", polaritas="negatif")
    # (2 × 10 − 9) / 10 = 110 %; a higher Triwulan III or IV would lower it
    assert persen(p) == D("110.00")
    assert p.catatan.endswith(
        "Polaritas negatif: nilai tahunan yang lebih tinggi menurunkan capaian, "
        "jadi capaian proyeksi ini batas atas."
    )


def test_maksimum_tw_iv_sudah_dilaporkan():
    p = proyeksi(tw("50", "40", "60", "55"), agregasi="maksimum", target="100")
    assert p.nilai == D("60")
    assert p.keyakinan == "tinggi"
    assert p.metode == "Nilai tahunan: Triwulan IV sudah dilaporkan; nilai tertinggi triwulan = 60"


# --- gaps ------------------------------------------------------------------------------------


def test_celah_nilai_akhir_memakai_nomor_triwulan_sebenarnya():
    # x = 1 and 3 (not 1 and 2): slope 5, mean 75 at x̄ 2: 75 + 5 × 2 = 85.
    # Numbering the points 1, 2 would give slope 10 and 100.
    p = proyeksi(tw("70", None, "80"), agregasi="nilai_akhir", target="100")
    assert p.nilai == D("85")
    assert p.titik == 2
    assert p.metode == (
        "Nilai akhir: tren garis lurus dari Triwulan I, Triwulan III diperpanjang ke Triwulan IV "
        "(+5 per triwulan) = 85"
    )
    assert p.catatan == (
        "Dua titik data: perkiraan, keteraturan nilai belum dapat dinilai. "
        "Triwulan II kosong: tren memakai nomor triwulan yang sebenarnya."
    )


def test_celah_kumulatif_diperkirakan_pada_rata_rata():
    # 140 + 70 × 2 (Triwulan II and Triwulan IV) = 280
    p = proyeksi(tw("60", None, "80"), agregasi="kumulatif", target="300")
    assert p.nilai == D("280")
    assert "× 2 triwulan tersisa = 280" in p.metode
    assert p.catatan.endswith(
        "Triwulan II kosong: dihitung sebagai triwulan tersisa pada rata-rata."
    )


def test_celah_dengan_tw_iv_nilai_tahunan_dari_yang_dilaporkan():
    p = proyeksi(tw("60", None, "80", "90"), agregasi="kumulatif", target="300")
    assert p.nilai == D("230")
    assert p.catatan == (
        "Bukan perkiraan: Triwulan IV sudah dilaporkan. "
        "Triwulan II kosong: nilai tahunan dihitung dari triwulan yang dilaporkan saja."
    )


# --- polarity, target, no projection ---------------------------------------------------------


def test_polaritas_negatif_angka_kematian_rumus_selisih():
    # 12, 11: slope −1, mean 11,5 at x̄ 1,5: 11,5 − 2,5 = 9; (2 × 10 − 9) / 10 × 100 = 110 %
    p = proyeksi(tw("12", "11"), agregasi="nilai_akhir", target="10", polaritas="negatif")
    assert p.nilai == D("9")
    assert persen(p) == D("110.00")
    assert p.capaian.rumus == "(2 × target − realisasi) / target × 100"
    assert p.predikat.label == "Sangat Memuaskan"
    assert p.metode.endswith("(-1 per triwulan) = 9")


def test_polaritas_negatif_rumus_rasio():
    # 10 / 9 × 100 = 111,11 %
    p = proyeksi(
        tw("12", "11"),
        agregasi="nilai_akhir",
        target="10",
        polaritas="negatif",
        rumus_negatif="rasio",
    )
    assert persen(p) == D("111.11")
    assert p.capaian.rumus == "target / realisasi × 100"


def test_polaritas_negatif_memburuk_perlu_perhatian():
    # 14, 15: slope 1: 14,5 + 2,5 = 17; (20 − 17) / 10 = 30 %
    p = proyeksi(tw("14", "15"), agregasi="nilai_akhir", target="10", polaritas="negatif")
    assert persen(p) == D("30.00")
    assert p.predikat.label == "Kurang"
    assert p.perlu_perhatian


@pytest.mark.parametrize(
    ("target", "alasan"), [("0", "target 0"), (None, "target belum ditetapkan")]
)
def test_target_0_atau_kosong_capaian_dengan_alasan(target, alasan):
    p = proyeksi(tw("60", "70"), agregasi="kumulatif", target=target)
    assert p.nilai == D("260")
    assert p.capaian.nilai is None
    assert p.capaian.alasan == alasan
    assert p.predikat is None
    assert not p.perlu_perhatian


def test_indikator_teks_tidak_diproyeksikan():
    p = proyeksi({1: "Baik", 2: "Baik"}, agregasi="nilai_akhir", target=None, jenis_nilai="teks")
    assert p.nilai is None
    assert p.capaian.nilai is None
    assert p.predikat is None
    assert p.keyakinan == "tidak ada"
    assert p.catatan == "Indikator bernilai teks: tidak diproyeksikan."
    assert p.titik == 0
    assert not p.perlu_perhatian
    assert not p.belum_lapor


def test_indikator_teks_belum_dilaporkan():
    p = proyeksi({1: "", 2: None}, agregasi="nilai_akhir", target=None, jenis_nilai="teks")
    assert p.belum_lapor


@pytest.mark.parametrize("nilai_triwulan", [{}, tw(None, None, None, None)])
def test_belum_ada_realisasi(nilai_triwulan):
    p = proyeksi(nilai_triwulan, agregasi="kumulatif", target="300")
    assert p.nilai is None
    assert p.capaian.nilai is None
    assert p.capaian.alasan == "realisasi belum diisi"
    assert p.predikat is None
    assert p.keyakinan == "tidak ada"
    assert p.catatan == "Belum ada realisasi triwulan; tidak ada proyeksi."
    assert p.titik == 0
    assert p.belum_lapor
    assert not p.perlu_perhatian


def test_agregasi_tidak_dikenal_tidak_diproyeksikan():
    p = proyeksi(tw("60"), agregasi="median", target="300")
    assert p.nilai is None
    assert p.keyakinan == "tidak ada"
    assert p.catatan == "Cara agregasi 'median' tidak dikenal; tidak ada proyeksi."
    assert not p.belum_lapor


def test_rata_rata_nilai_0_tidak_membagi_dengan_nol():
    # -2, 0, 2 on a line through mean 0: 0 + 2 × 2 = 4
    p = proyeksi(tw("-2", "0", "2"), agregasi="nilai_akhir", target="4")
    assert p.nilai == D("4")
    assert p.keyakinan == "tinggi"
    assert "(rata-rata nilai 0, batas 5 %)" in p.catatan


def test_nilai_bulat_diterima():
    p = proyeksi_akhir_tahun(
        agregasi="kumulatif",
        polaritas="positif",
        jenis_nilai="angka",
        target=300,
        nilai_triwulan={1: 60, 2: 70, 3: 80},
    )
    assert p.nilai == D("280")
    assert p.predikat is None  # no scale given


# --- early warning and order -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("realisasi", "perlu"),
    [("70", False), ("69.99", True), ("0", True), ("100", False)],
)
def test_perlu_perhatian_di_bawah_70_persen(realisasi, perlu):
    p = proyeksi(tw(None, realisasi), agregasi="nilai_akhir", target="100")
    assert p.perlu_perhatian is perlu


def test_batas_peringatan_dapat_diatur():
    p = proyeksi(tw(None, "75"), agregasi="nilai_akhir", target="100", batas_peringatan=D("80"))
    assert p.perlu_perhatian


def test_urutan_terburuk_dulu_yang_belum_lapor_sesudahnya():
    baik = proyeksi(tw("60", "70", "80"), agregasi="kumulatif", target="300")  # 93,33 %
    cukup = proyeksi(tw("40", "45"), agregasi="nilai_akhir", target="100")  # 55 → 55 %
    belum = proyeksi({}, agregasi="kumulatif", target="300")
    memburuk = proyeksi(
        tw("14", "15"), agregasi="nilai_akhir", target="10", polaritas="negatif"
    )  # 17 → 30 %
    target_0 = proyeksi(tw("5"), agregasi="nilai_akhir", target="0")
    teks = proyeksi({1: "Baik"}, agregasi="nilai_akhir", target=None, jenis_nilai="teks")

    urut = sorted([baik, belum, teks, cukup, target_0, memburuk], key=attrgetter("sort_key"))

    assert urut == [memburuk, cukup, baik, target_0, belum, teks]
    assert [persen(p) for p in urut[:3]] == [D("30.00"), D("55.00"), D("93.33")]
    assert [p.predikat.label for p in urut[:3]] == ["Kurang", "Cukup", "Sangat Memuaskan"]
    assert [p for p in urut if p.perlu_perhatian] == [memburuk, cukup]
    assert [p for p in urut if p.belum_lapor] == [belum]
