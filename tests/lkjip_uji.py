"""What the LKjIP page tests share (tests/laporan/test_lkjip_narasi.py,
tests/laporan/test_permissions_lkjip.py, test_lkjip_final.py, test_permissions_final.py,
test_lkjip_draf.py, test_lkjip_finalisasi.py): the Kecamatan's editing page, pictures made
in memory, a report ready to finalise, a final report (without rendering), a snapshot of
every LKjIP table with its history (to show a refused post changed nothing), and a
background worker run by hand."""

import datetime
import hashlib
import io
import os
from html.parser import HTMLParser

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from realisasi_uji import opd_kecamatan

from apps.laporan.forms import NARASI
from apps.laporan.kode_verifikasi import kode_baru
from apps.laporan.models import AnalisisSasaran, LaporanKinerja
from apps.laporan.selectors import program_sasaran_dpa
from apps.laporan.services import ANALISIS_WAJIB, sasaran_lkjip

TAHUN_LKJIP = 2023
TANGGAL_TTD = datetime.date(2024, 1, 31)


def url_ubah(tahun: int = TAHUN_LKJIP, opd=None) -> str:
    return reverse("laporan:lkjip_ubah", args=[(opd or opd_kecamatan()).pk, tahun])


def gambar(
    lebar: int = 40,
    tinggi: int = 30,
    fmt: str = "PNG",
    *,
    acak: bool = False,
    nama: str | None = None,
) -> SimpleUploadedFile:
    """A picture as a browser uploads it; `acak` fills it with noise (it does not compress)."""
    if acak:
        img = Image.frombytes("RGB", (lebar, tinggi), os.urandom(lebar * tinggi * 3))
    else:
        img = Image.new("RGB", (lebar, tinggi), (31, 78, 121))
    buf = io.BytesIO()
    img.save(buf, fmt)
    ext = {"PNG": "png", "JPEG": "jpg", "GIF": "gif"}[fmt]
    jenis = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}[fmt]
    return SimpleUploadedFile(nama or f"struktur.{ext}", buf.getvalue(), content_type=jenis)


def laporan_kec(tahun: int = TAHUN_LKJIP, revisi: int = 0, **isi) -> LaporanKinerja:
    """The Kecamatan's draft LKjIP of a year with `isi` written on it (the demo already has
    revision 0 of 2023 with its kata pengantar and kesimpulan); created when missing."""
    lap, _ = LaporanKinerja.objects.update_or_create(
        opd=opd_kecamatan(), tahun=tahun, revisi=revisi, defaults=isi
    )
    return lap


def siap_final(**isi) -> LaporanKinerja:
    """The demo's draft LKjIP 2023 of the Kecamatan with what a signed-ready report needs:
    the date, every section written, the organisation chart, and every sasaran's required
    analyses and program judgements (the demo has place, signatory and two sections)."""
    lap = laporan_kec()
    kosong = {
        n: f"Uraian {n.replace('_', ' ')} untuk uji." for n in NARASI if not getattr(lap, n).strip()
    }
    lap = laporan_kec(**{"tanggal": TANGGAL_TTD, **kosong, **isi})
    if not lap.struktur_organisasi and "struktur_organisasi" not in isi:
        lap.struktur_organisasi.save("bagan.png", ContentFile(gambar().read()), save=True)
    sasaran = sasaran_lkjip(lap.opd, lap.tahun)
    program = program_sasaran_dpa(lap.opd_id, lap.tahun, sasaran)
    for s in sasaran:
        a, _ = AnalisisSasaran.objects.get_or_create(laporan=lap, sasaran=s)
        for n in ANALISIS_WAJIB:
            if not getattr(a, n).strip():
                setattr(a, n, f"Analisis {n.replace('_', ' ')} sasaran {s.nomor} untuk uji.")
        a.dukungan_program = {str(p.pk): True for p in program[s.pk]} | a.dukungan_program
        a.save()
    return lap


def jadikan_final(laporan: LaporanKinerja) -> LaporanKinerja:
    """Mark a report final as the finalising service would (a stored PDF, its checksum, a
    verification code, the OPD's name as recorded), without rendering a PDF."""
    isi = b"%PDF-1.4\n%%EOF\n"
    laporan.berkas_final.save(f"uji-{laporan.pk}.pdf", ContentFile(isi), save=False)
    laporan.status = LaporanKinerja.Status.FINAL
    laporan.sha256 = hashlib.sha256(isi).hexdigest()
    laporan.kode_verifikasi = kode_baru()
    laporan.opd_nama_final = laporan.opd.nama
    laporan.save()
    return laporan


def _isi(model) -> list[tuple]:
    kolom = [f.attname for f in model._meta.concrete_fields]
    return list(model.objects.order_by("pk").values_list(*kolom))


def potret() -> dict:
    """Every row and value of the LKjIP tables and of their history."""
    return {
        "laporan": _isi(LaporanKinerja),
        "riwayat": _isi(LaporanKinerja.history.model),
        "analisis": _isi(AnalisisSasaran),
        "riwayat analisis": _isi(AnalisisSasaran.history.model),
    }


class _Tag(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tag = []

    def handle_starttag(self, tag, attrs):
        self.tag.append((tag, dict(attrs)))


def tag_halaman(html: str) -> list[tuple[str, dict]]:
    """Every element of a page as the browser builds it (text inside a textarea is text)."""
    p = _Tag()
    p.feed(html)
    return p.tag


def pekerja_latar(job, settings, monkeypatch):
    """A Celery job sent to a worker instead of run in the request (as outside `make run`):
    the ids sent are collected in `kiriman`, and `jalankan_semua()` runs them one after the
    other as the worker would."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    terkirim = []
    monkeypatch.setattr(job, "delay", lambda pk: terkirim.append(pk))

    class Pekerja:
        kiriman = terkirim

        @staticmethod
        def jalankan_semua():
            while terkirim:
                job.apply(args=[terkirim.pop(0)])

    return Pekerja
