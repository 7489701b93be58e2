from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("sehat/", views.sehat, name="sehat"),
    path("notifikasi/", views.notifikasi, name="notifikasi"),
    path("panduan/", views.panduan, name="panduan"),
    path("panduan/<str:peran>/", views.panduan, name="panduan_peran"),
    path("opd/<int:opd_id>/pejabat/", views.pejabat, name="pejabat"),
    path("pejabat/<int:pejabat_id>/", views.pejabat_ubah, name="pejabat_ubah"),
]
