"""What the realisasi page tests share: the Kecamatan's PK indicators of the demo's running
year, the entry form as a browser sends it, the text a user reads, and a snapshot of
everything a post could change (to show a refused post changed nothing)."""

import html
import re
from html.parser import HTMLParser

from conftest import TAHUN, TW
from django.urls import reverse

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
PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def opd_kecamatan() -> OPD:
    return OPD.objects.get(nama=KEC)


def indikator_pk():
    """The indicators of the Kecamatan's PK in force for the running year, in page order."""
    pk = pk_berlaku(opd_kecamatan().pk, TAHUN)
    return [t.indikator for t in pk.indikator.select_related("indikator")
            .order_by("indikator__sasaran__nomor", "indikator__nomor")]


def url_tw(nama="pengukuran:pengisian", triwulan=TW) -> str:
    return reverse(nama, args=[opd_kecamatan().pk, TAHUN, triwulan])


class _Formulir(HTMLParser):
    """The fields a browser sends for one form of a page: disabled fields and buttons are not
    sent, an unchecked checkbox or radio button is not sent, a checked one without value sends
    "on", a select without a selected option sends its first option, a textarea drops the one
    newline that follows its opening tag."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.dalam, self.data = form_id, False, []
        self._textarea = None
        self._select = None  # [name, first option value, chosen value]
        self._awal_textarea = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.dalam = a.get("id") == self.form_id
            return
        if not self.dalam:
            return
        if tag == "option" and self._select is not None:
            nilai = a.get("value", "")
            if self._select[1] is None:
                self._select[1] = nilai
            if "selected" in a:
                self._select[2] = nilai
            return
        nama = a.get("name")
        if not nama or "disabled" in a:
            return
        if tag == "input":
            jenis = a.get("type", "text")
            if jenis in ("file", "submit", "button", "reset", "image"):
                return
            if jenis in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.append((nama, a.get("value") or "on"))
                return
            self.data.append((nama, a.get("value") or ""))
        elif tag == "textarea":
            self._textarea = [nama, ""]
            self._awal_textarea = True
        elif tag == "select":
            self._select = [nama, None, None]

    def handle_data(self, data):
        if self._textarea is not None:
            if self._awal_textarea and data.startswith("\n"):
                data = data[1:]
            self._awal_textarea = False
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.dalam = False
        elif tag == "textarea" and self._textarea is not None:
            self.data.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            nama, pertama, dipilih = self._select
            nilai = dipilih if dipilih is not None else pertama
            if nilai is not None:
                self.data.append((nama, nilai))
            self._select = None


def formulir(page: str, form_id: str = "form-pengisian") -> dict:
    """The fields of a page's form as a browser sends them: {name: value}, or {name: [values]}
    for a name sent more than once (checked program boxes). No CSRF token: the test client
    does not check it."""
    p = _Formulir(form_id)
    p.feed(page)
    hasil: dict = {}
    for nama, nilai in p.data:
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
        "realisasi": sorted(Realisasi.objects.values_list(
            "pk", "indikator_id", "tahun", "triwulan", "nilai", "nilai_teks", "analisis",
            "solusi", "status", "versi", "diisi_oleh_id", "diajukan_oleh_id",
            "diverifikasi_oleh_id")),
        "riwayat": Realisasi.history.count(),
        "bukti": sorted(BuktiDukung.objects.values_list("pk", "realisasi_id", "berkas",
                                                        "nama_asli", "sha256")),
        "catatan": sorted(CatatanVerifikasi.objects.values_list("pk", "realisasi_id", "jenis",
                                                                "isi")),
        "jadwal": sorted(JadwalPengisian.objects.values_list("pk", "tahun", "triwulan", "dibuka",
                                                             "ditutup")),
        "pengecualian": sorted(PengecualianKunci.objects.values_list("pk", "opd_id",
                                                                     "berlaku_sampai")),
        "notifikasi": sorted(Notifikasi.objects.values_list("pk", "penerima_id",
                                                            "dibaca_pada")),
    }
