"""Bagian Organisasi's view of every OPD: the dashboard, its xlsx export, the drill-down of
one OPD and the recaps. An operator or pimpinan sees the same pages for their own OPD only
(apps.core.selectors.opd_for_user); another OPD's drill-down answers 404."""

import hashlib

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django_tables2 import RequestConfig
from django_tables2.export import TableExport

from apps.anggaran.selectors import dpa_berlaku, rekap_dpa
from apps.core.akses import halaman
from apps.core.angka import ROMAWI, nama_triwulan
from apps.core.ekspor import judul_unduhan, unduhan
from apps.core.forms import report_galat
from apps.core.models import OPD
from apps.core.selectors import opd_for_user
from apps.core.tahun import pilihan_tahun
from apps.pengukuran.jendela import StatusTriwulan

from .. import grafik
from ..evaluasi import tindak_lanjut_opd
from ..filters import FilterDasbor
from ..rekap import grafik_dasbor, rekap_pdf, rekap_xlsx
from ..selectors import (
    VERSI_CACHE,
    cache_read,
    cache_write,
    dasbor_cache,
    peringatan_dini,
    predikat_per_skala,
    proyeksi_opd,
)
from ..selectors import dasbor as dasbor_baris
from ..tables import TabelDasbor


def _opd_qs(user):
    return opd_for_user(user).filter(aktif=True).order_by("kode")


def _saring(request):
    """The filter set, the year it asks for and the dashboard rows it keeps: every OPD the
    user may see is computed once (a fixed number of queries, or read from the cache for
    SAKIP_DASBOR_CACHE_DETIK seconds; `f.dihitung` says when), then filtered."""
    opd_qs = _opd_qs(request.user)
    f = FilterDasbor(request.GET, queryset=opd_qs, predikat=predikat_per_skala(opd_qs))
    sah = f.is_valid()
    if not sah:
        report_galat(request, f.form)
    tahun = (f.form.cleaned_data.get("tahun") if sah else None) or timezone.localdate().year
    semua, f.dihitung = dasbor_cache(opd_qs, tahun, segar="segar" in request.GET)
    f.baris = {b.opd.pk: b for b in semua}
    tampil = set(f.qs.values_list("pk", flat=True)) if sah else set(f.baris)
    return f, tahun, [b for b in semua if b.opd.pk in tampil]


@halaman()
def dasbor(request):
    """One row per OPD: status of each triwulan, capaian and predikat of the year so far,
    serapan, consistency warnings; the early warnings worst first; the charts.

    With the dashboard's cache on, the page's content as drawn (the same OPDs, year, filters,
    sort and page) is reused as long as the rows it was drawn from: a reload costs a lookup
    instead of the rows, the table and the charts again."""
    detik = settings.SAKIP_DASBOR_CACHE_DETIK
    kunci = _kunci_halaman(request) if detik > 0 else None
    if kunci and "segar" not in request.GET and (simpanan := cache_read(kunci)) is not None:
        tahun, isi = simpanan
        return _halaman_dasbor(request, tahun, mark_safe(isi))
    f, tahun, baris = _saring(request)
    tabel = TabelDasbor(baris, tahun=tahun, kolom=f.kolom_tampil)
    RequestConfig(request, paginate={"per_page": 50}).configure(tabel)
    isi = render_to_string(
        "laporan/_dasbor_isi.html",
        {
            "filter": f,
            "tahun": tahun,
            "tabel": tabel,
            "jumlah": len(baris),
            "peringatan": peringatan_dini(baris, batas=25),
            "jumlah_peringatan": len(peringatan_dini(baris)),
            "grafik": grafik_dasbor(baris, tahun),
            "query": request.GET.urlencode(),
            "dihitung": f.dihitung,
            "cache_detik": detik,
            "query_segar": _dengan_segar(request.GET),
        },
        request=request,
    )
    if kunci and f.is_valid():  # a refused filter's messages must show on every reload
        sisa = detik - (timezone.now() - f.dihitung).total_seconds()
        if sisa >= 1:
            cache_write(kunci, (tahun, str(isi)), sisa)
    return _halaman_dasbor(request, tahun, isi)


def _halaman_dasbor(request, tahun: int, isi):
    """The dashboard around its drawn (maybe cached) content, with the follow-up of the
    Evaluasi AKIP recommendations, always read fresh (one query): the evaluations of the
    year before and every earlier one still open."""
    tindak = tindak_lanjut_opd(_opd_qs(request.user), tahun_utama=tahun - 1)
    return render(
        request, "laporan/dasbor.html", {"tahun": tahun, "isi": isi, "tindak_lanjut": tindak}
    )


def _kunci_halaman(request) -> str:
    """The cache key of a drawn dashboard page: what the user may see (their OPDs, and
    whether they see every OPD, which the page says), the query (year, filters, sort, page;
    not `segar`) and the date."""
    q = request.GET.copy()
    q.pop("segar", None)
    lingkup = list(_opd_qs(request.user).values_list("pk", flat=True))
    hash_query = hashlib.sha256(
        repr((request.user.kemampuan.sees_all_opd, lingkup, sorted(q.lists()))).encode()
    ).hexdigest()[:40]
    return f"sakip:dasbor-halaman:{VERSI_CACHE}:{timezone.localdate().isoformat()}:{hash_query}"


def _dengan_segar(get) -> str:
    q = get.copy()
    q["segar"] = "1"
    return q.urlencode()


@halaman()
def dasbor_xlsx(request):
    """The dashboard as xlsx: the same rows, columns and numbers as the page (numbers as
    numbers, rounded as the page shows them)."""
    f, tahun, baris = _saring(request)
    tabel = TabelDasbor(baris, tahun=tahun)
    RequestConfig(request, paginate=False).configure(tabel)
    data = TableExport("xlsx", tabel, dataset_kwargs={"title": f"Dasbor {tahun}"}).dataset
    judul = judul_unduhan(f"Dasbor Kinerja Perangkat Daerah Tahun {tahun}")
    return unduhan(data, f"dasbor-sakip-{tahun}", "xlsx", judul=judul)


@halaman()
def opd(request, opd: OPD, tahun: int):
    """One OPD's year: each sasaran and indicator with target, triwulan values, annual value,
    capaian, predikat, verification status and projection; the budget by program; charts of
    each indicator across triwulan and across the last three years."""
    unit = opd
    tahun_grafik = [tahun - 2, tahun - 1, tahun]
    baris = dasbor_baris([unit], tahun, tahun_lalu=tahun_grafik[:-1])[0]
    kinerja = baris.kinerja

    def capaian_tahun(i, t):
        """The capaian of a year as the comparison across years draws it (text-valued
        indicators are not compared across years)."""
        if i.teks:
            return None
        if t == tahun:
            return i.hasil.capaian.nilai
        lalu = i.lalu.get(t)
        return lalu.hasil.capaian.nilai if lalu else None

    semua_proyeksi = proyeksi_opd(kinerja)
    proyeksi = {p.indikator_id: p.proyeksi for p in semua_proyeksi}
    indikator = []
    for s in kinerja.sasaran:
        for i in s.indikator:
            ind_id = i.indikator.pk
            tw = grafik.garis_capaian(
                [
                    grafik.Seri(
                        "Capaian s.d. triwulan", [i.hitung(t).capaian.nilai for t in range(1, 5)]
                    )
                ],
                judul=f"{i.indikator.nama}: per triwulan {tahun}",
                sumbu_x=[nama_triwulan(t) for t in range(1, 5)],
                lebar=480,
                tinggi=240,
            )
            th = grafik.garis_capaian(
                [grafik.Seri("Capaian tahunan", [capaian_tahun(i, t) for t in tahun_grafik])],
                judul=f"{i.indikator.nama}: {tahun_grafik[0]}–{tahun}",
                sumbu_x=[str(t) for t in tahun_grafik],
                lebar=480,
                tinggi=240,
            )
            indikator.append(
                {
                    "sasaran": s,
                    "baris": i,
                    "proyeksi": proyeksi.get(ind_id),
                    "grafik_tw": mark_safe(tw),
                    "grafik_tahun": mark_safe(th),
                }
            )
    dpa = dpa_berlaku(unit.pk, tahun)
    pohon = rekap_dpa(dpa) if dpa else None
    program = sorted(pohon.program.items(), key=lambda x: x[0].kode) if pohon else []
    return render(
        request,
        "laporan/opd.html",
        {
            "opd": unit,
            "tahun": tahun,
            "b": baris,
            "indikator": indikator,
            "dpa": dpa,
            "pohon": pohon,
            "program": program,
            "triwulan": [(t, ROMAWI[t]) for t in range(1, 5)],
            "status_tw": [
                (t, ROMAWI[t], baris.status[t], StatusTriwulan.LABEL[baris.status[t]])
                for t in range(1, 5)
            ],
            "peringatan": [
                p for p in semua_proyeksi if p.proyeksi.perlu_perhatian or p.proyeksi.belum_lapor
            ],
            "tahun_list": pilihan_tahun(tahun, unit.pk),
        },
    )


@halaman()
def rekap(request, tahun: int, format: str):
    """Rekapitulasi Capaian Kinerja Perangkat Daerah of a year, every OPD the user may see:
    xlsx, or an A4 landscape PDF with the kabupaten's kop and the signature of the Kepala
    Bagian Organisasi (apps.laporan.rekap)."""
    if format not in ("xlsx", "pdf"):
        raise Http404
    baris = dasbor_baris(_opd_qs(request.user), tahun)
    if format == "xlsx":
        judul = judul_unduhan(f"Rekapitulasi Capaian Kinerja Perangkat Daerah Tahun {tahun}")
        return unduhan(rekap_xlsx(baris, tahun), f"rekap-capaian-{tahun}", "xlsx", judul=judul)
    resp = HttpResponse(rekap_pdf(baris, tahun), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="rekap-capaian-{tahun}.pdf"'
    return resp
