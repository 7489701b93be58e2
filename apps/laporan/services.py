"""Writes of the LKjIP: its words, its finalisation into a stored PDF, its revisions and its
verification; and the executive summary proposed from the data."""

import datetime
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.core.angka import format_persen, format_rupiah
from apps.core.models import OPD
from apps.core.penyimpanan import hapus_bila_gagal
from apps.core.riwayat import dengan_aksi
from apps.core.tugas import tugas_start, tugas_terhenti_fail
from apps.perencanaan.models import Sasaran

from .kode_verifikasi import kode_unik
from .lkjip import DokumenLKjIP, dokumen_lkjip
from .lkjip_final import render_lkjip_final
from .lkjip_kabupaten import DokumenLKjIPKabupaten, dokumen_lkjip_kabupaten
from .models import (
    ANALISIS,
    LABEL_KABUPATEN,
    NARASI,
    NARASI_WAJIB,
    AnalisisSasaran,
    FinalisasiLKjIP,
    LaporanKinerja,
)
from .selectors import dasbor

logger = logging.getLogger(__name__)


def laporan_pastikan_draf(laporan: LaporanKinerja | None) -> None:
    """Only a draft is edited: a final or verified report is a frozen, signed document (a
    change is a new revision with its reason, DOMAIN.md "The LKjIP")."""
    if laporan is not None and laporan.status != LaporanKinerja.Status.DRAFT:
        raise ValidationError(
            f"{laporan} berstatus {laporan.get_status_display().lower()}: tidak dapat diubah "
            "oleh siapa pun. Tidak ada yang disimpan.",
            code="final",
        )


@dataclass
class IsianLKjIP:
    """What the editing page posted: the report's field values (narrative, tempat, tanggal,
    penandatangan), per sasaran its analysis texts, and a checked chart image or None."""

    nilai: dict = field(default_factory=dict)
    analisis: dict = field(default_factory=dict)  # Sasaran -> {field: text}
    struktur: ContentFile | None = None


def _ubah(obj, nilai: dict) -> list[str]:
    """Set only the values that differ; the names of the changed fields."""
    berubah = [k for k, v in nilai.items() if getattr(obj, k) != v]
    for k in berubah:
        setattr(obj, k, nilai[k])
    return berubah


@transaction.atomic
def laporan_update(
    *, opd: OPD | None, tahun: int, user, isian: IsianLKjIP, sasaran_sah: set[int]
) -> tuple[LaporanKinerja, int]:
    """Save the words of an OPD's LKjIP of a year (`opd` None: the Pemerintah Kabupaten's),
    all or nothing; the number of changed fields. The first save creates the draft revision
    0; later saves edit the latest revision while it is a draft. Only changed fields are
    written, so an unchanged save leaves no history entry. The signatory must be an active
    official of the OPD (the kabupaten's: an active official of no OPD, the kepala daerah);
    analyses only for the sasaran of the Renstra covering the year, or the kabupaten's for
    the sasaran daerah of the RPJMD covering it (`sasaran_sah`)."""
    laporan = (
        LaporanKinerja.objects.select_for_update()
        .filter(opd=opd, tahun=tahun)
        .order_by("-revisi")
        .first()
    )
    laporan_pastikan_draf(laporan)
    pejabat = isian.nilai.get("penandatangan")
    if pejabat is not None and (pejabat.opd_id != (opd.pk if opd else None) or not pejabat.aktif):
        raise ValidationError(
            "Penandatangan: pilih pejabat aktif OPD ini."
            if opd
            else "Penandatangan: pilih kepala daerah yang aktif (pejabat tanpa OPD).",
            code="pejabat",
        )
    if any(s.pk not in sasaran_sah for s in isian.analisis):
        raise ValidationError(
            "Analisis sasaran: hanya untuk sasaran Renstra OPD ini yang mencakup tahun laporan."
            if opd
            else "Analisis sasaran: hanya untuk sasaran RPJMD yang mencakup tahun laporan.",
            code="sasaran",
        )

    baru = laporan is None
    if baru:
        laporan = LaporanKinerja(opd=opd, tahun=tahun)
    berubah = _ubah(laporan, isian.nilai)
    if isian.struktur is not None:
        laporan.struktur_organisasi = isian.struktur
        berubah.append("struktur_organisasi")
    if baru or berubah:
        laporan._history_user = user
        laporan.full_clean()
        laporan.save(update_fields=None if baru else berubah)
    return laporan, len(berubah) + _analisis_simpan(
        laporan=laporan, baru=baru, user=user, analisis=isian.analisis
    )


def _analisis_simpan(*, laporan: LaporanKinerja, baru: bool, user, analisis: dict) -> int:
    """Write the analyses that differ from what is stored, with one history record each by
    `user` ("+" for a sasaran's first words, "~" for a change; none for an unchanged or still
    empty one), in a fixed number of queries however many sasaran the report has; the number
    of changed fields. The caller holds the report's row lock and checked the sasaran."""
    ada = {a.sasaran_kunci: a for a in laporan.analisis.all()} if not baru else {}
    dibuat, diubah, kolom, n = [], [], set(), 0
    kunci = "sasaran_daerah" if laporan.kabupaten else "sasaran"
    for sasaran, nilai in analisis.items():
        # A sasaran without a row and without words stays without a row (nothing changed).
        obj = ada.get(sasaran.pk) or AnalisisSasaran(laporan=laporan, **{kunci: sasaran})
        berubah = _ubah(obj, nilai)
        if not berubah:
            continue
        # Field rules only: the report is the locked one, the sasaran were checked against
        # the Renstra, one analysis per sasaran comes from the lookup above, and the unique
        # constraint stays in the database.
        obj.full_clean(
            exclude=["laporan", "sasaran", "sasaran_daerah"],
            validate_unique=False,
            validate_constraints=False,
        )
        if obj.pk is None:
            dibuat.append(obj)
        else:
            diubah.append(obj)
            kolom.update(berubah)
        n += len(berubah)
    # bulk_* write no history through the model's signals; simple-history's helpers record
    # the same rows the signals would have, with the saving user. The columns changed in any
    # row are written to every changed row, each with the value it has in that row.
    if dibuat:
        bulk_create_with_history(dibuat, AnalisisSasaran, default_user=user)
    if diubah:
        bulk_update_with_history(diubah, AnalisisSasaran, sorted(kolom), default_user=user)
    return n


def _label(nama: str, kabupaten: bool = False) -> str:
    if kabupaten and nama in LABEL_KABUPATEN:
        return LABEL_KABUPATEN[nama].capitalize()
    return str(LaporanKinerja._meta.get_field(nama).verbose_name).capitalize()


def narasi_kosong(laporan: LaporanKinerja) -> "Kurang | None":
    """The required chapters still without words, as one gap (None when all are written)."""
    kosong = [n for n in NARASI_WAJIB if not getattr(laporan, n).strip()]
    if not kosong:
        return None
    return Kurang(
        "Bagian laporan belum diisi: "
        + ", ".join(_label(n, laporan.kabupaten) for n in kosong)
        + ".",
        f"#bagian-{kosong[0]}",
    )


# The analyses of a sasaran a signed-ready report must carry (PermenPAN-RB 53/2014, BAB III):
# all but the comparison with a national standard, which not every indicator has; the report
# says so when it is left empty (templates/laporan/lkjip/_sasaran.html).
ANALISIS_WAJIB = tuple(n for n in ANALISIS if n != "standar_nasional")


@dataclass(frozen=True)
class Kurang:
    """One thing a report lacks before it may be finalised, and where it is filled: an
    anchor on the LKjIP's editing page ("#bagian-kesimpulan") or another page's address."""

    teks: str
    tautan: str = ""

    def __str__(self) -> str:
        return self.teks


class SyaratBelumLengkap(ValidationError):
    """Finalising refused: every gap, as text (the ValidationError's messages) and with the
    place it is filled (`kurang`)."""

    def __init__(self, kurang: list[Kurang]):
        super().__init__([k.teks for k in kurang], code="syarat")
        self.kurang = kurang


def syarat_final(laporan: LaporanKinerja, dok: DokumenLKjIP) -> list[Kurang]:
    """What a signed-ready LKjIP still lacks, every item at once with where it is filled
    (empty when it may be finalised). DOMAIN.md "The LKjIP": the signature block has place
    and date, the name, pangkat/golongan and the 18-digit NIP of an active official of the
    OPD; the year is measured against a final PK whose both parties are named; the report
    is signed after the year it reports on; no chapter is empty, the organisation chart
    included; every sasaran has its analyses (ANALISIS_WAJIB) and each of its programs is
    judged menunjang or tidak menunjang (analysis 7); every indicator of the PK
    has its annual realisasi; the budget chapter has a DPA."""
    kurang: list[Kurang] = []
    ttd = "#judul-ttd"
    if not laporan.tempat.strip():
        kurang.append(Kurang("Tempat penandatanganan belum diisi.", ttd))
    if laporan.tanggal is None:
        kurang.append(Kurang("Tanggal penandatanganan belum diisi.", ttd))
    elif laporan.tanggal < datetime.date(laporan.tahun + 1, 1, 1):
        kurang.append(
            Kurang(
                f"Tanggal penandatanganan harus sesudah tahun {laporan.tahun} berakhir "
                "(LKjIP melaporkan satu tahun penuh).",
                ttd,
            )
        )
    p = laporan.penandatangan
    if p is None:
        kurang.append(Kurang("Penandatangan belum dipilih.", ttd))
    else:
        # the official's own page only when it is this OPD's (another OPD's would be 404)
        pejabat = reverse("core:pejabat_ubah", args=[p.pk]) if p.opd_id == laporan.opd_id else ttd
        if p.opd_id != laporan.opd_id or not p.aktif:
            kurang.append(Kurang(f"Penandatangan {p.nama} bukan pejabat aktif OPD ini.", ttd))
        if len(p.nip) != 18:
            kurang.append(Kurang(f"NIP penandatangan {p.nama} belum diisi (18 angka).", pejabat))
        if not p.pangkat.strip():
            kurang.append(Kurang(f"Pangkat/golongan penandatangan {p.nama} belum diisi.", pejabat))
    if not laporan.struktur_organisasi:
        kurang.append(Kurang("Bagan struktur organisasi belum diunggah.", ttd))
    if dok.renstra is None:
        kurang.append(Kurang(f"Belum ada Renstra yang mencakup tahun {laporan.tahun}."))
    pk = dok.kinerja.pk
    if pk is None:
        kurang.append(Kurang(f"Belum ada Perjanjian Kinerja final tahun {laporan.tahun}."))
    else:
        alamat_pk = reverse("perencanaan:pk", args=[pk.pk])
        for pihak, nama in (("pertama", pk.pihak_pertama_nama), ("kedua", pk.pihak_kedua_nama)):
            if not nama.strip():
                kurang.append(
                    Kurang(
                        f"{pk.judul}: nama pihak {pihak} kosong (dicetak sebagai lampiran); "
                        "lengkapi lewat perubahan PK.",
                        alamat_pk,
                    )
                )
        tanpa = [
            i.indikator.nama
            for s in dok.sasaran
            for i in s.indikator
            if not i.hasil.tahunan.ada and not i.hasil.tahunan_teks
        ]
        if tanpa:
            kurang.append(
                Kurang(
                    "Indikator tanpa realisasi tahunan: " + "; ".join(tanpa) + ".",
                    reverse("pengukuran:opd_tahun", args=[laporan.opd_id, laporan.tahun]),
                )
            )
    if dok.anggaran is None:
        kurang.append(
            Kurang(
                f"Belum ada DPA tahun {laporan.tahun} untuk bab Realisasi Anggaran.",
                reverse("anggaran:dpa", args=[laporan.opd_id, laporan.tahun]),
            )
        )
    kosong = narasi_kosong(laporan)
    if kosong:
        kurang.append(kosong)
    for s in dok.sasaran:
        a = s.analisis_model
        tanpa = [n for n in ANALISIS_WAJIB if a is None or not getattr(a, n).strip()]
        if tanpa:
            label = [str(AnalisisSasaran._meta.get_field(n).verbose_name) for n in tanpa]
            kurang.append(
                Kurang(
                    f"Sasaran {s.nomor} ({s.sasaran.uraian}): analisis belum ditulis: "
                    + ", ".join(label)
                    + ".",
                    f"#bagian-s{s.sasaran.pk}-{tanpa[0]}",
                )
            )
        belum = [p.program for p in s.program if p.menunjang is None]
        if belum:
            kurang.append(
                Kurang(
                    f"Sasaran {s.nomor} ({s.sasaran.uraian}): program belum dinilai menunjang "
                    "atau tidak menunjang: " + "; ".join(f"{p.kode} {p.nama}" for p in belum) + ".",
                    f"#bagian-s{s.sasaran.pk}-dukungan",
                )
            )
    return kurang


def dokumen_laporan(lap: LaporanKinerja) -> DokumenLKjIP | DokumenLKjIPKabupaten:
    """The document a report prints: an OPD's, or the Pemerintah Kabupaten's."""
    if lap.kabupaten:
        return dokumen_lkjip_kabupaten(tahun=lap.tahun, laporan=lap)
    return dokumen_lkjip(opd=lap.opd, tahun=lap.tahun, laporan=lap)


def syarat_laporan(lap: LaporanKinerja, dok) -> list[Kurang]:
    """What the report still lacks before it may be finalised, by its kind."""
    return syarat_final_kabupaten(lap, dok) if lap.kabupaten else syarat_final(lap, dok)


def syarat_final_kabupaten(laporan: LaporanKinerja, dok: DokumenLKjIPKabupaten) -> list[Kurang]:
    """What the kabupaten's LKjIP still lacks before it may be finalised (every item at once,
    each with where it is filled): place and date after the year, signed by the kepala
    daerah (an active official of no OPD) with the name written; a final PK Bupati of the
    year; an annual realisasi for every IKU Pemda; the required chapters and every sasaran
    daerah's analyses (the OPD report's rules, apps.laporan.services)."""
    kurang: list[Kurang] = []
    ttd = "#judul-ttd"
    if not laporan.tempat.strip():
        kurang.append(Kurang("Tempat penandatanganan belum diisi.", ttd))
    if laporan.tanggal is None:
        kurang.append(Kurang("Tanggal penandatanganan belum diisi.", ttd))
    elif laporan.tanggal < datetime.date(laporan.tahun + 1, 1, 1):
        kurang.append(
            Kurang(
                f"Tanggal penandatanganan harus sesudah tahun {laporan.tahun} berakhir "
                "(LKjIP melaporkan satu tahun penuh).",
                ttd,
            )
        )
    p = laporan.penandatangan
    if p is None:
        kurang.append(Kurang("Penandatangan (kepala daerah) belum dipilih.", ttd))
    elif p.opd_id is not None or not p.aktif:
        kurang.append(
            Kurang(f"Penandatangan {p.nama} bukan kepala daerah aktif (pejabat tanpa OPD).", ttd)
        )
    if dok.periode is None:
        kurang.append(Kurang(f"Belum ada periode RPJMD yang mencakup tahun {laporan.tahun}."))
    elif not dok.sasaran:
        kurang.append(
            Kurang(
                f"{dok.periode.nama} belum memiliki sasaran daerah.",
                reverse("perencanaan:rpjmd", args=[dok.periode.pk]),
            )
        )
    if not dok.pk_final:
        kurang.append(
            Kurang(
                f"Belum ada Perjanjian Kinerja Bupati final tahun {laporan.tahun}.",
                reverse("perencanaan:pk_bupati_daftar", args=[laporan.tahun]),
            )
        )
    tanpa = [i.indikator.nama for s in dok.sasaran for i in s.indikator if not i.hasil.tahunan.ada]
    if tanpa:
        kurang.append(
            Kurang(
                "IKU Pemda tanpa realisasi tahunan: " + "; ".join(tanpa) + ".",
                reverse("pengukuran:iku_pemda", args=[laporan.tahun, 4]),
            )
        )
    kosong = narasi_kosong(laporan)
    if kosong:
        kurang.append(kosong)
    for s in dok.sasaran:
        a = s.analisis_model
        belum = [f for f in ANALISIS_WAJIB if a is None or not getattr(a, f).strip()]
        if belum:
            label = [str(AnalisisSasaran._meta.get_field(f).verbose_name) for f in belum]
            kurang.append(
                Kurang(
                    f"Sasaran {s.nomor} ({s.sasaran.uraian}): analisis belum ditulis: "
                    + ", ".join(label)
                    + ".",
                    f"#bagian-d{s.sasaran.pk}-{belum[0]}",
                )
            )
    return kurang


def _terbaru_terkunci(laporan: LaporanKinerja) -> LaporanKinerja:
    """The report locked for the change, refused unless it is its year's latest revision
    (a page opened before someone else made a revision)."""
    # of=self: PostgreSQL refuses FOR UPDATE on the nullable side of the signatory's join.
    lap = (
        LaporanKinerja.objects.select_for_update(of=("self",))
        .select_related("opd", "penandatangan")
        .get(pk=laporan.pk)
    )
    terbaru = (
        LaporanKinerja.objects.filter(opd_id=lap.opd_id, tahun=lap.tahun)
        .order_by("-revisi")
        .values_list("revisi", flat=True)
        .first()
    )
    if terbaru != lap.revisi:
        raise ValidationError(
            f"{lap} bukan revisi terakhir (revisi {terbaru} sudah ada). Muat ulang halaman.",
            code="bukan_terakhir",
        )
    return lap


@transaction.atomic
def laporan_finalize(*, laporan: LaporanKinerja, user) -> LaporanKinerja:
    """Freeze a draft LKjIP into its final file, once: check every requirement of a
    signed-ready report (syarat_final, all listed at once), render the PDF/A-3b from the data
    as it is now (without DRAF, with its tables as JSON and xlsx attachments and a QR code to
    its verification page), store the bytes under a random name with their SHA-256 and the
    verification code, and mark the report final by `user`, in one transaction (the database
    refuses a final report without file, checksum and code). Rendering happens before the
    row changes; when it or the save fails, the draft stays as it was and the stored file is
    removed. The file is never rendered again (pretix: an invoice is a frozen snapshot).
    The OPD's name and who finalised are recorded with it for the public verification page,
    which must show them as they were then."""
    lap = _terbaru_terkunci(laporan)
    laporan_pastikan_draf(lap)
    dok = dokumen_laporan(lap)
    kurang = syarat_laporan(lap, dok)
    if kurang:
        raise SyaratBelumLengkap(kurang)
    kode = kode_unik()
    pdf = render_lkjip_final(dok, kode=kode)

    nama = f"{lap.kode_berkas}-{lap.tahun}-r{lap.revisi}-{secrets.token_urlsafe(24)}.pdf"
    lap.berkas_final.save(nama, ContentFile(pdf), save=False)
    with hapus_bila_gagal([lap.berkas_final]):
        lap.status = LaporanKinerja.Status.FINAL
        lap.sha256 = hashlib.sha256(pdf).hexdigest()
        lap.kode_verifikasi = kode
        lap.difinalkan_oleh = user
        lap.difinalkan_pada = timezone.now()
        lap.opd_nama_final = lap.opd.nama if lap.opd_id else dok.nama_pemerintah
        lap.difinalkan_oleh_nama = str(user)
        lap.difinalkan_oleh_jabatan = peran_pengguna(user)
        lap._history_user = user
        dengan_aksi(lap, "lkjip.finalkan")
        lap.full_clean()
        lap.save()
    return lap


@transaction.atomic
def laporan_finalize_start(*, laporan: LaporanKinerja, user) -> FinalisasiLKjIP:
    """ "Finalkan" from the editing page: refuse at once, with every gap (syarat_final), a
    report that cannot be finalised, else leave the rendering to the background worker
    (laporan_finalize_job) and return its job. A second click while the report is being
    finalised returns the job already running. With CELERY_TASK_ALWAYS_EAGER (make run,
    the tests) the job has run when this returns."""
    lap = _terbaru_terkunci(laporan)
    laporan_pastikan_draf(lap)
    milik = FinalisasiLKjIP.objects.filter(laporan=lap)
    tugas_terhenti_fail(milik)
    berjalan = milik.filter(status__in=list(FinalisasiLKjIP.TUGAS_TERHENTI)).first()
    if berjalan is not None:
        return berjalan
    kurang = syarat_laporan(lap, dokumen_laporan(lap))
    if kurang:
        raise SyaratBelumLengkap(kurang)
    tugas = FinalisasiLKjIP.objects.create(laporan=lap, dibuat_oleh=user)
    tugas_start("apps.laporan.tasks.finalisasi_job", tugas.pk)
    tugas.refresh_from_db()
    return tugas


def laporan_finalize_job(*, tugas: FinalisasiLKjIP) -> None:
    """The background job of one "Finalkan": laporan_finalize (which checks everything again:
    the data may have changed while the job waited), then the job's row says how it ended,
    with every reason when the report was refused, or a generic one (logged) on an error."""
    FinalisasiLKjIP.objects.filter(pk=tugas.pk).update(
        status=FinalisasiLKjIP.Status.BERJALAN, diperbarui=timezone.now()
    )
    try:
        laporan_finalize(laporan=tugas.laporan, user=tugas.dibuat_oleh)
    except ValidationError as e:
        status, pesan = FinalisasiLKjIP.Status.GAGAL, "\n".join(e.messages)
    except Exception:
        logger.exception("Finalisasi %s gagal", tugas.pk)
        status = FinalisasiLKjIP.Status.GAGAL
        pesan = (
            "Terjadi kesalahan saat menyusun PDF final; kesalahan sudah dicatat untuk "
            "pengelola sistem. LKjIP tetap draf; silakan coba lagi."
        )
    else:
        status, pesan = FinalisasiLKjIP.Status.SELESAI, ""
    FinalisasiLKjIP.objects.filter(pk=tugas.pk).update(
        status=status, pesan=pesan, diperbarui=timezone.now()
    )


def peran_pengguna(user) -> str:
    """What the verification page says of the one who finalised: a user has no jabatan of
    their own, so their role and, for an OPD role, its OPD."""
    if user.opd_id and not user.kemampuan.sees_all_opd:
        return f"{user.get_peran_display()}, {user.opd.nama}"
    return user.get_peran_display()


@transaction.atomic
def laporan_revisi_create(*, laporan: LaporanKinerja, user, alasan: str) -> LaporanKinerja:
    """Open revision N+1 of a final or verified LKjIP as a draft, with the reason required
    by the constraint lkjip_revisi_beralasan: every narrative text, place, date, signatory,
    the organisation chart (the same stored image) and every sasaran's analyses are copied.
    The earlier revision keeps its stored PDF and its verification page."""
    alasan = alasan.strip()
    if not alasan:
        raise ValidationError(
            "Alasan revisi wajib diisi. Tidak ada revisi yang dibuat.", code="alasan"
        )
    lap = _terbaru_terkunci(laporan)
    if lap.status == LaporanKinerja.Status.DRAFT:
        raise ValidationError(f"{lap} masih draf: ubah langsung, tidak perlu revisi.", code="draf")
    baru = LaporanKinerja(
        opd=lap.opd,
        tahun=lap.tahun,
        revisi=lap.revisi + 1,
        alasan_revisi=alasan,
        **{n: getattr(lap, n) for n in (*NARASI, "tempat", "tanggal", "penandatangan")},
    )
    baru.struktur_organisasi.name = lap.struktur_organisasi.name
    baru._history_user = user
    baru.full_clean()
    baru.save()
    bulk_create_with_history(
        [
            AnalisisSasaran(
                laporan=baru,
                sasaran_id=a.sasaran_id,
                sasaran_daerah_id=a.sasaran_daerah_id,
                dukungan_program=a.dukungan_program,
                **{n: getattr(a, n) for n in ANALISIS},
            )
            for a in lap.analisis.all()
        ],
        AnalisisSasaran,
        default_user=user,
    )
    return baru


@transaction.atomic
def laporan_verify(*, laporan: LaporanKinerja, user) -> LaporanKinerja:
    """Bagian Organisasi marks a final LKjIP verified: the status only, the stored PDF and
    its checksum are unchanged (only a final report, only its latest revision)."""
    lap = _terbaru_terkunci(laporan)
    if lap.status != LaporanKinerja.Status.FINAL:
        raise ValidationError(
            f"{lap} berstatus {lap.get_status_display().lower()}: hanya "
            "LKjIP final yang dapat ditandai diverifikasi.",
            code="status",
        )
    lap.status = LaporanKinerja.Status.DIVERIFIKASI
    lap._history_user = user
    dengan_aksi(lap, "lkjip.verifikasi")
    lap.save(update_fields=["status"])
    return lap


def sasaran_lkjip(opd: OPD, tahun: int) -> list[Sasaran]:
    """The sasaran whose analyses the report holds: those of the Renstra covering the year,
    in the Renstra's order."""
    return list(
        Sasaran.objects.filter(
            tujuan__renstra__opd=opd,
            tujuan__renstra__tahun_awal__lte=tahun,
            tujuan__renstra__tahun_akhir__gte=tahun,
        )
        .select_related("tujuan")
        .order_by("tujuan__nomor", "nomor")
    )


_MD = re.compile(r"([\\`*_\[\]<>#|])")


def _md(teks: str) -> str:
    """A name from the data written literally in Markdown (an indicator named `*_x_*`)."""
    return _MD.sub(r"\\\1", teks)


def ikhtisar_usulan(opd: OPD, tahun: int) -> str:
    """A proposed Ikhtisar Eksekutif in Markdown, every number from the engines: how many
    sasaran and indicators the PK in force has, the OPD's average capaian and predikat (the
    mean over sasaran of the mean of their indicators), the best and the worst indicator,
    and the absorption of the DPA in force (DOMAIN.md, "The LKjIP": the summary states the
    number of sasaran and indicators, the average capaian, the headline successes and
    shortfalls, budget absorption). The user edits it before saving."""
    baris = dasbor([opd], tahun)[0]
    k = baris.kinerja
    bagian = []
    if not k.sasaran:
        bagian.append(
            f"Belum ada Perjanjian Kinerja final {opd.nama} tahun {tahun}, sehingga "
            "capaian kinerja belum dapat diringkas."
        )
    else:
        jumlah_ind = len(k.indikator)
        kalimat = (
            f"Pada tahun {tahun}, {opd.nama} menetapkan **{len(k.sasaran)} sasaran "
            f"strategis** yang diukur dengan **{jumlah_ind} indikator kinerja**."
        )
        bagian.append(kalimat + _kalimat_capaian(k.capaian, k.predikat))
        terhitung = [i for i in k.indikator if i.hasil and i.hasil.capaian.ada]
        if terhitung:
            terbaik = max(terhitung, key=lambda i: i.hasil.capaian.nilai)
            terendah = min(terhitung, key=lambda i: i.hasil.capaian.nilai)
            butir = [
                f"- Capaian tertinggi: {_md(terbaik.indikator.nama)} "
                f"({format_persen(terbaik.hasil.capaian.nilai)})."
            ]
            if terendah is not terbaik:
                butir.append(
                    f"- Capaian terendah: {_md(terendah.indikator.nama)} "
                    f"({format_persen(terendah.hasil.capaian.nilai)})."
                )
            sisa = jumlah_ind - len(terhitung)
            if sisa:
                butir.append(f"- {sisa} indikator belum dapat dihitung capaiannya.")
            bagian.append("\n".join(butir))
    bagian.append(_kalimat_anggaran(baris.anggaran, tahun))
    return "\n\n".join(bagian) + "\n"


def _kalimat_capaian(capaian, predikat) -> str:
    """The ikhtisar's sentence on the mean capaian (a Hasil) and its predikat, or why it
    cannot be computed."""
    if not capaian.ada:
        return f" Rata-rata capaian belum dapat dihitung ({capaian.alasan})."
    teks = f" Rata-rata capaian kinerja adalah **{format_persen(capaian.nilai)}**"
    return teks + (f" dengan predikat **{predikat.label}**." if predikat else ".")


def _kalimat_anggaran(a, tahun: int) -> str:
    """The ikhtisar's sentence on the budget (an apps.anggaran.perhitungan.Rekap or None)."""
    if a is None:
        return (
            f"Belum ada DPA {tahun} yang berlaku, sehingga serapan anggaran belum dapat dihitung."
        )
    if a.serapan.ada:
        return (
            f"Realisasi anggaran sebesar {format_rupiah(a.realisasi, sen=None)} dari "
            f"pagu {format_rupiah(a.pagu, sen=None)}, atau serapan "
            f"**{format_persen(a.serapan.nilai)}**."
        )
    return f"Serapan anggaran belum dapat dihitung ({a.serapan.alasan})."


def ikhtisar_kabupaten_usulan(tahun: int) -> str:
    """A proposed Ikhtisar Eksekutif of the Pemerintah Kabupaten's LKjIP in Markdown, every
    number from the report's own document (dokumen_lkjip_kabupaten): the sasaran daerah and
    IKU Pemda measured, the kabupaten's capaian and predikat, how many IKU met their target,
    the OPDs' mean capaian and how many have a capaian, the whole kabupaten's budget. The
    user edits it before saving."""
    dok = dokumen_lkjip_kabupaten(tahun=tahun)
    nama = dok.nama_pemerintah
    bagian = []
    if not dok.sasaran:
        bagian.append(
            f"Belum ada sasaran daerah RPJMD yang berlaku untuk tahun {tahun}, sehingga "
            "capaian IKU Pemerintah Daerah belum dapat diringkas."
        )
    else:
        kalimat = (
            f"Pada tahun {tahun}, {nama} mengukur **{len(dok.sasaran)} sasaran daerah** RPJMD "
            f"dengan **{dok.jumlah_indikator} Indikator Kinerja Utama**."
        )
        bagian.append(kalimat + _kalimat_capaian(dok.capaian, dok.predikat))
        tanpa = sum(1 for i in dok.indikator_belum if not i.hasil.capaian.ada)
        butir = [
            f"- {len(dok.indikator_tercapai)} IKU mencapai atau melampaui targetnya.",
            f"- {len(dok.indikator_belum) - tanpa} IKU belum mencapai targetnya.",
        ]
        if tanpa:
            butir.append(f"- {tanpa} IKU belum dapat dihitung capaiannya.")
        bagian.append("\n".join(butir))
    if dok.opd:
        if dok.rata_opd.ada:
            bagian.append(
                f"Rata-rata capaian kinerja {dok.rata_dari} dari {len(dok.opd)} Perangkat "
                f"Daerah adalah **{format_persen(dok.rata_opd.nilai)}**."
            )
        else:
            bagian.append(f"Capaian kinerja {len(dok.opd)} Perangkat Daerah belum dapat dihitung.")
    kalimat = _kalimat_anggaran(dok.total_anggaran, tahun)
    if dok.total_anggaran is not None and dok.opd_tanpa_dpa:
        kalimat += f" {dok.opd_tanpa_dpa} Perangkat Daerah belum memiliki DPA {tahun} yang berlaku."
    bagian.append(kalimat)
    return "\n\n".join(bagian) + "\n"
