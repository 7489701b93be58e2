"""The LKjIP of the Pemerintah Kabupaten in the browser: its editing page (the words of every
chapter, the seven analyses' words per sasaran daerah, the kepala daerah's signature block)
and its draft PDF. Finalising, the stored final file, revisions and "diverifikasi" go through
the OPD report's own pages (apps.laporan.views.final), which lead back here.

Only roles that see every OPD open it (it holds every OPD's capaian); Bagian Organisasi
(can_manage_master) writes it. An OPD's operator or pimpinan gets 403."""

from django.contrib import messages
from django.shortcuts import redirect, render

from apps.core.akses import halaman
from apps.core.tahun import pilihan_tahun
from apps.pengukuran.kinerja import kinerja_daerah
from apps.perencanaan.models import IndikatorDaerah

from .. import services
from ..draf import draf_create
from ..forms import AnalisisForm, LaporanForm
from ..lkjip_kabupaten import lkjip_kabupaten_terbaru, sasaran_daerah_tahun
from ..models import ANALISIS, NARASI, DrafLKjIP, LaporanKinerja
from ..selectors import finalisasi_berjalan, lkjip_arsip, tindakan_lkjip
from .lkjip import bagian_narasi, boleh_tulis, simpan_lkjip
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
        if not boleh_tulis(request, laporan, sedang):
            return redirect(request.path)
        data = request.POST
        aksi = request.POST.get("aksi", "simpan")
        if aksi not in ("simpan", "usulan"):
            messages.error(request, "Tindakan tidak dikenal. Tidak ada yang berubah.")
            return redirect(request.path)
        if aksi == "usulan":
            # the proposed summary put in its text area; nothing saved
            data = request.POST.copy()
            data["ikhtisar_eksekutif"] = services.ikhtisar_kabupaten_usulan(tahun)
            messages.info(
                request,
                "Usulan ikhtisar eksekutif disusun dari capaian IKU Pemerintah Daerah, capaian "
                "Perangkat Daerah dan anggaran; periksa dan sunting, lalu klik Simpan.",
            )
    form = LaporanForm(data, opd=None, laporan=laporan)
    f_analisis = [
        AnalisisForm(data, sasaran=s, analisis=ada.get(s.pk), awalan="d") for s in sasaran
    ]
    menyimpan = data is not None and request.POST.get("aksi", "simpan") == "simpan"
    if menyimpan and simpan_lkjip(request, form, f_analisis, None, tahun, sasaran):
        return redirect(request.path)

    iku = kinerja_daerah(IndikatorDaerah.objects.filter(sasaran__in=sasaran), tahun)
    per_sasaran = {}
    for k in iku.values():
        per_sasaran.setdefault(k.indikator.sasaran_id, []).append(k)
    boleh = tindakan_lkjip(request.user.kemampuan, laporan, sedang=sedang, kabupaten=True)
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
            "boleh_ubah": boleh.ubah,
            "arsip": lkjip_arsip(laporan),
            "boleh_finalkan": boleh.finalkan,
            "boleh_revisi": boleh.revisi,
            "boleh_verifikasi": boleh.verifikasi,
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
