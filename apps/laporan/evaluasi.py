"""The Evaluasi AKIP of an OPD's year (PermenPAN-RB 88/2021), its reads and its writes: the
Inspektorat starts it (the year's LKE is then locked), the OPD answers every criterion itself
(self-assessment) while an evaluator sets the final answer and a note per criterion, the
evaluator submits it, the ketua tim (another evaluator) approves or returns it; approved, it
is final with its score and grade recorded and nobody changes it. Every score is
apps.laporan.lke.skor_lke's; every answer is checked by its criterion's type
(lke.nilai_jawaban) before anything is written, all or nothing, with history.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.core.angka import bulatkan, format_angka
from apps.core.models import OPD
from apps.core.penyimpanan import hapus_bila_gagal, hapus_setelah_commit
from apps.core.riwayat import dengan_aksi, label_aksi
from apps.core.selectors import for_user, pengguna_dengan, pengguna_opd
from apps.core.services import notifikasi_send
from apps.pengukuran.selectors import tanggal_id

from .kode_verifikasi import kode_unik
from .lhe import dokumen_lhe, render_lhe
from .lke import (
    NILAI_JAWABAN,
    SkorLKE,
    nilai_jawaban,
    periksa_kuesioner,
    skor_lke,
    susunan_kuesioner,
)
from .lke_bawaan import beda_dari_peraturan
from .models import (
    BuktiLKE,
    EvaluasiLKE,
    JawabanLKE,
    KomponenLKE,
    KriteriaLKE,
    KuesionerLKE,
    PredikatLKE,
    RekomendasiLKE,
    TemuanLKE,
)
from .usulan_lke import Usulan, usulan_evaluasi

CATATAN_MAKS = 5000
# Which answers each side writes: the OPD's self-assessment or the evaluator's final one.
KOLOM = {"opd": ("jawaban_opd", "catatan_opd"), "evaluator": ("jawaban", "catatan")}


def evaluasi_for_user(user) -> QuerySet[EvaluasiLKE]:
    """The evaluations of the OPDs a user sees (another OPD's is 404 to an OPD's user)."""
    return for_user(EvaluasiLKE.objects.select_related("opd", "kuesioner"), user)


def evaluasi_tahun(opd_id: int, tahun: int) -> EvaluasiLKE | None:
    return (
        EvaluasiLKE.objects.filter(opd_id=opd_id, kuesioner__tahun=tahun)
        .select_related("opd", "kuesioner", "dimulai_oleh", "diajukan_oleh", "disetujui_oleh")
        .first()
    )


def pihak_pengguna(user, opd: OPD) -> str | None:
    """Which answers a user writes on an OPD's evaluation: "evaluator" (the Inspektorat and
    the admin), "opd" (the OPD's own operator and pimpinan), None (reads only: Bagian
    Organisasi, another OPD)."""
    k = user.kemampuan
    if k.can_evaluate:
        return "evaluator"
    if k.can_edit_opd_data and not k.sees_all_opd and user.opd_id == opd.pk:
        return "opd"
    return None


@dataclass(frozen=True)
class TindakanEvaluasi:
    """What a user may do with an OPD's evaluation of a year: by role (`evaluator`, `pihak`:
    refused with 403 otherwise) and, for the buttons and forms the page shows, by the
    evaluation's state (an action out of its state is refused by the service with a
    message)."""

    pihak: str | None  # pihak_pengguna
    evaluator: bool  # starts, submits, approves or returns, writes findings, sets statuses
    mulai: bool
    ubah_opd: bool
    ubah_evaluator: bool
    ajukan: bool
    setujui: bool  # or return it: the ketua tim, not the one who submitted
    tindak_opd: bool
    tindak_evaluator: bool


def tindakan_evaluasi(user, opd: OPD, ev: EvaluasiLKE | None, *, ada_lke: bool) -> TindakanEvaluasi:
    pihak = pihak_pengguna(user, opd)
    evaluator = pihak == "evaluator"
    status = ev.status if ev is not None else None
    draf = status == EvaluasiLKE.Status.DRAF
    final = status == EvaluasiLKE.Status.FINAL
    return TindakanEvaluasi(
        pihak=pihak,
        evaluator=evaluator,
        mulai=evaluator and ev is None and ada_lke,
        ubah_opd=draf and pihak == "opd",
        ubah_evaluator=draf and evaluator,
        ajukan=draf and evaluator,
        setujui=evaluator
        and status == EvaluasiLKE.Status.DIAJUKAN
        and ev.diajukan_oleh_id != user.pk,
        tindak_opd=final and pihak == "opd",
        tindak_evaluator=final and evaluator,
    )


@dataclass
class BarisKriteria:
    kriteria: KriteriaLKE
    nomor: str  # "1.2.3"
    jawaban: JawabanLKE | None
    usulan: Usulan | None = None  # proposed from the data (usulan_lke); never saved by itself
    terpilih: str = ""  # the evaluator's answer the form shows (stored, or a loaded proposal)
    bukti: list = field(default_factory=list)  # the OPD's evidence files (BuktiLKE)

    @property
    def usulan_jawaban(self) -> str:
        return self.usulan.jawaban(self.kriteria.jenis) if self.usulan else ""

    @property
    def pilihan(self) -> list[str]:
        """The answers its type allows, as the page offers them."""
        return list(NILAI_JAWABAN[self.kriteria.jenis])


@dataclass(frozen=True)
class BarisNilai:
    """A line of the score table: a component or a sub-component, its weight in points and
    the scores of both sides' answers."""

    label: str
    bobot: object
    nilai_opd: object
    nilai: object
    komponen: bool
    ket: str = ""


@dataclass
class LembarEvaluasi:
    """An evaluation's sheet as its page shows it: every criterion with both answers, and
    the scores of the OPD's answers and of the evaluator's, each by skor_lke."""

    kuesioner: KuesionerLKE
    komponen: list
    baris: dict[int, list[BarisKriteria]]  # by sub-component id
    skor_opd: SkorLKE
    skor: SkorLKE
    temuan: dict[int, str] = field(default_factory=dict)  # by component id
    rekomendasi: dict[int, list] = field(default_factory=dict)  # by component id
    # where the sheet weighs otherwise than PermenPAN-RB 88/2021 (lke_bawaan.beda_dari_peraturan)
    beda_peraturan: list[str] = field(default_factory=list)

    @property
    def per_komponen(self) -> list[tuple]:
        """[(component, its findings, [its recommendations])] for the findings' section."""
        return [
            (k, self.temuan.get(k.pk, ""), self.rekomendasi.get(k.pk, [])) for k in self.komponen
        ]

    def muat_usulan(self) -> int:
        """Put each proposal in the evaluator's answer the form shows where there is none
        yet (nothing is saved); how many were put."""
        n = 0
        for daftar in self.baris.values():
            for b in daftar:
                if b.usulan is not None and not b.terpilih:
                    b.terpilih = b.usulan_jawaban
                    n += 1
        return n

    @property
    def susunan(self) -> list[tuple]:
        """[(component, [(sub-component, [BarisKriteria])])] in the sheet's order."""
        return [(k, [(s, self.baris.get(s.pk, [])) for s in k.sub.all()]) for k in self.komponen]

    @property
    def tabel_nilai(self) -> list[BarisNilai]:
        hasil = []
        for k, ko in zip(self.skor.komponen, self.skor_opd.komponen, strict=True):
            n = k.komponen.nomor
            hasil.append(BarisNilai(f"{n}. {k.komponen.nama}", k.bobot, ko.nilai, k.nilai, True))
            hasil.extend(
                BarisNilai(
                    f"{n}.{x.sub.nomor} {x.sub.nama}",
                    x.bobot,
                    xo.nilai,
                    x.nilai,
                    False,
                    f"{x.dijawab}/{x.jumlah_kriteria} dijawab evaluator",
                )
                for x, xo in zip(k.sub, ko.sub, strict=True)
            )
        return hasil


def lembar_evaluasi(
    kuesioner: KuesionerLKE, evaluasi: EvaluasiLKE | None, *, usulan: bool = False
) -> LembarEvaluasi:
    """The sheet of an evaluation (or of its LKE, when it has not started): 6 queries, and
    with `usulan` the proposals of its criteria from the OPD's data (usulan_lke, a fixed
    number more)."""
    komponen = susunan_kuesioner(kuesioner)
    predikat = list(kuesioner.predikat.all())
    jawaban = (
        {j.kriteria_id: j for j in JawabanLKE.objects.filter(evaluasi=evaluasi)} if evaluasi else {}
    )
    kunci = {kr.usulan for k in komponen for s in k.sub.all() for kr in s.kriteria.all()}
    diusulkan = (
        usulan_evaluasi(evaluasi.opd, kuesioner.tahun, kunci - {""})
        if usulan and evaluasi is not None
        else {}
    )
    bukti: dict[int, list[BuktiLKE]] = {}
    if evaluasi is not None:
        for b in BuktiLKE.objects.filter(evaluasi=evaluasi).order_by("diunggah_pada", "pk"):
            bukti.setdefault(b.kriteria_id, []).append(b)
    baris: dict[int, list[BarisKriteria]] = {}
    for k in komponen:
        for s in k.sub.all():
            baris[s.pk] = [
                BarisKriteria(
                    kr,
                    f"{k.nomor}.{s.nomor}.{kr.nomor}",
                    jawaban.get(kr.pk),
                    diusulkan.get(kr.usulan),
                    jawaban[kr.pk].jawaban if kr.pk in jawaban else "",
                    bukti.get(kr.pk, []),
                )
                for kr in s.kriteria.all()
            ]
    temuan, rekomendasi = {}, {}
    if evaluasi is not None:
        temuan = dict(
            TemuanLKE.objects.filter(evaluasi=evaluasi).values_list("komponen_id", "uraian")
        )
        for r in RekomendasiLKE.objects.filter(evaluasi=evaluasi).order_by("nomor"):
            rekomendasi.setdefault(r.komponen_id, []).append(r)
    return LembarEvaluasi(
        kuesioner,
        komponen,
        baris,
        skor_lke(komponen, predikat, {i: j.jawaban_opd for i, j in jawaban.items()}),
        skor_lke(komponen, predikat, {i: j.jawaban for i, j in jawaban.items()}),
        temuan,
        rekomendasi,
        beda_dari_peraturan(komponen, predikat),
    )


def _alamat(ev: EvaluasiLKE, bagian: str = "") -> str:
    return reverse("laporan:evaluasi", args=[ev.opd_id, ev.kuesioner.tahun]) + bagian


def _pastikan_draf(evaluasi: EvaluasiLKE) -> None:
    if evaluasi.status != EvaluasiLKE.Status.DRAF:
        raise ValidationError(
            f"{evaluasi} berstatus {evaluasi.get_status_display().lower()}: jawaban tidak dapat "
            "diubah. Tidak ada yang disimpan.",
            code="status",
        )


def _terkunci(evaluasi: EvaluasiLKE) -> EvaluasiLKE:
    return (
        EvaluasiLKE.objects.select_for_update(of=("self",))
        .select_related("opd", "kuesioner")
        .get(pk=evaluasi.pk)
    )


@transaction.atomic
def evaluasi_mulai(*, opd: OPD, tahun: int, user) -> EvaluasiLKE:
    """Start the evaluation of an OPD's year (the one already started is returned): the
    year's LKE must exist and pass periksa_kuesioner (every fault named otherwise), and is
    locked from now on, so every OPD of the year is scored by the same sheet."""
    ada = evaluasi_tahun(opd.pk, tahun)
    if ada is not None:
        return ada
    kuesioner = KuesionerLKE.objects.select_for_update().filter(tahun=tahun).first()
    if kuesioner is None:
        raise ValidationError(
            f"Belum ada LKE tahun {tahun}; Bagian Organisasi menyusunnya di Data induk "
            "› LKE. Evaluasi belum dimulai.",
            code="tanpa_lke",
        )
    salah = periksa_kuesioner(kuesioner)
    if salah:
        raise ValidationError([*salah, "Evaluasi belum dimulai."], code="lke_salah")
    if not kuesioner.dikunci:
        kuesioner.dikunci = True
        kuesioner._history_user = user
        kuesioner.save(update_fields=["dikunci"])
    evaluasi = EvaluasiLKE(opd=opd, kuesioner=kuesioner, dimulai_oleh=user)
    evaluasi._history_user = user
    dengan_aksi(evaluasi, "evaluasi.mulai")
    evaluasi.full_clean()
    evaluasi.save()
    notifikasi_send(
        penerima=pengguna_opd(opd.pk),
        judul=f"Evaluasi AKIP {tahun} dimulai: isi penilaian mandiri",
        pesan=f"Inspektorat memulai Evaluasi AKIP {opd.nama} tahun {tahun}. Isi jawaban "
        "penilaian mandiri setiap kriteria beserta penjelasan dan buktinya.",
        tautan=_alamat(evaluasi),
    )
    return evaluasi


@transaction.atomic
def jawaban_simpan(*, evaluasi: EvaluasiLKE, user, pihak: str, isian: dict) -> int:
    """Write one side's answers (`pihak`: "opd" or "evaluator"), `isian` {KriteriaLKE id:
    (answer, note)} as typed, all or nothing: every answer outside its criterion's type and
    every note too long is named (with the criterion's number), and then nothing is
    written. Only changed rows are written, each with its history. Returns how many
    answers or notes changed."""
    kolom_jawaban, kolom_catatan = KOLOM[pihak]
    ev = _terkunci(evaluasi)
    _pastikan_draf(ev)
    kriteria = {
        k.pk: k
        for k in KriteriaLKE.objects.filter(sub__komponen__kuesioner=ev.kuesioner).select_related(
            "sub__komponen"
        )
    }
    salah, bersih = [], {}
    for kid, (jawaban, catatan) in isian.items():
        kr = kriteria.get(kid)
        if kr is None:
            salah.append("Kriteria yang dikirim bukan bagian LKE evaluasi ini.")
            continue
        nomor = f"Kriteria {kr.sub.komponen.nomor}.{kr.sub.nomor}.{kr.nomor}"
        jawaban = (jawaban or "").strip().upper()
        if jawaban:
            try:
                nilai_jawaban(kr.jenis, jawaban)
            except ValueError as e:
                salah.append(f"{nomor}: {e}")
        catatan = (catatan or "").strip()
        if len(catatan) > CATATAN_MAKS:
            salah.append(f"{nomor}: catatan paling banyak {CATATAN_MAKS} karakter.")
        bersih[kid] = (jawaban, catatan)
    if salah:
        raise ValidationError([*dict.fromkeys(salah), "Tidak ada yang disimpan."], code="jawaban")
    ada = {j.kriteria_id: j for j in JawabanLKE.objects.filter(evaluasi=ev)}
    baru, ubah, n = [], [], 0
    for kid, (jawaban, catatan) in bersih.items():
        j = ada.get(kid)
        if j is None:
            if not jawaban and not catatan:
                continue
            j = JawabanLKE(evaluasi=ev, kriteria_id=kid)
            baru.append(j)
        elif (getattr(j, kolom_jawaban), getattr(j, kolom_catatan)) == (jawaban, catatan):
            continue
        else:
            ubah.append(j)
        n += (getattr(j, kolom_jawaban) != jawaban) + (getattr(j, kolom_catatan) != catatan)
        setattr(j, kolom_jawaban, jawaban)
        setattr(j, kolom_catatan, catatan)
    if baru:
        bulk_create_with_history(baru, JawabanLKE, default_user=user)
    if ubah:
        bulk_update_with_history(
            ubah, JawabanLKE, [kolom_jawaban, kolom_catatan], default_user=user
        )
    return n


BUKTI_PER_KRITERIA = 10


@transaction.atomic
def penilaian_mandiri_simpan(
    *, evaluasi: EvaluasiLKE, user, isian: dict, bukti: dict | None = None, hapus=()
) -> tuple[int, int, int]:
    """The OPD's self-assessment, all or nothing: its answers and notes (jawaban_simpan,
    `isian`), the evidence files it adds, `bukti` {KriteriaLKE id: [BerkasBukti already
    checked by apps.pengukuran.berkas.check_bukti]}, and the ones it removes, `hapus` (ids of
    its BuktiLKE). The same content attached again to a criterion is kept once; a criterion
    holds at most BUKTI_PER_KRITERIA files. When anything is refused nothing is written and
    no file is left behind; a removed file goes after the commit. Returns (answers changed,
    files added, files removed)."""
    ev = _terkunci(evaluasi)
    _pastikan_draf(ev)
    bukti = bukti or {}
    kriteria = {
        k.pk: k
        for k in KriteriaLKE.objects.filter(sub__komponen__kuesioner=ev.kuesioner).select_related(
            "sub__komponen"
        )
    }
    ada = list(BuktiLKE.objects.filter(evaluasi=ev))
    dihapus = [b for b in ada if b.pk in set(hapus)]
    salah = []
    if len(dihapus) != len(set(hapus)):
        salah.append("Bukti yang akan dihapus bukan bukti evaluasi ini.")
    sisa = [b for b in ada if b not in dihapus]
    baru: list[tuple[int, object]] = []
    for kid, daftar in bukti.items():
        kr = kriteria.get(kid)
        if kr is None:
            salah.append("Kriteria yang dikirim bukan bagian LKE evaluasi ini.")
            continue
        punya = {b.sha256 for b in sisa if b.kriteria_id == kid}
        for berkas in daftar:
            if berkas.sha256 not in punya:
                punya.add(berkas.sha256)
                baru.append((kid, berkas))
        if len(punya) > BUKTI_PER_KRITERIA:
            salah.append(
                f"Kriteria {kr.sub.komponen.nomor}.{kr.sub.nomor}.{kr.nomor}: paling banyak "
                f"{BUKTI_PER_KRITERIA} berkas bukti."
            )
    if salah:
        raise ValidationError([*dict.fromkeys(salah), "Tidak ada yang disimpan."], code="bukti")
    n = jawaban_simpan(evaluasi=ev, user=user, pihak="opd", isian=isian)
    with hapus_bila_gagal([]) as tersimpan:
        for kid, berkas in baru:
            b = BuktiLKE(evaluasi=ev, kriteria_id=kid)
            b.pasang_berkas(berkas, user)
            tersimpan.append(b.berkas)
            b._history_user = user
            b.full_clean()
            b.save()
    for b in dihapus:
        storage, nama = b.berkas.storage, b.berkas.name
        b._history_user = user
        b.delete()
        hapus_setelah_commit(storage, nama)
    return n, len(baru), len(dihapus)


@transaction.atomic
def evaluasi_ajukan(*, evaluasi: EvaluasiLKE, user) -> EvaluasiLKE:
    """The evaluator submits the evaluation to the ketua tim: every criterion must have the
    evaluator's answer."""
    ev = _terkunci(evaluasi)
    _pastikan_draf(ev)
    lembar = lembar_evaluasi(ev.kuesioner, ev)
    kurang = sum(s.jumlah_kriteria - s.dijawab for k in lembar.skor.komponen for s in k.sub)
    if kurang:
        raise ValidationError(
            f"{kurang} kriteria belum diberi jawaban evaluator. Evaluasi belum diajukan.",
            code="belum_lengkap",
        )
    ev.status = EvaluasiLKE.Status.DIAJUKAN
    ev.diajukan_oleh, ev.diajukan_pada = user, timezone.now()
    ev.catatan_kembali = ""
    ev._history_user = user
    dengan_aksi(ev, "evaluasi.ajukan")
    ev.save()
    notifikasi_send(
        penerima=[u for u in pengguna_dengan("can_evaluate") if u.pk != user.pk],
        judul=f"{ev} menunggu persetujuan ketua tim",
        pesan=f"{ev} diajukan oleh {user.get_full_name() or user.username}; setujui atau "
        "kembalikan dengan catatan.",
        tautan=_alamat(ev),
    )
    return ev


def _ketua(ev: EvaluasiLKE, user, tindakan: str) -> None:
    if ev.status != EvaluasiLKE.Status.DIAJUKAN:
        raise ValidationError(
            f"{ev} berstatus {ev.get_status_display().lower()}: hanya evaluasi yang diajukan "
            f"yang dapat {tindakan}.",
            code="status",
        )
    if ev.diajukan_oleh_id == user.pk:
        raise ValidationError(
            f"{ev} diajukan oleh Anda sendiri; ketua tim lain yang {tindakan}-nya. "
            "Tidak ada yang berubah.",
            code="sendiri",
        )


@transaction.atomic
def evaluasi_setujui(*, evaluasi: EvaluasiLKE, user) -> EvaluasiLKE:
    """The ketua tim (an evaluator other than the one who submitted) approves: the score
    and grade of the evaluator's answers are recorded, the final LHE is rendered once
    (PDF/A-3b with its verification code) and stored with its SHA-256, and the evaluation is
    final, in one transaction (the database refuses a final evaluation without its file,
    checksum and code). When rendering or saving fails nothing changes and the stored file
    is removed. The OPD's and the ketua tim's names are kept as they were, for the public
    verification page."""
    ev = _terkunci(evaluasi)
    _ketua(ev, user, "disetujui")
    lembar = lembar_evaluasi(ev.kuesioner, ev)
    skor = lembar.skor
    ev.status = EvaluasiLKE.Status.FINAL
    ev.nilai = bulatkan(skor.total, 4)  # exact to the 4th decimal; shown with 2
    ev.predikat = skor.predikat.huruf if skor.predikat else ""
    ev.disetujui_oleh, ev.disetujui_pada = user, timezone.now()
    ev.kode_verifikasi = kode_unik()
    pdf = render_lhe(dokumen_lhe(ev, lembar), kode=ev.kode_verifikasi)
    nama = f"lhe-{ev.opd.kode}-{ev.tahun}-{secrets.token_urlsafe(24)}.pdf"
    ev.berkas_lhe.save(nama, ContentFile(pdf), save=False)
    with hapus_bila_gagal([ev.berkas_lhe]):
        ev.sha256 = hashlib.sha256(pdf).hexdigest()
        ev.opd_nama_final = ev.opd.nama
        ev.disetujui_oleh_nama = user.get_full_name() or user.username
        ev._history_user = user
        dengan_aksi(ev, "evaluasi.setujui")
        ev.full_clean()
        ev.save()
    n = sum(len(r) for r in lembar.rekomendasi.values())
    notifikasi_send(
        penerima=pengguna_opd(ev.opd_id),
        judul=f"LHE Evaluasi AKIP {ev.tahun} terbit: nilai {format_angka(ev.nilai, 2)}, "
        f"predikat {ev.predikat}",
        pesan=f"Laporan Hasil Evaluasi AKIP {ev.opd.nama} tahun {ev.tahun} telah disetujui "
        f"ketua tim. {n} rekomendasi perlu ditindaklanjuti; catat tindak lanjut dan buktinya "
        "pada halaman evaluasi.",
        tautan=_alamat(ev, "#judul-temuan"),
    )
    return ev


def lhe_pdf(evaluasi: EvaluasiLKE) -> tuple[bytes, str]:
    """The LHE's bytes and file name: a final evaluation's stored file, byte for byte the
    one its checksum and verification code certify (FileNotFoundError when the storage lost
    it: never rendered again in its place); else the draft of the answers so far."""
    nama = f"lhe-{evaluasi.opd.kode}-{evaluasi.tahun}"
    if evaluasi.status == EvaluasiLKE.Status.FINAL:
        with evaluasi.berkas_lhe.open("rb") as f:
            return f.read(), f"{nama}.pdf"
    lembar = lembar_evaluasi(evaluasi.kuesioner, evaluasi)
    return render_lhe(dokumen_lhe(evaluasi, lembar)), f"{nama}-draf.pdf"


@transaction.atomic
def evaluasi_kembalikan(*, evaluasi: EvaluasiLKE, user, catatan: str) -> EvaluasiLKE:
    """The ketua tim returns it to the evaluator with a note (required)."""
    ev = _terkunci(evaluasi)
    _ketua(ev, user, "dikembalikan")
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError(
            "Catatan ketua tim wajib diisi saat mengembalikan evaluasi. Tidak ada yang berubah.",
            code="catatan",
        )
    ev.status = EvaluasiLKE.Status.DRAF
    ev.catatan_kembali = catatan[:CATATAN_MAKS]
    ev._history_user = user
    dengan_aksi(ev, "evaluasi.kembalikan")
    ev.save()
    notifikasi_send(
        penerima=[ev.diajukan_oleh] if ev.diajukan_oleh_id else [],
        judul=f"{ev} dikembalikan ketua tim",
        pesan=f"Catatan ketua tim: {ev.catatan_kembali}",
        tautan=_alamat(ev),
    )
    return ev


@dataclass
class BarisRekap:
    """An OPD's line of the year's recap: its evaluation and score, and last year's final
    evaluation to compare with."""

    opd: OPD
    evaluasi: EvaluasiLKE | None
    skor: SkorLKE | None  # of the evaluator's answers so far (None: not started)
    lalu: EvaluasiLKE | None = None  # last year's final evaluation

    @property
    def final(self) -> bool:
        return self.evaluasi is not None and self.evaluasi.status == EvaluasiLKE.Status.FINAL

    @property
    def nilai(self) -> Decimal | None:
        """The score as shown (2 decimals): recorded when final, else of the answers so
        far; None before the evaluation started."""
        if self.final:
            return bulatkan(self.evaluasi.nilai, 2)
        return self.skor.total_bulat if self.skor is not None else None

    @property
    def lengkap(self) -> bool:
        return self.final or (self.skor is not None and self.skor.lengkap)

    @property
    def predikat(self) -> str:
        """The grade: recorded when final, else of the answers when every criterion has one."""
        if self.final:
            return self.evaluasi.predikat
        if self.skor is not None and self.skor.lengkap and self.skor.predikat:
            return self.skor.predikat.huruf
        return ""

    @property
    def status(self) -> str:
        return self.evaluasi.get_status_display() if self.evaluasi else "Belum dimulai"

    @property
    def nilai_lalu(self) -> Decimal | None:
        return bulatkan(self.lalu.nilai, 2) if self.lalu is not None else None

    @property
    def selisih(self) -> Decimal | None:
        """The change from last year, of the scores as shown (so the columns add up), when
        both years are final."""
        if self.final and self.lalu is not None:
            return self.nilai - self.nilai_lalu
        return None


@dataclass(frozen=True)
class RingkasanRekap:
    """The recap's summary: how many OPDs are final, their mean score, and how many OPDs
    hold each grade this year and last year (final evaluations only)."""

    jumlah: int
    final: int
    rata: Decimal | None
    rata_lalu: Decimal | None
    sebaran: list[tuple[str, int, int]]  # (grade, this year, last year), best first


def ringkasan_rekap(baris: list[BarisRekap], tahun: int) -> RingkasanRekap:
    """The summary of rekap_evaluasi's rows, the grades as the year's LKE (else last
    year's) names them (one query)."""
    predikat = list(
        PredikatLKE.objects.filter(kuesioner__tahun__in=[tahun, tahun - 1])
        .order_by("-kuesioner__tahun")
        .select_related("kuesioner")
    )
    if predikat:
        predikat = [p for p in predikat if p.kuesioner.tahun == predikat[0].kuesioner.tahun]

    def rata(nilai: list[Decimal]) -> Decimal | None:
        return bulatkan(sum(nilai, Decimal(0)) / len(nilai), 2) if nilai else None

    ini = [b for b in baris if b.final]
    lalu = [b for b in baris if b.lalu is not None]
    urut = sorted(predikat, key=lambda p: (p.batas is None, -(p.batas or 0)))
    return RingkasanRekap(
        len(baris),
        len(ini),
        rata([b.nilai for b in ini]),
        rata([b.nilai_lalu for b in lalu]),
        [
            (
                p.huruf,
                sum(1 for b in ini if b.predikat == p.huruf),
                sum(1 for b in lalu if b.lalu.predikat == p.huruf),
            )
            for p in urut
        ],
    )


def rekap_evaluasi(opds, tahun: int) -> list[BarisRekap]:
    """Every OPD's evaluation of a year with its score (recorded when final, else computed
    from the answers so far) and last year's final evaluation, in a fixed number of queries
    whatever the number of OPDs."""
    opds = list(opds)
    lalu = {
        e.opd_id: e
        for e in EvaluasiLKE.objects.filter(
            kuesioner__tahun=tahun - 1, opd__in=opds, status=EvaluasiLKE.Status.FINAL
        )
    }
    kuesioner = KuesionerLKE.objects.filter(tahun=tahun).first()
    if kuesioner is None:
        return [BarisRekap(o, None, None, lalu.get(o.pk)) for o in opds]
    evaluasi = {
        e.opd_id: e
        for e in EvaluasiLKE.objects.filter(kuesioner=kuesioner, opd__in=opds).select_related(
            "kuesioner"
        )
    }
    komponen = susunan_kuesioner(kuesioner)
    predikat = list(kuesioner.predikat.all())
    jawaban: dict[int, dict[int, str]] = {}
    for eid, kid, j in JawabanLKE.objects.filter(evaluasi__in=evaluasi.values()).values_list(
        "evaluasi_id", "kriteria_id", "jawaban"
    ):
        jawaban.setdefault(eid, {})[kid] = j
    return [
        BarisRekap(
            o,
            evaluasi.get(o.pk),
            skor_lke(komponen, predikat, jawaban.get(evaluasi[o.pk].pk, {}))
            if o.pk in evaluasi
            else None,
            lalu.get(o.pk),
        )
        for o in opds
    ]


REKOMENDASI_MAKS = 2000


@transaction.atomic
def temuan_simpan(*, evaluasi: EvaluasiLKE, user, isian: dict) -> int:
    """The evaluator's findings and recommendations per component, `isian` {KomponenLKE id:
    (findings text, recommendations: one per line)}, all or nothing while the evaluation is a
    draft: a component's recommendations are replaced by the lines given (an empty line
    dropped), its findings emptied when left empty. Returns how many components changed."""
    ev = _terkunci(evaluasi)
    _pastikan_draf(ev)
    komponen = {k.pk: k for k in KomponenLKE.objects.filter(kuesioner=ev.kuesioner)}
    salah, bersih = [], {}
    for kid, (temuan, rekomendasi) in isian.items():
        k = komponen.get(kid)
        if k is None:
            salah.append("Komponen yang dikirim bukan bagian LKE evaluasi ini.")
            continue
        temuan = (temuan or "").strip()
        baris = [b.strip() for b in (rekomendasi or "").splitlines() if b.strip()]
        if len(temuan) > CATATAN_MAKS:
            salah.append(f"Temuan komponen {k}: paling banyak {CATATAN_MAKS} karakter.")
        panjang = [i for i, b in enumerate(baris, 1) if len(b) > REKOMENDASI_MAKS]
        if panjang:
            salah.append(
                f"Rekomendasi komponen {k} nomor {', '.join(map(str, panjang))}: paling banyak "
                f"{REKOMENDASI_MAKS} karakter per rekomendasi."
            )
        bersih[kid] = (temuan, baris)
    if salah:
        raise ValidationError([*dict.fromkeys(salah), "Tidak ada yang disimpan."], code="temuan")
    ada_temuan = {t.komponen_id: t for t in TemuanLKE.objects.filter(evaluasi=ev)}
    ada_rek: dict[int, list[str]] = {}
    for r in RekomendasiLKE.objects.filter(evaluasi=ev).order_by("nomor"):
        ada_rek.setdefault(r.komponen_id, []).append(r.uraian)
    n = 0
    for kid, (temuan, baris) in bersih.items():
        t = ada_temuan.get(kid)
        berubah = False
        if temuan and t is None:
            t = TemuanLKE(evaluasi=ev, komponen_id=kid, uraian=temuan)
            t._history_user = user
            t.save()
            berubah = True
        elif temuan and t.uraian != temuan:
            t.uraian = temuan
            t._history_user = user
            t.save()
            berubah = True
        elif not temuan and t is not None:
            t._history_user = user
            t.delete()
            berubah = True
        if ada_rek.get(kid, []) != baris:
            lama = RekomendasiLKE.objects.filter(evaluasi=ev, komponen_id=kid)
            for r in lama:
                r._history_user = user
                r.delete()
            bulk_create_with_history(
                [
                    RekomendasiLKE(evaluasi=ev, komponen_id=kid, nomor=i, uraian=b)
                    for i, b in enumerate(baris, 1)
                ],
                RekomendasiLKE,
                default_user=user,
            )
            berubah = True
        n += berubah
    return n


def _rekomendasi_final(rekomendasi: RekomendasiLKE) -> RekomendasiLKE:
    r = (
        RekomendasiLKE.objects.select_for_update(of=("self",))
        .select_related("evaluasi__opd", "evaluasi__kuesioner", "komponen")
        .get(pk=rekomendasi.pk)
    )
    if r.evaluasi.status != EvaluasiLKE.Status.FINAL:
        raise ValidationError(
            "Tindak lanjut dicatat setelah evaluasi disetujui ketua tim. Tidak ada yang berubah.",
            code="belum_final",
        )
    return r


@transaction.atomic
def tindak_lanjut_simpan(
    *, rekomendasi: RekomendasiLKE, user, tindakan: str, tanggal, bukti=None
) -> RekomendasiLKE:
    """The OPD's follow-up of a recommendation of its final evaluation: what it did, when,
    and optionally an evidence file (checked by its content, apps.pengukuran.berkas) that
    replaces the earlier one (removed after the commit; the new one removed when the save
    fails). A recommendation the Inspektorat marked selesai is closed."""
    r = _rekomendasi_final(rekomendasi)
    if r.status == RekomendasiLKE.Status.SELESAI:
        raise ValidationError(
            f"{r} sudah dinyatakan selesai oleh Inspektorat. Tidak ada yang berubah.",
            code="selesai",
        )
    tindakan = (tindakan or "").strip()
    if not tindakan:
        raise ValidationError(
            "Tindak lanjut: tuliskan apa yang dilakukan. Tidak ada yang disimpan.",
            code="kosong",
        )
    if len(tindakan) > CATATAN_MAKS:
        raise ValidationError(
            f"Tindak lanjut: paling banyak {CATATAN_MAKS} karakter. Tidak ada yang disimpan.",
            code="panjang",
        )
    r.tindakan, r.tanggal_tindakan = tindakan, tanggal
    lama = r.bukti.name if r.bukti else ""
    if bukti is not None:
        r.bukti.save(bukti.isi.name, bukti.isi, save=False)
        r.bukti_nama, r.bukti_jenis, r.bukti_sha256 = (
            bukti.nama_asli,
            bukti.jenis_konten,
            bukti.sha256,
        )
    if r.status == RekomendasiLKE.Status.BELUM:
        r.status = RekomendasiLKE.Status.PROSES
    r._history_user = user
    with hapus_bila_gagal([r.bukti] if bukti is not None else []):
        r.save()
    if bukti is not None:  # the replaced file, once the new one is committed
        hapus_setelah_commit(r.bukti.storage, lama)
    ev = r.evaluasi
    notifikasi_send(
        penerima=list({u.pk: u for u in (ev.dimulai_oleh, ev.disetujui_oleh) if u}.values()),
        judul=f"Tindak lanjut {ev.opd.nama}: rekomendasi {r.komponen.nomor}.{r.nomor}",
        pesan=f"{ev.opd.nama} mencatat tindak lanjut rekomendasi “{r.uraian[:200]}”: "
        f"{tindakan[:500]}",
        tautan=_alamat(ev, "#judul-temuan"),
    )
    return r


@transaction.atomic
def status_rekomendasi_simpan(
    *, rekomendasi: RekomendasiLKE, user, status: str, catatan: str
) -> RekomendasiLKE:
    """The Inspektorat's view of a follow-up: belum, dalam proses or selesai, with a note."""
    r = _rekomendasi_final(rekomendasi)
    if status not in RekomendasiLKE.Status.values:
        raise ValidationError(
            "Status tindak lanjut: pilih belum, dalam proses atau selesai. Tidak ada yang berubah.",
            code="status",
        )
    catatan = (catatan or "").strip()[:CATATAN_MAKS]
    if (r.status, r.catatan_status) == (status, catatan):
        return r
    r.status, r.catatan_status = status, catatan
    r._history_user = user
    r.save(update_fields=["status", "catatan_status"])
    return r


def bukti_lke_for_user(user) -> QuerySet[BuktiLKE]:
    """The self-assessment evidence of the OPDs a user sees (another OPD's is 404)."""
    return for_user(BuktiLKE.objects.select_related("evaluasi__opd"), user)


def rekomendasi_for_user(user) -> QuerySet[RekomendasiLKE]:
    return for_user(
        RekomendasiLKE.objects.select_related("evaluasi__opd", "evaluasi__kuesioner"), user
    )


@dataclass(frozen=True)
class BarisTindakLanjut:
    """The follow-up of one final evaluation's recommendations: how many at each status."""

    opd_id: int
    kode: str  # the OPD's
    nama: str
    tahun: int
    belum: int
    proses: int
    selesai: int

    @property
    def jumlah(self) -> int:
        return self.belum + self.proses + self.selesai

    @property
    def terbuka(self) -> int:
        return self.belum + self.proses


def tindak_lanjut_opd(opds, *, tahun_utama: int | None = None) -> list[BarisTindakLanjut]:
    """Per OPD (of `opds`: OPD objects or a queryset of them) and year, the recommendations
    of its final evaluations at each status, in one query, latest year first: the home
    pages' and the dashboard's count. With `tahun_utama`, that year's evaluations and any
    earlier one still open (belum or dalam proses), not the closed past."""
    hitung: dict[tuple, dict[str, int]] = {}
    for opd_id, kode, nama, tahun, status, n in (
        RekomendasiLKE.objects.filter(
            evaluasi__opd__in=opds, evaluasi__status=EvaluasiLKE.Status.FINAL
        )
        .values_list(
            "evaluasi__opd_id",
            "evaluasi__opd__kode",
            "evaluasi__opd__nama",
            "evaluasi__kuesioner__tahun",
            "status",
        )
        .annotate(n=Count("pk"))
        .order_by()
    ):
        hitung.setdefault(
            (opd_id, kode, nama, tahun), dict.fromkeys(RekomendasiLKE.Status.values, 0)
        )[status] = n
    baris = [
        BarisTindakLanjut(
            *kunci,
            h[RekomendasiLKE.Status.BELUM],
            h[RekomendasiLKE.Status.PROSES],
            h[RekomendasiLKE.Status.SELESAI],
        )
        for kunci, h in hitung.items()
    ]
    if tahun_utama is not None:
        baris = [
            b for b in baris if b.tahun == tahun_utama or (b.tahun < tahun_utama and b.terbuka)
        ]
    return sorted(baris, key=lambda b: (-b.tahun, b.kode))


# --- the history of an evaluation ------------------------------------------------------------

JENIS_RIWAYAT = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}


@dataclass(frozen=True)
class BarisRiwayat:
    """One recorded change of an evaluation: when, by whom, of what, which action, and the
    old and new value of each field that changed."""

    waktu: object  # datetime
    oleh: str
    apa: str
    jenis: str
    rincian: list  # [(field label, before, after)]


def _tampil(nilai) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, Decimal):
        return format_angka(nilai, 2)
    if hasattr(nilai, "isoformat"):
        return tanggal_id(nilai)
    return str(nilai)


def _riwayat(records, kolom: dict[str, str], apa, pilihan: dict | None = None) -> list:
    """The rows of one model's history records: each record against the one before it of
    the same object (field by field, in Python), `apa(record)` naming the object."""
    pilihan = pilihan or {}
    hasil, sebelum = [], {}
    for h in sorted(records, key=lambda h: (h.history_date, h.history_id)):
        lalu = sebelum.get(h.id)
        rincian = []
        if h.history_type != "-":
            for f, label in kolom.items():
                lama = getattr(lalu, f) if lalu is not None else None
                baru = getattr(h, f)
                if lama != baru and not (lalu is None and baru in (None, "")):
                    ubah = pilihan.get(f, {})
                    rincian.append(
                        (label, _tampil(ubah.get(lama, lama)), _tampil(ubah.get(baru, baru)))
                    )
        sebelum[h.id] = h
        if h.history_type == "~" and not rincian and not h.history_change_reason:
            continue  # a save that changed none of the fields shown
        u = h.history_user
        hasil.append(
            BarisRiwayat(
                h.history_date,
                (u.get_full_name() or u.username) if u else "sistem",
                apa(h),
                label_aksi(h.history_change_reason) or JENIS_RIWAYAT[h.history_type],
                rincian,
            )
        )
    return hasil


def riwayat_evaluasi(ev: EvaluasiLKE) -> list[BarisRiwayat]:
    """Every recorded change of an evaluation, newest first: its status (started, submitted,
    returned with the note, approved with score and grade), each answer and note of both
    sides, the findings, the recommendations and their follow-up, the OPD's evidence files
    (7 queries, whatever the number of changes)."""
    nomor = {
        k.pk: f"{k.sub.komponen.nomor}.{k.sub.nomor}.{k.nomor}"
        for k in KriteriaLKE.objects.filter(
            sub__komponen__kuesioner_id=ev.kuesioner_id
        ).select_related("sub__komponen")
    }
    komponen = {
        k.pk: f"{k.nomor}. {k.nama}"
        for k in KomponenLKE.objects.filter(kuesioner_id=ev.kuesioner_id)
    }
    status = dict(EvaluasiLKE.Status.choices)
    baris = [
        *_riwayat(
            EvaluasiLKE.history.filter(id=ev.pk).select_related("history_user"),
            {
                "status": "Status",
                "catatan_kembali": "Catatan ketua tim",
                "nilai": "Nilai akhir",
                "predikat": "Predikat akhir",
            },
            lambda h: "Evaluasi",
            {"status": status},
        ),
        *_riwayat(
            JawabanLKE.history.filter(evaluasi_id=ev.pk).select_related("history_user"),
            {
                "jawaban_opd": "Jawaban OPD",
                "catatan_opd": "Penjelasan OPD",
                "jawaban": "Jawaban evaluator",
                "catatan": "Catatan evaluator",
            },
            lambda h: f"Kriteria {nomor.get(h.kriteria_id, '?')}",
        ),
        *_riwayat(
            TemuanLKE.history.filter(evaluasi_id=ev.pk).select_related("history_user"),
            {"uraian": "Temuan"},
            lambda h: f"Temuan komponen {komponen.get(h.komponen_id, '?')}",
        ),
        *_riwayat(
            RekomendasiLKE.history.filter(evaluasi_id=ev.pk).select_related("history_user"),
            {
                "uraian": "Rekomendasi",
                "tindakan": "Tindak lanjut",
                "tanggal_tindakan": "Tanggal tindak lanjut",
                "bukti_nama": "Bukti tindak lanjut",
                "status": "Status",
                "catatan_status": "Catatan Inspektorat",
            },
            lambda h: f"Rekomendasi {komponen.get(h.komponen_id, '?')} nomor {h.nomor}",
            {"status": dict(RekomendasiLKE.Status.choices)},
        ),
        *_riwayat(
            BuktiLKE.history.filter(evaluasi_id=ev.pk).select_related("history_user"),
            {"nama_asli": "Berkas"},
            lambda h: f"Bukti kriteria {nomor.get(h.kriteria_id, '?')}",
        ),
    ]
    return sorted(baris, key=lambda b: b.waktu, reverse=True)
