"""Printed documents: time and memory of the Perjanjian Kinerja PDF, and the planning pages.

Run from the project root:  .venv/bin/python benchmarks/dokumen.py  [--repeat 10]

Uses its own database exactly like pages.py (a fresh SQLite file under var/bench/, or with
DATABASE_URL a PostgreSQL database `sakip_bench` created here and dropped at the end), loads
the demo, then times through django.test.Client as the Kecamatan's operator: the PDF of the PK
2023 induk and perubahan (WeasyPrint), a PK with 60 targets and 30 programs (a large dinas),
the Renstra tree page and the consistency page. Peak memory is the growth of the process's
resident set while rendering (ru_maxrss), the figure that sizes a gunicorn or Celery worker.
"""

import argparse
import resource
import subprocess
import time

from hasil import catat
from pages import di_basis_data_sendiri, halaman, jumlah_query, ukur


def siapkan(synthetic: int = 0):
    """Migrate, load the demo (with `synthetic` synthetic OPDs besides), and build one large
    PK (60 targets, 30 programs) as a draft perubahan of the Kecamatan's 2023 PK."""
    from decimal import Decimal

    from django.core.management import call_command

    from apps.anggaran.models import Program
    from apps.laporan.demo.loader import load_demo
    from apps.perencanaan import services
    from apps.perencanaan.models import (
        IndikatorKinerja,
        PerjanjianKinerja,
        PKIndikator,
        PKProgram,
        Sasaran,
    )

    call_command("migrate", verbosity=0, interactive=False)
    hasil = load_demo(synthetic=synthetic)
    induk = PerjanjianKinerja.objects.get(opd__nama="Kecamatan Magetan", tahun=2023, versi=0)
    perubahan = PerjanjianKinerja.objects.get(opd=induk.opd, tahun=2023, versi=1)
    besar = services.pk_perubahan_create(
        pk=perubahan, alasan="strategi", keterangan="Dokumen besar untuk benchmark."
    )
    sasaran = Sasaran.objects.filter(
        tujuan__renstra__opd=induk.opd, tujuan__renstra__tahun_awal=2018
    ).order_by("nomor")
    baris = []
    for i in range(60):
        s = sasaran[i % len(sasaran)]
        ind = IndikatorKinerja.objects.create(
            sasaran=s,
            nomor=100 + i,
            satuan="%",
            nama=f"Persentase capaian layanan uji nomor {i + 1} yang diselesaikan tepat waktu",
        )
        baris.append(PKIndikator(pk_dokumen=besar, indikator=ind, target=Decimal(70 + i % 30)))
    PKIndikator.objects.bulk_create(baris)
    for i in range(30):
        p = Program.objects.create(
            kode=f"7.01.{50 + i:02d}",
            skema="050",
            nama=f"PROGRAM UJI PELAYANAN DAN PEMBERDAYAAN NOMOR {i + 1}",
        )
        PKProgram.objects.create(
            pk_dokumen=besar, program=p, anggaran=Decimal(1_234_567_891 + i * 1_000_003)
        )
    return hasil["users"]["operator.kecamatan"], induk, perubahan, besar


def halaman_pdf(resp) -> int:
    hasil = subprocess.run(
        ["pdfinfo", "-"], input=resp.content, capture_output=True, check=True, text=False
    )
    for baris in hasil.stdout.decode().splitlines():
        if baris.startswith("Pages:"):
            return int(baris.split()[1])
    return 0


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per figure")
    parser.add_argument(
        "--synthetic",
        type=int,
        default=0,
        help="synthetic OPDs loaded besides the demo (database size)",
    )
    di_basis_data_sendiri(jalankan, parser.parse_args())


def jalankan(db, args, mulai):
    from django.test import Client
    from django.urls import reverse

    from apps.perencanaan.selectors import renstra_tahun

    operator, induk, perubahan, besar = siapkan(args.synthetic)
    dimuat = time.perf_counter() - mulai
    client = Client()
    client.force_login(operator)
    renstra = renstra_tahun(induk.opd_id, 2023)
    figures = [
        ("PDF PK 2023 induk", reverse("perencanaan:pk_pdf", args=[induk.pk]), True),
        ("PDF Perubahan PK 2023", reverse("perencanaan:pk_pdf", args=[perubahan.pk]), True),
        (
            "PDF PK, 60 targets and 30 programs",
            reverse("perencanaan:pk_pdf", args=[besar.pk]),
            True,
        ),
        ("Renstra tree page 2018-2023", reverse("perencanaan:renstra", args=[renstra.pk]), False),
        (
            "consistency page 2023",
            reverse("perencanaan:konsistensi", args=[induk.opd_id, 2023]),
            False,
        ),
    ]
    baris = []
    for nama, url, pdf in figures:
        get = halaman(client, url)
        sebelum = rss_mb()
        resp = get()
        puncak = rss_mb() - sebelum
        q = jumlah_query(get)
        med, p95 = ukur(get, args.repeat)
        ket = (
            f"{halaman_pdf(resp)} pages, {len(resp.content) / 1024:.0f} KiB"
            if pdf
            else f"{len(resp.content) / 1024:.0f} KiB HTML"
        )
        baris.append((nama, med, p95, q, puncak, ket))
        catat("dokumen", f"{nama}, median ({ket})", round(med, 1), "ms")

    print(
        f"database: {db.describe()}; {args.synthetic} synthetic "
        f"OPDs; setup {dimuat:.1f} s; {args.repeat} timed requests per figure"
    )
    lebar = max(len(b[0]) for b in baris)
    print(f"{'figure':<{lebar}} | {'median':>10} | {'p95':>10} | queries | {'+RSS':>8} | size")
    print(f"{'-' * lebar}-+-{'-' * 10}-+-{'-' * 10}-+---------+-{'-' * 8}-+------")
    for nama, med, p95, q, puncak, ket in baris:
        print(
            f"{nama:<{lebar}} | {med:>7.1f} ms | {p95:>7.1f} ms | {q:>7} | "
            f"{puncak:>5.1f} MB | {ket}"
        )
    print(f"peak RSS of the process {rss_mb():.0f} MB; total {time.perf_counter() - mulai:.1f} s")
    catat(
        "dokumen",
        "peak RSS of the process rendering the PK PDFs and pages",
        rss_mb(),
        "MB",
        memori_mb=rss_mb(),
    )


if __name__ == "__main__":
    main()
