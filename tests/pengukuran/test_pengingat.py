"""Reminders before a window closes, and the in-app notification list."""

import datetime
import re
from io import StringIO

import pytest
from conftest import TAHUN, TW
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.core.models import Notifikasi, User
from apps.pengukuran.models import JadwalPengisian

pytestmark = pytest.mark.django_db


def _tutup_dalam(hari):
    hari_ini = timezone.localdate()
    JadwalPengisian.objects.filter(tahun=TAHUN, triwulan=TW).update(
        dibuka=hari_ini - datetime.timedelta(days=10),
        ditutup=hari_ini + datetime.timedelta(days=hari),
    )


def test_reminder_reaches_operators_of_an_opd_with_missing_entries(
    django_capture_on_commit_callbacks,
):
    _tutup_dalam(2)
    operator = User.objects.get(username="operator.kecamatan")
    operator.email = "operator@kec.example"
    operator.save(update_fields=["email"])
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("kirim_pengingat", "--hari", "3", stdout=out)
    assert "Kecamatan Magetan: 4 indikator belum diajukan" in out.getvalue()
    n = Notifikasi.objects.get(penerima=operator)
    tutup = date_format(timezone.localdate() + datetime.timedelta(days=2), "j F Y")
    # the same words for the days left as the home page (apps.core.beranda.sisa_hari)
    assert n.judul == f"Pengingat: Triwulan III 2026 ditutup {tutup} (tinggal 2 hari)"
    assert "4 dari 4 indikator" in n.pesan
    assert n.tautan.endswith("/2026/tw3/")
    assert [m.to for m in mail.outbox] == [["operator@kec.example"]]
    # The verifikator is not reminded of an OPD's entries.
    assert not Notifikasi.objects.filter(penerima__username="verifikator").exists()


def test_no_reminder_when_the_window_closes_later_or_entries_are_complete():
    _tutup_dalam(10)
    out = StringIO()
    call_command("kirim_pengingat", "--hari", "3", stdout=out)
    assert "Pengingat terkirim ke 0 OPD." in out.getvalue()
    assert not Notifikasi.objects.exists()


def test_notification_list_and_mark_read(client, login):
    user = login("operator.kecamatan")
    Notifikasi.objects.create(
        penerima=user, judul="Realisasi Triwulan III 2026 diverifikasi", tautan="/realisasi/"
    )
    Notifikasi.objects.create(
        penerima=User.objects.get(username="verifikator"), judul="Pesan orang lain"
    )
    page = client.get(reverse("core:notifikasi")).content.decode()
    assert "Realisasi Triwulan III 2026 diverifikasi" in page
    assert "Pesan orang lain" not in page
    assert re.search(r'class="[^"]*\blencana\b[^"]*"[^>]*>1<', page)  # the unread badge
    client.post(reverse("core:notifikasi"))
    assert not Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True).exists()
    assert Notifikasi.objects.filter(
        penerima__username="verifikator", dibaca_pada__isnull=True
    ).exists()
