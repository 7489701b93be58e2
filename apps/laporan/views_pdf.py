"""The LKjIP as a draft PDF generated from the data, for anyone who may see the OPD
(apps.core.akses.opd_or_404: another OPD answers 404). Once the year's latest revision is
final, this address leads to its stored file instead (never re-rendered)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET

from apps.core.akses import opd_or_404

from .lkjip import laporan_terakhir, render_lkjip_pdf
from .models import LaporanKinerja


@login_required
@require_GET
def lkjip_pdf(request, opd_id: int, tahun: int):
    """The draft LKjIP of an OPD and year (DRAF on every page), from the latest revision of
    its narrative, or with empty sections when none was written yet; a redirect to the
    stored file when that revision is final or verified."""
    unit = opd_or_404(request.user, opd_id)
    if not 2000 <= tahun <= 2100:
        raise Http404
    laporan = laporan_terakhir(unit, tahun)
    if laporan is not None and laporan.status != LaporanKinerja.Status.DRAFT:
        return redirect(reverse("laporan:lkjip_final_pdf", args=[laporan.pk]))
    pdf = render_lkjip_pdf(opd=unit, tahun=tahun, laporan=laporan, draf=True)
    resp = HttpResponse(pdf, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="lkjip-{unit.kode}-{tahun}-draf.pdf"'
    return resp
