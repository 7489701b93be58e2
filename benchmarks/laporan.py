"""`make bench`: every benchmark script on its own database, then one table of their key figures.

Run from the project root:  .venv/bin/python benchmarks/laporan.py  [--synthetic 100]
                            .venv/bin/python benchmarks/laporan.py --baca var/bench/hasil.jsonl

Runs pages.py, dokumen.py, import.py, pdf.py and beban.py one after another (each prints its
own table; DATABASE_URL is passed on, so with a PostgreSQL URL each works in its own database
on that server), with `--synthetic N` for every script that loads the demo. Each appends its
key figures to var/bench/hasil.jsonl (benchmarks/hasil.py); at the end one table shows every
figure with the limit it is compared to, the ratio that is compared, the peak memory where it
sizes a process, and whether the limit is met. Exit status 1 when a script failed.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from hasil import ENV, baca

BASE_DIR = Path(__file__).resolve().parent.parent


def skrip(synthetic: int) -> list[list[str]]:
    return [
        ["pages.py", "--synthetic", str(synthetic)],
        ["dokumen.py", "--synthetic", str(synthetic)],
        ["import.py"],
        ["pdf.py", "--synthetic", str(synthetic), "--laporan", "20"],
        [
            "beban.py",
            "--synthetic",
            str(synthetic),
            "--pengguna",
            "50",
            "--verifikator",
            "5",
            "--durasi",
            "60",
        ],
    ]


def angka(nilai, satuan: str) -> str:
    if satuan == "count":
        return f"{nilai:.0f}"
    if satuan in ("s",) and nilai < 10:
        return f"{nilai:.2f} s"
    return f"{nilai:.1f} {satuan}" if nilai < 100 else f"{nilai:.0f} {satuan}"


def tabel(baris: list[dict]) -> str:
    kolom = [
        ("figure", "<"),
        ("value", ">"),
        ("limit", "<"),
        ("ratio", ">"),
        ("peak memory", ">"),
        ("met", "<"),
    ]
    isi = []
    for b in baris:
        isi.append(
            [
                f"{b['skrip']}: {b['figur']}",
                angka(b["nilai"], b["satuan"]),
                b.get("batas") or "",
                "" if b.get("rasio") is None else f"{b['rasio']:.2f}x",
                "" if b.get("memori_mb") is None else f"{b['memori_mb']:.0f} MB",
                {True: "yes", False: "NO", None: ""}[b.get("ok")],
            ]
        )
    lebar = [max(len(k), *(len(r[i]) for r in isi)) for i, (k, _) in enumerate(kolom)]
    garis = [" | ".join(f"{k:{a}{w}}" for (k, a), w in zip(kolom, lebar, strict=True))]
    garis.append("-+-".join("-" * w for w in lebar))
    for r in isi:
        garis.append(
            " | ".join(f"{v:{a}{w}}" for v, (_, a), w in zip(r, kolom, lebar, strict=True))
        )
    return "\n".join(g.rstrip() for g in garis)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=100)
    parser.add_argument("--baca", type=Path, help="only print the table of a results file")
    args = parser.parse_args()
    if args.baca:
        print(tabel(baca(args.baca)))
        return 0
    hasil = BASE_DIR / "var" / "bench" / "hasil.jsonl"
    hasil.parent.mkdir(parents=True, exist_ok=True)
    hasil.unlink(missing_ok=True)
    env = {**os.environ, ENV: str(hasil)}
    gagal, mulai, waktu = [], time.perf_counter(), []
    for s in skrip(args.synthetic):
        print(f"== benchmarks/{' '.join(s)}", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.run(
            [sys.executable, str(BASE_DIR / "benchmarks" / s[0]), *s[1:]], cwd=BASE_DIR, env=env
        ).returncode
        waktu.append(f"{s[0]} {time.perf_counter() - t0:.0f} s")
        if rc:
            gagal.append(f"{s[0]} (exit {rc})")
    print()
    basis = os.environ.get("DATABASE_URL", "").split("@")[-1] or "SQLite"
    print(
        f"== benchmark report {time.strftime('%Y-%m-%d')}, {basis}, --synthetic "
        f"{args.synthetic}, {os.cpu_count()} CPUs; {', '.join(waktu)}; total "
        f"{time.perf_counter() - mulai:.0f} s"
    )
    print(tabel(baca(hasil)) if hasil.exists() else "(no figures)")
    if gagal:
        print(f"FAILED: {', '.join(gagal)}")
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
