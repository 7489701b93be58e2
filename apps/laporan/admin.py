from django.contrib import admin

from apps.core.admin_scope import HanyaBacaMixin, ScopedAdmin, ScopedStackedInline

from .models import AnalisisSasaran, LaporanKinerja


class AnalisisInline(ScopedStackedInline):
    model = AnalisisSasaran


@admin.register(LaporanKinerja)
class LaporanKinerjaAdmin(ScopedAdmin):
    list_display = ["opd", "tahun", "revisi", "status", "difinalkan_pada"]
    list_filter = ["tahun", "status"]
    search_fields = ["opd__nama"]
    list_select_related = ["opd"]
    readonly_fields = ["status", "berkas_final", "sha256", "kode_verifikasi", "difinalkan_oleh",
                       "difinalkan_pada"]
    inlines = [AnalisisInline]

    def has_change_permission(self, request, obj=None):
        # A final report is a stored file; its words cannot change under it.
        if obj is not None and obj.status != LaporanKinerja.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != LaporanKinerja.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(AnalisisSasaran)
class AnalisisSasaranAdmin(HanyaBacaMixin, ScopedAdmin):
    """The analyses' own page is for reading them and their change history: they are written
    on the LKjIP page or in their report's inline above, which keep a final report
    read-only."""

    list_display = ["laporan", "sasaran"]
    list_filter = ["laporan__tahun"]
    search_fields = ["laporan__opd__nama"]
    list_select_related = ["laporan__opd", "sasaran"]

