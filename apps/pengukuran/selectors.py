"""Reads of measurement data with their rules."""

import datetime
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    F,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone
from django.utils.formats import date_format

from apps.core.angka import ROMAWI, format_nilai, nama_triwulan
from apps.core.models import OPD
from apps.core.riwayat import label_aksi
from apps.perencanaan.models import PerjanjianKinerja, PKIndikator
from apps.perencanaan.selectors import annotate_target, pk_berlaku

from . import capaian as engine
from .jendela import Keadaan, keadaan_jendela
from .kinerja import IndikatorTahun, KinerjaOPD, kinerja_tahun, pengaturan_pemda
from .models import (
    JadwalPengisian,
    PengecualianKunci,
    Realisasi,
)


def realisasi_dengan_target(queryset: QuerySet[Realisasi] | None = None) -> QuerySet[Realisasi]:
    """Realisasi rows annotated with their measurement target and the kabupaten's negative
    polarity rule (kinerja.pengaturan_pemda), so the capaian of each triwulan value can be
    computed per row without further queries (the admin's list)."""
    qs = Realisasi.objects.all() if queryset is None else queryset
    qs = annotate_target(
        qs,
        indikator_ref="indikator_id",
        tahun_ref="tahun",
        opd_ref="indikator__sasaran__tujuan__renstra__opd_id",
    )
    return qs.annotate(rumus_negatif=Value(pengaturan_pemda()[1])).select_related(
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
        target, obj.nilai, polaritas=obj.indikator.polaritas, rumus_negatif=obj.rumus_negatif
    )


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
    """ "22 November 2026"."""
    return date_format(d, "j F Y")


def jendela_pengisian(
    *, opd_id: int, tahun: int, triwulan: int, sekarang: datetime.datetime | None = None
) -> Jendela:
    """The input window of a triwulan for one OPD now, with the sentence the entry page
    shows (the rule: keadaan_jendela; at most 2 queries)."""
    sekarang = sekarang or timezone.now()
    hari_ini = timezone.localtime(sekarang).date()
    nama = nama_triwulan(triwulan, tahun)
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
        .order_by()  # a set: not the model's ordering, which joins up to the OPD
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


def hash_isi(nilai, nilai_teks: str, analisis: str, solusi: str) -> str:
    """A short fingerprint of a row's content as a page showed it, so a save can tell what the
    user changed from what someone else changed meanwhile."""
    angka = "" if nilai is None else str(Decimal(nilai).normalize())
    isi = "\x1f".join([angka, nilai_teks or "", (analisis or "").strip(), (solusi or "").strip()])
    return hashlib.sha256(isi.encode()).hexdigest()[:20]


def hash_realisasi(r: Realisasi | None) -> str:
    if r is None:
        return hash_isi(None, "", "", "")
    return hash_isi(r.nilai, r.nilai_teks, r.analisis, r.solusi)


@dataclass
class Pengisian:
    """One OPD's triwulan as its entry and review pages show it: the year read by the read
    model (kinerja.kinerja_tahun, up to this triwulan, with evidence and comments) and the
    triwulan it is entered for."""

    kinerja: KinerjaOPD
    triwulan: int

    @property
    def opd(self) -> OPD:
        return self.kinerja.opd

    @property
    def tahun(self) -> int:
        return self.kinerja.tahun

    @property
    def pk(self) -> PerjanjianKinerja | None:
        return self.kinerja.pk

    @property
    def baris(self) -> list[IndikatorTahun]:
        return self.kinerja.indikator

    @property
    def nama_triwulan(self) -> str:
        return nama_triwulan(self.triwulan, self.tahun)

    @property
    def rumus(self) -> dict[str, str]:
        """The rules this page computes with, shown to the user."""
        return self.kinerja.aturan.rumus

    def realisasi_triwulan(self, baris: IndikatorTahun) -> Realisasi | None:
        """The row's value of this page's triwulan, if any."""
        return baris.realisasi.get(self.triwulan)

    def hitung_input(self, baris: IndikatorTahun, nilai) -> engine.CapaianIndikator:
        """Capaian of a row with this triwulan's value replaced by `nilai` (the live preview
        of what is being typed)."""
        return baris.hitung(self.triwulan, ganti={self.triwulan: nilai})


def pengisian_triwulan(*, opd: OPD, tahun: int, triwulan: int) -> Pengisian:
    """Everything the entry and review pages of one OPD's triwulan show, in a fixed number of
    queries whatever the number of indicators (kinerja.kinerja_tahun)."""
    tahun_opd = kinerja_tahun([opd], tahun, sampai_triwulan=triwulan, rinci=True, status=False)
    return Pengisian(tahun_opd[opd.pk], triwulan)


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
        r = pengisian.realisasi_triwulan(b)
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
        r = pengisian.realisasi_triwulan(b)
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
