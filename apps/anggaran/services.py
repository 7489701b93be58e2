"""Writes of budget data with their rules."""

from django.core.exceptions import ValidationError

from .kode import Tingkat, parse_kode
from .models import Kegiatan, Program, SubKegiatan


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
