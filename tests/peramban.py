"""What the browser tests share: a headless Chromium through Playwright (the fixtures
`browser` and `page` are in conftest.py), logging in and out, messages, screenshots."""

import re
from pathlib import Path

from django.conf import settings as django_settings
from django.urls import reverse
from playwright.sync_api import expect

from apps.core.models import User

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path("/tmp/sakip-shots")
TIMEOUT_MS = 5000


def shot(page, nama):
    """A full-page screenshot under /tmp/sakip-shots/ for a human to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{nama}.png"), full_page=True)


def masuk(page, username):
    page.goto(reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", django_settings.SAKIP_DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    nama = str(User.objects.get(username=username))
    expect(page.locator("header .pengguna")).to_contain_text(nama)


def keluar(page):
    page.locator("header form.keluar").get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("login")) + r"$"))
    expect(page.locator("header .pengguna")).to_have_count(0)


def pesan(page, teks):
    expect(page.locator("ul.pesan")).to_contain_text(teks)
