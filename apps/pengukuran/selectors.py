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

from apps.core.angka import ROMAWI, format_nilai
from apps.core.models import OPD, Pemda, SkalaPredikat
from apps.core.riwayat import label_aksi
from apps.perencanaan.models import PerjanjianKinerja, PilihanNilai, PKIndikator
from apps.perencanaan.selectors import annotate_target, pk_berlaku

from . import capaian as engine
from .models import (
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
    skala_id = (
        opd.skala_predikat_id or Pemda.objects.values_list("skala_predikat_id", flat=True).first()
    )
    skala = (
        SkalaPredikat.objects.prefetch_related("rentang").filter(pk=skala_id).first()
        if skala_id
        else None
    )
    if skala is None:
        return Skala("", "bawah", ())
    rentang = tuple(
        engine.Rentang(r.label, r.batas_bawah, r.batas_atas, r.warna) for r in skala.rentang.all()
    )
    return Skala(skala.nama, skala.tepi, rentang)


def rumus_negatif() -> str:
    """The kabupaten's rule for negative-polarity indicators (a setting of Pemda)."""
    return (
        Pemda.objects.values_list("rumus_polaritas_negatif", flat=True).first()
        or Pemda.RumusNegatif.SELISIH
    )


# --- input window ----------------------------------------------------------------------------


class Keadaan:
    """Where a triwulan's input window stands for one OPD on a day (keadaan_jendela)."""

    TANPA_JADWAL = "tanpa_jadwal"
    TERBUKA = "terbuka"
    BELUM_DIBUKA = "belum_dibuka"
    DIBUKA_KHUSUS = "dibuka_khusus"  # closed, but a lock exception of the OPD runs
    DITUTUP = "ditutup"


def keadaan_jendela(
    dibuka: datetime.date | None,
    ditutup: datetime.date | None,
    hari_ini: datetime.date,
    *,
    pengecualian: bool,
) -> str:
    """The input-window rule, the one place it is written (the entry page, the dashboard's
    triwulan status and the consistency check all read it): no schedule; open from `dibuka`
    to `ditutup` inclusive; not open yet before; after, closed unless a lock exception of
    the OPD runs (`pengecualian`). Pure."""
    if dibuka is None or ditutup is None:
        return Keadaan.TANPA_JADWAL
    if dibuka <= hari_ini <= ditutup:
        return Keadaan.TERBUKA
    if hari_ini < dibuka:
        return Keadaan.BELUM_DIBUKA
    return Keadaan.DIBUKA_KHUSUS if pengecualian else Keadaan.DITUTUP


@dataclass(frozen=True)
class Jendela:
    """Whether an OPD may enter a triwulan now, and the sentence that says why (DHIS2: an input
    window per period, closed outside it unless a lock exception is open)."""

    terbuka: bool
    pesan: str
    jadwal: JadwalPengisian | None = None
    pengecualian: PengecualianKunci | None = None


def tanggal_id(d: datetime.date) -> str:
    """ "22 November 2026"."""
    return date_format(d, "j F Y")


def jendela_pengisian(
    *, opd_id: int, tahun: int, triwulan: int, sekarang: datetime.datetime | None = None
) -> Jendela:
    """The input window of a triwulan for one OPD now, with the sentence the entry page
    shows (the rule: keadaan_jendela; at most 2 queries)."""
    sekarang = sekarang or timezone.now()
    hari_ini = timezone.localtime(sekarang).date()
    nama = f"Triwulan {ROMAWI[triwulan]} {tahun}"
    jadwal = JadwalPengisian.objects.filter(tahun=tahun, triwulan=triwulan).first()
    if jadwal is None:
        return Jendela(False, f"Jadwal pengisian {nama} belum ditetapkan Bagian Organisasi.")
    pengecualian = None
    if hari_ini > jadwal.ditutup:  # an exception matters only once the window has closed
        pengecualian = (
            PengecualianKunci.objects.filter(
                jadwal=jadwal, opd_id=opd_id, berlaku_sampai__gt=sekarang
            )
            .order_by("-berlaku_sampai")
            .first()
        )
    keadaan = keadaan_jendela(
        jadwal.dibuka, jadwal.ditutup, hari_ini, pengecualian=pengecualian is not None
    )
    if keadaan == Keadaan.TERBUKA:
        return Jendela(
            True, f"Pengisian {nama} dibuka sampai {tanggal_id(jadwal.ditutup)}.", jadwal
        )
    if keadaan == Keadaan.DIBUKA_KHUSUS:
        sampai = timezone.localtime(pengecualian.berlaku_sampai)
        return Jendela(
            True,
            f"Pengisian {nama} sudah ditutup, tetapi dibuka khusus untuk OPD "
            f"ini sampai {tanggal_id(sampai.date())} pukul {sampai:%H.%M}.",
            jadwal,
            pengecualian,
        )
    if keadaan == Keadaan.BELUM_DIBUKA:
        return Jendela(
            False,
            f"Pengisian {nama} belum dibuka; dibuka "
            f"{tanggal_id(jadwal.dibuka)} sampai {tanggal_id(jadwal.ditutup)}.",
            jadwal,
        )
    return Jendela(
        False,
        f"Pengisian {nama} sudah ditutup pada {tanggal_id(jadwal.ditutup)}. "
        "Mintalah pembukaan kunci kepada Bagian Organisasi.",
        jadwal,
    )


def triwulan_tertutup(
    opd_ids: list[int], tahun: int, *, hari_ini: datetime.date
) -> dict[int, list[int]]:
    """For each OPD, the triwulans of the year whose input window has closed for it by
    `hari_ini`, in order: past `ditutup` and no lock exception of the OPD still running that
    day (the rule of jendela_pengisian). At most two queries."""
    jadwal = list(
        JadwalPengisian.objects.filter(tahun=tahun, ditutup__lt=hari_ini)
        .order_by("triwulan")
        .values_list("pk", "triwulan", "dibuka", "ditutup")
    )
    if not jadwal:
        return {}
    dikecualikan = set(
        PengecualianKunci.objects.filter(
            jadwal_id__in=[j[0] for j in jadwal],
            opd_id__in=opd_ids,
            berlaku_sampai__date__gte=hari_ini,
        ).values_list("opd_id", "jadwal_id")
    )
    return {
        o: [
            tw
            for pk, tw, dibuka, ditutup in jadwal
            if keadaan_jendela(dibuka, ditutup, hari_ini, pengecualian=(o, pk) in dikecualikan)
            == Keadaan.DITUTUP
        ]
        for o in opd_ids
    }


def realisasi_terisi(indikator_ids, tahun: int) -> set[tuple[int, int]]:
    """The (indikator id, triwulan) pairs of the year that hold a value (a row without a
    number and without text is not a realisasi). `indikator_ids`: ids or a values() query.
    One query."""
    return set(
        Realisasi.objects.filter(indikator__in=indikator_ids, tahun=tahun)
        .exclude(nilai__isnull=True, nilai_teks="")
        .values_list("indikator_id", "triwulan")
    )


STATUS_TERKUNCI = (Realisasi.Status.DIAJUKAN, Realisasi.Status.DIVERIFIKASI)


def alasan_terkunci(r: Realisasi | None, jendela: Jendela, nama: str) -> str | None:
    """Why a row of a triwulan cannot be written now, or None when it can (DHIS2: submitted
    and approved values are locked; outside the window only returned values can be corrected).
    The entry page shows such a row read-only; the save service refuses it with this text."""
    if r is not None and r.status in STATUS_TERKUNCI:
        return f"Realisasi “{nama}” sudah {r.get_status_display().lower()} dan terkunci."
    if not jendela.terbuka and not (r is not None and r.status == Realisasi.Status.DIKEMBALIKAN):
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
        return {
            "positif": engine.RUMUS_POSITIF,
            "negatif": engine.RUMUS_NEGATIF.get(self.rumus_negatif, ""),
            "skala": self.skala.nama,
        }

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
        .prefetch_related(
            Prefetch("indikator__pilihan", queryset=PilihanNilai.objects.order_by("urutan"))
        )
        .order_by(
            "indikator__sasaran__tujuan__nomor", "indikator__sasaran__nomor", "indikator__nomor"
        )
    )
    baris = {
        t.indikator_id: BarisPengisian(t, pilihan=[p.label for p in t.indikator.pilihan.all()])
        for t in target_list
    }
    realisasi = (
        Realisasi.objects.filter(indikator_id__in=baris, tahun=tahun)
        .select_related("diisi_oleh", "diverifikasi_oleh")
        .prefetch_related(
            Prefetch("bukti", queryset=BuktiDukung.objects.order_by("diunggah_pada")),
            Prefetch(
                "catatan",
                queryset=CatatanVerifikasi.objects.select_related("penulis").order_by("dibuat"),
            ),
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
                daftar.append(
                    Kekurangan(
                        b.indikator.pk,
                        f"{nama}: capaian di bawah 100 %; isi analisis penyebab kegagalan.",
                    )
                )
            if not r.solusi.strip():
                daftar.append(
                    Kekurangan(
                        b.indikator.pk,
                        f"{nama}: capaian di bawah 100 %; isi solusi atau upaya perbaikan.",
                    )
                )
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
        .values("triwulan", "status")
        .annotate(n=Count("pk"))
    }
    jadwal = {j.triwulan: j for j in JadwalPengisian.objects.filter(tahun=tahun)}
    hasil = []
    for tw in range(1, 5):
        counts = {s: per_tw.get((tw, s), 0) for s in Realisasi.Status.values}
        counts["belum"] = max(jumlah - sum(counts.values()), 0)
        hasil.append(
            {
                "triwulan": tw,
                "romawi": ROMAWI[tw],
                "jadwal": jadwal.get(tw),
                "hitung": counts,
                "jumlah": jumlah,
            }
        )
    return hasil


OPD_REALISASI = "indikator__sasaran__tujuan__renstra__opd"


def antrean_verifikasi(
    *,
    opd_qs: QuerySet[OPD],
    tahun: int | None = None,
    triwulan: int | None = None,
    status: str | None = None,
) -> QuerySet:
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
    kelompok = qs.values(OPD_REALISASI, "tahun", "triwulan").annotate(
        **{s: Count("pk", filter=Q(status=s)) for s in Realisasi.Status.values},
        terakhir_diajukan=Max("diajukan_pada"),
    )
    if status in Realisasi.Status.values:
        kelompok = kelompok.filter(**{f"{status}__gt": 0})
    return kelompok.order_by(
        Case(When(diajukan__gt=0, then=Value(0)), default=Value(1)),
        F("terakhir_diajukan").asc(nulls_last=True),
        f"{OPD_REALISASI}__kode",
        "-tahun",
        "triwulan",
    )


def antrean_baris(kelompok) -> list[dict]:
    """The rows of one page of the queue with their OPD (one query for the page)."""
    kelompok = list(kelompok)
    opd_map = OPD.objects.in_bulk({b[OPD_REALISASI] for b in kelompok})
    return [
        {
            "opd": opd_map[b[OPD_REALISASI]],
            "tahun": b["tahun"],
            "triwulan": b["triwulan"],
            "romawi": ROMAWI[b["triwulan"]],
            "hitung": {s: b[s] for s in Realisasi.Status.values},
            "terakhir_diajukan": b["terakhir_diajukan"],
        }
        for b in kelompok
    ]


RIWAYAT_FIELD = {
    "nilai": "Nilai",
    "nilai_teks": "Nilai (teks)",
    "analisis": "Analisis",
    "solusi": "Solusi",
    "status": "Status",
}
JENIS_RIWAYAT = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}


def riwayat_realisasi(r: Realisasi) -> list[dict]:
    """The history of one realisasi, newest first: per record who, when, which action
    (saved, submitted, verified, returned, reopened, imported: apps.core.riwayat.AKSI), and
    the old and new value of each field that changed (django-simple-history's diff;
    1 query)."""
    records = list(r.history.select_related("history_user").order_by("history_date", "history_id"))
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
            ubah = [
                (f, None, getattr(h, f)) for f in RIWAYAT_FIELD if getattr(h, f) not in (None, "")
            ]
        else:
            delta = h.diff_against(sebelumnya, included_fields=list(RIWAYAT_FIELD))
            ubah = [(c.field, c.old, c.new) for c in delta.changes]
        baris = [
            {"field": RIWAYAT_FIELD[f], "lama": tampil(f, lama), "baru": tampil(f, baru)}
            for f, lama, baru in sorted(ubah, key=lambda x: list(RIWAYAT_FIELD).index(x[0]))
        ]
        hasil.append(
            {
                "h": h,
                "baris": baris,
                "jenis": label_aksi(h.history_change_reason) or JENIS_RIWAYAT[h.history_type],
            }
        )
        sebelumnya = h
    hasil.reverse()
    return hasil


# --- the year of many OPDs at once (dashboard, drill-down, recaps, LKjIP) --------------------


class StatusTriwulan:
    """What a triwulan of an OPD's year is at, as the dashboard shows it."""

    TANPA_JADWAL = "tanpa_jadwal"
    BELUM_DIBUKA = "belum_dibuka"
    BELUM_MULAI = "belum_mulai"
    DRAF = "draf"
    DIAJUKAN = "diajukan"
    DIKEMBALIKAN = "dikembalikan"
    DIVERIFIKASI = "diverifikasi"
    TERLAMBAT = "terlambat"
    TANPA_PK = "tanpa_pk"

    LABEL = {
        TANPA_JADWAL: "Tanpa jadwal",
        BELUM_DIBUKA: "Belum dibuka",
        BELUM_MULAI: "Belum diisi",
        DRAF: "Draf",
        DIAJUKAN: "Diajukan",
        DIKEMBALIKAN: "Dikembalikan",
        DIVERIFIKASI: "Diverifikasi",
        TERLAMBAT: "Terlambat",
        TANPA_PK: "Tanpa PK final",
    }


def status_triwulan(
    *, jumlah: int, status: list[str], terisi: int, jadwal, hari_ini, dibuka_khusus: bool = False
) -> str:
    """The status of one triwulan of an OPD from its indicators' realisasi.

    `jumlah` indicators in the PK in force; `status` the statuses of the triwulan's realisasi
    rows; `terisi` how many of them hold a value. In this order: every indicator verified ->
    diverifikasi; one returned -> dikembalikan; every indicator submitted or verified ->
    diajukan; then by the window rule (keadaan_jendela): closed -> terlambat, no schedule ->
    tanpa jadwal, not open yet -> belum dibuka; nothing filled -> belum mulai; else draf.
    """
    if not jumlah:
        return StatusTriwulan.TANPA_PK
    hitung = {s: status.count(s) for s in Realisasi.Status.values}
    if hitung[Realisasi.Status.DIVERIFIKASI] >= jumlah:
        return StatusTriwulan.DIVERIFIKASI
    if hitung[Realisasi.Status.DIKEMBALIKAN]:
        return StatusTriwulan.DIKEMBALIKAN
    if hitung[Realisasi.Status.DIAJUKAN] + hitung[Realisasi.Status.DIVERIFIKASI] >= jumlah:
        return StatusTriwulan.DIAJUKAN
    keadaan = keadaan_jendela(
        getattr(jadwal, "dibuka", None),
        getattr(jadwal, "ditutup", None),
        hari_ini,
        pengecualian=dibuka_khusus,
    )
    if keadaan == Keadaan.DITUTUP:
        return StatusTriwulan.TERLAMBAT
    if keadaan == Keadaan.TANPA_JADWAL:
        return StatusTriwulan.TANPA_JADWAL
    if keadaan == Keadaan.BELUM_DIBUKA:
        return StatusTriwulan.BELUM_DIBUKA
    if not terisi:
        return StatusTriwulan.BELUM_MULAI
    return StatusTriwulan.DRAF


@dataclass
class IndikatorTahun:
    """One indicator of an OPD's PK in force: its values per triwulan and what they compute
    (the year so far)."""

    pk_indikator: PKIndikator
    realisasi: dict[int, Realisasi] = field(default_factory=dict)
    pilihan: list[str] = field(default_factory=list)
    hasil: engine.CapaianIndikator | None = None

    @property
    def indikator(self):
        return self.pk_indikator.indikator

    def nilai(self, tw: int):
        r = self.realisasi.get(tw)
        if r is None:
            return None
        return (r.nilai_teks or None) if self.indikator.jenis_nilai == "teks" else r.nilai

    def nilai_triwulan(self) -> dict[int, object]:
        return {tw: self.nilai(tw) for tw in range(1, 5)}


@dataclass
class SasaranTahun:
    sasaran: object  # perencanaan.Sasaran
    indikator: list[IndikatorTahun]
    capaian: engine.Hasil
    predikat: engine.Rentang | None


@dataclass
class KinerjaOPD:
    """An OPD's year: the PK in force, each sasaran with its indicators, the capaian of the
    sasaran (mean of its indicators) and of the OPD (mean of its sasaran), with predikat by
    the OPD's scale, and the status of each triwulan."""

    opd: OPD
    tahun: int
    pk: PerjanjianKinerja | None
    skala: Skala
    rumus_negatif: str
    sasaran: list[SasaranTahun]
    capaian: engine.Hasil
    predikat: engine.Rentang | None
    status: dict[int, str]

    @property
    def indikator(self) -> list[IndikatorTahun]:
        return [i for s in self.sasaran for i in s.indikator]

    @property
    def terlambat(self) -> bool:
        return StatusTriwulan.TERLAMBAT in self.status.values()


def _skala_semua(opds: list[OPD]) -> tuple[dict[int, Skala], str]:
    """Every scale the OPDs use (their own or the kabupaten's default) and the kabupaten's
    negative-polarity rule: 3 queries whatever the number of OPDs."""
    pemda = Pemda.objects.values("skala_predikat_id", "rumus_polaritas_negatif").first() or {}
    bawaan = pemda.get("skala_predikat_id")
    ids = {o.skala_predikat_id or bawaan for o in opds} - {None}
    per_id = {
        s.pk: Skala(
            s.nama,
            s.tepi,
            tuple(
                engine.Rentang(r.label, r.batas_bawah, r.batas_atas, r.warna)
                for r in s.rentang.all()
            ),
        )
        for s in SkalaPredikat.objects.filter(pk__in=ids).prefetch_related("rentang")
    }
    kosong = Skala("", "bawah", ())
    hasil = {o.pk: per_id.get(o.skala_predikat_id or bawaan, kosong) for o in opds}
    return hasil, pemda.get("rumus_polaritas_negatif") or "selisih"


def kinerja_opd(
    opds, tahun: int, *, sampai_triwulan: int = 4, sekarang: datetime.datetime | None = None
) -> dict[int, KinerjaOPD]:
    """The year of every OPD in `opds`, in a fixed number of queries whatever their number
    (scales, PK versions, PK targets with their indicators and allowed values, realisasi,
    windows and lock exceptions): what the dashboard, its export, the drill-down and the
    recaps show, computed by the one engine (apps.pengukuran.capaian).

    Measured against the PK version in force (the latest final one). Values up to
    `sampai_triwulan` count (the year so far, or the year as it stood at an earlier
    triwulan). An indicator that cannot be computed is left out of its sasaran's mean and
    the reason says so; a sasaran without any computable indicator likewise for the OPD.
    """
    sekarang = sekarang or timezone.now()
    hari_ini = timezone.localtime(sekarang).date()
    opds = list(opds)
    skala, rumus = _skala_semua(opds)
    berlaku = {}
    for pk in PerjanjianKinerja.objects.filter(
        opd__in=[o.pk for o in opds], tahun=tahun, status=PerjanjianKinerja.Status.FINAL
    ).order_by("opd_id", "versi"):
        berlaku[pk.opd_id] = pk  # the latest final version wins
    target = (
        PKIndikator.objects.filter(pk_dokumen__in=list(berlaku.values()))
        .select_related("indikator__sasaran__tujuan")
        .prefetch_related(
            Prefetch("indikator__pilihan", queryset=PilihanNilai.objects.order_by("urutan"))
        )
        .order_by(
            "indikator__sasaran__tujuan__nomor", "indikator__sasaran__nomor", "indikator__nomor"
        )
    )
    per_pk = {}
    baris = {}
    for t in target:
        b = IndikatorTahun(t, pilihan=[p.label for p in t.indikator.pilihan.all()])
        per_pk.setdefault(t.pk_dokumen_id, []).append(b)
        baris[t.indikator_id] = b
    for r in Realisasi.objects.filter(
        indikator_id__in=list(baris), tahun=tahun, triwulan__lte=sampai_triwulan
    ):
        baris[r.indikator_id].realisasi[r.triwulan] = r
    jadwal = {j.triwulan: j for j in JadwalPengisian.objects.filter(tahun=tahun)}
    khusus = set(
        PengecualianKunci.objects.filter(
            jadwal__tahun=tahun, opd_id__in=[o.pk for o in opds], berlaku_sampai__gt=sekarang
        ).values_list("opd_id", "jadwal__triwulan")
    )

    hasil = {}
    for opd in opds:
        pk = berlaku.get(opd.pk)
        sk = skala[opd.pk]
        daftar = per_pk.get(pk.pk, []) if pk else []
        sasaran_map: dict = {}
        for b in daftar:
            b.hasil = engine.capaian_indikator(
                jenis_nilai=b.indikator.jenis_nilai,
                agregasi=b.indikator.agregasi,
                polaritas=b.indikator.polaritas,
                target=b.pk_indikator.target,
                target_teks=b.pk_indikator.target_teks,
                nilai_triwulan={tw: b.nilai(tw) for tw in range(1, sampai_triwulan + 1)},
                pilihan=b.pilihan,
                rumus_negatif=rumus,
                rentang=sk.rentang,
                tepi=sk.tepi,
            )
            sasaran_map.setdefault(b.indikator.sasaran, []).append(b)
        sasaran = []
        for s, ind in sasaran_map.items():
            c = engine.rata_rata_capaian(i.hasil.capaian for i in ind)
            sasaran.append(SasaranTahun(s, ind, c, engine.predikat(c.nilai, sk.rentang, sk.tepi)))
        capaian = engine.rata_rata_capaian(s.capaian for s in sasaran)
        status = {}
        for tw in range(1, 5):
            rows = [b.realisasi[tw] for b in daftar if tw in b.realisasi]
            status[tw] = status_triwulan(
                jumlah=len(daftar),
                status=[r.status for r in rows],
                terisi=sum(1 for r in rows if r.nilai is not None or r.nilai_teks),
                jadwal=jadwal.get(tw),
                hari_ini=hari_ini,
                dibuka_khusus=(opd.pk, tw) in khusus,
            )
        hasil[opd.pk] = KinerjaOPD(
            opd,
            tahun,
            pk,
            sk,
            rumus,
            sasaran,
            capaian,
            engine.predikat(capaian.nilai, sk.rentang, sk.tepi),
            status,
        )
    return hasil


def capaian_lintas_tahun(
    indikator: list, tahun_list, *, skala: Skala, rumus: str
) -> dict[tuple[int, int], engine.CapaianIndikator]:
    """Capaian of indicators in several years, each year measured as the entry pages measure
    it: against the year's latest final PK target, else the Renstra target of the year
    (perencanaan.selectors.annotate_target). For the charts across years and the comparison
    with earlier years (seed 003, Tabel 3.2). One query; keyed (indicator id, year), only the
    years with realisasi. Text-valued indicators are not compared across years."""
    angka = {i.pk: i for i in indikator if i.jenis_nilai != "teks"}
    nilai: dict = {}
    target: dict = {}
    for r in realisasi_dengan_target(
        Realisasi.objects.filter(indikator_id__in=list(angka), tahun__in=list(tahun_list))
    ):
        kunci = (r.indikator_id, r.tahun)
        nilai.setdefault(kunci, {})[r.triwulan] = r.nilai
        if target.get(kunci) is None:
            target[kunci] = target_pengukuran(r)[0]
    return {
        kunci: engine.capaian_indikator(
            jenis_nilai="angka",
            agregasi=angka[kunci[0]].agregasi,
            polaritas=angka[kunci[0]].polaritas,
            target=target.get(kunci),
            target_teks="",
            nilai_triwulan=tw,
            rumus_negatif=rumus,
            rentang=skala.rentang,
            tepi=skala.tepi,
        )
        for kunci, tw in nilai.items()
    }
