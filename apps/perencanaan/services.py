"""Writes of planning data with their rules."""

from django.db import transaction
from django.utils import timezone

from .models import PerjanjianKinerja, PilihanNilai, Renstra, Sasaran, Tujuan


def pk_signatory_snapshot(*, pihak: str, pejabat) -> dict:
    """The printed signature of one party: name, NIP, pangkat and jabatan as documents write
    them ("Pj. Bupati Magetan"), as field values of PerjanjianKinerja."""
    return {
        pihak: pejabat,
        f"{pihak}_nama": pejabat.nama,
        f"{pihak}_nip": pejabat.nip,
        f"{pihak}_pangkat": pejabat.pangkat,
        f"{pihak}_jabatan": pejabat.jabatan_lengkap,
    }


def pk_copy_signatories(*, pk: PerjanjianKinerja) -> None:
    """Copy the chosen officials into the PK's signature snapshot. A final PK keeps the
    snapshot it was signed with."""
    if pk.status == PerjanjianKinerja.Status.FINAL:
        return
    for pihak in ("pihak_pertama", "pihak_kedua"):
        pejabat = getattr(pk, pihak)
        if pejabat is not None:
            for field, value in pk_signatory_snapshot(pihak=pihak, pejabat=pejabat).items():
                setattr(pk, field, value)


@transaction.atomic
def pk_finalize(*, pk: PerjanjianKinerja, user) -> PerjanjianKinerja:
    """Draft -> final: the signatories are frozen into the snapshot and the PK becomes read-only.

    The database refuses a final PK without a date, pihak pertama and pihak kedua's jabatan.
    """
    pk_copy_signatories(pk=pk)
    pk.status = PerjanjianKinerja.Status.FINAL
    pk.difinalkan_pada = timezone.now()
    pk.difinalkan_oleh = user
    pk.full_clean()
    pk.save()
    return pk


@transaction.atomic
def renstra_copy(*, renstra: Renstra, tahun_awal: int, tahun_akhir: int) -> Renstra:
    """A new Renstra period with the structure of an old one: tujuan, sasaran (with their
    misi), indikator with their measurement attributes and allowed text values. Targets,
    PK and realisasi belong to years and are not copied."""
    baru = Renstra(opd=renstra.opd, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir,
                   periode_rpjmd=renstra.periode_rpjmd)
    baru.full_clean()
    baru.save()
    for tujuan in renstra.tujuan.prefetch_related("sasaran__indikator__pilihan"):
        t = Tujuan.objects.create(renstra=baru, nomor=tujuan.nomor, uraian=tujuan.uraian)
        for sasaran in tujuan.sasaran.all():
            s = Sasaran.objects.create(tujuan=t, nomor=sasaran.nomor, uraian=sasaran.uraian,
                                       misi=sasaran.misi)
            for ind in sasaran.indikator.all():
                pilihan = list(ind.pilihan.all())
                ind.pk, ind.id, ind.sasaran = None, None, s
                ind._state.adding = True
                ind.save()
                PilihanNilai.objects.bulk_create(
                    [PilihanNilai(indikator=ind, urutan=p.urutan, label=p.label)
                     for p in pilihan])
    return baru
