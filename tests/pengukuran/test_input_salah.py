"""Bad input on the realisasi pages: each case shows its Indonesian message and changes nothing.

Each row of the table posts (or opens) a page as a browser would, checks the sentence the user
reads on the page or in the messages, and compares the database before and after: the counts
and values of Realisasi, BuktiDukung, CatatanVerifikasi, JadwalPengisian and
PengecualianKunci, and the history of Realisasi.
"""

import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

import pytest
from conftest import TAHUN, TW
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from realisasi_uji import (
    PDF,
    formulir,
    indikator_pk,
    opd_kecamatan,
    potret,
    teks_halaman,
    url_tw,
)

from apps.core.models import User
from apps.pengukuran import services
from apps.pengukuran.berkas import check_bukti
from apps.pengukuran.models import (
    BuktiDukung,
    JadwalPengisian,
    Realisasi,
)
from apps.pengukuran.selectors import tanggal_id
from apps.perencanaan.models import IndikatorKinerja, PilihanNilai, PKIndikator

pytestmark = pytest.mark.django_db

TIDAK_DISIMPAN = "Tidak ada yang disimpan: periksa isian yang ditandai."


# --- helpers ---------------------------------------------------------------------------------


def entri(
    client, nilai=None, *, aksi="simpan", berkas=None, lain=None, triwulan=TW, sementara=None
):
    """Open the entry page, type `nilai` ({indicator index: text}) and attach `berkas`
    ({indicator index: file}), then press the button `aksi`. `sementara` is what happens
    elsewhere between opening the page and pressing the button."""
    daftar = indikator_pk()
    data = formulir(client.get(url_tw(triwulan=triwulan)).content.decode())
    if sementara:
        sementara()
    for i, teks in (nilai or {}).items():
        ind = daftar[i]
        kunci = f"i{ind.pk}-nilai_teks" if ind.jenis_nilai == "teks" else f"i{ind.pk}-nilai"
        data[kunci] = teks
    for i, f in (berkas or {}).items():
        data[f"i{daftar[i].pk}-bukti"] = f
    data.update(lain or {})
    data["aksi"] = aksi
    return client.post(url_tw(triwulan=triwulan), data, follow=True)


def _user(username):
    return User.objects.get(username=username)


def _baris(i, triwulan=TW, **kw):
    """A realisasi row of indicator `i` in TW III 2026 (draft unless told)."""
    operator = _user("operator.kecamatan")
    kw.setdefault("nilai", Decimal("90"))
    kw.setdefault("diisi_oleh", operator)
    if kw.get("status") in (Realisasi.Status.DIAJUKAN, Realisasi.Status.DIVERIFIKASI):
        kw.setdefault("diajukan_oleh", operator)
        kw.setdefault("diajukan_pada", timezone.now())
    if kw.get("status") == Realisasi.Status.DIVERIFIKASI:
        kw.setdefault("diverifikasi_oleh", _user("verifikator"))
        kw.setdefault("diverifikasi_pada", timezone.now())
    return Realisasi.objects.create(
        indikator=indikator_pk()[i], tahun=TAHUN, triwulan=triwulan, **kw
    )


def _tutup_jendela():
    """TW III 2026 closed since yesterday (after the rows were entered)."""
    hari_ini = timezone.localdate()
    JadwalPengisian.objects.filter(tahun=TAHUN, triwulan=TW).update(
        dibuka=hari_ini - datetime.timedelta(days=20), ditutup=hari_ini - datetime.timedelta(days=1)
    )


def _png_terpotong() -> bytes:
    buf = io.BytesIO()
    Image.effect_noise((64, 64), 50).convert("RGB").save(buf, "PNG")
    data = buf.getvalue()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return data[: len(data) // 2]


def _file(nama, isi, jenis="application/pdf"):
    return SimpleUploadedFile(nama, isi, content_type=jenis)


# --- the table -------------------------------------------------------------------------------


@dataclass
class Kasus:
    id: str
    kirim: Callable  # (client, ctx) -> response
    pesan: tuple[str, ...]
    peran: str = "operator.kecamatan"
    status: int = 200
    siapkan: Callable | None = None  # (ctx) -> None, before the "before" picture
    # (ctx) -> None: what someone else does between opening the page and saving it; the
    # "before" picture is taken after it.
    sementara: Callable | None = None
    tetap_di_input: dict = field(default_factory=dict)  # {indicator index: shown text}
    # A refused save never also says it saved.
    tidak_tampak: tuple[str, ...] = ("Draf tersimpan.", "diajukan untuk diverifikasi")


def _angka(teks, *pesan):
    """A number typed into the first indicator (IKM, which forbids negatives), with a valid
    value in the second one: nothing of the page is saved, and the typed text stays."""
    return Kasus(
        id=f"angka {teks}",
        kirim=lambda c, x: entri(c, {0: teks, 1: "90"}),
        pesan=(*pesan, TIDAK_DISIMPAN),
        tetap_di_input={0: teks, 1: "90"},
    )


def _ke_teks(ctx):
    """The fourth indicator measured by an ordered text value (Kurang < Baik < Sangat Baik)."""
    ind = indikator_pk()[3]
    IndikatorKinerja.objects.filter(pk=ind.pk).update(jenis_nilai="teks")
    for urutan, label in enumerate(["Kurang", "Baik", "Sangat Baik"], 1):
        PilihanNilai.objects.create(indikator=ind, urutan=urutan, label=label)
    PKIndikator.objects.filter(indikator=ind).update(target=None, target_teks="Baik")


def _siapkan_tutup_dengan_draf(ctx):
    for i in range(4):
        _baris(i, nilai=Decimal("95"))
    _tutup_jendela()


def _siapkan_semua_diajukan(ctx):
    for i in range(4):
        _baris(i, nilai=Decimal("95"), status=Realisasi.Status.DIAJUKAN)


def _siapkan_diajukan(ctx):
    ctx.r = _baris(0, nilai=Decimal("88"), status=Realisasi.Status.DIAJUKAN)


def _siapkan_draf(ctx):
    ctx.r = _baris(0, nilai=Decimal("88"))


def _kunci(r, status):
    """Someone else submits (and the verifikator verifies) the row meanwhile."""
    operator = _user("operator.kecamatan")
    r.status, r.diajukan_oleh, r.diajukan_pada = status, operator, timezone.now()
    if status == Realisasi.Status.DIVERIFIKASI:
        r.diverifikasi_oleh, r.diverifikasi_pada = _user("verifikator"), timezone.now()
    r.versi += 1
    r.save()


def _tinjau(data):
    def kirim(c, x):
        return c.post(url_tw("pengukuran:tinjau"), data(x), follow=True)

    return kirim


def _buka_kembali(realisasi, alasan):
    def kirim(c, x):
        return c.post(
            reverse("pengukuran:buka_kembali", args=[realisasi(x).pk]),
            {"alasan": alasan},
            follow=True,
        )

    return kirim


def _jadwal(data):
    def kirim(c, x):
        return c.post(reverse("pengukuran:jadwal"), data(x), follow=True)

    return kirim


def _diverifikasi_tw1(x):
    return Realisasi.objects.get(indikator=indikator_pk()[0], tahun=TAHUN, triwulan=1)


def _kemarin():
    return tanggal_id(timezone.localdate() - datetime.timedelta(days=1))


KASUS = [
    # Numbers: the messages of apps.core.angka, shown under the input.
    _angka(
        "1.234",
        "Realisasi: “1.234” bermakna ganda: 1.234 (ribuan) atau 1,234 (desimal). "
        "Tulis 1234 atau 1,234.",
    ),
    _angka("abc", "Realisasi: “abc” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89."),
    _angka("NaN", "Realisasi: “NaN” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89."),
    _angka("inf", "Realisasi: “inf” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89."),
    _angka("1e5", "Realisasi: “1e5” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89."),
    _angka("-5", "Realisasi: nilai tidak boleh negatif."),
    _angka(
        "12,34567",
        "Realisasi: paling banyak 4 angka di belakang koma; “12,34567” "
        "memiliki 5. Nilai tidak dibulatkan otomatis.",
    ),
    _angka(
        "1.23.4",
        "Realisasi: pemisah ribuan pada “1.23.4” tidak tepat; titik memisahkan "
        "setiap tiga angka dan koma menandai desimal.",
    ),
    _angka(
        "1.23,5",
        "Realisasi: pemisah ribuan pada “1.23,5” tidak tepat; titik memisahkan "
        "setiap tiga angka, misalnya 1.234.567,89.",
    ),
    _angka(
        "12,3,4", "Realisasi: “12,3,4” memiliki lebih dari satu koma; koma adalah pemisah desimal."
    ),
    _angka("123456789012345", "Realisasi: terlalu besar; paling banyak 14 angka sebelum koma."),
    Kasus(
        id="teks di luar pilihan",
        siapkan=_ke_teks,
        kirim=lambda c, x: entri(c, {3: "Luar Biasa", 0: "90"}),
        pesan=(
            "Masukkan pilihan yang valid. Luar Biasa bukan salah satu dari pilihan yang tersedia.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="analisis terlalu panjang",
        kirim=lambda c, x: entri(
            c, {0: "90"}, lain={f"i{indikator_pk()[0].pk}-analisis": "a" * 5001}
        ),
        pesan=("paling banyak 5000 karakter", TIDAK_DISIMPAN),
    ),
    # Evidence files: checked by content, never by name.
    Kasus(
        id="berkas exe bernama pdf",
        kirim=lambda c, x: entri(
            c,
            {0: "90"},
            berkas={
                0: _file(
                    "laporan.pdf",
                    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\0" * 512,
                )
            },
        ),
        pesan=(
            "Bukti dukung: berkas “laporan.pdf” bukan PDF atau gambar JPEG/PNG yang utuh "
            "(isi berkas yang diperiksa, bukan namanya).",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="berkas kosong",
        kirim=lambda c, x: entri(c, {0: "90"}, berkas={0: _file("kosong.pdf", b"")}),
        pesan=("Berkas yang dikirimkan kosong.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="berkas terlalu besar",
        siapkan=lambda x: setattr(x.settings, "SAKIP_BUKTI_MAKS_BYTES", 200 * 1024),
        kirim=lambda c, x: entri(
            c, {0: "90"}, berkas={0: _file("besar.pdf", PDF + b"%" * (300 * 1024 - len(PDF)))}
        ),
        pesan=(
            "Bukti dukung: berkas “besar.pdf” terlalu besar (300 KB); paling besar 200 KB.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="png terpotong",
        kirim=lambda c, x: entri(
            c, {0: "90"}, berkas={0: _file("foto.png", _png_terpotong(), "image/png")}
        ),
        pesan=(
            "Bukti dukung: berkas “foto.png” bukan PDF atau gambar JPEG/PNG yang utuh",
            TIDAK_DISIMPAN,
        ),
    ),
    # The workflow's rules.
    Kasus(
        id="isi triwulan yang ditutup sejak halaman dibuka",
        sementara=lambda x: _tutup_jendela(),
        kirim=lambda c, x: entri(c, {0: "90"}, sementara=x.sementara),
        pesan=(
            f"Pengisian Triwulan III 2026 sudah ditutup pada {_kemarin()}. Mintalah "
            "pembukaan kunci kepada Bagian Organisasi. Isian Anda tidak disimpan.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="ajukan triwulan yang ditutup",
        siapkan=_siapkan_tutup_dengan_draf,
        kirim=lambda c, x: entri(c, aksi="ajukan"),
        pesan=(
            "Draf tersimpan, tetapi belum dapat diajukan:",
            f"Pengisian Triwulan III 2026 sudah ditutup pada {_kemarin()}. Mintalah "
            "pembukaan kunci kepada Bagian Organisasi.",
        ),
    ),
    Kasus(
        id="ajukan tanpa ada yang perlu diajukan",
        siapkan=_siapkan_semua_diajukan,
        kirim=lambda c, x: entri(c, aksi="ajukan"),
        pesan=(
            "Tidak ada isian Triwulan III 2026 yang perlu diajukan: semuanya sudah diajukan "
            "atau diverifikasi.",
        ),
    ),
    Kasus(
        # The page was opened while the row was a draft; it was submitted and verified
        # before the user pressed save.
        id="ubah nilai yang diverifikasi sejak halaman dibuka",
        siapkan=_siapkan_draf,
        sementara=lambda x: _kunci(x.r, Realisasi.Status.DIVERIFIKASI),
        kirim=lambda c, x: entri(c, {0: "99"}, sementara=x.sementara),
        pesan=(
            "Realisasi “Indeks Kepuasan Masyarakat” sudah diverifikasi dan terkunci. Isian "
            "Anda tidak disimpan.",
            TIDAK_DISIMPAN,
        ),
        tetap_di_input={0: "88"},
    ),
    Kasus(
        id="ubah nilai yang diajukan sejak halaman dibuka",
        siapkan=_siapkan_draf,
        sementara=lambda x: _kunci(x.r, Realisasi.Status.DIAJUKAN),
        kirim=lambda c, x: entri(c, {0: "99"}, sementara=x.sementara),
        pesan=(
            "Realisasi “Indeks Kepuasan Masyarakat” sudah diajukan dan terkunci. Isian Anda "
            "tidak disimpan.",
            TIDAK_DISIMPAN,
        ),
        tetap_di_input={0: "88"},
    ),
    Kasus(
        # A forged post to a row that was already verified when the page was shown (a
        # browser does not send its disabled fields): ignored; the stored value stays and is
        # shown locked.
        id="nilai dipalsukan ke baris diverifikasi",
        siapkan=lambda x: setattr(
            x, "r", _baris(0, nilai=Decimal("88"), status=Realisasi.Status.DIVERIFIKASI)
        ),
        kirim=lambda c, x: c.post(
            url_tw(),
            {
                "aksi": "simpan",
                f"i{x.r.indikator_id}-nilai": "99",
                f"i{x.r.indikator_id}-versi": x.r.versi,
                f"i{x.r.indikator_id}-hash_isi": "palsu",
            },
            follow=True,
        ),
        pesan=("Diverifikasi",),
        tidak_tampak=(),
        tetap_di_input={0: "88"},
    ),
    Kasus(
        id="kembalikan tanpa catatan",
        peran="verifikator",
        siapkan=_siapkan_diajukan,
        kirim=_tinjau(
            lambda x: {
                "aksi": "simpan",
                f"r{x.r.pk}-aksi": "kembalikan",
                f"r{x.r.pk}-komentar": "   ",
            }
        ),
        pesan=("Catatan: tulis alasan pengembalian indikator ini.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="verifikasi baris yang belum diajukan",
        peran="verifikator",
        siapkan=_siapkan_draf,
        kirim=_tinjau(lambda x: {"aksi": "simpan", f"r{x.r.pk}-aksi": "verifikasi"}),
        pesan=("Pilih verifikasi atau kembalikan untuk paling sedikit satu indikator.",),
    ),
    Kasus(
        id="verifikasi semua tanpa ada yang diajukan",
        peran="verifikator",
        siapkan=_siapkan_draf,
        kirim=_tinjau(lambda x: {"aksi": "semua"}),
        pesan=("Pilih verifikasi atau kembalikan untuk paling sedikit satu indikator.",),
    ),
    Kasus(
        id="buka kembali tanpa alasan",
        peran="verifikator",
        kirim=_buka_kembali(_diverifikasi_tw1, "  "),
        pesan=("Alasan: wajib diisi.",),
    ),
    Kasus(
        id="buka kembali yang belum diverifikasi",
        peran="verifikator",
        siapkan=_siapkan_diajukan,
        kirim=_buka_kembali(lambda x: x.r, "Data direvisi."),
        pesan=("Hanya realisasi yang sudah diverifikasi yang dapat dibuka kembali.",),
    ),
    Kasus(
        id="pengecualian berlaku sampai masa lalu",
        peran="verifikator",
        kirim=_jadwal(
            lambda x: {
                "aksi": "pengecualian",
                "p-opd": opd_kecamatan().pk,
                "p-jadwal": JadwalPengisian.objects.get(tahun=TAHUN, triwulan=TW).pk,
                "p-berlaku_sampai": "1 Januari 2020 10.00",
                "p-alasan": "Server rusak.",
            }
        ),
        pesan=("Berlaku sampai: harus di masa depan.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pengecualian tanggal bukan tanggal",
        peran="verifikator",
        kirim=_jadwal(
            lambda x: {
                "aksi": "pengecualian",
                "p-opd": opd_kecamatan().pk,
                "p-jadwal": JadwalPengisian.objects.get(tahun=TAHUN, triwulan=TW).pk,
                "p-berlaku_sampai": "besok sore",
                "p-alasan": "Server rusak.",
            }
        ),
        pesan=(
            "Berlaku sampai: “besok sore” bukan tanggal; tulis seperti 22 November 2026 atau "
            "22/11/2026.",
            TIDAK_DISIMPAN,
        ),
    ),
    Kasus(
        id="jadwal ditutup sebelum dibuka",
        peran="verifikator",
        kirim=_jadwal(
            lambda x: {
                "aksi": "jadwal",
                "j-tahun": "2027",
                "j-triwulan": "1",
                "j-dibuka": "15 April 2027",
                "j-ditutup": "1 April 2027",
            }
        ),
        pesan=("Tanggal ditutup: tidak boleh sebelum tanggal dibuka.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="jadwal tahun bukan angka",
        peran="verifikator",
        kirim=_jadwal(
            lambda x: {
                "aksi": "jadwal",
                "j-tahun": "abc",
                "j-triwulan": "3",
                "j-dibuka": "1 Oktober 2026",
                "j-ditutup": "15 Oktober 2026",
            }
        ),
        pesan=("Tahun: tulis angka tahun, misalnya 2026.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="jadwal triwulan 5",
        peran="verifikator",
        kirim=_jadwal(
            lambda x: {
                "aksi": "jadwal",
                "j-tahun": "2026",
                "j-triwulan": "5",
                "j-dibuka": "1 Oktober 2026",
                "j-ditutup": "15 Oktober 2026",
            }
        ),
        pesan=("Triwulan: pilih Triwulan I sampai IV.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="jadwal 31 Februari",
        peran="verifikator",
        kirim=_jadwal(
            lambda x: {
                "aksi": "jadwal",
                "j-tahun": "2026",
                "j-triwulan": "3",
                "j-dibuka": "31 Februari 2026",
                "j-ditutup": "1 Maret 2026",
            }
        ),
        pesan=("Tanggal dibuka: tanggal “31 Februari 2026” tidak ada di kalender.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="jadwal tahun di luar rentang",
        peran="verifikator",
        kirim=_jadwal(
            lambda x: {
                "aksi": "jadwal",
                "j-tahun": "1999",
                "j-triwulan": "1",
                "j-dibuka": "1 April 1999",
                "j-ditutup": "15 April 1999",
            }
        ),
        pesan=("Tahun: harus antara 2000 dan 2100.", TIDAK_DISIMPAN),
    ),
    Kasus(
        id="pratinjau angka bermakna ganda",
        kirim=lambda c, x: c.get(
            url_tw("pengukuran:pratinjau"), {f"i{indikator_pk()[0].pk}": "1.234"}
        ),
        pesan=("Realisasi: “1.234” bermakna ganda",),
    ),
    Kasus(
        id="triwulan 5 di alamat (GET)",
        kirim=lambda c, x: c.get(url_tw(triwulan=5)),
        pesan=(),
        status=404,
    ),
    Kasus(
        id="triwulan 5 di alamat (POST)",
        kirim=lambda c, x: c.post(
            url_tw(triwulan=5), {"aksi": "simpan", f"i{indikator_pk()[0].pk}-nilai": "90"}
        ),
        pesan=(),
        status=404,
    ),
    Kasus(
        id="triwulan 0 di pratinjau",
        kirim=lambda c, x: c.get(url_tw("pengukuran:pratinjau", triwulan=0)),
        pesan=(),
        status=404,
    ),
    Kasus(
        id="triwulan 5 di tinjau",
        peran="verifikator",
        kirim=lambda c, x: c.post(
            reverse("pengukuran:tinjau", args=[opd_kecamatan().pk, TAHUN, 5]), {"aksi": "semua"}
        ),
        pesan=(),
        status=404,
    ),
    Kasus(
        id="indikator di luar PK",
        # Indicator 2023 of the Kecamatan's Renstra, not in the 2026 PK: the field is not on
        # the page, so nothing is read from it.
        kirim=lambda c, x: entri(
            c,
            lain={
                f"i{x.luar.pk}-nilai": "90",
                f"i{x.luar.pk}-versi": "0",
                f"i{x.luar.pk}-hash_isi": "",
            },
        ),
        pesan=("Draf tersimpan.",),
        tidak_tampak=(),
    ),
]


@pytest.fixture
def ctx(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pk_ids = [i.pk for i in indikator_pk()]
    luar = (
        IndikatorKinerja.objects.filter(sasaran__tujuan__renstra__opd=opd_kecamatan())
        .exclude(pk__in=pk_ids)
        .first()
    )
    return SimpleNamespace(settings=settings, luar=luar)


@pytest.mark.parametrize("kasus", [pytest.param(k, id=k.id) for k in KASUS])
def test_bad_input_shows_its_message_and_changes_nothing(client, tw_terbuka, ctx, kasus):
    if kasus.siapkan:
        kasus.siapkan(ctx)
    client.force_login(_user(kasus.peran))
    ctx.sebelum = potret()

    def sementara():
        kasus.sementara(ctx)
        ctx.sebelum = potret()

    ctx.sementara = sementara if kasus.sementara else None
    resp = kasus.kirim(client, ctx)
    assert resp.status_code == kasus.status
    teks = teks_halaman(resp)
    for pesan in kasus.pesan:
        assert pesan in teks
    for pesan in kasus.tidak_tampak:
        assert pesan not in teks
    assert potret() == ctx.sebelum
    body = resp.content.decode()
    daftar = indikator_pk()
    for i, diketik in kasus.tetap_di_input.items():
        assert re.search(rf'name="i{daftar[i].pk}-nilai" value="{re.escape(diketik)}"', body)


def test_the_table_has_enough_cases():
    assert len(KASUS) >= 24


def test_every_message_comes_with_nothing_written_even_for_other_valid_rows(
    client, tw_terbuka, ctx
):
    """All or nothing: one bad row keeps the valid rows of the same save out too."""
    client.force_login(_user("operator.kecamatan"))
    resp = entri(client, {0: "abc", 1: "90", 2: "75", 3: "80"})
    assert TIDAK_DISIMPAN in teks_halaman(resp)
    assert not Realisasi.objects.filter(
        indikator__in=indikator_pk(), tahun=TAHUN, triwulan=TW
    ).exists()


def test_path_traversal_name_is_accepted_but_stored_under_a_random_name(client, tw_terbuka, ctx):
    client.force_login(_user("operator.kecamatan"))
    resp = entri(client, {0: "90"}, berkas={0: _file("../../etc/passwd.pdf", PDF)})
    assert "Draf tersimpan." in teks_halaman(resp)
    bukti = BuktiDukung.objects.get(
        realisasi__indikator=indikator_pk()[0], realisasi__tahun=TAHUN, realisasi__triwulan=TW
    )
    assert bukti.nama_asli == "passwd.pdf"
    assert bukti.jenis_konten == "application/pdf"
    assert bukti.berkas.name.startswith("bukti/")
    assert ".." not in bukti.berkas.name and "passwd" not in bukti.berkas.name
    assert re.fullmatch(r"bukti/\d{4}/[0-9a-f]{32}\.pdf", bukti.berkas.name)
    path = bukti.berkas.path
    assert path.startswith(str(ctx.settings.MEDIA_ROOT))
    with open(path, "rb") as f:
        assert f.read() == PDF
    # The page shows the cleaned original name; the download gives it back under that name.
    assert "passwd.pdf" in teks_halaman(resp)
    unduh = client.get(reverse("pengukuran:bukti_unduh", args=[bukti.pk]))
    assert 'filename="passwd.pdf"' in unduh["Content-Disposition"]
    assert b"".join(unduh.streaming_content) == PDF


@pytest.mark.parametrize(
    "nama",
    ["../../etc/passwd.pdf", "..\\..\\windows\\passwd.pdf", "/etc/passwd.pdf", "..passwd.pdf"],
)
def test_evidence_check_strips_folders_from_the_original_name(ctx, nama):
    """The browser-independent check: whatever the name a client sends, only the last part
    is kept for display, and the stored name is random."""
    berkas = check_bukti(_file(nama, PDF))
    assert berkas.nama_asli == "passwd.pdf"
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", berkas.isi.name)


def test_service_refuses_an_indicator_outside_the_pk_with_its_message(ctx):
    """What the page never sends (the field is not on it) the service still refuses."""
    with pytest.raises(ValidationError) as e:
        services.realisasi_triwulan_save(
            opd=opd_kecamatan(),
            tahun=TAHUN,
            triwulan=TW,
            user=_user("operator.kecamatan"),
            isian=[services.Isian(indikator_id=ctx.luar.pk, nilai=Decimal("90"))],
        )
    assert e.value.messages == ["Indikator ini tidak ada pada Perjanjian Kinerja yang berlaku."]


def test_service_refuses_to_change_a_verified_value_with_its_message(tw_terbuka, ctx):
    r = _baris(0, nilai=Decimal("88"), status=Realisasi.Status.DIVERIFIKASI)
    with pytest.raises(ValidationError) as e:
        services.realisasi_triwulan_save(
            opd=opd_kecamatan(),
            tahun=TAHUN,
            triwulan=TW,
            user=_user("operator.kecamatan"),
            isian=[
                services.Isian(
                    indikator_id=r.indikator_id, nilai=Decimal("99"), versi_dibaca=r.versi
                )
            ],
        )
    assert e.value.messages == [
        f"Realisasi “{r.indikator.nama}” sudah diverifikasi dan terkunci. Isian Anda tidak "
        "disimpan."
    ]
    r.refresh_from_db()
    assert r.nilai == Decimal("88")


def test_service_refuses_to_verify_a_row_that_is_not_submitted(tw_terbuka, ctx):
    r = _baris(0, nilai=Decimal("88"))
    with pytest.raises(ValidationError) as e:
        services.verifikasi_save(
            opd=opd_kecamatan(),
            tahun=TAHUN,
            triwulan=TW,
            user=_user("verifikator"),
            keputusan={r.pk: services.Keputusan("verifikasi")},
        )
    assert e.value.messages == [
        f"“{r.indikator.nama}” berstatus draf; hanya yang diajukan yang dapat diverifikasi "
        "atau dikembalikan."
    ]
    r.refresh_from_db()
    assert r.status == Realisasi.Status.DRAFT
