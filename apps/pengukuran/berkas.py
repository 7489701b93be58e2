"""Evidence files (bukti dukung): PDF or JPEG/PNG, checked by their content, never by name.

A file named `laporan.pdf` that is really an executable is refused; a real PDF named
`scan.bin` is accepted and stored as PDF. Files are stored under a random name, so a crafted
original name (`../../settings.py`) never reaches the file system; the original name is only
kept, cleaned, for display and download.
"""

import hashlib
import io
import unicodedata
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from apps.core.angka import format_angka

# A scan of an A4 page at 600 dpi is about 35 million pixels; more is a decompression bomb.
MAKS_PIKSEL = 60_000_000

JENIS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
}


@dataclass(frozen=True)
class BerkasBukti:
    isi: ContentFile
    nama_asli: str
    jenis_konten: str
    ukuran: int
    sha256: str


def batas_ukuran() -> int:
    return settings.SAKIP_BUKTI_MAKS_BYTES


def ukuran_teks(n: int) -> str:
    """A number of bytes as people read it: `512 KB`, `5 MB`."""
    if n < 1024 * 1024:
        return format_angka(Decimal(n) / 1024, 1, buang_nol=True) + " KB"
    return format_angka(Decimal(n) / (1024 * 1024), 1, buang_nol=True) + " MB"


def nama_bersih(nama: str) -> str:
    """The original name without folders or control characters, at most 200 characters."""
    nama = nama.replace("\\", "/").rsplit("/", 1)[-1]
    nama = (
        "".join(c for c in unicodedata.normalize("NFC", nama) if unicodedata.category(c)[0] != "C")
        .strip()
        .lstrip(".")
    )
    return (nama or "bukti")[:200]


def jenis_dari_isi(kepala: bytes, data: bytes) -> str | None:
    """The content type from the bytes: a PDF header, or an image Pillow can fully verify."""
    if kepala.startswith(b"%PDF-"):
        return "application/pdf"
    if kepala.startswith(b"\xff\xd8\xff") or kepala.startswith(b"\x89PNG\r\n\x1a\n"):
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as img:
                img.verify()
                fmt = img.format
            # verify() does not decode a JPEG; decoding it (at 1/8 scale, which still reads
            # the whole stream) catches a truncated or corrupt photo.
            with Image.open(io.BytesIO(data)) as img:
                if img.width * img.height > MAKS_PIKSEL:
                    return None
                img.draft("RGB", (max(img.width // 8, 1), max(img.height // 8, 1)))
                img.load()
        except Exception:
            return None
        return {"JPEG": "image/jpeg", "PNG": "image/png"}.get(fmt)
    return None


def _baca(berkas, label: str) -> tuple[str, bytes]:
    """The cleaned name and the bytes of an upload, refused when empty or above
    SAKIP_BUKTI_MAKS_BYTES (read no further than the limit)."""
    nama = nama_bersih(getattr(berkas, "name", "") or "")
    ukuran = getattr(berkas, "size", None)
    maks = batas_ukuran()
    if ukuran is not None and ukuran > maks:
        raise ValidationError(
            f"{label}: berkas “{nama}” terlalu besar ({ukuran_teks(ukuran)}); paling besar "
            f"{ukuran_teks(maks)}.",
            code="terlalu_besar",
        )
    data = berkas.read(maks + 1)
    if len(data) > maks:
        raise ValidationError(
            f"{label}: berkas “{nama}” terlalu besar; paling besar {ukuran_teks(maks)}.",
            code="terlalu_besar",
        )
    if not data:
        raise ValidationError(f"{label}: berkas “{nama}” kosong.", code="kosong")
    return nama, data


# Actions a PDF reader runs or that reach outside the document: a PDF carrying one of them is
# refused as evidence. Links (/URI) and jumps inside the document (/GoTo) are ordinary.
AKSI_AKTIF = {
    "/JavaScript": "JavaScript",
    "/Launch": "perintah menjalankan program",
    "/SubmitForm": "pengiriman formulir",
    "/ImportData": "impor data",
    "/GoToE": "lompatan ke berkas tersemat",
    "/GoToR": "lompatan ke berkas lain",
    "/Rendition": "pemutar media",
    "/RichMediaExecute": "media aktif",
}


def konten_aktif_pdf(data: bytes) -> list[str] | None:
    """What a PDF carries that a reader may run (JavaScript, launch and submit actions, actions
    that open other files, embedded files, rich media, XFA forms), read by qpdf through
    pikepdf, so compressed object streams and names written with #-escapes are seen as a
    reader sees them. None when the PDF cannot be opened at all (broken, or locked with a
    password)."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError:
        return None
    temuan: set[str] = set()
    dilihat: set[int] = set()

    def periksa(obj, kedalaman=0):
        if kedalaman > 50:
            return
        if isinstance(obj, pikepdf.Stream):
            obj = obj.stream_dict
        if isinstance(obj, pikepdf.Dictionary):
            if obj.is_indirect:
                if obj.objgen in dilihat:
                    return
                dilihat.add(obj.objgen)
            kunci = set(obj.keys())
            if "/JS" in kunci:
                temuan.add("JavaScript")
            s = obj.get("/S")
            if isinstance(s, pikepdf.Name) and str(s) in AKSI_AKTIF:
                temuan.add(AKSI_AKTIF[str(s)])
            if (
                "/EmbeddedFiles" in kunci
                or "/EF" in kunci
                or str(obj.get("/Type", "")) == "/EmbeddedFile"
            ):
                temuan.add("berkas tersemat")
            if str(obj.get("/Subtype", "")) in ("/RichMedia", "/Screen", "/Movie", "/Sound"):
                temuan.add("media aktif")
            if "/XFA" in kunci:
                temuan.add("formulir XFA")
            for k in kunci:
                nilai = obj.get(k)
                if isinstance(nilai, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream) and not (
                    nilai.is_indirect and nilai.objgen in dilihat
                ):
                    periksa(nilai, kedalaman + 1)
        elif isinstance(obj, pikepdf.Array):
            for nilai in obj:
                if isinstance(nilai, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream):
                    periksa(nilai, kedalaman + 1)

    with pdf:
        periksa(pdf.trailer)
        for obj in pdf.objects:
            periksa(obj)
    return sorted(temuan)


def check_bukti(berkas, label: str = "Bukti dukung") -> BerkasBukti:
    """Read an uploaded file and return it ready to store, or refuse it with the reason. A
    PDF that cannot be opened, or that carries active content (konten_aktif_pdf), is refused
    rather than cleaned: evidence is kept byte for byte with its SHA-256, and the OPD can
    print the document again to PDF without it."""
    nama, data = _baca(berkas, label)
    jenis = jenis_dari_isi(data[:16], data)
    if jenis is None:
        raise ValidationError(
            f"{label}: berkas “{nama}” bukan PDF atau gambar JPEG/PNG yang utuh "
            "(isi berkas yang diperiksa, bukan namanya).",
            code="jenis_salah",
        )
    if jenis == "application/pdf":
        aktif = konten_aktif_pdf(data)
        if aktif is None:
            raise ValidationError(
                f"{label}: berkas “{nama}” bukan PDF yang utuh atau terkunci kata sandi; "
                "simpan ulang dokumennya sebagai PDF tanpa kata sandi.",
                code="pdf_rusak",
            )
        if aktif:
            raise ValidationError(
                f"{label}: berkas “{nama}” ditolak karena berisi konten aktif "
                f"({', '.join(aktif)}) yang dapat berjalan saat dibuka. Cetak ulang "
                "dokumennya ke PDF (Print to PDF / Microsoft Print to PDF), lalu unggah "
                "hasilnya.",
                code="pdf_aktif",
            )
    isi = ContentFile(data, name=f"{uuid.uuid4().hex}{JENIS[jenis]}")
    return BerkasBukti(isi, nama, jenis, len(data), hashlib.sha256(data).hexdigest())


def check_gambar(berkas, label: str, *, maks_sisi: int) -> BerkasBukti:
    """An uploaded picture (the LKjIP's struktur organisasi): JPEG or PNG by content, within
    SAKIP_BUKTI_MAKS_BYTES and at most `maks_sisi` pixels on each side. The size in the
    header is checked before any pixel is decoded, so a small file that unpacks into a huge
    bitmap (a decompression bomb) is refused cheaply."""
    from PIL import Image

    nama, data = _baca(berkas, label)
    try:
        with Image.open(io.BytesIO(data)) as img:
            lebar, tinggi = img.size
    except Exception:
        lebar = tinggi = None
    if lebar is not None and max(lebar, tinggi) > maks_sisi:
        raise ValidationError(
            f"{label}: gambar “{nama}” berukuran {lebar} × {tinggi} piksel; paling besar "
            f"{maks_sisi} × {maks_sisi} piksel.",
            code="terlalu_besar",
        )
    jenis = jenis_dari_isi(data[:16], data)
    if jenis not in ("image/jpeg", "image/png"):
        raise ValidationError(
            f"{label}: berkas “{nama}” bukan gambar JPEG/PNG yang utuh "
            "(isi berkas yang diperiksa, bukan namanya).",
            code="jenis_salah",
        )
    isi = ContentFile(data, name=f"{uuid.uuid4().hex}{JENIS[jenis]}")
    return BerkasBukti(isi, nama, jenis, len(data), hashlib.sha256(data).hexdigest())
