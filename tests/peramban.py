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


def shot(page, nama, *, penuh=True):
    """A screenshot (of the whole page, or of the window with penuh=False) under
    /tmp/sakip-shots/ for a human to look at."""
    berkas = SHOTS / f"{nama}.png"
    berkas.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(berkas), full_page=penuh)


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


# What overflows the window and is not inside a container that scrolls (or clips) it: the
# elements a user could only reach by scrolling the whole page sideways.
_MELUAP_JS = """() => {
  const W = document.documentElement.clientWidth, hasil = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= W + 1) continue;
    let a = e.parentElement, dalam = false;
    while (a && a !== document.body) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') { dalam = true; break; }
      a = a.parentElement;
    }
    if (!dalam) hasil.push(`${e.tagName.toLowerCase()}.${e.className} (${Math.round(r.right)} px)`);
  }
  return {lebar: W, dokumen: document.documentElement.scrollWidth, meluap: hasil.slice(0, 5)};
}"""


def meluap(page) -> dict:
    """The window's width, the document's, and the first elements that overflow it outside
    a scroll container (an empty list when the page fits)."""
    return page.evaluate(_MELUAP_JS)
