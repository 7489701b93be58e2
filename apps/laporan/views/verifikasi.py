"""The public verification page of a final LKjIP (/verifikasi/<kode>/, no login): the code
printed with a QR code on the report's last page leads here. It shows only who, what and when
(OPD, year, revision, finalisation date and by whom, SHA-256), as recorded when the report was
finalised (a later rename does not change them), never the report's data, and checks an
uploaded copy against the stored checksum.

The uploaded PDF is hashed chunk by chunk while it arrives (HashUpload) and then dropped:
nothing is written to disk or kept in memory, and a file above SAKIP_VERIFIKASI_MAKS_BYTES is
refused without reading the rest, so the page is cheap enough to face the public."""

import hashlib
import hmac

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from apps.core.akses import halaman
from apps.core.angka import format_angka

from ..lkjip_final import ALFABET_KODE, PANJANG_KODE
from ..models import LaporanKinerja

NAMA_BERKAS = "berkas"


class _Hash:
    """What HashUpload hands to request.FILES: the digest and size, no content."""

    def __init__(self, sha256: str, ukuran: int):
        self.sha256 = sha256
        self.size = ukuran


class HashUpload(FileUploadHandler):
    """Hashes the `berkas` field's bytes as they stream in and keeps none of them; any other
    file field is skipped. Beyond the size limit the upload stops (connection reset)."""

    def __init__(self, request=None, maks: int | None = None):
        super().__init__(request)
        self.maks = maks
        self.terlalu_besar = False
        self._h = None
        self._n = 0

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self._h = hashlib.sha256() if field_name == NAMA_BERKAS else None
        self._n = 0

    def receive_data_chunk(self, raw_data, start):
        if self._h is not None:
            self._n += len(raw_data)
            if self._n > self.maks:
                self.terlalu_besar = True
                raise StopUpload(connection_reset=True)
            self._h.update(raw_data)
        return None

    def file_complete(self, file_size):
        if self._h is None:
            return None
        return _Hash(self._h.hexdigest(), self._n)


def _laporan(kode: str) -> LaporanKinerja | None:
    """The final report of a code; None for a code that cannot be one (not PANJANG_KODE
    symbols of ALFABET_KODE), without asking the database."""
    kode = kode.strip().upper()
    if len(kode) != PANJANG_KODE or any(c not in ALFABET_KODE for c in kode):
        return None
    return (
        LaporanKinerja.objects.exclude(status=LaporanKinerja.Status.DRAFT)
        .filter(kode_verifikasi=kode)
        .first()
    )


@csrf_exempt  # checked below by csrf_protect, after the upload handler is in place
@halaman(metode=("GET", "POST"), publik=True)
def verifikasi(request, kode: str):
    """The facts of the final report with this code, and the comparison of an uploaded copy
    (identical byte for byte when its SHA-256 equals the stored one). An unknown code is 404
    with a plain page."""
    maks = settings.SAKIP_VERIFIKASI_MAKS_BYTES
    handler = HashUpload(request, maks=maks)
    # Django reads the body for the CSRF check; the handler must be in place before that.
    request.upload_handlers = [handler]
    return _verifikasi(request, kode, handler, maks)


@csrf_protect
def _verifikasi(request, kode: str, handler: HashUpload, maks: int):
    lap = _laporan(kode)
    if lap is None:
        return render(request, "laporan/verifikasi_tidak_ada.html", {"kode": kode[:40]}, status=404)
    hasil, galat = None, ""
    status = 200
    if request.method == "POST":
        berkas = request.FILES.get(NAMA_BERKAS)
        if handler.terlalu_besar:
            galat = f"Berkas terlalu besar: paling besar {format_angka(maks // 2**20, 0)} MB."
            status = 413
        elif not isinstance(berkas, _Hash) or berkas.size == 0:
            galat = "Pilih berkas PDF yang akan dicocokkan."
            status = 400
        else:
            hasil = {
                "identik": hmac.compare_digest(berkas.sha256, lap.sha256),
                "sha256": berkas.sha256,
                "ukuran": berkas.size,
            }
    return render(
        request,
        "laporan/verifikasi.html",
        {
            "laporan": lap,
            "hasil": hasil,
            "galat": galat,
            "maks_mb": format_angka(maks // 2**20, 0),
        },
        status=status,
    )
