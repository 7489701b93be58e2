"""Restore an archive of `cadangkan` into the configured database and MEDIA_ROOT
(apps.core.cadangan):

    python manage.py pulihkan /app/var/cadangan/sakip-2026-11-22.tar.gz [--yes]

Exit status 1 with a message, and nothing changed, for a file that is not such an archive, a
backup of another database vendor or of a newer application version, a damaged or altered file
(SHA-256), or a target that is not empty without --yes.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.core.cadangan import GalatCadangan, cadangan_restore


class Command(BaseCommand):
    help = (
        "Memulihkan arsip buatan perintah cadangkan: basis data dan semua berkas unggahan. "
        "Basis data atau folder berkas yang tidak kosong hanya ditimpa dengan --yes."
    )

    def add_arguments(self, parser):
        parser.add_argument("arsip", help="berkas arsip buatan cadangkan")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="timpa basis data dan folder berkas yang sudah berisi",
        )

    def handle(self, *args, arsip: str, yes: bool, **options):
        try:
            manifest = cadangan_restore(arsip=Path(arsip), ya=yes)
        except GalatCadangan as e:
            raise CommandError(str(e)) from e
        db = manifest["basis_data"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Cadangan {manifest['dibuat']} dipulihkan: basis data {db['vendor']}, "
                f"{len(manifest['berkas'])} berkas, semua SHA-256 cocok."
            )
        )
        if manifest["perlu_migrate"]:
            self.stdout.write(
                "Kode aplikasi ini punya migrasi yang lebih baru untuk "
                f"{', '.join(manifest['perlu_migrate'])}; jalankan "
                "`python manage.py migrate`."
            )
