"""Every OPD's LKjIP of a year in one ZIP (apps.laporan.paket): start a package from the
LKjIP list, watch its progress on a page that reloads itself, download it.

Only roles that see every OPD (verifikator, inspektorat, admin) may use these pages: a
package holds every OPD's report, and an OPD's own users download their one report from its
page. Their requests are refused (403) on every URL here, whatever the package."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from apps.core.akses import halaman
from apps.core.forms import report_galat
from apps.core.tugas import tugas_terhenti_fail

from ..forms import TahunForm
from ..models import PaketLKjIP
from ..paket import paket_create, paket_for_user

RIWAYAT = 20  # packages listed on the packages page


@halaman(metode=("GET", "POST"), kemampuan="sees_all_opd")
def paket_daftar(request):
    """GET: the latest packages with their status. POST (tahun, jenis): start a package of
    that year, or open the same one already being built."""
    if request.method == "POST":
        f = TahunForm(request.POST)
        jenis = request.POST.get("jenis", "")
        if f.is_valid() and jenis in PaketLKjIP.Jenis.values:
            try:
                obj = paket_create(user=request.user, tahun=f.cleaned_data["tahun"], jenis=jenis)
            except ValidationError as e:
                report_galat(request, e)
            else:
                return redirect("laporan:paket", obj.pk)
        else:
            report_galat(request, f)
            if jenis not in PaketLKjIP.Jenis.values:
                messages.error(request, "Jenis paket tidak dikenal: pilih PDF final atau draf.")
        messages.error(request, "Paket belum dibuat.")
        return redirect(reverse("laporan:paket_daftar"))
    tugas_terhenti_fail(paket_for_user(request.user))
    return render(
        request,
        "laporan/paket_daftar.html",
        {
            "daftar": paket_for_user(request.user)[:RIWAYAT],
            "tahun": timezone.localdate().year - 1,  # as the LKjIP list: last year's reports
        },
    )


@halaman(kemampuan="sees_all_opd", objek={"paket_id": paket_for_user})
def paket(request, paket: PaketLKjIP):
    """A package's progress (n of N OPDs; the page reloads itself while the job runs), then
    its download, the OPDs left out and why, why it failed or that its ZIP was deleted. A job
    whose worker died is given up here, so the page says so instead of reloading for ever."""
    obj = paket
    if obj.berjalan and tugas_terhenti_fail(PaketLKjIP.objects.filter(pk=obj.pk)):
        obj.refresh_from_db()
    return render(request, "laporan/paket.html", {"paket": obj})


@halaman(kemampuan="sees_all_opd", objek={"paket_id": paket_for_user})
def paket_unduh(request, paket: PaketLKjIP):
    """The finished ZIP, only through this permission check (MEDIA_URL is not served). A
    link to a ZIP deleted since (kedaluwarsa) leads to its package's page, which says why."""
    obj = paket
    if obj.status not in (PaketLKjIP.Status.SELESAI, PaketLKjIP.Status.KEDALUWARSA):
        raise Http404("Paket ini belum selesai dibuat.")
    if obj.status == PaketLKjIP.Status.KEDALUWARSA:
        messages.error(request, "Berkas ZIP paket ini sudah dihapus.")
        return redirect("laporan:paket", obj.pk)
    try:
        berkas = obj.berkas.open("rb")
    except OSError:
        raise Http404("Berkas paket tidak ditemukan lagi; buat ulang paketnya.") from None
    return FileResponse(
        berkas, as_attachment=True, filename=obj.nama_unduhan, content_type="application/zip"
    )
