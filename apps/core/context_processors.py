from .models import Pemda


def pemda(request):
    """The kabupaten's name for the page header (one small query, cached per request)."""
    return {"pemda": Pemda.objects.only("nama").first()}


def notifikasi(request):
    """The number of unread messages for the header (one query, only when logged in)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifikasi_belum_dibaca": user.notifikasi.filter(dibaca_pada__isnull=True).count()}
