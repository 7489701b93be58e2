"""The realisasi workflow through the pages: enter, submit, return, correct, verify, lock."""

import re
from decimal import Decimal

import pytest
from conftest import TAHUN, TW
from django.core import mail
from django.urls import reverse
from realisasi_uji import formulir, indikator_pk, opd_kecamatan, url_tw

from apps.core.models import Notifikasi, User
from apps.pengukuran.models import CatatanVerifikasi, Realisasi

pytestmark = pytest.mark.django_db


def _isian(client, nilai: dict, aksi="simpan", analisis="", solusi=""):
    """Open the entry page, type into the rows of `nilai` and press `aksi`, as a browser."""
    return client.post(url_tw(), _data(client, nilai, aksi, analisis, solusi), follow=True)


def _data(client, nilai: dict, aksi="simpan", analisis="", solusi=""):
    data = formulir(client.get(url_tw()).content.decode())
    for ind_pk, teks in nilai.items():
        data[f"i{ind_pk}-nilai"] = teks
        data[f"i{ind_pk}-analisis"] = analisis
        data[f"i{ind_pk}-solusi"] = solusi
    data["aksi"] = aksi
    return data


def test_operator_fills_submits_and_verifikator_returns_then_verifies(client, login, tw_terbuka):
    operator = login("operator.kecamatan")
    daftar = indikator_pk()
    nilai = {ind.pk: "78,2" for ind in daftar}
    nilai[daftar[0].pk] = "79.41"
    resp = _isian(client, nilai, aksi="ajukan", analisis="Sesuai rencana.", solusi="Lanjutkan.")
    body = resp.content.decode()
    assert "indikator diajukan untuk diverifikasi" in body
    rows = Realisasi.objects.filter(indikator__in=daftar, tahun=TAHUN, triwulan=TW)
    assert {r.status for r in rows} == {"diajukan"}
    assert rows.get(indikator=daftar[0]).nilai == Decimal("79.41")
    assert rows.get(indikator=daftar[1]).diajukan_oleh == operator

    login("verifikator")
    r0 = rows.get(indikator=daftar[0])
    data = {f"r{r.pk}-aksi": "verifikasi" for r in rows}
    data[f"r{r0.pk}-aksi"] = "kembalikan"
    data[f"r{r0.pk}-komentar"] = "Lampirkan hasil survei IKM."
    resp = client.post(url_tw("pengukuran:tinjau"), {**data, "aksi": "simpan"}, follow=True)
    assert "1 dikembalikan" in resp.content.decode()
    r0.refresh_from_db()
    assert r0.status == "dikembalikan"
    assert CatatanVerifikasi.objects.get(realisasi=r0, jenis="kembalikan").isi == (
        "Lampirkan hasil survei IKM."
    )
    assert Notifikasi.objects.filter(penerima=operator, judul__contains="dikembalikan").exists()
    assert any("dikembalikan" in m.subject for m in mail.outbox) or not operator.email

    login("operator.kecamatan")
    page = client.get(url_tw()).content.decode()
    assert "Lampirkan hasil survei IKM." in page
    resp = _isian(
        client, {daftar[0].pk: "80,5"}, aksi="ajukan", analisis="Survei terlampir.", solusi="-"
    )
    r0.refresh_from_db()
    assert (r0.status, r0.nilai) == ("diajukan", Decimal("80.5"))

    login("verifikator")
    client.post(url_tw("pengukuran:tinjau"), {"aksi": "semua"}, follow=True)
    r0.refresh_from_db()
    assert r0.status == "diverifikasi"

    login("operator.kecamatan")
    resp = _isian(client, {daftar[0].pk: "99"})
    r0.refresh_from_db()
    assert r0.nilai == Decimal("80.5")
    assert re.search(rf'name="i{daftar[0].pk}-nilai"[^>]*disabled', resp.content.decode())


def test_entry_page_shows_target_capaian_and_predikat_from_engine(client, login, tw_terbuka):
    login("operator.kecamatan")
    daftar = indikator_pk()
    _isian(client, {daftar[0].pk: "90,02"})
    page = client.get(url_tw()).content.decode()
    # IKM target 85 (carried from 2023): 90,02 / 85 = 105,91 % -> Sangat Memuaskan (7-level).
    assert "105,91 %" in page
    assert "Sangat Memuaskan" in page
    # The rules used are shown: the kabupaten's negative-polarity rule and the OPD's scale.
    assert "indikator negatif = (2 × target − realisasi) / target × 100" in page
    assert "Skala 7 tingkat (LKjIP Kecamatan Magetan 2023)" in page


def test_live_preview_uses_the_engine_and_reports_bad_numbers(client, login, tw_terbuka):
    login("operator.kecamatan")
    ind = indikator_pk()[0]
    resp = client.get(url_tw("pengukuran:pratinjau"), {f"i{ind.pk}": "90,02"})
    assert resp.json()["hasil"][str(ind.pk)]["capaian"] == "105,91 %"
    resp = client.get(url_tw("pengukuran:pratinjau"), {f"i{ind.pk}": "1.234"})
    assert "bermakna ganda" in resp.json()["hasil"][str(ind.pk)]["galat"]
    # The preview reads input exactly as the save does: the same limits, and 0 is a value.
    resp = client.get(url_tw("pengukuran:pratinjau"), {f"i{ind.pk}": "123456789012345"})
    assert resp.json()["hasil"][str(ind.pk)]["galat"] == (
        "Realisasi: terlalu besar; paling banyak 14 angka sebelum koma."
    )
    resp = client.get(url_tw("pengukuran:pratinjau"), {f"i{ind.pk}": "0"})
    assert resp.json()["hasil"][str(ind.pk)]["capaian"] == "0,00 %"


def test_submission_is_blocked_with_the_list_of_what_is_missing(client, login, tw_terbuka):
    login("operator.kecamatan")
    daftar = indikator_pk()
    resp = _isian(client, {daftar[0].pk: "50"}, aksi="ajukan")
    body = resp.content.decode()
    assert "belum dapat diajukan" in body
    assert "realisasi belum diisi" in body
    assert "isi analisis penyebab kegagalan" in body
    assert not Realisasi.objects.filter(
        indikator__in=daftar, tahun=TAHUN, triwulan=TW, status="diajukan"
    ).exists()
    # The draft itself was kept.
    assert Realisasi.objects.get(indikator=daftar[0], tahun=TAHUN, triwulan=TW).nilai == 50


def test_double_submit_submits_once(client, login, tw_terbuka):
    login("operator.kecamatan")
    daftar = indikator_pk()
    data = _data(client, {i.pk: "90" for i in daftar}, aksi="ajukan")
    client.post(url_tw(), data)
    assert Realisasi.objects.filter(
        indikator__in=daftar, tahun=TAHUN, triwulan=TW, status="diajukan"
    ).count() == len(daftar)
    before = Notifikasi.objects.count()
    history_before = Realisasi.history.filter(tahun=TAHUN, triwulan=TW).count()
    resp = client.post(url_tw(), data, follow=True)
    assert "Tidak ada isian" in resp.content.decode()
    assert Notifikasi.objects.count() == before
    assert Realisasi.history.filter(tahun=TAHUN, triwulan=TW).count() == history_before


def test_closed_window_refuses_entry_with_its_message(client, login, tw_tertutup):
    login("operator.kecamatan")
    daftar = indikator_pk()
    resp = _isian(client, {daftar[0].pk: "90"})
    body = resp.content.decode()
    assert "sudah ditutup" in body
    assert not Realisasi.objects.filter(indikator=daftar[0], tahun=TAHUN, triwulan=TW).exists()


def test_lock_exception_reopens_entry_for_one_opd(client, login, tw_tertutup):
    login("verifikator")
    from apps.pengukuran.models import JadwalPengisian

    jadwal = JadwalPengisian.objects.get(tahun=TAHUN, triwulan=TW)
    resp = client.post(
        reverse("pengukuran:jadwal"),
        {
            "aksi": "pengecualian",
            "p-opd": opd_kecamatan().pk,
            "p-jadwal": jadwal.pk,
            "p-berlaku_sampai": "31 Desember 2099 16.00",
            "p-alasan": "Server kecamatan rusak.",
        },
        follow=True,
    )
    assert "dibuka khusus" in resp.content.decode()
    login("operator.kecamatan")
    daftar = indikator_pk()
    _isian(client, {daftar[0].pk: "90"})
    assert Realisasi.objects.get(indikator=daftar[0], tahun=TAHUN, triwulan=TW).nilai == 90


def test_reopen_needs_a_reason_and_is_logged(client, login):
    r = Realisasi.objects.filter(indikator__in=indikator_pk(), tahun=TAHUN, triwulan=1).first()
    assert r.status == "diverifikasi"
    login("verifikator")
    url = reverse("pengukuran:buka_kembali", args=[r.pk])
    resp = client.post(url, {"alasan": ""}, follow=True)
    assert "Alasan: wajib diisi." in resp.content.decode()
    r.refresh_from_db()
    assert r.status == "diverifikasi"
    client.post(url, {"alasan": "Data survei direvisi BPS."})
    r.refresh_from_db()
    assert r.status == "dikembalikan"
    catatan = CatatanVerifikasi.objects.get(realisasi=r, jenis="buka_kembali")
    assert (catatan.isi, catatan.penulis.username) == ("Data survei direvisi BPS.", "verifikator")
    page = client.get(reverse("pengukuran:riwayat", args=[r.pk])).content.decode()
    assert "Diverifikasi" in page and "Dikembalikan" in page


def test_history_records_old_and_new_value_with_author(client, login, tw_terbuka):
    login("operator.kecamatan")
    ind = indikator_pk()[0]
    _isian(client, {ind.pk: "78,2"})
    _isian(client, {ind.pk: "79,41"})
    r = Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=TW)
    terakhir = r.history.order_by("-history_date", "-history_id").first()
    sebelum = terakhir.prev_record
    assert (sebelum.nilai, terakhir.nilai) == (Decimal("78.2"), Decimal("79.41"))
    assert terakhir.history_user == User.objects.get(username="operator.kecamatan")
    page = client.get(reverse("pengukuran:riwayat", args=[r.pk])).content.decode()
    assert "78,2" in page and "79,41" in page and "Operator Kecamatan Magetan" in page


def test_verifikator_sets_and_replaces_a_window_typed_the_indonesian_way(client, login):
    from apps.pengukuran.models import JadwalPengisian

    login("verifikator")
    data = {
        "aksi": "jadwal",
        "j-tahun": "2026",
        "j-triwulan": "4",
        "j-dibuka": "5 Januari 2027",
        "j-ditutup": "31/01/2027",
    }
    resp = client.post(reverse("pengukuran:jadwal"), data, follow=True)
    assert "Jadwal pengisian tersimpan." in resp.content.decode()
    jadwal = JadwalPengisian.objects.get(tahun=2026, triwulan=4)
    assert (jadwal.dibuka.isoformat(), jadwal.ditutup.isoformat()) == ("2027-01-05", "2027-01-31")
    assert JadwalPengisian.objects.filter(tahun=2026, triwulan=4).count() == 1
    assert jadwal.history.first().history_user.username == "verifikator"
    assert "5 Januari 2027" in resp.content.decode()


def test_queue_shows_the_longest_waiting_submission_first(client, login):
    import datetime

    from django.utils import timezone

    sekarang = timezone.now()
    daftar = indikator_pk()
    Realisasi.objects.filter(indikator__in=daftar, tahun=TAHUN, triwulan=2).update(
        status="diajukan", diajukan_pada=sekarang, diverifikasi_oleh=None
    )
    Realisasi.objects.filter(indikator__in=daftar, tahun=TAHUN, triwulan=1).update(
        status="diajukan",
        diajukan_pada=sekarang - datetime.timedelta(days=3),
        diverifikasi_oleh=None,
    )
    login("verifikator")
    page = client.get(reverse("pengukuran:antrean"), {"status": ""}).content.decode()
    urutan = re.findall(r"/realisasi/verifikasi/\d+/(\d+)/tw(\d)/", page)
    # TW I waited longest, then TW II; then the rest by OPD code (Bagian Organisasi 4.01.01.06
    # before Kecamatan Magetan 7.01.01), newest year first.
    assert urutan[:4] == [("2026", "1"), ("2026", "2"), ("2019", "4"), ("2023", "4")]


def test_history_names_each_action_save_submit_return_verify_reopen(client, login, tw_terbuka):
    """A save and a submit both change the row; the history says which action each record
    was (apps.core.riwayat.AKSI), newest first, with who did it."""
    login("operator.kecamatan")
    daftar = indikator_pk()
    _isian(client, {daftar[0].pk: "78,2"})
    _isian(
        client, {ind.pk: "78,2" for ind in daftar}, aksi="ajukan", analisis="Sesuai.", solusi="-"
    )
    r0 = Realisasi.objects.get(indikator=daftar[0], tahun=TAHUN, triwulan=TW)
    login("verifikator")
    client.post(
        url_tw("pengukuran:tinjau"),
        {
            **{
                f"r{r.pk}-aksi": "verifikasi"
                for r in Realisasi.objects.filter(indikator__in=daftar, tahun=TAHUN, triwulan=TW)
            },
            f"r{r0.pk}-aksi": "kembalikan",
            f"r{r0.pk}-komentar": "Lampirkan survei.",
            "aksi": "simpan",
        },
    )
    login("operator.kecamatan")
    _isian(client, {daftar[0].pk: "80,5"}, aksi="ajukan", analisis="Survei terlampir.", solusi="-")
    login("verifikator")
    client.post(url_tw("pengukuran:tinjau"), {"aksi": "semua"})
    client.post(
        reverse("pengukuran:buka_kembali", args=[r0.pk]), {"alasan": "Data survei direvisi BPS."}
    )
    page = client.get(reverse("pengukuran:riwayat", args=[r0.pk])).content.decode()
    assert "Triwulan III 2026 · status sekarang Dikembalikan" in page  # as the documents write it
    aksi = re.findall(
        r'<td rowspan="\d+">([^<]+)</td>\s*<td>(?:Nilai|Status|Analisis)|'
        r"<td>([^<]+)</td><td colspan=\"3\"",
        page,
    )
    label = [a or b for a, b in aksi]
    assert label == [
        "Dibuka kembali",
        "Diverifikasi",
        "Diajukan untuk diverifikasi",
        "Disimpan",
        "Dikembalikan untuk diperbaiki",
        "Diajukan untuk diverifikasi",
        "Disimpan",
        "Disimpan",
    ], label
