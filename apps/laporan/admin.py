from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

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
    # The organisation chart is uploaded on the LKjIP page, where its content and size are
    # checked; here both stored files are shown through their permission-checked views.
    exclude = ["struktur_organisasi", "berkas_final"]
    readonly_fields = [
        "status",
        "unduh_final",
        "bagan",
        "sha256",
        "kode_verifikasi",
        "difinalkan_oleh",
        "difinalkan_pada",
        "opd_nama_final",
        "difinalkan_oleh_nama",
        "difinalkan_oleh_jabatan",
    ]
    inlines = [AnalisisInline]

    @admin.display(description="PDF final")
    def unduh_final(self, obj):
        if obj is None or not obj.berkas_final:
            return "-"
        return format_html(
            '<a href="{}">Unduh PDF final</a>', reverse("laporan:lkjip_final_pdf", args=[obj.pk])
        )

    @admin.display(description="bagan struktur organisasi")
    def bagan(self, obj):
        if obj is None or not obj.struktur_organisasi:
            return "-"
        return format_html(
            '<a href="{}">Lihat bagan</a>', reverse("laporan:lkjip_struktur", args=[obj.pk])
        )

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
