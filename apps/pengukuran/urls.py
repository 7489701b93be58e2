from django.urls import path

from . import views

app_name = "pengukuran"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("opd/<int:opd_id>/<int:tahun>/", views.opd_tahun, name="opd_tahun"),
    path("opd/<int:opd_id>/<int:tahun>/tw<int:triwulan>/", views.pengisian, name="pengisian"),
    path(
        "opd/<int:opd_id>/<int:tahun>/tw<int:triwulan>/pratinjau/",
        views.pratinjau,
        name="pratinjau",
    ),
    path("verifikasi/", views.antrean, name="antrean"),
    path("verifikasi/<int:opd_id>/<int:tahun>/tw<int:triwulan>/", views.tinjau, name="tinjau"),
    path("nilai/<int:realisasi_id>/riwayat/", views.riwayat, name="riwayat"),
    path("nilai/<int:realisasi_id>/buka-kembali/", views.buka_kembali, name="buka_kembali"),
    path("bukti/<int:bukti_id>/", views.bukti_unduh, name="bukti_unduh"),
    path("bukti/<int:bukti_id>/hapus/", views.bukti_hapus, name="bukti_hapus"),
    path("jadwal/", views.jadwal, name="jadwal"),
    path("iku-pemda/<int:tahun>/tw<int:triwulan>/", views.iku_pemda, name="iku_pemda"),
]
