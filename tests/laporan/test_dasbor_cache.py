"""The dashboard's rows reused for SAKIP_DASBOR_CACHE_DETIK seconds (apps.laporan.selectors.
dasbor_cache): the page says when its numbers were computed, a reload within the time costs
a fraction of the queries, "Hitung ulang sekarang" computes them again, and one user's rows
are never shown to another. The other tests run with the cache off (config.settings.test)."""

import datetime
import io
import re

import pytest
from conftest import HARI_DEMO
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from perencanaan_uji import ORG, pesan
from realisasi_uji import KEC, opd_kecamatan, teks_halaman

from apps.core.models import OPD
from apps.laporan import selectors
from apps.pengukuran.models import Realisasi

pytestmark = pytest.mark.django_db

TAHUN = 2023
BARIS_KEC = re.compile(r"Kecamatan Magetan( \S+)+ (\d+,\d\d) % ")


@pytest.fixture(autouse=True)
def cache_dasbor(settings):
    settings.SAKIP_DASBOR_CACHE_DETIK = 60
    cache.clear()
    yield
    cache.clear()


def buka(client, **extra):
    with CaptureQueriesContext(connection) as q:
        resp = client.get(reverse("laporan:dasbor"), {"tahun": TAHUN, **extra})
    assert resp.status_code == 200
    return resp, teks_halaman(resp), len(q)


def capaian_kec(teks: str) -> str:
    return BARIS_KEC.search(teks).group(2)


def dihitung(teks: str) -> str:
    return re.search(r"Angka dihitung \d+ \w+ \d{4} pukul (\d\d\.\d\d\.\d\d)", teks).group(1)


def test_a_reload_within_the_time_reuses_the_rows_and_says_when_they_were_computed(client, login):
    login("verifikator")
    _, teks, n_hitung = buka(client)
    assert capaian_kec(teks) == "113,16"
    assert "dipakai ulang paling lama 60 detik, lalu dihitung lagi dari data terbaru." in teks
    assert "Hitung ulang sekarang" in teks
    waktu = dihitung(teks)

    # Someone changes a value: within the time the page still shows the numbers computed
    # before, and says when they were computed.
    Realisasi.objects.filter(
        indikator__sasaran__tujuan__renstra__opd=opd_kecamatan(), tahun=TAHUN
    ).update(nilai=F("nilai") / 2)
    _, teks, n_pakai = buka(client)
    assert capaian_kec(teks) == "113,16" and dihitung(teks) == waktu
    assert n_pakai < n_hitung - 10  # the computation's queries are not run

    # "Hitung ulang sekarang" computes from the data as it is now, and the next reload
    # shows those numbers too.
    resp, teks, _ = buka(client, segar="1")
    baru = capaian_kec(teks)
    assert baru != "113,16"
    assert capaian_kec(buka(client)[1]) == baru


def test_after_the_time_the_rows_are_computed_again(client, login, settings, monkeypatch):
    login("verifikator")
    assert capaian_kec(buka(client)[1]) == "113,16"
    Realisasi.objects.filter(
        indikator__sasaran__tujuan__renstra__opd=opd_kecamatan(), tahun=TAHUN
    ).update(nilai=F("nilai") / 2)
    cache.clear()  # what expiry does after SAKIP_DASBOR_CACHE_DETIK seconds
    assert capaian_kec(buka(client)[1]) != "113,16"


@pytest.mark.parametrize(
    ("peran", "sendiri", "lain"),
    [("operator.kecamatan", KEC, ORG), ("operator.organisasi", ORG, KEC)],
)
def test_rows_cached_for_one_user_are_never_shown_to_another(client, login, peran, sendiri, lain):
    login("verifikator")
    teks = buka(client)[1]
    assert KEC in teks and ORG in teks
    login(peran)
    teks = buka(client)[1]
    assert "1 OPD (OPD Anda)" in teks
    assert sendiri in teks and lain not in teks
    # And the other way round: the verifikator's page after the OPD user's is every OPD.
    login("verifikator")
    teks = buka(client)[1]
    assert KEC in teks and ORG in teks


def test_the_xlsx_export_has_the_numbers_of_the_page_the_user_sees(client, login):
    """Exported within the time, the xlsx holds the rows the page showed."""
    login("verifikator")
    assert capaian_kec(buka(client)[1]) == "113,16"
    Realisasi.objects.filter(
        indikator__sasaran__tujuan__renstra__opd=opd_kecamatan(), tahun=TAHUN
    ).update(nilai=F("nilai") / 2)
    resp = client.get(reverse("laporan:dasbor_xlsx"), {"tahun": TAHUN})
    baris = list(load_workbook(io.BytesIO(resp.content)).active.iter_rows(values_only=True))
    kec = next(b for b in baris if any(isinstance(c, str) and KEC in c for c in b))
    assert 113.16 in kec


def test_a_cache_that_cannot_be_read_only_means_computing(client, login, monkeypatch):
    def mati(*args, **kwargs):
        raise ConnectionError("Redis mati")

    monkeypatch.setattr(selectors.cache, "get", mati)
    monkeypatch.setattr(selectors.cache, "set", mati)
    login("verifikator")
    assert capaian_kec(buka(client)[1]) == "113,16"


def test_with_the_cache_off_the_page_says_only_when(client, login, settings):
    settings.SAKIP_DASBOR_CACHE_DETIK = 0
    login("verifikator")
    teks = buka(client)[1]
    assert dihitung(teks) and "Hitung ulang sekarang" not in teks


def test_a_reload_of_the_same_page_reuses_what_was_drawn(client, login):
    login("verifikator")
    isi1, teks1, n_hitung = buka(client)
    isi2, teks2, n_pakai = buka(client)
    assert teks2 == teks1
    # The session, the user, the OPDs the user may see, the header's counts, and the
    # follow-up of the evaluation recommendations (read fresh at every view, one query): no
    # dashboard rows, no table, no chart.
    assert n_pakai <= 9 < n_hitung


def test_another_sort_filter_or_page_is_drawn_for_itself(client, login):
    login("verifikator")
    teks = buka(client)[1]
    assert teks.index("Sekretariat Daerah Kabupaten Magetan") < teks.index(KEC)
    turun = buka(client, sort="-capaian")[1]
    assert turun.index(KEC) < turun.index("Sekretariat Daerah Kabupaten Magetan")
    hanya_kec = buka(client, jenis="kecamatan")[1]
    assert KEC in hanya_kec and "1 OPD" in hanya_kec and ORG not in hanya_kec
    assert buka(client)[1] == teks  # the first page is still the first page


def test_a_refused_filter_says_so_on_every_reload(client, login):
    login("verifikator")
    for _ in range(2):
        resp = buka(client, predikat="Luar Biasa Sekali")[0]
        assert any("Luar Biasa Sekali" in p for p in pesan(resp)), pesan(resp)


def test_one_request_computes_the_rows_the_others_wait_for_them(login, monkeypatch):
    """The rows are missing and another process is computing them (it holds the lock): this
    request waits for its result instead of computing the same rows at the same time."""
    dihitung = []
    asli = selectors.dasbor_simpan
    monkeypatch.setattr(
        selectors, "dasbor_simpan", lambda *a, **k: dihitung.append(1) or asli(*a, **k)
    )
    opds = list(OPD.objects.filter(aktif=True).order_by("kode"))
    rows, waktu = selectors.dasbor_cache(opds, TAHUN)  # computes and keeps them
    assert len(dihitung) == 1
    kunci = next(k for k in cache._cache if ":dasbor:" in k)  # LocMem's own keys
    rows_kunci = kunci.split(":", 2)[2]  # without LocMem's prefix and version
    cache.delete(rows_kunci)
    cache.add(f"{rows_kunci}:dihitung", 1, 30)  # another process is at it

    def datang_sebentar_lagi(detik):
        cache.set(rows_kunci, (rows, waktu), 60)  # ... and is done

    monkeypatch.setattr(selectors.time, "sleep", datang_sebentar_lagi)
    assert selectors.dasbor_cache(opds, TAHUN)[1] == waktu
    assert len(dihitung) == 1


def test_a_request_computes_itself_when_the_other_never_delivers(login, monkeypatch):
    monkeypatch.setattr(selectors, "TUNGGU_DETIK", 0.3)
    opds = list(OPD.objects.filter(aktif=True).order_by("kode"))
    selectors.dasbor_cache(opds, TAHUN)
    kunci = next(k for k in cache._cache if ":dasbor:" in k).split(":", 2)[2]
    cache.delete(kunci)
    cache.add(f"{kunci}:dihitung", 1, 30)
    rows, _ = selectors.dasbor_cache(opds, TAHUN)
    assert KEC in {b.opd.nama for b in rows}


# --- each OPD's row kept until its own data changes (selectors.dasbor_simpan) ---------------


def _kec_rows(qs):
    return qs.filter(**{qs.model.opd_path: opd_kecamatan()})


def _ubah_realisasi():
    _kec_rows(Realisasi.objects.filter(tahun=TAHUN)).update(nilai=F("nilai") / 2)


def _hapus_realisasi_tw4():
    _kec_rows(Realisasi.objects.filter(tahun=TAHUN, triwulan=4)).delete()


def _ubah_target_pk():
    from apps.perencanaan.models import PKIndikator

    _kec_rows(PKIndikator.objects.filter(pk_dokumen__tahun=TAHUN)).update(target=F("target") * 2)


def _ubah_realisasi_anggaran():
    from apps.anggaran.models import RealisasiAnggaran

    _kec_rows(RealisasiAnggaran.objects.filter(rincian__dpa__tahun=TAHUN)).update(
        realisasi=F("realisasi") / 2
    )


def _ubah_skala():
    from django.db.models import Value
    from django.db.models.functions import Concat

    from apps.core.models import RentangPredikat

    RentangPredikat.objects.update(label=Concat(F("label"), Value("!")))


def _ringkas(rows):
    return {
        b.opd.nama: (
            b.capaian.nilai,
            b.predikat.label if b.predikat else None,
            b.serapan.nilai,
            b.peringatan,
            [(p.nama, p.proyeksi.nilai) for p in b.proyeksi],
        )
        for b in rows
    }


@pytest.mark.parametrize(
    ("ubah", "dihitung_ulang", "lain_sama"),
    [
        (_ubah_realisasi, "kec", True),
        (_hapus_realisasi_tw4, "kec", True),
        (_ubah_target_pk, "semua", True),
        (_ubah_realisasi_anggaran, "semua", True),
        (_ubah_skala, "semua", False),
    ],
    ids=["realisasi", "realisasi-dihapus", "target-pk", "realisasi-anggaran", "skala"],
)
def test_each_opds_row_is_kept_until_its_data_changes(monkeypatch, ubah, dihitung_ulang, lain_sama):
    """A second read computes no row. After a change made by a plain UPDATE or DELETE that no
    service saw, the rows are computed again (a realisasi: its OPD's row only; another
    table: every row) and show the new figures, the same as rows computed from nothing.
    (PostgreSQL; another database computes every row at every read.)"""
    dihitung = []
    asli = selectors._hitung
    monkeypatch.setattr(
        selectors,
        "_hitung",
        lambda opds, *a, **k: dihitung.append({o.nama for o in opds}) or asli(opds, *a, **k),
    )
    opds = list(OPD.objects.filter(aktif=True).order_by("kode"))
    nama = {o.nama for o in opds}
    pertama = _ringkas(selectors.dasbor_simpan(opds, TAHUN))
    assert _ringkas(selectors.dasbor_simpan(opds, TAHUN)) == pertama
    ubah()
    sesudah = _ringkas(selectors.dasbor_simpan(opds, TAHUN))
    if connection.vendor == "postgresql":
        assert dihitung == [nama, {KEC} if dihitung_ulang == "kec" else nama]
    else:
        assert dihitung == [nama, nama, nama]
    assert sesudah == _ringkas(selectors.dasbor(opds, TAHUN))  # computed from nothing
    assert sesudah[KEC] != pertama[KEC]
    if lain_sama:
        assert {n: v for n, v in sesudah.items() if n != KEC} == {
            n: v for n, v in pertama.items() if n != KEC
        }


def test_a_window_that_closes_counts_its_missing_values_at_once():
    """The consistency check counts the values missing in a triwulan whose window has closed:
    a kept row is not reused once another triwulan's window has closed."""
    from apps.pengukuran.models import JadwalPengisian

    opds = list(OPD.objects.filter(aktif=True).order_by("kode"))
    kec = opd_kecamatan()
    # The demo's day, when its Triwulan III window is open (not the real clock's).
    sekarang = timezone.make_aware(datetime.datetime.combine(HARI_DEMO, datetime.time(12)))
    sebelum = {b.opd.pk: b for b in selectors.dasbor_simpan(opds, 2026, sekarang=sekarang)}
    JadwalPengisian.objects.filter(tahun=2026, triwulan=3).update(
        dibuka="2026-10-01", ditutup="2026-10-15"
    )
    sesudah = {b.opd.pk: b for b in selectors.dasbor_simpan(opds, 2026, sekarang=sekarang)}
    sebelum, sesudah = sebelum[kec.pk], sesudah[kec.pk]
    assert sebelum.status[3] != "terlambat"
    assert sesudah.peringatan > sebelum.peringatan
    assert sesudah.status[3] == "terlambat"
