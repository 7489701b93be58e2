"""The LKjIP's words written in the browser: the list of every OPD's report of a year, the
editing page of one OPD's year (narrative, analyses per sasaran, signature, organisation
chart), the Markdown preview and the chart image. The numbers of the report come from the
data (apps.laporan.selectors); only the words are typed here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from apps.core.akses import halaman
from apps.core.forms import TIDAK_DISIMPAN, report_galat
from apps.core.models import OPD
from apps.core.selectors import opd_for_user
from apps.core.tahun import pilihan_tahun
from apps.pengukuran.berkas import batas_ukuran, ukuran_teks
from apps.pengukuran.kinerja import kinerja_tahun

from .. import services
from ..forms import (
    NARASI_MAKS,
    STRUKTUR_MAKS_SISI,
    AnalisisForm,
    LaporanForm,
    TahunForm,
    label_field,
)
from ..markdown import render_markdown
from ..models import ANALISIS, NARASI, NARASI_WAJIB, LaporanKinerja
from ..selectors import (
    finalisasi_berjalan,
    laporan_for_user,
    lkjip_arsip,
    lkjip_daftar,
    lkjip_terbaru,
    program_sasaran_dpa,
    tindakan_lkjip,
)

JENIS_GAMBAR = {".png": "image/png", ".jpg": "image/jpeg"}


@halaman()
def daftar(request):
    """Every OPD the user may see with the status of its LKjIP of the year: belum dimulai,
    draf, final or diverifikasi, and its latest revision (a fixed number of queries)."""
    # The LKjIP of a year is written in the first months of the next one.
    tahun = timezone.localdate().year - 1
    if "tahun" in request.GET:
        f = TahunForm(request.GET)
        if f.is_valid():
            tahun = f.cleaned_data["tahun"]
        else:
            report_galat(request, f)
    opds = opd_for_user(request.user).filter(aktif=True).order_by("kode")
    baris = lkjip_daftar(opds, tahun)
    return render(
        request,
        "laporan/lkjip_daftar.html",
        {
            "baris": baris,
            "tahun": tahun,
            "jumlah_bagian": len(NARASI_WAJIB),
            # an OPD's own users are offered the years of their OPD, not of every OPD
            "tahun_pilihan": pilihan_tahun(
                tahun,
                opd_ids=None if request.user.kemampuan.sees_all_opd else [b.opd.pk for b in baris],
            ),
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        },
    )


def bagian_narasi(form, nama_list) -> list[dict]:
    """Each text area with its preview, rendered sanitised from the text it shows."""
    return [
        {
            "field": form[n],
            "judul": form.fields[n].label.rsplit(" · ", 1)[-1],
            "pratinjau": render_markdown(form[n].value() or ""),
        }
        for n in nama_list
    ]


def _salin(request, data, unit, tahun: int) -> None:
    """Fill a text area without saving: last year's text of one section, or the summary
    proposed from the data. What the user typed in the other fields stays as it was."""
    aksi = request.POST.get("aksi", "")
    if aksi == "usulan":
        data["ikhtisar_eksekutif"] = services.ikhtisar_usulan(unit, tahun)
        messages.info(
            request,
            "Usulan ikhtisar eksekutif disusun dari data capaian dan "
            "anggaran; periksa dan sunting, lalu klik Simpan.",
        )
        return
    nama = aksi.removeprefix("salin:")
    if nama not in NARASI:
        raise Http404
    label = label_field(LaporanKinerja, nama)
    lalu = lkjip_terbaru(unit.pk, tahun - 1)
    if lalu is None:
        messages.warning(
            request, f"{label}: tidak ada LKjIP {unit.nama} tahun {tahun - 1} untuk disalin."
        )
    elif not getattr(lalu, nama).strip():
        messages.warning(request, f"{label}: bagian ini kosong pada LKjIP tahun {tahun - 1}.")
    else:
        data[nama] = getattr(lalu, nama)
        messages.info(
            request,
            f"{label}: teks disalin dari LKjIP tahun {tahun - 1}"
            f"{f' revisi {lalu.revisi}' if lalu.revisi else ''}; belum disimpan "
            "sampai Anda klik Simpan.",
        )


def boleh_tulis(request, laporan: LaporanKinerja | None, sedang) -> bool:
    """Whether a POST may write the report's words: not when it is final (a change is a
    revision) nor while the worker renders its final PDF (what would be saved now would not
    be in the PDF); said in a message otherwise. The OPD's page and the kabupaten's."""
    try:
        services.laporan_pastikan_draf(laporan)
    except ValidationError as e:
        report_galat(request, e)
        return False
    if sedang is not None:
        messages.error(
            request,
            f"{laporan} sedang difinalkan; uraian tidak dapat diubah sampai selesai. "
            "Tidak ada yang disimpan.",
        )
        return False
    return True


def simpan_lkjip(request, form, f_analisis, opd: OPD | None, tahun: int, sasaran) -> bool:
    """Save the report's words from its bound forms, all or nothing, saying what happened;
    True when saved (then the page redirects). `opd` None: the kabupaten's report, its
    analyses per sasaran daerah. The OPD's page and the kabupaten's."""
    if not (form.is_valid() & all([f.is_valid() for f in f_analisis])):
        for f in [form, *f_analisis]:
            report_galat(request, f)
        messages.error(request, TIDAK_DISIMPAN)
        return False
    struktur = form.cleaned_data.get("struktur_organisasi")
    isian = services.IsianLKjIP(
        nilai=form.nilai(),
        analisis={f.sasaran: f.nilai() for f in f_analisis},
        struktur=struktur.isi if struktur else None,
    )
    try:
        laporan, n = services.laporan_update(
            opd=opd,
            tahun=tahun,
            user=request.user,
            isian=isian,
            sasaran_sah={s.pk for s in sasaran},
        )
    except ValidationError as e:
        report_galat(request, e)
        messages.error(request, "Tidak ada yang disimpan.")
        return False
    messages.success(
        request, f"{laporan} tersimpan ({n} perubahan)." if n else "Tidak ada perubahan."
    )
    return True


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data")
def ubah(request, opd: OPD, tahun: int):
    """The words of an OPD's LKjIP of a year: every narrative section with its preview, the
    seven analyses' words per sasaran, place, date and signatory, the organisation chart.
    Saved all at once or nothing; a final or verified report is read-only for everyone."""
    unit = opd
    laporan = lkjip_terbaru(unit.pk, tahun)
    sasaran = services.sasaran_lkjip(unit, tahun)
    ada = {a.sasaran_id: a for a in laporan.analisis.all()} if laporan else {}
    data, files = None, None
    sedang = finalisasi_berjalan(laporan) if laporan else None
    if request.method == "POST":
        if not boleh_tulis(request, laporan, sedang):
            return redirect(request.path)
        data, files = request.POST, request.FILES
        if request.POST.get("aksi", "simpan") != "simpan":
            data, files = request.POST.copy(), None
            _salin(request, data, unit, tahun)
    form = LaporanForm(data, files, opd=unit, laporan=laporan)
    program = program_sasaran_dpa(unit.pk, tahun, sasaran)
    f_analisis = [
        AnalisisForm(data, sasaran=s, analisis=ada.get(s.pk), program=program[s.pk])
        for s in sasaran
    ]
    if files is not None and simpan_lkjip(request, form, f_analisis, unit, tahun, sasaran):
        return redirect(request.path)

    kinerja = kinerja_tahun([unit], tahun)[unit.pk]
    per_sasaran = {s.sasaran.pk: s for s in kinerja.sasaran}
    boleh = tindakan_lkjip(request.user.kemampuan, laporan, sedang=sedang)
    return render(
        request,
        "laporan/lkjip_ubah.html",
        {
            "opd": unit,
            "tahun": tahun,
            "laporan": laporan,
            "form": form,
            "bagian": bagian_narasi(form, NARASI),
            "analisis": [
                {
                    "sasaran": f.sasaran,
                    "kinerja": per_sasaran.get(f.sasaran.pk),
                    "bagian": bagian_narasi(f, ANALISIS),
                    "dukungan": f.pilihan_dukungan(),
                }
                for f in f_analisis
            ],
            # While the worker renders its final PDF, the report is not written to: what
            # would be saved now would not be in the PDF, and the report is final after it.
            "sedang_difinalkan": sedang,
            "boleh_ubah": boleh.ubah,
            "maks_sisi": STRUKTUR_MAKS_SISI,
            "arsip": lkjip_arsip(laporan),
            "boleh_finalkan": boleh.finalkan,
            "boleh_revisi": boleh.revisi,
            "boleh_verifikasi": boleh.verifikasi,
            "batas_berkas": ukuran_teks(batas_ukuran()),
        },
    )


@halaman(metode=("POST",))
def pratinjau(request):
    """The sanitised HTML of a Markdown text, for the live preview while typing (JSON). The
    same function renders the page's preview after saving and the PDF."""
    teks = request.POST.get("teks", "")
    if len(teks) > NARASI_MAKS:
        return JsonResponse(
            {"galat": f"Teks terlalu panjang: paling banyak {NARASI_MAKS} karakter."}, status=400
        )
    return JsonResponse({"html": str(render_markdown(teks))})


@halaman(objek={"laporan_id": laporan_for_user})
def struktur(request, laporan: LaporanKinerja):
    """The organisation chart of a report, only through this permission check (MEDIA_URL
    is not served)."""
    nama = laporan.struktur_organisasi.name
    if not nama:
        raise Http404("Bagan struktur organisasi belum diunggah.")
    try:
        berkas = laporan.struktur_organisasi.open("rb")
    except FileNotFoundError:
        raise Http404("Bagan struktur organisasi tidak ditemukan.") from None
    jenis = JENIS_GAMBAR.get(nama[nama.rfind(".") :].lower(), "application/octet-stream")
    resp = FileResponse(berkas, content_type=jenis)
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp
