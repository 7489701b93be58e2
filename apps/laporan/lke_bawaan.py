"""The default Lembar Kerja Evaluasi of an OPD (Perangkat Daerah) after PermenPAN-RB Nomor 88
Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah: its four components and
their weights, the three sub-components of each with their shares, the criteria in our own
words (what each asks and the evidence it wants), and the seven grades.

The regulation's own sheet is longer and its wording differs; the kabupaten edits a year's
sheet in the admin (apps.laporan.admin.KuesionerLKEAdmin) before the evaluation starts. The
weights and grades here are those DOMAIN.md names; `muat_lke_bawaan` writes them for a year.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from apps.core.angka import format_angka

from .lke import periksa_kuesioner, susunan_kuesioner
from .models import KomponenLKE, KriteriaLKE, KuesionerLKE, PredikatLKE, SubKomponenLKE

DASAR = "Peraturan Menteri PANRB Nomor 88 Tahun 2021"
YT, AE = KriteriaLKE.Jenis.YT, KriteriaLKE.Jenis.AE

# The shares of every component (88/2021): Keterpenuhan 20 %, Kualitas 30 %, Pemanfaatan 50 %.
SUB = (("Keterpenuhan", "20"), ("Kualitas", "30"), ("Pemanfaatan", "50"))

# (component, weight, {sub-component: [(answer type, criterion, evidence)]})
KOMPONEN = [
    (
        "Perencanaan Kinerja",
        "30",
        {
            "Keterpenuhan": [
                (
                    YT,
                    "Renstra Perangkat Daerah untuk periode berjalan telah ditetapkan.",
                    "Dokumen Renstra dan keputusan penetapannya.",
                ),
                (YT, "Rencana kerja tahunan (Renja) telah disusun.", "Dokumen Renja."),
                (YT, "Indikator Kinerja Utama (IKU) telah ditetapkan.", "Keputusan penetapan IKU."),
                (
                    YT,
                    "Perjanjian Kinerja tahun berjalan telah ditandatangani.",
                    "Dokumen Perjanjian Kinerja.",
                ),
                (YT, "Dokumen anggaran (DPA) yang mendukung kinerja tersedia.", "DPA/DPPA."),
            ],
            "Kualitas": [
                (
                    AE,
                    "Tujuan dan sasaran Renstra berorientasi hasil, bukan keluaran.",
                    "Rumusan tujuan dan sasaran Renstra.",
                ),
                (
                    AE,
                    "Setiap IKU memiliki definisi operasional, formula dan sumber data.",
                    "Manual IKU.",
                ),
                (
                    AE,
                    "Target kinerja tahunan selaras dengan target jangka menengah Renstra.",
                    "Matriks target Renstra dan Perjanjian Kinerja.",
                ),
                (
                    AE,
                    "Perjanjian Kinerja ditetapkan paling lambat akhir Januari dan targetnya "
                    "sesuai Renstra.",
                    "Perjanjian Kinerja beserta tanggalnya.",
                ),
                (
                    AE,
                    "Sasaran Perangkat Daerah mendukung sasaran RPJMD (pohon kinerja).",
                    "Pohon kinerja.",
                ),
            ],
            "Pemanfaatan": [
                (
                    AE,
                    "Anggaran disusun mengacu pada kinerja yang hendak dicapai.",
                    "Keterkaitan program DPA dengan sasaran.",
                ),
                (
                    AE,
                    "Kegiatan yang dilaksanakan mendukung pencapaian sasaran.",
                    "Cascading program dan kegiatan.",
                ),
                (
                    AE,
                    "Perjanjian Kinerja diturunkan sampai pejabat administrator dan pengawas.",
                    "Perjanjian Kinerja berjenjang.",
                ),
                (
                    AE,
                    "Perubahan target dilakukan dengan alasan yang sah dan terdokumentasi.",
                    "Perubahan Perjanjian Kinerja dan alasannya.",
                ),
            ],
        },
    ),
    (
        "Pengukuran Kinerja",
        "30",
        {
            "Keterpenuhan": [
                (
                    YT,
                    "Terdapat pedoman atau mekanisme pengumpulan data kinerja.",
                    "Pedoman pengukuran kinerja.",
                ),
                (YT, "Realisasi kinerja diukur setiap triwulan.", "Isian realisasi triwulan."),
                (
                    YT,
                    "Pengukuran kinerja menggunakan aplikasi atau sistem informasi.",
                    "Aplikasi SAKIP.",
                ),
            ],
            "Kualitas": [
                (
                    AE,
                    "Realisasi diisi tepat waktu dalam jadwal pengisian setiap triwulan.",
                    "Riwayat pengajuan realisasi.",
                ),
                (
                    AE,
                    "Data realisasi diverifikasi dan dapat ditelusuri ke bukti dukungnya.",
                    "Bukti dukung dan catatan verifikasi.",
                ),
                (
                    AE,
                    "Capaian dihitung sesuai polaritas dan sifat akumulasi indikator.",
                    "Perhitungan capaian.",
                ),
            ],
            "Pemanfaatan": [
                (
                    AE,
                    "Hasil pengukuran dimanfaatkan pimpinan untuk mengendalikan kinerja.",
                    "Notula rapat evaluasi triwulan.",
                ),
                (
                    AE,
                    "Indikator yang diproyeksikan di bawah target ditindaklanjuti sebelum "
                    "akhir tahun.",
                    "Tindak lanjut peringatan dini.",
                ),
                (
                    AE,
                    "Hasil pengukuran menjadi dasar pemberian penghargaan dan sanksi.",
                    "Dokumen penilaian kinerja pegawai.",
                ),
            ],
        },
    ),
    (
        "Pelaporan Kinerja",
        "15",
        {
            "Keterpenuhan": [
                (YT, "LKjIP tahun sebelumnya telah disusun.", "Dokumen LKjIP."),
                (YT, "LKjIP disampaikan tepat waktu.", "Tanggal finalisasi LKjIP."),
            ],
            "Kualitas": [
                (
                    AE,
                    "LKjIP menyajikan perbandingan target dan realisasi seluruh indikator "
                    "Perjanjian Kinerja.",
                    "Bab III LKjIP.",
                ),
                (
                    AE,
                    "LKjIP memuat ketujuh analisis capaian untuk setiap sasaran.",
                    "Analisis per sasaran dalam LKjIP.",
                ),
                (
                    AE,
                    "LKjIP menyajikan realisasi dan efisiensi anggaran.",
                    "Bab realisasi anggaran LKjIP.",
                ),
            ],
            "Pemanfaatan": [
                (
                    AE,
                    "Informasi LKjIP dimanfaatkan untuk perbaikan perencanaan tahun berikutnya.",
                    "Renja dan Perjanjian Kinerja tahun berikutnya.",
                ),
                (AE, "LKjIP dipublikasikan kepada masyarakat.", "Tautan publikasi."),
            ],
        },
    ),
    (
        "Evaluasi Akuntabilitas Kinerja Internal",
        "25",
        {
            "Keterpenuhan": [
                (
                    YT,
                    "Evaluasi internal atas capaian kinerja dilaksanakan.",
                    "Laporan evaluasi internal.",
                ),
                (
                    YT,
                    "Rekomendasi evaluasi tahun lalu ditindaklanjuti.",
                    "Daftar tindak lanjut rekomendasi.",
                ),
            ],
            "Kualitas": [
                (
                    AE,
                    "Evaluasi internal dilakukan oleh pihak yang kompeten dengan metode yang "
                    "jelas.",
                    "Surat tugas dan kertas kerja evaluasi.",
                ),
                (
                    AE,
                    "Peringatan konsistensi data perencanaan dan realisasi diselesaikan.",
                    "Halaman konsistensi.",
                ),
            ],
            "Pemanfaatan": [
                (
                    AE,
                    "Hasil evaluasi dimanfaatkan untuk perbaikan kinerja.",
                    "Rencana aksi perbaikan.",
                ),
                (AE, "Tindak lanjut rekomendasi dipantau sampai selesai.", "Status tindak lanjut."),
            ],
        },
    ),
]

# The criteria whose answer the product proposes from its data (apps.laporan.usulan_lke), by
# (component, sub-component, criterion) number.
U = KriteriaLKE.Usulan
USULAN = {
    (1, 1, 1): U.RENSTRA,
    (1, 2, 2): U.IKU_LENGKAP,
    (1, 2, 4): U.PK_TEPAT,
    (1, 3, 4): U.PERUBAHAN_SAH,
    (2, 2, 1): U.TRIWULAN_TEPAT,
    (3, 1, 2): U.LKJIP_TEPAT,
    (3, 2, 2): U.LKJIP_TEPAT,
    (4, 2, 2): U.KONSISTENSI,
}

# (grade, bound: a total above it; None for the lowest)
PREDIKAT = [
    ("AA", "90", "Sangat memuaskan"),
    ("A", "80", "Memuaskan"),
    ("BB", "70", "Sangat baik"),
    ("B", "60", "Baik"),
    ("CC", "50", "Cukup"),
    ("C", "30", "Kurang"),
    ("D", None, "Sangat kurang"),
]


@transaction.atomic
def muat_lke_bawaan(tahun: int) -> KuesionerLKE:
    """The default sheet for `tahun`, written once: a year that has a sheet keeps it (it may
    have been edited). The sheet written passes periksa_kuesioner."""
    ada = KuesionerLKE.objects.filter(tahun=tahun).first()
    if ada is not None:
        return ada
    k = KuesionerLKE.objects.create(
        tahun=tahun, nama=f"LKE AKIP Perangkat Daerah {tahun}", dasar=DASAR
    )
    for n, (nama, bobot, subs) in enumerate(KOMPONEN, 1):
        komponen = KomponenLKE.objects.create(kuesioner=k, nomor=n, nama=nama, bobot=Decimal(bobot))
        for m, (nama_sub, persen) in enumerate(SUB, 1):
            sub = SubKomponenLKE.objects.create(
                komponen=komponen, nomor=m, nama=nama_sub, persen=Decimal(persen)
            )
            bulk_create_with_history(
                [
                    KriteriaLKE(
                        sub=sub,
                        nomor=i,
                        jenis=jenis,
                        uraian=uraian,
                        bukti=bukti,
                        usulan=USULAN.get((n, m, i), ""),
                    )
                    for i, (jenis, uraian, bukti) in enumerate(subs[nama_sub], 1)
                ],
                KriteriaLKE,
            )
    bulk_create_with_history(
        [
            PredikatLKE(
                kuesioner=k,
                huruf=huruf,
                batas=Decimal(batas) if batas is not None else None,
                uraian=uraian,
            )
            for huruf, batas, uraian in PREDIKAT
        ],
        PredikatLKE,
    )
    salah = periksa_kuesioner(k)
    if salah:
        raise ValueError("; ".join(salah))
    return k


def _angka(x) -> str:
    return format_angka(Decimal(x), 2, buang_nol=True)


def beda_dari_peraturan(komponen: list[KomponenLKE], predikat: list[PredikatLKE]) -> list[str]:
    """Where a year's sheet (its components as susunan_kuesioner gives them, its grades)
    weighs otherwise than PermenPAN-RB 88/2021 (KOMPONEN, SUB, PREDIKAT): each component's
    weight, each sub-component's share and each grade's bound that differs, a component or
    grade the regulation does not have and one it has that the sheet lacks. Empty when the
    sheet weighs as the regulation does. The kabupaten may weigh otherwise; the pages and the
    LHE say so."""
    beda = []
    for n, (nama, bobot, _) in enumerate(KOMPONEN, 1):
        k = next((k for k in komponen if k.nomor == n), None)
        if k is None:
            beda.append(f"Komponen {n} {nama} (bobot {bobot}) tidak ada.")
            continue
        if k.bobot != Decimal(bobot):
            beda.append(f"Komponen {n} {k.nama}: bobot {_angka(k.bobot)} (peraturan {bobot}).")
        for m, (nama_sub, persen) in enumerate(SUB, 1):
            s = next((s for s in k.sub.all() if s.nomor == m), None)
            if s is None:
                beda.append(f"Sub-komponen {n}.{m} {nama_sub} ({persen} %) tidak ada.")
            elif s.persen != Decimal(persen):
                beda.append(
                    f"Sub-komponen {n}.{m} {s.nama}: {_angka(s.persen)} % (peraturan {persen} %)."
                )
        beda.extend(
            f"Sub-komponen {n}.{s.nomor} {s.nama} tidak ada dalam peraturan."
            for s in k.sub.all()
            if s.nomor > len(SUB)
        )
    beda.extend(
        f"Komponen {k.nomor} {k.nama} tidak ada dalam peraturan."
        for k in komponen
        if k.nomor > len(KOMPONEN)
    )
    ada = {p.huruf: p.batas for p in predikat}
    for huruf, batas, _ in PREDIKAT:
        if huruf not in ada:
            beda.append(f"Predikat {huruf} tidak ada.")
        elif ada[huruf] != (Decimal(batas) if batas is not None else None):
            punya = f"> {_angka(ada[huruf])}" if ada[huruf] is not None else "tanpa batas"
            aturan = f"> {batas}" if batas is not None else "tanpa batas"
            beda.append(f"Predikat {huruf}: {punya} (peraturan {aturan}).")
    beda.extend(
        f"Predikat {h} tidak ada dalam peraturan." for h in ada if h not in {p[0] for p in PREDIKAT}
    )
    return beda


def beda_kuesioner(kuesioner: KuesionerLKE) -> list[str]:
    """beda_dari_peraturan of a stored sheet (4 queries)."""
    return beda_dari_peraturan(susunan_kuesioner(kuesioner), list(kuesioner.predikat.all()))


@transaction.atomic
def lke_buat(*, tahun: int, user) -> tuple[KuesionerLKE, str]:
    """A year's LKE made ready to edit, by Bagian Organisasi: a copy of the latest earlier
    year's sheet (its components, sub-components, criteria with their evidence, guidance and
    proposal rules, and its grades: what the kabupaten kept or edited last time), or the
    default sheet of PermenPAN-RB 88/2021 when there is none. Not locked. Refused when the
    year has one or is not a year. Returns the sheet and where it came from."""
    if not 2000 <= tahun <= 2100:
        raise ValidationError(f"Tahun {tahun} tidak dikenal; LKE tidak dibuat.", code="tahun")
    if KuesionerLKE.objects.select_for_update().filter(tahun=tahun).exists():
        raise ValidationError(
            f"LKE tahun {tahun} sudah ada; ubah di Data induk › LKE. Tidak ada yang dibuat.",
            code="ada",
        )
    asal = KuesionerLKE.objects.filter(tahun__lt=tahun).order_by("-tahun").first()
    if asal is None:
        return muat_lke_bawaan(tahun), f"LKE bawaan {DASAR}"
    k = KuesionerLKE(tahun=tahun, nama=f"LKE AKIP Perangkat Daerah {tahun}", dasar=asal.dasar)
    k._history_user = user
    k.save()
    for ka in susunan_kuesioner(asal):
        komponen = KomponenLKE.objects.create(
            kuesioner=k, nomor=ka.nomor, nama=ka.nama, bobot=ka.bobot
        )
        for sa in ka.sub.all():
            sub = SubKomponenLKE.objects.create(
                komponen=komponen, nomor=sa.nomor, nama=sa.nama, persen=sa.persen
            )
            bulk_create_with_history(
                [
                    KriteriaLKE(
                        sub=sub,
                        nomor=kr.nomor,
                        jenis=kr.jenis,
                        uraian=kr.uraian,
                        bukti=kr.bukti,
                        panduan=kr.panduan,
                        usulan=kr.usulan,
                    )
                    for kr in sa.kriteria.all()
                ],
                KriteriaLKE,
                default_user=user,
            )
    bulk_create_with_history(
        [
            PredikatLKE(kuesioner=k, huruf=p.huruf, batas=p.batas, uraian=p.uraian)
            for p in asal.predikat.all()
        ],
        PredikatLKE,
        default_user=user,
    )
    return k, f"LKE tahun {asal.tahun}"
