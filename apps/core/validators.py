"""Validators for identifiers the kabupaten writes by hand."""

import datetime
import re

from django.core.exceptions import ValidationError

NIP_RE = re.compile(r"^\d{18}$")


def normalize_nip(value: str) -> str:
    """NIP is often written in groups ("19670227 198601 1 001"); store the 18 digits only."""
    return re.sub(r"\s+", "", value or "")


def validate_nip(value: str) -> None:
    """NIP (PP 11/2017, BKN): birth date YYYYMMDD + appointment YYYYMM + sex (1/2) + number (3).

    The birth date must exist, the appointment month must be 1-12 and come at least 17 years
    after birth and not in the future, the sequence must not be 000.
    """
    if not NIP_RE.match(value or ""):
        raise ValidationError(
            "NIP harus 18 angka (contoh: 19670227 198601 1 001); yang diisi: %(nilai)s.",
            code="nip_format",
            params={"nilai": value},
        )
    try:
        lahir = datetime.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValidationError(
            "NIP tidak valid: tanggal lahir %(tgl)s (8 angka pertama) tidak ada di kalender.",
            code="nip_tanggal_lahir",
            params={"tgl": f"{value[6:8]}-{value[4:6]}-{value[0:4]}"},
        ) from None
    tahun_angkat, bulan_angkat = int(value[8:12]), int(value[12:14])
    if not 1 <= bulan_angkat <= 12:
        raise ValidationError(
            "NIP tidak valid: bulan pengangkatan %(bulan)s (angka ke-13 dan ke-14) harus 01-12.",
            code="nip_bulan_angkat",
            params={"bulan": value[12:14]},
        )
    hari_ini = datetime.date.today()
    if lahir.year < 1930 or lahir > hari_ini:
        raise ValidationError(
            "NIP tidak valid: tahun lahir %(tahun)s tidak masuk akal.",
            code="nip_tahun_lahir",
            params={"tahun": lahir.year},
        )
    if (tahun_angkat, bulan_angkat) > (hari_ini.year, hari_ini.month):
        raise ValidationError(
            "NIP tidak valid: bulan pengangkatan %(bln)s/%(thn)s belum terjadi.",
            code="nip_angkat_masa_depan",
            params={"bln": value[12:14], "thn": tahun_angkat},
        )
    if tahun_angkat - lahir.year < 17:
        raise ValidationError(
            "NIP tidak valid: pengangkatan tahun %(angkat)s terjadi sebelum usia 17 tahun "
            "(lahir %(lahir)s).",
            code="nip_usia_angkat",
            params={"angkat": tahun_angkat, "lahir": lahir.year},
        )
    if value[14] not in "12":
        raise ValidationError(
            "NIP tidak valid: angka ke-15 (jenis kelamin) harus 1 atau 2.",
            code="nip_jenis_kelamin",
        )
    if value[15:18] == "000":
        raise ValidationError(
            "NIP tidak valid: nomor urut (3 angka terakhir) tidak boleh 000.", code="nip_urut"
        )


def format_nip(value: str) -> str:
    """Write a NIP the way documents print it: 19670227 198601 1 001."""
    if not value or len(value) != 18:
        return value or ""
    return f"{value[0:8]} {value[8:14]} {value[14]} {value[15:18]}"
