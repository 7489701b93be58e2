"""Writes of budget data with their rules."""

from __future__ import annotations

import hashlib
import io
import tempfile
import uuid

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.core.impor import (
    HasilImpor,
    TabelUnggahan,
    importer,
    read_potret,
    read_tabel,
    write_potret,
)
from apps.core.tugas import tugas_start

from .kode import Tingkat, parse_kode
from .models import Impor, Kegiatan, Program, RealisasiAnggaran, SubKegiatan


def nomenklatur_upsert(*, kode: str, nama: str, kode_bidang: str | None = None):
    """Create or rename a program, kegiatan or sub kegiatan from its code.

    The level and the parent come from the code itself (apps.anggaran.kode); the parent must
    already exist, so a child can never be stored before, or outside, its parent.
    """
    parsed = parse_kode(kode, kode_bidang=kode_bidang)
    model = {
        Tingkat.PROGRAM: Program,
        Tingkat.KEGIATAN: Kegiatan,
        Tingkat.SUB_KEGIATAN: SubKegiatan,
    }[parsed.tingkat]
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
    lama = {
        r.rincian_id: r
        for r in RealisasiAnggaran.objects.select_for_update(of=("self",)).filter(
            rincian__dpa=dpa, bulan=bulan
        )
    }
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
            obj or RealisasiAnggaran(rincian=rincian, bulan=bulan)
        )
        obj = berubah[-1] if obj is not None else baru[-1]
        for k, v in nilai.items():
            setattr(obj, k, v)
        try:
            # Field rules (digits, not negative). The line is one of this DPA's (checked
            # above, no query per row), the one row per month is looked up above, and the
            # check constraints stay in the database.
            obj.full_clean(exclude=["rincian"], validate_unique=False, validate_constraints=False)
        except ValidationError as e:
            raise ValidationError([f"{rincian.kode}: {m}" for m in e.messages]) from None
    if baru:
        bulk_create_with_history(
            baru, RealisasiAnggaran, default_user=user, default_change_reason="anggaran.simpan"
        )
    if berubah:
        bulk_update_with_history(
            berubah,
            RealisasiAnggaran,
            ["realisasi", "fisik", "keterangan"],
            default_user=user,
            default_change_reason="anggaran.simpan",
        )
    if hapus:
        RealisasiAnggaran.objects.filter(pk__in=hapus).delete()
    return len(baru) + len(berubah) + len(hapus)


@transaction.atomic
def realisasi_indikator_dpa_save(*, dpa, isian: dict, user=None) -> int:
    """The year-end realisasi of the program and kegiatan indicators of a DPA, all or none.

    `isian` maps a DPAProgram or DPAKegiatan of this DPA -> Decimal or None (None clears
    it). The rows are locked and read in one query per kind and only what changed is
    written, in bulk with its history (who, "anggaran.indikator"), so a save costs the same
    queries for 5 indicators or 50. Returns the number of indicators written."""
    per_model: dict = {}
    for info, nilai in isian.items():
        if info.dpa_id != dpa.pk:
            raise ValidationError(f"{getattr(info, info.unsur).kode}: bukan indikator DPA ini.")
        per_model.setdefault(type(info), {})[info.pk] = (info, nilai)
    ditulis = 0
    for model, baris in per_model.items():
        terkunci = model.objects.select_for_update().in_bulk(list(baris))
        berubah = []
        for pk, (info, nilai) in baris.items():
            obj = terkunci[pk]
            if obj.realisasi == nilai:
                continue
            obj.realisasi = nilai
            try:
                # digits and not negative; the DPA and its program or kegiatan are the row's
                # own (checked above) and the check constraint stays in the database
                obj.full_clean(
                    exclude=["dpa", obj.unsur], validate_unique=False, validate_constraints=False
                )
            except ValidationError as e:
                kode = getattr(info, info.unsur).kode
                raise ValidationError([f"{kode}: {m}" for m in e.messages]) from None
            berubah.append(obj)
        if berubah:
            bulk_update_with_history(
                berubah,
                model,
                ["realisasi"],
                default_user=user,
                default_change_reason="anggaran.indikator",
            )
        ditulis += len(berubah)
    return ditulis


def _sha256(berkas) -> str:
    h = hashlib.sha256()
    berkas.seek(0)
    for potong in iter(lambda: berkas.read(1 << 20), b""):
        h.update(potong)
    berkas.seek(0)
    return h.hexdigest()


def impor_create(
    *,
    berkas,
    nama: str,
    jenis: str,
    user=None,
    opd=None,
    tahun=None,
    jenis_dpa: str = "",
    periksa: bool = True,
) -> Impor:
    """Accept an uploaded spreadsheet for checking. A file that cannot be read at all (too
    large, not xlsx or csv by its content, empty, several sheets none named Data, not UTF-8)
    is refused at once with one message (ValidationError) and not kept; otherwise it is kept
    with its SHA-256 and its check is started as a background job (impor_check), unless
    `periksa` is False (the shell command runs the check itself)."""
    read_tabel(berkas, nama)
    obj = Impor(
        jenis=jenis,
        opd=opd,
        tahun=tahun,
        jenis_dpa=jenis_dpa or "",
        nama_asli=nama[:255],
        ukuran=getattr(berkas, "size", 0) or 0,
        sha256=_sha256(berkas),
        dibuat_oleh=user,
        status=Impor.Status.ANTRE,
    )
    berkas.seek(0)
    obj.berkas.save(
        f"{uuid.uuid4().hex}.{nama.lower().rsplit('.', 1)[-1]}", File(berkas), save=False
    )
    obj.full_clean()
    obj.save()
    if periksa:
        tugas_start("apps.anggaran.tasks.impor_periksa_job", obj.pk)
    return obj


def _buka_tersimpan(obj: Impor):
    try:
        return obj.berkas.open("rb")
    except OSError:
        raise ValidationError(
            f"Berkas tersimpan “{obj.nama_asli}” tidak ditemukan lagi; unggah ulang berkasnya."
        ) from None


PROGRES_SETIAP = 500  # rows between two progress writes


def _dengan_progres(tabel: TabelUnggahan, obj: Impor, progres) -> TabelUnggahan:
    """The same rows, with the count read so far written on the file's record every few
    hundred rows (what the check page shows) and passed to `progres` when given."""
    Impor.objects.filter(pk=obj.pk).update(
        baris_perkiraan=tabel.perkiraan, diperbarui=timezone.now()
    )

    def baris():
        n = 0
        for b in tabel.baris:
            n += 1
            if n % PROGRES_SETIAP == 0:
                Impor.objects.filter(pk=obj.pk).update(baris_dibaca=n, diperbarui=timezone.now())
                if progres:
                    progres(n, tabel.perkiraan)
            yield b
        Impor.objects.filter(pk=obj.pk).update(baris_dibaca=n, diperbarui=timezone.now())

    return TabelUnggahan(tabel.header, baris(), tabel.format, tabel.perkiraan)


def impor_check(*, obj: Impor, progres=None) -> HasilImpor | None:
    """Check every row of a kept file without importing anything (the dry run, run as a
    background job): each row's verdict comes from the importer of its kind
    (apps.core.impor), the summary and a snapshot of the cells read are kept on the file's
    record. A problem of the whole file found while reading it (headers without the
    template's columns, too many rows, no DPA to put realisation on, bytes that are not UTF-8
    halfway) marks the file ditolak with that message; None is returned then."""
    Impor.objects.filter(pk=obj.pk).update(
        status=Impor.Status.MEMERIKSA, baris_dibaca=0, pesan="", diperbarui=timezone.now()
    )
    potret = tempfile.TemporaryFile()
    try:
        with _buka_tersimpan(obj) as f:
            tabel = write_potret(
                _dengan_progres(read_tabel(f, obj.nama_asli), obj, progres), potret
            )
            hasil = importer(obj.jenis).check(
                tabel, opd=obj.opd, tahun=obj.tahun, jenis_dpa=obj.jenis_dpa or None
            )
    except ValidationError as e:
        potret.close()
        obj.status, obj.pesan = Impor.Status.DITOLAK, " ".join(e.messages)
        obj.save(update_fields=["status", "pesan", "diperbarui"])
        return None
    except Exception:
        potret.close()
        Impor.objects.filter(pk=obj.pk).update(
            status=Impor.Status.DITOLAK,
            diperbarui=timezone.now(),
            pesan="Pemeriksaan terhenti karena kesalahan sistem; unggah ulang berkasnya, atau "
            "hubungi admin bila terulang.",
        )
        raise
    with potret:
        potret.seek(0)
        obj.tabel.save(f"{uuid.uuid4().hex}.json.gz", File(potret), save=False)
    obj.refresh_from_db(fields=["baris_dibaca", "baris_perkiraan"])
    obj.status, obj.ringkasan, obj.pesan = Impor.Status.DIPERIKSA, hasil.ringkasan, ""
    obj.diperiksa_pada = timezone.now()
    obj.save(
        update_fields=["status", "ringkasan", "pesan", "diperiksa_pada", "tabel", "diperbarui"]
    )
    return hasil


def _tabel_tersimpan(obj: Impor) -> TabelUnggahan:
    """The cells the check read (its snapshot); the original file when there is none."""
    if obj.tabel:
        try:
            with obj.tabel.open("rb") as f:
                return read_potret(io.BytesIO(f.read()), obj.berkas.name.rsplit(".", 1)[-1])
        except OSError:
            pass
    with _buka_tersimpan(obj) as f:
        tabel = read_tabel(f, obj.nama_asli)
        return TabelUnggahan(tabel.header, iter(list(tabel.baris)), tabel.format)


def impor_hasil(obj: Impor) -> HasilImpor:
    """The verdict of every row of a checked file, against the database as it is now (the
    data may have changed since the check)."""
    return importer(obj.jenis).check(
        _tabel_tersimpan(obj), opd=obj.opd, tahun=obj.tahun, jenis_dpa=obj.jenis_dpa or None
    )


def impor_confirm(*, obj: Impor, user=None) -> Impor:
    """The user confirms a checked file: its import is started as a background job
    (impor_terapkan_job). Refused when the file is not (or no longer) waiting for it."""
    obj = Impor.objects.select_for_update().get(pk=obj.pk)
    if obj.status == Impor.Status.DIIMPOR:
        raise ValidationError(
            f"Berkas “{obj.nama_asli}” sudah diimpor pada "
            f"{timezone.localtime(obj.diimpor_pada):%d-%m-%Y %H.%M}."
        )
    if obj.status != Impor.Status.DIPERIKSA:
        raise ValidationError(
            f"Berkas “{obj.nama_asli}” tidak dapat diimpor: {obj.get_status_display().lower()}."
        )
    if obj.ringkasan.get("galat"):
        raise ValidationError(
            f"Tidak ada yang diimpor: {obj.ringkasan['galat']} baris salah. "
            "Perbaiki berkasnya lalu unggah ulang."
        )
    obj.status, obj.pesan, obj.diimpor_oleh = Impor.Status.MENGIMPOR, "", user
    obj.save(update_fields=["status", "pesan", "diimpor_oleh", "diperbarui"])
    tugas_start("apps.anggaran.tasks.impor_terapkan_job", obj.pk)
    obj.refresh_from_db()
    return obj


@transaction.atomic
def impor_apply(*, obj: Impor) -> HasilImpor:
    """Import a checked file: all rows or none, checked again against the database under a
    lock. Refused when it was imported already, when the kept file no longer matches its
    checksum, or when a row is wrong now."""
    obj = Impor.objects.select_for_update().get(pk=obj.pk)
    if obj.status == Impor.Status.DIIMPOR:
        raise ValidationError(
            f"Berkas “{obj.nama_asli}” sudah diimpor pada "
            f"{timezone.localtime(obj.diimpor_pada):%d-%m-%Y %H.%M}."
        )
    if obj.status not in (Impor.Status.DIPERIKSA, Impor.Status.MENGIMPOR):
        raise ValidationError(f"Berkas “{obj.nama_asli}” belum diperiksa.")
    with _buka_tersimpan(obj) as f:
        if _sha256(f) != obj.sha256:
            raise ValidationError("Berkas tersimpan berubah sejak diperiksa; unggah ulang.")
    hasil = importer(obj.jenis).apply(
        _tabel_tersimpan(obj),
        opd=obj.opd,
        tahun=obj.tahun,
        jenis_dpa=obj.jenis_dpa or None,
        user=obj.diimpor_oleh or obj.dibuat_oleh,
    )
    if hasil.ada_galat:
        transaction.set_rollback(True)
        raise ValidationError(
            f"Tidak ada yang diimpor: {hasil.jumlah('galat')} baris salah "
            "(data berubah sejak diperiksa). Periksa ulang berkasnya."
        )
    obj.status, obj.pesan = Impor.Status.DIIMPOR, ""
    obj.diimpor_pada = timezone.now()
    obj.ringkasan = hasil.ringkasan
    obj.save(update_fields=["status", "pesan", "diimpor_pada", "ringkasan", "diperbarui"])
    return hasil


def impor_terapkan_job(*, obj: Impor) -> None:
    """The confirmed import as the background job runs it: impor_apply, with a refusal
    recorded on the file (back to diperiksa, with the reason the page shows) instead of
    raised, since no one is waiting for an answer."""
    try:
        impor_apply(obj=obj)
    except ValidationError as e:
        _impor_gagal(obj, " ".join(e.messages))
    except Exception:
        _impor_gagal(
            obj,
            "Impor terhenti karena kesalahan sistem; tidak ada yang diimpor. "
            "Coba impor lagi, atau hubungi admin bila terulang.",
        )
        raise


def _impor_gagal(obj: Impor, pesan: str) -> None:
    Impor.objects.filter(pk=obj.pk, status=Impor.Status.MENGIMPOR).update(
        status=Impor.Status.DIPERIKSA
    )
    Impor.objects.filter(pk=obj.pk).update(pesan=pesan, diperbarui=timezone.now())
