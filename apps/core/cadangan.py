"""Backup and restore of the whole application: the database and every stored file.

One archive (tar.gz) holds, in this order:

    manifest.json          what the archive is: format, created at, app and Django version,
                           database vendor and name, the latest applied migration of every app,
                           and every file with its size and SHA-256
    basis-data.dump        PostgreSQL: `pg_dump --format=custom`
    basis-data.sqlite3     SQLite: a copy made with the sqlite3 backup API
    media/<path>           every file under MEDIA_ROOT (evidence, import files and the cells
                           read from them, final LKjIP PDFs, struktur pictures, ZIP packages)

The database is dumped before the files are listed, so every file a row of the dump names is
in the archive (a file uploaded in between is an extra file, never a missing one).

A restore checks everything before it changes anything: the manifest, the vendor, migrations
this code does not know, an empty target (or --yes), and the SHA-256 of the database copy and
of every file, written first to a temporary folder inside MEDIA_ROOT. Only then is the database
replaced (PostgreSQL: `pg_restore --clean --if-exists --no-owner` in one transaction; SQLite:
the backup API) and the files moved into MEDIA_ROOT, entry by entry (MEDIA_ROOT itself may be
a mounted volume, which cannot be renamed).

The database password goes to pg_dump/pg_restore in PGPASSWORD, never on the command line,
and is never written to the manifest.
"""

import datetime
import gzip
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from importlib import metadata
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "sakip-cadangan"
VERSI_FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
BERKAS_DB = {"postgresql": "basis-data.dump", "sqlite": "basis-data.sqlite3"}
# Work folders of a restore inside MEDIA_ROOT; never part of a backup.
SEMENTARA = (".pulihkan-", ".lama-")
POTONGAN = 1024 * 1024


class GalatCadangan(Exception):
    """A refusal with the message the operator reads (Indonesian); nothing was changed."""


def _sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    ukuran = 0
    with open(path, "rb") as f:
        while blok := f.read(POTONGAN):
            h.update(blok)
            ukuran += len(blok)
    return h.hexdigest(), ukuran


def _versi_aplikasi() -> str:
    try:
        return metadata.version("sakip")
    except metadata.PackageNotFoundError:
        return "tidak diketahui"


def _vendor() -> str:
    if connection.vendor not in BERKAS_DB:
        raise GalatCadangan(
            f"Basis data {connection.vendor} belum didukung; hanya PostgreSQL dan SQLite."
        )
    return connection.vendor


def _nama_db() -> str:
    return str(connection.settings_dict["NAME"])


def migrasi_terakhir() -> dict[str, str]:
    """The latest applied migration of every app (names sort in order: 0001_, 0002_, ...)."""
    terakhir: dict[str, str] = {}
    for app, nama in MigrationRecorder(connection).applied_migrations():
        if nama > terakhir.get(app, ""):
            terakhir[app] = nama
    return dict(sorted(terakhir.items()))


# --- PostgreSQL client tools ------------------------------------------------------------------


def _pg(program: str, *args: str) -> None:
    """Run pg_dump or pg_restore against the configured database; the password only in the
    environment, and never a prompt (--no-password)."""
    sd = connection.settings_dict
    env = {**os.environ}
    if sd.get("PASSWORD"):
        env["PGPASSWORD"] = str(sd["PASSWORD"])
    if (sd.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = str(sd["OPTIONS"]["sslmode"])
    perintah = [program, "--no-password", "--dbname", _nama_db()]
    if sd.get("HOST"):
        perintah += ["--host", str(sd["HOST"])]
    if sd.get("PORT"):
        perintah += ["--port", str(sd["PORT"])]
    if sd.get("USER"):
        perintah += ["--username", str(sd["USER"])]
    try:
        hasil = subprocess.run([*perintah, *args], env=env, capture_output=True, text=True)
    except FileNotFoundError as e:
        raise GalatCadangan(
            f"Program {program} tidak ditemukan; pasang postgresql-client "
            "(versi yang sama dengan server PostgreSQL)."
        ) from e
    if hasil.returncode != 0:
        raise GalatCadangan(f"{program} gagal (status {hasil.returncode}): {hasil.stderr.strip()}")


# --- backup -----------------------------------------------------------------------------------


def _berkas_media() -> list[tuple[str, Path]]:
    """Every regular file under MEDIA_ROOT as (posix path relative to it, path), sorted."""
    akar = Path(settings.MEDIA_ROOT)
    if not akar.is_dir():
        return []
    daftar = []
    for folder, subfolder, berkas in os.walk(akar):
        subfolder[:] = sorted(d for d in subfolder if not d.startswith(SEMENTARA))
        for nama in berkas:
            path = Path(folder) / nama
            if path.is_file() and not path.is_symlink():
                daftar.append((path.relative_to(akar).as_posix(), path))
    return sorted(daftar)


def _salin_db(tujuan: Path) -> None:
    if connection.vendor == "postgresql":
        _pg("pg_dump", "--format=custom", "--file", str(tujuan))
        return
    sumber = sqlite3.connect(f"file:{_nama_db()}?mode=ro", uri=True)
    try:
        salinan = sqlite3.connect(tujuan)
        try:
            sumber.backup(salinan)
        finally:
            salinan.close()
    finally:
        sumber.close()


def _tambah(arsip: tarfile.TarFile, nama: str, path: Path, ukuran: int) -> None:
    info = tarfile.TarInfo(nama)
    info.size = ukuran
    info.mode = 0o644
    info.mtime = int(path.stat().st_mtime)
    with open(path, "rb") as f:
        arsip.addfile(info, f)


def cadangan_create(*, output: Path) -> dict:
    """Write one archive of the database and every file under MEDIA_ROOT to `output` and
    return its manifest. The archive is written next to `output` under a temporary name and
    renamed when complete, readable by its owner only (it holds every user's data)."""
    output = Path(output)
    folder = output.parent
    if not folder.is_dir():
        raise GalatCadangan(
            f"Folder {folder} tidak ada; buat dulu foldernya atau pilih folder lain untuk --output."
        )
    if output.is_dir():
        raise GalatCadangan(
            f"{output} adalah folder; tulis nama berkas, misalnya {output / 'sakip.tar.gz'}."
        )
    vendor = _vendor()
    with tempfile.TemporaryDirectory(dir=folder, prefix=".cadangan-") as kerja:
        kerja = Path(kerja)
        db = kerja / BERKAS_DB[vendor]
        _salin_db(db)
        db_sha, db_ukuran = _sha256(db)
        berkas = []
        for nama, path in _berkas_media():
            sha, ukuran = _sha256(path)
            berkas.append({"path": nama, "ukuran": ukuran, "sha256": sha, "_path": path})
        manifest = {
            "format": FORMAT,
            "versi_format": VERSI_FORMAT,
            "dibuat": timezone.now().isoformat(),
            "versi_aplikasi": _versi_aplikasi(),
            "versi_django": django.get_version(),
            "basis_data": {
                "vendor": vendor,
                "nama": _nama_db(),
                "berkas": db.name,
                "ukuran": db_ukuran,
                "sha256": db_sha,
            },
            "migrasi": migrasi_terakhir(),
            "berkas": [{k: v for k, v in b.items() if k != "_path"} for b in berkas],
        }
        isi_manifest = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
        sementara = kerja / "arsip.tar.gz"
        with tarfile.open(sementara, "w:gz", compresslevel=6) as arsip:
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(isi_manifest)
            info.mode = 0o644
            info.mtime = int(datetime.datetime.now().timestamp())
            with tempfile.SpooledTemporaryFile() as f:
                f.write(isi_manifest)
                f.seek(0)
                arsip.addfile(info, f)
            _tambah(arsip, db.name, db, db_ukuran)
            for b in berkas:
                _tambah(arsip, f"{MEDIA}/{b['path']}", b["_path"], b["ukuran"])
        os.chmod(sementara, 0o600)
        os.replace(sementara, output)
    return manifest


# --- restore ----------------------------------------------------------------------------------


def _bukan_arsip(path: Path) -> GalatCadangan:
    return GalatCadangan(
        f"Berkas {path} bukan arsip cadangan SAKIP (buatan perintah "
        "cadangkan); tidak ada yang dipulihkan."
    )


def _path_aman(nama: object) -> bool:
    if not isinstance(nama, str) or not nama:
        return False
    p = PurePosixPath(nama)
    return (
        not p.is_absolute()
        and all(b not in ("", ".", "..") for b in p.parts)
        and not p.parts[0].startswith(SEMENTARA)
        and "\\" not in nama
    )


def _baca_manifest(arsip: tarfile.TarFile, path: Path) -> dict:
    anggota = arsip.next()
    if anggota is None or anggota.name != MANIFEST or not anggota.isfile():
        raise _bukan_arsip(path)
    try:
        manifest = json.loads(arsip.extractfile(anggota).read())
    except ValueError as e:
        raise _bukan_arsip(path) from e
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _bukan_arsip(path)
    if manifest.get("versi_format") != VERSI_FORMAT:
        raise GalatCadangan(
            f"Arsip {path} memakai format cadangan versi "
            f"{manifest.get('versi_format')}; aplikasi ini hanya membaca versi "
            f"{VERSI_FORMAT}. Tidak ada yang dipulihkan."
        )
    db = manifest.get("basis_data")
    berkas = manifest.get("berkas")
    if (
        not isinstance(db, dict)
        or not isinstance(berkas, list)
        or not isinstance(manifest.get("migrasi"), dict)
        or not all(isinstance(b, dict) and _path_aman(b.get("path")) for b in berkas)
    ):
        raise _bukan_arsip(path)
    return manifest


def _periksa_migrasi(manifest: dict) -> list[str]:
    """Refuse a backup made by a newer version of the application (migrations this code does
    not have); return the apps whose code has newer migrations than the backup (the operator
    runs migrate afterwards)."""
    dikenal = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    asing = [
        f"{app}.{nama}" for app, nama in manifest["migrasi"].items() if (app, nama) not in dikenal
    ]
    if asing:
        raise GalatCadangan(
            "Cadangan ini dibuat oleh versi aplikasi yang lebih baru (migrasi "
            f"yang tidak dikenal: {', '.join(sorted(asing))}); pasang versi "
            "aplikasi itu dulu. Tidak ada yang dipulihkan."
        )
    return sorted({app for app, nama in dikenal if nama > manifest["migrasi"].get(app, "")})


def _salin_anggota(arsip: tarfile.TarFile, anggota: tarfile.TarInfo, tujuan: Path) -> tuple:
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    h = hashlib.sha256()
    ukuran = 0
    sumber = arsip.extractfile(anggota)
    with open(tujuan, "wb") as f:
        while blok := sumber.read(POTONGAN):
            h.update(blok)
            f.write(blok)
            ukuran += len(blok)
    return h.hexdigest(), ukuran


def _ekstrak(arsip: tarfile.TarFile, manifest: dict, kerja: Path, path: Path) -> Path:
    """Write the database copy and every file to `kerja`, checking each against the
    manifest; return the database copy."""
    db = manifest["basis_data"]
    harapan = {db.get("berkas"): (db.get("sha256"), db.get("ukuran"))}
    harapan.update(
        {f"{MEDIA}/{b['path']}": (b.get("sha256"), b.get("ukuran")) for b in manifest["berkas"]}
    )
    if db.get("berkas") != BERKAS_DB.get(db.get("vendor")):
        raise _bukan_arsip(path)
    dilihat = set()
    # next(), not iteration: iterating a TarFile starts again at the manifest.
    while (anggota := arsip.next()) is not None:
        if anggota.name not in harapan or anggota.name in dilihat or not anggota.isfile():
            raise GalatCadangan(
                f"Arsip {path} memuat “{anggota.name}” yang tidak tercatat di "
                "manifest; arsip ini rusak atau diubah. Tidak ada yang "
                "dipulihkan."
            )
        dilihat.add(anggota.name)
        sha, ukuran = _salin_anggota(arsip, anggota, kerja / anggota.name)
        if (sha, ukuran) != harapan[anggota.name]:
            raise GalatCadangan(
                f"Berkas “{anggota.name}” dalam arsip {path} tidak cocok dengan "
                "SHA-256 di manifest; arsip ini rusak atau diubah. Tidak ada "
                "yang dipulihkan."
            )
    hilang = sorted(set(harapan) - dilihat)
    if hilang:
        raise GalatCadangan(
            f"Arsip {path} tidak lengkap: {', '.join(hilang[:5])} tidak ada. "
            "Tidak ada yang dipulihkan."
        )
    return kerja / db["berkas"]


def _pulihkan_db(salinan: Path) -> None:
    if connection.vendor == "postgresql":
        _pg(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            str(salinan),
        )
        return
    connection.close()
    sumber = sqlite3.connect(salinan)
    try:
        tujuan = sqlite3.connect(_nama_db())
        try:
            sumber.backup(tujuan)  # replaces the whole target, page by page, in one go
        finally:
            tujuan.close()
    finally:
        sumber.close()


def _pindahkan_media(akar: Path, baru: Path) -> None:
    """Swap MEDIA_ROOT's entries for the restored ones: the old ones aside first, then the
    new ones in (renames inside one file system), then the old ones removed."""
    lama = Path(tempfile.mkdtemp(dir=akar, prefix=SEMENTARA[1]))
    for entri in sorted(akar.iterdir()):
        if not entri.name.startswith(SEMENTARA):
            os.replace(entri, lama / entri.name)
    if baru.is_dir():
        for entri in sorted(baru.iterdir()):
            os.replace(entri, akar / entri.name)
    shutil.rmtree(lama)


def cadangan_restore(*, arsip: Path, ya: bool = False) -> dict:
    """Replace the database and MEDIA_ROOT with the content of an archive of cadangan_create
    and return its manifest, plus "perlu_migrate": the apps with newer migrations in the code.
    Refuses, changing nothing: a file that is not such an archive, another database vendor,
    migrations this code does not know, a database with tables or a MEDIA_ROOT with files
    unless `ya`, and any file whose size or SHA-256 differs from the manifest."""
    arsip = Path(arsip)
    if not arsip.is_file():
        raise GalatCadangan(f"Berkas {arsip} tidak ada.")
    vendor = _vendor()
    akar = Path(settings.MEDIA_ROOT)
    try:
        with tarfile.open(arsip, "r:gz") as tar:
            manifest = _baca_manifest(tar, arsip)
            asal = manifest["basis_data"].get("vendor")
            if asal != vendor:
                raise GalatCadangan(
                    f"Cadangan ini dari basis data {asal}, sedangkan basis data "
                    f"tujuan “{_nama_db()}” adalah {vendor}; pulihkan ke basis "
                    "data yang sejenis. Tidak ada yang dipulihkan."
                )
            perlu_migrate = _periksa_migrasi(manifest)
            if not ya:
                tabel = connection.introspection.table_names()
                if tabel:
                    raise GalatCadangan(
                        f"Basis data “{_nama_db()}” tidak kosong ({len(tabel)} tabel). "
                        "Pemulihan menghapus isinya dan menggantinya dengan isi cadangan; "
                        "ulangi dengan --yes bila memang itu yang dimaksud."
                    )
                if _berkas_media():
                    raise GalatCadangan(
                        f"Folder berkas {akar} tidak kosong. Pemulihan mengganti seluruh "
                        "isinya dengan berkas dari cadangan; ulangi dengan --yes bila memang "
                        "itu yang dimaksud."
                    )
            akar.mkdir(parents=True, exist_ok=True)
            kerja = Path(tempfile.mkdtemp(dir=akar, prefix=SEMENTARA[0]))
            try:
                salinan = _ekstrak(tar, manifest, kerja, arsip)
                _pulihkan_db(salinan)
                _pindahkan_media(akar, kerja / MEDIA)
            finally:
                shutil.rmtree(kerja, ignore_errors=True)
    except (tarfile.TarError, gzip.BadGzipFile, EOFError, zlib.error, UnicodeDecodeError) as e:
        raise _bukan_arsip(arsip) from e
    return {**manifest, "perlu_migrate": perlu_migrate}
