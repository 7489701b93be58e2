from .models import Pemda


def pemda(request):
    """The kabupaten's name for the page header (one small query, cached per request)."""
    return {"pemda": Pemda.objects.only("nama").first()}
