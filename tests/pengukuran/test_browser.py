"""The realisasi workflow in a real browser (headless Chromium through Playwright): the
operator types a value and sees the capaian computed live, attaches a PDF and submits; the
verifikator returns one indicator with a comment; the operator corrects it; the verifikator
verifies everything; the operator finds the value locked.

The test runs against pytest-django's live server, so it uses a transactional database: it
loads the demo itself and opens Triwulan III 2026 relative to today (the window checks the
real clock). Screenshots of the key pages go to /tmp/sakip-shots/ for a human to look at."""

import datetime
import re
from decimal import Decimal

import pytest
from conftest import HARI_DEMO, TAHUN, TW, _jendela_tw
from django.urls import reverse
from django.utils import timezone
from peramban import keluar, masuk, pesan, shot
from playwright.sync_api import expect
from realisasi_uji import KEC, PDF

from apps.core.angka import format_angka, format_persen
from apps.core.models import OPD
from apps.laporan.demo.loader import load_demo
from apps.pengukuran.models import BuktiDukung, CatatanVerifikasi, JadwalPengisian, Realisasi
from apps.perencanaan.selectors import pk_berlaku


@pytest.mark.django_db(transaction=True)
def test_realisasi_workflow_in_the_browser(page, settings, tmp_path):
    # The live server's database is not the session's rolled-back one: load the demo here.
    load_demo(hari_ini=HARI_DEMO)
    hari_ini = timezone.localdate()
    JadwalPengisian.objects.update_or_create(
        tahun=TAHUN,
        triwulan=TW,
        defaults={
            "dibuka": hari_ini - datetime.timedelta(days=10),
            "ditutup": hari_ini + datetime.timedelta(days=10),
        },
    )
    settings.MEDIA_ROOT = tmp_path / "media"

    opd = OPD.objects.get(nama=KEC)
    pk_ind = list(
        pk_berlaku(opd.pk, TAHUN)
        .indikator.select_related("indikator")
        .order_by("indikator__sasaran__nomor", "indikator__nomor")
    )
    daftar = [t.indikator for t in pk_ind]
    target = {t.indikator_id: t.target for t in pk_ind}
    assert len(daftar) >= 2
    ind0 = daftar[0]
    url_isi = reverse("pengukuran:pengisian", args=[opd.pk, TAHUN, TW])
    url_tinjau = reverse("pengukuran:tinjau", args=[opd.pk, TAHUN, TW])
    bukti = tmp_path / "survei-ikm.pdf"
    bukti.write_bytes(PDF)

    def nilai(ind):
        return page.locator(f'input[name="i{ind.pk}-nilai"]')

    def status(ind):
        return page.locator(f"#indikator-{ind.pk} .status")

    def realisasi():
        return Realisasi.objects.filter(indikator__in=daftar, tahun=TAHUN, triwulan=TW)

    # --- the operator fills in the triwulan, with the live preview ---------------------------
    masuk(page, "operator.kecamatan")
    page.goto(url_isi)
    expect(page.locator("h1")).to_contain_text("Triwulan III")
    expect(page.locator("p.jendela")).to_have_class(re.compile(r"\bterbuka\b"))
    expect(nilai(ind0)).to_be_editable()

    # IKM: target 85 (carried from 2023); 90,02 / 85 = 105,91 % -> Sangat Memuaskan.
    nilai(ind0).fill("90,02")
    expect(page.locator(f"#capaian-{ind0.pk}")).to_have_text("105,91 %")
    expect(page.locator(f"#tahunan-{ind0.pk}")).to_have_text("90,02")
    expect(page.locator(f"#predikat-{ind0.pk} .predikat")).to_have_text("Sangat Memuaskan")
    expect(page.locator(f"#galat-{ind0.pk}")).to_be_empty()
    shot(page, "1-pengisian-setelah-mengetik")
    # Nothing was saved by the preview.
    assert not realisasi().exists()

    # An ambiguous number is reported live, then corrected.
    nilai(daftar[1]).fill("1.234")
    expect(page.locator(f"#galat-{daftar[1].pk}")).to_contain_text("bermakna ganda")
    # The other rows typed one right after the other (as when tabbing through the column):
    # each row gets its own preview, none is dropped for the next one.
    faktor = [Decimal("0.9"), Decimal("1.05"), Decimal("1.1")]
    diketik = {}
    for n, ind in enumerate(daftar[1:]):
        f = faktor[n % len(faktor)]
        diketik[ind.pk] = (target[ind.pk] * f).quantize(Decimal("0.01"))
        nilai(ind).fill(format_angka(diketik[ind.pk], 2, buang_nol=True))
    for n, ind in enumerate(daftar[1:]):
        expect(page.locator(f"#galat-{ind.pk}")).to_be_empty()
        expect(page.locator(f"#capaian-{ind.pk}")).to_have_text(
            format_persen(faktor[n % len(faktor)] * 100)
        )
    for ind in daftar:
        page.fill(f'textarea[name="i{ind.pk}-analisis"]', "Pelayanan berjalan sesuai rencana.")
        page.fill(f'textarea[name="i{ind.pk}-solusi"]', "Lanjutkan pemantauan bulanan.")
    page.set_input_files(f'input[name="i{ind0.pk}-bukti"]', str(bukti))
    page.get_by_role("button", name="Simpan dan ajukan").click()
    pesan(page, f"{len(daftar)} indikator diajukan untuk diverifikasi.")
    expect(status(ind0)).to_have_text("Diajukan")
    expect(nilai(ind0)).to_be_disabled()
    expect(page.locator(f"#indikator-{ind0.pk} .berkas a")).to_have_text("survei-ikm.pdf")

    assert {r.status for r in realisasi()} == {"diajukan"}
    assert realisasi().count() == len(daftar)
    r0 = realisasi().get(indikator=ind0)
    assert r0.nilai == Decimal("90.02")
    for ind in daftar[1:]:
        assert realisasi().get(indikator=ind).nilai == diketik[ind.pk]
    bd = BuktiDukung.objects.get(realisasi=r0)
    assert (bd.jenis_konten, bd.nama_asli, bd.ukuran) == (
        "application/pdf",
        "survei-ikm.pdf",
        len(PDF),
    )
    keluar(page)

    # --- the verifikator returns the first indicator with a comment -------------------------
    masuk(page, "verifikator")
    page.goto(url_tinjau)
    expect(page.locator("h1")).to_contain_text("Tinjau realisasi")
    expect(page.locator(f"#indikator-{ind0.pk} .berkas a")).to_have_text("survei-ikm.pdf")
    page.select_option(f'select[name="r{r0.pk}-aksi"]', "kembalikan")
    komentar = "Lampirkan rekap hasil survei IKM per unit layanan."
    page.fill(f'textarea[name="r{r0.pk}-komentar"]', komentar)
    shot(page, "2-tinjau-verifikator")
    page.get_by_role("button", name="Simpan keputusan").click()
    pesan(page, "0 indikator diverifikasi, 1 dikembalikan.")
    expect(status(ind0)).to_have_text("Dikembalikan")

    r0.refresh_from_db()
    assert r0.status == "dikembalikan"
    assert CatatanVerifikasi.objects.get(realisasi=r0, jenis="kembalikan").isi == komentar
    assert {r.status for r in realisasi().exclude(pk=r0.pk)} == {"diajukan"}
    keluar(page)

    # --- the operator sees the comment, corrects the value and submits again -----------------
    masuk(page, "operator.kecamatan")
    page.goto(url_isi)
    expect(page.locator(f"#indikator-{ind0.pk} ol.catatan")).to_contain_text(komentar)
    expect(status(ind0)).to_have_text("Dikembalikan")
    expect(nilai(ind0)).to_be_editable()
    expect(nilai(daftar[1])).to_be_disabled()
    nilai(ind0).fill("91,5")
    expect(page.locator(f"#capaian-{ind0.pk}")).to_have_text("107,65 %")
    tanggapan = "Rekap survei per unit layanan sudah dilampirkan."
    page.fill(f'textarea[name="i{ind0.pk}-tanggapan"]', tanggapan)
    shot(page, "3-pengisian-setelah-dikembalikan")
    page.get_by_role("button", name="Simpan dan ajukan").click()
    pesan(page, "1 indikator diajukan untuk diverifikasi.")
    expect(status(ind0)).to_have_text("Diajukan")

    r0.refresh_from_db()
    assert (r0.status, r0.nilai) == ("diajukan", Decimal("91.5"))
    assert CatatanVerifikasi.objects.get(realisasi=r0, jenis="tanggapan").isi == tanggapan
    keluar(page)

    # --- the verifikator verifies everything that was not returned ---------------------------
    masuk(page, "verifikator")
    page.goto(url_tinjau)
    page.get_by_role("button", name="Verifikasi semua yang tidak dikembalikan").click()
    pesan(page, f"{len(daftar)} indikator diverifikasi, 0 dikembalikan.")
    for ind in daftar:
        expect(status(ind)).to_have_text("Diverifikasi")
    assert {r.status for r in realisasi()} == {"diverifikasi"}
    keluar(page)

    # --- the operator finds the values locked ------------------------------------------------
    masuk(page, "operator.kecamatan")
    page.goto(url_isi)
    expect(nilai(ind0)).to_be_disabled()
    expect(nilai(ind0)).to_have_value("91,5")
    expect(status(ind0)).to_have_text("Diverifikasi")
    expect(page.locator(f'input[name="i{ind0.pk}-bukti"]')).to_have_count(0)
    expect(page.get_by_role("button", name="Simpan dan ajukan")).to_have_count(0)
    shot(page, "4-pengisian-terkunci")
    r0.refresh_from_db()
    assert (r0.status, r0.nilai) == ("diverifikasi", Decimal("91.5"))


@pytest.mark.django_db(transaction=True)
def test_a_sent_form_cannot_be_sent_again(page):
    """static/js/kirim-sekali.js: once the entry form is on its way its buttons are disabled,
    so a second click sends nothing, and the pressed button's action is still sent. The
    page's own handler stops the navigation here, to look at the form after the click."""
    load_demo(hari_ini=HARI_DEMO)
    _jendela_tw(-10, 10)  # open today, whatever the real date: the window reads the clock
    opd = OPD.objects.get(nama=KEC)
    masuk(page, "operator.kecamatan")
    page.goto(reverse("pengukuran:pengisian", args=[opd.pk, TAHUN, TW]))
    page.evaluate("""() => document.getElementById("form-pengisian").addEventListener(
        "submit", (e) => { e.preventDefault(); window.dikirim = (window.dikirim || 0) + 1; })""")
    tombol = page.get_by_role("button", name="Simpan draf")
    tombol.click()
    expect(tombol).to_be_disabled()
    expect(page.get_by_role("button", name="Simpan dan ajukan")).to_be_disabled()
    aksi = page.locator('#form-pengisian input[type=hidden][name="aksi"]')
    expect(aksi).to_have_value("simpan")
    tombol.click(force=True)  # a second click on the disabled button
    assert page.evaluate("window.dikirim") == 1
    assert not Realisasi.objects.filter(
        indikator__sasaran__tujuan__renstra__opd=opd, tahun=TAHUN, triwulan=TW
    ).exists()
