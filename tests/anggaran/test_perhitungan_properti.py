"""Properties of the budget roll-up (apps.anggaran.selectors._pohon through rekap_dpa's own
arithmetic): every kegiatan, program and OPD total equals the sum of its lines, however the
lines are spread, and serapan, sisa and efisiensi agree with the totals."""

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from apps.anggaran.perhitungan import Rekap
from apps.anggaran.selectors import _pohon

RUPIAH = st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2)


@dataclass(frozen=True)
class _Program:
    kode: str


@dataclass(frozen=True)
class _Kegiatan:
    kode: str
    program: _Program


@dataclass
class _Baris:
    kegiatan: _Kegiatan
    pagu: Decimal
    total_realisasi: Decimal


BARIS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 4), RUPIAH, RUPIAH), max_size=40)


@given(BARIS)
def test_every_total_is_the_sum_of_its_lines(data):
    program = [_Program(f"P{i}") for i in range(4)]
    kegiatan = {(p, k): _Kegiatan(f"P{p}.K{k}", program[p]) for p in range(4) for k in range(5)}
    baris = [_Baris(kegiatan[(p, k)], pagu, realisasi) for p, k, pagu, realisasi in data]
    pohon = _pohon(baris)
    assert pohon.total == Rekap(
        sum((b.pagu for b in baris), Decimal(0)),
        sum((b.total_realisasi for b in baris), Decimal(0)),
    )
    for keg, r in pohon.kegiatan.items():
        milik = [b for b in baris if b.kegiatan == keg]
        assert r.pagu == sum(b.pagu for b in milik)
        assert r.realisasi == sum(b.total_realisasi for b in milik)
    for prog, r in pohon.program.items():
        assert r == Rekap(
            sum((x.pagu for k, x in pohon.kegiatan.items() if k.program == prog), Decimal(0)),
            sum((x.realisasi for k, x in pohon.kegiatan.items() if k.program == prog), Decimal(0)),
        )
    assert len(pohon.baris) == len(baris)


@given(RUPIAH, RUPIAH)
def test_serapan_sisa_and_efisiensi_agree(pagu, realisasi):
    r = Rekap(pagu, realisasi)
    assert r.sisa == pagu - realisasi
    assert r.melebihi_pagu == (realisasi > pagu)
    if pagu == 0:
        assert r.serapan.nilai is None and r.efisiensi.nilai is None
    else:
        # Decimal division keeps 28 digits: the last one may differ, never what is shown.
        assert abs(r.serapan.nilai + r.efisiensi.nilai - 100) < Decimal("1e-20")
