"""Budget arithmetic: serapan, sisa, efisiensi (apps/anggaran/perhitungan.py)."""

from decimal import Decimal

import pytest

from apps.anggaran.perhitungan import Rekap, jumlahkan
from apps.core.angka import bulatkan, format_persen


@pytest.mark.parametrize(
    ("pagu", "realisasi", "serapan", "sisa", "efisiensi", "melebihi"),
    [
        ("100", "75", "75.00", "25", "25.00", False),
        ("100", "100", "100.00", "0", "0.00", False),
        ("100", "0", "0.00", "100", "100.00", False),
        ("37690000", "35969600", "95.44", "1720400", "4.56", False),
        ("15498982788", "15228228125", "98.25", "270754663", "1.75", False),
        ("57550900", "110393396", "191.82", "-52842496", "-91.82", True),
    ],
)
def test_rekap(pagu, realisasi, serapan, sisa, efisiensi, melebihi):
    rekap = Rekap(Decimal(pagu), Decimal(realisasi))
    assert bulatkan(rekap.serapan.nilai) == Decimal(serapan)
    assert rekap.sisa == Decimal(sisa)
    assert bulatkan(rekap.efisiensi.nilai) == Decimal(efisiensi)
    assert rekap.melebihi_pagu is melebihi


def test_realisasi_di_atas_pagu_ditandai_dan_ditampilkan_apa_adanya():
    rekap = Rekap(Decimal("57550900"), Decimal("110393396"))
    assert rekap.melebihi_pagu is True
    assert str(rekap.serapan) == "191,82 %"
    assert format_persen(rekap.efisiensi.nilai) == "-91,82 %"


@pytest.mark.parametrize("realisasi", ["0", "1500000"])
def test_pagu_nol_tidak_dapat_dihitung(realisasi):
    rekap = Rekap(Decimal("0"), Decimal(realisasi))
    assert rekap.serapan.nilai is None
    assert rekap.serapan.alasan == "pagu 0"
    assert rekap.efisiensi.nilai is None
    assert "pagu 0" in str(rekap.efisiensi)
    assert str(rekap.serapan) == "tidak dapat dihitung (pagu 0)"
    assert rekap.sisa == -Decimal(realisasi)


def test_pagu_nol_dengan_realisasi_ditandai_melebihi_pagu():
    assert Rekap(Decimal("0"), Decimal("1500000")).melebihi_pagu is True


def test_rumus_ditunjukkan():
    rekap = Rekap(Decimal("100"), Decimal("75"))
    assert rekap.serapan.rumus == "realisasi / pagu × 100"
    assert rekap.efisiensi.rumus == "(pagu − realisasi) / pagu × 100"


def test_jumlahkan_dari_tingkat_terendah():
    baris = [
        Rekap(Decimal("37690000"), Decimal("35969600")),
        Rekap(Decimal("57550900"), Decimal("110393396")),
        Rekap(Decimal("1000000"), Decimal("0")),
    ]
    total = jumlahkan(baris)
    assert total == Rekap(Decimal("96240900"), Decimal("146362996"))
    assert total == baris[0] + baris[1] + baris[2]
    assert total.melebihi_pagu is True


def test_jumlahkan_kosong_tidak_dapat_dihitung():
    total = jumlahkan([])
    assert total == Rekap(Decimal("0"), Decimal("0"))
    assert total.serapan.nilai is None
