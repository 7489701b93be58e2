"""Draft LKjIP PDFs from the shell, e.g. for every OPD at once before the deadline:

    python manage.py lkjip_pdf --opd 7.01.01 --tahun 2023 --output lkjip.pdf
    python manage.py lkjip_pdf --all --tahun 2023 --output lkjip-2023/
    python manage.py lkjip_pdf --kabupaten --tahun 2023 --output DIR

One file per OPD, named by its code, with --all. --kabupaten writes the Pemerintah
Kabupaten's LKjIP into the folder DIR (made when missing) as lkjip-kabupaten-<tahun>.pdf, or
into the file named when --output ends with .pdf. Exit status 1 with a message on a wrong
code, a missing --output or a path that cannot be written.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.core.models import OPD
from apps.laporan.lkjip import render_lkjip_pdf
from apps.laporan.lkjip_kabupaten import render_lkjip_kabupaten_pdf


class Command(BaseCommand):
    help = (
        "Membuat draf PDF LKjIP dari data: satu OPD (--opd), setiap OPD aktif (--all) atau "
        "Pemerintah Kabupaten (--kabupaten)."
    )

    def add_arguments(self, parser):
        pilih = parser.add_mutually_exclusive_group(required=True)
        pilih.add_argument("--opd", help="kode OPD, misalnya 7.01.01")
        pilih.add_argument("--all", action="store_true", help="setiap OPD aktif")
        pilih.add_argument(
            "--kabupaten", action="store_true", help="LKjIP Pemerintah Kabupaten (Bupati)"
        )
        parser.add_argument("--tahun", type=int, required=True, help="tahun laporan")
        parser.add_argument("--output", help="berkas PDF (--opd) atau folder (--all)")

    def handle(
        self, *args, opd=None, all=False, kabupaten=False, tahun: int, output=None, **options
    ):
        if not output:
            raise CommandError(
                "--output wajib diisi: nama berkas PDF untuk --opd atau --kabupaten, atau "
                "folder untuk --all."
            )
        if not 2000 <= tahun <= 2100:
            raise CommandError(f"Tahun {tahun} tidak dikenal; tulis tahun seperti 2023.")
        if kabupaten:
            tujuan = Path(output)
            if tujuan.suffix.lower() != ".pdf":
                try:
                    tujuan.mkdir(parents=True, exist_ok=True)
                except OSError as e:
                    raise CommandError(f"Folder {tujuan} tidak dapat dibuat: {e.strerror}.") from e
                tujuan = tujuan / f"lkjip-kabupaten-{tahun}.pdf"
            pdf = render_lkjip_kabupaten_pdf(tahun=tahun, draf=True)
            self._simpan(tujuan, pdf)
            self.stderr.write(f"LKjIP Pemerintah Kabupaten {tahun}: {tujuan}")
            return
        if all:
            folder = Path(output)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise CommandError(f"Folder {folder} tidak dapat dibuat: {e.strerror}.") from e
            if not folder.is_dir():
                raise CommandError(f"{folder} bukan folder.")
            daftar = list(OPD.objects.filter(aktif=True).order_by("kode"))
            for unit in daftar:
                self._tulis(unit, tahun, folder / f"lkjip-{unit.kode}-{tahun}.pdf")
            self.stdout.write(
                self.style.SUCCESS(f"{len(daftar)} draf LKjIP {tahun} ditulis ke {folder}.")
            )
            return
        unit = OPD.objects.filter(kode=opd.strip()).first()
        if unit is None:
            raise CommandError(f"OPD dengan kode “{opd}” tidak ditemukan.")
        self._tulis(unit, tahun, Path(output))

    def _tulis(self, unit: OPD, tahun: int, tujuan: Path) -> None:
        if tujuan.is_dir():
            raise CommandError(
                f"{tujuan} adalah folder; tulis nama berkas PDF, misalnya "
                f"{tujuan / f'lkjip-{unit.kode}-{tahun}.pdf'}."
            )
        self._simpan(tujuan, render_lkjip_pdf(opd=unit, tahun=tahun, draf=True))
        self.stderr.write(f"{unit.kode} {unit.nama}: {tujuan}")

    def _simpan(self, tujuan: Path, pdf: bytes) -> None:
        try:
            tujuan.write_bytes(pdf)
        except OSError as e:
            raise CommandError(f"Berkas {tujuan} tidak dapat ditulis: {e.strerror}.") from e
