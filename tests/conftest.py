import datetime
import os
import uuid

import pytest
from django.conf import settings
from django.utils import timezone
from peramban import CHROMIUM, TIMEOUT_MS
from playwright import sync_api as playwright_sync

from apps.core.models import User
from apps.laporan.demo.loader import load_demo
from apps.pengukuran.models import JadwalPengisian


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo data of both reference OPDs is loaded once per test session; every test runs
    in a transaction that is rolled back, so the demo is the same for each test."""
    with django_db_blocker.unblock():
        load_demo(hari_ini=HARI_DEMO)


# The demo's running year is fixed for tests: 2026, with Triwulan III the triwulan to fill in.
HARI_DEMO = datetime.date(2026, 11, 22)
TAHUN, TW = 2026, 3


def _jendela_tw(dibuka: int, ditutup: int):
    """Set Triwulan III 2026's window to days relative to the real today (the window checks
    the real clock)."""
    hari_ini = timezone.localdate()
    JadwalPengisian.objects.update_or_create(
        tahun=TAHUN,
        triwulan=TW,
        defaults={
            "dibuka": hari_ini + datetime.timedelta(days=dibuka),
            "ditutup": hari_ini + datetime.timedelta(days=ditutup),
        },
    )
    return TAHUN, TW


@pytest.fixture
def tw_terbuka(db):
    """Triwulan III 2026 open today, whatever today is."""
    return _jendela_tw(-10, 10)


@pytest.fixture
def tw_tertutup(db):
    """Triwulan III 2026 closed since yesterday."""
    return _jendela_tw(-20, -1)


@pytest.fixture
def login(client):
    """Log the test client in as one of the demo users: login("operator.kecamatan")."""

    def _login(username):
        user = User.objects.get(username=username)
        client.force_login(user)
        return user

    return _login


@pytest.fixture
def demo_password():
    return settings.SAKIP_DEMO_PASSWORD


@pytest.fixture
def browser(monkeypatch):
    """One headless Chromium for a browser test. Playwright's sync API runs an event loop in
    this thread, so Django's "async unsafe" guard must be lifted for the ORM calls of the
    test."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    pw = playwright_sync.sync_playwright().start()
    try:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@pytest.fixture
def page(browser, live_server):
    """A browser page on pytest-django's live server (Indonesian locale, 1366 px wide)."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="id-ID", base_url=live_server.url
    )
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    yield pg
    context.close()


def pytest_addoption(parser):
    parser.addoption(
        "--perbarui-emas",
        action="store_true",
        help="write the golden record of tests/test_emas.py from what the code shows now",
    )


PANJANG = ("tests/test_jelajah.py", "tests/test_emas.py")


def pytest_collection_modifyitems(items):
    """The longest pieces of work first (the walk of every page, tests/test_jelajah.py, and
    the golden record, tests/test_emas.py): each runs on one xdist worker while the other
    starts on the rest."""
    items.sort(
        key=lambda item: (
            PANJANG.index(f) if (f := item.nodeid.split("::")[0]) in PANJANG else len(PANJANG)
        )
    )


def pytest_configure(config):
    """One name for this run, inherited by the xdist workers (spawned later, with this
    process's environment): the crawler writes its figures under it and only this run prints
    them, even while another pytest runs in the same checkout."""
    if not hasattr(config, "workerinput"):
        os.environ["SAKIP_UJI_SESI"] = uuid.uuid4().hex


def pytest_terminal_summary(terminalreporter):
    """The crawler's figures (tests/test_jelajah.py), whichever worker ran it."""
    import json

    if hasattr(terminalreporter.config, "workerinput"):
        return  # an xdist worker's summary goes nowhere: leave the figures to the controller
    f = settings.VAR_DIR / "jelajah" / f"ringkasan-{os.environ.get('SAKIP_UJI_SESI')}.json"
    if f.exists():
        r = json.loads(f.read_text())
        f.unlink()
        tr = terminalreporter
        tr.section(f"Penjelajah ({r['basis_data']})")
        for peran, x in r["peran"].items():
            tr.write_line(
                f"{peran:22} {x['halaman']:5} halaman ({x['detik']:5.1f} s), "
                f"{x['formulir']:3} formulir, {x['kiriman']:5} kiriman "
                f"({x['detik_kirim']:5.1f} s)"
            )
        jumlah = r["peran"].values()
        tr.write_line(
            f"(peran, halaman): {sum(x['halaman'] for x in jumlah)}; formulir: "
            f"{sum(x['formulir'] for x in jumlah)}; kiriman: "
            f"{sum(x['kiriman'] for x in jumlah)}, {r['ditolak']} ditolak dengan "
            f"pesan, {r['ditolak_mengubah']} dari yang ditolak mengubah data; galat "
            f"server: {r['galat_server']}"
        )
        tr.write_line(
            f"pola URL tercapai {r['pola_tercapai']} dari {r['pola_semua']}; kueri "
            f"terbanyak satu halaman: {r['kueri_terbanyak'][0]} "
            f"({r['kueri_terbanyak'][1]})"
        )
        tr.write_line("pola tanpa tautan dan alasannya:")
        for pola, alasan in r["tanpa_tautan"]:
            tr.write_line(f"  {pola}: {alasan}")


@pytest.fixture
def hari_demo(monkeypatch):
    """The demo loaded at its day, and the clock of the test and of the live server (they share
    the process) at 10.00 WIB that day: browser tests see the demo as it is meant to be seen,
    whatever the real date (the triwulan windows are relative to it)."""
    load_demo(hari_ini=HARI_DEMO)
    wib = datetime.timezone(datetime.timedelta(hours=7))
    saat = datetime.datetime.combine(HARI_DEMO, datetime.time(10), tzinfo=wib)
    monkeypatch.setattr(timezone, "now", lambda: saat)
