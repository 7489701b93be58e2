"""Import a budget spreadsheet from the shell, with the same checks as the import page.

    python manage.py impor_anggaran realisasi berkas.xlsx --opd 7.01.01 --tahun 2023
    python manage.py impor_anggaran dpa dpa-2023.csv --opd 7.01.01 --tahun 2023 --dpa murni
    python manage.py impor_anggaran nomenklatur nomenklatur.xlsx
    python manage.py impor_anggaran target_renstra target.xlsx --opd 7.01.01 --tahun 2023
    ... --konfirmasi   (without it the file is only checked; nothing is written)

Exit status 1 when the file or a row is wrong; nothing is imported then.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.anggaran import services
from apps.anggaran.models import DPA, Impor
from apps.core.angka import format_angka
from apps.core.models import OPD


class Command(BaseCommand):
    help = "Periksa lalu (dengan --konfirmasi) impor berkas nomenklatur, DPA atau realisasi."

    def add_arguments(self, parser):
        parser.add_argument("jenis", choices=Impor.Jenis.values)
        parser.add_argument("berkas", type=Path)
        parser.add_argument("--opd", help="kode OPD (semua jenis selain nomenklatur)")
        parser.add_argument("--tahun", type=int)
        parser.add_argument("--dpa", choices=DPA.Jenis.values, default=DPA.Jenis.MURNI)
        parser.add_argument(
            "--konfirmasi",
            action="store_true",
            help="impor bila pemeriksaan bersih (tanpa ini: hanya diperiksa)",
        )

    def handle(self, *args, jenis, berkas, opd, tahun, dpa, konfirmasi, **options):
        unit = None
        if jenis == Impor.Jenis.TARGET_RPJMD:
            if not tahun:
                raise CommandError("--tahun wajib untuk impor target RPJMD.")
        elif jenis != Impor.Jenis.NOMENKLATUR:
            if not opd or not tahun:
                raise CommandError("--opd dan --tahun wajib untuk impor selain nomenklatur.")
            unit = OPD.objects.filter(kode=opd).first()
            if unit is None:
                raise CommandError(f"OPD dengan kode {opd} tidak ada.")
        if not berkas.is_file():
            raise CommandError(f"Berkas {berkas} tidak ada.")
        with berkas.open("rb") as f:
            try:
                obj = services.impor_create(
                    berkas=f,
                    nama=berkas.name,
                    jenis=jenis,
                    opd=unit,
                    tahun=tahun,
                    jenis_dpa=dpa if jenis == Impor.Jenis.DPA else "",
                    periksa=False,
                )
            except ValidationError as e:
                raise CommandError(" ".join(e.messages)) from None
        hasil = services.impor_check(obj=obj, progres=self._progres)
        if hasil is None:
            obj.refresh_from_db()
            raise CommandError(obj.pesan)
        r = hasil.ringkasan
        self.stdout.write(
            f"{berkas.name}: {r['baru']} baru, {r['berubah']} berubah, "
            f"{r['sama']} sama, {r['jumlah']} jumlah tertulis, {r['galat']} salah"
        )
        for s in hasil.selisih:
            self.stdout.write(f"  selisih: {s}")
        for b in hasil.baris:
            for p in b.pesan:
                self.stderr.write(f"  baris {b.nomor} {b.kode}: {p}")
        if hasil.ada_galat:
            raise CommandError("Tidak ada yang diimpor: perbaiki baris yang salah.")
        if not konfirmasi:
            self.stdout.write("Hanya diperiksa; jalankan lagi dengan --konfirmasi untuk mengimpor.")
            return
        try:
            services.impor_apply(obj=obj)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Diimpor ({obj.pk})."))

    def _progres(self, dibaca: int, perkiraan: int | None) -> None:
        """How far the check got, on stderr, so a large file is not a silent wait."""
        dari = f" dari sekitar {format_angka(perkiraan, 0)}" if perkiraan else ""
        self.stderr.write(f"  {format_angka(dibaca, 0)} baris dibaca{dari}")
