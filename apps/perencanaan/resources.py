"""Exports and import templates of planning data with django-import-export, in the columns
apps.perencanaan.impor reads, so an exported file can be corrected and imported back: the
yearly targets of a Renstra, the targets of a PK, the Renstra matrix. Numbers go to xlsx as
numbers and to csv the Indonesian way (1.234.567,89)."""

import tablib
from django.utils import timezone
from import_export import fields

from apps.core.ekspor import ResourceEkspor, sel_angka
from apps.core.models import PeriodeRPJMD

from .impor import (
    KOLOM_MATRIKS,
    KOLOM_TARGET_PK,
    kode_indikator,
    kolom_target_renstra,
    kolom_target_rpjmd,
)
from .models import IndikatorDaerah, IndikatorKinerja, PKIndikator, RencanaProgram, Renstra
from .selectors import periode_rpjmd_tahun


def _target(angka, teks, csv: bool):
    return teks if angka is None else sel_angka(angka, csv=csv)


class TargetRenstraResource(ResourceEkspor):
    """One row per indicator of a Renstra: a "Target <tahun>" column for every year of its
    period, then the end-of-period target."""

    kode = fields.Field(column_name="Kode Indikator")
    indikator = fields.Field(attribute="nama", column_name="Indikator")
    satuan = fields.Field(attribute="satuan", column_name="Satuan")
    target_akhir = fields.Field(column_name="Target Akhir Periode")
    kode_opd = fields.Field(column_name="Kode OPD")

    class Meta:
        model = IndikatorKinerja
        fields = ("kode", "indikator", "satuan", "target_akhir", "kode_opd")

    def __init__(self, *, renstra: Renstra, csv: bool = False):
        super().__init__(csv=csv)
        tahun_list = range(renstra.tahun_awal, renstra.tahun_akhir + 1)
        for t in tahun_list:
            self.fields[f"target_{t}"] = fields.Field(
                column_name=f"Target {t}", dehydrate_method=self._dehydrate_tahun(t)
            )
        self.urutan = (
            "kode",
            "indikator",
            "satuan",
            *(f"target_{t}" for t in tahun_list),
            "target_akhir",
            "kode_opd",
        )

    def _dehydrate_tahun(self, tahun: int):
        def dehydrate(ind):
            t = next((x for x in ind.target_tahunan.all() if x.tahun == tahun), None)
            return "" if t is None else _target(t.target, t.target_teks, self.csv)

        return dehydrate

    def dehydrate_kode(self, ind):
        return kode_indikator(ind)

    def dehydrate_target_akhir(self, ind):
        return (
            _target(ind.target_akhir, ind.target_akhir_teks, self.csv)
            if ind.target_akhir is not None or ind.target_akhir_teks
            else ""
        )

    def dehydrate_kode_opd(self, ind):
        return ind.sasaran.tujuan.renstra.opd.kode


class TargetRPJMDResource(ResourceEkspor):
    """One row per IKU Pemda of an RPJMD period: a "Target <tahun>" column for every year of
    the period, then the end target (the columns apps.perencanaan.impor reads back)."""

    kode = fields.Field(column_name="Kode Indikator")
    indikator = fields.Field(attribute="nama", column_name="Indikator")
    satuan = fields.Field(attribute="satuan", column_name="Satuan")
    target_akhir = fields.Field(column_name="Target Akhir Periode")

    class Meta:
        model = IndikatorDaerah
        fields = ("kode", "indikator", "satuan", "target_akhir")

    def __init__(self, *, periode: PeriodeRPJMD, csv: bool = False):
        super().__init__(csv=csv)
        tahun_list = range(periode.tahun_awal, periode.tahun_akhir + 1)
        for t in tahun_list:
            self.fields[f"target_{t}"] = fields.Field(
                column_name=f"Target {t}", dehydrate_method=self._dehydrate_tahun(t)
            )
        self.urutan = (
            "kode",
            "indikator",
            "satuan",
            *(f"target_{t}" for t in tahun_list),
            "target_akhir",
        )

    def _dehydrate_tahun(self, tahun: int):
        def dehydrate(ind):
            t = next((x for x in ind.target_tahunan.all() if x.tahun == tahun), None)
            return "" if t is None else sel_angka(t.target, csv=self.csv)

        return dehydrate

    def dehydrate_kode(self, ind):
        return kode_indikator(ind)

    def dehydrate_target_akhir(self, ind):
        return "" if ind.target_akhir is None else sel_angka(ind.target_akhir, csv=self.csv)


KOLOM_PK = tuple(k.kunci for k in KOLOM_TARGET_PK)
KOLOM_RENCANA = tuple(k.kunci for k in KOLOM_MATRIKS)


class TargetPKResource(ResourceEkspor):
    kode = fields.Field(column_name="Kode Indikator")
    indikator = fields.Field(column_name="Indikator")
    satuan = fields.Field(column_name="Satuan")
    target = fields.Field(column_name="Target")
    kode_opd = fields.Field(column_name="Kode OPD")

    urutan = KOLOM_PK

    class Meta:
        model = PKIndikator
        fields = KOLOM_PK

    def dehydrate_kode(self, r):
        return kode_indikator(r.indikator)

    def dehydrate_indikator(self, r):
        return r.indikator.nama

    def dehydrate_satuan(self, r):
        return r.indikator.satuan

    def dehydrate_target(self, r):
        return _target(r.target, r.target_teks, self.csv)

    def dehydrate_kode_opd(self, r):
        return r.pk_dokumen.opd.kode


class MatriksRenstraResource(ResourceEkspor):
    periode = fields.Field(attribute="periode", column_name="Periode")
    tahun_awal = fields.Field(column_name="Tahun Awal")
    tahun_akhir = fields.Field(column_name="Tahun Akhir")
    kode = fields.Field(attribute="kode", column_name="Kode")
    uraian = fields.Field(attribute="uraian", column_name="Uraian")
    indikator = fields.Field(attribute="indikator", column_name="Indikator")
    target_k = fields.Field(column_name="Target (K)")
    satuan = fields.Field(attribute="satuan", column_name="Satuan")
    target_rp = fields.Field(column_name="Target (Rp)")
    realisasi_k = fields.Field(column_name="Realisasi (K)")
    realisasi_rp = fields.Field(column_name="Realisasi (Rp)")
    unit_penanggung_jawab = fields.Field(
        attribute="unit_penanggung_jawab", column_name="Unit Penanggung Jawab"
    )
    kode_opd = fields.Field(column_name="Kode OPD")

    urutan = KOLOM_RENCANA

    class Meta:
        model = RencanaProgram
        fields = KOLOM_RENCANA

    def dehydrate_tahun_awal(self, r):
        return r.tahun_awal

    def dehydrate_tahun_akhir(self, r):
        return r.tahun_akhir

    def dehydrate_target_k(self, r):
        return self.angka(r.target_k)

    def dehydrate_target_rp(self, r):
        return self.angka(r.target_rp)

    def dehydrate_realisasi_k(self, r):
        return self.angka(r.realisasi_k)

    def dehydrate_realisasi_rp(self, r):
        return self.angka(r.realisasi_rp)

    def dehydrate_kode_opd(self, r):
        return r.renstra.opd.kode


def _data(data: tablib.Dataset) -> tablib.Dataset:
    data.title = "Data"
    return data


def ekspor_target_renstra(renstra: Renstra, *, csv: bool) -> tablib.Dataset:
    """Every indicator of a Renstra with its yearly and end targets, in tree order."""
    qs = (
        IndikatorKinerja.objects.filter(sasaran__tujuan__renstra=renstra)
        .select_related("sasaran__tujuan__renstra__opd")
        .prefetch_related("target_tahunan")
        .order_by("sasaran__tujuan__nomor", "sasaran__nomor", "nomor")
    )
    return _data(TargetRenstraResource(renstra=renstra, csv=csv).export(qs))


def ekspor_target_rpjmd(periode: PeriodeRPJMD, *, csv: bool) -> tablib.Dataset:
    """Every IKU Pemda of an RPJMD period with its yearly and end targets, in plan order."""
    qs = (
        IndikatorDaerah.objects.filter(sasaran__tujuan__periode=periode)
        .select_related("sasaran__tujuan")
        .prefetch_related("target_tahunan")
        .order_by("sasaran__tujuan__nomor", "sasaran__nomor", "nomor")
    )
    return _data(TargetRPJMDResource(periode=periode, csv=csv).export(qs))


def ekspor_target_pk(pk, *, csv: bool) -> tablib.Dataset:
    """The targets of one version of a PK, in tree order."""
    qs = (
        PKIndikator.objects.filter(pk_dokumen=pk)
        .select_related("indikator__sasaran__tujuan", "pk_dokumen__opd")
        .order_by(
            "indikator__sasaran__tujuan__nomor", "indikator__sasaran__nomor", "indikator__nomor"
        )
    )
    return _data(TargetPKResource(csv=csv).export(qs))


def ekspor_matriks(renstra: Renstra, *, csv: bool) -> tablib.Dataset:
    """The Renstra matrix, block after block in its own order."""
    qs = (
        RencanaProgram.objects.filter(renstra=renstra)
        .select_related("renstra__opd")
        .order_by("tahun_awal", "tahun_akhir", "urutan", "pk")
    )
    return _data(MatriksRenstraResource(csv=csv).export(qs))


def _tahun_contoh() -> tuple[int, int]:
    """The years of the target template: the RPJMD period of this year, else five years from
    this year. (An OPD's own export carries its Renstra's years.)"""
    tahun = timezone.localdate().year
    periode = periode_rpjmd_tahun(tahun)
    return (periode.tahun_awal, periode.tahun_akhir) if periode else (tahun, tahun + 4)


def templat(jenis: str) -> tablib.Dataset:
    """An empty file to fill in: the importer's headers and one example row."""
    if jenis == "target_rpjmd":
        awal, akhir = _tahun_contoh()
        kolom = kolom_target_rpjmd(awal, akhir)
        contoh = [
            [
                "1.1.1",
                "Indeks Kepuasan Masyarakat",
                "skor",
                *["80" for _ in range(akhir - awal + 1)],
                "80",
            ]
        ]
    elif jenis == "target_renstra":
        awal, akhir = _tahun_contoh()
        kolom = kolom_target_renstra(Renstra(tahun_awal=awal, tahun_akhir=akhir))
        contoh = [
            [
                "1.1.1",
                "Indeks Kepuasan Masyarakat",
                "Nilai",
                *[f"{80 + i},5" for i in range(akhir - awal + 1)],
                "85",
            ]
        ]
    elif jenis == "target_pk":
        kolom = KOLOM_TARGET_PK
        contoh = [["1.1.1", "Indeks Kepuasan Masyarakat", "Nilai", "82,5"]]
    else:
        kolom = KOLOM_MATRIKS
        contoh = [
            [
                "Periode RPJMD Induk (Tahun 2019-2020)",
                "2019",
                "2020",
                "4,01,05,01",
                "Program Pelayanan Administrasi Perkantoran",
                "Indeks Kepuasan Aparatur",
                "100",
                "Nilai",
                "",
                "80",
                "",
            ],
            [
                "Periode RPJMD Induk (Tahun 2019-2020)",
                "2019",
                "2020",
                "4,01,05,01,20",
                "Penyediaan Jasa dan Pelayanan Administrasi Perkantoran",
                "Terpenuhinya Kebutuhan Jasa dan Pelayanan Administrasi Perkantoran",
                "24",
                "Bulan",
                "1.495.520.000",
                "24",
                "1.430.200.000",
            ],
        ]
    data = tablib.Dataset(headers=[k.judul for k in kolom], title="Data")
    for baris in contoh:
        data.append(baris + [""] * (len(kolom) - len(baris)))
    return data
