"""The final LKjIP as a frozen file: PDF/A-3b (fit for archiving and electronic signature,
DOMAIN.md "The LKjIP") with its tables embedded as JSON and xlsx, and on its last page a QR
code and a short code pointing to the public verification page (kode_verifikasi). Rendered
once by apps.laporan.services.laporan_finalize and stored; never rendered again."""

from apps.core.pdf import Lampiran, render_pdf

from .kode_verifikasi import verifikasi
from .lkjip import DokumenLKjIP
from .lkjip_data import lkjip_json, lkjip_xlsx, tabel_kabupaten, tabel_lkjip
from .lkjip_kabupaten import TEMPLAT_KABUPATEN, DokumenLKjIPKabupaten


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
