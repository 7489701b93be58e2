from django.contrib import admin

from apps.core.admin_scope import (
    HanyaBacaMixin,
    ScopedAdmin,
    ScopedTabularInline,
    readonly_computed,
)
from apps.core.angka import format_nilai

from .models import (
    BuktiDukung,
    CatatanVerifikasi,
    JadwalPengisian,
    PengecualianKunci,
    Realisasi,
)
from .selectors import capaian_realisasi, realisasi_dengan_target, target_pengukuran


class CatatanInline(ScopedTabularInline):
    model = CatatanVerifikasi
    fields = ["dibuat", "penulis", "jenis", "isi"]
    readonly_fields = ["dibuat", "penulis", "jenis", "isi"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class BuktiInline(ScopedTabularInline):
    model = BuktiDukung
    fields = ["nama_asli", "jenis_konten", "ukuran", "diunggah_oleh", "diunggah_pada"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Realisasi)
class RealisasiAdmin(HanyaBacaMixin, ScopedAdmin):
    # Values are entered, submitted and verified on the realisasi pages, which enforce the
    # input window, the locks and optimistic locking; the admin only shows them.

    list_display = [
        "indikator",
        "opd_nama",
        "tahun",
        "triwulan",
        "nilai_tampil",
        "target_tampil",
        "capaian_tampil",
        "status",
    ]
    list_filter = ["tahun", "triwulan", "status"]
    search_fields = ["indikator__nama", "indikator__sasaran__tujuan__renstra__opd__nama"]
    list_select_related = ["indikator__sasaran__tujuan__renstra__opd"]
    readonly_fields = [
        "status",
        "versi",
        "target_tampil",
        "capaian_tampil",
        "diajukan_oleh",
        "diajukan_pada",
        "diverifikasi_oleh",
        "diverifikasi_pada",
    ]
    fields = [
        "indikator",
        "tahun",
        "triwulan",
        "nilai",
        "nilai_teks",
        "target_tampil",
        "capaian_tampil",
        "analisis",
        "solusi",
        "status",
        "versi",
        "diajukan_oleh",
        "diajukan_pada",
        "diverifikasi_oleh",
        "diverifikasi_pada",
    ]
    inlines = [BuktiInline, CatatanInline]

    def get_queryset(self, request):
        return realisasi_dengan_target(super().get_queryset(request))

    @readonly_computed("OPD")
    def opd_nama(self, obj):
        return (
            obj.indikator.sasaran.tujuan.renstra.opd.singkatan
            or obj.indikator.sasaran.tujuan.renstra.opd.nama
        )

    @readonly_computed("realisasi")
    def nilai_tampil(self, obj):
        return format_nilai(obj.nilai) if obj.nilai is not None else obj.nilai_teks

    @readonly_computed("target")
    def target_tampil(self, obj):
        target, sumber = target_pengukuran(obj)
        if target is None:
            return "-"
        return f"{format_nilai(target)} (target {sumber})"

    @readonly_computed("capaian nilai triwulan ini (dihitung)")
    def capaian_tampil(self, obj):
        return str(capaian_realisasi(obj)) if obj.pk else "-"


class PengecualianInline(ScopedTabularInline):
    model = PengecualianKunci
    fields = ["opd", "berlaku_sampai", "alasan", "dibuat_oleh"]
    readonly_fields = ["dibuat_oleh"]
    master_data = True


@admin.register(JadwalPengisian)
class JadwalPengisianAdmin(ScopedAdmin):
    list_display = ["tahun", "triwulan", "dibuka", "ditutup"]
    list_filter = ["tahun"]
    master_data = True
    inlines = [PengecualianInline]

    def save_formset(self, request, form, formset, change):
        for obj in formset.save(commit=False):
            if isinstance(obj, PengecualianKunci) and not obj.dibuat_oleh_id:
                obj.dibuat_oleh = request.user
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()
