"""Request guards: a NUL character in the address, and sessions on shared office computers.

Sessions on shared office computers: an idle session ends, and so does a long one.

The idle limit is the session's own expiry (SESSION_COOKIE_AGE = SAKIP_SESI_DIAM_MENIT): an
unchanged session is not saved, so its expiry would not move; this middleware marks it
changed at most once a minute, which pushes the expiry on without a database write on every
request. The cap (SAKIP_SESI_MAKS_JAM) counts from logging in (`catat_mulai_sesi`, on
user_logged_in).
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string

MULAI = "sakip_sesi_mulai"
TERAKHIR = "sakip_sesi_terakhir"
JEDA_SIMPAN = 60


def catat_mulai_sesi(sender, request, user, **kwargs):
    """Receiver of user_logged_in: the session's start, in the session itself."""
    sekarang = int(time.time())
    request.session[MULAI] = sekarang
    request.session[TERAKHIR] = sekarang


class BatasSesiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            sesi = request.session
            sekarang = int(time.time())
            mulai = sesi.setdefault(MULAI, sekarang)
            if sekarang - mulai > settings.SAKIP_SESI_MAKS_JAM * 3600:
                logout(request)
                messages.info(
                    request,
                    f"Sesi Anda sudah {settings.SAKIP_SESI_MAKS_JAM} jam "
                    "dan telah berakhir; silakan masuk lagi.",
                )
                return redirect_to_login(request.get_full_path())
            if sekarang - sesi.get(TERAKHIR, 0) >= JEDA_SIMPAN:
                sesi[TERAKHIR] = sekarang
        return self.get_response(request)


class TolakNulMiddleware:
    """A NUL character (%00) in the address or its query string answers 400 with a page that
    names the parameter. PostgreSQL cannot store or compare a string holding NUL: a lookup
    such as /verifikasi/%00/ or an admin filter ?kode=%00 would fail with a database error
    (HTTP 500). Posted fields are checked by their forms (Django's CharField refuses NUL with
    "Karakter null tidak diizinkan."), so the body is not read here: a view may still have to
    set its upload handlers (apps.laporan.views.verifikasi)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return _tolak_nul(request, "alamat halaman")
        for nama, nilai_list in request.GET.lists():
            if "\x00" in nama or any("\x00" in v for v in nilai_list):
                return _tolak_nul(request, f"parameter “{nama.replace(chr(0), '')}”")
        return self.get_response(request)


def _tolak_nul(request, bagian: str):
    pesan = (
        f"Permintaan ditolak: {bagian} berisi karakter NUL (kode 0), yang tidak dapat "
        "dibaca. Periksa tautan atau isian pencarian, lalu coba lagi."
    )
    return HttpResponseBadRequest(render_to_string("400.html", {"pesan": pesan}, request=request))
