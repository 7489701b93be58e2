"""Bad input on the planning pages: each case shows its Indonesian message and changes nothing.

Each row of the table posts (or opens) a page as a browser would (the page's own form read
from the page, then what the user typed), checks the sentence the user reads on the page or
in the messages, that the answer is not a server error, and compares the database before and
after: every row and value of PerjanjianKinerja, PKIndikator, PKProgram, Renstra, Tujuan,
Sasaran, IndikatorKinerja, TargetTahunan, ProgramSasaran and of their history tables.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from perencanaan_uji import (
    draf_2023,
    draf_2026,
    formulir,
    indikator_lepas,
    indikator_renstra,
    opd_organisasi,
    pesan,
    pk_kec,
    potret,
    renstra_kec,
    user,
)
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.perencanaan.models import (
    PerjanjianKinerja,
    PKIndikator,
    PKProgram,
    Renstra,
    Sasaran,
    TargetTahunan,
)
from apps.perencanaan.selectors import program_opd

pytestmark = pytest.mark.django_db

TIDAK_DISIMPAN = "Tidak ada yang disimpan: periksa isian yang ditandai."
KOSONG = "Bidang ini tidak boleh kosong."
PILIHAN_SALAH = (
    "Masukkan pilihan yang valid. Pilihan tersebut bukan salah satu dari pilihan yang tersedia."
)
BUKAN_ANGKA = "bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89."


# --- helpers ---------------------------------------------------------------------------------


@dataclass
class Kasus:
    id: str
    kirim: Callable  # (client, ctx) -> response
    pesan: tuple[str, ...] = ()
    peran: str = "operator.kecamatan"
    status: int = 200
    siapkan: Callable | None = None  # (ctx) -> None, before the "before" picture
    # Messages whose field label the app writes in other letter case than the form names it
    # (see test_messages_keep_the_case_of_the_field_label): compared ignoring case here.
    pesan_huruf_bebas: tuple[str, ...] = ()
    # {input name: text}: what the user typed is still in the input of the page shown.
    tetap_di_input: Callable | None = None  # (ctx) -> dict
    periksa: Callable | None = None  # (ctx) -> None, what else must hold afterwards


def _url_opd():
    return reverse("perencanaan:opd", args=[opd_kecamatan().pk])


def _opd(data):
    """The OPD page's form: new PK (aksi=pk_baru) or new Renstra (aksi=renstra_baru)."""

    def kirim(c, x):
        return c.post(_url_opd(), data, follow=True)

    return kirim


def _baca(c, url, form_id):
    resp = c.get(url)
    assert resp.status_code == 200, url
    return formulir(resp.content.decode(), form_id)


def _url_renstra(nama="perencanaan:renstra", tahun_awal=2024):
    return reverse(nama, args=[renstra_kec(tahun_awal).pk])


def _ind(i, tahun_awal=2024):
    """Indicator `i` of the Kecamatan's Renstra (0: Indeks Kepuasan Masyarakat, which
    refuses negatives)."""
    return indikator_renstra(renstra_kec(tahun_awal))[i]


def _pohon(field_, teks):
    """The whole tree form of Renstra 2024-2026 as shown, with `field_` of indicator 0 typed
    as `teks`, and two valid changes in the same post (the tujuan's text, a target of
    indicator 1) that must not be saved either."""

    def kirim(c, x):
        url = _url_renstra()
        data = _baca(c, url, "form-renstra")
        ind, lain = _ind(0), _ind(1)
        kunci = f"i{ind.pk}-{field_}"
        assert kunci in data
        data[kunci] = teks
        tujuan = renstra_kec(2024).tujuan.get()
        data[f"t{tujuan.pk}-uraian"] = "Tujuan yang diubah bersama isian salah"
        data[f"i{lain.pk}-target_2026"] = "77"
        return c.post(url, data, follow=True)

    return kirim


def _di_input_pohon(field_, teks):
    return lambda x: {f"i{_ind(0).pk}-{field_}": teks}


def _tambah(data):
    def kirim(c, x):
        return c.post(_url_renstra("perencanaan:renstra_tambah"), data(x), follow=True)

    return kirim


def _hapus(butir):
    def kirim(c, x):
        return c.post(_url_renstra("perencanaan:renstra_hapus"), {"butir": butir(x)}, follow=True)

    return kirim


def _salin(awal, akhir):
    def kirim(c, x):
        return c.post(
            _url_renstra("perencanaan:renstra_salin"),
            {"salin-tahun_awal": awal, "salin-tahun_akhir": akhir},
            follow=True,
        )

    return kirim


def _iku(ubah):
    """The IKU table of Renstra 2024-2026 as shown, with `ubah` (ctx, data) applied and a
    valid change of another indicator's formula in the same post."""

    def kirim(c, x):
        url = _url_renstra("perencanaan:iku")
        data = _baca(c, url, "form-iku")
        ubah(x, data)
        data[f"k{_ind(1).pk}-formula"] = "Jumlah nilai dibagi jumlah unsur."
        return c.post(url, data, follow=True)

    return kirim


def _siapkan_draf_2023(x):
    """A dated draft perubahan 2 of PK 2023: 4 targets and 5 programs."""
    x.draf = draf_2023(tanggal=datetime.date(2023, 12, 1))
    x.target = PKIndikator.objects.get(pk_dokumen=x.draf, indikator__nama__startswith="Indeks")
    x.program = PKProgram.objects.filter(pk_dokumen=x.draf).order_by("program__kode")[1]


def _siapkan_draf_2026(x):
    """A draft perubahan 1 of PK 2026 (no date, no program) and an indicator of the Renstra
    that is not in it yet."""
    x.draf = draf_2026()
    x.lepas = indikator_lepas(renstra_kec(2024))


def _pk(ubah, tempat="Maospati"):
    """The edit form of the draft as shown, with `ubah` (ctx, data) applied; the place is
    changed too (a valid change that must not be saved either)."""

    def kirim(c, x):
        url = reverse("perencanaan:pk", args=[x.draf.pk])
        data = _baca(c, url, "form-pk")
        if tempat is not None:
            data["pk-tempat"] = tempat
        ubah(x, data)
        return c.post(url, data, follow=True)

    return kirim


def _set(kunci, nilai):
    """ubah: set one field; `kunci` and `nilai` may be functions of the ctx."""

    def ubah(x, data):
        k = kunci(x) if callable(kunci) else kunci
        assert k in data, k
        data[k] = nilai(x) if callable(nilai) else nilai

    return ubah


def _target(x):
    return f"t{x.target.pk}-target"


def _anggaran(x):
    return f"p{x.program.pk}-anggaran"


def _nama_program(x):
    return x.program.program.nama


def _pk_post(data, pk=lambda x: x.draf, nama="perencanaan:pk"):
    def kirim(c, x):
        return c.post(reverse(nama, args=[pk(x).pk]), data(x), follow=True)

    return kirim


def _tetap_draf(x):
    x.draf.refresh_from_db()
    assert x.draf.status == PerjanjianKinerja.Status.DRAFT
    assert x.draf.difinalkan_pada is None


def _perubahan(data, pk=lambda x: pk_kec(2026)):
    return _pk_post(lambda x: data, pk=pk, nama="perencanaan:pk_perubahan")


PERUBAHAN_SAH = {"alasan_perubahan": "pejabat", "keterangan_perubahan": "Camat baru dilantik."}


def _siapkan_tanpa_indikator(x):
    x.draf = draf_2026(tanggal=datetime.date(2026, 3, 2))
    PKIndikator.objects.filter(pk_dokumen=x.draf).delete()


def _get(url):
    def kirim(c, x):
        return c.get(url(x))

    return kirim


def _banding(tahun, **params):
    return _get(
        lambda x: (
            reverse("perencanaan:pk_banding", args=[opd_kecamatan().pk, tahun])
            + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
        )
    )


def _program_tambahan(x):
    """A program the OPD works with that the 2026 draft does not have yet (the first one the
    page offers)."""
    return (
        program_opd(renstra_kec(2024))
        .exclude(pk__in=x.draf.program.values("program_id"))
        .first()
        .pk
    )


PERIODE_KEC = "(2018-2023, 2024-2026)"

KASUS = [
    # --- a new PK: the year --------------------------------------------------------------
    Kasus(
        id="pk baru 2027 di luar periode Renstra",
        kirim=_opd({"aksi": "pk_baru", "pk-tahun": "2027"}),
        pesan=(
            f"Tahun 2027 di luar periode Renstra OPD ini {PERIODE_KEC}. Buat atau salin "
            "Renstra periode itu lebih dahulu.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="pk baru tahun abc",
        kirim=_opd({"aksi": "pk_baru", "pk-tahun": "abc"}),
        pesan=("Tahun: tulis angka tahun, misalnya 2026.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk baru 1999",
        kirim=_opd({"aksi": "pk_baru", "pk-tahun": "1999"}),
        pesan=("Tahun: harus antara 2000 dan 2100.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk baru tahun kosong",
        kirim=_opd({"aksi": "pk_baru", "pk-tahun": ""}),
        pesan=("Tahun: wajib diisi.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk baru tahun pecahan",
        kirim=_opd({"aksi": "pk_baru", "pk-tahun": "2025,5"}),
        pesan=("Tahun: tulis angka tahun, misalnya 2026.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk baru tahun yang sudah punya PK",
        kirim=_opd({"aksi": "pk_baru", "pk-tahun": "2026"}),
        pesan=(
            "Perjanjian Kinerja tahun 2026 sudah ada; buka PK itu atau buat perubahannya.",
            TIDAK_DISIMPAN,
        ),
    ),
    # --- a new Renstra: the period -------------------------------------------------------
    Kasus(
        id="renstra baru akhir sebelum awal",
        kirim=_opd({"aksi": "renstra_baru", "r-tahun_awal": "2030", "r-tahun_akhir": "2028"}),
        pesan=(
            "Tahun akhir: harus sesudah tahun awal dan paling lama 6 tahun kemudian.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="renstra baru akhir sama dengan awal",
        kirim=_opd({"aksi": "renstra_baru", "r-tahun_awal": "2030", "r-tahun_akhir": "2030"}),
        pesan=(
            "Tahun akhir: harus sesudah tahun awal dan paling lama 6 tahun kemudian.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="renstra baru lebih dari 6 tahun",
        kirim=_opd({"aksi": "renstra_baru", "r-tahun_awal": "2027", "r-tahun_akhir": "2034"}),
        pesan=(
            "Tahun akhir: harus sesudah tahun awal dan paling lama 6 tahun kemudian.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="renstra baru bertumpang tindih 2022-2025",
        kirim=_opd({"aksi": "renstra_baru", "r-tahun_awal": "2022", "r-tahun_akhir": "2025"}),
        pesan=(
            "Periode 2022-2025 bertumpang tindih dengan Renstra Kecamatan Magetan",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="renstra baru tahun awal sama dengan yang ada",
        kirim=_opd({"aksi": "renstra_baru", "r-tahun_awal": "2024", "r-tahun_akhir": "2029"}),
        pesan=(
            "Periode 2024-2029 bertumpang tindih dengan Renstra Kecamatan Magetan 2024-2026.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="renstra baru bukan angka",
        kirim=_opd(
            {"aksi": "renstra_baru", "r-tahun_awal": "dua ribu dua tujuh", "r-tahun_akhir": "2031a"}
        ),
        pesan=(
            "Tahun awal: tulis angka tahun, misalnya 2026.",
            "Tahun akhir: tulis angka tahun, misalnya 2026.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="renstra baru tahun kosong",
        kirim=_opd({"aksi": "renstra_baru", "r-tahun_awal": "", "r-tahun_akhir": ""}),
        pesan=("Tahun awal: wajib diisi.", "Tahun akhir: wajib diisi.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="renstra baru periode RPJMD dipalsukan",
        kirim=_opd(
            {
                "aksi": "renstra_baru",
                "r-tahun_awal": "2027",
                "r-tahun_akhir": "2031",
                "r-periode_rpjmd": "999999",
            }
        ),
        pesan=(PILIHAN_SALAH, TIDAK_DISIMPAN),
    ),
    # --- copy a Renstra ------------------------------------------------------------------
    Kasus(
        id="salin ke periode bertumpang tindih",
        kirim=_salin("2025", "2029"),
        pesan=(
            "Periode 2025-2029 bertumpang tindih dengan Renstra Kecamatan Magetan 2024-2026.",
            "Renstra tidak disalin.",
        ),
    ),
    Kasus(
        id="salin akhir sebelum awal",
        kirim=_salin("2031", "2027"),
        pesan=(
            "Tahun akhir: harus sesudah tahun awal dan paling lama 6 tahun kemudian.",
            "Renstra tidak disalin.",
        ),
    ),
    Kasus(
        id="salin tahun bukan angka",
        kirim=_salin("2027", "dua ribu tiga satu"),
        pesan=("Tahun akhir: tulis angka tahun, misalnya 2026.", "Renstra tidak disalin."),
    ),
    # --- the Renstra tree: one bad field refuses the whole page ---------------------------
    Kasus(
        id="pohon target delapan puluh",
        kirim=_pohon("target_2025", "delapan puluh"),
        pesan=(f"Target 2025: “delapan puluh” {BUKAN_ANGKA}", TIDAK_DISIMPAN),
        tetap_di_input=_di_input_pohon("target_2025", "delapan puluh"),
    ),
    Kasus(
        id="pohon target 1.234 bermakna ganda",
        kirim=_pohon("target_2025", "1.234"),
        pesan=(
            "Target 2025: “1.234” bermakna ganda: 1.234 (ribuan) atau 1,234 (desimal). "
            "Tulis 1234 atau 1,234.",
            TIDAK_DISIMPAN,
        ),
        tetap_di_input=_di_input_pohon("target_2025", "1.234"),
    ),
    Kasus(
        id="pohon target negatif",
        kirim=_pohon("target_2026", "-5"),
        pesan=("Target 2026: nilai tidak boleh negatif.", TIDAK_DISIMPAN),
        tetap_di_input=_di_input_pohon("target_2026", "-5"),
    ),
    Kasus(
        id="pohon target terlalu banyak desimal",
        kirim=_pohon("target_2025", "80,12345"),
        pesan=(
            "Target 2025: paling banyak 4 angka di belakang koma; “80,12345” memiliki 5. "
            "Nilai tidak dibulatkan otomatis.",
            TIDAK_DISIMPAN,
        ),
        tetap_di_input=_di_input_pohon("target_2025", "80,12345"),
    ),
    Kasus(
        id="pohon target akhir bukan angka",
        kirim=_pohon("target_akhir", "90%"),
        pesan=(f"Target akhir periode: “90%” {BUKAN_ANGKA}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pohon nama indikator kosong",
        kirim=_pohon("nama", "   "),
        pesan=(f"Indikator: {KOSONG}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pohon polaritas dipalsukan",
        kirim=_pohon("polaritas", "netral"),
        pesan=(
            "Polaritas: Masukkan pilihan yang valid. netral bukan salah satu dari pilihan "
            "yang tersedia.",
            TIDAK_DISIMPAN,
        ),
    ),
    # --- add to the tree -----------------------------------------------------------------
    Kasus(
        id="tambah jenis tidak dikenal",
        kirim=_tambah(lambda x: {"jenis": "kegiatan", "bt-uraian": "Kegiatan baru"}),
        pesan=("Jenis yang ditambahkan harus tujuan, sasaran atau indikator.",),
    ),
    Kasus(
        id="tambah tanpa jenis",
        kirim=_tambah(lambda x: {"bt-uraian": "Tujuan baru"}),
        pesan=("Jenis yang ditambahkan harus tujuan, sasaran atau indikator.",),
    ),
    Kasus(
        id="tambah tujuan uraian kosong",
        kirim=_tambah(lambda x: {"jenis": "tujuan", "bt-uraian": "  "}),
        pesan=(f"Tujuan baru: {KOSONG}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="tambah sasaran uraian kosong",
        kirim=_tambah(
            lambda x: {
                "jenis": "sasaran",
                "bs-tujuan": renstra_kec(2024).tujuan.get().pk,
                "bs-uraian": "",
            }
        ),
        pesan=(f"Sasaran baru: {KOSONG}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="tambah indikator pada sasaran Renstra lain",
        kirim=_tambah(
            lambda x: {
                "jenis": "indikator",
                "bi-sasaran": _ind(0, 2018).sasaran_id,
                "bi-nama": "Indikator palsu",
                "bi-satuan": "%",
                "bi-polaritas": "positif",
                "bi-jenis_nilai": "angka",
                "bi-agregasi": "nilai_akhir",
            }
        ),
        pesan=(f"Sasaran: {PILIHAN_SALAH}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="tambah indikator pada sasaran OPD lain",
        kirim=_tambah(
            lambda x: {
                "jenis": "indikator",
                "bi-sasaran": Sasaran.objects.filter(tujuan__renstra__opd=opd_organisasi())[0].pk,
                "bi-nama": "Indikator palsu",
                "bi-satuan": "%",
                "bi-polaritas": "positif",
                "bi-jenis_nilai": "angka",
                "bi-agregasi": "nilai_akhir",
            }
        ),
        pesan=(f"Sasaran: {PILIHAN_SALAH}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="tambah sasaran pada tujuan Renstra lain",
        kirim=_tambah(
            lambda x: {
                "jenis": "sasaran",
                "bs-tujuan": renstra_kec(2018).tujuan.get().pk,
                "bs-uraian": "Sasaran palsu",
            }
        ),
        pesan=(f"Tujuan: {PILIHAN_SALAH}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="tambah indikator teks kumulatif",
        kirim=_tambah(
            lambda x: {
                "jenis": "indikator",
                "bi-sasaran": _ind(0).sasaran_id,
                "bi-nama": "Predikat",
                "bi-polaritas": "positif",
                "bi-jenis_nilai": "teks",
                "bi-agregasi": "kumulatif",
            }
        ),
        pesan=("Indikator bernilai teks hanya dapat diagregasi dengan nilai akhir.",),
    ),
    # --- delete from the tree ------------------------------------------------------------
    Kasus(
        id="hapus indikator yang dipakai PK",
        kirim=_hapus(lambda x: f"indikator-{_ind(0).pk}"),
        pesan=(
            "Indikator “Indeks Kepuasan Masyarakat” tidak dapat dihapus: sudah dipakai pada "
            "Perjanjian Kinerja atau realisasi.",
        ),
    ),
    Kasus(
        id="hapus sasaran yang indikatornya dipakai PK",
        kirim=_hapus(lambda x: f"sasaran-{_ind(0).sasaran_id}"),
        pesan=("tidak dapat dihapus: sudah dipakai pada Perjanjian Kinerja atau realisasi.",),
    ),
    Kasus(
        id="hapus tujuan yang indikatornya dipakai PK",
        kirim=_hapus(lambda x: f"tujuan-{renstra_kec(2024).tujuan.get().pk}"),
        pesan=("tidak dapat dihapus: sudah dipakai pada Perjanjian Kinerja atau realisasi.",),
    ),
    Kasus(
        id="hapus butir tanpa nomor",
        kirim=_hapus(lambda x: "indikator-abc"),
        status=404,
    ),
    Kasus(
        id="hapus butir jenis tidak dikenal",
        kirim=_hapus(lambda x: f"program-{_ind(0).pk}"),
        status=404,
    ),
    # --- the IKU table -------------------------------------------------------------------
    Kasus(
        id="iku sumber data lebih dari 300 karakter",
        kirim=_iku(_set(lambda x: f"k{_ind(0).pk}-sumber_data", "s" * 301)),
        pesan=(
            "Indeks Kepuasan Masyarakat: Sumber data: Pastikan nilai ini mengandung paling "
            "banyak 300 karakter (sekarang 301 karakter).",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="iku penanggung jawab lebih dari 200 karakter",
        kirim=_iku(_set(lambda x: f"k{_ind(0).pk}-penanggung_jawab", "p" * 201)),
        pesan=(
            "Indeks Kepuasan Masyarakat: Penanggung jawab: Pastikan nilai ini mengandung "
            "paling banyak 200 karakter (sekarang 201 karakter).",
            TIDAK_DISIMPAN,
        ),
    ),
    # --- the PK edit form of a draft -----------------------------------------------------
    Kasus(
        id="pk target abc",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set(_target, "abc")),
        pesan=(TIDAK_DISIMPAN,),
        pesan_huruf_bebas=(f"Target Indeks Kepuasan Masyarakat: “abc” {BUKAN_ANGKA}",),
        tetap_di_input=lambda x: {_target(x): "abc"},
    ),
    Kasus(
        id="pk target kosong",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set(_target, "")),
        pesan=(
            "Target Indeks Kepuasan Masyarakat: wajib diisi (atau centang Hapus).",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="pk anggaran 12.5",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set(_anggaran, "12.5")),
        pesan=(
            "pemisah ribuan pada “12.5” tidak tepat; pada rupiah titik memisahkan setiap "
            "tiga angka (12.500) dan koma menandai sen (12.500,50).",
            TIDAK_DISIMPAN,
        ),
        pesan_huruf_bebas=(
            "Anggaran PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK: pemisah "
            "ribuan pada “12.5” tidak tepat",
        ),
        tetap_di_input=lambda x: {_anggaran(x): "12.5"},
    ),
    Kasus(
        id="pk anggaran negatif",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set(_anggaran, "-1.000.000")),
        pesan=(TIDAK_DISIMPAN,),
        pesan_huruf_bebas=(
            "Anggaran PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK: nilai tidak "
            "boleh negatif.",
        ),
    ),
    Kasus(
        id="pk anggaran kosong",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set(_anggaran, "")),
        pesan=(
            "Anggaran PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK: wajib "
            "diisi (atau centang Hapus).",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="pk anggaran tiga desimal",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set(_anggaran, "9.006.800,125")),
        pesan=(
            "paling banyak 2 angka di belakang koma; “9.006.800,125” memiliki 3. Nilai tidak "
            "dibulatkan otomatis.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="pk tanggal 31 Februari 2023",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set("pk-tanggal", "31 Februari 2023")),
        pesan=(
            "Tanggal penandatanganan: tanggal “31 Februari 2023” tidak ada di kalender.",
            TIDAK_DISIMPAN,
        ),
        tetap_di_input=lambda x: {"pk-tanggal": "31 Februari 2023"},
    ),
    Kasus(
        id="pk tanggal besok",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set("pk-tanggal", "besok")),
        pesan=(
            "Tanggal penandatanganan: “besok” bukan tanggal; tulis seperti 22 November 2026 "
            "atau 22/11/2026.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="pk pihak kedua sama dengan pihak pertama",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set("pk-pihak_kedua", lambda x: x.draf.pihak_pertama_id)),
        pesan=(
            "Pihak kedua: pilih atasan langsung pihak pertama (kepala daerah atau pimpinan "
            "OPD induk); pihak pertama atau pejabat OPD ini tidak dapat menjadi pihak kedua.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="pk pihak kedua kosong",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set("pk-pihak_kedua", "")),
        pesan=(f"Pihak kedua: {KOSONG}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk pihak pertama kosong",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set("pk-pihak_pertama", "")),
        pesan=(f"Pihak pertama: {KOSONG}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk tempat kosong",
        siapkan=_siapkan_draf_2023,
        # A valid target change goes with it instead of the place.
        kirim=_pk(lambda x, d: d.update({"pk-tempat": "   ", _target(x): "86"}), tempat=None),
        pesan=(f"Tempat penandatanganan: {KOSONG}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk pernyataan kosong",
        siapkan=_siapkan_draf_2023,
        kirim=_pk(_set("pk-pernyataan", "")),
        pesan=(f"Teks pernyataan: {KOSONG}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk tambah indikator target bukan angka",
        siapkan=_siapkan_draf_2026,
        kirim=_pk_post(
            lambda x: {
                "aksi": "tambah_indikator",
                "ti-indikator": x.lepas.pk,
                "ti-target": "tinggi",
            }
        ),
        pesan=(f"Target: “tinggi” {BUKAN_ANGKA}", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pk tambah indikator tanpa target Renstra",
        siapkan=_siapkan_draf_2026,
        kirim=_pk_post(
            lambda x: {"aksi": "tambah_indikator", "ti-indikator": x.lepas.pk, "ti-target": ""}
        ),
        pesan=("Isi target: Renstra tidak memiliki target 2026 untuk indikator ini.",),
    ),
    Kasus(
        id="pk tambah program anggaran abc",
        siapkan=_siapkan_draf_2026,
        kirim=_pk_post(
            lambda x: {
                "aksi": "tambah_program",
                "tp-program": _program_tambahan(x),
                "tp-anggaran": "abc",
            }
        ),
        pesan=(TIDAK_DISIMPAN,),
        pesan_huruf_bebas=(f"Anggaran (Rp): “abc” {BUKAN_ANGKA}",),
    ),
    Kasus(
        id="pk tambah program anggaran kosong",
        siapkan=_siapkan_draf_2026,
        kirim=_pk_post(
            lambda x: {
                "aksi": "tambah_program",
                "tp-program": _program_tambahan(x),
                "tp-anggaran": "",
            }
        ),
        pesan=(TIDAK_DISIMPAN,),
        pesan_huruf_bebas=(f"Anggaran (Rp): {KOSONG}",),
    ),
    # --- finalise ------------------------------------------------------------------------
    Kasus(
        id="finalkan draf tanpa tanggal",
        peran="pimpinan.kecamatan",
        siapkan=_siapkan_draf_2026,
        kirim=_pk_post(lambda x: {}, nama="perencanaan:pk_finalkan"),
        pesan=(
            "PK final harus memiliki tanggal",
            "Perubahan Perjanjian Kinerja Tahun 2026 belum difinalkan.",
        ),
        periksa=_tetap_draf,
    ),
    Kasus(
        id="finalkan PK tanpa indikator",
        peran="pimpinan.kecamatan",
        siapkan=_siapkan_tanpa_indikator,
        kirim=_pk_post(lambda x: {}, nama="perencanaan:pk_finalkan"),
        pesan=(
            "PK belum memiliki satu pun target indikator; tambahkan target sebelum difinalkan.",
            "Perubahan Perjanjian Kinerja Tahun 2026 belum difinalkan.",
        ),
        periksa=_tetap_draf,
    ),
    # --- perubahan -----------------------------------------------------------------------
    Kasus(
        id="perubahan dari draf",
        siapkan=_siapkan_draf_2026,
        kirim=_perubahan(PERUBAHAN_SAH, pk=lambda x: x.draf),
        pesan=(
            "Perubahan hanya dapat dibuat dari Perjanjian Kinerja yang sudah final; "
            "selesaikan dan finalkan draf ini lebih dahulu.",
            "Perubahan PK belum dibuat.",
        ),
    ),
    Kasus(
        id="perubahan dari versi final yang bukan terakhir",
        kirim=_perubahan(PERUBAHAN_SAH, pk=lambda x: pk_kec(2023, 0)),
        pesan=(
            "Sudah ada versi yang lebih baru (Perubahan Perjanjian Kinerja Tahun 2023, "
            "final); perubahan dibuat dari versi terakhir.",
            "Perubahan PK belum dibuat.",
        ),
    ),
    Kasus(
        id="perubahan kedua dari induk selagi perubahan masih draf",
        siapkan=_siapkan_draf_2026,
        kirim=_perubahan(PERUBAHAN_SAH),
        pesan=(
            "Sudah ada versi yang lebih baru (Perubahan Perjanjian Kinerja Tahun 2026, "
            "draf); perubahan dibuat dari versi terakhir.",
            "Perubahan PK belum dibuat.",
        ),
    ),
    Kasus(
        id="perubahan tanpa alasan",
        kirim=_perubahan({"keterangan_perubahan": "Camat baru dilantik."}),
        pesan=(
            "Alasan perubahan: pilih salah satu dari tiga alasan yang diizinkan.",
            "Perubahan PK belum dibuat.",
        ),
    ),
    Kasus(
        id="perubahan alasan lainnya",
        kirim=_perubahan(
            {"alasan_perubahan": "lainnya", "keterangan_perubahan": "Camat baru dilantik."}
        ),
        pesan=(
            "Alasan perubahan: pilih salah satu dari tiga alasan yang diizinkan.",
            "Perubahan PK belum dibuat.",
        ),
    ),
    Kasus(
        id="perubahan keterangan kosong",
        kirim=_perubahan({"alasan_perubahan": "pejabat", "keterangan_perubahan": "  "}),
        pesan=("Keterangan: jelaskan apa yang berubah dan mengapa.", "Perubahan PK belum dibuat."),
    ),
    # --- addresses that do not exist ----------------------------------------------------
    Kasus(id="banding dari versi 9", kirim=_banding(2023, dari=9), status=404),
    Kasus(id="banding ke versi 9", kirim=_banding(2023, dari=0, ke=9), status=404),
    Kasus(id="banding dari abc", kirim=_banding(2023, dari="abc"), status=404),
    Kasus(id="banding dari negatif", kirim=_banding(2023, dari=-1), status=404),
    Kasus(id="banding tahun dengan satu versi", kirim=_banding(2026), status=404),
    Kasus(id="banding tahun tanpa PK", kirim=_banding(2030), status=404),
    Kasus(
        id="konsistensi tahun 1999",
        kirim=_get(lambda x: reverse("perencanaan:konsistensi", args=[opd_kecamatan().pk, 1999])),
        status=404,
    ),
    Kasus(
        id="konsistensi tahun 2101",
        kirim=_get(lambda x: reverse("perencanaan:konsistensi", args=[opd_kecamatan().pk, 2101])),
        status=404,
    ),
    Kasus(
        id="renstra tidak ada",
        kirim=_get(lambda x: reverse("perencanaan:renstra", args=[999999])),
        status=404,
    ),
    Kasus(
        id="pk tidak ada",
        kirim=_pk_post(lambda x: {"aksi": "simpan"}, pk=lambda x: SimpleNamespace(pk=999999)),
        status=404,
    ),
]


@pytest.fixture
def ctx():
    return SimpleNamespace()


@pytest.mark.parametrize("kasus", [pytest.param(k, id=k.id) for k in KASUS])
def test_bad_input_shows_its_message_and_changes_nothing(client, ctx, kasus):
    if kasus.siapkan:
        kasus.siapkan(ctx)
    client.force_login(user(kasus.peran))
    sebelum = potret()
    resp = kasus.kirim(client, ctx)
    assert resp.status_code != 500
    assert resp.status_code == kasus.status
    assert potret() == sebelum, "a refused input changed the database"
    if kasus.periksa:
        kasus.periksa(ctx)
    if kasus.status != 200:
        return
    teks = teks_halaman(resp)
    for p in kasus.pesan:
        assert p in teks, (p, pesan(resp))
    for p in kasus.pesan_huruf_bebas:
        assert p.casefold() in teks.casefold(), (p, pesan(resp))
    # A refused input never also says it saved.
    assert not [m for m in get_messages(resp.wsgi_request) if m.level_tag == "success"]
    body = resp.content.decode()
    for nama, diketik in (kasus.tetap_di_input(ctx) if kasus.tetap_di_input else {}).items():
        assert re.search(rf'name="{re.escape(nama)}" value="{re.escape(diketik)}"', body), nama


def test_the_table_has_enough_cases():
    assert len(KASUS) >= 45


# --- beyond the table ------------------------------------------------------------------------


def test_messages_keep_the_case_of_the_field_label(client):
    """A message names the field as the form labels it: "Target Nilai SAKIP Kecamatan",
    "Anggaran (Rp)", "Indikator Renstra", not "Target nilai sakip kecamatan", "Anggaran (rp)",
    "Indikator renstra" (str.capitalize() lowercases everything after the first letter)."""
    x = SimpleNamespace()
    _siapkan_draf_2023(x)
    x.target = PKIndikator.objects.get(pk_dokumen=x.draf, indikator__nama="Nilai SAKIP Kecamatan")
    client.force_login(user("operator.kecamatan"))
    teks = teks_halaman(_pk(_set(_target, "abc"))(client, x))
    teks_lain = teks_halaman(
        client.post(
            reverse("perencanaan:pk", args=[x.draf.pk]),
            {"aksi": "tambah_indikator", "ti-indikator": "999999", "ti-target": ""},
            follow=True,
        )
    )
    x2 = SimpleNamespace()
    _siapkan_draf_2026(x2)
    teks_program = teks_halaman(
        _pk_post(
            lambda x: {
                "aksi": "tambah_program",
                "tp-program": _program_tambahan(x),
                "tp-anggaran": "abc",
            }
        )(client, x2)
    )
    assert f"Target Nilai SAKIP Kecamatan: “abc” {BUKAN_ANGKA}" in teks
    assert f"Anggaran (Rp): “abc” {BUKAN_ANGKA}" in teks_program
    assert f"Indikator Renstra: {PILIHAN_SALAH}" in teks_lain


@pytest.mark.parametrize(
    ("target", "tampil"),
    [
        (Decimal("1500"), "1.500,00"),
        (Decimal("25000"), "25.000,00"),
        (Decimal("999999"), "999.999,00"),
    ],
)
def test_a_renstra_target_in_thousands_is_saved_back_unchanged(client, target, tampil):
    """The page shows a stored target of 1500 as “1.500,00” (“1.500” alone would be
    ambiguous); sending the page back unchanged (the user edits another field) must not be
    refused as an ambiguous number."""
    ind = _ind(1)
    TargetTahunan.objects.filter(indikator=ind, tahun=2026).update(target=target)
    client.force_login(user("operator.kecamatan"))
    url = _url_renstra()
    data = _baca(client, url, "form-renstra")
    assert data[f"i{ind.pk}-target_2026"] == tampil
    data[f"i{_ind(0).pk}-target_2025"] = "84"
    resp = client.post(url, data, follow=True)
    assert "Renstra tersimpan (1 perubahan)." in pesan(resp), pesan(resp)
    assert TargetTahunan.objects.get(indikator=ind, tahun=2026).target == target
    assert TargetTahunan.objects.get(indikator=_ind(0), tahun=2025).target == Decimal("84")


@pytest.mark.parametrize(
    ("anggaran", "tampil"),
    [
        (Decimal("1500"), "1.500"),
        (Decimal("250000"), "250.000"),
        (Decimal("250000.50"), "250.000,50"),
    ],
)
def test_a_pk_budget_in_thousands_is_saved_back_unchanged(client, anggaran, tampil):
    """Likewise a PK budget of Rp 250.000 shown as “250.000” (in rupiah a dot groups
    thousands, so nothing needs writing out) and sent back unchanged."""
    x = SimpleNamespace()
    _siapkan_draf_2023(x)
    PKProgram.objects.filter(pk=x.program.pk).update(anggaran=anggaran)
    client.force_login(user("operator.kecamatan"))
    url = reverse("perencanaan:pk", args=[x.draf.pk])
    data = _baca(client, url, "form-pk")
    assert data[_anggaran(x)] == tampil
    data["pk-tempat"] = "Maospati"
    resp = client.post(url, data, follow=True)
    assert "tersimpan." in " ".join(pesan(resp)), pesan(resp)
    x.draf.refresh_from_db()
    x.program.refresh_from_db()
    assert (x.draf.tempat, x.program.anggaran) == ("Maospati", anggaran)


def test_the_tree_page_sent_back_unchanged_saves_nothing(client):
    """The round trip itself: the form as shown, posted as is, changes nothing."""
    client.force_login(user("operator.kecamatan"))
    url = _url_renstra()
    data = _baca(client, url, "form-renstra")
    sebelum = potret()
    resp = client.post(url, data, follow=True)
    assert pesan(resp) == ["Tidak ada perubahan."]
    assert potret() == sebelum


def test_the_iku_page_sent_back_unchanged_saves_nothing(client):
    client.force_login(user("operator.kecamatan"))
    sebelum = potret()
    url = _url_renstra("perencanaan:iku")
    resp = client.post(url, _baca(client, url, "form-iku"), follow=True)
    assert pesan(resp) == ["Tidak ada perubahan."]
    assert potret() == sebelum


def test_one_bad_target_keeps_every_other_change_of_the_tree_out(client):
    """All or nothing, shown directly: the valid changes sent with a bad one are not saved."""
    client.force_login(user("operator.kecamatan"))
    tujuan = renstra_kec(2024).tujuan.get()
    uraian = tujuan.uraian
    resp = _pohon("target_2025", "abc")(client, None)
    assert TIDAK_DISIMPAN in teks_halaman(resp)
    tujuan.refresh_from_db()
    assert tujuan.uraian == uraian
    assert TargetTahunan.objects.get(indikator=_ind(1), tahun=2026).target == Decimal("80")
    assert not TargetTahunan.objects.filter(indikator=_ind(0), tahun=2025).exists()


def test_a_new_renstra_with_a_bad_period_keeps_the_typed_years_in_the_form(client):
    client.force_login(user("operator.kecamatan"))
    resp = _opd({"aksi": "renstra_baru", "r-tahun_awal": "2030", "r-tahun_akhir": "2028"})(
        client, None
    )
    body = resp.content.decode()
    assert 'name="r-tahun_awal" value="2030"' in body
    assert 'name="r-tahun_akhir" value="2028"' in body
    assert not Renstra.objects.filter(tahun_awal=2030).exists()


@pytest.mark.parametrize("baris", ["target", "program"])
def test_an_emptied_row_with_hapus_checked_is_removed_as_the_message_says(client, baris):
    """“wajib diisi (atau centang Hapus)”: a row the user empties and marks Hapus is removed,
    not refused."""
    x = SimpleNamespace()
    _siapkan_draf_2023(x)
    client.force_login(user("operator.kecamatan"))
    url = reverse("perencanaan:pk", args=[x.draf.pk])
    data = _baca(client, url, "form-pk")
    row = x.target if baris == "target" else x.program
    awalan = f"t{row.pk}" if baris == "target" else f"p{row.pk}"
    data[_target(x) if baris == "target" else _anggaran(x)] = ""
    data[f"{awalan}-hapus"] = "on"
    resp = client.post(url, data, follow=True)
    assert "tersimpan." in " ".join(pesan(resp)), pesan(resp)
    assert not type(row).objects.filter(pk=row.pk).exists()
