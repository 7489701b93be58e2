"""The home page is a to-do list per role (issue 17): the operator sees the triwulan to fill
with its deadline, what was returned with the verifikator's note, the PK, the month's budget
and the LKjIP with its draft PDF; the verifikator the queue, what was returned twice, the
late OPDs and those below 70 %; only roles that keep master data see a link to the admin."""

import datetime
import re

import pytest
from conftest import HARI_DEMO
from django.urls import reverse
from django.utils import timezone
from realisasi_uji import indikator_pk, opd_kecamatan, teks_halaman

from apps.core.models import User
from apps.pengukuran.models import CatatanVerifikasi, Realisasi

WIB = datetime.timezone(datetime.timedelta(hours=7))
DEMO = datetime.datetime.combine(HARI_DEMO, datetime.time(10), tzinfo=WIB)  # TW III open


@pytest.fixture
def pada(monkeypatch):
    """Freeze the clock at a moment: pada(datetime)."""

    def atur(saat):
        monkeypatch.setattr(timezone, "now", lambda: saat)

    atur(DEMO)
    return atur


def _buka(client, login, peran):
    login(peran)
    resp = client.get(reverse("core:beranda"))
    assert resp.status_code == 200
    return resp.content.decode(), teks_halaman(resp)


def _kembalikan(indikator, triwulan, *isi, status="dikembalikan"):
    verifikator = User.objects.get(username="verifikator")
    r, _ = Realisasi.objects.update_or_create(
        indikator=indikator, tahun=2026, triwulan=triwulan, defaults={"nilai": 1, "status": status}
    )
    for teks in isi:
        CatatanVerifikasi.objects.create(
            realisasi=r, jenis="kembalikan", isi=teks, penulis=verifikator
        )
    return r


@pytest.mark.django_db
def test_operator_sees_the_triwulan_to_fill_with_its_deadline_and_every_document(
    client, login, pada
):
    html, teks = _buka(client, login, "operator.kecamatan")
    kec = opd_kecamatan()
    assert "Realisasi Triwulan III 2026" in teks
    assert "dibuka sampai 6 Desember 2026. (tinggal 14 hari)" in teks
    assert f'href="{reverse("pengukuran:pengisian", args=[kec.pk, 2026, 3])}"' in html
    assert "Perjanjian Kinerja 2026" in teks and "PK induk: final" in teks
    assert f'href="{reverse("laporan:lkjip_pdf", args=[kec.pk, 2025])}"' in html
    assert "LKjIP 2025 belum mulai disusun." in teks
    assert "Anggaran 2026" in teks
    assert 'href="/admin/' not in html and "Data induk" not in teks


@pytest.mark.django_db
def test_a_returned_value_is_listed_with_the_verifikators_note_and_a_link_to_its_row(
    client, login, pada
):
    ind = indikator_pk()[0]
    _kembalikan(ind, 2, "Data survei belum dilampirkan.", "Lampirkan berita acara survei.")
    html, teks = _buka(client, login, "operator.kecamatan")
    assert f"Dikembalikan: {ind.nama} (Triwulan II 2026)" in teks
    # the last return's note, with who wrote it
    assert "Catatan Verifikator Bagian Organisasi: Lampirkan berita acara survei." in teks
    kec = opd_kecamatan()
    url = reverse("pengukuran:pengisian", args=[kec.pk, 2026, 2]) + f"#indikator-{ind.pk}"
    assert f'href="{url}"' in html


@pytest.mark.django_db
def test_the_days_left_follow_the_clock_and_a_closed_window_says_so(client, login, pada):
    pada(datetime.datetime(2026, 12, 6, 9, tzinfo=WIB))
    _, teks = _buka(client, login, "operator.kecamatan")
    assert "(hari ini hari terakhir)" in teks
    pada(datetime.datetime(2026, 12, 20, 9, tzinfo=WIB))  # TW III closed, TW IV not open
    _, teks = _buka(client, login, "operator.kecamatan")
    assert "Realisasi Triwulan IV 2026" in teks and "belum dibuka" in teks
    assert "tinggal" not in teks


@pytest.mark.django_db
def test_verifikator_sees_the_queue_values_returned_twice_and_late_opds(client, login, pada):
    ind = indikator_pk()
    diajukan = _kembalikan(ind[1], 3, status="diajukan")
    Realisasi.objects.filter(pk=diajukan.pk).update(diajukan_pada=DEMO)
    _kembalikan(ind[0], 2, "Kurang bukti.", "Masih kurang bukti.")
    html, teks = _buka(client, login, "verifikator")
    kec = opd_kecamatan()
    assert "Kecamatan Magetan: Triwulan III 2026, 1 indikator menunggu" in teks
    assert f'href="{reverse("pengukuran:tinjau", args=[kec.pk, 2026, 3])}"' in html
    assert f"Dikembalikan 2 kali: {ind[0].nama}" in teks
    assert 'href="/admin/"' in html
    assert f'href="{reverse("laporan:rekap", args=[2026, "pdf"])}"' in html
    assert "Terlambat" not in teks
    pada(datetime.datetime(2026, 12, 10, 9, tzinfo=WIB))  # TW III closed, not all submitted
    _, teks = _buka(client, login, "verifikator")
    assert re.search(r"Terlambat: Kecamatan Magetan Triwulan III", teks), teks


@pytest.mark.django_db
def test_inspektorat_reads_and_has_no_admin_link_and_no_queue(client, login, pada):
    html, teks = _buka(client, login, "inspektorat")
    assert "Perangkat Daerah yang perlu perhatian (2026)" in teks
    assert f'href="{reverse("laporan:rekap", args=[2026, "xlsx"])}"' in html
    assert "Verifikasi realisasi" not in teks
    assert 'href="/admin/' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "peran", ["operator.kecamatan", "pimpinan.kecamatan", "verifikator", "inspektorat", "admin"]
)
def test_home_page_queries_are_bounded(client, login, pada, peran, django_assert_max_num_queries):
    login(peran)
    with django_assert_max_num_queries(45):
        assert client.get(reverse("core:beranda")).status_code == 200
