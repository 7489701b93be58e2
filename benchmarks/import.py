"""Import of 10.000 monthly realisation rows against a plain bulk_create of the same rows.

Run from the project root:  .venv/bin/python benchmarks/import.py  [--baris 10000]
                                                          [--hanya-bermusuhan]

Same database handling as pages.py (its own SQLite file, or `sakip_bench` on the PostgreSQL
server of DATABASE_URL, dropped at the end). It builds an OPD with a DPA of 834 sub kegiatan
lines, writes an xlsx file of their realisation for 12 months, then times as the page does
it: the check (dry run: read the whole file, classify every row) and the confirmed import
(read and check again, then write all rows in one transaction, with history); and, on an
empty table, a plain bulk_create of the same 10.000 rows. Peak memory is the growth of the
process's resident set during check and import (ru_maxrss), what sizes a worker.

Then the hostile spreadsheets of tests/lembar_bermusuhan.py (a declared dimension of the whole
sheet, one 300 MB cell in 300 KB, XML entities, XML cut off), each read as the check reads a
file (apps.core.impor.berkas.read_tabel and every row) in a process of its own, so that its
memory growth is its own: goal, each refused within 2 s and under 100 MB growth.
"""

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from hasil import catat
from pages import BASE_DIR, di_basis_data_sendiri


def siapkan(n_baris: int):
    from decimal import Decimal

    from django.core.management import call_command

    from apps.anggaran.models import DPA, Kegiatan, Program, RincianDPA, SubKegiatan
    from apps.core.models import OPD

    call_command("migrate", verbosity=0, interactive=False)
    opd = OPD.objects.create(
        kode="BENCH-01", kode_bidang="5.99", nama="Dinas Uji Impor", jenis=OPD.Jenis.DINAS
    )
    program = Program.objects.create(kode="5.99.01", nama="PROGRAM UJI", skema="050")
    dpa = DPA.objects.create(opd=opd, tahun=2025)
    jumlah_rincian = -(-n_baris // 12)
    rincian = []
    for i in range(jumlah_rincian):
        k, s = divmod(i, 99)
        keg, _ = Kegiatan.objects.get_or_create(
            program=program,
            kode=f"5.99.01.2.{k + 1:02d}",
            defaults={"nama": f"Kegiatan uji {k + 1}"},
        )
        sub = SubKegiatan.objects.create(
            kegiatan=keg, kode=f"{keg.kode}.{s + 1:04d}", nama=f"Sub kegiatan uji {i + 1}"
        )
        rincian.append(
            RincianDPA(dpa=dpa, kegiatan=keg, sub_kegiatan=sub, pagu=Decimal(120_000_000 + i))
        )
    RincianDPA.objects.bulk_create(rincian)
    return opd, dpa


def berkas_xlsx(dpa, n_baris: int) -> bytes:
    from openpyxl import Workbook

    from apps.anggaran.models import RincianDPA

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(["Kode", "Uraian", "Bulan", "Realisasi (Rp)", "Fisik (K)", "Keterangan"])
    n = 0
    for r in RincianDPA.objects.filter(dpa=dpa).select_related("sub_kegiatan"):
        for bulan in range(1, 13):
            if n == n_baris:
                break
            ws.append(
                [
                    r.sub_kegiatan.kode,
                    r.sub_kegiatan.nama,
                    bulan,
                    9_500_000 + bulan * 1000 + (n % 7) / 4,
                    1,
                    "uji",
                ]
            )
            n += 1
    isi = io.BytesIO()
    wb.save(isi)
    return isi.getvalue()


BERMUSUHAN = {
    "dimensi": "dimensi A1:XFD1048576, satu baris di 1.048.576",
    "sel_besar": "satu sel 300 MB dalam berkas 300 KB",
    "entitas": "entitas XML bersarang (billion laughs)",
    "rusak": "XML terpotong di tengah baris",
    "terenkripsi": "lembar terenkripsi di dalam zip",
    "metode_asing": "lembar dimampatkan cara asing (99)",
}


def satu_bermusuhan(nama: str) -> None:
    """In a process of its own: build one hostile file, then read it as the check does;
    prints one JSON line (seconds, MB of growth, the outcome)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import lembar_bermusuhan

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    from django.core.exceptions import ValidationError

    from apps.core.impor.berkas import read_tabel

    isi = {
        "dimensi": lembar_bermusuhan.dimensi_raksasa,
        "sel_besar": lembar_bermusuhan.sel_besar,
        "entitas": lembar_bermusuhan.entitas,
        "rusak": lembar_bermusuhan.rusak,
        "terenkripsi": lembar_bermusuhan.terenkripsi,
        "metode_asing": lembar_bermusuhan.metode_asing,
    }[nama]()
    berkas = io.BytesIO(isi)
    berkas.size = len(isi)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    try:
        tabel = read_tabel(berkas, f"{nama}.xlsx")
        n = sum(1 for _ in tabel.baris)
        hasil = f"DITERIMA ({n} baris)"
    except ValidationError as e:
        hasil = "ditolak: " + e.messages[0]
    detik = time.perf_counter() - t0
    mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss0
    print(json.dumps({"detik": detik, "mb": mb, "hasil": hasil, "kb": len(isi) / 1024}))


def bermusuhan() -> None:
    """Every hostile spreadsheet, each in its own process, one table."""
    print("hostile spreadsheets, each read as the check reads a file (own process):")
    print(f"{'file':<46} | {'KiB':>6} | {'seconds':>7} | {'MB growth':>9} | outcome")
    for nama, uraian in BERMUSUHAN.items():
        keluar = subprocess.run(
            [sys.executable, __file__, "--satu-bermusuhan", nama],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=BASE_DIR,
            check=True,
        )
        r = json.loads(keluar.stdout.strip().splitlines()[-1])
        ok = r["detik"] < 2 and r["mb"] < 100 and r["hasil"].startswith("ditolak")
        print(
            f"{uraian:<46} | {r['kb']:>6.0f} | {r['detik']:>7.3f} | {r['mb']:>9.1f} | "
            f"{r['hasil'][:110]}"
        )
        catat(
            "import",
            f"hostile xlsx refused: {uraian}",
            round(r["detik"], 3),
            "s",
            batas="refused, < 2 s and < 100 MB growth",
            ok=ok,
            memori_mb=round(r["mb"], 1),
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baris", type=int, default=10_000)
    parser.add_argument(
        "--hanya-bermusuhan", action="store_true", help="only the hostile spreadsheets"
    )
    parser.add_argument("--satu-bermusuhan", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.satu_bermusuhan:
        satu_bermusuhan(args.satu_bermusuhan)
        return
    if not args.hanya_bermusuhan:
        di_basis_data_sendiri(jalankan, args)
    bermusuhan()


def jalankan(db, args, mulai):
    from decimal import Decimal

    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from apps.anggaran import services
    from apps.anggaran.models import RealisasiAnggaran, RincianDPA

    settings.MEDIA_ROOT = BASE_DIR / "var" / "bench" / "media"
    opd, dpa = siapkan(args.baris)
    isi = berkas_xlsx(dpa, args.baris)

    # the baseline: the same rows, already parsed, written with one bulk_create
    rincian = list(RincianDPA.objects.filter(dpa=dpa).order_by("pk"))
    baris = [
        RealisasiAnggaran(
            rincian=rincian[i // 12],
            bulan=i % 12 + 1,
            realisasi=Decimal("9500000.25"),
            fisik=Decimal(1),
            keterangan="uji",
        )
        for i in range(args.baris)
    ]
    with transaction.atomic():
        t0 = time.perf_counter()
        RealisasiAnggaran.objects.bulk_create(baris, batch_size=1000)
        t_bulk = time.perf_counter() - t0
        transaction.set_rollback(True)

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    obj = services.impor_create(
        berkas=SimpleUploadedFile("realisasi.xlsx", isi),
        nama="realisasi.xlsx",
        jenis="realisasi",
        opd=opd,
        tahun=2025,
        periksa=False,
    )
    hasil = services.impor_check(obj=obj)
    t_periksa = time.perf_counter() - t0
    assert not hasil.ada_galat and hasil.jumlah("baru") == args.baris, hasil.ringkasan
    t0 = time.perf_counter()
    if os.environ.get("PROFIL"):
        import cProfile

        cProfile.runctx("services.impor_apply(obj=obj)", globals(), locals(), sort="cumtime")
    else:
        services.impor_apply(obj=obj)
    t_impor = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert RealisasiAnggaran.objects.filter(rincian__dpa=dpa).count() == args.baris

    print(f"database: {db.describe()}; {args.baris} rows, xlsx {len(isi) / 1024:.0f} KiB")
    rows = [
        ("plain bulk_create of the rows", t_bulk, None),
        ("check (dry run) of the file", t_periksa, None),
        ("confirmed import (check again + write + history)", t_impor, t_impor / t_bulk),
        ("check + import, as a user does it", t_periksa + t_impor, (t_periksa + t_impor) / t_bulk),
    ]
    lebar = max(len(r[0]) for r in rows)
    print(f"{'figure':<{lebar}} | {'seconds':>8} | ratio to bulk_create (goal <= 3x)")
    for nama, detik, rasio in rows:
        print(f"{nama:<{lebar}} | {detik:>8.2f} | {'' if rasio is None else f'{rasio:.1f}x'}")
    catat(
        "import",
        f"import of {args.baris} rows confirmed, vs bulk_create {t_bulk:.2f} s",
        round(t_impor, 2),
        "s",
        batas="<= 3x bulk_create",
        rasio=t_impor / t_bulk,
        ok=t_impor / t_bulk <= 3,
    )
    catat(
        "import",
        f"check + import of {args.baris} rows, as a user does it",
        round(t_periksa + t_impor, 2),
        "s",
        rasio=(t_periksa + t_impor) / t_bulk,
    )
    catat(
        "import",
        "import memory: growth during check + import (worker peak)",
        round(rss1 - rss0),
        "MB",
        batas="< 300 MB growth",
        ok=rss1 - rss0 < 300,
        memori_mb=rss1,
    )
    print(
        f"memory: resident set grew {rss1 - rss0:.0f} MB during check + import, peak "
        f"{rss1:.0f} MB for the whole process (goal: growth < 300 MB)"
    )
    print(f"total {time.perf_counter() - mulai:.1f} s")


if __name__ == "__main__":
    main()
