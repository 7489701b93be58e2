"""A computed percentage, or why it could not be computed: the result type of the capaian
engine (apps.pengukuran.capaian) and of the budget's serapan and efisiensi
(apps.anggaran.perhitungan), kept here, below both."""

from dataclasses import dataclass
from decimal import Decimal

from .angka import format_persen

SERATUS = Decimal(100)


@dataclass(frozen=True)
class Hasil:
    """A computed percentage, or None with the reason it could not be computed."""

    nilai: Decimal | None
    alasan: str = ""
    rumus: str = ""

    @property
    def ada(self) -> bool:
        return self.nilai is not None

    def __str__(self) -> str:
        return (
            format_persen(self.nilai)
            if self.nilai is not None
            else (f"tidak dapat dihitung ({self.alasan})")
        )
