"""Back up the database and every stored file into one archive (apps.core.cadangan):

    python manage.py cadangkan --output /app/var/cadangan/sakip-2026-11-22.tar.gz

Exit status 1 with a message when the folder of --output does not exist or the database
cannot be dumped.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.core.cadangan import GalatCadangan, cadangan_create


class Command(BaseCommand):
    help = (
        "Mencadangkan basis data dan semua berkas unggahan (MEDIA_ROOT) ke satu arsip "
        "tar.gz beserta manifest SHA-256; pulihkan dengan perintah pulihkan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            required=True,
            help="berkas arsip, misalnya /app/var/cadangan/sakip-2026-11-22.tar.gz",
        )

    def handle(self, *args, output: str, **options):
        try:
            manifest = cadangan_create(output=Path(output))
        except GalatCadangan as e:
            raise CommandError(str(e)) from e
        db = manifest["basis_data"]
        total = f"{sum(b['ukuran'] for b in manifest['berkas']):,}".replace(",", ".")
        self.stdout.write(
            self.style.SUCCESS(
                f"Cadangan ditulis ke {output}: basis data {db['vendor']} “{db['nama']}”, "
                f"{len(manifest['berkas'])} berkas ({total} bita)."
            )
        )
