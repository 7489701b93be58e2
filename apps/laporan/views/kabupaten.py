"""The LKjIP of the Pemerintah Kabupaten in the browser: its editing page (the words of every
chapter, the seven analyses' words per sasaran daerah, the kepala daerah's signature block)
and its draft PDF. Finalising, the stored final file, revisions and "diverifikasi" go through
the OPD report's own pages (apps.laporan.views.final), which lead back here.

Only roles that see every OPD open it (it holds every OPD's capaian); Bagian Organisasi
(can_manage_master) writes it. An OPD's operator or pimpinan gets 403."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from apps.core.akses import halaman
from apps.core.forms import TIDAK_DISIMPAN, report_galat
from apps.core.tahun import pilihan_tahun
from apps.pengukuran.kinerja import kinerja_daerah
from apps.perencanaan.models import IndikatorDaerah

from .. import services
from ..draf import draf_create
from ..forms import AnalisisForm, LaporanForm
from ..lkjip_kabupaten import lkjip_kabupaten_terbaru, sasaran_daerah_tahun
from ..models import ANALISIS, NARASI, DrafLKjIP, LaporanKinerja
from ..selectors import finalisasi_berjalan, lkjip_arsip
from .lkjip import bagian_narasi
from .pdf import respon_draf


@halaman(metode=("GET", "POST"), kemampuan="sees_all_opd", kemampuan_kirim="can_manage_master")
def lkjip_kabupaten(request, tahun: int):
    """The words of the kabupaten's LKjIP of a year, saved all at once or nothing; a final
    or verified report is read-only for everyone (a change is a revision)."""
    laporan = lkjip_kabupaten_terbaru(tahun)
    sasaran = sasaran_daerah_tahun(tahun)
    ada = {a.sasaran_daerah_id: a for a in laporan.analisis.all()} if laporan else {}
    sedang = finalisasi_berjalan(laporan) if laporan else None
    data = None
    if request.method == "POST":
        try:
            services.laporan_pastikan_draf(laporan)
        except ValidationError as e:
            report_galat(request, e)
            return redirect(request.path)
        if sedang is not None:
            messages.error(
                request,
                f"{laporan} sedang difinalkan; uraian tidak dapat diubah sampai selesai. "
                "Tidak ada yang disimpan.",
            )
            return redirect(request.path)
        data = request.POST
    form = LaporanForm(data, opd=None, laporan=laporan)
    f_analisis = [
        AnalisisForm(data, sasaran=s, analisis=ada.get(s.pk), awalan="d") for s in sasaran
    ]
    if data is not None:
        if form.is_valid() & all([f.is_valid() for f in f_analisis]):
            isian = services.IsianLKjIP(
                nilai=form.nilai(), analisis={f.sasaran: f.nilai() for f in f_analisis}
            )
            try:
                laporan, n = services.laporan_update(
                    opd=None,
                    tahun=tahun,
                    user=request.user,
                    isian=isian,
                    sasaran_sah={s.pk for s in sasaran},
                )
            except ValidationError as e:
                report_galat(request, e)
                messages.error(request, "Tidak ada yang disimpan.")
            else:
                messages.success(
                    request,
                    f"{laporan} tersimpan ({n} perubahan)." if n else "Tidak ada perubahan.",
                )
                return redirect(request.path)
        else:
            for f in [form, *f_analisis]:
                report_galat(request, f)
            messages.error(request, TIDAK_DISIMPAN)

    iku = kinerja_daerah(IndikatorDaerah.objects.filter(sasaran__in=sasaran), tahun)
    per_sasaran = {}
    for k in iku.values():
        per_sasaran.setdefault(k.indikator.sasaran_id, []).append(k)
    k = request.user.kemampuan
    draf = laporan is None or laporan.status == LaporanKinerja.Status.DRAFT
    return render(
        request,
        "laporan/lkjip_kabupaten.html",
        {
            "tahun": tahun,
            "laporan": laporan,
            "form": form,
            "bagian": bagian_narasi(form, NARASI),
            "analisis": [
                {
                    "sasaran": f.sasaran,
                    "iku": per_sasaran.get(f.sasaran.pk, []),
                    "bagian": bagian_narasi(f, ANALISIS),
                }
                for f in f_analisis
            ],
            "sedang_difinalkan": sedang,
            "boleh_ubah": k.can_manage_master and draf and sedang is None,
            "arsip": lkjip_arsip(laporan),
            "boleh_finalkan": k.can_approve_opd and laporan is not None and draf and not sedang,
            "boleh_revisi": k.can_approve_opd and laporan is not None and not draf,
            "boleh_verifikasi": k.can_verify
            and laporan is not None
            and laporan.status == LaporanKinerja.Status.FINAL,
            "tahun_pilihan": pilihan_tahun(tahun),
        },
    )


@halaman(kemampuan="sees_all_opd")
def lkjip_kabupaten_pdf(request, tahun: int):
    """The draft of the kabupaten's LKjIP (DRAF on every page), rendered by the background
    worker as an OPD's draft is; the stored file once the latest revision is final."""
    laporan = lkjip_kabupaten_terbaru(tahun)
    if laporan is not None and laporan.status != LaporanKinerja.Status.DRAFT:
        return redirect("laporan:lkjip_final_pdf", laporan.pk)
    draf = draf_create(opd=None, tahun=tahun, user=request.user)
    if draf.status == DrafLKjIP.Status.SELESAI:
        return respon_draf(draf)
    return redirect("laporan:lkjip_draf", draf.pk)
