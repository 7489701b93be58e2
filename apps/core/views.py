from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from .akses import halaman
from .beranda import kartu_beranda
from .roles import Peran


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
