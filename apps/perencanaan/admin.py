from django.contrib import admin

from apps.core.admin_scope import HanyaBacaMixin, JenisOPDFilter, ScopedAdmin, ScopedTabularInline

from .models import (
    DukunganSasaranDaerah,
    IndikatorDaerah,
    IndikatorKinerja,
    PerjanjianKinerja,
    PilihanNilai,
    PKIndikator,
    PKProgram,
    ProgramSasaran,
    RencanaProgram,
    Renstra,
    Sasaran,
    SasaranDaerah,
    TargetDaerah,
    TargetTahunan,
    Tujuan,
    TujuanDaerah,
)


class TujuanInline(ScopedTabularInline):
    model = Tujuan
    show_change_link = True


@admin.register(Renstra)
class RenstraAdmin(ScopedAdmin):
    list_display = ["opd", "tahun_awal", "tahun_akhir", "periode_rpjmd"]
    list_filter = ["tahun_awal", ("opd__jenis", JenisOPDFilter)]
    search_fields = ["opd__nama"]
    list_select_related = ["opd", "periode_rpjmd"]
    inlines = [TujuanInline]


class SasaranInline(ScopedTabularInline):
    model = Sasaran
    fields = ["nomor", "uraian", "misi"]
    show_change_link = True


@admin.register(Tujuan)
class TujuanAdmin(ScopedAdmin):
    list_display = ["uraian", "renstra"]
    search_fields = ["uraian"]
    list_select_related = ["renstra__opd"]
    inlines = [SasaranInline]


class IndikatorInline(ScopedTabularInline):
    model = IndikatorKinerja
    fields = ["nomor", "nama", "satuan", "polaritas", "agregasi", "is_iku"]
    show_change_link = True


class ProgramSasaranInline(ScopedTabularInline):
    model = ProgramSasaran
    autocomplete_fields = ["program"]
    verbose_name = "program pendukung"
    verbose_name_plural = "program pendukung (anggaran sasaran = jumlah program ini)"


class DukunganSasaranDaerahInline(ScopedTabularInline):
    """The sasaran daerah of the RPJMD this sasaran supports (refused from another period)."""

    model = DukunganSasaranDaerah
    autocomplete_fields = ["sasaran_daerah"]
    verbose_name = "sasaran RPJMD yang didukung"
    verbose_name_plural = "sasaran RPJMD yang didukung (pohon kinerja)"


@admin.register(Sasaran)
class SasaranAdmin(ScopedAdmin):
    list_display = ["uraian", "tujuan", "misi"]
    search_fields = ["uraian"]
    list_select_related = ["tujuan__renstra__opd", "misi"]
    inlines = [IndikatorInline, ProgramSasaranInline, DukunganSasaranDaerahInline]


class TargetTahunanInline(ScopedTabularInline):
    model = TargetTahunan
    fields = ["tahun", "target", "target_teks"]


class PilihanNilaiInline(ScopedTabularInline):
    model = PilihanNilai


@admin.register(IndikatorKinerja)
class IndikatorKinerjaAdmin(ScopedAdmin):
    list_display = ["nama", "satuan", "polaritas", "agregasi", "is_iku", "opd_nama"]
    list_filter = ["is_iku", "polaritas", "agregasi", "jenis_nilai"]
    search_fields = ["nama"]
    list_select_related = ["sasaran__tujuan__renstra__opd"]
    inlines = [TargetTahunanInline, PilihanNilaiInline]

    @admin.display(description="OPD")
    def opd_nama(self, obj):
        return obj.sasaran.tujuan.renstra.opd


class PKBarisInline(HanyaBacaMixin, ScopedTabularInline):
    """Rows of a PK, shown read-only like the PK itself."""

    extra = 0


class PKIndikatorInline(PKBarisInline):
    model = PKIndikator
    fields = ["indikator", "target", "target_teks"]


class PKProgramInline(PKBarisInline):
    model = PKProgram
    fields = ["program", "anggaran", "keterangan"]


# A PK is created, edited, finalised and revised on the planning pages, which fill it from the
# Renstra and the DPA, keep a final version read-only and allow a perubahan only from the
# latest final one; the admin only shows it.
@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(HanyaBacaMixin, ScopedAdmin):
    list_display = [
        "opd",
        "tahun",
        "judul",
        "status",
        "tanggal",
        "pihak_pertama_nama",
        "pihak_kedua_jabatan",
    ]
    list_filter = ["tahun", "status", "versi"]
    search_fields = ["opd__nama", "pihak_pertama_nama", "pihak_kedua_nama"]
    list_select_related = ["opd"]
    inlines = [PKIndikatorInline, PKProgramInline]
    fieldsets = [
        (None, {"fields": ["opd", "tahun", "versi", "status", "tempat", "tanggal"]}),
        ("Perubahan", {"fields": ["alasan_perubahan", "keterangan_perubahan"]}),
        (
            "Para pihak",
            {
                "fields": [
                    "pihak_pertama_nama",
                    "pihak_pertama_nip",
                    "pihak_pertama_pangkat",
                    "pihak_pertama_jabatan",
                    "pihak_kedua_nama",
                    "pihak_kedua_nip",
                    "pihak_kedua_pangkat",
                    "pihak_kedua_jabatan",
                ]
            },
        ),
        ("Pernyataan", {"fields": ["pernyataan"]}),
        ("Finalisasi", {"fields": ["difinalkan_pada", "difinalkan_oleh"]}),
    ]


@admin.register(RencanaProgram)
class RencanaProgramAdmin(ScopedAdmin):
    list_display = ["kode", "uraian", "periode", "target_k", "satuan", "target_rp", "realisasi_rp"]
    list_filter = ["periode", "tingkat"]
    search_fields = ["kode", "uraian"]
    list_select_related = ["renstra__opd"]


# The kabupaten's RPJMD: master data, written by Bagian Organisasi (can_manage_master).


class SasaranDaerahInline(ScopedTabularInline):
    model = SasaranDaerah
    fields = ["nomor", "uraian"]
    show_change_link = True


@admin.register(TujuanDaerah)
class TujuanDaerahAdmin(ScopedAdmin):
    list_display = ["nomor", "uraian", "periode", "misi"]
    list_filter = ["periode"]
    search_fields = ["uraian"]
    list_select_related = ["periode", "misi"]
    inlines = [SasaranDaerahInline]


class IndikatorDaerahInline(ScopedTabularInline):
    model = IndikatorDaerah
    fields = ["nomor", "nama", "satuan", "polaritas", "agregasi", "target_akhir"]
    show_change_link = True


@admin.register(SasaranDaerah)
class SasaranDaerahAdmin(ScopedAdmin):
    list_display = ["uraian", "tujuan"]
    list_filter = ["tujuan__periode"]
    search_fields = ["uraian"]
    list_select_related = ["tujuan__periode"]
    inlines = [IndikatorDaerahInline]


class TargetDaerahInline(ScopedTabularInline):
    model = TargetDaerah
    fields = ["tahun", "target"]


@admin.register(IndikatorDaerah)
class IndikatorDaerahAdmin(ScopedAdmin):
    list_display = ["nama", "satuan", "polaritas", "target_akhir", "sasaran", "sumber"]
    list_filter = ["polaritas", "sasaran__tujuan__periode"]
    search_fields = ["nama"]
    list_select_related = ["sasaran__tujuan", "sumber"]
    # an OPD indicator found by its name, not picked from every indicator of every OPD
    autocomplete_fields = ["sumber"]
    inlines = [TargetDaerahInline]
