"""The pohon kinerja of a year: the kabupaten's (sasaran daerah -> OPD sasaran -> program),
read by every role, an operator seeing only their own OPD's part; and one OPD's, down to sub
kegiatan (another OPD's answers 404 to an operator). Each as a page of nested, collapsible
lists (HTML <details>, no JavaScript), a PDF and an xlsx, all from apps.laporan.pohon."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from apps.core.akses import halaman
from apps.core.ekspor import judul_unduhan, unduhan
from apps.core.models import OPD, Pemda
from apps.core.pdf import render_pdf
from apps.core.selectors import opd_for_user
from apps.core.tahun import pilihan_tahun

from ..pohon import PohonKinerja, pohon_kinerja, pohon_tabel

FORMAT_POHON = ("pdf", "xlsx")


def _kabupaten(request, tahun: int) -> PohonKinerja:
    opds = opd_for_user(request.user).filter(aktif=True).order_by("kode")
    return pohon_kinerja(
        opds, tahun, kedalaman="program", semua_opd=request.user.kemampuan.sees_all_opd
    )


def _opd(opd: OPD, tahun: int) -> PohonKinerja:
    return pohon_kinerja(None, tahun, opd=opd, kedalaman="sub")


def _halaman(request, pohon: PohonKinerja, tahun_list):
    return render(
        request,
        "laporan/pohon.html",
        {
            "pohon": pohon,
            "tahun": pohon.tahun,
            "tahun_list": tahun_list,
            "buka_semua": request.GET.get("buka") == "semua",
            # open down to the sasaran (kabupaten: its programs listed, closed) or to the
            # program (an OPD: its kegiatan listed, closed)
            "buka_sampai": 3 if pohon.opd else 2,
            "jumlah": pohon.jumlah(),
            "tanpa_indikator": pohon.tanpa_indikator(),
        },
    )


@halaman()
def pohon(request, tahun: int):
    """The kabupaten's pohon kinerja of a year, down to program; each OPD's own tree one
    click away."""
    p = _kabupaten(request, tahun)
    ids = list(opd_for_user(request.user).values_list("pk", flat=True))
    return _halaman(request, p, pilihan_tahun(tahun, opd_ids=ids))


@halaman()
def pohon_opd(request, opd: OPD, tahun: int):
    """One OPD's pohon kinerja of a year, down to sub kegiatan."""
    return _halaman(request, _opd(opd, tahun), pilihan_tahun(tahun, opd.pk))


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
