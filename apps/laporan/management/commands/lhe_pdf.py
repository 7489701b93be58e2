"""The Laporan Hasil Evaluasi AKIP of an OPD from the shell:

    python manage.py lhe_pdf --opd 7.01.01 --tahun 2023 --output DIR

Writes lhe-<kode OPD>-<tahun>.pdf into the folder DIR (made when missing), or into the file
named when --output ends with .pdf: a draft until the ketua tim approved the evaluation, then
the stored final file (the one its verification code certifies, lhe-<kode>-<tahun>.pdf; the
draft is lhe-<kode>-<tahun>-draf.pdf).
Exit status 1 with a message on a wrong code or year, an evaluation not started, or a path
that cannot be written.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.core.models import OPD
from apps.laporan.evaluasi import evaluasi_tahun, lhe_pdf


class Command(BaseCommand):
    help = "Membuat PDF Laporan Hasil Evaluasi AKIP satu OPD untuk satu tahun."

    def add_arguments(self, parser):
        parser.add_argument("--opd", required=True, help="kode OPD, misalnya 7.01.01")
        parser.add_argument("--tahun", type=int, required=True, help="tahun yang dievaluasi")
        parser.add_argument("--output", required=True, help="folder, atau berkas .pdf")

    def handle(self, *args, opd: str, tahun: int, output: str, **options):
        if not 2000 <= tahun <= 2100:
            raise CommandError(f"Tahun {tahun} tidak dikenal; tulis tahun seperti 2023.")
        unit = OPD.objects.filter(kode=opd.strip()).first()
        if unit is None:
            raise CommandError(f"OPD dengan kode “{opd}” tidak ditemukan.")
        ev = evaluasi_tahun(unit.pk, tahun)
        if ev is None:
            raise CommandError(f"Evaluasi AKIP {unit.nama} tahun {tahun} belum dimulai.")
        tujuan = Path(output)
        if tujuan.suffix.lower() != ".pdf":
            try:
                tujuan.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise CommandError(f"Folder {tujuan} tidak dapat dibuat: {e.strerror}.") from e
        try:
            isi, nama = lhe_pdf(ev)
        except FileNotFoundError as e:
            raise CommandError(
                f"Berkas PDF LHE final {unit.nama} {tahun} tidak ditemukan di penyimpanan."
            ) from e
        if tujuan.suffix.lower() != ".pdf":
            tujuan = tujuan / nama
        try:
            tujuan.write_bytes(isi)
        except OSError as e:
            raise CommandError(f"Berkas {tujuan} tidak dapat ditulis: {e.strerror}.") from e
        status = "final" if ev.status == ev.Status.FINAL else "draf"
        self.stderr.write(f"LHE {unit.kode} {unit.nama} {tahun} ({status}): {tujuan}")
