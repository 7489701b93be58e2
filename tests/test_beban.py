"""The load test of benchmarks/beban.py, small: 10 operators and 1 verifikator for 12 seconds
against gunicorn with the production settings, on a throwaway database of its own (a
PostgreSQL database when the test run uses PostgreSQL, else an SQLite file served by one
worker with threads): no request fails, and every value each operator posted is stored
exactly once and submitted.

The script runs as a subprocess: locust patches the standard library with gevent when it is
imported, which must not happen inside a pytest worker.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
INHERITED = ("HOME", "LANG", "LC_ALL", "LC_CTYPE", "PATH", "TMPDIR", "TZ", "USER")


def _admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def test_beban_kecil_tanpa_galat_dan_tepat_sekali(tmp_path):
    test_url = os.environ.get("DATABASE_URL", "")
    env = {k: os.environ[k] for k in INHERITED if k in os.environ}
    env["SAKIP_BENCH_HASIL"] = str(tmp_path / "hasil.jsonl")
    args = [
        sys.executable,
        "benchmarks/beban.py",
        "--pengguna",
        "10",
        "--verifikator",
        "1",
        "--synthetic",
        "10",
        "--durasi",
        "12",
        "--jeda",
        "0.3",
        "1",
        "--jeda-verifikator",
        "1",
        "2",
        # Redis databases of its own: a benchmark run on the same machine uses 13 and 14.
        "--redis",
        "redis://127.0.0.1:6379/9",
        "--cache",
        "redis://127.0.0.1:6379/10",
    ]
    nama_db = None
    if test_url.startswith("postgres"):
        nama_db = f"sakip_beban_{secrets.token_hex(6)}"
        env["DATABASE_URL"] = _admin_url(test_url)  # only to connect; "sakip" need not exist
        args += ["--nama-db", nama_db]
    else:
        args += ["--sqlite", str(tmp_path / "beban.sqlite3")]
    try:
        hasil = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    finally:
        if nama_db:  # the script drops it; this is for a script killed by the timeout
            with psycopg.connect(_admin_url(test_url), autocommit=True) as conn:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(nama_db)
                    )
                )
    keluaran = hasil.stdout + hasil.stderr[-4000:]
    assert hasil.returncode == 0, keluaran
    assert "OK: 0 errors, 0 lost, 0 duplicated" in hasil.stdout, keluaran
    assert "operators whose submission the page confirmed 10/10" in hasil.stdout, keluaran
    baris = (tmp_path / "hasil.jsonl").read_text().splitlines()
    angka = {b["figur"].split(": ", 1)[-1]: b for b in map(json.loads, baris)}
    assert angka["errors"]["nilai"] == 0, keluaran
    assert angka["lost / duplicated values"]["nilai"] == 0, keluaran
    assert angka["lost / duplicated values"]["ok"] is True, keluaran
    assert angka["requests/s"]["nilai"] > 0, keluaran
