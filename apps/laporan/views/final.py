"""The final LKjIP from the editing page: finalise (the PDF rendered once and stored),
download the stored file, open a revision, mark it verified. A report of another OPD is 404
(apps.core.selectors.for_user); a role without the capability is 403."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.html import format_html

from apps.core.akses import halaman
from apps.core.forms import report_galat
from apps.core.tugas import kemajuan_tugas, tugas_terhenti_fail

from .. import services
from ..models import FinalisasiLKjIP, LaporanKinerja
from ..selectors import finalisasi_for_user, laporan_for_user


def _lakukan(request, lap: LaporanKinerja, aksi, sukses, gagal="Tidak ada yang berubah."):
    """Run a service on the report, then back to its editing page: `sukses(result)` said
    when it is done, every reason and `gagal` when it is refused."""
    try:
        hasil = aksi()
    except ValidationError as e:
        report_galat(request, e, gagal)
    else:
        messages.success(request, sukses(hasil))
    return redirect(lap.get_absolute_url())


@halaman(metode=("POST",), kemampuan="can_approve_opd", objek={"laporan_id": laporan_for_user})
def finalkan(request, laporan: LaporanKinerja):
    """ "Finalkan": pimpinan, verifikator or admin freeze the draft into its final PDF, or
    are told at once everything it still lacks. The PDF is rendered by the background
    worker: the user is led to a page that shows how far it is (finalisasi); without a
    worker it is done when this returns, and the editing page says so."""
    ubah = laporan.get_absolute_url()
    try:
        tugas = services.laporan_finalize_start(laporan=laporan, user=request.user)
    except services.SyaratBelumLengkap as e:
        # each gap with a link to where it is filled (an anchor of the editing page, or
        # the page of the PK, the official, the DPA or the realisasi)
        for k in e.kurang:
            if k.tautan:
                tautan = k.tautan if k.tautan.startswith("/") else ubah + k.tautan
                messages.error(request, format_html('{} <a href="{}">Lengkapi</a>', k.teks, tautan))
            else:
                messages.error(request, k.teks)
        messages.error(request, "LKjIP belum difinalkan; tidak ada yang berubah.")
        return redirect(ubah)
    except ValidationError as e:
        report_galat(request, e, "LKjIP belum difinalkan; tidak ada yang berubah.")
        return redirect(ubah)
    if tugas.berjalan:
        return redirect("laporan:lkjip_finalisasi", tugas.pk)
    return _selesai(request, tugas)


def _selesai(request, tugas: FinalisasiLKjIP):
    """A finalisation that ended: what became of it, said on the report's editing page."""
    lap = tugas.laporan
    if tugas.status == FinalisasiLKjIP.Status.SELESAI:
        lap.refresh_from_db()
        messages.success(
            request,
            f"{lap} difinalkan. PDF final tersimpan dengan kode verifikasi "
            f"{lap.kode_verifikasi}; perubahan data sesudah ini tidak mengubahnya.",
        )
    else:
        for alasan in tugas.alasan:
            messages.error(request, alasan)
        messages.error(request, "LKjIP belum difinalkan; tidak ada yang berubah.")
    return redirect(lap.get_absolute_url())


@halaman(objek={"tugas_id": finalisasi_for_user})
def finalisasi(request, tugas: FinalisasiLKjIP):
    """The page of a finalisation being rendered: where it is and how much longer it usually
    takes, reloading itself every 2 seconds; once it ended, the report's editing page with
    the outcome. A finalisation of an OPD this user may not see answers 404."""
    if tugas.berjalan and tugas_terhenti_fail(FinalisasiLKjIP.objects.filter(pk=tugas.pk)):
        tugas.refresh_from_db()
    if not tugas.berjalan:
        return _selesai(request, tugas)
    kemajuan = kemajuan_tugas(
        tugas, FinalisasiLKjIP.objects.filter(status=FinalisasiLKjIP.Status.SELESAI)
    )
    return render(request, "laporan/lkjip_finalisasi.html", {"tugas": tugas, "kemajuan": kemajuan})


@halaman(objek={"laporan_id": laporan_for_user})
def unduh(request, laporan: LaporanKinerja):
    """The stored final PDF of a revision, exactly the bytes stored at finalisation."""
    lap = laporan
    if lap.status == LaporanKinerja.Status.DRAFT or not lap.berkas_final:
        raise Http404("LKjIP ini belum final.")
    try:
        berkas = lap.berkas_final.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas PDF final tidak ditemukan.") from None
    nama = f"lkjip-{lap.kode_berkas}-{lap.tahun}{f'-revisi-{lap.revisi}' if lap.revisi else ''}.pdf"
    resp = FileResponse(berkas, content_type="application/pdf", filename=nama)
    resp["X-Content-Type-Options"] = "nosniff"
    resp["ETag"] = f'"{lap.sha256}"'
    return resp


@halaman(metode=("POST",), kemampuan="can_approve_opd", objek={"laporan_id": laporan_for_user})
def revisi(request, laporan: LaporanKinerja):
    """ "Buat revisi" of a final report, with its required reason: a new draft revision."""
    return _lakukan(
        request,
        laporan,
        lambda: services.laporan_revisi_create(
            laporan=laporan, user=request.user, alasan=request.POST.get("alasan_revisi", "")
        ),
        lambda baru: (
            f"{baru} dibuat sebagai draf. PDF final revisi {laporan.revisi} tetap "
            "tersimpan dan dapat diverifikasi."
        ),
    )


@halaman(metode=("POST",), kemampuan="can_verify", objek={"laporan_id": laporan_for_user})
def tandai_diverifikasi(request, laporan: LaporanKinerja):
    """Bagian Organisasi marks a final report verified (the PDF is unchanged)."""
    return _lakukan(
        request,
        laporan,
        lambda: services.laporan_verify(laporan=laporan, user=request.user),
        lambda lap: f"{lap} ditandai diverifikasi.",
    )
