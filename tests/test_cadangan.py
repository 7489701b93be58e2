"""Backup and restore (apps.core.cadangan, `cadangkan` / `pulihkan`): a server rebuilt from one
archive shows the same final LKjIP, byte for byte, and the same dashboard numbers.

The round trip runs the commands as an operator does, in subprocesses with the production
settings: `cadangkan` reads this test's database (committed: transaction=True) and its own
MEDIA_ROOT; `pulihkan` writes into a fresh database (a throwaway PostgreSQL database, or a new
SQLite file) and a fresh MEDIA_ROOT; a third subprocess reads the restored data. The refusals
that need no database of their own run in this process.
"""

import datetime
import hashlib
import io
import json
import os
import secrets
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from conftest import HARI_DEMO
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from lkjip_uji import siap_final
from pabrik.pengukuran import BuktiDukungFactory
from perencanaan_uji import user
from psycopg import sql

from apps.core.cadangan import FORMAT, MANIFEST, VERSI_FORMAT
from apps.core.models import OPD
from apps.laporan import services
from apps.laporan.demo.loader import load_demo
from apps.laporan.models import LaporanKinerja
from apps.laporan.selectors import dasbor
from apps.pengukuran.models import BuktiDukung, Realisasi

ROOT = Path(__file__).resolve().parent.parent
INHERITED = ("HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ", "USER")
PDF_BUKTI = b"%PDF-1.4\n% bukti dukung uji cadangan\n%%EOF\n"


def angka_dasbor() -> dict:
    """Capaian, predikat and serapan of every OPD on the dashboard of 2023 and 2026, as JSON
    (the restored database is read by the same function in a subprocess)."""
    sekarang = timezone.make_aware(datetime.datetime(2026, 11, 22, 12))
    hasil = {}
    for tahun in (2023, 2026):
        for b in dasbor(OPD.objects.order_by("kode"), tahun, sekarang=sekarang):
            hasil[f"{b.opd.kode} {tahun}"] = {
                "capaian": [str(b.capaian.nilai), b.capaian.alasan],
                "predikat": b.predikat.label if b.predikat else None,
                "serapan": [str(b.serapan.nilai), b.serapan.alasan],
            }
    return hasil


def _baca_pulihan() -> dict:
    """What the restored server holds: the final report's file and checksum, the evidence
    file, the dashboard numbers (run by `manage.py shell -c` against the restored data)."""
    lap = LaporanKinerja.objects.get(
        opd__kode="7.01.01", tahun=2023, status=LaporanKinerja.Status.FINAL
    )
    bukti = BuktiDukung.objects.get(nama_asli="bukti-cadangan.pdf")
    with lap.berkas_final.open("rb") as f:
        pdf = f.read()
    with bukti.berkas.open("rb") as f:
        isi_bukti = f.read()
    return {
        "pdf_sha256": hashlib.sha256(pdf).hexdigest(),
        "pdf_nama": lap.berkas_final.name,
        "sha256_tersimpan": lap.sha256,
        "kode": lap.kode_verifikasi,
        "bukti_sha256": hashlib.sha256(isi_bukti).hexdigest(),
        "dasbor": angka_dasbor(),
    }


def _database_url(nama: str | None = None) -> str:
    """This process's test database (or another database on the same server) as a URL."""
    sd = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(nama or sd['NAME']).resolve()}"
    kredensial = quote(sd["USER"] or "", safe="")
    if sd["PASSWORD"]:
        kredensial += ":" + quote(sd["PASSWORD"], safe="")
    return (
        f"postgres://{kredensial}@{sd['HOST'] or '127.0.0.1'}:{sd['PORT'] or 5432}/"
        f"{nama or sd['NAME']}"
    )


def _manage(tmp_path, database_url, media, *args, timeout=120):
    """`python manage.py ARGS` with the production settings on `database_url` and `media`;
    nothing else of the caller's environment (no developer DATABASE_URL)."""
    env = {key: os.environ[key] for key in INHERITED if key in os.environ}
    env.update(
        PATH=os.environ.get("PATH", "/usr/bin:/bin"),
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SAKIP_URL_PUBLIK="https://sakip.contoh.go.id",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media),
        STATIC_ROOT=str(tmp_path / "static"),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT / "tests"),
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _berkas(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _jumlah_tabel(database_url: str) -> int:
    if database_url.startswith("postgres"):
        with psycopg.connect(database_url, autocommit=True) as conn:
            return conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone()[0]
    path = database_url.removeprefix("sqlite:///")
    if not Path(path).exists():
        return 0
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    finally:
        conn.close()


def _ubah_satu_bita(asli: Path, tujuan: Path, anggota: str) -> None:
    """A copy of the archive with one byte of `anggota` changed and its manifest kept."""
    with tarfile.open(asli, "r:gz") as masuk, tarfile.open(tujuan, "w:gz") as keluar:
        for info in masuk.getmembers():
            isi = masuk.extractfile(info).read()
            if info.name == anggota:
                isi = isi[:100] + bytes([isi[100] ^ 1]) + isi[101:]
            keluar.addfile(info, io.BytesIO(isi))


@pytest.fixture
def basis_data_baru(tmp_path):
    """A fresh, empty target database URL: a throwaway PostgreSQL database (dropped at the
    end) or an SQLite file that does not exist yet."""
    if connection.vendor == "sqlite":
        yield _database_url(str(tmp_path / "pulihan.sqlite3"))
        return
    nama = f"sakip_pulih_{secrets.token_hex(6)}"
    admin = _database_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nama)))
    try:
        yield _database_url(nama)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [nama],
            )
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(nama)))


# transaction=True: the `cadangkan` subprocess reads what this test commits. pytest-django runs
# every transactional test after all the rolled-back ones of the session in each process, so
# the flush at its end cannot take the demo from a test that relies on it; and an earlier
# transactional test's flush is why the demo is loaded again here (load_demo is idempotent).
@pytest.mark.django_db(transaction=True)
def test_a_restored_server_has_the_same_final_pdf_and_dashboard(
    tmp_path, settings, basis_data_baru
):
    settings.MEDIA_ROOT = tmp_path / "media-asal"
    load_demo(hari_ini=HARI_DEMO)
    lap = services.laporan_finalize(laporan=siap_final(), user=user("pimpinan.kecamatan"))
    with lap.berkas_final.open("rb") as f:
        pdf = f.read()
    assert pdf.startswith(b"%PDF-") and hashlib.sha256(pdf).hexdigest() == lap.sha256
    nama_bukti = default_storage.save("bukti/2026/bukti-cadangan.pdf", ContentFile(PDF_BUKTI))
    BuktiDukungFactory(
        realisasi=Realisasi.objects.filter(tahun=2026).first(),
        berkas=nama_bukti,
        nama_asli="bukti-cadangan.pdf",
        ukuran=len(PDF_BUKTI),
        sha256=hashlib.sha256(PDF_BUKTI).hexdigest(),
        diunggah_oleh=user("operator.kecamatan"),
    )
    sebelum = angka_dasbor()
    assert any(v["capaian"][0] != "None" for v in sebelum.values())
    assert any(v["serapan"][0] != "None" for v in sebelum.values())

    folder = tmp_path / "cadangan"
    folder.mkdir()
    arsip = folder / "sakip.tar.gz"
    hasil = _manage(
        tmp_path, _database_url(), settings.MEDIA_ROOT, "cadangkan", "--output", str(arsip)
    )
    assert hasil.returncode == 0, hasil.stderr
    assert "Cadangan ditulis ke" in hasil.stdout
    with tarfile.open(arsip, "r:gz") as tar:
        assert tar.getnames()[0] == MANIFEST
        manifest = json.loads(tar.extractfile(MANIFEST).read())
    assert manifest["basis_data"]["vendor"] == connection.vendor
    assert manifest["migrasi"]["laporan"] and manifest["versi_django"]
    # every stored file: the final PDF, the evidence, the demo's organisation charts
    bagan = {}
    for x in LaporanKinerja.objects.exclude(struktur_organisasi=""):
        with x.struktur_organisasi.open("rb") as f:
            bagan[x.struktur_organisasi.name] = hashlib.sha256(f.read()).hexdigest()
    assert {b["path"]: b["sha256"] for b in manifest["berkas"]} == {
        lap.berkas_final.name: lap.sha256,
        nama_bukti: hashlib.sha256(PDF_BUKTI).hexdigest(),
        **bagan,
    }
    assert "PASSWORD" not in json.dumps(manifest).upper()

    media = tmp_path / "media-pulihan"
    # One byte of the final PDF changed: refused, nothing restored (no table, no file).
    rusak = folder / "rusak.tar.gz"
    _ubah_satu_bita(arsip, rusak, f"media/{lap.berkas_final.name}")
    hasil = _manage(tmp_path, basis_data_baru, media, "pulihkan", str(rusak))
    assert hasil.returncode == 1
    assert (
        f"Berkas “media/{lap.berkas_final.name}” dalam arsip {rusak} tidak cocok dengan "
        "SHA-256 di manifest; arsip ini rusak atau diubah. Tidak ada yang dipulihkan."
        in hasil.stderr
    )
    assert _jumlah_tabel(basis_data_baru) == 0
    assert _berkas(media) == []

    hasil = _manage(tmp_path, basis_data_baru, media, "pulihkan", str(arsip))
    assert hasil.returncode == 0, hasil.stderr
    assert "semua SHA-256 cocok" in hasil.stdout

    hasil = _manage(
        tmp_path,
        basis_data_baru,
        media,
        "shell",
        "--no-imports",
        "-c",
        "import json; from test_cadangan import _baca_pulihan; print(json.dumps(_baca_pulihan()))",
    )
    assert hasil.returncode == 0, hasil.stderr
    pulihan = json.loads(hasil.stdout)
    assert pulihan["pdf_sha256"] == hashlib.sha256(pdf).hexdigest() == lap.sha256
    assert pulihan["sha256_tersimpan"] == lap.sha256
    assert (pulihan["pdf_nama"], pulihan["kode"]) == (lap.berkas_final.name, lap.kode_verifikasi)
    assert (media / lap.berkas_final.name).read_bytes() == pdf
    assert pulihan["bukti_sha256"] == hashlib.sha256(PDF_BUKTI).hexdigest()
    assert pulihan["dasbor"] == sebelum

    # The restored database is not empty any more: a second restore needs --yes.
    hasil = _manage(tmp_path, basis_data_baru, media, "pulihkan", str(arsip))
    assert hasil.returncode == 1
    nama_db = (
        basis_data_baru.rsplit("/", 1)[1]
        if connection.vendor == "postgresql"
        else basis_data_baru.removeprefix("sqlite:///")
    )
    assert f"Basis data “{nama_db}” tidak kosong" in hasil.stderr
    assert "ulangi dengan --yes" in hasil.stderr


def _arsip_buatan(path: Path, manifest: dict) -> Path:
    isi = json.dumps(manifest).encode()
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(isi)
        tar.addfile(info, io.BytesIO(isi))
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("isi", [b"bukan arsip", b"%PDF-1.4\n%%EOF\n", None])
def test_a_file_that_is_not_a_backup_is_refused(tmp_path, isi):
    path = tmp_path / "sakip.tar.gz"
    if isi is None:  # a tar.gz, but not ours
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo("catatan.txt")
            tar.addfile(info, io.BytesIO(b""))
    else:
        path.write_bytes(isi)
    with pytest.raises(CommandError) as galat:
        call_command("pulihkan", str(path), "--yes")
    assert str(galat.value) == (
        f"Berkas {path} bukan arsip cadangan SAKIP (buatan perintah "
        "cadangkan); tidak ada yang dipulihkan."
    )


@pytest.mark.django_db
def test_a_backup_of_another_database_vendor_is_refused(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    lain = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    path = _arsip_buatan(
        tmp_path / "lain.tar.gz",
        {
            "format": FORMAT,
            "versi_format": VERSI_FORMAT,
            "basis_data": {"vendor": lain, "berkas": "basis-data.dump"},
            "migrasi": {},
            "berkas": [],
        },
    )
    jumlah = OPD.objects.count()
    with pytest.raises(CommandError) as galat:
        call_command("pulihkan", str(path), "--yes")
    assert str(galat.value) == (
        f"Cadangan ini dari basis data {lain}, sedangkan basis data tujuan "
        f"“{connection.settings_dict['NAME']}” adalah {connection.vendor}; pulihkan ke basis "
        "data yang sejenis. Tidak ada yang dipulihkan."
    )
    assert OPD.objects.count() == jumlah
    assert not settings.MEDIA_ROOT.exists()


@pytest.mark.django_db
def test_a_backup_into_a_missing_folder_is_refused(tmp_path):
    tujuan = tmp_path / "tidak-ada" / "sakip.tar.gz"
    with pytest.raises(CommandError) as galat:
        call_command("cadangkan", "--output", str(tujuan))
    assert str(galat.value) == (
        f"Folder {tujuan.parent} tidak ada; buat dulu foldernya atau "
        "pilih folder lain untuk --output."
    )
    assert not tujuan.parent.exists()
