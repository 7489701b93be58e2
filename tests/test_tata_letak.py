"""Every main page of every role, at a laptop's 1366x768 and a phone's 390x844, in Chromium:
no page is wider than the window (a wide table scrolls inside its own container), the menu
marks the section the page belongs to and, on a phone, folds behind a Menu button; axe-core
finds no serious or critical accessibility violation on any of them (nor on the login page).
The screenshots go to /tmp/sakip-shots/tata-letak/ to be looked at."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import HARI_DEMO
from django.urls import reverse
from peramban import masuk, meluap, shot
from perencanaan_uji import opd_organisasi
from playwright.sync_api import expect
from realisasi_uji import opd_kecamatan

from apps.laporan.demo.loader import load_demo
from apps.perencanaan.models import PerjanjianKinerja, PKBupati, Renstra

UKURAN = {"laptop": (1366, 768), "ponsel": (390, 844)}


def halaman_peran() -> dict[str, list[tuple[str, str]]]:
    """Per role, (menu section, URL) of its main pages, on the demo's data. A role that sees
    every OPD has no "Realisasi" in its menu (its start there is the verification queue), so
    an OPD's realisasi pages are under "Verifikasi" for it."""
    kec, org = opd_kecamatan(), opd_organisasi()
    renstra = Renstra.objects.filter(opd=kec).order_by("-tahun_awal").first()
    pk = PerjanjianKinerja.objects.filter(opd=kec, tahun=2023).order_by("versi").first()
    pk_bupati = PKBupati.objects.get(tahun=2023)
    umum = [
        ("beranda", reverse("core:beranda")),
        ("perencanaan", reverse("perencanaan:beranda")),
        ("realisasi", reverse("pengukuran:beranda")),
        ("anggaran", reverse("anggaran:beranda")),
        ("lkjip", reverse("laporan:lkjip_daftar")),
        ("dasbor", reverse("laporan:dasbor")),
        ("notifikasi", reverse("core:notifikasi")),
    ]
    opd = [
        ("perencanaan", reverse("perencanaan:opd", args=[kec.pk])),
        ("perencanaan", reverse("perencanaan:renstra", args=[renstra.pk])),
        ("perencanaan", reverse("perencanaan:pk", args=[pk.pk])),
        ("perencanaan", reverse("perencanaan:konsistensi", args=[kec.pk, 2023])),
        ("realisasi", reverse("pengukuran:opd_tahun", args=[kec.pk, 2026])),
        ("realisasi", reverse("pengukuran:pengisian", args=[kec.pk, 2026, 3])),
        ("anggaran", reverse("anggaran:dpa", args=[kec.pk, 2023])),
        ("anggaran", reverse("anggaran:realisasi", args=[kec.pk, 2023, 6])),
        ("lkjip", reverse("laporan:lkjip_ubah", args=[kec.pk, 2023])),
        ("dasbor", reverse("laporan:opd", args=[kec.pk, 2026])),
        ("perencanaan", reverse("core:pejabat", args=[kec.pk])),
        ("perencanaan", reverse("core:pejabat_ubah", args=[kec.pejabat.order_by("pk")[0].pk])),
    ]
    verifikasi = [
        ("verifikasi", reverse("pengukuran:antrean")),
        ("verifikasi", reverse("pengukuran:tinjau", args=[kec.pk, 2026, 2])),
        ("jadwal", reverse("pengukuran:jadwal")),
        ("lkjip", reverse("laporan:paket_daftar")),
        ("anggaran", reverse("anggaran:dpa", args=[org.pk, 2019])),
    ]
    # the pohon kinerja (kabupaten and OPD) and the DPA indicators' year-end realisasi
    pohon = [
        ("verifikasi", reverse("pengukuran:iku_pemda", args=[2019, 4])),
        ("perencanaan", reverse("perencanaan:pk_bupati", args=[pk_bupati.pk])),
        ("perencanaan", reverse("laporan:pohon", args=[2023])),
        ("perencanaan", reverse("laporan:pohon_opd", args=[kec.pk, 2023]) + "?buka=semua"),
        ("anggaran", reverse("anggaran:indikator", args=[kec.pk, 2023])),
    ]
    # the Pemerintah Kabupaten's LKjIP: a form for Bagian Organisasi, read-only for the others
    kabupaten = [("lkjip", reverse("laporan:lkjip_kabupaten", args=[2023]))]
    # the Evaluasi AKIP: the list, and the Kecamatan's sheet (read-only before it starts)
    evaluasi = [
        ("evaluasi", reverse("laporan:evaluasi_daftar") + "?tahun=2023"),
        ("evaluasi", reverse("laporan:evaluasi", args=[kec.pk, 2023])),
    ]
    semua = [
        ("verifikasi" if b == "realisasi" else b, u)
        for b, u in umum + opd
        if u != reverse("pengukuran:beranda")
    ]
    return {
        "operator.kecamatan": umum + opd + pohon[2:] + evaluasi[1:],
        "pimpinan.kecamatan": umum + opd[2:3] + opd[8:9],
        "verifikator": semua + verifikasi + pohon + kabupaten,
        # the inspektorat reads the officials' list; editing one is not offered to it
        "inspektorat": semua[:6] + semua[-3:-1] + verifikasi[:1] + pohon[2:] + kabupaten + evaluasi,
        "admin": semua[:6] + verifikasi + pohon[:3] + kabupaten,
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "peran", ["operator.kecamatan", "pimpinan.kecamatan", "verifikator", "inspektorat", "admin"]
)
def test_no_page_is_wider_than_the_window_and_the_menu_marks_where_you_are(page, peran):
    load_demo(hari_ini=HARI_DEMO)
    daftar = halaman_peran()[peran]
    page.goto(reverse("login"))
    salah, cacat = [], _axe(page)
    masuk(page, peran)
    for ukuran, (lebar, tinggi) in UKURAN.items():
        page.set_viewport_size({"width": lebar, "height": tinggi})
        for bagian, url in daftar:
            resp = page.goto(url)
            assert resp.status == 200, (peran, url, resp.status)
            hasil = meluap(page)
            if hasil["dokumen"] > hasil["lebar"] or hasil["meluap"]:
                salah.append((ukuran, url, hasil))
            if ukuran == "laptop" and url == reverse("laporan:dasbor"):
                # the dashboard's table itself fits a laptop (it ran to 1.936 px)
                tabel = page.locator(".table-container").first
                lebar_isi = tabel.evaluate("e => [e.scrollWidth, e.clientWidth]")
                if lebar_isi[0] > lebar_isi[1]:
                    salah.append((ukuran, url, "tabel dasbor", lebar_isi))
            aktif = page.locator("header nav a[aria-current=page]")
            expect(aktif).to_have_count(1)
            assert aktif.get_attribute("href") in _menu_bagian(page, bagian), (url, bagian)
            nama = url.strip("/").replace("/", "_") or "beranda"
            shot(page, f"tata-letak/{peran}-{nama}-{ukuran}", penuh=False)
            if ukuran == "laptop":
                cacat += [(url, *c) for c in _axe(page)]
    assert not salah, salah
    assert not cacat, cacat


AXE = Axe()


def _axe(page) -> list[tuple]:
    """The serious and critical axe-core violations of the page: (rule, impact, first
    element, how many elements)."""
    hasil = AXE.run(page).response["violations"]
    return [
        (v["id"], v["impact"], v["nodes"][0]["html"][:160], len(v["nodes"]))
        for v in hasil
        if v["impact"] in ("serious", "critical")
    ]


def _menu_bagian(page, bagian) -> set[str]:
    """The href of the menu item of a section, as the page's menu has it."""
    label = {
        "beranda": "Beranda",
        "perencanaan": "Perencanaan",
        "realisasi": "Realisasi",
        "anggaran": "Anggaran",
        "lkjip": "LKjIP",
        "evaluasi": "Evaluasi AKIP",
        "dasbor": "Dasbor",
        "notifikasi": "Notifikasi",
        "verifikasi": "Verifikasi",
        "jadwal": "Jadwal",
    }[bagian]
    tautan = page.locator("header nav a.nav-link", has_text=label).first
    return {tautan.get_attribute("href")}


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_menu_folds_behind_a_button_and_opens_within_the_screen(page):
    load_demo(hari_ini=HARI_DEMO)
    masuk(page, "verifikator")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("core:beranda"))
    menu = page.locator("header nav a.nav-link")
    tombol = page.get_by_role("button", name="Menu")
    expect(tombol).to_be_visible()
    expect(menu.first).to_be_hidden()
    expect(page.locator("header form.keluar button")).to_be_visible()
    tombol.click(no_wait_after=True)
    expect(tombol).to_have_attribute("aria-expanded", "true")
    lebar = page.evaluate("() => document.documentElement.clientWidth")
    assert menu.count() >= 9
    for i in range(menu.count()):
        expect(menu.nth(i)).to_be_visible()
        kotak = menu.nth(i).bounding_box()
        assert kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= lebar, (
            menu.nth(i).inner_text(),
            kotak,
        )
    shot(page, "tata-letak/menu-ponsel-terbuka")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(reverse("core:beranda"))
    expect(tombol).to_be_hidden()
    expect(menu.first).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_a_long_action_says_what_is_happening_and_cannot_be_sent_twice(page):
    """The first "Finalkan" of an LKjIP took 18 s with nothing on screen: a button marked
    data-sedang says what is happening as soon as its form is sent."""
    load_demo(hari_ini=HARI_DEMO)
    kec = opd_kecamatan()
    from apps.perencanaan.services import pk_create

    pk = pk_create(opd=kec, tahun=2025)
    masuk(page, "pimpinan.kecamatan")
    page.goto(reverse("perencanaan:pk", args=[pk.pk]))
    # The server is slow: the sending is counted and held back after the page's own
    # listeners ran (a window listener runs after the document's), so the page stays.
    page.evaluate(
        """() => { window.kiriman = 0; window.addEventListener('submit', e => {
             if (!e.defaultPrevented) window.kiriman += 1; e.preventDefault(); }); }"""
    )
    page.on("dialog", lambda d: d.accept())
    tombol = page.get_by_role("button", name="Finalkan")
    tombol.click()
    status = page.locator("p.sedang[role=status]")
    expect(status).to_contain_text("Memfinalkan Perjanjian Kinerja")
    expect(tombol).to_be_disabled()
    assert page.evaluate("window.kiriman") == 1
    page.locator("form:has(p.sedang)").evaluate("f => f.requestSubmit()")  # sent again
    expect(status).to_have_count(1)
    assert page.evaluate("window.kiriman") == 1


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_each_indicator_is_a_card_whose_value_is_typed_without_scrolling(
    page, hari_demo
):
    """At 390 px the entry table was 1.136 px wide: the value of the running triwulan was off
    screen. Each indicator is now a card of its cells, each named by its column."""
    kec = opd_kecamatan()
    masuk(page, "operator.kecamatan")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("pengukuran:pengisian", args=[kec.pk, 2026, 3]))
    isian = page.locator("td.input input.nilai")
    assert isian.count() >= 4
    lebar = page.evaluate("() => document.documentElement.clientWidth")
    for i in range(isian.count()):
        kotak = isian.nth(i).bounding_box()
        assert 0 <= kotak["x"] and kotak["x"] + kotak["width"] <= lebar, kotak
    sel = page.locator("td.input").first
    label = sel.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Triwulan III"'
    isian.first.fill("90")
    expect(isian.first).to_have_value("90")
    shot(page, "tata-letak/pengisian-ponsel-kartu")
