"""HTML templates to PDF with WeasyPrint, for every printed document (PK, LKjIP, recaps).

Documents load only our own files: `/static/...` through the staticfiles finders and the
kabupaten's logo from the media storage. Nothing is fetched from the network, so a text a
user typed can never make the server request a URL.
"""

import contextlib
import gc
import io
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML, Attachment
from weasyprint.urls import URLFetcher

BASE = "sakip://dokumen/"
_WEASYPRINT = threading.Lock()
# urljoin resolves relative URLs only against schemes it knows; without this, `static/x.css`
# in a template stays relative and is refused below, and the PDF silently loses its style.
for _daftar in (urllib.parse.uses_relative, urllib.parse.uses_netloc):
    if "sakip" not in _daftar:
        _daftar.append("sakip")


class _BerkasSendiri(URLFetcher):
    """Serves `static/...` and `media/...` from our own files and `data:` URLs; refuses the
    rest (no network, no arbitrary file)."""

    def fetch(self, url, headers=None):
        if url.startswith(BASE):
            path = urllib.parse.unquote(url[len(BASE) :])
            lokasi = None
            if path.startswith("static/"):
                lokasi = finders.find(path[len("static/") :])
            elif path.startswith("media/"):
                media = Path(settings.MEDIA_ROOT).resolve()
                calon = (media / path[len("media/") :]).resolve()
                if calon.is_relative_to(media):
                    lokasi = calon
            if lokasi and Path(lokasi).is_file():
                return super().fetch(Path(lokasi).resolve().as_uri(), headers)
        elif url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(f"Dokumen PDF tidak memuat sumber luar: {url[:80]}")


@dataclass(frozen=True)
class Lampiran:
    """A file embedded in the PDF (PDF/A-3 allows any format): its name (the extension gives
    the MIME type), its bytes and a description readers show in their attachments panel."""

    nama: str
    isi: bytes
    keterangan: str = ""


def render_pdf(
    template_name: str,
    context: dict,
    *,
    pdf_variant: str | None = None,
    lampiran: list[Lampiran] | tuple = (),
) -> bytes:
    """Render a template to PDF bytes. In the template, refer to files as `static/css/x.css`
    or `media/pemda/logo.png` (relative), which resolve to our own files only.

    `pdf_variant` is WeasyPrint's (e.g. "pdf/a-3b" for an archived, signable final report:
    fonts embedded, XMP metadata, an sRGB output intent, and tagged structure); `lampiran`
    are embedded files, marked as the document's source data (AFRelationship /Data, as
    PDF/A-3 asks), each listed once in /AF."""
    html = render_to_string(template_name, context)
    attachments = [
        Attachment(
            file_obj=io.BytesIO(x.isi),
            name=x.nama,
            description=x.keterangan or None,
            relationship="Data",
        )
        for x in lampiran
    ]
    # One layout at a time per process: the web workers run threads (docker/entrypoint.sh),
    # and WeasyPrint's documentation does not promise that its layout, fonts and caches are
    # thread-safe. Under the GIL two layouts in one process would not run faster anyway.
    with _WEASYPRINT, _tanpa_gc():
        pdf = _dokumen(html).write_pdf(attachments=attachments or None, **_opsi(pdf_variant))
    return _af_sekali(pdf) if attachments else pdf


@contextlib.contextmanager
def _tanpa_gc():
    """Python's cyclic garbage collector paused while WeasyPrint lays out and writes a
    document. A layout allocates millions of short-lived objects (styles, boxes, text runs)
    that reference counting frees, yet each allocation burst triggers collections that walk
    every live object again: a quarter of a long report's time went there (benchmarks/pdf.py,
    --gc). The collector runs on its own thresholds again as soon as the document is done
    (the package job also collects after every report); the peak memory is the same."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


def _dokumen(html: str) -> HTML:
    return HTML(string=html, base_url=BASE, url_fetcher=_BerkasSendiri())


def _opsi(pdf_variant: str | None) -> dict:
    """WeasyPrint's options of a document: an archived one (a PDF/A variant) is also tagged
    (headings, tables, lists as structure, WeasyPrint's PDF/UA support) for screen readers;
    it stays PDF/A-3b."""
    return {"pdf_variant": pdf_variant, "pdf_tags": pdf_variant is not None}


def tata_letak(template_name: str, context: dict, *, pdf_variant: str | None = None):
    """The pages of the document `render_pdf` would print, laid out but not written: WeasyPrint's
    `Document`, whose boxes (position, size, text) a layout check reads."""
    html = render_to_string(template_name, context)
    with _WEASYPRINT, _tanpa_gc():
        return _dokumen(html).render(**_opsi(pdf_variant))


def _af_sekali(pdf: bytes) -> bytes:
    """Each embedded file listed once in the catalogue's /AF (associated files, PDF/A-3):
    WeasyPrint lists every attachment of a pdf/a-3b document twice, the same objects, which
    readers then show twice. Nothing else of the file changes."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        af = doc.Root.get("/AF")
        if af is None:
            return pdf
        dilihat, unik = set(), []
        for spec in af:
            if spec.objgen not in dilihat:
                dilihat.add(spec.objgen)
                unik.append(spec)
        if len(unik) == len(af):
            return pdf
        doc.Root.AF = pikepdf.Array(unik)
        keluar = io.BytesIO()
        doc.save(keluar)
        return keluar.getvalue()
