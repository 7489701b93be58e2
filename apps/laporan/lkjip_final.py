"""The final LKjIP as a frozen file: PDF/A-3b (fit for archiving and electronic signature,
DOMAIN.md "The LKjIP") with its tables embedded as JSON and xlsx, and on its last page a QR
code and a short code pointing to the public verification page. Rendered once by
apps.laporan.services.laporan_finalize and stored; never rendered again."""

import secrets
from dataclasses import dataclass

import segno
from django.conf import settings
from django.urls import reverse

from apps.core.pdf import Lampiran, render_pdf

from .lkjip import DokumenLKjIP
from .lkjip_data import lkjip_json, lkjip_xlsx, tabel_kabupaten, tabel_lkjip
from .lkjip_kabupaten import TEMPLAT_KABUPATEN, DokumenLKjIPKabupaten

# Without 0/O, 1/I/L and U/V: read aloud or typed from paper without doubt. 29 symbols,
# 10 characters: about 4.2e14 codes, so a code cannot be guessed or enumerated.
ALFABET_KODE = "ABCDEFGHJKMNPQRSTWXYZ23456789"
PANJANG_KODE = 10


def kode_baru() -> str:
    return "".join(secrets.choice(ALFABET_KODE) for _ in range(PANJANG_KODE))


def url_verifikasi(kode: str) -> str:
    """The absolute public address of a code's verification page (SAKIP_URL_PUBLIK)."""
    return settings.SAKIP_URL_PUBLIK.rstrip("/") + reverse("verifikasi", args=[kode])


@dataclass(frozen=True)
class Verifikasi:
    """What the last page prints: the code, its URL and the QR code of the URL (SVG as a
    data: URL, vector, so it stays sharp at any zoom and print resolution)."""

    kode: str
    url: str
    qr: str


def verifikasi(kode: str) -> Verifikasi:
    url = url_verifikasi(kode)
    qr = segno.make(url, error="m", micro=False).svg_data_uri(scale=1, border=4)
    return Verifikasi(kode, url, qr)


def render_lkjip_final(dok: DokumenLKjIP | DokumenLKjIPKabupaten, *, kode: str) -> bytes:
    """The final LKjIP from `dok` (already computed; an OPD's or the Pemerintah
    Kabupaten's): no DRAF, PDF/A-3b, the tables as `lkjip-<kode OPD or kabupaten>-<tahun>.json`
    and `.xlsx` attachments computed from the same `dok`, and the verification block on
    the last page."""
    kabupaten = isinstance(dok, DokumenLKjIPKabupaten)
    tabel = tabel_kabupaten(dok) if kabupaten else tabel_lkjip(dok)
    nama = f"lkjip-{dok.identitas[0]}-{dok.tahun}"
    if dok.laporan and dok.laporan.revisi:
        nama += f"-revisi-{dok.laporan.revisi}"
    lampiran = [
        Lampiran(
            f"{nama}.json", lkjip_json(dok, tabel, kode=kode), "Angka setiap tabel LKjIP (JSON)"
        ),
        Lampiran(
            f"{nama}.xlsx",
            lkjip_xlsx(dok, tabel, kode=kode),
            "Angka setiap tabel LKjIP, satu lembar per tabel (xlsx)",
        ),
    ]
    return render_pdf(
        TEMPLAT_KABUPATEN if kabupaten else "laporan/lkjip_pdf.html",
        {"dok": dok, "draf": False, "verifikasi": verifikasi(kode)},
        pdf_variant="pdf/a-3b",
        lampiran=lampiran,
    )
