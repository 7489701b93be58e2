"""The crawler and the form fuzzer of tests/test_jelajah.py.

The crawler walks the product as a role's users do, from the home page, link by link
(a[href] and GET forms with the values they show), breadth first, and records every page's
status, its SQL query count and the forms it shows. The fuzzer then submits every form it met
with the values it shows, empty, typical Indonesian and hostile values (NILAI), each
submission in a savepoint that is rolled back, and records its outcome and whether an
application table changed.

Years: a URL naming an OPD and a year is visited when that OPD has data in the year or next to
it, or it is the current year or next to it; a URL naming only a year, when some OPD has data
then or next to it (IzinTahun). Without that bound the year pickers would lead the walk from
one year to the next up to 2100.

The admin (Django's own views over our ModelAdmins) is sampled, not walked row by row: its sort
links combine every column with every other (`?o=1.3.-2`) and each row links its change,
history and delete pages, thousands of pages that differ only by data. A changelist is one page
per filter or sort, alone (admin_gabungan), and the object pages of a model are visited for its
first ADMIN_CONTOH rows. Likewise a sorted or paged page of ours is visited once
per sort order or page number (TAMPILAN), not once per sort order and year and filter: the page
of every year and filter is visited unsorted, and every sort order once.
"""

import functools
import re
import time
import traceback
from collections import defaultdict, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, get_resolver, resolve
from django.utils import timezone
from formulir_html import Formulir, baca_halaman

from apps.core.tahun import tahun_berdata

HTML = "text/html"
ALIH = (301, 302, 303, 307, 308)
ADMIN_BAWAAN = {"_changelist_filters", "_facets", "_popup", "_to_field"}
ADMIN_CONTOH = 2
TAMPILAN = {"sort", "halaman", "hal", "page"}
APLIKASI = {"core", "anggaran", "perencanaan", "pengukuran", "laporan"}


# --- which pages -----------------------------------------------------------------------------


def _sekitar(tahun: set[int]) -> set[int]:
    return {t + d for t in tahun for d in (-1, 0, 1)}


class IzinTahun:
    """Which years the walk visits (see the module's docstring)."""

    def __init__(self, opd_ids):
        kini = _sekitar({timezone.localdate().year})
        self.per_opd = {o: _sekitar(tahun_berdata([o])) | kini for o in opd_ids}
        self.semua = _sekitar(tahun_berdata()) | kini
        self.semua |= {t - 1 for t in self.semua}  # the LKjIP of a year is written the next

    def boleh(self, kwargs: dict, query: dict) -> bool:
        tahun = kwargs.get("tahun")
        if tahun is None and str(query.get("tahun", "")).isdecimal():
            tahun = int(query["tahun"])
        if tahun is None:
            return True
        if "opd_id" in kwargs:
            return tahun in self.per_opd.get(kwargs["opd_id"], set())
        return tahun in self.semua


@functools.lru_cache(maxsize=20_000)
def nama_pola(path: str) -> tuple[str, dict]:
    """The URL pattern's name of a path ("pengukuran:pengisian") and its arguments (a page
    links the same menu as every other page: each path is resolved once)."""
    try:
        m = resolve(path)
    except Resolver404:
        return "", {}
    return m.view_name, m.kwargs


def internal(href: str, dasar: str) -> str | None:
    """The path and query of an internal link, resolved against the page it is on; None for
    an external, mailto:, javascript: or data: link and for a bare #fragment."""
    href = href.strip()
    if (
        not href
        or href.startswith("#")
        or href.split(":", 1)[0].lower() in ("mailto", "tel", "javascript", "data")
    ):
        return None
    bagian = urlsplit(urljoin("http://testserver" + dasar, href))
    if bagian.netloc != "testserver":
        return None
    return bagian.path + (f"?{bagian.query}" if bagian.query else "")


def url_get_form(form: Formulir, dasar: str, data=None) -> str | None:
    """The address a GET form leads to (with the values it shows unless `data` is given; its
    first named button's value included, as a browser sends the button clicked)."""
    tujuan = internal(form.action or dasar.split("?")[0], dasar)
    if tujuan is None:
        return None
    data = list(form.data() if data is None else data)
    if form.tombol and form.tombol[0][0]:
        data.append(form.tombol[0])
    return tujuan.split("?")[0] + ("?" + urlencode(data) if data else "")


# Exports that carry the page's sort: the same rows in the same columns, only their order
# differs, and that order is the page's own (visited once per sort order).
EKSPOR_BERURUT = {"laporan:dasbor_xlsx"}


def kunci_url(url: str, nama: str = "") -> str:
    """One key for the same page: the query's parameters sorted, empty ones dropped; the admin
    and sorted or paged pages as the module's docstring says."""
    path, _, query = url.partition("?")
    pasangan = sorted((k, v) for k, v in parse_qsl(query, keep_blank_values=True) if v != "")
    if nama in EKSPOR_BERURUT:
        pasangan = [(k, v) for k, v in pasangan if k not in TAMPILAN]
    if any(k in TAMPILAN for k, _ in pasangan):
        pasangan = [(k, v) for k, v in pasangan if k in TAMPILAN]
    if nama.startswith("admin:"):
        nama_param = sorted({k for k, _ in pasangan if k not in ADMIN_BAWAAN})
        return path + ("?" + "&".join(nama_param) if nama_param else "")
    return path + ("?" + urlencode(pasangan) if pasangan else "")


def admin_gabungan(url: str) -> bool:
    """An admin list with two or more filters or sorts at once: every filter and sort is
    visited alone from the unfiltered list, their combinations are not."""
    pasangan = {
        k
        for k, v in parse_qsl(urlsplit(url).query)
        if v and k not in ADMIN_BAWAAN and k not in ("p", "q")
    }
    return len(pasangan) > 1


def semua_pola() -> set[str]:
    """Every named URL pattern of the project (namespace:name)."""
    hasil = set()

    def turun(resolver, ns):
        for p in resolver.url_patterns:
            if hasattr(p, "url_patterns"):
                turun(p, f"{ns}{p.namespace}:" if p.namespace else ns)
            elif p.name:
                hasil.add(f"{ns}{p.name}")

    turun(get_resolver(), "")
    return hasil


# --- one request -----------------------------------------------------------------------------


@dataclass
class Kunjungan:
    url: str
    dari: str  # the page whose link led here ("" for the start)
    nama: str  # the URL pattern's name
    status: int = 0
    kueri: int = 0
    galat: str = ""  # where a server error was raised
    detik: float = 0.0
    jenis: str = ""  # the answer's Content-Type


def _jejak(e: BaseException) -> str:
    """The exception and the last frames of our code that led to it."""
    te = traceback.TracebackException.from_exception(e, limit=-12)
    kami = [f for f in te.stack if "/apps/" in f.filename or "/templates/" in f.filename]
    baris = [f"{f.filename.split('/work/main/')[-1]}:{f.lineno} {f.name}" for f in kami[-4:]]
    return f"{type(e).__name__}: {str(e)[:300]} [{' <- '.join(reversed(baris))}]"


_TULIS = re.compile(r'^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', re.IGNORECASE)


@dataclass
class Jawaban:
    resp: object  # the response, None after a server error
    galat: str  # where the server error was raised
    kueri: int  # SQL queries run
    ditulis: set  # tables an INSERT, UPDATE or DELETE was sent to


def minta(client, metode: str, url: str, **kwargs) -> Jawaban:
    """One request in a savepoint (a server error rolls back only its own writes)."""
    connection.queries_log.clear()  # a full log (9.000 queries) would count 0 from here on
    galat, resp = "", None
    with CaptureQueriesContext(connection) as q:
        try:
            with transaction.atomic():
                resp = getattr(client, metode)(url, **kwargs)
        except Exception as e:  # the crawler reports every server error, then goes on
            galat = _jejak(e)
    ditulis = {m.group(1) for x in q.captured_queries if (m := _TULIS.match(x["sql"]))}
    return Jawaban(resp, galat, len(q), ditulis)


def html(resp) -> str | None:
    if resp is None or resp.status_code != 200 or not resp.get("Content-Type", "").startswith(HTML):
        return None
    return resp.content.decode()


# --- the walk --------------------------------------------------------------------------------


@dataclass
class HasilJelajah:
    peran: str
    kunjungan: list = field(default_factory=list)
    formulir: list = field(default_factory=list)  # (page url, Formulir), one of each shape
    aksi: set = field(default_factory=set)  # where every form met posts (pattern names)
    dilewati_tahun: int = 0  # links not followed: a year outside IzinTahun
    detik: float = 0.0  # the walk
    detik_kirim: float = 0.0  # the submissions
    kiriman: list = field(default_factory=list)

    def gagal(self) -> list:
        return [k for k in self.kunjungan if k.status >= 500]

    def rusak(self) -> list:
        """Internal links that answer 404: a link no user should be shown."""
        return [k for k in self.kunjungan if k.status == 404 and k.dari]

    def pola(self) -> set[str]:
        return {k.nama for k in self.kunjungan if k.status < 400 and k.nama and k.nama != "static"}


def jelajahi(
    client,
    peran: str,
    izin: IzinTahun,
    *,
    lewati: set[str],
    maks_per_pola: int = 0,
    tanpa_admin: bool = False,
) -> HasilJelajah:
    """Breadth-first walk from the home page: every internal link and GET form of every HTML
    page, once each; redirects are followed as links. Pattern names in `lewati` are not
    visited (the logout, which would end the walk). `maks_per_pola`: at most that many URLs
    of one pattern (0: no limit), for a walk that wants every kind of page rather than every
    page; `tanpa_admin`: the Django admin not visited."""
    mulai = time.perf_counter()
    hasil = HasilJelajah(peran)
    antre = deque([("/", "")])
    dilihat = {kunci_url("/")}
    contoh = defaultdict(set)  # admin pattern -> object ids visited
    per_pola: dict[str, int] = defaultdict(int)
    bentuk_dilihat = set()
    while antre:
        url, dari = antre.popleft()
        if url.startswith(settings.STATIC_URL):
            # Static files are served by whitenoise in production, not by the test client:
            # the file must exist where the staticfiles finders look.
            ada = finders.find(url.split("?")[0][len(settings.STATIC_URL) :])
            hasil.kunjungan.append(Kunjungan(url, dari, "static", 200 if ada else 404))
            continue
        nama, _ = nama_pola(url.split("?")[0])
        t0 = time.perf_counter()
        j = minta(client, "get", url)
        resp = j.resp
        hasil.kunjungan.append(
            Kunjungan(
                url,
                dari,
                nama,
                resp.status_code if resp else 500,
                j.kueri,
                j.galat,
                time.perf_counter() - t0,
                resp.get("Content-Type", "") if resp is not None else "",
            )
        )
        berikut = []
        if resp is not None and resp.status_code in ALIH:
            berikut.append(resp["Location"])
        elif (isi := html(resp)) is not None:
            halaman = baca_halaman(isi)
            berikut.extend(halaman.tautan)
            for form in halaman.formulir:
                bentuk = bentuk_formulir(url, form)
                hasil.aksi.add(bentuk[0])
                if bentuk not in bentuk_dilihat:
                    bentuk_dilihat.add(bentuk)
                    hasil.formulir.append((url, form))
                if form.method == "get":
                    berikut.append(url_get_form(form, url))
        for href in berikut:
            tujuan = internal(href, url) if href else None
            if tujuan is None:
                continue
            t_nama, t_kwargs = nama_pola(tujuan.split("?")[0])
            kunci = kunci_url(tujuan, t_nama)
            if kunci in dilihat or t_nama in lewati:
                continue
            if tanpa_admin and t_nama.startswith("admin:"):
                continue
            if maks_per_pola and per_pola[t_nama] >= maks_per_pola:
                continue
            per_pola[t_nama] += 1
            dilihat.add(kunci)
            if t_nama.startswith("admin:") and admin_gabungan(tujuan):
                continue
            if t_nama.startswith("admin:") and "object_id" in t_kwargs:
                sudah = contoh[t_nama]
                if t_kwargs["object_id"] not in sudah and len(sudah) >= ADMIN_CONTOH:
                    continue
                sudah.add(t_kwargs["object_id"])
            if not izin.boleh(t_kwargs, dict(parse_qsl(urlsplit(tujuan).query))):
                hasil.dilewati_tahun += 1
                continue
            antre.append((tujuan, url))
    hasil.detik = time.perf_counter() - mulai
    return hasil


# --- the fuzzer ------------------------------------------------------------------------------

PANJANG = "Uraian panjang " * 1400  # 21.000 characters: past every field's limit
KENDALI = "Uraian\x00dengan\x01karakter\x08kendali\x1b\x7f"
RUMUS = [
    '=HYPERLINK("http://contoh.test","klik")',
    "+62 351 895221",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]
# For each value set: what a text field, a number, a date, a select, a hidden field and a
# checkbox get. A list is used in turn, field after field.
NILAI = {
    "tampil": None,  # the values the form shows
    "kosong": {
        "teks": "",
        "angka": "",
        "tanggal": "",
        "pilihan": "",
        "tersembunyi": "",
        "centang": False,
    },
    "tipikal": {
        "teks": "Peningkatan kualitas pelayanan administrasi di Kecamatan Magetan",
        "angka": ["78,2", "1.234.567,89", "15.490.556.938", "100"],
        "tanggal": ["22 November 2026", "2/1/2026"],
        "pilihan": 1,
        "tersembunyi": None,
        "centang": True,
    },
    # The hostile values of the issue, spread over three submissions: each field kind gets a
    # different kind of trouble in each, and a list is used in turn, field after field.
    "panjang-kendali": {
        "teks": [PANJANG, KENDALI],
        "angka": ["9" * 60, "12\x00,5"],
        "tanggal": ["9" * 60, "22\x00 November 2026"],
        "pilihan": ["9" * 60, "1\x00"],
        "tersembunyi": ["9" * 60, "1\x00"],
        "centang": True,
    },
    "digit-html": {
        "teks": [
            "<script>alert('x')</script><img src=x onerror=alert(1)>",
            "٠١٢٣٤٥٦٧٨٩ ０１２３ ²³",
        ],
        "angka": ["٧٨,٢", "１２３４,５", "²", "<b>1</b>"],
        "tanggal": ["٢٢ November ٢٠٢٦", "２２/１１/２０２６", "<script>"],
        "pilihan": ["٢", "１", "²", "<script>"],
        "tersembunyi": ["٢", '"><script>alert(1)</script>'],
        "centang": True,
    },
    "rumus-ekstrem": {
        "teks": [*RUMUS, "-1"],
        "angka": [
            "-1",
            "-999.999.999.999.999,99",
            "99999999999999999999999999",
            "1e308",
            "NaN",
            "0,00000001",
            "=1+1",
            "+5",
            "@1",
        ],
        "tanggal": [
            "31 Februari 2026",
            "29/02/2025",
            "0/0/0000",
            "2026-13-45",
            "31 Desember 2026 25.61",
            "1 Januari 10000",
            "=TODAY()",
        ],
        "pilihan": ["-1", "99999999999999999999", "0", "=1"],
        "tersembunyi": ["-1", "99999999999999999999"],
        "centang": True,
    },
}


def jenis_isian(i) -> str:
    if i.tag == "select":
        return "pilihan"
    if i.jenis in ("checkbox", "radio"):
        return "centang"
    if i.jenis == "hidden":
        return "tersembunyi"
    if i.jenis == "file":
        return "berkas"
    a = i.atribut
    if a.get("inputmode") in ("decimal", "numeric") or i.jenis == "number":
        return "angka"
    if "November" in a.get("placeholder", "") or i.jenis in ("date", "datetime-local"):
        return "tanggal"
    return "teks"


def _ambil(nilai, urutan: int):
    return nilai[urutan % len(nilai)] if isinstance(nilai, list) else nilai


def berkas_uji(accept: str, himpunan: str, berkas: dict):
    """The file a value set uploads into a file input, by what the input accepts."""
    jenis = (
        "gambar"
        if "image" in accept and "pdf" not in accept
        else ("lembar" if "xlsx" in accept or "csv" in accept else "pdf")
    )
    pilihan = berkas.get((jenis, himpunan))
    if pilihan is None:
        return None
    nama, isi = pilihan
    return SimpleUploadedFile(nama, isi)


def isi_formulir(form: Formulir, himpunan: str, berkas: dict) -> list[tuple[str, object]]:
    """The fields a value set posts: every field, by its kind (jenis_isian)."""
    nilai = NILAI[himpunan]
    if nilai is None:
        return list(form.data())
    hasil = []
    urutan = defaultdict(int)
    for i in form.isian:
        if "disabled" in i.atribut or i.nama == "csrfmiddlewaretoken":
            if i.nama == "csrfmiddlewaretoken":
                hasil.append((i.nama, i.nilai))
            continue
        jenis = jenis_isian(i)
        n = urutan[jenis]
        urutan[jenis] += 1
        if jenis == "berkas":
            f = berkas_uji(i.atribut.get("accept", ""), himpunan, berkas)
            if f is not None:
                hasil.append((i.nama, f))
            continue
        if jenis == "centang":
            if nilai["centang"]:
                hasil.append((i.nama, i.atribut.get("value") or "on"))
            continue
        v = _ambil(nilai[jenis], n)
        if v is None:
            v = i.nilai
        elif jenis == "pilihan" and isinstance(v, int):
            sah = [p for p in i.pilihan if p != ""]
            v = sah[min(v, len(sah) - 1)] if sah else ""
        hasil.append((i.nama, v))
    return hasil


def _dict(pasangan) -> dict:
    data: dict = {}
    for k, v in pasangan:
        data.setdefault(k, []).append(v)
    return {k: v[0] if len(v) == 1 else v for k, v in data.items()}


_GALAT_HALAMAN = re.compile(r'role="alert"|class="errorlist|class="errornote')
_PESAN_GALAT = re.compile(r'<li class="(error|warning)"')


def tampak_galat(resp, pertama: bool) -> bool:
    """Whether a response shows the user an error: an error status, a message of level
    warning or error, and on the page answering the post itself a field error."""
    if resp.status_code >= 400:
        return True
    isi = html(resp)
    if isi is None:
        return False
    return bool(_PESAN_GALAT.search(isi) or (pertama and _GALAT_HALAMAN.search(isi)))


def tabel_aplikasi() -> dict:
    """The models of the application's apps (history tables included) by table name."""
    return {
        m._meta.db_table: m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label in APLIKASI and not m._meta.proxy
    }


def potret_aplikasi(tabel=None) -> dict:
    """Every row of the application's tables (or of those named in `tabel`)."""
    hasil = {}
    for nama, model in tabel_aplikasi().items():
        if tabel is not None and nama not in tabel:
            continue
        kolom = [f.attname for f in model._meta.concrete_fields]
        hasil[nama] = list(model._base_manager.order_by("pk").values_list(*kolom))
    return hasil


@dataclass
class Kiriman:
    peran: str
    halaman: str
    aksi: str
    himpunan: str
    status: int = 0
    galat: str = ""  # server error
    tampak_galat: bool = False
    tabel_berubah: list = field(default_factory=list)
    detik: float = 0.0


class _Batal(Exception):
    pass


def kirim(
    client,
    peran: str,
    halaman: str,
    form: Formulir,
    himpunan: str,
    berkas: dict,
    tombol: tuple | None,
    sebelum: dict,
) -> Kiriman:
    """Submit one form with one value set in a savepoint rolled back afterwards, following
    redirects (up to 5) to the page that shows the outcome. Background jobs run in the
    request (CELERY_TASK_ALWAYS_EAGER); what waits for a commit (deleting a stored file) is
    dropped with the rollback, as it would be after a failed request.

    `sebelum` is potret_aplikasi() as every submission finds it (each is rolled back): when
    the outcome shows an error, the tables a statement wrote to (INSERT, UPDATE, DELETE in the
    SQL the requests sent; no trigger writes behind Django's back) must hold the same rows."""
    aksi = internal(form.action or halaman, halaman) or halaman
    data = isi_formulir(form, himpunan, berkas)
    if tombol and tombol[0]:
        data.append(tombol)
    k = Kiriman(peran, halaman, aksi, himpunan)
    mulai = time.perf_counter()
    ditulis = set()
    try:
        with transaction.atomic():
            if form.method == "get":
                url = url_get_form(form, halaman, [(n, v) for n, v in data if isinstance(v, str)])
                j = minta(client, "get", url)
            else:
                j = minta(client, "post", aksi, data=_dict(data))
            resp, k.galat = j.resp, j.galat
            ditulis |= j.ditulis
            if resp is not None:
                k.status = resp.status_code
                k.tampak_galat = tampak_galat(resp, True)
                for _ in range(5):
                    if resp is None or resp.status_code not in ALIH:
                        break
                    tujuan = internal(resp["Location"], aksi)
                    if tujuan is None:
                        break
                    j = minta(client, "get", tujuan)
                    resp, k.galat = j.resp, j.galat
                    ditulis |= j.ditulis
                    if resp is not None:
                        k.status = resp.status_code
                        k.tampak_galat = k.tampak_galat or tampak_galat(resp, False)
            if resp is None:
                k.status = 500
            tabel = ditulis & set(sebelum)
            if k.tampak_galat and tabel:
                sesudah = potret_aplikasi(tabel)
                k.tabel_berubah = sorted(t for t in tabel if sesudah[t] != sebelum[t])
            raise _Batal
    except _Batal:
        pass
    for _, v in data:
        if hasattr(v, "close"):
            v.close()
    k.detik = time.perf_counter() - mulai
    return k


def bentuk_formulir(halaman: str, form: Formulir) -> tuple:
    """What makes two forms the same form: where they post, how, and the names of the fields
    a user fills in, with the numbers (row ids) taken out. Hidden fields only carry state (the
    admin list's current filter and sort, a row's version) and do not make another form."""
    aksi = internal(form.action or halaman, halaman) or halaman
    nama, _ = nama_pola(aksi.split("?")[0])
    isian = frozenset(re.sub(r"\d+", "#", i.nama) for i in form.isian if i.jenis != "hidden")
    return nama or aksi, form.method, isian
