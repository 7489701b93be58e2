"""The benchmark scripts' key figures, for the one report of `make bench` (benchmarks/laporan.py).

Each script prints its own table as before and, when the environment variable SAKIP_BENCH_HASIL
names a file, also appends one JSON line per key figure to it:

    catat("pages", "entry page p95", 48.2, "ms", batas="<= 3x raw SQL", rasio=5.1, ok=False)

- nilai/satuan: the figure as measured (ms, s, MB, req/s, count);
- batas: the limit it is compared to, as text (empty when there is none);
- rasio: the quantity that is compared to the limit (value / raw SQL, value / WeasyPrint,
  p95 / 300 ms, ...), printed as "5.10x";
- ok: whether the limit is met (None when there is no limit);
- memori_mb: the peak memory that sizes a process, where it matters (gunicorn worker under
  load, import, PDF, Celery worker).
"""

import json
import os

ENV = "SAKIP_BENCH_HASIL"


def catat(
    skrip: str,
    figur: str,
    nilai: float | int,
    satuan: str,
    *,
    batas: str = "",
    rasio: float | None = None,
    ok: bool | None = None,
    memori_mb: float | None = None,
) -> None:
    path = os.environ.get(ENV)
    if not path:
        return
    baris = {
        "skrip": skrip,
        "figur": figur,
        "nilai": nilai,
        "satuan": satuan,
        "batas": batas,
        "rasio": rasio,
        "ok": ok,
        "memori_mb": memori_mb,
    }
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(baris) + "\n")


def baca(path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(b) for b in f if b.strip()]
