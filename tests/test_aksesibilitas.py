"""axe-core on every page the crawler reaches, per role (issue 17, item 9): the crawler of
tests/jelajah.py walks the demo from each role's home page, link by link, with the Django
test client; one URL of every HTML page it reached (one per URL pattern: the pages of one
pattern share their template; at most 10 URLs of a pattern are walked, which on the demo
reaches every pattern the unbounded walk reaches) is then opened in Chromium as that role
and checked by axe-core.
No serious or critical violation is allowed. The Django admin's own pages are Django's
markup, not ours, and are checked only where we changed them (none): they are left out and
counted in the message."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.template import Template
from django.test import Client
from django.test import utils as test_utils
from jelajah import HTML, IzinTahun, jelajahi, nama_pola
from peramban import masuk
from test_tata_letak import halaman_peran

from apps.core import pdf as core_pdf
from apps.core.models import OPD, User


class _TanpaTataLetak:
    def __init__(self, *args, string, **kwargs):
        pass

    def write_pdf(self, *args, **kwargs):
        return b"%PDF-1.7\n% tata letak dilewati oleh tests/test_aksesibilitas.py\n"


PERAN = ["operator.kecamatan", "pimpinan.kecamatan", "verifikator", "inspektorat", "admin"]
AXE = Axe()


def contoh_halaman(peran: str) -> tuple[list[tuple[str, str]], set[str]]:
    """(pattern name, first URL) of every HTML page the crawler reached as `peran`, outside
    the admin; and every pattern it reached (redirects included)."""
    client = Client()
    client.force_login(User.objects.get(username=peran))
    izin = IzinTahun(OPD.objects.values_list("pk", flat=True))
    hasil = jelajahi(
        client, peran, izin, lewati={"logout", "admin:logout"}, maks_per_pola=10, tanpa_admin=True
    )
    contoh: dict[str, str] = {}
    for k in hasil.kunjungan:
        if k.status == 200 and k.jenis.startswith(HTML) and k.nama and ":" in k.nama:
            if not k.nama.startswith("admin:"):
                contoh.setdefault(k.nama, k.url)
    return sorted(contoh.items()), {k.nama for k in hasil.kunjungan if k.status < 400}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("peran", PERAN)
def test_axe_finds_nothing_serious_on_any_page_the_crawler_reaches(
    page, hari_demo, monkeypatch, peran
):
    # What axe reads is HTML: PDFs are not laid out (their own tests do), and the test
    # client does not copy every template's context for assertions this test never makes.
    monkeypatch.setattr(core_pdf, "HTML", _TanpaTataLetak)
    monkeypatch.setattr(Template, "_render", test_utils._TestState.saved_data.template_render)
    halaman, tercapai = contoh_halaman(peran)
    # the walk is bounded (10 URLs of a pattern, which on the demo reaches every pattern the
    # unbounded walk reaches); it must at least reach the role's main pages
    utama = {nama_pola(url.split("?")[0])[0] for _, url in halaman_peran()[peran]}
    assert utama <= tercapai, utama - tercapai
    masuk(page, peran)
    page.set_viewport_size({"width": 1366, "height": 768})
    cacat = []
    for nama, url in halaman:
        resp = page.goto(url)
        assert resp.status == 200, (peran, url, resp.status)
        for v in AXE.run(page).response["violations"]:
            if v["impact"] in ("serious", "critical"):
                cacat.append((nama, url, v["id"], v["impact"], v["nodes"][0]["html"][:160]))
    assert not cacat, f"{len(halaman)} halaman diperiksa: {cacat}"
