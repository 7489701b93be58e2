"""Writes of planning data with their rules."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone

from apps.anggaran.selectors import dpa_berlaku, rekap_dpa
from apps.core.models import Pejabat, Pemda
from apps.core.riwayat import dengan_aksi

from .models import (
    PERNYATAAN_BAKU,
    DukunganSasaranDaerah,
    IndikatorDaerah,
    IndikatorKinerja,
    PerjanjianKinerja,
    PilihanNilai,
    PKBupati,
    PKBupatiTarget,
    PKIndikator,
    PKJenjang,
    PKJenjangBaris,
    PKProgram,
    ProgramSasaran,
    Renstra,
    Sasaran,
    TargetDaerah,
    TargetTahunan,
    Tujuan,
    pk_signatory_snapshot,
)
from .selectors import periode_rpjmd_tahun, unsur_pk_jenjang


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

    The database refuses a final PK without a date, pihak pertama and pihak kedua's jabatan;
    a PK without a target, or one already final (a second click), is refused here.
    """
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    pk_pastikan_draf(pk)
    if not pk.indikator.exists():
        raise ValidationError(
            "PK belum memiliki satu pun target indikator; tambahkan target sebelum difinalkan."
        )
    pk_copy_signatories(pk=pk)
    pk.status = PerjanjianKinerja.Status.FINAL
    pk.difinalkan_pada = timezone.now()
    pk.difinalkan_oleh = user
    pk.full_clean()
    dengan_aksi(pk, "pk.finalkan")
    pk.save()
    return pk


@transaction.atomic
def renstra_copy(*, renstra: Renstra, tahun_awal: int, tahun_akhir: int) -> Renstra:
    """A new Renstra period with the structure of an old one: tujuan, sasaran (with their
    misi and supporting programs), indikator with their measurement and IKU attributes and
    allowed text values. Yearly and end-of-period targets, PK and realisasi belong to the old
    period and are not copied."""
    baru = Renstra(
        opd=renstra.opd,
        tahun_awal=tahun_awal,
        tahun_akhir=tahun_akhir,
        periode_rpjmd=renstra.periode_rpjmd,
    )
    baru.full_clean()
    baru.save()
    for tujuan in renstra.tujuan.prefetch_related(
        "sasaran__indikator__pilihan", "sasaran__program"
    ):
        t = Tujuan.objects.create(renstra=baru, nomor=tujuan.nomor, uraian=tujuan.uraian)
        for sasaran in tujuan.sasaran.all():
            s = Sasaran.objects.create(
                tujuan=t, nomor=sasaran.nomor, uraian=sasaran.uraian, misi=sasaran.misi
            )
            ProgramSasaran.objects.bulk_create(
                [ProgramSasaran(sasaran=s, program=p) for p in sasaran.program.all()]
            )
            for ind in sasaran.indikator.all():
                pilihan = list(ind.pilihan.all())
                ind.pk, ind.id, ind.sasaran = None, None, s
                ind.target_akhir, ind.target_akhir_teks = None, ""
                ind._state.adding = True
                ind.save()
                PilihanNilai.objects.bulk_create(
                    [PilihanNilai(indikator=ind, urutan=p.urutan, label=p.label) for p in pilihan]
                )
    return baru


# ------------------------------------------------------------------------------------------
# Renstra: a new period, the tree edited in one page, the IKU table
# ------------------------------------------------------------------------------------------


@transaction.atomic
def renstra_create(
    *, opd, tahun_awal: int, tahun_akhir: int, periode_rpjmd=None, nomor_dokumen: str = ""
) -> Renstra:
    """A new, empty Renstra period of an OPD; periods of one OPD may not overlap."""
    renstra = Renstra(
        opd=opd,
        tahun_awal=tahun_awal,
        tahun_akhir=tahun_akhir,
        periode_rpjmd=periode_rpjmd,
        nomor_dokumen=nomor_dokumen,
    )
    renstra.full_clean()
    renstra.save()
    return renstra


def _simpan(obj, nilai: dict) -> bool:
    """Write only what changed, so an unchanged row leaves no history entry."""
    berubah = {k: v for k, v in nilai.items() if getattr(obj, k) != v}
    if not berubah:
        return False
    for k, v in berubah.items():
        setattr(obj, k, v)
    obj.full_clean()
    obj.save()
    return True


@dataclass
class IsianPohon:
    """What the tree page posted: per object its new field values; per indicator its yearly
    targets {tahun: (angka, teks)} (both empty = no target); per sasaran its program ids."""

    tujuan: dict = field(default_factory=dict)  # Tujuan -> {field: value}
    sasaran: dict = field(default_factory=dict)  # Sasaran -> {field: value}
    program: dict = field(default_factory=dict)  # Sasaran -> set of program ids
    sasaran_daerah: dict = field(default_factory=dict)  # Sasaran -> set of SasaranDaerah ids
    indikator: dict = field(default_factory=dict)  # IndikatorKinerja -> {field: value}
    target: dict = field(default_factory=dict)  # IndikatorKinerja -> {tahun: (angka, teks)}


def _galat_dengan_awalan(e: ValidationError, awalan: str) -> ValidationError:
    return ValidationError([f"{awalan}: {m}" for m in e.messages])


@transaction.atomic
def renstra_pohon_save(*, renstra: Renstra, isian: IsianPohon) -> int:
    """Save the whole tree page at once, or nothing: every row passes the model's rules
    (full_clean) and the yearly targets must lie in the period. Returns the number of rows
    written (0 when nothing changed)."""
    ditulis = 0
    for obj, nilai in isian.tujuan.items():
        ditulis += _simpan(obj, nilai)
    for obj, nilai in isian.sasaran.items():
        ditulis += _simpan(obj, nilai)
    for sasaran, program_ids in isian.program.items():
        lama = set(
            ProgramSasaran.objects.filter(sasaran=sasaran).values_list("program_id", flat=True)
        )
        hapus, tambah = lama - program_ids, program_ids - lama
        ProgramSasaran.objects.filter(sasaran=sasaran, program_id__in=hapus).delete()
        ProgramSasaran.objects.bulk_create(
            [ProgramSasaran(sasaran=sasaran, program_id=pid) for pid in sorted(tambah)]
        )
        ditulis += len(hapus) + len(tambah)
    for sasaran, daerah_ids in isian.sasaran_daerah.items():
        ditulis += _dukungan_daerah_set(sasaran, daerah_ids)
    for obj, nilai in isian.indikator.items():
        ditulis += _simpan(obj, nilai)
    for ind, per_tahun in isian.target.items():
        for tahun, (angka, teks) in per_tahun.items():
            ditulis += _target_tahunan_set(ind, tahun, angka, teks)
    return ditulis


def _dukungan_daerah_set(sasaran: Sasaran, daerah_ids: set[int]) -> int:
    """Link a sasaran to exactly these sasaran daerah; each new link passes the model's rule
    (the sasaran daerah belongs to the RPJMD period its Renstra follows). Rows written."""
    lama = set(
        DukunganSasaranDaerah.objects.filter(sasaran=sasaran).values_list(
            "sasaran_daerah_id", flat=True
        )
    )
    hapus, tambah = lama - daerah_ids, daerah_ids - lama
    DukunganSasaranDaerah.objects.filter(sasaran=sasaran, sasaran_daerah_id__in=hapus).delete()
    baru = [DukunganSasaranDaerah(sasaran=sasaran, sasaran_daerah_id=i) for i in sorted(tambah)]
    for link in baru:
        try:
            link.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as e:
            raise _galat_dengan_awalan(e, f"Sasaran {sasaran.uraian[:80]}") from None
    DukunganSasaranDaerah.objects.bulk_create(baru)
    return len(hapus) + len(tambah)


def _target_tahunan_set(ind, tahun: int, angka, teks: str) -> int:
    lama = TargetTahunan.objects.filter(indikator=ind, tahun=tahun).first()
    if angka is None and not teks:
        if lama is None:
            return 0
        lama.delete()
        return 1
    obj = lama or TargetTahunan(indikator=ind, tahun=tahun)
    if lama is None:
        obj.target, obj.target_teks = angka, teks
        try:
            obj.full_clean()
        except ValidationError as e:
            raise _galat_dengan_awalan(e, f"{ind.nama}, target {tahun}") from None
        obj.save()
        return 1
    try:
        return int(_simpan(obj, {"target": angka, "target_teks": teks}))
    except ValidationError as e:
        raise _galat_dengan_awalan(e, f"{ind.nama}, target {tahun}") from None


def _nomor_berikut(qs) -> int:
    return (qs.aggregate(m=Max("nomor"))["m"] or 0) + 1


@transaction.atomic
def tujuan_create(*, renstra: Renstra, uraian: str) -> Tujuan:
    obj = Tujuan(renstra=renstra, uraian=uraian, nomor=_nomor_berikut(renstra.tujuan))
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def sasaran_create(*, tujuan: Tujuan, uraian: str, misi=None) -> Sasaran:
    obj = Sasaran(tujuan=tujuan, uraian=uraian, misi=misi, nomor=_nomor_berikut(tujuan.sasaran))
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def indikator_create(
    *, sasaran: Sasaran, nama: str, satuan: str = "", **atribut
) -> IndikatorKinerja:
    obj = IndikatorKinerja(
        sasaran=sasaran,
        nama=nama,
        satuan=satuan,
        nomor=_nomor_berikut(sasaran.indikator),
        **atribut,
    )
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def pohon_delete(*, obj) -> None:
    """Remove a tujuan, sasaran or indicator. Refused while anything measured or promised
    hangs on it (a PK target, a realisasi): history is never deleted by accident."""
    nama = {Tujuan: "Tujuan", Sasaran: "Sasaran", IndikatorKinerja: "Indikator"}[type(obj)]
    try:
        obj.delete()
    except ProtectedError:
        raise ValidationError(
            f"{nama} “{obj}” tidak dapat dihapus: sudah dipakai pada Perjanjian Kinerja atau "
            "realisasi. Hapus dahulu dari PK yang masih draf, atau biarkan sebagai riwayat."
        ) from None


@transaction.atomic
def iku_save(*, isian: dict) -> int:
    """The IKU table: is_iku, definisi operasional, formula, sumber data, penanggung jawab of
    each indicator, all or nothing. `isian` maps IndikatorKinerja -> {field: value}."""
    return sum(_simpan(obj, nilai) for obj, nilai in isian.items())


# ------------------------------------------------------------------------------------------
# Perjanjian Kinerja: create from the Renstra and the DPA, edit while draft, perubahan
# ------------------------------------------------------------------------------------------


def _pihak_bawaan(opd):
    """The usual signatories: the OPD's one active official, to the head of the parent OPD
    (a Bagian signs to the Sekretaris Daerah) or, for an OPD without parent, the kepala
    daerah."""
    pertama = list(Pejabat.objects.filter(opd=opd, aktif=True)[:2])
    kedua = None
    if opd.induk_id:
        atas = list(Pejabat.objects.filter(opd_id=opd.induk_id, aktif=True)[:2])
        kedua = atas[0] if len(atas) == 1 else None
    else:
        pemda = Pemda.objects.first()
        kedua = pemda.kepala_daerah if pemda else None
    return (pertama[0] if len(pertama) == 1 else None), kedua


def pk_pastikan_draf(pk: PerjanjianKinerja) -> None:
    """A final PK is read-only for everyone, whatever their role."""
    if pk.status == PerjanjianKinerja.Status.FINAL:
        raise ValidationError(
            f"{pk.judul} sudah final dan tidak dapat diubah oleh siapa pun. Untuk mengubah "
            "target, anggaran atau penandatangan, buat perubahan PK."
        )


@transaction.atomic
def pk_create(*, opd, tahun: int) -> PerjanjianKinerja:
    """The PK induk of a year, pre-filled: every indicator of the Renstra covering the year
    with its Renstra target of that year, every program of the DPA in force with its pagu
    summed from the DPA lines, the usual signatories, the ibu kota as place and the standard
    statement. Refused for a year outside every Renstra period or when the year has a PK."""
    renstra = Renstra.objects.filter(opd=opd, tahun_awal__lte=tahun, tahun_akhir__gte=tahun).first()
    if renstra is None:
        periode = ", ".join(
            f"{a}-{b}"
            for a, b in opd.renstra.order_by("tahun_awal").values_list("tahun_awal", "tahun_akhir")
        )
        raise ValidationError(
            {
                "tahun": f"Tahun {tahun} di luar periode Renstra OPD ini "
                f"({periode or 'belum ada Renstra'}). Buat atau salin "
                "Renstra periode itu lebih dahulu."
            }
        )
    if PerjanjianKinerja.objects.filter(opd=opd, tahun=tahun).exists():
        raise ValidationError(
            {
                "tahun": f"Perjanjian Kinerja tahun {tahun} sudah ada; buka "
                "PK itu atau buat perubahannya."
            }
        )
    pertama, kedua = _pihak_bawaan(opd)
    pemda = Pemda.objects.first()
    pk = PerjanjianKinerja(
        opd=opd,
        tahun=tahun,
        versi=0,
        pihak_pertama=pertama,
        pihak_kedua=kedua,
        tempat=pemda.ibu_kota if pemda else "",
        pernyataan=PERNYATAAN_BAKU,
    )
    pk_copy_signatories(pk=pk)
    pk.full_clean()
    pk.save()
    targets = TargetTahunan.objects.filter(indikator__sasaran__tujuan__renstra=renstra, tahun=tahun)
    PKIndikator.objects.bulk_create(
        [
            PKIndikator(
                pk_dokumen=pk,
                indikator_id=t.indikator_id,
                target=t.target,
                target_teks=t.target_teks,
            )
            for t in targets
        ]
    )
    dpa = dpa_berlaku(opd.pk, tahun)
    if dpa is not None:
        PKProgram.objects.bulk_create(
            [
                PKProgram(pk_dokumen=pk, program=program, anggaran=rekap.pagu)
                for program, rekap in sorted(
                    rekap_dpa(dpa).program.items(), key=lambda x: x[0].kode
                )
            ]
        )
    return pk


@dataclass
class IsianPK:
    """What the PK edit page posted: the document's fields, the targets per PKIndikator,
    the budgets per PKProgram, rows to add and rows to remove."""

    dokumen: dict
    target: dict = field(default_factory=dict)  # PKIndikator -> (angka, teks)
    anggaran: dict = field(default_factory=dict)  # PKProgram -> (anggaran, keterangan)
    hapus_indikator: set = field(default_factory=set)  # PKIndikator ids
    hapus_program: set = field(default_factory=set)  # PKProgram ids


@transaction.atomic
def pk_update(*, pk: PerjanjianKinerja, isian: IsianPK) -> int:
    """Edit a draft PK: place, date, signatories (snapshot refreshed), statement, targets,
    budgets, removed rows; all or nothing, and only what changed is written (an unchanged
    save leaves no history entry). Returns the number of rows written. A final PK is
    read-only for everyone."""
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    pk_pastikan_draf(pk)
    nilai = dict(isian.dokumen)
    for pihak in ("pihak_pertama", "pihak_kedua"):
        pejabat = nilai.get(pihak, getattr(pk, pihak))
        if pejabat is not None:
            nilai.update(pk_signatory_snapshot(pihak=pihak, pejabat=pejabat))
    ditulis = int(_simpan(pk, nilai))
    for row, (angka, teks) in isian.target.items():
        if row.pk in isian.hapus_indikator:
            continue
        try:
            ditulis += _simpan(row, {"target": angka, "target_teks": teks})
        except ValidationError as e:
            raise _galat_dengan_awalan(e, f"Target {row.indikator.nama}") from None
    for row, (anggaran, keterangan) in isian.anggaran.items():
        if row.pk in isian.hapus_program:
            continue
        ditulis += _simpan(row, {"anggaran": anggaran, "keterangan": keterangan})
    ditulis += PKIndikator.objects.filter(pk_dokumen=pk, pk__in=isian.hapus_indikator).delete()[0]
    ditulis += PKProgram.objects.filter(pk_dokumen=pk, pk__in=isian.hapus_program).delete()[0]
    return ditulis


@transaction.atomic
def pk_indikator_add(
    *, pk: PerjanjianKinerja, indikator, target=None, target_teks: str = ""
) -> PKIndikator:
    """Add an indicator of the OPD's Renstra to a draft PK; without a target given, the
    Renstra target of the year is used."""
    pk_pastikan_draf(pk)
    if target is None and not target_teks:
        t = TargetTahunan.objects.filter(indikator=indikator, tahun=pk.tahun).first()
        if t is None:
            raise ValidationError(
                {
                    "target": f"Isi target: Renstra tidak memiliki target "
                    f"{pk.tahun} untuk indikator ini."
                }
            )
        target, target_teks = t.target, t.target_teks
    row = PKIndikator(pk_dokumen=pk, indikator=indikator, target=target, target_teks=target_teks)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def pk_program_add(*, pk: PerjanjianKinerja, program, anggaran) -> PKProgram:
    pk_pastikan_draf(pk)
    row = PKProgram(pk_dokumen=pk, program=program, anggaran=anggaran)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def pk_delete(*, pk: PerjanjianKinerja) -> None:
    """Remove a draft (a PK or a perubahan started by mistake); a final PK stays for ever."""
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    pk_pastikan_draf(pk)
    pk.delete()


@transaction.atomic
def pk_perubahan_create(
    *, pk: PerjanjianKinerja, alasan: str, keterangan: str
) -> PerjanjianKinerja:
    """The next version of a final PK (PermenPAN-RB 53/2014: revised when the official
    changes, when the strategy or budget changes, or when priorities or assumptions change
    significantly). It starts as a draft copy of the latest version: targets, programs,
    signatories, statement; the date is left empty to be filled in when signed. Refused from
    a draft, or from a version that is no longer the latest."""
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    if pk.status != PerjanjianKinerja.Status.FINAL:
        raise ValidationError(
            "Perubahan hanya dapat dibuat dari Perjanjian Kinerja yang "
            "sudah final; selesaikan dan finalkan draf ini lebih dahulu."
        )
    terakhir = (
        PerjanjianKinerja.objects.filter(opd=pk.opd, tahun=pk.tahun).order_by("-versi").first()
    )
    if terakhir.pk != pk.pk:
        raise ValidationError(
            f"Sudah ada versi yang lebih baru ({terakhir.judul}, "
            f"{terakhir.get_status_display().lower()}); perubahan dibuat "
            "dari versi terakhir."
        )
    if alasan not in PerjanjianKinerja.Alasan.values:
        raise ValidationError(
            {"alasan_perubahan": "Pilih salah satu alasan perubahan yang diizinkan."}
        )
    baru = PerjanjianKinerja(
        opd=pk.opd,
        tahun=pk.tahun,
        versi=pk.versi + 1,
        alasan_perubahan=alasan,
        keterangan_perubahan=keterangan,
        tempat=pk.tempat,
        pernyataan=pk.pernyataan or PERNYATAAN_BAKU,
        tanggal_lengkap=pk.tanggal_lengkap,
        pihak_pertama=pk.pihak_pertama,
        pihak_kedua=pk.pihak_kedua,
        **{
            f"{p}_{f}": getattr(pk, f"{p}_{f}")
            for p in ("pihak_pertama", "pihak_kedua")
            for f in ("nama", "nip", "pangkat", "jabatan")
        },
    )
    baru.full_clean()
    baru.save()
    PKIndikator.objects.bulk_create(
        [
            PKIndikator(
                pk_dokumen=baru,
                indikator_id=r.indikator_id,
                target=r.target,
                target_teks=r.target_teks,
            )
            for r in pk.indikator.all()
        ]
    )
    PKProgram.objects.bulk_create(
        [
            PKProgram(
                pk_dokumen=baru,
                program_id=r.program_id,
                anggaran=r.anggaran,
                keterangan=r.keterangan,
            )
            for r in pk.program.all()
        ]
    )
    return baru


# --- PK berjenjang -----------------------------------------------------------------------


@transaction.atomic
def pk_jenjang_create(
    *, opd, tahun: int, tingkat: str, pihak_pertama, pihak_kedua, pilihan: list[str]
) -> PKJenjang:
    """A draft PK of a pejabat administrator or pengawas of the OPD, its rows proposed from
    the DPA in force: the programs (with their kegiatan) or sub kegiatan chosen by their key
    (apps.perencanaan.selectors.unsur_pk_jenjang). Refused: no DPA, nothing chosen, a key
    that is not one of the DPA's, an official of another OPD (the model names them), an
    official who already has a PK of the year (a change is a perubahan)."""
    if tingkat not in PKJenjang.Tingkat.values:
        raise ValidationError("Tingkat: pilih pejabat administrator atau pejabat pengawas.")
    unsur = {u.kunci: u for u in unsur_pk_jenjang(opd.pk, tahun, tingkat)}
    if not unsur:
        raise ValidationError(f"Belum ada DPA {tahun}: PK berjenjang diusulkan dari DPA.")
    asing = [k for k in pilihan if k not in unsur]
    if asing:
        raise ValidationError(
            f"Pilihan {', '.join(asing)} bukan program atau sub kegiatan DPA {tahun} OPD ini."
        )
    if not pilihan:
        raise ValidationError(
            "Program atau sub kegiatan: pilih sedikitnya satu yang diperjanjikan."
        )
    pk = PKJenjang(
        opd=opd,
        tahun=tahun,
        tingkat=tingkat,
        pihak_pertama=pihak_pertama,
        pihak_kedua=pihak_kedua,
        tempat=(Pemda.objects.values_list("ibu_kota", flat=True).first() or ""),
    )
    pk.full_clean(validate_unique=False, validate_constraints=False)
    if PKJenjang.objects.filter(opd=opd, tahun=tahun, pihak_pertama=pihak_pertama).exists():
        raise ValidationError(
            f"Pihak pertama: {pihak_pertama.nama} sudah memiliki PK tahun {tahun}; "
            "ubah drafnya atau buat perubahan PK."
        )
    pk.save()
    baris = []
    for k in dict.fromkeys(pilihan):
        for b in unsur[k].baris:
            baris.append(
                PKJenjangBaris(
                    pk_dokumen=pk,
                    urutan=len(baris) + 1,
                    unsur=b.unsur,
                    kode=b.kode,
                    uraian=b.uraian[:300],
                    indikator=b.indikator[:400],
                    target=b.target,
                    satuan=b.satuan[:50],
                    anggaran=b.anggaran,
                )
            )
    PKJenjangBaris.objects.bulk_create(baris)
    return pk


def _jenjang_draf(pk: PKJenjang) -> None:
    if pk.status != PerjanjianKinerja.Status.DRAFT:
        raise ValidationError(f"{pk.judul} sudah final; ubah lewat perubahan PK.")


@transaction.atomic
def pk_jenjang_save(*, pk: PKJenjang, tempat: str, tanggal, target: dict) -> int:
    """The draft's place, date and targets (`target`: PKJenjangBaris -> Decimal or None),
    with their history. Returns the fields written."""
    pk = PKJenjang.objects.select_for_update().get(pk=pk.pk)
    _jenjang_draf(pk)
    n = 0
    if (pk.tempat, pk.tanggal) != (tempat, tanggal):
        pk.tempat, pk.tanggal = tempat, tanggal
        pk.full_clean(validate_unique=False, validate_constraints=False)
        pk.save()
        n += 1
    for b, nilai in target.items():
        if b.pk_dokumen_id != pk.pk:
            raise ValidationError(f"{b.kode}: bukan baris PK ini.")
        if b.target != nilai:
            b.target = nilai
            b.full_clean(exclude=["pk_dokumen"], validate_unique=False, validate_constraints=False)
            b.save(update_fields=["target"])
            n += 1
    return n


@transaction.atomic
def pk_jenjang_finalize(*, pk: PKJenjang, user) -> PKJenjang:
    """Draft -> final: the two officials frozen into the printed signatures. Refused without
    a date or a row, or when already final."""
    pk = PKJenjang.objects.select_for_update().get(pk=pk.pk)
    _jenjang_draf(pk)
    if pk.tanggal is None:
        raise ValidationError("Tanggal penandatanganan: isi dahulu sebelum memfinalkan.")
    if not pk.baris.exists():
        raise ValidationError("PK ini belum memiliki baris; buat ulang dari DPA.")
    for pihak in ("pihak_pertama", "pihak_kedua"):
        for nama, nilai in pk_signatory_snapshot(pihak=pihak, pejabat=getattr(pk, pihak)).items():
            setattr(pk, nama, nilai)
    pk.status = PerjanjianKinerja.Status.FINAL
    pk.difinalkan_pada, pk.difinalkan_oleh = timezone.now(), user
    dengan_aksi(pk, "pk.finalkan")
    pk.save()
    return pk


@transaction.atomic
def pk_jenjang_perubahan(*, pk: PKJenjang, alasan: str, keterangan: str) -> PKJenjang:
    """A perubahan of the latest final PK of an official: a new draft version with its rows,
    for one of the reasons the rules allow (PerjanjianKinerja.Alasan)."""
    pk = PKJenjang.objects.select_for_update().get(pk=pk.pk)
    if pk.status != PerjanjianKinerja.Status.FINAL:
        raise ValidationError("Perubahan dibuat dari PK yang sudah final.")
    if alasan not in PerjanjianKinerja.Alasan.values:
        raise ValidationError("Alasan perubahan: pilih salah satu dari tiga alasan yang diizinkan.")
    terakhir = PKJenjang.objects.filter(
        opd=pk.opd, tahun=pk.tahun, pihak_pertama=pk.pihak_pertama
    ).aggregate(v=Max("versi"))["v"]
    if terakhir != pk.versi:
        raise ValidationError("Sudah ada versi yang lebih baru; buat perubahan dari versi itu.")
    baru = PKJenjang.objects.create(
        opd=pk.opd,
        tahun=pk.tahun,
        tingkat=pk.tingkat,
        versi=pk.versi + 1,
        alasan_perubahan=alasan,
        keterangan_perubahan=keterangan.strip(),
        tempat=pk.tempat,
        pihak_pertama=pk.pihak_pertama,
        pihak_kedua=pk.pihak_kedua,
    )
    PKJenjangBaris.objects.bulk_create(
        PKJenjangBaris(
            pk_dokumen=baru,
            urutan=b.urutan,
            unsur=b.unsur,
            kode=b.kode,
            uraian=b.uraian,
            indikator=b.indikator,
            target=b.target,
            satuan=b.satuan,
            anggaran=b.anggaran,
        )
        for b in pk.baris.all()
    )
    return baru


@transaction.atomic
def pk_jenjang_delete(*, pk: PKJenjang) -> None:
    pk = PKJenjang.objects.select_for_update().get(pk=pk.pk)
    _jenjang_draf(pk)
    pk.delete()


# --- PK Bupati ---------------------------------------------------------------------------


@transaction.atomic
def pk_bupati_create(*, tahun: int) -> PKBupati:
    """The Bupati's draft PK of a year: every IKU Pemda of the RPJMD period covering it with
    the RPJMD's target of the year, signed by the kepala daerah of the Pemda. Refused without
    a period, an IKU or a kepala daerah, or when the year has one (a change is a perubahan)."""
    periode = periode_rpjmd_tahun(tahun)
    if periode is None:
        raise ValidationError(f"Tahun {tahun}: tidak ada periode RPJMD yang mencakupnya.")
    iku = list(
        IndikatorDaerah.objects.filter(sasaran__tujuan__periode=periode).order_by(
            "sasaran__tujuan__nomor", "sasaran__nomor", "nomor"
        )
    )
    if not iku:
        raise ValidationError(f"{periode.nama} belum memiliki IKU Pemda.")
    pemda = Pemda.objects.select_related("kepala_daerah").first()
    if pemda is None or pemda.kepala_daerah is None:
        raise ValidationError("Kepala daerah belum ditetapkan di Data induk › Pemerintah daerah.")
    if PKBupati.objects.filter(tahun=tahun).exists():
        raise ValidationError(f"PK Bupati tahun {tahun} sudah ada; buat perubahannya.")
    pk = PKBupati(periode=periode, tahun=tahun, bupati=pemda.kepala_daerah, tempat=pemda.ibu_kota)
    pk.full_clean(validate_constraints=False)
    pk.save()
    target = dict(
        TargetDaerah.objects.filter(indikator__in=iku, tahun=tahun).values_list(
            "indikator_id", "target"
        )
    )
    PKBupatiTarget.objects.bulk_create(
        PKBupatiTarget(pk_dokumen=pk, indikator=i, target=target.get(i.pk)) for i in iku
    )
    return pk


def _bupati_draf(pk: PKBupati) -> None:
    if pk.status != PerjanjianKinerja.Status.DRAFT:
        raise ValidationError(f"{pk.judul} Bupati sudah final; ubah lewat perubahan PK.")


@transaction.atomic
def pk_bupati_save(*, pk: PKBupati, tempat: str, tanggal, target: dict) -> int:
    """The draft's place, date and targets (`target`: PKBupatiTarget -> Decimal or None)."""
    pk = PKBupati.objects.select_for_update().get(pk=pk.pk)
    _bupati_draf(pk)
    n = 0
    if (pk.tempat, pk.tanggal) != (tempat, tanggal):
        pk.tempat, pk.tanggal = tempat, tanggal
        pk.save()
        n += 1
    for t, nilai in target.items():
        if t.pk_dokumen_id != pk.pk:
            raise ValidationError(f"{t.indikator}: bukan target PK ini.")
        if t.target != nilai:
            t.target = nilai
            t.full_clean(exclude=["pk_dokumen", "indikator"], validate_constraints=False)
            t.save(update_fields=["target"])
            n += 1
    return n


@transaction.atomic
def pk_bupati_finalize(*, pk: PKBupati, user) -> PKBupati:
    """Draft -> final: the kepala daerah's signature frozen. Refused without a date or a
    target of every IKU."""
    pk = PKBupati.objects.select_for_update().get(pk=pk.pk)
    _bupati_draf(pk)
    if pk.tanggal is None:
        raise ValidationError("Tanggal penandatanganan: isi dahulu sebelum memfinalkan.")
    kosong = [t.indikator.nama for t in pk.target.select_related("indikator") if t.target is None]
    if kosong:
        raise ValidationError(f"Target belum diisi: {', '.join(kosong)}.")
    for nama, nilai in pk_signatory_snapshot(pihak="bupati", pejabat=pk.bupati).items():
        setattr(pk, nama, nilai)
    pk.status = PerjanjianKinerja.Status.FINAL
    pk.difinalkan_pada, pk.difinalkan_oleh = timezone.now(), user
    dengan_aksi(pk, "pk.finalkan")
    pk.save()
    return pk


@transaction.atomic
def pk_bupati_perubahan(*, pk: PKBupati, alasan: str, keterangan: str) -> PKBupati:
    """A perubahan of the latest final PK Bupati: a new draft version with its targets,
    signed by the kepala daerah of the Pemda now (a Pj. Bupati after a change of official)."""
    pk = PKBupati.objects.select_for_update().get(pk=pk.pk)
    if pk.status != PerjanjianKinerja.Status.FINAL:
        raise ValidationError("Perubahan dibuat dari PK yang sudah final.")
    if alasan not in PerjanjianKinerja.Alasan.values:
        raise ValidationError("Alasan perubahan: pilih salah satu dari tiga alasan yang diizinkan.")
    if PKBupati.objects.filter(tahun=pk.tahun).aggregate(v=Max("versi"))["v"] != pk.versi:
        raise ValidationError("Sudah ada versi yang lebih baru; buat perubahan dari versi itu.")
    pemda = Pemda.objects.select_related("kepala_daerah").first()
    baru = PKBupati.objects.create(
        periode=pk.periode,
        tahun=pk.tahun,
        versi=pk.versi + 1,
        alasan_perubahan=alasan,
        keterangan_perubahan=keterangan.strip(),
        tempat=pk.tempat,
        bupati=(pemda.kepala_daerah if pemda and pemda.kepala_daerah else pk.bupati),
    )
    PKBupatiTarget.objects.bulk_create(
        PKBupatiTarget(pk_dokumen=baru, indikator_id=t.indikator_id, target=t.target)
        for t in pk.target.all()
    )
    return baru


@transaction.atomic
def pk_bupati_delete(*, pk: PKBupati) -> None:
    pk = PKBupati.objects.select_for_update().get(pk=pk.pk)
    _bupati_draf(pk)
    pk.delete()
