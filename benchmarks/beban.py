"""Load test: operators entering and submitting a triwulan while verifikators read the dashboard.

Run from the project root:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/beban.py
        [--durasi 60] [--pengguna 50] [--verifikator 5] [--synthetic 60] [--workers 4]

It creates its own database (`sakip_bench_beban` on the PostgreSQL server of DATABASE_URL,
dropped at the end; or with `--sqlite FILE`, or without DATABASE_URL, an SQLite file),
migrates, loads the demo with synthetic OPDs, gives each of the first `--pengguna` synthetic
OPDs an operator, opens the input window of 2025 Triwulan IV (the synthetic data's triwulan)
through the services and clears that triwulan's values of those OPDs, then starts gunicorn
with the production settings on 127.0.0.1 only (plain HTTP on a free port, DEBUG off) and runs
locust as a library for `--durasi` seconds:

- each operator (its own OPD) logs in through the login form with its CSRF token, opens the
  entry page, saves the triwulan's values as the browser's form posts them (multipart, every
  field of the form, the values written the Indonesian way), `--simpan` times with new
  values, then "Simpan dan ajukan"; afterwards it only reads its page and /realisasi/;
- each verifikator reads the dashboard /dasbor/?tahun=2025, drills down into an OPD, reads the
  verification queue and now and then downloads an OPD's draft LKjIP PDF.

It prints requests/s, p50/p95/p99 and errors per page, the peak resident memory (VmHWM) of
every gunicorn worker, and then checks in the database that every value each operator posted
is stored exactly once (one Realisasi per indicator and triwulan, the value posted last,
status diajukan, or draft for an operator whose time ran out before it submitted). Exit status
1 on any failed request, server error, lost or duplicated value or wrong status.

locust patches the standard library with gevent when it is imported, so this script runs as
its own process (tests/test_beban.py starts it as a subprocess too).
"""

# gevent's monkey patching must come before anything imports socket, ssl or threading.
from locust import HttpUser, between, events, task  # noqa: I001
from locust.env import Environment

import argparse
import collections
import html
import os
import random
import re
import resource
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import gevent

from hasil import catat

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
TAHUN, TW = 2025, 4  # the synthetic data's year and the triwulan entered
PASSWORD = "beban-uji-2026-rahasia"
GOAL_MS = 300
TIMEOUT = 120  # seconds: a request that takes longer counts as an error
INHERITED = ("LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ", "USER")


# --- the load test's own database ------------------------------------------------------------


class BasisData:
    """A PostgreSQL database of its own on the server of `url` (created and dropped here), or
    an SQLite file. The database named in the URL is only used to connect."""

    def __init__(self, url: str, nama: str, sqlite: Path | None):
        self.nama, self.sqlite, self.pg = nama, sqlite, None
        if sqlite is None and url:
            parts = urlsplit(url)
            if not parts.scheme.startswith("postgres"):
                sys.exit(
                    "DATABASE_URL: only a PostgreSQL server is supported "
                    "(leave it unset, or use --sqlite FILE)."
                )
            self.pg = parts
        elif sqlite is None:
            self.sqlite = BASE_DIR / "var" / "bench" / "beban.sqlite3"

    def _admin(self):
        import psycopg

        p = self.pg
        admin_db = p.path.lstrip("/") or "postgres"
        if admin_db == self.nama:
            admin_db = "postgres"
        return psycopg.connect(
            host=p.hostname or "",
            port=p.port or 5432,
            user=p.username or "",
            password=p.password or "",
            dbname=admin_db,
            autocommit=True,
        )

    def _hapus_sqlite(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.sqlite}{suffix}").unlink(missing_ok=True)

    def create(self) -> str:
        if self.pg is None:
            self.sqlite.parent.mkdir(parents=True, exist_ok=True)
            self._hapus_sqlite()
            return f"sqlite:///{self.sqlite}"
        from psycopg import sql

        with self._admin() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.nama))
            )
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.nama)))
        return urlunsplit(self.pg._replace(path=f"/{self.nama}"))

    def url_server(self, url: str) -> str:
        """The URL gunicorn's workers use. SQLite: every request's transaction takes the write
        lock when it begins (IMMEDIATE) and waits for it up to 30 s, so the threads of one
        worker queue instead of failing with "database is locked"."""
        if self.pg is None:
            return f"{url}?timeout=30&transaction_mode=IMMEDIATE"
        return url

    def drop(self):
        from django.db import connections

        connections.close_all()
        if self.pg is None:
            self._hapus_sqlite()
            return
        from psycopg import sql

        with self._admin() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.nama))
            )

    def describe(self) -> str:
        if self.pg is None:
            return f"SQLite {self.sqlite}"
        return f"PostgreSQL {self.pg.hostname}:{self.pg.port or 5432}/{self.nama}"


# --- setup -----------------------------------------------------------------------------------


@dataclass
class Akun:
    """One operator: its OPD, the indicators of its PK, what it posted and whether its
    submission was confirmed by the page."""

    username: str
    opd_id: int
    indikator: list[int]
    url: str = ""
    tersimpan: dict[int, Decimal] = field(default_factory=dict)
    diajukan: bool = False


def siapkan(synthetic: int, pengguna: int, verifikator: int):
    """Migrate, load the demo, one operator per synthetic OPD, verifikators, the input window of
    2025 TW IV open today, and that triwulan's values of the operators' OPDs removed."""
    import datetime

    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import timezone

    from apps.core.models import OPD, User
    from apps.core.roles import Peran
    from apps.laporan.demo.loader import load_demo
    from apps.pengukuran import services
    from apps.pengukuran.models import Realisasi
    from apps.perencanaan.selectors import pk_berlaku

    if pengguna > synthetic:
        sys.exit(f"--pengguna {pengguna}: only {synthetic} synthetic OPDs (--synthetic).")
    call_command("migrate", verbosity=0, interactive=False)
    hasil = load_demo(synthetic=synthetic)
    sandi = make_password(PASSWORD)  # hashed once, as the first of PASSWORD_HASHERS does
    opds = list(OPD.objects.filter(kode__startswith="SIN-").order_by("kode"))
    akun = []
    for i, opd in enumerate(opds[:pengguna], start=1):
        u = User.objects.create(
            username=f"beban.op{i:03d}",
            peran=Peran.OPERATOR,
            opd=opd,
            first_name="Operator",
            last_name=opd.kode,
            password=sandi,
        )
        pk = pk_berlaku(opd.pk, TAHUN)
        ind = list(pk.indikator.values_list("indikator_id", flat=True))
        akun.append(
            Akun(u.username, opd.pk, ind, reverse("pengukuran:pengisian", args=[opd.pk, TAHUN, TW]))
        )
    pemeriksa = []
    for i in range(1, verifikator + 1):
        u = User.objects.create(
            username=f"beban.ver{i:02d}",
            peran=Peran.VERIFIKATOR,
            first_name="Verifikator",
            last_name=f"Beban {i}",
            password=sandi,
        )
        pemeriksa.append(u.username)
    hari_ini = timezone.localdate()
    services.jadwal_save(
        tahun=TAHUN,
        triwulan=TW,
        dibuka=hari_ini - datetime.timedelta(days=1),
        ditutup=hari_ini + datetime.timedelta(days=14),
        user=hasil["users"]["verifikator"],
    )
    dihapus, _ = Realisasi.objects.filter(
        indikator_id__in=[i for a in akun for i in a.indikator],
        tahun=TAHUN,
        triwulan=TW,
    ).delete()
    return akun, pemeriksa, [o.pk for o in opds], dihapus


def cek(akun: list[Akun]) -> dict:
    """Every value each operator posted is in the database exactly once: one Realisasi per
    indicator of its PK and triwulan, with the value posted last, status diajukan when the page
    confirmed the submission (draft when the run ended before the operator submitted)."""
    from django.db.models import Count

    from apps.pengukuran.models import Realisasi

    hasil = collections.Counter()
    contoh = []
    for a in akun:
        rows = collections.defaultdict(list)
        for ind, nilai, status in Realisasi.objects.filter(
            indikator_id__in=a.indikator, tahun=TAHUN, triwulan=TW
        ).values_list("indikator_id", "nilai", "status"):
            rows[ind].append((nilai, status))
        hasil["operator"] += 1
        hasil["diajukan_halaman"] += a.diajukan
        for ind in a.indikator:
            hasil["nilai"] += 1
            dikirim = a.tersimpan.get(ind)
            ada = rows.get(ind, [])
            if dikirim is None:  # this operator's time ran out before its first save
                hasil["tidak_dikirim"] += 1
                continue
            hasil["dikirim"] += 1
            if len(ada) > 1:
                hasil["ganda"] += 1
                contoh.append(f"{a.username}: indicator {ind} stored {len(ada)} times")
            cocok = [s for n, s in ada if n == dikirim]
            if not cocok:
                hasil["hilang"] += 1
                contoh.append(
                    f"{a.username}: indicator {ind} posted {dikirim}, stored {[n for n, _ in ada]}"
                )
            elif cocok[0] != (Realisasi.Status.DIAJUKAN if a.diajukan else Realisasi.Status.DRAFT):
                hasil["status_salah"] += 1
                contoh.append(
                    f"{a.username}: indicator {ind} status {cocok[0]}, submission "
                    f"{'confirmed' if a.diajukan else 'not sent'}"
                )
    # and nowhere two rows for one indicator and triwulan (the unique constraint holds)
    hasil["ganda_total"] = (
        Realisasi.objects.values("indikator_id", "tahun", "triwulan")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    return {"hitung": hasil, "contoh": contoh[:10]}


# --- gunicorn --------------------------------------------------------------------------------


def port_bebas() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_server(tmp: Path, database_url: str, broker: str, cache_url: str) -> dict:
    """The production settings, for plain HTTP on the loopback: no SSL redirect, cookies
    without the Secure flag (a browser would not send them back over http)."""
    env = {k: os.environ[k] for k in INHERITED if k in os.environ}
    (tmp / "home").mkdir(exist_ok=True)
    env.update(
        HOME=str(tmp / "home"),  # gunicorn's control socket goes under $HOME
        PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SAKIP_URL_PUBLIK="https://sakip.contoh.go.id",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        SECURE_SSL_REDIRECT="False",
        SESSION_COOKIE_SECURE="False",
        CSRF_COOKIE_SECURE="False",
        SECURE_HSTS_SECONDS="0",
        CELERY_TASK_ALWAYS_EAGER="False",  # draft PDFs go to the Celery worker, as deployed
        CELERY_BROKER_URL=broker,
        CACHE_URL=cache_url,  # the dashboard's rows, shared by the workers as deployed
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


class Proses:
    """A server process started here (its own session), its worker children measured through
    /proc."""

    proc: subprocess.Popen
    log: Path

    def pekerja(self) -> list[int]:
        """The worker processes: the children of the master."""
        try:
            with open(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children") as f:
                return [int(p) for p in f.read().split()]
        except OSError:
            anak = []
            for d in Path("/proc").iterdir():
                if d.name.isdigit():
                    try:
                        ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
                    except (OSError, IndexError, ValueError):
                        continue
                    if ppid == self.proc.pid:
                        anak.append(int(d.name))
            return anak

    def rss_puncak(self) -> dict[int, float]:
        """VmHWM (peak resident set) of each worker, in MB."""
        hasil = {}
        for pid in self.pekerja():
            try:
                for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if baris.startswith("VmHWM:"):
                        hasil[pid] = int(baris.split()[1]) / 1024
            except OSError:
                pass
        return hasil

    def cpu_detik(self) -> float:
        """CPU seconds (user + system) used so far by the workers."""
        total = 0.0
        for pid in self.pekerja():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def galat_log(self) -> list[str]:
        teks = self.log.read_text(errors="replace")
        return [
            b
            for b in teks.splitlines()
            if "Traceback" in b or " ERROR " in b or "[CRITICAL]" in b or "WORKER TIMEOUT" in b
        ]

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


class Gunicorn(Proses):
    def __init__(self, env: dict, log: Path, workers: int, threads: int, keep_alive: int):
        self.port = port_bebas()
        self.log = log
        subprocess.run(
            [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=BASE_DIR,
            env=env,
            check=True,
        )
        with open(log, "wb") as f:
            self.proc = subprocess.Popen(
                [
                    str(VENV_BIN / "gunicorn"),
                    "config.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    str(workers),
                    "--threads",
                    str(threads),
                    "--timeout",
                    str(TIMEOUT),
                    "--keep-alive",
                    str(keep_alive),
                    "--access-logfile",
                    str(log.with_name("access.log")),
                ],
                cwd=BASE_DIR,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=f,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.host = f"http://127.0.0.1:{self.port}"
        self._tunggu_sehat(workers)

    def _tunggu_sehat(self, workers: int):
        import urllib.request

        batas = time.monotonic() + 90
        while time.monotonic() < batas:
            if self.proc.poll() is not None:
                raise SystemExit(
                    f"gunicorn exited {self.proc.returncode}:\n{self.log.read_text()[-3000:]}"
                )
            try:
                with urllib.request.urlopen(f"{self.host}/sehat/", timeout=5) as r:
                    if r.status == 200 and len(self.pekerja()) == workers:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn not healthy after 90 s:\n{self.log.read_text()[-3000:]}")


class Celery(Proses):
    """The Celery worker as the container runs it (docker/entrypoint.sh worker: below the web
    workers in CPU priority), on Redis databases of its own (the broker's and the web
    workers' cache), emptied before and after."""

    def __init__(self, env: dict, log: Path, redis_dbs: list[str]):
        self.log, self.redis_dbs = log, redis_dbs
        self._kosongkan()
        with open(log, "wb") as f:
            self.proc = subprocess.Popen(
                [str(BASE_DIR / "docker" / "entrypoint.sh"), "worker", "--loglevel=INFO"],
                cwd=BASE_DIR,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=f,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        batas = time.monotonic() + 90
        while time.monotonic() < batas:
            if self.proc.poll() is not None:
                raise SystemExit(
                    f"celery exited {self.proc.returncode}:\n{self.log.read_text()[-3000:]}"
                )
            if re.search(r"celery@\S+ ready\.", self.log.read_text(errors="replace")):
                return
            time.sleep(0.3)
        raise SystemExit(f"celery not ready after 90 s:\n{self.log.read_text()[-3000:]}")

    def _kosongkan(self):
        import redis

        for url in self.redis_dbs:
            redis.Redis.from_url(url).flushdb()

    def stop(self):
        super().stop()
        self._kosongkan()


# --- the users -------------------------------------------------------------------------------


def formulir(page: str, form_id: str) -> list[tuple[str, str]]:
    """The fields a browser sends for one form, CSRF token included: the tests' reader
    (tests/formulir_html.py, plain Python), so the load test posts what the tests post."""
    uji = str(Path(__file__).resolve().parent.parent / "tests")
    if uji not in sys.path:
        sys.path.insert(0, uji)
    from formulir_html import isian

    return isian(page, form_id)


def pesan(page: str) -> str:
    """The messages shown on top of a page."""
    m = re.search(r'<ul class="pesan">(.*?)</ul>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))) if m else ""


class Pengguna(HttpUser):
    abstract = True

    def masuk(self, username: str):
        r = self.client.get("/masuk/", name="login page", timeout=TIMEOUT)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.text or "")
        with self.client.post(
            "/masuk/",
            name="login (POST)",
            allow_redirects=False,
            timeout=TIMEOUT,
            catch_response=True,
            data={
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "username": username,
                "password": PASSWORD,
            },
        ) as r:
            if r.status_code != 302:
                r.failure(f"login {username}: {r.status_code}, not redirected")
                raise RuntimeError(f"login {username} failed")


class Operator(Pengguna):
    """One operator of one OPD: opens the entry page, saves drafts, submits, then reads."""

    abstract = True
    akun: collections.deque = collections.deque()
    simpan = 2

    def on_start(self):
        self.a: Akun = self.akun.popleft()
        self.masuk(self.a.username)
        self.putaran = 0
        self.form = None
        self.baca = 0

    def buka(self, name="entry page") -> None:
        with self.client.get(self.a.url, name=name, timeout=TIMEOUT, catch_response=True) as r:
            if r.status_code != 200 or 'id="form-pengisian"' not in (r.text or ""):
                r.failure(f"entry page {r.status_code}")
                self.form = None
                return
            self.form = formulir(r.text, "form-pengisian")
            self.halaman = r.text

    def nilai(self, ind: int) -> Decimal:
        """This round's value of one indicator: different in each round, two decimals."""
        acak = random.Random(ind * 1000 + self.putaran)
        return Decimal(f"{acak.randint(40, 130)}.{acak.randint(0, 99):02d}")

    def isi(self, aksi: str) -> tuple[list, dict]:
        """The form as parsed, with this round's values typed in (the Indonesian way)."""
        data, nilai = [], {}
        for nama, isi in self.form:
            m = re.fullmatch(r"i(\d+)-(nilai|analisis|solusi)", nama)
            if m and m.group(2) == "nilai":
                v = nilai[int(m.group(1))] = self.nilai(int(m.group(1)))
                isi = str(v).replace(".", ",")
            elif m:
                isi = f"Uji beban, putaran {self.putaran + 1}: {m.group(2)} indikator."
            data.append((nama, (None, isi)))
        data.append(("aksi", (None, aksi)))
        return data, nilai

    @task
    def langkah(self):
        if self.a.diajukan:
            # submitted: the operator reads its page and the realisasi overview
            self.baca += 1
            if self.baca % 2:
                self.buka()
            else:
                self.client.get("/realisasi/", name="realisasi overview", timeout=TIMEOUT)
            return
        if self.form is None:
            self.buka()
            return
        ajukan = self.putaran >= self.simpan
        aksi = "ajukan" if ajukan else "simpan"
        data, nilai = self.isi(aksi)
        with self.client.post(
            self.a.url,
            files=data,
            allow_redirects=False,
            timeout=TIMEOUT,
            name="submit (POST)" if ajukan else "save draft (POST)",
            catch_response=True,
        ) as r:
            if r.status_code != 302:
                r.failure(f"{aksi}: {r.status_code} {pesan(r.text or '')[:200]}")
                self.form = None
                return
        self.a.tersimpan = nilai
        self.putaran += 1
        self.buka()
        teks = pesan(self.halaman) if self.form is not None else ""
        harap = "diajukan untuk diverifikasi" if ajukan else "Draf tersimpan."
        if self.form is not None and harap not in teks:
            events.request.fire(
                request_type="CHECK",
                name=f"{aksi} message",
                response_time=0,
                response_length=0,
                response=None,
                context={},
                exception=RuntimeError(teks[:200]),
            )
        elif ajukan:
            self.a.diajukan = True


class Verifikator(Pengguna):
    """Bagian Organisasi: the dashboard, a drill-down, the queue, now and then a draft PDF."""

    abstract = True
    antrean: collections.deque = collections.deque()
    opd_ids: list[int] = []

    def on_start(self):
        self.masuk(self.antrean.popleft())
        self.tautan = []

    def opd_acak(self) -> int:
        return random.choice(self.tautan or self.opd_ids)

    @task(3)
    def dasbor(self):
        r = self.client.get(f"/dasbor/?tahun={TAHUN}", name="dashboard", timeout=TIMEOUT)
        if r.status_code == 200:
            self.tautan = [
                int(i) for i in re.findall(rf'href="/dasbor/opd/(\d+)/{TAHUN}/"', r.text)
            ]

    @task(3)
    def rinci(self):
        self.client.get(
            f"/dasbor/opd/{self.opd_acak()}/{TAHUN}/", name="dashboard drill-down", timeout=TIMEOUT
        )

    @task(2)
    def antrean_verifikasi(self):
        self.client.get(
            "/realisasi/verifikasi/?status=diajukan", name="verification queue", timeout=TIMEOUT
        )

    @task(1)
    def pdf(self):
        """As a browser: the address starts the job and leads to a page that reloads itself
        every 2 seconds until it returns the PDF. Timed as a whole, until the PDF is there."""
        mulai = time.perf_counter()
        r = self.client.get(
            f"/dasbor/lkjip/opd/{self.opd_acak()}/{TAHUN}/pdf/",
            name="LKjIP draft PDF: start",
            timeout=TIMEOUT,
            allow_redirects=False,
        )
        galat = None
        if r.status_code == 302 and "/lkjip/draf/" in r.headers.get("Location", ""):
            lokasi = r.headers["Location"]
            while True:
                r = self.client.get(lokasi, name="LKjIP draft PDF: waiting page", timeout=TIMEOUT)
                if (
                    r.status_code != 200
                    or r.content.startswith(b"%PDF")
                    or "Draf gagal disusun" in r.text
                ):
                    break
                if time.perf_counter() - mulai > TIMEOUT:
                    galat = f"no PDF after {TIMEOUT} s"
                    break
                gevent.sleep(2)  # the page's <meta http-equiv="refresh" content="2">
        if galat is None and not (r.status_code == 200 and r.content.startswith(b"%PDF")):
            galat = f"not a PDF: {r.status_code}"
        events.request.fire(
            request_type="GET",
            name="LKjIP draft PDF (until ready)",
            response_time=(time.perf_counter() - mulai) * 1000,
            response_length=len(r.content or b""),
            response=r,
            context={},
            exception=RuntimeError(galat) if galat else None,
        )


def muat(host: str, akun: list[Akun], pemeriksa: list[str], opd_ids: list[int], args):
    """Run the users for args.durasi seconds; a user busy with a task when the time is up may
    finish it (at most TIMEOUT s), so no post is cut off between sending and its answer."""
    op = type(
        "OperatorBeban",
        (Operator,),
        {
            "abstract": False,
            "host": host,
            "fixed_count": len(akun),
            "wait_time": between(*args.jeda),
            "akun": collections.deque(akun),
            "simpan": args.simpan,
        },
    )
    ver = type(
        "VerifikatorBeban",
        (Verifikator,),
        {
            "abstract": False,
            "host": host,
            "fixed_count": len(pemeriksa),
            "wait_time": between(*args.jeda_verifikator),
            "antrean": collections.deque(pemeriksa),
            "opd_ids": opd_ids,
        },
    )
    env = Environment(user_classes=[op, ver], events=events, stop_timeout=TIMEOUT)
    runner = env.create_local_runner()
    jumlah = len(akun) + len(pemeriksa)
    mulai = time.perf_counter()
    runner.start(jumlah, spawn_rate=args.spawn)
    gevent.spawn_later(args.durasi, runner.quit)
    runner.greenlet.join()
    lama = time.perf_counter() - mulai
    return env, lama


# --- the run ---------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--durasi", type=float, default=60, help="seconds of load")
    parser.add_argument("--pengguna", type=int, default=50, help="operators, one OPD each")
    parser.add_argument("--verifikator", type=int, default=5)
    parser.add_argument("--synthetic", type=int, default=60, help="synthetic OPDs to load")
    parser.add_argument(
        "--simpan", type=int, default=2, help="draft saves of each operator before it submits"
    )
    parser.add_argument(
        "--jeda",
        type=float,
        nargs=2,
        default=(2.0, 6.0),
        metavar=("MIN", "MAX"),
        help="operators' think time, seconds",
    )
    parser.add_argument(
        "--jeda-verifikator", type=float, nargs=2, default=(4.0, 8.0), metavar=("MIN", "MAX")
    )
    parser.add_argument(
        "--spawn", type=float, default=2, help="users started (logging in) per second"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default 2 x CPUs; 1 on SQLite)"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="threads per worker (default 4, as docker/entrypoint.sh)",
    )
    parser.add_argument(
        "--nice",
        type=int,
        default=19,
        help="the Celery worker's nice (CELERY_NICE; 19 as docker/entrypoint.sh)",
    )
    parser.add_argument(
        "--keep-alive",
        type=int,
        default=75,
        help="gunicorn's --keep-alive seconds (75 as docker/entrypoint.sh)",
    )
    parser.add_argument(
        "--nama-db", default="sakip_bench_beban", help="the PostgreSQL database created and dropped"
    )
    parser.add_argument("--sqlite", type=Path, help="an SQLite file instead of PostgreSQL")
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/13",
        help="the Redis database of the Celery worker (emptied before and after)",
    )
    parser.add_argument(
        "--cache",
        default="redis://127.0.0.1:6379/14",
        help="the Redis database of the web workers' cache (emptied before and after)",
    )
    args = parser.parse_args(argv)

    # Setup and check only; the server runs config.settings.production. Not the test settings
    # even when called from pytest: their MD5 hasher would write passwords production refuses.
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DEBUG"] = "False"
    sys.path.insert(0, str(BASE_DIR))
    db = BasisData(os.environ.get("DATABASE_URL", ""), args.nama_db, args.sqlite)
    sqlite = db.pg is None
    args.workers = args.workers or (1 if sqlite else 2 * (os.cpu_count() or 1))
    args.threads = args.threads or 4
    mulai = time.perf_counter()
    os.environ["DATABASE_URL"] = url = db.create()
    try:
        with tempfile.TemporaryDirectory(prefix="sakip-beban-") as tmp:
            return jalankan(db, url, Path(tmp), args, mulai)
    finally:
        db.drop()


def cpu_sendiri() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def persen(entry, p) -> float:
    return entry.get_response_time_percentile(p) if entry.num_requests else 0.0


def jalankan(db, url, tmp: Path, args, mulai) -> int:
    import django

    django.setup()
    from django.db import connections

    akun, pemeriksa, opd_ids, dihapus = siapkan(args.synthetic, args.pengguna, args.verifikator)
    connections.close_all()
    if db.pg is None:
        with sqlite3.connect(db.sqlite) as conn:  # readers never wait for the writer
            conn.execute("PRAGMA journal_mode=WAL")
    siap = time.perf_counter() - mulai
    beban_mesin = os.getloadavg()  # other processes on the machine share its CPUs
    env_proses = env_server(tmp, db.url_server(url), args.redis, args.cache)
    env_proses["CELERY_NICE"] = str(args.nice)
    pekerja = Celery(env_proses, tmp / "celery.log", [args.redis, args.cache])
    try:
        server = Gunicorn(
            env_proses, tmp / "gunicorn.log", args.workers, args.threads, args.keep_alive
        )
        try:
            cpu0, gen0, cpu_c0 = server.cpu_detik(), cpu_sendiri(), pekerja.cpu_detik()
            env, lama = muat(server.host, akun, pemeriksa, opd_ids, args)
            rss, rss_celery = server.rss_puncak(), pekerja.rss_puncak()
            cpu_server, cpu_gen = server.cpu_detik() - cpu0, cpu_sendiri() - gen0
            cpu_celery = pekerja.cpu_detik() - cpu_c0
        finally:
            server.stop()
    finally:
        pekerja.stop()
    galat_server = server.galat_log() + pekerja.galat_log()
    hasil = cek(akun)
    h = hasil["hitung"]

    stats = env.stats
    pengecualian = sum(e["count"] for e in env.runner.exceptions.values())
    galat = stats.total.num_failures + pengecualian
    n_indikator = sum(len(a.indikator) for a in akun)
    print(
        f"database: {db.describe()}; {args.synthetic} synthetic OPDs, {len(akun)} operators "
        f"({n_indikator} indicators, {dihapus} values of {TAHUN} TW {TW} cleared), "
        f"{len(pemeriksa)} verifikators; setup {siap:.1f} s"
    )
    print(
        f"gunicorn {server.host}: {args.workers} workers x {args.threads} threads, "
        f"keep-alive {args.keep_alive} s, "
        f"production settings; {os.cpu_count()} CPUs shared with the load generator; "
        f"think time {args.jeda[0]:g}-{args.jeda[1]:g} s (operators), "
        f"{args.jeda_verifikator[0]:g}-{args.jeda_verifikator[1]:g} s (verifikators); "
        f"load average before the run {beban_mesin[0]:.1f}"
    )
    baris = sorted(stats.entries.values(), key=lambda e: (e.method != "GET", e.name))
    lebar = max([len(e.name) for e in baris] + [20])
    print(
        f"{'page':<{lebar}} | method | {'requests':>8} | {'errors':>6} | {'p50':>7} | "
        f"{'p95':>7} | {'p99':>7} | {'max':>7}"
    )
    print(
        f"{'-' * lebar}-+--------+-{'-' * 8}-+-{'-' * 6}-+-{'-' * 7}-+-{'-' * 7}-+-"
        f"{'-' * 7}-+-{'-' * 7}"
    )
    for e in [*baris, stats.total]:
        nama = "all requests" if e is stats.total else e.name
        print(
            f"{nama:<{lebar}} | {e.method or '':<6} | {e.num_requests:>8} | "
            f"{e.num_failures:>6} | {persen(e, 0.5):>4.0f} ms | {persen(e, 0.95):>4.0f} ms | "
            f"{persen(e, 0.99):>4.0f} ms | {e.max_response_time or 0:>4.0f} ms"
        )
    rps = stats.total.num_requests / lama
    print(
        f"{stats.total.num_requests} requests in {lama:.1f} s: {rps:.1f} requests/s; "
        f"errors {galat} ({stats.total.num_failures} failed requests, {pengecualian} "
        f"exceptions in users); server log: {len(galat_server)} errors"
    )
    n_cpu = os.cpu_count() or 1
    print(
        f"CPU during the load: gunicorn workers {cpu_server:.0f} s "
        f"({cpu_server / lama / n_cpu:.0%} of {n_cpu} CPUs, "
        f"{cpu_server / max(stats.total.num_requests, 1) * 1000:.0f} ms per request), "
        f"Celery worker (nice {args.nice}, draft PDFs) "
        f"{cpu_celery:.0f} s ({cpu_celery / lama / n_cpu:.0%}), "
        f"load generator {cpu_gen:.0f} s ({cpu_gen / lama / n_cpu:.0%})"
    )
    for e in stats.errors.values():
        print(f"  error {e.method} {e.name}: {e.occurrences}x {e.error}"[:300])
    for ex in env.runner.exceptions.values():
        print(f"  exception {ex['count']}x {ex['msg']}"[:300])
    for b in galat_server[:5]:
        print(f"  server: {b}"[:300])
    puncak = max(rss.values(), default=0)
    print(
        "gunicorn workers' peak RSS (VmHWM): "
        + ", ".join(f"{v:.0f}" for v in sorted(rss.values()))
        + f" MB; peak {puncak:.0f} MB;"
        " Celery worker processes: "
        + ", ".join(f"{v:.0f}" for v in sorted(rss_celery.values()))
        + " MB"
    )
    print(
        f"exactly once: {h['dikirim']} of {h['nilai']} values posted, "
        f"{h['dikirim'] - h['hilang'] - h['ganda']} stored once with the posted value; "
        f"lost {h['hilang']}, duplicated {h['ganda']} (rows duplicated anywhere: "
        f"{h['ganda_total']}), wrong status {h['status_salah']}; operators whose submission "
        f"the page confirmed {h['diajukan_halaman']}/{h['operator']} (the others' time ran "
        f"out: their values are checked as drafts; {h['tidak_dikirim']} values never posted)"
    )
    for c in hasil["contoh"]:
        print(f"  {c}")

    tabel = {e.name: e for e in stats.entries.values()}
    label = f"load test {len(akun)}+{len(pemeriksa)} users"
    catat("beban", f"{label}: requests/s", round(rps, 1), "req/s")
    for nama, figur in (("entry page", "entry page p95"), ("save draft (POST)", "save p95")):
        p95 = persen(tabel[nama], 0.95) if nama in tabel else 0.0
        catat(
            "beban",
            f"{label}: {figur}",
            p95,
            "ms",
            batas=f"<= {GOAL_MS} ms",
            rasio=p95 / GOAL_MS,
            ok=p95 <= GOAL_MS and nama in tabel,
        )
    catat("beban", f"{label}: errors", galat, "count", batas="0", ok=galat == 0)
    catat(
        "beban",
        f"{label}: lost / duplicated values",
        h["hilang"] + h["ganda"],
        "count",
        batas="0",
        ok=h["hilang"] + h["ganda"] + h["ganda_total"] + h["status_salah"] == 0,
    )
    catat(
        "beban",
        f"gunicorn worker peak RSS under load ({args.workers} workers)",
        puncak,
        "MB",
        memori_mb=puncak,
    )
    puncak_celery = max(rss_celery.values(), default=0)
    catat(
        "beban",
        "Celery worker peak RSS under load (draft PDFs)",
        puncak_celery,
        "MB",
        memori_mb=puncak_celery,
    )
    catat(
        "beban",
        f"{label}: operators who submitted within {args.durasi:g} s",
        h["diajukan_halaman"],
        "count",
        batas=f"{h['operator']}",
        ok=h["diajukan_halaman"] == h["operator"],
    )
    gagal = (
        galat or galat_server or h["hilang"] or h["ganda"] or h["ganda_total"] or h["status_salah"]
    )
    print(
        f"total {time.perf_counter() - mulai:.1f} s; "
        f"{'FAILED' if gagal else 'OK: 0 errors, 0 lost, 0 duplicated'}"
    )
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
