"""Daily reminder of entries still missing before an input window closes.

Run from cron once a day, e.g. `0 7 * * * manage.py kirim_pengingat` (in the containers:
`docker compose exec web python manage.py kirim_pengingat`).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from apps.pengukuran.services import pengingat_send


class Command(BaseCommand):
    help = (
        "Mengingatkan operator OPD yang realisasinya belum diajukan bila jendela pengisian "
        "ditutup dalam N hari (bawaan SAKIP_PENGINGAT_HARI)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hari",
            type=int,
            default=None,
            help="Kirim pengingat bila jendela ditutup dalam sekian hari.",
        )

    def handle(self, *args, hari=None, **options):
        hari = settings.SAKIP_PENGINGAT_HARI if hari is None else hari
        if hari < 0:
            self.stderr.write("--hari tidak boleh negatif.")
            return
        terkirim = pengingat_send(hari=hari)
        for t in terkirim:
            self.stdout.write(
                f"{t['opd'].kode} {t['opd'].nama}: {t['belum']} indikator belum "
                f"diajukan untuk {t['jadwal']}; {t['penerima']} penerima."
            )
        self.stdout.write(f"Pengingat terkirim ke {len(terkirim)} OPD.")
