from django.apps import AppConfig


class PengukuranConfig(AppConfig):
    name = "apps.pengukuran"
    label = "pengukuran"
    verbose_name = "Pengukuran Kinerja"
