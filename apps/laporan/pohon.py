"""The pohon kinerja (cascading) of a year: sasaran daerah of the RPJMD (Bupati) -> sasaran of
each OPD's Renstra (kepala OPD) -> program with its outcome indicator (pejabat administrator)
-> kegiatan with its output indicator (administrator) -> sub kegiatan with its output
indicator (pejabat pengawas), as DOMAIN.md draws it.

Built from the links the product keeps (a sasaran's `sasaran_daerah`, a program's sasaran in
the Renstra) and the DPA in force of the year (its program, kegiatan and lines); every node is
measured with its own indicators through the capaian engine (apps.pengukuran.capaian): the
OPD sasaran through the read model of the year (kinerja_tahun: the PK in force and the
triwulan values), a program and a kegiatan by the year-end realisasi entered against the
DPA's target (apps.anggaran.views.indikator), a sub kegiatan by its physical output
(the months' `fisik` summed, as the monthly entry asks for the month alone). A node's
capaian is the mean of its own indicators' (never of its children: each level answers for
its own indicator). The page, the PDF and the xlsx read this one tree.

A program supporting two sasaran appears under both, a sasaran supporting two sasaran daerah
likewise (cross-cutting, DOMAIN.md); each placement is its own node so every node has one
anchor. What is not linked hangs under "belum terhubung" so nothing of the year is lost.

The number of queries does not depend on the number of OPDs, sasaran or lines
(tests/laporan/test_pohon_kinerja.py counts them at 100 OPDs).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import tablib
from django.db.models import Sum
from django.urls import reverse

from apps.anggaran.models import DPAKegiatan, DPAProgram, RealisasiAnggaran
from apps.anggaran.perhitungan import Rekap
from apps.anggaran.selectors import anggaran_opd
from apps.core.ekspor import sel_persen
from apps.core.models import OPD, PeriodeRPJMD
from apps.core.persen import Hasil
from apps.pengukuran import capaian as engine
from apps.pengukuran.kinerja import aturan_pemda, kinerja_daerah, kinerja_tahun
from apps.perencanaan.models import (
    DukunganSasaranDaerah,
    IndikatorDaerah,
    IndikatorKinerja,
    ProgramSasaran,
    Sasaran,
    SasaranDaerah,
    TargetTahunan,
)
from apps.perencanaan.selectors import periode_rpjmd_tahun, renstra_tahun_opd, tampil_target

# The levels of the tree, top down, with who answers for each (DOMAIN.md).
TINGKAT = {
    "daerah": "Sasaran daerah",
    "sasaran": "Sasaran OPD",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub": "Sub kegiatan",
    "lepas": "Belum terhubung",
}
PENANGGUNG_JAWAB = {
    "daerah": "Bupati",
    "sasaran": "Kepala OPD",
    "program": "Pejabat administrator",
    "kegiatan": "Pejabat administrator",
    "sub": "Pejabat pengawas",
    "lepas": "",
}
KEDALAMAN = ("program", "sub")  # the kabupaten's tree stops at program; an OPD's goes down


@dataclass
class Ukuran:
    """One indicator of a node with its year: target, realisasi and capaian (engine)."""

    nama: str
    satuan: str
    target: str  # as the documents write it ("80", "Baik")
    realisasi: str
    capaian: Hasil
    sumber: str  # where the realisasi comes from
    angka_target: Decimal | None = None  # the same figures as numbers (xlsx cells)
    angka_realisasi: Decimal | None = None


@dataclass
class Simpul:
    tingkat: str
    kode: str
    nama: str
    opd: OPD | None
    ukuran: list[Ukuran] = field(default_factory=list)
    anggaran: Rekap | None = None
    anak: list[Simpul] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # to know
    masalah: list[str] = field(default_factory=list)  # a gap in the cascade to mend
    id: str = ""
    capaian: Hasil = field(default_factory=lambda: Hasil(None, "belum dihitung"))
    predikat: engine.Rentang | None = None
    tautan: str = ""  # the page where the node is kept
    dihitung: bool = False  # capaian and predikat set (an OPD sasaran: by the read model)

    @property
    def label_tingkat(self) -> str:
        return TINGKAT[self.tingkat]

    @property
    def penanggung_jawab(self) -> str:
        return PENANGGUNG_JAWAB[self.tingkat]

    @property
    def tanpa_indikator(self) -> bool:
        return not self.ukuran

    @property
    def baris_ukuran(self) -> list[Ukuran | None]:
        """The rows a printed node takes: one per indicator, one empty row without any."""
        return self.ukuran or [None]

    def jalan(self, kedalaman: int = 0):
        """(depth, node) of this node and every node under it, depth first."""
        yield kedalaman, self
        for a in self.anak:
            yield from a.jalan(kedalaman + 1)


@dataclass
class PohonKinerja:
    tahun: int
    periode: PeriodeRPJMD | None
    opd: OPD | None  # one OPD's tree, or None for the kabupaten
    kedalaman: str
    akar: list[Simpul]  # sasaran daerah, each with the OPD sasaran supporting it
    lepas: list[Simpul]  # per OPD: sasaran supporting no sasaran daerah, unlinked programs
    semua_opd: bool  # the reader sees every OPD (a sasaran daerah without support is flagged)
    # What the tree was measured with, for a reader that prints more of it (the kabupaten's
    # LKjIP): each OPD's year (kinerja_tahun), its DPA in force with its totals
    # (anggaran_opd), each IKU Pemda's year (kinerja_daerah).
    kinerja: dict = field(default_factory=dict)
    anggaran: dict = field(default_factory=dict)
    iku: dict = field(default_factory=dict)

    def simpul(self):
        """(depth, node) of the whole tree in reading order."""
        for s in [*self.akar, *self.lepas]:
            yield from s.jalan()

    def alur(self):
        """The tree as a flat sequence for the page's nested lists: ("buka", node, depth)
        opens a node, ("tutup", node, depth) closes it (no recursive template)."""
        for s in [*self.akar, *self.lepas]:
            yield from _alur(s, 0)

    def jumlah(self) -> dict[str, int]:
        """The number of distinct nodes of each level (a cross-cutting sasaran or program
        placed twice counts once)."""
        unik = {(s.tingkat, s.opd.pk if s.opd else None, s.kode) for _, s in self.simpul()}
        hasil = dict.fromkeys(TINGKAT, 0)
        for tingkat, _, _ in unik:
            hasil[tingkat] += 1
        del hasil["lepas"]
        return hasil

    def tanpa_indikator(self) -> list[Simpul]:
        return [s for _, s in self.simpul() if s.tanpa_indikator and s.tingkat != "lepas"]


def _alur(s: Simpul, d: int):
    yield "buka", s, d
    for a in s.anak:
        yield from _alur(a, d + 1)
    yield "tutup", s, d


def _teks(nilai) -> str:
    return tampil_target(nilai, "") if isinstance(nilai, Decimal) else (nilai or "")


def _ukur_dpa(nama, satuan, target, realisasi, sumber) -> Ukuran:
    """An indicator the DPA states: higher is better (a DPA carries no polarity)."""
    return Ukuran(
        nama,
        satuan,
        _teks(target),
        _teks(realisasi),
        engine.capaian(target, realisasi),
        sumber,
        target,
        realisasi,
    )


def _nilai_simpul(s: Simpul, skala) -> None:
    if s.dihitung:
        return
    s.capaian = engine.rata_rata_capaian(u.capaian for u in s.ukuran)
    if not s.ukuran:
        s.capaian = Hasil(None, "simpul tanpa indikator")
    if skala is not None:
        s.predikat = engine.predikat(s.capaian.nilai, skala.rentang, skala.tepi)


def pohon_kinerja(
    opds, tahun: int, *, opd: OPD | None = None, kedalaman: str = "sub", semua_opd: bool = False
) -> PohonKinerja:
    """The pohon kinerja of `tahun` over `opds` (the reader's OPDs; one OPD's tree with
    `opd`), down to program or to sub kegiatan (`kedalaman`). A fixed number of queries."""
    if kedalaman not in KEDALAMAN:
        raise ValueError(kedalaman)
    opds = [opd] if opd is not None else list(opds)
    opd_by_id = {o.pk: o for o in opds}
    periode = periode_rpjmd_tahun(tahun)

    # --- the RPJMD: sasaran daerah with their IKU and the year's target ---
    daerah = list(
        SasaranDaerah.objects.filter(tujuan__periode=periode)
        .select_related("tujuan")
        .order_by("tujuan__nomor", "nomor")
        if periode
        else []
    )
    iku = defaultdict(list)
    for i in IndikatorDaerah.objects.filter(sasaran__in=daerah).order_by("nomor") if daerah else []:
        iku[i.sasaran_id].append(i)
    # measured as the IKU Pemda page measures them: entered, or an OPD indicator's values
    tahun_iku = kinerja_daerah([i for v in iku.values() for i in v], tahun)

    # --- each OPD's Renstra sasaran of the year, measured through the read model ---
    renstra = renstra_tahun_opd(opd_by_id, tahun)
    sasaran = list(
        Sasaran.objects.filter(tujuan__renstra__in=renstra.values())
        .select_related("tujuan__renstra")
        .order_by("tujuan__renstra__opd__kode", "tujuan__nomor", "nomor")
    )
    kinerja = kinerja_tahun(opds, tahun, status=False)
    diukur = {st.sasaran.pk: st for k in kinerja.values() for st in k.sasaran}
    # A sasaran outside the PK in force is shown with its Renstra indicators and targets.
    renstra_ind = defaultdict(list)
    belum_diukur = [s.pk for s in sasaran if s.pk not in diukur]
    if belum_diukur:
        target_renstra = {
            i: tampil_target(t, tt)
            for i, t, tt in TargetTahunan.objects.filter(
                indikator__sasaran_id__in=belum_diukur, tahun=tahun
            )
            .order_by()
            .values_list("indikator_id", "target", "target_teks")
        }
        for i in IndikatorKinerja.objects.filter(sasaran_id__in=belum_diukur).order_by("nomor"):
            renstra_ind[i.sasaran_id].append((i, target_renstra.get(i.pk, "")))
    dukung = defaultdict(list)
    for s_id, d_id in (
        DukunganSasaranDaerah.objects.filter(sasaran__in=sasaran, sasaran_daerah__in=daerah)
        .order_by()
        .values_list("sasaran_id", "sasaran_daerah_id")
    ):
        dukung[d_id].append(s_id)
    terhubung_daerah = {s for v in dukung.values() for s in v}
    program_sasaran = defaultdict(set)
    for s_id, p_id in (
        ProgramSasaran.objects.filter(sasaran__in=sasaran)
        .order_by()
        .values_list("sasaran_id", "program_id")
    ):
        program_sasaran[s_id].add(p_id)

    # --- the DPA in force: program -> kegiatan -> line with their indicators ---
    rinci = kedalaman == "sub"
    anggaran = anggaran_opd(list(opd_by_id), tahun, baris=rinci)
    dpa_ids = [d.pk for d, _ in anggaran.values()]
    info_program = {
        (x.dpa_id, x.program_id): x for x in DPAProgram.objects.filter(dpa_id__in=dpa_ids)
    }
    info_kegiatan, fisik = {}, {}
    if rinci and dpa_ids:
        info_kegiatan = {
            (x.dpa_id, x.kegiatan_id): x for x in DPAKegiatan.objects.filter(dpa_id__in=dpa_ids)
        }
        fisik = dict(
            RealisasiAnggaran.objects.filter(rincian__dpa_id__in=dpa_ids, fisik__isnull=False)
            .order_by()
            .values("rincian_id")
            .annotate(s=Sum("fisik"))
            .values_list("rincian_id", "s")
        )

    def simpul_program(opd_id, program, rekap, induk_id) -> Simpul:
        d, pohon = anggaran[opd_id]
        info = info_program.get((d.pk, program.pk))
        s = Simpul(
            "program",
            program.kode,
            program.nama,
            opd_by_id[opd_id],
            anggaran=rekap,
            id=f"{induk_id}-p{program.pk}",
            tautan=reverse("anggaran:indikator", args=[opd_id, tahun]) + f"#program-{program.pk}",
        )
        if info and info.indikator:
            s.ukuran.append(
                _ukur_dpa(info.indikator, info.satuan, info.target, info.realisasi, "DPA")
            )
        if rinci:
            for k, rk in sorted(pohon.kegiatan.items(), key=lambda x: x[0].kode):
                if k.program_id == program.pk:
                    s.anak.append(simpul_kegiatan(opd_id, k, rk, s.id))
        return s

    def simpul_kegiatan(opd_id, kegiatan, rekap, induk_id) -> Simpul:
        d, pohon = anggaran[opd_id]
        info = info_kegiatan.get((d.pk, kegiatan.pk))
        s = Simpul(
            "kegiatan",
            kegiatan.kode,
            kegiatan.nama,
            opd_by_id[opd_id],
            anggaran=rekap,
            id=f"{induk_id}-k{kegiatan.pk}",
            tautan=reverse("anggaran:indikator", args=[opd_id, tahun]) + f"#kegiatan-{kegiatan.pk}",
        )
        if info and info.indikator:
            s.ukuran.append(
                _ukur_dpa(info.indikator, info.satuan, info.target, info.realisasi, "DPA")
            )
        for r, rr in pohon.baris:
            if r.kegiatan_id != kegiatan.pk:
                continue
            ukur = (
                [
                    _ukur_dpa(
                        r.indikator, r.satuan, r.target, fisik.get(r.pk), "realisasi fisik bulanan"
                    )
                ]
                if r.indikator
                else []
            )
            if r.sub_kegiatan_id is None:
                # Before 2021 a kegiatan is budgeted as one line: its indicator is the line's.
                if not s.ukuran:
                    s.ukuran = ukur
                continue
            s.anak.append(
                Simpul(
                    "sub",
                    r.sub_kegiatan.kode,
                    r.sub_kegiatan.nama,
                    opd_by_id[opd_id],
                    ukuran=ukur,
                    anggaran=rr,
                    id=f"{s.id}-r{r.pk}",
                    tautan=reverse("anggaran:dpa", args=[opd_id, tahun]) + f"#rincian-{r.pk}",
                )
            )
        return s

    def simpul_sasaran(s: Sasaran, induk_id: str) -> Simpul:
        opd_id = s.tujuan.renstra.opd_id
        n = Simpul(
            "sasaran",
            f"{s.tujuan.nomor}.{s.nomor}",
            s.uraian,
            opd_by_id[opd_id],
            id=f"{induk_id}-s{s.pk}",
            tautan=reverse("perencanaan:renstra", args=[s.tujuan.renstra_id])
            + f"?tahun={tahun}#sasaran-{s.pk}",
        )
        st = diukur.get(s.pk)
        if st is not None:
            pk = kinerja[opd_id].pk
            for b in st.indikator:
                tahunan = b.hasil.tahunan
                realisasi = (
                    b.hasil.tahunan_teks if b.teks else (tahunan.nilai if tahunan.ada else None)
                )
                n.ukuran.append(
                    Ukuran(
                        b.indikator.nama,
                        b.indikator.satuan,
                        tampil_target(b.target, b.target_teks),
                        _teks(realisasi),
                        b.hasil.capaian,
                        f"{pk.judul} · realisasi triwulan" if pk else "realisasi triwulan",
                        b.target,
                        realisasi if isinstance(realisasi, Decimal) else None,
                    )
                )
            n.capaian, n.predikat, n.dihitung = st.capaian, st.predikat, bool(n.ukuran)
        else:
            for i, t in renstra_ind.get(s.pk, []):
                n.ukuran.append(
                    Ukuran(
                        i.nama,
                        i.satuan,
                        t,
                        "",
                        Hasil(None, f"tidak ada di Perjanjian Kinerja final {tahun}"),
                        "Renstra",
                    )
                )
            if n.ukuran:
                n.catatan.append(f"Belum diukur: belum ada Perjanjian Kinerja final {tahun}.")
        if opd_id in anggaran:
            _, pohon = anggaran[opd_id]
            for p, rp in sorted(pohon.program.items(), key=lambda x: x[0].kode):
                if p.pk in program_sasaran[s.pk]:
                    n.anak.append(simpul_program(opd_id, p, rp, n.id))
        return n

    # --- put it together ---
    akar = []
    sasaran_by_id = {s.pk: s for s in sasaran}
    for sd in daerah:
        n = Simpul(
            "daerah",
            f"{sd.tujuan.nomor}.{sd.nomor}",
            sd.uraian,
            None,
            id=f"d{sd.pk}",
            tautan=reverse("pengukuran:iku_pemda", args=[tahun, 4])
            + (f"#iku-{iku[sd.pk][0].pk}" if iku[sd.pk] else ""),
        )
        for i in iku[sd.pk]:
            k = tahun_iku[i.pk]
            nilai = k.hasil.tahunan.nilai if k.hasil.tahunan.ada else None
            n.ukuran.append(
                Ukuran(
                    i.nama,
                    i.satuan,
                    _teks(k.target),
                    _teks(nilai),
                    k.hasil.capaian,
                    f"IKU Pemda, {k.sumber}",
                    k.target,
                    nilai,
                )
            )
        n.anak = [
            simpul_sasaran(sasaran_by_id[s_id], n.id) for s_id in _urut(dukung[sd.pk], sasaran)
        ]
        if semua_opd and not n.anak:
            n.masalah.append("Belum didukung sasaran OPD mana pun.")
        if n.anak or opd is None:
            akar.append(n)

    lepas = []
    for o in opds:
        sendiri = [s for s in sasaran if s.tujuan.renstra.opd_id == o.pk]
        n = Simpul(
            "lepas",
            o.kode,
            f"{o.nama} — di luar pohon kinerja",
            o,
            id=f"o{o.pk}",
            tautan=reverse("perencanaan:opd", args=[o.pk]),
        )
        for s in sendiri:
            if s.pk not in terhubung_daerah:
                c = simpul_sasaran(s, n.id)
                c.masalah.append("Belum terhubung ke sasaran daerah RPJMD.")
                n.anak.append(c)
        if o.pk in anggaran:
            ditautkan = set().union(*(program_sasaran[s.pk] for s in sendiri))
            _, pohon = anggaran[o.pk]
            for p, rp in sorted(pohon.program.items(), key=lambda x: x[0].kode):
                if p.pk not in ditautkan:
                    c = simpul_program(o.pk, p, rp, n.id)
                    c.masalah.append("Program DPA ini tidak terhubung ke sasaran Renstra.")
                    n.anak.append(c)
        if n.anak:
            lepas.append(n)

    hasil = PohonKinerja(
        tahun, periode, opd, kedalaman, akar, lepas, semua_opd, kinerja, anggaran, tahun_iku
    )
    skala_pemda = aturan_pemda().skala
    for _, s in hasil.simpul():
        if s.tingkat == "lepas":
            continue
        k = kinerja.get(s.opd.pk) if s.opd else None
        _nilai_simpul(s, k.skala if k else skala_pemda)
        if s.tanpa_indikator:
            s.masalah.append("Belum ada indikator.")
    return hasil


def _urut(ids, sasaran) -> list[int]:
    """The sasaran ids in the order of `sasaran` (OPD code, tujuan, number)."""
    ada = set(ids)
    return [s.pk for s in sasaran if s.pk in ada]


KOLOM_TABEL = (
    "Tingkat",
    "Kode",
    "Uraian",
    "OPD",
    "Penanggung jawab",
    "Indikator",
    "Satuan",
    "Target",
    "Realisasi",
    "Capaian (%)",
    "Sumber realisasi",
    "Capaian simpul (%)",
    "Predikat",
    "Pagu (Rp)",
    "Realisasi anggaran (Rp)",
    "Serapan (%)",
    "Catatan",
)


def pohon_tabel(pohon: PohonKinerja) -> tablib.Dataset:
    """The tree as rows for the xlsx: one row per indicator of each node (one row for a node
    without any), the node's level indented in `Uraian` by its depth, every figure as the
    page shows it (capaian of the engine, budget summed from the DPA lines)."""
    data = tablib.Dataset(headers=KOLOM_TABEL, title="Pohon Kinerja")
    for kedalaman, s in pohon.simpul():
        for n, u in enumerate(s.baris_ukuran):
            pertama = n == 0
            data.append(
                (
                    s.label_tingkat if pertama else "",
                    s.kode if pertama else "",
                    ("    " * kedalaman + s.nama) if pertama else "",
                    (s.opd.nama if s.opd else "") if pertama else "",
                    s.penanggung_jawab if pertama else "",
                    u.nama if u else "",
                    u.satuan if u else "",
                    _sel(u.angka_target, u.target) if u else "",
                    _sel(u.angka_realisasi, u.realisasi) if u else "",
                    sel_persen(u.capaian) if u else "",
                    u.sumber if u else "",
                    sel_persen(s.capaian) if pertama else "",
                    (s.predikat.label if s.predikat else "") if pertama else "",
                    s.anggaran.pagu if pertama and s.anggaran else "",
                    s.anggaran.realisasi if pertama and s.anggaran else "",
                    sel_persen(s.anggaran.serapan) if pertama and s.anggaran else "",
                    " ".join([*s.masalah, *s.catatan]) if pertama else "",
                )
            )
    return data


def _sel(angka, teks):
    return angka if angka is not None else teks
