from django.contrib import messages
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from .akses import halaman
from .beranda import kartu_beranda
from .forms import TIDAK_DISIMPAN, PejabatOPDForm, report_galat
from .models import OPD, Pejabat
from .roles import Peran
from .selectors import pejabat_opd_for_user
from .services import pejabat_save


@halaman()
def beranda(request):
    """The home page as a to-do list: each app's cards for this user (apps.core.beranda)."""
    return render(request, "core/beranda.html", {"kartu_list": kartu_beranda(request.user)})


@halaman(metode=("GET", "HEAD"), publik=True)
def sehat(request):
    """Health check for the container orchestrator: the app answers and the database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@halaman(metode=("GET", "POST"))
def notifikasi(request):
    """The user's own messages (returned, verified, reminders); POST marks them all read."""
    qs = request.user.notifikasi.all()
    if request.method == "POST":
        qs.filter(dibaca_pada__isnull=True).update(dibaca_pada=timezone.now())
        return redirect("core:notifikasi")
    return render(request, "core/notifikasi.html", {"notifikasi_list": qs[:100]})


@halaman()
def panduan(request, peran: str = ""):
    """The user's guide of a role (the user's own by default), in Indonesian, with
    screenshots taken by the browser tests (tests/test_panduan.py, `make panduan`)."""
    peran = peran or request.user.peran
    if peran not in Peran.values:
        raise Http404("Panduan peran ini tidak ada.")
    return render(
        request,
        f"core/panduan/{peran}.html",
        {"peran": Peran(peran), "peran_list": Peran.choices},
    )


@halaman(metode=("GET", "POST"), kemampuan_kirim="can_edit_opd_data")
def pejabat(request, opd: OPD):
    """The officials of an OPD, who sign its PK and LKjIP (head, administrators, pengawas),
    with a form to add one. Read by everyone who sees the OPD; written by the roles that
    write the OPD's data (an operator of another OPD gets 404). An official who leaves is
    marked not active rather than deleted: their signed documents keep them."""
    form = PejabatOPDForm(request.POST or None, instance=Pejabat(opd=opd), prefix="baru")
    if request.method == "POST":
        if form.is_valid():
            baru = pejabat_save(pejabat=Pejabat(opd=opd), **form.cleaned_data)
            messages.success(request, f"Pejabat {baru.nama} ditambahkan.")
            return redirect("core:pejabat", opd.pk)
        report_galat(request, form)
        messages.error(request, TIDAK_DISIMPAN)
    daftar = opd.pejabat.order_by("-aktif", "nama")
    return render(
        request,
        "core/pejabat.html",
        {
            "opd": opd,
            "pejabat_list": daftar,
            "form": form,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        },
    )


@halaman(
    metode=("GET", "POST"),
    kemampuan_kirim="can_edit_opd_data",
    objek={"pejabat_id": pejabat_opd_for_user},
)
def pejabat_ubah(request, pejabat: Pejabat):
    """One official of an OPD: name, NIP, rank, position, status, active. Saved whole or not
    at all, with its history (who changed what, when)."""
    opd = pejabat.opd
    form = PejabatOPDForm(request.POST or None, instance=pejabat)
    if request.method == "POST":
        if form.is_valid():
            if form.has_changed():
                pejabat_save(pejabat=pejabat, **form.cleaned_data)
                messages.success(request, f"Pejabat {pejabat.nama} tersimpan.")
            else:
                messages.info(request, "Tidak ada perubahan.")
            return redirect("core:pejabat", opd.pk)
        report_galat(request, form)
        messages.error(request, TIDAK_DISIMPAN)
    return render(
        request,
        "core/pejabat_ubah.html",
        {
            "opd": opd,
            "pejabat": pejabat,
            "form": form,
            "boleh_ubah": request.user.kemampuan.can_edit_opd_data,
        },
    )
