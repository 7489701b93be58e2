"""The input-window rule and the status of a triwulan: pure functions of dates and counts,
the one place each is written (the entry page's window, the dashboard's triwulan status, the
reminders and the consistency check all read them)."""

import datetime

from .models import Realisasi


class Keadaan:
    """Where a triwulan's input window stands for one OPD on a day (keadaan_jendela)."""

    TANPA_JADWAL = "tanpa_jadwal"
    TERBUKA = "terbuka"
    BELUM_DIBUKA = "belum_dibuka"
    DIBUKA_KHUSUS = "dibuka_khusus"  # closed, but a lock exception of the OPD runs
    DITUTUP = "ditutup"


def keadaan_jendela(
    dibuka: datetime.date | None,
    ditutup: datetime.date | None,
    hari_ini: datetime.date,
    *,
    pengecualian: bool,
) -> str:
    """The input-window rule, the one place it is written (the entry page, the dashboard's
    triwulan status and the consistency check all read it): no schedule; open from `dibuka`
    to `ditutup` inclusive; not open yet before; after, closed unless a lock exception of
    the OPD runs (`pengecualian`). Pure."""
    if dibuka is None or ditutup is None:
        return Keadaan.TANPA_JADWAL
    if dibuka <= hari_ini <= ditutup:
        return Keadaan.TERBUKA
    if hari_ini < dibuka:
        return Keadaan.BELUM_DIBUKA
    return Keadaan.DIBUKA_KHUSUS if pengecualian else Keadaan.DITUTUP


class StatusTriwulan:
    """What a triwulan of an OPD's year is at, as the dashboard shows it."""

    TANPA_JADWAL = "tanpa_jadwal"
    BELUM_DIBUKA = "belum_dibuka"
    BELUM_MULAI = "belum_mulai"
    DRAF = "draf"
    DIAJUKAN = "diajukan"
    DIKEMBALIKAN = "dikembalikan"
    DIVERIFIKASI = "diverifikasi"
    TERLAMBAT = "terlambat"
    TANPA_PK = "tanpa_pk"

    LABEL = {
        TANPA_JADWAL: "Tanpa jadwal",
        BELUM_DIBUKA: "Belum dibuka",
        BELUM_MULAI: "Belum diisi",
        DRAF: "Draf",
        DIAJUKAN: "Diajukan",
        DIKEMBALIKAN: "Dikembalikan",
        DIVERIFIKASI: "Diverifikasi",
        TERLAMBAT: "Terlambat",
        TANPA_PK: "Tanpa PK final",
    }


STATUS_REALISASI = tuple(Realisasi.Status.values)


def status_triwulan(
    *, jumlah: int, status: list[str], terisi: int, jadwal, hari_ini, dibuka_khusus: bool = False
) -> str:
    """The status of one triwulan of an OPD from its indicators' realisasi.

    `jumlah` indicators in the PK in force; `status` the statuses of the triwulan's realisasi
    rows; `terisi` how many of them hold a value. In this order: every indicator verified ->
    diverifikasi; one returned -> dikembalikan; every indicator submitted or verified ->
    diajukan; then by the window rule (keadaan_jendela): closed -> terlambat, no schedule ->
    tanpa jadwal, not open yet -> belum dibuka; nothing filled -> belum mulai; else draf.
    """
    if not jumlah:
        return StatusTriwulan.TANPA_PK
    hitung = {s: status.count(s) for s in STATUS_REALISASI}
    if hitung[Realisasi.Status.DIVERIFIKASI] >= jumlah:
        return StatusTriwulan.DIVERIFIKASI
    if hitung[Realisasi.Status.DIKEMBALIKAN]:
        return StatusTriwulan.DIKEMBALIKAN
    if hitung[Realisasi.Status.DIAJUKAN] + hitung[Realisasi.Status.DIVERIFIKASI] >= jumlah:
        return StatusTriwulan.DIAJUKAN
    keadaan = keadaan_jendela(
        getattr(jadwal, "dibuka", None),
        getattr(jadwal, "ditutup", None),
        hari_ini,
        pengecualian=dibuka_khusus,
    )
    if keadaan == Keadaan.DITUTUP:
        return StatusTriwulan.TERLAMBAT
    if keadaan == Keadaan.TANPA_JADWAL:
        return StatusTriwulan.TANPA_JADWAL
    if keadaan == Keadaan.BELUM_DIBUKA:
        return StatusTriwulan.BELUM_DIBUKA
    if not terisi:
        return StatusTriwulan.BELUM_MULAI
    return StatusTriwulan.DRAF
