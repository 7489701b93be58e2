from django.urls import path

from .views import dasbor, evaluasi, final, kabupaten, lkjip, paket, pdf, pohon

app_name = "laporan"
urlpatterns = [
    path("", dasbor.dasbor, name="dasbor"),
    path("ekspor.xlsx", dasbor.dasbor_xlsx, name="dasbor_xlsx"),
    path("opd/<int:opd_id>/<int:tahun>/", dasbor.opd, name="opd"),
    path("rekap/<int:tahun>.<str:format>", dasbor.rekap, name="rekap"),
    path("lkjip/opd/<int:opd_id>/<int:tahun>/pdf/", pdf.lkjip_pdf, name="lkjip_pdf"),
    path("lkjip/draf/<int:draf_id>/", pdf.lkjip_draf, name="lkjip_draf"),
    path("lkjip/", lkjip.daftar, name="lkjip_daftar"),
    path("lkjip/opd/<int:opd_id>/<int:tahun>/", lkjip.ubah, name="lkjip_ubah"),
    path("lkjip/kabupaten/<int:tahun>/", kabupaten.lkjip_kabupaten, name="lkjip_kabupaten"),
    path(
        "lkjip/kabupaten/<int:tahun>/pdf/",
        kabupaten.lkjip_kabupaten_pdf,
        name="lkjip_kabupaten_pdf",
    ),
    path("lkjip/pratinjau/", lkjip.pratinjau, name="lkjip_pratinjau"),
    path("lkjip/<int:laporan_id>/struktur/", lkjip.struktur, name="lkjip_struktur"),
    path("lkjip/<int:laporan_id>/finalkan/", final.finalkan, name="lkjip_finalkan"),
    path("lkjip/finalisasi/<int:tugas_id>/", final.finalisasi, name="lkjip_finalisasi"),
    path("lkjip/<int:laporan_id>/final.pdf", final.unduh, name="lkjip_final_pdf"),
    path("lkjip/<int:laporan_id>/revisi/", final.revisi, name="lkjip_revisi"),
    path(
        "lkjip/<int:laporan_id>/diverifikasi/",
        final.tandai_diverifikasi,
        name="lkjip_diverifikasi",
    ),
    path("pohon/<int:tahun>/", pohon.pohon, name="pohon"),
    path("pohon/<int:tahun>/unduh.<str:format>", pohon.pohon_unduh, name="pohon_unduh"),
    path("pohon/opd/<int:opd_id>/<int:tahun>/", pohon.pohon_opd, name="pohon_opd"),
    path(
        "pohon/opd/<int:opd_id>/<int:tahun>/unduh.<str:format>",
        pohon.pohon_opd_unduh,
        name="pohon_opd_unduh",
    ),
    path("evaluasi/", evaluasi.evaluasi_daftar, name="evaluasi_daftar"),
    path("evaluasi/lke/", evaluasi.lke_buat, name="lke_buat"),
    path("evaluasi/rekap/<int:tahun>.<str:format>", evaluasi.evaluasi_rekap, name="evaluasi_rekap"),
    path("evaluasi/<int:opd_id>/<int:tahun>/", evaluasi.evaluasi, name="evaluasi"),
    path("evaluasi/bukti/<int:bukti_id>/", evaluasi.bukti_lke, name="bukti_lke"),
    path("evaluasi/<int:opd_id>/<int:tahun>/lhe.pdf", evaluasi.lhe_pdf, name="lhe_pdf"),
    path(
        "evaluasi/<int:opd_id>/<int:tahun>/riwayat/",
        evaluasi.evaluasi_riwayat,
        name="evaluasi_riwayat",
    ),
    path(
        "evaluasi/rekomendasi/<int:rekomendasi_id>/",
        evaluasi.tindak_lanjut,
        name="tindak_lanjut",
    ),
    path(
        "evaluasi/rekomendasi/<int:rekomendasi_id>/bukti/",
        evaluasi.tindak_lanjut_bukti,
        name="tindak_lanjut_bukti",
    ),
    path("lkjip/paket/", paket.paket_daftar, name="paket_daftar"),
    path("lkjip/paket/<int:paket_id>/", paket.paket, name="paket"),
    path("lkjip/paket/<int:paket_id>/unduh/", paket.paket_unduh, name="paket_unduh"),
]
