"""The ZIP of every OPD's LKjIP of a year (apps.laporan.paket, views.paket): who may start,
open and download one; the stored final bytes in the ZIP, never rendered again; an OPD
without a final report listed as missing; the page while the job runs and after it failed;
drafts rendered one OPD after another; a package whose worker died (given up after
SAKIP_TUGAS_BATAS_MENIT without progress, so a new one can be started) and old ZIPs deleted
(kedaluwarsa); and once with a real Celery worker process on Redis.

Rules: only roles that see every OPD use packages (verifikator, inspektorat, admin; the
inspektorat may start one: it reads, it changes no report). An OPD's own users are refused
on every package URL, since a package holds the other OPDs' reports too: 403 on the list,
404 on a package (no package is theirs to know of, like another OPD's row: the choke point
apps.core.akses looks a URL's row up among the user's before anything else)."""

import hashlib
import io
import os
import subprocess
import sys
import time
import uuid
import zipfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import HARI_DEMO
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from izin import SALAH_METODE, kasus
from lkjip_uji import laporan_kec
from perencanaan_uji import opd_organisasi, pesan, user
from realisasi_uji import opd_kecamatan, teks_halaman
from weasyprint import HTML

from apps.core.models import OPD
from apps.laporan import paket as paket_svc
from apps.laporan import urls as laporan_urls
from apps.laporan.demo.loader import load_demo
from apps.laporan.models import LaporanKinerja, PaketLKjIP
from apps.laporan.paket import paket_create
from apps.laporan.tasks import paket_build_job
from config.celery import app as celery_app

pytestmark = pytest.mark.django_db

BACA = (200, 200, 200, 403, 403, 403, 302)
BACA_SATU = (200, 200, 200, 404, 404, 404, 302)
BUAT = (302, 302, 302, 403, 403, 403, 302)

# url name                method  admin verif inspek opKec pimKec opOrg anonim
TABEL = [
    ("laporan:paket_daftar", "GET", BACA),
    ("laporan:paket_daftar", "POST", BUAT),
    ("laporan:paket", "GET", BACA_SATU),
    ("laporan:paket", "POST", SALAH_METODE),
    ("laporan:paket_unduh", "GET", BACA_SATU),
    ("laporan:paket_unduh", "POST", SALAH_METODE),
]

KASUS = kasus(TABEL)


def pdf_kecil(teks: str) -> bytes:
    return HTML(string=f"<p>{teks}</p>").write_pdf()


def finalkan(lap: LaporanKinerja, isi: bytes) -> LaporanKinerja:
    """A final report as the finalising service leaves it: stored PDF, checksum, code."""
    lap.berkas_final.save(f"uji-paket-{lap.pk}.pdf", ContentFile(isi), save=False)
    lap.status = LaporanKinerja.Status.FINAL
    lap.sha256 = hashlib.sha256(isi).hexdigest()
    lap.kode_verifikasi = f"PKT{lap.pk:08d}"
    lap.save()
    return lap


def isi_zip(obj: PaketLKjIP) -> dict[str, bytes]:
    with obj.berkas.open("rb") as f, zipfile.ZipFile(io.BytesIO(f.read())) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture
def final_kec(db):
    """The Kecamatan's LKjIP 2023 final with a small stored PDF; the Bagian Organisasi has
    none for 2023."""
    return finalkan(laporan_kec(), pdf_kecil("LKjIP Kecamatan Magetan 2023"))


@pytest.fixture
def paket_selesai(final_kec):
    return paket_create(user=user("verifikator"), tahun=2023, jenis=PaketLKjIP.Jenis.FINAL)


def _url(nama, obj):
    if nama == "laporan:paket_daftar":
        return reverse(nama)
    return reverse(nama, args=[obj.pk])


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), KASUS)
def test_permission_table(client, paket_selesai, nama, metode, peran, status):
    url = _url(nama, paket_selesai)
    if peran != "anonim":
        client.force_login(user(peran))
    sebelum = PaketLKjIP.objects.count()
    if metode == "POST":
        resp = client.post(url, {"tahun": "2023", "jenis": "final"})
    else:
        resp = client.get(url)
    assert resp.status_code == status, (nama, metode, peran)
    dibuat = PaketLKjIP.objects.count() - sebelum
    assert dibuat == (
        1 if nama == "laporan:paket_daftar" and status == 302 and peran != "anonim" else 0
    )
    if peran == "anonim":
        assert resp["Location"].startswith("/masuk/?next=")
    elif dibuat:
        baru = PaketLKjIP.objects.latest("pk")
        assert resp["Location"] == reverse("laporan:paket", args=[baru.pk])
        assert baru.dibuat_oleh.username == peran and baru.status == "selesai"
    elif status == 200 and nama == "laporan:paket_unduh":
        assert resp["Content-Type"] == "application/zip"
        assert 'filename="lkjip-2023-final.zip"' in resp["Content-Disposition"]
        assert b"".join(resp.streaming_content).startswith(b"PK")
    elif status == 200:
        assert "Paket LKjIP" in teks_halaman(resp)


def test_every_paket_url_has_rows_for_every_role():
    nama_tabel = {(nama, metode) for nama, metode, _ in TABEL}
    assert len(nama_tabel) == len(TABEL)
    pola = [
        p for p in laporan_urls.urlpatterns if p.callback.__module__ == "apps.laporan.views.paket"
    ]
    for p in pola:
        for metode in ("GET", "POST"):
            assert (f"laporan:{p.name}", metode) in nama_tabel, (p.name, metode)
    assert len(TABEL) == 2 * len(pola)


def test_list_page_offers_the_buttons_to_all_opd_roles_only(client, final_kec):
    url = reverse("laporan:lkjip_daftar") + "?tahun=2023"
    client.force_login(user("verifikator"))
    teks = teks_halaman(client.get(url))
    assert "Unduh semua PDF final (ZIP)" in teks and "Buat draf semua OPD (ZIP)" in teks
    client.force_login(user("operator.kecamatan"))
    assert "Unduh semua PDF final (ZIP)" not in teks_halaman(client.get(url))


def test_final_zip_holds_the_stored_bytes_and_lists_the_missing(client, final_kec):
    client.force_login(user("verifikator"))
    resp = client.post(
        reverse("laporan:paket_daftar"), {"tahun": "2023", "jenis": "final"}, follow=True
    )
    obj = PaketLKjIP.objects.get()
    assert obj.status == "selesai" and obj.selesai == obj.jumlah
    # every active OPD, and the Pemerintah Kabupaten's own report
    assert obj.jumlah == OPD.objects.filter(aktif=True).count() + 1
    with final_kec.berkas_final.open("rb") as f:
        tersimpan = f.read()
    kec = opd_kecamatan()
    assert isi_zip(obj) == {f"lkjip-{kec.kode}-2023.pdf": tersimpan}
    org = opd_organisasi()
    assert f"{org.kode} {org.nama}: belum ada LKjIP final" in obj.kurang
    assert "Pemerintah Kabupaten: belum ada LKjIP final" in obj.kurang  # the demo's is a draft
    teks = teks_halaman(resp)
    assert f"1 PDF dari {obj.jumlah} laporan dimuat." in teks
    assert f"{obj.jumlah - 1} laporan tidak dimuat" in teks
    assert f"{org.kode} {org.nama}: belum ada LKjIP final" in teks
    assert "Unduh lkjip-2023-final.zip" in teks
    assert 'http-equiv="refresh"' not in resp.content.decode()


def test_the_final_zip_holds_the_kabupatens_own_final_report(final_kec):
    """The Pemerintah Kabupaten's LKjIP (no OPD), final, is copied after the OPDs' as
    lkjip-kabupaten-<tahun>.pdf, byte for byte."""
    lap = LaporanKinerja.objects.get(opd__isnull=True, tahun=2023)
    finalkan(lap, pdf_kecil("LKjIP Pemerintah Kabupaten Magetan 2023"))
    obj = paket_create(user=user("admin"), tahun=2023, jenis=PaketLKjIP.Jenis.FINAL)
    isi = isi_zip(obj)
    with lap.berkas_final.open("rb") as f:
        assert isi["lkjip-kabupaten-2023.pdf"] == f.read()
    assert set(isi) == {f"lkjip-{opd_kecamatan().kode}-2023.pdf", "lkjip-kabupaten-2023.pdf"}
    assert not any(k.startswith("Pemerintah Kabupaten") for k in obj.kurang)
    assert obj.selesai == obj.jumlah


def test_latest_final_revision_and_a_later_draft(final_kec):
    """Revision 1 final is taken over revision 0; a revision 2 being written (draft) does
    not hide revision 1."""
    rev1 = finalkan(laporan_kec(revisi=1, alasan_revisi="Koreksi tabel"), pdf_kecil("rev 1"))
    laporan_kec(revisi=2, alasan_revisi="Koreksi lagi")
    obj = paket_create(user=user("admin"), tahun=2023, jenis=PaketLKjIP.Jenis.FINAL)
    with rev1.berkas_final.open("rb") as f:
        assert isi_zip(obj) == {f"lkjip-{opd_kecamatan().kode}-2023-revisi-1.pdf": f.read()}


def test_a_stored_file_that_changed_is_left_out_and_said_so(final_kec):
    with open(final_kec.berkas_final.path, "ab") as f:
        f.write(b"diubah")
    obj = paket_create(user=user("admin"), tahun=2023, jenis=PaketLKjIP.Jenis.FINAL)
    assert obj.status == "selesai" and isi_zip(obj) == {}
    kec = opd_kecamatan()
    assert (
        f"{kec.kode} {kec.nama}: PDF final tersimpan tidak cocok dengan checksum-nya" in obj.kurang
    )


def test_draft_zip_renders_every_active_opd_once(monkeypatch):
    dicetak = []

    def cetak(*, opd, tahun, draf):
        assert draf is True and tahun == 2023
        dicetak.append(opd.kode)
        return pdf_kecil(opd.kode)

    monkeypatch.setattr(paket_svc, "render_lkjip_pdf", cetak)
    obj = paket_create(user=user("inspektorat"), tahun=2023, jenis=PaketLKjIP.Jenis.DRAF)
    kode = list(OPD.objects.filter(aktif=True).order_by("kode").values_list("kode", flat=True))
    assert dicetak == kode
    assert sorted(isi_zip(obj)) == sorted(f"lkjip-{k}-2023.pdf" for k in kode)
    assert obj.status == "selesai" and obj.selesai == obj.jumlah == len(kode)
    assert obj.kurang == [] and obj.nama_unduhan == "lkjip-2023-draf.zip"


def test_progress_page_reloads_and_shows_n_of_n(client, final_kec):
    obj = PaketLKjIP.objects.create(
        tahun=2023, jenis="final", dibuat_oleh=user("admin"), status="berjalan", jumlah=5, selesai=2
    )
    client.force_login(user("verifikator"))
    resp = client.get(reverse("laporan:paket", args=[obj.pk]))
    assert '<meta http-equiv="refresh" content="2">' in resp.content.decode()
    teks = teks_halaman(resp)
    assert "Sedang disusun" in teks and "2 dari 5 laporan selesai." in teks
    assert "Unduh" not in teks
    # Not finished: there is nothing to download yet.
    assert client.get(reverse("laporan:paket_unduh", args=[obj.pk])).status_code == 404
    # The same package is not started twice while it is being built.
    assert paket_create(user=user("admin"), tahun=2023, jenis="final") == obj
    assert PaketLKjIP.objects.count() == 1


def test_failed_job_shows_its_message(client, monkeypatch):
    def rusak(*, opd, tahun, draf):
        raise RuntimeError("WeasyPrint rusak")

    monkeypatch.setattr(paket_svc, "render_lkjip_pdf", rusak)
    obj = paket_create(user=user("verifikator"), tahun=2023, jenis=PaketLKjIP.Jenis.DRAF)
    pertama = OPD.objects.filter(aktif=True).order_by("kode").first()
    assert obj.status == "gagal" and not obj.berkas and obj.selesai == 0
    assert obj.pesan == (
        f"Penyusunan paket terhenti karena kesalahan sistem pada "
        f"{pertama.kode} {pertama.nama}. Buat ulang paketnya, atau hubungi "
        "admin bila terulang."
    )
    client.force_login(user("verifikator"))
    resp = client.get(reverse("laporan:paket", args=[obj.pk]))
    teks = teks_halaman(resp)
    assert "Paket gagal disusun." in teks and obj.pesan in teks
    assert 'http-equiv="refresh"' not in resp.content.decode()
    assert client.get(reverse("laporan:paket_unduh", args=[obj.pk])).status_code == 404


@pytest.mark.parametrize(
    ("data", "galat"),
    [
        ({"tahun": "dua ribu", "jenis": "final"}, "Tahun: tulis angka tahun, misalnya 2026."),
        ({"tahun": "1999", "jenis": "final"}, "Tahun: harus antara 2000 dan 2100."),
        (
            {"tahun": "2023", "jenis": "semua"},
            "Jenis paket tidak dikenal: pilih PDF final atau draf.",
        ),
    ],
)
def test_bad_input_starts_nothing(client, data, galat):
    client.force_login(user("verifikator"))
    resp = client.post(reverse("laporan:paket_daftar"), data)
    assert resp.status_code == 302
    assert pesan(resp) == [galat, "Paket belum dibuat."]
    assert not PaketLKjIP.objects.exists()


def test_package_of_an_unknown_id_is_404(client):
    client.force_login(user("admin"))
    assert client.get(reverse("laporan:paket", args=[999999])).status_code == 404
    assert client.get(reverse("laporan:paket_unduh", args=[999999])).status_code == 404


# --- a real worker --------------------------------------------------------------------------

BROKER = "redis://127.0.0.1:6379/11"  # not the default 0 a developer's worker may use
BATAS_DETIK = 60


def _database_url() -> str:
    """The test database this process uses (pytest-django's test_<name>, with the xdist
    suffix), as a DATABASE_URL for the worker's settings."""
    sd = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(sd['NAME']).resolve()}"
    kredensial = quote(sd["USER"] or "", safe="")
    if sd["PASSWORD"]:
        kredensial += ":" + quote(sd["PASSWORD"], safe="")
    return f"postgres://{kredensial}@{sd['HOST'] or '127.0.0.1'}:{sd['PORT'] or 5432}/{sd['NAME']}"


# transaction=True: the worker reads what this test commits. pytest-django runs every
# transactional test after all the rolled-back ones of the session in each process (and xdist
# hands each process its tests in that order), so the flush at its end cannot take the
# session's demo away from a test that relies on it.
@pytest.mark.django_db(transaction=True)
def test_real_worker_builds_the_final_zip(monkeypatch, tmp_path):
    load_demo(hari_ini=HARI_DEMO, synthetic=20)  # the demo stays; 20 synthetic OPDs added
    tersimpan = {}
    for unit in OPD.objects.filter(kode__startswith="SIN-"):
        lap = LaporanKinerja.objects.create(opd=unit, tahun=2025)
        finalkan(lap, pdf_kecil(f"LKjIP {unit.nama} 2025"))
        with lap.berkas_final.open("rb") as f:
            tersimpan[f"lkjip-{unit.kode}-2025.pdf"] = f.read()
    assert len(tersimpan) >= 20
    obj = PaketLKjIP.objects.create(tahun=2025, jenis="final", dibuat_oleh=user("verifikator"))

    antrean = f"uji-paket-{uuid.uuid4().hex}"  # no other worker on this Redis takes the job
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
        "DATABASE_URL": _database_url(),
    }
    log = tmp_path / "worker.log"
    with open(log, "wb") as keluaran:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "-c",
                "1",
                "--loglevel=warning",
                "-Q",
                antrean,
                "-n",
                f"{antrean}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            stdout=keluaran,
            stderr=subprocess.STDOUT,
        )
    try:
        monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
        with celery_app.connection_for_write(BROKER) as conn:
            paket_build_job.apply_async(args=[obj.pk], connection=conn, queue=antrean)
        batas = time.monotonic() + BATAS_DETIK
        while True:
            obj.refresh_from_db()
            if not obj.berjalan:
                break
            assert worker.poll() is None, f"worker berhenti:\n{log.read_text()}"
            assert time.monotonic() < batas, f"paket belum selesai:\n{log.read_text()}"
            time.sleep(0.2)
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()

    assert obj.status == "selesai", (obj.pesan, log.read_text())
    assert obj.selesai == obj.jumlah == OPD.objects.filter(aktif=True).count() + 1
    isi = isi_zip(obj)
    assert len(isi) >= 20
    assert isi == tersimpan  # byte for byte what was stored at finalisation
    assert all(b.startswith(b"%PDF-") for b in isi.values())
    kec = opd_kecamatan()
    assert f"{kec.kode} {kec.nama}: belum ada LKjIP final" in obj.kurang


# --- a job whose worker died; old ZIPs ------------------------------------------------------

TERHENTI = (
    "Pekerjaan terhenti: tidak ada kemajuan selama 30 menit (pekerja latar mati atau "
    "dimulai ulang). Silakan ulangi."
)


def paket_sedang(status: str, *, menit_lalu: int, **isian) -> PaketLKjIP:
    """A package left in a running state, last written `menit_lalu` minutes ago."""
    obj = PaketLKjIP.objects.create(
        tahun=2023, jenis="final", dibuat_oleh=user("admin"), status=status, **isian
    )
    PaketLKjIP.objects.filter(pk=obj.pk).update(
        diperbarui=timezone.now() - timedelta(minutes=menit_lalu)
    )
    return obj


@pytest.mark.parametrize("status", ["antre", "berjalan"])
def test_a_package_without_progress_fails_and_a_new_one_can_be_started(client, final_kec, status):
    """The worker died 31 minutes ago: the page says so instead of reloading for ever, offers
    to start again, and starting again builds a new package instead of returning the dead
    one."""
    mati = paket_sedang(status, menit_lalu=31, jumlah=5, selesai=2)
    client.force_login(user("verifikator"))
    resp = client.get(reverse("laporan:paket", args=[mati.pk]))
    teks = teks_halaman(resp)
    assert "Paket gagal disusun." in teks and TERHENTI in teks
    assert 'http-equiv="refresh"' not in resp.content.decode()
    assert "Unduh semua PDF final (ZIP)" in teks and "Buat draf semua OPD (ZIP)" in teks
    mati.refresh_from_db()
    assert mati.status == "gagal" and mati.pesan == TERHENTI and mati.selesai == 2

    resp = client.post(reverse("laporan:paket_daftar"), {"tahun": "2023", "jenis": "final"})
    baru = PaketLKjIP.objects.latest("pk")
    assert baru != mati and resp["Location"] == reverse("laporan:paket", args=[baru.pk])
    assert baru.status == "selesai" and f"lkjip-{opd_kecamatan().kode}-2023.pdf" in isi_zip(baru)


def test_paket_create_gives_up_a_dead_package_without_its_page_being_opened(final_kec):
    mati = paket_sedang("berjalan", menit_lalu=45)
    baru = paket_create(user=user("admin"), tahun=2023, jenis="final")
    mati.refresh_from_db()
    assert baru != mati and baru.status == "selesai"
    assert mati.status == "gagal" and mati.pesan == TERHENTI


def test_a_package_still_progressing_is_left_alone(client, final_kec):
    hidup = paket_sedang("berjalan", menit_lalu=29, jumlah=5, selesai=2)
    client.force_login(user("verifikator"))
    resp = client.get(reverse("laporan:paket", args=[hidup.pk]))
    assert '<meta http-equiv="refresh" content="2">' in resp.content.decode()
    assert "2 dari 5 laporan selesai." in teks_halaman(resp)
    assert client.get(reverse("laporan:paket_daftar")).status_code == 200
    assert paket_create(user=user("admin"), tahun=2023, jenis="final") == hidup
    hidup.refresh_from_db()
    assert hidup.status == "berjalan" and hidup.pesan == "" and PaketLKjIP.objects.count() == 1


def test_the_list_page_shows_a_dead_package_as_failed(client):
    mati = paket_sedang("antre", menit_lalu=31)
    client.force_login(user("verifikator"))
    resp = client.get(reverse("laporan:paket_daftar"))
    assert "Gagal" in teks_halaman(resp)
    mati.refresh_from_db()
    assert mati.status == "gagal"


def test_a_job_delivered_again_after_its_package_was_given_up_builds_nothing(final_kec):
    """The broker delivers the message of a worker that died once more (acks_late): the
    package given up meanwhile stays gagal, with no ZIP."""
    mati = paket_sedang("berjalan", menit_lalu=31)
    paket_create(user=user("admin"), tahun=2023, jenis="final")  # gives it up
    paket_build_job.apply(args=[mati.pk])
    mati.refresh_from_db()
    assert mati.status == "gagal" and not mati.berkas and mati.pesan == TERHENTI


def test_an_old_zip_is_deleted_and_its_page_says_it_expired(client, paket_selesai):
    """Eight days after it was made the ZIP is deleted from storage; the package's page says
    why there is no download and offers to build a new one, and a saved download link leads
    there instead of to an unexplained 404. A ZIP of six days is kept."""
    sekarang = timezone.now()
    lama = paket_selesai
    muda = PaketLKjIP(
        tahun=2024,
        jenis="final",
        dibuat_oleh=user("admin"),
        status="selesai",
        selesai_pada=sekarang - timedelta(days=6),
    )
    muda.berkas.save("uji-muda.zip", ContentFile(b"PK muda"))  # saves the row too
    PaketLKjIP.objects.filter(pk=lama.pk).update(selesai_pada=sekarang - timedelta(days=8))
    nama, penyimpanan = lama.berkas.name, lama.berkas.storage
    assert penyimpanan.exists(nama)

    assert paket_svc.paket_expire(sekarang=sekarang) == 1
    lama.refresh_from_db()
    muda.refresh_from_db()
    assert not penyimpanan.exists(nama) and not lama.berkas
    assert lama.status == "kedaluwarsa"
    assert muda.status == "selesai" and muda.berkas.storage.exists(muda.berkas.name)

    client.force_login(user("verifikator"))
    resp = client.get(reverse("laporan:paket", args=[lama.pk]))
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert "Kedaluwarsa" in teks and "Berkas ZIP sudah dihapus." in teks
    assert (
        "Berkas ZIP paket ini sudah dihapus karena disimpan lebih dari 7 hari. Buat paket "
        "baru bila masih diperlukan."
    ) in teks
    assert "Unduh lkjip" not in teks and "Unduh semua PDF final (ZIP)" in teks
    resp = client.get(reverse("laporan:paket_unduh", args=[lama.pk]), follow=True)
    assert resp.redirect_chain == [(reverse("laporan:paket", args=[lama.pk]), 302)]
    assert pesan(resp) == ["Berkas ZIP paket ini sudah dihapus."]


def test_a_package_being_built_is_never_cleaned(settings):
    """However old the package, while its job progresses neither clean-up touches it or the
    file it has (a ZIP being built is never deleted)."""
    settings.SAKIP_PAKET_SIMPAN_HARI = 0
    sekarang = timezone.now()
    for status in ("antre", "berjalan"):
        obj = paket_sedang(status, menit_lalu=1)
        obj.berkas.save(f"uji-dibangun-{status}.zip", ContentFile(b"PK sebagian"))
        PaketLKjIP.objects.filter(pk=obj.pk).update(
            dibuat=sekarang - timedelta(days=30),
            selesai_pada=sekarang - timedelta(days=30),
            diperbarui=sekarang - timedelta(minutes=1),
        )
    out = io.StringIO()
    call_command("bersihkan_tugas", stdout=out)
    for obj in PaketLKjIP.objects.all():
        assert obj.berjalan and obj.pesan == ""
        assert obj.berkas.storage.exists(obj.berkas.name)
    assert "ditandai gagal: 0 " in out.getvalue() and "dihapus: 0." in out.getvalue()
