from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = "Organisasi dan Pengguna"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the system checks)
        from .beranda import kartu_administrasi, register_kartu
        from .middleware import catat_mulai_sesi

        user_logged_in.connect(catat_mulai_sesi, dispatch_uid="sakip_mulai_sesi")
        register_kartu(kartu_administrasi)
