from django.urls import path

from . import views

app_name = "perencanaan"
urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("opd/<int:opd_id>/", views.opd, name="opd"),
    path("opd/<int:opd_id>/konsistensi/<int:tahun>/", views.konsistensi_opd, name="konsistensi"),
    path("opd/<int:opd_id>/pk/<int:tahun>/banding/", views.banding, name="pk_banding"),
    path("rpjmd/<int:periode_id>/", views.rpjmd, name="rpjmd"),
    path(
        "rpjmd/<int:periode_id>/ekspor/target.<str:format>",
        views.rpjmd_ekspor_target,
        name="rpjmd_ekspor_target",
    ),
    path("renstra/<int:renstra_id>/", views.renstra, name="renstra"),
    path("renstra/<int:renstra_id>/tambah/", views.renstra_tambah, name="renstra_tambah"),
    path("renstra/<int:renstra_id>/hapus/", views.renstra_hapus, name="renstra_hapus"),
    path("renstra/<int:renstra_id>/salin/", views.renstra_salin, name="renstra_salin"),
    path("renstra/<int:renstra_id>/iku/", views.iku, name="iku"),
    path(
        "renstra/<int:renstra_id>/ekspor/target.<str:format>",
        views.renstra_ekspor_target,
        name="renstra_ekspor_target",
    ),
    path(
        "renstra/<int:renstra_id>/ekspor/matriks.<str:format>",
        views.renstra_ekspor_matriks,
        name="renstra_ekspor_matriks",
    ),
    path("pk/<int:pk_id>/", views.pk_detail, name="pk"),
    path(
        "opd/<int:opd_id>/pk-berjenjang/<int:tahun>/",
        views.pk_jenjang_daftar,
        name="pk_jenjang_daftar",
    ),
    path("pk-berjenjang/<int:pk_jenjang_id>/", views.pk_jenjang, name="pk_jenjang"),
    path("pk-bupati/<int:tahun>/", views.pk_bupati_daftar, name="pk_bupati_daftar"),
    path("pk-bupati/versi/<int:pk_bupati_id>/", views.pk_bupati, name="pk_bupati"),
    path("pk-bupati/versi/<int:pk_bupati_id>/pdf/", views.pk_bupati_pdf, name="pk_bupati_pdf"),
    path("pk-berjenjang/<int:pk_jenjang_id>/pdf/", views.pk_jenjang_pdf, name="pk_jenjang_pdf"),
    path("pk/<int:pk_id>/finalkan/", views.pk_finalkan, name="pk_finalkan"),
    path("pk/<int:pk_id>/perubahan/", views.pk_perubahan, name="pk_perubahan"),
    path("pk/<int:pk_id>/hapus/", views.pk_hapus, name="pk_hapus"),
    path("pk/<int:pk_id>/pdf/", views.pk_pdf, name="pk_pdf"),
    path(
        "pk/<int:pk_id>/ekspor/target.<str:format>", views.pk_ekspor_target, name="pk_ekspor_target"
    ),
]
