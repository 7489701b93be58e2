"""Writes of measurement data with their rules: entry, submission, verification, reopening,
evidence and reminders (DHIS2's model: a window per period, submit -> verify/return ->
reopen, verified means locked; every change is in the history with who and when)."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.core.angka import format_nilai, nama_triwulan
from apps.core.beranda import sisa_hari
from apps.core.models import OPD
from apps.core.penyimpanan import hapus_bila_gagal, hapus_setelah_commit
from apps.core.riwayat import bulk_update_riwayat, dengan_aksi, record_riwayat
from apps.core.selectors import pengguna_dengan, pengguna_opd
from apps.core.services import notifikasi_send

from .berkas import BerkasBukti
from .models import (
    BuktiDukung,
    CatatanVerifikasi,
    JadwalPengisian,
    PengecualianKunci,
    Realisasi,
    RealisasiDaerah,
)
from .selectors import (
    ROMAWI,
    STATUS_TERKUNCI,
    Pengisian,
    alasan_terkunci,
    hash_isi,
    hash_realisasi,
    jendela_pengisian,
    kekurangan_pengajuan,
    pengisian_triwulan,
    tanggal_id,
)

# What a save of the entry page writes on a row it changes.
KOLOM_ISIAN = ["nilai", "nilai_teks", "analisis", "solusi", "diisi_oleh", "diperbarui", "versi"]


@dataclass
class Isian:
    """What a user typed for one indicator on the entry page."""

    indikator_id: int
    nilai: object = None
    nilai_teks: str = ""
    analisis: str = ""
    solusi: str = ""
    versi_dibaca: int | None = None
    hash_dibaca: str = ""
    tanggapan: str = ""
    berkas: list[BerkasBukti] = field(default_factory=list)


@dataclass(frozen=True)
class Konflik:
    indikator_id: int
    nilai_tersimpan: str
    oleh: str
    pada: datetime.datetime
    versi: int


class KonflikVersi(Exception):
    """Someone saved these rows after the page was read; nothing of this save was written."""

    def __init__(self, konflik: list[Konflik]):
        super().__init__("Konflik penyimpanan")
        self.konflik = konflik


def tampil_nilai(r: Realisasi | None) -> str:
    if r is None:
        return ""
    return r.nilai_teks or format_nilai(r.nilai)


def _catat_pelaku(obj, user):
    # simple_history takes the request's user from its middleware; outside a request (shell,
    # tests, commands) the service names the user itself.
    obj._history_user = user


def _url_pengisian(opd_id, tahun, triwulan):
    return reverse("pengukuran:pengisian", args=[opd_id, tahun, triwulan])


@transaction.atomic
def realisasi_triwulan_save(
    *,
    opd: OPD,
    tahun: int,
    triwulan: int,
    user,
    isian: list[Isian],
    sekarang=None,
    pengisian: Pengisian | None = None,
) -> int:
    """Save the entry page of one triwulan as draft: all rows or none.

    Rules: only indicators of the PK in force; outside the input window only rows returned by
    the verifikator may be corrected; submitted and verified rows are locked; a row someone
    else saved after this page was read is a conflict (optimistic locking on `versi`), and then
    nothing is written and the caller shows the other value. Unchanged rows are not written,
    so two people filling different indicators never collide. Returns the rows written.

    `pengisian`: the entry page as the caller read it in this transaction, if it did (the
    rows written are read again under lock below, whatever it holds).
    """
    if pengisian is None:
        pengisian = pengisian_triwulan(opd=opd, tahun=tahun, triwulan=triwulan)
    if pengisian.pk is None:
        raise ValidationError(
            f"Belum ada Perjanjian Kinerja final tahun {tahun}; realisasi belum dapat diisi."
        )
    baris = {b.indikator.pk: b for b in pengisian.baris}
    jendela = jendela_pengisian(opd_id=opd.pk, tahun=tahun, triwulan=triwulan, sekarang=sekarang)
    ids = [i.indikator_id for i in isian]
    tersimpan = {
        r.indikator_id: r
        for r in Realisasi.objects.select_for_update().filter(
            indikator_id__in=ids, tahun=tahun, triwulan=triwulan
        )
    }
    galat, konflik, tulis = {}, [], []
    for i in isian:
        b = baris.get(i.indikator_id)
        if b is None:
            raise ValidationError("Indikator ini tidak ada pada Perjanjian Kinerja yang berlaku.")
        r = tersimpan.get(i.indikator_id)
        ketik = hash_isi(i.nilai, i.nilai_teks, i.analisis, i.solusi)
        diubah = ketik != i.hash_dibaca and ketik != hash_realisasi(r)
        if not (diubah or i.berkas or i.tanggapan.strip()):
            # Untouched rows, and rows already holding what was typed, are not written: two
            # people filling different indicators never collide, and a stale untouched row
            # never overwrites.
            continue
        # Locked since the page was opened (a browser does not send a row shown locked).
        terkunci = alasan_terkunci(r, jendela, b.indikator.nama)
        if terkunci and r is not None and r.status in STATUS_TERKUNCI:
            galat[i.indikator_id] = f"{terkunci} Isian Anda tidak disimpan."
            continue
        if (r.versi if r else 0) != (i.versi_dibaca or 0):
            konflik.append(
                Konflik(
                    i.indikator_id,
                    tampil_nilai(r),
                    str(r.diisi_oleh or "pengguna lain"),
                    r.diperbarui,
                    r.versi,
                )
            )
            continue
        if terkunci:
            galat[i.indikator_id] = f"{terkunci} Isian Anda tidak disimpan."
            continue
        tulis.append((i, r, diubah))
    if galat:
        raise ValidationError(galat)
    if konflik:
        raise KonflikVersi(konflik)
    waktu = timezone.now()
    baru, berubah, tambahan = [], [], []
    for i, r, diubah in tulis:
        if r is None:
            r = Realisasi(indikator_id=i.indikator_id, tahun=tahun, triwulan=triwulan)
        # The indicator as the page read it, with its choices (clean checks a text value).
        r.indikator = baris[i.indikator_id].indikator
        if diubah or r.pk is None:
            r.nilai, r.nilai_teks = i.nilai, i.nilai_teks
            r.analisis, r.solusi = i.analisis, i.solusi
            if r.pk:
                r.versi += 1
            r.diisi_oleh, r.diperbarui = user, waktu
            # The indicator comes from the PK in force and the user from the request; the
            # uniqueness and the CHECK constraints are enforced by the database in the write
            # itself. Django would check each of those with queries of their own (15 per row).
            r.full_clean(
                exclude=["indikator", "diisi_oleh"],
                validate_unique=False,
                validate_constraints=False,
            )
            (berubah if r.pk else baru).append(r)
        tambahan.append((i, r))
    _tulis_realisasi(baru, berubah, user)
    for i, r in tambahan:
        for berkas in i.berkas:
            bukti_add(realisasi=r, berkas=berkas, user=user)
        if i.tanggapan.strip():
            CatatanVerifikasi.objects.create(
                realisasi=r,
                jenis=CatatanVerifikasi.Jenis.TANGGAPAN,
                isi=i.tanggapan.strip(),
                penulis=user,
            )
    return len(tulis)


def _tulis_realisasi(baru: list[Realisasi], berubah: list[Realisasi], user) -> None:
    """Write the rows of one save in a few statements, with their history as simple-history
    would record it (apps.core.riwayat). A first value of an indicator that someone else
    saved after this page was read breaks the unique constraint: that is a version conflict,
    answered like one, and nothing is written."""
    if baru:
        try:
            with transaction.atomic():
                Realisasi.objects.bulk_create(baru)
        except IntegrityError:
            r0 = baru[0]
            ada = list(
                Realisasi.objects.select_related("diisi_oleh").filter(
                    indikator_id__in=[r.indikator_id for r in baru],
                    tahun=r0.tahun,
                    triwulan=r0.triwulan,
                )
            )
            if not ada:
                raise
            raise KonflikVersi(
                [
                    Konflik(
                        r.indikator_id,
                        tampil_nilai(r),
                        str(r.diisi_oleh or "pengguna lain"),
                        r.diperbarui,
                        r.versi,
                    )
                    for r in ada
                ]
            ) from None
        record_riwayat(
            Realisasi, [r.pk for r in baru], history_type="+", user=user, aksi="realisasi.simpan"
        )
    bulk_update_riwayat(berubah, KOLOM_ISIAN, user=user, aksi="realisasi.simpan")


@transaction.atomic
def realisasi_triwulan_submit(*, opd: OPD, tahun: int, triwulan: int, user, sekarang=None) -> int:
    """Submit a triwulan for verification: every draft or returned row becomes "diajukan".

    Refused with the list of what blocks it (kekurangan_pengajuan), outside the window
    (except re-submitting returned rows), and when there is nothing left to submit; a
    double-clicked submit therefore submits once. The verifikators are notified.
    """
    sekarang = sekarang or timezone.now()
    # Lock this triwulan's rows first, so two simultaneous submits run one after the other.
    list(
        Realisasi.objects.select_for_update().filter(
            indikator__sasaran__tujuan__renstra__opd=opd, tahun=tahun, triwulan=triwulan
        )
    )
    pengisian = pengisian_triwulan(opd=opd, tahun=tahun, triwulan=triwulan)
    kurang = kekurangan_pengajuan(pengisian)
    if kurang:
        raise ValidationError([k.pesan for k in kurang])
    rows = [pengisian.realisasi_triwulan(b) for b in pengisian.baris]
    ajukan = [
        r for r in rows if r.status in (Realisasi.Status.DRAFT, Realisasi.Status.DIKEMBALIKAN)
    ]
    if not ajukan:
        raise ValidationError(
            f"Tidak ada isian {pengisian.nama_triwulan} yang perlu diajukan: "
            "semuanya sudah diajukan atau diverifikasi."
        )
    jendela = jendela_pengisian(opd_id=opd.pk, tahun=tahun, triwulan=triwulan, sekarang=sekarang)
    if not jendela.terbuka and any(r.status == Realisasi.Status.DRAFT for r in ajukan):
        raise ValidationError(jendela.pesan)
    _ganti_pengajuan(ajukan, Realisasi.Status.DIAJUKAN, user, sekarang, "realisasi.ajukan")
    _kabari_verifikator(
        opd,
        tahun,
        triwulan,
        f"{opd.nama} mengajukan realisasi {pengisian.nama_triwulan}",
        f"{len(ajukan)} indikator menunggu verifikasi.",
    )
    return len(ajukan)


def _ganti_pengajuan(rows, status: str, user, sekarang, aksi: str) -> None:
    """Submit (status diajukan) or withdraw (draft) rows: who submitted and when, a new
    version (an open page's stale copy is refused), the history record with its action."""
    diajukan = status == Realisasi.Status.DIAJUKAN
    for r in rows:
        r.status = status
        r.diajukan_oleh, r.diajukan_pada = (user, sekarang) if diajukan else (None, None)
        r.versi += 1
        r.diperbarui = sekarang
    bulk_update_riwayat(
        rows,
        ["status", "diajukan_oleh", "diajukan_pada", "versi", "diperbarui"],
        user=user,
        aksi=aksi,
    )


def _kabari_verifikator(opd, tahun: int, triwulan: int, judul: str, pesan: str) -> None:
    notifikasi_send(
        penerima=pengguna_dengan("can_verify"),
        judul=judul,
        pesan=pesan,
        tautan=reverse("pengukuran:tinjau", args=[opd.pk, tahun, triwulan]),
        email=False,
    )


@transaction.atomic
def realisasi_triwulan_withdraw(*, opd: OPD, tahun: int, triwulan: int, user, sekarang=None) -> int:
    """Withdraw a submission that is not verified yet: the triwulan's "diajukan" rows become
    drafts again, to be corrected and submitted anew; verified rows stay verified. Only
    while the input window is open (a draft after the deadline would be locked and late).
    The verifikators are told, and a review page open on the old values refuses to decide
    on them (each row's version moves)."""
    sekarang = sekarang or timezone.now()
    rows = list(
        Realisasi.objects.select_for_update().filter(
            indikator__sasaran__tujuan__renstra__opd=opd,
            tahun=tahun,
            triwulan=triwulan,
            status=Realisasi.Status.DIAJUKAN,
        )
    )
    nama = f"Triwulan {ROMAWI[triwulan]} {tahun}"
    if not rows:
        raise ValidationError(
            f"Tidak ada isian {nama} yang sedang diajukan; tidak ada yang ditarik kembali."
        )
    jendela = jendela_pengisian(opd_id=opd.pk, tahun=tahun, triwulan=triwulan, sekarang=sekarang)
    if not jendela.terbuka:
        raise ValidationError(f"{jendela.pesan} Pengajuan tidak dapat ditarik kembali.")
    _ganti_pengajuan(rows, Realisasi.Status.DRAFT, user, sekarang, "realisasi.tarik")
    _kabari_verifikator(
        opd,
        tahun,
        triwulan,
        f"{opd.nama} menarik kembali pengajuan realisasi {nama}",
        f"{len(rows)} indikator kembali menjadi draf; tunggu pengajuan berikutnya.",
    )
    return len(rows)


@dataclass(frozen=True)
class Keputusan:
    aksi: str  # "verifikasi" or "kembalikan"
    komentar: str = ""


@transaction.atomic
def verifikasi_save(
    *, opd: OPD, tahun: int, triwulan: int, user, keputusan: dict[int, Keputusan], sekarang=None
) -> dict[str, int]:
    """The verifikator's decision per submitted indicator: verify (the value is locked) or
    return with a comment the operator sees. Only submitted rows can be decided; a return
    without a comment is refused. The OPD's users are notified once, by e-mail too."""
    sekarang = sekarang or timezone.now()
    if not keputusan:
        raise ValidationError(
            "Pilih verifikasi atau kembalikan untuk paling sedikit satu indikator."
        )
    rows = {
        r.pk: r
        for r in Realisasi.objects.select_for_update()
        .select_related("indikator")
        .filter(
            pk__in=keputusan,
            indikator__sasaran__tujuan__renstra__opd=opd,
            tahun=tahun,
            triwulan=triwulan,
        )
    }
    galat = {}
    for rid, k in keputusan.items():
        r = rows.get(rid)
        if r is None:
            raise ValidationError("Realisasi ini bukan milik triwulan yang ditinjau.")
        if r.status != Realisasi.Status.DIAJUKAN:
            galat[rid] = (
                f"“{r.indikator.nama}” berstatus {r.get_status_display().lower()}; "
                "hanya yang diajukan yang dapat diverifikasi atau dikembalikan."
            )
        elif k.aksi == "kembalikan" and not k.komentar.strip():
            galat[rid] = f"“{r.indikator.nama}”: tulis catatan alasan pengembalian."
        elif k.aksi not in ("verifikasi", "kembalikan"):
            galat[rid] = "Keputusan tidak dikenal."
    if galat:
        raise ValidationError(galat)
    hitung = {"verifikasi": 0, "kembalikan": 0}
    for rid, k in keputusan.items():
        r = rows[rid]
        if k.aksi == "verifikasi":
            r.status = Realisasi.Status.DIVERIFIKASI
            r.diverifikasi_oleh, r.diverifikasi_pada = user, sekarang
            jenis, isi = CatatanVerifikasi.Jenis.VERIFIKASI, k.komentar.strip() or "Diverifikasi."
        else:
            r.status = Realisasi.Status.DIKEMBALIKAN
            jenis, isi = CatatanVerifikasi.Jenis.KEMBALIKAN, k.komentar.strip()
        r.versi += 1
        _catat_pelaku(r, user)
        dengan_aksi(r, f"realisasi.{k.aksi}")
        r.save(
            update_fields=[
                "status",
                "diverifikasi_oleh",
                "diverifikasi_pada",
                "versi",
                "diperbarui",
            ]
        )
        CatatanVerifikasi.objects.create(realisasi=r, jenis=jenis, isi=isi, penulis=user)
        hitung[k.aksi] += 1
    nama_tw = f"Triwulan {ROMAWI[triwulan]} {tahun}"
    if hitung["kembalikan"]:
        judul = f"Realisasi {nama_tw} dikembalikan untuk diperbaiki"
        pesan = (
            f"{hitung['kembalikan']} indikator dikembalikan dengan catatan dan "
            f"{hitung['verifikasi']} diverifikasi. Perbaiki lalu ajukan kembali."
        )
    else:
        judul = f"Realisasi {nama_tw} diverifikasi"
        pesan = f"{hitung['verifikasi']} indikator diverifikasi oleh {user}."
    notifikasi_send(
        penerima=pengguna_opd(opd.pk),
        judul=judul,
        pesan=pesan,
        tautan=_url_pengisian(opd.pk, tahun, triwulan),
    )
    return hitung


@transaction.atomic
def realisasi_reopen(*, realisasi: Realisasi, user, alasan: str) -> Realisasi:
    """Open a verified value again (it goes back to the OPD as returned), with the reason in
    the comment thread and the history. Only a verified value can be reopened."""
    r = (
        Realisasi.objects.select_for_update()
        .select_related("indikator__sasaran__tujuan__renstra")
        .get(pk=realisasi.pk)
    )
    if r.status != Realisasi.Status.DIVERIFIKASI:
        raise ValidationError("Hanya realisasi yang sudah diverifikasi yang dapat dibuka kembali.")
    if not alasan.strip():
        raise ValidationError({"alasan": "Tulis alasan membuka kembali realisasi ini."})
    r.status = Realisasi.Status.DIKEMBALIKAN
    r.diverifikasi_oleh, r.diverifikasi_pada = None, None
    r.versi += 1
    _catat_pelaku(r, user)
    dengan_aksi(r, "realisasi.buka_kembali")
    r.save(
        update_fields=["status", "diverifikasi_oleh", "diverifikasi_pada", "versi", "diperbarui"]
    )
    CatatanVerifikasi.objects.create(
        realisasi=r, jenis=CatatanVerifikasi.Jenis.BUKA_KEMBALI, isi=alasan.strip(), penulis=user
    )
    opd_id = r.indikator.sasaran.tujuan.renstra.opd_id
    notifikasi_send(
        penerima=pengguna_opd(opd_id),
        judul=f"Realisasi Triwulan {ROMAWI[r.triwulan]} {r.tahun} dibuka kembali",
        pesan=f"“{r.indikator.nama}” dibuka kembali oleh {user}: {alasan.strip()}",
        tautan=_url_pengisian(opd_id, r.tahun, r.triwulan),
    )
    return r


def bukti_add(*, realisasi: Realisasi, berkas: BerkasBukti, user) -> BuktiDukung:
    """Attach a checked evidence file (berkas.check_bukti) to an unlocked realisasi. The same
    file (same content) attached again to the same realisasi is kept once: a file chosen
    again after a refused save, or sent with the draft and again with the submission, was
    listed twice."""
    if realisasi.status in STATUS_TERKUNCI:
        raise ValidationError("Realisasi ini terkunci; bukti dukung tidak dapat ditambah.")
    if ada := BuktiDukung.objects.filter(realisasi=realisasi, sha256=berkas.sha256).first():
        return ada
    bukti = BuktiDukung(realisasi=realisasi)
    bukti.pasang_berkas(berkas, user)
    with hapus_bila_gagal([bukti.berkas]):
        bukti.full_clean()
        bukti.save()
    return bukti


@transaction.atomic
def bukti_delete(*, bukti: BuktiDukung, user) -> None:
    """Remove an evidence file from an unlocked realisasi; the file goes after the commit."""
    r = Realisasi.objects.select_for_update().get(pk=bukti.realisasi_id)
    if r.status in STATUS_TERKUNCI:
        raise ValidationError("Realisasi ini terkunci; bukti dukung tidak dapat dihapus.")
    storage, nama = bukti.berkas.storage, bukti.berkas.name
    bukti.delete()
    hapus_setelah_commit(storage, nama)


def pengingat_send(*, hari: int, hari_ini: datetime.date | None = None) -> list[dict]:
    """Remind the users of every OPD whose entries of a triwulan are still missing when its
    window closes within `hari` days (run daily from cron: `manage.py kirim_pengingat`).

    Missing means: an indicator of the PK in force with no value, or not yet submitted.
    Returns one line per OPD reminded.
    """
    hari_ini = hari_ini or timezone.localdate()
    terkirim = []
    jadwal_list = JadwalPengisian.objects.filter(
        ditutup__gte=hari_ini,
        ditutup__lte=hari_ini + datetime.timedelta(days=hari),
        dibuka__lte=hari_ini,
    )
    for jadwal in jadwal_list:
        for opd in OPD.objects.filter(aktif=True).order_by("kode"):
            pengisian = pengisian_triwulan(opd=opd, tahun=jadwal.tahun, triwulan=jadwal.triwulan)
            if pengisian.pk is None:
                continue
            belum = [
                b
                for b in pengisian.baris
                if (r := pengisian.realisasi_triwulan(b)) is None
                or r.status in (Realisasi.Status.DRAFT, Realisasi.Status.DIKEMBALIKAN)
            ]
            if not belum:
                continue
            penerima = pengguna_opd(opd.pk)
            notifikasi_send(
                penerima=penerima,
                judul=(
                    f"Pengingat: {pengisian.nama_triwulan} ditutup "
                    f"{tanggal_id(jadwal.ditutup)} ({sisa_hari(jadwal.ditutup, hari_ini)})"
                ),
                pesan=(
                    f"{len(belum)} dari {len(pengisian.baris)} indikator {opd.nama} belum "
                    f"diajukan. Batas pengisian {tanggal_id(jadwal.ditutup)}."
                ),
                tautan=_url_pengisian(opd.pk, jadwal.tahun, jadwal.triwulan),
            )
            terkirim.append(
                {"opd": opd, "jadwal": jadwal, "belum": len(belum), "penerima": len(penerima)}
            )
    return terkirim


@transaction.atomic
def jadwal_save(
    *, tahun: int, triwulan: int, dibuka: datetime.date, ditutup: datetime.date, user
) -> JadwalPengisian:
    """Set the input window of a triwulan: one per year and triwulan, replaced when it exists
    (the change is recorded in history)."""
    jadwal = JadwalPengisian.objects.select_for_update().filter(
        tahun=tahun, triwulan=triwulan
    ).first() or JadwalPengisian(tahun=tahun, triwulan=triwulan)
    jadwal.dibuka, jadwal.ditutup = dibuka, ditutup
    jadwal.full_clean()
    _catat_pelaku(jadwal, user)
    jadwal.save()
    return jadwal


def pengecualian_create(
    *, jadwal: JadwalPengisian, opd: OPD, berlaku_sampai, alasan: str, user
) -> PengecualianKunci:
    """Open a closed triwulan for one OPD until `berlaku_sampai` (DHIS2's lock exception)."""
    if berlaku_sampai <= timezone.now():
        raise ValidationError({"berlaku_sampai": "Berlaku sampai: harus di masa depan."})
    obj = PengecualianKunci(
        jadwal=jadwal,
        opd=opd,
        berlaku_sampai=berlaku_sampai,
        alasan=alasan.strip(),
        dibuat_oleh=user,
    )
    obj.full_clean()
    obj.save()
    return obj


# --- the IKU Pemda: entered by Bagian Organisasi, verified by another user ---------------------

TERKUNCI_DAERAH = (Realisasi.Status.DIAJUKAN, Realisasi.Status.DIVERIFIKASI)


@transaction.atomic
def realisasi_daerah_save(*, tahun: int, triwulan: int, isian: dict, user, sekarang=None) -> int:
    """The values of the IKU Pemda for one triwulan, saved as draft: all rows or none.

    `isian` maps IndikatorDaerah -> (nilai or None, analisis). The rules of an OPD's entry:
    the triwulan's input window (the schedule; no OPD, so no lock exception) except for a
    row the verifier returned; a submitted or verified row is locked; an IKU taken from an
    OPD indicator is not typed (its model refuses it); an emptied draft row is removed (its
    history keeps it). Unchanged rows are not written. Returns the rows written."""
    jendela = jendela_pengisian(opd_id=None, tahun=tahun, triwulan=triwulan, sekarang=sekarang)
    lama = {
        r.indikator_id: r
        for r in RealisasiDaerah.objects.select_for_update().filter(
            indikator__in=list(isian), tahun=tahun, triwulan=triwulan
        )
    }
    galat, tulis, hapus = [], [], []
    for ind, (nilai, analisis) in isian.items():
        r = lama.get(ind.pk)
        if r is None and nilai is None:
            continue
        if r is not None and (r.nilai, r.analisis) == (nilai, analisis):
            continue
        if r is not None and r.status in TERKUNCI_DAERAH:
            galat.append(f"{ind.nama}: sudah {r.get_status_display().lower()}; tidak dapat diubah.")
            continue
        if not jendela.terbuka and not (r and r.status == Realisasi.Status.DIKEMBALIKAN):
            galat.append(f"{ind.nama}: {jendela.pesan}")
            continue
        if nilai is None:
            hapus.append(r)
            continue
        r = r or RealisasiDaerah(indikator=ind, tahun=tahun, triwulan=triwulan)
        r.nilai, r.analisis, r.diisi_oleh = nilai, analisis, user
        try:
            r.full_clean(exclude=["diisi_oleh"], validate_constraints=False)
        except ValidationError as e:
            galat += [f"{ind.nama}: {m}" for m in e.messages]
            continue
        tulis.append(r)
    if galat:
        raise ValidationError(galat)
    for r in tulis:
        _catat_pelaku(dengan_aksi(r, "realisasi.simpan"), user)
        r.save()
    for r in hapus:
        _catat_pelaku(r, user)
        r.delete()
    return len(tulis) + len(hapus)


@transaction.atomic
def realisasi_daerah_submit(*, tahun: int, triwulan: int, indikator, user, sekarang=None) -> int:
    """Submit the IKU Pemda values of a triwulan (every draft or returned row of `indikator`)
    for verification; outside the window only returned rows may be submitted again."""
    sekarang = sekarang or timezone.now()
    rows = list(
        RealisasiDaerah.objects.select_for_update().filter(
            indikator__in=list(indikator),
            tahun=tahun,
            triwulan=triwulan,
            status__in=[Realisasi.Status.DRAFT, Realisasi.Status.DIKEMBALIKAN],
        )
    )
    if not rows:
        raise ValidationError(
            f"Tidak ada isian IKU Pemda {nama_triwulan(triwulan, tahun)} yang perlu diajukan."
        )
    jendela = jendela_pengisian(opd_id=None, tahun=tahun, triwulan=triwulan, sekarang=sekarang)
    if not jendela.terbuka and any(r.status == Realisasi.Status.DRAFT for r in rows):
        raise ValidationError(jendela.pesan)
    for r in rows:
        r.status = Realisasi.Status.DIAJUKAN
        r.diajukan_oleh, r.diajukan_pada = user, sekarang
        _catat_pelaku(dengan_aksi(r, "realisasi.ajukan"), user)
        r.save()
    return len(rows)


@transaction.atomic
def realisasi_daerah_verify(*, realisasi: RealisasiDaerah, setuju: bool, catatan: str, user):
    """Verify a submitted IKU Pemda value, or return it with a note, as another user than
    the one who entered or submitted it (who checks is never who typed)."""
    r = RealisasiDaerah.objects.select_for_update().get(pk=realisasi.pk)
    if r.status != Realisasi.Status.DIAJUKAN:
        raise ValidationError(
            f"{r.indikator.nama}: hanya realisasi yang diajukan yang dapat diverifikasi "
            f"(sekarang {r.get_status_display().lower()})."
        )
    if user.pk in (r.diisi_oleh_id, r.diajukan_oleh_id):
        raise ValidationError(
            f"{r.indikator.nama}: realisasi yang Anda isi atau ajukan sendiri diverifikasi "
            "pengguna lain."
        )
    if not setuju and not catatan.strip():
        raise ValidationError(
            f"Catatan {r.indikator.nama}: tulis alasan mengembalikan realisasi ini."
        )
    r.status = Realisasi.Status.DIVERIFIKASI if setuju else Realisasi.Status.DIKEMBALIKAN
    r.catatan = catatan.strip()
    r.diverifikasi_oleh, r.diverifikasi_pada = (user, timezone.now()) if setuju else (None, None)
    aksi = "realisasi.verifikasi" if setuju else "realisasi.kembalikan"
    _catat_pelaku(dengan_aksi(r, aksi), user)
    r.save()
    return r
