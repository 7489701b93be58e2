from django.urls import path

from . import views

app_name = "anggaran"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("opd/<int:opd_id>/<int:tahun>/", views.dpa, name="dpa"),
    path("opd/<int:opd_id>/<int:tahun>/perubahan/", views.banding, name="banding"),
    path("opd/<int:opd_id>/<int:tahun>/realisasi/<int:bulan>/", views.realisasi, name="realisasi"),
    path("opd/<int:opd_id>/<int:tahun>/indikator/", views.indikator, name="indikator"),
    path(
        "opd/<int:opd_id>/<int:tahun>/ekspor/<str:jenis>.<str:format>", views.ekspor, name="ekspor"
    ),
    path("impor/", views.impor_baru, name="impor_baru"),
    path("impor/<int:impor_id>/", views.impor, name="impor"),
    path("templat/<str:jenis>.<str:format>", views.templat, name="templat"),
]
