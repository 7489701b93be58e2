"""Deployment: the container entrypoint really migrates and serves, its worker answers the
health check's ping, its beat starts, and check --deploy is clean.

The tests run the project in subprocesses with the production settings and their own database
(never the pytest-django test database): a throwaway PostgreSQL database when the test run uses
PostgreSQL (DATABASE_URL=postgres...), otherwise an SQLite file in tmp_path.
"""

import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
VENV_BIN = Path(sys.executable).parent
# Only these are inherited from the caller's environment: the subprocesses must not pick up a
# developer's DATABASE_URL, CSRF_TRUSTED_ORIGINS, ... .
INHERITED = ("HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ", "USER", "SYSTEMROOT")
# The worker's broker: a Redis database no other test uses (tests/laporan/test_paket.py: 11).
WORKER_BROKER = "redis://127.0.0.1:6379/12"


def _production_env(tmp_path, database_url, **extra):
    env = {key: os.environ[key] for key in INHERITED if key in os.environ}
    # gunicorn puts its control socket under $HOME/.gunicorn/: keep it away from the user's.
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(
        HOME=str(home),
        PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SAKIP_URL_PUBLIK="https://sakip.contoh.go.id",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _with_database(url, name):
    """The same PostgreSQL URL pointing at another database."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode("utf-8")


def _wait_until_healthy(url, process, log_path, deadline_seconds=120):
    deadline = time.monotonic() + deadline_seconds
    last_error = None
    while time.monotonic() < deadline:
        assert process.poll() is None, (
            f"entrypoint exited with {process.returncode}:\n{log_path.read_text()}"
        )
        try:
            status, body = _get(url, timeout=2)
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last_error = exc
        else:
            if status == 200 and body == "ok":
                return
            last_error = f"{status} {body[:200]!r}"
        time.sleep(0.5)
    raise AssertionError(
        f"{url} not healthy after {deadline_seconds}s ({last_error}):\n{log_path.read_text()}"
    )


def _stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _has_table_postgres(database_url, table):
    with psycopg.connect(database_url, autocommit=True) as conn:
        row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", [f"public.{table}"]).fetchone()
    return row[0]


def _has_table_sqlite(path, table):
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
    finally:
        conn.close()
    return row[0] == 1


@pytest.fixture
def production_database(tmp_path):
    """(DATABASE_URL, has_table) of a fresh database for the production settings: a throwaway
    PostgreSQL database (dropped at the end) when the test run uses PostgreSQL, else an SQLite
    file in tmp_path."""
    test_database_url = os.environ.get("DATABASE_URL", "")
    if not test_database_url.startswith("postgres"):
        sqlite_path = tmp_path / "entry.sqlite3"
        yield f"sqlite:///{sqlite_path}", lambda table: _has_table_sqlite(sqlite_path, table)
        return
    db_name = f"sakip_entry_{secrets.token_hex(6)}"
    admin_url = _with_database(test_database_url, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db_name)))
    database_url = _with_database(test_database_url, db_name)
    try:
        yield database_url, lambda table: _has_table_postgres(database_url, table)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [db_name],
            )
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(db_name)))


def test_entrypoint_web_migrates_and_serves(tmp_path, production_database):
    database_url, has_table = production_database
    port = _free_port()
    env = _production_env(
        tmp_path,
        database_url,
        SECURE_SSL_REDIRECT="False",
        PORT=str(port),
        WEB_CONCURRENCY="1",
    )
    log_path = tmp_path / "entrypoint.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(ENTRYPOINT), "web"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_healthy(f"{base}/sehat/", process, log_path)

        status, body = _get(f"{base}/masuk/")
        assert status == 200
        assert "Masuk" in body
    finally:
        _stop(process)

    assert (tmp_path / "static" / "staticfiles.json").is_file(), log_path.read_text()
    assert has_table("core_user")


def test_entrypoint_worker_answers_the_health_check_ping(tmp_path, production_database):
    """`docker/entrypoint.sh worker` with the production settings on the local Redis becomes
    ready: the health check of docker-compose.yml (celery inspect ping) gets its answer."""
    database_url, _ = production_database
    name = f"uji-deploy-{secrets.token_hex(4)}"  # its own node name and queue on this Redis
    env = _production_env(
        tmp_path,
        database_url,
        CELERY_BROKER_URL=WORKER_BROKER,
        CELERY_RESULT_BACKEND=WORKER_BROKER,
        CELERY_CONCURRENCY="1",
    )
    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                str(ENTRYPOINT),
                "worker",
                "-n",
                f"{name}@%h",
                "-Q",
                name,
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (
                f"worker exited with {process.returncode}:\n{log_path.read_text()}"
            )
            ping = subprocess.run(
                [
                    str(VENV_BIN / "celery"),
                    "-A",
                    "config",
                    "inspect",
                    "ping",
                    "--destination",
                    f"{name}@{socket.gethostname()}",
                    "--timeout",
                    "3",
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            if ping.returncode == 0:
                break
            assert time.monotonic() < deadline, (
                f"no pong after 60s: {ping.stdout}{ping.stderr}\n{log_path.read_text()}"
            )
            time.sleep(0.5)
        assert "pong" in ping.stdout
    finally:
        _stop(process)
    assert process.returncode is not None


def test_entrypoint_beat_starts_its_schedule(tmp_path, production_database):
    """`docker/entrypoint.sh beat` with the production settings starts and writes its schedule
    file where it is told (the container's /app is not writable by its user)."""
    database_url, _ = production_database
    schedule = tmp_path / "beat" / "schedule"
    schedule.parent.mkdir()
    env = _production_env(
        tmp_path,
        database_url,
        CELERY_BROKER_URL=WORKER_BROKER,
        CELERY_RESULT_BACKEND=WORKER_BROKER,
        CELERY_BEAT_SCHEDULE_FILE=str(schedule),
    )
    log_path = tmp_path / "beat.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(ENTRYPOINT), "beat"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while not list(schedule.parent.glob("schedule*")):
            assert process.poll() is None, (
                f"beat exited with {process.returncode}:\n{log_path.read_text()}"
            )
            assert time.monotonic() < deadline, f"no schedule after 60s:\n{log_path.read_text()}"
            time.sleep(0.5)
        assert "beat: Starting..." in log_path.read_text()
    finally:
        _stop(process)


def test_check_deploy_is_clean(tmp_path):
    env = _production_env(tmp_path, f"sqlite:///{tmp_path / 'check.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:8000", "sakip.magetan.go.id"])
def test_production_refuses_to_start_without_a_public_address(tmp_path, url):
    """The QR code of every final LKjIP would lead to http://127.0.0.1:8000/… for good: the
    settings' system check stops `check` and `migrate` (the web container's first step)."""
    env = _production_env(tmp_path, f"sqlite:///{tmp_path / 'check.sqlite3'}", SAKIP_URL_PUBLIK=url)
    for perintah in (["check"], ["migrate", "--noinput"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *perintah],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0
        assert "sakip.E001" in result.stderr and "SAKIP_URL_PUBLIK" in result.stderr
    basis = tmp_path / "check.sqlite3"
    if basis.exists():  # migrate stopped before it created a table
        with sqlite3.connect(basis) as db:
            assert db.execute("SELECT name FROM sqlite_master").fetchall() == []
