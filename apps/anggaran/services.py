"""Writes of budget data with their rules."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .kode import Tingkat, parse_kode
from .models import Kegiatan, Program, RealisasiAnggaran, SubKegiatan


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
def realisasi_anggaran_save(*, dpa, bulan: int, isian: dict) -> int:
    """The monthly realisation of a DPA's lines for one month, all lines or none.

    `isian` maps RincianDPA -> (realisasi Rp or None, fisik K or None, keterangan). An empty
    realisasi removes the month's row (its history keeps it); only what changed is written.
    Realisation above the pagu is allowed and flagged wherever it is shown (seed 003 has a
    sub kegiatan at 191,82 %): it is a fact to explain, not an input error. Returns the number
    of rows written.
    """
    if not 1 <= bulan <= 12:
        raise ValidationError("Bulan harus 1 sampai 12.")
    lama = {r.rincian_id: r for r in RealisasiAnggaran.objects.select_for_update(
        of=("self",)).filter(rincian__dpa=dpa, bulan=bulan)}
    ditulis = 0
    for rincian, (realisasi, fisik, keterangan) in isian.items():
        if rincian.dpa_id != dpa.pk:
            raise ValidationError(f"{rincian}: bukan rincian DPA ini.")
        obj = lama.get(rincian.pk)
        if realisasi is None:
            if obj is not None:
                obj.delete()
                ditulis += 1
            continue
        nilai = {"realisasi": realisasi, "fisik": fisik, "keterangan": keterangan}
        if obj is not None and all(getattr(obj, k) == v for k, v in nilai.items()):
            continue
        obj = obj or RealisasiAnggaran(rincian=rincian, bulan=bulan)
        for k, v in nilai.items():
            setattr(obj, k, v)
        try:
            obj.full_clean()
        except ValidationError as e:
            raise ValidationError([f"{rincian.kode}: {m}" for m in e.messages]) from None
        obj.save()
        ditulis += 1
    return ditulis
