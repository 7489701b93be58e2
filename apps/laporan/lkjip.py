"""The LKjIP of an OPD and year as a PDF generated from the data (PermenPAN-RB 53/2014).

`dokumen_lkjip` gathers everything the report shows in a fixed number of queries, whatever
the number of sasaran, indicators and budget lines; `render_lkjip_pdf` prints it through
templates/laporan/lkjip_pdf.html. Every number comes from the one engine of its kind:
capaian, predikat, the earlier years and the progress towards the Renstra end target from
the read model of apps.pengukuran (kinerja.kinerja_tahun), budget from apps.anggaran
(anggaran_opd, rekap_per_sasaran, perhitungan.Rekap), the PK tables from
apps.perencanaan.selectors; the words written by the OPD (LaporanKinerja, AnalisisSasaran)
only through apps.laporan.markdown.render_markdown.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe

from apps.anggaran.models import DPA
from apps.anggaran.perhitungan import Rekap, jumlahkan
from apps.anggaran.selectors import (
    AnggaranSasaran,
    PohonAnggaran,
    ProgramDPA,
    anggaran_opd,
    rekap_per_sasaran,
    susunan_dpa,
)
from apps.core.angka import format_angka, format_nilai
from apps.core.models import OPD, Misi, Pejabat, Pemda
from apps.core.pdf import render_pdf
from apps.pengukuran import capaian as engine
from apps.pengukuran.kinerja import IndikatorTahun, KinerjaOPD, SasaranTahun, kinerja_tahun
from apps.perencanaan.models import Renstra, Tujuan
from apps.perencanaan.selectors import (
    BlokMatriks,
    DokumenPK,
    baris_program_pk,
    baris_target_pk,
    matriks_renstra,
    pk_tahun,
    pohon_renstra,
    renstra_tahun,
)

from . import grafik
from .markdown import render_markdown
from .models import ANALISIS, KETERANGAN_DUKUNGAN, NARASI, AnalisisSasaran, LaporanKinerja
from .selectors import lkjip_terbaru

TAHUN_BANDING = 3  # this year and the two before it (seed 003, Tabel 3.2)


@dataclass(frozen=True)
class Keterangan:
    """A numbered table or figure: its anchor (for the lists' page numbers) and caption."""

    id: str
    nomor: str
    judul: str

    @property
    def label(self) -> str:
        return f"{self.nomor} {self.judul}"


class Penomoran:
    """Numbers tables and figures per chapter in the order the document shows them; the
    lists of tables and figures are these, so a caption and its list entry cannot differ."""

    def __init__(self):
        self.tabel: list[Keterangan] = []
        self.gambar: list[Keterangan] = []

    def _baru(self, daftar, jenis: str, bab: int, judul: str) -> Keterangan:
        ke = sum(1 for k in daftar if k.nomor.split(" ")[1].split(".")[0] == str(bab)) + 1
        k = Keterangan(f"{jenis.lower()}-{bab}-{ke}", f"{jenis} {bab}.{ke}", judul)
        daftar.append(k)
        return k

    def t(self, bab: int, judul: str) -> Keterangan:
        return self._baru(self.tabel, "Tabel", bab, judul)

    def g(self, bab: int, judul: str) -> Keterangan:
        return self._baru(self.gambar, "Gambar", bab, judul)


def tercapai(hasil: engine.CapaianIndikator) -> bool:
    """An indicator met or beat its target (capaian of 100 % or more): the ikhtisar's count."""
    return hasil.capaian.ada and hasil.capaian.nilai >= 100


def tampil_realisasi(hasil: engine.CapaianIndikator | None) -> str:
    """An annual value as the report prints it: `79,41`, `78,2`, `90`, the text value of a
    text indicator, "" when there is none (a mean may have many decimals: 2 are shown)."""
    if hasil is None:
        return ""
    if hasil.tahunan.ada:
        return format_angka(hasil.tahunan.nilai, 2, buang_nol=True)
    return hasil.tahunan_teks


@dataclass
class Banding:
    """One year of an indicator in the comparison with earlier years."""

    tahun: int
    target: Decimal | None
    hasil: engine.CapaianIndikator | None
    target_teks: str = ""  # a text-valued indicator's target

    @property
    def realisasi(self) -> str:
        return tampil_realisasi(self.hasil)


@dataclass
class IndikatorLKjIP:
    """An indicator of the PK in force with everything BAB III says about it."""

    data: IndikatorTahun
    banding: list[Banding]
    kemajuan: engine.Hasil
    analisis: str = ""  # the latest triwulan's analysis typed with the realisasi
    solusi: str = ""

    @property
    def indikator(self):
        return self.data.indikator

    @property
    def hasil(self) -> engine.CapaianIndikator:
        return self.data.hasil

    @property
    def target_akhir(self):
        return self.indikator.target_akhir

    @property
    def realisasi(self) -> str:
        return tampil_realisasi(self.hasil)


@dataclass
class ProgramSasaran:
    """A program supporting a sasaran, with its kegiatan, each with the DPA's computed Rekap."""

    program: object
    rekap: Rekap
    kegiatan: list  # [(Kegiatan, Rekap)]
    menunjang: bool | None = None  # analysis 7's judgement; None: not judged yet
    info: object = None  # the DPA's outcome indicator of the program (DPAProgram) or None

    @property
    def keterangan(self) -> str:
        return KETERANGAN_DUKUNGAN[self.menunjang]


@dataclass
class SasaranLKjIP:
    nomor: int
    data: SasaranTahun
    indikator: list[IndikatorLKjIP]
    analisis: dict[str, SafeString]
    program: list[ProgramSasaran]
    grafik: SafeString
    tabel: dict[str, Keterangan] = field(default_factory=dict)
    gambar: Keterangan | None = None
    rumus_negatif: str = "selisih"
    analisis_model: AnalisisSasaran | None = None  # the stored words (None: none written)

    @property
    def rumus_kemajuan(self) -> tuple[str, str]:
        """The heading of the progress column (4) and, for mixed polarities, its note."""
        return kepala_rumus("4", self.indikator, self.rumus_negatif, realisasi="2", target="3")

    @property
    def sasaran(self):
        return self.data.sasaran

    @property
    def anggaran(self) -> Rekap | None:
        return jumlahkan(p.rekap for p in self.program) if self.program else None


@dataclass
class DokumenLKjIP:
    """Everything the LKjIP PDF prints, computed; the template only lays it out."""

    opd: OPD
    tahun: int
    pemda: Pemda | None
    laporan: LaporanKinerja | None
    narasi: dict[str, SafeString]
    penandatangan: Pejabat | None
    tempat_tanggal: str
    renstra: Renstra | None
    visi: str
    misi: list[Misi]
    tujuan: list[Tujuan]
    iku: list
    kinerja: KinerjaOPD
    pk: list[DokumenPK]
    sasaran: list[SasaranLKjIP]
    tahun_banding: list[int]
    dpa: DPA | None
    anggaran: PohonAnggaran | None
    program: list[ProgramDPA]
    per_sasaran: list[AnggaranSasaran]
    matriks: list[BlokMatriks]
    grafik_sasaran: SafeString
    tabel: dict[str, Keterangan]
    gambar: dict[str, Keterangan]
    daftar_tabel: list[Keterangan]
    daftar_gambar: list[Keterangan]

    kabupaten = False

    @property
    def identitas(self) -> tuple[str, str]:
        """(code, name) of who reports, as the attached data names it."""
        return self.opd.kode, self.opd.nama

    @property
    def pk_berlaku(self) -> DokumenPK | None:
        """The version the year is measured against (the latest final one)."""
        pk = self.kinerja.pk
        return next((d for d in self.pk if pk and d.pk.pk == pk.pk), None)

    @property
    def jumlah_indikator(self) -> int:
        return len(self.kinerja.indikator)

    @property
    def indikator_tercapai(self) -> list[IndikatorLKjIP]:
        return [i for s in self.sasaran for i in s.indikator if tercapai(i.hasil)]

    @property
    def indikator_belum(self) -> list[IndikatorLKjIP]:
        return [i for s in self.sasaran for i in s.indikator if not tercapai(i.hasil)]

    @property
    def rumus_negatif(self) -> str:
        return engine.RUMUS_NEGATIF.get(self.kinerja.rumus_negatif, "")

    @property
    def rumus_pengukuran(self) -> tuple[str, str]:
        """The heading of the measurement table's capaian column (6) and, for mixed
        polarities, its note."""
        semua = [i for s in self.sasaran for i in s.indikator]
        return kepala_rumus("6", semua, self.kinerja.rumus_negatif, realisasi="5", target="4")

    @property
    def rumus_positif(self) -> str:
        return engine.RUMUS_POSITIF

    @property
    def skala_baris(self) -> list[tuple[str, str]]:
        return baris_skala(self.kinerja.skala)

    @property
    def sasaran_ganda(self) -> bool:
        """A program counted under two sasaran (the per-sasaran rows then add up to more
        than the DPA; the table's total is the DPA's)."""
        dilihat, ganda = set(), False
        for a in self.per_sasaran:
            for p, _ in a.program:
                ganda |= p.pk in dilihat
                dilihat.add(p.pk)
        return ganda


def baris_skala(skala) -> list[tuple[str, str]]:
    """Each band of a predikat scale as the report writes it: ("Baik", "70 ≤ capaian < 85")."""
    kiri, kanan = ("≤", "<") if skala.tepi == "bawah" else ("<", "≤")
    hasil = []
    for r in skala.rentang:
        bawah, atas = format_nilai(r.batas_bawah), format_nilai(r.batas_atas)
        if r.batas_bawah is None:
            teks = f"capaian {kanan} {atas}"
        elif r.batas_atas is None:
            teks = f"capaian {'≥' if kiri == '≤' else '>'} {bawah}"
        else:
            teks = f"{bawah} {kiri} capaian {kanan} {atas}"
        hasil.append((r.label, teks))
    return hasil


def kepala_rumus(
    kolom: str, indikator: list, rumus_negatif: str, *, realisasi: str, target: str
) -> tuple[str, str]:
    """A computed column's heading with the formula its rows used ("6 = 5 / 4 × 100"; for
    lower-is-better rows "6 = (2 × 4 − 5) / 4 × 100" or "6 = 4 / 5 × 100"), and a note when
    the rows use both ("6*", "* Kolom 6: ..."): the heading printed "5/4×100" for every row."""
    polaritas = sorted({i.indikator.polaritas for i in indikator}) or ["positif"]

    def rumus(p: str) -> str:
        return engine.rumus_kolom(p, rumus_negatif, realisasi=realisasi, target=target)

    if len(polaritas) == 1:
        return f"{kolom} = {rumus(polaritas[0])}", ""
    return f"{kolom}*", (
        f"* Kolom {kolom}: {rumus('positif')} untuk indikator positif; {rumus('negatif')} "
        "untuk indikator negatif (makin kecil makin baik)."
    )


def kepala_opd(opd: OPD) -> Pejabat | None:
    """The OPD's active official when there is exactly one (its head); None otherwise, and
    the signature block leaves a dotted line to write the name on."""
    aktif = list(Pejabat.objects.filter(opd=opd, aktif=True)[:2])
    return aktif[0] if len(aktif) == 1 else None


def teks_tempat_tanggal(laporan, pemda, tahun: int) -> str:
    tempat = (laporan.tempat if laporan else "") or (pemda.ibu_kota if pemda else "")
    if laporan and laporan.tanggal:
        return f"{tempat}, {date_format(laporan.tanggal, 'j F Y')}"
    return f"{tempat}, ........................ {tahun + 1}"


def _banding(data: IndikatorTahun, tahun: int) -> Banding:
    """An earlier year of an indicator as the comparison table prints it."""
    lalu = data.lalu.get(tahun)
    return Banding(tahun, lalu.target if lalu else None, lalu.hasil if lalu else None)


def _analisis_tw(data: IndikatorTahun) -> tuple[str, str]:
    """The analysis and solution typed with the latest triwulan that has them."""
    for tw in (4, 3, 2, 1):
        r = data.realisasi.get(tw)
        if r is not None and (r.analisis.strip() or r.solusi.strip()):
            return r.analisis.strip(), r.solusi.strip()
    return "", ""


def batang_indikator(indikator) -> list[grafik.Batang]:
    """The bars of a chart of indicators' capaian (an OPD's or the kabupaten's IKU)."""
    return [
        grafik.Batang(
            i.indikator.nama,
            i.hasil.capaian.nilai,
            i.hasil.predikat.warna if i.hasil.predikat else grafik.ABU,
            i.hasil.predikat.label if i.hasil.predikat else i.hasil.capaian.alasan,
            i.indikator.nama,
        )
        for i in indikator
    ]


def dokumen_lkjip(*, opd: OPD, tahun: int, laporan: LaporanKinerja | None = None) -> DokumenLKjIP:
    """Everything the LKjIP of `opd` for `tahun` shows, computed from the data in a fixed
    number of queries (about 30, whatever the number of sasaran, indicators and lines).

    `laporan` is the narrative to print; None takes the latest revision of the year, and
    without any the report prints with empty sections. Measured against the PK in force
    (the latest final version); every final version of the year is annexed."""
    if laporan is None:
        laporan = lkjip_terbaru(opd.pk, tahun)
    pemda = Pemda.objects.first()
    analisis_map = (
        {a.sasaran_id: a for a in AnalisisSasaran.objects.filter(laporan=laporan)}
        if laporan
        else {}
    )
    penandatangan = (
        laporan.penandatangan if laporan and laporan.penandatangan_id else kepala_opd(opd)
    )
    narasi = {f: render_markdown(getattr(laporan, f) if laporan else "") for f in NARASI}

    renstra = renstra_tahun(opd.pk, tahun)
    tujuan = pohon_renstra(renstra) if renstra else []
    periode = renstra.periode_rpjmd if renstra and renstra.periode_rpjmd_id else None
    misi = list(Misi.objects.filter(periode=periode).order_by("nomor")) if periode else []
    sasaran_renstra = [s for t in tujuan for s in t.sasaran.all()]
    iku = [(s, i) for s in sasaran_renstra for i in s.indikator.all() if i.is_iku]

    tahun_banding = list(range(tahun - TAHUN_BANDING + 1, tahun + 1))
    sebelumnya = tahun_banding[:-1]
    kinerja = kinerja_tahun([opd], tahun, tahun_lalu=sebelumnya)[opd.pk]
    versi = [pk for pk in pk_tahun(opd.pk, tahun) if pk.status == pk.Status.FINAL]
    target_pk = baris_target_pk([pk.pk for pk in versi])
    program_pk = baris_program_pk([pk.pk for pk in versi])
    dokumen_pk = [
        DokumenPK(
            pk=pk, pemda=pemda, target=target_pk.get(pk.pk, []), program=program_pk.get(pk.pk, [])
        )
        for pk in versi
    ]

    anggaran = anggaran_opd([opd.pk], tahun).get(opd.pk)
    dpa, pohon = anggaran if anggaran else (None, None)
    program = susunan_dpa(dpa, pohon) if dpa is not None and pohon is not None else []
    sasaran_program = {s: [p.pk for p in s.program.all()] for s in sasaran_renstra}
    per_sasaran = rekap_per_sasaran(pohon, sasaran_program) if pohon else []
    program_sasaran = {a.sasaran.pk: a.program for a in per_sasaran if a.sasaran is not None}
    kegiatan_program = {p.program.pk: [(k.kegiatan, k.rekap) for k in p.kegiatan] for p in program}
    info_program = {p.program.pk: p.info for p in program}

    nomor = Penomoran()
    tabel, gambar = {}, {}
    if laporan and laporan.struktur_organisasi:
        gambar["struktur"] = nomor.g(1, f"Struktur Organisasi {opd.nama}")
    # A caption is numbered only when its table is drawn (the templates draw these tables
    # only with a Renstra, a PK in force, a DPA): the lists of tables must point at pages.
    if renstra:
        tabel["tujuan"] = nomor.t(
            2, f"Tujuan, Sasaran dan Indikator Kinerja Renstra {_periode(renstra)}"
        )
        tabel["iku"] = nomor.t(2, f"Indikator Kinerja Utama {opd.nama}")
    if kinerja.pk and any(d.pk.pk == kinerja.pk.pk for d in dokumen_pk):
        tabel["pk"] = nomor.t(2, f"Perjanjian Kinerja Tahun {tahun}")
    if dpa:
        tabel["program"] = nomor.t(2, f"Program dan Anggaran Tahun {tahun}")
    tabel["skala"] = nomor.t(3, "Kategori Predikat Capaian Kinerja")
    tabel["pengukuran"] = nomor.t(3, f"Pengukuran Kinerja Tahun {tahun}")
    gambar["sasaran"] = nomor.g(3, f"Capaian Kinerja per Sasaran Tahun {tahun}")

    sasaran = []
    for n, s in enumerate(kinerja.sasaran, start=1):
        daftar = []
        for data in s.indikator:
            banding = [_banding(data, t) for t in sebelumnya]
            banding.append(Banding(tahun, data.target, data.hasil, data.target_teks))
            daftar.append(IndikatorLKjIP(data, banding, data.kemajuan, *_analisis_tw(data)))
        a = analisis_map.get(s.sasaran.pk)
        program_s = [
            ProgramSasaran(
                p,
                rk,
                kegiatan_program.get(p.pk, []),
                a.menunjang(p.pk) if a else None,
                info_program.get(p.pk),
            )
            for p, rk in program_sasaran.get(s.sasaran.pk, [])
        ]
        judul = f"Sasaran {n}"
        item = SasaranLKjIP(
            n,
            s,
            daftar,
            {f: render_markdown(getattr(a, f) if a else "") for f in ANALISIS},
            program_s,
            mark_safe(
                grafik.batang_capaian(  # noqa: S308 - escaped by grafik
                    batang_indikator(daftar),
                    judul=f"Capaian indikator {judul} Tahun {tahun}",
                    tampil_judul=False,
                    tinggi_baris=26,
                    bungkus=True,
                )
            ),
        )
        item.rumus_negatif = kinerja.rumus_negatif
        item.analisis_model = a
        item.tabel["target"] = nomor.t(3, f"Target dan Realisasi Kinerja {judul}")
        item.gambar = nomor.g(3, f"Capaian Indikator {judul} Tahun {tahun}")
        item.tabel["banding"] = nomor.t(
            3, f"Perbandingan Realisasi dan Capaian {judul} {tahun_banding[0]}-{tahun}"
        )
        item.tabel["kemajuan"] = nomor.t(3, f"Realisasi terhadap Target Akhir Renstra {judul}")
        if any(i.analisis or i.solusi for i in daftar):
            item.tabel["analisis"] = nomor.t(
                3, f"Analisis Keberhasilan/Kegagalan dan Solusi {judul}"
            )
        item.tabel["efisiensi"] = nomor.t(3, f"Efisiensi Penggunaan Anggaran {judul}")
        item.tabel["program"] = nomor.t(3, f"Program dan Kegiatan Pendukung {judul}")
        sasaran.append(item)

    if pohon:
        tabel["anggaran_program"] = nomor.t(3, f"Realisasi Anggaran per Program Tahun {tahun}")
        tabel["anggaran_rinci"] = nomor.t(
            3, f"Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan Tahun {tahun}"
        )
        tabel["anggaran_sasaran"] = nomor.t(3, f"Realisasi Anggaran per Sasaran Tahun {tahun}")

    grafik_sasaran = grafik.batang_capaian(
        [
            grafik.Batang(
                f"Sasaran {x.nomor}",
                x.data.capaian.nilai,
                x.data.predikat.warna if x.data.predikat else grafik.ABU,
                x.data.predikat.label if x.data.predikat else x.data.capaian.alasan,
                x.sasaran.uraian,
            )
            for x in sasaran
        ],
        judul=gambar["sasaran"].judul,
        tampil_judul=False,
        tinggi_baris=26,
        bungkus=True,
        legenda=[(r.label, r.warna) for r in kinerja.skala.rentang],
    )

    return DokumenLKjIP(
        opd=opd,
        tahun=tahun,
        pemda=pemda,
        laporan=laporan,
        narasi=narasi,
        penandatangan=penandatangan,
        tempat_tanggal=teks_tempat_tanggal(laporan, pemda, tahun),
        renstra=renstra,
        visi=periode.visi if periode else "",
        misi=misi,
        tujuan=tujuan,
        iku=iku,
        kinerja=kinerja,
        pk=dokumen_pk,
        sasaran=sasaran,
        tahun_banding=tahun_banding,
        dpa=dpa,
        anggaran=pohon,
        program=program,
        per_sasaran=per_sasaran,
        matriks=matriks_renstra(renstra) if renstra else [],
        grafik_sasaran=mark_safe(grafik_sasaran),  # noqa: S308 - escaped by grafik
        tabel=tabel,
        gambar=gambar,
        daftar_tabel=nomor.tabel,
        daftar_gambar=nomor.gambar,
    )


def _periode(renstra: Renstra | None) -> str:
    return f"{renstra.tahun_awal}-{renstra.tahun_akhir}" if renstra else ""


def render_lkjip_pdf(
    *, opd: OPD, tahun: int, laporan: LaporanKinerja | None = None, draf: bool = True
) -> bytes:
    """The LKjIP as A4 PDF bytes; a draft carries DRAF on every page and "(belum diisi)"
    where a section has no words yet."""
    dok = dokumen_lkjip(opd=opd, tahun=tahun, laporan=laporan)
    return render_pdf("laporan/lkjip_pdf.html", {"dok": dok, "draf": draf})
