from django.apps import AppConfig


class AnggaranConfig(AppConfig):
    name = "apps.anggaran"
    label = "anggaran"
    verbose_name = "Anggaran"

    def ready(self):
        from apps.core.beranda import register_kartu

        from .beranda import kartu_anggaran

        register_kartu(kartu_anggaran)
        from apps.core.tahun import register_year_source, years_of

        from .models import DPA
        from .pengimpor import register

        register()
        register_year_source("dpa", years_of(DPA.objects, "opd_id"))
