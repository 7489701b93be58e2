"""Reads of measurement data with their rules."""

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    F,
    Max,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.formats import date_format

from apps.core.angka import format_nilai
from apps.core.models import OPD, Pemda, SkalaPredikat
from apps.perencanaan.models import PerjanjianKinerja, PilihanNilai, PKIndikator
from apps.perencanaan.selectors import annotate_target, pk_berlaku

from . import capaian as engine
from .models import (
    ROMAWI,
    BuktiDukung,
    CatatanVerifikasi,
    JadwalPengisian,
    PengecualianKunci,
    Realisasi,
)


def realisasi_dengan_target(queryset: QuerySet[Realisasi] | None = None) -> QuerySet[Realisasi]:
    """Realisasi rows annotated with their measurement target and the kabupaten's negative
    polarity rule, so capaian can be computed per row without further queries."""
    qs = Realisasi.objects.all() if queryset is None else queryset
    qs = annotate_target(
        qs,
        indikator_ref="indikator_id",
        tahun_ref="tahun",
        opd_ref="indikator__sasaran__tujuan__renstra__opd_id",
    )
    rumus = Pemda.objects.values("rumus_polaritas_negatif")[:1]
    return qs.annotate(rumus_negatif=Subquery(rumus)).select_related(
        "indikator__sasaran__tujuan__renstra__opd"
    )


def target_pengukuran(obj: Realisasi):
    """(target, sumber): the final PK's target, else the Renstra target of the year."""
    if getattr(obj, "target_pk", None) is not None:
        return obj.target_pk, "PK"
    if getattr(obj, "target_renstra", None) is not None:
        return obj.target_renstra, "Renstra"
    return None, ""


def capaian_realisasi(obj: Realisasi) -> engine.Hasil:
    """Capaian of one triwulan value against the measurement target (annotated rows)."""
    target, _ = target_pengukuran(obj)
    return engine.capaian(
        target,
        obj.nilai,
        polaritas=obj.indikator.polaritas,
        rumus_negatif=getattr(obj, "rumus_negatif", None) or Pemda.RumusNegatif.SELISIH,
    )


# --- scale and rule --------------------------------------------------------------------------


@dataclass(frozen=True)
class Skala:
    nama: str
    tepi: str
    rentang: tuple[engine.Rentang, ...]


def skala_opd(opd: OPD) -> Skala:
    """The predikat scale of an OPD: its own, else the kabupaten's default (2 queries)."""
    skala_id = opd.skala_predikat_id or Pemda.objects.values_list(
        "skala_predikat_id", flat=True).first()
    skala = (SkalaPredikat.objects.prefetch_related("rentang").filter(pk=skala_id).first()
             if skala_id else None)
    if skala is None:
        return Skala("", "bawah", ())
    rentang = tuple(
        engine.Rentang(r.label, r.batas_bawah, r.batas_atas, r.warna) for r in skala.rentang.all()
    )
    return Skala(skala.nama, skala.tepi, rentang)


def rumus_negatif() -> str:
    """The kabupaten's rule for negative-polarity indicators (a setting of Pemda)."""
    return (Pemda.objects.values_list("rumus_polaritas_negatif", flat=True).first()
            or Pemda.RumusNegatif.SELISIH)


# --- input window ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Jendela:
    """Whether an OPD may enter a triwulan now, and the sentence that says why (DHIS2: an input
    window per period, closed outside it unless a lock exception is open)."""

    terbuka: bool
    pesan: str
    jadwal: JadwalPengisian | None = None
    pengecualian: PengecualianKunci | None = None


def tanggal_id(d: datetime.date) -> str:
    """"22 November 2026"."""
    return date_format(d, "j F Y")


def jendela_pengisian(*, opd_id: int, tahun: int, triwulan: int,
                      sekarang: datetime.datetime | None = None) -> Jendela:
    """The input window of a triwulan for one OPD (at most 2 queries).

    Open from `dibuka` to `ditutup` inclusive (local dates); outside it, open only while a lock
    exception for this OPD runs.
    """
    sekarang = sekarang or timezone.now()
    hari_ini = timezone.localtime(sekarang).date()
    nama = f"Triwulan {ROMAWI[triwulan]} {tahun}"
    jadwal = JadwalPengisian.objects.filter(tahun=tahun, triwulan=triwulan).first()
    if jadwal is None:
        return Jendela(False, f"Jadwal pengisian {nama} belum ditetapkan Bagian Organisasi.")
    if jadwal.dibuka <= hari_ini <= jadwal.ditutup:
        return Jendela(True, f"Pengisian {nama} dibuka sampai {tanggal_id(jadwal.ditutup)}.",
                       jadwal)
    pengecualian = (
        PengecualianKunci.objects.filter(jadwal=jadwal, opd_id=opd_id,
                                         berlaku_sampai__gt=sekarang)
        .order_by("-berlaku_sampai").first()
    )
    if pengecualian is not None:
        sampai = timezone.localtime(pengecualian.berlaku_sampai)
        return Jendela(True, f"Pengisian {nama} sudah ditutup, tetapi dibuka khusus untuk OPD "
                       f"ini sampai {tanggal_id(sampai.date())} pukul {sampai:%H.%M}.",
                       jadwal, pengecualian)
    if hari_ini < jadwal.dibuka:
        return Jendela(False, f"Pengisian {nama} belum dibuka; dibuka "
                       f"{tanggal_id(jadwal.dibuka)} sampai {tanggal_id(jadwal.ditutup)}.", jadwal)
    return Jendela(False, f"Pengisian {nama} sudah ditutup pada {tanggal_id(jadwal.ditutup)}. "
                   "Mintalah pembukaan kunci kepada Bagian Organisasi.", jadwal)


STATUS_TERKUNCI = (Realisasi.Status.DIAJUKAN, Realisasi.Status.DIVERIFIKASI)


def alasan_terkunci(r: Realisasi | None, jendela: Jendela, nama: str) -> str | None:
    """Why a row of a triwulan cannot be written now, or None when it can (DHIS2: submitted
    and approved values are locked; outside the window only returned values can be corrected).
    The entry page shows such a row read-only; the save service refuses it with this text."""
    if r is not None and r.status in STATUS_TERKUNCI:
        return f"Realisasi “{nama}” sudah {r.get_status_display().lower()} dan terkunci."
    if not jendela.terbuka and not (r is not None
                                    and r.status == Realisasi.Status.DIKEMBALIKAN):
        return jendela.pesan
    return None


# --- the entry page of one triwulan ----------------------------------------------------------


def sidik(nilai, nilai_teks: str, analisis: str, solusi: str) -> str:
    """A short fingerprint of a row's content as a page showed it, so a save can tell what the
    user changed from what someone else changed meanwhile."""
    angka = "" if nilai is None else str(Decimal(nilai).normalize())
    isi = "\x1f".join([angka, nilai_teks or "", (analisis or "").strip(), (solusi or "").strip()])
    return hashlib.sha256(isi.encode()).hexdigest()[:20]


def sidik_realisasi(r: Realisasi | None) -> str:
    if r is None:
        return sidik(None, "", "", "")
    return sidik(r.nilai, r.nilai_teks, r.analisis, r.solusi)


@dataclass
class BarisPengisian:
    """One indicator of the PK in force, with its values of the year and what they compute."""

    pk_indikator: PKIndikator
    realisasi: dict[int, Realisasi] = field(default_factory=dict)
    pilihan: list[str] = field(default_factory=list)
    hasil: engine.CapaianIndikator | None = None

    @property
    def indikator(self):
        return self.pk_indikator.indikator

    @property
    def target(self):
        return self.pk_indikator.target

    @property
    def target_teks(self):
        return self.pk_indikator.target_teks


@dataclass
class Pengisian:
    opd: OPD
    tahun: int
    triwulan: int
    pk: PerjanjianKinerja | None
    baris: list[BarisPengisian]
    skala: Skala
    rumus_negatif: str

    @property
    def nama_triwulan(self) -> str:
        return f"Triwulan {ROMAWI[self.triwulan]} {self.tahun}"

    @property
    def rumus(self) -> dict[str, str]:
        """The rules this page computes with, shown to the user."""
        return {"positif": engine.RUMUS_POSITIF,
                "negatif": engine.RUMUS_NEGATIF.get(self.rumus_negatif, ""),
                "skala": self.skala.nama}

    def ini(self, baris: BarisPengisian) -> Realisasi | None:
        return baris.realisasi.get(self.triwulan)

    def hitung(self, baris: BarisPengisian, nilai_sekarang=None, pakai_input=False):
        """Capaian of a row from the triwulan values up to this one; `nilai_sekarang`
        replaces this triwulan's stored value (the live preview of what is being typed)."""
        teks = baris.indikator.jenis_nilai == "teks"
        nilai = {}
        for tw in range(1, self.triwulan + 1):
            r = baris.realisasi.get(tw)
            nilai[tw] = (r.nilai_teks if teks else r.nilai) if r else None
        if pakai_input:
            nilai[self.triwulan] = nilai_sekarang
        return engine.capaian_indikator(
            jenis_nilai=baris.indikator.jenis_nilai,
            agregasi=baris.indikator.agregasi,
            polaritas=baris.indikator.polaritas,
            target=baris.target,
            target_teks=baris.target_teks,
            nilai_triwulan=nilai,
            pilihan=baris.pilihan,
            rumus_negatif=self.rumus_negatif,
            rentang=self.skala.rentang,
            tepi=self.skala.tepi,
        )


def pengisian_triwulan(*, opd: OPD, tahun: int, triwulan: int) -> Pengisian:
    """Everything the entry and review pages of one OPD's triwulan show, in a fixed number of
    queries whatever the number of indicators: the PK version in force, its indicators with
    the allowed text values, the year's realisasi with evidence and comment thread, the scale.
    """
    pk = pk_berlaku(opd.pk, tahun)
    skala = skala_opd(opd)
    rumus = rumus_negatif()
    if pk is None:
        return Pengisian(opd, tahun, triwulan, None, [], skala, rumus)
    target_list = list(
        PKIndikator.objects.filter(pk_dokumen=pk)
        .select_related("indikator__sasaran__tujuan")
        .prefetch_related(Prefetch("indikator__pilihan",
                                   queryset=PilihanNilai.objects.order_by("urutan")))
        .order_by("indikator__sasaran__tujuan__nomor", "indikator__sasaran__nomor",
                  "indikator__nomor")
    )
    baris = {t.indikator_id: BarisPengisian(t, pilihan=[p.label for p in
                                                         t.indikator.pilihan.all()])
             for t in target_list}
    realisasi = (
        Realisasi.objects.filter(indikator_id__in=baris, tahun=tahun)
        .select_related("diisi_oleh", "diverifikasi_oleh")
        .prefetch_related(
            Prefetch("bukti", queryset=BuktiDukung.objects.order_by("diunggah_pada")),
            Prefetch("catatan", queryset=CatatanVerifikasi.objects.select_related("penulis")
                     .order_by("dibuat")),
        )
    )
    for r in realisasi:
        baris[r.indikator_id].realisasi[r.triwulan] = r
    hasil = Pengisian(opd, tahun, triwulan, pk, list(baris.values()), skala, rumus)
    for b in hasil.baris:
        b.hasil = hasil.hitung(b)
    return hasil


@dataclass(frozen=True)
class Kekurangan:
    """One thing that blocks submitting a triwulan, with the indicator it concerns."""

    indikator_id: int | None
    pesan: str


def kekurangan_pengajuan(pengisian: Pengisian) -> list[Kekurangan]:
    """What must be done before the triwulan can be submitted: a value for every indicator of
    the PK, and for every indicator below 100 % an analysis of the shortfall and a solution
    (the LKjIP's "analisis penyebab kegagalan" and "solusi")."""
    if pengisian.pk is None:
        return [Kekurangan(None, f"Belum ada Perjanjian Kinerja final tahun {pengisian.tahun}.")]
    daftar = []
    for b in pengisian.baris:
        r = pengisian.ini(b)
        nama = f"Indikator “{b.indikator.nama}”"
        if r is None or (r.nilai is None and not r.nilai_teks):
            daftar.append(Kekurangan(b.indikator.pk, f"{nama}: realisasi belum diisi."))
            continue
        if b.hasil and b.hasil.capaian.ada and b.hasil.capaian.nilai < 100:
            if not r.analisis.strip():
                daftar.append(Kekurangan(b.indikator.pk, f"{nama}: capaian di bawah 100 %; "
                                         "isi analisis penyebab kegagalan."))
            if not r.solusi.strip():
                daftar.append(Kekurangan(b.indikator.pk, f"{nama}: capaian di bawah 100 %; "
                                         "isi solusi atau upaya perbaikan."))
    return daftar


def ringkasan_status(pengisian: Pengisian) -> dict[str, int]:
    """Counts per status of this triwulan; indicators with no row count as "belum diisi"."""
    hitung = {"belum": 0, **{s: 0 for s in Realisasi.Status.values}}
    for b in pengisian.baris:
        r = pengisian.ini(b)
        if r is None or (r.nilai is None and not r.nilai_teks and r.status == "draft"):
            hitung["belum"] += 1
        else:
            hitung[r.status] += 1
    return hitung


# --- overview of an OPD's year and the verification queue ------------------------------------


def status_tahun_opd(*, opd: OPD, tahun: int) -> list[dict]:
    """Per triwulan of a year: the window, and the counts per status of the PK's indicators
    (3 queries plus the PK)."""
    pk = pk_berlaku(opd.pk, tahun)
    jumlah = PKIndikator.objects.filter(pk_dokumen=pk).count() if pk else 0
    indikator_ids = PKIndikator.objects.filter(pk_dokumen=pk).values("indikator_id")
    per_tw = {
        (row["triwulan"], row["status"]): row["n"]
        for row in Realisasi.objects.filter(indikator_id__in=indikator_ids, tahun=tahun)
        .filter(Q(nilai__isnull=False) | ~Q(nilai_teks="") | ~Q(status="draft"))
        .values("triwulan", "status").annotate(n=Count("pk"))
    }
    jadwal = {j.triwulan: j for j in JadwalPengisian.objects.filter(tahun=tahun)}
    hasil = []
    for tw in range(1, 5):
        counts = {s: per_tw.get((tw, s), 0) for s in Realisasi.Status.values}
        counts["belum"] = max(jumlah - sum(counts.values()), 0)
        hasil.append({"triwulan": tw, "romawi": ROMAWI[tw], "jadwal": jadwal.get(tw),
                      "hitung": counts, "jumlah": jumlah})
    return hasil


OPD_REALISASI = "indikator__sasaran__tujuan__renstra__opd"


def antrean_verifikasi(*, opd_qs: QuerySet[OPD], tahun: int | None = None,
                       triwulan: int | None = None, status: str | None = None) -> QuerySet:
    """The verifikator's queue: one entry per OPD, year and triwulan that has realisasi, with
    counts per status and the last submission time, ordered in the database so a page of it
    costs the same however long the queue is: waiting for review first, the longest-waiting
    on top; then by OPD code, newest year, triwulan.

    `status` keeps the entries that have at least one indicator in that status.
    """
    qs = Realisasi.objects.filter(**{f"{OPD_REALISASI}__in": opd_qs})
    if tahun:
        qs = qs.filter(tahun=tahun)
    if triwulan:
        qs = qs.filter(triwulan=triwulan)
    kelompok = (
        qs.values(OPD_REALISASI, "tahun", "triwulan")
        .annotate(
            **{s: Count("pk", filter=Q(status=s)) for s in Realisasi.Status.values},
            terakhir_diajukan=Max("diajukan_pada"),
        )
    )
    if status in Realisasi.Status.values:
        kelompok = kelompok.filter(**{f"{status}__gt": 0})
    return kelompok.order_by(
        Case(When(diajukan__gt=0, then=Value(0)), default=Value(1)),
        F("terakhir_diajukan").asc(nulls_last=True),
        f"{OPD_REALISASI}__kode", "-tahun", "triwulan",
    )


def antrean_baris(kelompok) -> list[dict]:
    """The rows of one page of the queue with their OPD (one query for the page)."""
    kelompok = list(kelompok)
    opd_map = OPD.objects.in_bulk({b[OPD_REALISASI] for b in kelompok})
    return [{
        "opd": opd_map[b[OPD_REALISASI]], "tahun": b["tahun"], "triwulan": b["triwulan"],
        "romawi": ROMAWI[b["triwulan"]],
        "hitung": {s: b[s] for s in Realisasi.Status.values},
        "terakhir_diajukan": b["terakhir_diajukan"],
    } for b in kelompok]


RIWAYAT_FIELD = {"nilai": "Nilai", "nilai_teks": "Nilai (teks)", "analisis": "Analisis",
                 "solusi": "Solusi", "status": "Status"}
JENIS_RIWAYAT = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}


def riwayat_realisasi(r: Realisasi) -> list[dict]:
    """The history of one realisasi, newest first: per record who, when, and the old and new
    value of each field that changed (django-simple-history's diff; 1 query)."""
    records = list(r.history.select_related("history_user").order_by("history_date",
                                                                      "history_id"))
    status_label = dict(Realisasi.Status.choices)

    def tampil(field, v):
        if field == "status":
            return status_label.get(v, v or "")
        if field == "nilai":
            return format_nilai(v)
        return v or ""

    hasil, sebelumnya = [], None
    for h in records:
        if sebelumnya is None:
            ubah = [(f, None, getattr(h, f)) for f in RIWAYAT_FIELD
                    if getattr(h, f) not in (None, "")]
        else:
            delta = h.diff_against(sebelumnya, included_fields=list(RIWAYAT_FIELD))
            ubah = [(c.field, c.old, c.new) for c in delta.changes]
        baris = [{"field": RIWAYAT_FIELD[f], "lama": tampil(f, lama), "baru": tampil(f, baru)}
                 for f, lama, baru in sorted(ubah, key=lambda x: list(RIWAYAT_FIELD).index(x[0]))]
        hasil.append({"h": h, "baris": baris, "jenis": JENIS_RIWAYAT[h.history_type]})
        sebelumnya = h
    hasil.reverse()
    return hasil
