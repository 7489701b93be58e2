from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "apps.laporan"
    label = "laporan"
    verbose_name = "Laporan Kinerja (LKjIP)"
