"""Bad input on the budget realisation grid: each case shows its Indonesian message and saves
nothing.

Each row posts the Kecamatan's grid of November 2023 (empty so far) as its operator's browser
sends it, with one line typed wrong and another line typed right in the same post. The
answer is the page again (never a server error) with a message naming the wrong line's code
and the field, and the database is unchanged: every RealisasiAnggaran row and value, and
its history.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse
from perencanaan_uji import formulir, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman

from apps.anggaran.models import DPA, RealisasiAnggaran, RincianDPA
from apps.core.angka import format_angka

pytestmark = pytest.mark.django_db

TAHUN, BULAN = 2023, 11
FORM = "form-realisasi-anggaran"
TIDAK_DISIMPAN = "Tidak ada yang disimpan: periksa isian yang ditandai."
TIDAK_BERUBAH = "Tidak ada perubahan."


# --- helpers ---------------------------------------------------------------------------------


def _dpa() -> DPA:
    return DPA.objects.get(opd=opd_kecamatan(), tahun=TAHUN, jenis=DPA.Jenis.MURNI)


def _rincian() -> list[RincianDPA]:
    return list(
        RincianDPA.objects.filter(dpa=_dpa())
        .select_related("sub_kegiatan", "kegiatan")
        .order_by("kegiatan__kode", "sub_kegiatan__kode")
    )


def _url(bulan=BULAN) -> str:
    return reverse("anggaran:realisasi", args=[opd_kecamatan().pk, TAHUN, bulan])


def _baca(client, bulan=BULAN) -> dict:
    resp = client.get(_url(bulan))
    assert resp.status_code == 200
    return formulir(resp.content.decode(), FORM)


def potret() -> dict:
    return {
        "realisasi": sorted(
            RealisasiAnggaran.objects.values_list(
                "pk", "rincian_id", "bulan", "realisasi", "fisik", "keterangan"
            )
        ),
        "riwayat": RealisasiAnggaran.history.count(),
    }


@pytest.fixture
def operator(client):
    client.force_login(user("operator.kecamatan"))
    return client


# --- the table -------------------------------------------------------------------------------


@dataclass
class Kasus:
    id: str
    isian: dict  # field suffix -> text typed on the wrong line
    pesan: str  # the message, "{kode}" replaced by the line's code
    field: str  # how the message names the field


KASUS = [
    Kasus(
        "huruf",
        {"realisasi": "abc"},
        "Realisasi {kode} (Rp): “abc” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89.",
        "Realisasi",
    ),
    Kasus(
        "negatif",
        {"realisasi": "-5"},
        "Realisasi {kode} (Rp): nilai tidak boleh negatif.",
        "Realisasi",
    ),
    Kasus(
        "titik-bukan-ribuan",
        {"realisasi": "12.5"},
        "Realisasi {kode} (Rp): pemisah ribuan pada “12.5” tidak tepat; pada rupiah titik "
        "memisahkan setiap tiga angka (12.500) dan koma menandai sen (12.500,50).",
        "Realisasi",
    ),
    Kasus(
        "titik-bukan-ribuan-dengan-fisik",
        {"realisasi": "12500.00", "fisik": "1"},
        "Realisasi {kode} (Rp): pemisah ribuan pada “12500.00” tidak tepat; pada rupiah "
        "titik memisahkan setiap tiga angka (12.500) dan koma menandai sen (12.500,50).",
        "Realisasi",
    ),
    Kasus(
        "tiga-desimal",
        {"realisasi": "12,345"},
        "Realisasi {kode} (Rp): paling banyak 2 angka di belakang koma; “12,345” memiliki 3. "
        "Nilai tidak dibulatkan otomatis.",
        "Realisasi",
    ),
    Kasus(
        "eksponen",
        {"realisasi": "1e5"},
        "Realisasi {kode} (Rp): “1e5” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89.",
        "Realisasi",
    ),
    Kasus(
        "fisik-tanpa-rupiah",
        {"realisasi": "", "fisik": "10"},
        "Realisasi {kode} (Rp): isi rupiahnya, atau kosongkan juga fisik dan keterangan.",
        "Realisasi",
    ),
    Kasus(
        "keterangan-tanpa-rupiah",
        {"realisasi": "", "keterangan": "Belum cair"},
        "Realisasi {kode} (Rp): isi rupiahnya, atau kosongkan juga fisik dan keterangan.",
        "Realisasi",
    ),
    Kasus(
        "fisik-huruf",
        {"realisasi": "1.000.000", "fisik": "x"},
        "Realisasi fisik {kode}: “x” bukan angka. Tulis angka seperti 78,2 atau 1.234.567,89.",
        "Realisasi fisik",
    ),
    Kasus(
        "fisik-negatif",
        {"realisasi": "1.000.000", "fisik": "-1"},
        "Realisasi fisik {kode}: nilai tidak boleh negatif.",
        "Realisasi fisik",
    ),
    Kasus(
        "keterangan-panjang", {"realisasi": "1.000.000", "keterangan": "k" * 256}, "", "Keterangan"
    ),
    Kasus(
        "terlalu-besar",
        {"realisasi": "12345678901234567"},
        "Realisasi {kode} (Rp): terlalu besar; paling banyak 16 angka sebelum koma.",
        "Realisasi",
    ),
    Kasus(
        "terlalu-besar-bertitik",
        {"realisasi": "12.345.678.901.234.567,00"},
        "Realisasi {kode} (Rp): terlalu besar; paling banyak 16 angka sebelum koma.",
        "Realisasi",
    ),
]


@pytest.mark.parametrize("kasus", [pytest.param(k, id=k.id) for k in KASUS])
def test_bad_input_shows_its_message_and_saves_nothing(operator, kasus):
    salah, benar = _rincian()[:2]
    data = _baca(operator)
    for suffix, teks in kasus.isian.items():
        kunci = f"r{salah.pk}-{suffix}"
        assert kunci in data
        data[kunci] = teks
    # A valid line in the same post is not saved either.
    data[f"r{benar.pk}-realisasi"] = "2.500.000"
    data[f"r{benar.pk}-fisik"] = "1"
    sebelum = potret()
    resp = operator.post(_url(), data)
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    daftar = pesan(resp)
    assert TIDAK_DISIMPAN in daftar
    if kasus.pesan:
        harap = kasus.pesan.format(kode=salah.kode)
        assert harap in daftar, daftar
        assert harap in teks
    # Whatever its wording, a message names the line's code and the field.
    assert any(salah.kode in m and kasus.field.lower() in m.lower() for m in daftar), daftar
    if kasus.id == "keterangan-panjang":
        assert any(salah.kode in m and "255" in m for m in daftar), daftar
    assert potret() == sebelum
    assert not RealisasiAnggaran.objects.filter(bulan=BULAN).exists()


def test_several_bad_lines_each_get_their_own_message(operator):
    a, b, c = _rincian()[:3]
    data = _baca(operator)
    data[f"r{a.pk}-realisasi"] = "abc"
    data[f"r{b.pk}-realisasi"] = "-5"
    data[f"r{c.pk}-realisasi"] = "1.00"
    sebelum = potret()
    resp = operator.post(_url(), data)
    assert resp.status_code == 200
    daftar = pesan(resp)
    for r in (a, b, c):
        assert any(r.kode in m for m in daftar), (r.kode, daftar)
    assert potret() == sebelum


def test_a_refused_rupiah_gets_one_message_not_a_second_one_about_the_same_cell(operator):
    """A wrong realisasi with fisik filled in used to add "isi rupiahnya, atau kosongkan juga
    fisik dan keterangan" to the message about the number itself."""
    a = _rincian()[0]
    data = _baca(operator)
    data[f"r{a.pk}-realisasi"] = "12.5"
    data[f"r{a.pk}-fisik"] = "1"
    data[f"r{a.pk}-keterangan"] = "Honor"
    daftar = pesan(operator.post(_url(), data))
    assert [m for m in daftar if a.kode in m] == [
        f"Realisasi {a.kode} (Rp): pemisah ribuan pada “12.5” tidak tepat; pada rupiah titik "
        "memisahkan setiap tiga angka (12.500) dan koma menandai sen (12.500,50)."
    ]


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("12.500", "12500"),
        ("1.234", "1234"),
        ("Rp 15.490.556.938", "15490556938"),
        ("12.500,50", "12500.50"),
        ("12500", "12500"),
    ],
)
def test_in_a_rupiah_field_a_dot_groups_thousands(operator, teks, nilai):
    """Rupiah carry no decimals in these documents: 12.500 is twelve thousand five hundred,
    not refused as ambiguous as it is in an indicator value."""
    a = _rincian()[0]
    data = _baca(operator)
    data[f"r{a.pk}-realisasi"] = teks
    resp = operator.post(_url(), data)
    assert resp.status_code == 302, pesan(resp)
    assert RealisasiAnggaran.objects.get(rincian=a, bulan=BULAN).realisasi == Decimal(nilai)


def test_what_was_typed_stays_in_the_inputs_after_a_refusal(operator):
    salah, benar = _rincian()[:2]
    data = _baca(operator)
    data[f"r{salah.pk}-realisasi"] = "abc"
    data[f"r{benar.pk}-realisasi"] = "2.500.000"
    resp = operator.post(_url(), data)
    kembali = formulir(resp.content.decode(), FORM)
    assert kembali[f"r{salah.pk}-realisasi"] == "abc"
    assert kembali[f"r{benar.pk}-realisasi"] == "2.500.000"


# --- valid input -----------------------------------------------------------------------------


def test_valid_post_saves_exactly_what_was_typed_and_shows_it(operator):
    a, b = _rincian()[:2]
    data = _baca(operator)
    data[f"r{a.pk}-realisasi"] = "1.234.567,89"
    data[f"r{a.pk}-fisik"] = "2,5"
    data[f"r{a.pk}-keterangan"] = "Honor narasumber"
    data[f"r{b.pk}-realisasi"] = "750000"
    desember = sorted(
        RealisasiAnggaran.objects.filter(bulan=12).values_list(
            "pk", "rincian_id", "realisasi", "fisik", "keterangan"
        )
    )
    resp = operator.post(_url(), data)
    assert resp.status_code == 302
    assert resp["Location"] == _url()
    assert "Realisasi November 2023 tersimpan (2 baris)." in pesan(resp)

    baris = {r.rincian_id: r for r in RealisasiAnggaran.objects.filter(bulan=BULAN)}
    assert set(baris) == {a.pk, b.pk}
    assert baris[a.pk].realisasi == Decimal("1234567.89")
    assert baris[a.pk].fisik == Decimal("2.5")
    assert baris[a.pk].keterangan == "Honor narasumber"
    assert baris[b.pk].realisasi == Decimal("750000")
    assert baris[b.pk].fisik is None
    assert baris[b.pk].keterangan == ""
    # Other months are untouched.
    assert (
        sorted(
            RealisasiAnggaran.objects.filter(bulan=12).values_list(
                "pk", "rincian_id", "realisasi", "fisik", "keterangan"
            )
        )
        == desember
    )

    # The page shows them again, in the form it reads back.
    halaman = operator.get(_url())
    isi = formulir(halaman.content.decode(), FORM)
    assert isi[f"r{a.pk}-realisasi"] == "1.234.567,89"
    assert isi[f"r{a.pk}-fisik"] == "2,5"
    assert isi[f"r{a.pk}-keterangan"] == "Honor narasumber"
    assert isi[f"r{b.pk}-realisasi"] == "750.000"  # a dot groups thousands in rupiah

    # Posting the page unchanged writes nothing.
    sebelum = potret()
    resp = operator.post(_url(), isi)
    assert resp.status_code == 302
    assert TIDAK_BERUBAH in pesan(resp)
    assert potret() == sebelum

    # Clearing a line removes that month's row only.
    isi[f"r{a.pk}-realisasi"] = ""
    isi[f"r{a.pk}-fisik"] = ""
    isi[f"r{a.pk}-keterangan"] = ""
    resp = operator.post(_url(), isi)
    assert resp.status_code == 302
    assert "Realisasi November 2023 tersimpan (1 baris)." in pesan(resp)
    assert not RealisasiAnggaran.objects.filter(rincian=a, bulan=BULAN).exists()
    assert RealisasiAnggaran.objects.filter(rincian=a, bulan=12).exists()
    assert RealisasiAnggaran.objects.get(rincian=b, bulan=BULAN).realisasi == Decimal("750000")
    isi = formulir(operator.get(_url()).content.decode(), FORM)
    assert isi[f"r{a.pk}-realisasi"] == ""


def test_realisation_above_the_pagu_is_saved_and_flagged(operator):
    a = _rincian()[0]
    lebih = a.pagu + Decimal("1")
    data = _baca(operator)
    data[f"r{a.pk}-realisasi"] = format_angka(lebih)
    resp = operator.post(_url(), data)
    assert resp.status_code == 302
    assert RealisasiAnggaran.objects.get(rincian=a, bulan=BULAN).realisasi == lebih

    halaman = operator.get(_url())
    isi = halaman.content.decode()
    baris = re.search(rf'<tr id="rincian-{a.pk}"[^>]*>.*?</tr>', isi, flags=re.S)
    assert baris is not None
    assert 'class="lebih"' in baris.group(0)
    assert "melebihi pagu" in baris.group(0)
    # November alone: no other line is above its pagu.
    assert teks_halaman(halaman).count("melebihi pagu") == 1

    dpa = operator.get(
        reverse("anggaran:dpa", args=[opd_kecamatan().pk, TAHUN]),
        {"bulan": BULAN, "cakupan": "bulan"},
    )
    assert "Realisasi melebihi pagu (1)" in teks_halaman(dpa)
