from django.apps import AppConfig


class AnggaranConfig(AppConfig):
    name = "apps.anggaran"
    label = "anggaran"
    verbose_name = "Anggaran"

    def ready(self):
        from .pengimpor import register

        register()
