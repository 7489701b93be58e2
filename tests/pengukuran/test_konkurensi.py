"""Two people of the Kecamatan on the same entry page at once (optimistic locking).

Each user has their own browser (a django.test.Client) holding the page as it was when they
opened it; the posts carry the hidden `versi` and `hash_isi` of that moment.
"""

import html
import re
from decimal import Decimal

import pytest
from conftest import TAHUN, TW
from django.test import Client
from realisasi_uji import formulir, indikator_pk, teks_halaman, url_tw

from apps.core.models import Notifikasi, User
from apps.pengukuran.models import Realisasi

pytestmark = pytest.mark.django_db

KONFLIK = (
    "Tidak ada yang disimpan: sebagian isian sudah diubah orang lain sejak halaman ini "
    "dibuka. Nilai mereka ditampilkan pada baris yang ditandai; isian Anda tetap di "
    "formulir. Periksa, lalu simpan lagi."
)


def _browser(username) -> Client:
    c = Client()
    c.force_login(User.objects.get(username=username))
    return c


def _buka(c: Client) -> dict:
    return formulir(c.get(url_tw()).content.decode())


def _simpan(c: Client, formulir: dict, ketik: dict, aksi="simpan"):
    """Type {indicator: text} into the form held by the browser and press the button."""
    data = dict(formulir)
    for ind, teks in ketik.items():
        for kolom, isi in teks.items() if isinstance(teks, dict) else [("nilai", teks)]:
            data[f"i{ind.pk}-{kolom}"] = isi
    data["aksi"] = aksi
    return c.post(url_tw(), data)


def _nilai(ind):
    r = Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=TW).first()
    return r and r.nilai


def _draf(ind, nilai, username="operator.kecamatan"):
    return Realisasi.objects.create(
        indikator=ind,
        tahun=TAHUN,
        triwulan=TW,
        nilai=nilai,
        diisi_oleh=User.objects.get(username=username),
    )


def _input(resp, ind) -> str | None:
    m = re.search(rf'<input[^>]*name="i{ind.pk}-nilai"[^>]*>', resp.content.decode())
    v = m and re.search(r'value="([^"]*)"', m.group(0))
    return html.unescape(v.group(1)) if v else None


def test_second_save_of_the_same_indicator_from_a_stale_page_shows_the_first_value(tw_terbuka):
    daftar = indikator_pk()
    ind, lain = daftar[2], daftar[3]
    operator, camat = _browser("operator.kecamatan"), _browser("pimpinan.kecamatan")
    halaman_operator, halaman_camat = _buka(operator), _buka(camat)

    resp = _simpan(operator, halaman_operator, {ind: "81,5"})
    assert resp.status_code == 302
    assert _nilai(ind) == Decimal("81.5")

    # The camat, on the page opened before, types another value there and one in another row.
    resp = _simpan(camat, halaman_camat, {ind: "83,25", lain: "75"})
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert KONFLIK in teks
    assert re.search(
        r"Diubah oleh Operator Kecamatan Magetan pada \d{1,2} \w+ 2026 \d\d\.\d\d: "
        r"nilai tersimpan sekarang 81,5\. Isian Anda di bawah belum disimpan\.",
        teks,
    )
    assert "Draf tersimpan." not in teks
    # The first value is kept, and nothing of the second save was written, not even the row
    # without a conflict.
    r = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW)
    assert (r.nilai, r.diisi_oleh.username, r.versi) == (Decimal("81.5"), "operator.kecamatan", 1)
    assert _nilai(lain) is None
    # What the camat typed is still in the form, to check and save again.
    assert _input(resp, ind) == "83,25"
    assert _input(resp, lain) == "75"
    assert 'class="baris konflik"' in resp.content.decode()

    # Saving again from that page: the other value was seen, so the camat's value wins.
    resp = _simpan(camat, formulir(resp.content.decode()), {})
    assert resp.status_code == 302
    r.refresh_from_db()
    assert (r.nilai, r.diisi_oleh.username, r.versi) == (Decimal("83.25"), "pimpinan.kecamatan", 2)
    assert _nilai(lain) == Decimal("75")
    riwayat = [
        (h.nilai, h.history_user.username) for h in r.history.order_by("history_date", "history_id")
    ]
    assert riwayat == [
        (Decimal("81.5"), "operator.kecamatan"),
        (Decimal("83.25"), "pimpinan.kecamatan"),
    ]


def test_conflict_on_an_existing_row_names_the_other_user_and_value(tw_terbuka):
    ind = indikator_pk()[0]
    _draf(ind, Decimal("50"))
    operator, camat = _browser("operator.kecamatan"), _browser("pimpinan.kecamatan")
    halaman_operator, halaman_camat = _buka(operator), _buka(camat)
    assert halaman_camat[f"i{ind.pk}-nilai"] == "50"

    assert _simpan(camat, halaman_camat, {ind: "70,1"}).status_code == 302
    resp = _simpan(operator, halaman_operator, {ind: "60"})
    teks = teks_halaman(resp)
    assert re.search(r"Diubah oleh Camat Magetan pada [^:]+: nilai tersimpan sekarang 70,1\.", teks)
    assert _nilai(ind) == Decimal("70.1")
    assert _input(resp, ind) == "60"


def test_a_first_value_saved_by_someone_else_during_the_save_is_a_conflict(tw_terbuka, monkeypatch):
    """The camat's first value lands after the operator's save read the rows (no row to lock
    yet) and before it writes: the unique constraint refuses the operator's insert, which is
    answered as a conflict naming the camat's value, not a server error, and nothing of the
    operator's save stays."""
    from apps.pengukuran import services

    daftar = indikator_pk()
    ind, lain = daftar[0], daftar[1]
    operator = _browser("operator.kecamatan")
    halaman = _buka(operator)
    tulis_asli = services._tulis_realisasi

    def camat_lebih_dulu(baru, berubah, user):
        _draf(ind, Decimal("70.1"), username="pimpinan.kecamatan")
        tulis_asli(baru, berubah, user)

    monkeypatch.setattr(services, "_tulis_realisasi", camat_lebih_dulu)
    resp = _simpan(operator, halaman, {ind: "60", lain: "75"})
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert KONFLIK in teks
    assert re.search(r"Diubah oleh Camat Magetan pada [^:]+: nilai tersimpan sekarang 70,1\.", teks)
    # The whole save was undone, the camat's row with it (it was this test's stand-in).
    assert _nilai(ind) is None and _nilai(lain) is None
    assert _input(resp, ind) == "60" and _input(resp, lain) == "75"


def test_stale_submit_is_refused_like_a_stale_save(tw_terbuka):
    """Pressing "Simpan dan ajukan" on a stale page submits nothing and notifies nobody."""
    daftar = indikator_pk()
    operator, camat = _browser("operator.kecamatan"), _browser("pimpinan.kecamatan")
    halaman_operator, halaman_camat = _buka(operator), _buka(camat)
    _simpan(operator, halaman_operator, {daftar[0]: "86"})
    notifikasi = Notifikasi.objects.count()
    resp = _simpan(camat, halaman_camat, {ind: "95" for ind in daftar}, aksi="ajukan")
    assert KONFLIK in teks_halaman(resp)
    assert not Realisasi.objects.filter(
        indikator__in=daftar, tahun=TAHUN, triwulan=TW, status=Realisasi.Status.DIAJUKAN
    ).exists()
    assert _nilai(daftar[0]) == Decimal("86")
    assert Notifikasi.objects.count() == notifikasi


@pytest.mark.parametrize("ada_draf", [False, True], ids=["baris baru", "baris draf"])
def test_two_users_filling_different_indicators_from_stale_pages_both_succeed(tw_terbuka, ada_draf):
    daftar = indikator_pk()
    if ada_draf:
        for ind in daftar:
            _draf(ind, Decimal("50"))
    operator, camat = _browser("operator.kecamatan"), _browser("pimpinan.kecamatan")
    halaman_operator, halaman_camat = _buka(operator), _buka(camat)

    r1 = _simpan(operator, halaman_operator, {daftar[0]: "88", daftar[2]: "71,5"})
    r2 = _simpan(
        camat,
        halaman_camat,
        {daftar[1]: {"nilai": "77", "analisis": "Survei ulang.", "solusi": "Tambah petugas."}},
    )
    assert (r1.status_code, r2.status_code) == (302, 302)
    assert "Draf tersimpan." in teks_halaman(camat.get(r2["Location"]))
    assert _nilai(daftar[0]) == Decimal("88")
    assert _nilai(daftar[1]) == Decimal("77")
    assert _nilai(daftar[2]) == Decimal("71.5")
    assert _nilai(daftar[3]) == (Decimal("50") if ada_draf else None)
    baris = Realisasi.objects.get(indikator=daftar[1], tahun=TAHUN, triwulan=TW)
    assert (baris.analisis, baris.solusi, baris.diisi_oleh.username) == (
        "Survei ulang.",
        "Tambah petugas.",
        "pimpinan.kecamatan",
    )
    assert (
        Realisasi.objects.get(indikator=daftar[0], tahun=TAHUN, triwulan=TW).diisi_oleh.username
        == "operator.kecamatan"
    )


def test_a_stale_page_that_did_not_touch_a_row_does_not_overwrite_it(tw_terbuka):
    daftar = indikator_pk()
    r0 = _draf(daftar[0], Decimal("50"))
    r0.analisis = "Analisis awal."
    r0.save()
    operator, camat = _browser("operator.kecamatan"), _browser("pimpinan.kecamatan")
    halaman_operator, halaman_camat = _buka(operator), _buka(camat)
    assert halaman_camat[f"i{daftar[0].pk}-nilai"] == "50"

    # The operator corrects the first row; the camat, whose page still shows 50 there,
    # only fills the second row.
    assert (
        _simpan(
            operator,
            halaman_operator,
            {daftar[0]: {"nilai": "88", "analisis": "Analisis diperbarui."}},
        ).status_code
        == 302
    )
    riwayat = r0.history.count()
    assert _simpan(camat, halaman_camat, {daftar[1]: "77"}).status_code == 302

    r0.refresh_from_db()
    assert (r0.nilai, r0.analisis, r0.diisi_oleh.username) == (
        Decimal("88"),
        "Analisis diperbarui.",
        "operator.kecamatan",
    )
    assert r0.history.count() == riwayat
    assert _nilai(daftar[1]) == Decimal("77")
    # And the operator's next look shows both.
    page = operator.get(url_tw())
    assert (_input(page, daftar[0]), _input(page, daftar[1])) == ("88", "77")
