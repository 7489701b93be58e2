"""Page timings of the realisasi pages against a hand-written SQL baseline.

Run from the project root:
    .venv/bin/python benchmarks/pages.py  [--repeat 20] [--synthetic 100 300]

Builds its own database (a fresh SQLite file under var/bench/, or with DATABASE_URL set to a
PostgreSQL server: a database named `sakip_bench` on that server, created here and dropped at
the end; no other database is touched), migrates, loads the demo with 100 synthetic OPDs, then
times the pages through django.test.Client and, for each, the raw SQL that reads the same data;
then grows the data to 300 synthetic OPDs and times them again.
See benchmarks/README.md.
"""

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from hasil import catat

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DB = "sakip_bench"
TAHUN, TW = 2025, 4  # the synthetic data's year; its last triwulan


# --- the benchmark's own database ------------------------------------------------------------


class Database:
    """Where the benchmark writes: never the project's own database."""

    def __init__(self):
        self.url = os.environ.get("DATABASE_URL", "")
        self.pg = None
        if self.url:
            parts = urlsplit(self.url)
            if not parts.scheme.startswith("postgres"):
                sys.exit(
                    "DATABASE_URL: only a PostgreSQL server is supported "
                    "(leave it unset for SQLite)."
                )
            self.pg = parts

    def _admin(self):
        import psycopg

        p = self.pg
        admin_db = p.path.lstrip("/") or "postgres"
        if admin_db == BENCH_DB:
            admin_db = "postgres"
        return psycopg.connect(
            host=p.hostname or "",
            port=p.port or 5432,
            user=p.username or "",
            password=p.password or "",
            dbname=admin_db,
            autocommit=True,
        )

    def create(self) -> str:
        """Make the empty benchmark database; return the DATABASE_URL Django will use."""
        if self.pg is None:
            folder = BASE_DIR / "var" / "bench"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "pages.sqlite3"
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return f"sqlite:///{path}"
        from psycopg import sql

        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(BENCH_DB)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DB)))
        return urlunsplit(self.pg._replace(path=f"/{BENCH_DB}"))

    def drop(self):
        if self.pg is None:
            return
        from django.db import connections
        from psycopg import sql

        connections.close_all()
        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(BENCH_DB)))

    def describe(self) -> str:
        """Where, and the Django version (once set up)."""
        import django

        if self.pg is None:
            return f"SQLite var/bench/pages.sqlite3 (Django {django.get_version()})"
        return (
            f"PostgreSQL {self.pg.hostname}:{self.pg.port or 5432}/{BENCH_DB} "
            f"(Django {django.get_version()})"
        )


def di_basis_data_sendiri(jalankan, args) -> None:
    """The start every benchmark script shares: the local settings, a database of its own
    (created here, dropped afterwards, whatever happens), Django set up as in production
    (DEBUG off: no query log; not setup_test_environment(), whose template instrumentation
    copies every context for the test client and would inflate the pages; the test client's
    host allowed), then `jalankan(db, args, mulai)`, `mulai` being when the set-up began."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    sys.path.insert(0, str(BASE_DIR))
    db = Database()
    mulai = time.perf_counter()
    os.environ["DATABASE_URL"] = db.create()
    try:
        import django

        django.setup()
        from django.conf import settings

        settings.DEBUG = False
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        jalankan(db, args, mulai)
    finally:
        db.drop()


# --- measuring -------------------------------------------------------------------------------


def ukur(fn, repeat: int) -> tuple[float, float]:
    """(median, p95) in ms of `repeat` calls, after one warm-up call."""
    fn()
    waktu = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        waktu.append((time.perf_counter() - t0) * 1000)
    waktu.sort()
    return statistics.median(waktu), waktu[math.ceil(0.95 * len(waktu)) - 1]


def halaman(client, url, data=None):
    def get():
        resp = client.get(url, data)
        if resp.status_code != 200:
            raise SystemExit(f"GET {url} {data or ''} answered {resp.status_code}")
        return resp

    return get


def jumlah_query(get) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        get()
    return len(ctx.captured_queries)


def sql_mentah(queries):
    """Run hand-written SELECTs and fetch every row, as the page's data would be read."""
    from django.db import connection

    def jalankan():
        with connection.cursor() as cur:
            n = 0
            for q, params in queries:
                cur.execute(q, params)
                n += len(cur.fetchall())
        return n

    jalankan.queries = queries
    return jalankan


# The PK in force: the latest final version of the OPD's year.
PK_BERLAKU = """(SELECT pk.id FROM perencanaan_perjanjiankinerja pk
    WHERE pk.opd_id = %s AND pk.tahun = %s AND pk.status = 'final'
    ORDER BY pk.versi DESC LIMIT 1)"""


def sql_pengisian(opd_id: int, tahun: int):
    """The entry page's data: PK indicators with targets and their place in the Renstra tree,
    the allowed text values, the year's realisasi with who entered and verified them, their
    evidence and their comment thread."""
    pk = (opd_id, tahun)
    indikator = f"""(SELECT pi.indikator_id FROM perencanaan_pkindikator pi
        WHERE pi.pk_dokumen_id = {PK_BERLAKU})"""
    realisasi = f"""(SELECT r.id FROM pengukuran_realisasi r
        WHERE r.indikator_id IN {indikator} AND r.tahun = %s)"""
    return [
        (
            f"""SELECT pi.id, pi.target, pi.target_teks, i.id, i.nama, i.satuan, i.polaritas,
                i.jenis_nilai, i.agregasi, i.boleh_negatif, t.nomor, s.nomor, i.nomor
            FROM perencanaan_pkindikator pi
            JOIN perencanaan_indikatorkinerja i ON i.id = pi.indikator_id
            JOIN perencanaan_sasaran s ON s.id = i.sasaran_id
            JOIN perencanaan_tujuan t ON t.id = s.tujuan_id
            WHERE pi.pk_dokumen_id = {PK_BERLAKU}
            ORDER BY t.nomor, s.nomor, i.nomor""",
            pk,
        ),
        (
            f"""SELECT p.indikator_id, p.label FROM perencanaan_pilihannilai p
            WHERE p.indikator_id IN {indikator}
            ORDER BY p.indikator_id, p.urutan""",
            pk,
        ),
        (
            f"""SELECT r.id, r.indikator_id, r.triwulan, r.nilai, r.nilai_teks, r.analisis,
                r.solusi, r.status, r.versi, ud.first_name, ud.last_name, uv.first_name,
                uv.last_name
            FROM pengukuran_realisasi r
            LEFT JOIN core_user ud ON ud.id = r.diisi_oleh_id
            LEFT JOIN core_user uv ON uv.id = r.diverifikasi_oleh_id
            WHERE r.indikator_id IN {indikator} AND r.tahun = %s""",
            (*pk, tahun),
        ),
        (
            f"""SELECT b.id, b.realisasi_id, b.nama_asli, b.ukuran
            FROM pengukuran_buktidukung b
            WHERE b.realisasi_id IN {realisasi}
            ORDER BY b.diunggah_pada""",
            (*pk, tahun),
        ),
        (
            f"""SELECT c.id, c.realisasi_id, c.jenis, c.isi, c.dibuat, u.first_name, u.last_name
            FROM pengukuran_catatanverifikasi c
            JOIN core_user u ON u.id = c.penulis_id
            WHERE c.realisasi_id IN {realisasi}
            ORDER BY c.dibuat""",
            (*pk, tahun),
        ),
    ]


def sql_antrean(status: str):
    """The queue's data: per OPD, year and triwulan the counts per status and the last
    submission, in the page's order, its first page of 50 and the number of entries; and the
    OPD list of the filter."""
    jumlah = ",\n".join(
        f"SUM(CASE WHEN re.status = '{s}' THEN 1 ELSE 0 END) AS {s}"
        for s in ("draft", "diajukan", "dikembalikan", "diverifikasi")
    )
    having = "HAVING SUM(CASE WHEN re.status = %s THEN 1 ELSE 0 END) > 0" if status else ""
    return [
        (
            f"""SELECT o.id, o.kode, o.nama, re.tahun, re.triwulan, {jumlah},
                MAX(re.diajukan_pada) AS terakhir, COUNT(*) OVER () AS entri
            FROM pengukuran_realisasi re
            JOIN perencanaan_indikatorkinerja i ON i.id = re.indikator_id
            JOIN perencanaan_sasaran s ON s.id = i.sasaran_id
            JOIN perencanaan_tujuan t ON t.id = s.tujuan_id
            JOIN perencanaan_renstra rs ON rs.id = t.renstra_id
            JOIN core_opd o ON o.id = rs.opd_id
            GROUP BY o.id, o.kode, o.nama, re.tahun, re.triwulan
            {having}
            ORDER BY diajukan DESC, MAX(re.diajukan_pada) IS NULL, MAX(re.diajukan_pada) DESC,
                o.kode, re.tahun DESC, re.triwulan DESC
            LIMIT 50""",
            (status,) if status else (),
        ),
        ("SELECT id, kode, nama, singkatan FROM core_opd ORDER BY kode", ()),
    ]


def sql_dasbor(tahun: int):
    """The dashboard's data for every OPD of the year: the OPDs, the PK in force of each with
    its indicators, targets and allowed values, the year's realisasi, the scales, the input
    windows and lock exceptions, the pagu and realisation of each DPA in force, and what the
    consistency checks read (Renstra covering the year and its targets, sasaran without
    indicators, program links, the PK programs)."""
    pk_berlaku = """SELECT pk.id FROM perencanaan_perjanjiankinerja pk
        WHERE pk.tahun = %s AND pk.status = 'final' AND pk.versi = (
            SELECT MAX(p2.versi) FROM perencanaan_perjanjiankinerja p2
            WHERE p2.opd_id = pk.opd_id AND p2.tahun = pk.tahun AND p2.status = 'final')"""
    dpa_berlaku = """SELECT d.id FROM anggaran_dpa d WHERE d.tahun = %s AND d.jenis = (
        SELECT MAX(d2.jenis) FROM anggaran_dpa d2
        WHERE d2.opd_id = d.opd_id AND d2.tahun = d.tahun)"""
    renstra = """SELECT r.id FROM perencanaan_renstra r
        WHERE r.tahun_awal <= %s AND r.tahun_akhir >= %s"""
    return [
        (
            """SELECT o.id, o.kode, o.nama, o.singkatan, o.jenis, o.skala_predikat_id
            FROM core_opd o WHERE o.aktif ORDER BY o.kode""",
            (),
        ),
        ("""SELECT p.skala_predikat_id, p.rumus_polaritas_negatif FROM core_pemda p""", ()),
        (
            """SELECT r.skala_id, r.label, r.batas_bawah, r.batas_atas, r.warna
            FROM core_rentangpredikat r ORDER BY r.skala_id, r.batas_bawah""",
            (),
        ),
        (
            f"""SELECT pk.id, pk.opd_id, pk.versi FROM perencanaan_perjanjiankinerja pk
            WHERE pk.id IN ({pk_berlaku})""",
            (tahun,),
        ),
        (
            f"""SELECT pi.pk_dokumen_id, pi.target, pi.target_teks, i.id, i.nama, i.satuan,
                i.polaritas, i.jenis_nilai, i.agregasi, s.id, s.uraian, s.nomor, t.nomor
            FROM perencanaan_pkindikator pi
            JOIN perencanaan_indikatorkinerja i ON i.id = pi.indikator_id
            JOIN perencanaan_sasaran s ON s.id = i.sasaran_id
            JOIN perencanaan_tujuan t ON t.id = s.tujuan_id
            WHERE pi.pk_dokumen_id IN ({pk_berlaku})
            ORDER BY t.nomor, s.nomor, i.nomor""",
            (tahun,),
        ),
        (
            f"""SELECT p.indikator_id, p.label FROM perencanaan_pilihannilai p
            WHERE p.indikator_id IN (SELECT pi.indikator_id FROM perencanaan_pkindikator pi
                                     WHERE pi.pk_dokumen_id IN ({pk_berlaku}))
            ORDER BY p.indikator_id, p.urutan""",
            (tahun,),
        ),
        (
            f"""SELECT r.indikator_id, r.triwulan, r.nilai, r.nilai_teks, r.status
            FROM pengukuran_realisasi r
            WHERE r.tahun = %s AND r.indikator_id IN (
                SELECT pi.indikator_id FROM perencanaan_pkindikator pi
                WHERE pi.pk_dokumen_id IN ({pk_berlaku}))""",
            (tahun, tahun),
        ),
        (
            """SELECT j.triwulan, j.dibuka, j.ditutup FROM pengukuran_jadwalpengisian j
            WHERE j.tahun = %s""",
            (tahun,),
        ),
        (
            """SELECT k.opd_id, j.triwulan FROM pengukuran_pengecualiankunci k
            JOIN pengukuran_jadwalpengisian j ON j.id = k.jadwal_id
            WHERE j.tahun = %s AND k.berlaku_sampai > CURRENT_TIMESTAMP""",
            (tahun,),
        ),
        (
            f"""SELECT d.opd_id, SUM(ri.pagu) FROM anggaran_rinciandpa ri
            JOIN anggaran_dpa d ON d.id = ri.dpa_id
            WHERE d.id IN ({dpa_berlaku}) GROUP BY d.opd_id""",
            (tahun,),
        ),
        (
            f"""SELECT d.opd_id, SUM(ra.realisasi) FROM anggaran_realisasianggaran ra
            JOIN anggaran_rinciandpa ri ON ri.id = ra.rincian_id
            JOIN anggaran_dpa d ON d.id = ri.dpa_id
            WHERE d.id IN ({dpa_berlaku}) GROUP BY d.opd_id""",
            (tahun,),
        ),
        (
            f"""SELECT d.opd_id, k.program_id, SUM(ri.pagu) FROM anggaran_rinciandpa ri
            JOIN anggaran_kegiatan k ON k.id = ri.kegiatan_id
            JOIN anggaran_dpa d ON d.id = ri.dpa_id
            WHERE d.id IN ({dpa_berlaku}) GROUP BY d.opd_id, k.program_id""",
            (tahun,),
        ),
        (
            """SELECT pp.pk_dokumen_id, pp.program_id, pp.anggaran FROM perencanaan_pkprogram pp
            WHERE pp.pk_dokumen_id IN (SELECT pk.id FROM perencanaan_perjanjiankinerja pk
                                       WHERE pk.tahun = %s)""",
            (tahun,),
        ),
        (
            f"""SELECT tt.indikator_id, tt.target, tt.target_teks FROM perencanaan_targettahunan tt
            WHERE tt.tahun = %s AND tt.indikator_id IN (
                SELECT pi.indikator_id FROM perencanaan_pkindikator pi
                WHERE pi.pk_dokumen_id IN ({pk_berlaku}))""",
            (tahun, tahun),
        ),
        (
            f"""SELECT s.id, COUNT(i.id) FROM perencanaan_sasaran s
            JOIN perencanaan_tujuan t ON t.id = s.tujuan_id
            LEFT JOIN perencanaan_indikatorkinerja i ON i.sasaran_id = s.id
            WHERE t.renstra_id IN ({renstra}) GROUP BY s.id""",
            (tahun, tahun),
        ),
        (
            f"""SELECT ps.program_id, t.renstra_id FROM perencanaan_programsasaran ps
            JOIN perencanaan_sasaran s ON s.id = ps.sasaran_id
            JOIN perencanaan_tujuan t ON t.id = s.tujuan_id
            WHERE t.renstra_id IN ({renstra})""",
            (tahun, tahun),
        ),
    ]


def sql_pohon(tahun: int, opd_id: int | None = None):
    """The pohon kinerja's data of the year (every OPD, or one): the RPJMD period covering the
    year with its sasaran daerah, IKU and targets, each OPD's Renstra sasaran and their links
    to sasaran daerah and programs, the PK in force with its indicators, targets and the
    year's realisasi, and the DPA in force: its programs with their pagu and realisation
    summed from the lines and their indicators (with `opd_id` also the kegiatan, the lines
    and the months' physical output)."""
    saring = "AND o.id = %s" if opd_id else ""
    arg = (opd_id,) if opd_id else ()
    periode = """SELECT p.id FROM core_perioderpjmd p
        WHERE p.tahun_awal <= %s AND p.tahun_akhir >= %s ORDER BY p.tahun_awal DESC LIMIT 1"""
    renstra = f"""SELECT r.id FROM perencanaan_renstra r JOIN core_opd o ON o.id = r.opd_id
        WHERE o.aktif AND r.tahun_awal <= %s AND r.tahun_akhir >= %s {saring}"""
    pk_berlaku = f"""SELECT pk.id FROM perencanaan_perjanjiankinerja pk
        JOIN core_opd o ON o.id = pk.opd_id
        WHERE o.aktif {saring} AND pk.tahun = %s AND pk.status = 'final' AND pk.versi = (
            SELECT MAX(p2.versi) FROM perencanaan_perjanjiankinerja p2
            WHERE p2.opd_id = pk.opd_id AND p2.tahun = pk.tahun AND p2.status = 'final')"""
    dpa_berlaku = f"""SELECT d.id FROM anggaran_dpa d JOIN core_opd o ON o.id = d.opd_id
        WHERE o.aktif {saring} AND d.tahun = %s AND d.jenis = (
            SELECT MAX(d2.jenis) FROM anggaran_dpa d2
            WHERE d2.opd_id = d.opd_id AND d2.tahun = d.tahun)"""
    q = [
        (
            f"""SELECT sd.id, sd.nomor, sd.uraian, t.nomor FROM perencanaan_sasarandaerah sd
            JOIN perencanaan_tujuandaerah t ON t.id = sd.tujuan_id
            WHERE t.periode_id IN ({periode}) ORDER BY t.nomor, sd.nomor""",
            (tahun, tahun),
        ),
        (
            f"""SELECT i.id, i.sasaran_id, i.nama, i.satuan, td.target
            FROM perencanaan_indikatordaerah i
            JOIN perencanaan_sasarandaerah sd ON sd.id = i.sasaran_id
            JOIN perencanaan_tujuandaerah t ON t.id = sd.tujuan_id
            LEFT JOIN perencanaan_targetdaerah td ON td.indikator_id = i.id AND td.tahun = %s
            WHERE t.periode_id IN ({periode}) ORDER BY i.nomor""",
            (tahun, tahun, tahun),
        ),
        (
            f"""SELECT s.id, s.nomor, s.uraian, t.nomor, r.opd_id, r.id, o.kode, o.nama
            FROM perencanaan_sasaran s JOIN perencanaan_tujuan t ON t.id = s.tujuan_id
            JOIN perencanaan_renstra r ON r.id = t.renstra_id JOIN core_opd o ON o.id = r.opd_id
            WHERE r.id IN ({renstra}) ORDER BY o.kode, t.nomor, s.nomor""",
            (tahun, tahun, *arg),
        ),
        (
            f"""SELECT ds.sasaran_id, ds.sasaran_daerah_id FROM perencanaan_dukungansasarandaerah ds
            JOIN perencanaan_sasaran s ON s.id = ds.sasaran_id
            JOIN perencanaan_tujuan t ON t.id = s.tujuan_id WHERE t.renstra_id IN ({renstra})""",
            (tahun, tahun, *arg),
        ),
        (
            f"""SELECT ps.sasaran_id, ps.program_id FROM perencanaan_programsasaran ps
            JOIN perencanaan_sasaran s ON s.id = ps.sasaran_id
            JOIN perencanaan_tujuan t ON t.id = s.tujuan_id WHERE t.renstra_id IN ({renstra})""",
            (tahun, tahun, *arg),
        ),
        (
            f"""SELECT pi.pk_dokumen_id, pi.target, pi.target_teks, i.id, i.nama, i.satuan,
                i.polaritas, i.jenis_nilai, i.agregasi, i.sasaran_id
            FROM perencanaan_pkindikator pi
            JOIN perencanaan_indikatorkinerja i ON i.id = pi.indikator_id
            WHERE pi.pk_dokumen_id IN ({pk_berlaku}) ORDER BY i.nomor""",
            (*arg, tahun),
        ),
        (
            f"""SELECT r.indikator_id, r.triwulan, r.nilai, r.nilai_teks
            FROM pengukuran_realisasi r
            WHERE r.tahun = %s AND r.indikator_id IN (
                SELECT pi.indikator_id FROM perencanaan_pkindikator pi
                WHERE pi.pk_dokumen_id IN ({pk_berlaku}))""",
            (tahun, *arg, tahun),
        ),
        (
            f"""SELECT d.opd_id, pr.id, pr.kode, pr.nama, SUM(ri.pagu), SUM(ra.s),
                dp.indikator, dp.target, dp.satuan, dp.realisasi
            FROM anggaran_rinciandpa ri JOIN anggaran_dpa d ON d.id = ri.dpa_id
            JOIN anggaran_kegiatan k ON k.id = ri.kegiatan_id
            JOIN anggaran_program pr ON pr.id = k.program_id
            LEFT JOIN (SELECT rincian_id, SUM(realisasi) s FROM anggaran_realisasianggaran
                       GROUP BY rincian_id) ra ON ra.rincian_id = ri.id
            LEFT JOIN anggaran_dpaprogram dp ON dp.dpa_id = d.id AND dp.program_id = pr.id
            WHERE d.id IN ({dpa_berlaku})
            GROUP BY d.opd_id, pr.id, pr.kode, pr.nama, dp.indikator, dp.target, dp.satuan,
                dp.realisasi""",
            (*arg, tahun),
        ),
    ]
    if opd_id:
        q.append(
            (
                f"""SELECT ri.id, ri.kegiatan_id, k.kode, k.nama, s.kode, s.nama, ri.indikator,
                    ri.target, ri.satuan, ri.pagu, SUM(ra.realisasi), SUM(ra.fisik),
                    dk.indikator, dk.target, dk.satuan, dk.realisasi
                FROM anggaran_rinciandpa ri JOIN anggaran_kegiatan k ON k.id = ri.kegiatan_id
                LEFT JOIN anggaran_subkegiatan s ON s.id = ri.sub_kegiatan_id
                LEFT JOIN anggaran_realisasianggaran ra ON ra.rincian_id = ri.id
                LEFT JOIN anggaran_dpakegiatan dk
                    ON dk.dpa_id = ri.dpa_id AND dk.kegiatan_id = ri.kegiatan_id
                WHERE ri.dpa_id IN ({dpa_berlaku})
                GROUP BY ri.id, k.kode, k.nama, s.kode, s.nama, dk.indikator, dk.target,
                    dk.satuan, dk.realisasi
                ORDER BY k.kode, s.kode""",
                (*arg, tahun),
            )
        )
    return q


# --- the run ---------------------------------------------------------------------------------


def siapkan(synthetic: int):
    """Migrate, load the demo with synthetic OPDs; pick the synthetic OPD with the most PK
    indicators, give it an operator and one evidence file and one comment per TW IV row."""
    from django.core.management import call_command
    from django.db.models import Count

    from apps.core.models import User
    from apps.core.roles import Peran
    from apps.laporan.demo.loader import load_demo
    from apps.pengukuran.models import BuktiDukung, CatatanVerifikasi, Realisasi
    from apps.perencanaan.models import PerjanjianKinerja

    call_command("migrate", verbosity=0, interactive=False)
    hasil = load_demo(synthetic=synthetic)
    pk = (
        PerjanjianKinerja.objects.filter(opd__kode__startswith="SIN-", tahun=TAHUN, status="final")
        .annotate(n=Count("indikator"))
        .order_by("-n", "opd__kode")
        .select_related("opd")
        .first()
    )
    opd = pk.opd
    operator = User.objects.create_user(
        username="bench.operator",
        peran=Peran.OPERATOR,
        opd=opd,
        first_name="Operator",
        last_name=opd.kode,
    )
    verifikator = hasil["users"]["verifikator"]
    baris = Realisasi.objects.filter(indikator__target_pk__pk_dokumen=pk, tahun=TAHUN, triwulan=TW)
    BuktiDukung.objects.bulk_create(
        BuktiDukung(
            realisasi=r,
            berkas=f"bukti/bench/{r.pk}.pdf",
            nama_asli=f"bukti-{r.pk}.pdf",
            jenis_konten="application/pdf",
            ukuran=250_000,
            sha256="0" * 64,
            diunggah_oleh=operator,
        )
        for r in baris
    )
    CatatanVerifikasi.objects.bulk_create(
        CatatanVerifikasi(
            realisasi=r,
            jenis=CatatanVerifikasi.Jenis.TANGGAPAN,
            isi="Bukti dukung terlampir.",
            penulis=operator,
        )
        for r in baris
    )
    return opd, pk.n, operator, verifikator


def setelah_ubah(opd, get):
    """A request made after one realisasi value of `opd` was written again (an UPDATE of
    its row, as a save writes it; the UPDATE's milliseconds are counted too): the dashboard
    computes that OPD's row and reuses the others."""
    from django.db.models import F

    from apps.pengukuran.models import Realisasi

    satu = Realisasi.objects.filter(indikator__sasaran__tujuan__renstra__opd=opd, tahun=TAHUN)
    pk = satu.order_by("pk").values_list("pk", flat=True).first()

    def f():
        Realisasi.objects.filter(pk=pk).update(versi=F("versi") + 1)
        return get()

    return f


def dari_cache(get):
    """A request made with the dashboard's cache on (SAKIP_DASBOR_CACHE_DETIK 60): after the
    first, the rows come from the cache."""
    from django.conf import settings

    def f():
        settings.SAKIP_DASBOR_CACHE_DETIK = 60
        try:
            return get()
        finally:
            settings.SAKIP_DASBOR_CACHE_DETIK = 0

    return f


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per figure")
    parser.add_argument(
        "--synthetic",
        type=int,
        nargs="+",
        default=[100, 300],
        help="synthetic OPDs to load; several sizes are measured one after another, the data "
        "of each kept and grown to the next (default: 100 then 300)",
    )
    parser.add_argument(
        "--cache",
        default="redis://127.0.0.1:6379/12",
        help="the shared cache as deployed (Redis; emptied before and after); 'locmem' for "
        "the process's own memory",
    )
    parser.add_argument(
        "--profil",
        type=int,
        metavar="N",
        default=0,
        help="instead of the timings, print a cProfile of the dashboard and of the entry page "
        "(N rows each, sorted by own time then by cumulative time) at the first size",
    )
    args = parser.parse_args()
    # The dashboard keeps each OPD's row in the shared cache, Redis as deployed
    # (docker-compose.yml); the process's own memory would drop rows above 300 entries.
    os.environ["CACHE_URL"] = "locmemcache://" if args.cache == "locmem" else args.cache
    di_basis_data_sendiri(jalankan, args)


def jalankan(db, args, mulai):
    from django.conf import settings
    from django.core.cache import cache

    cache.clear()

    # The dashboard computed on every request; its rows reused from the cache are a figure of
    # their own below.
    settings.SAKIP_DASBOR_CACHE_DETIK = 0
    ukuran = sorted(set(args.synthetic))
    opd, n_indikator, operator, verifikator = siapkan(ukuran[0])
    if args.profil:
        profil(args.profil, opd, operator, verifikator)
        return
    for i, n in enumerate(ukuran):
        if i:
            from apps.core.models import PeriodeRPJMD
            from apps.laporan.demo.loader import load_synthetic

            t0 = time.perf_counter()
            load_synthetic(n, PeriodeRPJMD.objects.order_by("tahun_awal").first(), verifikator)
            print(f"grown to {n} synthetic OPDs in {time.perf_counter() - t0:.1f} s")
        ukur_semua(db, args, n, opd, n_indikator, operator, verifikator, mulai)
    print(f"total {time.perf_counter() - mulai:.1f} s")
    cache.clear()


def profil(n: int, opd, operator, verifikator):
    """cProfile of five requests of the dashboard and of the entry page, after a warm-up."""
    import cProfile
    import pstats

    from django.test import Client
    from django.urls import reverse

    client_opd, client_ver = Client(), Client()
    client_opd.force_login(operator)
    client_ver.force_login(verifikator)
    for nama, get in (
        ("dashboard", halaman(client_ver, reverse("laporan:dasbor"), {"tahun": TAHUN})),
        (
            "entry page",
            halaman(client_opd, reverse("pengukuran:pengisian", args=[opd.pk, TAHUN, TW])),
        ),
    ):
        get()
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(5):
            get()
        prof.disable()
        print(f"\n== {nama}: 5 requests")
        for urut in ("tottime", "cumulative"):
            pstats.Stats(prof).strip_dirs().sort_stats(urut).print_stats(n)


def ukur_semua(db, args, n_opd, opd, n_indikator, operator, verifikator, mulai):
    """Every figure at the present size of the data, printed as one table."""
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from apps.core.models import OPD
    from apps.laporan.lkjip_kabupaten import dokumen_lkjip_kabupaten
    from apps.pengukuran.models import Realisasi

    dimuat = time.perf_counter() - mulai
    client_opd, client_ver = Client(), Client()
    client_opd.force_login(operator)
    client_ver.force_login(verifikator)
    url_isi = reverse("pengukuran:pengisian", args=[opd.pk, TAHUN, TW])
    url_antrean = reverse("pengukuran:antrean")
    url_dasbor = reverse("laporan:dasbor")
    figures = [
        (
            f"entry page {opd.kode} {TAHUN} TW IV ({n_indikator} indicators)",
            halaman(client_opd, url_isi),
            sql_mentah(sql_pengisian(opd.pk, TAHUN)),
        ),
        (
            "verification queue, all statuses",
            halaman(client_ver, url_antrean, {"status": ""}),
            sql_mentah(sql_antrean("")),
        ),
        (
            "verification queue, status=diajukan",
            halaman(client_ver, url_antrean, {"status": "diajukan"}),
            sql_mentah(sql_antrean("diajukan")),
        ),
        (
            f"dashboard {TAHUN}, every OPD (first page of 50)",
            halaman(client_ver, url_dasbor, {"tahun": TAHUN}),
            sql_mentah(sql_dasbor(TAHUN)),
        ),
        (
            f"dashboard {TAHUN}, after a value of one OPD changed (its row computed again)",
            setelah_ubah(opd, halaman(client_ver, url_dasbor, {"tahun": TAHUN})),
            sql_mentah(sql_dasbor(TAHUN)),
        ),
        (
            f"dashboard {TAHUN}, every row computed ('Hitung ulang sekarang', segar=1)",
            halaman(client_ver, url_dasbor, {"tahun": TAHUN, "segar": 1}),
            sql_mentah(sql_dasbor(TAHUN)),
        ),
        (
            f"dashboard {TAHUN}, rows reused from the cache (a reload within 60 s)",
            dari_cache(halaman(client_ver, url_dasbor, {"tahun": TAHUN})),
            sql_mentah(sql_dasbor(TAHUN)),
        ),
        (
            f"pohon kinerja kabupaten {TAHUN}, every OPD (down to program)",
            halaman(client_ver, reverse("laporan:pohon", args=[TAHUN])),
            sql_mentah(sql_pohon(TAHUN)),
        ),
        (
            f"pohon kinerja kabupaten {TAHUN}, after a value of one OPD changed (computed again)",
            setelah_ubah(opd, halaman(client_ver, reverse("laporan:pohon", args=[TAHUN]))),
            sql_mentah(sql_pohon(TAHUN)),
        ),
        (
            f"pohon kinerja {opd.kode} {TAHUN} (down to sub kegiatan)",
            halaman(client_opd, reverse("laporan:pohon_opd", args=[opd.pk, TAHUN])),
            sql_mentah(sql_pohon(TAHUN, opd.pk)),
        ),
        (
            # every figure the kabupaten's report prints (its PDF adds WeasyPrint: pdf.py),
            # against the raw reads of the tree and of every OPD's dashboard row together
            f"LKjIP Pemerintah Kabupaten {TAHUN}, its data (dokumen_lkjip_kabupaten)",
            lambda: dokumen_lkjip_kabupaten(tahun=TAHUN),
            sql_mentah(sql_pohon(TAHUN) + sql_dasbor(TAHUN)),
        ),
        (
            f"LKjIP Pemerintah Kabupaten {TAHUN}, its editing page",
            halaman(client_ver, reverse("laporan:lkjip_kabupaten", args=[TAHUN])),
            sql_mentah(sql_pohon(TAHUN)),
        ),
    ]
    # The baseline must read what the page shows: same first-page entries.
    for _, get, raw in figures[1:3]:
        with connection.cursor() as cur:
            cur.execute(*raw.queries[0])
            entri = cur.fetchall()
        assert get().content.decode().count(">Tinjau</a>") == len(entri) == 50

    n_semua = OPD.objects.filter(aktif=True).count()
    baris = []
    for nama, get, raw in figures:
        get()  # warm: per-process caches, and the dashboard's cache for its second figure
        q = jumlah_query(get)
        med, p95 = ukur(get, args.repeat)
        raw_med, raw_p95 = ukur(raw, args.repeat)
        baris.append((f"{nama}: median", med, raw_med, q))
        baris.append((f"{nama}: p95", p95, raw_p95, q))
        catat(
            "pages",
            f"{nama}, {n_semua} OPDs, median vs raw SQL {raw_med:.1f} ms",
            round(med, 1),
            "ms",
            batas="<= 3x raw SQL",
            rasio=med / raw_med,
            ok=med / raw_med <= 3,
        )

    print(
        f"\ndatabase: {db.describe()}; {n_opd} synthetic OPDs ({n_semua} OPDs in all), "
        f"{Realisasi.objects.count()} realisasi rows; "
        f"set up after {dimuat:.1f} s; {args.repeat} timed requests per figure"
    )
    lebar = max(len(b[0]) for b in baris)
    print(f"{'figure':<{lebar}} | {'value':>10} | {'raw SQL':>10} | {'ratio':>6} | queries")
    print(f"{'-' * lebar}-+-{'-' * 10}-+-{'-' * 10}-+-{'-' * 6}-+--------")
    for nama, nilai, raw, q in baris:
        print(
            f"{nama:<{lebar}} | {nilai:>7.2f} ms | {raw:>7.2f} ms | {nilai / raw:>5.1f}x | {q:>7}"
        )


if __name__ == "__main__":
    main()
