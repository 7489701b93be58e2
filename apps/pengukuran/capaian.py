"""The one capaian engine: every page, export and PDF computes through these functions.

Pure functions on Decimals and plain data; no database access. Each result that cannot be
computed says why ("tidak dapat dihitung: target 0") instead of raising.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from apps.core.angka import nama_triwulan
from apps.core.persen import SERATUS, Hasil  # one type for capaian, serapan and efisiensi

RUMUS_POSITIF = "realisasi / target × 100"
RUMUS_NEGATIF = {
    "selisih": "(2 × target − realisasi) / target × 100",
    "rasio": "target / realisasi × 100",
}


def capaian(
    target, realisasi, *, polaritas: str = "positif", rumus_negatif: str = "selisih"
) -> Hasil:
    """Capaian of one indicator in percent.

    Positive polarity: realisasi / target × 100 (PermenPAN-RB 53/2014).
    Negative polarity (lower is better): by default (2 × target − realisasi) / target × 100,
    i.e. (target − (realisasi − target)) / target × 100, after PermenPAN-RB 6/2022 guidance;
    the alternative target / realisasi × 100 when the kabupaten chose "rasio".
    Target 0, a missing value or a text value gives Hasil(None, reason).
    """
    if target is None:
        return Hasil(None, "target belum ditetapkan")
    if realisasi is None:
        return Hasil(None, "realisasi belum diisi")
    if isinstance(target, bool) or isinstance(realisasi, bool):
        return Hasil(None, "nilai bukan angka")
    if isinstance(target, int):
        target = Decimal(target)
    if isinstance(realisasi, int):
        realisasi = Decimal(realisasi)
    if not isinstance(target, Decimal) or not isinstance(realisasi, Decimal):
        return Hasil(None, "nilai bukan angka")
    if polaritas == "negatif":
        rumus = RUMUS_NEGATIF[rumus_negatif]
        if rumus_negatif == "rasio":
            if realisasi == 0:
                return Hasil(None, "realisasi 0 pada rumus target / realisasi", rumus)
            return Hasil(target / realisasi * SERATUS, rumus=rumus)
        if target == 0:
            return Hasil(None, "target 0", rumus)
        return Hasil((2 * target - realisasi) / target * SERATUS, rumus=rumus)
    if target == 0:
        return Hasil(None, "target 0", RUMUS_POSITIF)
    return Hasil(realisasi / target * SERATUS, rumus=RUMUS_POSITIF)


def capaian_teks(target: str, realisasi: str, pilihan: Sequence[str]) -> Hasil:
    """Capaian of a text-valued indicator through its ordered allowed values (worst first):
    the position of the realisasi over the position of the target, × 100."""
    if not target:
        return Hasil(None, "target belum ditetapkan")
    if not realisasi:
        return Hasil(None, "realisasi belum diisi")
    urutan = {label: i + 1 for i, label in enumerate(pilihan)}
    if target not in urutan or realisasi not in urutan:
        return Hasil(None, "nilai teks di luar daftar pilihan")
    rumus = "peringkat realisasi / peringkat target × 100"
    return Hasil(Decimal(urutan[realisasi]) / Decimal(urutan[target]) * SERATUS, rumus=rumus)


def realisasi_tahunan(nilai_triwulan: dict[int, Decimal | None], cara: str) -> Hasil:
    """Annual realisasi from the triwulan values by the indicator's aggregation rule.

    kumulatif: sum of the reported triwulan; nilai_akhir: the last reported triwulan;
    rata_rata: mean of the reported triwulan; maksimum: the highest. Triwulan without a value
    are left out; with none reported the result cannot be computed. `Hasil.nilai` here is the
    annual value, not a percentage.
    """
    ada = [(tw, v) for tw, v in sorted(nilai_triwulan.items()) if v is not None]
    if not ada:
        return Hasil(None, "belum ada realisasi triwulan")
    nilai = [v for _, v in ada]
    if cara == "kumulatif":
        return Hasil(sum(nilai, Decimal(0)), rumus="jumlah triwulan")
    if cara == "nilai_akhir":
        tw, v = ada[-1]
        return Hasil(v, rumus=f"nilai {nama_triwulan(tw)}")
    if cara == "rata_rata":
        return Hasil(sum(nilai, Decimal(0)) / len(nilai), rumus="rata-rata triwulan")
    if cara == "maksimum":
        return Hasil(max(nilai), rumus="nilai tertinggi triwulan")
    return Hasil(None, f"cara agregasi {cara!r} tidak dikenal")


def rata_rata_capaian(hasil: Iterable[Hasil]) -> Hasil:
    """Capaian of a sasaran (mean of its indicators) or of an OPD (mean of its sasaran).

    Indicators that cannot be computed are left out of the mean, and the reason says how many.
    """
    semua = list(hasil)
    ada = [h.nilai for h in semua if h.nilai is not None]
    if not ada:
        return Hasil(None, "tidak ada capaian yang dapat dihitung")
    alasan = ""
    if len(ada) < len(semua):
        alasan = f"{len(semua) - len(ada)} dari {len(semua)} tidak dapat dihitung"
    return Hasil(sum(ada, Decimal(0)) / len(ada), alasan=alasan, rumus="rata-rata capaian")


@dataclass(frozen=True)
class Rentang:
    label: str
    batas_bawah: Decimal | None
    batas_atas: Decimal | None
    warna: str = "#777777"


def predikat(
    nilai: Decimal | None, rentang: Sequence[Rentang], tepi: str = "bawah"
) -> Rentang | None:
    """The band a capaian falls in. tepi "bawah": [bawah, atas); "atas": (bawah, atas].

    The scale's ends are open (see core.SkalaPredikat), so every number finds a band.
    None when the capaian could not be computed.
    """
    if nilai is None:
        return None
    for r in rentang:
        if tepi == "bawah":
            ok_bawah = r.batas_bawah is None or nilai >= r.batas_bawah
            ok_atas = r.batas_atas is None or nilai < r.batas_atas
        else:
            ok_bawah = r.batas_bawah is None or nilai > r.batas_bawah
            ok_atas = r.batas_atas is None or nilai <= r.batas_atas
        if ok_bawah and ok_atas:
            return r
    return None


def tingkat_kemajuan(
    realisasi, target_akhir, *, polaritas: str = "positif", rumus_negatif: str = "selisih"
) -> Hasil:
    """Progress towards the Renstra end target (seed 003, Tabel 3.3): the capaian formula of
    the indicator's polarity and the kabupaten's rule, against the end target instead of the
    year's. A lower-is-better indicator short of its end target is below 100 % (stunting
    15,4 against an end target of 12: (2 × 12 − 15,4) / 12 × 100 = 71,67 %, not 128,33 %)."""
    return capaian(target_akhir, realisasi, polaritas=polaritas, rumus_negatif=rumus_negatif)


def rumus_kolom(polaritas: str, rumus_negatif: str, *, realisasi: str, target: str) -> str:
    """The capaian formula of a polarity written with a table's column numbers in place of
    "realisasi" and "target" ("6 = 5 / 4 × 100"): the heading says the formula that was
    used, from the same text as the engine's."""
    teks = RUMUS_NEGATIF[rumus_negatif] if polaritas == "negatif" else RUMUS_POSITIF
    return teks.replace("realisasi", realisasi).replace("target", target)


@dataclass(frozen=True)
class CapaianIndikator:
    """What a page, an export or the PDF shows for one indicator in a year: the annual value
    so far, its capaian against the year's target and the predikat."""

    tahunan: Hasil
    capaian: Hasil
    predikat: Rentang | None
    tahunan_teks: str = ""


def capaian_indikator(
    *,
    jenis_nilai: str,
    agregasi: str,
    polaritas: str,
    target,
    target_teks: str,
    nilai_triwulan: dict[int, Decimal | str | None],
    pilihan: Sequence[str] = (),
    rumus_negatif: str = "selisih",
    rentang: Sequence[Rentang] = (),
    tepi: str = "bawah",
) -> CapaianIndikator:
    """Capaian of one indicator in a year from the triwulan values reported so far.

    The annual value follows the indicator's aggregation rule (DOMAIN.md, "Annual realisasi
    from triwulan values"); the capaian compares it with the annual target by the indicator's
    polarity; a text-valued indicator takes its last reported value and is ranked through its
    ordered allowed values; the predikat comes from the OPD's scale. Nothing here raises: what
    cannot be computed carries its reason.
    """
    if jenis_nilai == "teks":
        ada = [(tw, v) for tw, v in sorted(nilai_triwulan.items()) if v]
        if not ada:
            tahunan = Hasil(None, "belum ada realisasi triwulan")
            hasil = capaian_teks(target_teks, "", pilihan)
            return CapaianIndikator(tahunan, hasil, None)
        tw, teks = ada[-1]
        tahunan = Hasil(None, "nilai teks", rumus=f"nilai {nama_triwulan(tw)}")
        hasil = capaian_teks(target_teks, teks, pilihan)
        return CapaianIndikator(tahunan, hasil, predikat(hasil.nilai, rentang, tepi), teks)
    tahunan = realisasi_tahunan(nilai_triwulan, agregasi)
    if not tahunan.ada:
        return CapaianIndikator(tahunan, capaian(target, None), None)
    hasil = capaian(target, tahunan.nilai, polaritas=polaritas, rumus_negatif=rumus_negatif)
    return CapaianIndikator(tahunan, hasil, predikat(hasil.nilai, rentang, tepi))
