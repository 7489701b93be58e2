from django.urls import path

from . import views

app_name = "anggaran"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("opd/<int:opd_id>/<int:tahun>/", views.dpa, name="dpa"),
    path("opd/<int:opd_id>/<int:tahun>/perubahan/", views.banding, name="banding"),
    path("opd/<int:opd_id>/<int:tahun>/realisasi/<int:bulan>/", views.realisasi,
         name="realisasi"),
]
