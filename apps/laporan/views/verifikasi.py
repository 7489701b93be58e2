"""The public verification page of a final document, an LKjIP or an LHE (/verifikasi/<kode>/,
no login): the code printed with a QR code on the document's last page leads here. It shows
only who, what and when (OPD, year, revision, finalisation or approval date and by whom,
SHA-256), as recorded when the document was made final (a later rename does not change them),
never the document's data, and checks an uploaded copy against the stored checksum.

The uploaded PDF is hashed chunk by chunk while it arrives (HashUpload) and then dropped:
nothing is written to disk or kept in memory, and a file above SAKIP_VERIFIKASI_MAKS_BYTES is
refused without reading the rest, so the page is cheap enough to face the public."""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.shortcuts import render
from django.utils import dateformat, timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from apps.core.akses import halaman
from apps.core.angka import format_angka

from ..kode_verifikasi import kode_mungkin
from ..models import EvaluasiLKE, LaporanKinerja

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


@dataclass(frozen=True)
class Fakta:
    """What the page tells about the document of a code."""

    jenis: str  # the document's kind, as the heading names it
    kode: str
    baris: list[tuple[str, object, str]]  # (label, value as shown, a second line or "")
    sha256: str


def _waktu(w: datetime | None) -> str:
    return dateformat.format(timezone.localtime(w), "j F Y H.i") if w else "—"


def _fakta(kode: str) -> Fakta | None:
    """The final document of a code (an LKjIP, else an LHE); None for a code that cannot
    be one (kode_mungkin), without asking the database, or that no final document carries."""
    kode = kode.strip().upper()
    if not kode_mungkin(kode):
        return None
    lap = (
        LaporanKinerja.objects.exclude(status=LaporanKinerja.Status.DRAFT)
        .filter(kode_verifikasi=kode)
        .first()
    )
    if lap is not None:
        return Fakta(
            "Laporan Kinerja (LKjIP)",
            kode,
            [
                (
                    "Perangkat Daerah" if lap.opd_id else "Pemerintah Daerah",
                    lap.opd_nama_final,
                    "",
                ),
                ("Tahun laporan", lap.tahun, ""),
                ("Revisi", lap.revisi, ""),
                ("Difinalkan pada", _waktu(lap.difinalkan_pada), ""),
                ("Difinalkan oleh", lap.difinalkan_oleh_nama or "—", lap.difinalkan_oleh_jabatan),
            ],
            lap.sha256,
        )
    ev = (
        EvaluasiLKE.objects.filter(status=EvaluasiLKE.Status.FINAL, kode_verifikasi=kode)
        .select_related("kuesioner")
        .first()
    )
    if ev is None:
        return None
    return Fakta(
        "Laporan Hasil Evaluasi AKIP (LHE)",
        kode,
        [
            ("Perangkat Daerah", ev.opd_nama_final, ""),
            ("Tahun yang dievaluasi", ev.tahun, ""),
            ("Disetujui pada", _waktu(ev.disetujui_pada), ""),
            ("Disetujui oleh", ev.disetujui_oleh_nama or "—", "Ketua Tim Evaluasi"),
        ],
        ev.sha256,
    )


@csrf_exempt  # checked below by csrf_protect, after the upload handler is in place
@halaman(metode=("GET", "POST"), publik=True)
def verifikasi(request, kode: str):
    """The facts of the final document with this code, and the comparison of an uploaded
    copy (identical byte for byte when its SHA-256 equals the stored one). An unknown code is
    404 with a plain page."""
    maks = settings.SAKIP_VERIFIKASI_MAKS_BYTES
    handler = HashUpload(request, maks=maks)
    # Django reads the body for the CSRF check; the handler must be in place before that.
    request.upload_handlers = [handler]
    return _verifikasi(request, kode, handler, maks)


@csrf_protect
def _verifikasi(request, kode: str, handler: HashUpload, maks: int):
    fakta = _fakta(kode)
    if fakta is None:
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
                "identik": hmac.compare_digest(berkas.sha256, fakta.sha256),
                "sha256": berkas.sha256,
                "ukuran": berkas.size,
            }
    return render(
        request,
        "laporan/verifikasi.html",
        {
            "fakta": fakta,
            "hasil": hasil,
            "galat": galat,
            "maks_mb": format_angka(maks // 2**20, 0),
        },
        status=status,
    )
