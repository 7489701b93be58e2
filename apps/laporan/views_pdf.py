"""The LKjIP as a draft PDF generated from the data, for anyone who may see the OPD
(apps.core.akses.opd_or_404: another OPD answers 404)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from apps.core.akses import opd_or_404

from .lkjip import render_lkjip_pdf


@login_required
@require_GET
def lkjip_pdf(request, opd_id: int, tahun: int):
    """The draft LKjIP of an OPD and year (DRAF on every page), from the latest revision of
    its narrative, or with empty sections when none was written yet."""
    unit = opd_or_404(request.user, opd_id)
    if not 2000 <= tahun <= 2100:
        raise Http404
    pdf = render_lkjip_pdf(opd=unit, tahun=tahun, draf=True)
    resp = HttpResponse(pdf, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="lkjip-{unit.kode}-{tahun}-draf.pdf"'
    return resp
