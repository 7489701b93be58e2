from django.apps import AppConfig


class PerencanaanConfig(AppConfig):
    name = "apps.perencanaan"
    label = "perencanaan"
    verbose_name = "Perencanaan"

    def ready(self):
        from .pengimpor import register

        register()
