from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "apps.laporan"
    label = "laporan"
    verbose_name = "Laporan Kinerja (LKjIP)"

    def ready(self):
        from apps.core.beranda import register_kartu

        from .beranda import kartu_laporan

        register_kartu(kartu_laporan)
        from django.conf import settings

        from apps.core.tasks import register_cleanup

        from .draf import draf_expire
        from .paket import paket_expire

        register_cleanup(
            "paket",
            lambda sekarang: (
                "Berkas ZIP paket LKjIP yang disimpan lebih dari "
                f"{settings.SAKIP_PAKET_SIMPAN_HARI} hari dihapus: "
                f"{paket_expire(sekarang=sekarang)}."
            ),
        )
        register_cleanup(
            "draf",
            lambda sekarang: (
                f"Draf PDF LKjIP yang dibuat lebih dari {settings.SAKIP_DRAF_SIMPAN_JAM} jam lalu "
                f"dihapus: {draf_expire(sekarang=sekarang)}."
            ),
        )
