"""Whether a typed realisasi value looks like a typing error: a warning shown next to the
value and after saving, never a refusal (a value far from its target may be true).

The rule, in one place (the entry page, its live preview and the message after a save read
it): a number more than KALI times its target, or less than a KALI-th of it, or more than
KALI times or less than a KALI-th of the indicator's previous reported triwulan. A
cumulative indicator (agregasi kumulatif) is expected to lie far under its annual target in
the first triwulans, so only "far above" is said of it against the target. Zero targets and
zero previous values give no ratio and no warning; text-valued indicators none either."""

from decimal import Decimal

from apps.core.angka import ROMAWI, format_angka, format_nilai

from .kinerja import IndikatorTahun

KALI = Decimal(3)


def _jauh(nilai: Decimal, acuan: Decimal | None, *, bawah: bool = True) -> str:
    if acuan is None or acuan <= 0 or nilai < 0:
        return ""
    rasio = nilai / acuan
    if rasio > KALI:
        return f"{format_angka(rasio, 1)} kali"
    if bawah and rasio < 1 / KALI:
        return "kurang dari sepertiga"
    return ""


def kewajaran(baris: IndikatorTahun, triwulan: int, nilai) -> list[str]:
    """The reasons to look at `nilai` (this triwulan's typed value of the row) again; empty
    when it looks plausible."""
    if baris.teks or nilai is None or nilai == "":
        return []
    nilai = Decimal(nilai)
    alasan = []
    kumulatif = baris.indikator.agregasi == "kumulatif"
    if jauh := _jauh(nilai, baris.target, bawah=not kumulatif):
        alasan.append(f"{format_nilai(nilai)} adalah {jauh} target {format_nilai(baris.target)}")
    for tw in range(triwulan - 1, 0, -1):
        lalu = baris.nilai(tw)
        if lalu is not None:
            if jauh := _jauh(nilai, lalu):
                alasan.append(
                    f"{format_nilai(nilai)} adalah {jauh} nilai Triwulan {ROMAWI[tw]} "
                    f"({format_nilai(lalu)})"
                )
            break
    return alasan


def pesan_kewajaran(alasan: list[str]) -> str:
    """The sentence shown under the value."""
    if not alasan:
        return ""
    return "Periksa lagi, mungkin salah ketik: " + "; ".join(alasan) + "."
