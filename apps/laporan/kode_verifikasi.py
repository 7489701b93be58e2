"""The verification code of a final document (an LKjIP, an LHE): a short random code printed
with a QR code on its last page, leading to the public verification page (/verifikasi/<kode>/,
apps.laporan.views.verifikasi) where anyone checks that a copy is the stored original. One
code space for every kind of document, so a code names exactly one file."""

import secrets
from dataclasses import dataclass

import segno
from django.conf import settings
from django.urls import reverse

from .models import EvaluasiLKE, LaporanKinerja

# Without 0/O, 1/I/L and U/V: read aloud or typed from paper without doubt. 29 symbols,
# 10 characters: about 4.2e14 codes, so a code cannot be guessed or enumerated.
ALFABET_KODE = "ABCDEFGHJKMNPQRSTWXYZ23456789"
PANJANG_KODE = 10


def kode_baru() -> str:
    return "".join(secrets.choice(ALFABET_KODE) for _ in range(PANJANG_KODE))


def kode_mungkin(kode: str) -> bool:
    """Whether a typed code can be one (PANJANG_KODE symbols of ALFABET_KODE), without
    asking the database."""
    return len(kode) == PANJANG_KODE and all(c in ALFABET_KODE for c in kode)


def kode_unik() -> str:
    """A new code no final LKjIP or LHE carries yet."""
    while True:
        kode = kode_baru()
        if not (
            LaporanKinerja.objects.filter(kode_verifikasi=kode).exists()
            or EvaluasiLKE.objects.filter(kode_verifikasi=kode).exists()
        ):
            return kode


def url_verifikasi(kode: str) -> str:
    """The absolute public address of a code's verification page (SAKIP_URL_PUBLIK)."""
    return settings.SAKIP_URL_PUBLIK.rstrip("/") + reverse("verifikasi", args=[kode])


@dataclass(frozen=True)
class Verifikasi:
    """What the last page prints (templates/pdf/_verifikasi.html): the code, its URL and
    the QR code of the URL (SVG as a data: URL, vector, so it stays sharp at any zoom and
    print resolution)."""

    kode: str
    url: str
    qr: str


def verifikasi(kode: str) -> Verifikasi:
    url = url_verifikasi(kode)
    qr = segno.make(url, error="m", micro=False).svg_data_uri(scale=1, border=4)
    return Verifikasi(kode, url, qr)
