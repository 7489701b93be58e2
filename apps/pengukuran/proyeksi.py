"""Early warning: an estimate of an indicator's year-end value from the triwulan reported so far.

Pure functions on Decimals, no database access, computed through the one capaian engine
(`capaian.py`): the projected annual value is compared with the annual target by the same
polarity rule and ranked by the same predikat scale as the real annual value will be.

A projection is an estimate, never a realisasi. Each one says how it was made (`metode`), how
far it can be trusted (`keyakinan`) and why (`catatan`); a single point gives no trend and says
so (DOMAIN.md, "make it honest").
"""

from dataclasses import dataclass
from decimal import Decimal

from apps.core.angka import format_angka, format_persen, nama_triwulan
from apps.pengukuran.capaian import Hasil, Rentang, capaian, predikat, realisasi_tahunan

TRIWULAN = (1, 2, 3, 4)

KEYAKINAN_TINGGI = "tinggi"
KEYAKINAN_SEDANG = "sedang"
KEYAKINAN_RENDAH = "rendah"
KEYAKINAN_TIDAK_ADA = "tidak ada"

# With three points the projection is trusted "tinggi" when no reported value lies further from
# the model the projection assumes (the straight line for nilai_akhir, the mean otherwise) than
# this share of the mean of the reported values: the values so far follow the assumption.
BATAS_SIMPANGAN = Decimal("0.05")

BATAS_PERINGATAN = Decimal(70)

NAMA_AGREGASI = {
    "kumulatif": "Kumulatif",
    "nilai_akhir": "Nilai akhir",
    "rata_rata": "Rata-rata",
    "maksimum": "Maksimum",
}


@dataclass(frozen=True)
class Proyeksi:
    """The projected year-end value of one indicator and what it means.

    `nilai` is the projected annual value (None when there is none), `capaian` its capaian
    against the annual target, `predikat` its band on the OPD's scale. `titik` counts the
    triwulan values used. `perlu_perhatian`: the projected capaian is below the warning level.
    `belum_lapor`: no triwulan has been reported at all, so a reviewer can list who has not.
    """

    nilai: Decimal | None
    capaian: Hasil
    predikat: Rentang | None
    metode: str
    keyakinan: str
    catatan: str
    titik: int
    perlu_perhatian: bool = False
    belum_lapor: bool = False

    @property
    def sort_key(self) -> tuple[int, Decimal]:
        """Worst first: projected capaian ascending; then projections whose capaian cannot be
        computed (target 0 or missing); then indicators not reported at all; then those not
        projected (text values, an unknown aggregation)."""
        if self.capaian.nilai is not None:
            return (0, self.capaian.nilai)
        if self.nilai is not None:
            return (1, Decimal(0))
        if self.belum_lapor:
            return (2, Decimal(0))
        return (3, Decimal(0))


def proyeksi_akhir_tahun(
    *,
    agregasi: str,
    polaritas: str,
    jenis_nilai: str,
    target,
    nilai_triwulan: dict[int, Decimal | None],
    rumus_negatif: str = "selisih",
    rentang=(),
    tepi: str = "bawah",
    batas_peringatan: Decimal = BATAS_PERINGATAN,
) -> Proyeksi:
    """Estimate the year-end value of an indicator from its triwulan values (keys 1..4).

    Rules by the indicator's aggregation (the names of `capaian.realisasi_tahunan`):

    - TW IV reported: no estimate; the value is the annual value of `realisasi_tahunan`,
      keyakinan "tinggi".
    - kumulatif: sum so far + mean of the reported triwulan × the triwulan not yet reported.
    - nilai_akhir: with two points or more, the least-squares straight line through
      (triwulan number, value) extended to TW IV; a gap keeps the real triwulan numbers.
      One point: that value, with no trend.
    - rata_rata: the mean of the reported triwulan; the others are assumed at that mean.
    - maksimum: the highest value so far, a lower bound of the annual value.

    keyakinan: one point "rendah"; two "sedang"; three "sedang", or "tinggi" when every
    reported value lies within 5 % of their mean from the model the projection assumes (the
    line for nilai_akhir, the mean otherwise); four (TW IV) "tinggi". No value, a text-valued
    indicator or an unknown aggregation: no projection, keyakinan "tidak ada".

    The capaian of the projection is `capaian.capaian` against the annual target with the
    indicator's polarity and negative rule, so target 0 or missing carries its reason;
    `perlu_perhatian` when that capaian is below `batas_peringatan` (70 % by default).
    """

    def tanpa_proyeksi(hasil: Hasil, catatan: str, *, belum_lapor: bool = False) -> Proyeksi:
        return Proyeksi(
            None,
            hasil,
            None,
            "Tidak diproyeksikan",
            KEYAKINAN_TIDAK_ADA,
            catatan,
            0,
            belum_lapor=belum_lapor,
        )

    if jenis_nilai == "teks":
        dilaporkan = any(nilai_triwulan.get(tw) for tw in TRIWULAN)
        return tanpa_proyeksi(
            Hasil(None, "indikator bernilai teks"),
            "Indikator bernilai teks: tidak diproyeksikan.",
            belum_lapor=not dilaporkan,
        )
    ada = {tw: nilai_triwulan[tw] for tw in TRIWULAN if nilai_triwulan.get(tw) is not None}
    if not ada:
        return tanpa_proyeksi(
            capaian(target, None),
            "Belum ada realisasi triwulan; tidak ada proyeksi.",
            belum_lapor=True,
        )
    if agregasi not in NAMA_AGREGASI:
        return tanpa_proyeksi(
            Hasil(None, f"cara agregasi {agregasi!r} tidak dikenal"),
            f"Cara agregasi {agregasi!r} tidak dikenal; tidak ada proyeksi.",
        )
    if any(isinstance(v, bool) or not isinstance(v, Decimal | int) for v in ada.values()):
        return tanpa_proyeksi(
            Hasil(None, "nilai bukan angka"), "Nilai triwulan bukan angka; tidak ada proyeksi."
        )
    ada = {tw: Decimal(v) for tw, v in ada.items()}

    nilai, metode, keyakinan, catatan = _perkirakan(agregasi, ada)
    catatan += _catatan_celah(agregasi, ada)
    if agregasi == "maksimum" and 4 not in ada and polaritas == "negatif":
        catatan += (
            " Polaritas negatif: nilai tahunan yang lebih tinggi menurunkan capaian, "
            "jadi capaian proyeksi ini batas atas."
        )
    hasil = capaian(target, nilai, polaritas=polaritas, rumus_negatif=rumus_negatif)
    return Proyeksi(
        nilai=nilai,
        capaian=hasil,
        predikat=predikat(hasil.nilai, rentang, tepi),
        metode=metode,
        keyakinan=keyakinan,
        catatan=catatan,
        titik=len(ada),
        perlu_perhatian=hasil.nilai is not None and hasil.nilai < batas_peringatan,
    )


def _perkirakan(agregasi: str, ada: dict[int, Decimal]) -> tuple[Decimal, str, str, str]:
    """(projected value, metode, keyakinan, catatan) for at least one reported value."""
    nama = NAMA_AGREGASI[agregasi]
    tws = sorted(ada)
    nilai = [ada[tw] for tw in tws]
    n = len(nilai)
    rata = sum(nilai, Decimal(0)) / n
    if 4 in ada:
        tahunan = realisasi_tahunan(ada, agregasi)
        nilai = _tampil_angka(tahunan.nilai)
        metode = f"Nilai tahunan: Triwulan IV sudah dilaporkan; {tahunan.rumus} = {nilai}"
        return (
            tahunan.nilai,
            metode,
            KEYAKINAN_TINGGI,
            "Bukan perkiraan: Triwulan IV sudah dilaporkan.",
        )

    if agregasi == "nilai_akhir" and n >= 2:
        kemiringan = _kemiringan(tws, nilai)
        rata_tw = Decimal(sum(tws)) / n
        proyeksi = rata + kemiringan * (4 - rata_tw)
        metode = (
            f"{nama}: tren garis lurus dari {_daftar_tw(tws)} diperpanjang ke Triwulan IV "
            f"({_bertanda(kemiringan)} per triwulan) = {_tampil_angka(proyeksi)}"
        )
        model = [rata + kemiringan * (tw - rata_tw) for tw in tws]
        acuan = "garis tren"
    elif agregasi == "nilai_akhir":
        proyeksi = nilai[0]
        metode = f"{nama}: nilai {_tw(tws[0])} ({_tampil_angka(proyeksi)}) dipakai apa adanya"
        catatan = (
            "Hanya satu titik data: tidak ada tren; proyeksi = nilai yang ada, bukan perkiraan."
        )
        return proyeksi, metode, KEYAKINAN_RENDAH, catatan
    elif agregasi == "kumulatif":
        sisa = 4 - n
        proyeksi = sum(nilai, Decimal(0)) + rata * sisa
        metode = (
            f"{nama}: jumlah {n} triwulan yang dilaporkan ({_tampil_angka(sum(nilai))}) + "
            f"rata-rata per triwulan ({_tampil_angka(rata)}) × {sisa} triwulan tersisa = "
            f"{_tampil_angka(proyeksi)}"
        )
        model, acuan = [rata] * n, "rata-rata"
    elif agregasi == "rata_rata":
        proyeksi = rata
        metode = (
            f"{nama}: rata-rata {n} triwulan yang dilaporkan ({_tampil_angka(rata)}); "
            "triwulan tersisa dianggap sama dengan rata-rata itu"
        )
        model, acuan = [rata] * n, "rata-rata"
    else:
        proyeksi = max(nilai)
        tertinggi = [_tw(tw) for tw in tws if ada[tw] == proyeksi]
        metode = (
            f"{nama}: nilai tertinggi sejauh ini ({_tampil_angka(proyeksi)}, "
            f"{', '.join(tertinggi)}); batas bawah nilai tahunan"
        )
        model, acuan = [rata] * n, "rata-rata"

    if n == 1:
        dasar = {
            "kumulatif": f"triwulan lain dianggap sama dengan {_tw(tws[0])}; perkiraan kasar.",
            "rata_rata": f"rata-rata tahunan dianggap sama dengan {_tw(tws[0])}; perkiraan kasar.",
            "maksimum": "tidak ada tren; proyeksi = nilai yang ada, batas bawah nilai tahunan.",
        }[agregasi]
        return proyeksi, metode, KEYAKINAN_RENDAH, f"Hanya satu titik data: {dasar}"
    if n == 2:
        keyakinan = KEYAKINAN_SEDANG
        catatan = "Dua titik data: perkiraan, keteraturan nilai belum dapat dinilai."
    else:
        simpangan = max(abs(v - m) for v, m in zip(nilai, model, strict=True))
        batas = abs(rata) * BATAS_SIMPANGAN
        keyakinan = KEYAKINAN_TINGGI if simpangan <= batas else KEYAKINAN_SEDANG
        relatif = (
            f"{format_persen(simpangan / abs(rata) * 100)} dari rata-rata nilai"
            if rata
            else "rata-rata nilai 0"
        )
        batas_teks = format_persen(BATAS_SIMPANGAN * 100, 0)
        catatan = (
            f"Tiga titik data: perkiraan; simpangan terbesar dari {acuan} "
            f"{_tampil_angka(simpangan)} ({relatif}, batas {batas_teks})."
        )
    if agregasi == "maksimum" and nilai[-1] > max(nilai[:-1]):
        catatan += (
            f" {_tw(tws[-1])} tertinggi sejauh ini: tren naik, nilai tahunan bisa lebih tinggi."
        )
    return proyeksi, metode, keyakinan, catatan


def _catatan_celah(agregasi: str, ada: dict[int, Decimal]) -> str:
    """The triwulan left empty before the last reported one, and what the rule did with them."""
    celah = [tw for tw in TRIWULAN if tw < max(ada) and tw not in ada]
    if not celah:
        return ""
    nama = ", ".join(_tw(tw) for tw in celah)
    if agregasi == "nilai_akhir" and len(ada) == 1:
        return f" {nama} kosong."
    if 4 in ada:
        akibat = "nilai tahunan dihitung dari triwulan yang dilaporkan saja."
    else:
        akibat = {
            "kumulatif": "dihitung sebagai triwulan tersisa pada rata-rata.",
            "nilai_akhir": "tren memakai nomor triwulan yang sebenarnya.",
            "rata_rata": "dianggap sama dengan rata-rata.",
            "maksimum": "nilainya tidak diketahui.",
        }[agregasi]
    return f" {nama} kosong: {akibat}"


def _kemiringan(x: list[int], y: list[Decimal]) -> Decimal:
    """Least-squares slope of y over x: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²."""
    n = len(x)
    rata_x = Decimal(sum(x)) / n
    rata_y = sum(y, Decimal(0)) / n
    atas = sum(((xi - rata_x) * (yi - rata_y) for xi, yi in zip(x, y, strict=True)), Decimal(0))
    bawah = sum(((xi - rata_x) ** 2 for xi in x), Decimal(0))
    return atas / bawah


def _tw(tw: int) -> str:
    return nama_triwulan(tw)


def _daftar_tw(tws: list[int]) -> str:
    """Consecutive triwulan as a range ("Triwulan I–Triwulan III"), others listed
    ("Triwulan I, Triwulan III")."""
    if tws == list(range(tws[0], tws[-1] + 1)):
        return f"{_tw(tws[0])}–{_tw(tws[-1])}"
    return ", ".join(_tw(tw) for tw in tws)


def _tampil_angka(nilai: Decimal) -> str:
    """Display only: two decimals half-up, trailing zeros dropped (85, 93,33)."""
    return format_angka(nilai, 2, buang_nol=True)


def _bertanda(nilai: Decimal) -> str:
    return ("+" if nilai > 0 else "") + _tampil_angka(nilai)
