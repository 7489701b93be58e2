"""The pohon kinerja of a year: the kabupaten's (sasaran daerah -> OPD sasaran -> program),
read by every role, an operator seeing only their own OPD's part; and one OPD's, down to sub
kegiatan (another OPD's answers 404 to an operator). Each as a page of nested, collapsible
lists (HTML <details>, no JavaScript), a PDF and an xlsx, all from apps.laporan.pohon."""

import hashlib

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from apps.core.akses import halaman
from apps.core.ekspor import judul_unduhan, unduhan
from apps.core.models import OPD, Pemda
from apps.core.pdf import render_pdf
from apps.core.selectors import opd_for_user
from apps.core.tahun import pilihan_tahun
from apps.perencanaan.selectors import periode_rpjmd_tahun

from ..pohon import PohonKinerja, pohon_kinerja, pohon_tabel
from ..selectors import SIMPAN_DETIK, cache_read, cache_write, versi_pohon

FORMAT_POHON = ("pdf", "xlsx")


# Bumped when the tree's fragment changes shape: fragments rendered by older code are then
# never read back.
VERSI_POHON = 1


def _kabupaten(request, tahun: int) -> PohonKinerja:
    opds = opd_for_user(request.user).filter(aktif=True).order_by("kode")
    return pohon_kinerja(
        opds, tahun, kedalaman="program", semua_opd=request.user.kemampuan.sees_all_opd
    )


def _opd(opd: OPD, tahun: int) -> PohonKinerja:
    return pohon_kinerja(None, tahun, opd=opd, kedalaman="sub")


def _isi(request, tahun: int, opd: OPD | None) -> str:
    """The tree part of the page, rendered from the tree of the data as it is now; kept in
    the shared cache and read back while nothing the tree shows has changed (versi_pohon,
    the way the dashboard keeps its rows), per year, OPD or reader's OPDs, and opening. A
    database that cannot tell (SQLite) renders it every time."""
    buka_semua = request.GET.get("buka") == "semua"
    versi = versi_pohon(tahun)
    kunci = None
    if versi is not None:
        if opd is not None:
            lingkup = f"opd{opd.pk}"
        else:
            ids = opd_for_user(request.user).filter(aktif=True).values_list("pk", flat=True)
            lingkup = repr((request.user.kemampuan.sees_all_opd, sorted(ids)))
        jejak = hashlib.sha256(repr((versi, lingkup, buka_semua)).encode()).hexdigest()
        kunci = f"sakip:pohon:{VERSI_POHON}:{tahun}:{jejak}"
        simpanan = cache_read(kunci)
        if isinstance(simpanan, str):
            return mark_safe(simpanan)  # noqa: S308 - rendered by our template below
    p = _opd(opd, tahun) if opd is not None else _kabupaten(request, tahun)
    isi = render_to_string(
        "laporan/_pohon_isi.html",
        {
            "pohon": p,
            "tahun": tahun,
            "buka_semua": buka_semua,
            # open down to the sasaran (kabupaten: its programs listed, closed) or to the
            # program (an OPD: its kegiatan listed, closed)
            "buka_sampai": 3 if p.opd else 2,
            "jumlah": p.jumlah(),
            "tanpa_indikator": p.tanpa_indikator(),
        },
    )
    if kunci is not None:
        cache_write(kunci, str(isi), SIMPAN_DETIK)
    return isi


def _halaman(request, tahun: int, opd: OPD | None, tahun_list):
    return render(
        request,
        "laporan/pohon.html",
        {
            "opd": opd,
            "periode": periode_rpjmd_tahun(tahun),
            "kedalaman": "sub" if opd is not None else "program",
            "tahun": tahun,
            "tahun_list": tahun_list,
            "buka_semua": request.GET.get("buka") == "semua",
            "isi": _isi(request, tahun, opd),
        },
    )


@halaman()
def pohon(request, tahun: int):
    """The kabupaten's pohon kinerja of a year, down to program; each OPD's own tree one
    click away."""
    ids = list(opd_for_user(request.user).values_list("pk", flat=True))
    return _halaman(request, tahun, None, pilihan_tahun(tahun, opd_ids=ids))


@halaman()
def pohon_opd(request, opd: OPD, tahun: int):
    """One OPD's pohon kinerja of a year, down to sub kegiatan."""
    return _halaman(request, tahun, opd, pilihan_tahun(tahun, opd.pk))


def _unduh(pohon: PohonKinerja, format: str, nama: str):
    if format not in FORMAT_POHON:
        raise Http404
    judul = _judul(pohon)
    if format == "xlsx":
        return unduhan(pohon_tabel(pohon), nama, "xlsx", judul=judul_unduhan(judul))
    isi = render_pdf(
        "laporan/pohon_pdf.html",
        {"pohon": pohon, "judul": judul, "pemda": Pemda.objects.first()},
    )
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="{nama}.pdf"'
    return resp


def _judul(pohon: PohonKinerja) -> str:
    siapa = pohon.opd.nama if pohon.opd else "Kabupaten"
    return f"Pohon Kinerja {siapa} Tahun {pohon.tahun}"


@halaman()
def pohon_unduh(request, tahun: int, format: str):
    """The kabupaten's tree as the page shows it, as PDF (A4 landscape) or xlsx."""
    return _unduh(_kabupaten(request, tahun), format, f"pohon-kinerja-kabupaten-{tahun}")


@halaman()
def pohon_opd_unduh(request, opd: OPD, tahun: int, format: str):
    """One OPD's tree, as PDF (A4 landscape) or xlsx."""
    nama = slugify(f"pohon kinerja {opd.singkatan or opd.kode} {tahun}")
    return _unduh(_opd(opd, tahun), format, nama)
