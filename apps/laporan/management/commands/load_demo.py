from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.laporan.demo.loader import DEMO_USERS, load_demo


class Command(BaseCommand):
    help = (
        "Memuat data contoh dari dua LKjIP rujukan (Bagian Organisasi 2019, Kecamatan Magetan "
        "2023) dan satu pengguna per peran. Aman dijalankan berulang kali."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--synthetic",
            type=int,
            default=0,
            metavar="N",
            help="Tambahkan N OPD sintetis untuk uji skala (maks. 198).",
        )

    def handle(self, *args, synthetic, **options):
        if synthetic < 0:
            raise CommandError("--synthetic tidak boleh negatif.")
        try:
            hasil = load_demo(synthetic=synthetic)
        except ValueError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(self.style.SUCCESS("Data contoh dimuat."))
        if hasil["synthetic"]:
            self.stdout.write(f"OPD sintetis baru: {hasil['synthetic']}")
        self.stdout.write("")
        self.stdout.write(f"Login (kata sandi semua pengguna: {settings.SAKIP_DEMO_PASSWORD})")
        for username, *_ in DEMO_USERS:
            user = hasil["users"][username]
            opd = f" — {user.opd}" if user.opd else f" — {user.get_full_name()}"
            self.stdout.write(f"  {username:<22} {user.get_peran_display()}{opd}")
