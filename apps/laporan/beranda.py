"""The reporting cards of the home page (registered in LaporanConfig.ready): for an OPD's
users, the LKjIP of last year (the one written in the first months of a year) with its state
and its draft and final PDF; for Bagian Organisasi and the Inspektorat, the OPDs that need a
look this year (late, below 70 %) from the dashboard's own rows, and every recap one click
away."""

from django.urls import reverse

from apps.core.angka import ROMAWI
from apps.core.beranda import Butir, Kartu, Konteks
from apps.core.selectors import opd_for_user
from apps.pengukuran.proyeksi import BATAS_PERINGATAN

from .evaluasi import tindak_lanjut_opd
from .selectors import dasbor_cache, lkjip_terbaru

DAFTAR_MAKS = 8


def kartu_laporan(k: Konteks) -> list[Kartu]:
    if k.opd is not None:
        return [_kartu_lkjip(k)]
    return [_kartu_kabupaten(k)]


def _kartu_lkjip(k: Konteks) -> Kartu:
    opd, tahun = k.opd, k.hari_ini.year - 1
    lap = lkjip_terbaru(opd.pk, tahun)
    tautan = [
        (f"Susun LKjIP {tahun}", reverse("laporan:lkjip_ubah", args=[opd.pk, tahun])),
        (f"PDF draf LKjIP {tahun}", reverse("laporan:lkjip_pdf", args=[opd.pk, tahun])),
    ]
    if lap is None:
        butir = [Butir(f"LKjIP {tahun} belum mulai disusun.", tingkat="perhatian")]
    else:
        final = lap.status != lap.Status.DRAFT
        butir = [
            Butir(
                f"LKjIP {tahun}"
                + (f" revisi {lap.revisi}" if lap.revisi else "")
                + f": {lap.get_status_display().lower()}",
                url=reverse("laporan:lkjip_ubah", args=[opd.pk, tahun]),
                tingkat="selesai" if final else "perhatian",
            )
        ]
        if final:
            tautan.append(
                (f"PDF final LKjIP {tahun}", reverse("laporan:lkjip_final_pdf", args=[lap.pk]))
            )
    tautan.append(("Semua LKjIP", reverse("laporan:lkjip_daftar")))
    tautan.append((f"Evaluasi AKIP {tahun}", reverse("laporan:evaluasi", args=[opd.pk, tahun])))
    butir.extend(_butir_tindak_lanjut(opd))
    return Kartu(f"LKjIP {tahun}", 40, butir=butir, tautan=tautan)


def _butir_tindak_lanjut(opd) -> list[Butir]:
    """The recommendations of the OPD's final evaluations, one line per year (the latest
    three): how many the Inspektorat has closed, how many are open (1 query)."""
    return [
        Butir(
            f"Rekomendasi Evaluasi AKIP {t.tahun}: {t.selesai} dari {t.jumlah} selesai",
            url=reverse("laporan:evaluasi", args=[opd.pk, t.tahun]) + "#judul-temuan",
            ket=f"{t.belum} belum ditindaklanjuti, {t.proses} dalam proses",
            tingkat="perhatian" if t.terbuka else "selesai",
        )
        for t in tindak_lanjut_opd([opd])[:3]
    ]


def _kartu_kabupaten(k: Konteks) -> Kartu:
    tahun = k.hari_ini.year
    opds = opd_for_user(k.user).filter(aktif=True).order_by("kode")
    baris, _ = dasbor_cache(opds, tahun)
    terlambat = [b for b in baris if b.terlambat]
    rendah = [
        b for b in baris if b.capaian.nilai is not None and b.capaian.nilai < BATAS_PERINGATAN
    ]
    butir = []
    for b in terlambat[:DAFTAR_MAKS]:
        late = [tw for tw in range(1, 5) if b.status.get(tw) == "terlambat"]
        butir.append(
            Butir(
                f"Terlambat: {b.opd.nama}",
                url=reverse("laporan:opd", args=[b.opd.pk, tahun]),
                ket="Triwulan " + ", ".join(ROMAWI[tw] for tw in late),
                tingkat="bahaya",
            )
        )
    for b in sorted(rendah, key=lambda b: b.capaian.nilai)[:DAFTAR_MAKS]:
        butir.append(
            Butir(
                f"Capaian di bawah 70 %: {b.opd.nama} ({b.capaian})",
                url=reverse("laporan:opd", args=[b.opd.pk, tahun]),
                ket=f"predikat {b.predikat.label}" if b.predikat else "",
                tingkat="perhatian",
            )
        )
    # the OPDs whose evaluation recommendations are still open, most open first
    terbuka = sorted(
        (t for t in tindak_lanjut_opd([b.opd for b in baris]) if t.terbuka),
        key=lambda t: (-t.terbuka, t.kode, -t.tahun),
    )
    for t in terbuka[:DAFTAR_MAKS]:
        butir.append(
            Butir(
                f"Rekomendasi Evaluasi AKIP {t.tahun} belum selesai: {t.nama}",
                url=reverse("laporan:evaluasi", args=[t.opd_id, t.tahun]) + "#judul-temuan",
                ket=f"{t.belum} belum ditindaklanjuti, {t.proses} dalam proses",
                tingkat="perhatian",
            )
        )
    ringkas = (
        f"{len(baris)} Perangkat Daerah; {len(terlambat)} terlambat mengisi, "
        f"{len(rendah)} dengan capaian di bawah 70 %."
    )
    return Kartu(
        f"Perangkat Daerah yang perlu perhatian ({tahun})",
        15,
        butir=butir,
        ringkas=ringkas,
        kosong="Tidak ada yang terlambat atau di bawah 70 %.",
        tautan=[
            (f"Dasbor {tahun}", reverse("laporan:dasbor") + f"?tahun={tahun}"),
            (f"Rekap capaian {tahun} (PDF)", reverse("laporan:rekap", args=[tahun, "pdf"])),
            (f"Rekap capaian {tahun} (xlsx)", reverse("laporan:rekap", args=[tahun, "xlsx"])),
            ("LKjIP semua Perangkat Daerah", reverse("laporan:lkjip_daftar")),
            (
                f"LKjIP Pemerintah Kabupaten {tahun - 1}",
                reverse("laporan:lkjip_kabupaten", args=[tahun - 1]),
            ),
            (f"Evaluasi AKIP {tahun - 1}", reverse("laporan:evaluasi_daftar")),
        ],
    )
