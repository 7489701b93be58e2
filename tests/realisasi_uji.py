"""What the realisasi page tests share: the Kecamatan's PK indicators of the demo's running
year, the entry form as a browser sends it, the text a user reads, and a snapshot of
everything a post could change (to show a refused post changed nothing)."""

import html
import re

from conftest import TAHUN, TW
from django.urls import reverse
from formulir_html import isian
from pdf_uji import pdf_polos

from apps.core.models import OPD, Notifikasi
from apps.pengukuran.models import (
    BuktiDukung,
    CatatanVerifikasi,
    JadwalPengisian,
    PengecualianKunci,
    Realisasi,
)
from apps.perencanaan.selectors import pk_berlaku

KEC = "Kecamatan Magetan"
# A small, well-formed PDF: evidence is checked by content, not by name.
PDF = pdf_polos()


def opd_kecamatan() -> OPD:
    return OPD.objects.get(nama=KEC)


def indikator_pk():
    """The indicators of the Kecamatan's PK in force for the running year, in page order."""
    pk = pk_berlaku(opd_kecamatan().pk, TAHUN)
    return [
        t.indikator
        for t in pk.indikator.select_related("indikator").order_by(
            "indikator__sasaran__nomor", "indikator__nomor"
        )
    ]


def url_tw(nama="pengukuran:pengisian", triwulan=TW) -> str:
    return reverse(nama, args=[opd_kecamatan().pk, TAHUN, triwulan])


def formulir(page: str, form_id: str = "form-pengisian") -> dict:
    """The fields of a page's form as a browser sends them: {name: value}, or {name: [values]}
    for a name sent more than once (checked program boxes). No CSRF token: the test client
    does not check it."""
    hasil: dict = {}
    for nama, nilai in isian(page, form_id):
        if nama in hasil:
            lama = hasil[nama]
            hasil[nama] = [*lama, nilai] if isinstance(lama, list) else [lama, nilai]
        else:
            hasil[nama] = nilai
    hasil.pop("csrfmiddlewaretoken", None)
    return hasil


def teks_halaman(resp) -> str:
    """What the user reads: the page without tags, entities decoded, spaces collapsed."""
    if resp.get("Content-Type", "").startswith("application/json"):
        return str(resp.json())
    body = resp.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</?(strong|em|b|a|span)\b[^>]*>", "", body)  # inline: no space
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


def potret() -> dict:
    """Everything a post on the realisasi pages could change, with the values."""
    return {
        "realisasi": sorted(
            Realisasi.objects.values_list(
                "pk",
                "indikator_id",
                "tahun",
                "triwulan",
                "nilai",
                "nilai_teks",
                "analisis",
                "solusi",
                "status",
                "versi",
                "diisi_oleh_id",
                "diajukan_oleh_id",
                "diverifikasi_oleh_id",
            )
        ),
        "riwayat": Realisasi.history.count(),
        "bukti": sorted(
            BuktiDukung.objects.values_list("pk", "realisasi_id", "berkas", "nama_asli", "sha256")
        ),
        "catatan": sorted(
            CatatanVerifikasi.objects.values_list("pk", "realisasi_id", "jenis", "isi")
        ),
        "jadwal": sorted(
            JadwalPengisian.objects.values_list("pk", "tahun", "triwulan", "dibuka", "ditutup")
        ),
        "pengecualian": sorted(
            PengecualianKunci.objects.values_list("pk", "opd_id", "berlaku_sampai")
        ),
        "notifikasi": sorted(Notifikasi.objects.values_list("pk", "penerima_id", "dibaca_pada")),
    }
