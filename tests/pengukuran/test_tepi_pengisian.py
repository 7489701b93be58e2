"""The entry page's rough edges (issue 17, item 5): a value far from its target or from the
previous triwulan is saved with a warning saying why (never refused); after a refused save,
the capaian and predikat follow what was typed, not what is stored."""

import re
from decimal import Decimal

import pytest
from conftest import TAHUN, TW, _jendela_tw
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from realisasi_uji import PDF, formulir, indikator_pk, teks_halaman, url_tw

from apps.core.models import Notifikasi, User
from apps.pengukuran.models import BuktiDukung, Realisasi

pytestmark = pytest.mark.django_db


def _kirim(client, nilai: dict, aksi="simpan"):
    data = formulir(client.get(url_tw()).content.decode())
    for pk, teks in nilai.items():
        data[f"i{pk}-nilai"] = teks
    data["aksi"] = aksi
    return client.post(url_tw(), data, follow=True)


def test_a_value_far_from_target_and_previous_triwulan_is_saved_with_a_warning(
    client, login, tw_terbuka
):
    login("operator.kecamatan")
    sakip = indikator_pk()[1]  # Nilai SAKIP Kecamatan: target 80, Triwulan II 79,6
    teks = teks_halaman(_kirim(client, {sakip.pk: "1.234,5"}))
    assert Realisasi.objects.get(indikator=sakip, tahun=TAHUN, triwulan=TW).nilai == Decimal(
        "1234.5"
    )
    assert (
        "Periksa lagi, mungkin salah ketik: 1.234,5 adalah 15,4 kali target 80; "
        "1.234,5 adalah 15,5 kali nilai Triwulan II (79,6)." in teks
    )
    assert (
        "1 nilai perlu diperiksa lagi, mungkin salah ketik (alasannya tertulis pada "
        + (f"barisnya): {sakip.nama}.")
        in teks
    )


def test_a_plausible_value_has_no_warning_and_the_preview_says_the_same(client, login, tw_terbuka):
    login("operator.kecamatan")
    sakip = indikator_pk()[1]
    teks = teks_halaman(_kirim(client, {sakip.pk: "81"}))
    assert "Periksa lagi" not in teks and "perlu diperiksa" not in teks
    pratinjau = client.get(url_tw("pengukuran:pratinjau"), {f"i{sakip.pk}": "81"}).json()
    assert pratinjau["hasil"][str(sakip.pk)]["wajar"] == ""
    pratinjau = client.get(url_tw("pengukuran:pratinjau"), {f"i{sakip.pk}": "20"}).json()
    assert pratinjau["hasil"][str(sakip.pk)]["wajar"] == (
        "Periksa lagi, mungkin salah ketik: 20 adalah kurang dari sepertiga target 80; "
        "20 adalah kurang dari sepertiga nilai Triwulan II (79,6)."
    )


def test_a_cumulative_indicator_may_lie_far_under_its_annual_target(client, login, tw_terbuka):
    login("operator.kecamatan")
    sakip = indikator_pk()[1]
    type(sakip).objects.filter(pk=sakip.pk).update(agregasi="kumulatif")
    pratinjau = client.get(url_tw("pengukuran:pratinjau"), {f"i{sakip.pk}": "70"}).json()
    assert pratinjau["hasil"][str(sakip.pk)]["wajar"] == ""
    pratinjau = client.get(url_tw("pengukuran:pratinjau"), {f"i{sakip.pk}": "300"}).json()
    assert "300 adalah 3,8 kali target 80" in pratinjau["hasil"][str(sakip.pk)]["wajar"]


def test_after_a_refused_save_capaian_and_predikat_follow_what_was_typed(client, login, tw_terbuka):
    login("operator.kecamatan")
    ikm, sakip = indikator_pk()[:2]
    resp = _kirim(client, {ikm.pk: "90,02", sakip.pk: "delapan puluh"})
    teks = teks_halaman(resp)
    assert "Tidak ada yang disimpan" in teks
    assert not Realisasi.objects.filter(indikator=ikm, tahun=TAHUN, triwulan=TW).exists()
    # IKM target 85: 90,02 typed -> 105,91 % (stored: nothing for Triwulan III)
    assert "105,91 %" in teks
    html = resp.content.decode()
    assert f'id="capaian-{ikm.pk}"' in html
    assert "105,91 %" in html.split(f'id="capaian-{ikm.pk}"')[1][:200]


# --- withdrawing a submission; evidence --------------------------------------------------


def _ajukan_semua(client):
    daftar = indikator_pk()
    data = formulir(client.get(url_tw()).content.decode())
    for ind in daftar:
        data[f"i{ind.pk}-nilai"] = "90"
        data[f"i{ind.pk}-analisis"] = "Sesuai rencana."
        data[f"i{ind.pk}-solusi"] = "Lanjutkan."
    data["aksi"] = "ajukan"
    client.post(url_tw(), data, follow=True)
    rows = Realisasi.objects.filter(indikator__in=daftar, tahun=TAHUN, triwulan=TW)
    assert {r.status for r in rows} == {"diajukan"}
    return rows


def test_a_submission_not_yet_verified_can_be_withdrawn_while_the_window_is_open(
    client, login, tw_terbuka
):
    operator = login("operator.kecamatan")
    rows = _ajukan_semua(client)
    page = client.get(url_tw()).content.decode()
    assert 'value="tarik"' in page and "Tarik kembali pengajuan" in page
    teks = teks_halaman(client.post(url_tw(), {"aksi": "tarik"}, follow=True))
    assert "4 indikator ditarik kembali dan menjadi draf" in teks
    assert {r.status for r in rows.all()} == {"draft"}
    assert all(r.diajukan_oleh is None for r in rows.all())
    r = rows.first()
    catatan = r.history.order_by("-history_date").first()
    assert (catatan.history_change_reason, catatan.history_user) == ("realisasi.tarik", operator)
    assert Notifikasi.objects.filter(
        penerima__username="verifikator", judul__contains="menarik kembali"
    ).exists()
    # Editable again: a new value is saved
    assert 'value="tarik"' not in client.get(url_tw()).content.decode()
    _kirim(client, {r.indikator_id: "91"})
    r.refresh_from_db()
    assert r.nilai == Decimal("91")


def test_withdrawing_leaves_verified_rows_and_is_refused_once_the_window_closed(
    client, login, tw_terbuka
):
    login("operator.kecamatan")
    rows = _ajukan_semua(client)
    terverifikasi = rows.first()
    Realisasi.objects.filter(pk=terverifikasi.pk).update(
        status="diverifikasi",
        diverifikasi_oleh=User.objects.get(username="verifikator"),
        diverifikasi_pada=timezone.now(),
    )
    client.post(url_tw(), {"aksi": "tarik"})
    assert rows.get(pk=terverifikasi.pk).status == "diverifikasi"
    assert rows.filter(status="draft").count() == rows.count() - 1
    # nothing left to withdraw
    teks = teks_halaman(client.post(url_tw(), {"aksi": "tarik"}, follow=True))
    assert "tidak ada yang ditarik kembali" in teks
    # after the window closed: refused, nothing changes
    rows.exclude(pk=terverifikasi.pk).update(status="diajukan")
    _jendela_tw(-20, -1)
    teks = teks_halaman(client.post(url_tw(), {"aksi": "tarik"}, follow=True))
    assert "Pengajuan tidak dapat ditarik kembali." in teks
    assert rows.filter(status="diajukan").count() == rows.count() - 1
    assert "Tarik kembali pengajuan" not in teks


def test_inspektorat_cannot_withdraw(client, login, tw_terbuka):
    login("operator.kecamatan")
    rows = _ajukan_semua(client)
    login("inspektorat")
    assert client.post(url_tw(), {"aksi": "tarik"}).status_code == 403
    assert {r.status for r in rows.all()} == {"diajukan"}


def test_the_same_file_sent_twice_is_kept_once_and_listed_with_who_and_when(
    client, login, tw_terbuka
):
    login("operator.kecamatan")
    ind = indikator_pk()[0]
    for _ in range(2):
        data = formulir(client.get(url_tw()).content.decode())
        data[f"i{ind.pk}-nilai"] = "90"
        data[f"i{ind.pk}-bukti"] = SimpleUploadedFile("bukti.pdf", PDF, "application/pdf")
        data["aksi"] = "simpan"
        client.post(url_tw(), data, follow=True)
    r = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW)
    assert r.bukti.count() == 1
    teks = teks_halaman(client.get(url_tw()))
    assert teks.count("bukti.pdf") == 1
    assert re.search(
        r"bukti\.pdf \(\d+ bita\) diunggah \d+ \w+ 2026 \d\d\.\d\d oleh Operator Kecamatan Magetan",
        teks,
    )


def test_a_refused_save_says_which_chosen_file_was_not_kept(client, login, tw_terbuka):
    login("operator.kecamatan")
    ikm, sakip = indikator_pk()[:2]
    data = formulir(client.get(url_tw()).content.decode())
    data[f"i{ikm.pk}-nilai"] = "90"
    data[f"i{ikm.pk}-bukti"] = SimpleUploadedFile("survei-ikm.pdf", PDF, "application/pdf")
    data[f"i{sakip.pk}-nilai"] = "delapan puluh"
    data["aksi"] = "simpan"
    teks = teks_halaman(client.post(url_tw(), data, follow=True))
    assert "Berkas yang Anda pilih belum disimpan karena isian ditolak: survei-ikm.pdf." in teks
    assert not BuktiDukung.objects.exists()
