from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render

from .selectors import opd_for_user


@login_required
def beranda(request):
    """Landing page: who is logged in, with which role, and which OPDs they may see."""
    opd_list = opd_for_user(request.user).filter(aktif=True).order_by("kode")
    return render(request, "core/beranda.html", {"opd_list": opd_list})


def sehat(request):
    """Health check for the container orchestrator: the app answers and the database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
