"""Planning in a real browser (headless Chromium): the operator edits the Renstra tree
(a target, a supporting program ticked), starts a perubahan of the running year's PK with one
of the three reasons, changes a target and the date; the pimpinan finalises it after the
confirmation dialog; the comparison page shows the change and the realisasi page measures
against the perubahan. Screenshots go to /tmp/sakip-shots/."""

from decimal import Decimal

import pytest
from conftest import HARI_DEMO, TAHUN
from django.urls import reverse
from peramban import keluar, masuk, pesan, shot
from playwright.sync_api import expect
from realisasi_uji import KEC

from apps.anggaran.models import Program
from apps.core.models import OPD
from apps.laporan.demo.loader import load_demo
from apps.perencanaan.models import (
    PerjanjianKinerja,
    ProgramSasaran,
    Renstra,
    Sasaran,
    TargetTahunan,
)


@pytest.mark.django_db(transaction=True)
def test_renstra_dan_perubahan_pk_di_peramban(page):
    load_demo(hari_ini=HARI_DEMO)  # the live server's database is not the session's
    opd = OPD.objects.get(nama=KEC)
    renstra = Renstra.objects.get(opd=opd, tahun_awal__lte=TAHUN, tahun_akhir__gte=TAHUN)
    sasaran = Sasaran.objects.filter(tujuan__renstra=renstra).order_by("nomor")[1]
    ind = sasaran.indikator.get()
    program = Program.objects.get(kode="7.01.02")
    assert not ProgramSasaran.objects.filter(sasaran=sasaran, program=program).exists()

    masuk(page, "operator.kecamatan")
    page.goto(reverse("perencanaan:opd", args=[opd.pk]))
    page.get_by_role("link", name=f"Renstra {renstra.tahun_awal}–{renstra.tahun_akhir}").click()
    expect(page.locator("h1")).to_have_text(f"Renstra {renstra.tahun_awal}–{renstra.tahun_akhir}")
    page.fill(f'input[name="i{ind.pk}-target_2025"]', "82,5")
    # A sasaran without a supporting program shows the program list open.
    expect(page.locator(f"#sasaran-{sasaran.pk} summary").first).to_have_text(
        "Program pendukung (0)"
    )
    page.locator(f'input[name="s{sasaran.pk}-program"][value="{program.pk}"]').check()
    page.get_by_role("button", name="Simpan Renstra").click()
    pesan(page, "Renstra tersimpan (2 perubahan).")
    expect(page.locator(f'input[name="i{ind.pk}-target_2025"]')).to_have_value("82,5")
    shot(page, "p1-renstra")
    assert TargetTahunan.objects.get(indikator=ind, tahun=2025).target == Decimal("82.5")
    assert ProgramSasaran.objects.filter(sasaran=sasaran, program=program).exists()

    induk = PerjanjianKinerja.objects.get(opd=opd, tahun=TAHUN, versi=0)
    page.goto(reverse("perencanaan:pk", args=[induk.pk]))
    page.get_by_label("Perubahan prioritas atau asumsi yang signifikan").check()
    page.get_by_label("Keterangan").fill("Target SAKIP disesuaikan dengan hasil evaluasi.")
    page.get_by_role("button", name="Buat perubahan sebagai draf").click()
    expect(page.locator("h1")).to_contain_text(f"Perubahan Perjanjian Kinerja Tahun {TAHUN}")
    baru = PerjanjianKinerja.objects.get(opd=opd, tahun=TAHUN, versi=1)
    baris = baru.indikator.get(indikator=ind)
    page.fill(f'input[name="t{baris.pk}-target"]', "82,5")
    page.fill('input[name="pk-tanggal"]', "3 Agustus 2026")
    page.get_by_role("button", name="Simpan", exact=True).click()
    pesan(page, f"Perubahan Perjanjian Kinerja Tahun {TAHUN} tersimpan.")
    shot(page, "p2-pk-perubahan-draf")
    keluar(page)

    masuk(page, "pimpinan.kecamatan")
    page.goto(reverse("perencanaan:pk", args=[baru.pk]))
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Finalkan").click()
    pesan(page, "difinalkan")
    expect(page.locator("h1 .status")).to_have_text("Final")
    shot(page, "p3-pk-final")
    baru.refresh_from_db()
    assert baru.status == "final" and str(baru.tanggal) == "2026-08-03"

    page.get_by_role("link", name="Bandingkan dengan PK induk").click()
    baris_beda = page.locator("tr.beda-ubah", has_text=ind.nama)
    expect(baris_beda).to_contain_text("82,5")
    shot(page, "p4-banding")
    page.goto(reverse("pengukuran:pengisian", args=[opd.pk, TAHUN, 3]))
    expect(page.locator("p.subjudul")).to_contain_text(
        f"diukur terhadap Perubahan Perjanjian Kinerja Tahun {TAHUN}"
    )
    expect(page.locator(f"#indikator-{ind.pk}")).to_contain_text("82,5")
