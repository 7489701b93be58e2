from django.apps import AppConfig


class PerencanaanConfig(AppConfig):
    name = "apps.perencanaan"
    label = "perencanaan"
    verbose_name = "Perencanaan"

    def ready(self):
        from apps.core.beranda import register_kartu

        from .beranda import kartu_pk

        register_kartu(kartu_pk)
        from apps.anggaran.selectors import register_program_per_sasaran
        from apps.core.tahun import register_year_source, years_of

        from .models import PerjanjianKinerja
        from .pengimpor import register
        from .selectors import program_sasaran_tahun, tahun_renstra

        register()
        register_year_source("renstra", tahun_renstra)
        register_program_per_sasaran(program_sasaran_tahun)
        register_year_source("pk", years_of(PerjanjianKinerja.objects, "opd_id"))
