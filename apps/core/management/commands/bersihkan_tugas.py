"""Mark failed the background jobs whose worker died and delete old LKjIP package ZIPs and
draft PDFs, as the periodic job does every five minutes (apps.core.tasks):

    python manage.py bersihkan_tugas
"""

from django.core.management.base import BaseCommand

from apps.core.tasks import tugas_cleanup


class Command(BaseCommand):
    help = (
        "Menandai gagal pekerjaan latar yang terhenti (tanpa kemajuan selama "
        "SAKIP_TUGAS_BATAS_MENIT menit), menghapus berkas ZIP paket LKjIP yang lebih "
        "tua dari SAKIP_PAKET_SIMPAN_HARI hari dan draf PDF LKjIP yang lebih tua dari "
        "SAKIP_DRAF_SIMPAN_JAM jam."
    )

    def handle(self, *args, **options):
        for baris in tugas_cleanup():
            self.stdout.write(baris)
