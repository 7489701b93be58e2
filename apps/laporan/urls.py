from django.urls import path

from . import views, views_final, views_lkjip, views_paket, views_pdf

app_name = "laporan"
urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("ekspor.xlsx", views.dasbor_xlsx, name="dasbor_xlsx"),
    path("opd/<int:opd_id>/<int:tahun>/", views.opd, name="opd"),
    path("rekap/<int:tahun>.<str:format>", views.rekap, name="rekap"),
    path("lkjip/opd/<int:opd_id>/<int:tahun>/pdf/", views_pdf.lkjip_pdf, name="lkjip_pdf"),
    path("lkjip/draf/<int:draf_id>/", views_pdf.lkjip_draf, name="lkjip_draf"),
    path("lkjip/", views_lkjip.daftar, name="lkjip_daftar"),
    path("lkjip/opd/<int:opd_id>/<int:tahun>/", views_lkjip.ubah, name="lkjip_ubah"),
    path("lkjip/pratinjau/", views_lkjip.pratinjau, name="lkjip_pratinjau"),
    path("lkjip/<int:laporan_id>/struktur/", views_lkjip.struktur, name="lkjip_struktur"),
    path("lkjip/<int:laporan_id>/finalkan/", views_final.finalkan, name="lkjip_finalkan"),
    path("lkjip/<int:laporan_id>/final.pdf", views_final.unduh, name="lkjip_final_pdf"),
    path("lkjip/<int:laporan_id>/revisi/", views_final.revisi, name="lkjip_revisi"),
    path(
        "lkjip/<int:laporan_id>/diverifikasi/",
        views_final.tandai_diverifikasi,
        name="lkjip_diverifikasi",
    ),
    path("lkjip/paket/", views_paket.paket_daftar, name="paket_daftar"),
    path("lkjip/paket/<int:paket_id>/", views_paket.paket, name="paket"),
    path("lkjip/paket/<int:paket_id>/unduh/", views_paket.paket_unduh, name="paket_unduh"),
]
