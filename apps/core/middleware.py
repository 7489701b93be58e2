"""Sessions on shared office computers: an idle session ends, and so does a long one.

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
                messages.info(request, f"Sesi Anda sudah {settings.SAKIP_SESI_MAKS_JAM} jam "
                              "dan telah berakhir; silakan masuk lagi.")
                return redirect_to_login(request.get_full_path())
            if sekarang - sesi.get(TERAKHIR, 0) >= JEDA_SIMPAN:
                sesi[TERAKHIR] = sekarang
        return self.get_response(request)
