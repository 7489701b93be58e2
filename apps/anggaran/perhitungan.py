"""Budget arithmetic (DOMAIN.md): serapan, sisa, efisiensi. Pure functions on Decimals."""

from dataclasses import dataclass
from decimal import Decimal

from apps.core.persen import SERATUS, Hasil


@dataclass(frozen=True)
class Rekap:
    """Pagu and realisasi of one node of the budget tree (line, kegiatan, program, OPD)."""

    pagu: Decimal
    realisasi: Decimal

    @property
    def serapan(self) -> Hasil:
        """serapan = realisasi / pagu × 100."""
        if self.pagu == 0:
            return Hasil(None, "pagu 0")
        return Hasil(self.realisasi / self.pagu * SERATUS, rumus="realisasi / pagu × 100")

    @property
    def sisa(self) -> Decimal:
        """sisa = pagu − realisasi (negative when realisation exceeds the pagu)."""
        return self.pagu - self.realisasi

    @property
    def efisiensi(self) -> Hasil:
        """efisiensi = sisa / pagu × 100."""
        if self.pagu == 0:
            return Hasil(None, "pagu 0")
        return Hasil(self.sisa / self.pagu * SERATUS, rumus="(pagu − realisasi) / pagu × 100")

    @property
    def melebihi_pagu(self) -> bool:
        """Realisation above the pagu happens (seed 003: 191,82 %): flagged, never hidden."""
        return self.realisasi > self.pagu

    def __add__(self, other: "Rekap") -> "Rekap":
        return Rekap(self.pagu + other.pagu, self.realisasi + other.realisasi)


NOL = Rekap(Decimal(0), Decimal(0))


def jumlahkan(rekap) -> Rekap:
    total = NOL
    for r in rekap:
        total = total + r
    return total
