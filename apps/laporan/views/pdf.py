"""The LKjIP as a draft PDF generated from the data, for anyone who may see the OPD
(apps.core.akses.opd_or_404: another OPD answers 404). Once the year's latest revision is
final, this address leads to its stored file instead (never re-rendered).

The draft is rendered by the background worker (apps.laporan.draf): the address starts the
job and leads to a page that reloads itself until the PDF is ready, then returns it. Without
a worker (CELERY_TASK_ALWAYS_EAGER) the PDF comes back from the first request."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.akses import halaman
from apps.core.models import OPD
from apps.core.tugas import kemajuan_tugas, tugas_terhenti_fail

from ..draf import draf_create
from ..models import DrafLKjIP, LaporanKinerja
from ..selectors import draf_for_user, lkjip_terbaru


@halaman()
def lkjip_pdf(request, opd: OPD, tahun: int):
    """The draft LKjIP of an OPD and year (DRAF on every page), from the latest revision of
    its narrative, or with empty sections when none was written yet; a redirect to the
    stored file when that revision is final or verified."""
    unit = opd
    laporan = lkjip_terbaru(unit.pk, tahun)
    if laporan is not None and laporan.status != LaporanKinerja.Status.DRAFT:
        return redirect(reverse("laporan:lkjip_final_pdf", args=[laporan.pk]))
    draf = draf_create(opd=unit, tahun=tahun, user=request.user)
    if draf.status == DrafLKjIP.Status.SELESAI:
        return respon_draf(draf)
    return redirect("laporan:lkjip_draf", draf.pk)


@halaman(objek={"draf_id": draf_for_user})
def lkjip_draf(request, draf: DrafLKjIP):
    """A draft being rendered for this user: a page that reloads itself every 2 seconds, then
    the PDF itself; or why it failed, with a button to try again. Another user's draft, or
    one of an OPD this user may no longer see, answers 404."""
    if draf.berjalan and tugas_terhenti_fail(DrafLKjIP.objects.filter(pk=draf.pk)):
        draf.refresh_from_db()
    if draf.status == DrafLKjIP.Status.SELESAI:
        return respon_draf(draf)
    kemajuan = (
        kemajuan_tugas(draf, DrafLKjIP.objects.filter(status=DrafLKjIP.Status.SELESAI))
        if draf.berjalan
        else None
    )
    return render(request, "laporan/lkjip_draf.html", {"draf": draf, "kemajuan": kemajuan})


def respon_draf(draf: DrafLKjIP):
    try:
        with draf.berkas.open("rb") as berkas:
            isi = berkas.read()
    except OSError:
        raise Http404("Berkas draf tidak ditemukan lagi; unduh ulang drafnya.") from None
    resp = HttpResponse(isi, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="{draf.nama_unduhan}"'
    resp["Cache-Control"] = "private, no-store"
    return resp
