"""The LKjIP of the Pemerintah Kabupaten (PermenPAN-RB 53/2014, laporan kinerja pemerintah
daerah), signed by the Bupati and kept by Bagian Organisasi: a `LaporanKinerja` without an
OPD, drafted, finalised, verified and revised exactly as an OPD's report
(apps.laporan.services), laid out by templates/laporan/lkjip_kabupaten_pdf.html.

Its structure: cover and kata pengantar of the Bupati; Ikhtisar Eksekutif; BAB I
Pendahuluan; BAB II the RPJMD (visi, misi, tujuan, sasaran daerah and IKU Pemda with their
targets) and the PK Bupati of the year; BAB III the capaian of every IKU Pemda with the seven
analyses per sasaran daerah, every OPD's capaian and predikat, and the budget of the whole
kabupaten by OPD and by program; BAB IV Penutup; lampiran the PK Bupati and the pohon
kinerja.

Every number comes from the engine of its kind, the same as the pages show: the IKU Pemda
through `kinerja.kinerja_daerah` (the IKU Pemda page), a sasaran daerah's capaian, its
supporting OPD sasaran and programs from the pohon kinerja (`pohon.pohon_kinerja`, the tree
page), each OPD's capaian, predikat and budget from the dashboard's rows
(`selectors.dasbor`, the recaps), the kabupaten's mean as the dashboard's
(`rekap.rata_kabupaten`). A fixed number of queries, whatever the number of OPDs
(tests/laporan/test_lkjip_kabupaten.py counts them at 5 and 100 OPDs).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from apps.anggaran.perhitungan import Rekap, jumlahkan
from apps.core.models import OPD, Misi, Pejabat, Pemda, PeriodeRPJMD
from apps.core.pdf import render_pdf
from apps.core.persen import Hasil
from apps.pengukuran import capaian as engine
from apps.pengukuran.kinerja import IKUTahun, aturan_pemda, aturan_sekali, kinerja_daerah
from apps.perencanaan.models import IndikatorDaerah, PerjanjianKinerja, PKBupati, SasaranDaerah
from apps.perencanaan.selectors import (
    DokumenPKBupati,
    periode_rpjmd_tahun,
    pk_bupati_dokumen,
    rpjmd_periode,
)

from . import grafik
from .lkjip import (
    TAHUN_BANDING,
    Keterangan,
    Penomoran,
    baris_skala,
    batang_indikator,
    tampil_realisasi,
    teks_tempat_tanggal,
    tercapai,
)
from .markdown import render_markdown
from .models import ANALISIS, NARASI, AnalisisSasaran, LaporanKinerja
from .pohon import PohonKinerja, Simpul, pohon_kinerja
from .rekap import rata_kabupaten

TEMPLAT_KABUPATEN = "laporan/lkjip_kabupaten_pdf.html"


def lkjip_kabupaten_terbaru(tahun: int) -> LaporanKinerja | None:
    """The latest revision of the kabupaten's LKjIP of a year, or None."""
    return (
        LaporanKinerja.objects.filter(opd__isnull=True, tahun=tahun)
        .select_related("penandatangan")
        .order_by("-revisi")
        .first()
    )


@dataclass
class BandingDaerah:
    """One year of an IKU Pemda in the comparison with earlier years."""

    tahun: int
    data: IKUTahun | None

    @property
    def target(self) -> Decimal | None:
        return self.data.target if self.data else None

    @property
    def hasil(self) -> engine.CapaianIndikator | None:
        return self.data.hasil if self.data else None

    @property
    def realisasi(self) -> str:
        return tampil_realisasi(self.hasil)


@dataclass
class IKULKjIP:
    """An IKU Pemda with everything BAB III says of it."""

    data: IKUTahun
    banding: list[BandingDaerah]

    @property
    def indikator(self) -> IndikatorDaerah:
        return self.data.indikator

    @property
    def hasil(self) -> engine.CapaianIndikator:
        return self.data.hasil

    @property
    def realisasi(self) -> str:
        return tampil_realisasi(self.data.hasil)

    @property
    def kemajuan(self) -> Hasil:
        return self.data.kemajuan


@dataclass
class ProgramDaerah:
    """A program of an OPD's DPA supporting a sasaran daerah through one of the OPD's
    sasaran (the pohon kinerja's program node)."""

    opd: OPD
    simpul: Simpul

    @property
    def anggaran(self) -> Rekap | None:
        return self.simpul.anggaran


@dataclass
class SasaranDaerahLKjIP:
    nomor: int
    simpul: Simpul  # the pohon kinerja's node: capaian, predikat, supporting OPD sasaran
    sasaran: object  # perencanaan.SasaranDaerah
    indikator: list[IKULKjIP]
    analisis: dict[str, SafeString]
    analisis_model: AnalisisSasaran | None
    program: list[ProgramDaerah]
    grafik: SafeString
    tabel: dict[str, Keterangan] = field(default_factory=dict)
    gambar: Keterangan | None = None

    @property
    def capaian(self) -> Hasil:
        return self.simpul.capaian

    @property
    def predikat(self):
        return self.simpul.predikat

    @property
    def pendukung(self) -> list[Simpul]:
        """The OPD sasaran supporting it, each measured through its OPD's PK."""
        return self.simpul.anak

    @property
    def anggaran(self) -> Rekap | None:
        """The budget of the supporting programs, each counted once."""
        return jumlahkan(p.anggaran for p in self.program if p.anggaran) if self.program else None


@dataclass
class ProgramKabupaten:
    """A program of the nomenclature with the sum of every OPD's DPA lines under it."""

    program: object  # anggaran.Program
    rekap: Rekap
    opd: list[OPD]


@dataclass
class BarisOPD:
    """One OPD's line of the report: its year's capaian and predikat (kinerja_tahun, the
    dashboard's figures) and the totals of its DPA in force (anggaran_opd)."""

    opd: OPD
    capaian: Hasil
    predikat: engine.Rentang | None
    jumlah_sasaran: int
    jumlah_indikator: int
    anggaran: Rekap | None


def baris_opd(pohon: PohonKinerja) -> list[BarisOPD]:
    return [
        BarisOPD(
            k.opd,
            k.capaian,
            k.predikat,
            len(k.sasaran),
            len(k.indikator),
            pohon.anggaran[o][1].total if o in pohon.anggaran else None,
        )
        for o, k in pohon.kinerja.items()
    ]


@dataclass
class DokumenLKjIPKabupaten:
    """Everything the kabupaten's LKjIP PDF prints, computed; the template only lays it out."""

    tahun: int
    pemda: Pemda | None
    laporan: LaporanKinerja | None
    narasi: dict[str, SafeString]
    penandatangan: Pejabat | None
    tempat_tanggal: str
    periode: PeriodeRPJMD | None
    misi: list[Misi]
    rpjmd: list  # [(TujuanDaerah, [SasaranDaerahRPJMD])]
    pk_bupati: DokumenPKBupati | None  # the final version in force, else the latest draft
    sasaran: list[SasaranDaerahLKjIP]
    capaian: Hasil
    predikat: engine.Rentang | None
    skala: object  # the kabupaten's scale (aturan_pemda)
    rumus_negatif_kode: str
    tahun_banding: list[int]
    opd: list[BarisOPD]
    rata_opd: Hasil
    program: list[ProgramKabupaten]
    pohon: PohonKinerja
    tabel: dict[str, Keterangan]
    gambar: dict[str, Keterangan]
    daftar_tabel: list[Keterangan]
    daftar_gambar: list[Keterangan]
    grafik_sasaran: SafeString
    grafik_opd: SafeString

    kabupaten = True

    @property
    def identitas(self) -> tuple[str, str]:
        """(code, name) of who reports, as the attached data names it."""
        return "kabupaten", self.nama_pemerintah

    @property
    def nama_pemerintah(self) -> str:
        return self.pemda.nama_pemerintah if self.pemda else "Pemerintah Kabupaten"

    @property
    def pk_final(self) -> bool:
        return (
            self.pk_bupati is not None
            and self.pk_bupati.pk.status == PerjanjianKinerja.Status.FINAL
        )

    @property
    def jumlah_indikator(self) -> int:
        return sum(len(s.indikator) for s in self.sasaran)

    @property
    def indikator_tercapai(self) -> list[IKULKjIP]:
        return [i for s in self.sasaran for i in s.indikator if tercapai(i.hasil)]

    @property
    def indikator_belum(self) -> list[IKULKjIP]:
        return [i for s in self.sasaran for i in s.indikator if not tercapai(i.hasil)]

    @property
    def total_anggaran(self) -> Rekap | None:
        """The whole kabupaten's budget: every OPD's DPA in force, summed from its lines."""
        ada = [b.anggaran for b in self.opd if b.anggaran is not None]
        return jumlahkan(ada) if ada else None

    @property
    def opd_tanpa_dpa(self) -> int:
        return sum(1 for b in self.opd if b.anggaran is None)

    @property
    def rata_dari(self) -> int:
        return sum(1 for b in self.opd if b.capaian.nilai is not None)

    @property
    def sebaran_predikat(self) -> list[tuple[str, int]]:
        """How many OPDs have each predikat (every band of the kabupaten's scale), then those
        without one."""
        hitung = defaultdict(int)
        for b in self.opd:
            hitung[b.predikat.label if b.predikat else ""] += 1
        hasil = [(r.label, hitung.pop(r.label, 0)) for r in self.skala.rentang]
        hasil += [(label, n) for label, n in hitung.items() if label]
        if hitung.get(""):
            hasil.append(("Belum dapat dihitung", hitung[""]))
        return hasil

    @property
    def rumus_positif(self) -> str:
        return engine.RUMUS_POSITIF

    @property
    def rumus_negatif(self) -> str:
        return engine.RUMUS_NEGATIF.get(self.rumus_negatif_kode, "")

    @property
    def skala_baris(self) -> list[tuple[str, str]]:
        return baris_skala(self.skala)


def kepala_daerah(pk: PKBupati | None) -> Pejabat | None:
    """Who signs for the kabupaten: the kepala daerah of the year's PK Bupati, else the one
    active official of no OPD (None when there is not exactly one: a dotted line)."""
    if pk is not None:
        return pk.bupati
    aktif = list(Pejabat.objects.filter(opd__isnull=True, aktif=True)[:2])
    return aktif[0] if len(aktif) == 1 else None


def pk_bupati_tahun(tahun: int) -> PKBupati | None:
    """The PK Bupati a year is measured against: the latest final version, else the latest
    draft (printed as a draft and refused at finalisation)."""
    semua = list(PKBupati.objects.filter(tahun=tahun).select_related("bupati").order_by("-versi"))
    final = [p for p in semua if p.status == PerjanjianKinerja.Status.FINAL]
    return (final or semua or [None])[0]


def dokumen_lkjip_kabupaten(
    *, tahun: int, laporan: LaporanKinerja | None = None
) -> DokumenLKjIPKabupaten:
    """Everything the kabupaten's LKjIP of `tahun` shows, in a fixed number of queries.
    `laporan` is the narrative to print; None takes the latest revision of the year."""
    with aturan_sekali():  # four years of the kabupaten measured with the rules read once
        return _dokumen(tahun, laporan)


def _dokumen(tahun: int, laporan: LaporanKinerja | None) -> DokumenLKjIPKabupaten:
    if laporan is None:
        laporan = lkjip_kabupaten_terbaru(tahun)
    pemda = Pemda.objects.first()
    aturan = aturan_pemda()
    periode = periode_rpjmd_tahun(tahun)
    opds = list(OPD.objects.filter(aktif=True).order_by("kode"))
    misi = list(Misi.objects.filter(periode=periode).order_by("nomor")) if periode else []
    rpjmd = rpjmd_periode(periode, [o.pk for o in opds]) if periode else []

    pk = pk_bupati_tahun(tahun)
    penandatangan = (
        laporan.penandatangan if laporan and laporan.penandatangan_id else kepala_daerah(pk)
    )
    narasi = {f: render_markdown(getattr(laporan, f) if laporan else "") for f in NARASI}
    analisis_map = (
        {
            a.sasaran_daerah_id: a
            for a in AnalisisSasaran.objects.filter(laporan=laporan, sasaran_daerah__isnull=False)
        }
        if laporan
        else {}
    )

    # the tree: each sasaran daerah's capaian, its OPD sasaran and their programs, measured
    # with each OPD's year and DPA and each IKU Pemda's year, which the report prints too
    pohon = pohon_kinerja(opds, tahun, kedalaman="program", semua_opd=True)
    simpul_daerah = {s.id: s for s in pohon.akar}
    opd_baris = baris_opd(pohon)
    # the earlier years of every IKU Pemda, as the IKU Pemda page computes them
    iku = [i for _, daftar in rpjmd for s in daftar for i, _ in s.indikator]
    tahun_banding = list(range(tahun - TAHUN_BANDING + 1, tahun + 1))
    per_tahun = {t: kinerja_daerah(iku, t) for t in tahun_banding[:-1]}
    per_tahun[tahun] = pohon.iku

    nomor = Penomoran()
    tabel, gambar = {}, {}
    if periode:
        tabel["rpjmd"] = nomor.t(2, f"Tujuan, Sasaran dan Indikator Kinerja Utama {periode.nama}")
    if pk is not None:
        tabel["pk"] = nomor.t(2, f"Perjanjian Kinerja Bupati Tahun {tahun}")
    tabel["skala"] = nomor.t(3, "Kategori Predikat Capaian Kinerja")
    tabel["pengukuran"] = nomor.t(3, f"Pengukuran Kinerja Pemerintah Daerah Tahun {tahun}")
    gambar["sasaran"] = nomor.g(3, f"Capaian Kinerja per Sasaran Daerah Tahun {tahun}")

    sasaran: list[SasaranDaerahLKjIP] = []
    n = 0
    for _, daftar in rpjmd:
        for sd in daftar:
            n += 1
            simpul = simpul_daerah.get(f"d{sd.sasaran.pk}")
            if simpul is None:  # a sasaran daerah is always a root of the kabupaten's tree
                simpul = Simpul("daerah", "", sd.sasaran.uraian, None)
            ind = [
                IKULKjIP(
                    per_tahun[tahun][i.pk],
                    [BandingDaerah(t, per_tahun[t].get(i.pk)) for t in tahun_banding],
                )
                for i, _ in sd.indikator
            ]
            program, dilihat = [], set()
            for s_opd in simpul.anak:
                for p in s_opd.anak:
                    kunci = (s_opd.opd.pk, p.kode)
                    if p.tingkat == "program" and kunci not in dilihat:
                        dilihat.add(kunci)
                        program.append(ProgramDaerah(s_opd.opd, p))
            a = analisis_map.get(sd.sasaran.pk)
            judul = f"Sasaran {n}"
            item = SasaranDaerahLKjIP(
                n,
                simpul,
                sd.sasaran,
                ind,
                {f: render_markdown(getattr(a, f) if a else "") for f in ANALISIS},
                a,
                program,
                mark_safe(
                    grafik.batang_capaian(  # noqa: S308 - escaped by grafik
                        batang_indikator(ind),
                        judul=f"Capaian IKU {judul} Tahun {tahun}",
                        tampil_judul=False,
                        tinggi_baris=26,
                        bungkus=True,
                    )
                ),
            )
            item.tabel["target"] = nomor.t(3, f"Target dan Realisasi IKU {judul}")
            item.gambar = nomor.g(3, f"Capaian IKU {judul} Tahun {tahun}")
            item.tabel["banding"] = nomor.t(
                3, f"Perbandingan Realisasi dan Capaian {judul} {tahun_banding[0]}-{tahun}"
            )
            item.tabel["kemajuan"] = nomor.t(3, f"Realisasi terhadap Target Akhir RPJMD {judul}")
            item.tabel["pendukung"] = nomor.t(3, f"Sasaran Perangkat Daerah Pendukung {judul}")
            item.tabel["efisiensi"] = nomor.t(3, f"Efisiensi Penggunaan Anggaran {judul}")
            item.tabel["program"] = nomor.t(3, f"Program Pendukung {judul}")
            sasaran.append(item)

    tabel["opd"] = nomor.t(3, f"Capaian Kinerja Perangkat Daerah Tahun {tahun}")
    gambar["opd"] = nomor.g(3, f"Capaian Kinerja Perangkat Daerah Tahun {tahun}")
    tabel["anggaran_opd"] = nomor.t(3, f"Realisasi Anggaran per Perangkat Daerah Tahun {tahun}")
    tabel["anggaran_program"] = nomor.t(3, f"Realisasi Anggaran per Program Tahun {tahun}")

    capaian = engine.rata_rata_capaian(s.capaian for s in sasaran)
    if not sasaran:
        capaian = Hasil(None, f"belum ada sasaran RPJMD yang mencakup tahun {tahun}")

    grafik_sasaran = grafik.batang_capaian(
        [
            grafik.Batang(
                f"Sasaran {x.nomor}",
                x.capaian.nilai,
                x.predikat.warna if x.predikat else grafik.ABU,
                x.predikat.label if x.predikat else x.capaian.alasan,
                x.sasaran.uraian,
            )
            for x in sasaran
        ],
        judul=gambar["sasaran"].judul,
        tampil_judul=False,
        tinggi_baris=26,
        bungkus=True,
        legenda=[(r.label, r.warna) for r in aturan.skala.rentang],
    )
    grafik_opd = grafik.batang_capaian(
        [
            grafik.Batang(
                b.opd.singkatan or b.opd.nama,
                b.capaian.nilai,
                b.predikat.warna if b.predikat else grafik.ABU,
                b.predikat.label if b.predikat else b.capaian.alasan,
                b.opd.nama,
            )
            for b in opd_baris
        ],
        judul=gambar["opd"].judul,
        tampil_judul=False,
        tinggi_baris=18,
        bungkus=True,
        legenda=[(r.label, r.warna) for r in aturan.skala.rentang],
    )

    return DokumenLKjIPKabupaten(
        tahun=tahun,
        pemda=pemda,
        laporan=laporan,
        narasi=narasi,
        penandatangan=penandatangan,
        tempat_tanggal=teks_tempat_tanggal(laporan, pemda, tahun),
        periode=periode,
        misi=misi,
        rpjmd=rpjmd,
        pk_bupati=pk_bupati_dokumen(pk) if pk is not None else None,
        sasaran=sasaran,
        capaian=capaian,
        predikat=engine.predikat(capaian.nilai, aturan.skala.rentang, aturan.skala.tepi),
        skala=aturan.skala,
        rumus_negatif_kode=aturan.rumus_negatif,
        tahun_banding=tahun_banding,
        opd=opd_baris,
        rata_opd=rata_kabupaten(opd_baris),
        program=program_kabupaten(pohon),
        pohon=pohon,
        tabel=tabel,
        gambar=gambar,
        daftar_tabel=nomor.tabel,
        daftar_gambar=nomor.gambar,
        grafik_sasaran=mark_safe(grafik_sasaran),  # noqa: S308 - escaped by grafik
        grafik_opd=mark_safe(grafik_opd),  # noqa: S308 - escaped by grafik
    )


def program_kabupaten(pohon: PohonKinerja) -> list[ProgramKabupaten]:
    """The kabupaten's budget by program of the nomenclature: every OPD's DPA in force
    (`anggaran_opd`, as the dashboard and the tree read it), summed from its lines per
    program, in the order of the program's code; their total is the sum over OPDs."""
    per_program: dict = {}
    for opd_id, (_, pohon_dpa) in pohon.anggaran.items():
        for p, rk in pohon_dpa.program.items():
            isi = per_program.setdefault(p.pk, [p, [], []])
            isi[1].append(rk)
            isi[2].append(pohon.kinerja[opd_id].opd)
    return [
        ProgramKabupaten(p, jumlahkan(rk), sorted(o, key=lambda x: x.kode))
        for p, rk, o in sorted(per_program.values(), key=lambda x: x[0].kode)
    ]


def sasaran_daerah_tahun(tahun: int) -> list:
    """The sasaran daerah whose analyses the kabupaten's report holds: those of the RPJMD
    period covering the year, in the plan's order."""
    periode = periode_rpjmd_tahun(tahun)
    if periode is None:
        return []
    return list(
        SasaranDaerah.objects.filter(tujuan__periode=periode)
        .select_related("tujuan")
        .order_by("tujuan__nomor", "nomor")
    )


def render_lkjip_kabupaten_pdf(
    *, tahun: int, laporan: LaporanKinerja | None = None, draf: bool = True
) -> bytes:
    """The kabupaten's LKjIP as A4 PDF bytes; a draft carries DRAF on every page and
    "(belum diisi)" where a section has no words yet."""
    dok = dokumen_lkjip_kabupaten(tahun=tahun, laporan=laporan)
    return render_pdf(TEMPLAT_KABUPATEN, {"dok": dok, "draf": draf})
