from django.urls import path

from . import views

app_name = "laporan"
urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("ekspor.xlsx", views.dasbor_xlsx, name="dasbor_xlsx"),
    path("opd/<int:opd_id>/<int:tahun>/", views.opd, name="opd"),
    path("rekap/<int:tahun>.<str:format>", views.rekap, name="rekap"),
]
