"""The draft LKjIP PDF rendered by the background worker (apps.laporan.draf): the address of
the draft starts a job and leads to a page that reloads itself until the PDF is ready, then
returns it. With the worker's jobs run in the request (CELERY_TASK_ALWAYS_EAGER, as in
`make run`) the PDF comes back at once; these tests also run the job the way a worker does,
after the request."""

from datetime import timedelta

import pytest
from conftest import HARI_DEMO
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from izin import SALAH_METODE, kasus
from lkjip_uji import pekerja_latar
from peramban import masuk, shot
from playwright.sync_api import expect
from realisasi_uji import KEC, opd_kecamatan, teks_halaman

from apps.core.models import User
from apps.core.tugas import PESAN_TERHENTI
from apps.laporan import draf as draf_svc
from apps.laporan.demo.loader import load_demo
from apps.laporan.models import DrafLKjIP
from apps.laporan.tasks import draf_build_job

pytestmark = pytest.mark.django_db

TAHUN = 2023
PDF_PALSU = b"%PDF-1.4 draf uji"


def user(username):
    return User.objects.get(username=username)


@pytest.fixture
def render_palsu(monkeypatch):
    """WeasyPrint takes seconds per report; what is tested here is the job around it."""
    dibuat = []

    def render(*, opd, tahun, laporan, draf):
        dibuat.append((opd.pk, tahun, draf))
        return PDF_PALSU + f" {opd.kode} {tahun}".encode()

    monkeypatch.setattr(draf_svc, "render_lkjip_pdf", render)
    return dibuat


@pytest.fixture
def pekerja(settings, monkeypatch):
    return pekerja_latar(draf_build_job, settings, monkeypatch)


def url_pdf(opd=None):
    return reverse("laporan:lkjip_pdf", args=[(opd or opd_kecamatan()).pk, TAHUN])


def test_with_a_worker_the_page_waits_then_returns_the_pdf(
    client, render_palsu, pekerja, django_capture_on_commit_callbacks
):
    client.force_login(user("verifikator"))
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.get(url_pdf())
    draf = DrafLKjIP.objects.get()
    assert resp.status_code == 302
    assert resp["Location"] == reverse("laporan:lkjip_draf", args=[draf.pk])
    assert pekerja.kiriman == [draf.pk] and render_palsu == []

    # Waiting: a page that reloads itself, saying what happens.
    resp = client.get(resp["Location"])
    assert resp.status_code == 200
    assert '<meta http-equiv="refresh" content="2">' in resp.content.decode()
    teks = teks_halaman(resp)
    assert "Menunggu giliran" in teks and "Draf menunggu giliran disusun." in teks

    # A second click while it waits starts nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url_pdf())["Location"] == reverse("laporan:lkjip_draf", args=[draf.pk])
    assert DrafLKjIP.objects.count() == 1 and pekerja.kiriman == [draf.pk]

    pekerja.jalankan_semua()
    resp = client.get(reverse("laporan:lkjip_draf", args=[draf.pk]))
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    assert resp.content == PDF_PALSU + f" {opd_kecamatan().kode} {TAHUN}".encode()
    assert resp["Content-Disposition"] == (
        f'inline; filename="lkjip-{opd_kecamatan().kode}-{TAHUN}-draf.pdf"'
    )
    assert render_palsu == [(opd_kecamatan().pk, TAHUN, True)]


def test_without_a_worker_the_first_request_returns_the_pdf(client, render_palsu):
    client.force_login(user("operator.kecamatan"))
    resp = client.get(url_pdf())
    assert resp.status_code == 200 and resp.content.startswith(PDF_PALSU)
    assert DrafLKjIP.objects.get().status == "selesai"


def test_asking_again_replaces_the_users_previous_draft_and_its_file(
    client, render_palsu, django_capture_on_commit_callbacks
):
    client.force_login(user("verifikator"))
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url_pdf())
    lama = DrafLKjIP.objects.get()
    assert default_storage.exists(lama.berkas.name)
    # Another user's draft of the same report is theirs and stays.
    client.force_login(user("admin"))
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url_pdf())
    client.force_login(user("verifikator"))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url_pdf()).status_code == 200
    baru = DrafLKjIP.objects.filter(dibuat_oleh=user("verifikator")).get()
    assert baru.pk != lama.pk and not default_storage.exists(lama.berkas.name)
    assert DrafLKjIP.objects.filter(dibuat_oleh=user("admin")).count() == 1
    assert len(render_palsu) == 3


def test_a_failed_draft_says_so_and_offers_to_try_again(
    client, monkeypatch, pekerja, django_capture_on_commit_callbacks
):
    def rusak(**kw):
        raise RuntimeError("WeasyPrint rusak")

    monkeypatch.setattr(draf_svc, "render_lkjip_pdf", rusak)
    client.force_login(user("verifikator"))
    with django_capture_on_commit_callbacks(execute=True):
        lokasi = client.get(url_pdf())["Location"]
    pekerja.jalankan_semua()
    resp = client.get(lokasi)
    assert resp.status_code == 200
    teks = teks_halaman(resp)
    assert "Draf gagal disusun." in teks and "Silakan coba lagi." in teks
    assert "WeasyPrint rusak" not in teks  # the cause is logged, not shown
    assert "Susun ulang draf PDF" in teks
    assert 'http-equiv="refresh"' not in resp.content.decode()
    assert DrafLKjIP.objects.get().status == "gagal"


def test_a_draft_whose_worker_died_is_given_up(
    client, render_palsu, pekerja, django_capture_on_commit_callbacks, settings
):
    client.force_login(user("verifikator"))
    with django_capture_on_commit_callbacks(execute=True):
        lokasi = client.get(url_pdf())["Location"]
    draf = DrafLKjIP.objects.get()
    DrafLKjIP.objects.filter(pk=draf.pk).update(
        status="berjalan",
        diperbarui=timezone.now() - timedelta(minutes=settings.SAKIP_TUGAS_BATAS_MENIT + 1),
    )
    teks = teks_halaman(client.get(lokasi))
    pesan = PESAN_TERHENTI.format(menit=settings.SAKIP_TUGAS_BATAS_MENIT)
    assert "Draf gagal disusun." in teks and pesan in teks
    # Asking again starts a new job instead of waiting on the dead one.
    with django_capture_on_commit_callbacks(execute=True):
        lokasi2 = client.get(url_pdf())["Location"]
    assert lokasi2 != lokasi and len(pekerja.kiriman) == 2
    # The old message delivered again renders nothing (its row is gone).
    draf_build_job.apply(args=[draf.pk])
    assert render_palsu == []


def test_a_draft_still_progressing_is_left_alone(
    client, render_palsu, pekerja, django_capture_on_commit_callbacks, settings
):
    client.force_login(user("verifikator"))
    with django_capture_on_commit_callbacks(execute=True):
        lokasi = client.get(url_pdf())["Location"]
    DrafLKjIP.objects.update(
        status="berjalan",
        diperbarui=timezone.now() - timedelta(minutes=settings.SAKIP_TUGAS_BATAS_MENIT - 1),
    )
    resp = client.get(lokasi)
    assert "Sedang disusun" in teks_halaman(resp)
    assert '<meta http-equiv="refresh" content="2">' in resp.content.decode()
    assert DrafLKjIP.objects.get().status == "berjalan"


# A draft is its asker's (operator.kecamatan) only: every other role, the verifikator and the
# admin too (they see every OPD, not another user's draft), is answered 404.
TABEL_DRAF = [
    ("laporan:lkjip_draf", "GET", (404, 404, 404, 200, 404, 404, 302)),
    ("laporan:lkjip_draf", "POST", SALAH_METODE),
]


@pytest.mark.parametrize(("nama", "metode", "peran", "status"), kasus(TABEL_DRAF))
def test_permission_table_of_a_draft(client, render_palsu, nama, metode, peran, status):
    client.force_login(user("operator.kecamatan"))
    client.get(url_pdf())
    url = reverse(nama, args=[DrafLKjIP.objects.get().pk])
    client.logout()
    if peran != "anonim":
        client.force_login(user(peran))
    resp = client.get(url) if metode == "GET" else client.post(url)
    assert resp.status_code == status
    if status == 302:
        assert resp["Location"].startswith(reverse("login"))


def test_a_draft_of_an_opd_the_user_no_longer_sees_is_404(client, render_palsu):
    """The operator moved to another OPD after asking for the draft."""
    operator = user("operator.kecamatan")
    client.force_login(operator)
    client.get(url_pdf())
    url = reverse("laporan:lkjip_draf", args=[DrafLKjIP.objects.get().pk])
    assert client.get(url).status_code == 200
    operator.opd = user("operator.organisasi").opd
    operator.save()
    assert client.get(url).status_code == 404


def test_unknown_draft_is_404(client):
    client.force_login(user("verifikator"))
    assert client.get(reverse("laporan:lkjip_draf", args=[999999])).status_code == 404


def test_old_drafts_are_deleted_with_their_files_running_ones_kept(
    render_palsu, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lama = draf_svc.draf_create(opd=opd_kecamatan(), tahun=TAHUN, user=user("admin"))
        baru = draf_svc.draf_create(opd=opd_kecamatan(), tahun=TAHUN, user=user("verifikator"))
    jalan = DrafLKjIP.objects.create(
        opd=opd_kecamatan(), tahun=TAHUN, dibuat_oleh=user("inspektorat"), status="berjalan"
    )
    jam = settings.SAKIP_DRAF_SIMPAN_JAM
    DrafLKjIP.objects.filter(pk__in=[lama.pk, jalan.pk]).update(
        dibuat=timezone.now() - timedelta(hours=jam + 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert draf_svc.draf_expire() == 1
    assert set(DrafLKjIP.objects.values_list("pk", flat=True)) == {baru.pk, jalan.pk}
    assert not default_storage.exists(lama.berkas.name)
    assert default_storage.exists(baru.berkas.name)


@pytest.mark.django_db(transaction=True)
def test_the_waiting_page_reloads_itself_in_the_browser(page, settings, monkeypatch, tmp_path):
    """In Chromium, under the site's Content-Security-Policy: the waiting page, then, once the
    worker is done, the same page reloaded on its own. The job fails here on purpose: a PDF
    would end the page as a download, which a headless browser does not show."""
    load_demo(hari_ini=HARI_DEMO)  # the live server's database is not the rolled-back one
    settings.MEDIA_ROOT = tmp_path
    settings.CELERY_TASK_ALWAYS_EAGER = False
    terkirim = []
    monkeypatch.setattr(draf_build_job, "delay", terkirim.append)

    def rusak(**kw):
        raise RuntimeError("WeasyPrint rusak")

    monkeypatch.setattr(draf_svc, "render_lkjip_pdf", rusak)
    masuk(page, "verifikator")
    page.goto(url_pdf())
    expect(page.locator("h1")).to_contain_text(f"Draf PDF LKjIP {TAHUN}: {KEC}")
    expect(page.locator(".progres")).to_contain_text("Draf menunggu giliran disusun.")
    shot(page, "lkjip-draf-menunggu")
    assert len(terkirim) == 1

    draf_build_job.apply(args=[terkirim[0]])  # the worker
    expect(page.locator("[role=alert]")).to_contain_text("Draf gagal disusun.", timeout=8000)
    expect(page.get_by_role("link", name="Susun ulang draf PDF")).to_be_visible()
    shot(page, "lkjip-draf-gagal")

    page.goto(reverse("laporan:dasbor") + f"?tahun={TAHUN}")
    expect(page.locator("p.dihitung")).to_contain_text("Angka dihitung")
    shot(page, "dasbor-dihitung")


def test_the_lkjip_page_and_list_lead_to_the_draft_pdf(client, render_palsu):
    """The draft had no button anywhere: its address had to be typed."""
    client.force_login(user("operator.kecamatan"))
    pdf = reverse("laporan:lkjip_pdf", args=[opd_kecamatan().pk, TAHUN])
    halaman = client.get(reverse("laporan:lkjip_ubah", args=[opd_kecamatan().pk, TAHUN]))
    assert f'href="{pdf}"' in halaman.content.decode()
    assert "Unduh draf PDF" in teks_halaman(halaman)
    daftar = client.get(reverse("laporan:lkjip_daftar"), {"tahun": TAHUN})
    assert f'href="{pdf}"' in daftar.content.decode()
    assert client.get(pdf).content.startswith(PDF_PALSU)
