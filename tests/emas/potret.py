"""What the users see of every computed number, as text: the golden record that the read
model of an indicator's year (apps.pengukuran.kinerja) is compared with.

`ambil(client)` reads, as Bagian Organisasi's verifikator, for every OPD and every year it has
a PK for: the entry page of each triwulan, the drill-down, the LKjIP as the PDF lays it out
(its HTML before WeasyPrint); and for every such year the dashboard (every page of it), its
xlsx export and the recap xlsx. Each becomes its visible text (tags dropped, whitespace
collapsed; the xlsx: every cell). `ringkas` keeps per page a hash of that text and its
numbers, which is what the repository stores (tests/emas/potret.json.gz).

Regenerate, only when a change of what is shown is meant:
    .venv/bin/python -m pytest tests/test_emas.py --perbarui-emas
"""

import gzip
import hashlib
import html
import io
import json
import re
from pathlib import Path

from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

BERKAS = Path(__file__).with_name("potret.json.gz")

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
_ANGKA = re.compile(r"-?\d[\d.,]*")


_ISI = re.compile(r"<main\b[^>]*>(.*)</main>", re.S | re.I)


def teks_html(isi: str) -> str:
    """The visible text of a page's content (inside <main> when it has one: the header's
    menu and the footer are the layout's, not the page's numbers): without tags, scripts and
    styles, whitespace collapsed."""
    if m := _ISI.search(isi):
        isi = m.group(1)
    return " ".join(html.unescape(_TAG.sub(" ", isi)).split())


def teks_xlsx(isi: bytes) -> str:
    buku = load_workbook(io.BytesIO(isi), read_only=True)
    baris = []
    for lembar in buku.worksheets:
        for row in lembar.iter_rows(values_only=True):
            baris.append(" | ".join("" if v is None else repr(v) for v in row))
    return "\n".join(baris)


def _get(client, url, data=None) -> bytes:
    resp = client.get(url, data)
    assert resp.status_code == 200, (url, data, resp.status_code)
    return resp.content


def ambil(client, opds) -> dict[str, str]:
    """{page name: visible text} for the OPDs given (with their years) and their years'
    dashboards. `client` logged in as a user who sees every OPD."""
    from apps.laporan.lkjip import dokumen_lkjip
    from apps.perencanaan.models import PerjanjianKinerja

    hasil = {}
    tahun_semua = set()
    for opd in opds:
        tahun_opd = sorted(
            set(
                PerjanjianKinerja.objects.filter(opd=opd, status="final").values_list(
                    "tahun", flat=True
                )
            )
        )
        for tahun in tahun_opd:
            tahun_semua.add(tahun)
            for tw in range(1, 5):
                url = reverse("pengukuran:pengisian", args=[opd.pk, tahun, tw])
                hasil[f"{opd.kode} {tahun} pengisian TW{tw}"] = teks_html(
                    _get(client, url).decode()
                )
            url = reverse("laporan:opd", args=[opd.pk, tahun])
            hasil[f"{opd.kode} {tahun} rinci"] = teks_html(_get(client, url).decode())
            dok = dokumen_lkjip(opd=opd, tahun=tahun)
            isi = render_to_string("laporan/lkjip_pdf.html", {"dok": dok, "draf": True})
            hasil[f"{opd.kode} {tahun} lkjip"] = teks_html(isi)
    for tahun in sorted(tahun_semua):
        url = reverse("laporan:dasbor")
        for hal in (1, 2, 3):
            resp = client.get(url, {"tahun": tahun, "page": hal})
            if resp.status_code == 404:
                break
            hasil[f"dasbor {tahun} hal {hal}"] = teks_html(resp.content.decode())
        hasil[f"dasbor {tahun} xlsx"] = teks_xlsx(
            _get(client, reverse("laporan:dasbor_xlsx"), {"tahun": tahun})
        )
        hasil[f"rekap {tahun} xlsx"] = teks_xlsx(
            _get(client, reverse("laporan:rekap", args=[tahun, "xlsx"]))
        )
    return hasil


def ringkas(halaman: dict[str, str]) -> dict[str, dict]:
    """Per page: the hash of its text and its numbers in order."""
    return {
        nama: {
            "sha256": hashlib.sha256(teks.encode()).hexdigest(),
            "angka": _ANGKA.findall(teks),
        }
        for nama, teks in sorted(halaman.items())
    }


def simpan(ringkasan: dict) -> None:
    data = json.dumps(ringkasan, ensure_ascii=False, sort_keys=True, indent=0)
    BERKAS.write_bytes(gzip.compress(data.encode(), mtime=0))


def muat() -> dict:
    return json.loads(gzip.decompress(BERKAS.read_bytes()))
