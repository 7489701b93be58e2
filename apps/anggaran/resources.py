"""Exports and import templates with django-import-export: the same columns the importer
reads (apps.anggaran.impor.KOLOM), so an exported file can be corrected and imported back.
Numbers go to xlsx as numbers and to csv the Indonesian way (1.234.567,89, `;` separated)."""

import tablib
from import_export import fields

from apps.core.ekspor import ResourceEkspor

from .impor import KOLOM
from .models import RealisasiAnggaran, RincianDPA

CONTOH = {
    "nomenklatur": [
        ["7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"],
        ["7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"],
        ["7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan"],
    ],
    "dpa": [
        [
            "7.01.02.2.01.0002",
            "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
            "Jumlah Kegiatan Pemerintahan di Kecamatan",
            "25",
            "Kegiatan",
            "16.398.050",
            "",
        ]
    ],
    "realisasi": [
        [
            "7.01.02.2.01.0002",
            "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
            "11",
            "1.250.000",
            "2",
            "Rapat koordinasi",
            "",
        ]
    ],
}


class RincianDPAResource(ResourceEkspor):
    kode = fields.Field(column_name="Kode")
    uraian = fields.Field(column_name="Uraian")
    indikator = fields.Field(attribute="indikator", column_name="Indikator")
    target = fields.Field(column_name="Target")
    satuan = fields.Field(attribute="satuan", column_name="Satuan")
    pagu = fields.Field(column_name="Pagu (Rp)")
    kode_opd = fields.Field(column_name="Kode OPD")

    class Meta:
        model = RincianDPA
        fields = ("kode", "uraian", "indikator", "target", "satuan", "pagu", "kode_opd")
        export_order = fields

    def dehydrate_kode(self, r):
        return r.kode

    def dehydrate_uraian(self, r):
        return (r.sub_kegiatan or r.kegiatan).nama

    def dehydrate_target(self, r):
        return self.angka(r.target)

    def dehydrate_pagu(self, r):
        return self.angka(r.pagu)

    def dehydrate_kode_opd(self, r):
        return r.dpa.opd.kode


class RealisasiAnggaranResource(ResourceEkspor):
    kode = fields.Field(column_name="Kode")
    uraian = fields.Field(column_name="Uraian")
    bulan = fields.Field(attribute="bulan", column_name="Bulan")
    realisasi = fields.Field(column_name="Realisasi (Rp)")
    fisik = fields.Field(column_name="Fisik (K)")
    keterangan = fields.Field(attribute="keterangan", column_name="Keterangan")
    kode_opd = fields.Field(column_name="Kode OPD")

    class Meta:
        model = RealisasiAnggaran
        fields = ("kode", "uraian", "bulan", "realisasi", "fisik", "keterangan", "kode_opd")
        export_order = fields

    def dehydrate_kode(self, r):
        return r.rincian.kode

    def dehydrate_uraian(self, r):
        return (r.rincian.sub_kegiatan or r.rincian.kegiatan).nama

    def dehydrate_realisasi(self, r):
        return self.angka(r.realisasi)

    def dehydrate_fisik(self, r):
        return self.angka(r.fisik)

    def dehydrate_kode_opd(self, r):
        return r.rincian.dpa.opd.kode


def templat(jenis: str) -> tablib.Dataset:
    """An empty file to fill in: the importer's headers and one example row."""
    data = tablib.Dataset(headers=[k.judul for k in KOLOM[jenis]], title="Data")
    for baris in CONTOH[jenis]:
        data.append(baris + [""] * (len(KOLOM[jenis]) - len(baris)))
    return data


def ekspor(jenis: str, dpa, *, csv: bool) -> tablib.Dataset:
    """A DPA's lines, or its monthly realisation, in the importer's columns."""
    if jenis == "dpa":
        qs = (
            RincianDPA.objects.filter(dpa=dpa)
            .select_related("kegiatan", "sub_kegiatan", "dpa__opd")
            .order_by("kegiatan__kode", "sub_kegiatan__kode")
        )
        data = RincianDPAResource(csv=csv).export(qs)
    else:
        qs = (
            RealisasiAnggaran.objects.filter(rincian__dpa=dpa)
            .select_related("rincian__kegiatan", "rincian__sub_kegiatan", "rincian__dpa__opd")
            .order_by("rincian__kegiatan__kode", "rincian__sub_kegiatan__kode", "bulan")
        )
        data = RealisasiAnggaranResource(csv=csv).export(qs)
    data.title = "Data"
    return data
