"""System checks of our own settings (run by `manage.py check`, and by `migrate`, which the web
container runs before gunicorn starts: an error stops the start)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register

HOST_LOKAL = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}


@register()
def url_publik(app_configs, **kwargs):
    """Production needs SAKIP_URL_PUBLIK: the QR code and the address printed on every final
    LKjIP lead there, for good (the PDF never changes), so a missing or local address would
    print a link nobody holding the paper can open."""
    if not getattr(settings, "SAKIP_URL_PUBLIK_WAJIB", False):
        return []
    url = settings.SAKIP_URL_PUBLIK or ""
    bagian = urlsplit(url)
    if bagian.scheme in ("http", "https") and (bagian.hostname or "") not in HOST_LOKAL:
        return []
    return [
        Error(
            f"SAKIP_URL_PUBLIK {'belum diisi' if not url else f'tidak sah ({url!r})'}: alamat ini "
            "dicetak bersama kode QR pada setiap LKjIP final dan harus dapat dibuka publik.",
            hint="Isi SAKIP_URL_PUBLIK dengan alamat publik server, misalnya "
            "https://sakip.magetan.go.id (lihat .env.example).",
            id="sakip.E001",
        )
    ]
