"""LKjIP PDFs: time of the longest report next to WeasyPrint alone, 20 reports with one and
with two worker processes, and the memory of a worker from report to report.

Run from the project root:  .venv/bin/python benchmarks/pdf.py  [--repeat 3] [--laporan 20]
                            [--profil]

Uses its own database exactly like pages.py (a fresh SQLite file under var/bench/, or with
DATABASE_URL a PostgreSQL database `sakip_bench` created here and dropped at the end), loads
the demo with 20 synthetic OPDs, then:

- renders Kecamatan Magetan 2023 (the demo's longest LKjIP) through render_lkjip_pdf, and the
  same HTML (rendered to a string once) through WeasyPrint alone, the same way render_pdf
  calls it: the ratio is what gathering the data and the template cost on top;
- renders the 20 synthetic OPDs' 2025 drafts as the package job does (apps.laporan.paket:
  one after the other, garbage collected after each) in one worker process, and split over
  two processes (multiprocessing, forked like Celery's prefork pool -c 1 / -c 2, without a
  broker: the broker's few milliseconds per job do not matter next to seconds per report);
- renders that HTML once more with Python's garbage collector paused while WeasyPrint runs
  (as render_pdf does; every timing here ends with a full collection, so what a render
  leaves to collect is counted);
- with --profil, renders the long report's HTML once more under cProfile and prints where
  WeasyPrint spends its own time, by part (CSS cascade, table layout, line breaking and
  fonts, drawing, SVG, PDF writing): what to make cheaper in our HTML and CSS;
- measures the resident set (RSS, /proc) of a fresh process that renders the longest report
  once (its peak), and of the one worker after report 1, 10 and 20 (it must not grow).
"""

import argparse
import gc
import multiprocessing
import os
import resource
import statistics
import subprocess
import time

from hasil import catat
from pages import di_basis_data_sendiri

TAHUN_SINTETIS = 2025


def rss_mb() -> float:
    """The process's resident set now (not its peak), from /proc."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def puncak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def halaman_pdf(isi: bytes) -> int:
    hasil = subprocess.run(["pdfinfo", "-"], input=isi, capture_output=True, check=True)
    for baris in hasil.stdout.decode().splitlines():
        if baris.startswith("Pages:"):
            return int(baris.split()[1])
    return 0


def _cetak(opd_id: int, tahun: int) -> int:
    from apps.core.models import OPD
    from apps.laporan.lkjip import render_lkjip_pdf

    isi = render_lkjip_pdf(opd=OPD.objects.get(pk=opd_id), tahun=tahun, draf=True)
    gc.collect()  # as apps.laporan.paket does after each report
    return len(isi)


def _satu_laporan(opd_id: int, tahun: int) -> tuple[float, float]:
    """In a fresh process: the RSS before and the peak after rendering one report."""
    sebelum = rss_mb()
    _cetak(opd_id, tahun)
    return sebelum, puncak_mb()


def _satu_kabupaten(tahun: int) -> tuple[float, float]:
    """In a fresh process: the RSS before and the peak after rendering the kabupaten's LKjIP
    (every OPD's capaian and budget in it)."""
    from apps.laporan.lkjip_kabupaten import render_lkjip_kabupaten_pdf

    sebelum = rss_mb()
    render_lkjip_kabupaten_pdf(tahun=tahun, draf=True)
    gc.collect()
    return sebelum, puncak_mb()


def _berurutan(opd_ids: list[int]) -> list[float]:
    """One worker: every report in turn, the RSS after each."""
    rss = []
    for pk in opd_ids:
        _cetak(pk, TAHUN_SINTETIS)
        rss.append(rss_mb())
    return rss


def _siap(barrier) -> None:
    """A worker process's start: Django set up and the renderer imported, as a Celery worker
    is before its first job; then wait until every process is ready."""
    import django

    django.setup()
    import apps.laporan.lkjip  # noqa: F401

    barrier.wait()


def _proses(fn, *args, n: int = 1, peta=None):
    """Run fn in n new worker processes (spawned, so each starts lean like a worker that was
    just started, not with this process's heap); the clock starts when all are ready. With
    `peta`, map fn over it one item at a time. Returns (result, seconds)."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(n + 1)
    with ctx.Pool(n, initializer=_siap, initargs=(barrier,)) as pool:
        barrier.wait()
        t0 = time.perf_counter()
        hasil = pool.map(fn, peta, chunksize=1) if peta is not None else pool.apply(fn, args)
        return hasil, time.perf_counter() - t0


# WeasyPrint's modules by the part of the work they do (the first prefix that matches).
BAGIAN_WEASYPRINT = (
    ("weasyprint/css/", "CSS cascade"),
    ("cssselect2/", "CSS cascade"),
    ("tinycss2/", "CSS cascade"),
    ("weasyprint/layout/table", "table layout"),
    ("weasyprint/layout/preferred", "table layout (column widths)"),
    ("weasyprint/layout/inline", "line layout"),
    ("weasyprint/text/", "line breaking and fonts (Pango)"),
    ("weasyprint/layout/", "block and page layout"),
    ("weasyprint/draw/", "drawing"),
    ("weasyprint/svg/", "SVG"),
    ("weasyprint/pdf/", "PDF writing"),
    ("pydyf/", "PDF writing"),
    ("weasyprint/formatting_structure/", "box tree"),
    ("tinyhtml5/", "HTML parsing"),
)


def profil_weasyprint(fn) -> tuple[list[tuple[str, float]], int]:
    """Own time (not cumulative) of each part of WeasyPrint while fn runs, largest first, and
    the number of Python function calls: the same on every run, where times on a shared
    machine vary by a tenth from run to run."""
    import cProfile
    import pstats

    pr = cProfile.Profile()
    pr.enable()
    fn()
    pr.disable()
    statistik = pstats.Stats(pr)
    per_bagian: dict[str, float] = {}
    for (berkas, _baris, _fungsi), (_cc, _nc, sendiri, _kum, _p) in statistik.stats.items():
        berkas = berkas.replace("\\", "/")
        bagian = next((b for awalan, b in BAGIAN_WEASYPRINT if awalan in berkas), "other")
        per_bagian[bagian] = per_bagian.get(bagian, 0.0) + sendiri
    return sorted(per_bagian.items(), key=lambda x: -x[1]), statistik.total_calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed renders of the long report")
    parser.add_argument("--laporan", type=int, default=20, help="synthetic OPDs to render")
    parser.add_argument(
        "--synthetic", type=int, default=None, help="synthetic OPDs to load (default: --laporan)"
    )
    parser.add_argument("--profil", action="store_true", help="profile WeasyPrint by part")
    args = parser.parse_args()
    args.synthetic = max(args.synthetic or 0, args.laporan)
    di_basis_data_sendiri(jalankan, args)


def jalankan(db, args, mulai):
    from django.core.management import call_command
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from apps.core.models import OPD
    from apps.core.pdf import BASE, _BerkasSendiri, _tanpa_gc
    from apps.laporan.demo.loader import load_demo
    from apps.laporan.lkjip import dokumen_lkjip, render_lkjip_pdf
    from apps.laporan.lkjip_kabupaten import render_lkjip_kabupaten_pdf

    call_command("migrate", verbosity=0, interactive=False)
    load_demo(synthetic=args.synthetic)
    dimuat = time.perf_counter() - mulai
    kec = OPD.objects.get(nama="Kecamatan Magetan")

    def ukur(fn) -> float:
        """Median time of fn, each run ending with a full garbage collection inside the
        timing: what a render leaves for the collector is paid for by that render (render_pdf
        pauses the collector while WeasyPrint runs, so its collection comes after)."""
        fn()  # warm-up: fonts, templates, CSS parsed once per process
        waktu = []
        for _ in range(args.repeat):
            gc.collect()
            t0 = time.perf_counter()
            fn()
            gc.collect()
            waktu.append(time.perf_counter() - t0)
        return statistics.median(waktu)

    def weasyprint_saja():
        HTML(string=html, base_url=BASE, url_fetcher=_BerkasSendiri()).write_pdf()

    def weasyprint_tanpa_gc():
        with _tanpa_gc():
            weasyprint_saja()

    isi = render_lkjip_pdf(opd=kec, tahun=2023, draf=True)
    halaman = halaman_pdf(isi)
    lengkap = ukur(lambda: render_lkjip_pdf(opd=kec, tahun=2023, draf=True))
    html = render_to_string(
        "laporan/lkjip_pdf.html", {"dok": dokumen_lkjip(opd=kec, tahun=2023), "draf": True}
    )
    weasy = ukur(weasyprint_saja)
    weasy_jeda = ukur(weasyprint_tanpa_gc)

    if args.profil:
        # with the collector paused, as render_pdf runs it: its pauses would otherwise be
        # counted in whichever function happened to allocate when it ran
        bagian, panggilan = profil_weasyprint(weasyprint_tanpa_gc)
        jumlah = sum(t for _, t in bagian)
        print(
            f"WeasyPrint: {panggilan / 1e6:.2f} million function calls; its own time by part "
            "(under cProfile, which slows it about 1.7x):"
        )
        for nama, t in bagian:
            print(f"  {nama:<34} {t:6.2f} s  {t / jumlah:5.1%}")
    sintetis = list(
        OPD.objects.filter(kode__startswith="SIN-").order_by("kode").values_list("pk", flat=True)
    )[: args.laporan]
    n = len(sintetis)
    (awal_rss, puncak_satu), _ = _proses(_satu_laporan, kec.pk, 2023)
    rss, satu_proses = _proses(_berurutan, sintetis)
    _, dua_proses = _proses(_cetak_sintetis, n=2, peta=sintetis)
    (_, puncak_kab), _ = _proses(_satu_kabupaten, TAHUN_SINTETIS)
    # In this process only after every worker was started: a process forked from this one
    # would report this one's size as its own peak (Linux keeps the high-water mark).
    halaman_kab = halaman_pdf(render_lkjip_kabupaten_pdf(tahun=TAHUN_SINTETIS))
    kabupaten = ukur(lambda: render_lkjip_kabupaten_pdf(tahun=TAHUN_SINTETIS))

    print(
        f"database: {db.describe()}; {args.synthetic} synthetic "
        f"OPDs; setup {dimuat:.1f} s; median of {args.repeat} renders; {os.cpu_count()} CPUs"
    )
    baris = [
        (
            f"LKjIP Kecamatan Magetan 2023 ({halaman} pages), render_lkjip_pdf",
            f"{lengkap:.2f} s",
            f"{lengkap / weasy:.2f}x WeasyPrint (goal <= 1.25x)",
        ),
        ("  the same HTML through WeasyPrint alone (write_pdf)", f"{weasy:.2f} s", ""),
        (
            "  the same, garbage collector paused while it runs",
            f"{weasy_jeda:.2f} s",
            f"{weasy_jeda / weasy:.2f}x (render_pdf does this)",
        ),
        (
            f"LKjIP Pemerintah Kabupaten {TAHUN_SINTETIS} ({halaman_kab} pages, "
            f"{OPD.objects.filter(aktif=True).count()} OPDs)",
            f"{kabupaten:.2f} s",
            f"render_lkjip_kabupaten_pdf; a fresh process's peak RSS {puncak_kab:.0f} MB",
        ),
        (
            f"{n} synthetic drafts, 1 worker process",
            f"{satu_proses:.1f} s",
            f"{satu_proses / n:.2f} s per report",
        ),
        (
            f"{n} synthetic drafts, 2 worker processes",
            f"{dua_proses:.1f} s",
            f"{satu_proses / dua_proses:.2f}x faster",
        ),
        (
            "peak RSS of a process rendering the 2023 report once",
            f"{puncak_satu:.0f} MB",
            f"{awal_rss:.0f} MB before it (goal < 400 MB)",
        ),
        (
            f"RSS of the worker after report 1 / {min(10, n)} / {n}",
            " / ".join(f"{rss[i]:.0f}" for i in (0, min(9, n - 1), n - 1)) + " MB",
            f"{rss[-1] - rss[0]:+.0f} MB from report 1 to {n}",
        ),
    ]
    lebar = max(len(b[0]) for b in baris)
    print(f"{'figure':<{lebar}} | {'value':>16} | note")
    print(f"{'-' * lebar}-+-{'-' * 16}-+-----")
    for nama, nilai, ket in baris:
        print(f"{nama:<{lebar}} | {nilai:>16} | {ket}")
    print(f"total {time.perf_counter() - mulai:.1f} s")
    catat(
        "pdf",
        f"LKjIP {halaman} pages vs WeasyPrint alone {weasy:.2f} s",
        round(lengkap, 2),
        "s",
        batas="<= 1.25x WeasyPrint",
        rasio=lengkap / weasy,
        ok=lengkap / weasy <= 1.25,
    )
    catat(
        "pdf",
        f"LKjIP Pemerintah Kabupaten, {halaman_kab} pages, "
        f"{OPD.objects.filter(aktif=True).count()} OPDs",
        round(kabupaten, 2),
        "s",
    )
    catat("pdf", f"{n} LKjIP drafts, 1 worker process", round(satu_proses, 1), "s")
    catat(
        "pdf",
        f"{n} LKjIP drafts, 2 worker processes (ratio: speed-up)",
        round(dua_proses, 1),
        "s",
        rasio=satu_proses / dua_proses,
    )
    catat(
        "pdf",
        "peak RSS of a process rendering the longest LKjIP once",
        round(puncak_satu),
        "MB",
        batas="< 400 MB",
        ok=puncak_satu < 400,
        memori_mb=puncak_satu,
    )
    catat(
        "pdf",
        f"Celery-like worker RSS after {n} reports (from report 1: {rss[-1] - rss[0]:+.0f} MB)",
        round(rss[-1]),
        "MB",
        memori_mb=rss[-1],
    )


def _cetak_sintetis(opd_id: int) -> int:
    return _cetak(opd_id, TAHUN_SINTETIS)


if __name__ == "__main__":
    main()
