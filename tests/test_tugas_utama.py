"""Each role reaches its main task from the home page by clicks alone (issue 17), in Chromium
on the live server, the clock at the demo's day (Triwulan III 2026 open):

- the operator fills and submits the triwulan, then opens the draft LKjIP PDF;
- the verifikator verifies one value and returns another, opens the dashboard and downloads
  the recap;
- the pimpinan finalises the PK waiting for it.
"""

import datetime

import pytest
from conftest import HARI_DEMO
from django.utils import timezone
from peramban import keluar, masuk, pesan, shot
from playwright.sync_api import expect
from realisasi_uji import indikator_pk, opd_kecamatan

from apps.laporan import draf as draf_svc
from apps.pengukuran.models import CatatanVerifikasi, Realisasi
from apps.perencanaan import services as pk_svc
from apps.perencanaan.models import PerjanjianKinerja

WIB = datetime.timezone(datetime.timedelta(hours=7))
PDF_KECIL = b"%PDF-1.4\n% draf uji\n"

pytestmark = pytest.mark.django_db(transaction=True)


def test_operator_fills_and_submits_the_triwulan_then_opens_the_draft_lkjip(
    page, hari_demo, monkeypatch
):
    monkeypatch.setattr(draf_svc, "render_lkjip_pdf", lambda **kw: PDF_KECIL)
    masuk(page, "operator.kecamatan")
    page.get_by_role("link", name="Isi realisasi Triwulan III 2026").click()
    expect(page.locator("h1")).to_have_text("Realisasi Triwulan III 2026")
    for ind in indikator_pk():
        page.locator(f"[name='i{ind.pk}-nilai']").fill("90")
        page.locator(f"[name='i{ind.pk}-analisis']").fill("Sesuai rencana.")
        page.locator(f"[name='i{ind.pk}-solusi']").fill("Lanjutkan.")
    page.get_by_role("button", name="Simpan dan ajukan").click()
    pesan(page, "indikator diajukan untuk diverifikasi")
    shot(page, "tugas/operator-diajukan")
    assert set(
        Realisasi.objects.filter(indikator__in=indikator_pk(), tahun=2026, triwulan=3).values_list(
            "status", flat=True
        )
    ) == {"diajukan"}
    page.get_by_role("link", name="Beranda").click()
    # the draft is built by the worker (eager here; else behind a page that reloads itself),
    # then the PDF itself answers and Chromium shows it in its viewer
    with page.expect_response(
        lambda r: r.headers.get("content-type") == "application/pdf", timeout=20000
    ) as jawaban:
        page.get_by_role("link", name="PDF draf LKjIP 2025").click()
    assert jawaban.value.status == 200
    assert jawaban.value.headers["content-disposition"] == (
        'inline; filename="lkjip-7.01.01-2025-draf.pdf"'
    )


def test_verifikator_verifies_one_returns_one_and_downloads_the_recap(page, hari_demo):
    kec = opd_kecamatan()
    daftar = indikator_pk()
    for ind in daftar:
        Realisasi.objects.create(
            indikator=ind,
            tahun=2026,
            triwulan=3,
            nilai=90,
            analisis="Sesuai rencana.",
            solusi="Lanjutkan.",
            status="diajukan",
            diajukan_pada=timezone.now(),
        )
    masuk(page, "verifikator")
    page.get_by_role(
        "link", name=f"{kec.nama}: Triwulan III 2026, {len(daftar)} indikator menunggu"
    ).click()
    expect(page.locator("h1")).to_contain_text("Triwulan III 2026")
    pertama, kedua = (
        Realisasi.objects.get(indikator=daftar[i], tahun=2026, triwulan=3) for i in (0, 1)
    )
    page.locator(f"[name='r{pertama.pk}-aksi']").select_option("verifikasi")
    page.locator(f"[name='r{kedua.pk}-aksi']").select_option("kembalikan")
    page.locator(f"[name='r{kedua.pk}-komentar']").fill("Lampirkan hasil survei.")
    page.get_by_role("button", name="Simpan keputusan").click()
    pesan(page, "1 dikembalikan")
    pertama.refresh_from_db()
    kedua.refresh_from_db()
    assert (pertama.status, kedua.status) == ("diverifikasi", "dikembalikan")
    assert CatatanVerifikasi.objects.get(realisasi=kedua).isi == "Lampirkan hasil survei."
    page.get_by_role("link", name="Dasbor", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Dasbor kinerja Perangkat Daerah 2026")
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Rekap xlsx").click()
    assert unduhan.value.suggested_filename == "rekap-capaian-2026.xlsx"
    shot(page, "tugas/verifikator-dasbor")


def test_pimpinan_finalises_the_pk_waiting_for_it(page, hari_demo):
    kec = opd_kecamatan()
    induk = PerjanjianKinerja.objects.get(opd=kec, tahun=2026, versi=0)
    perubahan = pk_svc.pk_perubahan_create(
        pk=induk, alasan="pejabat", keterangan="Camat baru dilantik."
    )
    PerjanjianKinerja.objects.filter(pk=perubahan.pk).update(tanggal=HARI_DEMO)
    masuk(page, "pimpinan.kecamatan")
    page.get_by_role(
        "link", name="Perubahan PK ke-1: draf, belum final — periksa dan finalkan"
    ).click()
    page.on("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Finalkan").click()
    expect(page.locator("p.selesai")).to_contain_text("Dokumen final")
    perubahan.refresh_from_db()
    assert perubahan.status == "final"
    page.get_by_role("link", name="Beranda").click()
    expect(page.get_by_role("link", name="Perubahan PK ke-1: final")).to_be_visible()
    shot(page, "tugas/pimpinan-pk-final")


def test_the_entry_page_can_be_filled_and_saved_with_the_keyboard_alone(page, hari_demo):
    """Tab from the top of the page to the first value, type it, Tab to its analysis and
    solution, then Tab on to "Simpan draf" and press Enter: no mouse."""
    kec = opd_kecamatan()
    ind = indikator_pk()[0]
    masuk(page, "operator.kecamatan")
    page.goto(f"/realisasi/opd/{kec.pk}/2026/tw3/")

    def tab_sampai(pilih: str, batas: int = 80) -> None:
        for _ in range(batas):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({pilih!r})"):
                return
        raise AssertionError(f"{pilih} tidak tercapai dengan Tab")

    tab_sampai(f"[name='i{ind.pk}-nilai']")
    page.keyboard.type("88,5")
    page.keyboard.press("Tab")
    page.keyboard.type("Survei IKM selesai.")
    page.keyboard.press("Tab")
    page.keyboard.type("Pertahankan.")
    tab_sampai("button[value='simpan']")
    page.keyboard.press("Enter")
    pesan(page, "Draf tersimpan.")
    r = Realisasi.objects.get(indikator=ind, tahun=2026, triwulan=3)
    assert (str(r.nilai), r.analisis, r.solusi) == (
        "88.5000",
        "Survei IKM selesai.",
        "Pertahankan.",
    )


def test_verifikator_reaches_the_pohon_kinerja_and_prints_an_opds_tree_by_clicks(page, hari_demo):
    """From the home page: Perencanaan, the kabupaten's tree of 2023, a program opened by a
    click (no script: a <details>), the Kecamatan's own tree, its PDF."""
    import subprocess

    masuk(page, "verifikator")
    page.get_by_role("link", name="Perencanaan", exact=True).click()
    page.locator("p", has_text="Pohon kinerja kabupaten").get_by_role("link", name="2023").click()
    expect(page.locator("h1")).to_have_text("Pohon kinerja kabupaten 2023")
    program = page.locator("li.tingkat-program", has_text="7.01.02").first
    expect(program.locator("details").first).not_to_have_attribute("open", "")
    expect(program.get_by_text("Pagu Rp").first).to_be_hidden()
    program.locator("summary").first.click()
    expect(program.get_by_text("Pagu Rp").first).to_be_visible()
    shot(page, "tugas/verifikator-pohon-kabupaten")
    sasaran = page.locator("li.tingkat-sasaran", has_text="Meningkatnya Kualitas Pelayanan Publik")
    sasaran.get_by_role("link", name="pohon OPD").first.click()
    expect(page.locator("h1")).to_have_text("Pohon kinerja Kecamatan Magetan 2023")
    expect(page.get_by_text("253,33 %").first).to_be_visible()  # kegiatan 7.01.01.2.01
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh PDF").click()
    assert unduhan.value.suggested_filename == "pohon-kinerja-kec-magetan-2023.pdf"
    teks = subprocess.run(
        ["pdftotext", "-layout", unduhan.value.path(), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "POHON KINERJA KECAMATAN MAGETAN TAHUN 2023" in teks and "253,33 %" in teks


def test_verifikator_writes_and_prints_the_kabupaten_lkjip_by_clicks(page, hari_demo):
    """From the home page: LKjIP, the year 2023, the Pemerintah Kabupaten's report; a chapter
    written and saved; its tree one click away; the draft PDF opened and read."""
    from apps.laporan.lkjip_kabupaten import lkjip_kabupaten_terbaru

    masuk(page, "verifikator")
    page.get_by_role("link", name="LKjIP", exact=True).click()
    page.locator("form.saring").get_by_role("link", name="2023").click()
    page.get_by_role("link", name="LKjIP Pemerintah Kabupaten 2023").click()
    expect(page.locator("h1")).to_contain_text("LKjIP Pemerintah Kabupaten tahun 2023")
    page.get_by_role("textbox", name="Saran", exact=True).fill(
        "Perangkat daerah memakai peringatan dini triwulan."
    )
    page.get_by_role("button", name="Simpan").first.click()
    pesan(page, "tersimpan")
    shot(page, "tugas/verifikator-lkjip-kabupaten")
    assert lkjip_kabupaten_terbaru(2023).saran == (
        "Perangkat daerah memakai peringatan dini triwulan."
    )
    with page.expect_response(
        lambda r: r.headers.get("content-type") == "application/pdf", timeout=60000
    ) as jawaban:
        page.get_by_role("link", name="Unduh draf PDF").click()
    assert jawaban.value.status == 200
    assert jawaban.value.headers["content-disposition"] == (
        'inline; filename="lkjip-kabupaten-2023-draf.pdf"'
    )
    import subprocess

    # the viewer holds the bytes; the same address read again returns them
    isi = page.request.get(jawaban.value.url).body()
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()
    assert "PEMERINTAH KABUPATEN MAGETAN" in teks and "peringatan dini triwulan" in teks
    page.go_back()
    page.get_by_role("link", name="Pohon kinerja 2023").click()
    expect(page.locator("h1")).to_have_text("Pohon kinerja kabupaten 2023")


def test_inspektorat_evaluates_an_opd_from_home_to_the_lhe_by_clicks(page, hari_demo):
    """From the home page: Evaluasi AKIP, the year 2023, Kecamatan Magetan; the evaluation
    started, the proposals from the data loaded and checked, every other criterion answered,
    saved, submitted; the ketua tim (another Inspektorat user) approves; the final LHE is
    downloaded and read."""
    import subprocess

    from apps.laporan.models import EvaluasiLKE, KriteriaLKE

    page.on("dialog", lambda d: d.accept())
    masuk(page, "inspektorat")
    page.get_by_role("link", name="Evaluasi AKIP 2025").click()
    page.locator("nav.pilih-tahun").get_by_role("link", name="2023").click()
    page.get_by_role("row", name="Kecamatan Magetan").get_by_role("link", name="Buka").click()
    expect(page.locator("h1")).to_contain_text("Evaluasi AKIP Kecamatan Magetan tahun 2023")
    page.get_by_role("button", name="Mulai evaluasi").click()
    pesan(page, "dimulai")
    page.get_by_role("button", name="Isi jawaban kosong dengan usulan dari data").click()
    pesan(page, "usulan dari data dimuat")
    expect(page.get_by_text("Usulan dari data: Y").first).to_be_visible()
    # the criteria without a proposal: answered by the evaluator
    kriteria = KriteriaLKE.objects.filter(sub__komponen__kuesioner__tahun=2023, usulan="")
    for kr in kriteria:
        page.locator(f"select[name='k{kr.pk}-jawaban']").select_option(
            "Y" if kr.jenis == KriteriaLKE.Jenis.YT else "B"
        )
    page.get_by_role("button", name="Simpan", exact=True).click()
    pesan(page, "Tersimpan")
    shot(page, "tugas/inspektorat-evaluasi")
    page.get_by_role("button", name="Ajukan ke ketua tim").click()
    pesan(page, "diajukan ke ketua tim")
    keluar(page)
    # the ketua tim finds it from the menu and approves it
    masuk(page, "ketua.inspektorat")
    page.get_by_role("link", name="Evaluasi AKIP", exact=True).click()
    page.locator("nav.pilih-tahun").get_by_role("link", name="2023").click()
    page.get_by_role("row", name="Kecamatan Magetan").get_by_role("link", name="Buka").click()
    page.get_by_role("button", name="Setujui (ketua tim)").click()
    pesan(page, "disetujui dan final")
    ev = EvaluasiLKE.objects.get(opd=opd_kecamatan(), kuesioner__tahun=2023)
    assert (
        ev.status == "final" and ev.predikat and ev.disetujui_oleh.username == "ketua.inspektorat"
    )
    expect(page.get_by_text(ev.kode_verifikasi).first).to_be_visible()
    with page.expect_response(
        lambda r: r.headers.get("content-type") == "application/pdf", timeout=60000
    ) as jawaban:
        page.get_by_role("link", name="Unduh LHE final (PDF)").click()
    isi = page.request.get(jawaban.value.url).body()
    with ev.berkas_lhe.open("rb") as f:
        assert isi == f.read()  # the stored file, byte for byte
    teks = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()
    assert "LAPORAN HASIL EVALUASI" in teks and f'"{ev.predikat}"' in teks
    assert ev.kode_verifikasi in teks
