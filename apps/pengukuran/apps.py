from django.apps import AppConfig


class PengukuranConfig(AppConfig):
    name = "apps.pengukuran"
    label = "pengukuran"
    verbose_name = "Pengukuran Kinerja"

    def ready(self):
        from apps.core.beranda import register_kartu

        from .beranda import kartu_realisasi

        register_kartu(kartu_realisasi)
        from apps.core.tahun import register_year_source, years_of
        from apps.perencanaan.selectors import register_pengisian_reader

        from .models import Realisasi
        from .selectors import realisasi_terisi, triwulan_tertutup

        register_year_source(
            "realisasi", years_of(Realisasi.objects, "indikator__sasaran__tujuan__renstra__opd_id")
        )
        register_pengisian_reader(
            lambda opd_ids, tahun, *, hari_ini, indikator_ids: (
                triwulan_tertutup(opd_ids, tahun, hari_ini=hari_ini),
                realisasi_terisi(indikator_ids, tahun),
            )
        )
