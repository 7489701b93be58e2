from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from apps.core.admin_scope import ScopedAdmin, ScopedTabularInline

from .models import (
    IndikatorKinerja,
    PerjanjianKinerja,
    PilihanNilai,
    PKIndikator,
    PKProgram,
    ProgramSasaran,
    RencanaProgram,
    Renstra,
    Sasaran,
    TargetTahunan,
    Tujuan,
)
from .services import pk_copy_signatories, pk_finalize


class TujuanInline(ScopedTabularInline):
    model = Tujuan
    show_change_link = True


@admin.register(Renstra)
class RenstraAdmin(ScopedAdmin):
    list_display = ["opd", "tahun_awal", "tahun_akhir", "periode_rpjmd"]
    list_filter = ["tahun_awal", "opd__jenis"]
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


@admin.register(Sasaran)
class SasaranAdmin(ScopedAdmin):
    list_display = ["uraian", "tujuan", "misi"]
    search_fields = ["uraian"]
    list_select_related = ["tujuan__renstra__opd", "misi"]
    inlines = [IndikatorInline, ProgramSasaranInline]


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


class FinalReadOnlyInline(ScopedTabularInline):
    """Rows of a final PK are read-only for everyone."""

    def _final(self, obj):
        return obj is not None and obj.status == PerjanjianKinerja.Status.FINAL

    def has_add_permission(self, request, obj=None):
        return not self._final(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._final(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._final(obj) and super().has_delete_permission(request, obj)


class PKIndikatorInline(FinalReadOnlyInline):
    model = PKIndikator
    fields = ["indikator", "target", "target_teks"]


class PKProgramInline(FinalReadOnlyInline):
    model = PKProgram
    fields = ["program", "anggaran", "keterangan"]
    autocomplete_fields = ["program"]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(ScopedAdmin):
    list_display = ["opd", "tahun", "judul", "status", "tanggal", "pihak_pertama_nama",
                    "pihak_kedua_jabatan"]
    list_filter = ["tahun", "status", "versi"]
    search_fields = ["opd__nama", "pihak_pertama_nama", "pihak_kedua_nama"]
    list_select_related = ["opd"]
    inlines = [PKIndikatorInline, PKProgramInline]
    actions = ["finalkan"]
    readonly_fields = [
        "status", "pihak_pertama_nama", "pihak_pertama_nip", "pihak_pertama_pangkat",
        "pihak_pertama_jabatan", "pihak_kedua_nama", "pihak_kedua_nip",
        "pihak_kedua_pangkat", "pihak_kedua_jabatan", "difinalkan_pada", "difinalkan_oleh",
    ]
    fieldsets = [
        (None, {"fields": ["opd", "tahun", "versi", "status", "tempat", "tanggal"]}),
        ("Perubahan", {"fields": ["alasan_perubahan", "keterangan_perubahan"]}),
        ("Para pihak", {"fields": [
            "pihak_pertama", "pihak_pertama_nama", "pihak_pertama_nip",
            "pihak_pertama_pangkat", "pihak_pertama_jabatan",
            "pihak_kedua", "pihak_kedua_nama", "pihak_kedua_nip", "pihak_kedua_pangkat",
            "pihak_kedua_jabatan",
        ]}),
        ("Pernyataan", {"fields": ["pernyataan"]}),
        ("Finalisasi", {"fields": ["difinalkan_pada", "difinalkan_oleh"]}),
    ]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status == PerjanjianKinerja.Status.FINAL:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status == PerjanjianKinerja.Status.FINAL:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        pk_copy_signatories(pk=obj)
        super().save_model(request, obj, form, change)

    @admin.action(description="Finalkan Perjanjian Kinerja terpilih", permissions=["change"])
    def finalkan(self, request, queryset):
        for pk in queryset.filter(status=PerjanjianKinerja.Status.DRAFT):
            if not self.has_change_permission(request, pk):
                continue
            try:
                pk_finalize(pk=pk, user=request.user)
            except ValidationError as e:
                self.message_user(request, f"{pk}: {'; '.join(e.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"{pk} difinalkan.", messages.SUCCESS)


@admin.register(RencanaProgram)
class RencanaProgramAdmin(ScopedAdmin):
    list_display = ["kode", "uraian", "periode", "target_k", "satuan", "target_rp",
                    "realisasi_rp"]
    list_filter = ["periode", "tingkat"]
    search_fields = ["kode", "uraian"]
    list_select_related = ["renstra__opd"]
