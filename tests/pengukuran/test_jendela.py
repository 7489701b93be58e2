"""The input-window rule (apps.pengukuran.jendela.keadaan_jendela), written once and read by
the entry page (jendela_pengisian), the dashboard's triwulan status (status_triwulan) and the
consistency check (triwulan_tertutup)."""

import datetime

import pytest

from apps.pengukuran.jendela import Keadaan, StatusTriwulan, keadaan_jendela, status_triwulan

D = datetime.date
BUKA, TUTUP = D(2026, 10, 1), D(2026, 10, 15)


@pytest.mark.parametrize(
    "hari,pengecualian,keadaan",
    [
        (D(2026, 9, 30), False, Keadaan.BELUM_DIBUKA),
        (D(2026, 9, 30), True, Keadaan.BELUM_DIBUKA),  # an exception reopens a closed window only
        (BUKA, False, Keadaan.TERBUKA),
        (TUTUP, False, Keadaan.TERBUKA),  # the closing day is still open
        (TUTUP, True, Keadaan.TERBUKA),
        (D(2026, 10, 16), False, Keadaan.DITUTUP),
        (D(2026, 10, 16), True, Keadaan.DIBUKA_KHUSUS),
    ],
)
def test_the_window_rule_day_by_day(hari, pengecualian, keadaan):
    assert keadaan_jendela(BUKA, TUTUP, hari, pengecualian=pengecualian) == keadaan


def test_no_schedule_is_neither_open_nor_closed():
    assert keadaan_jendela(None, None, TUTUP, pengecualian=True) == Keadaan.TANPA_JADWAL


class _Jadwal:
    dibuka, ditutup = BUKA, TUTUP


@pytest.mark.parametrize(
    "hari,khusus,status",
    [
        (D(2026, 9, 1), False, StatusTriwulan.BELUM_DIBUKA),
        (D(2026, 10, 2), False, StatusTriwulan.DRAF),
        (D(2026, 10, 20), False, StatusTriwulan.TERLAMBAT),
        (D(2026, 10, 20), True, StatusTriwulan.DRAF),
    ],
)
def test_the_dashboard_status_reads_the_same_rule(hari, khusus, status):
    assert (
        status_triwulan(
            jumlah=2,
            status=["draft"],
            terisi=1,
            jadwal=_Jadwal(),
            hari_ini=hari,
            dibuka_khusus=khusus,
        )
        == status
    )
    assert (
        status_triwulan(
            jumlah=2, status=[], terisi=0, jadwal=None, hari_ini=hari, dibuka_khusus=khusus
        )
        == StatusTriwulan.TANPA_JADWAL
    )
