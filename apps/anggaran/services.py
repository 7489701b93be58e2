"""Writes of budget data with their rules."""

from __future__ import annotations

import hashlib
import uuid

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from . import impor
from .berkas_impor import baca_tabel
from .kode import Tingkat, parse_kode
from .models import Impor, Kegiatan, Program, RealisasiAnggaran, SubKegiatan


def nomenklatur_upsert(*, kode: str, nama: str, kode_bidang: str | None = None):
    """Create or rename a program, kegiatan or sub kegiatan from its code.

    The level and the parent come from the code itself (apps.anggaran.kode); the parent must
    already exist, so a child can never be stored before, or outside, its parent.
    """
    parsed = parse_kode(kode, kode_bidang=kode_bidang)
    model = {Tingkat.PROGRAM: Program, Tingkat.KEGIATAN: Kegiatan,
             Tingkat.SUB_KEGIATAN: SubKegiatan}[parsed.tingkat]
    obj = model.objects.filter(kode=parsed.teks).first()
    if obj is not None and obj.nama == nama:
        return obj  # unchanged: no write, no history row
    obj = obj or model(kode=parsed.teks)
    obj.nama = nama
    if parsed.tingkat == Tingkat.KEGIATAN:
        obj.program = _induk(Program, parsed)
    elif parsed.tingkat == Tingkat.SUB_KEGIATAN:
        obj.kegiatan = _induk(Kegiatan, parsed)
    obj.full_clean()
    obj.save()
    return obj


def _induk(model, parsed):
    try:
        return model.objects.get(kode=parsed.induk)
    except model.DoesNotExist:
        raise ValidationError(
            "Kode %(kode)s: induknya %(induk)s belum ada; tambahkan induknya lebih dahulu.",
            params={"kode": parsed.teks, "induk": parsed.induk},
            code="induk_tidak_ada",
        ) from None


@transaction.atomic
def realisasi_anggaran_save(*, dpa, bulan: int, isian: dict, user=None) -> int:
    """The monthly realisation of a DPA's lines for one month, all lines or none.

    `isian` maps RincianDPA -> (realisasi Rp or None, fisik K or None, keterangan). An empty
    realisasi removes the month's row (its history keeps it); only what changed is written.
    Realisation above the pagu is allowed and flagged wherever it is shown (seed 003 has a
    sub kegiatan at 191,82 %): it is a fact to explain, not an input error. New and changed
    rows are written in bulk with their history, so a save costs the same queries for 5
    lines or 500; each removed row writes its own history record. Returns the number of rows
    written.
    """
    if not 1 <= bulan <= 12:
        raise ValidationError("Bulan harus 1 sampai 12.")
    lama = {r.rincian_id: r for r in RealisasiAnggaran.objects.select_for_update(
        of=("self",)).filter(rincian__dpa=dpa, bulan=bulan)}
    baru, berubah, hapus = [], [], []
    for rincian, (realisasi, fisik, keterangan) in isian.items():
        if rincian.dpa_id != dpa.pk:
            raise ValidationError(f"{rincian}: bukan rincian DPA ini.")
        obj = lama.get(rincian.pk)
        if realisasi is None:
            if obj is not None:
                hapus.append(obj.pk)
            continue
        nilai = {"realisasi": realisasi, "fisik": fisik, "keterangan": keterangan}
        if obj is not None and all(getattr(obj, k) == v for k, v in nilai.items()):
            continue
        (berubah if obj is not None else baru).append(
            obj or RealisasiAnggaran(rincian=rincian, bulan=bulan))
        obj = berubah[-1] if obj is not None else baru[-1]
        for k, v in nilai.items():
            setattr(obj, k, v)
        try:
            # Field rules (digits, not negative). The line is one of this DPA's (checked
            # above, no query per row), the one row per month is looked up above, and the
            # check constraints stay in the database.
            obj.full_clean(exclude=["rincian"], validate_unique=False,
                           validate_constraints=False)
        except ValidationError as e:
            raise ValidationError([f"{rincian.kode}: {m}" for m in e.messages]) from None
    if baru:
        bulk_create_with_history(baru, RealisasiAnggaran, default_user=user)
    if berubah:
        bulk_update_with_history(berubah, RealisasiAnggaran,
                                 ["realisasi", "fisik", "keterangan"], default_user=user)
    if hapus:
        RealisasiAnggaran.objects.filter(pk__in=hapus).delete()
    return len(baru) + len(berubah) + len(hapus)


def _sha256(berkas) -> str:
    h = hashlib.sha256()
    berkas.seek(0)
    for potong in iter(lambda: berkas.read(1 << 20), b""):
        h.update(potong)
    berkas.seek(0)
    return h.hexdigest()


def impor_periksa(*, berkas, nama: str, jenis: str, user=None, opd=None, tahun=None,
                  jenis_dpa: str = "") -> tuple[Impor, impor.Hasil]:
    """Check an uploaded spreadsheet without importing anything: a file that cannot be read
    at all is refused with one message (ValidationError) and not kept; otherwise the file is
    kept with its checksum and every row's verdict is returned, to be imported only by
    impor_terapkan."""
    hasil = impor.periksa(jenis, baca_tabel(berkas, nama), opd=opd, tahun=tahun,
                          jenis_dpa=jenis_dpa or None)
    obj = Impor(jenis=jenis, opd=opd, tahun=tahun, jenis_dpa=jenis_dpa or "",
                nama_asli=nama[:255], ukuran=getattr(berkas, "size", 0) or 0,
                sha256=_sha256(berkas), ringkasan=hasil.ringkasan, dibuat_oleh=user)
    berkas.seek(0)
    obj.berkas.save(f"{uuid.uuid4().hex}.{nama.lower().rsplit('.', 1)[-1]}", File(berkas),
                    save=False)
    obj.full_clean()
    obj.save()
    return obj, hasil


def _buka_tersimpan(obj: Impor):
    try:
        return obj.berkas.open("rb")
    except OSError:
        raise ValidationError(f"Berkas tersimpan “{obj.nama_asli}” tidak ditemukan lagi; "
                              "unggah ulang berkasnya.") from None


def impor_hasil(obj: Impor) -> impor.Hasil:
    """The verdict of every row of a kept file, read again (the data may have changed)."""
    with _buka_tersimpan(obj) as f:
        return impor.periksa(obj.jenis, baca_tabel(f, obj.nama_asli), opd=obj.opd,
                             tahun=obj.tahun, jenis_dpa=obj.jenis_dpa or None)


@transaction.atomic
def impor_terapkan(*, obj: Impor) -> impor.Hasil:
    """Import a checked file: all rows or none. Refused when it was imported already, when
    the kept file no longer matches its checksum, or when a row is wrong now."""
    obj = Impor.objects.select_for_update().get(pk=obj.pk)
    if obj.status == Impor.Status.DIIMPOR:
        raise ValidationError(f"Berkas “{obj.nama_asli}” sudah diimpor pada "
                              f"{obj.diimpor_pada:%d-%m-%Y %H.%M}.")
    with _buka_tersimpan(obj) as f:
        if _sha256(f) != obj.sha256:
            raise ValidationError("Berkas tersimpan berubah sejak diperiksa; unggah ulang.")
        hasil = impor.terapkan(obj.jenis, baca_tabel(f, obj.nama_asli), opd=obj.opd,
                               tahun=obj.tahun, jenis_dpa=obj.jenis_dpa or None)
    if hasil.ada_galat:
        transaction.set_rollback(True)
        raise ValidationError(f"Tidak ada yang diimpor: {hasil.jumlah('galat')} baris salah "
                              "(data berubah sejak diperiksa). Periksa ulang berkasnya.")
    obj.status = Impor.Status.DIIMPOR
    obj.diimpor_pada = timezone.now()
    obj.ringkasan = hasil.ringkasan
    obj.save(update_fields=["status", "diimpor_pada", "ringkasan"])
    return hasil
