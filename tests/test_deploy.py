"""Deployment: the container entrypoint really migrates and serves, and check --deploy is clean.

Both tests run the project in subprocesses with the production settings and their own database
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
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
VENV_BIN = Path(sys.executable).parent
# Only these are inherited from the caller's environment: the subprocesses must not pick up a
# developer's DATABASE_URL, CSRF_TRUSTED_ORIGINS, ... .
INHERITED = ("HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ", "USER", "SYSTEMROOT")


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


def _wait_until_healthy(url, process, log_path, deadline_seconds=60):
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


def test_entrypoint_web_migrates_and_serves(tmp_path):
    test_database_url = os.environ.get("DATABASE_URL", "")
    use_postgres = test_database_url.startswith("postgres")
    admin_url = db_name = None
    if use_postgres:
        db_name = f"sakip_entry_{secrets.token_hex(6)}"
        admin_url = _with_database(test_database_url, "postgres")
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db_name)))
        database_url = _with_database(test_database_url, db_name)
    else:
        sqlite_path = tmp_path / "entry.sqlite3"
        database_url = f"sqlite:///{sqlite_path}"

    try:
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
        if use_postgres:
            assert _has_table_postgres(database_url, "core_user")
        else:
            assert _has_table_sqlite(sqlite_path, "core_user")
    finally:
        if use_postgres:
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    [db_name],
                )
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(db_name)))


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
