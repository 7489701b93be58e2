"""Giving up background jobs whose worker died, and deleting old LKjIP package ZIPs, as the
operator runs it (`manage.py bersihkan_tugas`) and as `celery beat` does (apps.core.tasks).

The clean-ups themselves are tested where users see them: tests/anggaran/test_impor.py (a
file's check or import) and tests/laporan/test_paket.py (a package, its ZIP)."""

import contextlib
import io
import sqlite3
from datetime import timedelta

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from perencanaan_uji import user
from realisasi_uji import opd_kecamatan

from apps.anggaran.models import Impor
from apps.core.tasks import bersihkan_tugas_job
from apps.core.tugas import tugas_terhenti_fail
from apps.laporan.models import DrafLKjIP, PaketLKjIP
from config.celery import app as celery_app

pytestmark = pytest.mark.django_db


def impor_sedang(status: str, *, menit_lalu: int) -> Impor:
    obj = Impor.objects.create(
        jenis="nomenklatur",
        berkas="impor/uji.csv",
        nama_asli="uji.csv",
        ukuran=1,
        sha256="0" * 64,
        status=status,
    )
    Impor.objects.filter(pk=obj.pk).update(
        diperbarui=timezone.now() - timedelta(minutes=menit_lalu)
    )
    return obj


def paket_sedang(status: str, *, menit_lalu: int) -> PaketLKjIP:
    obj = PaketLKjIP.objects.create(
        tahun=2023, jenis="draf", dibuat_oleh=user("admin"), status=status
    )
    PaketLKjIP.objects.filter(pk=obj.pk).update(
        diperbarui=timezone.now() - timedelta(minutes=menit_lalu)
    )
    return obj


def paket_selesai(*, hari_lalu: int) -> PaketLKjIP:
    obj = PaketLKjIP(
        tahun=2023,
        jenis="final",
        dibuat_oleh=user("admin"),
        status="selesai",
        selesai_pada=timezone.now() - timedelta(days=hari_lalu),
    )
    obj.berkas.save("uji-bersihkan.zip", ContentFile(b"PK"))
    return obj


def test_the_command_says_in_indonesian_what_it_did():
    impor_mati = impor_sedang("memeriksa", menit_lalu=40)
    impor_hidup = impor_sedang("mengimpor", menit_lalu=5)
    paket_mati = paket_sedang("antre", menit_lalu=31)
    lama, baru = paket_selesai(hari_lalu=8), paket_selesai(hari_lalu=1)
    draf_lama = DrafLKjIP.objects.create(
        opd=opd_kecamatan(),
        tahun=2023,
        status="selesai",
        berkas="lkjip-draf/2026/uji.pdf",
        dibuat_oleh=user("admin"),
    )
    DrafLKjIP.objects.filter(pk=draf_lama.pk).update(dibuat=timezone.now() - timedelta(hours=25))
    out = io.StringIO()
    call_command("bersihkan_tugas", stdout=out)
    terhenti, zip_dihapus, draf_dihapus = out.getvalue().splitlines()
    # Each kind of job is named with its count (other kinds may follow, with 0).
    assert terhenti.startswith(
        "Pekerjaan latar tanpa kemajuan selama 30 menit ditandai gagal: "
        "2 (impor berkas 1, paket LKjIP 1"
    )
    assert zip_dihapus == "Berkas ZIP paket LKjIP yang disimpan lebih dari 7 hari dihapus: 1."
    assert draf_dihapus == "Draf PDF LKjIP yang dibuat lebih dari 24 jam lalu dihapus: 1."
    assert not DrafLKjIP.objects.filter(pk=draf_lama.pk).exists()
    status = {
        o: type(o).objects.get(pk=o.pk).status
        for o in (impor_mati, impor_hidup, paket_mati, lama, baru)
    }
    assert list(status.values()) == ["ditolak", "mengimpor", "gagal", "kedaluwarsa", "selesai"]

    out = io.StringIO()
    call_command("bersihkan_tugas", stdout=out)  # nothing left to do
    assert "ditandai gagal: 0 (impor berkas 0, paket LKjIP 0" in out.getvalue()
    assert "dihapus: 0." in out.getvalue()


def test_the_limit_is_a_setting_and_now_can_be_given(settings):
    settings.SAKIP_TUGAS_BATAS_MENIT = 5
    obj = impor_sedang("antre", menit_lalu=0)
    qs = Impor.objects.filter(pk=obj.pk)
    assert tugas_terhenti_fail(qs, sekarang=timezone.now() + timedelta(minutes=4)) == 0
    assert tugas_terhenti_fail(qs, sekarang=timezone.now() + timedelta(minutes=6)) == 1
    obj.refresh_from_db()
    assert obj.status == "ditolak"
    assert obj.pesan == (
        "Pekerjaan terhenti: tidak ada kemajuan selama 5 menit (pekerja latar "
        "mati atau dimulai ulang). Silakan ulangi."
    )


def test_finished_rows_are_never_touched():
    for status in ("diperiksa", "diimpor", "ditolak"):
        impor_sedang(status, menit_lalu=24 * 60)
    assert tugas_terhenti_fail(Impor.objects.all()) == 0
    assert set(Impor.objects.values_list("pesan", flat=True)) == {""}


def test_beat_runs_the_clean_up_job():
    """The schedule names a registered task, and that task does the clean-up."""
    celery_app.loader.import_default_modules()
    jadwal = django_settings.CELERY_BEAT_SCHEDULE["bersihkan-tugas"]
    assert jadwal["task"] == bersihkan_tugas_job.name and jadwal["task"] in celery_app.tasks
    mati, lama = paket_sedang("berjalan", menit_lalu=31), paket_selesai(hari_lalu=8)
    bersihkan_tugas_job.apply()
    assert PaketLKjIP.objects.get(pk=mati.pk).status == "gagal"
    assert PaketLKjIP.objects.get(pk=lama.pk).status == "kedaluwarsa"


# transaction=True: the other connection must see the row (see tests/laporan/test_paket.py on
# why a transactional test does not take the session's demo data away from the others).
@pytest.mark.django_db(transaction=True)
def test_a_row_locked_by_a_live_transaction_is_not_taken_for_dead():
    """The budget import holds its row (SELECT ... FOR UPDATE) for its one transaction, in
    which its progress is invisible: a row locked like that is alive, however old. On
    SQLite the import's transaction locks the whole database: nothing is marked meanwhile,
    and the page that asked is not broken by the lock."""
    obj = Impor.objects.create(
        jenis="nomenklatur",
        berkas="impor/uji.csv",
        nama_asli="uji.csv",
        ukuran=1,
        sha256="0" * 64,
        status="mengimpor",
    )
    Impor.objects.filter(pk=obj.pk).update(diperbarui=timezone.now() - timedelta(hours=2))
    with _impor_lain_memegang(obj):
        with transaction.atomic(), _tunggu_kunci_sebentar():
            assert tugas_terhenti_fail(Impor.objects.filter(pk=obj.pk)) == 0
        assert Impor.objects.get(pk=obj.pk).status == "mengimpor"
    assert tugas_terhenti_fail(Impor.objects.filter(pk=obj.pk)) == 1
    assert Impor.objects.get(pk=obj.pk).status == "diperiksa"


@contextlib.contextmanager
def _impor_lain_memegang(obj):
    """Another connection, as the import's worker: inside its transaction, holding the row
    (PostgreSQL) or the database's write lock (SQLite), then rolling back."""
    sd = connection.settings_dict
    if connection.vendor == "postgresql":
        with psycopg.connect(
            dbname=sd["NAME"],
            user=sd["USER"],
            password=sd["PASSWORD"] or None,
            host=sd["HOST"] or "127.0.0.1",
            port=sd["PORT"] or 5432,
        ) as lain:
            lain.execute("SELECT id FROM anggaran_impor WHERE id = %s FOR UPDATE", [obj.pk])
            yield
            lain.rollback()
        return
    lain = sqlite3.connect(sd["NAME"], isolation_level=None)
    try:
        lain.execute("BEGIN IMMEDIATE")
        lain.execute("UPDATE anggaran_impor SET pesan = pesan WHERE id = ?", [obj.pk])
        yield
        lain.execute("ROLLBACK")
    finally:
        lain.close()


@contextlib.contextmanager
def _tunggu_kunci_sebentar():
    """Waiting for the other transaction's lock fails after a moment instead of hanging."""
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute("SET LOCAL lock_timeout = '5s'")  # ends with the transaction
            yield
            return
        semula = c.execute("PRAGMA busy_timeout").fetchone()[0]
        c.execute("PRAGMA busy_timeout = 300")
        try:
            yield
        finally:
            c.execute(f"PRAGMA busy_timeout = {int(semula)}")
